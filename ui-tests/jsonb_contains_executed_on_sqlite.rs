//! JSONB containment (`@>`) is PostgreSQL-only: running it on a SQLite connection does not
//! compile (needs the `json` feature, as CI's `--all-features` has).

use aludel::prelude::*;

aludel::table! {
    events (id) { id -> Integer, payload -> Jsonb, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let _ = events::table
        .select(events::id)
        .filter(events::payload.contains(serde_json::json!({"kind": "login"})))
        .load::<i32>(&mut conn);
}
