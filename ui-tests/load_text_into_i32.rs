//! A column loads only into a Rust type that holds its SQL type.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let _ = users::table.select(users::name).load::<i32>(&mut conn);
}
