//! `rusqlite` errors as [`Error`]s.

use crate::error::{Error, ErrorKind};
use rusqlite::ffi;

pub(super) fn map_error(e: rusqlite::Error, sql: Option<&str>) -> Error {
    let kind = match &e {
        rusqlite::Error::SqliteFailure(f, _) => match f.extended_code {
            ffi::SQLITE_CONSTRAINT_UNIQUE | ffi::SQLITE_CONSTRAINT_PRIMARYKEY => {
                ErrorKind::UniqueViolation
            }
            ffi::SQLITE_CONSTRAINT_FOREIGNKEY => ErrorKind::ForeignKeyViolation,
            ffi::SQLITE_CONSTRAINT_NOTNULL => ErrorKind::NotNullViolation,
            ffi::SQLITE_CONSTRAINT_CHECK => ErrorKind::CheckViolation,
            _ => match f.code {
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => {
                    ErrorKind::TransactionConflict
                }
                // The statement timeout's progress handler interrupted it.
                rusqlite::ErrorCode::OperationInterrupted => ErrorKind::Timeout,
                rusqlite::ErrorCode::CannotOpen
                | rusqlite::ErrorCode::NotADatabase
                | rusqlite::ErrorCode::PermissionDenied => ErrorKind::Connection,
                _ => ErrorKind::Database,
            },
        },
        rusqlite::Error::InvalidColumnIndex(_)
        | rusqlite::Error::InvalidColumnType(..)
        | rusqlite::Error::IntegralValueOutOfRange(..)
        | rusqlite::Error::FromSqlConversionFailure(..)
        | rusqlite::Error::ToSqlConversionFailure(..) => ErrorKind::Conversion,
        rusqlite::Error::InvalidPath(_) => ErrorKind::Connection,
        _ => ErrorKind::Database,
    };
    let err = Error::new(kind, e.to_string()).with_source(e);
    match sql {
        Some(sql) => err.with_sql(sql),
        None => err,
    }
}
