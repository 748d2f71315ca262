//! Scalar SQL: CASE, CAST, COALESCE/NULLIF, string, numeric and date functions, `%`, and
//! typed raw SQL, each read back from every backend.

use aludel::prelude::*;

aludel::table! {
    items (id) {
        id -> Integer,
        name -> Text,
        nick -> Nullable<Text>,
        qty -> Integer,
        price -> Double,
        stock -> Nullable<Integer>,
    }
}

fn seed<C: Connection>(conn: &mut C) {
    MetaData::new([items::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    let rows = [
        ("  Apple ", Some("ap"), 7, 1.25, Some(10)),
        ("Banana", None, 12, 0.4, None),
        ("cherry", Some("ch"), 3, 12.75, Some(0)),
    ];
    insert(items::table)
        .values(
            rows.iter()
                .map(|(n, k, q, p, s)| {
                    (
                        items::name.eq(*n),
                        items::nick.eq(*k),
                        items::qty.eq(*q),
                        items::price.eq(*p),
                        items::stock.eq(*s),
                    )
                })
                .collect::<Vec<_>>(),
        )
        .execute(conn)
        .unwrap();
}

crate::backend_test!(case_expressions, |conn| {
    seed(conn);
    let sizes: Vec<String> = items::table
        .select(
            case_when(items::qty.lt(5), "few").when(items::qty.lt(10), "some").otherwise("many"),
        )
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(sizes, ["some", "many", "few"]);

    // Without ELSE the result is nullable; integer branches keep their type on PostgreSQL.
    let flags: Vec<Option<i32>> = items::table
        .select(case_when(items::qty.gt(5), 1).when(items::qty.eq(3), 0))
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(flags, [Some(1), Some(1), Some(0)]);

    // CASE inside an aggregate and in arithmetic.
    let big: Option<i64> =
        items::table.select(sum(case_when(items::qty.ge(7), 1).otherwise(0))).first(conn).unwrap();
    assert_eq!(big, Some(2));
    let adjusted: Vec<i32> = items::table
        .select(case_when(items::stock.is_null(), items::qty).otherwise(items::qty * 2) + 1)
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(adjusted, [15, 13, 7]);

    // A nullable branch value makes the whole CASE nullable.
    let stock: Vec<Option<i32>> = items::table
        .select(case_when(items::qty.gt(0), items::stock).otherwise(-1))
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(stock, [Some(10), None, Some(0)]);

    // In a condition.
    let cheap: Vec<i32> = items::table
        .select(items::id)
        .filter(case_when(items::price.lt(1.0), true).otherwise(false))
        .load(conn)
        .unwrap();
    assert_eq!(cheap, [2]);
});

crate::backend_test!(casts, |conn| {
    seed(conn);
    let wide: Vec<i64> = items::table
        .select(items::qty.cast::<BigInt>() * 1_000_000_000i64)
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(wide, [7_000_000_000, 12_000_000_000, 3_000_000_000]);
    let text: String = items::table
        .select(items::qty.cast::<Text>().concat("x"))
        .filter(items::id.eq(2))
        .first(conn)
        .unwrap();
    assert_eq!(text, "12x");
    let halves: Vec<f64> = items::table
        .select(items::qty.cast::<Double>() / 2.0)
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(halves, [3.5, 6.0, 1.5]);
    let nullable: Vec<Option<String>> =
        items::table.select(items::stock.cast::<Text>()).order_by(items::id).load(conn).unwrap();
    assert_eq!(nullable, [Some("10".to_owned()), None, Some("0".to_owned())]);
    let number: Vec<i32> = items::table
        .select(sql::<Text>("'4' || ").bind::<Text, _>("2").cast::<Integer>())
        .filter(items::id.eq(1))
        .load(conn)
        .unwrap();
    assert_eq!(number, [42]);
});

crate::backend_test!(null_functions, |conn| {
    seed(conn);
    let names: Vec<String> = items::table
        .select(coalesce(items::nick, items::name))
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ap", "Banana", "ch"]);
    let chained: Vec<String> = items::table
        .select(coalesce(items::nick, items::nick).or_else("none"))
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(chained, ["ap", "none", "ch"]);
    let still_nullable: Vec<Option<i32>> = items::table
        .select(coalesce(items::stock, items::stock))
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(still_nullable, [Some(10), None, Some(0)]);
    let zeros: Vec<i32> =
        items::table.select(coalesce(items::stock, 0)).order_by(items::id).load(conn).unwrap();
    assert_eq!(zeros, [10, 0, 0]);

    let not_zero: Vec<Option<i32>> =
        items::table.select(nullif(items::stock, 0)).order_by(items::id).load(conn).unwrap();
    assert_eq!(not_zero, [Some(10), None, None]);
    // NULLIF guards a division by zero.
    let per_unit: Vec<Option<i32>> = items::table
        .select(items::qty * 10 / nullif(items::stock, 0))
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(per_unit, [Some(7), None, None]);
});

crate::backend_test!(string_functions, |conn| {
    seed(conn);
    let row: (String, String, String, i32) = items::table
        .select((lower(items::name), upper(items::name), trim(items::name), length(items::name)))
        .filter(items::id.eq(1))
        .first(conn)
        .unwrap();
    assert_eq!(row, ("  apple ".into(), "  APPLE ".into(), "Apple".into(), 8));
    let parts: Vec<String> = items::table
        .select(substring(items::name, 2, 3))
        .filter(items::id.gt(1))
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(parts, ["ana", "her"]);
    let replaced: Vec<String> = items::table
        .select(replace(lower(trim(items::name)), "a", "4"))
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(replaced, ["4pple", "b4n4n4", "cherry"]);
    let nick_lengths: Vec<Option<i32>> =
        items::table.select(length(items::nick)).order_by(items::id).load(conn).unwrap();
    assert_eq!(nick_lengths, [Some(2), None, Some(2)]);
    let long: Vec<i32> = items::table
        .select(items::id)
        .filter(length(trim(items::name)).ge(6))
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(long, [2, 3]);
    let concatenated: Option<String> = items::table
        .select(upper(items::nick).concat("-").concat(lower(items::name)))
        .filter(items::id.eq(3))
        .first(conn)
        .unwrap();
    assert_eq!(concatenated.as_deref(), Some("CH-cherry"));
});

crate::backend_test!(numeric_functions, |conn| {
    seed(conn);
    let abs_values: Vec<(i32, f64)> = items::table
        .select((abs(items::qty - 10), abs(items::price - 1.0)))
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(abs_values, [(3, 0.25), (2, 0.6), (7, 11.75)]);
    // Halves are avoided: PostgreSQL rounds a double's tie to even, SQLite away from zero.
    let rounded: Vec<f64> =
        items::table.select(round(items::price)).order_by(items::id).load(conn).unwrap();
    assert_eq!(rounded, [1.0, 0.0, 13.0]);
    let thousandths: Vec<f64> = items::table
        .select(round_to(items::price / 7.0, 3))
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(thousandths, [0.179, 0.057, 1.821]);
    let nullable: Vec<Option<f64>> = items::table
        .select(round_to(items::stock.cast::<Double>() / 3.0, 2))
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(nullable, [Some(3.33), None, Some(0.0)]);
    let remainders: Vec<(i32, Option<i32>)> = items::table
        .select((items::qty % 5, items::stock % 3))
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(remainders, [(2, Some(1)), (2, None), (3, Some(0))]);
    let even: Vec<i32> =
        items::table.select(items::id).filter((items::qty % 2).eq(0)).load(conn).unwrap();
    assert_eq!(even, [2]);
});

crate::backend_test!(raw_sql, |conn| {
    seed(conn);
    let doubled: Vec<i32> = items::table
        .select(sql::<Integer>("2 * ").bind::<Integer, _>(21) + items::qty)
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(doubled, [49, 54, 45]);
    let filtered: Vec<i32> = items::table
        .select(items::id)
        .filter(items::qty.gt(sql::<Integer>("abs(").bind::<Integer, _>(-5).sql(")")))
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(filtered, [1, 2]);
    // Valid in a grouped query as well.
    let per_kind: Vec<(i32, i64)> = items::table
        .group_by(items::id)
        .select((sql::<Integer>("1"), count_star()))
        .order_by(items::id)
        .load(conn)
        .unwrap();
    assert_eq!(per_kind.len(), 3);
});

#[cfg(feature = "chrono")]
mod dates {
    use aludel::prelude::*;
    use chrono::{NaiveDate, NaiveDateTime};

    aludel::table! {
        events (id) {
            id -> Integer,
            day -> Date,
            at -> Timestamp,
            until -> Nullable<Date>,
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        date(y, m, d).and_hms_opt(h, min, 0).unwrap()
    }

    fn seed<C: Connection>(conn: &mut C) {
        MetaData::new([events::table::def()]).create_all(conn, CheckFirst::No).unwrap();
        insert(events::table)
            .values(vec![
                (
                    events::day.eq(date(2024, 2, 27)),
                    events::at.eq(at(2023, 12, 31, 22, 30)),
                    events::until.eq(Some(date(2024, 3, 1))),
                ),
                (
                    events::day.eq(date(1999, 11, 5)),
                    events::at.eq(at(2000, 1, 1, 0, 0)),
                    events::until.eq(None::<NaiveDate>),
                ),
            ])
            .execute(conn)
            .unwrap();
    }

    crate::backend_test!(extract_fields, |conn| {
        seed(conn);
        let parts: Vec<(i32, i32, i32, i32)> = events::table
            .select((
                extract_year(events::day),
                extract_month(events::day),
                extract_day(events::day),
                extract_year(events::at),
            ))
            .order_by(events::id)
            .load(conn)
            .unwrap();
        assert_eq!(parts, [(2024, 2, 27, 2023), (1999, 11, 5, 2000)]);
        let until_day: Vec<Option<i32>> = events::table
            .select(extract_day(events::until))
            .order_by(events::id)
            .load(conn)
            .unwrap();
        assert_eq!(until_day, [Some(1), None]);
        let in_2024: Vec<i32> = events::table
            .select(events::id)
            .filter(extract_year(events::day).eq(2024))
            .load(conn)
            .unwrap();
        assert_eq!(in_2024, [1]);
    });

    crate::backend_test!(add_days, |conn| {
        seed(conn);
        let shifted: Vec<(NaiveDate, NaiveDateTime, Option<NaiveDate>)> = events::table
            .select((events::day.add_days(3), events::at.add_days(1), events::until.add_days(-1)))
            .order_by(events::id)
            .load(conn)
            .unwrap();
        assert_eq!(
            shifted,
            [
                (date(2024, 3, 1), at(2024, 1, 1, 22, 30), Some(date(2024, 2, 29))),
                (date(1999, 11, 8), at(2000, 1, 2, 0, 0), None),
            ]
        );
        let overdue: Vec<i32> = events::table
            .select(events::id)
            .filter(events::day.add_days(3).ge(events::until))
            .load(conn)
            .unwrap();
        assert_eq!(overdue, [1]);
    });
}

aludel::table! {
    measures (id) {
        id -> Integer,
        small -> SmallInt,
        count -> Integer,
        big -> BigInt,
        price -> Numeric,
        ratio -> Float,
        weight -> Double,
    }
}

// Arithmetic promotes as SQL does: the result type is the wider operand's, and each result
// loads into the Rust type of that SQL type on both databases.
crate::backend_test!(arithmetic_promotes_numeric_types, |conn| {
    MetaData::new([measures::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    use measures::*;
    insert(table)
        .values((
            small.eq(2i16),
            count.eq(3),
            big.eq(4i64),
            price.eq(2.5),
            ratio.eq(0.5f32),
            weight.eq(1.25),
        ))
        .execute(conn)
        .unwrap();
    let (a, b, c, d): (i16, i32, i64, f64) =
        table.select((small * small, small * count, count * big, big * price)).first(conn).unwrap();
    assert_eq!((a, b, c, d), (4, 6, 12, 10.0));
    let (e, f, g, h): (f64, f64, f32, f64) = table
        .select((count * ratio, price * ratio, ratio * ratio, count + weight))
        .first(conn)
        .unwrap();
    assert_eq!((e, f, g, h), (1.5, 1.25, 0.25, 4.25));
    // Comparisons cross the numeric types too.
    let cheaper: i64 = table.select(count_star()).filter(count.gt(price)).first(conn).unwrap();
    assert_eq!(cheaper, 1);
});

// A Rust number may stand on the left of an operator, as in TPC-H's `1 - l_discount` and
// `100.0 * sum(..)`: it is bound with the right side's SQL type.
crate::backend_test!(rust_number_as_left_operand, |conn| {
    MetaData::new([measures::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    use measures::*;
    for (n, p) in [(3, 2.5), (5, 1.5)] {
        insert(table)
            .values((
                small.eq(1i16),
                count.eq(n),
                big.eq(10i64),
                price.eq(p),
                ratio.eq(0.5f32),
                weight.eq(0.25),
            ))
            .execute(conn)
            .unwrap();
    }
    let q = table.select((1 - weight, 10 - count, 2 * big, 100 % count)).order_by(count);
    assert_eq!(
        q.compile::<Postgres>().sql(),
        r#"SELECT ($1 - "measures"."weight"), ($2 - "measures"."count"), ($3 * "measures"."big"), ($4 % "measures"."count") FROM "measures" ORDER BY "measures"."count""#
    );
    let rows: Vec<(f64, i32, i64, i32)> = q.load(conn).unwrap();
    assert_eq!(rows, [(0.75, 7, 20, 1), (0.75, 5, 20, 0)]);
    // Over aggregates, and nested: 100.0 * sum(price * (1 - weight)) / sum(price).
    let share: f64 = table
        .select(100.0 * sum(price * (1 - weight)) / sum(price))
        .first::<Option<f64>>(conn)
        .unwrap()
        .unwrap();
    assert!((share - 75.0).abs() < 1e-9, "{share}");
    let scaled: Vec<f64> = table.select(0.5 * weight).filter((2 * count).gt(7)).load(conn).unwrap();
    assert_eq!(scaled, [0.125]);
    // A number wider than the other side promotes, as in SQL: `0.5 * integer` is a double,
    // `100.0 * count(*)` too, `2 * smallint` an integer.
    let q = table
        .select((0.5 * count, 100.0 * count_star(), 2 * small))
        .group_by((count, small))
        .order_by(count);
    assert_eq!(
        q.compile::<Postgres>().sql(),
        r#"SELECT (CAST($1 AS DOUBLE PRECISION) * "measures"."count"), (CAST($2 AS DOUBLE PRECISION) * COUNT(*)), (CAST($3 AS INTEGER) * "measures"."small") FROM "measures" GROUP BY "measures"."count", "measures"."small" ORDER BY "measures"."count""#
    );
    let promoted: Vec<(f64, f64, i32)> = q.load(conn).unwrap();
    assert_eq!(promoted, [(1.5, 100.0, 2), (2.5, 100.0, 2)]);
});
