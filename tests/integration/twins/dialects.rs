//! Twins of the PostgreSQL-only constructs tried on SQLite: the same query on PostgreSQL.

use super::schema::{posts, seed, users};
use aludel::prelude::*;

fn sorted<T: Ord>(mut rows: Vec<T>) -> Vec<T> {
    rows.sort();
    rows
}

crate::pg_twin!(any_subquery_on_sqlite, |conn| {
    seed(conn);
    let ids: Vec<i32> = users::table
        .select(users::id)
        .filter(users::id.eq(any(posts::table.select(posts::user_id))))
        .load(conn)
        .unwrap();
    assert_eq!(sorted(ids), [1, 2, 3]);
});

crate::pg_twin!(distinct_on_executed_on_sqlite, |conn| {
    seed(conn);
    let names: Vec<String> =
        users::table.select(users::name).distinct_on(users::name).load(conn).unwrap();
    assert_eq!(sorted(names), ["ada", "bob", "cy"]);
});

crate::pg_twin!(distinct_on_for_sqlite, |conn| {
    seed(conn);
    let q = users::table.select(users::name).distinct_on(users::name);
    assert!(q.compile::<Postgres>().sql().starts_with("SELECT DISTINCT ON"));
    let names: Vec<String> = q.load(conn).unwrap();
    assert_eq!(names.len(), 3);
});

crate::pg_twin!(for_update_on_sqlite, |conn| {
    seed(conn);
    let ids: Vec<i32> = users::table.select(users::id).for_update().load(conn).unwrap();
    assert_eq!(sorted(ids), [1, 2, 3]);
});

crate::pg_twin!(ilike_executed_on_sqlite, |conn| {
    seed(conn);
    let ids: Vec<i32> =
        users::table.select(users::id).filter(users::name.ilike("A%")).load(conn).unwrap();
    assert_eq!(ids, [1]);
});

crate::pg_twin!(ilike_for_sqlite, |conn| {
    seed(conn);
    let q = users::table.filter(users::name.ilike("a%"));
    assert!(q.compile::<Postgres>().sql().contains(" ILIKE "));
    let rows: Vec<(i32, String, Option<String>, i32)> = q.load(conn).unwrap();
    assert_eq!(rows.len(), 1);
});
