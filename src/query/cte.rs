//! Common table expressions: `WITH [RECURSIVE] name (columns) AS (query) ...`.
//!
//! A CTE is named by a table declared with `table!` (its columns give the CTE's column names
//! and types); the main query uses that table like any other, and the WITH clause travels with
//! the statement.
//!
//! Rules checked here: the CTE's query fills the table's columns (types and nullability, see
//! [`FillsTable`]); each entry reads only CTEs declared before it, a recursive entry reads
//! itself only in its recursive step (see [`ReadsOnlyEarlier`], [`RecursiveBody`]).
//!
//! Not checked yet: that the main statement reads only CTEs its WITH clause declares. `with`
//! is called after the main query is built and may be called again, so no builder call sees
//! the finished list; an impl-level check cannot use inferred indices. A statement with no
//! WITH clause at all can be checked by a bound of the run methods, see
//! [`CtesInScope`](crate::query::CtesInScope).

use super::cte_scope::{NoCtes, ReadsOnlyEarlier, RecursiveBody};
use super::fill::FillsTable;
use super::inline::InlineCte;
use super::{AsQuery, MaybeEmpty, Query};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder};
use crate::schema::Table;
use std::marker::PhantomData;

/// `name (columns) AS (query)`: the rows of `query` under the name and columns of table `T`.
#[derive(Debug, Clone)]
pub struct Cte<T, Q> {
    query: Q,
    _table: PhantomData<T>,
}

/// Defines the CTE `table` as the rows of `query`, whose row type must fit the table's columns:
/// one value per column, of the column's type, and NOT NULL where the column is declared NOT
/// NULL.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! {
///     orders (id) { id -> Integer, customer -> Text, total -> Integer, }
///     #[cte] big_orders { customer -> Text, total -> Integer, }
/// }
///
/// let q = big_orders::table
///     .select(big_orders::customer)
///     .with(cte(big_orders::table, orders::table.select((orders::customer, orders::total)).filter(orders::total.gt(100))));
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"WITH "big_orders" ("customer", "total") AS (SELECT "orders"."customer", "orders"."total" FROM "orders" WHERE ("orders"."total" > ?1)) SELECT "big_orders"."customer" FROM "big_orders""#
/// );
/// ```
///
/// A column declared NOT NULL cannot be filled by a value that may be NULL, such as `SUM`
/// (NULL over no rows); declare it `Nullable<..>` or use `coalesce`:
///
/// ```compile_fail
/// # use aludel::prelude::*;
/// # aludel::table! {
/// #     orders (id) { id -> Integer, customer -> Text, total -> Integer, }
/// # }
/// aludel::table! { #[cte] spent { customer -> Text, total -> BigInt, } }
/// let q = spent::table.select(spent::total).with(cte(
///     spent::table,
///     orders::table.group_by(orders::customer).select((orders::customer, sum(orders::total))),
/// ));
/// ```
pub fn cte<T, Q>(table: T, query: Q) -> Cte<T, Q::Query>
where
    T: Table,
    Q: AsQuery,
    Q::Query: Query,
    Q::Query: FillsTable<T>,
{
    let _ = table;
    Cte { query: query.as_query(), _table: PhantomData }
}

/// One or more CTEs, written in order (later ones may use earlier ones).
pub trait CteList<D: Dialect> {
    /// Writes the list.
    fn walk_ctes<'a>(&'a self, out: &mut SqlBuilder<'a, D>);
    /// As [`QueryFragment::shape`].
    fn ctes_shape(&self, shape: &mut Shape) -> bool;
}

impl<D: Dialect, T: Table, Q: QueryFragment<D>> CteList<D> for Cte<T, Q> {
    fn walk_ctes<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_ident(T::NAME);
        out.push_sql(" (");
        for (i, name) in T::def().column_names.iter().enumerate() {
            if i > 0 {
                out.push_sql(", ");
            }
            out.push_ident(name);
        }
        out.push_sql(") AS (");
        self.query.walk(out);
        out.push_sql(")");
    }
    fn ctes_shape(&self, shape: &mut Shape) -> bool {
        self.query.shape(shape)
    }
}

