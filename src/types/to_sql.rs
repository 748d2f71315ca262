//! Rust values written as SQL values.

use super::sql_type::*;
use super::value::Value;
use std::borrow::Cow;
use typenum::Unsigned;

/// A Rust value that can be bound as a value of SQL type `ST`.
#[diagnostic::on_unimplemented(
    message = "a Rust `{Self}` cannot be used as a SQL `{ST}` value",
    label = "wrong Rust type for this SQL type",
    note = "see the table of SQL types and their Rust types in `aludel::types`"
)]
pub trait ToSql<ST> {
    /// The value, borrowing text and bytes from `self`.
    fn to_value(&self) -> Value<'_>;
}

impl<T: ToSql<ST> + ?Sized, ST> ToSql<ST> for &T {
    fn to_value(&self) -> Value<'_> {
        (**self).to_value()
    }
}

impl<T: ToSql<ST>, ST: SqlType> ToSql<Nullable<ST>> for Option<T> {
    fn to_value(&self) -> Value<'_> {
        match self {
            Some(v) => v.to_value(),
            None => Value::Null,
        }
    }
}

/// Implements `ToSql<ST>` and `ToSql<Nullable<ST>>` for a Rust type.
macro_rules! to_sql {
    ($([$($gen:tt)*] $rust:ty => $st:ty, |$v:ident| $conv:expr;)*) => {$(
        impl<$($gen)*> ToSql<$st> for $rust {
            fn to_value(&self) -> Value<'_> { let $v = self; $conv }
        }
        impl<$($gen)*> ToSql<Nullable<$st>> for $rust {
            fn to_value(&self) -> Value<'_> { let $v = self; $conv }
        }
    )*};
}

to_sql! {
    [] i16 => SmallInt, |v| Value::I16(*v);
    [] i32 => Integer, |v| Value::I32(*v);
    [] i64 => BigInt, |v| Value::I64(*v);
    [] f32 => Float, |v| Value::F32(*v);
    [] f64 => Double, |v| Value::F64(*v);
    [] f64 => Numeric, |v| Value::Numeric(Cow::Owned(v.to_string()));
    [] String => Numeric, |v| Value::Numeric(Cow::Borrowed(v.as_str()));
    [] str => Numeric, |v| Value::Numeric(Cow::Borrowed(v));
    [] bool => Bool, |v| Value::Bool(*v);
    [] String => Text, |v| Value::Text(Cow::Borrowed(v.as_str()));
    [] str => Text, |v| Value::Text(Cow::Borrowed(v));
    [N: Unsigned] String => Varchar<N>, |v| Value::Text(Cow::Borrowed(v.as_str()));
    [N: Unsigned] str => Varchar<N>, |v| Value::Text(Cow::Borrowed(v));
    [] Vec<u8> => Blob, |v| Value::Blob(Cow::Borrowed(v.as_slice()));
    [] [u8] => Blob, |v| Value::Blob(Cow::Borrowed(v));
}

#[cfg(feature = "chrono")]
to_sql! {
    [] chrono::NaiveDate => Date, |v| Value::Date(*v);
    [] chrono::NaiveTime => Time, |v| Value::Time(*v);
    [] chrono::NaiveDateTime => Timestamp, |v| Value::Timestamp(*v);
    [] chrono::DateTime<chrono::Utc> => TimestampTz, |v| Value::TimestampTz(*v);
}
