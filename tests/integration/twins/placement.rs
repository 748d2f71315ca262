//! Twins of the placement and grouping cases: aggregates and window functions where SQL
//! allows them, ORDER BY and GROUP BY lists that group what they use.

use super::schema::*;
use aludel::prelude::*;

aludel::alias!(author = users::table);

aludel::table! {
    facts (id) {
        id -> Integer, a -> Integer, b -> Integer, c -> Integer, d -> Integer,
        e -> Integer, f -> Integer, g -> Integer, h -> Integer,
    }
}

crate::backend_test!(aggregate_in_where, |conn| {
    seed(conn);
    let ages: Vec<i32> = users::table
        .group_by(users::age)
        .select(users::age)
        .having(count_star().gt(1))
        .load(conn)
        .unwrap();
    assert_eq!(ages, [36]);
});

crate::backend_test!(aggregate_in_where_after_select, |conn| {
    seed(conn);
    let names: Vec<String> = users::table
        .group_by(users::name)
        .select(users::name)
        .having(max(users::age).gt(30))
        .order_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ada", "cy"]);
});

crate::backend_test!(aggregate_in_boxed_filter, |conn| {
    seed(conn);
    let names: Vec<String> =
        users::table.select(users::name).into_boxed().filter(users::age.gt(30)).load(conn).unwrap();
    assert_eq!(names.len(), 2);
});

crate::backend_test!(aggregate_in_subquery_where, |conn| {
    seed(conn);
    let busy = posts::table
        .group_by(posts::user_id)
        .select(posts::user_id)
        .having(sum(posts::score).gt(3));
    let names: Vec<String> = users::table
        .select(users::name)
        .filter(users::id.in_subquery(busy))
        .order_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ada", "bob"]);
});

crate::backend_test!(aggregate_in_delete_where, |conn| {
    seed(conn);
    let best = posts::table.select(max(posts::score)).scalar_subquery();
    let deleted = delete(posts::table).filter(posts::score.lt(best)).execute(conn).unwrap();
    assert_eq!(deleted, 3);
    let left: Vec<String> = posts::table.select(posts::title).load(conn).unwrap();
    assert_eq!(left, ["first"]);
});

crate::backend_test!(aggregate_in_update_where, |conn| {
    seed(conn);
    let oldest = users::table.select(max(users::age)).scalar_subquery();
    let changed = update(users::table)
        .set(users::age.eq(1))
        .filter(users::age.eq(oldest))
        .execute(conn)
        .unwrap();
    assert_eq!(changed, 2);
    let ones: i64 = users::table.select(count_star()).filter(users::age.eq(1)).first(conn).unwrap();
    assert_eq!(ones, 2);
});

crate::backend_test!(aggregate_in_update_set, |conn| {
    seed(conn);
    let oldest = users::table.select(max(users::age)).scalar_subquery();
    update(users::table)
        .set(users::email.eq(Some("x")))
        .filter(users::age.eq(oldest))
        .execute(conn)
        .unwrap();
    let with_x: i64 =
        users::table.select(count_star()).filter(users::email.eq("x")).first(conn).unwrap();
    assert_eq!(with_x, 2);
});

crate::backend_test!(aggregate_in_insert_values, |conn| {
    seed(conn);
    insert(users::table).values((users::name.eq("x"), users::age.eq(3))).execute(conn).unwrap();
    let ages: Vec<i32> =
        users::table.select(users::age).filter(users::name.eq("x")).load(conn).unwrap();
    assert_eq!(ages, [3]);
});

crate::backend_test!(window_in_where, |conn| {
    seed(conn);
    let ranked: Vec<(String, i64)> = users::table
        .select((users::name, row_number().over(Window::new().order_by(users::name))))
        .order_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(ranked[1], ("bob".to_owned(), 2));
});

crate::backend_test!(window_in_update_where, |conn| {
    seed(conn);
    let youngest = users::table.select(min(users::age)).scalar_subquery();
    let changed = update(users::table)
        .set(users::age.eq(1))
        .filter(users::age.eq(youngest))
        .execute(conn)
        .unwrap();
    assert_eq!(changed, 1);
});

crate::backend_test!(aggregate_in_join_on, |conn| {
    seed(conn);
    let pairs: Vec<(String, i64)> = users::table
        .join(posts::table, posts::user_id.eq(users::id))
        .group_by(users::name)
        .select((users::name, count_star()))
        .having(count_star().gt(1))
        .load(conn)
        .unwrap();
    assert_eq!(pairs, [("ada".to_owned(), 2)]);
});

