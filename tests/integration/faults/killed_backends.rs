//! Sixteen threads on one engine while backends are killed: every committed row is there.

use super::*;

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
