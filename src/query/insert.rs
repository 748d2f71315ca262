//! `INSERT`: one row, many rows in one statement, or the rows of a SELECT.

use super::derived::NoFrom;
use super::returning::{NoReturning, Returning};
use super::selection::SelectableIn;
use super::update::AssignmentsIn;
use super::upsert::NoConflict;
use super::{AsQuery, MaybeEmpty, Query};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder};
use crate::expr::{Binary, Eq, Expression};
use crate::schema::{Column, ColumnDefault, Table};
use crate::types::{Comparable, SqlType};

/// Starts `INSERT INTO table`. SQLAlchemy's `insert(table)`.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { users (id) { id -> Integer, name -> Text, #[default = 18] age -> Integer, } }
///
/// let one = insert(users::table).values(users::name.eq("ada"));
/// assert_eq!(
///     one.compile::<Sqlite>().sql(),
///     r#"INSERT INTO "users" ("name", "age") VALUES (?1, ?2)"#
/// );
/// let many = insert(users::table)
///     .values(vec![(users::name.eq("ada"), users::age.eq(36)), (users::name.eq("bob"), users::age.eq(7))])
///     .returning(users::id);
/// assert_eq!(
///     many.compile::<Postgres>().sql(),
///     r#"INSERT INTO "users" ("name", "age") VALUES ($1, $2), ($3, $4) RETURNING "users"."id""#
/// );
/// ```
pub fn insert<T: Table>(table: T) -> InsertStatement<T, NoValues, NoReturning> {
    InsertStatement { table, values: NoValues, returning: NoReturning, conflict: NoConflict }
}

/// An `INSERT` statement into table `T`.
#[derive(Debug, Clone)]
#[must_use = "a statement does nothing until it is executed"]
pub struct InsertStatement<T, V, R, C = NoConflict> {
    table: T,
    values: V,
    returning: R,
    conflict: C,
}

/// The rows given to [`InsertStatement::values`], and which of them the next rendering
/// writes (a batch, when the rows are too many for one statement).
#[derive(Debug, Clone)]
pub struct Values<V>(V, std::cell::Cell<Option<(usize, usize)>>);

impl<V> Values<V> {
    fn selected<T>(&self) -> &[V::Row]
    where
        V: InsertValues<T>,
    {
        let rows = self.0.rows();
        match self.1.get() {
            Some((start, end)) => &rows[start.min(rows.len())..end.min(rows.len())],
            None => rows,
        }
    }
}

/// No values given yet.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoValues;

/// A column of table `T`.
#[diagnostic::on_unimplemented(
    message = "column `{Self}` does not belong to table `{T}`",
    label = "this column is from another table",
    note = "INSERT and UPDATE assign only columns of the target table"
)]
pub trait ColumnOf<T> {}

#[diagnostic::do_not_recommend]
impl<T, C: Column<Table = T>> ColumnOf<T> for C {}

/// One `column = value` assignment to a column of table `T`: what `column.eq(value)` builds.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an assignment to a column of `{T}`",
    label = "expected `column.eq(value)` for a column of the target table"
)]
pub trait Assignment<T> {
    /// The assigned column's name.
    const COLUMN: &'static str;
    /// The assigned value expression.
    type Value;
    /// The assigned value.
    fn value(&self) -> &Self::Value;
}

impl<T, C: Column + ColumnOf<T>, E: Expression> Assignment<T> for Binary<Eq, C, E> {
    const COLUMN: &'static str = C::NAME;
    type Value = E;
    fn value(&self) -> &E {
        self.rhs()
    }
}

