//! How statements run: the statement cache, streaming, batched inserts, bulk updates, echo.

use aludel::conn::{Echo, execute_many};
use aludel::prelude::*;
use std::sync::{Arc, Mutex};

aludel::table! {
    events (id) {
        id -> Integer,
        kind -> Text,
        weight -> Integer,
    }
    numbers { n -> BigInt, pad -> Text, }
    big { n -> BigInt, pad -> Text, }
}

fn setup<C: Connection>(conn: &mut C) {
    MetaData::new([events::table::def()]).create_all(conn, CheckFirst::No).unwrap();
}

crate::backend_test!(statement_cache_renders_once_per_shape, |conn| {
    setup(conn);
    for i in 0..20 {
        insert(events::table)
            .values((events::kind.eq(format!("k{}", i % 3)), events::weight.eq(i)))
            .execute(conn)
            .unwrap();
    }
    let before = conn.cached_statements();
    for i in 0..50 {
        // A fresh query value each time, one shape: one cache entry.
        let w: i32 = events::table
            .select(events::weight)
            .filter(events::id.eq(i % 20 + 1))
            .first(conn)
            .unwrap();
        assert_eq!(w, i % 20);
    }
    assert_eq!(conn.cached_statements(), before + 1);
    // IN lists of different lengths are different shapes, each cached, results right.
    for len in [1usize, 2, 3, 2, 1] {
        let ids: Vec<i32> = (1..=len as i32).collect();
        let got: Vec<i32> = events::table
            .select(events::id)
            .filter(events::id.in_(&ids))
            .order_by(events::id)
            .load(conn)
            .unwrap();
        assert_eq!(got, ids);
    }
    assert_eq!(conn.cached_statements(), before + 4);
    // With and without LIMIT differ too.
    let all: Vec<i32> = events::table.select(events::id).order_by(events::id).load(conn).unwrap();
    let two: Vec<i32> =
        events::table.select(events::id).order_by(events::id).limit(2).load(conn).unwrap();
    assert_eq!((all.len(), two), (20, vec![1, 2]));
});

crate::backend_test!(batched_insert_beyond_the_bind_limit, |conn| {
    let _heavy = crate::common::heavy();
    setup(conn);
    // 40 000 rows x 2 values: more binds than one SQLite or PostgreSQL statement may carry.
    let rows: Vec<_> =
        (0..40_000).map(|i| (events::kind.eq("bulk"), events::weight.eq(i))).collect();
    let ids: Vec<i32> =
        insert(events::table).values(rows).returning(events::id).load(conn).unwrap();
    assert_eq!(ids.len(), 40_000);
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "keys come back in insertion order");
    let sum: Option<i64> = events::table.select(sum(events::weight)).first(conn).unwrap();
    assert_eq!(sum, Some((0..40_000i64).sum()));

    // A failing batch rolls back the earlier ones: all or nothing.
    let dupes: Vec<_> = (0..40_000)
        .map(|i| {
            (
                events::id.eq(if i == 39_999 { 1 } else { 100_000 + i }),
                events::kind.eq("x"),
                events::weight.eq(0),
            )
        })
        .collect();
    let err = insert(events::table).values(dupes).execute(conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UniqueViolation);
    let count: i64 = events::table.select(count_star()).first(conn).unwrap();
    assert_eq!(count, 40_000);
});

crate::backend_test!(bulk_update_by_primary_key, |conn| {
    setup(conn);
    let rows: Vec<_> = (0..2_000).map(|i| (events::kind.eq("u"), events::weight.eq(i))).collect();
    insert(events::table).values(rows).execute(conn).unwrap();
    let changed = execute_many(
        conn,
        (1..=2_000).map(|id| {
            update(events::table)
                .set(events::weight.eq(events::weight * 2))
                .filter(events::id.eq(id))
        }),
    )
    .unwrap();
    assert_eq!(changed, 2_000);
    let total: Option<i64> = events::table.select(sum(events::weight)).first(conn).unwrap();
    assert_eq!(total, Some(2 * (0..2_000i64).sum::<i64>()));
    // One statement fails: none of the updates stays.
    let err = execute_many(
        conn,
        (1..=2).map(|id| {
            update(events::table)
                .set(events::id.eq(if id == 2 { 3 } else { 10_000 + id }))
                .filter(events::id.eq(id))
        }),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UniqueViolation);
    let first: i32 = events::table.select(events::id).order_by(events::id).first(conn).unwrap();
    assert_eq!(first, 1);
});

