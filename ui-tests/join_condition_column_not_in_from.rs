//! A join condition may only use columns of the joined tables.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

aludel::table! { tags (id) { id -> Integer, post_id -> Integer, } }

fn main() {
    let _ = users::table.join(posts::table, tags::post_id.eq(posts::id));
}
