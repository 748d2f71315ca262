//! A connection returned to the pool inside a transaction is rolled back and reused.

use super::*;

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
