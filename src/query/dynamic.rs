//! Statements whose columns are chosen at runtime, for the ORM: which columns an INSERT
//! provides, which an UPDATE sets, which a WHERE compares.
//!
//! The columns are still checked at compile time, where they are chosen: the ORM's
//! `#[derive(Model)]` names each of them through the table's column types. Values are bound
//! parameters like everywhere else.

use super::insert::InsertStatement;
use super::returning::NoReturning;
use super::update::{AssignmentList, AssignmentsFragment, AssignmentsIn};
use super::upsert::NoConflict;
use super::{MaybeEmpty, Query};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder};
use crate::expr::{Expression, ValidGrouping, ValidIn};
use crate::schema::Table;
use crate::types::{AnyRow, Bool, Value};
use std::cell::Cell;
use std::marker::PhantomData;
use typenum::B0;

fn shape_names(shape: &mut Shape, names: &[&'static str]) {
    shape.add(names.len() as u64);
    for n in names {
        shape.add(n.as_ptr() as u64);
    }
}

/// Rows of values for runtime-chosen columns of table `T`, all rows with the same columns.
#[derive(Debug, Clone)]
pub struct DynValues<T> {
    columns: Vec<&'static str>,
    rows: Vec<Vec<Value<'static>>>,
    batch: Cell<Option<(usize, usize)>>,
    _table: PhantomData<T>,
}

/// `RETURNING` of runtime-chosen columns; rows load as `Vec<Value<'static>>`.
#[derive(Debug, Clone)]
pub struct DynReturning(Vec<&'static str>);

impl<T: Table> InsertStatement<T, super::insert::NoValues, NoReturning, NoConflict> {
    /// Inserts `rows`, each giving a value for every column of `columns`, in one statement
    /// (batched under the dialect's bind limit). For code that chooses columns at runtime,
    /// such as the ORM; prefer [`values`](Self::values) when the columns are known.
    pub fn dyn_values(
        self,
        columns: Vec<&'static str>,
        rows: Vec<Vec<Value<'static>>>,
    ) -> InsertStatement<T, DynValues<T>, NoReturning, NoConflict> {
        self.with_values(DynValues { columns, rows, batch: Cell::new(None), _table: PhantomData })
    }
}

impl<T: Table> InsertStatement<T, DynValues<T>, NoReturning, NoConflict> {
    /// `RETURNING columns`, loading each row as `Vec<Value<'static>>`.
    pub fn dyn_returning(
        self,
        columns: Vec<&'static str>,
    ) -> InsertStatement<T, DynValues<T>, DynReturning, NoConflict> {
        self.with_returning(DynReturning(columns))
    }
}

impl<T> Query for InsertStatement<T, DynValues<T>, DynReturning, NoConflict> {
    type SqlType = AnyRow;
}

impl<T, R> MaybeEmpty for InsertStatement<T, DynValues<T>, R, NoConflict> {
    fn is_empty_statement(&self) -> bool {
        self.values_part().rows.is_empty()
    }
    fn batch_rows(&self) -> Option<usize> {
        Some(self.values_part().rows.len())
    }
    fn select_batch(&self, rows: Option<(usize, usize)>) {
        self.values_part().batch.set(rows);
    }
}

fn write_columns<D: Dialect>(out: &mut SqlBuilder<'_, D>, columns: &[&'static str]) {
    for (i, c) in columns.iter().enumerate() {
        if i > 0 {
            out.push_sql(", ");
        }
        out.push_ident(c);
    }
}

/// Writes the RETURNING clause of a dynamic insert.
pub trait DynReturningFragment<D: Dialect> {
    /// Writes it.
    fn walk_returning<T: Table>(&self, out: &mut SqlBuilder<'_, D>);
}

impl<D: Dialect> DynReturningFragment<D> for NoReturning {
    fn walk_returning<T: Table>(&self, _out: &mut SqlBuilder<'_, D>) {}
}

impl<D: crate::dialect::SupportsReturning> DynReturningFragment<D> for DynReturning {
    fn walk_returning<T: Table>(&self, out: &mut SqlBuilder<'_, D>) {
        out.push_sql(" RETURNING ");
        for (i, c) in self.0.iter().enumerate() {
            if i > 0 {
                out.push_sql(", ");
            }
            out.push_ident(T::NAME);
            out.push_sql(".");
            out.push_ident(c);
        }
    }
}

impl<D, T, R> QueryFragment<D> for InsertStatement<T, DynValues<T>, R, NoConflict>
where
    D: Dialect,
    T: Table,
    R: DynReturningFragment<D>,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        let values = self.values_part();
        out.push_sql("INSERT INTO ");
        out.push_ident(T::NAME);
        let rows = match values.batch.get() {
            Some((start, end)) => &values.rows[start..end.min(values.rows.len())],
            None => &values.rows[..],
        };
        if values.columns.is_empty() {
            out.push_sql(" DEFAULT VALUES");
        } else {
            out.push_sql(" (");
            write_columns(out, &values.columns);
            out.push_sql(") VALUES ");
            for (i, row) in rows.iter().enumerate() {
                out.push_sql(if i == 0 { "(" } else { ", (" });
                for (j, v) in row.iter().enumerate() {
                    if j > 0 {
                        out.push_sql(", ");
                    }
                    out.push_bind(v.reborrow());
                }
                out.push_sql(")");
            }
        }
        self.returning_part().walk_returning::<T>(out);
    }

    fn shape(&self, shape: &mut Shape) -> bool {
        let values = self.values_part();
        shape_names(shape, &values.columns);
        let rows = match values.batch.get() {
            Some((start, end)) => end.min(values.rows.len()).saturating_sub(start),
            None => values.rows.len(),
        };
        shape.add(rows as u64);
        // The RETURNING list is chosen by the ORM from the model, per table.
        true
    }
}

/// `"column" = value, ...` for runtime-chosen columns of table `T`, optionally with a
/// version counter `"v" = "t"."v" + 1`.
#[derive(Debug, Clone)]
pub struct DynSet<T> {
    assignments: Vec<(&'static str, Value<'static>)>,
    increment: Option<&'static str>,
    _table: PhantomData<T>,
}

impl<T> DynSet<T> {
    /// Assignments of values to columns of `T` (named through `T`'s column types).
    pub fn new(assignments: Vec<(&'static str, Value<'static>)>) -> Self {
        DynSet { assignments, increment: None, _table: PhantomData }
    }

    /// Also sets `column = column + 1` (a version counter).
    pub fn increment(mut self, column: &'static str) -> Self {
        self.increment = Some(column);
        self
    }
}

impl<T> AssignmentList<T> for DynSet<T> {}
impl<T> AssignmentsIn<T, ()> for DynSet<T> {}

impl<D: Dialect, T: Table> AssignmentsFragment<D> for DynSet<T> {
    fn walk_assignments<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        for (i, (column, value)) in self.assignments.iter().enumerate() {
            if i > 0 {
                out.push_sql(", ");
            }
            out.push_ident(column);
            out.push_sql(" = ");
            out.push_bind(value.reborrow());
        }
        if let Some(column) = self.increment {
            if !self.assignments.is_empty() {
                out.push_sql(", ");
            }
            out.push_ident(column);
            out.push_sql(" = ");
            out.push_ident(T::NAME);
            out.push_sql(".");
            out.push_ident(column);
            out.push_sql(" + 1");
        }
    }

    fn assignments_shape(&self, shape: &mut Shape) -> bool {
        let names: Vec<_> = self.assignments.iter().map(|(c, _)| *c).collect();
        shape_names(shape, &names);
        shape_names(shape, self.increment.as_slice());
        true
    }
}

