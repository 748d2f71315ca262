//! DELETE ... WHERE is evaluated per row: no aggregate.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = delete(users::table).filter(avg(users::age).gt(30.0));
}
