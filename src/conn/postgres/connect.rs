//! Opening a PostgreSQL connection: aludel's URL parameters, TLS, and a connect that gives up.
//!
//! The driver's `connect_timeout` bounds only the TCP connect: a server (or a proxy, or a
//! stuck port forward) that accepts the connection and never answers the startup message
//! would hang the caller forever. aludel bounds the whole connect (TCP, TLS, login) instead.

use super::error::classify;
use crate::conn::url::{check_postgres, parse_timeout, percent_decode};
use crate::error::{Error, ErrorKind, Result};
use postgres::Client;
use postgres::config::{Host, SslMode};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long a connect may take when neither the URL (`connect_timeout`) nor a pool's checkout
/// timeout says otherwise.
pub(crate) const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// What TLS the URL asked for (libpq's `sslmode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tls {
    /// No `sslmode`, or `disable`: in clear.
    Off,
    /// `prefer`: TLS when the server offers it, without checking its certificate.
    Prefer,
    /// `require`: TLS or no connection, without checking the certificate.
    Require,
    /// `verify-ca`: TLS with a certificate signed by a trusted CA (any host name).
    VerifyCa,
    /// `verify-full`: TLS with a trusted certificate for the host connected to.
    VerifyFull,
}

/// A PostgreSQL URL, resolved once: the driver's configuration plus what aludel handles.
#[derive(Clone)]
pub(crate) struct PgConfig {
    pub(crate) driver: postgres::Config,
    pub(crate) tls: Tls,
    /// Read only by the `tls` feature's connector.
    #[cfg_attr(not(feature = "tls"), allow(dead_code))]
    pub(crate) root_cert: Option<String>,
    pub(crate) connect_timeout: Option<Duration>,
    /// For messages: `host:port`, never the password.
    pub(crate) server: String,
}

fn invalid(url_param: &str, why: &str) -> Error {
    Error::new(
        ErrorKind::InvalidUrl,
        format!("invalid PostgreSQL URL parameter `{url_param}`: {why}"),
    )
}

