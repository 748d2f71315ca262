//! `RETURNING` on INSERT, UPDATE and DELETE.

use crate::dialect::Dialect;
use crate::dialect::{QueryFragment, Shape, SqlBuilder, SupportsReturning};
use std::marker::PhantomData;

/// No RETURNING clause: executing the statement yields a row count.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoReturning;

/// `RETURNING S`, proved valid in the target table by index `I`.
#[derive(Debug)]
pub struct Returning<S, I> {
    list: S,
    _index: PhantomData<fn() -> I>,
}

impl<S: Clone, I> Clone for Returning<S, I> {
    fn clone(&self) -> Self {
        Returning { list: self.list.clone(), _index: PhantomData }
    }
}

impl<S, I> Returning<S, I> {
    pub(crate) fn new(list: S) -> Self {
        Returning { list, _index: PhantomData }
    }
}

impl<D: Dialect> QueryFragment<D> for NoReturning {
    fn walk<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
    fn shape(&self, _shape: &mut Shape) -> bool {
        true
    }
}

impl<D: SupportsReturning, S: QueryFragment<D>, I> QueryFragment<D> for Returning<S, I> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(" RETURNING ");
        self.list.walk(out);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.list.shape(shape)
    }
}
