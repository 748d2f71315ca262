//! Typed raw SQL: an escape hatch for SQL that aludel has no node for, with a SQL type the
//! rest of the query can check against.

use super::{Expression, ValidGrouping, ValidIn};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::types::{IntoSql, SqlType, Value};
use std::marker::PhantomData;
use typenum::B0;

/// `sql::<ST>(text)`: SQL text written by the developer, of SQL type `ST`.
///
/// The text is `&'static str` on purpose: it must be SQL in your source code, **never user
/// input**. Values go in as bind parameters with [`bind`](SqlLiteral::bind) (each one
/// appends a placeholder), and more text with [`sql`](SqlLiteral::sql). aludel does not
/// check the text: it is valid in any FROM clause and any GROUP BY, and it is rendered the
/// same for every dialect, so write SQL that your databases understand.
///
/// ```
/// use aludel::prelude::*;
/// use aludel::dsl::sql;
/// aludel::table! { users (id) { id -> Integer, age -> Integer, } }
///
/// let q = users::table.select(users::id).filter(
///     users::age.gt(sql::<Integer>("abs(").bind::<Integer, _>(-18).sql(")")),
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT "users"."id" FROM "users" WHERE ("users"."age" > abs(?1))"#
/// );
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "users"."id" FROM "users" WHERE ("users"."age" > abs($1))"#
/// );
/// ```
pub fn sql<'a, ST: SqlType>(text: &'static str) -> SqlLiteral<'a, ST> {
    SqlLiteral { parts: vec![Part::Text(text)], _st: PhantomData }
}

/// Raw SQL of type `ST`: text pieces and bind parameters, in order. Built by [`sql`].
#[derive(Debug)]
pub struct SqlLiteral<'a, ST> {
    parts: Vec<Part<'a>>,
    _st: PhantomData<fn() -> ST>,
}

// By hand: `ST` is a marker (possibly `Nullable<_>`, which is not `Clone`).
impl<ST> Clone for SqlLiteral<'_, ST> {
    fn clone(&self) -> Self {
        SqlLiteral { parts: self.parts.clone(), _st: PhantomData }
    }
}

#[derive(Debug, Clone)]
enum Part<'a> {
    Text(&'static str),
    Bind(Value<'a>),
}

impl<'a, ST> SqlLiteral<'a, ST> {
    /// Appends a bind parameter holding `value` as SQL type `ST2`.
    pub fn bind<ST2, V: IntoSql<'a, ST2>>(mut self, value: V) -> Self {
        self.parts.push(Part::Bind(value.into_sql()));
        self
    }

    /// Appends more developer-written SQL text (never user input).
    pub fn sql(mut self, text: &'static str) -> Self {
        self.parts.push(Part::Text(text));
        self
    }
}

impl<ST: SqlType> Expression for SqlLiteral<'_, ST> {
    type SqlType = ST;
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

impl<ST: SqlType, F> ValidIn<F, ()> for SqlLiteral<'_, ST> {
    type SqlTypeIn = ST;
}

impl<ST, G> ValidGrouping<G, ()> for SqlLiteral<'_, ST> {}

impl<D: Dialect, ST> QueryFragment<D> for SqlLiteral<'_, ST> {
    fn walk<'b>(&'b self, out: &mut SqlBuilder<'b, D>) {
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_sql(text),
                Part::Bind(value) => out.push_bind(value.reborrow()),
            }
        }
    }
}

crate::__impl_arithmetic!(['a, ST,] SqlLiteral<'a, ST>);
