//! Running statements: `execute`, `load`, `first`, `one`, `one_or_none`.

use super::Connection;
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder};
use crate::error::{Error, ErrorKind, Result};
use crate::query::{AsQuery, CtesInScope, MaybeEmpty, Query};
use crate::types::FromRow;
use crate::types::Value;
use std::sync::Arc;

/// The row type of a statement.
type RowOf<Q> = <<Q as AsQuery>::Query as Query>::SqlType;

/// Executes statements on a connection. Implemented for every statement and table.
///
/// `K` is inferred: the proof that every CTE the statement reads is declared by its own WITH
/// clause ([`CtesInScope`]); reading a `#[cte]` table without `.with(cte(..))` does not
/// compile.
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
pub trait RunQueryDsl<C: Connection, K = ()>: AsQuery + Sized {
    /// Runs the statement; returns the number of rows changed.
    ///
    /// # Errors
    /// The database's error (constraint violations, lost connection, ...).
    fn execute(self, conn: &mut C) -> Result<usize>
    where
        Self::Query: QueryFragment<C::Dialect> + MaybeEmpty,
        Self::Query: CtesInScope<K>,
    {
        RunUnscoped::execute(self, conn)
    }

    /// Runs the query and loads every row as `U`.
    ///
    /// # Errors
    /// The database's error, or a conversion error if a value does not fit `U`.
    fn load<U>(self, conn: &mut C) -> Result<Vec<U>>
    where
        Self::Query: Query + QueryFragment<C::Dialect> + MaybeEmpty,
        U: FromRow<RowOf<Self>>,
        Self::Query: CtesInScope<K>,
    {
        RunUnscoped::load::<U>(self, conn)
    }

    /// Runs the query and hands each row to `f` as it arrives, without keeping the result in
    /// memory: a million rows take the memory of one. Return `Ok(false)` from `f` to stop.
    ///
    /// # Errors
    /// The database's error, a conversion error, or `f`'s error.
    fn for_each<U, F>(self, conn: &mut C, f: F) -> Result<()>
    where
        Self::Query: Query + QueryFragment<C::Dialect> + MaybeEmpty,
        U: FromRow<RowOf<Self>>,
        F: FnMut(U) -> Result<bool>,
        Self::Query: CtesInScope<K>,
    {
        RunUnscoped::for_each::<U, F>(self, conn, f)
    }

    /// Runs the query and hands the rows to `f` in chunks of `size` (the last may be
    /// smaller), streaming like [`for_each`](Self::for_each).
    ///
    /// # Errors
    /// As [`for_each`](Self::for_each).
    fn load_chunks<U, F>(self, conn: &mut C, size: usize, f: F) -> Result<()>
    where
        Self::Query: Query + QueryFragment<C::Dialect> + MaybeEmpty,
        U: FromRow<RowOf<Self>>,
        F: FnMut(Vec<U>) -> Result<()>,
        Self::Query: CtesInScope<K>,
    {
        RunUnscoped::load_chunks::<U, F>(self, conn, size, f)
    }

    /// The first row (a SELECT without a LIMIT gets `LIMIT 1`).
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] when there is no row; see also
    /// [`OptionalExtension`](crate::OptionalExtension).
    fn first<U>(self, conn: &mut C) -> Result<U>
    where
        Self::Query: Query + QueryFragment<C::Dialect> + MaybeEmpty,
        U: FromRow<RowOf<Self>>,
        Self::Query: CtesInScope<K>,
    {
        RunUnscoped::first::<U>(self, conn)
    }

    /// Exactly one row.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] for none, [`ErrorKind::MultipleRows`] for more than one.
    fn one<U>(self, conn: &mut C) -> Result<U>
    where
        Self::Query: Query + QueryFragment<C::Dialect> + MaybeEmpty,
        U: FromRow<RowOf<Self>>,
        Self::Query: CtesInScope<K>,
    {
        RunUnscoped::one::<U>(self, conn)
    }

    /// At most one row.
    ///
    /// # Errors
    /// [`ErrorKind::MultipleRows`] for more than one.
    fn one_or_none<U>(self, conn: &mut C) -> Result<Option<U>>
    where
        Self::Query: Query + QueryFragment<C::Dialect> + MaybeEmpty,
        U: FromRow<RowOf<Self>>,
        Self::Query: CtesInScope<K>,
    {
        RunUnscoped::one_or_none::<U>(self, conn)
    }
}

impl<T: AsQuery, C: Connection, K> RunQueryDsl<C, K> for T {}

/// The run methods without the WITH-scope check, for aludel's own generic code (the ORM's
/// statements read stored tables only).
#[doc(hidden)]
pub trait RunUnscoped<C: Connection>: AsQuery + Sized {
    /// Runs the statement; returns the number of rows changed.
    ///
    /// # Errors
    /// The database's error (constraint violations, lost connection, ...).
    fn execute(self, conn: &mut C) -> Result<usize>
    where
        Self::Query: QueryFragment<C::Dialect> + MaybeEmpty,
    {
        let query = self.as_query();
        let mut changed = 0;
        in_batches(&query, conn, |conn, sql, binds| {
            changed += conn.execute_sql(sql, binds)?;
            Ok(())
        })?;
        Ok(changed)
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
        run_query(self.as_query(), conn, false, &mut |row| {
            rows.push(row);
            Ok(true)
        })?;
        Ok(rows)
    }

