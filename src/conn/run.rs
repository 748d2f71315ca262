//! Running statements: `execute`, `load`, `first`, `one`, `one_or_none`.

use super::Connection;
use crate::dialect::{QueryFragment, SqlBuilder};
use crate::error::{Error, ErrorKind, Result};
use crate::query::{AsQuery, MaybeEmpty, Query};
use crate::types::FromRow;

/// The row type of a statement.
type RowOf<Q> = <<Q as AsQuery>::Query as Query>::SqlType;

/// Executes statements on a connection. Implemented for every statement and table.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { users (id) { id -> Integer, name -> Text, } }
///
/// # fn main() -> aludel::Result<()> {
/// let mut conn = SqliteConnection::open("sqlite::memory:")?;
/// MetaData::new([users::table::def()]).create_all(&mut conn, CheckFirst::No)?;
/// insert(users::table).values(users::name.eq("ada")).execute(&mut conn)?;
/// let names: Vec<String> = users::table.select(users::name).load(&mut conn)?;
/// assert_eq!(names, ["ada"]);
/// let (id, name): (i32, String) = users::table.first(&mut conn)?;
/// assert_eq!((id, name.as_str()), (1, "ada"));
/// # Ok(()) }
/// ```
pub trait RunQueryDsl<C: Connection>: AsQuery + Sized {
    /// Runs the statement; returns the number of rows changed.
    ///
    /// # Errors
    /// The database's error (constraint violations, lost connection, ...).
    fn execute(self, conn: &mut C) -> Result<usize>
    where
        Self::Query: QueryFragment<C::Dialect> + MaybeEmpty,
    {
        let query = self.as_query();
        if query.is_empty_statement() {
            return Ok(0);
        }
        let mut out = SqlBuilder::<C::Dialect>::new();
        query.walk(&mut out);
        let (sql, binds) = out.finish();
        conn.execute_sql(&sql, &binds)
    }

    /// Runs the query and loads every row as `U`.
    ///
    /// # Errors
    /// The database's error, or a conversion error if a value does not fit `U`.
    fn load<U>(self, conn: &mut C) -> Result<Vec<U>>
    where
        Self::Query: Query + QueryFragment<C::Dialect> + MaybeEmpty,
        U: FromRow<RowOf<Self>>,
    {
        let mut rows = Vec::new();
        run_query(self.as_query(), conn, &mut |row| {
            rows.push(row);
            Ok(true)
        })?;
        Ok(rows)
    }

    /// The first row.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] when there is no row; see also
    /// [`OptionalExtension`](crate::OptionalExtension).
    fn first<U>(self, conn: &mut C) -> Result<U>
    where
        Self::Query: Query + QueryFragment<C::Dialect> + MaybeEmpty,
        U: FromRow<RowOf<Self>>,
    {
        let mut found = None;
        run_query(self.as_query(), conn, &mut |row| {
            found = Some(row);
            Ok(false)
        })?;
        found.ok_or_else(Error::not_found)
    }

    /// Exactly one row.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] for none, [`ErrorKind::MultipleRows`] for more than one.
    fn one<U>(self, conn: &mut C) -> Result<U>
    where
        Self::Query: Query + QueryFragment<C::Dialect> + MaybeEmpty,
        U: FromRow<RowOf<Self>>,
    {
        self.one_or_none(conn)?.ok_or_else(Error::not_found)
    }

    /// At most one row.
    ///
    /// # Errors
    /// [`ErrorKind::MultipleRows`] for more than one.
    fn one_or_none<U>(self, conn: &mut C) -> Result<Option<U>>
    where
        Self::Query: Query + QueryFragment<C::Dialect> + MaybeEmpty,
        U: FromRow<RowOf<Self>>,
    {
        let mut found = None;
        let mut count = 0;
        run_query(self.as_query(), conn, &mut |row| {
            count += 1;
            found = Some(row);
            Ok(count < 2)
        })?;
        if count > 1 {
            return Err(Error::new(ErrorKind::MultipleRows, "expected one row, found several"));
        }
        Ok(found)
    }
}

impl<T: AsQuery, C: Connection> RunQueryDsl<C> for T {}

fn run_query<Q, C, U>(query: Q, conn: &mut C, each: &mut dyn FnMut(U) -> Result<bool>) -> Result<()>
where
    C: Connection,
    Q: Query + QueryFragment<C::Dialect> + MaybeEmpty,
    U: FromRow<Q::SqlType>,
{
    if query.is_empty_statement() {
        return Ok(());
    }
    let mut out = SqlBuilder::<C::Dialect>::new();
    query.walk(&mut out);
    let (sql, binds) = out.finish();
    conn.query_sql::<Q::SqlType, U>(&sql, &binds, each)
}
