//! Grouped by `lower(name)`, `upper(name)` is not grouped.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.group_by(lower(users::name)).select((upper(users::name), count_star()));
}
