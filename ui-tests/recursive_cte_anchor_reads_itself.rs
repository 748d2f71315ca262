//! The anchor of a recursive CTE (the left side of its UNION) may not read the CTE itself.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

aludel::table! { #[cte] series { n -> Integer, } }

fn main() {
    let _ = series::table.select(series::n).with_recursive(cte(
        series::table,
        series::table.select(series::n + 1).filter(series::n.lt(3)).union_all(select(1)),
    ));
}
