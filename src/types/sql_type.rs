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
    /// 128-bit universally unique identifier.
    Uuid,
    /// JSON document kept as text.
    Json,
    /// JSON document in PostgreSQL's binary, indexable form.
    Jsonb,
    /// A PostgreSQL array (`INTEGER[]`) of the element type.
    Array(&'static TypeKind),
    /// A PostgreSQL enum type, created by `CREATE TYPE name AS ENUM (labels)`.
    Enum {
        /// The type's name in the database.
        name: &'static str,
        /// The labels, in their SQL order.
        labels: &'static [&'static str],
    },
    /// A Rust enum stored as text: `TEXT` with a `CHECK` that the value is one of the labels.
    TextEnum {
        /// The labels.
        labels: &'static [&'static str],
    },
    /// A span of months, days and time (PostgreSQL only).
    Interval,
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
    /// Where the type stands in arithmetic: itself for a number, [`NotANumber`] otherwise.
    type NumberKind: NumberKind;
}

macro_rules! sql_types {
    ($($(#[$doc:meta])* $name:ident => $kind:ident, $number:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
        pub struct $name;
        impl SqlType for $name {
            type IsNullable = B0;
            type NotNull = $name;
            const KIND: TypeKind = TypeKind::$kind;
            type NumberKind = $number;
        }
    )*};
}

sql_types! {
    /// `SMALLINT`: Rust `i16`.
    SmallInt => SmallInt, SmallInt;
    /// `INTEGER`: Rust `i32`.
    Integer => Integer, Integer;
    /// `BIGINT`: Rust `i64`.
    BigInt => BigInt, BigInt;
    /// `REAL`: Rust `f32`.
    Float => Float, Float;
    /// `DOUBLE PRECISION`: Rust `f64`.
    Double => Double, Double;
    /// `NUMERIC`: Rust `f64` (approximate), `String` (exact decimal text), or
    /// `rust_decimal::Decimal` (exact) with the `decimal` feature. SQLite has no decimal
    /// storage: there the values are REALs (see [`Sqlite`](crate::dialect::Sqlite)).
    Numeric => Numeric, Numeric;
    /// `TEXT`: Rust `String` / `&str`.
    Text => Text, NotANumber;
    /// `BOOLEAN`: Rust `bool` (stored as 0/1 on SQLite).
    Bool => Bool, NotANumber;
    /// `BLOB` / `BYTEA`: Rust `Vec<u8>` / `&[u8]`.
    Blob => Blob, NotANumber;
    /// `DATE`: `chrono::NaiveDate` with the `chrono` feature, `time::Date` with `time`.
    Date => Date, NotANumber;
    /// `TIME`: `chrono::NaiveTime` with the `chrono` feature, `time::Time` with `time`.
    Time => Time, NotANumber;
    /// `TIMESTAMP`: `chrono::NaiveDateTime` with the `chrono` feature,
    /// `time::PrimitiveDateTime` with `time`.
    Timestamp => Timestamp, NotANumber;
    /// `TIMESTAMP WITH TIME ZONE`: `chrono::DateTime<Utc>` with the `chrono` feature,
    /// `time::OffsetDateTime` (loaded in UTC) with `time`.
    TimestampTz => TimestampTz, NotANumber;
    /// `INTERVAL` (PostgreSQL only): [`PgInterval`](super::PgInterval).
    Interval => Interval, NotANumber;
    /// `UUID`: `uuid::Uuid` with the `uuid` feature (36-character lowercase text on SQLite).
    Uuid => Uuid, NotANumber;
    /// `JSON`: `serde_json::Value` with the `json` feature (JSON text on SQLite).
    ///
    /// PostgreSQL has no `=` for `JSON`; compare [`Jsonb`] values, or extract with `get_text`.
    Json => Json, NotANumber;
    /// `JSONB`: `serde_json::Value` with the `json` feature. PostgreSQL stores it parsed, so
    /// it compares, indexes and has the containment operators (`@>`, `?`); SQLite stores it as
    /// JSON text like [`Json`], and those operators do not compile for SQLite.
    Jsonb => Jsonb, NotANumber;
}

/// `VARCHAR(N)`, with the length as a `typenum` number: `Varchar<typenum::U100>`.
///
/// Compares with [`Text`] and with every other `Varchar`.
pub struct Varchar<N>(PhantomData<N>);

impl<N: Unsigned + 'static> SqlType for Varchar<N> {
    type IsNullable = B0;
    type NotNull = Varchar<N>;
    const KIND: TypeKind = TypeKind::Varchar(N::U32);
    type NumberKind = NotANumber;
}

