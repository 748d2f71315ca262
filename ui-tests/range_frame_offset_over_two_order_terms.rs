//! A RANGE frame with an offset needs exactly one ORDER BY term in its window.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let w = Window::new()
        .order_by((users::age, users::id))
        .range_between(unbounded_preceding(), following(2));
    let _ = users::table.select((users::name, max(users::id).over(w)));
}
