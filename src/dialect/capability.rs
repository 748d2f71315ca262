//! Constructs that only some dialects have, one marker trait per SQL concern.

use super::Dialect;

/// `INSERT/UPDATE/DELETE ... RETURNING` (PostgreSQL; SQLite 3.35+).
#[diagnostic::on_unimplemented(
    message = "the {Self} dialect has no `RETURNING` clause",
    label = "`returning` is not available for this dialect"
)]
pub trait SupportsReturning: Dialect {}

/// `ILIKE`, case-insensitive LIKE (PostgreSQL only).
#[diagnostic::on_unimplemented(
    message = "the {Self} dialect has no `ILIKE` operator",
    label = "`ilike` is PostgreSQL-only",
    note = "for other dialects compare `lower(column)` with `like`"
)]
pub trait SupportsIlike: Dialect {}

/// `SELECT DISTINCT ON (...)` (PostgreSQL only).
#[diagnostic::on_unimplemented(
    message = "the {Self} dialect has no `DISTINCT ON`",
    label = "`distinct_on` is PostgreSQL-only",
    note = "use GROUP BY or a window function for other dialects"
)]
pub trait SupportsDistinctOn: Dialect {}

/// `SELECT ... FOR UPDATE` / `FOR SHARE` row locks (PostgreSQL; SQLite locks whole databases).
#[diagnostic::on_unimplemented(
    message = "the {Self} dialect has no `FOR UPDATE` / `FOR SHARE` row locks",
    label = "row locking is PostgreSQL-only",
    note = "SQLite serializes writers per database; use a transaction instead"
)]
pub trait SupportsRowLocking: Dialect {}

/// `x op ANY (subquery)` / `x op ALL (subquery)` (PostgreSQL).
#[diagnostic::on_unimplemented(
    message = "the {Self} dialect has no `ANY` / `ALL` subquery comparisons",
    label = "`any(...)` / `all(...)` are PostgreSQL-only",
    note = "use `in_subquery`, or compare with `max(...)` / `min(...)` in a scalar subquery"
)]
pub trait SupportsAnyAll: Dialect {}

/// `INSERT ... ON CONFLICT` (PostgreSQL; SQLite 3.24+).
#[diagnostic::on_unimplemented(
    message = "the {Self} dialect has no `ON CONFLICT` clause",
    label = "upsert is not available for this dialect"
)]
pub trait SupportsOnConflict: Dialect {}

/// `ORDER BY ... NULLS FIRST | NULLS LAST` (PostgreSQL; SQLite 3.30+).
#[diagnostic::on_unimplemented(
    message = "the {Self} dialect has no `NULLS FIRST` / `NULLS LAST`",
    label = "null ordering is not available for this dialect"
)]
pub trait SupportsNullsOrdering: Dialect {}

/// JSONB's containment and key operators, `@>` and `?` (PostgreSQL only).
#[diagnostic::on_unimplemented(
    message = "the {Self} dialect has no JSONB operators (`@>`, `?`)",
    label = "`contains` / `has_key` on JSON are PostgreSQL-only",
    note = "on SQLite compare a member instead: `column.get_text(\"key\").eq(value)`"
)]
pub trait SupportsJsonb: Dialect {}
