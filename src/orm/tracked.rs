//! Type-erased tracked objects: what the session needs from any model, whatever its type.

use super::model::{FieldDef, Model};
use crate::conn::{Connection, RunQueryDsl};
use crate::dialect::SupportsReturning;
use crate::error::Result;
use crate::query::{DynFilter, DynSet, delete, insert, update};
use crate::schema::{Table, TableDef};
use crate::types::Value;
use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::rc::Rc;

/// A model object behind a trait object, with the statements for its table.
pub(crate) trait Tracked<C: Connection> {
    fn model(&self) -> TypeId;
    fn model_name(&self) -> &'static str;
    fn table(&self) -> &'static TableDef;
    fn fields(&self) -> &'static [FieldDef];
    fn addr(&self) -> usize;
    fn values(&self) -> Vec<Value<'static>>;
    fn set_field(&self, index: usize, value: Value<'_>) -> Result<()>;
    /// The same object as `Rc<dyn Any>`, to get its typed handle back.
    fn into_any(self: Rc<Self>) -> Rc<dyn Any>;
    fn before_insert(&self);
    fn after_insert(&self);
    fn before_update(&self);
    fn after_update(&self);
    fn before_delete(&self);
    fn after_delete(&self);
    /// `INSERT INTO table (columns) VALUES ... [RETURNING returning]`.
    fn insert_rows(
        &self,
        conn: &mut C,
        columns: Vec<&'static str>,
        rows: Vec<Vec<Value<'static>>>,
        returning: Vec<&'static str>,
    ) -> Result<Vec<Vec<Value<'static>>>>;
    /// `UPDATE table SET ... WHERE key` (with a version increment); returns rows changed.
    fn update_row(&self, conn: &mut C, set: DynSetParts, key: DynFilterParts) -> Result<usize>;
    /// `DELETE FROM table WHERE keys`; returns rows deleted.
    fn delete_rows(&self, conn: &mut C, keys: DynFilterParts) -> Result<usize>;
    /// `SELECT columns FROM table WHERE key`.
    fn select_row(&self, conn: &mut C, key: DynFilterParts) -> Result<Option<Vec<Value<'static>>>>;
}

/// The parts of a dynamic SET.
pub(crate) struct DynSetParts {
    pub assignments: Vec<(&'static str, Value<'static>)>,
    pub increment: Option<&'static str>,
}

/// The parts of a dynamic WHERE.
pub(crate) struct DynFilterParts {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Value<'static>>>,
}

// Implemented on the handle's shared cell itself, so that the session holds the object as
// `Rc<dyn Tracked>`: the handle's own allocation, not a box around it.
impl<M, C> Tracked<C> for RefCell<M>
where
    M: Model,
    C: Connection,
    C::Dialect: SupportsReturning,
{
    fn model(&self) -> TypeId {
        TypeId::of::<M>()
    }
    fn model_name(&self) -> &'static str {
        std::any::type_name::<M>()
    }
    fn table(&self) -> &'static TableDef {
        M::Table::def()
    }
    fn fields(&self) -> &'static [FieldDef] {
        M::FIELDS
    }
    fn addr(&self) -> usize {
        // The address `Obj::addr` gives: the cell inside the `Rc`.
        std::ptr::from_ref(self) as *const () as usize
    }
    fn values(&self) -> Vec<Value<'static>> {
        self.borrow().values()
    }
    fn set_field(&self, index: usize, value: Value<'_>) -> Result<()> {
        self.borrow_mut().set_field(index, value)
    }
    fn into_any(self: Rc<Self>) -> Rc<dyn Any> {
        self
    }
    fn before_insert(&self) {
        self.borrow_mut().before_insert();
    }
    fn after_insert(&self) {
        self.borrow().after_insert();
    }
    fn before_update(&self) {
        self.borrow_mut().before_update();
    }
    fn after_update(&self) {
        self.borrow().after_update();
    }
    fn before_delete(&self) {
        self.borrow().before_delete();
    }
    fn after_delete(&self) {
        self.borrow().after_delete();
    }

    fn insert_rows(
        &self,
        conn: &mut C,
        columns: Vec<&'static str>,
        rows: Vec<Vec<Value<'static>>>,
        returning: Vec<&'static str>,
    ) -> Result<Vec<Vec<Value<'static>>>> {
        let statement = insert(M::Table::default()).dyn_values(columns, rows);
        if returning.is_empty() {
            statement.execute(conn)?;
            Ok(Vec::new())
        } else {
            statement.dyn_returning(returning).load(conn)
        }
    }

    fn update_row(&self, conn: &mut C, set: DynSetParts, key: DynFilterParts) -> Result<usize> {
        let mut assignments = DynSet::<M::Table>::new(set.assignments);
        if let Some(column) = set.increment {
            assignments = assignments.increment(column);
        }
        update(M::Table::default())
            .set(assignments)
            .filter(DynFilter::<M::Table>::new(key.columns, key.rows))
            .execute(conn)
    }

    fn delete_rows(&self, conn: &mut C, keys: DynFilterParts) -> Result<usize> {
        delete(M::Table::default())
            .filter(DynFilter::<M::Table>::new(keys.columns, keys.rows))
            .execute(conn)
    }

    fn select_row(&self, conn: &mut C, key: DynFilterParts) -> Result<Option<Vec<Value<'static>>>> {
        let columns: Vec<&'static str> = M::FIELDS.iter().map(|f| f.column).collect();
        let rows = insert_free_select::<M::Table, C>(conn, columns, key)?;
        Ok(rows.into_iter().next())
    }
}

/// `SELECT columns FROM table WHERE key`, rows as values (refreshing an object by key).
fn insert_free_select<T: Table, C: Connection>(
    conn: &mut C,
    columns: Vec<&'static str>,
    key: DynFilterParts,
) -> Result<Vec<Vec<Value<'static>>>> {
    crate::query::DynSelect::<T>::new(columns, DynFilter::<T>::new(key.columns, key.rows))
        .load(conn)
}
