//! Transactions and savepoints: one guard type ([`TransactionGuard`]) opens every transaction
//! aludel runs (the user's, the cursor of a streamed query, batched inserts), so that an error,
//! a panic in a callback or hook, or a statement failure the caller ignored never leaves a
//! transaction open or commits half of one.

use super::Connection;
use crate::error::{Error, ErrorKind, Result};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

/// How a transaction takes its locks.
///
/// ```
/// use aludel::prelude::*;
/// use aludel::conn::{TransactionMode, TransactionOptions};
/// let mut conn = SqliteConnection::open("sqlite::memory:")?;
/// conn.batch_execute("CREATE TABLE t (x INTEGER)")?;
/// // SQLite: BEGIN IMMEDIATE takes the write lock at once.
/// conn.transaction_with(TransactionOptions::new().mode(TransactionMode::Immediate), |tx| {
///     tx.batch_execute("INSERT INTO t VALUES (1)")
/// })?;
/// # Ok::<(), aludel::Error>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TransactionMode {
    /// `BEGIN`: locks are taken as statements need them (the default).
    #[default]
    Deferred,
    /// For transactions that will write. SQLite: `BEGIN IMMEDIATE` takes the write lock at
    /// BEGIN, waiting for other writers up to the busy timeout, instead of failing with
    /// "database is locked" half-way when a read lock cannot be upgraded. PostgreSQL takes
    /// row locks as it writes anyway: a plain `BEGIN`.
    Immediate,
}

/// How [`Connection::transaction_with`] runs a transaction: its [`TransactionMode`] and how
/// many times it is attempted when it fails with a retryable error
/// ([`Error::is_retryable`]: serialization failure, deadlock, busy database).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransactionOptions {
    mode: TransactionMode,
    attempts: u32,
}

impl Default for TransactionOptions {
    fn default() -> Self {
        TransactionOptions { mode: TransactionMode::Deferred, attempts: 1 }
    }
}

impl TransactionOptions {
    /// A deferred transaction, attempted once.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the [`TransactionMode`].
    pub fn mode(mut self, mode: TransactionMode) -> Self {
        self.mode = mode;
        self
    }

    /// Runs the whole transaction up to `attempts` times (at least once) while it fails with
    /// a retryable error, waiting a little longer before each new attempt. Only an outermost
    /// transaction is retried: inside another one, the outer transaction must be retried.
    pub fn attempts(mut self, attempts: u32) -> Self {
        self.attempts = attempts.max(1);
        self
    }
}

fn savepoint(depth: usize) -> String {
    format!("aludel_savepoint_{depth}")
}

fn rollback<C: Connection>(conn: &mut C, depth: usize) -> Result<()> {
    let result = if depth == 0 {
        conn.batch_execute("ROLLBACK")
    } else {
        let name = savepoint(depth);
        conn.batch_execute(&format!("ROLLBACK TO SAVEPOINT {name}; RELEASE SAVEPOINT {name}"))
    };
    if result.is_ok() || depth == 0 {
        // Rolled back to before the failure: the (outer) transaction works again. An
        // outermost ROLLBACK that fails finds no transaction (SQLite ended it after an error)
        // or a lost connection: either way nothing is left to abort.
        conn.state_mut().aborted = false;
    }
    result
}

fn aborted_error() -> Error {
    Error::new(
        ErrorKind::TransactionAborted,
        "a statement failed inside this transaction and its error was ignored; the database \
         aborted the transaction, so nothing was committed and it was rolled back (propagate \
         statement errors with `?`, or run a statement that may fail in a nested transaction)",
    )
}

/// Rolls back an aborted transaction and says why nothing was committed: the aborted
/// transaction, or the lost connection that aborted it.
fn rollback_aborted<C: Connection>(conn: &mut C, depth: usize) -> Error {
    match rollback(conn, depth) {
        Err(e) if e.kind() == ErrorKind::Connection => e.context(
            "a statement failed inside this transaction and the connection was lost; nothing \
             was committed",
        ),
        _ => aborted_error(),
    }
}

/// An open transaction (or savepoint, when nested) on a connection: rolled back when dropped
/// unless committed, also while unwinding from a panic.
pub(crate) struct TransactionGuard<'c, C: Connection> {
    conn: &'c mut C,
    /// The transaction depth outside this transaction.
    depth: usize,
    open: bool,
}

