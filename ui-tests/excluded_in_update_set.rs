//! `excluded(..)` exists only in an upsert's DO UPDATE, not in a plain UPDATE's SET.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = update(users::table)
        .set(users::name.eq(excluded(users::name)))
        .filter(users::id.eq(1));
}
