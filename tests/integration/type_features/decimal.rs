//! `rust_decimal::Decimal` as `Numeric`.

use aludel::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

aludel::table! {
    prices (id) { id -> Integer, amount -> Numeric, maybe -> Nullable<Numeric>, }
    #[sql_name = "loose_prices"]
    loose (id) { id -> Integer, amount -> Numeric, }
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

crate::backend_test!(decimal_round_trip, |conn| {
    MetaData::new([prices::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(prices::table)
        .values(vec![
            (prices::amount.eq(dec("12.50")), prices::maybe.eq(Some(dec("-0.001")))),
            (prices::amount.eq(dec("0.1")), prices::maybe.eq(None::<Decimal>)),
        ])
        .execute(conn)
        .unwrap();
    let rows: Vec<(i32, Decimal, Option<Decimal>)> =
        prices::table.order_by(prices::id).load(conn).unwrap();
    // Decimal's equality ignores the scale: 12.5 == 12.50 (SQLite keeps no trailing zeros).
    assert_eq!(rows, [(1, dec("12.5"), Some(dec("-0.001"))), (2, dec("0.1"), None)]);
    // A bound Decimal compares with the column, and is an arithmetic operand.
    let above: Vec<i32> =
        prices::table.select(prices::id).filter(prices::amount.gt(dec("1.25"))).load(conn).unwrap();
    assert_eq!(above, [1]);
    let doubled: Vec<Decimal> =
        prices::table.select(prices::amount * dec("2")).order_by(prices::id).load(conn).unwrap();
    assert_eq!(doubled, [dec("25"), dec("0.2")]);
    // ... also on the left of an operator, as an `f64` may stand.
    let rest: Vec<Decimal> =
        prices::table.select(dec("100") - prices::amount).order_by(prices::id).load(conn).unwrap();
    assert_eq!(rest, [dec("87.5"), dec("99.9")]);
});

crate::backend_test!(decimal_that_does_not_fit_is_a_conversion_error, |conn| {
    // Text where the code declares NUMERIC: the live table disagrees with the schema code.
    conn.batch_execute("CREATE TABLE loose_prices (id INTEGER PRIMARY KEY, amount TEXT)").unwrap();
    conn.batch_execute("INSERT INTO loose_prices (id, amount) VALUES (1, 'twelve')").unwrap();
    let err = loose::table.select(loose::amount).first::<Decimal>(conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conversion, "{err}");
    assert!(err.to_string().contains("twelve"), "{err}");
});

#[test]
fn postgres_numeric_loads_exactly() {
    let Some(mut guard) = crate::common::pg("decimal_exact") else { return };
    let conn = &mut guard.conn;
    MetaData::new([prices::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    let many = dec("12345678901234567890.123456789");
    insert(prices::table)
        .values((
            prices::amount.eq(many),
            prices::maybe.eq(Some(dec("0.0000000000000000000000000001"))),
        ))
        .execute(conn)
        .unwrap();
    let (amount, maybe): (Decimal, Option<Decimal>) =
        prices::table.select((prices::amount, prices::maybe)).first(conn).unwrap();
    assert_eq!(amount.to_string(), "12345678901234567890.123456789");
    assert_eq!(maybe.unwrap().to_string(), "0.0000000000000000000000000001");
    let found: Vec<i32> =
        prices::table.select(prices::id).filter(prices::amount.eq(many)).load(conn).unwrap();
    assert_eq!(found, [1]);
    // NaN, infinities and values beyond Decimal's 96 bits are errors, never rounded.
    for bad in ["'NaN'", "'Infinity'", "1e40", "0.00000000000000000000000000001"] {
        conn.batch_execute(&format!("UPDATE prices SET amount = {bad}")).unwrap();
        let err = prices::table.select(prices::amount).first::<Decimal>(conn).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Conversion, "{bad}: {err}");
    }
}