crate::backend_test!(aggregate_in_outer_join_on, |conn| {
    seed(conn);
    let rows: Vec<(String, Option<i32>)> = users::table
        .outer_join(posts::table, posts::user_id.eq(users::id))
        .group_by(users::name)
        .select((users::name, max(posts::score)))
        .order_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(rows[0], ("ada".to_owned(), Some(5)));
});

crate::backend_test!(window_in_join_on, |conn| {
    seed(conn);
    let rows: Vec<(String, i64)> = users::table
        .join(posts::table, posts::user_id.eq(users::id))
        .select((posts::title, row_number().over(Window::new().order_by(posts::id))))
        .order_by(posts::id)
        .load(conn)
        .unwrap();
    assert_eq!(rows[3], ("last".to_owned(), 4));
});

crate::backend_test!(aggregate_in_group_by, |conn| {
    seed(conn);
    let counts: Vec<(i32, i64)> = users::table
        .group_by(users::age)
        .select((users::age, count_star()))
        .order_by(users::age)
        .load(conn)
        .unwrap();
    assert_eq!(counts, [(17, 1), (36, 2)]);
});

crate::backend_test!(aggregate_in_group_by_after_select, |conn| {
    seed(conn);
    let counts: Vec<i64> =
        users::table.select(count_star()).group_by((users::name, users::age)).load(conn).unwrap();
    assert_eq!(counts, [1, 1, 1]);
});

crate::backend_test!(window_in_group_by, |conn| {
    seed(conn);
    let counts: Vec<i64> = users::table
        .group_by(users::age)
        .select(count_star())
        .order_by(count_star())
        .load(conn)
        .unwrap();
    assert_eq!(counts, [1, 2]);
});

crate::backend_test!(window_in_having, |conn| {
    seed(conn);
    let ranked: Vec<(i32, i64)> = users::table
        .group_by(users::age)
        .select((users::age, rank().over(Window::new().order_by(count_star().desc()))))
        .having(count_star().ge(1))
        .order_by(users::age)
        .load(conn)
        .unwrap();
    assert_eq!(ranked, [(17, 2), (36, 1)]);
});

crate::backend_test!(nested_aggregate_in_select, |conn| {
    seed(conn);
    let total: Option<i64> = users::table.select(sum(users::age)).first(conn).unwrap();
    assert_eq!(total, Some(89));
});

crate::backend_test!(nested_aggregate_in_having, |conn| {
    seed(conn);
    let ages: Vec<i32> = users::table
        .group_by(users::age)
        .select(users::age)
        .having(count(users::id).gt(1))
        .load(conn)
        .unwrap();
    assert_eq!(ages, [36]);
});

crate::backend_test!(nested_aggregate_in_order_by, |conn| {
    seed(conn);
    let names: Vec<String> = users::table
        .group_by(users::name)
        .select(users::name)
        .order_by(sum(users::age).desc())
        .limit(1)
        .load(conn)
        .unwrap();
    assert!(names[0] == "ada" || names[0] == "cy");
});

crate::backend_test!(window_in_aggregate_argument, |conn| {
    seed(conn);
    // The windowed value is computed per row; aggregating it needs an outer query, so the
    // twin aggregates the column and windows the total instead.
    let rows: Vec<(i32, Option<i32>)> = users::table
        .group_by(users::age)
        .select((users::age, max(max(users::age)).over(Window::new())))
        .order_by(users::age)
        .load(conn)
        .unwrap();
    assert_eq!(rows, [(17, Some(36)), (36, Some(36))]);
});

crate::backend_test!(window_in_partition_by, |conn| {
    seed(conn);
    let ranks: Vec<i64> = users::table
        .select(rank().over(Window::new().partition_by(users::age).order_by(users::name)))
        .order_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(ranks, [1, 1, 2]);
});

crate::backend_test!(window_in_window_order_by, |conn| {
    seed(conn);
    let ranks: Vec<i64> = users::table
        .select(rank().over(Window::new().order_by(users::age.desc())))
        .order_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(ranks, [1, 3, 1]);
});

