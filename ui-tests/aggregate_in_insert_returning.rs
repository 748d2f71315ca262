//! RETURNING of INSERT returns one row per inserted row: an aggregate function cannot be in it.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = insert(users::table)
        .values((users::name.eq("dee"), users::age.eq(50)))
        .returning((users::id, sum(users::age)));
}
