//! Dialects: how SQL is spelled for each database, and which constructs each one has.
//!
//! A dialect is a zero-sized type parameter. Syntax differences (placeholders, quoting, type
//! names in DDL) are methods of [`Dialect`]; constructs only some databases have are marker
//! traits ([`SupportsIlike`], [`SupportsDistinctOn`], ...), so a query that uses one does not
//! compile for a dialect without it.

mod builder;
mod capability;
mod datetime;
mod fixed;
mod postgres;
mod sqlite;

pub use builder::{QueryFragment, Shape, SqlBuilder};
pub use capability::{
    SupportedType, SupportsAnyAll, SupportsArrays, SupportsDistinctOn, SupportsEnumTypes,
    SupportsIlike, SupportsInterval, SupportsJsonb, SupportsNullsOrdering, SupportsOnConflict,
    SupportsReturning, SupportsRowLocking,
};
pub use datetime::DatePart;
pub use fixed::BoxedFor;
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

    /// Whether the database has SQL type `kind` (arrays and enum types are PostgreSQL's):
    /// DDL for a column of another type is refused with an error.
    fn has_type(kind: TypeKind) -> bool {
        let _ = kind;
        true
    }

    /// Writes the column type and clause of an auto-incrementing integer primary key column.
    fn write_autoincrement_pk(out: &mut String, kind: TypeKind);

    /// Whether `CREATE TABLE` may name, in a foreign key, a table that does not exist yet.
    ///
    /// SQLite resolves foreign keys only when rows are written, so a foreign key that closes a
    /// cycle between tables stays in its `CREATE TABLE` (SQLite has no `ALTER TABLE ... ADD
    /// CONSTRAINT` anyway). Elsewhere the referenced table must exist: such a foreign key is
    /// added after both tables by `ALTER TABLE ... ADD CONSTRAINT`, and dropped first.
    const INLINE_FORWARD_REFERENCES: bool = false;

    /// A statement that postpones the current transaction's foreign-key checks to its commit,
    /// if the dialect has one. Dropping tables whose inline foreign keys form a cycle needs
    /// it: whichever table goes first is still referenced by the other's rows.
    const DEFER_FOREIGN_KEY_CHECKS: Option<&'static str> = None;

    /// Writes `add_constraint` (an `ALTER TABLE ... ADD CONSTRAINT ...`) so that it does
    /// nothing when the table has a constraint of that name already. The default writes it
    /// unchanged: without a way to guard it, an existing constraint is an error.
    fn write_add_constraint_if_missing(out: &mut String, add_constraint: &str) {
        out.push_str(add_constraint);
    }

    /// The dialect's name for a SQL function whose standard (PostgreSQL) name is `name`.
    fn function_name(name: &'static str) -> &'static str {
        name
    }

    /// Writes a boolean literal for DDL defaults.
    fn write_bool(out: &mut String, value: bool) {
        out.push_str(if value { "TRUE" } else { "FALSE" });
    }

    /// Whether a bind parameter needs an explicit `CAST` where nothing around it fixes its
    /// type: PostgreSQL reads an untyped parameter (as in `CASE WHEN c THEN $1 ...`) as text,
    /// while SQLite values carry their own type.
    const UNTYPED_BINDS_NEED_CAST: bool = false;

    /// Writes the target type of `CAST(e AS <type>)`; by default the DDL name of the type.
    fn write_cast_type(out: &mut String, kind: TypeKind) {
        Self::write_type(out, kind);
    }

    /// Writes `ROUND(value, digits)` whose result keeps `value`'s SQL type `kind`.
    fn walk_round_digits<'a>(
        value: &'a dyn QueryFragment<Self>,
        digits: &'a dyn QueryFragment<Self>,
        _kind: TypeKind,
        out: &mut SqlBuilder<'a, Self>,
    ) {
        out.push_sql("ROUND(");
        value.walk(out);
        out.push_sql(", ");
        digits.walk(out);
        out.push_sql(")");
    }

    /// Writes field `part` of a date/time `value` as an `INTEGER` (standard `EXTRACT`).
    fn walk_extract<'a>(
        part: DatePart,
        value: &'a dyn QueryFragment<Self>,
        out: &mut SqlBuilder<'a, Self>,
    ) {
        out.push_sql("CAST(EXTRACT(");
        out.push_sql(part.sql_name());
        out.push_sql(" FROM ");
        value.walk(out);
        out.push_sql(") AS INTEGER)");
    }

    /// Writes a date/time `value` of SQL type `kind` plus an `INTEGER` `amount` of `unit`
    /// (days, months or years), keeping the type (no standard spelling takes the amount as a
    /// parameter).
    ///
    /// Every dialect gives the same result: months and years move the calendar date and clamp
    /// a day past the end of the target month to its last day (January 31 plus one month is
    /// February 29 in 2024, February 29 plus one year is February 28); the time of day is kept;
    /// `TimestampTz` values are shifted in UTC.
    fn walk_date_add<'a>(
        unit: DatePart,
        value: &'a dyn QueryFragment<Self>,
        amount: &'a dyn QueryFragment<Self>,
        kind: TypeKind,
        out: &mut SqlBuilder<'a, Self>,
    );
}
