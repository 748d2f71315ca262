//! The `time` crate's `Date`, `Time`, `PrimitiveDateTime` and `OffsetDateTime`.

use aludel::prelude::*;
use time::macros::{date, datetime, time};

aludel::table! {
    moments (id) {
        id -> Integer,
        day -> Date,
        clock -> Time,
        stamp -> Timestamp,
        instant -> TimestampTz,
        maybe_day -> Nullable<Date>,
    }
    #[sql_name = "loose_moments"]
    loose (id) { id -> Integer, day -> Date, }
}

crate::backend_test!(time_crate_round_trip, |conn| {
    MetaData::new([moments::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    let day = date!(2024 - 02 - 29);
    let clock = time!(23:59:58.123456);
    let stamp = datetime!(2024-02-29 13:05:09.250);
    // Another offset: it is the same instant as 2001-09-09 01:46:40 UTC.
    let instant = datetime!(2001-09-09 03:46:40 +02:00);
    insert(moments::table)
        .values(vec![
            (
                moments::day.eq(day),
                moments::clock.eq(clock),
                moments::stamp.eq(stamp),
                moments::instant.eq(instant),
                moments::maybe_day.eq(Some(date!(1999 - 12 - 31))),
            ),
            (
                moments::day.eq(date!(1970 - 01 - 01)),
                moments::clock.eq(time!(00:00)),
                moments::stamp.eq(datetime!(1970-01-01 00:00)),
                moments::instant.eq(datetime!(1970-01-01 00:00 UTC)),
                moments::maybe_day.eq(None::<time::Date>),
            ),
        ])
        .execute(conn)
        .unwrap();
    let rows: Vec<(
        i32,
        time::Date,
        time::Time,
        time::PrimitiveDateTime,
        time::OffsetDateTime,
        Option<time::Date>,
    )> = moments::table.order_by(moments::id).load(conn).unwrap();
    assert_eq!(
        (rows[0].1, rows[0].2, rows[0].3, rows[0].4, rows[0].5),
        (day, clock, stamp, instant, Some(date!(1999 - 12 - 31)))
    );
    assert_eq!(rows[0].4.offset(), time::UtcOffset::UTC, "instants load in UTC");
    assert_eq!(rows[1].2, time!(00:00));
    assert_eq!(rows[1].5, None);
    let later: Vec<i32> = moments::table
        .select(moments::id)
        .filter(moments::day.gt(date!(2024 - 01 - 01)))
        .load(conn)
        .unwrap();
    assert_eq!(later, [1]);
    let at: Vec<i32> = moments::table
        .select(moments::id)
        .filter(moments::instant.eq(datetime!(2001-09-09 01:46:40 UTC)))
        .load(conn)
        .unwrap();
    assert_eq!(at, [1]);
});

#[cfg(feature = "chrono")]
crate::backend_test!(time_and_chrono_read_each_others_values, |conn| {
    MetaData::new([moments::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    let chrono_stamp = chrono::NaiveDate::from_ymd_opt(2024, 2, 29)
        .unwrap()
        .and_hms_milli_opt(13, 5, 9, 250)
        .unwrap();
    insert(moments::table)
        .values((
            moments::day.eq(chrono_stamp.date()),
            moments::clock.eq(chrono_stamp.time()),
            moments::stamp.eq(chrono_stamp),
            moments::instant.eq(chrono_stamp.and_utc()),
            moments::maybe_day.eq(None::<chrono::NaiveDate>),
        ))
        .execute(conn)
        .unwrap();
    let (stamp, instant): (time::PrimitiveDateTime, time::OffsetDateTime) =
        moments::table.select((moments::stamp, moments::instant)).first(conn).unwrap();
    assert_eq!(stamp, datetime!(2024-02-29 13:05:09.250));
    assert_eq!(instant, datetime!(2024-02-29 13:05:09.250 UTC));
    // A value bound from `time` finds the row written through `chrono`.
    let found: Vec<i32> = moments::table
        .select(moments::id)
        .filter(moments::stamp.eq(datetime!(2024-02-29 13:05:09.250)))
        .load(conn)
        .unwrap();
    assert_eq!(found, [1]);
});

crate::backend_test!(time_value_that_does_not_parse_is_a_conversion_error, |conn| {
    conn.batch_execute("CREATE TABLE loose_moments (id INTEGER PRIMARY KEY, day TEXT)").unwrap();
    conn.batch_execute("INSERT INTO loose_moments (id, day) VALUES (1, 'yesterday')").unwrap();
    let err = loose::table.select(loose::day).first::<time::Date>(conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conversion, "{err}");
    assert!(err.to_string().contains("yesterday"), "{err}");
});
