//! ORDER BY of a UNION names output columns, not expressions over them.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table
        .select((users::name, users::age))
        .union(posts::table.select((posts::title, posts::score)))
        .order_by((users::age + 1, users::name));
}
