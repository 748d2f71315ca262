//! ANY (subquery) is PostgreSQL-only.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let _ = users::table
        .select(users::id)
        .filter(users::id.eq(any(posts::table.select(posts::user_id))))
        .load::<i32>(&mut conn);
}
