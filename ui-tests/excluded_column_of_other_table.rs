//! `excluded(..)` in an upsert's DO UPDATE reads the proposed row of the inserted table only:
//! `posts::title` is not a column of `users`.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = insert(users::table)
        .values((users::id.eq(1), users::name.eq("ada"), users::age.eq(36)))
        .on_conflict(users::id)
        .do_update(users::name.eq(excluded(posts::title)));
}
