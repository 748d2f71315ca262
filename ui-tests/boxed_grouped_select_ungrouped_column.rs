//! A grouped query keeps its grouping when boxed: a new select list is checked against it.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
}

fn main() {
    let _ = users::table
        .group_by(users::name)
        .select(users::name)
        .into_boxed::<Sqlite>()
        .select((users::name, users::age));
}
