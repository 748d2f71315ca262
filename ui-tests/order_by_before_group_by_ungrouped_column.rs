//! ORDER BY written before GROUP BY is checked when GROUP BY arrives.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.select(users::name).order_by(users::age).group_by(users::name);
}
