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

// ---- 1. a failed statement inside a transaction -------------------------------------------

#[test]
fn postgres_commit_after_an_ignored_error_is_an_error() {
    let Some(mut guard) = crate::common::pg("commit_after_ignored_error") else { return };
    let conn = &mut guard.conn;
    create(conn);
    put(conn, "kept").unwrap();
    let outcome: aludel::Result<()> = conn.transaction(|tx| {
        put(tx, "lost")?;
        // The caller ignores this error: PostgreSQL has aborted the transaction.
        let _ = put(tx, "kept");
        Ok(())
    });
    let err = outcome.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TransactionAborted, "{err}");
    assert_eq!(conn.transaction_depth(), 0);
    assert_eq!(items(conn), ["kept"]);
    // The connection is clean again.
    conn.transaction(|tx| put(tx, "after")).unwrap();
    assert_eq!(items(conn), ["kept", "after"]);
}

#[test]
fn postgres_ignored_error_inside_a_savepoint_aborts_only_the_savepoint() {
    let Some(mut guard) = crate::common::pg("ignored_error_in_savepoint") else { return };
    let conn = &mut guard.conn;
    create(conn);
    put(conn, "kept").unwrap();
    let outcome: aludel::Result<()> = conn.transaction(|tx| {
        put(tx, "outer")?;
        let inner: aludel::Result<()> = tx.transaction(|inner| {
            let _ = put(inner, "kept");
            Ok(())
        });
        assert_eq!(inner.unwrap_err().kind(), ErrorKind::TransactionAborted);
        put(tx, "outer again")?;
        Ok(())
    });
    outcome.unwrap();
    assert_eq!(items(conn), ["kept", "outer", "outer again"]);
}

/// SQLite keeps the transaction after a failed statement: the statements that succeeded are
/// committed (documented in README "Failure behaviour").
#[test]
fn sqlite_commit_after_an_ignored_error_keeps_the_other_statements() {
    let mut conn = crate::common::sqlite();
    create(&mut conn);
    put(&mut conn, "kept").unwrap();
    conn.transaction(|tx| -> aludel::Result<()> {
        put(tx, "written")?;
        assert_eq!(put(tx, "kept").unwrap_err().kind(), ErrorKind::UniqueViolation);
        Ok(())
    })
    .unwrap();
    assert_eq!(items(&mut conn), ["kept", "written"]);
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

#[test]
fn postgres_session_commit_after_an_ignored_error_is_an_error() {
    use aludel::orm::Session;
    use session_model::Item;
    let Some(mut guard) = crate::common::pg("session_commit_aborted") else { return };
    create(&mut guard.conn);
    put(&mut guard.conn, "kept").unwrap();
    {
        let mut session = Session::new(&mut guard.conn);
        let obj = session.add(Item { id: None, item: "lost".into() });
        session.flush().unwrap();
        assert!(obj.borrow().id.is_some());
        // A statement of the caller's own fails inside the session's transaction, and the
        // caller ignores it.
        let _ = put(session.connection(), "kept");
        let err = session.commit().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TransactionAborted, "{err}");
    }
    assert_eq!(guard.conn.transaction_depth(), 0);
    assert_eq!(items(&mut guard.conn), ["kept"]);
}

#[test]
fn postgres_session_rollback_after_an_ignored_error_leaves_the_connection_clean() {
    use aludel::orm::Session;
    use session_model::Item;
    let Some(mut guard) = crate::common::pg("session_rollback_aborted") else { return };
    create(&mut guard.conn);
    put(&mut guard.conn, "kept").unwrap();
    {
        let mut session = Session::new(&mut guard.conn);
        session.add(Item { id: None, item: "dropped".into() });
        session.flush().unwrap();
        let _ = put(session.connection(), "kept");
        session.rollback().unwrap();
    }
    {
        // Dropped without commit or rollback after an ignored error.
        let mut session = Session::new(&mut guard.conn);
        session.add(Item { id: None, item: "dropped too".into() });
        session.flush().unwrap();
        let _ = put(session.connection(), "kept");
    }
    guard.conn.transaction(|tx| put(tx, "after")).unwrap();
    assert_eq!(items(&mut guard.conn), ["kept", "after"]);
}

// ---- 2. panics in callbacks and hooks -----------------------------------------------------

#[test]
fn postgres_panic_in_for_each_leaves_no_transaction_open() {
    let Some((engine, mut reader)) = pg_engine("panic_in_for_each", one_connection()) else {
        return;
    };
    create(&mut *engine.get().unwrap());
    put(&mut *engine.get().unwrap(), "a").unwrap();
    {
        let mut conn = engine.get().unwrap();
        let panicked = catch_unwind(AssertUnwindSafe(|| {
            vault::table
                .select(vault::item)
                .for_each(&mut *conn, |_: String| -> aludel::Result<bool> {
                    panic!("callback fails")
                })
        }));
        assert!(panicked.is_err());
        assert_eq!(conn.transaction_depth(), 0);
    }
    // The next user of the same pooled connection writes; its write must be committed.
    put(&mut *engine.get().unwrap(), "b").unwrap();
    assert_eq!(engine.status().opened_total, 1, "the connection was reused");
    assert_eq!(items(&mut reader.conn), ["a", "b"]);
}

