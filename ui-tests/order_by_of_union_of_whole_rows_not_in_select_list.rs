//! ORDER BY of a UNION of whole rows (`SELECT *`) may name only columns of the first query's table.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table
        .filter(users::age.ge(18))
        .union(users::table.filter(users::age.lt(18)))
        .order_by(posts::title);
}
