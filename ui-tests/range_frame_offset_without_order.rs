//! A RANGE frame with an offset needs a window ORDER BY to measure the offset on.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let w = Window::new().partition_by(users::email).range_between(preceding(1), following(1));
    let _ = users::table.select((users::name, sum(users::age).over(w)));
}
