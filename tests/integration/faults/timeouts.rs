//! A server that accepts TCP and never answers, and statement timeouts.

use super::*;

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
