//! An expression with a bound value cannot be recognized as a GROUP BY key (PostgreSQL sees `$1` and `$2` as different).

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.group_by(users::age / 10).select((users::age / 10, count_star()));
}
