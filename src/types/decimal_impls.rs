//! Exact decimals through `rust_decimal` (feature `decimal`).
//!
//! A `Decimal` crosses to the drivers as decimal text ([`Value::Numeric`]), never as a float:
//! PostgreSQL receives and sends NUMERIC in its binary format, converted digit for digit to and
//! from that text, so a value loads exactly. SQLite has no exact decimal storage: a NUMERIC
//! column holds an INTEGER or a REAL (an 8-byte float, about 15 significant digits), and a
//! `Decimal` is read from the shortest decimal text of whatever SQLite returns.

use super::from_sql::{FromRow, FromSql, SqlRow, mismatch, single_value_row};
use super::sql_type::{Nullable, Numeric};
use super::to_sql::{IntoSql, into_sql, into_sql_copy};
use super::value::Value;
use crate::error::{Error, Result};
use rust_decimal::Decimal;
use std::borrow::Cow;

into_sql_copy! {
    Decimal => Numeric, |v| Value::Numeric(Cow::Owned(v.to_string()));
}

/// Parses decimal text exactly: a value with more digits than `Decimal` holds (28 after the
/// point, 96 bits in all), or PostgreSQL's `NaN` / `Infinity`, is an error, never rounded.
fn exact(text: &str) -> Result<Decimal> {
    Decimal::from_str_exact(text.trim()).map_err(|e| {
        Error::conversion(format!("cannot read numeric `{text}` as an exact `Decimal`: {e}"))
    })
}

impl FromSql<Numeric> for Decimal {
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::Numeric(s) | Value::Text(s) => exact(&s),
            Value::I16(v) => Ok(Decimal::from(v)),
            Value::I32(v) => Ok(Decimal::from(v)),
            Value::I64(v) => Ok(Decimal::from(v)),
            // SQLite's REAL: `f64`'s `Display` is the shortest text that reads back as the
            // same float, so 0.1 loads as 0.1, not as 0.1000000000000000055511151231257827.
            Value::F64(v) if v.is_finite() => exact(&v.to_string()),
            Value::F32(v) if v.is_finite() => exact(&v.to_string()),
            Value::F64(v) => Err(Error::conversion(format!("{v} is not a `Decimal`"))),
            Value::F32(v) => Err(Error::conversion(format!("{v} is not a `Decimal`"))),
            v => mismatch(&v, "Decimal"),
        }
    }
}

single_value_row! { [] Decimal => Numeric; }
