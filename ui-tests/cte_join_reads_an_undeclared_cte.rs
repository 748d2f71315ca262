//! A CTE whose query joins a CTE table may join only CTEs declared before it.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

aludel::table! {
    #[cte] adults { id -> Integer, name -> Text, }
    #[cte] seniors { id -> Integer, name -> Text, }
    #[cte] adult_titles { name -> Text, title -> Text, }
}

fn main() {
    let _ = adult_titles::table
        .select(adult_titles::title)
        .with(cte(
            adults::table,
            users::table.select((users::id, users::name)).filter(users::age.ge(18)),
        ))
        .with(cte(
            adult_titles::table,
            posts::table
                .join(seniors::table, seniors::id.eq(posts::user_id))
                .select((seniors::name, posts::title)),
        ));
}
