//! Twins of the PostgreSQL-only cases (ILIKE, DISTINCT ON, FOR UPDATE, ANY): the same query
//! rendered for and run on PostgreSQL, where it is valid.

use super::schema::*;
use aludel::prelude::*;

crate::pg_twin!(ilike_executed_on_sqlite, |conn| {
    seed(conn);
    let ids: Vec<i32> =
        users::table.select(users::id).filter(users::name.ilike("A%")).load::<i32>(conn).unwrap();
    assert_eq!(ids, [1]);
});

crate::pg_twin!(ilike_for_sqlite, |conn| {
    seed(conn);
    let q = users::table.filter(users::name.ilike("a%"));
    assert_eq!(
        q.compile::<Postgres>().sql(),
        r#"SELECT "users"."id", "users"."name", "users"."email", "users"."age" FROM "users" WHERE ("users"."name" ILIKE $1)"#
    );
    let rows: Vec<(i32, String, Option<String>, i32)> = q.load(conn).unwrap();
    assert_eq!(rows, [(1, "ada".into(), Some("ada@example.com".into()), 36)]);
});

crate::pg_twin!(distinct_on_executed_on_sqlite, |conn| {
    seed(conn);
    insert(users::table)
        .values((users::name.eq("ada"), users::email.eq(None::<&str>), users::age.eq(50)))
        .execute(conn)
        .unwrap();
    let mut names =
        users::table.select(users::name).distinct_on(users::name).load::<String>(conn).unwrap();
    names.sort();
    assert_eq!(names, ["ada", "bob", "cy"]);
});

crate::pg_twin!(distinct_on_for_sqlite, |conn| {
    seed(conn);
    let q = users::table.select(users::name).distinct_on(users::name);
    assert_eq!(
        q.compile::<Postgres>().sql(),
        r#"SELECT DISTINCT ON ("users"."name") "users"."name" FROM "users""#
    );
    let mut names: Vec<String> = q.load(conn).unwrap();
    names.sort();
    assert_eq!(names, ["ada", "bob", "cy"]);
});

crate::pg_twin!(distinct_on_column_not_in_from, |conn| {
    seed(conn);
    // DISTINCT ON a column of a joined table: one row per title.
    let mut titles: Vec<String> = users::table
        .join(posts::table, posts::user_id.eq(users::id))
        .select(posts::title)
        .distinct_on(posts::title)
        .load(conn)
        .unwrap();
    titles.sort();
    assert_eq!(titles, ["again", "first", "hello", "last"]);
});

crate::pg_twin!(for_update_on_sqlite, |conn| {
    seed(conn);
    let ids: Vec<i32> = users::table.select(users::id).for_update().load::<i32>(conn).unwrap();
    assert_eq!(ids.len(), 3);
});

crate::pg_twin!(any_subquery_on_sqlite, |conn| {
    seed(conn);
    insert(users::table)
        .values((users::name.eq("dee"), users::email.eq(None::<&str>), users::age.eq(50)))
        .execute(conn)
        .unwrap();
    let mut ids: Vec<i32> = users::table
        .select(users::id)
        .filter(users::id.eq(any(posts::table.select(posts::user_id))))
        .load::<i32>(conn)
        .unwrap();
    ids.sort();
    assert_eq!(ids, [1, 2, 3]);
});
