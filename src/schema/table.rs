//! Tables as types, and the type-level FROM clause.

use super::def::TableDef;
use crate::dialect::{Dialect, Shape, SqlBuilder};
use crate::types::Flag;
use typenum::B0;

/// A table declared with [`table!`](crate::table).
pub trait Table: Copy + Default + Send + Sync + 'static {
    /// The table's name in the database.
    const NAME: &'static str;
    /// The tuple of all columns, in declaration order (a tuple of tuples of at most 32 for a
    /// wider table: every tuple trait nests).
    type AllColumns: Copy;
    /// The SQL row type of all columns.
    type AllSqlType;
    /// The primary key column(s), as a tuple.
    type PrimaryKey: Copy + Default;
    /// `B1` for a table declared `#[cte]`: the shape of a CTE or derived table, with no rows
    /// of its own, readable only where a WITH clause declares it.
    type CteShape: crate::types::Flag;
    /// The runtime description of the table.
    fn def() -> &'static TableDef;
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

/// Something that can stand in FROM: a table, or a join of them.
pub trait QuerySource: Sized {
    /// Whether the statement has a FROM clause (`SELECT 1` has none).
    const HAS_FROM: bool = true;
    /// The SQL row type of `SELECT *` over this source (outer joins make a side nullable).
    type DefaultSqlType;
    /// Writes the default select list: every column of every table, qualified.
    fn walk_default_selection<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>);
}

/// A FROM clause body as dialect `D` writes it (a join's ON conditions may use constructs
/// only some dialects have).
#[diagnostic::on_unimplemented(
    message = "this FROM clause cannot be written for the {D} dialect",
    label = "a join condition uses a construct that the {D} dialect does not have"
)]
pub trait FromClause<D: Dialect> {
    /// Writes the FROM clause body.
    fn walk_from<'a>(&'a self, out: &mut SqlBuilder<'a, D>);

    /// As [`QueryFragment::shape`](crate::dialect::QueryFragment::shape).
    fn shape_of_from(&self, shape: &mut Shape) -> bool {
        let _ = shape;
        false
    }
}

impl<T: Table, D: Dialect> FromClause<D> for T {
    fn walk_from<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_ident(T::NAME);
    }
    fn shape_of_from(&self, _shape: &mut Shape) -> bool {
        true
    }
}

impl<T: Table> QuerySource for T {
    type DefaultSqlType = T::AllSqlType;
    fn walk_default_selection<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>) {
        for (i, column) in T::def().columns.iter().enumerate() {
            if i > 0 {
                out.push_sql(", ");
            }
            out.push_ident(T::NAME);
            out.push_sql(".");
            out.push_ident(column.name);
        }
    }
}
