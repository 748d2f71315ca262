//! A query boxed for PostgreSQL runs only on a PostgreSQL connection.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let q = users::table.select(users::name).into_boxed::<Postgres>();
    let _ = q.load::<String>(&mut conn);
}
