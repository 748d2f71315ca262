//! A CTE column declared NOT NULL cannot be filled by SUM, which is NULL over no rows.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

aludel::table! { #[cte] user_scores { user_id -> Integer, total -> BigInt, } }

fn main() {
    let _ = user_scores::table.select(user_scores::total).with(cte(
        user_scores::table,
        posts::table.group_by(posts::user_id).select((posts::user_id, sum(posts::score))),
    ));
}
