//! The PostgreSQL backend, over the synchronous `postgres` crate.

mod connect;
mod error;
mod numeric;
mod value;

use super::state::ConnState;
use super::{Connection, TransactionGuard, TransactionMode};
use crate::dialect::{Dialect, Postgres};
use crate::error::{Error, ErrorKind, Result};
use crate::types::{FromRow, SqlRow, Value};
pub(crate) use connect::PgConfig;
use error::map_error;
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, Statement};
use std::collections::HashMap;
use std::time::Instant;

/// A connection to a PostgreSQL server.
///
/// Prepared statements are cached per connection by their SQL; a lost connection is reported
/// as [`crate::ErrorKind::Connection`] and empties the cache. A cached statement whose table
/// changed shape (`ALTER TABLE .. ALTER COLUMN .. TYPE`) is prepared again: at once outside a
/// transaction, by the transaction's retry inside one (the error is
/// [`crate::ErrorKind::TransactionConflict`]).
pub struct PgConnection {
    client: Client,
    statements: HashMap<String, Statement>,
    state: ConnState,
    cursors: u64,
}

impl std::fmt::Debug for PgConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgConnection").field("closed", &self.client.is_closed()).finish()
    }
}

impl PgConnection {
    /// Connects to `postgres://user:password@host:port/database?param=value&...`.
    ///
    /// Besides the driver's parameters (`connect_timeout` in seconds, `application_name`,
    /// `options`, ...), aludel understands:
    /// - `sslmode=disable|prefer|require|verify-ca|verify-full` (libpq's meanings; all but
    ///   `disable` need the `tls` feature) and `sslrootcert=/path/ca.pem` (a CA to trust);
    /// - `statement_timeout=500ms` (or `5s`, `1min`): the server cancels longer statements,
    ///   reported as [`crate::ErrorKind::Timeout`].
    ///
    /// The whole connect (TCP, TLS, login) gives up after `connect_timeout`, 10 s by default:
    /// a server that accepts the connection and never answers does not hang the caller.
    ///
    /// # Errors
    /// [`crate::ErrorKind::InvalidUrl`] for a malformed URL or parameter,
    /// [`crate::ErrorKind::Connection`] when the server cannot be reached, does not answer in
    /// time, fails the TLS handshake or refuses the login (the message says which).
    pub fn connect(url: &str) -> Result<Self> {
        Self::connect_config(&PgConfig::parse(url)?, None)
    }

    pub(crate) fn connect_config(config: &PgConfig, deadline: Option<Instant>) -> Result<Self> {
        Ok(Self::from_client(config.connect(deadline)?))
    }

    /// Wraps a connected `postgres::Client`.
    pub fn from_client(client: Client) -> Self {
        PgConnection { client, statements: HashMap::new(), state: ConnState::default(), cursors: 0 }
    }

    /// The underlying client, for what aludel does not cover.
    ///
    /// aludel cannot see what runs through it: a pool rolls back a connection whose raw client
    /// was used before lending it out again, in case a transaction was left open.
    pub fn raw(&mut self) -> &mut Client {
        self.state.unknown_transaction = true;
        &mut self.client
    }

    /// The client, for aludel's own use (no transaction opened behind its back).
    pub(crate) fn client(&mut self) -> &mut Client {
        &mut self.client
    }

    fn prepare(&mut self, sql: &str) -> Result<Statement> {
        if let Some(stmt) = self.statements.get(sql) {
            return Ok(stmt.clone());
        }
        let stmt = self.client.prepare(sql).map_err(|e| self.fail(e, sql))?;
        if self.statements.len() >= 512 {
            self.statements.clear();
        }
        self.statements.insert(sql.to_owned(), stmt.clone());
        Ok(stmt)
    }

    fn fail(&mut self, e: postgres::Error, sql: &str) -> Error {
        // Any error the server reports aborts the transaction it happened in.
        if e.code().is_some() && self.state.depth > 0 {
            self.state.aborted = true;
        }
        let err = map_error(e, Some(sql));
        if err.kind() == ErrorKind::Connection {
            self.statements.clear();
        }
        err
    }

    /// Runs `run` with the prepared statement of `sql`. When the statement went stale (its
    /// table changed shape), prepares it again and, outside a transaction, runs it once more;
    /// inside one the transaction is aborted already, so the error says to retry it.
    fn with_statement<T>(
        &mut self,
        sql: &str,
        mut run: impl FnMut(&mut Self, &Statement) -> Result<T, postgres::Error>,
    ) -> Result<T> {
        let stmt = self.prepare(sql)?;
        match run(self, &stmt) {
            Ok(value) => Ok(value),
            Err(e) if error::is_stale_statement(&e) => {
                // Other cached statements may read the changed table too: prepare them all
                // anew, so that a retried transaction does not meet the next stale one.
                self.statements.clear();
                // Outside aludel's transactions, run it again (inside a raw one, the retry
                // fails as the aborted transaction's error, which says so).
                if self.state.depth == 0 {
                    let stmt = self.prepare(sql)?;
                    return run(self, &stmt).map_err(|e| self.fail(e, sql));
                }
                let err = self.fail(e, sql);
                Err(Error::new(
                    ErrorKind::TransactionConflict,
                    format!(
                        "{}: a table changed shape under this prepared statement (ALTER \
                         TABLE); it was dropped, and running the transaction again prepares \
                         it anew",
                        err.message()
                    ),
                )
                .with_sql(sql)
                .with_source(err))
            }
            Err(e) => Err(self.fail(e, sql)),
        }
    }

