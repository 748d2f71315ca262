//! aludel in five minutes: declare a schema, create it, and insert, query, update and delete
//! rows inside a transaction, printing every statement's SQL on the way.
//!
//! Runs on the embedded SQLite, in memory: `cargo run --example quickstart`.

use aludel::prelude::*;

aludel::table! {
    users (id) {
        id -> Integer,
        #[unique] name -> Text,
        #[default = 18] age -> Integer,
        email -> Nullable<Text>,
    }

    posts (id) {
        id -> Integer,
        #[references(users::id, on_delete = cascade)] user_id -> Integer,
        title -> Text,
    }
}

fn main() -> aludel::Result<()> {
    let mut conn = SqliteConnection::open("sqlite::memory:")?;

    // `create_all` orders the tables by their foreign keys: users before posts.
    MetaData::new([users::table::def(), posts::table::def()])
        .create_all(&mut conn, CheckFirst::No)?;
    println!("created tables `users` and `posts`\n");

    conn.transaction(|conn| -> aludel::Result<()> {
        // INSERT one row.
        let stmt = insert(users::table).values((
            users::name.eq("ada"),
            users::age.eq(36),
            users::email.eq(Some("ada@example.com")),
        ));
        println!("{}", stmt.compile::<Sqlite>());
        let inserted = stmt.execute(conn)?;
        println!("  -> inserted {inserted} user\n");

        // INSERT many rows in one statement and read the generated keys back. `age` is left
        // out, so its declared default (18) is bound.
        let stmt = insert(users::table)
            .values(vec![
                (users::name.eq("bob"), users::email.eq(None::<&str>)),
                (users::name.eq("cy"), users::email.eq(Some("cy@example.com"))),
                (users::name.eq("dee"), users::email.eq(None::<&str>)),
            ])
            .returning(users::id);
        println!("{}", stmt.compile::<Sqlite>());
        let ids: Vec<i32> = stmt.load(conn)?;
        println!("  -> new ids {ids:?}\n");
        assert_eq!(ids, [2, 3, 4]);

        let stmt = insert(posts::table).values(vec![
            (posts::user_id.eq(1), posts::title.eq("Notes on the Analytical Engine")),
            (posts::user_id.eq(1), posts::title.eq("Bernoulli numbers")),
            (posts::user_id.eq(2), posts::title.eq("Hello")),
        ]);
        println!("{}", stmt.compile::<Sqlite>());
        println!("  -> inserted {} posts\n", stmt.execute(conn)?);

        // SELECT chosen columns into tuples, with WHERE, ORDER BY and LIMIT.
        let query = users::table
            .select((users::id, users::name, users::age))
            .filter(users::age.ge(18).and(users::name.ne("cy")))
            .order_by(users::name.desc())
            .limit(2);
        println!("{}", query.compile::<Sqlite>());
        let rows: Vec<(i32, String, i32)> = query.load(conn)?;
        println!("  -> {rows:?}\n");
        assert_eq!(rows, [(4, "dee".to_owned(), 18), (2, "bob".to_owned(), 18)]);

        // A whole row; the nullable column loads into an `Option`.
        let query = users::table.filter(users::id.eq(1));
        println!("{}", query.compile::<Sqlite>());
        let ada: (i32, String, i32, Option<String>) = query.first(conn)?;
        println!("  -> {ada:?}\n");
        assert_eq!(ada.3.as_deref(), Some("ada@example.com"));

        let query =
            posts::table.select(posts::title).filter(posts::user_id.eq(1)).order_by(posts::id);
        println!("{}", query.compile::<Sqlite>());
        let titles: Vec<String> = query.load(conn)?;
        println!("  -> {titles:?}\n");
        assert_eq!(titles.len(), 2);

        // UPDATE with an expression over the column's own value.
        let stmt =
            update(users::table).set(users::age.eq(users::age + 1)).filter(users::email.is_null());
        println!("{}", stmt.compile::<Sqlite>());
        let updated = stmt.execute(conn)?;
        println!("  -> updated {updated} users\n");
        assert_eq!(updated, 2);

        // DELETE; bob's post goes with him (ON DELETE CASCADE).
        let stmt = delete(users::table).filter(users::name.like("b%"));
        println!("{}", stmt.compile::<Sqlite>());
        let deleted = stmt.execute(conn)?;
        println!("  -> deleted {deleted} user\n");
        assert_eq!(deleted, 1);

        let remaining: Vec<(i32, String)> =
            posts::table.select((posts::id, posts::title)).order_by(posts::id).load(conn)?;
        println!("posts left after the cascade: {remaining:?}");
        assert_eq!(remaining.len(), 2);
        Ok(())
    })?;

    // The transaction committed: the changes are visible outside it.
    let users_left: Vec<(String, i32)> =
        users::table.select((users::name, users::age)).order_by(users::id).load(&mut conn)?;
    println!("users after commit: {users_left:?}");
    assert_eq!(users_left, [("ada".to_owned(), 36), ("cy".to_owned(), 18), ("dee".to_owned(), 19)]);

    // Any statement renders for any dialect, without a connection.
    let query = users::table.select(users::name).filter(users::id.eq(7));
    println!("\nthe same query for PostgreSQL: {}", query.compile::<Postgres>());
    Ok(())
}
