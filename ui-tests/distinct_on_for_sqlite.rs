//! DISTINCT ON is PostgreSQL-only: rendering it for SQLite does not compile.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let q = users::table.select(users::name).distinct_on(users::name);
    let _ = q.compile::<Sqlite>();
}
