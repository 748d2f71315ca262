//! A CTE query must select rows that fit the CTE table's columns.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

aludel::table! { #[cte] names { name -> Text, } }

fn main() {
    let _ = names::table.select(names::name).with(cte(names::table, users::table.select(users::id)));
}
