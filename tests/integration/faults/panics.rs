//! Panics in callbacks and hooks: every transaction aludel opened is rolled back, and a
//! pooled connection never carries one to its next user.

use super::*;

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

/// Sixteen threads share an engine of two connections; every third transaction panics half-way.
/// The pool keeps its count, nobody waits forever, and exactly the committed rows are there.
#[test]
fn postgres_sixteen_threads_with_panicking_transactions() {
    let config =
        PoolConfig::default().max_size(2).max_overflow(0).checkout_timeout(Duration::from_secs(60));
    let Some((engine, mut reader)) = pg_engine("sixteen_panicking", config) else {
        return;
    };
    create(&mut *engine.get().unwrap());
    let committed = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let threads: Vec<_> = (0..16)
        .map(|t| {
            let engine = engine.clone();
            let committed = committed.clone();
            std::thread::spawn(move || {
                for step in 0..9 {
                    let item = format!("{t}-{step}");
                    let outcome = catch_unwind(AssertUnwindSafe(|| {
                        engine.transaction(|tx| -> aludel::Result<()> {
                            put(tx, &item)?;
                            if step % 3 == 2 {
                                panic!("transaction {item} fails half-way");
                            }
                            Ok(())
                        })
                    }));
                    if let Ok(result) = outcome {
                        result.unwrap();
                        committed.lock().unwrap().push(item);
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert!(engine.status().open <= 2, "{:?}", engine.status());
    let mut expected = committed.lock().unwrap().clone();
    expected.sort();
    assert_eq!(expected.len(), 16 * 6);
    let mut found = items(&mut reader.conn);
    found.sort();
    assert_eq!(found, expected);
}
