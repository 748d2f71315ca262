//! Bad input and failures: clear `aludel::Error`s, never panics.

use aludel::prelude::*;

aludel::table! {
    parents (id) { id -> Integer, #[check("length(name) > 0")] name -> Text, }
    children (id) {
        id -> Integer,
        #[references(parents::id)] parent_id -> Integer,
        label -> Nullable<Text>,
    }
}

crate::backend_test!(constraint_violations_name_the_statement, |conn| {
    MetaData::new([parents::table::def(), children::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
    insert(parents::table)
        .values((parents::id.eq(1), parents::name.eq("p")))
        .execute(conn)
        .unwrap();

    let dup =
        insert(parents::table).values((parents::id.eq(1), parents::name.eq("q"))).execute(conn);
    let err = dup.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UniqueViolation);
    assert!(err.sql().unwrap().starts_with(r#"INSERT INTO "parents""#), "{err}");
    assert!(err.to_string().contains("INSERT INTO"), "{err}");

    let err = insert(children::table).values(children::parent_id.eq(42)).execute(conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ForeignKeyViolation);

    let err = insert(parents::table).values(parents::name.eq("")).execute(conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::CheckViolation);

    insert(children::table).values(children::parent_id.eq(1)).execute(conn).unwrap();
    let err = delete(parents::table).execute(conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ForeignKeyViolation);

    conn.batch_execute("CREATE TABLE strict_names (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        .unwrap();
    let err =
        conn.batch_execute("INSERT INTO strict_names (id, name) VALUES (1, NULL)").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotNullViolation);

    let err = conn.batch_execute("SELEKT nonsense").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Database);
    // Nothing was lost along the way.
    let parents: Vec<String> = parents::table.select(parents::name).load(conn).unwrap();
    assert_eq!(parents, ["p"]);
});

#[test]
fn malformed_urls_are_errors() {
    for url in ["", "mysql://localhost/db", "sqlite:", "sqlite://", "postgres://x"] {
        let err = SqliteConnection::open(url).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidUrl, "{url}: {err}");
    }
    for url in ["sqlite::memory:", "http://host", "postgres://user@host:notaport/db"] {
        let err = PgConnection::connect(url).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidUrl, "{url}: {err}");
    }
    let err = SqliteConnection::open("sqlite:///nonexistent-dir/sub/x.db").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Connection, "{err}");
}

#[test]
fn unreachable_server_is_a_connection_error() {
    // Port 1 on loopback: nothing listens there.
    let err = PgConnection::connect("postgres://postgres@127.0.0.1:1/postgres?connect_timeout=2")
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Connection, "{err}");
}

#[test]
fn killed_connection_is_reported_and_a_new_one_works() {
    let Some(mut guard) = crate::common::pg("killed_connection") else { return };
    let conn = &mut guard.conn;
    MetaData::new([parents::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(parents::table).values(parents::name.eq("before")).execute(conn).unwrap();
    let pid: i32 = {
        let rows = conn.raw().query("SELECT pg_backend_pid()", &[]).unwrap();
        rows[0].get(0)
    };
    let mut killer = PgConnection::connect(&crate::common::pg_url()).unwrap();
    killer.raw().execute("SELECT pg_terminate_backend($1)", &[&pid]).unwrap();

    let err = parents::table.select(parents::name).load::<String>(conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Connection, "{err}");
    let err = insert(parents::table).values(parents::name.eq("after")).execute(conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Connection, "{err}");
}
