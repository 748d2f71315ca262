//! The right side of a LEFT JOIN is nullable: it cannot load into a non-Option.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let _ = users::table
        .outer_join(posts::table, posts::user_id.eq(users::id))
        .select((users::name, posts::title))
        .load::<(String, String)>(&mut conn);
}
