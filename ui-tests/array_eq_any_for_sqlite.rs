//! `= ANY($1)` binds an array, which SQLite does not have: use `in_` there.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, }
}

fn main() {
    let q = users::table.select(users::name).filter(users::id.eq_any(vec![1, 2]));
    let _ = q.compile::<Sqlite>();
}
