//! Arrays are PostgreSQL-only: a query reading an array column does not compile for SQLite.

use aludel::prelude::*;

aludel::table! {
    posts (id) { id -> Integer, tags -> Array<Text>, }
}

fn main() {
    let q = posts::table.select((posts::id, posts::tags));
    let _ = q.compile::<Sqlite>();
}
