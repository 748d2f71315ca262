//! A CTE declared inline must be declared by the WITH clause of the statement that reads it.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let best = max(posts::score).label("best");
    let tops = posts::table.group_by(posts::user_id).select((posts::user_id, best)).cte("tops");
    let _: Vec<Option<i32>> = tops.clone().select(tops.c(best)).load(&mut conn).unwrap();
}
