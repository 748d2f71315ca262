//! An aggregate function cannot be the value of UPDATE ... SET: there is no group per row.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = update(users::table).set(users::age.eq(max(users::age))).filter(users::id.eq(1));
}
