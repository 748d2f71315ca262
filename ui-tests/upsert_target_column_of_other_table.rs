//! ON CONFLICT targets columns of the inserted table.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = insert(users::table).values(users::name.eq("a")).on_conflict(posts::title).do_nothing();
}
