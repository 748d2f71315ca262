//! Twins of the earlier INSERT / UPDATE / DELETE / RETURNING / upsert / boxed-filter cases, the
//! window-frame-order case and the IN-list case: each makes the one change its message asks
//! for (plus the `age` an INSERT into the shared `users` needs to run) and reads rows back.

use super::schema::{posts, seed, users};
use aludel::prelude::*;

fn sorted<T: Ord>(mut rows: Vec<T>) -> Vec<T> {
    rows.sort();
    rows
}

fn user_count<C: Connection>(conn: &mut C) -> i64 {
    users::table.select(count_star()).first(conn).unwrap()
}

/// A fourth user, without posts, so that deleting it breaks no foreign key.
fn add_dee<C: Connection>(conn: &mut C) {
    insert(users::table)
        .values((users::id.eq(4), users::name.eq("dee"), users::age.eq(50)))
        .execute(conn)
        .unwrap();
}

crate::backend_test!(insert_column_of_other_table, |conn| {
    seed(conn);
    insert(users::table).values((users::name.eq("ada"), users::age.eq(1))).execute(conn).unwrap();
    assert_eq!(user_count(conn), 4);
});

crate::backend_test!(insert_from_select_arity_mismatch, |conn| {
    seed(conn);
    let q = users::table.select((users::name, users::age));
    insert(users::table).from_select((users::name, users::age), q).execute(conn).unwrap();
    assert_eq!(user_count(conn), 6);
});

crate::backend_test!(insert_from_select_column_of_other_table, |conn| {
    seed(conn);
    let q = users::table.select((users::name, users::age));
    insert(users::table).from_select((users::name, users::age), q).execute(conn).unwrap();
    let adas: i64 =
        users::table.select(count_star()).filter(users::name.eq("ada")).first(conn).unwrap();
    assert_eq!(adas, 2);
});

crate::backend_test!(insert_from_select_type_mismatch, |conn| {
    seed(conn);
    let q = posts::table.select((posts::title, posts::score));
    insert(users::table).from_select((users::name, users::age), q).execute(conn).unwrap();
    let ages: Vec<i32> =
        users::table.select(users::age).filter(users::name.eq("first")).load(conn).unwrap();
    assert_eq!(ages, [8]);
});

crate::backend_test!(insert_returning_column_of_other_table, |conn| {
    seed(conn);
    let rows: Vec<(i32, String)> = insert(users::table)
        .values((users::name.eq("ada"), users::age.eq(1)))
        .returning((users::id, users::name))
        .load(conn)
        .unwrap();
    assert_eq!(rows, [(4, "ada".to_owned())]);
});

crate::backend_test!(insert_single_column_of_other_table, |conn| {
    seed(conn);
    insert(users::table).values((users::name.eq("hello"), users::age.eq(1))).execute(conn).unwrap();
    assert_eq!(user_count(conn), 4);
});

crate::backend_test!(insert_value_references_column, |conn| {
    seed(conn);
    insert(users::table).values((users::name.eq("hello"), users::age.eq(1))).execute(conn).unwrap();
    let names: Vec<String> =
        users::table.select(users::name).filter(users::id.eq(4)).load(conn).unwrap();
    assert_eq!(names, ["hello"]);
});

crate::backend_test!(insert_value_wrong_type, |conn| {
    seed(conn);
    insert(users::table).values((users::name.eq("ada"), users::age.eq(70))).execute(conn).unwrap();
    let ages: Vec<i32> =
        users::table.select(users::age).filter(users::id.eq(4)).load(conn).unwrap();
    assert_eq!(ages, [70]);
});

crate::backend_test!(insert_values_not_assignment, |conn| {
    seed(conn);
    insert(users::table).values((users::name.eq("x"), users::age.eq(1))).execute(conn).unwrap();
    assert_eq!(user_count(conn), 4);
});

crate::backend_test!(update_filter_column_not_in_from, |conn| {
    seed(conn);
    let changed =
        update(users::table).set(users::age.eq(3)).filter(users::id.eq(1)).execute(conn).unwrap();
    assert_eq!(changed, 1);
});

crate::backend_test!(update_returning_column_of_other_table, |conn| {
    seed(conn);
    let rows: Vec<(i32, i32)> = update(users::table)
        .set(users::age.eq(1))
        .returning((users::id, users::age))
        .load(conn)
        .unwrap();
    assert_eq!(sorted(rows), [(1, 1), (2, 1), (3, 1)]);
});

crate::backend_test!(update_set_column_of_other_table, |conn| {
    seed(conn);
    let changed = update(users::table).set(users::name.eq("hello")).execute(conn).unwrap();
    assert_eq!(changed, 3);
});

crate::backend_test!(update_set_not_assignment, |conn| {
    seed(conn);
    update(users::table).set(users::age.eq(users::age + 1)).execute(conn).unwrap();
    let ages: Vec<i32> = users::table.select(users::age).load(conn).unwrap();
    assert_eq!(sorted(ages), [18, 37, 37]);
});

crate::backend_test!(update_set_wrong_type, |conn| {
    seed(conn);
    let changed = update(users::table).set(users::age.eq(70)).execute(conn).unwrap();
    assert_eq!(changed, 3);
});

crate::backend_test!(delete_filter_column_not_in_from, |conn| {
    seed(conn);
    add_dee(conn);
    let deleted = delete(users::table).filter(users::id.eq(4)).execute(conn).unwrap();
    assert_eq!(deleted, 1);
});

crate::backend_test!(returning_column_of_other_table, |conn| {
    seed(conn);
    add_dee(conn);
    let rows: Vec<(i32, String)> = delete(users::table)
        .filter(users::id.eq(4))
        .returning((users::id, users::name))
        .load(conn)
        .unwrap();
    assert_eq!(rows, [(4, "dee".to_owned())]);
});

crate::backend_test!(upsert_target_column_of_other_table, |conn| {
    seed(conn);
    let changed = insert(users::table)
        .values((users::id.eq(1), users::name.eq("a"), users::age.eq(1)))
        .on_conflict(users::id)
        .do_nothing()
        .execute(conn)
        .unwrap();
    assert_eq!(changed, 0);
});

crate::backend_test!(boxed_filter_column_not_in_scope, |conn| {
    seed(conn);
    let q = users::table.select(users::name).into_boxed().filter(users::id.eq(1));
    let names: Vec<String> = q.load(conn).unwrap();
    assert_eq!(names, ["ada"]);
});

crate::backend_test!(window_frame_ends_before_start, |conn| {
    seed(conn);
    let rows: Vec<i64> = users::table
        .select(
            count_star()
                .over(Window::new().order_by(users::id).rows_between(preceding(1), current_row())),
        )
        .load(conn)
        .unwrap();
    assert_eq!(sorted(rows), [1, 2, 2]);
});

crate::backend_test!(in_list_wrong_rust_type, |conn| {
    seed(conn);
    let names: Vec<String> =
        users::table.select(users::name).filter(users::age.in_([17, 36])).load(conn).unwrap();
    assert_eq!(sorted(names), ["ada", "bob", "cy"]);
});

crate::backend_test!(compare_with_wrong_rust_type, |conn| {
    seed(conn);
    let rows: Vec<(i32, String, Option<String>, i32)> =
        users::table.filter(users::id.eq(3)).load(conn).unwrap();
    assert_eq!(rows[0].1, "cy");
});
