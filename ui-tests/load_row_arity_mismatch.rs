//! A row loads only into a tuple with one field per selected column.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let _ = users::table.select((users::id, users::name)).load::<(i32, String, i32)>(&mut conn);
}