crate::backend_test!(window_in_lag_argument, |conn| {
    seed(conn);
    let previous: Vec<Option<i32>> = users::table
        .select(lag(users::age).over(Window::new().order_by(users::id)))
        .order_by(users::id)
        .load(conn)
        .unwrap();
    assert_eq!(previous, [None, Some(36), Some(17)]);
});

crate::backend_test!(window_in_windowed_aggregate_argument, |conn| {
    seed(conn);
    let running: Vec<Option<i64>> = users::table
        .select(sum(users::age).over(Window::new().order_by(users::id)))
        .order_by(users::id)
        .load(conn)
        .unwrap();
    assert_eq!(running, [Some(36), Some(53), Some(89)]);
});

crate::backend_test!(aggregate_in_filter_condition, |conn| {
    seed(conn);
    let old: i64 =
        users::table.select(count_star().filter_where(users::age.gt(30))).first(conn).unwrap();
    assert_eq!(old, 2);
});

crate::backend_test!(window_in_filter_condition, |conn| {
    seed(conn);
    let young: i64 =
        users::table.select(count_star().filter_where(users::age.lt(30))).first(conn).unwrap();
    assert_eq!(young, 1);
});

crate::backend_test!(order_by_ungrouped_column, |conn| {
    seed(conn);
    let rows: Vec<(String, i64)> = users::table
        .group_by(users::name)
        .select((users::name, count_star()))
        .order_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].0, "ada");
});

crate::backend_test!(order_by_ungrouped_column_desc, |conn| {
    seed(conn);
    let names: Vec<String> = users::table
        .group_by(users::name)
        .select(users::name)
        .order_by((count_star().desc(), users::name.asc()))
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ada", "bob", "cy"]);
});

crate::backend_test!(order_by_before_group_by_ungrouped_column, |conn| {
    seed(conn);
    let names: Vec<String> = users::table
        .select(users::name)
        .order_by(users::name.desc())
        .group_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(names, ["cy", "bob", "ada"]);
});

crate::backend_test!(order_by_aggregate_without_group_by, |conn| {
    seed(conn);
    let names: Vec<String> = users::table
        .group_by(users::name)
        .select(users::name)
        .order_by((count_star(), users::name))
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ada", "bob", "cy"]);
});

crate::backend_test!(select_star_ordered_by_aggregate, |conn| {
    seed(conn);
    let rows: Vec<(i32, String, Option<String>, i32)> =
        users::table.order_by(users::age.desc()).limit(1).load(conn).unwrap();
    assert_eq!(rows[0].3, 36);
});

crate::backend_test!(group_by_expression_column_selected_alone, |conn| {
    seed(conn);
    let rows: Vec<(String, i64)> = users::table
        .group_by(lower(users::name))
        .select((lower(users::name), count_star()))
        .order_by(lower(users::name))
        .load(conn)
        .unwrap();
    assert_eq!(rows, [("ada".to_owned(), 1), ("bob".to_owned(), 1), ("cy".to_owned(), 1)]);
});

crate::backend_test!(group_by_expression_with_bound_value, |conn| {
    seed(conn);
    // An expression of columns only is recognized again in the select list and ORDER BY.
    let rows: Vec<(i32, i64)> = users::table
        .group_by(users::age + users::age)
        .select((users::age + users::age, count_star()))
        .order_by(users::age + users::age)
        .load(conn)
        .unwrap();
    assert_eq!(rows, [(34, 1), (72, 2)]);
});

