//! SELECT DISTINCT may be ordered only by what it selects.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
}

fn main() {
    let _ = users::table.select(users::name).distinct().order_by(users::age);
}
