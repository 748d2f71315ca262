//! ORDER BY of a UNION may name only columns of its select list.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table
        .select(users::name)
        .union(posts::table.select(posts::title))
        .order_by(users::age);
}
