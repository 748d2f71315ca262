//! GROUP BY forms groups from rows: it cannot aggregate.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.group_by(count_star()).select(count_star());
}
