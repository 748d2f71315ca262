//! INSERT, UPDATE, DELETE, with and without RETURNING.

use aludel::prelude::*;

aludel::table! {
    accounts (id) {
        id -> BigInt,
        #[unique] owner -> Text,
        balance -> Integer,
        #[default = true] active -> Bool,
    }

    archive (id) {
        id -> Integer,
        owner -> Text,
        balance -> BigInt,
    }
}

fn setup<C: Connection>(conn: &mut C) {
    MetaData::new([accounts::table::def(), archive::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
}

crate::backend_test!(insert_one_many_and_from_select, |conn| {
    setup(conn);
    let n = insert(accounts::table)
        .values((accounts::owner.eq("ada"), accounts::balance.eq(10)))
        .execute(conn)
        .unwrap();
    assert_eq!(n, 1);

    // Many rows in one statement; generated keys come back in insertion order.
    let owners: Vec<String> = (0..50).map(|i| format!("user{i:02}")).collect();
    let rows: Vec<_> = owners
        .iter()
        .enumerate()
        .map(|(i, o)| (accounts::owner.eq(o), accounts::balance.eq(i as i32)))
        .collect();
    let ids: Vec<i64> =
        insert(accounts::table).values(rows).returning(accounts::id).load(conn).unwrap();
    assert_eq!(ids, (2..=51).collect::<Vec<i64>>());
    let stored: Vec<(i64, String)> = accounts::table
        .select((accounts::id, accounts::owner))
        .filter(accounts::id.ge(2))
        .order_by(accounts::id)
        .load(conn)
        .unwrap();
    assert_eq!(stored[0], (2, "user00".to_owned()));
    assert_eq!(stored[49], (51, "user49".to_owned()));

    // Zero rows: nothing to do, no invalid SQL.
    let none: Vec<(
        aludel::expr::Binary<aludel::expr::Eq, accounts::owner, aludel::expr::Bound<'_, Text>>,
    )> = Vec::new();
    assert_eq!(insert(accounts::table).values(none).execute(conn).unwrap(), 0);

    // RETURNING of several columns, including a Rust-side default.
    let (id, active): (i64, bool) = insert(accounts::table)
        .values((accounts::owner.eq(String::from("bob")), accounts::balance.eq(-5)))
        .returning((accounts::id, accounts::active))
        .first(conn)
        .unwrap();
    assert_eq!((id, active), (52, true));

    // INSERT ... SELECT, with an Integer column feeding a BigInt column.
    let copied = insert(archive::table)
        .from_select(
            (archive::owner, archive::balance),
            accounts::table
                .select((accounts::owner, accounts::balance))
                .filter(accounts::balance.lt(0).or(accounts::owner.eq("ada"))),
        )
        .execute(conn)
        .unwrap();
    assert_eq!(copied, 2);
    let archived: Vec<(String, i64)> = archive::table
        .select((archive::owner, archive::balance))
        .order_by(archive::owner)
        .load(conn)
        .unwrap();
    assert_eq!(archived, [("ada".to_owned(), 10), ("bob".to_owned(), -5)]);
});

crate::backend_test!(update_and_delete, |conn| {
    setup(conn);
    insert(accounts::table)
        .values(vec![
            (accounts::owner.eq("ada"), accounts::balance.eq(10)),
            (accounts::owner.eq("bob"), accounts::balance.eq(20)),
            (accounts::owner.eq("cy"), accounts::balance.eq(30)),
        ])
        .execute(conn)
        .unwrap();

    // Expressions in SET, several assignments, a filter.
    let changed = update(accounts::table)
        .set((accounts::balance.eq(accounts::balance * 2 + 1), accounts::active.eq(false)))
        .filter(accounts::balance.ge(20))
        .execute(conn)
        .unwrap();
    assert_eq!(changed, 2);
    let rows: Vec<(String, i32, bool)> = accounts::table
        .select((accounts::owner, accounts::balance, accounts::active))
        .order_by(accounts::id)
        .load(conn)
        .unwrap();
    assert_eq!(
        rows,
        [("ada".into(), 10, true), ("bob".into(), 41, false), ("cy".into(), 61, false)]
    );

    // UPDATE ... RETURNING.
    let renamed: Vec<(i64, String)> = update(accounts::table)
        .set(accounts::owner.eq(accounts::owner.concat("!")))
        .filter(accounts::active.eq(false))
        .returning((accounts::id, accounts::owner))
        .load(conn)
        .unwrap();
    let mut renamed = renamed;
    renamed.sort();
    assert_eq!(renamed, [(2, "bob!".to_owned()), (3, "cy!".to_owned())]);

    // An update that matches nothing changes nothing.
    let none = update(accounts::table)
        .set(accounts::balance.eq(0))
        .filter(accounts::id.eq(99))
        .execute(conn)
        .unwrap();
    assert_eq!(none, 0);

    // DELETE ... RETURNING, then a plain DELETE.
    let gone: Vec<String> = delete(accounts::table)
        .filter(accounts::balance.gt(50))
        .returning(accounts::owner)
        .load(conn)
        .unwrap();
    assert_eq!(gone, ["cy!"]);
    assert_eq!(
        delete(accounts::table).filter(accounts::owner.like("a%")).execute(conn).unwrap(),
        1
    );
    let left: Vec<String> = accounts::table.select(accounts::owner).load(conn).unwrap();
    assert_eq!(left, ["bob!"]);
    assert_eq!(delete(accounts::table).execute(conn).unwrap(), 1);
    assert!(accounts::table.select(accounts::id).load::<i64>(conn).unwrap().is_empty());
});
