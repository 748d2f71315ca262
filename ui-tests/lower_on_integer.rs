//! String functions apply only to text expressions.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, age -> Integer, }
}

fn main() {
    let _ = users::table.select(lower(users::age));
}
