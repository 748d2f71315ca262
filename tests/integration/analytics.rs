//! A hand-written analytical query and its aludel translation return the same rows on both
//! databases: CTE, joins, grouping, HAVING, a window function, CASE, a correlated subquery.

use aludel::prelude::*;

aludel::table! {
    regions (id) { id -> Integer, name -> Text, }
    shops (id) {
        id -> Integer,
        #[references(regions::id)] region_id -> Integer,
        name -> Text,
    }
    receipts (id) {
        id -> Integer,
        #[references(shops::id)] shop_id -> Integer,
        amount -> Integer,
        month -> Integer,
    }
    #[cte] shop_totals { shop_id -> Integer, total -> BigInt, receipts -> BigInt, }
}

const HAND_WRITTEN: &str = "
    WITH shop_totals (shop_id, total, receipts) AS (
        SELECT shop_id, SUM(amount), COUNT(*) FROM receipts WHERE month BETWEEN 1 AND 6 GROUP BY shop_id
    )
    SELECT r.name, s.name, t.total,
           RANK() OVER (PARTITION BY r.name ORDER BY t.total DESC),
           CASE WHEN t.total >= 100 THEN 'big' ELSE 'small' END,
           (SELECT MAX(amount) FROM receipts x WHERE x.shop_id = s.id)
    FROM shops s
    JOIN regions r ON r.id = s.region_id
    JOIN shop_totals t ON t.shop_id = s.id
    WHERE t.receipts >= 1
    ORDER BY r.name, t.total DESC, s.name";

type Row = (String, String, i64, i64, String, Option<i32>);

fn seed<C: Connection>(conn: &mut C) {
    MetaData::new([regions::table::def(), shops::table::def(), receipts::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
    insert(regions::table)
        .values(vec![(regions::name.eq("east"),), (regions::name.eq("west"),)])
        .execute(conn)
        .unwrap();
    insert(shops::table)
        .values(vec![
            (shops::region_id.eq(1), shops::name.eq("e1")),
            (shops::region_id.eq(1), shops::name.eq("e2")),
            (shops::region_id.eq(2), shops::name.eq("w1")),
            (shops::region_id.eq(2), shops::name.eq("w2")),
        ])
        .execute(conn)
        .unwrap();
    let receipts =
        [(1, 50, 1), (1, 70, 2), (2, 10, 3), (3, 200, 1), (3, 5, 9), (4, 40, 6), (4, 60, 4)];
    insert(receipts::table)
        .values(
            receipts
                .iter()
                .map(|(s, a, m)| {
                    (receipts::shop_id.eq(*s), receipts::amount.eq(*a), receipts::month.eq(*m))
                })
                .collect::<Vec<_>>(),
        )
        .execute(conn)
        .unwrap();
}

aludel::alias!(other_receipt = receipts::table);

macro_rules! translated {
    () => {{
        let totals = receipts::table
            .filter(receipts::month.between(1, 6))
            .group_by(receipts::shop_id)
            .select((receipts::shop_id, coalesce(sum(receipts::amount), 0i64), count_star()));
        shops::table
            .join(regions::table, regions::id.eq(shops::region_id))
            .join(shop_totals::table, shop_totals::shop_id.eq(shops::id))
            .select((
                regions::name,
                shops::name,
                shop_totals::total,
                rank().over(
                    Window::new().partition_by(regions::name).order_by(shop_totals::total.desc()),
                ),
                case_when(shop_totals::total.ge(100i64), "big").otherwise("small"),
                other_receipt
                    .correlate(shops::table)
                    .select(max(other_receipt.col(receipts::amount)))
                    .filter(other_receipt.col(receipts::shop_id).eq(shops::id))
                    .scalar_subquery(),
            ))
            .filter(shop_totals::receipts.ge(1i64))
            .order_by((regions::name, shop_totals::total.desc(), shops::name))
            .with(cte(shop_totals::table, totals))
    }};
}

#[test]
fn same_rows_as_hand_written_sql_on_sqlite() {
    let mut conn = crate::common::sqlite();
    seed(&mut conn);
    let ours: Vec<Row> = translated!().load(&mut conn).unwrap();
    let mut stmt = conn.raw().prepare(HAND_WRITTEN).unwrap();
    let theirs: Vec<Row> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ours.len(), 4);
    assert_eq!(ours, theirs);
    assert_eq!(ours[0], ("east".into(), "e1".into(), 120, 1, "big".into(), Some(70)));
}

#[test]
fn same_rows_as_hand_written_sql_on_postgres() {
    let Some(mut guard) = crate::common::pg("analytics") else { return };
    let conn = &mut guard.conn;
    seed(conn);
    let ours: Vec<Row> = translated!().load(conn).unwrap();
    let theirs: Vec<Row> = conn
        .raw()
        .query(HAND_WRITTEN, &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)))
        .collect();
    assert_eq!(ours.len(), 4);
    assert_eq!(ours, theirs);
}
