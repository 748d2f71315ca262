//! UUIDs through the `uuid` crate (feature `uuid`).
//!
//! PostgreSQL has a `UUID` type and sends its 16 bytes. SQLite has none: aludel stores the
//! lowercase hyphenated text (`67e55044-10b1-426f-9247-bb680e5fe0c8`), which is readable,
//! compares equal exactly when the UUIDs are equal, and sorts in the same order as
//! PostgreSQL's byte-wise comparison. Reading also accepts the other text forms and 16-byte
//! blobs, so columns written by other tools load too.

use super::from_sql::{FromRow, FromSql, SqlRow, mismatch, single_value_row};
use super::sql_type::{Nullable, Uuid as SqlUuid};
use super::to_sql::{IntoSql, into_sql, into_sql_copy};
use super::value::Value;
use crate::error::{Error, Result};
use uuid::Uuid;

into_sql_copy! {
    Uuid => SqlUuid, |v| Value::Uuid(v);
}

impl FromSql<SqlUuid> for Uuid {
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::Uuid(u) => Ok(u),
            Value::Text(s) => Uuid::try_parse(&s)
                .map_err(|e| Error::conversion(format!("cannot read `{s}` as a UUID: {e}"))),
            Value::Blob(b) => Uuid::from_slice(&b).map_err(|e| {
                Error::conversion(format!("cannot read a {}-byte blob as a UUID: {e}", b.len()))
            }),
            v => mismatch(&v, "Uuid"),
        }
    }
}

single_value_row! { [] Uuid => SqlUuid; }
