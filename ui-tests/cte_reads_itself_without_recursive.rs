//! A CTE reads its own table only when declared with `with_recursive`.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

aludel::table! { #[cte] series { n -> Integer, } }

fn main() {
    let _ = series::table.select(series::n).with(cte(
        series::table,
        select(1).union_all(series::table.select(series::n + 1).filter(series::n.lt(3))),
    ));
}
