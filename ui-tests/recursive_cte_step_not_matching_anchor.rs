//! The recursive step of a recursive CTE selects columns of the same SQL types as its anchor.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

aludel::table! { #[cte] series { n -> Integer, } }

fn main() {
    let _ = series::table.select(series::n).with_recursive(cte(
        series::table,
        select(1).union_all(series::table.select(series::n.gt(1)).filter(series::n.lt(3))),
    ));
}
