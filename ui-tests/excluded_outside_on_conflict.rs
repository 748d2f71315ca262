//! `excluded(..)` exists only in an upsert's DO UPDATE: in a SELECT's WHERE it names nothing.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = users::table.select(users::id).filter(users::name.eq(excluded(users::name)));
}
