//! Arithmetic needs two numbers: a number and a text do not combine, and the message says
//! arithmetic, not comparison.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
}

fn main() {
    let _ = users::table.select(users::age + users::name);
}
