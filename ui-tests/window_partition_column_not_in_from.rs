//! The columns of a window's PARTITION BY must come from a table in FROM.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let _ = users::table.select((
        users::name,
        row_number().over(Window::new().partition_by(posts::user_id).order_by(users::id)),
    ));
}