crate::backend_test!(panic_in_statement_hook_rolls_back, |conn| {
    create(conn);
    put(conn, "kept").unwrap();
    let armed = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let trigger = armed.clone();
    conn.instrumentation().set_hook(move |event| {
        if trigger.load(Ordering::SeqCst) && event.sql.contains("INSERT") {
            panic!("hook fails after an INSERT");
        }
    });
    armed.store(true, Ordering::SeqCst);
    let panicked = catch_unwind(AssertUnwindSafe(|| conn.transaction(|tx| put(tx, "lost"))));
    assert!(panicked.is_err());
    armed.store(false, Ordering::SeqCst);
    conn.instrumentation().clear_hook();
    assert_eq!(conn.transaction_depth(), 0);
    put(conn, "after").unwrap();
    assert_eq!(items(conn), ["kept", "after"]);
});

#[test]
fn postgres_panic_in_begin_hook_leaves_no_transaction_open() {
    let Some((engine, mut reader)) = pg_engine("panic_in_begin_hook", one_connection()) else {
        return;
    };
    create(&mut *engine.get().unwrap());
    {
        let mut conn = engine.get().unwrap();
        conn.instrumentation().set_hook(|event| {
            if event.sql == "BEGIN" {
                panic!("hook fails on BEGIN");
            }
        });
        let panicked = catch_unwind(AssertUnwindSafe(|| conn.transaction(|tx| put(tx, "lost"))));
        assert!(panicked.is_err());
        conn.instrumentation().clear_hook();
    }
    put(&mut *engine.get().unwrap(), "b").unwrap();
    assert_eq!(items(&mut reader.conn), ["b"]);
}

crate::backend_test!(panic_in_session_hooks_loses_nothing_committed, |conn| {
    use aludel::orm::Session;
    use session_model::Item;
    create(conn);
    put(conn, "kept").unwrap();
    for after in [false, true] {
        let panicked = catch_unwind(AssertUnwindSafe(|| {
            let mut session = Session::new(&mut *conn);
            if after {
                session.on_after_flush(|_| panic!("after_flush hook fails"));
            } else {
                session.on_before_flush(|_| panic!("before_flush hook fails"));
            }
            session.add(Item { id: None, item: format!("lost {after}") });
            session.commit()
        }));
        assert!(panicked.is_err());
        assert_eq!(conn.transaction_depth(), 0);
    }
    conn.transaction(|tx| put(tx, "after")).unwrap();
    assert_eq!(items(conn), ["kept", "after"]);
});

#[test]
fn postgres_panic_in_load_chunks_on_a_pooled_connection_loses_no_later_write() {
    let Some((engine, mut reader)) = pg_engine("panic_in_load_chunks", one_connection()) else {
        return;
    };
    create(&mut *engine.get().unwrap());
    put(&mut *engine.get().unwrap(), "a").unwrap();
    let worker = {
        let engine = engine.clone();
        std::thread::spawn(move || {
            let mut conn = engine.get().unwrap();
            vault::table
                .select(vault::item)
                .load_chunks(&mut *conn, 1, |_: Vec<String>| -> aludel::Result<()> {
                    panic!("chunk callback fails")
                })
                .unwrap();
        })
    };
    // The panic unwinds through the pooled connection: the pool closes it.
    assert!(worker.join().is_err());
    put(&mut *engine.get().unwrap(), "b").unwrap();
    assert_eq!(items(&mut reader.conn), ["a", "b"]);
}

// ---- 3. a connection returned with an open transaction ------------------------------------

#[test]
fn postgres_pool_rolls_back_a_transaction_left_open() {
    let Some((engine, mut reader)) = pg_engine("pool_reset_on_return", one_connection()) else {
        return;
    };
    create(&mut *engine.get().unwrap());
    {
        let mut conn = engine.get().unwrap();
        conn.batch_execute("BEGIN").unwrap();
        put(&mut *conn, "never committed").unwrap();
    }
    put(&mut *engine.get().unwrap(), "committed").unwrap();
    assert_eq!(engine.status().opened_total, 1, "the connection was reset and reused");
    assert_eq!(items(&mut reader.conn), ["committed"]);
}

