//! A window whose RANGE frame has an offset cannot be re-ordered by a non-numeric expression.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let w = Window::new()
        .order_by(users::age)
        .range_between(preceding(5), current_row())
        .order_by(users::name.desc());
    let _ = users::table.select((users::name, count_star().over(w)));
}
