//! ORDER BY of an EXCEPT names the first query's output columns, not the second's.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table
        .select(users::name)
        .except(posts::table.select(posts::title))
        .order_by(posts::title.desc());
}
