//! SQLite's spelling of SQL.

use super::{
    DatePart, Dialect, QueryFragment, SqlBuilder, SupportsNullsOrdering, SupportsReturning,
};
use crate::types::TypeKind;
use std::fmt::Write;

/// The SQLite dialect (3.35 or newer; the bundled library is newer still).
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
            TypeKind::Numeric => out.push_str("NUMERIC"),
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

    fn walk_add_days<'a>(
        value: &'a dyn QueryFragment<Self>,
        days: &'a dyn QueryFragment<Self>,
        kind: TypeKind,
        out: &mut SqlBuilder<'a, Self>,
    ) {
        // Written back in the text format aludel stores (milliseconds kept for timestamps).
        out.push_sql(match kind {
            TypeKind::Date => "date(",
            _ => "strftime('%Y-%m-%d %H:%M:%f', ",
        });
        value.walk(out);
        out.push_sql(", printf('%+d days', ");
        days.walk(out);
        out.push_sql("))");
    }
}

impl SupportsReturning for Sqlite {}
impl SupportsNullsOrdering for Sqlite {}
impl super::SupportsOnConflict for Sqlite {}
