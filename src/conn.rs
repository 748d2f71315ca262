//! Connections: running statements, loading rows, transactions.
//!
//! [`Connection`] is what every backend implements; [`RunQueryDsl`] puts `execute`, `load`,
//! `first`, `one` on every statement. Backends: [`SqliteConnection`] (embedded, the default)
//! and [`PgConnection`].

mod engine;
mod pool;
mod postgres;
mod run;
mod schema_ops;
mod sqlite;
mod state;
mod transaction;
mod url;

pub use self::postgres::PgConnection;
pub use engine::{Engine, EngineBuilder};
pub use pool::{Connect, PgTarget, PoolConfig, PoolStatus, PooledConnection, SqliteTarget};
pub use run::{RunQueryDsl, RunUnscoped, execute_many};
pub use sqlite::SqliteConnection;
pub use state::{ConnState, Echo, Instrumentation, SqlCache, StatementEvent};
pub(crate) use transaction::{TransactionGuard, commit_outermost};
pub use transaction::{TransactionMode, TransactionOptions};

use crate::dialect::Dialect;
use crate::error::Result;
use crate::types::{FromRow, Value};

/// A connection to one database.
///
/// The low-level methods take SQL text rendered by aludel and its binds; users normally reach
/// them through [`RunQueryDsl`], and use [`Connection::batch_execute`] for trusted DDL scripts.
pub trait Connection: Sized {
    /// The SQL dialect spoken over this connection.
    type Dialect: Dialect;

    /// Runs one statement and returns the number of rows it changed.
    ///
    /// # Errors
    /// The database's error, mapped onto [`crate::ErrorKind`], with the SQL attached.
    fn execute_sql(&mut self, sql: &str, binds: &[Value<'_>]) -> Result<usize>;

    /// Runs one statement and hands each row, loaded as `U`, to `each` until it returns
    /// `Ok(false)` or the rows end.
    ///
    /// # Errors
    /// The database's error, a conversion error from loading a row, or `each`'s error.
    fn query_sql<ST, U: FromRow<ST>>(
        &mut self,
        sql: &str,
        binds: &[Value<'_>],
        each: &mut dyn FnMut(U) -> Result<bool>,
    ) -> Result<()>;

    /// Like [`Connection::query_sql`], but reads rows from the database one at a time where
    /// the driver would otherwise fetch the whole result first: memory stays flat however
    /// many rows there are.
    ///
    /// # Errors
    /// As [`Connection::query_sql`].
    fn stream_sql<ST, U: FromRow<ST>>(
        &mut self,
        sql: &str,
        binds: &[Value<'_>],
        each: &mut dyn FnMut(U) -> Result<bool>,
    ) -> Result<()> {
        self.query_sql(sql, binds, each)
    }

    /// Runs one statement many times with different binds, preparing it once: the bulk path
    /// of [`execute_many`]. Returns the total number of rows changed.
    ///
    /// # Errors
    /// The first failing execution's error.
    fn execute_prepared_many(&mut self, sql: &str, binds: &[Vec<Value<'_>>]) -> Result<usize> {
        let mut changed = 0;
        for b in binds {
            changed += self.execute_sql(sql, b)?;
        }
        Ok(changed)
    }

    /// Runs a script of statements without binds (DDL, `BEGIN`, ...). Never pass data here.
    ///
    /// # Errors
    /// The database's error.
    fn batch_execute(&mut self, sql: &str) -> Result<()>;

    /// The connection's bookkeeping: transaction depth, statement cache, instrumentation.
    #[doc(hidden)]
    fn state(&self) -> &ConnState;

    #[doc(hidden)]
    fn state_mut(&mut self) -> &mut ConnState;

    /// How many transactions (including savepoints) are open on this connection.
    fn transaction_depth(&self) -> usize {
        self.state().depth
    }

    #[doc(hidden)]
    fn set_transaction_depth(&mut self, depth: usize) {
        self.state_mut().depth = depth;
    }

    /// Echo, statement counting and the statement hook of this connection.
    fn instrumentation(&mut self) -> &mut Instrumentation {
        &mut self.state_mut().instrumentation
    }

    /// How many statement shapes have their SQL cached on this connection.
    fn cached_statements(&self) -> usize {
        self.state().cache.len()
    }

    /// The number of statements this connection has run.
    fn statement_count(&self) -> u64 {
        self.state().instrumentation.statement_count()
    }

    /// Sets how much of each statement is logged (off by default).
    fn set_echo(&mut self, echo: Echo) {
        self.state_mut().instrumentation.set_echo(echo);
    }

    /// Runs `f` in a transaction: commits when it returns `Ok`, rolls back when it returns
    /// `Err` or panics. Inside another transaction it uses a savepoint, so an inner failure
    /// rolls back only the inner work.
    ///
    /// # Errors
    /// `f`'s error, or the database's error from BEGIN / COMMIT.
    ///
    /// On PostgreSQL a statement that fails inside the transaction aborts it: if `f` ignores
    /// that error and returns `Ok`, nothing is committed and this returns
    /// [`ErrorKind::TransactionAborted`](crate::ErrorKind::TransactionAborted). SQLite undoes
    /// only the failed statement and commits the others.
    fn transaction<T, E, F>(&mut self, f: F) -> std::result::Result<T, E>
    where
        F: FnOnce(&mut Self) -> std::result::Result<T, E>,
        E: From<crate::Error>,
    {
        transaction::run(self, TransactionMode::Deferred, f)
    }

    /// Runs `f` in a transaction as `options` say: in a [`TransactionMode`] (SQLite's
    /// `BEGIN IMMEDIATE` for writers), and again while it fails with a retryable error
    /// ([`crate::Error::is_retryable`]), up to [`TransactionOptions::attempts`] times. `f`
    /// may run more than once: keep side effects other than the database out of it.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// use aludel::conn::{TransactionMode, TransactionOptions};
    /// let mut conn = SqliteConnection::open("sqlite::memory:")?;
    /// conn.batch_execute("CREATE TABLE t (x INTEGER)")?;
    /// let options = TransactionOptions::new().mode(TransactionMode::Immediate).attempts(5);
    /// conn.transaction_with(options, |tx| tx.batch_execute("INSERT INTO t VALUES (1)"))?;
    /// # Ok::<(), aludel::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Connection::transaction`]; a retryable error once the attempts are used up.
    fn transaction_with<T, F>(&mut self, options: TransactionOptions, f: F) -> Result<T>
    where
        F: FnMut(&mut Self) -> Result<T>,
    {
        transaction::run_with(self, options, f)
    }

    /// [`Connection::transaction_with`] with up to `attempts` attempts: the retry helper for
    /// serialization failures, deadlocks and busy databases.
    ///
    /// # Errors
    /// As [`Connection::transaction_with`].
    fn transaction_with_retry<T, F>(&mut self, attempts: u32, f: F) -> Result<T>
    where
        F: FnMut(&mut Self) -> Result<T>,
    {
        transaction::run_with(self, TransactionOptions::new().attempts(attempts), f)
    }

    /// Checks that the transaction aludel counts as open is still open in the database.
    #[doc(hidden)]
    fn check_transaction(&mut self) -> Result<()> {
        Ok(())
    }

    /// The statement that opens an outermost transaction in `mode`.
    #[doc(hidden)]
    fn begin_sql(&self, mode: TransactionMode) -> &'static str {
        let _ = mode;
        "BEGIN"
    }
}
