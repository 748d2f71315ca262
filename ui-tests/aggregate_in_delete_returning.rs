//! RETURNING of DELETE returns one row per deleted row: an aggregate function cannot be in it.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = delete(users::table).filter(users::age.lt(18)).returning(max(users::age));
}
