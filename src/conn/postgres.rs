//! The PostgreSQL backend, over the synchronous `postgres` crate.

mod error;
mod numeric;
mod value;

use super::Connection;
use super::state::ConnState;
use super::url::check_postgres;
use crate::dialect::Postgres;
use crate::error::Result;
use crate::types::{FromRow, SqlRow, Value};
use error::map_error;
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, NoTls, Statement};
use std::collections::HashMap;
use std::time::Instant;

/// A connection to a PostgreSQL server.
///
/// Prepared statements are cached per connection by their SQL; a lost connection is reported
/// as [`crate::ErrorKind::Connection`] and empties the cache.
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
    /// Connects to `postgres://user@host:port/database` (without TLS).
    ///
    /// # Errors
    /// [`crate::ErrorKind::InvalidUrl`] for a malformed URL, [`crate::ErrorKind::Connection`]
    /// when the server cannot be reached or refuses the login.
    pub fn connect(url: &str) -> Result<Self> {
        check_postgres(url)?;
        let config: postgres::Config = url.parse().map_err(|e| {
            crate::Error::new(crate::ErrorKind::InvalidUrl, format!("invalid PostgreSQL URL: {e}"))
        })?;
        let client = config.connect(NoTls).map_err(|e| {
            let mut err = map_error(e, None);
            if err.kind() == crate::ErrorKind::Database {
                err = crate::Error::new(crate::ErrorKind::Connection, err.message().to_owned());
            }
            err
        })?;
        Ok(Self::from_client(client))
    }

    /// Wraps a connected `postgres::Client`.
    pub fn from_client(client: Client) -> Self {
        PgConnection { client, statements: HashMap::new(), state: ConnState::default(), cursors: 0 }
    }

    /// The underlying client, for what aludel does not cover.
    pub fn raw(&mut self) -> &mut Client {
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

    fn fail(&mut self, e: postgres::Error, sql: &str) -> crate::Error {
        let err = map_error(e, Some(sql));
        if err.kind() == crate::ErrorKind::Connection {
            self.statements.clear();
        }
        err
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
        if stream && is_select {
            return self.stream_with_cursor(sql, binds, &mut feed);
        }
        let stmt = self.prepare(sql)?;
        if stream {
            let result = (|| {
                let mut rows = self.client.query_raw(&stmt, binds.iter())?;
                while let Some(row) = rows.next()? {
                    match feed(&row) {
                        Ok(true) => {}
                        other => return Ok(other.map(|_| ())),
                    }
                }
                Ok(Ok(()))
            })();
            match result {
                Ok(outcome) => outcome,
                Err(e) => Err(self.fail(e, sql)),
            }
        } else {
            let rows = match self.client.query(&stmt, &Self::params(binds)) {
                Ok(rows) => rows,
                Err(e) => return Err(self.fail(e, sql)),
            };
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
        let own_transaction = self.state.depth == 0;
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
        if own_transaction {
            self.client.batch_execute("BEGIN").map_err(|e| self.fail(e, "BEGIN"))?;
        }
        let result = run(self);
        // Read-only work: ROLLBACK ends our own transaction as well as COMMIT would, and also
        // after an error. In the caller's transaction, close the cursor (after an error the
        // transaction is aborted anyway).
        let close = if own_transaction { "ROLLBACK".to_owned() } else { format!("CLOSE {cursor}") };
        let closed = if own_transaction || result.is_ok() {
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
        self.instrumented(sql, binds, |this| {
            let stmt = this.prepare(sql)?;
            match this.client.execute(&stmt, &Self::params(binds)) {
                Ok(n) => Ok(n as usize),
                Err(e) => Err(this.fail(e, sql)),
            }
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
        let stmt = self.prepare(sql)?;
        let mut changed = 0;
        for b in binds {
            changed += self.instrumented(sql, b, |this| {
                match this.client.execute(&stmt, &Self::params(b)) {
                    Ok(n) => Ok(n as usize),
                    Err(e) => Err(this.fail(e, sql)),
                }
            })?;
        }
        Ok(changed)
    }

    fn batch_execute(&mut self, sql: &str) -> Result<()> {
        self.instrumented(sql, &[], |this| match this.client.batch_execute(sql) {
            Ok(()) => Ok(()),
            Err(e) => Err(this.fail(e, sql)),
        })
    }

    fn state(&self) -> &ConnState {
        &self.state
    }

    fn state_mut(&mut self) -> &mut ConnState {
        &mut self.state
    }
}
