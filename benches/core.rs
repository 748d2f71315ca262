//! aludel against the raw driver, the same workload measured in the same run.
//!
//! Each workload is a criterion group named `<backend>/<workload>` with two functions,
//! `aludel` and `raw`, so the two sit side by side in the report. Backends:
//!
//! - `sqlite_mem`: SQLite in memory;
//! - `sqlite_file`: SQLite on a file in the temp dir, WAL journal with `synchronous = NORMAL`;
//! - `postgres`: PostgreSQL at `ALUDEL_PG_URL` (default
//!   `postgres://postgres@127.0.0.1:5432/postgres`), in a schema of its own dropped
//!   afterwards; skipped when the server is unreachable.
//!
//! Workloads (one criterion iteration is what is timed):
//!
//! - `select_by_pk`: ONE lookup of a 3-column row by primary key into a struct, a new key
//!   (and a newly built query) every iteration, cycling over the 10 000 ids;
//! - `load_rows_N`: N rows of a 3-column table into `#[derive(FromRow)]` structs, N = 1,
//!   100, 10 000;
//! - `left_join`: users LEFT JOIN posts for 100 users (220 rows, 20 without posts), ordered,
//!   into `(User, Option<Post>)` (aludel: the join's default selection);
//! - `insert_returning_N`: N rows inserted in one transaction, generated keys read back;
//!   aludel: `insert(..).values(vec).returning(id).load(conn)`; raw SQLite: a prepared
//!   `INSERT .. RETURNING id` per row; raw PostgreSQL: one `INSERT .. SELECT * FROM
//!   unnest($1::text[], $2::int4[]) RETURNING id` (the table is emptied, untimed, before
//!   each criterion sample);
//! - `update_10000_by_pk`: 10 000 single-row UPDATEs by primary key in one transaction;
//!   aludel: `aludel::conn::execute_many`; raw: a prepared UPDATE executed 10 000 times
//!   between BEGIN and COMMIT;
//! - `stream_1m_sum`: 1 000 000 rows streamed and one BIGINT column summed; aludel:
//!   `.for_each`; raw: `rusqlite` row iteration / `postgres` `query_raw` iteration.
//!
//! Before timing, every workload checks that both sides return the same result. Raw SQLite
//! goes through `rusqlite`'s `prepare_cached`, raw PostgreSQL through statements prepared
//! once; both run on aludel's own connection (`conn.raw()`).
//!
//! Run: `cargo bench --bench core`; then `python3 benches/core/summarize.py` prints the
//! medians and ratios from `target/criterion`.

#[path = "core/postgres.rs"]
mod postgres;
#[path = "core/schema.rs"]
mod schema;
#[path = "core/sqlite.rs"]
mod sqlite;
#[path = "core/with_aludel.rs"]
mod with_aludel;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, SamplingMode, criterion_group, criterion_main};
use schema::*;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// One backend: each workload written with aludel and against the raw driver.
pub trait Backend {
    fn aludel_select(&mut self, key: i32) -> Item;
    fn raw_select(&mut self, key: i32) -> Item;
    fn aludel_load(&mut self, n: i32) -> Vec<Item>;
    fn raw_load(&mut self, n: i32) -> Vec<Item>;
    fn aludel_join(&mut self, users: i32) -> Vec<(User, Option<Post>)>;
    fn raw_join(&mut self, users: i32) -> Vec<(User, Option<Post>)>;
    fn aludel_insert(&mut self, rows: &[NewItem]) -> Vec<i32>;
    fn raw_insert(&mut self, rows: &[NewItem]) -> Vec<i32>;
    /// Empties `bench_inserts` and restarts its keys at 1 (untimed).
    fn clear_inserts(&mut self);
    fn aludel_update(&mut self, seed: i32) -> usize;
    fn raw_update(&mut self, seed: i32) -> usize;
    /// `bench_updates` by id, to compare the two sides' updates.
    fn updated_rows(&mut self) -> Vec<Item>;
    fn aludel_stream(&mut self) -> i64;
    fn raw_stream(&mut self) -> i64;
}