impl PgConfig {
    /// Parses `postgres://user:password@host:port/database?param=value&...`.
    ///
    /// aludel takes out `sslmode` (adding `verify-ca` and `verify-full` to the driver's
    /// `disable` / `prefer` / `require`), `sslrootcert` and `statement_timeout`; the driver
    /// parses the rest (`connect_timeout`, `application_name`, `options`, ...).
    pub(crate) fn parse(url: &str) -> Result<Self> {
        check_postgres(url)?;
        let (base, query) = url.split_once('?').unwrap_or((url, ""));
        let mut kept = Vec::new();
        let mut tls = Tls::Off;
        let mut root_cert = None;
        let mut timeout = None;
        for param in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) =
                param.split_once('=').ok_or_else(|| invalid(param, "expected `name=value`"))?;
            match key {
                "sslmode" => {
                    tls = match value {
                        "disable" => Tls::Off,
                        "prefer" | "allow" => Tls::Prefer,
                        "require" => Tls::Require,
                        "verify-ca" => Tls::VerifyCa,
                        "verify-full" => Tls::VerifyFull,
                        _ => {
                            return Err(invalid(
                                "sslmode",
                                "expected disable, prefer, require, verify-ca or verify-full",
                            ));
                        }
                    }
                }
                "sslrootcert" => root_cert = Some(percent_decode(key, value)?),
                "statement_timeout" => timeout = Some(parse_timeout(key, value)?.as_millis()),
                _ => kept.push(param),
            }
        }
        let driver_url =
            if kept.is_empty() { base.to_owned() } else { format!("{base}?{}", kept.join("&")) };
        let mut driver: postgres::Config = driver_url.parse().map_err(|e| {
            Error::new(
                ErrorKind::InvalidUrl,
                format!(
                    "invalid PostgreSQL URL: {e} (expected postgres://user@host:port/database)"
                ),
            )
            .with_source(e)
        })?;
        driver.ssl_mode(match tls {
            Tls::Off => SslMode::Disable,
            Tls::Prefer => SslMode::Prefer,
            Tls::Require | Tls::VerifyCa | Tls::VerifyFull => SslMode::Require,
        });
        if tls != Tls::Off && !cfg!(feature = "tls") {
            return Err(Error::new(
                ErrorKind::InvalidUrl,
                "this URL asks for TLS (`sslmode`), but aludel was built without its `tls` \
                 feature; enable it (`features = [\"tls\"]`) rather than sending the password \
                 in clear",
            ));
        }
        if let Some(timeout) = timeout {
            let options = match driver.get_options() {
                Some(options) => format!("{options} -c statement_timeout={timeout}ms"),
                None => format!("-c statement_timeout={timeout}ms"),
            };
            driver.options(&options);
        }
        if driver.get_hosts().is_empty() && driver.get_hostaddrs().is_empty() {
            return Err(Error::new(
                ErrorKind::InvalidUrl,
                "the PostgreSQL URL names no host (expected postgres://user@host:port/database)",
            ));
        }
        if driver.get_user().is_none() {
            return Err(Error::new(
                ErrorKind::InvalidUrl,
                "the PostgreSQL URL names no user (expected postgres://user@host:port/database)",
            ));
        }
        let connect_timeout = driver.get_connect_timeout().copied();
        let host = match driver.get_hosts().first() {
            Some(Host::Tcp(host)) => host.clone(),
            #[cfg(unix)]
            Some(Host::Unix(path)) => path.display().to_string(),
            None => "localhost".to_owned(),
        };
        let port = driver.get_ports().first().copied().unwrap_or(5432);
        Ok(PgConfig { driver, tls, root_cert, connect_timeout, server: format!("{host}:{port}") })
    }

    /// Connects, giving up at `deadline` (or after the URL's `connect_timeout`, or
    /// [`DEFAULT_CONNECT_TIMEOUT`], whichever comes first).
    pub(crate) fn connect(&self, deadline: Option<Instant>) -> Result<Client> {
        let mut limit = self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT);
        let mut what = "raise `connect_timeout` in the URL (seconds, default 10)";
        if let Some(deadline) = deadline {
            let left = deadline.saturating_duration_since(Instant::now());
            if left < limit {
                limit = left;
                what = "the pool's checkout timeout ran out; raise `PoolConfig::checkout_timeout`";
            }
        }
        let (sent, received) = mpsc::channel();
        let driver = self.driver.clone();
        let tls = self.tls;
        let tls_connector = if tls == Tls::Off { None } else { Some(self.tls_connector()?) };
        // The driver's connect blocks without a bound of its own: it runs on a thread of its
        // own, which ends when the server answers or closes (dropping a late connection).
        std::thread::Builder::new()
            .name("aludel-pg-connect".into())
            .spawn(move || {
                let client = match tls_connector {
                    None => driver.connect(postgres::NoTls),
                    #[cfg(feature = "tls")]
                    Some(connector) => driver.connect(connector),
                    #[cfg(not(feature = "tls"))]
                    Some(never) => match never {},
                };
                let _ = sent.send(client);
            })
            .map_err(|e| {
                Error::new(ErrorKind::Connection, format!("cannot start a connect: {e}"))
            })?;
        match received.recv_timeout(limit) {
            Ok(Ok(client)) => Ok(client),
            Ok(Err(e)) => Err(self.connect_error(e)),
            Err(_) => Err(Error::new(
                ErrorKind::Connection,
                format!(
                    "cannot connect to PostgreSQL at {}: the server did not answer within \
                     {limit:?} ({what}, or check that a PostgreSQL server listens there)",
                    self.server
                ),
            )),
        }
    }

    fn connect_error(&self, e: postgres::Error) -> Error {
        let (kind, message) = classify(&e);
        let kind = match kind {
            ErrorKind::Database | ErrorKind::Conversion | ErrorKind::InvalidRequest => {
                ErrorKind::Connection
            }
            kind => kind,
        };
        let hint = if e.code().is_some() {
            "; check the user, password and database named in the URL"
        } else if self.tls == Tls::VerifyFull || self.tls == Tls::VerifyCa {
            "; for TLS, check that the server's certificate is issued to the host in the URL \
             and signed by a CA the system (or `sslrootcert`) trusts"
        } else {
            "; check that a PostgreSQL server runs and accepts TCP connections there"
        };
        Error::new(
            kind,
            format!("cannot connect to PostgreSQL at {}: {message}{hint}", self.server),
        )
        .with_source(e)
    }
}

#[cfg(feature = "tls")]
type TlsConnector = postgres_native_tls::MakeTlsConnector;

#[cfg(not(feature = "tls"))]
type TlsConnector = std::convert::Infallible;

impl PgConfig {
    #[cfg(feature = "tls")]
    fn tls_connector(&self) -> Result<TlsConnector> {
        let mut builder = native_tls::TlsConnector::builder();
        match self.tls {
            Tls::Off | Tls::Prefer | Tls::Require => {
                builder.danger_accept_invalid_certs(true).danger_accept_invalid_hostnames(true);
            }
            Tls::VerifyCa => {
                builder.danger_accept_invalid_hostnames(true);
            }
            Tls::VerifyFull => {}
        }
        if let Some(path) = &self.root_cert {
            let pem = std::fs::read(path).map_err(|e| {
                Error::new(ErrorKind::InvalidUrl, format!("cannot read sslrootcert `{path}`: {e}"))
            })?;
            let cert = native_tls::Certificate::from_pem(&pem).map_err(|e| {
                Error::new(
                    ErrorKind::InvalidUrl,
                    format!("sslrootcert `{path}` is not a PEM certificate: {e}"),
                )
            })?;
            // As libpq: `sslrootcert` names the CAs to trust, instead of the system's.
            builder.disable_built_in_roots(true).add_root_certificate(cert);
        }
        let connector = builder.build().map_err(|e| {
            Error::new(ErrorKind::Connection, format!("cannot set up TLS: {e}")).with_source(e)
        })?;
        Ok(postgres_native_tls::MakeTlsConnector::new(connector))
    }

    #[cfg(not(feature = "tls"))]
    fn tls_connector(&self) -> Result<TlsConnector> {
        Err(Error::new(ErrorKind::InvalidUrl, "TLS needs aludel's `tls` feature"))
    }
}
