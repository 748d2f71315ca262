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

static HEAVY: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Serializes the memory-hungry tests, so that one's memory measurement is not another's
/// allocation.
pub fn heavy() -> std::sync::MutexGuard<'static, ()> {
    HEAVY.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The test binary's allocator, counting per thread the bytes Rust code holds: the streaming
/// tests assert that aludel's side stays flat.
pub struct CountingAllocator;

thread_local! {
    // Const-initialized and without destructor: using it never allocates.
    static ALLOCATED: std::cell::Cell<isize> = const { std::cell::Cell::new(0) };
}

fn count(delta: isize) {
    let _ = ALLOCATED.try_with(|a| a.set(a.get() + delta));
}

// SAFETY: forwards every call to the system allocator unchanged; only counts sizes.
unsafe impl std::alloc::GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        count(layout.size() as isize);
        // SAFETY: the caller's obligations are the system allocator's.
        unsafe { std::alloc::System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        count(-(layout.size() as isize));
        // SAFETY: as above.
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        count(new_size as isize - layout.size() as isize);
        // SAFETY: as above.
        unsafe { std::alloc::System.realloc(ptr, layout, new_size) }
    }
}

/// Bytes allocated (net) by Rust code on the current thread: other tests, running on other
/// threads, do not disturb it.
pub fn allocated() -> isize {
    ALLOCATED.with(|a| a.get())
}
