//! An aggregate's FILTER (WHERE ..) is per row: no aggregate.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.select(count_star().filter_where(max(users::age).gt(3)));
}
