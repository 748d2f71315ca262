//! A PostgreSQL enum type does not exist on SQLite: store the enum as text there.

use aludel::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, aludel::SqlEnum)]
#[sql_enum(pg_type = "mood")]
pub enum Mood {
    Happy,
    Sad,
}

aludel::table! {
    people (id) { id -> Integer, mood -> Mood, }
}

fn main() {
    let q = people::table.select(people::id).filter(people::mood.eq(Mood::Happy));
    let _ = q.compile::<Sqlite>();
}
