//! Every SQL type round-trips through each backend; values that do not fit are errors.

use aludel::prelude::*;

aludel::table! {
    samples (id) {
        id -> Integer,
        small -> SmallInt,
        big -> BigInt,
        real -> Float,
        double -> Double,
        exact -> Numeric,
        text -> Text,
        short -> Varchar<U8>,
        flag -> Bool,
        bytes -> Blob,
        maybe -> Nullable<Integer>,
        maybe_text -> Nullable<Text>,
    }

    loose (id) { id -> Integer, n -> Integer, }

    #[sql_name = "sample_times"]
    times (id) {
        id -> Integer,
        day -> Date,
        clock -> Time,
        stamp -> Timestamp,
        instant -> TimestampTz,
        maybe_day -> Nullable<Date>,
    }
}

type Sample =
    (i32, i16, i64, f32, f64, String, String, String, bool, Vec<u8>, Option<i32>, Option<String>);

crate::backend_test!(scalar_round_trip, |conn| {
    MetaData::new([samples::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    let blob = vec![0u8, 1, 2, 255];
    insert(samples::table)
        .values(vec![
            (
                samples::small.eq(i16::MIN),
                samples::big.eq(i64::MAX),
                samples::real.eq(1.5f32),
                samples::double.eq(-2.25f64),
                samples::exact.eq("12345.678"),
                samples::text.eq("héllo 'quoted' \"ident\""),
                samples::short.eq("eight ch"),
                samples::flag.eq(true),
                samples::bytes.eq(&blob),
                samples::maybe.eq(Some(7)),
                samples::maybe_text.eq(None::<String>),
            ),
            (
                samples::small.eq(i16::MAX),
                samples::big.eq(i64::MIN),
                samples::real.eq(0.0f32),
                samples::double.eq(1e300),
                samples::exact.eq(0.5f64),
                samples::text.eq(String::new()),
                samples::short.eq(String::from("x")),
                samples::flag.eq(false),
                samples::bytes.eq(Vec::<u8>::new()),
                samples::maybe.eq(None::<i32>),
                samples::maybe_text.eq(Some("there")),
            ),
        ])
        .execute(conn)
        .unwrap();
    let rows: Vec<Sample> = samples::table.order_by(samples::id).load(conn).unwrap();
    assert_eq!(rows.len(), 2);
    let (_, small, big, real, double, exact, text, short, flag, bytes, maybe, maybe_text) =
        rows[0].clone();
    assert_eq!((small, big, real, double), (i16::MIN, i64::MAX, 1.5, -2.25));
    assert_eq!(exact, "12345.678");
    assert_eq!(text, "héllo 'quoted' \"ident\"");
    assert_eq!(
        (short.as_str(), flag, bytes, maybe, maybe_text),
        ("eight ch", true, blob.clone(), Some(7), None)
    );
    let second = &rows[1];
    assert_eq!(
        (second.1, second.2, second.4, second.8, second.10),
        (i16::MAX, i64::MIN, 1e300, false, None)
    );
    assert_eq!(second.11.as_deref(), Some("there"));
    // NUMERIC also loads as f64.
    let exact: Vec<f64> =
        samples::table.select(samples::exact).order_by(samples::id).load(conn).unwrap();
    assert_eq!(exact, [12345.678, 0.5]);
    // Booleans compare as booleans on both backends.
    let flagged: Vec<i32> =
        samples::table.select(samples::id).filter(samples::flag.eq(true)).load(conn).unwrap();
    assert_eq!(flagged, [1]);
});

crate::backend_test!(null_into_non_option_is_an_error, |conn| {
    // The schema in code says NOT NULL, the live table disagrees: loading the NULL into `i32`
    // is a clear conversion error, and `Option<i32>` reads it fine.
    conn.batch_execute("CREATE TABLE loose (id INTEGER PRIMARY KEY, n INTEGER)").unwrap();
    conn.batch_execute("INSERT INTO loose (id, n) VALUES (1, NULL)").unwrap();
    let err = loose::table.select(loose::n).first::<i32>(conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conversion);
    assert!(err.to_string().contains("unexpected NULL"), "{err}");
    let as_option: Option<i32> = loose::table
        .select(loose::n.is_null())
        .first::<bool>(conn)
        .map(|null| if null { None } else { Some(0) })
        .unwrap();
    assert_eq!(as_option, None);
});

#[test]
fn sqlite_out_of_range_is_an_error() {
    let mut conn = crate::common::sqlite();
    MetaData::new([samples::table::def()]).create_all(&mut conn, CheckFirst::No).unwrap();
    // SQLite stores any integer in an INTEGER column; reading 2^40 into `i32` must not truncate.
    conn.batch_execute(
        "INSERT INTO samples (small, big, real, double, exact, text, short, flag, bytes, maybe) \
         VALUES (70000, 2, 3, 4, 5, 't', 's', 1, x'', 1099511627776)",
    )
    .unwrap();
    let err = samples::table.select(samples::maybe).first::<Option<i32>>(&mut conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conversion);
    assert!(err.to_string().contains("out of range"), "{err}");
    let err = samples::table.select(samples::small).first::<i16>(&mut conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conversion);
    // A text value where an integer is declared is a conversion error, not a panic.
    conn.batch_execute("UPDATE samples SET big = 'not a number'").unwrap();
    let err = samples::table.select(samples::big).first::<i64>(&mut conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conversion);
    assert!(err.sql().unwrap().starts_with("SELECT"));
}

#[test]
fn postgres_out_of_range_is_an_error() {
    let Some(mut guard) = crate::common::pg("pg_out_of_range") else { return };
    let conn = &mut guard.conn;
    MetaData::new([samples::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(samples::table)
        .values((
            samples::small.eq(30000i16),
            samples::big.eq(1i64),
            samples::real.eq(0f32),
            samples::double.eq(0f64),
            samples::exact.eq("1"),
            samples::text.eq("t"),
            samples::short.eq("s"),
            samples::flag.eq(true),
            samples::bytes.eq(vec![1u8]),
            samples::maybe.eq(i32::MAX),
        ))
        .execute(conn)
        .unwrap();
    // The database computes in SMALLINT and refuses to overflow.
    let err = samples::table.select(samples::small * 2i16).first::<i16>(conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conversion, "{err}");
    // A Varchar(8) rejects longer text instead of truncating it.
    let err =
        update(samples::table).set(samples::short.eq("far too long")).execute(conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Database, "{err}");
    let short: String = samples::table.select(samples::short).first(conn).unwrap();
    assert_eq!(short, "s");
}

#[cfg(feature = "chrono")]
crate::backend_test!(dates_and_times_round_trip, |conn| {
    use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
    MetaData::new([times::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    let day = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
    let clock = NaiveTime::from_hms_micro_opt(23, 59, 58, 123_456).unwrap();
    let stamp = day.and_time(clock);
    let instant = Utc.with_ymd_and_hms(2001, 9, 9, 1, 46, 40).unwrap();
    insert(times::table)
        .values((
            times::day.eq(day),
            times::clock.eq(clock),
            times::stamp.eq(stamp),
            times::instant.eq(instant),
            times::maybe_day.eq(None::<NaiveDate>),
        ))
        .execute(conn)
        .unwrap();
    let row: (
        i32,
        NaiveDate,
        NaiveTime,
        chrono::NaiveDateTime,
        chrono::DateTime<Utc>,
        Option<NaiveDate>,
    ) = times::table.first(conn).unwrap();
    assert_eq!((row.1, row.2, row.3, row.4, row.5), (day, clock, stamp, instant, None));
    let later: Vec<i32> = times::table
        .select(times::id)
        .filter(times::day.gt(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()))
        .load(conn)
        .unwrap();
    assert_eq!(later, [1]);
});
