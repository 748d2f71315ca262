//! An aggregate's FILTER (WHERE ..) cannot hold a window function.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = users::table.select(count_star().filter_where(row_number().over(Window::new()).gt(3)));
}
