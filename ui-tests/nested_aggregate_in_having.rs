//! Aggregate calls cannot be nested in HAVING either.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.group_by(users::name).select(users::name).having(max(count(users::id)).gt(1));
}
