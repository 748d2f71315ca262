//! Subqueries as expressions: scalar, IN, EXISTS, ANY/ALL; and correlation with an outer query.
//!
//! A subquery is checked when it is built, like any query. A correlated subquery is built over
//! [`Correlated`]`<F, O>`, whose FROM is `F` but whose columns may also come from the outer
//! tables `O`; using it then requires `O` to be in the outer query's FROM clause, with the
//! same "table is not in this query's FROM clause" error as a misplaced column.

use super::select::SelectStatement;
use super::{AsQuery, Query};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder, SupportsAnyAll};
use crate::expr::{Expression, ValidGrouping, ValidIn};
use crate::schema::{FromClause, HasTable, InLeft, InRight, QuerySource, Table};
use crate::types::{Bool, Comparable, Flag, Nullable, SqlType};
use typenum::B0;

/// A query whose rows are single values of SQL type `ST`: what a scalar subquery, IN and
/// ANY/ALL need.
#[diagnostic::on_unimplemented(
    message = "this subquery selects `{Self}`, but a single column is needed here",
    label = "select exactly one column in the subquery"
)]
pub trait SingleColumn {
    /// The column's SQL type.
    type SqlType: SqlType;
}

impl<ST: SqlType> SingleColumn for ST {
    type SqlType = ST;
}

/// The outer tables a (correlated) query refers to; `()` for an uncorrelated one.
pub trait Correlation {
    /// A table, a tuple of tables, or `()`.
    type Outer;
}

impl<T: Table> Correlation for T {
    type Outer = ();
}

impl<F: QuerySource + Correlation, S, W, O, Dist, G, H, Lk> Correlation
    for SelectStatement<F, S, W, O, Dist, G, H, Lk>
{
    type Outer = F::Outer;
}

impl<L: Correlation, R, K, C> Correlation for super::join::Join<L, R, K, C> {
    type Outer = L::Outer;
}

/// Proof that every outer table `Self` of a correlated subquery is in FROM clause `F`.
pub trait OuterTablesIn<F, I> {}

impl<F> OuterTablesIn<F, ()> for () {}

// Any FROM item can be an outer table: a table, or an alias of one (`alias!`).
impl<T: QuerySource, F: HasTable<T, I>, I> OuterTablesIn<F, I> for T {}

impl<A: QuerySource, B: QuerySource, F, IA, IB> OuterTablesIn<F, (IA, IB)> for (A, B) where
    F: HasTable<A, IA> + HasTable<B, IB>
{
}

/// A FROM clause `F` that may also refer to the outer tables `O` (a correlated subquery).
#[derive(Debug, Clone, Copy, Default)]
pub struct Correlated<F, O> {
    from: F,
    _outer: std::marker::PhantomData<O>,
}

impl<F, O> Correlated<F, O> {
    /// `from`, correlated with the outer tables `O`.
    pub fn new(from: F) -> Self {
        Correlated { from, _outer: std::marker::PhantomData }
    }
}

/// Index: the table is one of the outer query's.
#[derive(Debug, Clone, Copy, Default)]
pub struct InOuter<I>(I);

impl<F: HasTable<T, I>, O, T, I> HasTable<T, InLeft<I>> for Correlated<F, O> {
    type Nullable = F::Nullable;
}

impl<F, O: HasTable<T, I>, T, I> HasTable<T, InOuter<I>> for Correlated<F, O> {
    type Nullable = O::Nullable;
}

impl<F, A, B, T, I> HasTable<T, InRight<I>> for Correlated<F, (A, B)>
where
    (A, B): PairHas<T, I>,
{
    type Nullable = B0;
}

/// Membership of a table in a pair of outer tables.
pub trait PairHas<T, I> {}
impl<A: HasTable<T, I>, B, T, I> PairHas<T, InLeft<I>> for (A, B) {}
impl<A, B: HasTable<T, I>, T, I> PairHas<T, InRight<I>> for (A, B) {}

impl<F: QuerySource, O> QuerySource for Correlated<F, O> {
    type DefaultSqlType = F::DefaultSqlType;
    fn walk_default_selection<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>) {
        self.from.walk_default_selection(out);
    }
}

impl<F: FromClause<D>, O, D: Dialect> FromClause<D> for Correlated<F, O> {
    fn walk_from<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        self.from.walk_from(out);
    }
    fn shape_of_from(&self, shape: &mut Shape) -> bool {
        self.from.shape_of_from(shape)
    }
}

