//! An UPDATE's RETURNING may only use columns of the updated table.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = update(users::table).set(users::age.eq(1)).returning((users::id, posts::id));
}
