//! `postgres` errors as [`Error`]s.

use crate::error::{Error, ErrorKind, with_causes};
use postgres::error::SqlState;

/// The kind of a driver error, and its message with the causes underneath.
pub(super) fn classify(e: &postgres::Error) -> (ErrorKind, String) {
    let kind = match e.code() {
        Some(c) if *c == SqlState::UNIQUE_VIOLATION => ErrorKind::UniqueViolation,
        Some(c) if *c == SqlState::FOREIGN_KEY_VIOLATION => ErrorKind::ForeignKeyViolation,
        Some(c) if *c == SqlState::NOT_NULL_VIOLATION => ErrorKind::NotNullViolation,
        Some(c) if *c == SqlState::CHECK_VIOLATION => ErrorKind::CheckViolation,
        // Values the database cannot hold: out of range, a NUL or a byte sequence the database
        // encoding lacks, an impossible date. (Text too long for a VARCHAR(n) stays a
        // `Database` error, like the other constraints of a column type.)
        Some(c)
            if *c == SqlState::NUMERIC_VALUE_OUT_OF_RANGE
                || *c == SqlState::CHARACTER_NOT_IN_REPERTOIRE
                || *c == SqlState::UNTRANSLATABLE_CHARACTER
                || *c == SqlState::DATETIME_FIELD_OVERFLOW =>
        {
            ErrorKind::Conversion
        }
        Some(c)
            if *c == SqlState::T_R_SERIALIZATION_FAILURE
                || *c == SqlState::T_R_DEADLOCK_DETECTED =>
        {
            ErrorKind::TransactionConflict
        }
        Some(c) if *c == SqlState::LOCK_NOT_AVAILABLE => ErrorKind::TransactionConflict,
        Some(c) if *c == SqlState::QUERY_CANCELED => ErrorKind::Timeout,
        Some(c) if *c == SqlState::IN_FAILED_SQL_TRANSACTION => ErrorKind::TransactionAborted,
        Some(c) if c.code().starts_with("08") || c.code().starts_with("57P") => {
            ErrorKind::Connection
        }
        Some(c) if c.code().starts_with("28") => ErrorKind::Connection,
        Some(_) => ErrorKind::Database,
        None if e.is_closed() => ErrorKind::Connection,
        None => {
            let source = std::error::Error::source(e);
            let text = e.to_string();
            if source.is_some_and(|s| s.is::<std::io::Error>()) {
                ErrorKind::Connection
            } else if text.starts_with("error encoding message")
                || text.starts_with("expected ") && text.contains(" parameters but got ")
            {
                // Refused before anything was sent: the connection is fine.
                ErrorKind::InvalidRequest
            } else if text.starts_with("error serializing")
                || text.starts_with("error deserializing")
            {
                // A value that the driver could not convert (to or from SQL).
                ErrorKind::Conversion
            } else {
                ErrorKind::Connection
            }
        }
    };
    let message = match e.as_db_error() {
        Some(db) => db.message().to_owned(),
        None => with_causes(e),
    };
    (kind, message)
}

pub(super) fn map_error(e: postgres::Error, sql: Option<&str>) -> Error {
    let (kind, message) = classify(&e);
    let err = Error::new(kind, message).with_source(e);
    match sql {
        Some(sql) => err.with_sql(sql),
        None => err,
    }
}

/// Whether a statement failed because the table it reads changed shape since it was prepared
/// (`ALTER TABLE .. ALTER COLUMN .. TYPE`): the prepared statement must be prepared again.
pub(super) fn is_stale_statement(e: &postgres::Error) -> bool {
    e.code() == Some(&SqlState::FEATURE_NOT_SUPPORTED)
        && e.as_db_error().is_some_and(|db| db.message().starts_with("cached plan must not change"))
}
