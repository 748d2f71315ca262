//! `SELECT *` ordered by an aggregate mixes plain columns with an aggregate.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let _ = users::table.order_by(max(users::age)).load::<(i32, String, Option<String>, i32)>(&mut conn);
}
