//! The SQLite backend, over `rusqlite` with the bundled library.

mod error;
mod value;

use super::state::ConnState;
use super::url::{SqliteTarget, parse_sqlite};
use super::{Connection, TransactionMode};
use crate::dialect::{Dialect, Sqlite};
use crate::error::{Error, ErrorKind, Result};
use crate::types::{FromRow, SqlRow, Value};
use error::map_error;
use rusqlite::params_from_iter;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A connection to a SQLite database (a file, or in memory).
///
/// Foreign keys are enforced (`PRAGMA foreign_keys = ON`), and prepared statements are cached
/// per connection by their SQL.
pub struct SqliteConnection {
    conn: rusqlite::Connection,
    state: ConnState,
    timer: Option<StatementTimer>,
}

/// The statement timeout: SQLite's progress handler interrupts a statement once the deadline
/// (milliseconds after `base`) has passed.
struct StatementTimer {
    limit: Duration,
    base: Instant,
    deadline: Arc<AtomicU64>,
}

impl StatementTimer {
    fn start(&self) {
        let deadline = (self.base.elapsed() + self.limit).as_millis();
        self.deadline.store(u64::try_from(deadline).unwrap_or(u64::MAX), Ordering::Relaxed);
    }

    fn stop(&self) {
        self.deadline.store(u64::MAX, Ordering::Relaxed);
    }
}

impl std::fmt::Debug for SqliteConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteConnection").field("path", &self.conn.path()).finish()
    }
}

impl SqliteConnection {
    /// Opens `sqlite::memory:`, `sqlite://path/to/file.db` or `sqlite:///absolute/path.db`
    /// (created if missing).
    ///
    /// # Errors
    /// [`crate::ErrorKind::InvalidUrl`] for a malformed URL, [`crate::ErrorKind::Connection`]
    /// when the file cannot be opened.
    pub fn open(url: &str) -> Result<Self> {
        let url = parse_sqlite(url)?;
        let conn = match url.target {
            SqliteTarget::Memory => rusqlite::Connection::open_in_memory(),
            SqliteTarget::File { path, params } => {
                rusqlite::Connection::open(SqliteTarget::open_name(&path, &params))
            }
        }
        .map_err(|e| map_error(e, None))?;
        let mut conn = Self::from_rusqlite(conn)?;
        conn.set_statement_timeout(url.statement_timeout)?;
        Ok(conn)
    }

    /// Interrupts statements that run longer than `limit` (`None`: no limit, the default),
    /// failing them with [`crate::ErrorKind::Timeout`]; the transaction they ran in stays open.
    /// URLs set it with `?statement_timeout=500ms`. The time counts from the statement's start
    /// to its last row, including the time the caller spends on each row.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// let mut conn = SqliteConnection::open("sqlite::memory:?statement_timeout=50ms")?;
    /// let endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) \
    ///                SELECT count(*) FROM n";
    /// assert_eq!(conn.batch_execute(endless).unwrap_err().kind(), ErrorKind::Timeout);
    /// conn.set_statement_timeout(None)?;
    /// # Ok::<(), aludel::Error>(())
    /// ```
    ///
    /// # Errors
    /// When SQLite refuses the progress handler (it does not).
    pub fn set_statement_timeout(&mut self, limit: Option<Duration>) -> Result<()> {
        let Some(limit) = limit else {
            self.timer = None;
            self.conn.progress_handler(0, None::<fn() -> bool>).map_err(|e| map_error(e, None))?;
            return Ok(());
        };
        let base = Instant::now();
        let deadline = Arc::new(AtomicU64::new(u64::MAX));
        let seen = Arc::clone(&deadline);
        // Every 10 000 virtual machine steps: often enough for a bound of a few milliseconds,
        // rare enough to cost nothing measurable.
        self.conn
            .progress_handler(
                10_000,
                Some(move || {
                    u64::try_from(base.elapsed().as_millis()).unwrap_or(u64::MAX)
                        >= seen.load(Ordering::Relaxed)
                }),
            )
            .map_err(|e| map_error(e, None))?;
        self.timer = Some(StatementTimer { limit, base, deadline });
        Ok(())
    }

    /// Runs one statement under the statement timeout, if one is set.
    fn timed<T>(&mut self, run: impl FnOnce(&mut Self) -> T) -> T {
        if let Some(timer) = &self.timer {
            timer.start();
        }
        let result = run(self);
        if let Some(timer) = &self.timer {
            timer.stop();
        }
        result
    }

    /// Wraps an open `rusqlite` connection.
    ///
    /// # Errors
    /// When foreign-key enforcement cannot be switched on.
    pub fn from_rusqlite(conn: rusqlite::Connection) -> Result<Self> {
        conn.execute_batch("PRAGMA foreign_keys = ON").map_err(|e| map_error(e, None))?;
        conn.set_prepared_statement_cache_capacity(256);
        Ok(SqliteConnection { conn, state: ConnState::default(), timer: None })
    }

    /// The underlying `rusqlite` connection, for what aludel does not cover.
    pub fn raw(&mut self) -> &mut rusqlite::Connection {
        &mut self.conn
    }
}

struct SqliteRow<'r, 's> {
    row: &'r rusqlite::Row<'s>,
    index: usize,
}