/// The values of one row to insert into `T`: an assignment or a tuple of them.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a row of values for table `{T}`",
    label = "expected `column.eq(value)` or a tuple of them, for columns of the target table"
)]
pub trait InsertRow<T> {
    /// Appends the assigned column names.
    fn push_columns(out: &mut Vec<&'static str>);
}

/// Writes the values of a row for dialect `D`, comma-separated.
pub trait RowValues<D: Dialect> {
    /// Writes the values.
    fn walk_values<'a>(&'a self, out: &mut SqlBuilder<'a, D>);
    /// As [`QueryFragment::shape`].
    fn row_shape(&self, shape: &mut Shape) -> bool;
}

impl<T, C: Column + ColumnOf<T>, E: Expression> InsertRow<T> for Binary<Eq, C, E> {
    fn push_columns(out: &mut Vec<&'static str>) {
        out.push(C::NAME);
    }
}

impl<D: Dialect, C, E: QueryFragment<D>> RowValues<D> for Binary<Eq, C, E> {
    fn walk_values<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        self.rhs().walk(out);
    }
    fn row_shape(&self, shape: &mut Shape) -> bool {
        self.rhs().shape(shape)
    }
}

impl<T> InsertRow<T> for () {
    fn push_columns(_out: &mut Vec<&'static str>) {}
}

impl<D: Dialect> RowValues<D> for () {
    fn walk_values<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
    fn row_shape(&self, _shape: &mut Shape) -> bool {
        true
    }
}

/// The rows of an INSERT: one row, or a `Vec` of rows of one shape (one multi-row statement).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be inserted into table `{T}`",
    label = "expected `column.eq(value)`, a tuple of them, or a `Vec` of such rows"
)]
pub trait InsertValues<T> {
    /// The shape of one row.
    type Row: InsertRow<T>;
    /// The rows.
    fn rows(&self) -> &[Self::Row];
}

impl<T, R: InsertRow<T>> InsertValues<T> for Vec<R> {
    type Row = R;
    fn rows(&self) -> &[R] {
        self
    }
}

impl<T, C: Column + ColumnOf<T>, E: Expression> InsertValues<T> for Binary<Eq, C, E> {
    type Row = Self;
    fn rows(&self) -> &[Self] {
        std::slice::from_ref(self)
    }
}

macro_rules! tuple_rows {
    ($first:ident $fi:ident $fn:tt $(, $rest:ident $ri:ident $rn:tt)*) => {
        impl<Tb, $first: InsertRow<Tb>, $($rest: InsertRow<Tb>),*> InsertRow<Tb> for ($first, $($rest,)*) {
            fn push_columns(out: &mut Vec<&'static str>) {
                $first::push_columns(out);
                $($rest::push_columns(out);)*
            }
        }
        #[allow(non_snake_case)]
        impl<D: Dialect, $first: RowValues<D>, $($rest: RowValues<D>),*> RowValues<D> for ($first, $($rest,)*) {
            fn walk_values<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
                let ($first, $($rest,)*) = self;
                $first.walk_values(out);
                $( out.push_sql(", "); $rest.walk_values(out); )*
            }
            fn row_shape(&self, shape: &mut Shape) -> bool {
                let ($first, $($rest,)*) = self;
                $first.row_shape(shape) $(&& $rest.row_shape(shape))*
            }
        }
        impl<Tb, $first: InsertRow<Tb>, $($rest: InsertRow<Tb>),*> InsertValues<Tb> for ($first, $($rest,)*) {
            type Row = Self;
            fn rows(&self) -> &[Self] {
                std::slice::from_ref(self)
            }
        }
    };
}

for_tuples!(tuple_rows);

/// A row of SQL types whose values can be stored into a row of `Rhs` (same arity, each pair
/// comparable).
#[diagnostic::on_unimplemented(
    message = "a row of SQL `{Self}` cannot be stored into columns of SQL `{Rhs}`",
    label = "the selected columns do not match the target columns",
    note = "select one value per target column, in order, each of a comparable SQL type"
)]
pub trait RowComparable<Rhs> {}

#[diagnostic::do_not_recommend]
impl<A: SqlType, B: SqlType> RowComparable<B> for A where A::NotNull: Comparable<B::NotNull> {}

// A single column is a one-column row.
impl<A: SqlType, B: SqlType> RowComparable<(B,)> for A where A::NotNull: Comparable<B::NotNull> {}

macro_rules! tuple_row_comparable {
    ($($a:ident $b:ident $n:tt),+) => {
        impl<$($a: RowComparable<$b>, $b,)+> RowComparable<($($b,)+)> for ($($a,)+) {}
    };
}

