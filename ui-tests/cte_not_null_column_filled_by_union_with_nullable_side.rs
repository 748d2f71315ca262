//! A CTE column declared NOT NULL cannot be filled by a UNION one of whose sides may be NULL.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

aludel::table! { #[cte] contacts { value -> Text, } }

fn main() {
    let _ = contacts::table.select(contacts::value).with(cte(
        contacts::table,
        users::table.select(users::name).union(users::table.select(users::email)),
    ));
}