#[test]
fn sqlite_pool_rolls_back_a_transaction_left_open() {
    let path = std::env::temp_dir().join(format!("aludel_faults_reset_{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let url = format!("sqlite://{}", path.display());
    let engine = Engine::<SqliteConnection>::with_config(&url, one_connection()).unwrap();
    create(&mut *engine.get().unwrap());
    {
        let mut conn = engine.get().unwrap();
        conn.batch_execute("BEGIN").unwrap();
        put(&mut *conn, "never committed").unwrap();
    }
    put(&mut *engine.get().unwrap(), "committed").unwrap();
    assert_eq!(engine.status().opened_total, 1, "the connection was reset and reused");
    let mut reader = SqliteConnection::open(&url).unwrap();
    assert_eq!(items(&mut reader), ["committed"]);
    drop(engine);
    let _ = std::fs::remove_file(&path);
}

// ---- 4. schema changes under cached statements --------------------------------------------

#[test]
fn postgres_cached_statement_survives_alter_column_type() {
    let Some(mut guard) = crate::common::pg("cached_plan_alter") else { return };
    let conn = &mut guard.conn;
    create(conn);
    put(conn, "a").unwrap();
    assert_eq!(items(conn), ["a"]);
    conn.batch_execute("ALTER TABLE vault ALTER COLUMN item TYPE varchar(100)").unwrap();
    assert_eq!(items(conn), ["a"]);
    put(conn, "b").unwrap();
    assert_eq!(items(conn), ["a", "b"]);

    // Inside a transaction the failed statement has aborted the transaction: the error says
    // to retry, and the retry works.
    conn.batch_execute("ALTER TABLE vault ALTER COLUMN item TYPE text").unwrap();
    let err = conn.transaction(items_or_err).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TransactionConflict, "{err}");
    assert!(err.is_retryable(), "{err}");
    assert_eq!(conn.transaction(items_or_err).unwrap(), ["a", "b"]);
    // The retry helper does that by itself.
    conn.batch_execute("ALTER TABLE vault ALTER COLUMN item TYPE varchar(50)").unwrap();
    assert_eq!(conn.transaction_with_retry(2, items_or_err).unwrap(), ["a", "b"]);
}

fn items_or_err<C: Connection>(conn: &mut C) -> aludel::Result<Vec<String>> {
    vault::table.select(vault::item).order_by(vault::id).load(conn)
}

#[test]
fn postgres_concurrent_alters_do_not_break_cached_statements() {
    let Some((engine, _guard)) = pg_engine(
        "concurrent_alters",
        PoolConfig::default().max_size(4).checkout_timeout(Duration::from_secs(30)),
    ) else {
        return;
    };
    create(&mut *engine.get().unwrap());
    put(&mut *engine.get().unwrap(), "x").unwrap();
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let engine = engine.clone();
            std::thread::spawn(move || {
                let mut conn = engine.get().unwrap();
                for _ in 0..40 {
                    let rows = conn.transaction_with_retry(5, items_or_err).unwrap();
                    assert_eq!(rows, ["x"]);
                }
            })
        })
        .collect();
    let mut alter = engine.get().unwrap();
    for i in 0..6 {
        let ty = if i % 2 == 0 { "varchar(100)" } else { "text" };
        alter.batch_execute(&format!("ALTER TABLE vault ALTER COLUMN item TYPE {ty}")).unwrap();
        std::thread::sleep(Duration::from_millis(5));
    }
    drop(alter);
    for r in readers {
        r.join().unwrap();
    }
}

// ---- 5. values that do not fit ------------------------------------------------------------

aludel::table! {
    amounts (id) {
        id -> Integer,
        amount -> Numeric,
        ratio -> Nullable<Double>,
    }
}

