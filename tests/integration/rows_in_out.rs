//! Rows in and out: upsert, UPDATE ... FROM, RETURNING expressions, row locks.

use aludel::prelude::*;

aludel::table! {
    counters (id) {
        id -> Integer,
        #[unique] name -> Text,
        hits -> Integer,
        note -> Nullable<Text>,
    }
    updates (id) { id -> Integer, name -> Text, extra -> Integer, }
}

fn setup<C: Connection>(conn: &mut C) {
    MetaData::new([counters::table::def(), updates::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
}

crate::backend_test!(upsert, |conn| {
    setup(conn);
    for (name, by, expected) in [("a", 1, 1), ("a", 2, 3), ("b", 5, 5), ("a", 10, 13)] {
        let hits: i32 = insert(counters::table)
            .values((counters::name.eq(name), counters::hits.eq(by)))
            .on_conflict(counters::name)
            .do_update((
                counters::hits.eq(counters::hits + excluded(counters::hits)),
                counters::note.eq("bumped"),
            ))
            .returning(counters::hits)
            .first(conn)
            .unwrap();
        assert_eq!(hits, expected, "{name} +{by}");
    }
    // DO NOTHING, with and without a target: the existing row stays as it is.
    let skipped = insert(counters::table)
        .values((counters::name.eq("a"), counters::hits.eq(100)))
        .on_conflict(counters::name)
        .do_nothing()
        .execute(conn)
        .unwrap();
    assert_eq!(skipped, 0);
    let mixed = insert(counters::table)
        .values(vec![
            (counters::name.eq("b"), counters::hits.eq(100)),
            (counters::name.eq("c"), counters::hits.eq(7)),
        ])
        .on_conflict_do_nothing()
        .execute(conn)
        .unwrap();
    assert_eq!(mixed, 1);
    let rows: Vec<(String, i32, Option<String>)> = counters::table
        .select((counters::name, counters::hits, counters::note))
        .order_by(counters::name)
        .load(conn)
        .unwrap();
    assert_eq!(
        rows,
        [("a".into(), 13, Some("bumped".into())), ("b".into(), 5, None), ("c".into(), 7, None)]
    );
});

crate::backend_test!(update_from_and_returning_expressions, |conn| {
    setup(conn);
    insert(counters::table)
        .values(vec![
            (counters::name.eq("a"), counters::hits.eq(1)),
            (counters::name.eq("b"), counters::hits.eq(2)),
            (counters::name.eq("c"), counters::hits.eq(3)),
        ])
        .execute(conn)
        .unwrap();
    insert(updates::table)
        .values(vec![
            (updates::name.eq("a"), updates::extra.eq(10)),
            (updates::name.eq("c"), updates::extra.eq(30)),
        ])
        .execute(conn)
        .unwrap();
    let changed: Vec<(String, i32)> = update(counters::table)
        .from(updates::table)
        .set(counters::hits.eq(counters::hits + updates::extra))
        .filter(updates::name.eq(counters::name))
        .returning((counters::name, counters::hits * 2))
        .load(conn)
        .unwrap();
    let mut changed = changed;
    changed.sort();
    assert_eq!(changed, [("a".to_owned(), 22), ("c".to_owned(), 66)]);
    let all: Vec<i32> =
        counters::table.select(counters::hits).order_by(counters::name).load(conn).unwrap();
    assert_eq!(all, [11, 2, 33]);
});

#[test]
fn row_locks_on_postgres() {
    let Some(mut guard) = crate::common::pg("row_locks") else { return };
    let conn = &mut guard.conn;
    setup(conn);
    insert(counters::table)
        .values((counters::name.eq("a"), counters::hits.eq(1)))
        .execute(conn)
        .unwrap();
    conn.transaction(|tx| -> aludel::Result<()> {
        let hits: i32 = counters::table
            .select(counters::hits)
            .filter(counters::name.eq("a"))
            .for_update()
            .first(tx)?;
        update(counters::table).set(counters::hits.eq(hits + 1)).execute(tx)?;
        let skip: Vec<i32> =
            counters::table.select(counters::id).for_share().skip_locked().load(tx)?;
        assert_eq!(skip.len(), 1);
        Ok(())
    })
    .unwrap();
    let q = counters::table.select(counters::id).for_update().nowait();
    assert!(q.compile::<Postgres>().sql().ends_with(" FOR UPDATE NOWAIT"));
}
