//! `uuid::Uuid` as `Uuid` (PostgreSQL `UUID`, lowercase text on SQLite).

use aludel::prelude::*;

aludel::table! {
    tokens (id) { id -> Integer, token -> Uuid, maybe -> Nullable<Uuid>, }
    #[sql_name = "loose_tokens"]
    loose (id) { id -> Integer, token -> Uuid, }
}

crate::backend_test!(uuid_round_trip, |conn| {
    MetaData::new([tokens::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    let high = uuid::Uuid::from_u128(0xF1E2_D3C4_B5A6_4978_8695_A4B3_C2D1_E0F0);
    let low = uuid::Uuid::from_u128(0x0123_4567_89AB_4DEF_8123_4567_89AB_CDEF);
    insert(tokens::table)
        .values(vec![
            (tokens::token.eq(high), tokens::maybe.eq(Some(low))),
            (tokens::token.eq(low), tokens::maybe.eq(None::<uuid::Uuid>)),
        ])
        .execute(conn)
        .unwrap();
    let rows: Vec<(i32, uuid::Uuid, Option<uuid::Uuid>)> =
        tokens::table.order_by(tokens::id).load(conn).unwrap();
    assert_eq!(rows, [(1, high, Some(low)), (2, low, None)]);
    let found: Vec<i32> =
        tokens::table.select(tokens::id).filter(tokens::token.eq(low)).load(conn).unwrap();
    assert_eq!(found, [2]);
    // Both backends order UUIDs by their bytes.
    let ordered: Vec<uuid::Uuid> =
        tokens::table.select(tokens::token).order_by(tokens::token).load(conn).unwrap();
    assert_eq!(ordered, [low, high]);
    let joined: Vec<i32> = tokens::table
        .select(tokens::id)
        .filter(tokens::maybe.eq(tokens::token))
        .load(conn)
        .unwrap();
    assert!(joined.is_empty());
});

crate::backend_test!(uuid_that_does_not_fit_is_a_conversion_error, |conn| {
    conn.batch_execute("CREATE TABLE loose_tokens (id INTEGER PRIMARY KEY, token TEXT)").unwrap();
    conn.batch_execute("INSERT INTO loose_tokens (id, token) VALUES (1, 'not-a-uuid')").unwrap();
    let err = loose::table.select(loose::token).first::<uuid::Uuid>(conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conversion, "{err}");
    assert!(err.to_string().contains("not-a-uuid"), "{err}");
});
