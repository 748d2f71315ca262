//! Intervals are PostgreSQL-only: `timestamp - timestamp` as an interval does not compile for
//! SQLite.

use aludel::prelude::*;
use aludel::types::PgInterval;

aludel::table! {
    trials (id) { id -> Integer, started -> Timestamp, ended -> Timestamp, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let _ = trials::table
        .select(trials::ended.interval_since(trials::started))
        .load::<PgInterval>(&mut conn);
}
