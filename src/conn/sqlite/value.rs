//! Values to and from `rusqlite`, without copying text or bytes.

use crate::error::{Error, Result};
use crate::types::Value;
use rusqlite::types::{ToSqlOutput, ValueRef};
use std::borrow::Cow;

/// A bind value as `rusqlite` takes it.
pub(super) struct ToSqlite<'v, 'a>(pub &'v Value<'a>);

impl rusqlite::ToSql for ToSqlite<'_, '_> {
    #[inline]
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self.0 {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Bool(b) => ToSqlOutput::Borrowed(ValueRef::Integer(i64::from(*b))),
            Value::I16(v) => ToSqlOutput::Borrowed(ValueRef::Integer(i64::from(*v))),
            Value::I32(v) => ToSqlOutput::Borrowed(ValueRef::Integer(i64::from(*v))),
            Value::I64(v) => ToSqlOutput::Borrowed(ValueRef::Integer(*v)),
            Value::F32(v) => ToSqlOutput::Borrowed(ValueRef::Real(real(f64::from(*v))?)),
            Value::F64(v) => ToSqlOutput::Borrowed(ValueRef::Real(real(*v)?)),
            Value::Numeric(s) | Value::Text(s) => {
                ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes()))
            }
            Value::Blob(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
            #[cfg(feature = "chrono")]
            Value::Date(d) => text(d.format("%Y-%m-%d").to_string()),
            #[cfg(feature = "chrono")]
            Value::Time(t) => text(t.format("%H:%M:%S%.f").to_string()),
            #[cfg(feature = "chrono")]
            Value::Timestamp(t) => text(t.format("%Y-%m-%d %H:%M:%S%.f").to_string()),
            #[cfg(feature = "chrono")]
            Value::TimestampTz(t) => text(t.format("%Y-%m-%d %H:%M:%S%.f+00:00").to_string()),
            // Lowercase hyphenated text: see `Sqlite::write_type`.
            #[cfg(feature = "uuid")]
            Value::Uuid(u) => text(u.hyphenated().to_string()),
            #[cfg(feature = "json")]
            Value::Json(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            #[cfg(feature = "time")]
            Value::TimeCrate(t) => text(t.to_iso_text()),
            // Queries with array values do not compile for SQLite; a raw statement may still
            // try (`Value::Array` bound by hand).
            Value::Array(_) => {
                return Err(rusqlite::Error::ToSqlConversionFailure(
                    "SQLite has no arrays; arrays are PostgreSQL-only".into(),
                ));
            }
        })
    }
}

/// SQLite turns a NaN into NULL when storing it: a nullable column would lose the value
/// silently. Refuse it instead.
fn real(v: f64) -> rusqlite::Result<f64> {
    if v.is_nan() {
        return Err(rusqlite::Error::ToSqlConversionFailure(
            "cannot write NaN to SQLite, which would store it as NULL; write `None` for a \
             missing value, or store the number as text"
                .into(),
        ));
    }
    Ok(v)
}

#[cfg(any(feature = "chrono", feature = "uuid", feature = "time"))]
fn text(s: String) -> ToSqlOutput<'static> {
    ToSqlOutput::Owned(rusqlite::types::Value::Text(s))
}

/// A result value from `rusqlite`.
#[inline]
pub(super) fn from_sqlite(raw: ValueRef<'_>) -> Result<Value<'_>> {
    Ok(match raw {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(v) => Value::I64(v),
        ValueRef::Real(v) => Value::F64(v),
        ValueRef::Text(bytes) => Value::Text(Cow::Borrowed(
            std::str::from_utf8(bytes)
                .map_err(|e| Error::conversion(format!("text is not valid UTF-8: {e}")))?,
        )),
        ValueRef::Blob(bytes) => Value::Blob(Cow::Borrowed(bytes)),
    })
}
