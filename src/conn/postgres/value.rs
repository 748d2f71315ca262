//! Values to and from the `postgres` driver, in the binary protocol.

use super::numeric;
use crate::error::{Error, Result};
use crate::types::Value;
use bytes::BytesMut;
use postgres::types::{FromSql, IsNull, Kind, ToSql, Type, to_sql_checked};
use std::borrow::Cow;
use std::error::Error as StdError;

type BoxError = Box<dyn StdError + Sync + Send>;

fn mismatch(value: &Value<'_>, ty: &Type) -> BoxError {
    format!("cannot bind a {} value to a parameter of type {ty}", value.type_name()).into()
}

fn integer(v: i64, value: &Value<'_>, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
    match *ty {
        Type::INT2 => i16::try_from(v)?.to_sql(ty, out),
        Type::INT4 => i32::try_from(v)?.to_sql(ty, out),
        Type::INT8 => v.to_sql(ty, out),
        Type::FLOAT4 => (v as f32).to_sql(ty, out),
        Type::FLOAT8 => (v as f64).to_sql(ty, out),
        Type::NUMERIC => numeric::encode(&v.to_string(), out).map(|()| IsNull::No),
        _ => Err(mismatch(value, ty)),
    }
}

fn float(v: f64, value: &Value<'_>, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
    match *ty {
        Type::FLOAT4 => (v as f32).to_sql(ty, out),
        Type::FLOAT8 => v.to_sql(ty, out),
        // `f64`'s text of infinities and NaN (`inf`, `-inf`, `NaN`) is NUMERIC's too.
        Type::NUMERIC => numeric::encode(&v.to_string(), out).map(|()| IsNull::No),
        _ => Err(mismatch(value, ty)),
    }
}

fn is_enum(ty: &Type) -> bool {
    matches!(ty.kind(), Kind::Enum(_))
}

fn is_text(ty: &Type) -> bool {
    matches!(*ty, Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN)
}

impl ToSql for Value<'_> {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Bool(v) if *ty == Type::BOOL => v.to_sql(ty, out),
            Value::I16(v) => integer(i64::from(*v), self, ty, out),
            Value::I32(v) => integer(i64::from(*v), self, ty, out),
            Value::I64(v) => integer(*v, self, ty, out),
            Value::F32(v) => float(f64::from(*v), self, ty, out),
            Value::F64(v) => float(*v, self, ty, out),
            Value::Numeric(s) if *ty == Type::NUMERIC => {
                numeric::encode(s, out).map(|()| IsNull::No)
            }
            Value::Numeric(s) if matches!(*ty, Type::FLOAT4 | Type::FLOAT8) => {
                float(s.trim().parse()?, self, ty, out)
            }
            Value::Numeric(s) | Value::Text(s) if is_text(ty) => s.as_ref().to_sql(ty, out),
            // Any enum type: its binary format is the label's text (the server checks it).
            Value::Text(s) if is_enum(ty) => {
                out.extend_from_slice(s.as_bytes());
                Ok(IsNull::No)
            }
            // Any array type: the driver writes the array, each element through this impl.
            Value::Array(items) if matches!(ty.kind(), Kind::Array(_)) => {
                items.as_slice().to_sql(ty, out)
            }
            Value::Blob(b) if *ty == Type::BYTEA => b.as_ref().to_sql(ty, out),
            Value::Interval(v) if *ty == Type::INTERVAL => {
                // Binary INTERVAL: microseconds (int8), days (int4), months (int4).
                out.extend_from_slice(&v.microseconds.to_be_bytes());
                out.extend_from_slice(&v.days.to_be_bytes());
                out.extend_from_slice(&v.months.to_be_bytes());
                Ok(IsNull::No)
            }
            #[cfg(feature = "chrono")]
            Value::Date(v) if *ty == Type::DATE => v.to_sql(ty, out),
            #[cfg(feature = "chrono")]
            Value::Time(v) if *ty == Type::TIME => v.to_sql(ty, out),
            #[cfg(feature = "chrono")]
            Value::Timestamp(v) if *ty == Type::TIMESTAMP => v.to_sql(ty, out),
            #[cfg(feature = "chrono")]
            Value::TimestampTz(v) if *ty == Type::TIMESTAMPTZ => v.to_sql(ty, out),
            #[cfg(feature = "uuid")]
            Value::Uuid(v) if *ty == Type::UUID => {
                out.extend_from_slice(v.as_bytes());
                Ok(IsNull::No)
            }
            #[cfg(feature = "uuid")]
            Value::Uuid(v) if is_text(ty) => v.hyphenated().to_string().to_sql(ty, out),
            #[cfg(feature = "json")]
            Value::Json(s) if *ty == Type::JSON => {
                out.extend_from_slice(s.as_bytes());
                Ok(IsNull::No)
            }
            #[cfg(feature = "json")]
            Value::Json(s) if *ty == Type::JSONB => {
                // JSONB's binary format: a version byte, then the JSON text.
                out.extend_from_slice(&[JSONB_VERSION]);
                out.extend_from_slice(s.as_bytes());
                Ok(IsNull::No)
            }
            #[cfg(feature = "json")]
            Value::Json(s) if is_text(ty) => s.as_ref().to_sql(ty, out),
            #[cfg(feature = "time")]
            Value::TimeCrate(v) => time_to_sql(v, self, ty, out),
            _ => Err(mismatch(self, ty)),
        }
    }

    fn accepts(_ty: &Type) -> bool {
        // Every parameter type is accepted here and checked in `to_sql`, which knows the value.
        true
    }

    to_sql_checked!();
}

