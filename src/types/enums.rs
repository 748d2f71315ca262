//! Rust enums as SQL values: a PostgreSQL enum type, or text on any database.
//!
//! `#[derive(SqlEnum)]` (see [`SqlEnum`](aludel_derive::SqlEnum)) makes a field-less Rust
//! enum its own SQL type marker: a column declared `mood -> Mood` holds `Mood` values, binds
//! them, loads them, and compares only with `Mood` values or `Mood` columns (a plain string
//! does not compile: the set of labels is the point of the type).

use super::from_sql::{FromRow, FromSql, SqlRow, mismatch};
use super::sql_type::{Comparable, NotANumber, Nullable, SqlType, TypeKind};
use super::to_sql::IntoSql;
use super::value::Value;
use crate::error::{Error, Result};
use std::borrow::Cow;
use typenum::B0;

/// How a [`SqlEnum`] is stored, as a type: [`AsText`] or [`NativeEnum`].
pub trait SqlEnumType: 'static {
    /// Whether the storage is a PostgreSQL enum type.
    const NATIVE: bool;
}

/// Stored as `TEXT` on every database, with a `CHECK` that lists the labels.
#[derive(Debug, Clone, Copy, Default)]
pub struct AsText;

/// Stored as a PostgreSQL enum type (`CREATE TYPE name AS ENUM (...)`): PostgreSQL only.
#[derive(Debug, Clone, Copy, Default)]
pub struct NativeEnum;

impl SqlEnumType for AsText {
    const NATIVE: bool = false;
}

impl SqlEnumType for NativeEnum {
    const NATIVE: bool = true;
}

/// A field-less Rust enum that is also its own SQL type; implemented by
/// `#[derive(aludel::SqlEnum)]`, whose documentation shows its use.
pub trait SqlEnum: Sized + 'static {
    /// [`AsText`] or [`NativeEnum`].
    type Storage: SqlEnumType;
    /// The PostgreSQL type's name ([`NativeEnum`]; the enum's name in snake case otherwise).
    const TYPE_NAME: &'static str;
    /// Each variant's label in the database, in declaration order.
    const LABELS: &'static [&'static str];
    /// The variant's label.
    fn label(&self) -> &'static str;
    /// The variant of `label`, if there is one.
    fn from_label(label: &str) -> Option<Self>;
}

impl<E: SqlEnum> SqlType for E {
    type IsNullable = B0;
    type NotNull = E;
    const KIND: TypeKind = if E::Storage::NATIVE {
        TypeKind::Enum { name: E::TYPE_NAME, labels: E::LABELS }
    } else {
        TypeKind::TextEnum { labels: E::LABELS }
    };
    type NumberKind = NotANumber;
}

impl<E: SqlEnum> Comparable<E> for E {}

impl<'a, E: SqlEnum> IntoSql<'a, E> for E {
    #[inline]
    fn into_sql(self) -> Value<'a> {
        Value::Text(Cow::Borrowed(self.label()))
    }
}

impl<'a, E: SqlEnum> IntoSql<'a, Nullable<E>> for E {
    #[inline]
    fn into_sql(self) -> Value<'a> {
        Value::Text(Cow::Borrowed(self.label()))
    }
}

impl<'a, E: SqlEnum> IntoSql<'a, E> for &'a E {
    #[inline]
    fn into_sql(self) -> Value<'a> {
        Value::Text(Cow::Borrowed(self.label()))
    }
}

impl<'a, E: SqlEnum> IntoSql<'a, Nullable<E>> for &'a E {
    #[inline]
    fn into_sql(self) -> Value<'a> {
        Value::Text(Cow::Borrowed(self.label()))
    }
}

impl<E: SqlEnum> FromSql<E> for E {
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::Text(s) => E::from_label(&s).ok_or_else(|| {
                Error::conversion(format!(
                    "`{s}` is not a label of the enum `{}` (expected one of {:?})",
                    std::any::type_name::<E>(),
                    E::LABELS
                ))
            }),
            v => mismatch(&v, std::any::type_name::<E>()),
        }
    }
}

impl<E: SqlEnum> FromRow<E> for E {
    #[inline]
    fn from_row<R: SqlRow + ?Sized>(row: &mut R) -> Result<Self> {
        <E as FromSql<E>>::from_sql(row.next_value()?)
    }
}
