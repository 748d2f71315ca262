//! The connection pool behind [`Engine`](crate::conn::Engine).
//!
//! Opening a connection costs a round trip or a file open; a service answering many requests
//! keeps a few open and lends them out. The pool keeps up to `max_size` idle connections, opens
//! up to `max_overflow` more under load (closed again once the load passes), makes a caller wait up
//! to `checkout_timeout` when all are in use (a new connection's connect is bounded by the same
//! deadline), rolls back a transaction left open when a connection comes back, and never hands
//! out a connection it knows to be lost (see [`PooledConnection`]).

mod connect;
mod guard;

pub use connect::{Connect, PgTarget, SqliteTarget};
pub use guard::PooledConnection;

use crate::error::{Error, ErrorKind, Result};
use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// How an engine pools its connections. The defaults are SQLAlchemy's.
///
/// ```
/// use aludel::conn::PoolConfig;
/// use std::time::Duration;
/// let config = PoolConfig::default().max_size(4).checkout_timeout(Duration::from_secs(2));
/// assert_eq!((config.max_size, config.max_overflow), (4, 10));
/// assert!(!config.pre_ping && config.max_lifetime.is_none());
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolConfig {
    /// Connections kept open for reuse (default 5).
    pub max_size: usize,
    /// Extra connections opened when all `max_size` are in use, closed when returned to a
    /// pool that already holds `max_size` idle ones (default 10).
    pub max_overflow: usize,
    /// How long [`Engine::get`](crate::conn::Engine::get) waits for a free connection before
    /// failing with [`ErrorKind::PoolTimeout`] (default 30 s). Opening a new connection is
    /// bounded by the same deadline: a server that never answers fails the checkout with
    /// [`ErrorKind::Connection`] in time.
    pub checkout_timeout: Duration,
    /// Checks an idle connection with a cheap query before handing it out, replacing it if it
    /// is dead (default off: a dead connection then fails the first statement instead).
    pub pre_ping: bool,
    /// Closes connections older than this instead of reusing them, for servers or proxies that
    /// drop long-lived connections (default `None`: never).
    pub max_lifetime: Option<Duration>,
}

impl Default for PoolConfig {
    fn default() -> Self {
        PoolConfig {
            max_size: 5,
            max_overflow: 10,
            checkout_timeout: Duration::from_secs(30),
            pre_ping: false,
            max_lifetime: None,
        }
    }
}

impl PoolConfig {
    /// Sets [`PoolConfig::max_size`].
    pub fn max_size(mut self, max_size: usize) -> Self {
        self.max_size = max_size;
        self
    }

    /// Sets [`PoolConfig::max_overflow`].
    pub fn max_overflow(mut self, max_overflow: usize) -> Self {
        self.max_overflow = max_overflow;
        self
    }

    /// Sets [`PoolConfig::checkout_timeout`].
    pub fn checkout_timeout(mut self, timeout: Duration) -> Self {
        self.checkout_timeout = timeout;
        self
    }

    /// Sets [`PoolConfig::pre_ping`].
    pub fn pre_ping(mut self, pre_ping: bool) -> Self {
        self.pre_ping = pre_ping;
        self
    }

    /// Sets [`PoolConfig::max_lifetime`].
    pub fn max_lifetime(mut self, lifetime: Option<Duration>) -> Self {
        self.max_lifetime = lifetime;
        self
    }
}

/// A snapshot of a pool's connections, from [`Engine::status`](crate::conn::Engine::status).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStatus {
    /// Connections open now (idle and checked out).
    pub open: usize,
    /// Open connections waiting in the pool.
    pub idle: usize,
    /// Connections opened over the engine's life (grows when connections are replaced).
    pub opened_total: u64,
}

/// Runs on every new connection before its first use.
pub(crate) type OnConnect<C> = Box<dyn Fn(&mut C) -> Result<()> + Send + Sync>;

struct Idle<C> {
    conn: C,
    born: Instant,
}

/// One of `State::open`, counted for a connection being opened or checked: given back (and a
/// waiter woken) when dropped, unless a connection was handed out in it. Keeps the count
/// right when opening fails, or when a ping or setup hook panics.
struct Slot<'p, C: Connect> {
    pool: &'p Pool<C>,
}

impl<'p, C: Connect> Slot<'p, C> {
    fn taken(pool: &'p Pool<C>) -> Self {
        Slot { pool }
    }

    fn fill(self) {
        std::mem::forget(self);
    }
}

impl<C: Connect> Drop for Slot<'_, C> {
    fn drop(&mut self) {
        self.pool.lock().open -= 1;
        self.pool.returned.notify_one();
    }
}

struct State<C> {
    idle: VecDeque<Idle<C>>,
    /// Idle plus checked out (including connections being opened or pinged).
    open: usize,
    opened_total: u64,
}

