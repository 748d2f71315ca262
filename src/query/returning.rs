//! `RETURNING` on INSERT, UPDATE and DELETE.

use crate::dialect::{QueryFragment, SqlBuilder, SupportsReturning};
use crate::dialect::Dialect;
use std::marker::PhantomData;

/// No RETURNING clause: executing the statement yields a row count.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoReturning;

/// `RETURNING S`, whose rows have SQL row type `ST`.
#[derive(Debug)]
pub struct Returning<S, ST> {
    list: S,
    _row: PhantomData<fn() -> ST>,
}

impl<S: Clone, ST> Clone for Returning<S, ST> {
    fn clone(&self) -> Self {
        Returning { list: self.list.clone(), _row: PhantomData }
    }
}

impl<S, ST> Returning<S, ST> {
    pub(crate) fn new(list: S) -> Self {
        Returning { list, _row: PhantomData }
    }
}

impl<D: Dialect> QueryFragment<D> for NoReturning {
    fn walk<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
}

impl<D: SupportsReturning, S: QueryFragment<D>, ST> QueryFragment<D> for Returning<S, ST> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(" RETURNING ");
        self.list.walk(out);
    }
}
