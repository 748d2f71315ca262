//! Columns as types.

use super::table::Table;
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder, SupportedType};
use crate::expr::{Expression, GroupKey};

/// A column declared with [`table!`](crate::table). Columns are expressions of their SQL type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a column of a table",
    label = "expected a column declared with `table!`, or an expression built from columns",
    note = "Rust values are bound with methods such as `column.eq(value)`, not selected directly"
)]
pub trait Column: Expression + Copy + Default + Send + Sync + 'static {
    /// The table the column belongs to.
    type Table: Table;
    /// The column's name in the database.
    const NAME: &'static str;
}

/// A column or a tuple of columns (nested as deep as a wide table needs), made from nothing:
/// columns are zero-sized, so the list a model maps is a value known from its type alone.
/// (`Default` would do, but the standard library implements it only for tuples up to 12.)
pub trait ColumnTuple: Copy {
    /// The columns.
    fn new() -> Self;
}

impl<C: Column> ColumnTuple for C {
    #[inline]
    fn new() -> Self {
        C::default()
    }
}

macro_rules! tuple_column_tuple {
    ($($t:ident $i:ident $n:tt),+) => {
        impl<$($t: ColumnTuple),+> ColumnTuple for ($($t,)+) {
            #[inline]
            fn new() -> Self {
                ($($t::new(),)+)
            }
        }
    };
}

for_tuples!(tuple_column_tuple);

/// A column declared with `#[references(table::column)]`: a foreign key to `Target`.
pub trait ForeignKey: Column {
    /// The referenced column.
    type Target: Column;
}

// A column is grouped when the GROUP BY list holds it (`ValidGrouping` for a `GroupKey`).
impl<C: Column> GroupKey for C {}

// A column of a type the dialect lacks (an array on SQLite) does not render for it.
impl<C: Column, D: Dialect> QueryFragment<D> for C
where
    C::SqlType: SupportedType<D>,
{
    #[inline]
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        if out.qualify_columns() {
            out.push_ident(<C::Table as Table>::NAME);
            out.push_sql(".");
        }
        out.push_ident(C::NAME);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        let _ = shape;
        true
    }
}
