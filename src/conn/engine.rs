//! Engines: one per database and process, handing out pooled connections (see [`Engine`]).

use super::pool::{Connect, OnConnect, Pool, PoolConfig, PoolStatus, PooledConnection};
use super::{PgConnection, SqliteConnection, TransactionOptions};
use crate::error::{Error, Result};
use std::sync::Arc;

/// A pool of connections to one database, opened from a URL. Cheap to clone; clones share
/// the pool.
///
/// A service should not open a connection per request (a round trip and a login each time for
/// PostgreSQL) nor share one connection behind a lock (requests would queue on it). An
/// [`Engine`] is opened once from a URL, cloned freely into threads (it is an `Arc` inside),
/// and lends out connections from a pool ([`PoolConfig`]): [`Engine::get`] returns a
/// [`PooledConnection`] that goes back to the pool when dropped, and [`Engine::transaction`]
/// runs a closure in a transaction on a pooled connection.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { hits (id) { id -> Integer, path -> Text, } }
///
/// # fn main() -> aludel::Result<()> {
/// // One in-memory database, shared by all of the engine's connections.
/// let engine = Engine::sqlite("sqlite::memory:")?;
/// MetaData::new([hits::table::def()]).create_all(&mut *engine.get()?, CheckFirst::No)?;
///
/// let workers: Vec<_> = (0..4)
///     .map(|i| {
///         let engine = engine.clone();
///         std::thread::spawn(move || -> aludel::Result<usize> {
///             let mut conn = engine.get()?;
///             insert(hits::table).values(hits::path.eq(format!("/page/{i}"))).execute(&mut *conn)
///         })
///     })
///     .collect();
/// for worker in workers {
///     worker.join().expect("worker panicked")?;
/// }
///
/// let n: i64 = engine.transaction(|conn| hits::table.select(count_star()).first(conn))?;
/// assert_eq!(n, 4);
/// # Ok(()) }
/// ```
///
/// `Engine<SqliteConnection>` opens `sqlite:` URLs (a file gets a 5 s busy timeout so that
/// concurrent writers wait; `sqlite::memory:` is one database shared by all connections of
/// the engine, alive as long as the engine), `Engine<PgConnection>` opens `postgres://` URLs.
///
/// The pool keeps up to [`PoolConfig::max_size`] idle connections, opens up to
/// [`PoolConfig::max_overflow`] more under load, makes a checkout wait up to
/// [`PoolConfig::checkout_timeout`] when all are in use, rolls back a transaction left open
/// when a connection comes back, and never hands out again a connection it knows to be lost
/// (see [`PooledConnection`]).
/// Statements take the connection itself, so pass `&mut *conn` for a checked-out `conn`.
pub struct Engine<C: Connect> {
    pool: Arc<Pool<C>>,
}

impl<C: Connect> Clone for Engine<C> {
    fn clone(&self) -> Self {
        Engine { pool: Arc::clone(&self.pool) }
    }
}

impl<C: Connect> std::fmt::Debug for Engine<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("config", self.pool.config())
            .field("status", &self.pool.status())
            .finish()
    }
}

impl Engine<SqliteConnection> {
    /// An engine for a SQLite URL with the default [`PoolConfig`]; see [`Engine::open`].
    ///
    /// # Errors
    /// [`crate::ErrorKind::InvalidUrl`] for a URL that is not `sqlite:`;
    /// [`crate::ErrorKind::Connection`] when an in-memory database cannot be created.
    pub fn sqlite(url: &str) -> Result<Self> {
        Self::open(url)
    }
}

impl Engine<PgConnection> {
    /// An engine for a PostgreSQL URL with the default [`PoolConfig`]; see [`Engine::open`].
    ///
    /// # Errors
    /// [`crate::ErrorKind::InvalidUrl`] for a URL that is not a valid `postgres://` URL.
    pub fn postgres(url: &str) -> Result<Self> {
        Self::open(url)
    }
}

impl<C: Connect> Engine<C> {
    /// An engine for `url` with the default [`PoolConfig`].
    ///
    /// Connections are opened on demand, so a server that is down fails the first
    /// [`Engine::get`], not this call.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// let engine = Engine::<SqliteConnection>::open("sqlite::memory:")?;
    /// assert_eq!(engine.status().open, 0);
    /// assert!(Engine::<PgConnection>::open("sqlite::memory:").is_err());
    /// # Ok::<(), aludel::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`crate::ErrorKind::InvalidUrl`] for a URL of another backend or a malformed one.
    pub fn open(url: &str) -> Result<Self> {
        Self::builder(url).build()
    }

    /// An engine for `url` pooled as `config` says.
    ///
    /// # Errors
    /// As [`Engine::open`].
    pub fn with_config(url: &str, config: PoolConfig) -> Result<Self> {
        Self::builder(url).config(config).build()
    }

