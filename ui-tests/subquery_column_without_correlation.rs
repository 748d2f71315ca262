//! A subquery cannot use an outer column unless it is correlated with that table.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = posts::table.select(posts::id).filter(posts::user_id.eq(users::id));
}
