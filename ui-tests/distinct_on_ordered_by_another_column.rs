//! SELECT DISTINCT ON (e) must be ordered by e first (PostgreSQL).

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.distinct_on(users::name).order_by(users::age);
}
