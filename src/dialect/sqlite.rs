//! SQLite's spelling of SQL.

use super::{
    DatePart, Dialect, QueryFragment, SqlBuilder, SupportsNullsOrdering, SupportsReturning,
};
use crate::types::TypeKind;
use std::fmt::Write;

/// The SQLite dialect (3.35 or newer; the bundled library is newer still).
///
/// # Declared column types
///
/// SQLite stores each value with its own storage class (NULL, INTEGER, REAL, TEXT, BLOB), and
/// a column's *declared* type only gives it an affinity, derived from the type name's
/// letters: names containing `INT` get INTEGER affinity; `CHAR`, `CLOB` or `TEXT` get TEXT;
/// `BLOB` (or no type) none; `REAL`, `FLOA` or `DOUB` REAL; anything else NUMERIC. A column
/// with NUMERIC affinity stores `901.00` as the integer `901`, after which sums and divisions
/// are integer arithmetic (`901 / 2` is `450`), unlike PostgreSQL's `NUMERIC`. So each SQL
/// type is declared with a name whose affinity keeps its values' type, and that still says
/// what the column is. The names map one-to-one to [`TypeKind`]s, so a reflected schema
/// reads them back:
///
/// | SQL type (`TypeKind`) | declared as | affinity | stored as |
/// |---|---|---|---|
/// | `SmallInt`, `Integer`, `BigInt` | `SMALLINT`, `INTEGER`, `BIGINT` | INTEGER | INTEGER |
/// | `Float`, `Double` | `REAL`, `DOUBLE PRECISION` | REAL | REAL |
/// | `Numeric` | `NUMERIC_REAL` | REAL | REAL (a double: about 15 significant digits) |
/// | `Text`, `Varchar(n)` | `TEXT`, `VARCHAR(n)` | TEXT | TEXT |
/// | `Bool` | `BOOLEAN` | NUMERIC | INTEGER 0 or 1 |
/// | `Blob` | `BLOB` | none | BLOB |
/// | `Date`, `Time`, `Timestamp`, `TimestampTz` | `DATE`, `TIME`, `TIMESTAMP`, `TIMESTAMPTZ` | NUMERIC | ISO-8601 TEXT |
///
/// `Bool` and the date/time types keep their familiar names although those give NUMERIC
/// affinity: their values are the integers 0 and 1 and ISO-8601 texts such as
/// `2024-01-31 10:00:00`, which are never well-formed numbers, so the affinity leaves them as
/// they are. `Numeric` has no exact decimal storage on SQLite; its values are REALs, and
/// bound decimals are sent as REALs too (integral ones beyond 2^53 as INTEGERs, which stay
/// exact in expressions but become REALs once stored in a `NUMERIC_REAL` column). A table
/// declared elsewhere with plain `NUMERIC` works, with SQLite's integer arithmetic on its
/// integral values.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { prices (id) { id -> Integer, amount -> Numeric, } }
///
/// let mut conn = SqliteConnection::open("sqlite::memory:")?;
/// MetaData::new([prices::table::def()]).create_all(&mut conn, CheckFirst::No)?;
/// insert(prices::table).values(prices::amount.eq("901.00")).execute(&mut conn)?;
/// let half: f64 = prices::table.select(prices::amount / 2).first(&mut conn)?;
/// assert_eq!(half, 450.5);
/// # Ok::<(), aludel::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Sqlite;

impl Dialect for Sqlite {
    const NAME: &'static str = "SQLite";
    // SQLITE_MAX_VARIABLE_NUMBER of the bundled library.
    const MAX_BINDS: usize = 32766;
    const LIMIT_ALL: &'static str = " LIMIT -1";
    const INLINE_FORWARD_REFERENCES: bool = true;
    // `DROP TABLE` first deletes the table's rows, which fails while another table's rows
    // still reference them, even if that table is dropped next. Deferred, the checks run at
    // COMMIT, when both tables are gone (a dropped parent counts as empty). SQLite switches
    // the pragma off again at the end of each transaction.
    const DEFER_FOREIGN_KEY_CHECKS: Option<&'static str> = Some("PRAGMA defer_foreign_keys = ON");

    #[inline]
    fn write_placeholder(out: &mut String, index: usize) {
        let _ = write!(out, "?{index}");
    }

