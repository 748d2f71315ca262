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
            Value::Numeric(s) => ToSqlOutput::Borrowed(numeric(s)?),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Blob(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
            Value::Interval(_) => {
                return Err(rusqlite::Error::ToSqlConversionFailure(
                    "SQLite has no interval type; intervals are PostgreSQL-only".into(),
                ));
            }
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

/// The largest integer up to which every integer is exactly a `f64` (2^53).
const EXACT_IN_REAL: u64 = 1 << 53;

/// A decimal (`Value::Numeric`) as a SQLite number.
///
/// SQLite has no decimal storage class, and it orders any text after every number: bound as
/// text, `sum(x) > '300'` would be false for every sum. So a decimal binds as a REAL, which is
/// also what a `Numeric` column stores (see the SQLite dialect's DDL names), and arithmetic
/// with it is never integer arithmetic (`7 / 2.0`, not `7 / 2`), as on PostgreSQL. Integral
/// values beyond 2^53, which a REAL cannot hold exactly, bind as INTEGER when they fit one.
/// Text that is not a decimal number is refused rather than stored as text.
fn numeric(text: &str) -> rusqlite::Result<ValueRef<'static>> {
    let t = text.trim();
    let integral = match t.split_once('.') {
        Some((int, frac)) if frac.bytes().all(|b| b == b'0') => int,
        Some(_) => "",
        None => t,
    };
    if let Ok(v) = integral.parse::<i64>()
        && v.unsigned_abs() > EXACT_IN_REAL
    {
        return Ok(ValueRef::Integer(v));
    }
    // Also reads `1e3`, `Infinity` and `-inf`, as PostgreSQL's NUMERIC does; NaN is refused.
    match t.parse::<f64>() {
        Ok(v) => Ok(ValueRef::Real(real(v)?)),
        Err(_) => Err(rusqlite::Error::ToSqlConversionFailure(
            format!(
                "cannot bind `{text}` as a SQLite number: a numeric value must be decimal text \
                 such as `-12.50`"
            )
            .into(),
        )),
    }
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
