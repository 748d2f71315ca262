//! A derived table's column is read by name: an expression needs a label.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let sub = posts::table.group_by(posts::user_id).select((posts::user_id, max(posts::score))).alias("sub");
    let _ = sub.c(max(posts::score));
}
