//! INSERT values are per row: no window function.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

fn main() {
    let _ = insert(users::table).values((users::name.eq("x"), users::age.eq(row_number().over(Window::new()))));
}
