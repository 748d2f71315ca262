//! The typed expression language: every SQL expression is a value whose type says its SQL type,
//! whether it contains an aggregate, and which tables it needs.
//!
//! Glossary of generic parameter names used throughout aludel:
//! `ST` a SQL type, `D` a dialect, `F` a FROM clause (a table or a join of tables),
//! `I` an inferred index proving that something is found in `F`, `E` an expression,
//! `L`/`R` the left and right operands of an operator.

mod aggregate;
mod array;
mod bind;
mod case;
mod cast;
mod functions;
mod grouping;
mod in_list;
#[cfg(feature = "json")]
mod json;
mod label;
mod like_escape;
mod methods;
mod operators;
mod ordering;
mod placement;
mod raw;
mod typed_bind;
mod window;

pub use aggregate::{
    Agg, AggregateFunction, AggregateOutput, Avg, BoolAnd, BoolOr, Count, CountStar, Filtered,
    IsAggregate, Max, Min, StringAgg, Sum, Summable, avg, bool_and, bool_or, count, count_distinct,
    count_star, max, min, string_agg, sum,
};
pub use array::{
    ArrayAgg, ArrayContainedBy, ArrayContains, ArrayExpressionMethods, ArrayIndex, ArrayOverlaps,
    Cardinality, EqAny, array_agg,
};
pub use bind::{Bound, LeftNumber, LeftValue};
pub use case::{
    Branches, Case, CasePart, CasePartIn, Else, NoElse, SqlTypeOfValue, When, WithBranch, case_when,
};
pub use cast::{Cast, CastTo};
pub use functions::datetime::{
    AddDays, AddMonths, AddYears, DateAdd, DateField, DateLike, Day, Extract, Month, Year,
    extract_day, extract_month, extract_year,
};
pub use functions::interval::{AddInterval, IntervalBind, IntervalSince};
pub use functions::null::{Coalesce, NullIf, coalesce, nullif};
pub use functions::numeric::{Abs, FractionalType, Round, RoundTo, abs, round, round_to};
pub use functions::string::{
    Length, Lower, Replace, Substr, Trim, Upper, length, lower, replace, substring, trim, upper,
};
pub use functions::{ArgTypes, Arguments, ArgumentsIn, Call, SameAsFirst, ScalarFunction};
pub use grouping::{
    AggregatesNotMixed, GroupContains, GroupKey, InGroup, Itself, SelectFlags, ValidGrouping, Whole,
};
pub use in_list::{Between, InList};
#[cfg(feature = "json")]
pub use json::{
    JsonContains, JsonExpressionMethods, JsonGet, JsonGetText, JsonHasKey, JsonPathStep,
};
pub use label::{LabelMethods, Labeled, OutputName};
pub use like_escape::{LIKE_ESCAPE, LikeEscapeMethods, LikeEscaped, escape_like};
pub use methods::{BoolExpressionMethods, ExpressionMethods, TextExpressionMethods};
pub use operators::{
    Add, And, ArithmeticOperand, Binary, BinaryOperator, Concat, Div, Eq, Ge, Gt, ILike,
    IntegerType, IsNotNull, IsNull, Le, Like, Lt, Mul, Ne, Not, NotLike, NumericOperand,
    OperatorFor, OperatorResult, Or, Postfix, PostfixOperator, Prefix, PrefixOperator, Rem,
    RemainderOperand, Sub,
};
pub use ordering::{Asc, Desc, NullsFirst, NullsLast, OrderIn};
pub use placement::{
    Absent, NoAggregateInAggregate, NoAggregateInAssignment, NoAggregateInFilter,
    NoAggregateInGroupBy, NoAggregateInOn, NoAggregateInReturning, NoAggregateInWhere,
    NoWindowInAggregate, NoWindowInAssignment, NoWindowInFilter, NoWindowInGroupBy,
    NoWindowInHaving, NoWindowInOn, NoWindowInReturning, NoWindowInWhere, NoWindowInWindow,
};
pub use raw::{SqlLiteral, sql};
pub use typed_bind::{IntoExpression, TypedBind};
pub use window::{
    CumeDist, CurrentRow, DenseRank, FirstValue, Following, Frame, FrameBetween, Lag, LagFn,
    LastValue, Lead, LeadFn, NoArg, NoFrame, NoPartition, NoWindowOrder, NthValue, Ntile,
    OptionalArg, OptionalArgIn, Over, PartitionBy, PartitionIn, PartitionList, PercentRank,
    Preceding, Rank, RowNumber, Shift, ShiftFunction, UnboundedFollowing, UnboundedPreceding,
    Window, WindowArgsGrouping, WindowArgsIn, WindowFunction, WindowOrder, WindowOrderBy,
    WindowOrderGrouping, WindowPart, WindowPartGrouping, WindowPartIn, cume_dist, current_row,
    dense_rank, first_value, following, lag, lag_by, lag_or, last_value, lead, lead_by, lead_or,
    nth_value, ntile, percent_rank, preceding, rank, row_number, unbounded_following,
    unbounded_preceding,
};

use crate::types::{Comparable, Flag, SqlType};

/// A SQL expression.
///
/// `Aggregate` says whether it contains an aggregate function; `Plain` whether it contains a
/// column outside any aggregate. Together they decide where the expression may stand in a
/// grouped query.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a SQL expression",
    label = "expected a column, a bound value or an expression built from them"
)]
pub trait Expression {
    /// The SQL type of the expression's value (before outer joins make it nullable).
    type SqlType: SqlType;
    /// `B1` if an aggregate function is in the expression.
    type Aggregate: Flag;
    /// `B1` if a column appears outside any aggregate function.
    type Plain: Flag;
    /// `B1` if a window function (`... OVER (...)`) appears.
    type Window: Flag;
}

/// An expression that may stand in a query whose FROM clause is `F`: every column it uses
/// comes from a table of `F`. `I` is the (inferred) proof of where each column was found.
///
/// `SqlTypeIn` is the expression's SQL type *in* `F`: columns from the nullable side of an
/// outer join become `Nullable`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used in a query whose FROM clause is `{F}`",
    label = "not valid in this query"
)]
pub trait ValidIn<F, I>: Expression {
    /// The SQL type of the expression evaluated over `F`.
    type SqlTypeIn: SqlType;
}

/// A condition (WHERE, HAVING, ON) valid in a query over `F`: an expression whose SQL type
/// there is `Bool` or `Nullable<Bool>`.
pub trait ConditionIn<F, I> {}

impl<E, F, I> ConditionIn<F, I> for E
where
    E: Expression + ValidIn<F, I>,
    E::SqlTypeIn: crate::types::BoolLike,
{
}

/// A Rust value or an expression usable where SQL type `ST` is expected.
///
/// Rust values become bind parameters ([`Bound`]); expressions are used as they are when
/// their SQL type is comparable with `ST`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as a SQL `{ST}` value",
    label = "expected a value or expression of SQL type `{ST}`"
)]
pub trait AsExpression<ST: SqlType> {
    /// The expression this becomes.
    type Expr: Expression;
    /// Converts into the expression.
    #[allow(clippy::wrong_self_convention)] // a conversion of a (usually `Copy`) value
    fn as_expression(self) -> Self::Expr;
}

impl<E, ST> AsExpression<ST> for E
where
    E: Expression,
    ST: SqlType,
    <E::SqlType as SqlType>::NotNull: Comparable<ST::NotNull>,
{
    type Expr = E;
    #[inline]
    fn as_expression(self) -> E {
        self
    }
}

/// The SQL type of an expression.
pub type SqlTypeOf<E> = <E as Expression>::SqlType;