/// `("c1" = v1 AND "c2" = v2)`, or for many rows `(("c1" = v) OR ...)`, over runtime-chosen
/// columns of table `T`: the ORM's primary-key (and version) conditions.
#[derive(Debug, Clone)]
pub struct DynFilter<T> {
    columns: Vec<&'static str>,
    rows: Vec<Vec<Value<'static>>>,
    _table: PhantomData<T>,
}

impl<T> DynFilter<T> {
    /// Rows matching any of `rows` on `columns` (each row one value per column).
    pub fn new(columns: Vec<&'static str>, rows: Vec<Vec<Value<'static>>>) -> Self {
        DynFilter { columns, rows, _table: PhantomData }
    }
}

impl<T> Expression for DynFilter<T> {
    type SqlType = Bool;
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

impl<T> ValidIn<T, ()> for DynFilter<T> {
    type SqlTypeIn = Bool;
}

impl<T, G> ValidGrouping<G, ()> for DynFilter<T> {}

impl<D: Dialect, T: Table> QueryFragment<D> for DynFilter<T> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        if self.rows.is_empty() {
            out.push_sql("(1 = 0)");
            return;
        }
        if self.columns.len() == 1 && self.rows.len() > 1 {
            out.push_sql("(");
            out.push_ident(T::NAME);
            out.push_sql(".");
            out.push_ident(self.columns[0]);
            out.push_sql(" IN (");
            for (i, row) in self.rows.iter().enumerate() {
                if i > 0 {
                    out.push_sql(", ");
                }
                out.push_bind(row[0].reborrow());
            }
            out.push_sql("))");
            return;
        }
        out.push_sql("(");
        for (r, row) in self.rows.iter().enumerate() {
            if r > 0 {
                out.push_sql(" OR ");
            }
            out.push_sql("(");
            for (i, (column, value)) in self.columns.iter().zip(row).enumerate() {
                if i > 0 {
                    out.push_sql(" AND ");
                }
                out.push_ident(T::NAME);
                out.push_sql(".");
                out.push_ident(column);
                if *value == Value::Null {
                    out.push_sql(" IS NULL");
                } else {
                    out.push_sql(" = ");
                    out.push_bind(value.reborrow());
                }
            }
            out.push_sql(")");
        }
        out.push_sql(")");
    }

    fn shape(&self, shape: &mut Shape) -> bool {
        shape_names(shape, &self.columns);
        shape.add(self.rows.len() as u64);
        for row in &self.rows {
            for v in row {
                shape.add(u64::from(*v == Value::Null));
            }
        }
        true
    }
}

