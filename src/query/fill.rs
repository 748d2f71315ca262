//! Filling a CTE or a derived table: the rows of its query must fit the declared columns,
//! value types and nullability alike.
//!
//! The columns of a CTE or derived table are declared with `table!`; a column declared NOT
//! NULL (`total -> BigInt`) promises every reader a value. A query that may yield NULL there
//! (`SUM` over no rows, the nullable side of an outer join, a nullable column) would break the
//! promise at run time, so it is refused here: declare the column `Nullable<..>`, or make the
//! value NOT NULL (for example with `coalesce`).

use crate::expr::Expression;
use crate::types::{Comparable, SqlType};
use typenum::{B0, B1};

/// A row of SQL types `Self` fills the columns `Cols` (a tuple of column types) of a CTE or
/// derived table: one value per column, each of the column's type family and nullability.
#[diagnostic::on_unimplemented(
    message = "a row of SQL `{Self}` does not fit the columns `{Cols}`",
    label = "the query selects a different number of values than the table declares columns",
    note = "select one value per column of the CTE or derived table, in order"
)]
pub trait FillsColumns<Cols> {}

/// A value of SQL type `Self` may be stored into column `C` of a CTE or derived table.
pub trait FillsColumn<C> {}

impl<A: SqlType, C: Expression> FillsColumn<C> for A
where
    C::SqlType: SqlType,
    A::NotNull: FitsColumnType<<C::SqlType as SqlType>::NotNull, C>,
    A::IsNullable: NullFits<<C::SqlType as SqlType>::IsNullable, C>,
{
}

/// The value's SQL type `Self` belongs to the family of column `C`'s type `ST`.
#[diagnostic::on_unimplemented(
    message = "a value of SQL `{Self}` cannot fill column `{C}` of SQL `{ST}`",
    label = "this query's value for `{C}` has another SQL type",
    note = "select a value of the column's type, or `cast` it"
)]
pub trait FitsColumnType<ST, C> {}

#[diagnostic::do_not_recommend]
impl<A: Comparable<ST>, ST, C> FitsColumnType<ST, C> for A {}

/// A value whose nullability is `Self` fits a column whose nullability is `ColumnNullable`:
/// anything fits a nullable column, only a NOT NULL value fits a NOT NULL column.
#[diagnostic::on_unimplemented(
    message = "column `{C}` is declared NOT NULL, but the query filling it may yield NULL",
    label = "this query's value for `{C}` may be NULL (a nullable column, an outer join's nullable side, or an aggregate such as SUM over no rows)",
    note = "declare `{C}` as `Nullable<..>` in its `table!`, or make the value NOT NULL, e.g. with `coalesce(value, default)`"
)]
pub trait NullFits<ColumnNullable, C> {}

impl<N, C> NullFits<N, C> for B0 {}
impl<C> NullFits<B1, C> for B1 {}

// A single value fills a one-column table.
impl<A: SqlType + FillsColumn<C1>, C1> FillsColumns<(C1,)> for A {}

macro_rules! tuple_fills {
    ($(($($a:ident $c:ident),+))*) => {$(
        impl<$($a: FillsColumn<$c>, $c,)+> FillsColumns<($($c,)+)> for ($($a,)+) {}
    )*};
}

tuple_fills! {
    (A1 C1)
    (A1 C1, A2 C2)
    (A1 C1, A2 C2, A3 C3)
    (A1 C1, A2 C2, A3 C3, A4 C4)
    (A1 C1, A2 C2, A3 C3, A4 C4, A5 C5)
    (A1 C1, A2 C2, A3 C3, A4 C4, A5 C5, A6 C6)
    (A1 C1, A2 C2, A3 C3, A4 C4, A5 C5, A6 C6, A7 C7)
    (A1 C1, A2 C2, A3 C3, A4 C4, A5 C5, A6 C6, A7 C7, A8 C8)
    (A1 C1, A2 C2, A3 C3, A4 C4, A5 C5, A6 C6, A7 C7, A8 C8, A9 C9)
    (A1 C1, A2 C2, A3 C3, A4 C4, A5 C5, A6 C6, A7 C7, A8 C8, A9 C9, A10 C10)
    (A1 C1, A2 C2, A3 C3, A4 C4, A5 C5, A6 C6, A7 C7, A8 C8, A9 C9, A10 C10, A11 C11)
    (A1 C1, A2 C2, A3 C3, A4 C4, A5 C5, A6 C6, A7 C7, A8 C8, A9 C9, A10 C10, A11 C11, A12 C12)
}
