//! Dialects: how SQL is spelled for each database, and which constructs each one has.
//!
//! A dialect is a zero-sized type parameter. Syntax differences (placeholders, quoting, type
//! names in DDL) are methods of [`Dialect`]; constructs only some databases have are marker
//! traits ([`SupportsIlike`], [`SupportsDistinctOn`], ...), so a query that uses one does not
//! compile for a dialect without it.

mod builder;
mod capability;
mod postgres;
mod sqlite;

pub use builder::{QueryFragment, SqlBuilder};
pub use capability::{
    SupportsDistinctOn, SupportsIlike, SupportsNullsOrdering, SupportsReturning, SupportsRowLocking,
};
pub use postgres::Postgres;
pub use sqlite::Sqlite;

use crate::types::TypeKind;

/// How one database spells SQL.
pub trait Dialect: Copy + Default + std::fmt::Debug + Send + Sync + 'static {
    /// The dialect's name, for messages.
    const NAME: &'static str;

    /// The most bind parameters one statement may carry.
    const MAX_BINDS: usize;

    /// What to write before `OFFSET` when a query has no `LIMIT` (SQLite needs `LIMIT -1`).
    const LIMIT_ALL: &'static str = "";

    /// Writes the placeholder of the `index`-th bind parameter (1-based).
    fn write_placeholder(out: &mut String, index: usize);

    /// Writes an identifier, quoted so that any name (even a keyword) is safe.
    fn write_ident(out: &mut String, name: &str) {
        out.push('"');
        for c in name.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    }

    /// Writes the DDL name of a SQL type.
    fn write_type(out: &mut String, kind: TypeKind);

    /// Writes the column type and clause of an auto-incrementing integer primary key column.
    fn write_autoincrement_pk(out: &mut String, kind: TypeKind);

    /// The dialect's name for a SQL function whose standard (PostgreSQL) name is `name`.
    fn function_name(name: &'static str) -> &'static str {
        name
    }

    /// Writes a boolean literal for DDL defaults.
    fn write_bool(out: &mut String, value: bool) {
        out.push_str(if value { "TRUE" } else { "FALSE" });
    }
}
