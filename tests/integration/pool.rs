//! Engines and their pools: concurrent use, checkout timeouts, shared in-memory SQLite, lost
//! connections, pre-ping and recycling, on a SQLite file, SQLite in memory and PostgreSQL.

use aludel::conn::{Connect, PooledConnection};
use aludel::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

aludel::table! {
    pool_hits (id) {
        id -> Integer,
        worker -> Integer,
        step -> Integer,
    }
}

static_assertions::assert_impl_all!(Engine<SqliteConnection>: Clone, Send, Sync);
static_assertions::assert_impl_all!(Engine<PgConnection>: Clone, Send, Sync);
static_assertions::assert_impl_all!(PooledConnection<PgConnection>: Send);

/// A SQLite database file in the temp dir, removed (with its journal) when dropped.
struct TempDb(std::path::PathBuf);

impl TempDb {
    fn new(test: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "aludel_pool_{test}_{}_{}.db",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        );
        TempDb(std::env::temp_dir().join(name))
    }

    fn url(&self) -> String {
        format!("sqlite://{}", self.0.display())
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        let _ = std::fs::remove_file(self.0.with_extension("db-journal"));
    }
}

/// A PostgreSQL engine whose connections all use a schema of their own (set by `on_connect`),
/// dropped with the returned guard. `None` when PostgreSQL is unreachable (see `common::pg`).
fn pg_engine(
    test: &str,
    config: PoolConfig,
) -> Option<(Engine<PgConnection>, crate::common::PgTest)> {
    let mut schema_guard = crate::common::pg(test)?;
    let schema: String =
        schema_guard.conn.raw().query_one("SELECT current_schema()", &[]).unwrap().get(0);
    let engine = Engine::<PgConnection>::builder(&crate::common::pg_url())
        .config(config)
        .on_connect(move |conn| conn.batch_execute(&format!("SET search_path TO {schema}")))
        .build()
        .unwrap();
    Some((engine, schema_guard))
}

fn backend_pid(conn: &mut PgConnection) -> i32 {
    conn.raw().query_one("SELECT pg_backend_pid()", &[]).unwrap().get(0)
}

/// Terminates a backend from a connection of its own and waits until it is gone.
fn kill_backend(pid: i32) {
    let mut killer = PgConnection::connect(&crate::common::pg_url()).unwrap();
    let killed: bool =
        killer.raw().query_one("SELECT pg_terminate_backend($1)", &[&pid]).unwrap().get(0);
    assert!(killed);
    let deadline = Instant::now() + Duration::from_secs(10);
    while killer
        .raw()
        .query_one("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", &[&pid])
        .unwrap()
        .get::<_, i64>(0)
        > 0
    {
        assert!(Instant::now() < deadline, "backend {pid} outlived pg_terminate_backend");
        std::thread::sleep(Duration::from_millis(10));
    }
}

const WORKERS: i32 = 8;
const STEPS: i32 = 30;

