//! The ranking window functions: ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE.
//! None of them is an expression until [`over`](super::WindowFunction::over) gives it a window.

use super::{WindowArgsGrouping, WindowArgsIn, WindowFunction};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::expr::{AsExpression, Expression, ValidGrouping, ValidIn};
use crate::types::{BigInt, Double, Flag, Integer, SqlType};
use typenum::B0;

macro_rules! ranking {
    ($($ty:ident $sql:literal $st:ty;)*) => {$(
        #[doc = concat!("`", $sql, "`: build with the function of the same name, then `.over(window)`.")]
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $ty;
        impl WindowFunction for $ty {
            type SqlType = $st;
            type ArgAggregate = B0;
            type ArgPlain = B0;
        }
        impl<F> WindowArgsIn<F, ()> for $ty {
            type SqlTypeIn = $st;
        }
        impl<G> WindowArgsGrouping<G, ()> for $ty {}
        impl<D: Dialect> QueryFragment<D> for $ty {
            fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
                out.push_sql($sql);
            }
        }
    )*};
}

ranking! {
    RowNumber "ROW_NUMBER()" BigInt;
    Rank "RANK()" BigInt;
    DenseRank "DENSE_RANK()" BigInt;
    PercentRank "PERCENT_RANK()" Double;
    CumeDist "CUME_DIST()" Double;
}

/// `ROW_NUMBER()`: the number of the row in its partition, from 1, in window order.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, grp -> Text, } }
///
/// let q = t::table.select((t::id, row_number().over(Window::new().partition_by(t::grp).order_by(t::id))));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "t"."id", ROW_NUMBER() OVER (PARTITION BY "t"."grp" ORDER BY "t"."id") FROM "t""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT "t"."id", ROW_NUMBER() OVER (PARTITION BY "t"."grp" ORDER BY "t"."id") FROM "t""#
/// );
/// ```
pub fn row_number() -> RowNumber {
    RowNumber
}

/// `RANK()`: the rank of the row in window order, with gaps after ties (1, 1, 3).
///
/// In a grouped query the window may order by an aggregate:
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, grp -> Text, x -> Integer, } }
///
/// let q = t::table
///     .group_by(t::grp)
///     .select((t::grp, rank().over(Window::new().order_by(sum(t::x).desc()))));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "t"."grp", RANK() OVER (ORDER BY SUM("t"."x") DESC) FROM "t" GROUP BY "t"."grp""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT "t"."grp", RANK() OVER (ORDER BY SUM("t"."x") DESC) FROM "t" GROUP BY "t"."grp""#
/// );
/// ```
pub fn rank() -> Rank {
    Rank
}

/// `DENSE_RANK()`: the rank of the row in window order, without gaps (1, 1, 2).
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, x -> Integer, } }
///
/// let q = t::table.select(dense_rank().over(Window::new().order_by(t::x.desc())));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT DENSE_RANK() OVER (ORDER BY "t"."x" DESC) FROM "t""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT DENSE_RANK() OVER (ORDER BY "t"."x" DESC) FROM "t""#
/// );
/// ```
pub fn dense_rank() -> DenseRank {
    DenseRank
}

/// `PERCENT_RANK()`: `(rank - 1) / (rows in partition - 1)`, from 0 to 1.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, x -> Integer, } }
///
/// let q = t::table.select(percent_rank().over(Window::new().order_by(t::x)));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT PERCENT_RANK() OVER (ORDER BY "t"."x") FROM "t""#
/// );
/// assert_eq!(q.compile::<Sqlite>().sql(), r#"SELECT PERCENT_RANK() OVER (ORDER BY "t"."x") FROM "t""#);
/// ```
pub fn percent_rank() -> PercentRank {
    PercentRank
}

/// `CUME_DIST()`: the fraction of partition rows ordered before or as peers of this row.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, x -> Integer, } }
///
/// let q = t::table.select(cume_dist().over(Window::new().order_by(t::x)));
/// assert_eq!(q.compile::<Postgres>().sql(), r#"SELECT CUME_DIST() OVER (ORDER BY "t"."x") FROM "t""#);
/// assert_eq!(q.compile::<Sqlite>().sql(), r#"SELECT CUME_DIST() OVER (ORDER BY "t"."x") FROM "t""#);
/// ```
pub fn cume_dist() -> CumeDist {
    CumeDist
}

/// `NTILE(n)`: the bucket (1 to `n`) of the row when the partition is split into `n` buckets
/// as equal as possible.
#[derive(Debug, Clone)]
pub struct Ntile<N>(N);

/// `NTILE(n)`: splits the partition, in window order, into `n` buckets numbered from 1.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, x -> Integer, } }
///
/// let q = t::table.select((t::id, ntile(4).over(Window::new().order_by(t::x))));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "t"."id", NTILE($1) OVER (ORDER BY "t"."x") FROM "t""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT "t"."id", NTILE(?1) OVER (ORDER BY "t"."x") FROM "t""#
/// );
/// ```
pub fn ntile<N: AsExpression<Integer>>(buckets: N) -> Ntile<N::Expr> {
    Ntile(buckets.as_expression())
}

impl<N: Expression> WindowFunction for Ntile<N> {
    type SqlType = <<N::SqlType as SqlType>::IsNullable as Flag>::Apply<Integer>;
    type ArgAggregate = N::Aggregate;
    type ArgPlain = N::Plain;
}
impl<N: ValidIn<F, I>, F, I> WindowArgsIn<F, I> for Ntile<N> {
    type SqlTypeIn = <<N::SqlTypeIn as SqlType>::IsNullable as Flag>::Apply<Integer>;
}
impl<N: ValidGrouping<G, I>, G, I> WindowArgsGrouping<G, I> for Ntile<N> {}
impl<D: Dialect, N: QueryFragment<D>> QueryFragment<D> for Ntile<N> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("NTILE(");
        self.0.walk(out);
        out.push_sql(")");
    }
}
