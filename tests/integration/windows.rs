//! Window functions: ranking, running totals, LAG/LEAD, value functions, frames, aggregates
//! over windows (also with FILTER), and windows in grouped queries.

use aludel::prelude::*;

aludel::table! {
    sales (id) {
        id -> Integer,
        region -> Text,
        seller -> Text,
        amount -> Integer,
    }
}

fn seed<C: Connection>(conn: &mut C) {
    MetaData::new([sales::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    let rows = [
        ("east", "ann", 10),
        ("east", "bob", 30),
        ("east", "cy", 30),
        ("west", "dee", 20),
        ("west", "eve", 5),
        ("west", "fay", 40),
    ];
    insert(sales::table)
        .values(
            rows.iter()
                .map(|(r, s, a)| (sales::region.eq(*r), sales::seller.eq(*s), sales::amount.eq(*a)))
                .collect::<Vec<_>>(),
        )
        .execute(conn)
        .unwrap();
}

crate::backend_test!(ranking_per_partition, |conn| {
    seed(conn);
    let by_amount = Window::new().partition_by(sales::region).order_by(sales::amount.desc());
    let rows: Vec<(i32, i64, i64, i64, i32)> = sales::table
        .select((
            sales::id,
            row_number().over(by_amount.order_by((sales::amount.desc(), sales::id))),
            rank().over(by_amount),
            dense_rank().over(by_amount),
            ntile(2).over(Window::new().order_by(sales::id)),
        ))
        .order_by(sales::id)
        .load(conn)
        .unwrap();
    assert_eq!(
        rows,
        [
            (1, 3, 3, 2, 1),
            (2, 1, 1, 1, 1),
            (3, 2, 1, 1, 1),
            (4, 2, 2, 2, 2),
            (5, 3, 3, 3, 2),
            (6, 1, 1, 1, 2),
        ]
    );

    // The top seller of each region: order the outer query by the window expression.
    let ranked: Vec<(String, i64)> = sales::table
        .select((
            sales::seller,
            row_number().over(Window::new().order_by(sales::amount.desc())) - 1i64,
        ))
        .order_by((row_number().over(Window::new().order_by(sales::amount.desc())), sales::id))
        .limit(3)
        .load(conn)
        .unwrap();
    assert_eq!(ranked, [("fay".to_string(), 0), ("bob".to_string(), 1), ("cy".to_string(), 2)]);
});

crate::backend_test!(running_total_with_rows_frame, |conn| {
    seed(conn);
    let rows: Vec<(i32, Option<i64>, Option<i64>)> = sales::table
        .select((
            sales::id,
            sum(sales::amount).over(
                Window::new()
                    .order_by(sales::id)
                    .rows_between(unbounded_preceding(), current_row()),
            ),
            sum(sales::amount).over(
                Window::new()
                    .partition_by(sales::region)
                    .order_by(sales::id)
                    .rows_between(unbounded_preceding(), current_row()),
            ),
        ))
        .order_by(sales::id)
        .load(conn)
        .unwrap();
    assert_eq!(
        rows,
        [
            (1, Some(10), Some(10)),
            (2, Some(40), Some(40)),
            (3, Some(70), Some(70)),
            (4, Some(90), Some(20)),
            (5, Some(95), Some(25)),
            (6, Some(135), Some(65)),
        ]
    );
});

crate::backend_test!(lag_and_lead, |conn| {
    seed(conn);
    let by_id = Window::new().order_by(sales::id);
    let rows: Vec<(i32, Option<i32>, Option<i32>, i32, Option<String>)> = sales::table
        .select((
            sales::id,
            lag(sales::amount).over(by_id),
            lead(sales::amount).over(by_id),
            lag_or(sales::amount, 2, 0).over(by_id),
            lead_by(sales::seller, 1)
                .over(Window::new().partition_by(sales::region).order_by(sales::id)),
        ))
        .order_by(sales::id)
        .load(conn)
        .unwrap();
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        rows,
        [
            (1, None, Some(30), 0, s("bob")),
            (2, Some(10), Some(30), 0, s("cy")),
            (3, Some(30), Some(20), 10, None),
            (4, Some(30), Some(5), 30, s("eve")),
            (5, Some(20), Some(40), 30, s("fay")),
            (6, Some(5), None, 20, None),
        ]
    );
});

crate::backend_test!(first_and_last_value, |conn| {
    seed(conn);
    let best_first =
        Window::new().partition_by(sales::region).order_by((sales::amount.desc(), sales::id));
    let rows: Vec<(i32, Option<String>, Option<String>, Option<String>)> = sales::table
        .select((
            sales::id,
            first_value(sales::seller).over(best_first),
            last_value(sales::seller)
                .over(best_first.rows_between(unbounded_preceding(), unbounded_following())),
            nth_value(sales::seller, 2)
                .over(best_first.rows_between(unbounded_preceding(), unbounded_following())),
        ))
        .order_by(sales::id)
        .load(conn)
        .unwrap();
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        rows,
        [
            (1, s("bob"), s("ann"), s("cy")),
            (2, s("bob"), s("ann"), s("cy")),
            (3, s("bob"), s("ann"), s("cy")),
            (4, s("fay"), s("eve"), s("dee")),
            (5, s("fay"), s("eve"), s("dee")),
            (6, s("fay"), s("eve"), s("dee")),
        ]
    );
});