#[cfg(feature = "json")]
const JSONB_VERSION: u8 = 1;

#[cfg(feature = "time")]
fn time_to_sql(
    v: &crate::types::TimeValue,
    value: &Value<'_>,
    ty: &Type,
    out: &mut BytesMut,
) -> Result<IsNull, BoxError> {
    use crate::types::TimeValue;
    match v {
        TimeValue::Date(d) if *ty == Type::DATE => d.to_sql(ty, out),
        TimeValue::Time(t) if *ty == Type::TIME => t.to_sql(ty, out),
        TimeValue::Timestamp(t) if *ty == Type::TIMESTAMP => t.to_sql(ty, out),
        TimeValue::TimestampTz(t) if *ty == Type::TIMESTAMPTZ => t.to_sql(ty, out),
        _ => Err(mismatch(value, ty)),
    }
}

/// Captures a column's type and raw bytes, whatever its type. Values of types that only the
/// full `Type` describes (arrays, enums: user-defined types have no fixed oid) are decoded
/// here, where the `Type` is at hand.
struct Raw<'a> {
    oid: u32,
    bytes: Option<&'a [u8]>,
    decoded: Option<Value<'a>>,
}

impl<'a> FromSql<'a> for Raw<'a> {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        let decoded = match ty.kind() {
            Kind::Enum(_) => Some(Value::Text(Cow::Borrowed(std::str::from_utf8(raw)?))),
            Kind::Array(_) => Some(Value::Array(
                Vec::<Option<Element<'a>>>::from_sql(ty, raw)?
                    .into_iter()
                    .map(|e| e.map_or(Value::Null, |e| e.0))
                    .collect(),
            )),
            _ => None,
        };
        Ok(Raw { oid: ty.oid(), bytes: Some(raw), decoded })
    }
    fn from_sql_null(ty: &Type) -> Result<Self, BoxError> {
        Ok(Raw { oid: ty.oid(), bytes: None, decoded: None })
    }
    fn accepts(_ty: &Type) -> bool {
        true
    }
}

fn conversion(e: BoxError) -> Error {
    Error::conversion(e.to_string())
}

fn raw(row: &postgres::Row, index: usize) -> Result<Raw<'_>> {
    row.try_get::<_, Raw<'_>>(index).map_err(|e| Error::conversion(e.to_string()))
}

/// One element of an array, decoded as a column value is.
struct Element<'a>(Value<'a>);

impl<'a> FromSql<'a> for Element<'a> {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        let element = Raw::from_sql(ty, raw)?;
        Ok(Element(match element.decoded {
            Some(v) => v,
            None => match decode_common(element.oid, raw) {
                Some(v) => v.map_err(|e| e.to_string())?,
                None => decode(ty, raw)?,
            },
        }))
    }
    fn accepts(_ty: &Type) -> bool {
        true
    }
}

/// The `index`-th value of `row`.
#[inline]
pub(super) fn from_row(row: &postgres::Row, index: usize) -> Result<Value<'_>> {
    let Raw { oid, bytes, decoded } = raw(row, index)?;
    if let Some(value) = decoded {
        return Ok(value);
    }
    let Some(bytes) = bytes else {
        return Ok(Value::Null);
    };
    decode_common(oid, bytes).unwrap_or_else(|| {
        let ty = Type::from_oid(oid).ok_or_else(|| {
            Error::conversion(format!("aludel cannot read PostgreSQL values of type oid {oid}"))
        })?;
        decode(&ty, bytes).map_err(conversion)
    })
}

/// Whether the `index`-th value of `row` is NULL.
pub(super) fn is_null(row: &postgres::Row, index: usize) -> Result<bool> {
    Ok(raw(row, index)?.bytes.is_none())
}

fn fixed<const N: usize>(bytes: &[u8]) -> Result<[u8; N]> {
    bytes
        .try_into()
        .map_err(|_| Error::conversion(format!("expected {N} bytes, got {}", bytes.len())))
}

