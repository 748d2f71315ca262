//! ON CONFLICT targets only the primary key or a declared unique constraint: `users::name`
//! is neither, and both databases would reject the statement when it runs.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = insert(users::table)
        .values((users::name.eq("ada"), users::age.eq(36)))
        .on_conflict(users::name)
        .do_nothing();
}
