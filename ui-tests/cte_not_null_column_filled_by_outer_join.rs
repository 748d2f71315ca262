//! A CTE column declared NOT NULL cannot be filled from the nullable side of an outer join.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

aludel::table! { #[cte] user_titles { name -> Text, title -> Text, } }

fn main() {
    let _ = user_titles::table.select(user_titles::title).with(cte(
        user_titles::table,
        users::table
            .outer_join(posts::table, posts::user_id.eq(users::id))
            .select((users::name, posts::title)),
    ));
}
