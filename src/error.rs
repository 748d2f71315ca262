//! The one error type of aludel.
//!
//! Every fallible call returns [`Error`]. Callers match on [`Error::kind`], which says *what*
//! went wrong in database words (a unique violation, a lost connection, no row found), while
//! the message and [`Error::sql`] say *where*: the statement that failed travels with the
//! error so logs are useful without a debugger.

use std::fmt;

/// What went wrong, as a caller can match it.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// A query expected a row and the database returned none.
    NotFound,
    /// A query expected at most one row and the database returned more.
    MultipleRows,
    /// An INSERT or UPDATE would duplicate a primary key or a UNIQUE column.
    UniqueViolation,
    /// A row references a parent that does not exist (or a parent still has children).
    ForeignKeyViolation,
    /// A NULL was written to a NOT NULL column.
    NotNullViolation,
    /// A CHECK constraint rejected the row.
    CheckViolation,
    /// The connection could not be opened (refused, unreachable, TLS or login failed, or the
    /// server did not answer within the connect timeout), or was lost while in use. The
    /// message names the server and the cause; a pool discards such a connection.
    Connection,
    /// No pooled connection became free within the engine's checkout timeout: all of them
    /// (`max_size + max_overflow`) stayed checked out. Return connections sooner (drop the
    /// guards), or raise the pool's size or its timeout.
    PoolTimeout,
    /// A connection URL could not be understood.
    InvalidUrl,
    /// A value read from (or written to) the database does not fit the Rust type:
    /// out of range, a NULL read into a non-`Option`, or a different SQL type.
    Conversion,
    /// The database rejected the statement for another reason (syntax, missing table, ...).
    Database,
    /// A schema definition is inconsistent (for example a foreign key to an unknown table).
    Schema,
    /// An ORM object's row changed in the database since it was loaded.
    StaleData,
    /// An ORM relationship was read before it was loaded (loading is always explicit).
    NotLoaded,
    /// A statement failed inside this transaction and the caller went on (the error was
    /// ignored): PostgreSQL has aborted the transaction, so nothing of it was committed, and
    /// it was rolled back. Propagate statement errors with `?`, or run a statement that may
    /// fail in a nested transaction (a savepoint) to recover from its failure.
    TransactionAborted,
    /// The transaction lost a race with another one and was rolled back: a serialization
    /// failure or deadlock (PostgreSQL), a database locked by another writer (SQLite's
    /// `SQLITE_BUSY`), or a table changed under a prepared statement. Nothing of it was
    /// committed; running it again usually succeeds: see [`Error::is_retryable`] and
    /// [`Connection::transaction_with_retry`](crate::conn::Connection::transaction_with_retry).
    TransactionConflict,
    /// A statement ran longer than the statement timeout set in the URL
    /// (`statement_timeout=`) and the database cancelled it. The connection stays usable.
    Timeout,
    /// aludel (or the driver) refused the request before it reached the database, and the
    /// connection is fine: for example more bind parameters than the database accepts in one
    /// statement (split the list, or use a temporary table and a join).
    InvalidRequest,
}

/// An error from aludel or from the database underneath it.
///
/// ```
/// use aludel::{Error, ErrorKind};
/// let e = Error::new(ErrorKind::NotFound, "no row");
/// assert_eq!(e.kind(), ErrorKind::NotFound);
/// ```
pub struct Error(Box<Inner>);

