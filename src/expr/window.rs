//! Window functions: `f(...) OVER (PARTITION BY ... ORDER BY ... frame)`.
//!
//! A window function is evaluated once per row, over the rows of the row's *window*. The
//! ranking and value functions of this module ([`row_number`], [`rank`], [`lag`], ...) are only
//! meaningful with a window, so on their own they are not expressions: [`WindowFunction::over`]
//! turns one into an [`Over`] node, which is. Every aggregate (`sum(..)`, `count_star()`,
//! `avg(..)`, aggregates with `.filter_where(..)`) is a window function too.
//!
//! The window, a [`Window`], keeps its parts (partition list, order terms, frame) as types, so
//! the windowed expression is checked like any other: its columns must come from the query's
//! FROM clause, and in a grouped query they must be grouped (or aggregated: `ORDER BY` inside
//! `OVER` may use aggregates).
//!
//! Grouping flags of a windowed expression: it is evaluated per row, so it is *not* an
//! aggregate itself; it contains an aggregate or a plain column when one of its parts does
//! (the function's arguments, the partition list, the order terms). So
//! `select((users::name, row_number().over(w)))` needs no GROUP BY, while
//! `select((users::name, rank().over(Window::new().order_by(sum(x)))))` does.
//!
//! ```
//! use aludel::prelude::*;
//! aludel::table! { sales (id) { id -> Integer, region -> Text, amount -> Integer, } }
//!
//! let q = sales::table.select((
//!     sales::id,
//!     row_number().over(Window::new().partition_by(sales::region).order_by(sales::amount.desc())),
//!     sum(sales::amount).over(
//!         Window::new().order_by(sales::id).rows_between(unbounded_preceding(), current_row()),
//!     ),
//! ));
//! assert_eq!(
//!     q.compile::<Postgres>().sql(),
//!     r#"SELECT "sales"."id", ROW_NUMBER() OVER (PARTITION BY "sales"."region" ORDER BY "sales"."amount" DESC), SUM("sales"."amount") OVER (ORDER BY "sales"."id" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM "sales""#
//! );
//! assert_eq!(
//!     q.compile::<Sqlite>().sql(),
//!     r#"SELECT "sales"."id", ROW_NUMBER() OVER (PARTITION BY "sales"."region" ORDER BY "sales"."amount" DESC), SUM("sales"."amount") OVER (ORDER BY "sales"."id" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM "sales""#
//! );
//! ```
//!
//! The grouping rules apply to windows too. In a grouped query the window's columns must be
//! grouped (its ORDER BY may use aggregates):
//!
//! ```compile_fail
//! use aludel::prelude::*;
//! aludel::table! { sales (id) { id -> Integer, region -> Text, amount -> Integer, } }
//!
//! let ungrouped = sales::table
//!     .group_by(sales::region)
//!     .select((sales::region, rank().over(Window::new().order_by(sales::amount))));
//! ```
//!
//! and a window ordered by an aggregate makes the query an aggregate query, which without
//! GROUP BY cannot also select plain columns:
//!
//! ```compile_fail
//! use aludel::prelude::*;
//! aludel::table! { sales (id) { id -> Integer, region -> Text, amount -> Integer, } }
//!
//! let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
//! let mixed = sales::table
//!     .select((sales::region, rank().over(Window::new().order_by(sum(sales::amount)))))
//!     .load::<(String, i64)>(&mut conn);
//! ```
//!
//! Not checked by types (the database reports them): a windowed expression in `WHERE`,
//! `GROUP BY` or `HAVING`; `count_distinct(..).over(..)` (no database implements DISTINCT in
//! window aggregates); a `RANGE` frame with an offset needs exactly one numeric ORDER BY term.

mod aggregates;
mod frame;
mod ranking;
mod shift;
mod spec;
mod value;

pub use frame::{
    CurrentRow, Following, Frame, FrameBetween, Preceding, UnboundedFollowing, UnboundedPreceding,
    current_row, following, preceding, unbounded_following, unbounded_preceding,
};
pub use ranking::{
    CumeDist, DenseRank, Ntile, PercentRank, Rank, RowNumber, cume_dist, dense_rank, ntile,
    percent_rank, rank, row_number,
};
pub use shift::{
    Lag, LagFn, Lead, LeadFn, NoArg, OptionalArg, OptionalArgIn, Shift, ShiftFunction, lag, lag_by,
    lag_or, lead, lead_by, lead_or,
};
pub use spec::{
    NoFrame, NoPartition, NoWindowOrder, PartitionBy, PartitionIn, PartitionList, Window,
    WindowOrder, WindowOrderBy, WindowOrderGrouping, WindowPart, WindowPartGrouping, WindowPartIn,
};
pub use value::{FirstValue, LastValue, NthValue, first_value, last_value, nth_value};

