//! A correlated subquery needs its outer table in the enclosing FROM clause.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let inner = posts::table.correlate(users::table).select(posts::id).filter(posts::user_id.eq(users::id));
    let _ = posts::table.select(posts::title).filter(exists(inner));
}