/// `SELECT "t"."c1", ... FROM "t" WHERE filter` over runtime-chosen columns of table `T`,
/// loading rows as `Vec<Value<'static>>` (the ORM's refresh of an object by key).
#[derive(Debug, Clone)]
pub struct DynSelect<T> {
    columns: Vec<&'static str>,
    filter: DynFilter<T>,
    order: Option<(&'static str, bool)>,
}

impl<T> DynSelect<T> {
    /// Selects `columns` of the rows matching `filter`.
    pub fn new(columns: Vec<&'static str>, filter: DynFilter<T>) -> Self {
        DynSelect { columns, filter, order: None }
    }

    /// `ORDER BY column` (`DESC` when `descending`).
    pub fn order_by(mut self, column: &'static str, descending: bool) -> Self {
        self.order = Some((column, descending));
        self
    }
}

impl<T> Query for DynSelect<T> {
    type SqlType = AnyRow;
}

impl<T> super::AsQuery for DynSelect<T> {
    type Query = Self;
    fn as_query(self) -> Self {
        self
    }
}

impl<T> MaybeEmpty for DynSelect<T> {}

impl<D: Dialect, T: Table> QueryFragment<D> for DynSelect<T> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("SELECT ");
        for (i, c) in self.columns.iter().enumerate() {
            if i > 0 {
                out.push_sql(", ");
            }
            out.push_ident(T::NAME);
            out.push_sql(".");
            out.push_ident(c);
        }
        out.push_sql(" FROM ");
        out.push_ident(T::NAME);
        out.push_sql(" WHERE ");
        self.filter.walk(out);
        if let Some((column, descending)) = self.order {
            out.push_sql(" ORDER BY ");
            out.push_ident(T::NAME);
            out.push_sql(".");
            out.push_ident(column);
            if descending {
                out.push_sql(" DESC");
            }
        }
    }

    fn shape(&self, shape: &mut Shape) -> bool {
        shape_names(shape, &self.columns);
        match self.order {
            Some((column, descending)) => {
                shape_names(shape, &[column]);
                shape.add(u64::from(descending));
            }
            None => shape.add(u64::MAX),
        }
        QueryFragment::<D>::shape(&self.filter, shape)
    }
}