pub(crate) struct Pool<C: Connect> {
    target: C::Target,
    config: PoolConfig,
    on_connect: Option<OnConnect<C>>,
    state: Mutex<State<C>>,
    /// Signalled whenever a connection is returned or a slot frees up.
    returned: Condvar,
}

impl<C: Connect> Pool<C> {
    pub(crate) fn new(
        target: C::Target,
        config: PoolConfig,
        on_connect: Option<OnConnect<C>>,
    ) -> Self {
        Pool {
            target,
            config,
            on_connect,
            state: Mutex::new(State { idle: VecDeque::new(), open: 0, opened_total: 0 }),
            returned: Condvar::new(),
        }
    }

    pub(crate) fn config(&self) -> &PoolConfig {
        &self.config
    }

    /// The lock is never held across user code or I/O, so poisoning cannot leave the state
    /// half-updated.
    fn lock(&self) -> MutexGuard<'_, State<C>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn expired(&self, born: Instant) -> bool {
        self.config.max_lifetime.is_some_and(|max| born.elapsed() >= max)
    }

    pub(crate) fn status(&self) -> PoolStatus {
        let state = self.lock();
        PoolStatus { open: state.open, idle: state.idle.len(), opened_total: state.opened_total }
    }

    /// Lends out an idle connection (checked and replaced if stale), opens a new one if the
    /// pool has room, or waits for one to come back.
    pub(crate) fn get(self: &Arc<Self>) -> Result<PooledConnection<C>> {
        // `None`: a timeout too long to represent, i.e. wait as long as it takes.
        let deadline = Instant::now().checked_add(self.config.checkout_timeout);
        let mut state = self.lock();
        loop {
            if let Some(Idle { mut conn, born }) = state.idle.pop_front() {
                drop(state);
                let slot = Slot::taken(self);
                let usable = !self.expired(born) && (!self.config.pre_ping || conn.ping().is_ok());
                if usable {
                    slot.fill();
                    return Ok(PooledConnection::new(conn, born, Arc::clone(self)));
                }
                drop(conn);
                drop(slot);
                state = self.lock();
                continue;
            }
            if state.open < self.config.max_size + self.config.max_overflow {
                state.open += 1;
                state.opened_total += 1;
                drop(state);
                let slot = Slot::taken(self);
                let conn = self.open_new(deadline)?;
                slot.fill();
                return Ok(PooledConnection::new(conn, Instant::now(), Arc::clone(self)));
            }
            let now = Instant::now();
            state = match deadline {
                Some(deadline) if now >= deadline => return Err(self.timeout_error()),
                Some(deadline) => {
                    self.returned
                        .wait_timeout(state, deadline - now)
                        .unwrap_or_else(PoisonError::into_inner)
                        .0
                }
                None => self.returned.wait(state).unwrap_or_else(PoisonError::into_inner),
            };
        }
    }

    fn open_new(&self, deadline: Option<Instant>) -> Result<C> {
        let mut conn = C::connect_before(&self.target, deadline)?;
        if let Some(on_connect) = &self.on_connect {
            on_connect(&mut conn)?;
        }
        Ok(conn)
    }

    fn timeout_error(&self) -> Error {
        let c = &self.config;
        Error::new(
            ErrorKind::PoolTimeout,
            format!(
                "no connection became free within {:?}: all {} (max_size {} + max_overflow {}) \
                 are checked out; return connections sooner or raise the pool's size",
                c.checkout_timeout,
                c.max_size + c.max_overflow,
                c.max_size,
                c.max_overflow
            ),
        )
    }

    /// Takes a connection back: keeps it for reuse if it is healthy, young enough and fewer
    /// than `max_size` are idle, closes it otherwise (outside the lock: closing may do I/O).
    ///
    /// Like SQLAlchemy's `QueuePool`, overflow is counted at return: while callers keep all
    /// connections busy, overflow connections are reused; once `max_size` sit idle, the
    /// next ones returned are closed.
    pub(crate) fn put_back(&self, mut conn: C, born: Instant, discard: bool) {
        let mut reusable =
            !discard && !std::thread::panicking() && !conn.is_broken() && !self.expired(born);
        if reusable {
            // Reset on return: roll back a transaction left open. A reset that fails (or a
            // statement hook that panics in it) closes the connection instead; the count of
            // open connections stays right either way.
            let reset = catch_unwind(AssertUnwindSafe(|| conn.reset()));
            reusable = matches!(reset, Ok(Ok(())));
            if let Err(panic) = reset {
                self.forget(conn);
                resume_unwind(panic);
            }
        }
        let mut state = self.lock();
        let closing = if reusable && state.idle.len() < self.config.max_size {
            state.idle.push_back(Idle { conn, born });
            None
        } else {
            state.open -= 1;
            Some(conn)
        };
        drop(state);
        self.returned.notify_one();
        drop(closing);
    }

    /// Closes a checked-out connection without reusing it.
    fn forget(&self, conn: C) {
        self.lock().open -= 1;
        self.returned.notify_one();
        drop(conn);
    }
}
