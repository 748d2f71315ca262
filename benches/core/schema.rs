//! The benchmark schema, the row structs both sides load into, and the data sizes.

use aludel::prelude::*;

aludel::table! {
    /// Read by `select_by_pk` and `load_rows_N`: ids `1..=ITEMS`.
    bench_items (id) {
        id -> Integer,
        name -> Text,
        score -> Integer,
    }

    /// Written by `insert_N_returning` (emptied between iterations, keys restarted at 1).
    bench_inserts (id) {
        id -> Integer,
        name -> Text,
        score -> Integer,
    }

    /// Rewritten by `update_10000_by_pk`: ids `1..=ITEMS`.
    bench_updates (id) {
        id -> Integer,
        name -> Text,
        score -> Integer,
    }

    /// The left side of `left_join`: ids `1..=USERS`.
    bench_users (id) {
        id -> Integer,
        name -> Text,
        email -> Text,
    }

    /// The right side of `left_join`: user `u` has `u % 5` posts.
    bench_posts (id) {
        id -> Integer,
        #[references(bench_users::id)] user_id -> Integer,
        title -> Text,
    }

    /// Read by `stream_1m_sum`: `STREAM_ROWS` rows, `n = id % 1000`.
    bench_stream (id) {
        id -> Integer,
        n -> BigInt,
    }
}

/// Rows in `bench_items` and `bench_updates`.
pub const ITEMS: i32 = 10_000;
/// Rows in `bench_users`.
pub const USERS: i32 = 1_000;
/// Users selected by `left_join` (`bench_users.id <= JOIN_USERS`): 220 joined rows.
pub const JOIN_USERS: i32 = 100;
/// Rows in `bench_stream`.
pub const STREAM_ROWS: i64 = 1_000_000;
pub const LOAD_SIZES: [i32; 3] = [1, 100, 10_000];
pub const INSERT_SIZES: [usize; 3] = [1, 100, 10_000];

/// The expected result of `stream_1m_sum`.
pub fn stream_sum() -> i64 {
    (1..=STREAM_ROWS).map(|id| id % 1000).sum()
}

/// A 3-column row: what `select_by_pk`, `load_rows_N` and the update check load.
#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct Item {
    pub id: i32,
    pub name: String,
    pub score: i32,
}

#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct User {
    pub id: i32,
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct Post {
    pub id: i32,
    pub user_id: i32,
    pub title: String,
}

/// A row to insert.
#[derive(Debug, Clone)]
pub struct NewItem {
    pub name: String,
    pub score: i32,
}

pub fn new_items(n: usize) -> Vec<NewItem> {
    (0..n).map(|i| NewItem { name: format!("new row {i}"), score: (i % 1000) as i32 }).collect()
}

/// The score `update_10000_by_pk` writes into row `id` in the run numbered `seed`.
#[inline]
pub fn updated_score(id: i32, seed: i32) -> i32 {
    (id.wrapping_mul(7).wrapping_add(seed)).rem_euclid(1000)
}

/// The tables, in foreign-key order.
pub fn metadata() -> MetaData {
    MetaData::new([
        bench_items::table::def(),
        bench_inserts::table::def(),
        bench_updates::table::def(),
        bench_users::table::def(),
        bench_posts::table::def(),
        bench_stream::table::def(),
    ])
}

/// Creates the tables and fills all but `bench_stream` (which each backend fills with one
/// set-based statement of its own), with aludel in chunks of 1000 rows. Setup, not timed.
#[macro_export]
macro_rules! create_and_fill {
    ($conn:expr) => {{
        use $crate::schema::*;
        metadata().create_all($conn, CheckFirst::No).unwrap();
        let ids: Vec<i32> = (1..=ITEMS).collect();
        for chunk in ids.chunks(1000) {
            let items: Vec<_> = chunk
                .iter()
                .map(|&id| {
                    (
                        bench_items::id.eq(id),
                        bench_items::name.eq(format!("item {id}")),
                        bench_items::score.eq(id % 97),
                    )
                })
                .collect();
            insert(bench_items::table).values(items).execute($conn).unwrap();
            let updates: Vec<_> = chunk
                .iter()
                .map(|&id| {
                    (
                        bench_updates::id.eq(id),
                        bench_updates::name.eq(format!("item {id}")),
                        bench_updates::score.eq(0),
                    )
                })
                .collect();
            insert(bench_updates::table).values(updates).execute($conn).unwrap();
        }
        let users: Vec<_> = (1..=USERS)
            .map(|id| {
                (
                    bench_users::id.eq(id),
                    bench_users::name.eq(format!("user {id}")),
                    bench_users::email.eq(format!("user{id}@example.com")),
                )
            })
            .collect();
        insert(bench_users::table).values(users).execute($conn).unwrap();
        let posts: Vec<_> = (1..=USERS)
            .flat_map(|u| (0..u % 5).map(move |k| (u, k)))
            .map(|(u, k)| {
                (bench_posts::user_id.eq(u), bench_posts::title.eq(format!("post {k} of user {u}")))
            })
            .collect();
        insert(bench_posts::table).values(posts).execute($conn).unwrap();
    }};
}
