//! JSON documents through `serde_json` (feature `json`).
//!
//! A document crosses to the drivers as JSON text ([`Value::Json`]). PostgreSQL stores it as
//! `JSON` (the text as written) or `JSONB` (parsed; aludel sends and reads JSONB's binary
//! format, a version byte before the text). SQLite stores JSON as text, which its JSON
//! functions and its `->` / `->>` operators read.

use super::from_sql::{FromRow, FromSql, SqlRow, mismatch, single_value_row};
use super::sql_type::{Json, Jsonb, Nullable, SqlType};
use super::to_sql::{IntoSql, into_sql};
use super::value::Value;
use crate::error::{Error, Result};
use std::borrow::Cow;

/// SQL types that hold a JSON document: [`Json`] and [`Jsonb`] (and their `Nullable`s). The
/// JSON operators (`get`, `get_text`, ...) are methods of expressions of these types.
#[diagnostic::on_unimplemented(
    message = "SQL `{Self}` is not a JSON type",
    label = "this operation needs a Json or Jsonb expression"
)]
pub trait JsonType: SqlType {}
impl JsonType for Json {}
impl JsonType for Jsonb {}
impl<T: JsonType> JsonType for Nullable<T> {}

into_sql! {
    [] serde_json::Value => Json, |v| Value::Json(Cow::Owned(v.to_string()));
    [] &'a serde_json::Value => Json, |v| Value::Json(Cow::Owned(v.to_string()));
    [] serde_json::Value => Jsonb, |v| Value::Json(Cow::Owned(v.to_string()));
    [] &'a serde_json::Value => Jsonb, |v| Value::Json(Cow::Owned(v.to_string()));
}

fn document(value: Value<'_>) -> Result<serde_json::Value> {
    match value {
        Value::Json(s) | Value::Text(s) => serde_json::from_str(&s)
            .map_err(|e| Error::conversion(format!("cannot read `{s}` as a JSON document: {e}"))),
        // A scalar document that SQLite's affinity turned into a number.
        Value::I64(v) => Ok(v.into()),
        Value::F64(v) => serde_json::Number::from_f64(v)
            .map(serde_json::Value::Number)
            .ok_or_else(|| Error::conversion(format!("{v} is not a JSON number"))),
        v => mismatch(&v, "serde_json::Value"),
    }
}

impl FromSql<Json> for serde_json::Value {
    fn from_sql(value: Value<'_>) -> Result<Self> {
        document(value)
    }
}

impl FromSql<Jsonb> for serde_json::Value {
    fn from_sql(value: Value<'_>) -> Result<Self> {
        document(value)
    }
}

single_value_row! {
    [] serde_json::Value => Json;
    [] serde_json::Value => Jsonb;
}

/// `Jsonb` (or `Nullable<Jsonb>`): the JSON type with containment and key tests.
#[diagnostic::on_unimplemented(
    message = "SQL `{Self}` is not `Jsonb`",
    label = "this operator needs a Jsonb expression",
    note = "PostgreSQL has `@>` and `?` for JSONB only: declare the column `Jsonb`, or `cast` it"
)]
pub trait JsonbType: JsonType {}
impl JsonbType for Jsonb {}
impl JsonbType for Nullable<Jsonb> {}
