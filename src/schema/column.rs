//! Columns as types.

use super::table::{HasTable, Here, Table};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::expr::{Expression, GroupContains, ValidGrouping, ValidIn};
use crate::types::Flag;

/// A column declared with [`table!`](crate::table). Columns are expressions of their SQL type.
pub trait Column: Expression + Copy + Default + Send + Sync + 'static {
    /// The table the column belongs to.
    type Table: Table;
    /// The column's name in the database.
    const NAME: &'static str;
}

impl<C: Column, F: HasTable<C::Table, I>, I> ValidIn<F, I> for C {
    type SqlTypeIn = <F::Nullable as Flag>::Apply<C::SqlType>;
}

impl<C: Column> GroupContains<C, Here> for C {}

impl<C: Column, G: GroupContains<C, I>, I> ValidGrouping<G, I> for C {}

impl<C: Column, D: Dialect> QueryFragment<D> for C {
    #[inline]
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_ident(<C::Table as Table>::NAME);
        out.push_sql(".");
        out.push_ident(C::NAME);
    }
}