    /// Starts an engine for `url` to configure further (a pool config, a setup hook).
    pub fn builder(url: &str) -> EngineBuilder<C> {
        EngineBuilder { url: url.to_owned(), config: PoolConfig::default(), on_connect: None }
    }

    /// Checks a connection out of the pool: an idle one, a new one if the pool has room, or
    /// the next one returned, waiting up to [`PoolConfig::checkout_timeout`]. Drop the guard
    /// to return it.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// use std::time::Duration;
    /// let config = PoolConfig::default()
    ///     .max_size(1)
    ///     .max_overflow(0)
    ///     .checkout_timeout(Duration::from_millis(10));
    /// let engine = Engine::<SqliteConnection>::with_config("sqlite::memory:", config)?;
    /// let mut conn = engine.get()?;
    /// conn.batch_execute("CREATE TABLE t (x INTEGER)")?;
    /// assert_eq!(engine.get().unwrap_err().kind(), ErrorKind::PoolTimeout);
    /// drop(conn);
    /// engine.get()?.batch_execute("INSERT INTO t VALUES (1)")?;
    /// # Ok::<(), aludel::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`crate::ErrorKind::PoolTimeout`] when no connection became free in time;
    /// [`crate::ErrorKind::Connection`] (or the setup hook's error) when a new connection
    /// cannot be opened.
    pub fn get(&self) -> Result<PooledConnection<C>> {
        self.pool.get()
    }

    /// Runs `f` in a transaction on a pooled connection ([`Connection::transaction`](super::Connection::transaction)):
    /// committed when `f` returns `Ok`, rolled back when it returns `Err` or panics.
    ///
    /// # Errors
    /// As [`Engine::get`], then `f`'s error or the database's error from BEGIN / COMMIT.
    pub fn transaction<T, E, F>(&self, f: F) -> std::result::Result<T, E>
    where
        F: FnOnce(&mut C) -> std::result::Result<T, E>,
        E: From<Error>,
    {
        let mut conn = self.get()?;
        conn.transaction(f)
    }

    /// Runs `f` in a transaction on a pooled connection as `options` say
    /// ([`Connection::transaction_with`](super::Connection::transaction_with)): in a
    /// [`TransactionMode`](super::TransactionMode), retried while it fails with a retryable
    /// error.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// use aludel::conn::{TransactionMode, TransactionOptions};
    /// let engine = Engine::sqlite("sqlite::memory:")?;
    /// engine.get()?.batch_execute("CREATE TABLE t (x INTEGER)")?;
    /// let options = TransactionOptions::new().mode(TransactionMode::Immediate).attempts(5);
    /// engine.transaction_with(options, |tx| tx.batch_execute("INSERT INTO t VALUES (1)"))?;
    /// # Ok::<(), aludel::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Engine::get`], then as [`Connection::transaction_with`](super::Connection::transaction_with).
    pub fn transaction_with<T, F>(&self, options: TransactionOptions, f: F) -> Result<T>
    where
        F: FnMut(&mut C) -> Result<T>,
    {
        let mut conn = self.get()?;
        conn.transaction_with(options, f)
    }

    /// How many connections are open and idle now.
    pub fn status(&self) -> PoolStatus {
        self.pool.status()
    }

    /// The pool's configuration.
    pub fn config(&self) -> &PoolConfig {
        self.pool.config()
    }
}

/// Configures an [`Engine`] before opening it; from [`Engine::builder`].
#[must_use = "an engine builder does nothing until `build` is called"]
pub struct EngineBuilder<C: Connect> {
    url: String,
    config: PoolConfig,
    on_connect: Option<OnConnect<C>>,
}

impl<C: Connect> EngineBuilder<C> {
    /// Pools connections as `config` says.
    pub fn config(mut self, config: PoolConfig) -> Self {
        self.config = config;
        self
    }

    /// Runs `setup` on every new connection before its first use: session settings such as
    /// a PostgreSQL `search_path` or a SQLite `PRAGMA`. An error fails the checkout that
    /// opened the connection.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// let engine = Engine::<SqliteConnection>::builder("sqlite::memory:")
    ///     .on_connect(|conn| conn.batch_execute("PRAGMA recursive_triggers = ON"))
    ///     .build()?;
    /// engine.get()?;
    /// # Ok::<(), aludel::Error>(())
    /// ```
    pub fn on_connect(
        mut self,
        setup: impl Fn(&mut C) -> Result<()> + Send + Sync + 'static,
    ) -> Self {
        self.on_connect = Some(Box::new(setup));
        self
    }

    /// Opens the engine.
    ///
    /// # Errors
    /// As [`Engine::open`].
    pub fn build(self) -> Result<Engine<C>> {
        let target = C::target(&self.url)?;
        Ok(Engine { pool: Arc::new(Pool::new(target, self.config, self.on_connect)) })
    }
}
