//! Transactions: commit on Ok, rollback on Err and on panic, savepoints when nested.

use aludel::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

aludel::table! {
    ledger (id) {
        id -> Integer,
        #[unique] entry -> Text,
    }
}

fn entries<C: Connection>(conn: &mut C) -> Vec<String> {
    ledger::table.select(ledger::entry).order_by(ledger::id).load(conn).unwrap()
}

fn add<C: Connection>(conn: &mut C, entry: &str) -> aludel::Result<usize> {
    insert(ledger::table).values(ledger::entry.eq(entry)).execute(conn)
}

crate::backend_test!(commit_rollback_and_panic, |conn| {
    MetaData::new([ledger::table::def()]).create_all(conn, CheckFirst::No).unwrap();

    conn.transaction(|tx| add(tx, "kept")).unwrap();
    assert_eq!(entries(conn), ["kept"]);

    let failed: aludel::Result<()> = conn.transaction(|tx| {
        add(tx, "rolled back")?;
        Err(Error::new(ErrorKind::Database, "the caller changed its mind"))
    });
    assert_eq!(failed.unwrap_err().message(), "the caller changed its mind");
    assert_eq!(entries(conn), ["kept"]);

    // A database error inside the closure rolls back everything before it.
    let duplicate = conn.transaction(|tx| {
        add(tx, "first")?;
        add(tx, "kept")
    });
    assert_eq!(duplicate.unwrap_err().kind(), ErrorKind::UniqueViolation);
    assert_eq!(entries(conn), ["kept"]);

    let panicked = catch_unwind(AssertUnwindSafe(|| {
        let _ = conn.transaction(|tx| -> aludel::Result<()> {
            add(tx, "during panic").unwrap();
            panic!("boom");
        });
    }));
    assert!(panicked.is_err());
    assert_eq!(conn.transaction_depth(), 0);
    assert_eq!(entries(conn), ["kept"]);

    // The connection is still usable and not stuck in a transaction.
    add(conn, "after").unwrap();
    assert_eq!(entries(conn), ["kept", "after"]);
});

crate::backend_test!(nested_transactions_are_savepoints, |conn| {
    MetaData::new([ledger::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    conn.transaction(|outer| -> aludel::Result<()> {
        add(outer, "outer")?;
        assert_eq!(outer.transaction_depth(), 1);
        let inner: aludel::Result<()> = outer
            .transaction(|inner| {
                assert_eq!(inner.transaction_depth(), 2);
                add(inner, "inner, undone")?;
                add(inner, "outer") // unique violation: only the savepoint is rolled back
            })
            .map(|_| ());
        assert_eq!(inner.unwrap_err().kind(), ErrorKind::UniqueViolation);
        outer.transaction(|inner| add(inner, "inner, kept"))?;
        Ok(())
    })
    .unwrap();
    assert_eq!(entries(conn), ["outer", "inner, kept"]);

    // An outer rollback undoes a released savepoint too.
    let _ = conn.transaction(|outer| -> aludel::Result<()> {
        outer.transaction(|inner| add(inner, "released"))?;
        Err(Error::new(ErrorKind::Database, "outer fails"))
    });
    assert_eq!(entries(conn), ["outer", "inner, kept"]);
});
