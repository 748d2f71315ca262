//! INSERT ... SELECT targets only columns of the target table.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let q = users::table.select(users::name);
    let _ = insert(users::table).from_select(posts::title, q);
}
