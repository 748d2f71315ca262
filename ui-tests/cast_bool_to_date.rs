//! CAST is allowed only between types that both dialects convert alike.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, active -> Bool, }
}

fn main() {
    let _ = users::table.select(users::active.cast::<Date>());
}
