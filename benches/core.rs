//! aludel against the raw driver, the same workload measured in the same run.
//!
//! Each workload is a criterion group named `<backend>/<workload>` with two functions,
//! `aludel` and `raw`, so the two sit side by side in the report:
//!
//! - `select_by_pk`: one row by primary key, a new key (and a newly built query) every
//!   iteration;
//! - `load_rows_<n>`: `n` rows of a 3-column table into `(i32, String, i32)` tuples, for
//!   n = 1, 100 and 10 000;
//! - `insert_100_tx`: 100 rows in one transaction; aludel as one multi-row INSERT, raw as a
//!   prepared INSERT executed 100 times (the table is emptied between iterations, untimed).
//!
//! SQLite runs in memory. PostgreSQL runs at `ALUDEL_PG_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`) in a schema of its own, dropped afterwards;
//! its benchmarks are skipped when the server is unreachable.
//!
//! Raw SQLite goes through `rusqlite`'s `prepare_cached`, raw PostgreSQL through statements
//! prepared once with the `postgres` crate; aludel caches its prepared statements per
//! connection in the same way.
//!
//! Run: `cargo bench --bench core`.

use aludel::prelude::*;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::{Duration, Instant};

aludel::table! {
    bench_items (id) {
        id -> Integer,
        name -> Text,
        score -> Integer,
    }

    bench_inserts (id) {
        id -> Integer,
        name -> Text,
        score -> Integer,
    }
}

/// Rows in `bench_items`, ids `1..=ROWS`.
const ROWS: i32 = 10_000;
const LOAD_SIZES: [i32; 3] = [1, 100, 10_000];
const INSERTS: usize = 100;

/// The raw SQL, hand-written per driver.
mod raw_sql {
    pub const SQLITE_SELECT: &str = "SELECT id, name, score FROM bench_items WHERE id = ?1";
    pub const SQLITE_LOAD: &str = "SELECT id, name, score FROM bench_items WHERE id <= ?1";
    pub const SQLITE_INSERT: &str = "INSERT INTO bench_inserts (name, score) VALUES (?1, ?2)";
    pub const PG_SELECT: &str = "SELECT id, name, score FROM bench_items WHERE id = $1";
    pub const PG_LOAD: &str = "SELECT id, name, score FROM bench_items WHERE id <= $1";
    pub const PG_INSERT: &str = "INSERT INTO bench_inserts (name, score) VALUES ($1, $2)";
}

type Row = (i32, String, i32);

/// One backend: each workload written with aludel and against the raw driver.
trait Backend {
    fn aludel_select(&mut self, key: i32) -> Row;
    fn raw_select(&mut self, key: i32) -> Row;
    fn aludel_load(&mut self, n: i32) -> Vec<Row>;
    fn raw_load(&mut self, n: i32) -> Vec<Row>;
    fn aludel_insert(&mut self, names: &[String]);
    fn raw_insert(&mut self, names: &[String]);
    fn clear_inserts(&mut self);
}

/// The aludel side of every workload: the same code for each connection type.
macro_rules! aludel_workloads {
    () => {
        fn aludel_select(&mut self, key: i32) -> Row {
            bench_items::table.filter(bench_items::id.eq(key)).first(&mut self.conn).unwrap()
        }

        fn aludel_load(&mut self, n: i32) -> Vec<Row> {
            bench_items::table.filter(bench_items::id.le(n)).load(&mut self.conn).unwrap()
        }

        fn aludel_insert(&mut self, names: &[String]) {
            let rows: Vec<_> = names
                .iter()
                .zip(0..)
                .map(|(name, i)| {
                    (bench_inserts::name.eq(name.as_str()), bench_inserts::score.eq(i))
                })
                .collect();
            self.conn
                .transaction(|conn| insert(bench_inserts::table).values(rows).execute(conn))
                .unwrap();
        }

        fn clear_inserts(&mut self) {
            delete(bench_inserts::table).execute(&mut self.conn).unwrap();
        }
    };
}

/// Creates both tables and fills `bench_items` (with aludel, in chunks of 1000 rows).
macro_rules! create_tables {
    ($conn:expr) => {
        MetaData::new([bench_items::table::def(), bench_inserts::table::def()])
            .create_all($conn, CheckFirst::No)
            .unwrap();
        for chunk in (1..=ROWS).collect::<Vec<_>>().chunks(1000) {
            let rows: Vec<_> = chunk
                .iter()
                .map(|&id| {
                    (
                        bench_items::id.eq(id),
                        bench_items::name.eq(format!("item {id}")),
                        bench_items::score.eq(id % 97),
                    )
                })
                .collect();
            insert(bench_items::table).values(rows).execute($conn).unwrap();
        }
    };
}

struct SqliteBench {
    conn: SqliteConnection,
}

impl SqliteBench {
    fn new() -> Self {
        let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
        create_tables!(&mut conn);
        SqliteBench { conn }
    }
}

fn sqlite_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
}

impl Backend for SqliteBench {
    aludel_workloads!();

    fn raw_select(&mut self, key: i32) -> Row {
        let raw = self.conn.raw();
        let mut stmt = raw.prepare_cached(raw_sql::SQLITE_SELECT).unwrap();
        stmt.query_row([key], sqlite_row).unwrap()
    }

