//! An INSERT's RETURNING may only use columns of the target table.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = insert(users::table).values(users::name.eq("ada")).returning((users::id, posts::title));
}
