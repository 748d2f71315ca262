//! DELETE ... WHERE: no window function.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = delete(users::table).filter(rank().over(Window::new().order_by(users::age)).gt(1));
}
