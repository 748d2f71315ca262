//! Tables and columns: zero-sized types for the compiler, [`TableDef`] for the runtime.
//!
//! The [`table!`](crate::table) macro declares both at once. Queries use the types; DDL,
//! reflection and the ORM use the runtime description.

mod alias;
mod column;
mod ddl;
mod def;
mod links;
mod macros;
mod metadata;
mod order;
mod table;

pub use alias::{AliasSource, Aliased, walk_alias_from, walk_alias_selection};
pub use column::{Column, ColumnTuple, ForeignKey};
pub use ddl::{create_index_sql, create_table_sql, drop_table_sql};
pub use def::{
    ColumnDef, ColumnDefault, Constraint, ForeignKeyDef, ForeignKeyRef, ReferentialAction, TableDef,
};
pub use links::{
    AmbiguousForeignKey, DefaultForeignKey, ForeignKeyBetween, Links, SingleForeignKey,
};
pub use metadata::{CheckFirst, MetaData};
pub use order::{DeferredForeignKey, TableOrder};
pub use table::{FromClause, HasTable, Here, InLeft, InRight, QuerySource, Table};
