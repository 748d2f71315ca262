//! Rust values written as SQL values.

use super::sql_type::*;
use super::value::Value;
use std::borrow::Cow;
use typenum::Unsigned;

/// A Rust value that can be bound as a value of SQL type `ST`, borrowing for `'a`.
///
/// Owned values (`String`, `Vec<u8>`) move into the [`Value`]; references (`&str`, `&[u8]`)
/// are borrowed, so binding never copies text or bytes. Because every Rust type becomes the
/// same `Value`, rows built from `&str` and `String` have the same type and can share a
/// multi-row INSERT.
#[diagnostic::on_unimplemented(
    message = "a Rust `{Self}` cannot be used as a SQL `{ST}` value",
    label = "wrong Rust type for this SQL type",
    note = "see the table of SQL types and their Rust types in `aludel::types`"
)]
pub trait IntoSql<'a, ST> {
    /// The value.
    fn into_sql(self) -> Value<'a>;
}

impl<'a, T: IntoSql<'a, ST>, ST: SqlType> IntoSql<'a, Nullable<ST>> for Option<T> {
    #[inline]
    fn into_sql(self) -> Value<'a> {
        match self {
            Some(v) => v.into_sql(),
            None => Value::Null,
        }
    }
}

/// Implements `IntoSql<ST>` and `IntoSql<Nullable<ST>>` for a Rust type.
macro_rules! into_sql {
    ($([$($gen:tt)*] $rust:ty => $st:ty, |$v:ident| $conv:expr;)*) => {$(
        impl<'a, $($gen)*> IntoSql<'a, $st> for $rust {
            #[inline]
            fn into_sql(self) -> Value<'a> { let $v = self; $conv }
        }
        impl<'a, $($gen)*> IntoSql<'a, Nullable<$st>> for $rust {
            #[inline]
            fn into_sql(self) -> Value<'a> { let $v = self; $conv }
        }
    )*};
}
#[allow(unused_imports)] // used by the optional type features
pub(super) use into_sql;

/// Implements `IntoSql` for a `Copy` type and for references to it.
macro_rules! into_sql_copy {
    ($($rust:ty => $st:ty, |$v:ident| $conv:expr;)*) => {
        into_sql! { $(
            [] $rust => $st, |$v| $conv;
            [] &'a $rust => $st, |r| { let $v = *r; $conv };
        )* }
    };
}
#[allow(unused_imports)] // used by the optional type features
pub(super) use into_sql_copy;

into_sql_copy! {
    i16 => SmallInt, |v| Value::I16(v);
    i32 => Integer, |v| Value::I32(v);
    i64 => BigInt, |v| Value::I64(v);
    f32 => Float, |v| Value::F32(v);
    f64 => Double, |v| Value::F64(v);
    f64 => Numeric, |v| Value::Numeric(Cow::Owned(v.to_string()));
    i32 => Numeric, |v| Value::I32(v);
    i64 => Numeric, |v| Value::I64(v);
    // Lossless, so that an unsuffixed integer literal fits a double: `weight.eq(1)`.
    i32 => Double, |v| Value::F64(v.into());
    bool => Bool, |v| Value::Bool(v);
}

into_sql! {
    [] String => Numeric, |v| Value::Numeric(Cow::Owned(v));
    [] &'a String => Numeric, |v| Value::Numeric(Cow::Borrowed(v.as_str()));
    [] &'a str => Numeric, |v| Value::Numeric(Cow::Borrowed(v));
    [] String => Text, |v| Value::Text(Cow::Owned(v));
    [] &'a String => Text, |v| Value::Text(Cow::Borrowed(v.as_str()));
    [] &'a str => Text, |v| Value::Text(Cow::Borrowed(v));
    [N: Unsigned] String => Varchar<N>, |v| Value::Text(Cow::Owned(v));
    [N: Unsigned] &'a String => Varchar<N>, |v| Value::Text(Cow::Borrowed(v.as_str()));
    [N: Unsigned] &'a str => Varchar<N>, |v| Value::Text(Cow::Borrowed(v));
    [] Vec<u8> => Blob, |v| Value::Blob(Cow::Owned(v));
    [] &'a Vec<u8> => Blob, |v| Value::Blob(Cow::Borrowed(v.as_slice()));
    [] &'a [u8] => Blob, |v| Value::Blob(Cow::Borrowed(v));
}

#[cfg(feature = "chrono")]
into_sql_copy! {
    chrono::NaiveDate => Date, |v| Value::Date(v);
    chrono::NaiveTime => Time, |v| Value::Time(v);
    chrono::NaiveDateTime => Timestamp, |v| Value::Timestamp(v);
    chrono::DateTime<chrono::Utc> => TimestampTz, |v| Value::TimestampTz(v);
}
