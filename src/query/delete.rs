//! `DELETE`.

use super::clauses::{NoWhere, WhereAnd};
use super::returning::{NoReturning, Returning};
use super::selection::SelectableIn;
use super::{AsQuery, MaybeEmpty, Query};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder};
use crate::expr::{ConditionIn, SelectFlags};
use crate::schema::Table;

/// Starts `DELETE FROM table`. SQLAlchemy's `delete(table)`.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { users (id) { id -> Integer, name -> Text, } }
///
/// let q = delete(users::table).filter(users::name.like("tmp%")).returning(users::id);
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"DELETE FROM "users" WHERE ("users"."name" LIKE ?1) RETURNING "users"."id""#
/// );
/// ```
pub fn delete<T: Table>(table: T) -> DeleteStatement<T, NoWhere, NoReturning> {
    DeleteStatement { table, where_clause: NoWhere, returning: NoReturning }
}

/// A `DELETE` statement on table `T`.
#[derive(Debug, Clone)]
#[must_use = "a statement does nothing until it is executed"]
pub struct DeleteStatement<T, W, R> {
    table: T,
    where_clause: W,
    returning: R,
}

impl<T: Table, W, R> DeleteStatement<T, W, R> {
    /// Adds a WHERE condition (ANDed with earlier ones).
    pub fn filter<E, I>(self, condition: E) -> DeleteStatement<T, W::Output, R>
    where
        E: ConditionIn<T, I>,
        W: WhereAnd<E>,
    {
        DeleteStatement {
            table: self.table,
            where_clause: self.where_clause.and_where(condition),
            returning: self.returning,
        }
    }
}

impl<T: Table, W> DeleteStatement<T, W, NoReturning> {
    /// `RETURNING list`: the deleted rows' values.
    pub fn returning<L, I>(self, list: L) -> DeleteStatement<T, W, Returning<L, I>>
    where
        L: SelectableIn<T, I>,
        L: SelectFlags,
        L::Aggregate: super::update::NoAggregateReturned,
    {
        DeleteStatement {
            table: self.table,
            where_clause: self.where_clause,
            returning: Returning::new(list),
        }
    }
}

impl<T, W, R> AsQuery for DeleteStatement<T, W, R> {
    type Query = Self;
    fn as_query(self) -> Self {
        self
    }
}

impl<T, W, L, I> Query for DeleteStatement<T, W, Returning<L, I>>
where
    L: SelectableIn<T, I>,
{
    type SqlType = L::RowType;
}

impl<T, W, R> MaybeEmpty for DeleteStatement<T, W, R> {}

impl<D, T, W, R> QueryFragment<D> for DeleteStatement<T, W, R>
where
    D: Dialect,
    T: Table,
    W: QueryFragment<D>,
    R: QueryFragment<D>,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("DELETE FROM ");
        out.push_ident(T::NAME);
        self.where_clause.walk(out);
        self.returning.walk(out);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.where_clause.shape(shape) && self.returning.shape(shape)
    }
}
