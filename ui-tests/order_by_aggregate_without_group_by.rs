//! Ordering by an aggregate makes an aggregate query: a plain select list is then ungrouped.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let _ = users::table.select(users::name).order_by(count_star()).load::<String>(&mut conn);
}
