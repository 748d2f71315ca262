//! The ORM session against the same work done with the core alone, in the same run.
//!
//! - `flush_10000_new`: 10 000 new objects added to a session and flushed (one transaction),
//!   generated keys read back into the objects; core: one `insert(..).values(vec)
//!   .returning(id)` in a transaction.
//! - `load_10000`: 10 000 rows loaded as tracked objects by a fresh session (identity map and
//!   snapshots included); core: `load::<Item>()` into plain structs.
//!
//! SQLite in memory always; PostgreSQL at `ALUDEL_PG_URL` when reachable.
//! Run: `cargo bench --bench orm`.

use aludel::orm::{Model, Session};
use aludel::prelude::*;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::{Duration, Instant};

aludel::table! {
    orm_items (id) {
        id -> Integer,
        name -> Text,
        qty -> Integer,
    }
}

#[derive(Debug, Clone, Model)]
#[aludel(table = orm_items)]
struct Item {
    #[aludel(generated)]
    id: Option<i32>,
    name: String,
    qty: i32,
}

const N: i32 = 10_000;

fn items() -> Vec<Item> {
    (0..N).map(|i| Item { id: None, name: format!("item {i}"), qty: i }).collect()
}

fn reset<C: Connection>(conn: &mut C) {
    conn.batch_execute("DELETE FROM orm_items").unwrap();
}

fn orm_flush<C: Connection>(conn: &mut C) -> Duration
where
    C::Dialect: aludel::dialect::SupportsReturning,
{
    reset(conn);
    let new = items();
    let start = Instant::now();
    let mut session = Session::new(conn);
    let added = session.add_all(new);
    session.commit().unwrap();
    let elapsed = start.elapsed();
    assert_eq!(added.last().unwrap().borrow().id.map(|_| ()), Some(()));
    elapsed
}

fn core_insert<C: Connection>(conn: &mut C) -> Duration
where
    C::Dialect: aludel::dialect::SupportsReturning,
{
    reset(conn);
    let new = items();
    let start = Instant::now();
    let ids: Vec<i32> = conn
        .transaction(|conn| {
            insert(orm_items::table)
                .values(
                    new.iter()
                        .map(|i| (orm_items::name.eq(&i.name), orm_items::qty.eq(i.qty)))
                        .collect::<Vec<_>>(),
                )
                .returning(orm_items::id)
                .load(conn)
        })
        .unwrap();
    let elapsed = start.elapsed();
    assert_eq!(ids.len(), N as usize);
    elapsed
}

fn bench_backend<C: Connection>(c: &mut Criterion, name: &str, conn: &mut C)
where
    C::Dialect: aludel::dialect::SupportsReturning,
{
    let mut group = c.benchmark_group(format!("{name}/flush_10000_new"));
    group.sample_size(10).measurement_time(Duration::from_secs(4));
    group.bench_function("orm", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| orm_flush(conn)).sum())
    });
    group.bench_function("core", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| core_insert(conn)).sum())
    });
    group.finish();

    core_insert(conn);
    let mut group = c.benchmark_group(format!("{name}/load_10000"));
    group.sample_size(10).measurement_time(Duration::from_secs(4));
    group.bench_function("orm", |b| {
        b.iter(|| {
            let mut session = Session::new(&mut *conn);
            let all = session.query::<Item>().all().unwrap();
            assert_eq!(all.len(), N as usize);
            black_box(all.len())
        })
    });
    group.bench_function("core", |b| {
        b.iter(|| {
            let all: Vec<Item> = orm_items::table.load(&mut *conn).unwrap();
            assert_eq!(all.len(), N as usize);
            black_box(all.len())
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let mut sqlite = SqliteConnection::open("sqlite::memory:").unwrap();
    MetaData::new([orm_items::table::def()]).create_all(&mut sqlite, CheckFirst::No).unwrap();
    bench_backend(c, "sqlite_mem", &mut sqlite);

    let url = std::env::var("ALUDEL_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    match PgConnection::connect(&url) {
        Ok(mut pg) => {
            let schema = format!("bench_orm_{}", std::process::id());
            pg.batch_execute(&format!("CREATE SCHEMA {schema}; SET search_path TO {schema}"))
                .unwrap();
            MetaData::new([orm_items::table::def()]).create_all(&mut pg, CheckFirst::No).unwrap();
            bench_backend(c, "postgres", &mut pg);
            pg.batch_execute(&format!("DROP SCHEMA {schema} CASCADE")).unwrap();
        }
        Err(e) => eprintln!("skipping PostgreSQL: {e}"),
    }
}

criterion_group!(orm, benches);
criterion_main!(orm);
