//! Constructs that only some dialects have, one marker trait per SQL concern.

use super::Dialect;
use crate::types;

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

/// The `INTERVAL` type and its arithmetic (PostgreSQL; SQLite has no interval type).
#[diagnostic::on_unimplemented(
    message = "the {Self} dialect has no `INTERVAL` type",
    label = "intervals are PostgreSQL-only",
    note = "for other dialects shift dates with `add_days`, `add_months` or `add_years`"
)]
pub trait SupportsInterval: Dialect {}

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
/// Array types (`INTEGER[]`) and their operators (PostgreSQL only).
#[diagnostic::on_unimplemented(
    message = "the {Self} dialect has no array types",
    label = "arrays are PostgreSQL-only",
    note = "store the elements in a child table, one row per element"
)]
pub trait SupportsArrays: Dialect {}

/// Enum types made by `CREATE TYPE ... AS ENUM` (PostgreSQL only).
#[diagnostic::on_unimplemented(
    message = "the {Self} dialect has no enum types",
    label = "`CREATE TYPE ... AS ENUM` is PostgreSQL-only",
    note = "store the enum as text: `#[sql_enum(text)]`"
)]
pub trait SupportsEnumTypes: Dialect {}

/// SQL type `Self` exists in dialect `D`: every type but the PostgreSQL-only ones (arrays and
/// enum types). A column or bind of a type the dialect lacks makes the query not compile for
/// that dialect.
#[diagnostic::on_unimplemented(
    message = "the {D} dialect has no SQL type `{Self}`",
    label = "a column or value of this SQL type cannot be used with this dialect",
    note = "arrays (`Array<_>`), intervals (`Interval`) and enum types (`#[derive(SqlEnum)]` without `text`) are PostgreSQL-only"
)]
pub trait SupportedType<D: Dialect> {}

macro_rules! everywhere {
    ($($t:ty),* $(,)?) => {$( impl<D: Dialect> SupportedType<D> for $t {} )*};
}

everywhere!(
    types::SmallInt,
    types::Integer,
    types::BigInt,
    types::Float,
    types::Double,
    types::Numeric,
    types::Text,
    types::Bool,
    types::Blob,
    types::Date,
    types::Time,
    types::Timestamp,
    types::TimestampTz,
    types::Uuid,
    types::Json,
    types::Jsonb,
);

impl<D: Dialect, N> SupportedType<D> for types::Varchar<N> {}
impl<D: Dialect, T: SupportedType<D>> SupportedType<D> for types::Nullable<T> {}
impl<D: SupportsArrays, T: SupportedType<D>> SupportedType<D> for types::Array<T> {}
impl<D: SupportsInterval> SupportedType<D> for types::Interval {}

/// Where an enum's storage exists: text everywhere, a PostgreSQL enum type where the dialect
/// has enum types.
#[diagnostic::on_unimplemented(
    message = "the {D} dialect has no enum types",
    label = "`CREATE TYPE ... AS ENUM` is PostgreSQL-only",
    note = "store the enum as text: `#[sql_enum(text)]`"
)]
pub trait EnumStorageIn<D: Dialect> {}
impl<D: Dialect> EnumStorageIn<D> for types::AsText {}
impl<D: SupportsEnumTypes> EnumStorageIn<D> for types::NativeEnum {}

#[diagnostic::do_not_recommend]
impl<D: Dialect, E: types::SqlEnum> SupportedType<D> for E where E::Storage: EnumStorageIn<D> {}
