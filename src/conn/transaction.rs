//! Transactions and savepoints, with rollback on error and on panic.

use super::Connection;
use crate::error::Error;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};

fn savepoint(depth: usize) -> String {
    format!("aludel_savepoint_{depth}")
}

fn begin<C: Connection>(conn: &mut C, depth: usize) -> Result<(), Error> {
    if depth == 0 {
        conn.batch_execute("BEGIN")
    } else {
        conn.batch_execute(&format!("SAVEPOINT {}", savepoint(depth)))
    }
}

fn commit<C: Connection>(conn: &mut C, depth: usize) -> Result<(), Error> {
    if depth == 0 {
        conn.batch_execute("COMMIT")
    } else {
        conn.batch_execute(&format!("RELEASE SAVEPOINT {}", savepoint(depth)))
    }
}

fn rollback<C: Connection>(conn: &mut C, depth: usize) -> Result<(), Error> {
    if depth == 0 {
        conn.batch_execute("ROLLBACK")
    } else {
        let name = savepoint(depth);
        conn.batch_execute(&format!("ROLLBACK TO SAVEPOINT {name}; RELEASE SAVEPOINT {name}"))
    }
}

pub(super) fn run<C, T, E, F>(conn: &mut C, f: F) -> Result<T, E>
where
    C: Connection,
    F: FnOnce(&mut C) -> Result<T, E>,
    E: From<Error>,
{
    let depth = conn.transaction_depth();
    begin(conn, depth)?;
    conn.set_transaction_depth(depth + 1);
    let outcome = catch_unwind(AssertUnwindSafe(|| f(conn)));
    conn.set_transaction_depth(depth);
    match outcome {
        Ok(Ok(value)) => match commit(conn, depth) {
            Ok(()) => Ok(value),
            Err(e) => {
                // A failed COMMIT (e.g. a deferred constraint) leaves the transaction open.
                let _ = rollback(conn, depth);
                Err(e.into())
            }
        },
        Ok(Err(e)) => {
            // The caller's error is the one worth reporting; a failed ROLLBACK means the
            // connection is gone, which the next statement reports on its own.
            let _ = rollback(conn, depth);
            Err(e)
        }
        Err(panic) => {
            let _ = rollback(conn, depth);
            resume_unwind(panic)
        }
    }
}
