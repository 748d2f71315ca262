//! The optional clauses of a statement, each a type: absent or present.

use crate::dialect::{Dialect, QueryFragment, SqlBuilder, SupportsDistinctOn};
use crate::expr::{And, Binary};

/// No WHERE clause.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoWhere;
/// `WHERE E`.
#[derive(Debug, Clone, Copy)]
pub struct Where<E>(pub(crate) E);

/// Adding a condition: the first becomes the WHERE clause, later ones are ANDed to it.
pub trait WhereAnd<E> {
    /// The clause with `E` added.
    type Output;
    /// Adds `E`.
    fn and_where(self, e: E) -> Self::Output;
}

impl<E> WhereAnd<E> for NoWhere {
    type Output = Where<E>;
    fn and_where(self, e: E) -> Where<E> {
        Where(e)
    }
}

impl<P, E> WhereAnd<E> for Where<P> {
    type Output = Where<Binary<And, P, E>>;
    fn and_where(self, e: E) -> Self::Output {
        Where(Binary::new(self.0, e))
    }
}

impl<D: Dialect> QueryFragment<D> for NoWhere {
    fn walk<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
}

impl<D: Dialect, E: QueryFragment<D>> QueryFragment<D> for Where<E> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(" WHERE ");
        self.0.walk(out);
    }
}

/// No ORDER BY.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoOrder;
/// `ORDER BY O`.
#[derive(Debug, Clone, Copy)]
pub struct OrderBy<O>(pub(crate) O);

impl<D: Dialect> QueryFragment<D> for NoOrder {
    fn walk<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
}

impl<D: Dialect, O: QueryFragment<D>> QueryFragment<D> for OrderBy<O> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(" ORDER BY ");
        self.0.walk(out);
    }
}

/// Plain `SELECT`.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoDistinct;
/// `SELECT DISTINCT`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Distinct;
/// `SELECT DISTINCT ON (E)` (PostgreSQL only).
#[derive(Debug, Clone, Copy)]
pub struct DistinctOn<E>(pub(crate) E);

impl<D: Dialect> QueryFragment<D> for NoDistinct {
    fn walk<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
}

impl<D: Dialect> QueryFragment<D> for Distinct {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("DISTINCT ");
    }
}

impl<D: SupportsDistinctOn, E: QueryFragment<D>> QueryFragment<D> for DistinctOn<E> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("DISTINCT ON (");
        self.0.walk(out);
        out.push_sql(") ");
    }
}