/// 8 threads share one engine of at most 4 (+2 overflow) connections; every third step is a
/// two-row transaction, the others an insert and a read on a plain checkout.
fn hammer<C: Connect>(engine: &Engine<C>) {
    MetaData::new([pool_hits::table::def()])
        .create_all(&mut *engine.get().unwrap(), CheckFirst::No)
        .unwrap();
    let threads: Vec<_> = (0..WORKERS)
        .map(|worker| {
            let engine = engine.clone();
            std::thread::spawn(move || {
                let mut step = 0;
                while step < STEPS {
                    if step % 3 == 0 {
                        engine
                            .transaction(|tx| {
                                for s in [step, step + 1] {
                                    insert(pool_hits::table)
                                        .values((
                                            pool_hits::worker.eq(worker),
                                            pool_hits::step.eq(s),
                                        ))
                                        .execute(tx)?;
                                }
                                Ok::<_, Error>(())
                            })
                            .unwrap();
                        step += 2;
                    } else {
                        let mut conn = engine.get().unwrap();
                        insert(pool_hits::table)
                            .values((pool_hits::worker.eq(worker), pool_hits::step.eq(step)))
                            .execute(&mut *conn)
                            .unwrap();
                        step += 1;
                        let mine: i64 = pool_hits::table
                            .filter(pool_hits::worker.eq(worker))
                            .select(count_star())
                            .first(&mut *conn)
                            .unwrap();
                        assert_eq!(mine, i64::from(step));
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }

    let mut conn = engine.get().unwrap();
    let total: i64 = pool_hits::table.select(count_star()).first(&mut *conn).unwrap();
    assert_eq!(total, i64::from(WORKERS * STEPS));
    let per_worker: Vec<(i32, i64)> = pool_hits::table
        .group_by(pool_hits::worker)
        .select((pool_hits::worker, count_star()))
        .order_by(pool_hits::worker)
        .load(&mut *conn)
        .unwrap();
    assert_eq!(per_worker, (0..WORKERS).map(|w| (w, i64::from(STEPS))).collect::<Vec<_>>());
    let steps: Vec<i32> = pool_hits::table
        .filter(pool_hits::worker.eq(3))
        .select(pool_hits::step)
        .order_by(pool_hits::step)
        .load(&mut *conn)
        .unwrap();
    assert_eq!(steps, (0..STEPS).collect::<Vec<_>>());
    drop(conn);

    // Overflow connections were closed on return; at most `max_size` stay.
    let status = engine.status();
    assert!(status.open <= 4 && status.idle == status.open, "{status:?}");
    assert!(status.opened_total <= 6, "{status:?}");
}

fn hammer_config() -> PoolConfig {
    PoolConfig::default().max_size(4).max_overflow(2)
}

mod concurrent_use {
    use super::*;

    #[test]
    fn sqlite_file() {
        let db = TempDb::new("hammer");
        hammer(&Engine::<SqliteConnection>::with_config(&db.url(), hammer_config()).unwrap());
    }

    #[test]
    fn sqlite_memory() {
        hammer(
            &Engine::<SqliteConnection>::with_config("sqlite::memory:", hammer_config()).unwrap(),
        );
    }

    #[test]
    fn postgres() {
        let Some((engine, _schema)) = pg_engine("pool_hammer", hammer_config()) else { return };
        hammer(&engine);
    }
}

/// With one connection held, a second checkout fails after the timeout, and a waiting
/// checkout gets the connection as soon as it is returned.
fn checkout_timeout<C: Connect>(url: &str) {
    let config = PoolConfig::default()
        .max_size(1)
        .max_overflow(0)
        .checkout_timeout(Duration::from_millis(150));
    let engine = Engine::<C>::with_config(url, config).unwrap();
    let held = engine.get().unwrap();
    let started = Instant::now();
    let err = engine.get().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PoolTimeout, "{err}");
    assert!(started.elapsed() >= Duration::from_millis(150));
    assert!(err.message().contains("max_size 1"), "{err}");
    assert_eq!(
        engine.transaction(|_| Ok::<_, Error>(())).unwrap_err().kind(),
        ErrorKind::PoolTimeout
    );

    let patient = Engine::<C>::with_config(
        url,
        engine.config().clone().checkout_timeout(Duration::from_secs(10)),
    )
    .unwrap();
    let held_too = patient.get().unwrap();
    let waiter = {
        let patient = patient.clone();
        std::thread::spawn(move || patient.get().map(|mut c| c.batch_execute("SELECT 1")))
    };
    std::thread::sleep(Duration::from_millis(100));
    drop(held_too);
    waiter.join().unwrap().unwrap().unwrap();

    drop(held);
    engine.get().unwrap().batch_execute("SELECT 1").unwrap();
    assert_eq!(engine.status().open, 1);
}

mod checkout_timeout {
    use super::*;

    #[test]
    fn sqlite_file() {
        let db = TempDb::new("timeout");
        checkout_timeout::<SqliteConnection>(&db.url());
    }

    #[test]
    fn sqlite_memory() {
        checkout_timeout::<SqliteConnection>("sqlite::memory:");
    }

    #[test]
    fn postgres() {
        if crate::common::pg("pool_timeout").is_none() {
            return;
        }
        checkout_timeout::<PgConnection>(&crate::common::pg_url());
    }
}

/// max_size 1 + max_overflow 1: the overflow connection is closed when returned.
fn overflow<C: Connect>(url: &str) {
    let config = PoolConfig::default().max_size(1).max_overflow(1);
    let engine = Engine::<C>::with_config(url, config).unwrap();
    let a = engine.get().unwrap();
    let b = engine.get().unwrap();
    assert_eq!(engine.status().open, 2);
    drop(a);
    drop(b);
    let status = engine.status();
    assert_eq!((status.open, status.idle, status.opened_total), (1, 1, 2));
}

#[test]
fn overflow_connections_close_on_return() {
    let db = TempDb::new("overflow");
    overflow::<SqliteConnection>(&db.url());
    overflow::<SqliteConnection>("sqlite::memory:");
    if crate::common::pg("pool_overflow").is_some() {
        overflow::<PgConnection>(&crate::common::pg_url());
    }
}

#[test]
fn in_memory_sqlite_is_one_database_per_engine() {
    // Every returned connection is closed (lifetime zero): the database must outlive them.
    let config = PoolConfig::default().max_lifetime(Some(Duration::ZERO));
    let engine = Engine::<SqliteConnection>::with_config("sqlite::memory:", config).unwrap();
    let mut first = engine.get().unwrap();
    MetaData::new([pool_hits::table::def()]).create_all(&mut *first, CheckFirst::No).unwrap();
    insert(pool_hits::table)
        .values((pool_hits::worker.eq(1), pool_hits::step.eq(1)))
        .execute(&mut *first)
        .unwrap();
    let mut second = engine.get().unwrap();
    let seen: Vec<i32> = pool_hits::table.select(pool_hits::worker).load(&mut *second).unwrap();
    assert_eq!(seen, [1]);
    drop((first, second));
    assert_eq!(engine.status().open, 0);

    let later: i64 =
        engine.transaction(|c| pool_hits::table.select(count_star()).first(c)).unwrap();
    assert_eq!(later, 1);
    assert_eq!(engine.status().opened_total, 3);

    // Another engine is another database.
    let other = Engine::sqlite("sqlite::memory:").unwrap();
    let err = pool_hits::table.select(count_star()).first::<i64>(&mut *other.get().unwrap());
    assert_eq!(err.unwrap_err().kind(), ErrorKind::Database);
    // ... and a clone is the same one.
    let clone = engine.clone();
    assert_eq!(
        pool_hits::table.select(count_star()).first::<i64>(&mut *clone.get().unwrap()).unwrap(),
        1
    );
}

/// A connection dropped after `discard` or by a panic is closed, never handed out again; one
/// returned inside a transaction is rolled back; the pool keeps working.
fn discarded<C: Connect>(engine: &Engine<C>) {
    let mut conn = engine.get().unwrap();
    conn.batch_execute("SELECT 1").unwrap();
    drop(conn);
    assert_eq!(engine.status().idle, 1);

    let mut conn = engine.get().unwrap();
    conn.discard();
    drop(conn);
    assert_eq!(engine.status().open, 0);

    // A connection returned inside a raw transaction is rolled back and reused (reset on
    // return): the next borrower is not inside it (SQLite refuses a nested BEGIN).
    let mut conn = engine.get().unwrap();
    conn.batch_execute("BEGIN").unwrap();
    drop(conn);
    assert_eq!(engine.status().idle, 1);
    let mut conn = engine.get().unwrap();
    conn.batch_execute("BEGIN").unwrap();
    conn.batch_execute("ROLLBACK").unwrap();
    drop(conn);

    let panicked = catch_unwind(AssertUnwindSafe(|| {
        engine.transaction(|_| -> Result<(), Error> { panic!("boom") })
    }));
    assert!(panicked.is_err());
    assert_eq!(engine.status().open, 0);

    // A connection dropped while its transaction is open (depth > 0) is closed too.
    let kept = engine.transaction(|tx| {
        tx.batch_execute("SELECT 1")?;
        Ok::<_, Error>(tx.transaction_depth())
    });
    assert_eq!(kept.unwrap(), 1);
    assert_eq!(engine.status().idle, 1);
    let before = engine.status().opened_total;
    engine.get().unwrap().batch_execute("SELECT 1").unwrap();
    assert_eq!(engine.status().opened_total, before, "the healthy connection is reused");
}

#[test]
fn unhealthy_connections_are_discarded() {
    let db = TempDb::new("discard");
    discarded(&Engine::<SqliteConnection>::open(&db.url()).unwrap());
    discarded(&Engine::sqlite("sqlite::memory:").unwrap());
    if let Some((engine, _schema)) = pg_engine("pool_discard", PoolConfig::default()) {
        discarded(&engine);
    }
}

#[test]
fn killed_postgres_connection_is_not_reused() {
    let Some((engine, _schema)) = pg_engine("pool_killed", PoolConfig::default().max_size(2))
    else {
        return;
    };
    MetaData::new([pool_hits::table::def()])
        .create_all(&mut *engine.get().unwrap(), CheckFirst::No)
        .unwrap();
    let mut conn = engine.get().unwrap();
    let pid = backend_pid(&mut conn);
    kill_backend(pid);
    let err = pool_hits::table.select(count_star()).first::<i64>(&mut *conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Connection, "{err}");
    drop(conn);
    assert_eq!(engine.status().open, 0, "the lost connection was closed, not pooled");

    let mut conn = engine.get().unwrap();
    assert_ne!(backend_pid(&mut conn), pid);
    insert(pool_hits::table)
        .values((pool_hits::worker.eq(1), pool_hits::step.eq(1)))
        .execute(&mut *conn)
        .unwrap();
    assert_eq!(pool_hits::table.select(count_star()).first::<i64>(&mut *conn).unwrap(), 1);
}

#[test]
fn pre_ping_replaces_a_dead_idle_connection() {
    for pre_ping in [false, true] {
        let config = PoolConfig::default().max_size(1).pre_ping(pre_ping);
        let Some((engine, _schema)) = pg_engine("pool_pre_ping", config) else { return };
        let pid = backend_pid(&mut engine.get().unwrap());
        assert_eq!(engine.status().idle, 1);
        kill_backend(pid);

        let mut conn = engine.get().unwrap();
        if pre_ping {
            assert_ne!(backend_pid(&mut conn), pid, "pre-ping handed out a fresh connection");
            assert_eq!(engine.status().opened_total, 2);
        } else {
            // Without pre-ping the dead connection fails its first statement, then is closed.
            let err = conn.batch_execute("SELECT 1").unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Connection, "{err}");
            drop(conn);
            assert_eq!(engine.status().open, 0);
            assert_ne!(backend_pid(&mut engine.get().unwrap()), pid);
        }
    }
}

#[test]
fn connections_older_than_max_lifetime_are_recycled() {
    let lifetime = Duration::from_millis(500);
    let config = PoolConfig::default().max_size(1).max_lifetime(Some(lifetime));

    // SQLite: count connections through the setup hook.
    let db = TempDb::new("lifetime");
    let opened = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&opened);
    let engine = Engine::<SqliteConnection>::builder(&db.url())
        .config(config.clone())
        .on_connect(move |_| {
            counter.fetch_add(1, Ordering::SeqCst);
            Ok(())
        })
        .build()
        .unwrap();
    engine.get().unwrap().batch_execute("SELECT 1").unwrap();
    engine.get().unwrap().batch_execute("SELECT 1").unwrap();
    assert_eq!(opened.load(Ordering::SeqCst), 1);
    std::thread::sleep(lifetime + Duration::from_millis(50));
    engine.get().unwrap().batch_execute("SELECT 1").unwrap();
    assert_eq!(opened.load(Ordering::SeqCst), 2);
    assert_eq!(engine.status().opened_total, 2);

    // PostgreSQL: watch the backend pid change.
    let Some((engine, _schema)) = pg_engine("pool_lifetime", config) else { return };
    let first = backend_pid(&mut engine.get().unwrap());
    assert_eq!(backend_pid(&mut engine.get().unwrap()), first, "a young connection is reused");
    std::thread::sleep(lifetime + Duration::from_millis(50));
    let mut conn = engine.get().unwrap();
    assert_ne!(backend_pid(&mut conn), first, "an old connection is replaced");
    // A connection that ages while checked out is closed on return.
    std::thread::sleep(lifetime + Duration::from_millis(50));
    drop(conn);
    assert_eq!(engine.status().open, 0);
}

#[test]
fn bad_urls_and_unreachable_servers() {
    assert_eq!(Engine::sqlite("postgres://x/y").unwrap_err().kind(), ErrorKind::InvalidUrl);
    assert_eq!(Engine::postgres("sqlite::memory:").unwrap_err().kind(), ErrorKind::InvalidUrl);
    assert_eq!(
        Engine::postgres("postgres://u@h:notaport/db").unwrap_err().kind(),
        ErrorKind::InvalidUrl
    );
    let engine =
        Engine::postgres("postgres://postgres@127.0.0.1:1/postgres?connect_timeout=2").unwrap();
    assert_eq!(engine.get().unwrap_err().kind(), ErrorKind::Connection);
    assert_eq!(engine.status().open, 0, "a failed connect frees its slot");

    let failing = Engine::<SqliteConnection>::builder("sqlite::memory:")
        .on_connect(|conn| conn.batch_execute("SELEKT"))
        .build()
        .unwrap();
    assert_eq!(failing.get().unwrap_err().kind(), ErrorKind::Database);
    assert_eq!(failing.status().open, 0);

    let panicking = Engine::<SqliteConnection>::builder("sqlite::memory:")
        .config(PoolConfig::default().max_size(1).max_overflow(0))
        .on_connect(|_| panic!("setup hook bug"))
        .build()
        .unwrap();
    assert!(catch_unwind(AssertUnwindSafe(|| panicking.get())).is_err());
    assert_eq!(panicking.status().open, 0, "a panicking hook frees its slot");
}
