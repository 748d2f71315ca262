//! Mapped models: what `#[derive(Model)]` implements.

pub use aludel_derive::Model;

use crate::schema::Table;
use crate::types::Value;

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
    type Columns: Copy + Default + 'static;
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
        Self::Columns::default()
    }
}

/// A primary key value: a single value or a tuple for composite keys.
pub trait PrimaryKeyValue {
    /// The key's values, in primary-key column order.
    fn key_values(self) -> Vec<Value<'static>>;
}

macro_rules! single_key {
    ($($t:ty => |$v:ident| $e:expr),*) => {$(
        impl PrimaryKeyValue for $t {
            fn key_values(self) -> Vec<Value<'static>> {
                let $v = self;
                vec![$e]
            }
        }
    )*};
}

single_key!(
    i16 => |v| Value::I16(v),
    i32 => |v| Value::I32(v),
    i64 => |v| Value::I64(v),
    String => |v| Value::Text(v.into()),
    &str => |v| Value::Text(v.to_owned().into())
);

impl<A: PrimaryKeyValue, B: PrimaryKeyValue> PrimaryKeyValue for (A, B) {
    fn key_values(self) -> Vec<Value<'static>> {
        let mut v = self.0.key_values();
        v.extend(self.1.key_values());
        v
    }
}

impl<A: PrimaryKeyValue, B: PrimaryKeyValue, C: PrimaryKeyValue> PrimaryKeyValue for (A, B, C) {
    fn key_values(self) -> Vec<Value<'static>> {
        let mut v = self.0.key_values();
        v.extend(self.1.key_values());
        v.extend(self.2.key_values());
        v
    }
}
