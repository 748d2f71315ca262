//! DISTINCT ON is PostgreSQL-only: running it on a SQLite connection does not compile.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let _ = users::table.select(users::name).distinct_on(users::name).load::<String>(&mut conn);
}
