//! RETURNING returns one row per updated row: an aggregate function cannot be in it.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = update(users::table).set(users::age.eq(1)).returning((users::id, count_star()));
}