    /// Refuses a statement with more binds than PostgreSQL's protocol carries, before it is
    /// sent: the connection stays usable.
    fn check_binds(sql: &str, binds: usize) -> Result<()> {
        let max = <Postgres as Dialect>::MAX_BINDS;
        if binds > max {
            return Err(Error::new(
                ErrorKind::InvalidRequest,
                format!(
                    "the statement has {binds} bind parameters; PostgreSQL accepts at most {max} \
                     in one statement (split the values into several statements, or load them \
                     into a temporary table and join it)"
                ),
            )
            .with_sql(sql));
        }
        Ok(())
    }

    /// After a script ran: notes a transaction opened with raw SQL (`BEGIN`, `START
    /// TRANSACTION`) outside aludel's own, which the pool must roll back before lending the
    /// connection out again, or one ended by a plain `COMMIT` / `ROLLBACK`.
    fn note_transaction_control(&mut self, sql: &str) {
        let statement = sql.trim().trim_end_matches(';').trim_end();
        if ["COMMIT", "ROLLBACK", "END", "ABORT"].iter().any(|w| statement.eq_ignore_ascii_case(w))
        {
            // Whatever was open (and aborted) is over.
            self.state.unknown_transaction = false;
            self.state.aborted = false;
        } else if self.state.depth == 0 && !self.state.unknown_transaction {
            let upper = sql.to_ascii_uppercase();
            if upper.contains("BEGIN") || upper.contains("START TRANSACTION") {
                self.state.unknown_transaction = true;
            }
        }
    }

    /// [`Self::note_transaction_control`] for single statements, looking at the first word only
    /// (this is the hot path).
    fn note_transaction_start(&mut self, sql: &str) {
        let head = sql.trim_start().as_bytes();
        let starts = |w: &[u8]| head.len() >= w.len() && head[..w.len()].eq_ignore_ascii_case(w);
        if self.state.depth == 0 && (starts(b"BEGIN") || starts(b"START")) {
            self.state.unknown_transaction = true;
        }
    }

    /// Rolls back whatever transaction may be open (the pool's reset on return).
    pub(crate) fn reset(&mut self) -> Result<()> {
        if self.state.depth > 0 || self.state.unknown_transaction || self.state.aborted {
            self.batch_execute("ROLLBACK")?;
            self.state.depth = 0;
            self.state.unknown_transaction = false;
            self.state.aborted = false;
        }
        Ok(())
    }
}

struct PgRow<'r> {
    row: &'r postgres::Row,
    index: usize,
}

impl SqlRow for PgRow<'_> {
    #[inline]
    fn next_value(&mut self) -> Result<Value<'_>> {
        let i = self.index;
        self.index += 1;
        value::from_row(self.row, i)
    }

    fn peek_is_null(&mut self, ahead: usize) -> Result<bool> {
        value::is_null(self.row, self.index + ahead)
    }

    fn skip(&mut self, n: usize) {
        self.index += n;
    }

    fn remaining(&self) -> usize {
        self.row.len().saturating_sub(self.index)
    }

    fn next_name(&self) -> Option<&str> {
        self.row.columns().get(self.index).map(|c| c.name())
    }
}

