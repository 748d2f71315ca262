//! `postgres` errors as [`Error`]s.

use crate::error::{Error, ErrorKind};
use postgres::error::SqlState;

pub(super) fn map_error(e: postgres::Error, sql: Option<&str>) -> Error {
    let kind = match e.code() {
        Some(c) if *c == SqlState::UNIQUE_VIOLATION => ErrorKind::UniqueViolation,
        Some(c) if *c == SqlState::FOREIGN_KEY_VIOLATION => ErrorKind::ForeignKeyViolation,
        Some(c) if *c == SqlState::NOT_NULL_VIOLATION => ErrorKind::NotNullViolation,
        Some(c) if *c == SqlState::CHECK_VIOLATION => ErrorKind::CheckViolation,
        Some(c) if *c == SqlState::NUMERIC_VALUE_OUT_OF_RANGE => ErrorKind::Conversion,
        Some(c) if c.code().starts_with("08") || *c == SqlState::ADMIN_SHUTDOWN => {
            ErrorKind::Connection
        }
        Some(_) => ErrorKind::Database,
        None if e.is_closed() => ErrorKind::Connection,
        None => {
            let source = std::error::Error::source(&e);
            if source.is_some_and(|s| s.is::<std::io::Error>()) {
                ErrorKind::Connection
            } else if source.is_some() {
                // A value that the driver could not convert (to or from SQL).
                ErrorKind::Conversion
            } else {
                ErrorKind::Connection
            }
        }
    };
    let message = match e.as_db_error() {
        Some(db) => db.message().to_owned(),
        None => e.to_string(),
    };
    let err = Error::new(kind, message).with_source(e);
    match sql {
        Some(sql) => err.with_sql(sql),
        None => err,
    }
}
