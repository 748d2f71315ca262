//! WHERE of a select statement: no aggregate, whatever came before.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.select(users::name).filter(max(users::age).gt(30));
}
