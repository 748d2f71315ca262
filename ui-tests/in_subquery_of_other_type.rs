//! IN (subquery) needs a subquery column comparable with the left side.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = users::table.select(users::id).filter(users::id.in_subquery(posts::table.select(posts::title)));
}
