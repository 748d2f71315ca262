//! A UNION column is NULL-able when either side's is: it loads into an `Option`.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let _: aludel::Result<Vec<String>> = users::table
        .select(users::name)
        .union(users::table.select(users::email))
        .load(&mut conn);
}
