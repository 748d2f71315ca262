//! ORDER BY of a chain of set operations may name only columns of the first select list.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table
        .select((users::id, users::name))
        .union_all(posts::table.select((posts::id, posts::title)))
        .except(users::table.select((users::id, users::name)).filter(users::age.lt(18)))
        .order_by((users::id, posts::score.desc()));
}
