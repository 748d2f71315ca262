//! Loading a one-to-many relationship with each ORM loading strategy, against the same done by
//! hand with the core, in the same run.
//!
//! Data: 1 000 users with 10 posts each (10 000 posts), `rel_posts.user_id` indexed. One
//! criterion group per backend, `<backend>/users_1000_posts_10000`, with three functions;
//! each iteration loads every user with their posts, and only the load is timed (the check
//! of the result and the drop of the objects and session are not):
//!
//! - `select_in`: a fresh session, `query::<User>().load(User::posts()).all()`: the users,
//!   then the posts by `user_id IN (...)` in batches; SQLAlchemy's `selectinload`;
//! - `joined`: a fresh session, `query::<User>().all_joined(User::posts())`: one statement,
//!   the users LEFT OUTER JOINed to their posts, folded back into one object per user;
//!   SQLAlchemy's `joinedload`;
//! - `core_by_hand`: the core alone, no session: all users and all posts loaded into plain
//!   `#[derive(FromRow)]` structs (two queries), the posts grouped by `user_id` in a
//!   `HashMap`, giving `Vec<(UserRow, Vec<PostRow>)>`.
//!
//! Every iteration checks (untimed) that 1 000 users and 10 000 posts in all were loaded,
//! each post under its own user.
//!
//! SQLite in memory always; PostgreSQL at `ALUDEL_PG_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`) when reachable, in a schema of its own
//! dropped afterwards.
//! Run: `cargo bench --bench relations`.

use aludel::orm::{HasMany, Many, Model, Obj, Session};
use aludel::prelude::*;
use criterion::{Criterion, criterion_group, criterion_main};
use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

aludel::table! {
    rel_users (id) {
        id -> Integer,
        name -> Text,
    }
    rel_posts (id) {
        id -> Integer,
        #[references(rel_users::id)] #[index] user_id -> Integer,
        title -> Text,
    }
}

#[derive(Debug, Clone, Model)]
#[aludel(table = rel_users)]
struct User {
    id: i32,
    name: String,
    #[aludel(relation)]
    posts: Many<Post>,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = rel_posts)]
struct Post {
    id: i32,
    user_id: i32,
    title: String,
}

impl User {
    fn posts() -> HasMany<User, Post, rel_posts::user_id> {
        HasMany::new(|u| &mut u.posts)
    }
}

/// A user as the core loads it: a plain struct.
#[derive(Debug, Clone, FromRow)]
struct UserRow {
    id: i32,
    name: String,
}

/// A post as the core loads it: a plain struct.
#[derive(Debug, Clone, FromRow)]
struct PostRow {
    id: i32,
    user_id: i32,
    title: String,
}

const USERS: i32 = 1_000;
const POSTS_PER_USER: i32 = 10;
const POSTS: usize = (USERS * POSTS_PER_USER) as usize;

fn metadata() -> MetaData {
    MetaData::new([rel_users::table::def(), rel_posts::table::def()])
}

/// Creates the tables and fills them, in chunks of 1 000 rows. Setup, not timed.
fn create_and_fill<C: Connection>(conn: &mut C) {
    metadata().create_all(conn, CheckFirst::No).unwrap();
    let users: Vec<_> = (1..=USERS)
        .map(|id| (rel_users::id.eq(id), rel_users::name.eq(format!("user {id}"))))
        .collect();
    for chunk in users.chunks(1000) {
        insert(rel_users::table).values(chunk.to_vec()).execute(conn).unwrap();
    }
    let posts: Vec<_> = (0..USERS * POSTS_PER_USER)
        .map(|i| {
            // Interleaved: consecutive post ids belong to different users.
            let user_id = i % USERS + 1;
            (
                rel_posts::id.eq(i + 1),
                rel_posts::user_id.eq(user_id),
                rel_posts::title.eq(format!("post {} of user {user_id}", i / USERS)),
            )
        })
        .collect();
    for chunk in posts.chunks(1000) {
        insert(rel_posts::table).values(chunk.to_vec()).execute(conn).unwrap();
    }
}

/// The sum of the post ids `create_and_fill` writes: `1..=POSTS`.
const POST_ID_SUM: i64 = POSTS as i64 * (POSTS as i64 + 1) / 2;

