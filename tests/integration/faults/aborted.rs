//! Transactions a failed statement aborted (or that SQLite ended itself): nothing is
//! committed, and the caller is told.

use super::*;

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
        // The row was never committed: the session forgets the object instead of keeping it
        // under the key of a row that does not exist, and a lookup goes to the database.
        let id = obj.borrow().id.unwrap();
        assert!(session.get::<Item>(id).unwrap().is_none());
        session.commit().unwrap();
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
