//! ON CONFLICT ... DO UPDATE, with RETURNING, targets only the primary key or a declared unique
//! constraint: `users::age` is neither.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = insert(users::table)
        .values((users::name.eq("ada"), users::age.eq(36)))
        .returning(users::id)
        .on_conflict(users::age)
        .do_update(users::name.eq(excluded(users::name)));
}
