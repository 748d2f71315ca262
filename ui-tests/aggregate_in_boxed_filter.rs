//! A boxed query's runtime filter obeys the same WHERE rule.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.into_boxed::<Sqlite>().filter(count_star().gt(1));
}
