//! An aggregate function cannot be a value of INSERT ... VALUES.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = insert(users::table).values((users::name.eq("x"), users::age.eq(count_star())));
}
