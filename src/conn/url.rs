//! Connection URLs.

use crate::error::{Error, ErrorKind, Result};
use std::time::Duration;

/// A timeout URL parameter: `250ms`, `5s`, `1min`, `1h`, or a number of milliseconds (as
/// PostgreSQL's `statement_timeout`).
pub(crate) fn parse_timeout(name: &str, value: &str) -> Result<Duration> {
    let digits = value.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &value[digits.len()..];
    let invalid = |why: &str| {
        Error::new(ErrorKind::InvalidUrl, format!("invalid URL parameter `{name}={value}`: {why}"))
    };
    let n: u64 =
        digits.parse().map_err(|_| invalid("expected a duration such as `500ms` or `5s`"))?;
    let ms = match unit {
        "" | "ms" => Some(n),
        "s" => n.checked_mul(1_000),
        "min" => n.checked_mul(60_000),
        "h" => n.checked_mul(3_600_000),
        _ => return Err(invalid("the unit must be `ms`, `s`, `min` or `h`")),
    };
    ms.map(Duration::from_millis).ok_or_else(|| invalid("too long"))
}

/// `text` with `%XX` escapes decoded (a URL parameter's value).
pub(crate) fn percent_decode(name: &str, text: &str) -> Result<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok());
            let byte = hex.ok_or_else(|| {
                Error::new(ErrorKind::InvalidUrl, format!("bad %-escape in URL parameter `{name}`"))
            })?;
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| {
        Error::new(ErrorKind::InvalidUrl, format!("URL parameter `{name}` is not UTF-8"))
    })
}

/// A parsed SQLite URL: the database, and aludel's own options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SqliteUrl {
    pub(crate) target: SqliteTarget,
    /// `statement_timeout=`: statements running longer are interrupted.
    pub(crate) statement_timeout: Option<Duration>,
}

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

type Params = (Vec<(String, String)>, Option<Duration>);

fn parse_params(url: &str, query: &str) -> Result<Params> {
    let mut params = Vec::new();
    let mut timeout = None;
    for param in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) =
            param.split_once('=').ok_or_else(|| invalid(url, format!("`{param}` has no value")))?;
        if key == "statement_timeout" {
            timeout = Some(parse_timeout(key, value)?);
            continue;
        }
        let Some((_, allowed)) = SQLITE_PARAMS.iter().find(|(k, _)| *k == key) else {
            let known: Vec<&str> = SQLITE_PARAMS.iter().map(|(k, _)| *k).collect();
            return Err(invalid(
                url,
                format!(
                    "unknown parameter `{key}` (known: {}, statement_timeout)",
                    known.join(", ")
                ),
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
    Ok((params, timeout))
}

/// Parses `sqlite::memory:`, `sqlite://:memory:`, `sqlite://relative/path.db`,
/// `sqlite:///absolute/path.db` and `sqlite:path.db`, each optionally followed by SQLite's
/// URI parameters (`?mode=ro`, `?mode=rw`, `?cache=shared`, `?immutable=1`, `?nolock=1`,
/// `?vfs=name`) and aludel's `statement_timeout=500ms`.
pub(crate) fn parse_sqlite(url: &str) -> Result<SqliteUrl> {
    let rest = url.strip_prefix("sqlite:").ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidUrl,
            format!("`{url}` is not a SQLite URL (expected `sqlite:...`)"),
        )
    })?;
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (params, statement_timeout) = parse_params(url, query)?;
    let target = match path {
        ":memory:" if params.is_empty() => SqliteTarget::Memory,
        ":memory:" => {
            return Err(invalid(url, "an in-memory database takes no SQLite URI parameters"));
        }
        "" => {
            return Err(invalid(url, "it names no database file (use `sqlite::memory:`)"));
        }
        p => SqliteTarget::File { path: p.to_owned(), params },
    };
    Ok(SqliteUrl { target, statement_timeout })
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
        let target = |url| parse_sqlite(url).unwrap().target;
        assert_eq!(target("sqlite::memory:"), SqliteTarget::Memory);
        assert_eq!(target("sqlite://:memory:"), SqliteTarget::Memory);
        assert_eq!(target("sqlite://a/b.db"), file("a/b.db"));
        assert_eq!(target("sqlite:///tmp/x.db"), file("/tmp/x.db"));
        let url = parse_sqlite("sqlite::memory:?statement_timeout=2s").unwrap();
        assert_eq!(url.statement_timeout, Some(Duration::from_secs(2)));
        assert_eq!(parse_sqlite("mysql://x").unwrap_err().kind(), ErrorKind::InvalidUrl);
        assert_eq!(parse_sqlite("sqlite://").unwrap_err().kind(), ErrorKind::InvalidUrl);
        assert!(check_postgres("postgresql://u@h/db").is_ok());
        assert_eq!(check_postgres("http://x").unwrap_err().kind(), ErrorKind::InvalidUrl);
    }

    #[test]
    fn sqlite_url_parameters() {
        let SqliteTarget::File { path, params } =
            parse_sqlite("sqlite://a#b.db?mode=ro").unwrap().target
        else {
            panic!("a file")
        };
        assert_eq!(path, "a#b.db");
        assert_eq!(SqliteTarget::open_name(&path, &params), "file:a%23b.db?mode=ro");
        assert_eq!(SqliteTarget::open_name("x.db", &[]), "x.db");
        assert_eq!(percent_decode("p", "%2Ftmp%2Fa%20b.pem").unwrap(), "/tmp/a b.pem");
        assert!(percent_decode("p", "%zz").is_err());
        for bad in ["sqlite://x.db?mode=rx", "sqlite://x.db?mod=ro", "sqlite://x.db?mode"] {
            assert_eq!(parse_sqlite(bad).unwrap_err().kind(), ErrorKind::InvalidUrl, "{bad}");
        }
    }
}