crate::backend_test!(moving_average_with_frame, |conn| {
    seed(conn);
    let rows: Vec<(i32, Option<f64>, Option<i32>)> = sales::table
        .select((
            sales::id,
            avg(sales::amount)
                .over(Window::new().order_by(sales::id).rows_between(preceding(1), following(1))),
            max(sales::amount)
                .over(Window::new().order_by(sales::id).rows_between(preceding(3), preceding(1))),
        ))
        .order_by(sales::id)
        .load(conn)
        .unwrap();
    let expected = [
        (1, 20.0, None),
        (2, 70.0 / 3.0, Some(10)),
        (3, 80.0 / 3.0, Some(30)),
        (4, 55.0 / 3.0, Some(30)),
        (5, 65.0 / 3.0, Some(30)),
        (6, 22.5, Some(30)),
    ];
    assert_eq!(rows.len(), expected.len());
    for ((id, avg, max), (eid, eavg, emax)) in rows.into_iter().zip(expected) {
        assert_eq!((id, max), (eid, emax));
        let avg = avg.expect("every frame has rows");
        assert!((avg - eavg).abs() < 1e-9, "row {id}: {avg} != {eavg}");
    }

    // A RANGE frame by value: the sellers within 10 of the current amount.
    let near: Vec<(i32, i64)> = sales::table
        .select((
            sales::id,
            count_star().over(
                Window::new().order_by(sales::amount).range_between(preceding(10), following(10)),
            ),
        ))
        .order_by(sales::id)
        .load(conn)
        .unwrap();
    // amounts: 10, 30, 30, 20, 5, 40
    assert_eq!(near, [(1, 3), (2, 4), (3, 4), (4, 4), (5, 2), (6, 3)]);
});

crate::backend_test!(aggregate_filter_over_window, |conn| {
    seed(conn);
    let per_region = Window::new().partition_by(sales::region);
    let rows: Vec<(i32, i64, i64, Option<i64>)> = sales::table
        .select((
            sales::id,
            count_star().over(per_region),
            count_star().filter_where(sales::amount.ge(20)).over(per_region),
            sum(sales::amount).filter_where(sales::seller.ne("bob")).over(per_region),
        ))
        .order_by(sales::id)
        .load(conn)
        .unwrap();
    assert_eq!(
        rows,
        [
            (1, 3, 2, Some(40)),
            (2, 3, 2, Some(40)),
            (3, 3, 2, Some(40)),
            (4, 3, 2, Some(65)),
            (5, 3, 2, Some(65)),
            (6, 3, 2, Some(65)),
        ]
    );
});

crate::backend_test!(windows_in_grouped_queries, |conn| {
    seed(conn);
    // Rank the groups by an aggregate, and compute each group's share of the grand total.
    let rows: Vec<(String, Option<i64>, i64, Option<f64>)> = sales::table
        .group_by(sales::region)
        .select((
            sales::region,
            sum(sales::amount),
            rank().over(Window::new().order_by(sum(sales::amount).desc())),
            sum(sum(sales::amount)).over(Window::new()),
        ))
        .order_by(sales::region)
        .load(conn)
        .unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0].0.as_str(), rows[0].1, rows[0].2), ("east", Some(70), 1));
    assert_eq!((rows[1].0.as_str(), rows[1].1, rows[1].2), ("west", Some(65), 2));
    assert_eq!(rows[0].3, Some(135.0));
    assert_eq!(rows[1].3, Some(135.0));
});
