//! What every connection keeps beside its driver handle: transaction depth, the statement
//! cache, and instrumentation (echo and statement counting).

use crate::types::Value;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;
use std::time::Duration;

/// How much of each statement a connection logs (SQLAlchemy's `echo`). Logging goes through
/// the `log` facade at debug level, target `aludel::sql`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Echo {
    /// Nothing (the default).
    #[default]
    Off,
    /// The SQL and its timing; bind values are replaced by their count.
    Statements,
    /// The SQL, the bind values and the timing.
    WithBinds,
}

/// A statement as seen by the instrumentation hook.
#[derive(Debug)]
pub struct StatementEvent<'e> {
    /// The SQL text.
    pub sql: &'e str,
    /// How many values were bound.
    pub binds: usize,
    /// How long the database took, including fetching the rows.
    pub elapsed: Duration,
    /// Whether it succeeded.
    pub ok: bool,
}

type Hook = Box<dyn FnMut(&StatementEvent<'_>) + Send>;

/// Echo, a statement counter, and an optional hook called after every statement.
#[derive(Default)]
pub struct Instrumentation {
    echo: Echo,
    statements: u64,
    hook: Option<Hook>,
}

impl std::fmt::Debug for Instrumentation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Instrumentation")
            .field("echo", &self.echo)
            .field("statements", &self.statements)
            .field("hook", &self.hook.is_some())
            .finish()
    }
}

impl Instrumentation {
    /// Whether statements must be timed (someone is listening).
    #[inline]
    pub(crate) fn timing(&self) -> bool {
        self.hook.is_some()
            || (self.echo != Echo::Off
                && log::log_enabled!(target: "aludel::sql", log::Level::Debug))
    }

    /// Records one statement.
    pub(crate) fn record(
        &mut self,
        sql: &str,
        binds: &[Value<'_>],
        elapsed: Option<Duration>,
        ok: bool,
    ) {
        self.statements += 1;
        let elapsed = elapsed.unwrap_or_default();
        match self.echo {
            Echo::Off => {}
            Echo::Statements => {
                log::debug!(target: "aludel::sql", "{sql} -- {} binds, {elapsed:?}", binds.len());
            }
            Echo::WithBinds => {
                log::debug!(target: "aludel::sql", "{sql} -- binds: {binds:?}, {elapsed:?}");
            }
        }
        if let Some(hook) = &mut self.hook {
            hook(&StatementEvent { sql, binds: binds.len(), elapsed, ok });
        }
    }

    /// Sets the echo level.
    pub fn set_echo(&mut self, echo: Echo) {
        self.echo = echo;
    }

    /// The number of statements run on this connection so far (including failed ones and
    /// transaction control).
    pub fn statement_count(&self) -> u64 {
        self.statements
    }

    /// Calls `hook` after every statement (tests use it to assert the statements a piece of
    /// code runs). Replaces an earlier hook.
    pub fn set_hook(&mut self, hook: impl FnMut(&StatementEvent<'_>) + Send + 'static) {
        self.hook = Some(Box::new(hook));
    }

    /// Removes the hook.
    pub fn clear_hook(&mut self) {
        self.hook = None;
    }
}

/// Compiled SQL by statement type and shape: a statement whose type determines its SQL (up to
/// a few runtime switches, see [`QueryFragment::shape`](crate::dialect::QueryFragment::shape))
/// is rendered once per connection, then only its binds are collected.
#[derive(Debug, Default)]
pub struct SqlCache {
    entries: HashMap<(usize, u64), CachedSql, BuildHasherDefault<KeyHasher>>,
}

/// The cache's keys are a pointer and an already mixed 64-bit shape: a multiply-xor hasher
/// is enough, and several times faster than SipHash on this hot path.
#[derive(Debug, Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

#[derive(Debug)]
struct CachedSql {
    type_name: &'static str,
    sql: Arc<str>,
    binds: usize,
}

/// Beyond this many shapes the cache starts over (a statement inserting N rows has one shape
/// per N, so the number of shapes is not bounded by the program's code).
const CACHE_CAPACITY: usize = 512;

impl SqlCache {
    /// The cached SQL of statement type `type_name` with `shape`, and its bind count.
    #[inline]
    pub(crate) fn get(&self, type_name: &'static str, shape: u64) -> Option<(Arc<str>, usize)> {
        let entry = self.entries.get(&(type_name.as_ptr() as usize, shape))?;
        // `type_name` is not guaranteed unique; the full name must match too.
        (std::ptr::eq(entry.type_name, type_name) || entry.type_name == type_name)
            .then(|| (entry.sql.clone(), entry.binds))
    }

    /// Caches the SQL of a statement type and shape.
    pub(crate) fn insert(
        &mut self,
        type_name: &'static str,
        shape: u64,
        sql: Arc<str>,
        binds: usize,
    ) {
        if self.entries.len() >= CACHE_CAPACITY {
            self.entries.clear();
        }
        self.entries
            .insert((type_name.as_ptr() as usize, shape), CachedSql { type_name, sql, binds });
    }

    /// How many statement shapes are cached.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Forgets every cached statement.
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

/// The state every backend keeps.
#[derive(Debug, Default)]
pub struct ConnState {
    pub(crate) depth: usize,
    pub(crate) cache: SqlCache,
    pub(crate) instrumentation: Instrumentation,
    /// A statement failed inside the open transaction and the database aborted it
    /// (PostgreSQL): committing must fail instead of silently rolling back. Cleared by a
    /// rollback (to a savepoint).
    pub(crate) aborted: bool,
    /// The connection may be inside a transaction aludel did not open (a raw `BEGIN`, the
    /// raw driver handle, a failed ROLLBACK): the pool rolls back before reusing it.
    pub(crate) unknown_transaction: bool,
}
