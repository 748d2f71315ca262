//! The schema most twins share (the one most `ui-tests/` cases declare), with a few rows.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) {
        id -> Integer,
        #[references(users::id)] user_id -> Integer,
        title -> Text,
        score -> Integer,
    }
}

/// Creates `users` and `posts` with three users (one without email) and four posts.
pub fn seed<C: Connection>(conn: &mut C) {
    MetaData::new([users::table::def(), posts::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
    insert(users::table)
        .values(vec![
            (users::name.eq("ada"), users::email.eq(Some("ada@example.com")), users::age.eq(36)),
            (users::name.eq("bob"), users::email.eq(None::<&str>), users::age.eq(17)),
            (users::name.eq("cy"), users::email.eq(Some("cy@example.com")), users::age.eq(36)),
        ])
        .execute(conn)
        .unwrap();
    insert(posts::table)
        .values(vec![
            (posts::user_id.eq(1), posts::title.eq("hello"), posts::score.eq(5)),
            (posts::user_id.eq(1), posts::title.eq("again"), posts::score.eq(3)),
            (posts::user_id.eq(2), posts::title.eq("first"), posts::score.eq(8)),
            (posts::user_id.eq(3), posts::title.eq("last"), posts::score.eq(1)),
        ])
        .execute(conn)
        .unwrap();
}
