//! The PostgreSQL backend, over the synchronous `postgres` crate.

mod error;
mod numeric;
mod value;

use super::Connection;
use super::url::check_postgres;
use crate::dialect::Postgres;
use crate::error::Result;
use crate::types::{FromRow, SqlRow, Value};
use error::map_error;
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, NoTls, Statement};
use std::collections::HashMap;

/// A connection to a PostgreSQL server.
///
/// Prepared statements are cached per connection by their SQL; a lost connection is reported
/// as [`crate::ErrorKind::Connection`] and empties the cache.
pub struct PgConnection {
    client: Client,
    statements: HashMap<String, Statement>,
    depth: usize,
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
        PgConnection { client, statements: HashMap::new(), depth: 0 }
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
}

impl Connection for PgConnection {
    type Dialect = Postgres;

    fn execute_sql(&mut self, sql: &str, binds: &[Value<'_>]) -> Result<usize> {
        log::debug!(target: "aludel::sql", "{sql} -- {binds:?}");
        let stmt = self.prepare(sql)?;
        let params: Vec<&(dyn postgres::types::ToSql + Sync)> =
            binds.iter().map(|v| v as &(dyn postgres::types::ToSql + Sync)).collect();
        match self.client.execute(&stmt, &params) {
            Ok(n) => Ok(n as usize),
            Err(e) => Err(self.fail(e, sql)),
        }
    }

    fn query_sql<ST, U: FromRow<ST>>(
        &mut self,
        sql: &str,
        binds: &[Value<'_>],
        each: &mut dyn FnMut(U) -> Result<bool>,
    ) -> Result<()> {
        log::debug!(target: "aludel::sql", "{sql} -- {binds:?}");
        let stmt = self.prepare(sql)?;
        let result = (|| {
            let mut rows = self.client.query_raw(&stmt, binds.iter())?;
            let mut outcome = Ok(());
            while let Some(row) = rows.next()? {
                match U::from_row(&mut PgRow { row: &row, index: 0 }).and_then(&mut *each) {
                    Ok(true) => {}
                    Ok(false) => break,
                    Err(e) => {
                        outcome = Err(e.with_sql(sql));
                        break;
                    }
                }
            }
            Ok(outcome)
        })();
        match result {
            Ok(outcome) => outcome,
            Err(e) => Err(self.fail(e, sql)),
        }
    }

    fn batch_execute(&mut self, sql: &str) -> Result<()> {
        log::debug!(target: "aludel::sql", "{sql}");
        match self.client.batch_execute(sql) {
            Ok(()) => Ok(()),
            Err(e) => Err(self.fail(e, sql)),
        }
    }

    fn transaction_depth(&self) -> usize {
        self.depth
    }

    fn set_transaction_depth(&mut self, depth: usize) {
        self.depth = depth;
    }
}