#[test]
fn postgres_numeric_infinity_is_read_as_infinity() {
    let Some(mut guard) = crate::common::pg("numeric_infinity") else { return };
    let conn = &mut guard.conn;
    MetaData::new([amounts::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    conn.batch_execute(
        "INSERT INTO amounts (amount) VALUES ('Infinity'), ('-Infinity'), ('NaN'), ('1.5')",
    )
    .unwrap();
    let texts: Vec<String> =
        amounts::table.select(amounts::amount).order_by(amounts::id).load(conn).unwrap();
    assert_eq!(texts, ["Infinity", "-Infinity", "NaN", "1.5"]);
    let floats: Vec<f64> =
        amounts::table.select(amounts::amount).order_by(amounts::id).load(conn).unwrap();
    assert_eq!(floats[0], f64::INFINITY);
    assert_eq!(floats[1], f64::NEG_INFINITY);
    assert!(floats[2].is_nan());
    // And back: infinities are written as NUMERIC infinities.
    insert(amounts::table).values(amounts::amount.eq("-Infinity")).execute(conn).unwrap();
    let last: String =
        amounts::table.select(amounts::amount).order_by(amounts::id.desc()).first(conn).unwrap();
    assert_eq!(last, "-Infinity");
}

#[test]
fn sqlite_nan_is_refused_not_stored_as_null() {
    let mut conn = crate::common::sqlite();
    MetaData::new([amounts::table::def()]).create_all(&mut conn, CheckFirst::No).unwrap();
    let err = insert(amounts::table)
        .values((amounts::amount.eq("1"), amounts::ratio.eq(Some(f64::NAN))))
        .execute(&mut conn)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conversion, "{err}");
    assert!(err.to_string().contains("NaN"), "{err}");
    let n: i64 = amounts::table.select(count_star()).first(&mut conn).unwrap();
    assert_eq!(n, 0);
}

crate::backend_test!(hostile_text_round_trips_or_is_refused, |conn| {
    create(conn);
    let hostile = [
        "'; DROP TABLE vault; --",
        "\\' OR '1'='1",
        "$1 ?1 %s {}",
        "naïve — 日本語 🎉",
        &"x".repeat(100_000),
    ];
    for text in hostile {
        put(conn, text).unwrap();
    }
    assert_eq!(items(conn), hostile);
    // A NUL byte: SQLite stores it, PostgreSQL text cannot hold it. Never silently cut.
    match put(conn, "before\0after") {
        Ok(_) => assert_eq!(items(conn).last().unwrap(), "before\0after"),
        Err(e) => {
            assert_eq!(e.kind(), ErrorKind::Conversion, "{e}");
            assert_eq!(items(conn).len(), hostile.len());
        }
    }
    put(conn, "still works").unwrap();
});

// ---- 6. a server that never answers -------------------------------------------------------

#[test]
fn connect_to_a_silent_server_times_out() {
    let (listener, port) = silent_listener();
    let url = format!("postgres://postgres@127.0.0.1:{port}/postgres?connect_timeout=1");
    let started = Instant::now();
    let err = within(Duration::from_secs(15), move || PgConnection::connect(&url).map(|_| ()))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Connection, "{err}");
    assert!(err.to_string().contains("did not answer"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(10));
    drop(listener);
}

#[test]
fn pool_checkout_from_a_silent_server_times_out() {
    let (listener, port) = silent_listener();
    let url = format!("postgres://postgres@127.0.0.1:{port}/postgres");
    let config = PoolConfig::default().checkout_timeout(Duration::from_secs(1));
    let engine = Engine::<PgConnection>::with_config(&url, config).unwrap();
    let started = Instant::now();
    let err = within(Duration::from_secs(15), move || engine.get().map(|_| ())).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Connection | ErrorKind::PoolTimeout), "{err}");
    assert!(started.elapsed() < Duration::from_secs(10));
    drop(listener);
}

#[test]
fn postgres_statement_timeout_cancels_a_slow_statement() {
    let url = format!("{}?statement_timeout=200ms", crate::common::pg_url());
    let mut conn = match PgConnection::connect(&url) {
        Ok(conn) => conn,
        Err(_) if crate::common::pg("statement_timeout").is_none() => return,
        Err(e) => panic!("{e}"),
    };
    let started = Instant::now();
    let err = conn.batch_execute("SELECT pg_sleep(30)").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
    assert!(started.elapsed() < Duration::from_secs(10));
    conn.batch_execute("SELECT 1").unwrap();
}

#[test]
fn sqlite_statement_timeout_interrupts_a_slow_statement() {
    const ENDLESS: &str =
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n";
    let mut conn = SqliteConnection::open("sqlite::memory:?statement_timeout=100ms").unwrap();
    create(&mut conn);
    let started = Instant::now();
    let outcome = conn.transaction(|tx| -> aludel::Result<()> {
        put(tx, "kept")?;
        let err = tx.batch_execute(ENDLESS).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
        // The transaction goes on.
        put(tx, "also kept")?;
        Ok(())
    });
    outcome.unwrap();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(items(&mut conn), ["kept", "also kept"]);
    // The same through an engine.
    let engine =
        Engine::<SqliteConnection>::open("sqlite::memory:?statement_timeout=100ms").unwrap();
    let err = engine.get().unwrap().batch_execute(ENDLESS).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
}

// ---- 7. URLs, error messages, oversized requests ------------------------------------------

