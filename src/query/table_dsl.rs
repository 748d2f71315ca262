//! Query-building methods directly on FROM sources: `users::table.filter(...)` starts a SELECT.

use super::AsQuery;
use super::boxed::{BoxedSelect, Scope};
use super::clauses::{Distinct, DistinctOn, GroupBy, NoDistinct, NoOrder, NoWhere, OrderBy, Where};
use super::select::{DefaultSelect, SelectClause, SelectStatement};
use super::selection::SelectableIn;
use super::subquery::Correlated;
use crate::dialect::Dialect;
use crate::expr::{
    ConditionIn, NoAggregateInGroupBy, NoAggregateInWhere, NoWindowInGroupBy, NoWindowInWhere,
    OrderIn,
};
use crate::schema::{FromClause, QuerySource, Table};

/// The [`SelectStatement`] builder methods, available on every table and join.
pub trait QueryDsl: QuerySource {
    /// `SELECT list FROM table`.
    fn select<S, I>(self, list: S) -> SelectStatement<Self, SelectClause<S, I>>
    where
        S: SelectableIn<Self, I>,
    {
        SelectStatement::new(self).select(list)
    }
    /// `SELECT * FROM table WHERE condition`.
    fn filter<E, I>(self, condition: E) -> SelectStatement<Self, DefaultSelect, Where<E>>
    where
        E: ConditionIn<Self, I> + NoAggregateInWhere + NoWindowInWhere,
    {
        SelectStatement::new(self).filter(condition)
    }
    /// Same as [`filter`](Self::filter).
    fn where_<E, I>(self, condition: E) -> SelectStatement<Self, DefaultSelect, Where<E>>
    where
        E: ConditionIn<Self, I> + NoAggregateInWhere + NoWindowInWhere,
    {
        SelectStatement::new(self).filter(condition)
    }
    /// `SELECT * FROM table ORDER BY order`.
    fn order_by<O, I>(self, order: O) -> SelectStatement<Self, DefaultSelect, NoWhere, OrderBy<O>>
    where
        O: OrderIn<Self, I>,
    {
        SelectStatement::new(self).order_by(order)
    }
    /// `SELECT ... FROM table GROUP BY list`; follow with `.select(...)` of grouped columns
    /// and aggregates.
    fn group_by<G, I>(
        self,
        list: G,
    ) -> SelectStatement<Self, DefaultSelect, NoWhere, NoOrder, NoDistinct, GroupBy<G>>
    where
        G: SelectableIn<Self, I> + NoAggregateInGroupBy + NoWindowInGroupBy,
    {
        SelectStatement::new(self).group_by(list)
    }
    /// Makes this FROM clause a correlated subquery's: its conditions and select list may
    /// also use columns of `outer` (a table or a pair of tables of the enclosing query).
    fn correlate<O>(self, outer: O) -> Correlated<Self, O> {
        let _ = outer;
        Correlated::new(self)
    }
    /// `SELECT * FROM table`, boxed for dialect `D`: conditions, orderings and joins can then
    /// be added at runtime (see [`BoxedSelect`]).
    fn into_boxed<'a, D>(self) -> BoxedSelect<'a, Scope<Self, ()>, Self::DefaultSqlType, D>
    where
        D: Dialect,
        Self: FromClause<D> + 'a,
    {
        SelectStatement::new(self).into_boxed()
    }
    /// `SELECT * FROM table LIMIT n`.
    fn limit(self, n: i64) -> SelectStatement<Self> {
        SelectStatement::new(self).limit(n)
    }
    /// `SELECT * FROM table OFFSET n`.
    fn offset(self, n: i64) -> SelectStatement<Self> {
        SelectStatement::new(self).offset(n)
    }
    /// `SELECT DISTINCT * FROM table`.
    fn distinct(self) -> SelectStatement<Self, DefaultSelect, NoWhere, NoOrder, Distinct> {
        SelectStatement::new(self).distinct()
    }
    /// `SELECT DISTINCT ON (on) * FROM table` (PostgreSQL only).
    fn distinct_on<E, I>(
        self,
        on: E,
    ) -> SelectStatement<Self, DefaultSelect, NoWhere, NoOrder, DistinctOn<E>>
    where
        E: SelectableIn<Self, I>,
    {
        SelectStatement::new(self).distinct_on(on)
    }
}

impl<S: QuerySource> QueryDsl for S {}

impl<T: Table> AsQuery for T {
    type Query = SelectStatement<T, DefaultSelect, NoWhere, NoOrder, NoDistinct>;
    fn as_query(self) -> Self::Query {
        SelectStatement::new(self)
    }
}
