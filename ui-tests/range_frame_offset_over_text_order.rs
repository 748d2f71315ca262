//! A RANGE frame with an offset measures the window's ORDER BY value: it must be numeric, and
//! `users::name` is text.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let w = Window::new().order_by(users::name).range_between(preceding(1), current_row());
    let _ = users::table.select((users::name, count_star().over(w)));
}
