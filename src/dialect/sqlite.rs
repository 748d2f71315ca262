//! SQLite's spelling of SQL.

use super::{Dialect, SupportsNullsOrdering, SupportsReturning};
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
        }
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
}

impl SupportsReturning for Sqlite {}
impl SupportsNullsOrdering for Sqlite {}
