//! The one check `#[derive(Model)]` makes of each field: its Rust type loads from its
//! column's SQL type and binds back to it.
//!
//! A model field is both read (rows into objects) and written (flush binds it), so the derive
//! needs `FromSql` and `IntoSql` of every field. Checked separately, a field of the wrong type
//! failed twice, once per direction; through [`ModelField`] it fails once, at the field, with a
//! message about the field.

use crate::types::{FromSql, IntoSql, Value};

/// Rust type `Self` can be the field mapped to column `C`, of SQL type `ST`: it loads from
/// `ST` ([`FromSql`]) and binds as `ST` ([`IntoSql`]).
///
/// ```
/// use aludel::orm::{Model, ModelField};
/// use aludel::prelude::*;
///
/// aludel::table! {
///     users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, }
/// }
///
/// #[derive(Debug, Clone, Model)]
/// #[aludel(table = users)]
/// struct User {
///     id: i32,
///     name: String,          // Text
///     email: Option<String>, // Nullable<Text>
/// }
///
/// fn holds<C, ST, T: ModelField<C, ST>>() {}
/// holds::<users::name, Text, String>();
/// ```
///
/// A field that cannot hold its column is one error, at the field:
///
/// ```compile_fail,E0277
/// use aludel::orm::Model;
/// use aludel::prelude::*;
///
/// aludel::table! {
///     users (id) { id -> Integer, name -> Text, }
/// }
///
/// #[derive(Model)]
/// #[aludel(table = users)]
/// struct User {
///     id: i32,
///     name: i64, // a model field of Rust type `i64` cannot hold column `name` of SQL type `Text`
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "a model field of Rust type `{Self}` cannot hold column `{C}` of SQL type `{ST}`",
    label = "this field's type does not load from and bind to SQL `{ST}`",
    note = "give the field the Rust type of its column's SQL type (an `Option<_>` for a \
            `Nullable<_>` column); see the table of SQL types and their Rust types in \
            `aludel::types`"
)]
pub trait ModelField<C, ST>: FromSql<ST> + IntoSql<'static, ST> {}

#[diagnostic::do_not_recommend]
impl<C, ST, T: FromSql<ST> + IntoSql<'static, ST>> ModelField<C, ST> for T {}

/// How `#[derive(Model)]` binds and reads a field: `(bind, read)`.
#[doc(hidden)]
pub type FieldIo<T> = (fn(T) -> Value<'static>, fn(Value<'_>) -> crate::Result<T>);

/// The bind and read functions of a field of type `T` mapped to column `C` (used by
/// `#[derive(Model)]`). One function for both directions, so that a field of the wrong type is
/// one error.
#[doc(hidden)]
pub fn field_io<C, ST, T: ModelField<C, ST>>() -> FieldIo<T> {
    (<T as IntoSql<'static, ST>>::into_sql, <T as FromSql<ST>>::from_sql)
}
