//! A subquery's HAVING obeys the grouping rule.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.filter(users::id.in_subquery(posts::table.group_by(posts::user_id).select(posts::user_id).having(posts::score.gt(1))));
}
