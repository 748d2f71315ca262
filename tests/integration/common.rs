//! Backends for the tests: SQLite in memory, and PostgreSQL in a schema of its own per test.

#![allow(dead_code)]

use aludel::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh in-memory SQLite database.
pub fn sqlite() -> SqliteConnection {
    SqliteConnection::open("sqlite::memory:").expect("in-memory SQLite opens")
}

/// A PostgreSQL connection whose `search_path` is a new, empty schema, dropped afterwards.
pub struct PgTest {
    pub conn: PgConnection,
    schema: String,
}

impl Drop for PgTest {
    fn drop(&mut self) {
        let _ = self.conn.batch_execute("ROLLBACK");
        let _ = self.conn.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
    }
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

pub fn pg_url() -> String {
    std::env::var("ALUDEL_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// Connects to PostgreSQL, or returns `None` (test skipped) when it is unreachable and
/// `ALUDEL_REQUIRE_PG` is not set. With `ALUDEL_REQUIRE_PG=1` an unreachable server fails.
pub fn pg(test: &str) -> Option<PgTest> {
    let mut conn = match PgConnection::connect(&pg_url()) {
        Ok(c) => c,
        Err(e) if std::env::var_os("ALUDEL_REQUIRE_PG").is_some() => {
            panic!("PostgreSQL is required (ALUDEL_REQUIRE_PG) but unreachable: {e}")
        }
        Err(e) => {
            eprintln!("skipping PostgreSQL test {test}: {e}");
            return None;
        }
    };
    let schema = format!(
        "t_{}_{}_{}",
        test.to_lowercase(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    conn.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}; SET search_path TO {schema}"))
        .expect("test schema is created");
    Some(PgTest { conn, schema })
}

/// Defines `mod $name { fn sqlite(); fn postgres(); }`, running `$body` with `$conn` bound to
/// a `&mut` connection of each backend.
#[macro_export]
macro_rules! backend_test {
    ($name:ident, |$conn:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[test]
            fn sqlite() {
                let mut connection = $crate::common::sqlite();
                let $conn = &mut connection;
                $body
            }

            #[test]
            fn postgres() {
                let Some(mut guard) = $crate::common::pg(stringify!($name)) else { return };
                let $conn = &mut guard.conn;
                $body
            }
        }
    };
}