// Boxed so that `Result<T, Error>` stays small: results flow through every row and value.
static_assertions::assert_eq_size!(Error, usize);
struct Inner {
    kind: ErrorKind,
    message: String,
    sql: Option<String>,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

/// `Result` with [`Error`] as its error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error of `kind` with a human-readable message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error(Box::new(Inner { kind, message: message.into(), sql: None, source: None }))
    }

    /// Attaches the underlying driver error.
    pub fn with_source(
        mut self,
        source: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
    ) -> Self {
        self.0.source = Some(source.into());
        self
    }

    /// Attaches the SQL of the statement that failed (kept if one is already attached).
    pub fn with_sql(mut self, sql: &str) -> Self {
        if self.0.sql.is_none() {
            self.0.sql = Some(sql.to_owned());
        }
        self
    }

    /// Prefixes the message with what was being done (`"flushing User 7: ..."`), keeping the
    /// kind, the SQL and the source.
    pub fn context(mut self, context: impl fmt::Display) -> Self {
        self.0.message = format!("{context}: {}", self.0.message);
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The message, without the SQL.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The SQL of the statement that failed, when a statement failed.
    pub fn sql(&self) -> Option<&str> {
        self.0.sql.as_deref()
    }

    /// Whether running the same transaction again may succeed: the error is a
    /// [`ErrorKind::TransactionConflict`] (serialization failure, deadlock, busy database).
    ///
    /// ```
    /// use aludel::{Error, ErrorKind};
    /// assert!(Error::new(ErrorKind::TransactionConflict, "deadlock").is_retryable());
    /// assert!(!Error::new(ErrorKind::UniqueViolation, "duplicate").is_retryable());
    /// ```
    pub fn is_retryable(&self) -> bool {
        self.0.kind == ErrorKind::TransactionConflict
    }

    pub(crate) fn not_found() -> Self {
        Error::new(ErrorKind::NotFound, "the query returned no rows")
    }

    pub(crate) fn conversion(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Conversion, message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.0.kind, self.0.message)?;
        // The causes underneath, unless the message says them already: a driver's "error
        // connecting to server" alone hides the "Connection refused" that explains it.
        if let Some(source) = self.0.source.as_deref() {
            let mut shown = self.0.message.clone();
            append_causes(&mut shown, source);
            f.write_str(&shown[self.0.message.len()..])?;
        }
        if let Some(sql) = &self.0.sql {
            write!(f, " (in `{sql}`)")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source.as_deref().map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// Appends to `shown` (as `: cause`) each error of the chain starting at `e` that says
/// something `shown` does not say yet. Drivers wrap one message in several layers (`db error`
/// around `ERROR: division by zero`): a layer is left out when it, or a layer beneath it, is
/// shown already, compared by its last part.
fn append_causes(shown: &mut String, e: &(dyn std::error::Error + 'static)) {
    fn is_shown(shown: &str, e: &(dyn std::error::Error + 'static)) -> bool {
        let text = e.to_string();
        let last = text.rsplit(": ").next().unwrap_or(&text).trim();
        text.is_empty() || shown.contains(&text) || shown.contains(last)
    }
    let mut cause = Some(e);
    while let Some(e) = cause {
        let mut beneath = e.source();
        let mut wrapper = false;
        while let Some(b) = beneath {
            wrapper |= is_shown(shown, b);
            beneath = b.source();
        }
        if !wrapper && !is_shown(shown, e) {
            shown.push_str(": ");
            shown.push_str(&e.to_string());
        }
        cause = e.source();
    }
}

/// A driver error's text followed by the causes underneath it (`error connecting to server:
/// Connection refused (os error 111)`).
pub(crate) fn with_causes(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    if let Some(source) = e.source() {
        append_causes(&mut text, source);
    }
    text
}

/// Turns `Err(NotFound)` into `Ok(None)`, for queries where no row is a normal answer.
///
/// ```
/// use aludel::{Error, ErrorKind, OptionalExtension};
/// let r: aludel::Result<i32> = Err(Error::new(ErrorKind::NotFound, "none"));
/// assert_eq!(r.optional().unwrap(), None);
/// ```
pub trait OptionalExtension<T> {
    /// `Ok(Some(v))` for a row, `Ok(None)` for no row, `Err` for every other error.
    fn optional(self) -> Result<Option<T>>;
}

impl<T> OptionalExtension<T> for Result<T> {
    fn optional(self) -> Result<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Layer(&'static str, Option<Box<Layer>>);

    impl fmt::Display for Layer {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
    }

    impl std::error::Error for Layer {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            self.1.as_deref().map(|e| e as _)
        }
    }

    #[test]
    fn display_names_each_cause_once() {
        let refused = Layer("Connection refused (os error 111)", None);
        let driver = Layer("error connecting to server", Some(Box::new(refused)));
        let e = Error::new(ErrorKind::Connection, "cannot connect").with_source(driver);
        assert_eq!(
            e.to_string(),
            "Connection: cannot connect: error connecting to server: Connection refused (os error 111)"
        );
        // A wrapper around what the message says already adds nothing.
        let db = Layer("ERROR: division by zero", None);
        let wrapper = Layer("db error", Some(Box::new(db)));
        let e = Error::new(ErrorKind::Database, "division by zero").with_source(wrapper);
        assert_eq!(
            e.with_sql("SELECT 1/0").to_string(),
            "Database: division by zero (in `SELECT 1/0`)"
        );
    }
}
