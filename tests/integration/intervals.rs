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
        maybe_shift -> Nullable<Integer>,
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
                maybe_shift.eq((n > 0).then_some(n)),
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

// A NULL amount makes the result NULL on both databases (not the date unchanged).
crate::backend_test!(null_amount_gives_null, |conn| {
    seed(conn);
    use calendar::*;
    let shifted: Vec<(Option<NaiveDate>, Option<NaiveDateTime>, Option<DateTime<Utc>>)> = table
        .select((
            day.add_days(maybe_shift),
            at.add_months(maybe_shift),
            instant.add_years(maybe_shift),
        ))
        .order_by(id)
        .load(conn)
        .unwrap();
    assert_eq!(
        shifted,
        [
            (Some(d(2024, 2, 1)), Some(t(2024, 2, 29)), Some(utc(2025, 1, 31))),
            (None, None, None),
            (Some(d(2023, 4, 11)), Some(t(2024, 2, 29)), Some(utc(2034, 3, 31))),
            (None, None, None),
        ]
    );
    // An amount computed in SQL: (shift + 1) months.
    let later: Vec<NaiveDate> =
        table.select(day.add_months(shift + 1)).order_by(id).load(conn).unwrap();
    assert_eq!(later, [d(2024, 3, 31), d(2024, 2, 29), d(2024, 3, 31), d(2024, 1, 15)]);
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

mod pg_intervals {
    use super::{d, t, utc};
    use aludel::prelude::*;
    use aludel::types::PgInterval;
    use chrono::{NaiveDate, NaiveDateTime};

    aludel::table! {
        spans (id) {
            id -> Integer,
            day -> Date,
            at -> Timestamp,
            instant -> TimestampTz,
            span -> Interval,
            maybe -> Nullable<Interval>,
        }
    }

    const HOUR: i64 = 3_600_000_000;

    fn seed(conn: &mut PgConnection) {
        MetaData::new([spans::table::def()]).create_all(conn, CheckFirst::No).unwrap();
        use spans::*;
        insert(table)
            .values(vec![
                (
                    day.eq(d(2024, 1, 31)),
                    at.eq(t(2024, 1, 31)),
                    instant.eq(utc(2024, 1, 31)),
                    span.eq(PgInterval::months(1)),
                    maybe.eq(Some(PgInterval::days(1) + PgInterval::microseconds(HOUR))),
                ),
                (
                    day.eq(d(2024, 2, 29)),
                    at.eq(t(2024, 2, 29)),
                    instant.eq(utc(2024, 2, 29)),
                    span.eq(-PgInterval::years(1)),
                    maybe.eq(None::<PgInterval>),
                ),
            ])
            .execute(conn)
            .unwrap();
    }

    #[test]
    fn postgres_interval_values_round_trip() {
        let Some(mut guard) = crate::common::pg("interval_values") else { return };
        let conn = &mut guard.conn;
        seed(conn);
        use spans::*;
        let rows: Vec<(PgInterval, Option<PgInterval>)> =
            table.select((span, maybe)).order_by(id).load(conn).unwrap();
        assert_eq!(
            rows,
            [
                (
                    PgInterval::months(1),
                    Some(PgInterval { months: 0, days: 1, microseconds: HOUR })
                ),
                (PgInterval::months(-12), None),
            ]
        );
        // Intervals compare as intervals; `'1 mon'` equals `'30 days'` in PostgreSQL's ordering.
        let ids: Vec<i32> =
            table.select(id).filter(span.eq(PgInterval::days(30))).load(conn).unwrap();
        assert_eq!(ids, [1]);
        // Interval arithmetic against text is refused by the server, not stored as text.
        let err = conn
            .execute_sql("INSERT INTO spans (day, at, instant, span) VALUES (CURRENT_DATE, now(), now(), $1)", &[aludel::types::Value::I32(3)])
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Conversion, "{err}");
    }

    #[test]
    fn postgres_dates_plus_intervals() {
        let Some(mut guard) = crate::common::pg("interval_arithmetic") else { return };
        let conn = &mut guard.conn;
        seed(conn);
        use spans::*;
        let month_and_a_bit = PgInterval::months(1) + PgInterval::days(2) + PgInterval::seconds(90);
        let rows: Vec<(NaiveDate, NaiveDateTime, chrono::DateTime<chrono::Utc>, NaiveDate)> = table
            .select((
                day.add_interval(month_and_a_bit),
                at.add_interval(month_and_a_bit),
                instant.add_interval(-PgInterval::months(1)),
                day.add_interval(span),
            ))
            .order_by(id)
            .load(conn)
            .unwrap();
        let plus_90s = |x: NaiveDateTime| x + chrono::Duration::seconds(90);
        assert_eq!(
            rows,
            [
                // End of month first, then the days: 01-31 + 1 month = 02-29, + 2 days = 03-02.
                (d(2024, 3, 2), plus_90s(t(2024, 3, 2)), utc(2023, 12, 31), d(2024, 2, 29)),
                (d(2024, 3, 31), plus_90s(t(2024, 3, 31)), utc(2024, 1, 29), d(2023, 2, 28)),
            ]
        );
        // A nullable interval makes the result nullable.
        let maybe_later: Vec<Option<NaiveDateTime>> =
            table.select(at.add_interval(maybe)).order_by(id).load(conn).unwrap();
        assert_eq!(maybe_later, [Some(t(2024, 2, 1) + chrono::Duration::hours(1)), None]);
    }

    #[test]
    fn postgres_timestamp_minus_timestamp_is_an_interval() {
        let Some(mut guard) = crate::common::pg("interval_since") else { return };
        let conn = &mut guard.conn;
        seed(conn);
        use spans::*;
        let start = d(2024, 1, 1).and_hms_opt(0, 0, 0).unwrap();
        let rows: Vec<(PgInterval, PgInterval)> = table
            .select((at.interval_since(start), day.interval_since(d(2024, 3, 1))))
            .order_by(id)
            .load(conn)
            .unwrap();
        let clock = 10 * HOUR + 30 * 60_000_000 + 250_000;
        assert_eq!(
            rows,
            [
                (PgInterval { months: 0, days: 30, microseconds: clock }, PgInterval::days(-30)),
                (PgInterval { months: 0, days: 59, microseconds: clock }, PgInterval::days(-1)),
            ]
        );
        // An interval difference compares with an interval value.
        let long: Vec<i32> = table
            .select(id)
            .filter(at.interval_since(start).gt(PgInterval::days(45)))
            .load(conn)
            .unwrap();
        assert_eq!(long, [2]);
    }
}
