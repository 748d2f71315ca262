//! A GROUPS frame counts the peer groups of the window's ORDER BY: without one, PostgreSQL
//! rejects it.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
}

fn main() {
    let w = Window::new().partition_by(users::email).groups_between(preceding(1), current_row());
    let _ = users::table.select((users::name, count_star().over(w)));
}
