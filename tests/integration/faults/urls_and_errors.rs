//! URLs, error messages that name their cause, oversized requests.

use super::*;

#[test]
fn sqlite_url_parameters_are_honoured() {
    let path = std::env::temp_dir().join(format!("aludel_faults_ro_{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let url = format!("sqlite://{}", path.display());
    let mut rw = SqliteConnection::open(&url).unwrap();
    create(&mut rw);
    put(&mut rw, "a").unwrap();
    drop(rw);
    let mut ro = SqliteConnection::open(&format!("{url}?mode=ro")).unwrap();
    assert_eq!(items(&mut ro), ["a"]);
    let err = put(&mut ro, "b").unwrap_err();
    assert!(err.to_string().contains("readonly"), "{err}");
    assert_eq!(items(&mut ro), ["a"]);
    // A read-only engine, too.
    let engine = Engine::<SqliteConnection>::open(&format!("{url}?mode=ro")).unwrap();
    assert!(put(&mut *engine.get().unwrap(), "c").is_err());
    drop(engine);
    let _ = std::fs::remove_file(&path);
}

#[test]
fn bad_urls_are_invalid_url_errors() {
    for url in [
        "sqlite://x.db?mode=bogus",
        "sqlite://x.db?nonsense=1",
        "sqlite::memory:?mode",
        "sqlite:",
        "sqlite://",
        "mysql://localhost/db",
    ] {
        let err = SqliteConnection::open(url).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidUrl, "{url}: {err}");
        let err = Engine::<SqliteConnection>::open(url).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidUrl, "{url}: {err}");
    }
    for url in [
        "postgres://u@localhost:notaport/db",
        "postgres://u@localhost/db?sslmode=sometimes",
        "postgres://u@localhost/db?connect_timeout=soon",
        "postgres://u@localhost/db?statement_timeout=later",
        "postgres://u@localhost/db?sslmode",
        "postgres:///db",
        "postgres://localhost/db",
        "http://localhost/db",
    ] {
        let err = PgConnection::connect(url).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidUrl, "{url}: {err}");
        let err = Engine::<PgConnection>::open(url).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidUrl, "{url}: {err}");
    }
}

#[test]
fn connection_errors_name_their_cause() {
    let err = PgConnection::connect("postgres://postgres@127.0.0.1:1/postgres?connect_timeout=2")
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Connection);
    let shown = err.to_string();
    assert!(shown.to_lowercase().contains("refused"), "{shown}");
    assert!(shown.contains("127.0.0.1:1"), "{shown}");
}

crate::backend_test!(too_many_binds_is_an_invalid_request, |conn| {
    create(conn);
    put(conn, "a").unwrap();
    let many: Vec<i32> = (0..70_000).collect();
    let err = vault::table.select(vault::item).filter(vault::id.in_(many)).load::<String>(conn);
    let err = err.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidRequest, "{err}");
    // The connection is fine and still used.
    put(conn, "b").unwrap();
    assert_eq!(items(conn), ["a", "b"]);
});
