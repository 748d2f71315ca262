//! Twins of the loading cases: a row loads into a Rust type with one field per selected column,
//! each holding its SQL type, and `Option` where the column may be NULL.

use super::schema::*;
use aludel::prelude::*;

crate::backend_test!(load_text_into_i32, |conn| {
    seed(conn);
    let names: Vec<String> =
        users::table.select(users::name).order_by(users::id).load::<String>(conn).unwrap();
    assert_eq!(names, ["ada", "bob", "cy"]);
});

crate::backend_test!(load_nullable_into_non_option, |conn| {
    seed(conn);
    let emails: aludel::Result<Vec<Option<String>>> =
        users::table.select(users::email).order_by(users::id).load(conn);
    assert_eq!(
        emails.unwrap(),
        [Some("ada@example.com".to_owned()), None, Some("cy@example.com".to_owned())]
    );
});

crate::backend_test!(load_one_column_into_pair, |conn| {
    seed(conn);
    // Two columns selected for the pair.
    let rows = users::table
        .select((users::id, users::name))
        .order_by(users::id)
        .load::<(i32, String)>(conn)
        .unwrap();
    assert_eq!(rows, [(1, "ada".into()), (2, "bob".into()), (3, "cy".into())]);
});

crate::backend_test!(load_row_arity_mismatch, |conn| {
    seed(conn);
    // Three columns selected for the triple.
    let rows = users::table
        .select((users::id, users::name, users::age))
        .order_by(users::id)
        .load::<(i32, String, i32)>(conn)
        .unwrap();
    assert_eq!(rows, [(1, "ada".into(), 36), (2, "bob".into(), 17), (3, "cy".into(), 36)]);
});

crate::backend_test!(left_join_column_into_non_option, |conn| {
    seed(conn);
    insert(users::table)
        .values((users::name.eq("dee"), users::email.eq(None::<&str>), users::age.eq(50)))
        .execute(conn)
        .unwrap();
    // The right side of the LEFT JOIN loads into an Option: `dee` has no post.
    let rows = users::table
        .outer_join(posts::table, posts::user_id.eq(users::id))
        .select((users::name, posts::title))
        .order_by((users::id, posts::id))
        .load::<(String, Option<String>)>(conn)
        .unwrap();
    assert_eq!(
        rows,
        [
            ("ada".into(), Some("hello".into())),
            ("ada".into(), Some("again".into())),
            ("bob".into(), Some("first".into())),
            ("cy".into(), Some("last".into())),
            ("dee".into(), None),
        ]
    );
});
