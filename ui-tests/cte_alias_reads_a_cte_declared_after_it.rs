//! A CTE read through an alias is still a CTE: it may be read only after its declaration.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

aludel::table! {
    #[cte] adults { id -> Integer, name -> Text, }
    #[cte] adult_names { name -> Text, }
}

aludel::alias!(grown = adults::table);

fn main() {
    let _ = adult_names::table
        .select(adult_names::name)
        .with(cte(adult_names::table, grown.select(grown.col(adults::name))))
        .with(cte(
            adults::table,
            users::table.select((users::id, users::name)).filter(users::age.ge(18)),
        ));
}