    fn raw_load(&mut self, n: i32) -> Vec<Row> {
        let raw = self.conn.raw();
        let mut stmt = raw.prepare_cached(raw_sql::SQLITE_LOAD).unwrap();
        stmt.query_map([n], sqlite_row).unwrap().collect::<rusqlite::Result<_>>().unwrap()
    }

    fn raw_insert(&mut self, names: &[String]) {
        let tx = self.conn.raw().transaction().unwrap();
        {
            let mut stmt = tx.prepare_cached(raw_sql::SQLITE_INSERT).unwrap();
            for (name, i) in names.iter().zip(0..) {
                stmt.execute(rusqlite::params![name, i]).unwrap();
            }
        }
        tx.commit().unwrap();
    }
}

struct PgBench {
    conn: PgConnection,
    schema: String,
    select: postgres::Statement,
    load: postgres::Statement,
    insert: postgres::Statement,
}

impl Drop for PgBench {
    fn drop(&mut self) {
        let _ = self.conn.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
    }
}

impl PgBench {
    /// Connects and builds the tables in a new schema, or `None` when the server is down.
    fn new() -> Option<Self> {
        let url = std::env::var("ALUDEL_PG_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
        let mut conn = match PgConnection::connect(&url) {
            Ok(conn) => conn,
            Err(e) => {
                eprintln!("skipping the PostgreSQL benchmarks: {e}");
                return None;
            }
        };
        let schema = format!("bench_aludel_{}", std::process::id());
        conn.batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}; \
             SET search_path TO {schema}"
        ))
        .unwrap();
        create_tables!(&mut conn);
        conn.batch_execute("ANALYZE bench_items").unwrap();
        let raw = conn.raw();
        let select = raw.prepare(raw_sql::PG_SELECT).unwrap();
        let load = raw.prepare(raw_sql::PG_LOAD).unwrap();
        let insert = raw.prepare(raw_sql::PG_INSERT).unwrap();
        Some(PgBench { conn, schema, select, load, insert })
    }
}

fn pg_row(r: &postgres::Row) -> Row {
    (r.get(0), r.get(1), r.get(2))
}

impl Backend for PgBench {
    aludel_workloads!();

    fn raw_select(&mut self, key: i32) -> Row {
        pg_row(&self.conn.raw().query_one(&self.select, &[&key]).unwrap())
    }

    fn raw_load(&mut self, n: i32) -> Vec<Row> {
        self.conn.raw().query(&self.load, &[&n]).unwrap().iter().map(pg_row).collect()
    }

    fn raw_insert(&mut self, names: &[String]) {
        let mut tx = self.conn.raw().transaction().unwrap();
        for (name, i) in names.iter().zip(0i32..) {
            tx.execute(&self.insert, &[name, &i]).unwrap();
        }
        tx.commit().unwrap();
    }
}

/// Runs every workload on `backend`, aludel and raw side by side.
fn workloads<B: Backend>(c: &mut Criterion, prefix: &str, backend: &mut B) {
    // Both sides must compute the same thing.
    assert_eq!(backend.aludel_select(42), backend.raw_select(42));
    for n in LOAD_SIZES {
        assert_eq!(backend.aludel_load(n), backend.raw_load(n));
    }

    let mut group = c.benchmark_group(format!("{prefix}/select_by_pk"));
    let mut key = 0;
    group.bench_function("aludel", |b| {
        b.iter(|| {
            key = key % ROWS + 1;
            black_box(backend.aludel_select(black_box(key)))
        })
    });
    group.bench_function("raw", |b| {
        b.iter(|| {
            key = key % ROWS + 1;
            black_box(backend.raw_select(black_box(key)))
        })
    });
    group.finish();

    for n in LOAD_SIZES {
        let mut group = c.benchmark_group(format!("{prefix}/load_rows_{n}"));
        group.bench_function("aludel", |b| b.iter(|| black_box(backend.aludel_load(black_box(n)))));
        group.bench_function("raw", |b| b.iter(|| black_box(backend.raw_load(black_box(n)))));
        group.finish();
    }

    let names: Vec<String> = (0..INSERTS).map(|i| format!("new row {i}")).collect();
    let mut group = c.benchmark_group(format!("{prefix}/insert_100_tx"));
    group.bench_function("aludel", |b| {
        b.iter_custom(|iters| timed(iters, backend, |b| b.aludel_insert(&names)))
    });
    group.bench_function("raw", |b| {
        b.iter_custom(|iters| timed(iters, backend, |b| b.raw_insert(&names)))
    });
    group.finish();
}

/// Times `iters` runs of `work`, emptying `bench_inserts` after each run, untimed.
fn timed<B: Backend>(iters: u64, backend: &mut B, work: impl Fn(&mut B)) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let start = Instant::now();
        work(backend);
        total += start.elapsed();
        backend.clear_inserts();
    }
    total
}

fn sqlite(c: &mut Criterion) {
    workloads(c, "sqlite", &mut SqliteBench::new());
}

fn postgres(c: &mut Criterion) {
    if let Some(mut pg) = PgBench::new() {
        workloads(c, "postgres", &mut pg);
    }
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = sqlite, postgres
}
criterion_main!(benches);
