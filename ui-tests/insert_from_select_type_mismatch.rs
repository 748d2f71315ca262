//! INSERT ... SELECT needs a selected row matching the target columns' SQL types.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let q = posts::table.select((posts::id, posts::title));
    let _ = insert(users::table).from_select((users::name, users::age), q);
}
