//! An `Interval` column (or an interval value) exists only on PostgreSQL.

use aludel::prelude::*;
use aludel::types::PgInterval;

aludel::table! {
    spans (id) { id -> Integer, maybe -> Nullable<Interval>, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let _ = insert(spans::table).values((spans::id.eq(1), spans::maybe.eq(Some(PgInterval::days(1))))).execute(&mut conn);
}