impl<D: Dialect, Q: QueryFragment<D>> CteList<D> for InlineCte<Q> {
    fn walk_ctes<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        // No column list: the query's own column names and labels name the columns.
        out.push_ident(self.name());
        out.push_sql(" AS (");
        self.query().walk(out);
        out.push_sql(")");
    }
    fn ctes_shape(&self, shape: &mut Shape) -> bool {
        shape.add_name(self.name());
        self.query().shape(shape)
    }
}

/// One WITH entry: a CTE with a declared shape ([`Cte`]) or declared inline ([`InlineCte`]).
pub trait CteEntry {
    /// The CTE's query.
    type Query;
}

impl<T, Q> CteEntry for Cte<T, Q> {
    type Query = Q;
}

impl<Q> CteEntry for InlineCte<Q> {
    type Query = Q;
}

impl<D: Dialect, A: CteList<D>, B: CteList<D>> CteList<D> for (A, B) {
    fn walk_ctes<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        self.0.walk_ctes(out);
        out.push_sql(", ");
        self.1.walk_ctes(out);
    }
    fn ctes_shape(&self, shape: &mut Shape) -> bool {
        self.0.ctes_shape(shape) && self.1.ctes_shape(shape)
    }
}

/// `WITH ctes query`.
#[derive(Debug, Clone)]
#[must_use = "a query does nothing until it is executed"]
pub struct WithQuery<C, Q> {
    ctes: C,
    query: Q,
    recursive: bool,
}

impl<C, Q> WithQuery<C, Q> {
    /// Adds another CTE after the ones already there; its query may read those.
    pub fn with<E: CteEntry, I>(self, next: E) -> WithQuery<(C, E), Q>
    where
        E::Query: ReadsOnlyEarlier<C, I>,
    {
        WithQuery { ctes: (self.ctes, next), query: self.query, recursive: self.recursive }
    }
    /// Adds a CTE that may refer to itself in its recursive step; the clause becomes
    /// `WITH RECURSIVE`.
    pub fn with_recursive<T, Q2, I>(self, next: Cte<T, Q2>) -> WithQuery<(C, Cte<T, Q2>), Q>
    where
        Q2: RecursiveBody<C, (C, Cte<T, Q2>), I>,
    {
        WithQuery { ctes: (self.ctes, next), query: self.query, recursive: true }
    }
}

/// Attaching CTEs to a query.
pub trait WithDsl: AsQuery + Sized {
    /// `WITH cte query`, for a CTE of a declared shape (`cte(table, query)`) or one declared
    /// inline (`query.cte("name")`). The CTE's query may not read other CTEs (none is declared
    /// before it), nor itself (that takes `with_recursive`).
    fn with<E: CteEntry, I>(self, cte: E) -> WithQuery<E, Self::Query>
    where
        E::Query: ReadsOnlyEarlier<NoCtes, I>,
    {
        WithQuery { ctes: cte, query: self.as_query(), recursive: false }
    }
    /// `WITH RECURSIVE cte query`: the CTE's query may refer to its own table in its recursive
    /// step, the right side of `anchor.union_all(step)`; the anchor may not.
    fn with_recursive<T, Q, I>(self, cte: Cte<T, Q>) -> WithQuery<Cte<T, Q>, Self::Query>
    where
        Q: RecursiveBody<NoCtes, Cte<T, Q>, I>,
    {
        WithQuery { ctes: cte, query: self.as_query(), recursive: true }
    }
}

impl<T: AsQuery> WithDsl for T {}

impl<C, Q: Query> Query for WithQuery<C, Q> {
    type SqlType = Q::SqlType;
}

impl<C, Q> AsQuery for WithQuery<C, Q> {
    type Query = Self;
    fn as_query(self) -> Self {
        self
    }
}

impl<C, Q> MaybeEmpty for WithQuery<C, Q> {}

impl<D: Dialect, C: CteList<D>, Q: QueryFragment<D>> QueryFragment<D> for WithQuery<C, Q> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(if self.recursive { "WITH RECURSIVE " } else { "WITH " });
        self.ctes.walk_ctes(out);
        out.push_sql(" ");
        self.query.walk(out);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        shape.add(u64::from(self.recursive));
        self.ctes.ctes_shape(shape) && self.query.shape(shape)
    }
}
