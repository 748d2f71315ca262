//! A subquery correlated with an alias needs that alias in the outer query's FROM clause.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

aludel::alias!(author = users::table);

fn main() {
    let sub = posts::table.correlate(author).select(posts::id).filter(posts::user_id.eq(author.col(users::id)));
    let _ = users::table.select(users::name).filter(exists(sub));
}