crate::backend_test!(streaming_a_million_rows, |conn| {
    let _heavy = crate::common::heavy();
    // A real table of 1 000 000 rows, filled by the database itself (INSERT ... WITH
    // RECURSIVE ... SELECT), so that reading it back is a plain scan on both databases.
    MetaData::new([big::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(big::table)
        .from_select(
            (big::n, big::pad),
            numbers::table.select((numbers::n, numbers::pad)).with_recursive(cte(
                numbers::table,
                select((1i64, "x".repeat(100))).union_all(
                    numbers::table
                        .select((numbers::n + 1i64, numbers::pad))
                        .filter(numbers::n.lt(1_000_000i64)),
                ),
            )),
        )
        .execute(conn)
        .unwrap();
    let before = crate::common::allocated();
    let peak = std::sync::atomic::AtomicIsize::new(before);
    let mut total: i64 = 0;
    let mut rows = 0u64;
    big::table
        .select((big::n, big::pad))
        .for_each(conn, |(n, pad): (i64, String)| {
            total += n;
            rows += 1;
            peak.fetch_max(crate::common::allocated(), std::sync::atomic::Ordering::Relaxed);
            assert_eq!(pad.len(), 100);
            Ok(true)
        })
        .unwrap();
    assert_eq!(rows, 1_000_000);
    assert_eq!(total, 500_000_500_000);
    // Materialised, the rows would take well over 100 MB; streamed, the Rust side stays flat
    // (a few fetched rows at a time).
    let grown = peak.into_inner() - before;
    assert!(grown < 16 << 20, "memory grew by {} MB while streaming", grown >> 20);

    // Chunks.
    let mut sizes = Vec::new();
    numbers::table
        .select(numbers::n)
        .with_recursive(cte(
            numbers::table,
            select((1i64, "")).union_all(
                numbers::table
                    .select((numbers::n + 1i64, numbers::pad))
                    .filter(numbers::n.lt(25i64)),
            ),
        ))
        .load_chunks(conn, 10, |chunk: Vec<i64>| {
            sizes.push(chunk.len());
            Ok(())
        })
        .unwrap();
    assert_eq!(sizes, [10, 10, 5]);
});

/// Captures aludel's echo lines.
struct Capture(Mutex<Vec<String>>);

impl log::Log for Capture {
    fn enabled(&self, metadata: &log::Metadata) -> bool {
        metadata.target() == "aludel::sql"
    }
    fn log(&self, record: &log::Record) {
        if self.enabled(record.metadata()) {
            self.0.lock().unwrap().push(record.args().to_string());
        }
    }
    fn flush(&self) {}
}

static CAPTURE: Capture = Capture(Mutex::new(Vec::new()));

fn install_logger() {
    let _ = log::set_logger(&CAPTURE);
    log::set_max_level(log::LevelFilter::Debug);
}

crate::backend_test!(echo_and_statement_hook, |conn| {
    install_logger();
    setup(conn);
    let seen = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = seen.clone();
    conn.instrumentation().set_hook(move |e| sink.lock().unwrap().push(e.sql.to_owned()));
    let start = conn.statement_count();
    insert(events::table)
        .values((events::kind.eq("echo-me-1"), events::weight.eq(1)))
        .execute(conn)
        .unwrap();
    conn.transaction(|tx| {
        insert(events::table)
            .values((events::kind.eq("echo-me-2"), events::weight.eq(2)))
            .execute(tx)
    })
    .unwrap();
    assert_eq!(conn.statement_count() - start, 4, "INSERT, BEGIN, INSERT, COMMIT");
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 4);
    assert!(seen[0].starts_with(r#"INSERT INTO "events""#));
    assert_eq!((seen[1].as_str(), seen[3].as_str()), ("BEGIN", "COMMIT"));

    // Off by default: nothing logged so far for this connection's values.
    let logged =
        |needle: &str| CAPTURE.0.lock().unwrap().iter().filter(|l| l.contains(needle)).count();
    assert_eq!(logged("echo-me-1"), 0);
    // Unique per backend: both backends' tests share the process-wide logger.
    let shown = format!("echo-me-3-{}", std::any::type_name_of_val(conn));
    let hidden = format!("echo-me-4-{}", std::any::type_name_of_val(conn));
    conn.set_echo(Echo::WithBinds);
    let _: Vec<i32> =
        events::table.select(events::id).filter(events::kind.eq(&shown)).load(conn).unwrap();
    assert_eq!(logged(&shown), 1, "binds are shown with Echo::WithBinds");
    conn.set_echo(Echo::Statements);
    let _: Vec<i32> =
        events::table.select(events::id).filter(events::kind.eq(&hidden)).load(conn).unwrap();
    assert_eq!(logged(&hidden), 0, "binds are redacted with Echo::Statements");
    assert!(logged(r#"SELECT "events"."id" FROM "events""#) >= 2);
    conn.set_echo(Echo::Off);
});

crate::backend_test!(first_asks_for_one_row, |conn| {
    setup(conn);
    insert(events::table)
        .values(vec![
            (events::kind.eq("a"), events::weight.eq(1)),
            (events::kind.eq("b"), events::weight.eq(2)),
        ])
        .execute(conn)
        .unwrap();
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = log.clone();
    conn.instrumentation().set_hook(move |e| sink.lock().unwrap().push(e.sql.to_owned()));
    let first: i32 =
        events::table.select(events::weight).order_by(events::weight.desc()).first(conn).unwrap();
    assert_eq!(first, 2);
    // An explicit LIMIT is kept.
    let second: i32 = events::table
        .select(events::weight)
        .order_by(events::weight)
        .offset(1)
        .limit(5)
        .first(conn)
        .unwrap();
    assert_eq!(second, 2);
    let sql = log.lock().unwrap().clone();
    assert!(sql[0].contains(" LIMIT "), "{}", sql[0]);
    assert_eq!(sql[1].matches(" LIMIT ").count(), 1, "{}", sql[1]);
    conn.instrumentation().clear_hook();
});
