//! The DISTINCT ordering rule holds whichever of `distinct`, `order_by` and `select` comes last.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
}

fn main() {
    let _ = users::table.order_by(users::age.desc()).distinct().select(users::name);
}
