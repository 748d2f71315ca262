//! Twins of the INSERT / UPDATE / DELETE / upsert / RETURNING cases: assignments are
//! `column.eq(value)` to columns of the target table with values of their SQL types, and
//! WHERE and RETURNING use the statement's own table.
//!
//! The tables give every column but the name a default, so that a one-column INSERT like the
//! cases' is valid and the twin changes nothing but what the message asks for.

use aludel::prelude::*;

aludel::table! {
    users (id) {
        id -> Integer,
        name -> Text,
        email -> Nullable<Text>,
        #[default = 0] age -> Integer,
    }
    posts (id) {
        id -> Integer,
        #[default = 0] user_id -> Integer,
        title -> Text,
    }
    // A one-column target for INSERT ... SELECT of a text column.
    titles (id) { id -> Integer, title -> Text, }
}

/// Users `ada` (36) and `bob` (17); posts `hello` (of ada) and `first` (of bob).
fn seed<C: Connection>(conn: &mut C) {
    MetaData::new([users::table::def(), posts::table::def(), titles::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
    insert(users::table)
        .values(vec![
            (users::name.eq("ada"), users::age.eq(36)),
            (users::name.eq("bob"), users::age.eq(17)),
        ])
        .execute(conn)
        .unwrap();
    insert(posts::table)
        .values(vec![
            (posts::user_id.eq(1), posts::title.eq("hello")),
            (posts::user_id.eq(2), posts::title.eq("first")),
        ])
        .execute(conn)
        .unwrap();
}

fn users_by_id<C: Connection>(conn: &mut C) -> Vec<(i32, String, i32)> {
    users::table
        .select((users::id, users::name, users::age))
        .order_by(users::id)
        .load(conn)
        .unwrap()
}

crate::backend_test!(insert_column_of_other_table, |conn| {
    seed(conn);
    // Both assignments to columns of users.
    insert(users::table)
        .values((users::name.eq("cy"), users::email.eq(Some("cy@example.com"))))
        .execute(conn)
        .unwrap();
    let row: (String, Option<String>) = users::table
        .select((users::name, users::email))
        .filter(users::id.eq(3))
        .first(conn)
        .unwrap();
    assert_eq!(row, ("cy".into(), Some("cy@example.com".into())));
});

crate::backend_test!(insert_single_column_of_other_table, |conn| {
    seed(conn);
    // INSERT INTO posts for a posts column.
    insert(posts::table).values(posts::title.eq("hello")).execute(conn).unwrap();
    let titles: Vec<String> =
        posts::table.select(posts::title).order_by(posts::id).load(conn).unwrap();
    assert_eq!(titles, ["hello", "first", "hello"]);
});

crate::backend_test!(insert_values_not_assignment, |conn| {
    seed(conn);
    insert(users::table).values(users::name.eq("cy")).execute(conn).unwrap();
    assert_eq!(users_by_id(conn)[2], (3, "cy".into(), 0));
});

crate::backend_test!(insert_value_references_column, |conn| {
    seed(conn);
    // A value, not a column.
    insert(users::table).values(users::name.eq("hello")).execute(conn).unwrap();
    assert_eq!(users_by_id(conn)[2], (3, "hello".into(), 0));
});

crate::backend_test!(insert_value_wrong_type, |conn| {
    seed(conn);
    insert(users::table).values((users::name.eq("cy"), users::age.eq(70))).execute(conn).unwrap();
    assert_eq!(users_by_id(conn)[2], (3, "cy".into(), 70));
});

crate::backend_test!(insert_returning_column_of_other_table, |conn| {
    seed(conn);
    let row: (i32, String) = insert(users::table)
        .values(users::name.eq("cy"))
        .returning((users::id, users::name))
        .first(conn)
        .unwrap();
    assert_eq!(row, (3, "cy".into()));
});

crate::backend_test!(insert_from_select_arity_mismatch, |conn| {
    seed(conn);
    // Two selected values for the two target columns.
    let q = users::table.select((users::name, users::age));
    let n = insert(users::table).from_select((users::name, users::age), q).execute(conn).unwrap();
    assert_eq!(n, 2);
    assert_eq!(
        users_by_id(conn),
        [
            (1, "ada".into(), 36),
            (2, "bob".into(), 17),
            (3, "ada".into(), 36),
            (4, "bob".into(), 17)
        ]
    );
});

crate::backend_test!(insert_from_select_column_of_other_table, |conn| {
    seed(conn);
    // The target column belongs to the target table.
    let q = users::table.select(users::name);
    let n = insert(titles::table).from_select(titles::title, q).execute(conn).unwrap();
    assert_eq!(n, 2);
    let mut titles: Vec<String> = titles::table.select(titles::title).load(conn).unwrap();
    titles.sort();
    assert_eq!(titles, ["ada", "bob"]);
});

crate::backend_test!(insert_from_select_type_mismatch, |conn| {
    seed(conn);
    // Text then Integer, as the target columns.
    let q = posts::table.select((posts::title, posts::id));
    let n = insert(users::table).from_select((users::name, users::age), q).execute(conn).unwrap();
    assert_eq!(n, 2);
    let rows = users_by_id(conn);
    assert_eq!(rows[2..], [(3, "hello".into(), 1), (4, "first".into(), 2)]);
});

crate::backend_test!(update_set_column_of_other_table, |conn| {
    seed(conn);
    // UPDATE posts to assign a posts column.
    let n = update(posts::table).set(posts::title.eq("hello")).execute(conn).unwrap();
    assert_eq!(n, 2);
    let titles: Vec<String> = posts::table.select(posts::title).load(conn).unwrap();
    assert_eq!(titles, ["hello", "hello"]);
});

crate::backend_test!(update_set_not_assignment, |conn| {
    seed(conn);
    update(users::table).set(users::age.eq(3)).execute(conn).unwrap();
    assert_eq!(users_by_id(conn), [(1, "ada".into(), 3), (2, "bob".into(), 3)]);
});

crate::backend_test!(update_set_wrong_type, |conn| {
    seed(conn);
    update(users::table).set(users::age.eq(70)).execute(conn).unwrap();
    assert_eq!(users_by_id(conn), [(1, "ada".into(), 70), (2, "bob".into(), 70)]);
});

crate::backend_test!(update_filter_column_not_in_from, |conn| {
    seed(conn);
    // The condition on the updated table's own column.
    let n =
        update(users::table).set(users::age.eq(3)).filter(users::id.eq(1)).execute(conn).unwrap();
    assert_eq!(n, 1);
    assert_eq!(users_by_id(conn), [(1, "ada".into(), 3), (2, "bob".into(), 17)]);
});

crate::backend_test!(update_returning_column_of_other_table, |conn| {
    seed(conn);
    let mut rows: Vec<(i32, String)> = update(users::table)
        .set(users::age.eq(1))
        .returning((users::id, users::name))
        .load(conn)
        .unwrap();
    rows.sort();
    assert_eq!(rows, [(1, "ada".into()), (2, "bob".into())]);
    assert_eq!(users_by_id(conn), [(1, "ada".into(), 1), (2, "bob".into(), 1)]);
});

crate::backend_test!(delete_filter_column_not_in_from, |conn| {
    seed(conn);
    let n = delete(users::table).filter(users::id.eq(1)).execute(conn).unwrap();
    assert_eq!(n, 1);
    assert_eq!(users_by_id(conn), [(2, "bob".into(), 17)]);
});

crate::backend_test!(returning_column_of_other_table, |conn| {
    seed(conn);
    let rows: Vec<(i32, String)> = delete(users::table)
        .filter(users::id.eq(1))
        .returning((users::id, users::name))
        .load(conn)
        .unwrap();
    assert_eq!(rows, [(1, "ada".into())]);
    assert_eq!(users_by_id(conn), [(2, "bob".into(), 17)]);
});

crate::backend_test!(upsert_target_column_of_other_table, |conn| {
    seed(conn);
    // ON CONFLICT on the primary key of users: a new row goes in, a taken key does nothing.
    let n = insert(users::table)
        .values(users::name.eq("a"))
        .on_conflict(users::id)
        .do_nothing()
        .execute(conn)
        .unwrap();
    assert_eq!(n, 1);
    let n = insert(users::table)
        .values((users::id.eq(1), users::name.eq("b")))
        .on_conflict(users::id)
        .do_nothing()
        .execute(conn)
        .unwrap();
    assert_eq!(n, 0);
    assert_eq!(
        users_by_id(conn),
        [(1, "ada".into(), 36), (2, "bob".into(), 17), (3, "a".into(), 0)]
    );
});
