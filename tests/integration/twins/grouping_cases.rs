//! Twins of the grouping and window cases: plain columns of a grouped query are grouped, the
//! rest sits inside aggregates; window functions have their OVER and a frame that runs forward.

use super::schema::*;
use aludel::prelude::*;

crate::backend_test!(aggregate_mixed_without_group_by, |conn| {
    seed(conn);
    // With GROUP BY the plain column and the aggregate may stand side by side.
    let rows: Vec<(String, i64)> = users::table
        .group_by(users::name)
        .select((users::name, count_star()))
        .order_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(rows, [("ada".into(), 1), ("bob".into(), 1), ("cy".into(), 1)]);
});

crate::backend_test!(group_by_ungrouped_column, |conn| {
    seed(conn);
    insert(users::table)
        .values((users::name.eq("ada"), users::email.eq(None::<&str>), users::age.eq(36)))
        .execute(conn)
        .unwrap();
    // `users::age` grouped too.
    let rows: Vec<(String, i32, i64)> = users::table
        .group_by((users::name, users::age))
        .select((users::name, users::age, count_star()))
        .order_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(rows, [("ada".into(), 36, 2), ("bob".into(), 17, 1), ("cy".into(), 36, 1)]);
});

crate::backend_test!(having_ungrouped_column, |conn| {
    seed(conn);
    // HAVING on an aggregate of the ungrouped column.
    let names: Vec<String> = users::table
        .group_by(users::name)
        .select(users::name)
        .having(max(users::age).gt(30))
        .order_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ada", "cy"]);
});

crate::backend_test!(window_function_without_over, |conn| {
    seed(conn);
    let numbers: Vec<i64> = users::table
        .select(row_number().over(Window::new().order_by(users::id)))
        .order_by(users::id)
        .load(conn)
        .unwrap();
    assert_eq!(numbers, [1, 2, 3]);
});

crate::backend_test!(window_frame_ends_before_start, |conn| {
    seed(conn);
    // From the row before to the current one: a running count of at most two.
    let counts: Vec<i64> = users::table
        .select(
            count_star()
                .over(Window::new().order_by(users::id).rows_between(preceding(1), current_row())),
        )
        .order_by(users::id)
        .load(conn)
        .unwrap();
    assert_eq!(counts, [1, 2, 2]);
});
