//! Twins of the array and enum cases: the PostgreSQL-only types on PostgreSQL, and an enum
//! column compared with an enum value.

use aludel::prelude::*;
use aludel::schema::{CheckFirst, MetaData};

#[derive(Debug, Clone, Copy, PartialEq, aludel::SqlEnum)]
#[sql_enum(pg_type = "twin_mood")]
pub enum Mood {
    Happy,
    Sad,
}

#[derive(Debug, Clone, Copy, PartialEq, aludel::SqlEnum)]
#[sql_enum(text)]
pub enum Priority {
    Low,
    High,
}

aludel::table! {
    twin_posts (id) { id -> Integer, tags -> Array<Text>, }
    twin_people (id) { id -> Integer, mood -> Mood, }
    twin_tickets (id) { id -> Integer, priority -> Priority, }
}

crate::pg_twin!(array_column_for_sqlite, |conn| {
    MetaData::new([twin_posts::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(twin_posts::table)
        .values((twin_posts::id.eq(1), twin_posts::tags.eq(vec!["a", "b"])))
        .execute(conn)
        .unwrap();
    let q = twin_posts::table.select((twin_posts::id, twin_posts::tags));
    assert_eq!(
        q.compile::<Postgres>().sql(),
        r#"SELECT "twin_posts"."id", "twin_posts"."tags" FROM "twin_posts""#
    );
    let rows: Vec<(i32, Vec<String>)> = q.load(conn).unwrap();
    assert_eq!(rows, [(1, vec!["a".to_owned(), "b".to_owned()])]);
});

crate::pg_twin!(array_eq_any_for_sqlite, |conn| {
    MetaData::new([twin_posts::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(twin_posts::table)
        .values(vec![
            (twin_posts::id.eq(1), twin_posts::tags.eq(vec!["a"])),
            (twin_posts::id.eq(3), twin_posts::tags.eq(vec!["b"])),
        ])
        .execute(conn)
        .unwrap();
    let q = twin_posts::table.select(twin_posts::id).filter(twin_posts::id.eq_any(vec![1, 2]));
    assert_eq!(
        q.compile::<Postgres>().sql(),
        r#"SELECT "twin_posts"."id" FROM "twin_posts" WHERE ("twin_posts"."id" = ANY($1))"#
    );
    assert_eq!(q.load::<i32>(conn).unwrap(), [1]);
});

crate::pg_twin!(pg_enum_column_for_sqlite, |conn| {
    MetaData::new([twin_people::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(twin_people::table)
        .values(vec![
            (twin_people::id.eq(1), twin_people::mood.eq(Mood::Happy)),
            (twin_people::id.eq(2), twin_people::mood.eq(Mood::Sad)),
        ])
        .execute(conn)
        .unwrap();
    let q = twin_people::table.select(twin_people::id).filter(twin_people::mood.eq(Mood::Happy));
    assert_eq!(q.load::<i32>(conn).unwrap(), [1]);
});

crate::backend_test!(enum_compared_with_string, |conn| {
    MetaData::new([twin_tickets::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(twin_tickets::table)
        .values(vec![
            (twin_tickets::id.eq(1), twin_tickets::priority.eq(Priority::Low)),
            (twin_tickets::id.eq(2), twin_tickets::priority.eq(Priority::High)),
        ])
        .execute(conn)
        .unwrap();
    let q = twin_tickets::table
        .select(twin_tickets::id)
        .filter(twin_tickets::priority.eq(Priority::High));
    assert_eq!(q.load::<i32>(conn).unwrap(), [2]);
});

aludel::table! {
    twin_grids (id) { id -> Integer, cells -> Array<Integer>, }
}

crate::pg_twin!(array_of_arrays, |conn| {
    MetaData::new([twin_grids::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(twin_grids::table)
        .values((twin_grids::id.eq(1), twin_grids::cells.eq(vec![1, 2, 3])))
        .execute(conn)
        .unwrap();
    let q = twin_grids::table.select(twin_grids::cells);
    assert_eq!(q.compile::<Postgres>().sql(), r#"SELECT "twin_grids"."cells" FROM "twin_grids""#);
    assert_eq!(q.load::<Vec<i32>>(conn).unwrap(), [vec![1, 2, 3]]);
});
