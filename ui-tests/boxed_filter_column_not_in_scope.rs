//! A boxed query keeps the FROM rule: columns must be in its scope.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = users::table.into_boxed::<Sqlite>().filter(posts::id.eq(1));
}
