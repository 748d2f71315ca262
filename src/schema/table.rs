//! Tables as types, and the type-level FROM clause.

use super::def::TableDef;
use crate::dialect::{Dialect, SqlBuilder};
use crate::types::Flag;
use typenum::B0;

/// A table declared with [`table!`](crate::table).
pub trait Table: Copy + Default + Send + Sync + 'static {
    /// The table's name in the database.
    const NAME: &'static str;
    /// The tuple of all columns, in declaration order.
    type AllColumns: Copy + Default;
    /// The SQL row type of all columns.
    type AllSqlType;
    /// The primary key column(s), as a tuple.
    type PrimaryKey: Copy + Default;
    /// The runtime description of the table.
    fn def() -> &'static TableDef;
    /// All columns.
    fn all_columns() -> &'static Self::AllColumns;
}

/// Proof that table `T` is in the FROM clause `Self`. `I` says where: [`Here`] for the table
/// itself, [`InLeft`]/[`InRight`] down a join. `Nullable` is `B1` when `T` is on the nullable
/// side of an outer join.
///
/// The index is inferred by the compiler; a table that is missing leaves no impl to find,
/// and a table that appears twice makes the index ambiguous (self-joins use aliases).
#[diagnostic::on_unimplemented(
    message = "table `{T}` is not in this query's FROM clause",
    label = "this query selects from `{Self}`",
    note = "join `{T}` into the query, or use a column of a table that is already in FROM"
)]
pub trait HasTable<T, I> {
    /// `B1` if `T` is on the nullable side of an outer join in `Self`.
    type Nullable: Flag;
}

/// Index: the table is this FROM clause itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Here;
/// Index: the table is found in the left side of a join, at `I`.
#[derive(Debug, Clone, Copy, Default)]
pub struct InLeft<I>(I);
/// Index: the table is found in the right side of a join, at `I`.
#[derive(Debug, Clone, Copy, Default)]
pub struct InRight<I>(I);

impl<T: Table> HasTable<T, Here> for T {
    type Nullable = B0;
}

/// Something that can stand in FROM: a table, or (later) a join or a subquery.
pub trait QuerySource: Copy {
    /// The columns `SELECT` lists when the query has no explicit select list.
    type DefaultSelection: 'static;
    /// The SQL row type of the default selection.
    type DefaultSqlType;
    /// The default select list.
    fn default_selection(&self) -> &'static Self::DefaultSelection;
    /// Writes the FROM clause body.
    fn walk_from<'a, D: Dialect>(&'a self, out: &mut SqlBuilder<'a, D>);
}

impl<T: Table> QuerySource for T {
    type DefaultSelection = T::AllColumns;
    type DefaultSqlType = T::AllSqlType;
    fn default_selection(&self) -> &'static T::AllColumns {
        T::all_columns()
    }
    fn walk_from<'a, D: Dialect>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_ident(T::NAME);
    }
}

