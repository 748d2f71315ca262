//! The WHERE of a subquery obeys the rule too.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.filter(users::id.in_subquery(posts::table.select(posts::user_id).filter(sum(posts::score).gt(3))));
}
