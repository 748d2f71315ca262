//! The SQL type markers and the rules between them.

use super::flag::Flag;
use std::marker::PhantomData;
use typenum::{B0, B1, Unsigned};

/// The runtime name of a SQL type, used where a dialect writes DDL or reflects a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TypeKind {
    /// 16-bit integer.
    SmallInt,
    /// 32-bit integer.
    Integer,
    /// 64-bit integer.
    BigInt,
    /// 32-bit float.
    Float,
    /// 64-bit float.
    Double,
    /// Exact decimal.
    Numeric,
    /// Unbounded text.
    Text,
    /// Text of at most the given number of characters.
    Varchar(u32),
    /// Boolean.
    Bool,
    /// Bytes.
    Blob,
    /// Calendar date.
    Date,
    /// Time of day.
    Time,
    /// Date and time without a zone.
    Timestamp,
    /// Instant in time (stored as UTC).
    TimestampTz,
}

/// A SQL type marker.
///
/// `IsNullable` is `B1` only for [`Nullable`]; `NotNull` strips the wrapper.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a SQL type",
    label = "expected a SQL type marker such as `Integer` or `Nullable<Text>`"
)]
pub trait SqlType: 'static {
    /// Whether values of this type may be NULL.
    type IsNullable: Flag;
    /// The same type without `Nullable`.
    type NotNull: SqlType<IsNullable = B0>;
    /// The runtime description of the type.
    const KIND: TypeKind;
}

macro_rules! sql_types {
    ($($(#[$doc:meta])* $name:ident => $kind:ident,)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
        pub struct $name;
        impl SqlType for $name {
            type IsNullable = B0;
            type NotNull = $name;
            const KIND: TypeKind = TypeKind::$kind;
        }
    )*};
}

sql_types! {
    /// `SMALLINT`: Rust `i16`.
    SmallInt => SmallInt,
    /// `INTEGER`: Rust `i32`.
    Integer => Integer,
    /// `BIGINT`: Rust `i64`.
    BigInt => BigInt,
    /// `REAL`: Rust `f32`.
    Float => Float,
    /// `DOUBLE PRECISION`: Rust `f64`.
    Double => Double,
    /// `NUMERIC`: Rust `f64` (approximate) or `String` (exact decimal text).
    Numeric => Numeric,
    /// `TEXT`: Rust `String` / `&str`.
    Text => Text,
    /// `BOOLEAN`: Rust `bool` (stored as 0/1 on SQLite).
    Bool => Bool,
    /// `BLOB` / `BYTEA`: Rust `Vec<u8>` / `&[u8]`.
    Blob => Blob,
    /// `DATE`: `chrono::NaiveDate` with the `chrono` feature.
    Date => Date,
    /// `TIME`: `chrono::NaiveTime` with the `chrono` feature.
    Time => Time,
    /// `TIMESTAMP`: `chrono::NaiveDateTime` with the `chrono` feature.
    Timestamp => Timestamp,
    /// `TIMESTAMP WITH TIME ZONE`: `chrono::DateTime<Utc>` with the `chrono` feature.
    TimestampTz => TimestampTz,
}

/// `VARCHAR(N)`, with the length as a `typenum` number: `Varchar<typenum::U100>`.
///
/// Compares with [`Text`] and with every other `Varchar`.
pub struct Varchar<N>(PhantomData<N>);

impl<N: Unsigned + 'static> SqlType for Varchar<N> {
    type IsNullable = B0;
    type NotNull = Varchar<N>;
    const KIND: TypeKind = TypeKind::Varchar(N::U32);
}

/// A value of `T` or `NULL`. Loads into `Option<_>` only.
pub struct Nullable<T>(PhantomData<T>);

impl<T: SqlType> SqlType for Nullable<T> {
    type IsNullable = B1;
    type NotNull = T::NotNull;
    const KIND: TypeKind = T::KIND;
}

/// Two SQL types whose values can be compared (and assigned): the same type, or two types of
/// one family (the integers, the floating and decimal numbers, the texts).
///
/// Implemented between not-null types; nullability never blocks a comparison.
#[diagnostic::on_unimplemented(
    message = "cannot compare SQL `{Self}` with SQL `{Rhs}`",
    label = "these SQL types are not comparable",
    note = "compare values of one SQL type family, or `cast` one side to the other's type"
)]
pub trait Comparable<Rhs> {}

macro_rules! comparable_family {
    ($($t:ident)*) => { comparable_family!(@each [$($t)*] [$($t)*]); };
    (@each [$($a:ident)*] $all:tt) => { $( comparable_family!(@one $a $all); )* };
    (@one $a:ident [$($b:ident)*]) => { $( impl Comparable<$b> for $a {} )* };
}

comparable_family!(SmallInt Integer BigInt);
comparable_family!(Float Double Numeric);
comparable_family!(Text);
comparable_family!(Bool);
comparable_family!(Blob);
comparable_family!(Date);
comparable_family!(Time);
comparable_family!(Timestamp TimestampTz);

impl<N, M> Comparable<Varchar<M>> for Varchar<N> {}
impl<N> Comparable<Text> for Varchar<N> {}
impl<N> Comparable<Varchar<N>> for Text {}

/// SQL types that `+ - * /` work on.
#[diagnostic::on_unimplemented(
    message = "SQL `{Self}` is not a numeric type",
    label = "arithmetic needs SmallInt, Integer, BigInt, Float, Double or Numeric"
)]
pub trait NumericType: SqlType {}
impl NumericType for SmallInt {}
impl NumericType for Integer {}
impl NumericType for BigInt {}
impl NumericType for Float {}
impl NumericType for Double {}
impl NumericType for Numeric {}
impl<T: NumericType> NumericType for Nullable<T> {}

/// SQL types that LIKE and string functions work on.
#[diagnostic::on_unimplemented(
    message = "SQL `{Self}` is not a text type",
    label = "this operation needs a Text or Varchar expression"
)]
pub trait TextType: SqlType {}
impl TextType for Text {}
impl<N: Unsigned + 'static> TextType for Varchar<N> {}
impl<T: TextType> TextType for Nullable<T> {}

/// SQL types that can stand where SQL needs a condition (WHERE, HAVING, ON, AND/OR).
#[diagnostic::on_unimplemented(
    message = "expected a boolean SQL expression, found SQL `{Self}`",
    label = "a condition must have SQL type `Bool` or `Nullable<Bool>`",
    note = "compare the value instead, for example `column.eq(value)` or `column.is_not_null()`"
)]
pub trait BoolLike: SqlType {}
impl BoolLike for Bool {}
impl BoolLike for Nullable<Bool> {}