    /// Runs the query and hands each row to `f` as it arrives, without keeping the result in
    /// memory: a million rows take the memory of one. Return `Ok(false)` from `f` to stop.
    ///
    /// # Errors
    /// The database's error, a conversion error, or `f`'s error.
    fn for_each<U, F>(self, conn: &mut C, mut f: F) -> Result<()>
    where
        Self::Query: Query + QueryFragment<C::Dialect> + MaybeEmpty,
        U: FromRow<RowOf<Self>>,
        F: FnMut(U) -> Result<bool>,
    {
        run_query(self.as_query(), conn, true, &mut f)
    }

    /// Runs the query and hands the rows to `f` in chunks of `size` (the last may be
    /// smaller), streaming like [`for_each`](Self::for_each).
    ///
    /// # Errors
    /// As [`for_each`](Self::for_each).
    fn load_chunks<U, F>(self, conn: &mut C, size: usize, mut f: F) -> Result<()>
    where
        Self::Query: Query + QueryFragment<C::Dialect> + MaybeEmpty,
        U: FromRow<RowOf<Self>>,
        F: FnMut(Vec<U>) -> Result<()>,
    {
        let size = size.max(1);
        let mut chunk = Vec::with_capacity(size);
        run_query(self.as_query(), conn, true, &mut |row| {
            chunk.push(row);
            if chunk.len() == size {
                f(std::mem::replace(&mut chunk, Vec::with_capacity(size)))?;
            }
            Ok(true)
        })?;
        if !chunk.is_empty() {
            f(chunk)?;
        }
        Ok(())
    }

