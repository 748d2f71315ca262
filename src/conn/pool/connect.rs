//! What a pool needs from a backend: open another connection to the same database, check that
//! one is alive, and tell (without I/O) when one must not be handed out again.

use crate::conn::postgres::PgConfig;
use crate::conn::url::{SqliteTarget as UrlTarget, parse_sqlite};
use crate::conn::{Connection, PgConnection, SqliteConnection};
use crate::error::{Error, ErrorKind, Result};
use rusqlite::OpenFlags;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A connection type an [`Engine`](crate::conn::Engine) can pool.
///
/// Implemented for [`SqliteConnection`] and [`PgConnection`]; implement it for another backend
/// to pool that.
pub trait Connect: Connection + Send + 'static {
    /// Where an engine's connections go, resolved once from its URL and shared by all of them
    /// (for an in-memory SQLite database it also keeps that database alive).
    type Target: Send + Sync + 'static;

    /// Parses `url` into the target every connection of one engine opens.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidUrl`] for a URL of another backend or a malformed one;
    /// [`ErrorKind::Connection`] if the target needs a connection and it cannot be opened.
    fn target(url: &str) -> Result<Self::Target>;

    /// Opens a new connection to `target`.
    ///
    /// # Errors
    /// [`ErrorKind::Connection`] when the database cannot be reached or opened.
    fn connect(target: &Self::Target) -> Result<Self>;

    /// Opens a new connection to `target`, giving up at `deadline` (the pool's checkout
    /// timeout) if the backend can bound its connect. By default [`Connect::connect`].
    ///
    /// # Errors
    /// As [`Connect::connect`]; [`ErrorKind::Connection`] when the deadline passes.
    fn connect_before(target: &Self::Target, deadline: Option<Instant>) -> Result<Self> {
        let _ = deadline;
        Self::connect(target)
    }

    /// Checks with a cheap round trip that the connection still works.
    ///
    /// # Errors
    /// [`ErrorKind::Connection`] when it does not.
    fn ping(&mut self) -> Result<()>;

    /// Whether the connection must not be handed out again, as far as it can tell without I/O:
    /// it was lost.
    fn is_broken(&mut self) -> bool;

    /// Puts a connection that comes back to the pool into a clean state: rolls back a
    /// transaction left open (as SQLAlchemy's pool resets on return), so that the next
    /// borrower does not inherit it. By default, rolls back when aludel's transaction depth
    /// says one is open.
    ///
    /// # Errors
    /// When the rollback fails; the pool then closes the connection.
    fn reset(&mut self) -> Result<()> {
        if self.transaction_depth() > 0 {
            self.set_transaction_depth(0);
            self.batch_execute("ROLLBACK")?;
        }
        Ok(())
    }
}

/// Where an engine's SQLite connections go.
pub struct SqliteTarget {
    path: String,
    vfs: Option<&'static str>,
    statement_timeout: Option<Duration>,
    /// Holds an in-memory database open while the engine lives: SQLite frees it when its last
    /// connection closes, and the pool may close all of its own.
    _keeper: Option<Mutex<rusqlite::Connection>>,
}

/// How long a SQLite connection waits for another connection's lock before failing.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

static MEMORY_DATABASES: AtomicUsize = AtomicUsize::new(0);

fn open_sqlite(path: &str, vfs: Option<&str>) -> Result<rusqlite::Connection> {
    let opened = match vfs {
        Some(vfs) => rusqlite::Connection::open_with_flags_and_vfs(path, OpenFlags::default(), vfs),
        None => rusqlite::Connection::open(path),
    };
    let conn = opened.map_err(|e| {
        Error::new(ErrorKind::Connection, format!("cannot open SQLite database `{path}`: {e}"))
            .with_source(e)
    })?;
    conn.busy_timeout(SQLITE_BUSY_TIMEOUT).map_err(|e| {
        Error::new(ErrorKind::Connection, format!("cannot set a busy timeout: {e}")).with_source(e)
    })?;
    Ok(conn)
}