#[test]
fn sqlite_url_parameters_are_honoured() {
    let path = std::env::temp_dir().join(format!("aludel_faults_ro_{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let url = format!("sqlite://{}", path.display());
    let mut rw = SqliteConnection::open(&url).unwrap();
    create(&mut rw);
    put(&mut rw, "a").unwrap();
    drop(rw);
    let mut ro = SqliteConnection::open(&format!("{url}?mode=ro")).unwrap();
    assert_eq!(items(&mut ro), ["a"]);
    let err = put(&mut ro, "b").unwrap_err();
    assert!(err.to_string().contains("readonly"), "{err}");
    assert_eq!(items(&mut ro), ["a"]);
    // A read-only engine, too.
    let engine = Engine::<SqliteConnection>::open(&format!("{url}?mode=ro")).unwrap();
    assert!(put(&mut *engine.get().unwrap(), "c").is_err());
    drop(engine);
    let _ = std::fs::remove_file(&path);
}

#[test]
fn bad_urls_are_invalid_url_errors() {
    for url in [
        "sqlite://x.db?mode=bogus",
        "sqlite://x.db?nonsense=1",
        "sqlite::memory:?mode",
        "sqlite:",
        "sqlite://",
        "mysql://localhost/db",
    ] {
        let err = SqliteConnection::open(url).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidUrl, "{url}: {err}");
        let err = Engine::<SqliteConnection>::open(url).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidUrl, "{url}: {err}");
    }
    for url in [
        "postgres://u@localhost:notaport/db",
        "postgres://u@localhost/db?sslmode=sometimes",
        "postgres://u@localhost/db?connect_timeout=soon",
        "postgres://u@localhost/db?statement_timeout=later",
        "postgres://u@localhost/db?sslmode",
        "postgres:///db",
        "postgres://localhost/db",
        "http://localhost/db",
    ] {
        let err = PgConnection::connect(url).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidUrl, "{url}: {err}");
        let err = Engine::<PgConnection>::open(url).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidUrl, "{url}: {err}");
    }
}

#[test]
fn connection_errors_name_their_cause() {
    let err = PgConnection::connect("postgres://postgres@127.0.0.1:1/postgres?connect_timeout=2")
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Connection);
    let shown = err.to_string();
    assert!(shown.to_lowercase().contains("refused"), "{shown}");
    assert!(shown.contains("127.0.0.1:1"), "{shown}");
}

crate::backend_test!(too_many_binds_is_an_invalid_request, |conn| {
    create(conn);
    put(conn, "a").unwrap();
    let many: Vec<i32> = (0..70_000).collect();
    let err = vault::table.select(vault::item).filter(vault::id.in_(many)).load::<String>(conn);
    let err = err.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidRequest, "{err}");
    // The connection is fine and still used.
    put(conn, "b").unwrap();
    assert_eq!(items(conn), ["a", "b"]);
});

// ---- many threads, killed backends --------------------------------------------------------

#[test]
fn postgres_sixteen_threads_with_killed_backends_lose_no_committed_row() {
    let Some((engine, mut reader)) = pg_engine(
        "sixteen_threads",
        PoolConfig::default().max_size(4).max_overflow(4).checkout_timeout(Duration::from_secs(60)),
    ) else {
        return;
    };
    create(&mut *engine.get().unwrap());
    let committed = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let attempts = std::sync::Arc::new(AtomicUsize::new(0));
    let threads: Vec<_> = (0..16)
        .map(|t| {
            let engine = engine.clone();
            let committed = committed.clone();
            let attempts = attempts.clone();
            std::thread::spawn(move || {
                for step in 0..10 {
                    let item = format!("{t}-{step}");
                    attempts.fetch_add(1, Ordering::Relaxed);
                    let Ok(mut conn) = engine.get() else { continue };
                    if step == 5 && t % 4 == 0 {
                        // Kill our own backend half-way: its statements must fail, not vanish.
                        let pid: i32 =
                            conn.raw().query_one("SELECT pg_backend_pid()", &[]).unwrap().get(0);
                        let mut killer = PgConnection::connect(&crate::common::pg_url()).unwrap();
                        killer.raw().execute("SELECT pg_terminate_backend($1)", &[&pid]).unwrap();
                        std::thread::sleep(Duration::from_millis(50));
                    }
                    let outcome = conn.transaction(|tx| put(tx, &item));
                    match outcome {
                        Ok(_) => committed.lock().unwrap().push(item),
                        Err(e) => assert_eq!(e.kind(), ErrorKind::Connection, "{e}"),
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let mut expected = committed.lock().unwrap().clone();
    expected.sort();
    let mut found = items(&mut reader.conn);
    found.sort();
    assert_eq!(found, expected, "every committed row is there, and only those");
    assert!(expected.len() >= 150, "most transactions commit: {}", expected.len());
}

// ---- 10. TLS ------------------------------------------------------------------------------

#[cfg(feature = "tls")]
fn with_param(url: &str, param: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}{param}")
}

#[cfg(feature = "tls")]
#[test]
fn postgres_sslmode_require_connects_over_tls() {
    if crate::common::pg("tls_require").is_none() {
        return;
    }
    let url = with_param(&crate::common::pg_url(), "sslmode=require");
    let mut conn = PgConnection::connect(&url).unwrap();
    let encrypted: bool = conn
        .raw()
        .query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[])
        .unwrap()
        .get(0);
    assert!(encrypted, "the session is encrypted");
    // And through an engine.
    let engine = Engine::<PgConnection>::open(&url).unwrap();
    let mut pooled = engine.get().unwrap();
    let encrypted: bool = pooled
        .raw()
        .query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[])
        .unwrap()
        .get(0);
    assert!(encrypted);
}

#[cfg(feature = "tls")]
#[test]
fn postgres_sslmode_verify_full_refuses_an_untrusted_certificate() {
    if crate::common::pg("tls_verify_full").is_none() {
        return;
    }
    // The server's certificate is Debian's self-signed "snakeoil" one, issued to `localhost`.
    // Connecting to 127.0.0.1, it does not match the host.
    let url = with_param(&crate::common::pg_url(), "sslmode=verify-full");
    let err = PgConnection::connect(&url).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Connection, "{err}");
    assert!(err.to_string().contains("certificate"), "{err}");
    // Trusting only another CA (`sslrootcert`), the certificate is not trusted.
    let other_ca = "/etc/ssl/certs/ISRG_Root_X1.pem";
    if std::path::Path::new(other_ca).exists() {
        let url = with_param(
            &crate::common::pg_url(),
            &format!("sslmode=verify-ca&sslrootcert={other_ca}"),
        );
        let err = PgConnection::connect(&url).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Connection, "{err}");
        assert!(err.to_string().contains("certificate"), "{err}");
    }
    // Trusting the snakeoil certificate itself and naming its host, verification passes.
    let snakeoil = "/etc/ssl/certs/ssl-cert-snakeoil.pem";
    if std::path::Path::new(snakeoil).exists() {
        let url = crate::common::pg_url().replace("127.0.0.1", "localhost");
        let url = with_param(&url, &format!("sslmode=verify-full&sslrootcert={snakeoil}"));
        let mut conn = PgConnection::connect(&url).unwrap();
        conn.batch_execute("SELECT 1").unwrap();
    }
}

/// A server that answers the TLS request with "no": with `sslmode=require` the client must
/// hang up, and never send its password in clear.
#[cfg(feature = "tls")]
#[test]
fn sslmode_require_never_sends_the_password_in_clear() {
    use std::io::{Read, Write};
    let (listener, port) = silent_listener();
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut request = [0u8; 8];
        stream.read_exact(&mut request).unwrap();
        // SSLRequest: length 8, code 80877103.
        assert_eq!(request, [0, 0, 0, 8, 4, 210, 22, 47]);
        stream.write_all(b"N").unwrap();
        let mut rest = Vec::new();
        let _ = stream.read_to_end(&mut rest);
        rest
    });
    let url = format!(
        "postgres://alice:s3cret-password@127.0.0.1:{port}/db?sslmode=require&connect_timeout=5"
    );
    let err = PgConnection::connect(&url).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Connection, "{err}");
    assert!(!err.to_string().contains("s3cret"), "{err}");
    let sent_after_refusal = server.join().unwrap();
    assert!(sent_after_refusal.is_empty(), "sent in clear: {sent_after_refusal:?}");
}

