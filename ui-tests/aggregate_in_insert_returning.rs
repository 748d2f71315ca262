//! RETURNING yields one row per row written: no aggregate.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = insert(users::table).values((users::name.eq("x"), users::age.eq(3))).returning(count_star());
}
