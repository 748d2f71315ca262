//! Date arithmetic beyond days: months and years, with the same end-of-month rule on both
//! databases (a day past the end of the target month is clamped to its last day), and
//! PostgreSQL intervals as values.

#![cfg(feature = "chrono")]

use aludel::prelude::*;
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

aludel::table! {
    calendar (id) {
        id -> Integer,
        day -> Date,
        at -> Timestamp,
        instant -> TimestampTz,
        shift -> Integer,
        until -> Nullable<Date>,
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}
fn t(y: i32, m: u32, day: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_milli_opt(10, 30, 0, 250).unwrap()
}
fn utc(y: i32, m: u32, day: u32) -> DateTime<Utc> {
    t(y, m, day).and_utc()
}

/// End of a 31-day month, a leap day, end of March before a 28-day February, mid-December.
const DAYS: [(i32, u32, u32); 4] = [(2024, 1, 31), (2024, 2, 29), (2023, 3, 31), (2024, 12, 15)];

fn seed<C: Connection>(conn: &mut C) {
    MetaData::new([calendar::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    use calendar::*;
    let rows: Vec<_> = DAYS
        .iter()
        .zip([1, -1, 11, -12])
        .map(|(&(y, m, dd), n)| {
            (
                day.eq(d(y, m, dd)),
                at.eq(t(y, m, dd)),
                instant.eq(utc(y, m, dd)),
                shift.eq(n),
                until.eq(Some(d(y, m, dd))),
            )
        })
        .collect();
    insert(table).values(rows).execute(conn).unwrap();
}

crate::backend_test!(add_months_clamps_to_the_end_of_the_month, |conn| {
    seed(conn);
    use calendar::*;
    let shifted: Vec<(NaiveDate, NaiveDate, NaiveDate)> = table
        .select((day.add_months(1), day.add_months(-1), day.add_months(13)))
        .order_by(id)
        .load(conn)
        .unwrap();
    assert_eq!(
        shifted,
        [
            (d(2024, 2, 29), d(2023, 12, 31), d(2025, 2, 28)),
            (d(2024, 3, 29), d(2024, 1, 29), d(2025, 3, 29)),
            (d(2023, 4, 30), d(2023, 2, 28), d(2024, 4, 30)),
            (d(2025, 1, 15), d(2024, 11, 15), d(2026, 1, 15)),
        ]
    );
    // The amount may be an expression (here a column), negative too.
    let by_column: Vec<(NaiveDate, NaiveDateTime, DateTime<Utc>, Option<NaiveDate>)> = table
        .select((
            day.add_months(shift),
            at.add_months(shift),
            instant.add_months(shift),
            until.add_months(shift),
        ))
        .order_by(id)
        .load(conn)
        .unwrap();
    assert_eq!(
        by_column,
        [
            (d(2024, 2, 29), t(2024, 2, 29), utc(2024, 2, 29), Some(d(2024, 2, 29))),
            (d(2024, 1, 29), t(2024, 1, 29), utc(2024, 1, 29), Some(d(2024, 1, 29))),
            (d(2024, 2, 29), t(2024, 2, 29), utc(2024, 2, 29), Some(d(2024, 2, 29))),
            (d(2023, 12, 15), t(2023, 12, 15), utc(2023, 12, 15), Some(d(2023, 12, 15))),
        ]
    );
    // In a filter: rows whose day plus a month is still in February 2024.
    let ids: Vec<i32> = table
        .select(id)
        .filter(day.add_months(1).between(d(2024, 2, 1), d(2024, 2, 29)))
        .load(conn)
        .unwrap();
    assert_eq!(ids, [1]);
});

crate::backend_test!(add_years_clamps_the_leap_day, |conn| {
    seed(conn);
    use calendar::*;
    let shifted: Vec<(NaiveDate, NaiveDate, NaiveDateTime, DateTime<Utc>)> = table
        .select((day.add_years(1), day.add_years(-4), at.add_years(-1), instant.add_years(100)))
        .order_by(id)
        .load(conn)
        .unwrap();
    assert_eq!(
        shifted,
        [
            (d(2025, 1, 31), d(2020, 1, 31), t(2023, 1, 31), utc(2124, 1, 31)),
            (d(2025, 2, 28), d(2020, 2, 29), t(2023, 2, 28), utc(2124, 2, 29)),
            (d(2024, 3, 31), d(2019, 3, 31), t(2022, 3, 31), utc(2123, 3, 31)),
            (d(2025, 12, 15), d(2020, 12, 15), t(2023, 12, 15), utc(2124, 12, 15)),
        ]
    );
});

// TimestampTz arithmetic is UTC arithmetic on both databases, whatever PostgreSQL's session
// time zone: adding a day or a month across a daylight-saving change keeps the UTC time.
#[test]
fn postgres_timestamptz_arithmetic_is_in_utc() {
    let Some(mut guard) = crate::common::pg("tz_arithmetic") else { return };
    let conn = &mut guard.conn;
    seed(conn);
    conn.batch_execute("SET TIME ZONE 'Europe/Paris'").unwrap();
    use calendar::*;
    let spring = Utc.with_ymd_and_hms(2024, 3, 15, 12, 0, 0).unwrap();
    update(table).set(instant.eq(spring)).filter(id.eq(1)).execute(conn).unwrap();
    let moved: (DateTime<Utc>, DateTime<Utc>) = table
        .select((instant.add_months(1), instant.add_days(16)))
        .filter(id.eq(1))
        .first(conn)
        .unwrap();
    assert_eq!(
        moved,
        (
            Utc.with_ymd_and_hms(2024, 4, 15, 12, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2024, 3, 31, 12, 0, 0).unwrap()
        )
    );
}
