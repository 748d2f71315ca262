//! The DISTINCT ON ordering rule also holds when ORDER BY came first.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.order_by((users::age, users::name)).distinct_on(users::name);
}