impl<'c, C: Connection> TransactionGuard<'c, C> {
    /// Opens a transaction, or a savepoint inside an open one.
    pub(crate) fn begin(conn: &'c mut C, mode: TransactionMode) -> Result<Self> {
        let depth = conn.transaction_depth();
        if depth > 0 {
            // A savepoint in a transaction the database already ended would start a new one
            // (SQLite) whose work would commit on its own.
            conn.check_transaction()?;
        }
        // The depth counts the transaction and the guard exists before BEGIN is sent: a panic
        // in a statement hook after BEGIN ran still rolls it back, and the pool sees it.
        conn.set_transaction_depth(depth + 1);
        let mut guard = TransactionGuard { conn, depth, open: true };
        let begun = if depth == 0 {
            let sql = guard.conn.begin_sql(mode);
            guard.conn.batch_execute(sql)
        } else {
            guard.conn.batch_execute(&format!("SAVEPOINT {}", savepoint(depth)))
        };
        if let Err(e) = begun {
            guard.open = false;
            guard.conn.set_transaction_depth(depth);
            return Err(e);
        }
        Ok(guard)
    }

    /// The connection, for the statements of the transaction.
    pub(crate) fn conn(&mut self) -> &mut C {
        self.conn
    }

    /// Commits (releases the savepoint). When a statement failed inside and the database
    /// aborted the transaction, rolls back instead and returns
    /// [`ErrorKind::TransactionAborted`]; a failed COMMIT is rolled back too.
    pub(crate) fn commit(mut self) -> Result<()> {
        self.open = false;
        let (conn, depth) = (&mut *self.conn, self.depth);
        // Still counted as open here: a transaction SQLite ended by itself is noticed.
        let ended = conn.check_transaction().is_err();
        conn.set_transaction_depth(depth);
        if ended || conn.state().aborted {
            return Err(rollback_aborted(conn, depth));
        }
        let committed = if depth == 0 {
            conn.batch_execute("COMMIT")
        } else {
            conn.batch_execute(&format!("RELEASE SAVEPOINT {}", savepoint(depth)))
        };
        if let Err(e) = committed {
            // A failed COMMIT (e.g. a deferred constraint) can leave the transaction open.
            let _ = rollback(conn, depth);
            return Err(e);
        }
        Ok(())
    }

    /// Rolls back (to the savepoint).
    pub(crate) fn rollback(mut self) -> Result<()> {
        self.open = false;
        self.conn.set_transaction_depth(self.depth);
        rollback(self.conn, self.depth)
    }
}

impl<C: Connection> Drop for TransactionGuard<'_, C> {
    fn drop(&mut self) {
        if !self.open {
            return;
        }
        self.conn.set_transaction_depth(self.depth);
        let (conn, depth) = (&mut *self.conn, self.depth);
        // While unwinding, a second panic (a statement hook that panics again) would abort
        // the process: contain it, and let the pool find out from the state left behind.
        let rolled_back = if std::thread::panicking() {
            catch_unwind(AssertUnwindSafe(|| rollback(conn, depth))).unwrap_or_else(|_| {
                Err(Error::new(ErrorKind::Connection, "a hook panicked during ROLLBACK"))
            })
        } else {
            rollback(conn, depth)
        };
        if rolled_back.is_err() {
            // The transaction may still be open: the pool must reset or discard the connection.
            self.conn.state_mut().unknown_transaction = true;
        }
    }
}

/// Ends the outermost transaction opened with a raw `BEGIN` (the ORM session's): commits it,
/// or rolls it back and returns [`ErrorKind::TransactionAborted`] when a statement failed
/// inside it. A failed COMMIT is rolled back too, so the transaction is over either way.
pub(crate) fn commit_outermost<C: Connection>(conn: &mut C) -> Result<()> {
    if conn.state().aborted {
        return Err(rollback_aborted(conn, 0));
    }
    if let Err(e) = conn.batch_execute("COMMIT") {
        let _ = rollback(conn, 0);
        return Err(e);
    }
    Ok(())
}

pub(super) fn run<C, T, E, F>(conn: &mut C, mode: TransactionMode, f: F) -> Result<T, E>
where
    C: Connection,
    F: FnOnce(&mut C) -> Result<T, E>,
    E: From<Error>,
{
    let mut guard = TransactionGuard::begin(conn, mode)?;
    match f(guard.conn()) {
        Ok(value) => {
            guard.commit()?;
            Ok(value)
        }
        Err(e) => {
            // The caller's error is the one worth reporting; a failed ROLLBACK means the
            // connection is gone, which the next statement reports on its own.
            let _ = guard.rollback();
            Err(e)
        }
    }
}

/// Runs `f` in a transaction as `options` say, again while it fails with a retryable error.
pub(super) fn run_with<C, T, F>(conn: &mut C, options: TransactionOptions, mut f: F) -> Result<T>
where
    C: Connection,
    F: FnMut(&mut C) -> Result<T>,
{
    let retry = conn.transaction_depth() == 0;
    let mut attempt = 1;
    loop {
        match run(conn, options.mode, &mut f) {
            Err(e) if retry && e.is_retryable() && attempt < options.attempts => {
                // Back off a little longer each time, so that the conflicting transactions
                // do not meet again at once.
                let wait = 5u64 << attempt.min(7);
                std::thread::sleep(Duration::from_millis(wait + u64::from(attempt) * 3));
                attempt += 1;
            }
            outcome => return outcome,
        }
    }
}
