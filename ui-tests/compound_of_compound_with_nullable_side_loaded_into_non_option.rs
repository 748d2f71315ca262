//! In a chain of set operations, a column NULL-able in any member loads into an `Option`.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let _: aludel::Result<Vec<(i32, String)>> = users::table
        .select((users::id, users::name))
        .union_all(posts::table.select((posts::id, posts::title)))
        .union_all(users::table.select((users::age, users::email)))
        .load(&mut conn);
}
