//! The optional clauses of a statement, each a type: absent or present.

use crate::dialect::{
    Dialect, QueryFragment, Shape, SqlBuilder, SupportsDistinctOn, SupportsRowLocking,
};
use crate::expr::{And, Binary, SelectFlags, ValidGrouping};
use typenum::B0;

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
    fn shape(&self, shape: &mut Shape) -> bool {
        let _ = shape;
        true
    }
}

impl<D: Dialect, E: QueryFragment<D>> QueryFragment<D> for Where<E> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(" WHERE ");
        self.0.walk(out);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.0.shape(shape)
    }
}

/// No ORDER BY.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoOrder;
/// `ORDER BY O`.
#[derive(Debug, Clone, Copy)]
pub struct OrderBy<O>(pub(crate) O);

impl SelectFlags for NoOrder {
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

impl<O: SelectFlags> SelectFlags for OrderBy<O> {
    type Aggregate = O::Aggregate;
    type Plain = O::Plain;
    type Window = O::Window;
}

/// The ORDER BY clause `Self` may stand in a query grouped by `G` (`I` proves each of its
/// columns grouped): checked when GROUP BY is added after ORDER BY.
#[diagnostic::on_unimplemented(
    message = "this query's ORDER BY uses a column that is neither in GROUP BY nor inside an aggregate function",
    label = "the query is grouped by `{G}` here",
    note = "order by grouped columns or aggregates, or add the column to `group_by(...)`"
)]
pub trait OrderClauseGrouped<G, I> {}

impl<G> OrderClauseGrouped<G, ()> for NoOrder {}

#[diagnostic::do_not_recommend]
impl<O: ValidGrouping<G, I>, G, I> OrderClauseGrouped<G, I> for OrderBy<O> {}

impl<D: Dialect> QueryFragment<D> for NoOrder {
    fn walk<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
    fn shape(&self, shape: &mut Shape) -> bool {
        let _ = shape;
        true
    }
}

impl<D: Dialect, O: QueryFragment<D>> QueryFragment<D> for OrderBy<O> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(" ORDER BY ");
        self.0.walk(out);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.0.shape(shape)
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
    fn shape(&self, shape: &mut Shape) -> bool {
        let _ = shape;
        true
    }
}

impl<D: Dialect> QueryFragment<D> for Distinct {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("DISTINCT ");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        let _ = shape;
        true
    }
}

impl<D: SupportsDistinctOn, E: QueryFragment<D>> QueryFragment<D> for DistinctOn<E> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("DISTINCT ON (");
        self.0.walk(out);
        out.push_sql(") ");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.0.shape(shape)
    }
}

/// No GROUP BY.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoGroupBy;
/// `GROUP BY G`.
#[derive(Debug, Clone, Copy)]
pub struct GroupBy<G>(pub(crate) G);

impl<D: Dialect> QueryFragment<D> for NoGroupBy {
    fn walk<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
    fn shape(&self, shape: &mut Shape) -> bool {
        let _ = shape;
        true
    }
}

impl<D: Dialect, G: QueryFragment<D>> QueryFragment<D> for GroupBy<G> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(" GROUP BY ");
        self.0.walk(out);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.0.shape(shape)
    }
}

/// No HAVING.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoHaving;
/// `HAVING E`.
#[derive(Debug, Clone, Copy)]
pub struct Having<E>(pub(crate) E);

impl<D: Dialect> QueryFragment<D> for NoHaving {
    fn walk<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
    fn shape(&self, shape: &mut Shape) -> bool {
        let _ = shape;
        true
    }
}

impl<D: Dialect, E: QueryFragment<D>> QueryFragment<D> for Having<E> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(" HAVING ");
        self.0.walk(out);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.0.shape(shape)
    }
}

/// Adding a HAVING condition: the first becomes the clause, later ones are ANDed to it.
pub trait HavingAnd<E> {
    /// The clause with `E` added.
    type Output;
    /// Adds `E`.
    fn and_having(self, e: E) -> Self::Output;
}

impl<E> HavingAnd<E> for NoHaving {
    type Output = Having<E>;
    fn and_having(self, e: E) -> Having<E> {
        Having(e)
    }
}

impl<P, E> HavingAnd<E> for Having<P> {
    type Output = Having<Binary<And, P, E>>;
    fn and_having(self, e: E) -> Self::Output {
        Having(Binary::new(self.0, e))
    }
}

/// No row locking.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoLock;

/// `FOR UPDATE` / `FOR SHARE`, optionally `NOWAIT` or `SKIP LOCKED` (PostgreSQL).
#[derive(Debug, Clone, Copy)]
pub struct Lock {
    pub(crate) mode: &'static str,
    pub(crate) wait: &'static str,
}

impl Lock {
    /// Fail at once instead of waiting for locked rows: `NOWAIT`.
    pub fn nowait(mut self) -> Self {
        self.wait = " NOWAIT";
        self
    }
    /// Leave out rows that others have locked: `SKIP LOCKED`.
    pub fn skip_locked(mut self) -> Self {
        self.wait = " SKIP LOCKED";
        self
    }
}

impl<D: Dialect> QueryFragment<D> for NoLock {
    fn walk<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
    fn shape(&self, shape: &mut Shape) -> bool {
        let _ = shape;
        true
    }
}

impl<D: SupportsRowLocking> QueryFragment<D> for Lock {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(self.mode);
        out.push_sql(self.wait);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        shape.add(self.mode.len() as u64);
        shape.add(self.wait.len() as u64);
        true
    }
}
