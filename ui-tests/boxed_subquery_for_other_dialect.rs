//! A subquery boxed for PostgreSQL cannot be part of a query run on SQLite.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let authors = posts::table.select(posts::user_id).into_boxed::<Postgres>();
    let q = users::table.select(users::name).filter(users::id.in_subquery(authors));
    let _ = q.load::<String>(&mut conn);
}
