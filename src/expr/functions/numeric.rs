//! Numeric functions: ABS and ROUND (the remainder is the `%` operator on integers).

use super::{Call, SameAsFirst, scalar_functions};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::expr::{AsExpression, Expression, ValidGrouping, ValidIn};
use crate::types::{Double, Flag, Float, Integer, Nullable, Numeric, NumericType, SqlType};

scalar_functions! {
    /// `ABS(number)`
    Abs "ABS" => |A| SameAsFirst<A>;
    /// `ROUND(number)`: to the nearest integral value, keeping the type.
    Round "ROUND" => |A| SameAsFirst<A>;
}

/// SQL types with a fractional part, which ROUND works on.
#[diagnostic::on_unimplemented(
    message = "SQL `{Self}` has no fractional part to round",
    label = "ROUND needs a Float, Double or Numeric expression",
    note = "`cast::<Double>()` an integer first if you mean to round a computed value"
)]
pub trait FractionalType: NumericType {}
impl FractionalType for Float {}
impl FractionalType for Double {}
impl FractionalType for Numeric {}
impl<T: FractionalType> FractionalType for Nullable<T> {}

/// `ABS(e)`: the absolute value, of `e`'s type.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { accounts (id) { id -> Integer, balance -> Double, } }
///
/// let q = accounts::table.select(abs(accounts::balance));
/// assert_eq!(q.compile::<Sqlite>().sql(), r#"SELECT ABS("accounts"."balance") FROM "accounts""#);
/// assert_eq!(q.compile::<Postgres>().sql(), r#"SELECT ABS("accounts"."balance") FROM "accounts""#);
/// ```
pub fn abs<E>(e: E) -> Call<Abs, (E,)>
where
    E: Expression,
    E::SqlType: NumericType,
{
    Call::new((e,))
}

/// `ROUND(e)`: rounded to the nearest integral value, keeping `e`'s type.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { accounts (id) { id -> Integer, balance -> Double, } }
///
/// let q = accounts::table.select(round(accounts::balance));
/// assert_eq!(q.compile::<Sqlite>().sql(), r#"SELECT ROUND("accounts"."balance") FROM "accounts""#);
/// assert_eq!(q.compile::<Postgres>().sql(), r#"SELECT ROUND("accounts"."balance") FROM "accounts""#);
/// ```
pub fn round<E>(e: E) -> Call<Round, (E,)>
where
    E: Expression,
    E::SqlType: FractionalType,
{
    Call::new((e,))
}

/// `ROUND(e, digits)`: rounded to `digits` decimal places, keeping `e`'s type.
///
/// PostgreSQL only has `round(numeric, integer)`, so there the value is rounded as NUMERIC
/// and cast back.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { accounts (id) { id -> Integer, balance -> Double, } }
///
/// let q = accounts::table.select(round_to(accounts::balance, 2));
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT ROUND("accounts"."balance", ?1) FROM "accounts""#
/// );
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT CAST(ROUND(CAST("accounts"."balance" AS NUMERIC), $1) AS DOUBLE PRECISION) FROM "accounts""#
/// );
/// ```
pub fn round_to<E, N>(e: E, digits: N) -> RoundTo<E, N::Expr>
where
    E: Expression,
    E::SqlType: FractionalType,
    N: AsExpression<Integer>,
{
    RoundTo { value: e, digits: digits.as_expression() }
}

/// `ROUND(value, digits)`, written by [`Dialect::walk_round_digits`].
#[derive(Debug, Clone, Copy)]
pub struct RoundTo<E, N> {
    value: E,
    digits: N,
}

type RoundType<E, N> =
    <<<N as SqlType>::IsNullable as Flag>::Or<<E as SqlType>::IsNullable> as Flag>::Apply<
        <E as SqlType>::NotNull,
    >;

impl<E: Expression, N: Expression> Expression for RoundTo<E, N> {
    type SqlType = RoundType<E::SqlType, N::SqlType>;
    type Aggregate = <E::Aggregate as Flag>::Or<N::Aggregate>;
    type Plain = <E::Plain as Flag>::Or<N::Plain>;
    type Window = <E::Window as Flag>::Or<N::Window>;
}

impl<E: ValidIn<F, IE>, N: ValidIn<F, IN>, F, IE, IN> ValidIn<F, (IE, IN)> for RoundTo<E, N> {
    type SqlTypeIn = RoundType<E::SqlTypeIn, N::SqlTypeIn>;
}

impl<E: ValidGrouping<G, IE>, N: ValidGrouping<G, IN>, G, IE, IN> ValidGrouping<G, (IE, IN)>
    for RoundTo<E, N>
{
}

impl<D: Dialect, E, N> QueryFragment<D> for RoundTo<E, N>
where
    E: Expression + QueryFragment<D>,
    N: QueryFragment<D>,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        D::walk_round_digits(&self.value, &self.digits, <E::SqlType as SqlType>::KIND, out);
    }
}

crate::__impl_arithmetic!([E, N,] RoundTo<E, N>);
