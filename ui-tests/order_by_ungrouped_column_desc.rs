//! The rule holds inside DESC and tuples of terms.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.group_by(users::name).select(users::name).order_by((count_star().desc(), users::email.asc()));
}
