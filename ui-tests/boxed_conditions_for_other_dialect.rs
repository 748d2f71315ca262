//! Runtime conditions built for PostgreSQL cannot filter a query run on SQLite.

use aludel::prelude::*;
use aludel::query::Conditions;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let either = Conditions::<_, Postgres>::any().push(users::age.gt(30)).push(users::age.lt(18));
    let _ = users::table.select(users::name).filter(either).load::<String>(&mut conn);
}