impl<F, O> Correlation for Correlated<F, O> {
    type Outer = O;
}

impl<F: QuerySource, O> AsQuery for Correlated<F, O> {
    type Query = SelectStatement<Self>;
    fn as_query(self) -> Self::Query {
        SelectStatement::new(self)
    }
}

/// `(SELECT ...)` used as a value: its single column, or NULL when it returns no row.
#[derive(Debug, Clone)]
pub struct ScalarSubquery<Q>(Q);

impl<Q: Query> Expression for ScalarSubquery<Q>
where
    Q::SqlType: SingleColumn,
{
    type SqlType = Nullable<<<Q::SqlType as SingleColumn>::SqlType as SqlType>::NotNull>;
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

impl<Q, F, I> ValidIn<F, I> for ScalarSubquery<Q>
where
    Q: Query + Correlation,
    Q::SqlType: SingleColumn,
    Q::Outer: OuterTablesIn<F, I>,
{
    type SqlTypeIn = Nullable<<<Q::SqlType as SingleColumn>::SqlType as SqlType>::NotNull>;
}

impl<Q, G> ValidGrouping<G, ()> for ScalarSubquery<Q> {}

impl<D: Dialect, Q: QueryFragment<D>> QueryFragment<D> for ScalarSubquery<Q> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("(");
        self.0.walk(out);
        out.push_sql(")");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.0.shape(shape)
    }
}

crate::__impl_arithmetic!([Q,] ScalarSubquery<Q>);

/// `E [NOT] IN (SELECT ...)`.
#[derive(Debug, Clone)]
pub struct InSubquery<E, Q> {
    expr: E,
    query: Q,
    negated: bool,
}

impl<E: Expression, Q> Expression for InSubquery<E, Q> {
    type SqlType = <<E::SqlType as SqlType>::IsNullable as Flag>::Apply<Bool>;
    type Aggregate = E::Aggregate;
    type Plain = E::Plain;
    type Window = E::Window;
}

impl<E, Q, F, IE, IQ> ValidIn<F, (IE, IQ)> for InSubquery<E, Q>
where
    E: ValidIn<F, IE>,
    Q: Correlation,
    Q::Outer: OuterTablesIn<F, IQ>,
{
    type SqlTypeIn = <<E::SqlTypeIn as SqlType>::IsNullable as Flag>::Apply<Bool>;
}

impl<E: ValidGrouping<G, I>, Q, G, I> ValidGrouping<G, (I,)> for InSubquery<E, Q> {}

impl<D: Dialect, E: QueryFragment<D>, Q: QueryFragment<D>> QueryFragment<D> for InSubquery<E, Q> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("(");
        self.expr.walk(out);
        out.push_sql(if self.negated { " NOT IN (" } else { " IN (" });
        self.query.walk(out);
        out.push_sql("))");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        shape.add(u64::from(self.negated));
        self.expr.shape(shape) && self.query.shape(shape)
    }
}

/// `[NOT] EXISTS (SELECT ...)`.
#[derive(Debug, Clone)]
pub struct Exists<Q> {
    query: Q,
    negated: bool,
}

/// `EXISTS (query)`: whether the query returns any row. Usually correlated.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! {
///     users (id) { id -> Integer, name -> Text, }
///     posts (id) { id -> Integer, user_id -> Integer, }
/// }
///
/// let writers = users::table.select(users::name).filter(exists(
///     posts::table.correlate(users::table).select(posts::id).filter(posts::user_id.eq(users::id)),
/// ));
/// assert_eq!(
///     writers.compile::<Sqlite>().sql(),
///     r#"SELECT "users"."name" FROM "users" WHERE EXISTS (SELECT "posts"."id" FROM "posts" WHERE ("posts"."user_id" = "users"."id"))"#
/// );
/// ```
pub fn exists<Q: AsQuery>(query: Q) -> Exists<Q::Query> {
    Exists { query: query.as_query(), negated: false }
}

/// `NOT EXISTS (query)`.
pub fn not_exists<Q: AsQuery>(query: Q) -> Exists<Q::Query> {
    Exists { query: query.as_query(), negated: true }
}

