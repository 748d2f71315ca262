//! Values that do not fit: NUMERIC infinities, NaN into SQLite, hostile text.

use super::*;

aludel::table! {
    amounts (id) {
        id -> Integer,
        amount -> Numeric,
        ratio -> Nullable<Double>,
    }
}

#[test]
fn postgres_numeric_infinity_is_read_as_infinity() {
    let Some(mut guard) = crate::common::pg("numeric_infinity") else { return };
    let conn = &mut guard.conn;
    MetaData::new([amounts::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    conn.batch_execute(
        "INSERT INTO amounts (amount) VALUES ('Infinity'), ('-Infinity'), ('NaN'), ('1.5')",
    )
    .unwrap();
    let texts: Vec<String> =
        amounts::table.select(amounts::amount).order_by(amounts::id).load(conn).unwrap();
    assert_eq!(texts, ["Infinity", "-Infinity", "NaN", "1.5"]);
    let floats: Vec<f64> =
        amounts::table.select(amounts::amount).order_by(amounts::id).load(conn).unwrap();
    assert_eq!(floats[0], f64::INFINITY);
    assert_eq!(floats[1], f64::NEG_INFINITY);
    assert!(floats[2].is_nan());
    // And back: infinities are written as NUMERIC infinities.
    insert(amounts::table).values(amounts::amount.eq("-Infinity")).execute(conn).unwrap();
    let last: String =
        amounts::table.select(amounts::amount).order_by(amounts::id.desc()).first(conn).unwrap();
    assert_eq!(last, "-Infinity");
}

#[test]
fn sqlite_nan_is_refused_not_stored_as_null() {
    let mut conn = crate::common::sqlite();
    MetaData::new([amounts::table::def()]).create_all(&mut conn, CheckFirst::No).unwrap();
    let err = insert(amounts::table)
        .values((amounts::amount.eq("1"), amounts::ratio.eq(Some(f64::NAN))))
        .execute(&mut conn)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conversion, "{err}");
    assert!(err.to_string().contains("NaN"), "{err}");
    let n: i64 = amounts::table.select(count_star()).first(&mut conn).unwrap();
    assert_eq!(n, 0);
}

crate::backend_test!(hostile_text_round_trips_or_is_refused, |conn| {
    create(conn);
    let hostile = [
        "'; DROP TABLE vault; --",
        "\\' OR '1'='1",
        "$1 ?1 %s {}",
        "naïve — 日本語 🎉",
        &"x".repeat(100_000),
    ];
    for text in hostile {
        put(conn, text).unwrap();
    }
    assert_eq!(items(conn), hostile);
    // A NUL byte: SQLite stores it, PostgreSQL text cannot hold it. Never silently cut.
    match put(conn, "before\0after") {
        Ok(_) => assert_eq!(items(conn).last().unwrap(), "before\0after"),
        Err(e) => {
            assert_eq!(e.kind(), ErrorKind::Conversion, "{e}");
            assert_eq!(items(conn).len(), hostile.len());
        }
    }
    put(conn, "still works").unwrap();
});
