//! The value that crosses the boundary between aludel and a driver.

use std::borrow::Cow;

/// One SQL value, borrowed from the query (binds) or from the driver's row (results).
///
/// It is dialect-neutral on purpose: a rendered statement can be printed with its binds for
/// any dialect, and each backend converts `Value` to its driver's representation without
/// copying text or bytes.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Value<'a> {
    /// SQL NULL.
    Null,
    /// A boolean.
    Bool(bool),
    /// A 16-bit integer.
    I16(i16),
    /// A 32-bit integer.
    I32(i32),
    /// A 64-bit integer.
    I64(i64),
    /// A 32-bit float.
    F32(f32),
    /// A 64-bit float.
    F64(f64),
    /// An exact decimal, as decimal text (`"-12.50"`).
    Numeric(Cow<'a, str>),
    /// Text.
    Text(Cow<'a, str>),
    /// Bytes.
    Blob(Cow<'a, [u8]>),
    /// A calendar date.
    #[cfg(feature = "chrono")]
    Date(chrono::NaiveDate),
    /// A time of day.
    #[cfg(feature = "chrono")]
    Time(chrono::NaiveTime),
    /// A date and time without zone.
    #[cfg(feature = "chrono")]
    Timestamp(chrono::NaiveDateTime),
    /// An instant, in UTC.
    #[cfg(feature = "chrono")]
    TimestampTz(chrono::DateTime<chrono::Utc>),
    /// A UUID.
    #[cfg(feature = "uuid")]
    Uuid(uuid::Uuid),
    /// A JSON document, as JSON text (`{"a":1}`).
    #[cfg(feature = "json")]
    Json(Cow<'a, str>),
    /// A date or time of the `time` crate.
    #[cfg(feature = "time")]
    TimeCrate(super::time_impls::TimeValue),
    /// A PostgreSQL array (one dimension), its elements in order (`Null` for a NULL element).
    Array(Vec<Value<'a>>),
    /// A PostgreSQL interval.
    Interval(super::PgInterval),
}

impl Value<'_> {
    /// Copies borrowed text and bytes so the value outlives its source.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(v) => Value::Bool(v),
            Value::I16(v) => Value::I16(v),
            Value::I32(v) => Value::I32(v),
            Value::I64(v) => Value::I64(v),
            Value::F32(v) => Value::F32(v),
            Value::F64(v) => Value::F64(v),
            Value::Numeric(v) => Value::Numeric(Cow::Owned(v.into_owned())),
            Value::Text(v) => Value::Text(Cow::Owned(v.into_owned())),
            Value::Blob(v) => Value::Blob(Cow::Owned(v.into_owned())),
            #[cfg(feature = "chrono")]
            Value::Date(v) => Value::Date(v),
            #[cfg(feature = "chrono")]
            Value::Time(v) => Value::Time(v),
            #[cfg(feature = "chrono")]
            Value::Timestamp(v) => Value::Timestamp(v),
            #[cfg(feature = "chrono")]
            Value::TimestampTz(v) => Value::TimestampTz(v),
            #[cfg(feature = "uuid")]
            Value::Uuid(v) => Value::Uuid(v),
            #[cfg(feature = "json")]
            Value::Json(v) => Value::Json(Cow::Owned(v.into_owned())),
            #[cfg(feature = "time")]
            Value::TimeCrate(v) => Value::TimeCrate(v),
            Value::Array(v) => Value::Array(v.into_iter().map(Value::into_owned).collect()),
            Value::Interval(v) => Value::Interval(v),
        }
    }

    /// The same value, borrowing from `self` instead of owning (cheap for every variant: an array
    /// allocates its list of elements, never their text or bytes).
    pub fn reborrow(&self) -> Value<'_> {
        match self {
            Value::Numeric(v) => Value::Numeric(Cow::Borrowed(v)),
            Value::Text(v) => Value::Text(Cow::Borrowed(v)),
            Value::Blob(v) => Value::Blob(Cow::Borrowed(v)),
            #[cfg(feature = "json")]
            Value::Json(v) => Value::Json(Cow::Borrowed(v)),
            Value::Array(v) => Value::Array(v.iter().map(Value::reborrow).collect()),
            other => other.clone(),
        }
    }

    /// A short name of the variant, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "NULL",
            Value::Bool(_) => "boolean",
            Value::I16(_) => "smallint",
            Value::I32(_) => "integer",
            Value::I64(_) => "bigint",
            Value::F32(_) => "real",
            Value::F64(_) => "double",
            Value::Numeric(_) => "numeric",
            Value::Text(_) => "text",
            Value::Blob(_) => "blob",
            #[cfg(feature = "chrono")]
            Value::Date(_) => "date",
            #[cfg(feature = "chrono")]
            Value::Time(_) => "time",
            #[cfg(feature = "chrono")]
            Value::Timestamp(_) => "timestamp",
            #[cfg(feature = "chrono")]
            Value::TimestampTz(_) => "timestamptz",
            #[cfg(feature = "uuid")]
            Value::Uuid(_) => "uuid",
            #[cfg(feature = "json")]
            Value::Json(_) => "json",
            #[cfg(feature = "time")]
            Value::TimeCrate(v) => v.type_name(),
            Value::Array(_) => "array",
            Value::Interval(_) => "interval",
        }
    }
}
