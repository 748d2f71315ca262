//! A WHERE condition may only use columns of tables in FROM.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, published -> Bool, }
}

fn main() {
    let _ = users::table.filter(posts::published);
}
