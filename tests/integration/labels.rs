//! Output labels (`.label("name")`), rows read by name, and derived tables declared inline
//! (`query.alias("name")`, columns read with `.c(item)`, types taken from the query).

use aludel::prelude::*;
use aludel::types::NamedRow;

aludel::table! {
    shoppers (id) { id -> Integer, name -> Text, }
    purchases (id) {
        id -> Integer,
        #[references(shoppers::id)] shopper_id -> Integer,
        amount -> Integer,
    }
}

fn seed(conn: &mut impl Connection) {
    MetaData::new([shoppers::table::def(), purchases::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
    for (id, name) in [(1, "ada"), (2, "bob"), (3, "cy")] {
        insert(shoppers::table)
            .values((shoppers::id.eq(id), shoppers::name.eq(name)))
            .execute(conn)
            .unwrap();
    }
    for (id, shopper, amount) in [(1, 1, 30), (2, 1, 50), (3, 2, 5), (4, 2, 7)] {
        insert(purchases::table)
            .values((
                purchases::id.eq(id),
                purchases::shopper_id.eq(shopper),
                purchases::amount.eq(amount),
            ))
            .execute(conn)
            .unwrap();
    }
}

crate::backend_test!(labels_name_result_columns_and_order_rows, |conn| {
    seed(conn);
    let spent = sum(purchases::amount).label("spent");
    let orders = count_star().label("orders");
    let q = purchases::table
        .group_by(purchases::shopper_id)
        .select((purchases::shopper_id, spent, orders))
        .order_by(spent.desc());
    let rows: Vec<NamedRow> = q.load(conn).unwrap();
    assert_eq!(rows[0].names(), ["shopper_id", "spent", "orders"]);
    let read: Vec<(i32, Option<i64>, i64)> = rows
        .iter()
        .map(|r| {
            (
                r.get(&purchases::shopper_id).unwrap(),
                r.get(&spent).unwrap(),
                r.get(&orders).unwrap(),
            )
        })
        .collect();
    assert_eq!(read, [(1, Some(80), 2), (2, Some(12), 2)]);
    // A name the row does not have is an error, not a panic.
    let missing = count_star().label("nope");
    assert_eq!(rows[0].get::<i64, _>(&missing).unwrap_err().kind(), aludel::ErrorKind::Conversion);
});

crate::backend_test!(inline_derived_table_takes_its_types_from_the_query, |conn| {
    seed(conn);
    let spent = sum(purchases::amount).label("spent");
    let orders = count_star().label("orders");
    let totals = purchases::table
        .group_by(purchases::shopper_id)
        .select((purchases::shopper_id, spent, orders))
        .alias("totals");
    let (who, total, count) = (totals.c(purchases::shopper_id), totals.c(spent), totals.c(orders));

    // Joined to a table; the outer side's columns become nullable (`orders` is a NOT NULL
    // count inside, an `Option` outside).
    let q = shoppers::table
        .outer_join(totals.clone(), who.eq(shoppers::id))
        .select((shoppers::name, total, count))
        .order_by(shoppers::id);
    let rows: Vec<(String, Option<i64>, Option<i64>)> = q.load(conn).unwrap();
    assert_eq!(
        rows,
        [
            ("ada".to_owned(), Some(80), Some(2)),
            ("bob".to_owned(), Some(12), Some(2)),
            ("cy".to_owned(), None, None),
        ]
    );

    // Queried on its own: filter, aggregate and group over its columns.
    let big: Vec<i32> = totals.clone().select(who).filter(total.gt(20)).load(conn).unwrap();
    assert_eq!(big, [1]);
    let most: Option<i64> = totals.clone().select(max(count)).first(conn).unwrap();
    assert_eq!(most, Some(2));
    let by_count: Vec<(i64, i64)> =
        totals.select((count, count_star())).group_by(count).load(conn).unwrap();
    assert_eq!(by_count, [(2, 2)]);
});

// The names are chosen at run time, so statements of one type with different names must not
// share a cached SQL text.
crate::backend_test!(runtime_names_are_part_of_the_statement_cache_key, |conn| {
    seed(conn);
    for name in ["first_name", "second_name"] {
        let label = max(purchases::amount).label(name);
        let sub = purchases::table.select(label).alias(name);
        let rows: Vec<NamedRow> = sub.clone().select(sub.c(label)).load(conn).unwrap();
        assert_eq!(rows[0].names(), [name]);
    }
});

crate::backend_test!(inline_cte_read_twice_and_declared_by_with, |conn| {
    seed(conn);
    let spent = sum(purchases::amount).label("spent");
    let totals = purchases::table
        .group_by(purchases::shopper_id)
        .select((purchases::shopper_id, spent))
        .cte("totals");
    let (who, total) = (totals.c(purchases::shopper_id), totals.c(spent));
    // TPC-H Q15's shape: the CTE joined, and read again in a scalar subquery for its maximum.
    let top = totals.clone().select(max(total)).scalar_subquery();
    let q = shoppers::table
        .join(totals.clone(), who.eq(shoppers::id))
        .filter(total.eq(top))
        .select((shoppers::name, total))
        .with(totals);
    assert!(q.compile::<Postgres>().sql().starts_with(r#"WITH "totals" AS (SELECT"#));
    let rows: Vec<(String, Option<i64>)> = q.load(conn).unwrap();
    assert_eq!(rows, [("ada".to_owned(), Some(80))]);

    // A second inline CTE may read the first, declared after it.
    let spent = sum(purchases::amount).label("spent");
    let totals = purchases::table
        .group_by(purchases::shopper_id)
        .select((purchases::shopper_id, spent))
        .cte("totals");
    let (who, total) = (totals.c(purchases::shopper_id), totals.c(spent));
    let big = totals.clone().select(who).filter(total.gt(20)).cte("big");
    let names: Vec<String> = shoppers::table
        .join(big.clone(), big.c(who).eq(shoppers::id))
        .select(shoppers::name)
        .with(totals)
        .with(big)
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ada"]);
});
