//! Schema changes under cached prepared statements (`ALTER COLUMN .. TYPE`), also while
//! other threads read.

use super::*;

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
