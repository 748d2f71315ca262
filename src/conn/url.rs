//! Connection URLs.

use crate::error::{Error, ErrorKind, Result};

/// Where a SQLite database lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SqliteTarget {
    /// A private in-memory database.
    Memory,
    /// A database file, with SQLite URI parameters (`mode=ro`, ...) to open it with.
    File { path: String, params: Vec<(String, String)> },
}

impl SqliteTarget {
    /// The name to open: the path itself, or a `file:` URI carrying the parameters.
    pub(crate) fn open_name(path: &str, params: &[(String, String)]) -> String {
        if params.is_empty() {
            return path.to_owned();
        }
        // In a URI filename `%`, `?` and `#` are special: escape them in the path.
        let escaped = path.replace('%', "%25").replace('?', "%3f").replace('#', "%23");
        let query: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("file:{escaped}?{}", query.join("&"))
    }
}

fn invalid(url: &str, why: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::InvalidUrl, format!("invalid SQLite URL `{url}`: {why}"))
}

/// The URI parameters SQLite knows, with the values it accepts (`None`: any value). SQLite
/// ignores parameters it does not know, so a misspelt `mod=ro` would open the database
/// writable: aludel refuses them instead.
const SQLITE_PARAMS: [(&str, Option<&[&str]>); 5] = [
    ("mode", Some(&["ro", "rw", "rwc", "memory"])),
    ("cache", Some(&["shared", "private"])),
    ("immutable", Some(&["0", "1", "true", "false"])),
    ("nolock", Some(&["0", "1", "true", "false"])),
    ("vfs", None),
];

fn parse_params(url: &str, query: &str) -> Result<Vec<(String, String)>> {
    let mut params = Vec::new();
    for param in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) =
            param.split_once('=').ok_or_else(|| invalid(url, format!("`{param}` has no value")))?;
        let Some((_, allowed)) = SQLITE_PARAMS.iter().find(|(k, _)| *k == key) else {
            let known: Vec<&str> = SQLITE_PARAMS.iter().map(|(k, _)| *k).collect();
            return Err(invalid(
                url,
                format!("unknown parameter `{key}` (SQLite knows {})", known.join(", ")),
            ));
        };
        if let Some(allowed) = allowed
            && !allowed.contains(&value)
        {
            return Err(invalid(
                url,
                format!("`{key}={value}`: expected one of {}", allowed.join(", ")),
            ));
        }
        params.push((key.to_owned(), value.to_owned()));
    }
    Ok(params)
}

/// Parses `sqlite::memory:`, `sqlite://:memory:`, `sqlite://relative/path.db`,
/// `sqlite:///absolute/path.db` and `sqlite:path.db`, each optionally followed by SQLite's
/// URI parameters (`?mode=ro`, `?mode=rw`, `?cache=shared`, `?immutable=1`, `?nolock=1`,
/// `?vfs=name`).
pub(crate) fn parse_sqlite(url: &str) -> Result<SqliteTarget> {
    let rest = url.strip_prefix("sqlite:").ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidUrl,
            format!("`{url}` is not a SQLite URL (expected `sqlite:...`)"),
        )
    })?;
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let params = parse_params(url, query)?;
    match path {
        ":memory:" if params.is_empty() => Ok(SqliteTarget::Memory),
        ":memory:" => Err(invalid(url, "an in-memory database takes no parameters")),
        "" => Err(invalid(url, "it names no database file (use `sqlite::memory:` for memory)")),
        p => Ok(SqliteTarget::File { path: p.to_owned(), params }),
    }
}

/// Checks the scheme of a PostgreSQL URL; [`crate::conn::PgConnection::connect`] parses the
/// rest.
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

    fn file(path: &str) -> SqliteTarget {
        SqliteTarget::File { path: path.into(), params: vec![] }
    }

    #[test]
    fn sqlite_urls() {
        assert_eq!(parse_sqlite("sqlite::memory:").unwrap(), SqliteTarget::Memory);
        assert_eq!(parse_sqlite("sqlite://:memory:").unwrap(), SqliteTarget::Memory);
        assert_eq!(parse_sqlite("sqlite://a/b.db").unwrap(), file("a/b.db"));
        assert_eq!(parse_sqlite("sqlite:///tmp/x.db").unwrap(), file("/tmp/x.db"));
        assert_eq!(parse_sqlite("mysql://x").unwrap_err().kind(), ErrorKind::InvalidUrl);
        assert_eq!(parse_sqlite("sqlite://").unwrap_err().kind(), ErrorKind::InvalidUrl);
        assert!(check_postgres("postgresql://u@h/db").is_ok());
        assert_eq!(check_postgres("http://x").unwrap_err().kind(), ErrorKind::InvalidUrl);
    }

    #[test]
    fn sqlite_url_parameters() {
        let SqliteTarget::File { path, params } = parse_sqlite("sqlite://a#b.db?mode=ro").unwrap()
        else {
            panic!("a file")
        };
        assert_eq!(path, "a#b.db");
        assert_eq!(SqliteTarget::open_name(&path, &params), "file:a%23b.db?mode=ro");
        assert_eq!(SqliteTarget::open_name("x.db", &[]), "x.db");
        for bad in ["sqlite://x.db?mode=rx", "sqlite://x.db?mod=ro", "sqlite://x.db?mode"] {
            assert_eq!(parse_sqlite(bad).unwrap_err().kind(), ErrorKind::InvalidUrl, "{bad}");
        }
    }
}