/// A file database is opened by path, with a busy timeout so that concurrent writers wait for
/// each other instead of failing with "database is locked".
///
/// `sqlite::memory:` becomes one database shared by all the engine's connections: a named
/// database of SQLite's `memdb` VFS (a name starting with `/` is shared within the process).
/// Unlike a shared-cache in-memory database (`file:x?mode=memory&cache=shared`), whose
/// table locks fail at once with `SQLITE_LOCKED`, `memdb` locks the whole database and honours
/// the busy timeout, so concurrent writers wait here too.
impl Connect for SqliteConnection {
    type Target = SqliteTarget;

    fn target(url: &str) -> Result<SqliteTarget> {
        let url = parse_sqlite(url)?;
        let statement_timeout = url.statement_timeout;
        match url.target {
            UrlTarget::File { path, params } => Ok(SqliteTarget {
                path: UrlTarget::open_name(&path, &params),
                vfs: None,
                statement_timeout,
                _keeper: None,
            }),
            UrlTarget::Memory => {
                let path = format!(
                    "/aludel-{}-{}",
                    std::process::id(),
                    MEMORY_DATABASES.fetch_add(1, Ordering::Relaxed)
                );
                let keeper = open_sqlite(&path, Some("memdb"))?;
                Ok(SqliteTarget {
                    path,
                    vfs: Some("memdb"),
                    statement_timeout,
                    _keeper: Some(Mutex::new(keeper)),
                })
            }
        }
    }

    fn connect(target: &SqliteTarget) -> Result<Self> {
        let mut conn = SqliteConnection::from_rusqlite(open_sqlite(&target.path, target.vfs)?)?;
        conn.set_statement_timeout(target.statement_timeout)?;
        Ok(conn)
    }

    fn ping(&mut self) -> Result<()> {
        self.raw().query_row("SELECT 1", [], |_| Ok(())).map_err(|e| {
            Error::new(ErrorKind::Connection, format!("SQLite connection failed a ping: {e}"))
                .with_source(e)
        })
    }

    fn is_broken(&mut self) -> bool {
        false
    }

    /// SQLite says whether a transaction is open: roll it back if one is.
    fn reset(&mut self) -> Result<()> {
        self.set_transaction_depth(0);
        self.state_mut().aborted = false;
        if !self.raw().is_autocommit() {
            self.batch_execute("ROLLBACK")?;
        }
        Ok(())
    }
}

/// Where an engine's PostgreSQL connections go.
pub struct PgTarget {
    config: PgConfig,
}

/// How long a ping may take before the connection counts as dead.
const PG_PING_TIMEOUT: Duration = Duration::from_secs(5);

/// A PostgreSQL connection is broken once its client is closed (the driver closes it when the
/// server or the network drops it, which the failing statement reports as
/// [`ErrorKind::Connection`]). On return it is rolled back when a transaction may be open:
/// one of aludel's, a raw `BEGIN`, or anything done through [`PgConnection::raw`].
impl Connect for PgConnection {
    type Target = PgTarget;

    fn target(url: &str) -> Result<PgTarget> {
        Ok(PgTarget { config: PgConfig::parse(url)? })
    }

    fn connect(target: &PgTarget) -> Result<Self> {
        PgConnection::connect_config(&target.config, None)
    }

    fn connect_before(target: &PgTarget, deadline: Option<Instant>) -> Result<Self> {
        PgConnection::connect_config(&target.config, deadline)
    }

    fn ping(&mut self) -> Result<()> {
        self.client().is_valid(PG_PING_TIMEOUT).map_err(|e| {
            Error::new(ErrorKind::Connection, format!("PostgreSQL connection failed a ping: {e}"))
                .with_source(e)
        })
    }

    fn is_broken(&mut self) -> bool {
        self.client().is_closed()
    }

    fn reset(&mut self) -> Result<()> {
        PgConnection::reset(self)
    }
}
