//! GROUP BY, HAVING and aggregates, checked against known data.

use aludel::prelude::*;

aludel::table! {
    sales (id) {
        id -> Integer,
        region -> Text,
        product -> Text,
        units -> Integer,
        price -> Double,
        big -> BigInt,
        paid -> Bool,
        note -> Nullable<Text>,
    }
}

fn seed<C: Connection>(conn: &mut C) {
    MetaData::new([sales::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    let rows = [
        ("north", "apple", 10, 1.5, true, Some("x")),
        ("north", "apple", 5, 1.5, false, None),
        ("north", "pear", 2, 3.0, true, Some("y")),
        ("south", "apple", 7, 1.25, true, None),
        ("south", "plum", 1, 9.0, true, Some("z")),
        ("east", "pear", 4, 2.5, false, None),
    ];
    insert(sales::table)
        .values(
            rows.iter()
                .map(|(r, p, u, pr, paid, note)| {
                    (
                        sales::region.eq(*r),
                        sales::product.eq(*p),
                        sales::units.eq(*u),
                        sales::price.eq(*pr),
                        sales::big.eq(i64::from(*u) * 1_000_000_000),
                        sales::paid.eq(*paid),
                        sales::note.eq(*note),
                    )
                })
                .collect::<Vec<_>>(),
        )
        .execute(conn)
        .unwrap();
}

crate::backend_test!(group_by_and_having, |conn| {
    seed(conn);
    let per_region: Vec<(String, i64, Option<i64>, Option<f64>)> = sales::table
        .group_by(sales::region)
        .select((sales::region, count_star(), sum(sales::units), avg(sales::price)))
        .order_by(sales::region)
        .load(conn)
        .unwrap();
    assert_eq!(
        per_region,
        [
            ("east".into(), 1, Some(4), Some(2.5)),
            ("north".into(), 3, Some(17), Some(2.0)),
            ("south".into(), 2, Some(8), Some(5.125)),
        ]
    );

    // Several grouping columns, HAVING on an aggregate, ORDER BY an aggregate.
    let busy: Vec<(String, String, Option<i64>)> = sales::table
        .group_by((sales::region, sales::product))
        .select((sales::region, sales::product, sum(sales::units)))
        .having(sum(sales::units).gt(3i64).and(count_star().ge(1)))
        .order_by(sum(sales::units).desc())
        .load(conn)
        .unwrap();
    assert_eq!(
        busy,
        [
            ("north".into(), "apple".into(), Some(15)),
            ("south".into(), "apple".into(), Some(7)),
            ("east".into(), "pear".into(), Some(4))
        ]
    );

    // A grouped column inside an expression, WHERE before grouping.
    let paid_units: Vec<(String, Option<i32>, Option<i32>)> = sales::table
        .filter(sales::paid.eq(true))
        .group_by(sales::product)
        .select((sales::product, min(sales::units), max(sales::units * 10)))
        .order_by(sales::product)
        .load(conn)
        .unwrap();
    assert_eq!(
        paid_units,
        [
            ("apple".into(), Some(7), Some(100)),
            ("pear".into(), Some(2), Some(20)),
            ("plum".into(), Some(1), Some(10))
        ]
    );
});

crate::backend_test!(aggregates_without_group_by, |conn| {
    seed(conn);
    let (rows, notes, products, total): (i64, i64, i64, Option<i64>) = sales::table
        .select((
            count_star(),
            count(sales::note),
            count_distinct(sales::product),
            sum(sales::units),
        ))
        .first(conn)
        .unwrap();
    assert_eq!((rows, notes, products, total), (6, 3, 3, Some(29)));
    // BigInt sums are NUMERIC on PostgreSQL: exact text, or f64.
    let big: Option<String> = sales::table.select(sum(sales::big)).first(conn).unwrap();
    assert_eq!(big.as_deref(), Some("29000000000"));
    let avg_units: Option<f64> = sales::table.select(avg(sales::units)).first(conn).unwrap();
    assert!((avg_units.unwrap() - 29.0 / 6.0).abs() < 1e-9);
    // Over no rows, SUM/MIN are NULL and COUNT is 0.
    let empty: (i64, Option<i64>, Option<String>) = sales::table
        .select((count_star(), sum(sales::units), min(sales::product)))
        .filter(sales::units.gt(1000))
        .first(conn)
        .unwrap();
    assert_eq!(empty, (0, None, None));
});

crate::backend_test!(string_and_boolean_aggregates, |conn| {
    seed(conn);
    let per_region: Vec<(String, Option<bool>, Option<bool>, Option<String>)> = sales::table
        .group_by(sales::region)
        .select((
            sales::region,
            bool_and(sales::paid),
            bool_or(sales::paid),
            string_agg(sales::product, "|"),
        ))
        .order_by(sales::region)
        .load(conn)
        .unwrap();
    assert_eq!(per_region[0], ("east".into(), Some(false), Some(false), Some("pear".into())));
    assert_eq!((per_region[1].1, per_region[1].2), (Some(false), Some(true)));
    let mut north: Vec<&str> = per_region[1].3.as_deref().unwrap().split('|').collect();
    north.sort();
    assert_eq!(north, ["apple", "apple", "pear"]);
    assert_eq!((per_region[2].1, per_region[2].2), (Some(true), Some(true)));

    // FILTER (WHERE ...) on aggregates.
    let (paid, unpaid_units): (i64, Option<i64>) = sales::table
        .select((
            count_star().filter_where(sales::paid.eq(true)),
            sum(sales::units).filter_where(sales::paid.eq(false)),
        ))
        .first(conn)
        .unwrap();
    assert_eq!((paid, unpaid_units), (4, Some(9)));
});

#[test]
fn grouped_sql() {
    let q = sales::table
        .group_by((sales::region, sales::product))
        .select((sales::region, count_distinct(sales::product), string_agg(sales::product, ",")))
        .having(count_star().gt(1));
    assert_eq!(
        q.compile::<Sqlite>().sql(),
        r#"SELECT "sales"."region", COUNT(DISTINCT "sales"."product"), GROUP_CONCAT("sales"."product", ?1) FROM "sales" GROUP BY "sales"."region", "sales"."product" HAVING (COUNT(*) > ?2)"#
    );
    assert_eq!(
        q.compile::<Postgres>().sql(),
        r#"SELECT "sales"."region", COUNT(DISTINCT "sales"."product"), STRING_AGG("sales"."product", $1) FROM "sales" GROUP BY "sales"."region", "sales"."product" HAVING (COUNT(*) > $2)"#
    );
}

aludel::table! {
    left_facts (id) {
        id -> Integer, a -> Integer, b -> Integer, c -> Integer, d -> Integer,
        e -> Integer, f -> Integer, g -> Integer, h -> Integer,
    }
    right_facts (id) {
        id -> Integer, #[references(left_facts::id)] left_id -> Integer, i -> Integer,
        j -> Integer, k -> Integer, l -> Integer, m -> Integer, n -> Integer, o -> Integer,
    }
}

// GROUP BY lists of any length: tuples nest, and a nested tuple is searched like a flat one.
crate::backend_test!(group_by_fifteen_columns_by_nested_tuples, |conn| {
    MetaData::new([left_facts::table::def(), right_facts::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
    use left_facts::{a, b, c, d, e, f, g, h};
    use right_facts::{i, j, k, l, m, n, o};
    for x in [1, 1, 2] {
        let id: i32 = insert(left_facts::table)
            .values((a.eq(x), b.eq(x), c.eq(x), d.eq(x), e.eq(x), f.eq(x), g.eq(x), h.eq(x)))
            .returning(left_facts::id)
            .one(conn)
            .unwrap();
        insert(right_facts::table)
            .values((
                right_facts::left_id.eq(id),
                i.eq(x),
                j.eq(x),
                k.eq(x),
                l.eq(x),
                m.eq(x),
                n.eq(x),
                o.eq(10 * x),
            ))
            .execute(conn)
            .unwrap();
    }
    let rows: Vec<(i32, i32, i64)> = left_facts::table
        .join(right_facts::table, right_facts::left_id.eq(left_facts::id))
        .group_by(((a, b, c, d, e, f, g, h), (i, j, k, l, m, n), o))
        .select((h, o, count_star()))
        .having(n.gt(0))
        .order_by((o.desc(), h))
        .load(conn)
        .unwrap();
    assert_eq!(rows, [(2, 20, 1), (1, 10, 2)]);
});
