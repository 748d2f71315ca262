//! The ORM session: identity map, unit of work, flush ordering and batching, failure and
//! stale data, hooks. Exact statements are checked through the connection's statement hook.

use aludel::orm::{Hooks, Model, Session};
use aludel::prelude::*;
use std::sync::{Arc, Mutex};

aludel::table! {
    teams (id) { id -> Integer, #[unique] name -> Text, }
    players (id) {
        id -> Integer,
        #[references(teams::id)] team_id -> Integer,
        #[unique] handle -> Text,
        score -> Integer,
        #[server_default = "'rookie'"] rank -> Text,
        version -> Integer,
        note -> Nullable<Text>,
    }
}

#[derive(Debug, Clone, PartialEq, Model)]
#[aludel(table = teams)]
struct Team {
    id: i32,
    name: String,
}

#[derive(Debug, Clone, PartialEq, Model)]
#[aludel(table = players, hooks)]
struct Player {
    #[aludel(generated)]
    id: Option<i32>,
    team_id: i32,
    #[aludel(column = handle)]
    nick: String,
    score: i32,
    #[aludel(generated)]
    rank: Option<String>,
    #[aludel(version)]
    version: i32,
    note: Option<String>,
    #[aludel(skip)]
    scratch: u32,
}

impl Hooks for Player {
    fn before_insert(&mut self) {
        if self.note.is_none() {
            self.note = Some("created".into());
        }
        self.scratch += 100;
    }
    fn before_update(&mut self) {
        self.scratch += 1;
    }
}

fn player(team: i32, nick: &str, score: i32) -> Player {
    Player {
        id: None,
        team_id: team,
        nick: nick.into(),
        score,
        rank: None,
        version: 1,
        note: None,
        scratch: 0,
    }
}

fn setup<C: Connection>(conn: &mut C) {
    MetaData::new([teams::table::def(), players::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
}

/// Records the SQL of every statement run on `conn` from now on.
fn record<C: Connection>(conn: &mut C) -> Arc<Mutex<Vec<String>>> {
    let log = Arc::new(Mutex::new(Vec::new()));
    let sink = log.clone();
    conn.instrumentation().set_hook(move |e| sink.lock().unwrap().push(e.sql.to_owned()));
    log
}

fn take(log: &Arc<Mutex<Vec<String>>>) -> Vec<String> {
    std::mem::take(&mut *log.lock().unwrap())
}

crate::backend_test!(unit_of_work_and_identity, |conn| {
    setup(conn);
    let log = record(conn);
    let mut session = Session::new(conn);
    // Added child-first: flushed parent-first, each table's rows in one INSERT.
    let players =
        session.add_all([player(1, "ann", 10), player(1, "bob", 20), player(2, "cy", 30)]);
    session.add_all([Team { id: 1, name: "red".into() }, Team { id: 2, name: "blue".into() }]);
    session.flush().unwrap();
    let sql = take(&log);
    assert_eq!(sql.len(), 5, "{sql:#?}");
    assert!(sql[4].starts_with("RELEASE SAVEPOINT"));
    assert_eq!(sql[0], "BEGIN");
    assert!(sql[1].starts_with("SAVEPOINT"));
    assert!(sql[2].starts_with(r#"INSERT INTO "teams" ("id", "name") VALUES"#), "{}", sql[2]);
    assert!(sql[2].matches("), (").count() == 1, "two teams, one statement: {}", sql[2]);
    assert!(
        sql[3].starts_with(r#"INSERT INTO "players""#)
            && sql[3].ends_with(r#"RETURNING "players"."id", "players"."rank""#),
        "{}",
        sql[3]
    );
    // Generated keys and server defaults were read back, in insertion order; hooks ran.
    let ids: Vec<Option<i32>> = players.iter().map(|p| p.borrow().id).collect();
    assert_eq!(ids, [Some(1), Some(2), Some(3)]);
    assert_eq!(players[0].borrow().rank.as_deref(), Some("rookie"));
    assert_eq!(players[0].borrow().note.as_deref(), Some("created"));

    // Identity: get and queries return the same handles, without a query for get.
    let again = session.get::<Player>(1).unwrap().unwrap();
    assert!(again.ptr_eq(&players[0]));
    assert!(
        take(&log).iter().all(|s| s.starts_with("RELEASE")),
        "get of a loaded key runs no SELECT"
    );
    let team_one = session
        .query::<Player>()
        .filter(players::team_id.eq(1))
        .order_by(players::id)
        .all()
        .unwrap();
    assert_eq!(team_one.len(), 2);
    assert!(team_one[1].ptr_eq(&players[1]));

    // Dirty detection: only the changed column; an unchanged object is not written.
    players[1].borrow_mut().score = 25;
    players[2].borrow_mut().score = 30; // same value: no change
    assert!(session.is_modified(&players[1]) && !session.is_modified(&players[2]));
    take(&log);
    session.flush().unwrap();
    let sql = take(&log);
    let updates: Vec<_> = sql.iter().filter(|s| s.starts_with("UPDATE")).collect();
    assert_eq!(updates.len(), 1, "{sql:#?}");
    assert!(updates[0].starts_with(r#"UPDATE "players" SET "score" = "#), "{}", updates[0]);
    assert!(updates[0].contains(r#""version" = "players"."version" + 1"#), "{}", updates[0]);
    assert_eq!(players[1].borrow().version, 2);
    assert_eq!(players[1].borrow().scratch, 101, "before_insert, then before_update ran once");
    // A flush with nothing to do runs nothing.
    session.flush().unwrap();
    assert!(take(&log).is_empty());

    // Autoflush: a pending object is visible to the next query.
    session.add(player(2, "dee", 5));
    let blue = session
        .query::<Player>()
        .filter(players::team_id.eq(2))
        .order_by(players::score)
        .all()
        .unwrap();
    assert_eq!(blue.iter().map(|p| p.borrow().nick.clone()).collect::<Vec<_>>(), ["dee", "cy"]);
    // A query does not overwrite pending changes of loaded objects unless asked.
    blue[1].borrow_mut().score = 99;
    session.set_autoflush(false);
    let reread = session.query::<Player>().filter(players::handle.eq("cy")).one().unwrap();
    assert!(reread.ptr_eq(&blue[1]));
    assert_eq!(reread.borrow().score, 99, "pending change kept");
    session.set_autoflush(true);

    // Deleting parents and children: children first.
    take(&log);
    let red = session.get::<Team>(1).unwrap().unwrap();
    session.delete(&players[0]);
    session.delete(&players[1]);
    session.delete(&red);
    session.commit().unwrap();
    let sql = take(&log);
    let deletes: Vec<_> = sql.iter().filter(|s| s.starts_with("DELETE")).collect();
    assert_eq!(deletes.len(), 3, "players with a version column are deleted one by one: {sql:#?}");
    assert!(
        deletes[0].starts_with(r#"DELETE FROM "players""#)
            && deletes[2].starts_with(r#"DELETE FROM "teams""#)
    );
    assert_eq!(sql.last().unwrap(), "COMMIT");
    drop(session);
    let left: Vec<String> =
        players::table.select(players::handle).order_by(players::handle).load(conn).unwrap();
    assert_eq!(left, ["cy", "dee"]);
    let score: i32 =
        players::table.select(players::score).filter(players::handle.eq("cy")).first(conn).unwrap();
    assert_eq!(score, 99);
});

crate::backend_test!(failed_flush_leaves_everything_as_it_was, |conn| {
    setup(conn);
    let mut session = Session::new(conn);
    session.add(Team { id: 1, name: "red".into() });
    session.commit().unwrap();
    let good = session.add(player(1, "ann", 1));
    let clash = session.add(player(1, "ann", 2)); // same unique handle
    let err = session.flush().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UniqueViolation);
    assert!(err.to_string().contains("Player"), "the error names the object: {err}");
    assert!(err.sql().unwrap().starts_with(r#"INSERT INTO "players""#));
    // Nothing was written, no key was assigned, both objects are still pending.
    assert_eq!((good.borrow().id, clash.borrow().id), (None, None));
    assert_eq!(good.borrow().note, None, "hook changes are undone too");
    // Fix and retry.
    clash.borrow_mut().nick = "ann2".into();
    session.flush().unwrap();
    assert!(good.borrow().id.is_some() && clash.borrow().id.is_some());
    session.commit().unwrap();
    let count: i64 = players::table.select(count_star()).first(session.connection()).unwrap();
    assert_eq!(count, 2);
});

crate::backend_test!(expire_refresh_expunge_merge_rollback, |conn| {
    setup(conn);
    let mut session = Session::new(conn);
    session.add(Team { id: 1, name: "red".into() });
    let ann = session.add(player(1, "ann", 1));
    session.commit().unwrap();
    // Changed behind the session's back.
    update(players::table).set(players::score.eq(50)).execute(session.connection()).unwrap();
    // Commit expired the object: handing it out again reloads it.
    let id = ann.borrow().id.unwrap();
    let again = session.get::<Player>(id).unwrap().unwrap();
    assert!(again.ptr_eq(&ann));
    assert_eq!(ann.borrow().score, 50);
    // refresh discards unflushed changes.
    ann.borrow_mut().score = 7;
    session.refresh(&ann).unwrap();
    assert_eq!(ann.borrow().score, 50);
    // After a reload, a change of one column updates that column only.
    ann.borrow_mut().note = Some("reloaded".into());
    let log = record(session.connection());
    session.flush().unwrap();
    let updates: Vec<String> = take(&log).into_iter().filter(|s| s.starts_with("UPDATE")).collect();
    assert_eq!(updates.len(), 1);
    assert!(updates[0].starts_with(r#"UPDATE "players" SET "note" = "#), "{}", updates[0]);
    session.connection().instrumentation().clear_hook();
    // rollback restores the loaded state and forgets new objects.
    ann.borrow_mut().score = 8;
    let temp = session.add(player(1, "tmp", 0));
    session.rollback().unwrap();
    assert_eq!(ann.borrow().score, 50);
    assert!(!session.is_modified(&temp));
    // merge copies a detached copy's state into the tracked object.
    let mut detached = ann.detached();
    detached.score = 60;
    let merged = session.merge(detached).unwrap();
    assert!(merged.ptr_eq(&ann));
    assert_eq!(ann.borrow().score, 60);
    session.commit().unwrap();
    // expunge: a later load makes a different object.
    session.expunge(&ann);
    let fresh = session.get::<Player>(id).unwrap().unwrap();
    assert!(!fresh.ptr_eq(&ann));
    assert_eq!(fresh.borrow().score, 60);
    let tmp_rows: i64 = players::table
        .select(count_star())
        .filter(players::handle.eq("tmp"))
        .first(session.connection())
        .unwrap();
    assert_eq!(tmp_rows, 0);
});

fn stale_data_between_two_sessions<C: Connection>(first: &mut C, second: &mut C)
where
    C::Dialect: aludel::dialect::SupportsReturning,
{
    let mut a = Session::new(first);
    a.set_expire_on_commit(false);
    a.add(Team { id: 1, name: "red".into() });
    let mine = a.add(player(1, "ann", 1));
    a.commit().unwrap();
    let id = mine.borrow().id.unwrap();

    let mut b = Session::new(second);
    let theirs = b.get::<Player>(id).unwrap().unwrap();
    theirs.borrow_mut().score = 2;
    b.commit().unwrap();

    // `a` still holds version 1: its update must not overwrite b's.
    mine.borrow_mut().score = 3;
    let err = a.flush().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::StaleData, "{err}");
    assert_eq!(mine.borrow().version, 1, "the object is as it was before the flush");
    a.rollback().unwrap();
    let score: i32 = players::table.select(players::score).first(b.connection()).unwrap();
    assert_eq!(score, 2);
}

#[test]
fn stale_data_sqlite() {
    let path = std::env::temp_dir().join(format!("aludel_stale_{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let url = format!("sqlite://{}", path.display());
    let mut first = SqliteConnection::open(&url).unwrap();
    let mut second = SqliteConnection::open(&url).unwrap();
    setup(&mut first);
    stale_data_between_two_sessions(&mut first, &mut second);
    drop((first, second));
    let _ = std::fs::remove_file(&path);
}

#[test]
fn stale_data_postgres() {
    let Some(mut guard) = crate::common::pg("orm_stale") else { return };
    setup(&mut guard.conn);
    let schema: String = {
        let rows = guard.conn.raw().query("SELECT current_schema()", &[]).unwrap();
        rows[0].get(0)
    };
    let mut second = PgConnection::connect(&crate::common::pg_url()).unwrap();
    second.batch_execute(&format!("SET search_path TO {schema}")).unwrap();
    stale_data_between_two_sessions(&mut guard.conn, &mut second);
}

aludel::table! {
    authors (id) { id -> Integer, name -> Text, }
    books (id) {
        id -> Integer,
        #[references(authors::id)] author_id -> Integer,
        title -> Text,
    }
    // A composite primary key.
    editions (book_id, number) {
        #[references(books::id)] book_id -> Integer,
        number -> Integer,
        year -> Integer,
    }
}

#[derive(Debug, Clone, Model)]
#[aludel(table = authors)]
struct Author {
    #[aludel(generated)]
    id: Option<i32>,
    name: String,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = books)]
struct Book {
    #[aludel(generated)]
    id: Option<i32>,
    author_id: i32,
    title: String,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = editions)]
struct Edition {
    book_id: i32,
    number: i32,
    year: i32,
}

crate::backend_test!(generated_parent_keys_reach_children, |conn| {
    MetaData::new([authors::table::def(), books::table::def(), editions::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
    let mut session = Session::new(conn);
    // Children first, parents later: the flush orders them and copies the new keys.
    let books: Vec<_> = (0..3)
        .map(|i| session.add(Book { id: None, author_id: 0, title: format!("b{i}") }))
        .collect();
    let le_guin = session.add(Author { id: None, name: "le guin".into() });
    let herbert = session.add(Author { id: None, name: "herbert".into() });
    session.set_parent(&books[0], books::author_id, &le_guin).unwrap();
    session.set_parent(&books[1], books::author_id, &le_guin).unwrap();
    session.set_parent(&books[2], books::author_id, &herbert).unwrap();
    session.commit().unwrap();
    let (lg, h) = (le_guin.borrow().id.unwrap(), herbert.borrow().id.unwrap());
    let by_author: Vec<(String, i32)> = books::table
        .select((books::title, books::author_id))
        .order_by(books::id)
        .load(session.connection())
        .unwrap();
    assert_eq!(by_author, [("b0".into(), lg), ("b1".into(), lg), ("b2".into(), h)]);

    // Moving a persistent child to another parent is an UPDATE of its key.
    session.set_parent(&books[1], books::author_id, &herbert).unwrap();
    session.commit().unwrap();
    let moved: i32 = books::table
        .select(books::author_id)
        .filter(books::title.eq("b1"))
        .first(session.connection())
        .unwrap();
    assert_eq!(moved, h);

    // Composite keys: identity by both columns.
    let b0 = books[0].borrow().id.unwrap();
    session.add_all([
        Edition { book_id: b0, number: 1, year: 1968 },
        Edition { book_id: b0, number: 2, year: 1975 },
    ]);
    session.commit().unwrap();
    let second = session.get::<Edition>((b0, 2)).unwrap().unwrap();
    assert_eq!(second.borrow().year, 1975);
    second.borrow_mut().year = 1976;
    session.commit().unwrap();
    let year: i32 = editions::table
        .select(editions::year)
        .filter(editions::number.eq(2))
        .first(session.connection())
        .unwrap();
    assert_eq!(year, 1976);
    assert!(session.get::<Edition>((b0, 3)).unwrap().is_none());
});

#[test]
fn session_over_an_engine_connection() {
    let engine = Engine::sqlite("sqlite::memory:").unwrap();
    setup(&mut *engine.get().unwrap());
    {
        let mut pooled = engine.get().unwrap();
        let mut session = Session::new(&mut *pooled);
        session.add(Team { id: 1, name: "red".into() });
        session.commit().unwrap();
    }
    // Another pooled connection of the same in-memory database sees the committed row.
    let mut other = engine.get().unwrap();
    let mut session = Session::new(&mut *other);
    let red = session.get::<Team>(1).unwrap().unwrap();
    assert_eq!(red.borrow().name, "red");
}

crate::backend_test!(hooks_run_once_per_object_across_statements, |conn| {
    setup(conn);
    let log = record(conn);
    let mut session = Session::new(conn);
    session.add(Team { id: 1, name: "red".into() });
    // The middle player provides its key: a different shape, so three INSERTs of players.
    let mut keyed = player(1, "bob", 20);
    keyed.id = Some(50);
    let players = session.add_all([player(1, "ann", 10), keyed, player(1, "cy", 30)]);
    session.commit().unwrap();
    let inserts = take(&log).iter().filter(|s| s.starts_with(r#"INSERT INTO "players""#)).count();
    assert_eq!(inserts, 3);
    let counts: Vec<u32> = players.iter().map(|p| p.borrow().scratch).collect();
    assert_eq!(counts, [100, 100, 100], "before_insert ran once for each");
    let ids: Vec<i32> = players::table
        .select(players::id)
        .order_by(players::id)
        .load(session.connection())
        .unwrap();
    assert_eq!(ids.len(), 3);
    assert!(ids.contains(&50));
});

mod keys_of_other_types {
    //! `Session::get` takes the key column's own Rust type: a `BigInt` key by `i64` (an integer
    //! literal is inferred as one), a `Text` key by `&str` or `String`.

    use aludel::orm::{Model, Session};
    use aludel::prelude::*;

    aludel::table! {
        counters (id) { id -> BigInt, hits -> Integer, }
        tags (label) { label -> Text, uses -> Integer, }
    }

    #[derive(Debug, Clone, PartialEq, Model)]
    #[aludel(table = counters)]
    struct Counter {
        id: i64,
        hits: i32,
    }

    #[derive(Debug, Clone, PartialEq, Model)]
    #[aludel(table = tags)]
    struct Tag {
        label: String,
        uses: i32,
    }

    crate::backend_test!(get_by_bigint_and_text_keys, |conn| {
        MetaData::new([counters::table::def(), tags::table::def()])
            .create_all(conn, CheckFirst::No)
            .unwrap();
        insert(counters::table)
            .values((counters::id.eq(5_000_000_000i64), counters::hits.eq(3)))
            .execute(conn)
            .unwrap();
        insert(tags::table)
            .values((tags::label.eq("rust"), tags::uses.eq(7)))
            .execute(conn)
            .unwrap();
        let mut session = Session::new(conn);
        let c = session.get::<Counter>(5_000_000_000).unwrap().unwrap();
        assert_eq!(c.borrow().hits, 3);
        let label = String::from("rust");
        let t = session.get::<Tag>(label.as_str()).unwrap().unwrap();
        assert_eq!(t.borrow().uses, 7);
        // The same object whatever the Rust spelling of the key.
        assert!(session.get::<Tag>(label).unwrap().unwrap().ptr_eq(&t));
    });
}
