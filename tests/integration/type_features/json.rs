//! `serde_json::Value` as `Json` and `Jsonb`, and the JSON operators.

use aludel::prelude::*;
use serde_json::json;

aludel::table! {
    docs (id) { id -> Integer, doc -> Json, bin -> Jsonb, maybe -> Nullable<Jsonb>, }
    #[sql_name = "loose_docs"]
    loose (id) { id -> Integer, doc -> Json, }
}

fn seed(conn: &mut impl Connection) {
    MetaData::new([docs::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    let ada = json!({"name": "ada", "tags": ["x", "y"], "n": 42, "nested": {"ok": true}});
    let bob = json!({"name": "bob", "tags": [], "n": 1.5});
    insert(docs::table)
        .values(vec![
            (docs::doc.eq(&ada), docs::bin.eq(&ada), docs::maybe.eq(Some(json!([1, "two", null])))),
            (docs::doc.eq(&bob), docs::bin.eq(&bob), docs::maybe.eq(None::<serde_json::Value>)),
        ])
        .execute(conn)
        .unwrap();
}

crate::backend_test!(json_round_trip, |conn| {
    seed(conn);
    let rows: Vec<(i32, serde_json::Value, serde_json::Value, Option<serde_json::Value>)> =
        docs::table.order_by(docs::id).load(conn).unwrap();
    let ada = json!({"name": "ada", "tags": ["x", "y"], "n": 42, "nested": {"ok": true}});
    let bob = json!({"name": "bob", "tags": [], "n": 1.5});
    assert_eq!(
        rows,
        [(1, ada.clone(), ada.clone(), Some(json!([1, "two", null]))), (2, bob.clone(), bob, None)]
    );
    // A JSONB column compares with a bound document.
    let found: Vec<i32> =
        docs::table.select(docs::id).filter(docs::bin.eq(&ada)).load(conn).unwrap();
    assert_eq!(found, [1]);
});

crate::backend_test!(json_operators, |conn| {
    seed(conn);
    // `->>` by key, on JSON and JSONB, in SELECT and WHERE.
    let names: Vec<Option<String>> = docs::table
        .select(docs::doc.get_text("name"))
        .filter(docs::bin.get_text("name").ne("bob"))
        .load(conn)
        .unwrap();
    assert_eq!(names, [Some("ada".to_owned())]);
    // `->` by key, then by index, stays JSON; `->>` of a number is its text.
    let rows: Vec<(Option<serde_json::Value>, Option<serde_json::Value>, Option<String>)> =
        docs::table
            .select((
                docs::bin.get("tags").get(1),
                docs::doc.get("nested"),
                docs::bin.get_text("n"),
            ))
            .order_by(docs::id)
            .load(conn)
            .unwrap();
    assert_eq!(
        rows,
        [
            (Some(json!("y")), Some(json!({"ok": true})), Some("42".to_owned())),
            (None, None, Some("1.5".to_owned())),
        ]
    );
    // A missing key is NULL.
    let missing: Vec<Option<String>> =
        docs::table.select(docs::bin.get_text("nope")).load(conn).unwrap();
    assert_eq!(missing, [None, None]);
});

#[test]
fn postgres_jsonb_containment_and_key_tests() {
    let Some(mut guard) = crate::common::pg("jsonb_operators") else { return };
    let conn = &mut guard.conn;
    seed(conn);
    let q = docs::table
        .select(docs::id)
        .filter(docs::bin.contains(json!({"tags": ["y"]})))
        .order_by(docs::id);
    assert_eq!(
        q.compile::<Postgres>().sql(),
        r#"SELECT "docs"."id" FROM "docs" WHERE ("docs"."bin" @> $1) ORDER BY "docs"."id""#
    );
    assert_eq!(q.load::<i32>(conn).unwrap(), [1]);
    let with_nested: Vec<i32> =
        docs::table.select(docs::id).filter(docs::bin.has_key("nested")).load(conn).unwrap();
    assert_eq!(with_nested, [1]);
    let with_name: Vec<i32> = docs::table
        .select(docs::id)
        .filter(docs::bin.has_key("name"))
        .order_by(docs::id)
        .load(conn)
        .unwrap();
    assert_eq!(with_name, [1, 2]);
}

crate::backend_test!(json_that_does_not_parse_is_a_conversion_error, |conn| {
    conn.batch_execute("CREATE TABLE loose_docs (id INTEGER PRIMARY KEY, doc TEXT)").unwrap();
    conn.batch_execute("INSERT INTO loose_docs (id, doc) VALUES (1, '{\"unclosed\": ')").unwrap();
    let err = loose::table.select(loose::doc).first::<serde_json::Value>(conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conversion, "{err}");
    assert!(err.to_string().contains("JSON"), "{err}");
});