impl SqlRow for SqliteRow<'_, '_> {
    #[inline]
    fn next_value(&mut self) -> Result<Value<'_>> {
        let i = self.index;
        self.index += 1;
        let raw = self.row.get_ref(i).map_err(|e| map_error(e, None))?;
        value::from_sqlite(raw)
    }

    fn peek_is_null(&mut self, ahead: usize) -> Result<bool> {
        let raw = self.row.get_ref(self.index + ahead).map_err(|e| map_error(e, None))?;
        Ok(raw == rusqlite::types::ValueRef::Null)
    }

    fn skip(&mut self, n: usize) {
        self.index += n;
    }

    fn remaining(&self) -> usize {
        self.row.as_ref().column_count().saturating_sub(self.index)
    }

    fn next_name(&self) -> Option<&str> {
        self.row.as_ref().column_name(self.index).ok()
    }
}

impl SqliteConnection {
    /// Refuses a statement with more binds than SQLite accepts, before preparing it.
    fn check_binds(sql: &str, binds: usize) -> Result<()> {
        let max = <Sqlite as Dialect>::MAX_BINDS;
        if binds > max {
            return Err(Error::new(
                ErrorKind::InvalidRequest,
                format!(
                    "the statement has {binds} bind parameters; SQLite accepts at most {max} in \
                     one statement (split the values into several statements, or load them \
                     into a temporary table and join it)"
                ),
            )
            .with_sql(sql));
        }
        Ok(())
    }

    /// Inside a transaction, checks that SQLite has not rolled it back on its own: some
    /// errors (a full disk, I/O errors, a busy database, `ON CONFLICT ROLLBACK`) end the whole
    /// transaction, and later statements would each commit at once. Refuses them instead.
    fn check_open(&mut self) -> Result<()> {
        if self.state.depth > 0 && self.conn.is_autocommit() {
            self.state.aborted = true;
            return Err(Error::new(
                ErrorKind::TransactionAborted,
                "SQLite rolled back this transaction after an earlier error (a full disk, an I/O \
                 error, a busy database or an ON CONFLICT ROLLBACK constraint); nothing of it \
                 was committed, and this statement was not run (propagate statement errors \
                 with `?`)",
            ));
        }
        Ok(())
    }

    fn run_query<ST, U: FromRow<ST>>(
        &mut self,
        sql: &str,
        binds: &[Value<'_>],
        each: &mut dyn FnMut(U) -> Result<bool>,
    ) -> Result<()> {
        Self::check_binds(sql, binds.len())?;
        self.check_open()?;
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| map_error(e, Some(sql)))?;
        let mut rows = stmt
            .query(params_from_iter(binds.iter().map(value::ToSqlite)))
            .map_err(|e| map_error(e, Some(sql)))?;
        while let Some(row) = rows.next().map_err(|e| map_error(e, Some(sql)))? {
            let loaded =
                U::from_row(&mut SqliteRow { row, index: 0 }).map_err(|e| e.with_sql(sql))?;
            if !each(loaded)? {
                break;
            }
        }
        Ok(())
    }
}

impl Connection for SqliteConnection {
    type Dialect = Sqlite;

    fn execute_sql(&mut self, sql: &str, binds: &[Value<'_>]) -> Result<usize> {
        Self::check_binds(sql, binds.len())?;
        self.check_open()?;
        let start = self.state.instrumentation.timing().then(Instant::now);
        let result = self.timed(|this| {
            this.conn
                .prepare_cached(sql)
                .and_then(|mut stmt| {
                    stmt.execute(params_from_iter(binds.iter().map(value::ToSqlite)))
                })
                .map_err(|e| map_error(e, Some(sql)))
        });
        self.state.instrumentation.record(sql, binds, start.map(|s| s.elapsed()), result.is_ok());
        result
    }

    fn query_sql<ST, U: FromRow<ST>>(
        &mut self,
        sql: &str,
        binds: &[Value<'_>],
        each: &mut dyn FnMut(U) -> Result<bool>,
    ) -> Result<()> {
        let start = self.state.instrumentation.timing().then(Instant::now);
        let result = self.timed(|this| this.run_query(sql, binds, each));
        self.state.instrumentation.record(sql, binds, start.map(|s| s.elapsed()), result.is_ok());
        result
    }

    fn execute_prepared_many(&mut self, sql: &str, binds: &[Vec<Value<'_>>]) -> Result<usize> {
        for b in binds {
            Self::check_binds(sql, b.len())?;
        }
        self.check_open()?;
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| map_error(e, Some(sql)))?;
        let mut changed = 0;
        for b in binds {
            let start = self.state.instrumentation.timing().then(Instant::now);
            if let Some(timer) = &self.timer {
                timer.start();
            }
            let result = stmt
                .execute(params_from_iter(b.iter().map(value::ToSqlite)))
                .map_err(|e| map_error(e, Some(sql)));
            if let Some(timer) = &self.timer {
                timer.stop();
            }
            self.state.instrumentation.record(sql, b, start.map(|s| s.elapsed()), result.is_ok());
            changed += result?;
        }
        Ok(changed)
    }

    fn batch_execute(&mut self, sql: &str) -> Result<()> {
        let start = self.state.instrumentation.timing().then(Instant::now);
        let result =
            self.timed(|this| this.conn.execute_batch(sql).map_err(|e| map_error(e, Some(sql))));
        self.state.instrumentation.record(sql, &[], start.map(|s| s.elapsed()), result.is_ok());
        result
    }

    fn check_transaction(&mut self) -> Result<()> {
        self.check_open()
    }

    fn begin_sql(&self, mode: TransactionMode) -> &'static str {
        match mode {
            TransactionMode::Deferred => "BEGIN",
            TransactionMode::Immediate => "BEGIN IMMEDIATE",
        }
    }

    fn state(&self) -> &ConnState {
        &self.state
    }

    fn state_mut(&mut self) -> &mut ConnState {
        &mut self.state
    }
}