crate::backend_test!(group_by_wide_list_ungrouped_column, |conn| {
    MetaData::new([facts::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(facts::table)
        .values(vec![
            (
                facts::a.eq(1),
                facts::b.eq(2),
                facts::c.eq(3),
                facts::d.eq(4),
                facts::e.eq(5),
                facts::f.eq(6),
                facts::g.eq(7),
                facts::h.eq(8),
            ),
            (
                facts::a.eq(1),
                facts::b.eq(2),
                facts::c.eq(3),
                facts::d.eq(4),
                facts::e.eq(5),
                facts::f.eq(6),
                facts::g.eq(7),
                facts::h.eq(9),
            ),
        ])
        .execute(conn)
        .unwrap();
    let rows: Vec<(i32, i32, i32, i64)> = facts::table
        .group_by((facts::a, facts::b, facts::c, facts::d, facts::e, facts::f, facts::g, facts::h))
        .select((facts::g, facts::a, facts::h, count_star()))
        .order_by(facts::h)
        .load(conn)
        .unwrap();
    assert_eq!(rows, [(7, 1, 8, 1), (7, 1, 9, 1)]);
});

crate::backend_test!(window_order_ungrouped_in_grouped_query, |conn| {
    seed(conn);
    let rows: Vec<(String, i64)> = users::table
        .group_by(users::name)
        .select((users::name, rank().over(Window::new().order_by(max(users::age).desc()))))
        .order_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(rows, [("ada".to_owned(), 1), ("bob".to_owned(), 3), ("cy".to_owned(), 1)]);
});

crate::backend_test!(correlated_alias_outside_its_scope, |conn| {
    seed(conn);
    let sub = posts::table
        .correlate(author)
        .select(posts::id)
        .filter(posts::user_id.eq(author.col(users::id)).and(posts::score.gt(4)));
    let names: Vec<String> = author
        .select(author.col(users::name))
        .filter(exists(sub))
        .order_by(author.col(users::name))
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ada", "bob"]);
});

crate::backend_test!(order_by_of_distinct_not_selected, |conn| {
    seed(conn);
    let ages: Vec<i32> =
        users::table.select(users::age).distinct().order_by(users::age).load(conn).unwrap();
    assert_eq!(ages, [17, 36]);
});

crate::backend_test!(distinct_after_order_by_not_selected, |conn| {
    seed(conn);
    let ages: Vec<i32> =
        users::table.order_by(users::age.desc()).distinct().select(users::age).load(conn).unwrap();
    assert_eq!(ages, [36, 17]);
});

crate::backend_test!(arithmetic_between_number_and_text, |conn| {
    seed(conn);
    let sums: Vec<i32> =
        users::table.select(users::age + users::id).order_by(users::id).load(conn).unwrap();
    assert_eq!(sums, [37, 19, 39]);
});

crate::pg_twin!(distinct_on_ordered_by_another_column, |conn| {
    seed(conn);
    let rows: Vec<(String, i32)> = users::table
        .distinct_on(users::age)
        .order_by((users::age, users::name.desc()))
        .select((users::name, users::age))
        .load(conn)
        .unwrap();
    assert_eq!(rows, [("bob".to_owned(), 17), ("cy".to_owned(), 36)]);
});

crate::pg_twin!(distinct_on_after_order_by_another_column, |conn| {
    seed(conn);
    let rows: Vec<(String, i32)> = users::table
        .order_by((users::age.desc(), users::name))
        .distinct_on(users::age)
        .select((users::name, users::age))
        .load(conn)
        .unwrap();
    assert_eq!(rows, [("ada".to_owned(), 36), ("bob".to_owned(), 17)]);
});

crate::backend_test!(aggregate_in_insert_returning, |conn| {
    seed(conn);
    insert(users::table).values((users::name.eq("x"), users::age.eq(3))).execute(conn).unwrap();
    let count: i64 = users::table.select(count_star()).first(conn).unwrap();
    assert_eq!(count, 4);
});

crate::backend_test!(aggregate_in_update_returning, |conn| {
    seed(conn);
    update(users::table).set(users::age.eq(3)).filter(users::name.eq("bob")).execute(conn).unwrap();
    let oldest: Option<i32> = users::table.select(max(users::age)).first(conn).unwrap();
    assert_eq!(oldest, Some(36));
});

crate::backend_test!(window_in_delete_returning, |conn| {
    seed(conn);
    let ranked: Vec<(String, i64)> = users::table
        .select((users::name, row_number().over(Window::new().order_by(users::name))))
        .filter(users::age.lt(30))
        .load(conn)
        .unwrap();
    assert_eq!(ranked, [("bob".to_owned(), 1)]);
});

crate::backend_test!(aggregate_in_where_through_coalesce, |conn| {
    seed(conn);
    let names: Vec<String> = users::table
        .group_by(users::name)
        .select(users::name)
        .having(coalesce(max(users::email), "none").ne("none"))
        .order_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ada", "cy"]);
});

crate::backend_test!(aggregate_in_where_through_between, |conn| {
    seed(conn);
    let ages: Vec<i32> = users::table
        .group_by(users::age)
        .select(users::age)
        .having(count_star().between(2, 3))
        .load(conn)
        .unwrap();
    assert_eq!(ages, [36]);
});

crate::backend_test!(aggregate_in_where_through_case, |conn| {
    seed(conn);
    let adults: i64 = users::table
        .select(count_star())
        .filter(case_when(users::age.gt(18), 1).otherwise(0).eq(1))
        .first(conn)
        .unwrap();
    assert_eq!(adults, 2);
});

crate::backend_test!(window_in_insert_values, |conn| {
    seed(conn);
    insert(users::table).values((users::name.eq("x"), users::age.eq(4))).execute(conn).unwrap();
    let ages: Vec<i32> =
        users::table.select(users::age).filter(users::name.eq("x")).load(conn).unwrap();
    assert_eq!(ages, [4]);
});

crate::backend_test!(aggregate_in_boxed_join_on, |conn| {
    seed(conn);
    let titles: Vec<String> = users::table
        .into_boxed()
        .may_join::<posts::table>()
        .join(posts::table, posts::user_id.eq(users::id))
        .select(posts::title)
        .filter(users::name.eq("bob"))
        .load::<Option<String>>(conn)
        .unwrap()
        .into_iter()
        .flatten()
        .collect();
    assert_eq!(titles, ["first"]);
});

crate::backend_test!(having_ungrouped_column_in_subquery, |conn| {
    seed(conn);
    let names: Vec<String> = users::table
        .select(users::name)
        .filter(
            users::id.in_subquery(
                posts::table
                    .group_by(posts::user_id)
                    .select(posts::user_id)
                    .having(max(posts::score).gt(4)),
            ),
        )
        .order_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ada", "bob"]);
});

crate::backend_test!(order_by_ungrouped_column_in_subquery, |conn| {
    seed(conn);
    let names: Vec<String> = users::table
        .select(users::name)
        .filter(exists(
            posts::table.group_by(posts::user_id).select(posts::user_id).order_by(posts::user_id),
        ))
        .order_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ada", "bob", "cy"]);
});

crate::backend_test!(window_in_delete_where, |conn| {
    seed(conn);
    let youngest = users::table.select(min(users::age)).scalar_subquery();
    delete(posts::table).filter(posts::user_id.eq(2)).execute(conn).unwrap();
    let deleted = delete(users::table).filter(users::age.eq(youngest)).execute(conn).unwrap();
    assert_eq!(deleted, 1);
});

crate::backend_test!(nested_window_through_arithmetic, |conn| {
    seed(conn);
    let ranks: Vec<i64> = users::table
        .select(rank().over(Window::new().order_by(users::age + 1)))
        .order_by(users::id)
        .load(conn)
        .unwrap();
    assert_eq!(ranks, [2, 1, 2]);
});

crate::backend_test!(aggregate_in_group_by_through_arithmetic, |conn| {
    seed(conn);
    let counts: Vec<i64> =
        users::table.group_by(users::age + users::id).select(count_star()).load(conn).unwrap();
    assert_eq!(counts, [1, 1, 1]);
});

crate::backend_test!(grouped_expression_missing_from_select_expression, |conn| {
    seed(conn);
    let rows: Vec<(String, i64)> = users::table
        .group_by(upper(users::name))
        .select((upper(users::name), count_star()))
        .order_by(upper(users::name))
        .load(conn)
        .unwrap();
    assert_eq!(rows[0], ("ADA".to_owned(), 1));
});

crate::backend_test!(boxed_grouped_order_by_ungrouped_column, |conn| {
    seed(conn);
    let rows: Vec<(String, i64)> = users::table
        .group_by(users::name)
        .select((users::name, count_star()))
        .into_boxed()
        .order_by(users::name.desc())
        .load(conn)
        .unwrap();
    assert_eq!(rows[0], ("cy".to_owned(), 1));
});

crate::backend_test!(boxed_grouped_select_ungrouped_column, |conn| {
    seed(conn);
    let rows: Vec<(String, Option<i32>)> = users::table
        .group_by(users::name)
        .select(users::name)
        .into_boxed()
        .select((users::name, max(users::age)))
        .order_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(rows[1], ("bob".to_owned(), Some(17)));
});

crate::backend_test!(boxed_select_mixing_aggregates, |conn| {
    seed(conn);
    let rows: Vec<(i64, Option<i32>)> =
        users::table.into_boxed().select((count_star(), max(users::age))).load(conn).unwrap();
    assert_eq!(rows, [(3, Some(36))]);
});
