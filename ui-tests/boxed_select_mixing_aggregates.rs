//! A boxed query without GROUP BY cannot select aggregates beside plain columns.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
}

fn main() {
    let _ = users::table.into_boxed::<Sqlite>().select((users::name, count_star()));
}
