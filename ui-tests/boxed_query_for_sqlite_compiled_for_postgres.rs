//! A query boxed for SQLite is written only as SQLite SQL.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let q = users::table.filter(users::age.gt(18)).into_boxed::<Sqlite>();
    let _ = q.compile::<Postgres>();
}
