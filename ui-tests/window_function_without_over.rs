//! A window function is only an expression with a window: `row_number()` needs `.over(...)`.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, }
}

fn main() {
    let _ = users::table.select(row_number());
}
