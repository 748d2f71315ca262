//! Filling a CTE or a derived table: the rows of its query must fit the declared columns,
//! value types and nullability alike.
//!
//! The columns of a CTE or derived table are declared with `table!`; a column declared NOT
//! NULL (`total -> BigInt`) promises every reader a value. A query that may yield NULL there
//! (`SUM` over no rows, the nullable side of an outer join, a nullable column) would break the
//! promise at run time, so it is refused here: declare the column `Nullable<..>`, or make the
//! value NOT NULL (for example with `coalesce`).

use super::Query;
use crate::schema::{Column, Table};
use crate::types::{Comparable, SqlType};
use typenum::{B0, B1};

/// The query `Self` fills table `T` (the shape of a CTE or derived table): its rows fit `T`'s
/// columns (see [`FilledBy`]). The bound of `cte()` and `subquery()`, on the query so that the
/// error points at it.
#[diagnostic::on_unimplemented(
    message = "the rows of this query do not fit the columns of `{T}`",
    label = "the query selects values that do not fit the columns of `{T}`",
    note = "select one value per column of the CTE or derived table, in order, of the column's SQL type and nullability"
)]
pub trait FillsTable<T> {}

impl<Q: Query, T: Table> FillsTable<T> for Q where T::AllColumns: FilledBy<Q::SqlType> {}

/// The columns `Self` (a tuple of column types) of a CTE or derived table can be filled by rows
/// of SQL types `Row`: one value per column, each of the column's type family and
/// nullability. (Its `Self` is the columns so that a failing column is reported by
/// [`FillsColumnType`] or [`FillsColumnNullability`], naming the column.)
#[diagnostic::on_unimplemented(
    message = "the columns `{Self}` cannot be filled by rows of SQL `{Row}`",
    label = "the query selects a different number of values than the table declares columns",
    note = "select one value per column of the CTE or derived table, in order"
)]
pub trait FilledBy<Row> {}

/// A value of SQL type `Self` may be stored into column `C` (of table `T`): its type family.
#[diagnostic::on_unimplemented(
    message = "a value of SQL `{Self}` cannot fill column `{C}`",
    label = "this query's value for `{C}` has another SQL type than the column",
    note = "select a value of the column's SQL type, or `cast` it"
)]
pub trait FillsColumnType<C, T> {}

#[diagnostic::do_not_recommend]
impl<A: SqlType, C: Column<Table = T>, T> FillsColumnType<C, T> for A
where
    C::SqlType: SqlType,
    A::NotNull: Comparable<<C::SqlType as SqlType>::NotNull>,
{
}

/// A value of SQL type `Self` may be stored into column `C` (of table `T`): a value that may
/// be NULL fills only a nullable column.
#[diagnostic::on_unimplemented(
    message = "column `{C}` is declared NOT NULL, but the query filling it may yield NULL",
    label = "this query's value for `{C}` may be NULL (a nullable column, the nullable side of an outer join, or an aggregate such as SUM, NULL over no rows)",
    note = "declare `{C}` as `Nullable<..>` in its `table!`, or make the value NOT NULL, e.g. with `coalesce(value, default)`"
)]
pub trait FillsColumnNullability<C, T> {}

#[diagnostic::do_not_recommend]
impl<A: SqlType, C: Column<Table = T>, T> FillsColumnNullability<C, T> for A
where
    C::SqlType: SqlType,
    A::IsNullable: NullFits<<C::SqlType as SqlType>::IsNullable>,
{
}

/// A value whose nullability is `Self` fits a column whose nullability is `ColumnNullable`:
/// anything fits a nullable column, only a NOT NULL value fits a NOT NULL column.
pub trait NullFits<ColumnNullable> {}

impl<N> NullFits<N> for B0 {}
impl NullFits<B1> for B1 {}

// A single value fills a one-column table.
impl<A, C1: Column> FilledBy<A> for (C1,) where
    A: SqlType + FillsColumnType<C1, C1::Table> + FillsColumnNullability<C1, C1::Table>
{
}

macro_rules! tuple_fills {
    ($($a:ident $c:ident $n:tt),+) => {
        impl<$($a, $c: Column,)+> FilledBy<($($a,)+)> for ($($c,)+)
        where
            $($a: FillsColumnType<$c, $c::Table> + FillsColumnNullability<$c, $c::Table>,)+
        {
        }
    };
}

for_tuples!(tuple_fills);