#[cfg(not(feature = "tls"))]
#[test]
fn tls_urls_without_the_tls_feature_are_refused() {
    for mode in ["require", "verify-ca", "verify-full", "prefer"] {
        let url = format!("postgres://u:secret@127.0.0.1:1/db?sslmode={mode}");
        let err = PgConnection::connect(&url).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidUrl, "{err}");
        assert!(err.to_string().contains("`tls` feature"), "{err}");
    }
}

// ---- 8. concurrency: BEGIN IMMEDIATE, retryable conflicts ---------------------------------

/// A SQLite file database in WAL mode, removed when dropped.
struct WalDb(std::path::PathBuf);

impl WalDb {
    fn new(test: &str) -> Self {
        let path =
            std::env::temp_dir().join(format!("aludel_faults_{test}_{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let db = WalDb(path);
        let mut conn = SqliteConnection::open(&db.url()).unwrap();
        conn.batch_execute("PRAGMA journal_mode = WAL").unwrap();
        create(&mut conn);
        db
    }

    fn url(&self) -> String {
        format!("sqlite://{}", self.0.display())
    }
}

impl Drop for WalDb {
    fn drop(&mut self) {
        for ext in ["db", "db-wal", "db-shm"] {
            let _ = std::fs::remove_file(self.0.with_extension(ext));
        }
    }
}

#[test]
fn sqlite_write_conflict_is_retryable_and_retried() {
    use aludel::conn::TransactionOptions;
    let db = WalDb::new("conflict");
    let mut a = SqliteConnection::open(&db.url()).unwrap();
    let mut b = SqliteConnection::open(&db.url()).unwrap();
    // A reads (a snapshot), B commits a write, A's write then conflicts with B's.
    let conflict = a.transaction(|tx| -> aludel::Result<()> {
        items_or_err(tx)?;
        put(&mut b, "b1")?;
        put(tx, "a1")?;
        Ok(())
    });
    let err = conflict.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TransactionConflict, "{err}");
    assert!(err.is_retryable());
    assert_eq!(items(&mut a), ["b1"]);

    // The retry helper runs the whole transaction again: the second attempt commits.
    let mut attempt = 0;
    a.transaction_with(TransactionOptions::new().attempts(3), |tx| {
        attempt += 1;
        items_or_err(tx)?;
        if attempt == 1 {
            put(&mut b, "b2")?;
        }
        put(tx, &format!("a-attempt-{attempt}"))?;
        Ok(())
    })
    .unwrap();
    assert_eq!(attempt, 2);
    assert_eq!(items(&mut a), ["b1", "b2", "a-attempt-2"]);
}

#[test]
fn sqlite_immediate_transaction_takes_the_write_lock_at_begin() {
    use aludel::conn::{TransactionMode, TransactionOptions};
    let db = WalDb::new("immediate");
    let mut a = SqliteConnection::open(&db.url()).unwrap();
    let mut b = SqliteConnection::open(&db.url()).unwrap();
    b.raw().busy_timeout(Duration::ZERO).unwrap();
    let immediate = TransactionOptions::new().mode(TransactionMode::Immediate);
    a.transaction_with(immediate, |tx| {
        // Nothing written yet, but the lock is A's: B cannot write.
        let err = put(&mut b, "b").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TransactionConflict, "{err}");
        put(tx, "a")?;
        Ok(())
    })
    .unwrap();
    assert_eq!(items(&mut b), ["a"]);
}