for_tuples!(tuple_row_comparable);

/// A column of `T`, or a tuple of them: the target columns of `INSERT ... SELECT`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a list of columns of table `{T}`",
    label = "expected a column of the target table, or a tuple of them"
)]
pub trait ColumnList<T> {
    /// The SQL row type of the columns.
    type SqlType;
    /// Appends the column names.
    fn push_names(out: &mut Vec<&'static str>);
}

impl<T, C: Column + ColumnOf<T>> ColumnList<T> for C {
    type SqlType = C::SqlType;
    fn push_names(out: &mut Vec<&'static str>) {
        out.push(C::NAME);
    }
}

macro_rules! tuple_columns {
    ($($c:ident $ci:ident $n:tt),+) => {
        impl<Tb, $($c: ColumnList<Tb>),+> ColumnList<Tb> for ($($c,)+) {
            type SqlType = ($($c::SqlType,)+);
            fn push_names(out: &mut Vec<&'static str>) {
                $($c::push_names(out);)+
            }
        }
    };
}

for_tuples!(tuple_columns);

/// `INSERT INTO table (columns) SELECT ...`.
#[derive(Debug, Clone)]
pub struct InsertFromSelect<C, Q> {
    _columns: C,
    query: Q,
}

impl<T: Table, R> InsertStatement<T, NoValues, R, NoConflict> {
    /// Sets the row(s) to insert: `column.eq(value)`, a tuple of them, or a `Vec` of such rows
    /// (inserted by one multi-row statement). Columns left out get their declared default.
    pub fn values<V, I>(self, values: V) -> InsertStatement<T, Values<V>, R>
    where
        V: InsertValues<T>,
        V::Row: AssignmentsIn<NoFrom, I>,
    {
        InsertStatement {
            table: self.table,
            values: Values(values, std::cell::Cell::new(None)),
            returning: self.returning,
            conflict: self.conflict,
        }
    }

    /// Inserts the rows of `query` into `columns` (a column or a tuple of columns of `T`).
    /// The query's row type must match the columns' types.
    pub fn from_select<C, Q>(
        self,
        columns: C,
        query: Q,
    ) -> InsertStatement<T, InsertFromSelect<C, Q::Query>, R>
    where
        C: ColumnList<T>,
        Q: AsQuery,
        Q::Query: Query,
        <Q::Query as Query>::SqlType: RowComparable<C::SqlType>,
    {
        InsertStatement {
            table: self.table,
            values: InsertFromSelect { _columns: columns, query: query.as_query() },
            returning: self.returning,
            conflict: self.conflict,
        }
    }
}

impl<T, V, R, C> InsertStatement<T, V, R, C> {
    pub(crate) fn values_part(&self) -> &V {
        &self.values
    }

    pub(crate) fn returning_part(&self) -> &R {
        &self.returning
    }
}

impl<T> InsertStatement<T, NoValues, NoReturning, NoConflict> {
    pub(crate) fn with_values<V>(
        self,
        values: V,
    ) -> InsertStatement<T, V, NoReturning, NoConflict> {
        InsertStatement {
            table: self.table,
            values,
            returning: self.returning,
            conflict: self.conflict,
        }
    }
}

impl<T, V, C> InsertStatement<T, V, NoReturning, C> {
    pub(crate) fn with_returning<R>(self, returning: R) -> InsertStatement<T, V, R, C> {
        InsertStatement {
            table: self.table,
            values: self.values,
            returning,
            conflict: self.conflict,
        }
    }
}

impl<T, V, R> InsertStatement<T, V, R, NoConflict> {
    pub(crate) fn with_conflict<C2>(self, conflict: C2) -> InsertStatement<T, V, R, C2> {
        InsertStatement {
            table: self.table,
            values: self.values,
            returning: self.returning,
            conflict,
        }
    }
}

impl<T: Table, V, C> InsertStatement<T, V, NoReturning, C> {
    /// `RETURNING list`: executing the statement then yields the inserted rows' values
    /// (generated keys, defaults), in insertion order.
    pub fn returning<S, I>(self, list: S) -> InsertStatement<T, V, Returning<S, I>, C>
    where
        S: SelectableIn<T, I>
            + crate::expr::NoAggregateInReturning
            + crate::expr::NoWindowInReturning,
    {
        InsertStatement {
            table: self.table,
            values: self.values,
            returning: Returning::new(list),
            conflict: self.conflict,
        }
    }
}

impl<T, V, R, C> AsQuery for InsertStatement<T, V, R, C> {
    type Query = Self;
    fn as_query(self) -> Self {
        self
    }
}

impl<T, V, S, I, C> Query for InsertStatement<T, V, Returning<S, I>, C>
where
    S: SelectableIn<T, I>,
{
    type SqlType = S::RowType;
}

impl<T, V: InsertValues<T>, R, C> MaybeEmpty for InsertStatement<T, Values<V>, R, C> {
    fn is_empty_statement(&self) -> bool {
        self.values.0.rows().is_empty()
    }