/// The binary formats of the most common types, decoded without the driver's type
/// dispatch (the hot path of loading rows). `None` for other types.
#[inline]
fn decode_common(oid: u32, bytes: &[u8]) -> Option<Result<Value<'_>>> {
    Some(match oid {
        16 => fixed::<1>(bytes).map(|b| Value::Bool(b[0] != 0)),
        21 => fixed::<2>(bytes).map(|b| Value::I16(i16::from_be_bytes(b))),
        23 => fixed::<4>(bytes).map(|b| Value::I32(i32::from_be_bytes(b))),
        20 => fixed::<8>(bytes).map(|b| Value::I64(i64::from_be_bytes(b))),
        700 => fixed::<4>(bytes).map(|b| Value::F32(f32::from_be_bytes(b))),
        701 => fixed::<8>(bytes).map(|b| Value::F64(f64::from_be_bytes(b))),
        // text, varchar, bpchar, name, unknown: UTF-8 as sent.
        25 | 1043 | 1042 | 19 | 705 => std::str::from_utf8(bytes)
            .map(|s| Value::Text(Cow::Borrowed(s)))
            .map_err(|e| Error::conversion(format!("text is not valid UTF-8: {e}"))),
        17 => Ok(Value::Blob(Cow::Borrowed(bytes))),
        _ => return None,
    })
}

#[cfg(all(feature = "time", not(feature = "chrono")))]
fn decode_time(ty: &Type, raw: &[u8]) -> Result<crate::types::TimeValue, BoxError> {
    use crate::types::TimeValue;
    Ok(match *ty {
        Type::DATE => TimeValue::Date(time::Date::from_sql(ty, raw)?),
        Type::TIME => TimeValue::Time(time::Time::from_sql(ty, raw)?),
        Type::TIMESTAMP => TimeValue::Timestamp(time::PrimitiveDateTime::from_sql(ty, raw)?),
        _ => TimeValue::TimestampTz(time::OffsetDateTime::from_sql(ty, raw)?),
    })
}

fn decode<'a>(ty: &Type, raw: &'a [u8]) -> Result<Value<'a>, BoxError> {
    Ok(match *ty {
        Type::BOOL => Value::Bool(bool::from_sql(ty, raw)?),
        Type::INT2 => Value::I16(i16::from_sql(ty, raw)?),
        Type::INT4 => Value::I32(i32::from_sql(ty, raw)?),
        Type::INT8 => Value::I64(i64::from_sql(ty, raw)?),
        Type::OID => Value::I64(i64::from(u32::from_sql(ty, raw)?)),
        Type::FLOAT4 => Value::F32(f32::from_sql(ty, raw)?),
        Type::FLOAT8 => Value::F64(f64::from_sql(ty, raw)?),
        Type::NUMERIC => Value::Numeric(Cow::Owned(numeric::decode(raw)?)),
        Type::BYTEA => Value::Blob(Cow::Borrowed(<&[u8]>::from_sql(ty, raw)?)),
        Type::INTERVAL => {
            let raw = fixed::<16>(raw).map_err(|e| e.to_string())?;
            let (micros, rest) = raw.split_at(8);
            let (days, months) = rest.split_at(4);
            Value::Interval(crate::types::PgInterval {
                microseconds: i64::from_be_bytes(micros.try_into()?),
                days: i32::from_be_bytes(days.try_into()?),
                months: i32::from_be_bytes(months.try_into()?),
            })
        }
        _ if is_text(ty) => Value::Text(Cow::Borrowed(<&str>::from_sql(ty, raw)?)),
        #[cfg(feature = "chrono")]
        Type::DATE => Value::Date(chrono::NaiveDate::from_sql(ty, raw)?),
        #[cfg(feature = "chrono")]
        Type::TIME => Value::Time(chrono::NaiveTime::from_sql(ty, raw)?),
        #[cfg(feature = "chrono")]
        Type::TIMESTAMP => Value::Timestamp(chrono::NaiveDateTime::from_sql(ty, raw)?),
        #[cfg(feature = "chrono")]
        Type::TIMESTAMPTZ => {
            Value::TimestampTz(chrono::DateTime::<chrono::Utc>::from_sql(ty, raw)?)
        }
        #[cfg(all(feature = "time", not(feature = "chrono")))]
        Type::DATE | Type::TIME | Type::TIMESTAMP | Type::TIMESTAMPTZ => {
            Value::TimeCrate(decode_time(ty, raw)?)
        }
        #[cfg(not(any(feature = "chrono", feature = "time")))]
        Type::DATE | Type::TIME | Type::TIMESTAMP | Type::TIMESTAMPTZ => {
            return Err(
                format!("reading {ty} values needs aludel's `chrono` or `time` feature").into()
            );
        }
        #[cfg(feature = "uuid")]
        Type::UUID => Value::Uuid(uuid::Uuid::from_slice(raw)?),
        #[cfg(not(feature = "uuid"))]
        Type::UUID => return Err("reading uuid values needs aludel's `uuid` feature".into()),
        #[cfg(feature = "json")]
        Type::JSON => Value::Json(Cow::Borrowed(std::str::from_utf8(raw)?)),
        #[cfg(feature = "json")]
        Type::JSONB => match raw.split_first() {
            Some((&JSONB_VERSION, text)) => Value::Json(Cow::Borrowed(std::str::from_utf8(text)?)),
            _ => return Err("unsupported JSONB binary format version".into()),
        },
        #[cfg(not(feature = "json"))]
        Type::JSON | Type::JSONB => {
            return Err(format!("reading {ty} values needs aludel's `json` feature").into());
        }
        _ => return Err(format!("aludel cannot read PostgreSQL values of type {ty}").into()),
    })
}