use super::{Expression, ValidGrouping, ValidIn};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::types::{Flag, SqlType};

/// A function that can be evaluated over a window: the ranking and value functions
/// ([`row_number`], [`lag`], [`first_value`], ...) and every aggregate.
///
/// `ArgAggregate` / `ArgPlain` are the grouping flags of the function's *arguments* (for an
/// aggregate: what it aggregates), which a windowed expression passes on.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, grp -> Text, } }
///
/// let q = t::table.select((t::id, count_star().over(Window::new().partition_by(t::grp))));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "t"."id", COUNT(*) OVER (PARTITION BY "t"."grp") FROM "t""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT "t"."id", COUNT(*) OVER (PARTITION BY "t"."grp") FROM "t""#
/// );
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a window function or an aggregate",
    label = "`.over(...)` applies to window functions such as `row_number()` and to aggregates such as `sum(...)`"
)]
pub trait WindowFunction: Sized {
    /// The SQL type of the function's value.
    type SqlType: SqlType;
    /// `B1` if an argument contains an aggregate function.
    type ArgAggregate: Flag;
    /// `B1` if an argument contains a column outside any aggregate.
    type ArgPlain: Flag;

    /// `self OVER (window)`: evaluates the function for each row over the row's window. The
    /// result is an expression; `Window::new()` is the whole result set (`OVER ()`).
    fn over<P, O, Fr>(self, window: Window<P, O, Fr>) -> Over<Self, Window<P, O, Fr>> {
        Over { function: self, window }
    }
}

/// The arguments of window function `Self` are valid in the FROM clause `F` (proved by index
/// `I`); `SqlTypeIn` is the function's SQL type there. (A window function is not an expression
/// on its own, so it is not [`ValidIn`]; its [`Over`] node is.)
#[diagnostic::on_unimplemented(
    message = "the arguments of `{Self}` cannot be used in a query whose FROM clause is `{F}`",
    label = "not valid in this query"
)]
pub trait WindowArgsIn<F, I> {
    /// The SQL type of the function evaluated over `F`.
    type SqlTypeIn: SqlType;
}

/// The arguments of window function `Self` may stand in a query grouped by `G` (proved by
/// index `I`): each of their columns is grouped or inside an aggregate.
#[diagnostic::on_unimplemented(
    message = "the arguments of `{Self}` use a column that is neither grouped nor aggregated (grouped by `{G}`)",
    label = "not valid in this grouped query"
)]
pub trait WindowArgsGrouping<G, I> {}

/// `function OVER (window)`: a window function applied over a [`Window`].
#[derive(Debug, Clone, Copy)]
pub struct Over<Func, W> {
    function: Func,
    window: W,
}

type FlagOr3<A, B, C> = <<A as Flag>::Or<B> as Flag>::Or<C>;

impl<Func, P, O, Fr> Expression for Over<Func, Window<P, O, Fr>>
where
    Func: WindowFunction,
    P: WindowPart,
    O: WindowPart,
{
    type SqlType = Func::SqlType;
    type Aggregate = FlagOr3<Func::ArgAggregate, P::Aggregate, O::Aggregate>;
    type Plain = FlagOr3<Func::ArgPlain, P::Plain, O::Plain>;
    type Window = typenum::B1;
}

impl<Func, P, O, Fr, F, IF, IP, IO> ValidIn<F, (IF, IP, IO)> for Over<Func, Window<P, O, Fr>>
where
    Func: WindowArgsIn<F, IF> + WindowFunction,
    P: WindowPartIn<F, IP> + WindowPart,
    O: WindowPartIn<F, IO> + WindowPart,
{
    type SqlTypeIn = <Func as WindowArgsIn<F, IF>>::SqlTypeIn;
}

impl<Func, P, O, Fr, G, IF, IP, IO> ValidGrouping<G, (IF, IP, IO)> for Over<Func, Window<P, O, Fr>>
where
    Func: WindowArgsGrouping<G, IF>,
    P: WindowPartGrouping<G, IP>,
    O: WindowPartGrouping<G, IO>,
{
}

impl<D: Dialect, Func: QueryFragment<D>, W: QueryFragment<D>> QueryFragment<D> for Over<Func, W> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        self.function.walk(out);
        out.push_sql(" OVER ");
        self.window.walk(out);
    }
}

crate::__impl_arithmetic!([Func, W,] Over<Func, W>);
