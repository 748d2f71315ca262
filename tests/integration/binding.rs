//! A bound Rust value means the same on both databases, whatever the comparison around it:
//! against a column (WHERE), against an aggregate (HAVING), against a scalar subquery, inside
//! CASE, and in arithmetic. SQLite compares any text as greater than any number, so a value
//! that is a number in SQL must reach it as a number, never as text.
//!
//! Each test seeds two groups of two rows and runs every context for one SQL type.

use aludel::prelude::*;

aludel::table! {
    bind_numbers (id) {
        id -> Integer,
        grp -> Integer,
        small -> SmallInt,
        int -> Integer,
        big -> BigInt,
        float -> Float,
        double -> Double,
        exact -> Numeric,
    }

    bind_others (id) {
        id -> Integer,
        grp -> Integer,
        label -> Text,
        flag -> Bool,
    }
}

fn seed_numbers<C: Connection>(conn: &mut C) {
    MetaData::new([bind_numbers::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    use bind_numbers::*;
    let rows = [
        (1, 10i16, 10, 10i64, 1.5f32, 1.5f64, "100.50"),
        (1, 30, 30, 30, 3.5, 3.5, "200.25"),
        (2, 20, 20, 20, 2.5, 2.5, "150"),
        (2, 40, 40, 40, 4.5, 4.5, "160.75"),
    ];
    insert(table)
        .values(
            rows.iter()
                .map(|&(g, s, i, b, f, d, e)| {
                    (
                        grp.eq(g),
                        small.eq(s),
                        int.eq(i),
                        big.eq(b),
                        float.eq(f),
                        double.eq(d),
                        exact.eq(e),
                    )
                })
                .collect::<Vec<_>>(),
        )
        .execute(conn)
        .unwrap();
}

/// Runs the five contexts for column `$col` of `bind_numbers`, binding `$v` (and the values
/// after it) as Rust values of the column's (or the aggregate's) SQL type.
macro_rules! number_contexts {
    ($conn:ident, $col:ident, where: $w:expr, sum: $s:expr, avg: $a:expr, max: $m:expr, case: $c:expr, times: $t:expr, product: $p:expr) => {{
        use bind_numbers::*;
        // WHERE column > value
        let ids: Vec<i32> = table.select(id).filter($col.gt($w)).order_by(id).load($conn).unwrap();
        assert_eq!(ids, [2, 4], "WHERE {} > value", stringify!($col));
        // HAVING sum(column) > value, HAVING avg(column) < value
        let groups: Vec<i32> = table
            .select(grp)
            .group_by(grp)
            .having(sum($col).gt($s))
            .order_by(grp)
            .load($conn)
            .unwrap();
        assert_eq!(groups, [2], "HAVING sum({}) > value", stringify!($col));
        let groups: Vec<i32> = table
            .select(grp)
            .group_by(grp)
            .having(avg($col).lt($a))
            .order_by(grp)
            .load($conn)
            .unwrap();
        assert_eq!(groups, [1], "HAVING avg({}) < value", stringify!($col));
        // (SELECT max(column)) >= value
        let n: i64 = table
            .select(count_star())
            .filter(table.select(max($col)).scalar_subquery().ge($m))
            .first($conn)
            .unwrap();
        assert_eq!(n, 4, "(SELECT max({})) >= value", stringify!($col));
        // CASE WHEN grp = 1 THEN column ELSE value END > column (the value is a branch)
        let ids: Vec<i32> = table
            .select(id)
            .filter(case_when(grp.eq(1), $col).otherwise($c).gt($col))
            .order_by(id)
            .load($conn)
            .unwrap();
        assert_eq!(ids, [3], "CASE ... ELSE value END > {}", stringify!($col));
        // column * value > value
        let ids: Vec<i32> =
            table.select(id).filter(($col * $t).gt($p)).order_by(id).load($conn).unwrap();
        assert_eq!(ids, [2, 4], "{} * value > value", stringify!($col));
    }};
}

crate::backend_test!(smallint_binds_as_a_number, |conn| {
    seed_numbers(conn);
    number_contexts!(conn, small,
        where: 25i16, sum: 45i64, avg: 25.0, max: 40i16, case: 35i16, times: 2i16, product: 50i16);
});

crate::backend_test!(integer_binds_as_a_number, |conn| {
    seed_numbers(conn);
    number_contexts!(conn, int,
        where: 25, sum: 45i64, avg: 25.0, max: 40, case: 35, times: 2, product: 50);
});

crate::backend_test!(bigint_binds_as_a_number, |conn| {
    seed_numbers(conn);
    // sum(BigInt) is Numeric: the value binds as a decimal.
    number_contexts!(conn, big,
        where: 25i64, sum: 45.0, avg: 25.0, max: 40i64, case: 35i64, times: 2i64, product: 50i64);
    number_contexts!(conn, big,
        where: 25i64, sum: "45", avg: "25", max: 40i64, case: 35i64, times: 2i64, product: 50i64);
});

crate::backend_test!(float_binds_as_a_number, |conn| {
    seed_numbers(conn);
    number_contexts!(conn, float,
        where: 3.0f32, sum: 6.0f32, avg: 3.0, max: 4.5f32, case: 4.0f32, times: 2.0f32, product: 6.0f32);
});

crate::backend_test!(double_binds_as_a_number, |conn| {
    seed_numbers(conn);
    number_contexts!(conn, double,
        where: 3.0, sum: 6.0, avg: 3.0, max: 4.5, case: 4.0, times: 2.0, product: 6.0);
});

crate::backend_test!(numeric_binds_as_a_number, |conn| {
    seed_numbers(conn);
    // f64 values...
    number_contexts!(conn, exact,
        where: 155.0, sum: 305.5, avg: 152.0, max: 200.25, case: 155.0, times: 2.0, product: 320.0);
    // ...and exact decimal text, integral or not.
    number_contexts!(conn, exact,
        where: "155", sum: "305.5", avg: "152", max: "200.25", case: "155.0", times: "2", product: "320");
    // The example: a HAVING on a sum over a NUMERIC column.
    let heavy: Vec<i32> = bind_numbers::table
        .select(bind_numbers::grp)
        .group_by(bind_numbers::grp)
        .having(sum(bind_numbers::exact).gt(300.0))
        .order_by(bind_numbers::grp)
        .load(conn)
        .unwrap();
    assert_eq!(heavy, [1, 2]);
    // Arithmetic with a bound decimal keeps the fraction on both databases.
    let halves: Vec<f64> = bind_numbers::table
        .select(bind_numbers::exact * "0.5")
        .order_by(bind_numbers::id)
        .load(conn)
        .unwrap();
    assert_eq!(halves, [50.25, 100.125, 75.0, 80.375]);
    // Division by a bound decimal is never integer division, even when both are integral.
    let quarters: Vec<f64> = bind_numbers::table
        .select(bind_numbers::big / aludel::expr::TypedBind::<Numeric>::new("4"))
        .order_by(bind_numbers::id)
        .load(conn)
        .unwrap();
    assert_eq!(quarters, [2.5, 7.5, 5.0, 10.0]);
    // Integral decimals beyond 2^53 stay exact.
    let big: String = bind_numbers::table
        .select(bind_numbers::big + aludel::expr::TypedBind::<Numeric>::new("9007199254740993"))
        .filter(bind_numbers::id.eq(1))
        .first(conn)
        .unwrap();
    assert_eq!(big, "9007199254741003");
});

crate::backend_test!(malformed_numeric_text_is_an_error, |conn| {
    seed_numbers(conn);
    let err = bind_numbers::table
        .select(bind_numbers::id)
        .filter(bind_numbers::exact.gt("12,5"))
        .load::<i32>(conn)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conversion, "{err}");
    assert!(err.to_string().contains("12,5"), "{err}");
});

fn seed_others<C: Connection>(conn: &mut C) {
    MetaData::new([bind_others::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    use bind_others::*;
    insert(table)
        .values(vec![
            (grp.eq(1), label.eq("apple"), flag.eq(true)),
            (grp.eq(1), label.eq("cherry"), flag.eq(false)),
            (grp.eq(2), label.eq("banana"), flag.eq(false)),
            (grp.eq(2), label.eq("date"), flag.eq(false)),
        ])
        .execute(conn)
        .unwrap();
}

crate::backend_test!(text_binds_as_text, |conn| {
    seed_others(conn);
    use bind_others::*;
    let ids: Vec<i32> = table.select(id).filter(label.gt("b")).order_by(id).load(conn).unwrap();
    assert_eq!(ids, [2, 3, 4]);
    let groups: Vec<i32> =
        table.select(grp).group_by(grp).having(max(label).gt("cz")).load(conn).unwrap();
    assert_eq!(groups, [2]);
    let n: i64 = table
        .select(count_star())
        .filter(table.select(max(label)).scalar_subquery().eq("date"))
        .first(conn)
        .unwrap();
    assert_eq!(n, 4);
    let ids: Vec<i32> = table
        .select(id)
        .filter(case_when(grp.eq(1), label).otherwise("bz").gt(label))
        .order_by(id)
        .load(conn)
        .unwrap();
    assert_eq!(ids, [3]);
    let ids: Vec<i32> = table.select(id).filter(label.concat("!").eq("date!")).load(conn).unwrap();
    assert_eq!(ids, [4]);
    // Text that looks like a number stays text: '10' < '9'.
    let below: i64 = table
        .select(count_star())
        .filter(aludel::expr::TypedBind::<Text>::new("10").lt("9"))
        .first(conn)
        .unwrap();
    assert_eq!(below, 4);
});

crate::backend_test!(bool_binds_as_a_boolean, |conn| {
    seed_others(conn);
    use bind_others::*;
    let ids: Vec<i32> = table.select(id).filter(flag.eq(true)).load(conn).unwrap();
    assert_eq!(ids, [1]);
    let groups: Vec<i32> =
        table.select(grp).group_by(grp).having(bool_or(flag).eq(true)).load(conn).unwrap();
    assert_eq!(groups, [1]);
    let n: i64 = table
        .select(count_star())
        .filter(table.select(bool_and(flag)).scalar_subquery().eq(false))
        .first(conn)
        .unwrap();
    assert_eq!(n, 4);
    let ids: Vec<i32> = table
        .select(id)
        .filter(case_when(grp.eq(2), true).otherwise(flag).eq(false))
        .load(conn)
        .unwrap();
    assert_eq!(ids, [2]);
});

#[cfg(feature = "chrono")]
mod dates {
    use aludel::prelude::*;
    use chrono::{NaiveDate, NaiveDateTime};

    aludel::table! {
        bind_dates (id) { id -> Integer, grp -> Integer, day -> Date, at -> Timestamp, }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn t(y: i32, m: u32, day: u32, h: u32) -> NaiveDateTime {
        d(y, m, day).and_hms_opt(h, 0, 0).unwrap()
    }

    fn seed<C: Connection>(conn: &mut C) {
        MetaData::new([bind_dates::table::def()]).create_all(conn, CheckFirst::No).unwrap();
        use bind_dates::*;
        insert(table)
            .values(vec![
                (grp.eq(1), day.eq(d(2024, 1, 10)), at.eq(t(2024, 1, 10, 8))),
                (grp.eq(1), day.eq(d(2024, 2, 20)), at.eq(t(2024, 2, 20, 9))),
                (grp.eq(2), day.eq(d(2024, 1, 15)), at.eq(t(2024, 1, 15, 10))),
                (grp.eq(2), day.eq(d(2024, 3, 1)), at.eq(t(2024, 3, 1, 11))),
            ])
            .execute(conn)
            .unwrap();
    }

    macro_rules! date_contexts {
        ($conn:ident, $col:ident, $v:expr, $max:expr, $case:expr, $shifted:expr) => {{
            use bind_dates::*;
            let ids: Vec<i32> =
                table.select(id).filter($col.gt($v)).order_by(id).load($conn).unwrap();
            assert_eq!(ids, [2, 4]);
            let groups: Vec<i32> =
                table.select(grp).group_by(grp).having(max($col).gt($max)).load($conn).unwrap();
            assert_eq!(groups, [2]);
            let n: i64 = table
                .select(count_star())
                .filter(table.select(max($col)).scalar_subquery().gt($max))
                .first($conn)
                .unwrap();
            assert_eq!(n, 4);
            let ids: Vec<i32> = table
                .select(id)
                .filter(case_when(grp.eq(1), $col).otherwise($case).gt($col))
                .order_by(id)
                .load($conn)
                .unwrap();
            assert_eq!(ids, [3]);
            let ids: Vec<i32> = table
                .select(id)
                .filter($col.add_days(30).gt($shifted))
                .order_by(id)
                .load($conn)
                .unwrap();
            assert_eq!(ids, [2, 4]);
        }};
    }

    crate::backend_test!(date_binds_as_a_date, |conn| {
        seed(conn);
        date_contexts!(conn, day, d(2024, 2, 1), d(2024, 2, 25), d(2024, 2, 1), d(2024, 3, 2));
    });

    crate::backend_test!(timestamp_binds_as_a_timestamp, |conn| {
        seed(conn);
        date_contexts!(
            conn,
            at,
            t(2024, 2, 1, 0),
            t(2024, 2, 25, 0),
            t(2024, 2, 1, 0),
            t(2024, 3, 2, 0)
        );
    });
}

aludel::table! {
    bind_amounts (id) { id -> Integer, amount -> Numeric, units -> Integer, }
}

// A Numeric column keeps fractions, even `.00` ones, on SQLite too: its declared type gives it
// REAL affinity, so 901.00 does not become the integer 901 and division stays exact.
crate::backend_test!(numeric_column_keeps_its_fraction, |conn| {
    MetaData::new([bind_amounts::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    use bind_amounts::*;
    insert(table)
        .values(vec![(amount.eq("901.00"), units.eq(2)), (amount.eq("2"), units.eq(4))])
        .execute(conn)
        .unwrap();
    // Also when the value arrives as an integer (a Rust i32 bound as Numeric, or plain SQL).
    insert(table).values((amount.eq(7), units.eq(2))).execute(conn).unwrap();
    let mean: Option<f64> =
        table.select(sum(amount) / count_star()).filter(id.le(2)).first(conn).unwrap();
    assert_eq!(mean, Some(451.5));
    let halves: Vec<f64> = table.select(amount / 2).order_by(id).load(conn).unwrap();
    assert_eq!(halves, [450.5, 1.0, 3.5]);
    let per_unit: Vec<f64> = table.select(amount / units).order_by(id).load(conn).unwrap();
    assert_eq!(per_unit, [450.5, 0.5, 3.5]);
    let cast: Vec<f64> = table.select(units.cast::<Numeric>() / 4).order_by(id).load(conn).unwrap();
    assert_eq!(cast, [0.5, 1.0, 0.5]);
    let loaded: Vec<f64> = table.select(amount).order_by(id).load(conn).unwrap();
    assert_eq!(loaded, [901.0, 2.0, 7.0]);
});

#[test]
fn sqlite_numeric_column_stores_reals() {
    let mut conn = crate::common::sqlite();
    MetaData::new([bind_amounts::table::def()]).create_all(&mut conn, CheckFirst::No).unwrap();
    conn.batch_execute("INSERT INTO bind_amounts (amount, units) VALUES (901.00, 1), ('5', 2)")
        .unwrap();
    let mut stmt =
        conn.raw().prepare("SELECT typeof(amount) FROM bind_amounts ORDER BY id").unwrap();
    let kinds: Vec<String> =
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    assert_eq!(kinds, ["real", "real"]);
}

// Every SQL type has its own declared name on SQLite (so reflection can read it back), with
// the affinity the dialect documents: a number-like text is converted only where the column
// holds numbers.
#[test]
fn sqlite_declared_types_are_distinct_and_keep_their_affinity() {
    use aludel::dialect::Dialect;
    use aludel::types::TypeKind;
    let kinds = [
        (TypeKind::SmallInt, "integer"),
        (TypeKind::Integer, "integer"),
        (TypeKind::BigInt, "integer"),
        (TypeKind::Float, "real"),
        (TypeKind::Double, "real"),
        (TypeKind::Numeric, "real"),
        (TypeKind::Text, "text"),
        (TypeKind::Varchar(10), "text"),
        (TypeKind::Bool, "integer"),
        (TypeKind::Blob, "text"),
        (TypeKind::Date, "integer"),
        (TypeKind::Time, "integer"),
        (TypeKind::Timestamp, "integer"),
        (TypeKind::TimestampTz, "integer"),
        (TypeKind::Interval, "integer"),
    ];
    let names: Vec<String> = kinds
        .iter()
        .map(|&(kind, _)| {
            let mut name = String::new();
            Sqlite::write_type(&mut name, kind);
            name
        })
        .collect();
    let distinct: std::collections::BTreeSet<&String> = names.iter().collect();
    assert_eq!(distinct.len(), names.len(), "{names:?}");
    let mut conn = crate::common::sqlite();
    let columns: Vec<String> =
        names.iter().enumerate().map(|(i, name)| format!("c{i} {name}")).collect();
    conn.batch_execute(&format!("CREATE TABLE affinity ({})", columns.join(", "))).unwrap();
    let values = vec!["'12'"; names.len()].join(", ");
    conn.batch_execute(&format!("INSERT INTO affinity VALUES ({values})")).unwrap();
    for (i, (kind, expected)) in kinds.iter().enumerate() {
        let stored: String = conn
            .raw()
            .query_row(&format!("SELECT typeof(c{i}) FROM affinity"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(&stored, expected, "{kind:?} declared {}", names[i]);
    }
    // Values aludel writes for dates and booleans are not number-like, and stay as written.
    conn.batch_execute(
        "DELETE FROM affinity; INSERT INTO affinity (c10, c12, c13) \
         VALUES ('2024-01-31', '2024-01-31 10:00:00', '2024-01-31 10:00:00+00:00')",
    )
    .unwrap();
    let kept: (String, String, String) = conn
        .raw()
        .query_row("SELECT typeof(c10), typeof(c12), typeof(c13) FROM affinity", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(kept, ("text".into(), "text".into(), "text".into()));
}