    fn write_type(out: &mut String, kind: TypeKind) {
        match kind {
            TypeKind::SmallInt => out.push_str("SMALLINT"),
            TypeKind::Integer => out.push_str("INTEGER"),
            TypeKind::BigInt => out.push_str("BIGINT"),
            TypeKind::Float => out.push_str("REAL"),
            TypeKind::Double => out.push_str("DOUBLE PRECISION"),
            // REAL affinity (see the type's docs): `NUMERIC` would store 901.00 as 901.
            TypeKind::Numeric => out.push_str("NUMERIC_REAL"),
            TypeKind::Text => out.push_str("TEXT"),
            TypeKind::Varchar(n) => {
                let _ = write!(out, "VARCHAR({n})");
            }
            TypeKind::Bool => out.push_str("BOOLEAN"),
            TypeKind::Blob => out.push_str("BLOB"),
            TypeKind::Date => out.push_str("DATE"),
            TypeKind::Time => out.push_str("TIME"),
            TypeKind::Timestamp => out.push_str("TIMESTAMP"),
            TypeKind::TimestampTz => out.push_str("TIMESTAMPTZ"),
            // Lowercase hyphenated text: it sorts as PostgreSQL sorts UUIDs (byte order), and
            // `UUID` gives NUMERIC affinity, which leaves such text as it is.
            TypeKind::Uuid => out.push_str("UUID"),
            // JSON text, which SQLite's JSON functions and `->` / `->>` read. A declared `JSON`
            // would have NUMERIC affinity and turn the document `42` into the integer 42.
            TypeKind::Json | TypeKind::Jsonb => out.push_str("TEXT"),
            // SQLite takes any type name, so these would be accepted and mean nothing:
            // `has_type` refuses them before DDL is written.
            TypeKind::Array(element) => {
                Self::write_type(out, *element);
                out.push_str("[]");
            }
            TypeKind::Enum { name, .. } => Self::write_ident(out, name),
            TypeKind::TextEnum { .. } => out.push_str("TEXT"),
            // SQLite has no interval type; SQL using intervals does not compile for SQLite,
            // and a table with such a column cannot hold a value there.
            TypeKind::Interval => out.push_str("INTERVAL"),
        }
    }

    fn has_type(kind: TypeKind) -> bool {
        !matches!(kind, TypeKind::Array(_) | TypeKind::Enum { .. })
    }

    fn write_autoincrement_pk(out: &mut String, _kind: TypeKind) {
        // Only the exact spelling `INTEGER PRIMARY KEY` makes the column an alias of the
        // 64-bit rowid, which SQLite fills in automatically.
        out.push_str("INTEGER PRIMARY KEY");
    }

    fn function_name(name: &'static str) -> &'static str {
        match name {
            "STRING_AGG" => "GROUP_CONCAT",
            // Booleans are 0/1 integers: "all true" is the minimum, "any true" the maximum.
            "BOOL_AND" => "MIN",
            "BOOL_OR" => "MAX",
            other => other,
        }
    }

    fn write_bool(out: &mut String, value: bool) {
        out.push_str(if value { "1" } else { "0" });
    }

    fn write_cast_type(out: &mut String, kind: TypeKind) {
        match kind {
            // Dates and times are ISO-8601 text; a DATE/TIMESTAMP cast would make them numbers.
            TypeKind::Date | TypeKind::Time | TypeKind::Timestamp | TypeKind::TimestampTz => {
                out.push_str("TEXT")
            }
            // `CAST(2 AS NUMERIC)` is the integer 2 on SQLite; a REAL keeps `2 / 4` from being
            // integer division, as the column type does.
            TypeKind::Numeric => out.push_str("REAL"),
            // Stored as text (see `write_type`); a cast to `UUID` would have NUMERIC affinity.
            TypeKind::Uuid | TypeKind::Json | TypeKind::Jsonb => out.push_str("TEXT"),
            other => Self::write_type(out, other),
        }
    }

    fn walk_extract<'a>(
        part: DatePart,
        value: &'a dyn QueryFragment<Self>,
        out: &mut SqlBuilder<'a, Self>,
    ) {
        out.push_sql("CAST(strftime('");
        out.push_sql(part.strftime_format());
        out.push_sql("', ");
        value.walk(out);
        out.push_sql(") AS INTEGER)");
    }

    fn walk_date_add<'a>(
        unit: DatePart,
        value: &'a dyn QueryFragment<Self>,
        amount: &'a dyn QueryFragment<Self>,
        kind: TypeKind,
        out: &mut SqlBuilder<'a, Self>,
    ) {
        // Written back in the text format aludel stores (milliseconds kept for timestamps).
        out.push_sql(match kind {
            TypeKind::Date => "date(",
            _ => "strftime('%Y-%m-%d %H:%M:%f', ",
        });
        value.walk(out);
        // The modifier `5 days` / `-5 days`; a NULL amount makes it NULL, and so the result,
        // as on PostgreSQL (`printf` would turn NULL into `+0`).
        out.push_sql(", (");
        amount.walk(out);
        out.push_sql(") || ' ");
        out.push_sql(unit.unit_plural());
        // Without `floor` (SQLite 3.46+), January 31 plus one month overflows to March 2;
        // with it the day is clamped to the month's last, as PostgreSQL does.
        out.push_sql(if unit == DatePart::Day { "')" } else { "', 'floor')" });
    }
}

impl SupportsReturning for Sqlite {}
impl SupportsNullsOrdering for Sqlite {}
impl super::SupportsOnConflict for Sqlite {}
