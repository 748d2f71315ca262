//! A grouped query keeps its grouping when boxed: a runtime ORDER BY is checked against it.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
}

fn main() {
    let _ = users::table
        .group_by(users::name)
        .select((users::name, count_star()))
        .into_boxed::<Sqlite>()
        .order_by(users::age);
}