impl PgConnection {
    fn params<'v>(binds: &'v [Value<'_>]) -> Vec<&'v (dyn postgres::types::ToSql + Sync)> {
        binds.iter().map(|v| v as &(dyn postgres::types::ToSql + Sync)).collect()
    }

    /// Loads through the driver's `query` (all rows in one call: fastest when the caller keeps
    /// them all) or its row iterator (one row at a time: flat memory for huge results).
    fn run_query<ST, U: FromRow<ST>>(
        &mut self,
        sql: &str,
        binds: &[Value<'_>],
        each: &mut dyn FnMut(U) -> Result<bool>,
        stream: bool,
    ) -> Result<()> {
        let mut feed = |row: &postgres::Row| -> Result<bool> {
            U::from_row(&mut PgRow { row, index: 0 })
                .map_err(|e| e.with_sql(sql))
                .and_then(&mut *each)
        };
        let is_select = {
            let head = sql.trim_start().as_bytes();
            head.len() >= 6
                && (head[..6].eq_ignore_ascii_case(b"SELECT")
                    || head[..4].eq_ignore_ascii_case(b"WITH"))
        };
        Self::check_binds(sql, binds.len())?;
        if stream && is_select {
            return self.stream_with_cursor(sql, binds, &mut feed);
        }
        if stream {
            self.with_statement(sql, |this, stmt| {
                let mut rows = this.client.query_raw(stmt, binds.iter())?;
                while let Some(row) = rows.next()? {
                    match feed(&row) {
                        Ok(true) => {}
                        other => return Ok(other.map(|_| ())),
                    }
                }
                Ok(Ok(()))
            })?
        } else {
            let rows = self
                .with_statement(sql, |this, stmt| this.client.query(stmt, &Self::params(binds)))?;
            for row in &rows {
                if !feed(row)? {
                    break;
                }
            }
            Ok(())
        }
    }

    /// Streams a SELECT through a server-side cursor, `FETCH`ing a bounded number of rows at a
    /// time: the driver would otherwise buffer the whole result as fast as the server sends it.
    fn stream_with_cursor(
        &mut self,
        sql: &str,
        binds: &[Value<'_>],
        feed: &mut dyn FnMut(&postgres::Row) -> Result<bool>,
    ) -> Result<()> {
        const FETCH: usize = 2_000;
        if self.state.depth == 0 {
            // A cursor lives in a transaction: open one, guarded, so that an error or a panic
            // in `feed` never leaves it open on a connection that goes back to a pool.
            // Read-only work: ROLLBACK ends it as well as COMMIT would.
            let mut guard = TransactionGuard::begin(self, TransactionMode::Deferred)?;
            let result = guard.conn().stream_with_cursor(sql, binds, feed);
            let closed = guard.rollback();
            return result.and(closed);
        }
        self.cursors += 1;
        let cursor = format!("aludel_cursor_{}", self.cursors);
        let fetch = format!("FETCH {FETCH} FROM {cursor}");
        let mut run = |this: &mut Self| -> Result<()> {
            let declare = format!("DECLARE {cursor} NO SCROLL CURSOR FOR {sql}");
            this.client
                .execute(declare.as_str(), &Self::params(binds))
                .map_err(|e| this.fail(e, sql))?;
            loop {
                let rows = this.client.query(fetch.as_str(), &[]).map_err(|e| this.fail(e, sql))?;
                for row in &rows {
                    if !feed(row)? {
                        return Ok(());
                    }
                }
                if rows.len() < FETCH {
                    return Ok(());
                }
            }
        };
        let result = run(self);
        // Close the cursor (after an error the transaction is aborted anyway).
        let closed = if result.is_ok() {
            let close = format!("CLOSE {cursor}");
            self.client.batch_execute(&close).map_err(|e| self.fail(e, &close))
        } else {
            Ok(())
        };
        result.and(closed)
    }

    fn instrumented<T>(
        &mut self,
        sql: &str,
        binds: &[Value<'_>],
        run: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        let start = self.state.instrumentation.timing().then(Instant::now);
        let result = run(self);
        self.state.instrumentation.record(sql, binds, start.map(|s| s.elapsed()), result.is_ok());
        result
    }
}

impl Connection for PgConnection {
    type Dialect = Postgres;

    fn execute_sql(&mut self, sql: &str, binds: &[Value<'_>]) -> Result<usize> {
        Self::check_binds(sql, binds.len())?;
        self.note_transaction_start(sql);
        self.instrumented(sql, binds, |this| {
            this.with_statement(sql, |this, stmt| this.client.execute(stmt, &Self::params(binds)))
                .map(|n| n as usize)
        })
    }

    fn query_sql<ST, U: FromRow<ST>>(
        &mut self,
        sql: &str,
        binds: &[Value<'_>],
        each: &mut dyn FnMut(U) -> Result<bool>,
    ) -> Result<()> {
        self.instrumented(sql, binds, |this| this.run_query(sql, binds, each, false))
    }

    fn stream_sql<ST, U: FromRow<ST>>(
        &mut self,
        sql: &str,
        binds: &[Value<'_>],
        each: &mut dyn FnMut(U) -> Result<bool>,
    ) -> Result<()> {
        self.instrumented(sql, binds, |this| this.run_query(sql, binds, each, true))
    }

    fn execute_prepared_many(&mut self, sql: &str, binds: &[Vec<Value<'_>>]) -> Result<usize> {
        let mut changed = 0;
        for b in binds {
            Self::check_binds(sql, b.len())?;
            changed += self.instrumented(sql, b, |this| {
                this.with_statement(sql, |this, stmt| this.client.execute(stmt, &Self::params(b)))
                    .map(|n| n as usize)
            })?;
        }
        Ok(changed)
    }

    fn batch_execute(&mut self, sql: &str) -> Result<()> {
        self.instrumented(sql, &[], |this| match this.client.batch_execute(sql) {
            Ok(()) => {
                this.note_transaction_control(sql);
                Ok(())
            }
            Err(e) => Err(this.fail(e, sql)),
        })
    }

    fn begin_sql(&self, mode: TransactionMode) -> &'static str {
        // PostgreSQL takes row locks as it writes: every mode is a plain BEGIN.
        let _ = mode;
        "BEGIN"
    }

    fn state(&self) -> &ConnState {
        &self.state
    }

    fn state_mut(&mut self) -> &mut ConnState {
        &mut self.state
    }
}
