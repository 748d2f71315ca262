//! A boxed query's runtime join obeys the ON rule.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.into_boxed::<Sqlite>().may_join::<posts::table>().join(posts::table, max(posts::user_id).eq(users::id));
}
