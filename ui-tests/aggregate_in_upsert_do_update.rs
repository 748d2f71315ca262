//! An aggregate function cannot be assigned in ON CONFLICT DO UPDATE SET.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = insert(users::table)
        .values((users::id.eq(1), users::name.eq("ada"), users::age.eq(36)))
        .on_conflict(users::id)
        .do_update(users::age.eq(max(users::age) + 1));
}
