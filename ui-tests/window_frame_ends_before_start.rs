//! A window frame cannot end before it starts.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, }
}

fn main() {
    let _ = users::table.select(count_star().over(
        Window::new().order_by(users::id).rows_between(current_row(), preceding(1)),
    ));
}
