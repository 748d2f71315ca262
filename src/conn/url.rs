//! Connection URLs.

use crate::error::{Error, ErrorKind, Result};

/// Where a SQLite database lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SqliteTarget {
    /// A private in-memory database.
    Memory,
    /// A database file.
    File(String),
}

/// Parses `sqlite::memory:`, `sqlite://:memory:`, `sqlite://relative/path.db`,
/// `sqlite:///absolute/path.db` and `sqlite:path.db`.
pub(crate) fn parse_sqlite(url: &str) -> Result<SqliteTarget> {
    let rest = url.strip_prefix("sqlite:").ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidUrl,
            format!("`{url}` is not a SQLite URL (expected `sqlite:...`)"),
        )
    })?;
    let path = rest.strip_prefix("//").unwrap_or(rest);
    let path = path.split('?').next().unwrap_or_default();
    match path {
        ":memory:" => Ok(SqliteTarget::Memory),
        "" => Err(Error::new(ErrorKind::InvalidUrl, format!("`{url}` names no database file"))),
        p => Ok(SqliteTarget::File(p.to_owned())),
    }
}

/// Checks the scheme of a PostgreSQL URL; the driver parses the rest.
pub(crate) fn check_postgres(url: &str) -> Result<()> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::InvalidUrl,
            "a PostgreSQL URL starts with `postgres://` or `postgresql://`",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls() {
        assert_eq!(parse_sqlite("sqlite::memory:").unwrap(), SqliteTarget::Memory);
        assert_eq!(parse_sqlite("sqlite://:memory:").unwrap(), SqliteTarget::Memory);
        assert_eq!(parse_sqlite("sqlite://a/b.db").unwrap(), SqliteTarget::File("a/b.db".into()));
        assert_eq!(
            parse_sqlite("sqlite:///tmp/x.db").unwrap(),
            SqliteTarget::File("/tmp/x.db".into())
        );
        assert_eq!(parse_sqlite("mysql://x").unwrap_err().kind(), ErrorKind::InvalidUrl);
        assert_eq!(parse_sqlite("sqlite://").unwrap_err().kind(), ErrorKind::InvalidUrl);
        assert!(check_postgres("postgresql://u@h/db").is_ok());
        assert_eq!(check_postgres("http://x").unwrap_err().kind(), ErrorKind::InvalidUrl);
    }
}