    /// The first row (a SELECT without a LIMIT gets `LIMIT 1`).
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
        run_query(self.as_query().first_row_only(), conn, false, &mut |row| {
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
        run_query(self.as_query(), conn, false, &mut |row| {
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

impl<T: AsQuery, C: Connection> RunUnscoped<C> for T {}

/// Runs many statements of one type (typically updates by primary key) in one transaction,
/// rendering their SQL once and reusing the prepared statement: the bulk form of `execute`.
/// Returns the total number of rows changed.
///
/// ```
/// use aludel::prelude::*;
/// use aludel::conn::execute_many;
/// aludel::table! { items (id) { id -> Integer, price -> Integer, } }
///
/// # fn main() -> aludel::Result<()> {
/// let mut conn = SqliteConnection::open("sqlite::memory:")?;
/// MetaData::new([items::table::def()]).create_all(&mut conn, CheckFirst::No)?;
/// insert(items::table).values(vec![(items::price.eq(1),), (items::price.eq(2),)]).execute(&mut conn)?;
/// let new_prices = [(1, 10), (2, 20)];
/// let changed = execute_many(
///     &mut conn,
///     new_prices.iter().map(|(id, p)| update(items::table).set(items::price.eq(*p)).filter(items::id.eq(*id))),
/// )?;
/// assert_eq!(changed, 2);
/// # Ok(()) }
/// ```
///
/// # Errors
/// The first statement's error; the transaction is then rolled back and nothing is changed.
pub fn execute_many<C, Q, I>(conn: &mut C, statements: I) -> Result<usize>
where
    C: Connection,
    I: IntoIterator<Item = Q>,
    Q: AsQuery,
    Q::Query: QueryFragment<C::Dialect> + MaybeEmpty,
{
    let statements: Vec<Q::Query> = statements.into_iter().map(AsQuery::as_query).collect();
    conn.transaction(|conn| {
        // Consecutive statements of one shape share their SQL text: render it once, prepare
        // it once, and run it with each statement's binds.
        let mut changed = 0;
        let mut batch: Vec<Vec<Value<'_>>> = Vec::new();
        let mut batch_sql: Option<(u64, SqlText)> = None;
        for statement in &statements {
            if statement.is_empty_statement() || statement.batch_rows().is_some() {
                changed += flush_batch(conn, &mut batch_sql, &mut batch)?;
                in_batches(statement, conn, |conn, sql, binds| {
                    changed += conn.execute_sql(sql, binds)?;
                    Ok(())
                })?;
                continue;
            }
            let mut shape = Shape::default();
            let cacheable = statement.shape(&mut shape);
            if cacheable && batch_sql.as_ref().is_some_and(|(key, _)| *key == shape.key()) {
                let mut out =
                    SqlBuilder::<C::Dialect>::binds_only(batch.last().map_or(4, Vec::len));
                statement.walk(&mut out);
                batch.push(out.finish().1);
                continue;
            }
            changed += flush_batch(conn, &mut batch_sql, &mut batch)?;
            let (sql, binds) = render(conn, statement);
            if cacheable {
                batch_sql = Some((shape.key(), sql));
                batch.push(binds);
            } else {
                changed += conn.execute_sql(&sql, &binds)?;
            }
        }
        changed += flush_batch(conn, &mut batch_sql, &mut batch)?;
        Ok(changed)
    })
}

fn flush_batch<C: Connection>(
    conn: &mut C,
    sql: &mut Option<(u64, SqlText)>,
    batch: &mut Vec<Vec<Value<'_>>>,
) -> Result<usize> {
    let changed = match sql.take() {
        Some((_, sql)) if !batch.is_empty() => conn.execute_prepared_many(&sql, batch)?,
        _ => 0,
    };
    batch.clear();
    Ok(changed)
}

/// The SQL text of a statement: cached per connection when its type allows, or just rendered.
enum SqlText {
    Cached(Arc<str>),
    Rendered(String),
}

impl std::ops::Deref for SqlText {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            SqlText::Cached(s) => s,
            SqlText::Rendered(s) => s,
        }
    }
}

/// Renders `query` for `conn`'s dialect: the SQL text from the connection's cache when the
/// statement's type and shape determine it (collecting only the binds), otherwise in full.
fn render<'q, C, Q>(conn: &mut C, query: &'q Q) -> (SqlText, Vec<Value<'q>>)
where
    C: Connection,
    Q: QueryFragment<C::Dialect>,
{
    let mut shape = Shape::default();
    if !query.shape(&mut shape) {
        let mut out = SqlBuilder::<C::Dialect>::new();
        query.walk(&mut out);
        let (sql, binds) = out.finish();
        return (SqlText::Rendered(sql), binds);
    }
    let type_name = std::any::type_name::<Q>();
    if let Some((sql, count)) = conn.state().cache.get(type_name, shape.key()) {
        let mut out = SqlBuilder::<C::Dialect>::binds_only(count);
        query.walk(&mut out);
        let (_, binds) = out.finish();
        if binds.len() == count {
            return (SqlText::Cached(sql), binds);
        }
    }
    let mut out = SqlBuilder::<C::Dialect>::new();
    query.walk(&mut out);
    let (sql, binds) = out.finish();
    let sql: Arc<str> = sql.into();
    conn.state_mut().cache.insert(type_name, shape.key(), sql.clone(), binds.len());
    (SqlText::Cached(sql), binds)
}

/// Runs `query` once, or (an INSERT with more binds than the dialect allows) in batches of
/// rows inside one transaction, calling `run` for each statement.
fn in_batches<C, Q>(
    query: &Q,
    conn: &mut C,
    mut run: impl FnMut(&mut C, &str, &[Value<'_>]) -> Result<()>,
) -> Result<()>
where
    C: Connection,
    Q: QueryFragment<C::Dialect> + MaybeEmpty,
{
    if query.is_empty_statement() {
        return Ok(());
    }
    query.select_batch(None);
    let (sql, binds) = render(conn, query);
    let max = <C::Dialect as Dialect>::MAX_BINDS;
    let rows = query.batch_rows().unwrap_or(1).max(1);
    if binds.len() <= max || rows == 1 {
        return run(conn, &sql, &binds);
    }
    drop(binds);
    let per_row = sql_binds_per_row(query, conn, rows);
    let batch = (max / per_row.max(1)).max(1);
    let result = conn.transaction(|conn| {
        let mut start = 0;
        while start < rows {
            let end = (start + batch).min(rows);
            query.select_batch(Some((start, end)));
            let (sql, binds) = render(conn, query);
            run(conn, &sql, &binds)?;
            start = end;
        }
        Ok(())
    });
    query.select_batch(None);
    result
}

/// Binds per row of a batched INSERT (rows of one type bind the same number of values).
fn sql_binds_per_row<C: Connection, Q: QueryFragment<C::Dialect> + MaybeEmpty>(
    query: &Q,
    _conn: &mut C,
    rows: usize,
) -> usize {
    query.select_batch(Some((0, 1)));
    let mut out = SqlBuilder::<C::Dialect>::binds_only(8);
    query.walk(&mut out);
    let per_row = out.finish().1.len();
    query.select_batch(None);
    per_row.max(1).min(usize::MAX / rows.max(1))
}

fn run_query<Q, C, U>(
    query: Q,
    conn: &mut C,
    stream: bool,
    each: &mut dyn FnMut(U) -> Result<bool>,
) -> Result<()>
where
    C: Connection,
    Q: Query + QueryFragment<C::Dialect> + MaybeEmpty,
    U: FromRow<Q::SqlType>,
{
    in_batches(&query, conn, |conn, sql, binds| {
        if stream {
            conn.stream_sql::<Q::SqlType, U>(sql, binds, each)
        } else {
            conn.query_sql::<Q::SqlType, U>(sql, binds, each)
        }
    })
}
