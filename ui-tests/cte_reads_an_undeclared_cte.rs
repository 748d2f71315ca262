//! A CTE may read only CTEs that its WITH clause declares.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

aludel::table! {
    #[cte] adults { id -> Integer, name -> Text, }
    #[cte] seniors { id -> Integer, name -> Text, }
    #[cte] adult_names { name -> Text, }
}

fn main() {
    let _ = adult_names::table
        .select(adult_names::name)
        .with(cte(
            adults::table,
            users::table.select((users::id, users::name)).filter(users::age.ge(18)),
        ))
        .with(cte(adult_names::table, seniors::table.select(seniors::name)));
}
