//! UPDATE SET takes `column.eq(value)` assignments, not bare columns.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = update(users::table).set(users::age);
}
