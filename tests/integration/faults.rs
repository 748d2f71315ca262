//! Fault injection: killed backends, panics in callbacks and hooks, a server that accepts TCP
//! and never answers, schema changes under cached statements, hostile input, many threads on
//! one engine. Every test proves with rows read back that no data was lost or corrupted, and
//! that the failure surfaced as an [`aludel::Error`] of a kind a caller can act on.

use aludel::prelude::*;
use std::net::TcpListener;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

aludel::table! {
    vault (id) {
        id -> Integer,
        #[unique] item -> Text,
    }
}

fn items<C: Connection>(conn: &mut C) -> Vec<String> {
    vault::table.select(vault::item).order_by(vault::id).load(conn).unwrap()
}

fn put<C: Connection>(conn: &mut C, item: &str) -> aludel::Result<usize> {
    insert(vault::table).values(vault::item.eq(item)).execute(conn)
}

fn create<C: Connection>(conn: &mut C) {
    MetaData::new([vault::table::def()]).create_all(conn, CheckFirst::No).unwrap();
}

/// A PostgreSQL engine whose connections use the test's own schema, and a plain connection to
/// that schema for reading back what the engine committed.
fn pg_engine(
    test: &str,
    config: PoolConfig,
) -> Option<(Engine<PgConnection>, crate::common::PgTest)> {
    let mut guard = crate::common::pg(test)?;
    let schema: String = guard.conn.raw().query_one("SELECT current_schema()", &[]).unwrap().get(0);
    let engine = Engine::<PgConnection>::builder(&crate::common::pg_url())
        .config(config)
        .on_connect(move |conn| conn.batch_execute(&format!("SET search_path TO {schema}")))
        .build()
        .unwrap();
    Some((engine, guard))
}

fn one_connection() -> PoolConfig {
    PoolConfig::default().max_size(1).max_overflow(0).checkout_timeout(Duration::from_secs(10))
}

/// Runs `f` on another thread and gives up after `limit`: a hang fails the test instead of
/// hanging the suite.
fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit).unwrap_or_else(|_| panic!("no answer within {limit:?}: it hangs"))
}

/// A TCP listener on loopback that accepts connections (the kernel completes the handshake)
/// and never says a word.
fn silent_listener() -> (TcpListener, u16) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    (listener, port)
}

fn items_or_err<C: Connection>(conn: &mut C) -> aludel::Result<Vec<String>> {
    vault::table.select(vault::item).order_by(vault::id).load(conn)
}

mod session_model {
    use super::vault;
    use aludel::orm::Model;

    #[derive(Debug, Clone, PartialEq, Model)]
    #[aludel(table = vault)]
    pub struct Item {
        #[aludel(generated)]
        pub id: Option<i32>,
        pub item: String,
    }
}

mod aborted;
mod concurrency;
mod killed_backends;
mod like;
mod panics;
mod pool_reset;
mod stale_statements;
mod timeouts;
mod tls;
mod urls_and_errors;
mod values;
