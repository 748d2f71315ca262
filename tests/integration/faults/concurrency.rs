//! Write conflicts: `BEGIN IMMEDIATE`, retryable errors and the retry helper.

use super::*;

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
