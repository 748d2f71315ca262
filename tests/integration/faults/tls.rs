//! TLS for PostgreSQL: `sslmode=require`, certificate verification, and no password in clear.

use super::*;

#[cfg(feature = "tls")]
fn with_param(url: &str, param: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}{param}")
}

#[cfg(feature = "tls")]
#[test]
fn postgres_sslmode_require_connects_over_tls() {
    if crate::common::pg("tls_require").is_none() {
        return;
    }
    let url = with_param(&crate::common::pg_url(), "sslmode=require");
    let mut conn = PgConnection::connect(&url).unwrap();
    let encrypted: bool = conn
        .raw()
        .query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[])
        .unwrap()
        .get(0);
    assert!(encrypted, "the session is encrypted");
    // And through an engine.
    let engine = Engine::<PgConnection>::open(&url).unwrap();
    let mut pooled = engine.get().unwrap();
    let encrypted: bool = pooled
        .raw()
        .query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[])
        .unwrap()
        .get(0);
    assert!(encrypted);
}

#[cfg(feature = "tls")]
#[test]
fn postgres_sslmode_verify_full_refuses_an_untrusted_certificate() {
    if crate::common::pg("tls_verify_full").is_none() {
        return;
    }
    // The server's certificate is Debian's self-signed "snakeoil" one, issued to `localhost`.
    // Connecting to 127.0.0.1, it does not match the host.
    let url = with_param(&crate::common::pg_url(), "sslmode=verify-full");
    let err = PgConnection::connect(&url).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Connection, "{err}");
    assert!(err.to_string().contains("certificate"), "{err}");
    // Trusting only another CA (`sslrootcert`), the certificate is not trusted.
    let other_ca = "/etc/ssl/certs/ISRG_Root_X1.pem";
    if std::path::Path::new(other_ca).exists() {
        let url = with_param(
            &crate::common::pg_url(),
            &format!("sslmode=verify-ca&sslrootcert={other_ca}"),
        );
        let err = PgConnection::connect(&url).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Connection, "{err}");
        assert!(err.to_string().contains("certificate"), "{err}");
    }
    // Trusting the snakeoil certificate itself and naming its host, verification passes.
    let snakeoil = "/etc/ssl/certs/ssl-cert-snakeoil.pem";
    if std::path::Path::new(snakeoil).exists() {
        let url = crate::common::pg_url().replace("127.0.0.1", "localhost");
        let url = with_param(&url, &format!("sslmode=verify-full&sslrootcert={snakeoil}"));
        let mut conn = PgConnection::connect(&url).unwrap();
        conn.batch_execute("SELECT 1").unwrap();
    }
}

/// A server that answers the TLS request with "no": with `sslmode=require` the client must
/// hang up, and never send its password in clear.
#[cfg(feature = "tls")]
#[test]
fn sslmode_require_never_sends_the_password_in_clear() {
    use std::io::{Read, Write};
    let (listener, port) = silent_listener();
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut request = [0u8; 8];
        stream.read_exact(&mut request).unwrap();
        // SSLRequest: length 8, code 80877103.
        assert_eq!(request, [0, 0, 0, 8, 4, 210, 22, 47]);
        stream.write_all(b"N").unwrap();
        let mut rest = Vec::new();
        let _ = stream.read_to_end(&mut rest);
        rest
    });
    let url = format!(
        "postgres://alice:s3cret-password@127.0.0.1:{port}/db?sslmode=require&connect_timeout=5"
    );
    let err = PgConnection::connect(&url).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Connection, "{err}");
    assert!(!err.to_string().contains("s3cret"), "{err}");
    let sent_after_refusal = server.join().unwrap();
    assert!(sent_after_refusal.is_empty(), "sent in clear: {sent_after_refusal:?}");
}

#[cfg(not(feature = "tls"))]
#[test]
fn tls_urls_without_the_tls_feature_are_refused() {
    for mode in ["require", "verify-ca", "verify-full", "prefer"] {
        let url = format!("postgres://u:secret@127.0.0.1:1/db?sslmode={mode}");
        let err = PgConnection::connect(&url).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidUrl, "{err}");
        assert!(err.to_string().contains("`tls` feature"), "{err}");
    }
}
