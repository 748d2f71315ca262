//! Twins of the PostgreSQL-only interval cases tried on SQLite: the same query on PostgreSQL.

use aludel::prelude::*;
use aludel::types::PgInterval;

aludel::table! {
    trials (id) { id -> Integer, started -> Timestamp, ended -> Timestamp, }
}

crate::pg_twin!(interval_arithmetic_on_sqlite, |conn| {
    conn.batch_execute(
        "CREATE TABLE trials (id INTEGER PRIMARY KEY, started TIMESTAMP NOT NULL, \
         ended TIMESTAMP NOT NULL); \
         INSERT INTO trials VALUES (1, '2024-01-31 08:00', '2024-02-02 09:30')",
    )
    .unwrap();
    let spans = trials::table
        .select(trials::ended.interval_since(trials::started))
        .load::<PgInterval>(conn)
        .unwrap();
    assert_eq!(spans, [PgInterval::days(2) + PgInterval::seconds(5400)]);
});

aludel::table! {
    spans (id) { id -> Integer, maybe -> Nullable<Interval>, }
}

crate::pg_twin!(interval_value_bound_on_sqlite, |conn| {
    // The same INSERT on PostgreSQL, which has intervals.
    MetaData::new([spans::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(spans::table)
        .values((spans::id.eq(1), spans::maybe.eq(Some(PgInterval::days(1)))))
        .execute(conn)
        .unwrap();
    let back: Option<PgInterval> = spans::table.select(spans::maybe).first(conn).unwrap();
    assert_eq!(back, Some(PgInterval::days(1)));
});