/// A value of `T` or `NULL`. Loads into `Option<_>` only.
pub struct Nullable<T>(PhantomData<T>);

impl<T: SqlType> SqlType for Nullable<T> {
    type IsNullable = B1;
    type NotNull = T::NotNull;
    const KIND: TypeKind = T::KIND;
    type NumberKind = T::NumberKind;
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

// Numbers compare across integer, decimal and floating types, as in SQL.
comparable_family!(SmallInt Integer BigInt Float Double Numeric);
comparable_family!(Text);
comparable_family!(Bool);
comparable_family!(Blob);
comparable_family!(Date);
comparable_family!(Time);
comparable_family!(Timestamp TimestampTz);
comparable_family!(Interval);
comparable_family!(Uuid);
comparable_family!(Jsonb);

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

/// `Self op Rhs` is valid arithmetic (`+ - * / %`): both are numbers. The result type is
/// [`NumberKind::With`]: the wider operand, as SQL promotes (integers widen to the larger
/// integer; an integer with a decimal is `Numeric`; anything with a floating type is `Double`,
/// except `Float` with `Float`).
///
/// Implemented between not-null types; nullability is applied around it.
#[diagnostic::on_unimplemented(
    message = "cannot apply arithmetic to SQL `{Self}` and SQL `{Rhs}`",
    label = "arithmetic needs two numbers (SmallInt, Integer, BigInt, Float, Double or Numeric)",
    note = "`cast` one side to a numeric type if it holds numbers"
)]
pub trait Arithmetic<Rhs> {}

macro_rules! arithmetic_pairs {
    ($($l:ident)*) => { arithmetic_pairs!(@each [$($l)*] [$($l)*]); };
    (@each [$($a:ident)*] $all:tt) => { $( arithmetic_pairs!(@one $a $all); )* };
    (@one $a:ident [$($b:ident)*]) => { $( impl Arithmetic<$b> for $a {} )* };
}
arithmetic_pairs!(SmallInt Integer BigInt Numeric Float Double);

/// Where a SQL type stands in arithmetic: each number is its own kind, every other type is
/// [`NotANumber`]. A total function on kinds, so that the result type of `L op R` is known for
/// any operands (whether the operation is valid is [`Arithmetic`]'s to say, once).
pub trait NumberKind {
    /// The result of `Self op SmallInt`.
    type WithSmallInt: SqlType;
    /// The result of `Self op Integer`.
    type WithInteger: SqlType;
    /// The result of `Self op BigInt`.
    type WithBigInt: SqlType;
    /// The result of `Self op Numeric`.
    type WithNumeric: SqlType;
    /// The result of `Self op Float`.
    type WithFloat: SqlType;
    /// The result of `Self op Double`.
    type WithDouble: SqlType;
    /// The result with a non-number (never valid; any type will do).
    type WithNotANumber: SqlType;
    /// The result of `Self op R`.
    type With<R: NumberKind>: SqlType;
}

/// The [`NumberKind`] of every SQL type that is not a number.
#[derive(Debug, Clone, Copy, Default)]
pub struct NotANumber;

// Each row: the result of `kind op SmallInt, Integer, BigInt, Numeric, Float, Double`, and the
// `NumberKind` projection that answers `R op kind` (double dispatch).
macro_rules! number_kinds {
    ($($kind:ident => $small:ident $int:ident $big:ident $num:ident $float:ident $double:ident, $with:ident;)*) => {$(
        impl NumberKind for $kind {
            type WithSmallInt = $small;
            type WithInteger = $int;
            type WithBigInt = $big;
            type WithNumeric = $num;
            type WithFloat = $float;
            type WithDouble = $double;
            type WithNotANumber = Integer;
            type With<R: NumberKind> = R::$with;
        }
    )*};
}

number_kinds! {
    SmallInt => SmallInt Integer BigInt Numeric Double Double, WithSmallInt;
    Integer => Integer Integer BigInt Numeric Double Double, WithInteger;
    BigInt => BigInt BigInt BigInt Numeric Double Double, WithBigInt;
    Numeric => Numeric Numeric Numeric Numeric Double Double, WithNumeric;
    Float => Double Double Double Double Float Double, WithFloat;
    Double => Double Double Double Double Double Double, WithDouble;
    NotANumber => Integer Integer Integer Integer Integer Integer, WithNotANumber;
}

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
