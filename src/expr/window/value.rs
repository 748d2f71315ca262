//! The value window functions: FIRST_VALUE, LAST_VALUE, NTH_VALUE (NULL when the frame has no
//! such row, so their type is always nullable).

use super::{WindowArgsGrouping, WindowArgsIn, WindowFunction};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::expr::{AsExpression, Expression, NoWindowInWindow, ValidGrouping, ValidIn};
use crate::types::{Flag, Integer, Nullable, SqlType};

macro_rules! value_function {
    ($($ty:ident $sql:literal;)*) => {$(
        #[doc = concat!("`", $sql, "(e)`: build with the function of the same name, then `.over(window)`.")]
        #[derive(Debug, Clone, Copy)]
        pub struct $ty<E>(E);
        impl<E: Expression> WindowFunction for $ty<E> {
            type SqlType = Nullable<<E::SqlType as SqlType>::NotNull>;
            type ArgAggregate = E::Aggregate;
            type ArgPlain = E::Plain;
        }
        impl<E: ValidIn<F, I>, F, I> WindowArgsIn<F, I> for $ty<E> {
            type SqlTypeIn = Nullable<<E::SqlTypeIn as SqlType>::NotNull>;
        }
        impl<E: ValidGrouping<G, I>, G, I> WindowArgsGrouping<G, I> for $ty<E> {}
        impl<D: Dialect, E: QueryFragment<D>> QueryFragment<D> for $ty<E> {
            fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
                out.push_sql(concat!($sql, "("));
                self.0.walk(out);
                out.push_sql(")");
            }
        }
    )*};
}

value_function! {
    FirstValue "FIRST_VALUE";
    LastValue "LAST_VALUE";
}

/// `FIRST_VALUE(e)`: `e` at the first row of the frame (NULL for an empty frame).
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, grp -> Text, name -> Text, } }
///
/// let q = t::table.select((t::id, first_value(t::name).over(Window::new().partition_by(t::grp).order_by(t::id))));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "t"."id", FIRST_VALUE("t"."name") OVER (PARTITION BY "t"."grp" ORDER BY "t"."id") FROM "t""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT "t"."id", FIRST_VALUE("t"."name") OVER (PARTITION BY "t"."grp" ORDER BY "t"."id") FROM "t""#
/// );
/// ```
pub fn first_value<E: Expression + NoWindowInWindow>(e: E) -> FirstValue<E> {
    FirstValue(e)
}

/// `LAST_VALUE(e)`: `e` at the last row of the frame. With ORDER BY the default frame ends at
/// the current row's last peer; give the window a frame such as
/// `.rows_between(unbounded_preceding(), unbounded_following())` for the partition's last row.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, name -> Text, } }
///
/// let q = t::table.select(last_value(t::name).over(
///     Window::new().order_by(t::id).rows_between(unbounded_preceding(), unbounded_following()),
/// ));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT LAST_VALUE("t"."name") OVER (ORDER BY "t"."id" ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM "t""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT LAST_VALUE("t"."name") OVER (ORDER BY "t"."id" ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM "t""#
/// );
/// ```
pub fn last_value<E: Expression + NoWindowInWindow>(e: E) -> LastValue<E> {
    LastValue(e)
}

/// `NTH_VALUE(e, n)`: `e` at the `n`-th row (from 1) of the frame, NULL if there is none.
#[derive(Debug, Clone)]
pub struct NthValue<E, N> {
    expr: E,
    n: N,
}

/// `NTH_VALUE(e, n)`: `e` at the `n`-th row of the frame.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, name -> Text, } }
///
/// let q = t::table.select(nth_value(t::name, 2).over(Window::new().order_by(t::id)));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT NTH_VALUE("t"."name", $1) OVER (ORDER BY "t"."id") FROM "t""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT NTH_VALUE("t"."name", ?1) OVER (ORDER BY "t"."id") FROM "t""#
/// );
/// ```
pub fn nth_value<E: Expression + NoWindowInWindow, N: AsExpression<Integer>>(
    e: E,
    n: N,
) -> NthValue<E, N::Expr> {
    NthValue { expr: e, n: n.as_expression() }
}

impl<E: Expression, N: Expression> WindowFunction for NthValue<E, N> {
    type SqlType = Nullable<<E::SqlType as SqlType>::NotNull>;
    type ArgAggregate = <E::Aggregate as Flag>::Or<N::Aggregate>;
    type ArgPlain = <E::Plain as Flag>::Or<N::Plain>;
}
impl<E: ValidIn<F, IE>, N: ValidIn<F, IN>, F, IE, IN> WindowArgsIn<F, (IE, IN)> for NthValue<E, N> {
    type SqlTypeIn = Nullable<<E::SqlTypeIn as SqlType>::NotNull>;
}
impl<E: ValidGrouping<G, IE>, N: ValidGrouping<G, IN>, G, IE, IN> WindowArgsGrouping<G, (IE, IN)>
    for NthValue<E, N>
{
}
impl<D: Dialect, E: QueryFragment<D>, N: QueryFragment<D>> QueryFragment<D> for NthValue<E, N> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("NTH_VALUE(");
        self.expr.walk(out);
        out.push_sql(", ");
        self.n.walk(out);
        out.push_sql(")");
    }
}
