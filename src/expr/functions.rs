//! Scalar SQL functions: one generic node, [`Call`], for every function written
//! `NAME(arg, ...)`, with the function itself a zero-sized type that names its SQL and its
//! result type. Functions that dialects spell differently have nodes of their own.
//!
//! The constructors live by topic: `string` (LOWER, SUBSTR, ...), `numeric` (ABS, ROUND),
//! `null` (COALESCE, NULLIF) and `datetime` (EXTRACT, adding days).

pub(super) mod datetime;
pub(super) mod interval;
pub(super) mod null;
pub(super) mod numeric;
pub(super) mod string;

use super::{Expression, ValidGrouping, ValidIn};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::expr::GroupKey;
use crate::types::{Flag, SqlType};
use std::marker::PhantomData;

/// The SQL types of a function's arguments, as a tuple of SQL types, summarized for the
/// result-type rules of [`ScalarFunction`].
pub trait ArgTypes {
    /// The first argument's SQL type.
    type First: SqlType;
    /// `B1` if any argument may be NULL.
    type AnyNullable: Flag;
    /// `B1` if every argument may be NULL.
    type AllNullable: Flag;
}

/// A tuple of argument expressions.
pub trait Arguments {
    /// The arguments' SQL types.
    type Types: ArgTypes;
    /// `B1` if an argument contains an aggregate.
    type Aggregate: Flag;
    /// `B1` if an argument contains a plain column.
    type Plain: Flag;
    /// `B1` if a window function (`... OVER (...)`) appears.
    type Window: Flag;
}

/// A tuple of argument expressions valid in FROM clause `F` (proved at the tuple index `I`).
pub trait ArgumentsIn<F, I> {
    /// The arguments' SQL types in `F` (outer joins applied).
    type Types: ArgTypes;
}

/// A SQL function written `NAME(arg, ...)` in every dialect.
pub trait ScalarFunction: 'static {
    /// The standard (PostgreSQL) name; dialects may rename it through
    /// [`Dialect::function_name`].
    const NAME: &'static str;
    /// The result type for arguments of types `A`.
    type Output<A: ArgTypes>: SqlType;
}

/// `NAME(args)`: a call of the scalar function `Fn`.
#[derive(Debug, Clone, Copy)]
pub struct Call<Fn, Args> {
    args: Args,
    _fn: PhantomData<Fn>,
}

impl<Fn, Args> Call<Fn, Args> {
    pub(crate) fn new(args: Args) -> Self {
        Call { args, _fn: PhantomData }
    }
}

impl<Fn: ScalarFunction, Args: Arguments> Expression for Call<Fn, Args> {
    type SqlType = Fn::Output<Args::Types>;
    type Aggregate = Args::Aggregate;
    type Plain = Args::Plain;
    type Window = Args::Window;
}

impl<Fn: ScalarFunction, Args: ArgumentsIn<F, I> + Arguments, F, I> ValidIn<F, I>
    for Call<Fn, Args>
{
    type SqlTypeIn = Fn::Output<<Args as ArgumentsIn<F, I>>::Types>;
}

impl<Fn, Args: ValidGrouping<G, I>, G, I> ValidGrouping<G, (I,)> for Call<Fn, Args> {}
impl<Fn, Args: GroupKey> GroupKey for Call<Fn, Args> {}

impl<D: Dialect, Fn: ScalarFunction, Args: QueryFragment<D>> QueryFragment<D> for Call<Fn, Args> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(D::function_name(Fn::NAME));
        out.push_sql("(");
        self.args.walk(out);
        out.push_sql(")");
    }
}

crate::__impl_arithmetic!([Fn, Args,] Call<Fn, Args>);

macro_rules! argument_tuples {
    ($first:ident $fi:ident $fn:tt $(, $t:ident $i:ident $tn:tt)*) => {
        impl<$first: SqlType, $($t: SqlType),*> ArgTypes for ($first, $($t,)*) {
            type First = $first;
            type AnyNullable = <$first::IsNullable as Flag>::Or<
                <($($t,)*) as NullFlags>::Any,
            >;
            type AllNullable = <$first::IsNullable as Flag>::And<
                <($($t,)*) as NullFlags>::All,
            >;
        }

        impl<$first: SqlType, $($t: SqlType),*> NullFlags for ($first, $($t,)*) {
            type Any = <($first, $($t,)*) as ArgTypes>::AnyNullable;
            type All = <($first, $($t,)*) as ArgTypes>::AllNullable;
        }

        impl<$first: Expression, $($t: Expression),*> Arguments for ($first, $($t,)*) {
            type Types = ($first::SqlType, $($t::SqlType,)*);
            type Aggregate = <$first::Aggregate as Flag>::Or<
                <($($t,)*) as super::SelectFlags>::Aggregate,
            >;
            type Plain = <$first::Plain as Flag>::Or<<($($t,)*) as super::SelectFlags>::Plain>;
            type Window = <$first::Window as Flag>::Or<<($($t,)*) as super::SelectFlags>::Window>;
        }

        impl<F, $first: ValidIn<F, $fi>, $fi, $($t: ValidIn<F, $i>, $i),*>
            ArgumentsIn<F, ($fi, $($i,)*)> for ($first, $($t,)*)
        {
            type Types = ($first::SqlTypeIn, $($t::SqlTypeIn,)*);
        }
    };
}

/// Nullability summary of a (possibly empty) tuple of SQL types: the neutral elements for
/// the empty tail of [`ArgTypes`].
#[doc(hidden)]
pub trait NullFlags {
    /// `B1` if any type is nullable.
    type Any: Flag;
    /// `B1` if every type is nullable.
    type All: Flag;
}

impl NullFlags for () {
    type Any = typenum::B0;
    type All = typenum::B1;
}

for_tuples!(argument_tuples up to 16);

/// Declares zero-sized function types: `Name "SQL" => |A| output-type;`.
macro_rules! scalar_functions {
    ($($(#[$doc:meta])* $name:ident $sql:literal => |$a:ident| $out:ty;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;
        impl $crate::expr::functions::ScalarFunction for $name {
            const NAME: &'static str = $sql;
            type Output<$a: $crate::expr::functions::ArgTypes> = $out;
        }
    )*};
}
pub(crate) use scalar_functions;

/// The first argument's type, nullable if any argument is (the rule of most functions).
pub type SameAsFirst<A> =
    <<A as ArgTypes>::AnyNullable as Flag>::Apply<<<A as ArgTypes>::First as SqlType>::NotNull>;
