//! Window function calls cannot be nested: a window function's argument.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.select(lag(rank().over(Window::new().order_by(users::age))).over(Window::new().order_by(users::id)));
}