impl<Q> Expression for Exists<Q> {
    type SqlType = Bool;
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

impl<Q, F, I> ValidIn<F, I> for Exists<Q>
where
    Q: Correlation,
    Q::Outer: OuterTablesIn<F, I>,
{
    type SqlTypeIn = Bool;
}

impl<Q, G> ValidGrouping<G, ()> for Exists<Q> {}

impl<D: Dialect, Q: QueryFragment<D>> QueryFragment<D> for Exists<Q> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(if self.negated { "NOT EXISTS (" } else { "EXISTS (" });
        self.query.walk(out);
        out.push_sql(")");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        shape.add(u64::from(self.negated));
        self.query.shape(shape)
    }
}

/// `ANY (SELECT ...)` / `ALL (SELECT ...)` on the right of a comparison (PostgreSQL only).
#[derive(Debug, Clone)]
pub struct Quantified<Q> {
    query: Q,
    keyword: &'static str,
}

/// `ANY (query)`: `x.eq(any(q))` holds when `x` equals some value of `q` (PostgreSQL only).
pub fn any<Q>(query: Q) -> Quantified<Q::Query>
where
    Q: AsQuery,
    Q::Query: Query,
    <Q::Query as Query>::SqlType: SingleColumn,
{
    Quantified { query: query.as_query(), keyword: "ANY (" }
}

/// `ALL (query)`: `x.gt(all(q))` holds when `x` is greater than every value of `q`
/// (PostgreSQL only).
pub fn all<Q>(query: Q) -> Quantified<Q::Query>
where
    Q: AsQuery,
    Q::Query: Query,
    <Q::Query as Query>::SqlType: SingleColumn,
{
    Quantified { query: query.as_query(), keyword: "ALL (" }
}

impl<Q: Query> Expression for Quantified<Q>
where
    Q::SqlType: SingleColumn,
{
    type SqlType = <Q::SqlType as SingleColumn>::SqlType;
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

impl<Q, F, I> ValidIn<F, I> for Quantified<Q>
where
    Q: Query + Correlation,
    Q::SqlType: SingleColumn,
    Q::Outer: OuterTablesIn<F, I>,
{
    type SqlTypeIn = <Q::SqlType as SingleColumn>::SqlType;
}

impl<Q, G> ValidGrouping<G, ()> for Quantified<Q> {}

impl<D: SupportsAnyAll, Q: QueryFragment<D>> QueryFragment<D> for Quantified<Q> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(self.keyword);
        self.query.walk(out);
        out.push_sql(")");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        shape.add(self.keyword.len() as u64);
        self.query.shape(shape)
    }
}

/// Turning queries into subquery expressions.
pub trait SubqueryDsl: AsQuery + Sized {
    /// `(SELECT ...)` as a value: the query must select one column; no row gives NULL.
    /// SQLAlchemy's `scalar_subquery()`.
    fn scalar_subquery(self) -> ScalarSubquery<Self::Query>
    where
        Self::Query: Query,
        <Self::Query as Query>::SqlType: SingleColumn,
    {
        ScalarSubquery(self.as_query())
    }
}

impl<T: AsQuery> SubqueryDsl for T {}

/// `IN (SELECT ...)` on every expression.
pub trait InSubqueryMethods: Expression + Sized {
    /// `self IN (query)`; the query selects one column comparable with `self`.
    fn in_subquery<Q>(self, query: Q) -> InSubquery<Self, Q::Query>
    where
        Q: AsQuery,
        Q::Query: Query,
        <Q::Query as Query>::SqlType: SingleColumn,
        <<<Q::Query as Query>::SqlType as SingleColumn>::SqlType as SqlType>::NotNull:
            Comparable<<Self::SqlType as SqlType>::NotNull>,
    {
        InSubquery { expr: self, query: query.as_query(), negated: false }
    }

    /// `self NOT IN (query)`.
    fn not_in_subquery<Q>(self, query: Q) -> InSubquery<Self, Q::Query>
    where
        Q: AsQuery,
        Q::Query: Query,
        <Q::Query as Query>::SqlType: SingleColumn,
        <<<Q::Query as Query>::SqlType as SingleColumn>::SqlType as SqlType>::NotNull:
            Comparable<<Self::SqlType as SqlType>::NotNull>,
    {
        InSubquery { expr: self, query: query.as_query(), negated: true }
    }
}

impl<E: Expression> InSubqueryMethods for E {}
