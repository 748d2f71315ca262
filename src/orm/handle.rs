//! Shared handles to tracked objects.

use std::cell::{Ref, RefCell, RefMut};
use std::rc::Rc;

/// A tracked object: one shared handle per primary key within a session. Clone it freely;
/// all clones are the same object ([`Obj::ptr_eq`]). Changes made through
/// [`Obj::borrow_mut`] are found by the next flush.
pub struct Obj<M>(pub(crate) Rc<RefCell<M>>);

impl<M> Obj<M> {
    pub(crate) fn new(model: M) -> Self {
        Obj(Rc::new(RefCell::new(model)))
    }

    /// Reads the object.
    ///
    /// # Panics
    /// If the object is mutably borrowed at the same time (like `RefCell`).
    pub fn borrow(&self) -> Ref<'_, M> {
        self.0.borrow()
    }

    /// Changes the object; the session notices at the next flush.
    ///
    /// # Panics
    /// If the object is borrowed at the same time (like `RefCell`).
    pub fn borrow_mut(&self) -> RefMut<'_, M> {
        self.0.borrow_mut()
    }

    /// Whether two handles are the same object.
    pub fn ptr_eq(&self, other: &Obj<M>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// A copy of the object's current state, detached from the session.
    pub fn detached(&self) -> M
    where
        M: Clone,
    {
        self.0.borrow().clone()
    }

    pub(crate) fn addr(&self) -> usize {
        Rc::as_ptr(&self.0) as *const () as usize
    }
}

impl<M> Clone for Obj<M> {
    fn clone(&self) -> Self {
        Obj(self.0.clone())
    }
}

impl<M: std::fmt::Debug> std::fmt::Debug for Obj<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.borrow().fmt(f)
    }
}
