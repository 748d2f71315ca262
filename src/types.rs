//! SQL types as zero-sized markers, and the conversions between Rust values and SQL values.
//!
//! A column's SQL type is a type (`Integer`, `Nullable<Text>`, ...), so the compiler can check
//! that compared values share a type family and that a result is loaded into a Rust type that
//! can hold it. Values cross the boundary to the driver as [`Value`], a small borrowed enum, so
//! any statement can be rendered with its binds without a connection.

mod array;
mod enums;
mod flag;
mod from_sql;
mod interval;
mod sql_type;
mod to_sql;
mod value;

#[cfg(feature = "chrono")]
mod chrono_impls;
#[cfg(feature = "decimal")]
mod decimal_impls;
#[cfg(feature = "json")]
mod json_impls;
#[cfg(feature = "time")]
mod time_impls;
#[cfg(feature = "uuid")]
mod uuid_impls;

pub use aludel_derive::{FromRow, SqlEnum};
pub use array::{Array, ArrayElement, ArrayType};
pub use enums::{AsText, NativeEnum, SqlEnum, SqlEnumType};
pub use flag::Flag;
pub use from_sql::{
    AnyRow, FlatRow, FromRow, FromRowList, FromSql, NamedRow, NullableRow, RowAppend, RowWidth,
    SqlRow,
};
pub use interval::PgInterval;
#[cfg(feature = "json")]
pub use json_impls::{JsonType, JsonbType};
pub use sql_type::{
    Arithmetic, BigInt, Blob, Bool, BoolLike, Comparable, Date, Double, Float, Integer, Interval,
    Json, Jsonb, NotANumber, Nullable, NumberKind, Numeric, NumericType, SmallInt, SqlType, Text,
    TextType, Time, Timestamp, TimestampTz, TypeKind, Uuid, Varchar,
};
#[cfg(feature = "time")]
pub use time_impls::TimeValue;
pub use to_sql::IntoSql;
pub use value::Value;

/// `T` made nullable when the flag `B` is set (`Nullable<Nullable<T>>` collapses to `Nullable<T>`).
pub type NullableIf<B, T> = <B as Flag>::Apply<T>;

/// Lengths for [`Varchar`], as `typenum` numbers: `Varchar<U255>`.
pub mod lengths {
    pub use typenum::consts::*;
}