#[test]
fn sqlite_sixteen_threads_increment_without_losing_updates() {
    use aludel::conn::{TransactionMode, TransactionOptions};
    aludel::table! { counters (id) { id -> Integer, hits -> Integer, } }
    let db = WalDb::new("sixteen");
    let engine = Engine::<SqliteConnection>::with_config(
        &db.url(),
        PoolConfig::default().max_size(16).checkout_timeout(Duration::from_secs(60)),
    )
    .unwrap();
    let mut conn = engine.get().unwrap();
    MetaData::new([counters::table::def()]).create_all(&mut *conn, CheckFirst::No).unwrap();
    insert(counters::table).values(counters::hits.eq(0)).execute(&mut *conn).unwrap();
    drop(conn);
    let threads: Vec<_> = (0..16)
        .map(|_| {
            let engine = engine.clone();
            std::thread::spawn(move || {
                let options =
                    TransactionOptions::new().mode(TransactionMode::Immediate).attempts(20);
                for _ in 0..10 {
                    engine
                        .transaction_with(options, |tx| {
                            let hits: i32 = counters::table.select(counters::hits).first(tx)?;
                            update(counters::table).set(counters::hits.eq(hits + 1)).execute(tx)
                        })
                        .unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let hits: i32 =
        counters::table.select(counters::hits).first(&mut *engine.get().unwrap()).unwrap();
    assert_eq!(hits, 160);
}

#[test]
fn postgres_serialization_failure_is_retryable_and_retried() {
    use aludel::conn::TransactionOptions;
    let Some(mut guard) = crate::common::pg("serialization_failure") else { return };
    let schema: String = guard.conn.raw().query_one("SELECT current_schema()", &[]).unwrap().get(0);
    create(&mut guard.conn);
    put(&mut guard.conn, "v0").unwrap();
    let mut other = PgConnection::connect(&crate::common::pg_url()).unwrap();
    other.batch_execute(&format!("SET search_path TO {schema}")).unwrap();
    let conn = &mut guard.conn;
    let mut attempt = 0;
    let rename = |tx: &mut PgConnection, other: &mut PgConnection, attempt: i32| {
        tx.batch_execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")?;
        let current: String = vault::table.select(vault::item).first(tx)?;
        if attempt == 1 {
            // Another transaction changes the row after this one's snapshot was taken.
            update(vault::table).set(vault::item.eq("other")).execute(other)?;
        }
        update(vault::table).set(vault::item.eq(format!("{current}+{attempt}"))).execute(tx)
    };
    let err = conn.transaction(|tx| rename(tx, &mut other, 1)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TransactionConflict, "{err}");
    assert!(err.is_retryable());
    assert_eq!(items(conn), ["other"]);

    update(vault::table).set(vault::item.eq("v0")).execute(conn).unwrap();
    conn.transaction_with(TransactionOptions::new().attempts(3), |tx| {
        attempt += 1;
        rename(tx, &mut other, attempt)
    })
    .unwrap();
    assert_eq!(attempt, 2);
    assert_eq!(items(conn), ["other+2"]);
}

// ---- 9. LIKE with user text ---------------------------------------------------------------

crate::backend_test!(like_matches_user_text_literally, |conn| {
    use aludel::expr::escape_like;
    create(conn);
    for item in ["50% off", "500 ml", "a_b", "axb", r"back\slash", "backslash", "it's"] {
        put(conn, item).unwrap();
    }
    let contains = |conn: &mut _, text: &str| -> Vec<String> {
        vault::table
            .select(vault::item)
            .filter(vault::item.contains(text))
            .order_by(vault::id)
            .load(conn)
            .unwrap()
    };
    assert_eq!(contains(conn, "50%"), ["50% off"]);
    assert_eq!(contains(conn, "_"), ["a_b"]);
    assert_eq!(contains(conn, "%"), ["50% off"]);
    assert_eq!(contains(conn, r"\"), [r"back\slash"]);
    assert_eq!(contains(conn, "'"), ["it's"]);
    let starts: Vec<String> =
        vault::table.select(vault::item).filter(vault::item.starts_with("a_")).load(conn).unwrap();
    assert_eq!(starts, ["a_b"]);
    let ends: Vec<String> =
        vault::table.select(vault::item).filter(vault::item.ends_with("% off")).load(conn).unwrap();
    assert_eq!(ends, ["50% off"]);
    // A pattern of one's own: literal parts escaped, wildcards kept.
    let pattern = format!("{}%{}", escape_like("a_"), escape_like("b"));
    let own: Vec<String> = vault::table
        .select(vault::item)
        .filter(vault::item.like_escaped(pattern))
        .load(conn)
        .unwrap();
    assert_eq!(own, ["a_b"]);
    let not: i64 = vault::table
        .select(count_star())
        .filter(vault::item.not_like_escaped(format!("%{}%", escape_like("%"))))
        .first(conn)
        .unwrap();
    assert_eq!(not, 6);
});

// ---- SQLite ending a transaction on its own -----------------------------------------------

aludel::table! {
    strict_rows (id) {
        id -> Integer,
        code -> Integer,
    }
}

/// `ON CONFLICT ROLLBACK` makes SQLite end the whole transaction on a duplicate (as a full disk
/// or an I/O error does): statements after it must not commit one by one.
#[test]
fn sqlite_transaction_ended_by_sqlite_commits_nothing_after_it() {
    let mut conn = crate::common::sqlite();
    conn.batch_execute(
        "CREATE TABLE strict_rows (id INTEGER PRIMARY KEY, code INTEGER UNIQUE ON CONFLICT ROLLBACK)",
    )
    .unwrap();
    let add = |conn: &mut SqliteConnection, code: i32| {
        insert(strict_rows::table).values(strict_rows::code.eq(code)).execute(conn)
    };
    let outcome = conn.transaction(|tx| -> aludel::Result<()> {
        add(tx, 1)?;
        let _ = add(tx, 1); // ignored: SQLite has rolled back the transaction
        let err = add(tx, 2).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TransactionAborted, "{err}");
        // A nested transaction cannot start a new one behind the caller's back either.
        let nested = tx.transaction(|inner| add(inner, 3));
        assert_eq!(nested.unwrap_err().kind(), ErrorKind::TransactionAborted);
        Ok(())
    });
    assert_eq!(outcome.unwrap_err().kind(), ErrorKind::TransactionAborted);
    let codes: Vec<i32> = strict_rows::table.select(strict_rows::code).load(&mut conn).unwrap();
    assert!(codes.is_empty(), "{codes:?}");
    // Ignoring the error as the last statement: the commit says the transaction is gone.
    let outcome = conn.transaction(|tx| -> aludel::Result<()> {
        add(tx, 1)?;
        let _ = add(tx, 1);
        Ok(())
    });
    let err = outcome.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TransactionAborted, "{err}");
    let codes: Vec<i32> = strict_rows::table.select(strict_rows::code).load(&mut conn).unwrap();
    assert!(codes.is_empty(), "{codes:?}");
    // The connection works normally afterwards.
    conn.transaction(|tx| add(tx, 4)).unwrap();
    let codes: Vec<i32> = strict_rows::table.select(strict_rows::code).load(&mut conn).unwrap();
    assert_eq!(codes, [4]);
}

#[test]
fn postgres_commit_after_the_connection_was_lost_is_a_connection_error() {
    let Some(mut guard) = crate::common::pg("commit_after_lost") else { return };
    let schema: String = guard.conn.raw().query_one("SELECT current_schema()", &[]).unwrap().get(0);
    create(&mut guard.conn);
    let mut victim = PgConnection::connect(&crate::common::pg_url()).unwrap();
    victim.batch_execute(&format!("SET search_path TO {schema}")).unwrap();
    let pid: i32 = victim.raw().query_one("SELECT pg_backend_pid()", &[]).unwrap().get(0);
    let outcome = victim.transaction(|tx| -> aludel::Result<()> {
        put(tx, "lost")?;
        let mut killer = PgConnection::connect(&crate::common::pg_url()).unwrap();
        killer.raw().execute("SELECT pg_terminate_backend($1)", &[&pid]).unwrap();
        std::thread::sleep(Duration::from_millis(100));
        let _ = put(tx, "also lost"); // ignored
        Ok(())
    });
    let err = outcome.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Connection, "{err}");
    assert!(items(&mut guard.conn).is_empty());
}
