//! A join condition is evaluated per pair of rows: no aggregate.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.join(posts::table, posts::user_id.eq(users::id).and(count_star().gt(1)));
}
