//! SQLite, in memory and on a file, with raw `rusqlite` (`prepare_cached`) beside aludel on
//! the same connection.

use crate::Backend;
use crate::schema::*;
use aludel::prelude::*;
use std::path::PathBuf;

/// The raw SQL, as a `rusqlite` user writes it.
mod sql {
    pub const SELECT: &str = "SELECT id, name, score FROM bench_items WHERE id = ?1";
    pub const LOAD: &str = "SELECT id, name, score FROM bench_items WHERE id <= ?1";
    pub const JOIN: &str = "SELECT u.id, u.name, u.email, p.id, p.user_id, p.title \
                            FROM bench_users u LEFT JOIN bench_posts p ON p.user_id = u.id \
                            WHERE u.id <= ?1 ORDER BY u.id, p.id";
    pub const INSERT: &str = "INSERT INTO bench_inserts (name, score) VALUES (?1, ?2) RETURNING id";
    pub const UPDATE: &str = "UPDATE bench_updates SET score = ?1 WHERE id = ?2";
    pub const STREAM: &str = "SELECT n FROM bench_stream";
    pub const FILL_STREAM: &str = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c \
                                   WHERE x < 1000000) \
                                   INSERT INTO bench_stream (id, n) SELECT x, x % 1000 FROM c";
}

pub struct SqliteBench {
    conn: SqliteConnection,
    /// The database file (and its `-wal`/`-shm` companions), removed on drop.
    file: Option<PathBuf>,
}

impl SqliteBench {
    /// A private in-memory database.
    pub fn memory() -> Self {
        Self::setup(SqliteConnection::open("sqlite::memory:").unwrap(), None)
    }

    /// A new database file in the temp dir, in WAL mode with `synchronous = NORMAL` (the
    /// usual setting for applications: commits append to the WAL without an fsync each).
    pub fn file() -> Self {
        let path = std::env::temp_dir().join(format!("aludel_bench_{}.db", std::process::id()));
        remove_db(&path);
        let mut conn = SqliteConnection::open(&format!("sqlite://{}", path.display())).unwrap();
        conn.batch_execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL").unwrap();
        Self::setup(conn, Some(path))
    }

    fn setup(mut conn: SqliteConnection, file: Option<PathBuf>) -> Self {
        crate::create_and_fill!(&mut conn);
        conn.batch_execute(sql::FILL_STREAM).unwrap();
        conn.batch_execute("ANALYZE").unwrap();
        SqliteBench { conn, file }
    }
}

fn remove_db(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
}

impl Drop for SqliteBench {
    fn drop(&mut self) {
        if let Some(path) = &self.file {
            // Close first: replace the connection with an in-memory one.
            self.conn = SqliteConnection::open("sqlite::memory:").unwrap();
            remove_db(path);
        }
    }
}

fn item(r: &rusqlite::Row<'_>) -> rusqlite::Result<Item> {
    Ok(Item { id: r.get(0)?, name: r.get(1)?, score: r.get(2)? })
}

impl Backend for SqliteBench {
    crate::aludel_workloads!();

    fn raw_select(&mut self, key: i32) -> Item {
        let raw = self.conn.raw();
        let mut stmt = raw.prepare_cached(sql::SELECT).unwrap();
        stmt.query_row([key], item).unwrap()
    }

    fn raw_load(&mut self, n: i32) -> Vec<Item> {
        let raw = self.conn.raw();
        let mut stmt = raw.prepare_cached(sql::LOAD).unwrap();
        stmt.query_map([n], item).unwrap().collect::<rusqlite::Result<_>>().unwrap()
    }

    fn raw_join(&mut self, users: i32) -> Vec<(User, Option<Post>)> {
        let raw = self.conn.raw();
        let mut stmt = raw.prepare_cached(sql::JOIN).unwrap();
        stmt.query_map([users], |r| {
            let user = User { id: r.get(0)?, name: r.get(1)?, email: r.get(2)? };
            let post = match r.get::<_, Option<i32>>(3)? {
                Some(id) => Some(Post { id, user_id: r.get(4)?, title: r.get(5)? }),
                None => None,
            };
            Ok((user, post))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    }

    fn raw_insert(&mut self, rows: &[NewItem]) -> Vec<i32> {
        let tx = self.conn.raw().transaction().unwrap();
        let mut ids = Vec::with_capacity(rows.len());
        {
            let mut stmt = tx.prepare_cached(sql::INSERT).unwrap();
            for row in rows {
                ids.push(stmt.query_row((&row.name, row.score), |r| r.get(0)).unwrap());
            }
        }
        tx.commit().unwrap();
        ids
    }

    fn clear_inserts(&mut self) {
        // An INTEGER PRIMARY KEY without AUTOINCREMENT restarts at 1 in an empty table.
        self.conn.batch_execute("DELETE FROM bench_inserts").unwrap();
    }

    fn raw_update(&mut self, seed: i32) -> usize {
        let tx = self.conn.raw().transaction().unwrap();
        let mut changed = 0;
        {
            let mut stmt = tx.prepare_cached(sql::UPDATE).unwrap();
            for id in 1..=ITEMS {
                changed += stmt.execute([updated_score(id, seed), id]).unwrap();
            }
        }
        tx.commit().unwrap();
        changed
    }

    fn raw_stream(&mut self) -> i64 {
        let raw = self.conn.raw();
        let mut stmt = raw.prepare_cached(sql::STREAM).unwrap();
        let mut rows = stmt.query([]).unwrap();
        let mut total = 0i64;
        while let Some(row) = rows.next().unwrap() {
            total += row.get::<_, i64>(0).unwrap();
        }
        total
    }
}
