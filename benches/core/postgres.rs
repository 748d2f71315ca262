//! PostgreSQL at `ALUDEL_PG_URL`, in a schema of its own (dropped afterwards), with raw
//! `postgres` statements (prepared once) beside aludel on the same connection.

use crate::Backend;
use crate::schema::*;
use aludel::prelude::*;
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Row, Statement};

/// The raw SQL, as a `postgres` user writes it.
mod sql {
    pub const SELECT: &str = "SELECT id, name, score FROM bench_items WHERE id = $1";
    pub const LOAD: &str = "SELECT id, name, score FROM bench_items WHERE id <= $1";
    pub const JOIN: &str = "SELECT u.id, u.name, u.email, p.id, p.user_id, p.title \
                            FROM bench_users u LEFT JOIN bench_posts p ON p.user_id = u.id \
                            WHERE u.id <= $1 ORDER BY u.id, p.id";
    /// Many rows in one statement and one round trip: the arrays idiom.
    pub const INSERT: &str = "INSERT INTO bench_inserts (name, score) \
                              SELECT * FROM unnest($1::text[], $2::int4[]) RETURNING id";
    pub const UPDATE: &str = "UPDATE bench_updates SET score = $1 WHERE id = $2";
    pub const STREAM: &str = "SELECT n FROM bench_stream";
    pub const FILL_STREAM: &str = "INSERT INTO bench_stream (id, n) \
                                   SELECT x, x % 1000 FROM generate_series(1, 1000000) AS x";
}

struct Prepared {
    select: Statement,
    load: Statement,
    join: Statement,
    insert: Statement,
    update: Statement,
    stream: Statement,
}

pub struct PgBench {
    conn: PgConnection,
    schema: String,
    stmt: Prepared,
}

impl Drop for PgBench {
    fn drop(&mut self) {
        let _ = self.conn.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
    }
}

impl PgBench {
    /// Connects and builds the tables in a new schema, or `None` when the server is down.
    pub fn new() -> Option<Self> {
        let url = std::env::var("ALUDEL_PG_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
        let mut conn = match PgConnection::connect(&url) {
            Ok(conn) => conn,
            Err(e) => {
                eprintln!("skipping the PostgreSQL benchmarks ({url}): {e}");
                return None;
            }
        };
        let schema = format!("bench_aludel_{}", std::process::id());
        conn.batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}; \
             SET search_path TO {schema}"
        ))
        .unwrap();
        crate::create_and_fill!(&mut conn);
        conn.batch_execute(sql::FILL_STREAM).unwrap();
        conn.batch_execute("VACUUM ANALYZE").unwrap();
        let raw = conn.raw();
        let stmt = Prepared {
            select: raw.prepare(sql::SELECT).unwrap(),
            load: raw.prepare(sql::LOAD).unwrap(),
            join: raw.prepare(sql::JOIN).unwrap(),
            insert: raw.prepare(sql::INSERT).unwrap(),
            update: raw.prepare(sql::UPDATE).unwrap(),
            stream: raw.prepare(sql::STREAM).unwrap(),
        };
        Some(PgBench { conn, schema, stmt })
    }
}

fn item(r: &Row) -> Item {
    Item { id: r.get(0), name: r.get(1), score: r.get(2) }
}

impl Backend for PgBench {
    crate::aludel_workloads!();

    fn raw_select(&mut self, key: i32) -> Item {
        item(&self.conn.raw().query_one(&self.stmt.select, &[&key]).unwrap())
    }

    fn raw_load(&mut self, n: i32) -> Vec<Item> {
        self.conn.raw().query(&self.stmt.load, &[&n]).unwrap().iter().map(item).collect()
    }

    fn raw_join(&mut self, users: i32) -> Vec<(User, Option<Post>)> {
        let rows = self.conn.raw().query(&self.stmt.join, &[&users]).unwrap();
        rows.iter()
            .map(|r| {
                let user = User { id: r.get(0), name: r.get(1), email: r.get(2) };
                let post = r.get::<_, Option<i32>>(3).map(|id| Post {
                    id,
                    user_id: r.get(4),
                    title: r.get(5),
                });
                (user, post)
            })
            .collect()
    }

    fn raw_insert(&mut self, rows: &[NewItem]) -> Vec<i32> {
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        let scores: Vec<i32> = rows.iter().map(|r| r.score).collect();
        let mut tx = self.conn.raw().transaction().unwrap();
        let ids = tx
            .query(&self.stmt.insert, &[&names, &scores])
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        tx.commit().unwrap();
        ids
    }

    fn clear_inserts(&mut self) {
        self.conn.batch_execute("TRUNCATE bench_inserts RESTART IDENTITY").unwrap();
    }

    fn raw_update(&mut self, seed: i32) -> usize {
        let mut tx = self.conn.raw().transaction().unwrap();
        let mut changed = 0;
        for id in 1..=ITEMS {
            changed += tx.execute(&self.stmt.update, &[&updated_score(id, seed), &id]).unwrap();
        }
        tx.commit().unwrap();
        changed as usize
    }

    fn raw_stream(&mut self) -> i64 {
        let mut rows =
            self.conn.raw().query_raw(&self.stmt.stream, std::iter::empty::<i32>()).unwrap();
        let mut total = 0i64;
        while let Some(row) = rows.next().unwrap() {
            total += row.get::<_, i64>(0);
        }
        total
    }
}
