//! Rendering a statement without a connection.

use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::types::Value;
use std::fmt;
use std::marker::PhantomData;

/// The SQL text and bind values of a statement for dialect `D`.
pub struct Compiled<'a, D> {
    sql: String,
    binds: Vec<Value<'a>>,
    _dialect: PhantomData<D>,
}

impl<'a, D> Compiled<'a, D> {
    /// The SQL text, with placeholders for the values.
    pub fn sql(&self) -> &str {
        &self.sql
    }
    /// The bind values, in placeholder order.
    pub fn binds(&self) -> &[Value<'a>] {
        &self.binds
    }
    /// The SQL text and binds.
    pub fn into_parts(self) -> (String, Vec<Value<'a>>) {
        (self.sql, self.binds)
    }
}

impl<D> fmt::Display for Compiled<'_, D> {
    /// The SQL followed by its binds, for logs: `SELECT ... WHERE "id" = $1 -- binds: [I32(7)]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} -- binds: {:?}", self.sql, self.binds)
    }
}

impl<D> fmt::Debug for Compiled<'_, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Renders any statement for any dialect: `query.compile::<Postgres>()`.
pub trait Compile {
    /// The statement's SQL and binds for dialect `D`.
    fn compile<D: Dialect>(&self) -> Compiled<'_, D>
    where
        Self: QueryFragment<D>,
    {
        let mut out = SqlBuilder::<D>::new();
        self.walk(&mut out);
        let (sql, binds) = out.finish();
        Compiled { sql, binds, _dialect: PhantomData }
    }
}

impl<T: ?Sized> Compile for T {}