    fn batch_rows(&self) -> Option<usize> {
        Some(self.values.0.rows().len())
    }

    fn select_batch(&self, rows: Option<(usize, usize)>) {
        self.values.1.set(rows);
    }
}

impl<T, C, Q, R> MaybeEmpty for InsertStatement<T, InsertFromSelect<C, Q>, R> {}

fn write_target<D: Dialect, T: Table>(out: &mut SqlBuilder<'_, D>) {
    out.push_sql("INSERT INTO ");
    out.push_ident(T::NAME);
}

fn write_column_list<D: Dialect>(out: &mut SqlBuilder<'_, D>, columns: &[&str]) {
    out.push_sql(" (");
    for (i, c) in columns.iter().enumerate() {
        if i > 0 {
            out.push_sql(", ");
        }
        out.push_ident(c);
    }
    out.push_sql(")");
}

impl<D, T, V, R, C> QueryFragment<D> for InsertStatement<T, Values<V>, R, C>
where
    C: QueryFragment<D>,
    D: Dialect,
    T: Table,
    V: InsertValues<T>,
    V::Row: RowValues<D>,
    R: QueryFragment<D>,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        write_target::<D, T>(out);
        let mut columns = Vec::new();
        V::Row::push_columns(&mut columns);
        let given = columns.len();
        let defaults: Vec<_> = T::def()
            .columns
            .iter()
            .filter(|c| !columns.contains(&c.name))
            .filter_map(|c| c.default.map(|d| (c.name, d)))
            .collect();
        columns.extend(defaults.iter().map(|(name, _)| *name));
        if columns.is_empty() {
            out.push_sql(" DEFAULT VALUES");
        } else {
            write_column_list(out, &columns);
            out.push_sql(" VALUES ");
            for (i, row) in self.values.selected::<T>().iter().enumerate() {
                out.push_sql(if i == 0 { "(" } else { ", (" });
                row.walk_values(out);
                for (j, (_, default)) in defaults.iter().enumerate() {
                    if given + j > 0 {
                        out.push_sql(", ");
                    }
                    match default {
                        ColumnDefault::Value(f) => out.push_bind(f()),
                        ColumnDefault::Sql(sql) => out.push_sql(sql),
                    }
                }
                out.push_sql(")");
            }
        }
        self.conflict.walk(out);
        self.returning.walk(out);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        let rows = self.values.selected::<T>();
        shape.add(rows.len() as u64);
        rows.iter().all(|row| row.row_shape(shape))
            && self.conflict.shape(shape)
            && self.returning.shape(shape)
    }
}

impl<D, T, C, Q, R> QueryFragment<D> for InsertStatement<T, InsertFromSelect<C, Q>, R>
where
    D: Dialect,
    T: Table,
    C: ColumnList<T>,
    Q: QueryFragment<D>,
    R: QueryFragment<D>,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        write_target::<D, T>(out);
        let mut columns = Vec::new();
        C::push_names(&mut columns);
        write_column_list(out, &columns);
        out.push_sql(" ");
        self.values.query.walk(out);
        self.returning.walk(out);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.values.query.shape(shape) && self.returning.shape(shape)
    }
}