/// Both sides must compute the same thing before either is timed.
fn check<B: Backend>(b: &mut B) {
    for key in [1, 42, ITEMS] {
        let row = b.aludel_select(key);
        assert_eq!(row.id, key);
        assert_eq!(row, b.raw_select(key));
    }
    for n in LOAD_SIZES {
        let rows = b.aludel_load(n);
        assert_eq!(rows.len(), n as usize);
        assert_eq!(rows, b.raw_load(n));
    }
    let joined = b.aludel_join(JOIN_USERS);
    assert_eq!(joined.len(), 220);
    assert_eq!(joined.iter().filter(|(_, post)| post.is_none()).count(), 20);
    assert_eq!(joined, b.raw_join(JOIN_USERS));
    for n in INSERT_SIZES {
        let rows = new_items(n);
        let expected: Vec<i32> = (1..=n as i32).collect();
        b.clear_inserts();
        assert_eq!(b.aludel_insert(&rows), expected);
        b.clear_inserts();
        assert_eq!(b.raw_insert(&rows), expected);
        b.clear_inserts();
    }
    assert_eq!(b.aludel_update(3), ITEMS as usize);
    let by_aludel = b.updated_rows();
    assert!(by_aludel.iter().all(|r| r.score == updated_score(r.id, 3)));
    assert_eq!(b.raw_update(4), ITEMS as usize);
    assert_ne!(b.updated_rows(), by_aludel);
    assert_eq!(b.raw_update(3), ITEMS as usize);
    assert_eq!(b.updated_rows(), by_aludel);
    assert_eq!(b.aludel_stream(), stream_sum());
    assert_eq!(b.raw_stream(), stream_sum());
}

/// A group for a workload that takes milliseconds or more per iteration: few samples, each
/// the same number of iterations.
fn heavy(group: &mut BenchmarkGroup<'_, WallTime>) {
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(3));
}

/// Runs every workload on `backend`, aludel and raw side by side.
fn workloads<B: Backend>(c: &mut Criterion, prefix: &str, backend: &mut B) {
    check(backend);

    let mut group = c.benchmark_group(format!("{prefix}/select_by_pk"));
    let mut key = 0;
    group.bench_function("aludel", |b| {
        b.iter(|| {
            key = key % ITEMS + 1;
            black_box(backend.aludel_select(black_box(key)))
        })
    });
    group.bench_function("raw", |b| {
        b.iter(|| {
            key = key % ITEMS + 1;
            black_box(backend.raw_select(black_box(key)))
        })
    });
    group.finish();

    for n in LOAD_SIZES {
        let mut group = c.benchmark_group(format!("{prefix}/load_rows_{n}"));
        if n >= 10_000 {
            heavy(&mut group);
        }
        group.bench_function("aludel", |b| b.iter(|| black_box(backend.aludel_load(black_box(n)))));
        group.bench_function("raw", |b| b.iter(|| black_box(backend.raw_load(black_box(n)))));
        group.finish();
    }

    let mut group = c.benchmark_group(format!("{prefix}/left_join"));
    group.bench_function("aludel", |b| {
        b.iter(|| black_box(backend.aludel_join(black_box(JOIN_USERS))))
    });
    group.bench_function("raw", |b| b.iter(|| black_box(backend.raw_join(black_box(JOIN_USERS)))));
    group.finish();

    for n in INSERT_SIZES {
        let rows = new_items(n);
        let mut group = c.benchmark_group(format!("{prefix}/insert_returning_{n}"));
        if n >= 10_000 {
            heavy(&mut group);
        }
        group.bench_function("aludel", |b| {
            b.iter_custom(|iters| per_sample(iters, backend, |b| b.aludel_insert(&rows)))
        });
        group.bench_function("raw", |b| {
            b.iter_custom(|iters| per_sample(iters, backend, |b| b.raw_insert(&rows)))
        });
        group.finish();
    }

    let mut group = c.benchmark_group(format!("{prefix}/update_10000_by_pk"));
    heavy(&mut group);
    let mut seed = 10;
    group.bench_function("aludel", |b| {
        b.iter(|| {
            seed += 1;
            black_box(backend.aludel_update(seed))
        })
    });
    group.bench_function("raw", |b| {
        b.iter(|| {
            seed += 1;
            black_box(backend.raw_update(seed))
        })
    });
    group.finish();

    let mut group = c.benchmark_group(format!("{prefix}/stream_1m_sum"));
    heavy(&mut group);
    group.bench_function("aludel", |b| b.iter(|| black_box(backend.aludel_stream())));
    group.bench_function("raw", |b| b.iter(|| black_box(backend.raw_stream())));
    group.finish();
}

/// Times `iters` runs of `work` after emptying `bench_inserts` (untimed, once per sample).
fn per_sample<B: Backend, T>(iters: u64, backend: &mut B, work: impl Fn(&mut B) -> T) -> Duration {
    backend.clear_inserts();
    let start = Instant::now();
    for _ in 0..iters {
        black_box(work(backend));
    }
    start.elapsed()
}

fn sqlite_mem(c: &mut Criterion) {
    workloads(c, "sqlite_mem", &mut sqlite::SqliteBench::memory());
}

fn sqlite_file(c: &mut Criterion) {
    workloads(c, "sqlite_file", &mut sqlite::SqliteBench::file());
}

fn postgres(c: &mut Criterion) {
    if let Some(mut pg) = postgres::PgBench::new() {
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
    targets = sqlite_mem, sqlite_file, postgres
}
criterion_main!(benches);
