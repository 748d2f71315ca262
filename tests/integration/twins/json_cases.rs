//! Twins of the JSON compile-fail cases (feature `json`).

use aludel::prelude::*;

aludel::table! {
    events (id) { id -> Integer, payload -> Jsonb, }
}

crate::pg_twin!(jsonb_contains_executed_on_sqlite, |conn| {
    MetaData::new([events::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(events::table)
        .values(vec![
            (events::payload.eq(serde_json::json!({"kind": "login", "user": 1})),),
            (events::payload.eq(serde_json::json!({"kind": "logout"})),),
        ])
        .execute(conn)
        .unwrap();
    let ids = events::table
        .select(events::id)
        .filter(events::payload.contains(serde_json::json!({"kind": "login"})))
        .load::<i32>(conn)
        .unwrap();
    assert_eq!(ids, [1]);
});
