//! Mapped models: what `#[derive(Model)]` implements.

pub use aludel_derive::Model;

use crate::schema::{Column, Table};
use crate::types::{IntoSql, Value};

/// One mapped field: its column and its role.
#[derive(Debug, Clone, Copy)]
pub struct FieldDef {
    /// The column's name.
    pub column: &'static str,
    /// The database fills it in on INSERT when the field is `None` (generated keys, server
    /// defaults); the value is read back.
    pub generated: bool,
    /// An optimistic-concurrency version counter.
    pub version: bool,
}

/// Per-model callbacks around the session's writes. `#[derive(Model)]` implements it empty
/// unless the struct says `#[aludel(hooks)]`, in which case you implement it.
pub trait Hooks {
    /// Before the object's INSERT (it may still change itself).
    fn before_insert(&mut self) {}
    /// After the object's INSERT (generated keys are set).
    fn after_insert(&self) {}
    /// Before the object's UPDATE.
    fn before_update(&mut self) {}
    /// After the object's UPDATE.
    fn after_update(&self) {}
    /// Before the object's DELETE.
    fn before_delete(&self) {}
    /// After the object's DELETE.
    fn after_delete(&self) {}
}

/// A struct mapped onto table `Table` (implemented by `#[derive(Model)]`).
pub trait Model: Hooks + Sized + 'static {
    /// The mapped table.
    type Table: Table;
    /// The mapped columns, as a typed select list.
    type Columns: crate::schema::ColumnTuple + 'static;
    /// The proof that the columns belong to the table.
    type ColumnsIndex;
    /// The mapped fields, in declaration order.
    const FIELDS: &'static [FieldDef];

    /// The fields' current values, in [`Model::FIELDS`] order (NULL for an unset generated
    /// field).
    fn values(&self) -> Vec<Value<'static>>;

    /// Field `index`'s current value: [`Model::values`]`[index]` without copying the other
    /// fields (keys are read this way when relationships are loaded).
    fn value(&self, index: usize) -> Value<'static> {
        self.values().swap_remove(index)
    }

    /// Sets field `index` from a database value.
    ///
    /// # Errors
    /// [`crate::ErrorKind::Conversion`] when the value does not fit the field.
    fn set_field(&mut self, index: usize, value: Value<'_>) -> crate::Result<()>;

    /// Builds the object from its fields' values, in [`Model::FIELDS`] order (unmapped fields
    /// get their default).
    ///
    /// # Errors
    /// [`crate::ErrorKind::Conversion`] when a value does not fit its field.
    fn from_values(values: Vec<Value<'static>>) -> crate::Result<Self>;

    /// The mapped columns.
    fn columns() -> Self::Columns {
        <Self::Columns as crate::schema::ColumnTuple>::new()
    }
}

/// A Rust value that identifies one object of model `M`: a value of the primary key column's
/// own SQL type, or a tuple of them in key order for a composite key. `session.get::<M>(key)`
/// asks for it, so that a key of another type (`"7"` or `7i64` for an `Integer` key) does not
/// compile instead of silently missing the identity map and the row.
///
/// ```
/// use aludel::prelude::*;
/// use aludel::orm::{Model, PrimaryKeyOf};
/// aludel::table! { users (id) { id -> Integer, name -> Text, } }
///
/// #[derive(Debug, Clone, Model)]
/// #[aludel(table = users)]
/// struct User {
///     #[aludel(generated)]
///     id: Option<i32>,
///     name: String,
/// }
///
/// fn key_of<M: Model, K: PrimaryKeyOf<M>>(key: K) -> Vec<aludel::types::Value<'static>> {
///     key.key_values()
/// }
/// assert_eq!(key_of::<User, _>(7), [aludel::types::Value::I32(7)]);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not the primary key type of model `{M}`",
    label = "expected the Rust type of `{M}`'s primary key (a tuple of them for a composite key)",
    note = "pass the key column's own Rust type (`i32` for `Integer`, `i64` for `BigInt`, `&str` or `String` for `Text`), and a tuple in key order for a composite primary key"
)]
pub trait PrimaryKeyOf<M> {
    /// The key's values, in primary-key column order.
    fn key_values(self) -> Vec<Value<'static>>;
}

#[diagnostic::do_not_recommend]
impl<M: Model, K: PrimaryKeyValue<<M::Table as Table>::PrimaryKey>> PrimaryKeyOf<M> for K {
    #[inline]
    fn key_values(self) -> Vec<Value<'static>> {
        PrimaryKeyValue::key_values(self)
    }
}

/// A value of the primary key whose columns are the tuple `PK`: one value of each column's SQL
/// type (see [`PrimaryKeyOf`], the bound users meet).
pub trait PrimaryKeyValue<PK> {
    /// The key's values, in primary-key column order.
    fn key_values(self) -> Vec<Value<'static>>;
}

#[diagnostic::do_not_recommend]
impl<'a, A: Column, V: IntoSql<'a, A::SqlType>> PrimaryKeyValue<(A,)> for V {
    fn key_values(self) -> Vec<Value<'static>> {
        vec![self.into_sql().into_owned()]
    }
}

#[diagnostic::do_not_recommend]
impl<'a, A: Column, B: Column, VA, VB> PrimaryKeyValue<(A, B)> for (VA, VB)
where
    VA: IntoSql<'a, A::SqlType>,
    VB: IntoSql<'a, B::SqlType>,
{
    fn key_values(self) -> Vec<Value<'static>> {
        vec![self.0.into_sql().into_owned(), self.1.into_sql().into_owned()]
    }
}

#[diagnostic::do_not_recommend]
impl<'a, A: Column, B: Column, C: Column, VA, VB, VC> PrimaryKeyValue<(A, B, C)> for (VA, VB, VC)
where
    VA: IntoSql<'a, A::SqlType>,
    VB: IntoSql<'a, B::SqlType>,
    VC: IntoSql<'a, C::SqlType>,
{
    fn key_values(self) -> Vec<Value<'static>> {
        let (a, b, c) = self;
        vec![a.into_sql().into_owned(), b.into_sql().into_owned(), c.into_sql().into_owned()]
    }
}
