//! A nullable column loads into an `Option`, never into a bare Rust value.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let _: aludel::Result<Vec<String>> = users::table.select(users::email).load(&mut conn);
}
