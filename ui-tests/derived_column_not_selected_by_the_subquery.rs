//! An inline derived table has only the columns its query selects.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let best = max(posts::score).label("best");
    let sub = posts::table.group_by(posts::user_id).select((posts::user_id, best)).alias("sub");
    let _ = sub.c(posts::title);
}