/// 1 000 users, 10 000 posts in all, each under its own user, every post once.
fn check_objects(users: &[Obj<User>]) {
    assert_eq!(users.len(), USERS as usize);
    let (mut posts, mut id_sum) = (0, 0);
    for user in users {
        let user = user.borrow();
        assert!(!user.name.is_empty());
        for post in user.posts.get().unwrap() {
            let post = post.borrow();
            assert_eq!(post.user_id, user.id);
            assert!(!post.title.is_empty());
            posts += 1;
            id_sum += i64::from(post.id);
        }
    }
    assert_eq!((posts, id_sum), (POSTS, POST_ID_SUM));
}

/// The same check as [`check_objects`], on the core's rows.
fn check_rows(users: &[(UserRow, Vec<PostRow>)]) {
    assert_eq!(users.len(), USERS as usize);
    let (mut posts, mut id_sum) = (0, 0);
    for (user, user_posts) in users {
        assert!(!user.name.is_empty());
        for post in user_posts {
            assert_eq!(post.user_id, user.id);
            assert!(!post.title.is_empty());
            posts += 1;
            id_sum += i64::from(post.id);
        }
    }
    assert_eq!((posts, id_sum), (POSTS, POST_ID_SUM));
}

fn select_in<C: Connection>(conn: &mut C) -> Duration
where
    C::Dialect: aludel::dialect::SupportsReturning,
{
    let start = Instant::now();
    let mut session = Session::new(&mut *conn);
    let users = session.query::<User>().load(User::posts()).all().unwrap();
    let elapsed = start.elapsed();
    check_objects(black_box(&users));
    elapsed
}

fn joined<C: Connection>(conn: &mut C) -> Duration
where
    C::Dialect: aludel::dialect::SupportsReturning,
{
    let start = Instant::now();
    let mut session = Session::new(&mut *conn);
    let users = session.query::<User>().all_joined(User::posts()).unwrap();
    let elapsed = start.elapsed();
    check_objects(black_box(&users));
    elapsed
}

fn core_by_hand<C: Connection>(conn: &mut C) -> Duration {
    let start = Instant::now();
    let users: Vec<UserRow> = rel_users::table.load(&mut *conn).unwrap();
    let posts: Vec<PostRow> = rel_posts::table.load(&mut *conn).unwrap();
    let mut by_user: HashMap<i32, Vec<PostRow>> = HashMap::with_capacity(users.len());
    for post in posts {
        by_user.entry(post.user_id).or_default().push(post);
    }
    let loaded: Vec<(UserRow, Vec<PostRow>)> = users
        .into_iter()
        .map(|user| {
            let posts = by_user.remove(&user.id).unwrap_or_default();
            (user, posts)
        })
        .collect();
    let elapsed = start.elapsed();
    check_rows(black_box(&loaded));
    elapsed
}

fn bench_backend<C: Connection>(c: &mut Criterion, name: &str, conn: &mut C)
where
    C::Dialect: aludel::dialect::SupportsReturning,
{
    // Every side once before timing: the checks fail loudly rather than time a wrong load.
    select_in(conn);
    joined(conn);
    core_by_hand(conn);

    let mut group = c.benchmark_group(format!("{name}/users_1000_posts_10000"));
    group.sample_size(10).measurement_time(Duration::from_secs(4));
    group.bench_function("select_in", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| select_in(conn)).sum())
    });
    group.bench_function("joined", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| joined(conn)).sum())
    });
    group.bench_function("core_by_hand", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| core_by_hand(conn)).sum())
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let mut sqlite = SqliteConnection::open("sqlite::memory:").unwrap();
    create_and_fill(&mut sqlite);
    bench_backend(c, "sqlite_mem", &mut sqlite);

    let url = std::env::var("ALUDEL_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    match PgConnection::connect(&url) {
        Ok(mut pg) => {
            let schema = format!("bench_relations_{}", std::process::id());
            pg.batch_execute(&format!("CREATE SCHEMA {schema}; SET search_path TO {schema}"))
                .unwrap();
            create_and_fill(&mut pg);
            pg.batch_execute("ANALYZE rel_users; ANALYZE rel_posts").unwrap();
            bench_backend(c, "postgres", &mut pg);
            pg.batch_execute(&format!("DROP SCHEMA {schema} CASCADE")).unwrap();
        }
        Err(e) => eprintln!("skipping PostgreSQL: {e}"),
    }
}

criterion_group!(relations, benches);
criterion_main!(relations);
