//! Dates and times through the `time` crate (feature `time`), beside or instead of `chrono`.
//!
//! PostgreSQL sends them in its binary formats. SQLite has no date storage class: they are
//! stored as ISO-8601 text in exactly the format the `chrono` feature writes (so values written
//! through either crate compare and sort together, and SQLite's date functions read them) and
//! parsed back here. `OffsetDateTime` is written in UTC and loads in UTC.

use super::from_sql::{FromRow, FromSql, SqlRow, mismatch, single_value_row};
use super::sql_type::{Date, Nullable, Time, Timestamp, TimestampTz};
use super::to_sql::{IntoSql, into_sql, into_sql_copy};
use super::value::Value;
use crate::error::{Error, Result};
use std::fmt::Write;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

/// A date or time of the `time` crate, as it crosses to the drivers ([`Value::TimeCrate`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimeValue {
    /// A calendar date (`DATE`).
    Date(time::Date),
    /// A time of day (`TIME`).
    Time(time::Time),
    /// A date and time without zone (`TIMESTAMP`).
    Timestamp(PrimitiveDateTime),
    /// An instant (`TIMESTAMP WITH TIME ZONE`), kept in UTC.
    TimestampTz(OffsetDateTime),
}

impl TimeValue {
    /// A short name of the SQL type, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            TimeValue::Date(_) => "date",
            TimeValue::Time(_) => "time",
            TimeValue::Timestamp(_) => "timestamp",
            TimeValue::TimestampTz(_) => "timestamptz",
        }
    }

    /// The ISO-8601 text SQLite stores: `2024-02-29`, `13:05:09.250`,
    /// `2024-02-29 13:05:09.250`, `2024-02-29 13:05:09.250+00:00` (the `chrono` feature's
    /// format: fractions of 3, 6 or 9 digits, none for whole seconds).
    pub fn to_iso_text(&self) -> String {
        let mut out = String::with_capacity(32);
        match self {
            TimeValue::Date(d) => write_date(&mut out, *d),
            TimeValue::Time(t) => write_time(&mut out, *t),
            TimeValue::Timestamp(dt) => {
                write_date(&mut out, dt.date());
                out.push(' ');
                write_time(&mut out, dt.time());
            }
            TimeValue::TimestampTz(dt) => {
                // Out of range in UTC only within a day of year ±9999; keep the local time then.
                let utc = dt.checked_to_offset(UtcOffset::UTC).unwrap_or(*dt);
                write_date(&mut out, utc.date());
                out.push(' ');
                write_time(&mut out, utc.time());
                out.push_str("+00:00");
            }
        }
        out
    }
}

fn write_date(out: &mut String, d: time::Date) {
    let _ = write!(out, "{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day());
}

fn write_time(out: &mut String, t: time::Time) {
    let _ = write!(out, "{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second());
    let nanos = t.nanosecond();
    let _ = match nanos {
        0 => Ok(()),
        n if n % 1_000_000 == 0 => write!(out, ".{:03}", n / 1_000_000),
        n if n % 1_000 == 0 => write!(out, ".{:06}", n / 1_000),
        n => write!(out, ".{n:09}"),
    };
}

into_sql_copy! {
    time::Date => Date, |v| Value::TimeCrate(TimeValue::Date(v));
    time::Time => Time, |v| Value::TimeCrate(TimeValue::Time(v));
    PrimitiveDateTime => Timestamp, |v| Value::TimeCrate(TimeValue::Timestamp(v));
    OffsetDateTime => TimestampTz, |v| Value::TimeCrate(TimeValue::TimestampTz(v));
}

const DATE: &[BorrowedFormatItem<'_>] = format_description!("[year]-[month]-[day]");
const TIME: &[BorrowedFormatItem<'_>] =
    format_description!("[hour]:[minute][optional [:[second][optional [.[subsecond]]]]]");
const DATETIME: &[BorrowedFormatItem<'_>] = format_description!(
    "[year]-[month]-[day] [hour]:[minute][optional [:[second][optional [.[subsecond]]]]]"
);
const DATETIME_OFFSET: &[BorrowedFormatItem<'_>] = format_description!(
    "[year]-[month]-[day] [hour]:[minute][optional [:[second][optional [.[subsecond]]]]][offset_hour sign:mandatory][optional [:[offset_minute]]]"
);

fn unreadable(text: &str, what: &str, e: impl std::fmt::Display) -> Error {
    Error::conversion(format!("cannot read `{text}` as a {what}: {e}"))
}

/// ISO-8601 text with a `T` between date and time (as other tools write it) reads like text
/// with a space, and a `Z` zone like `+00:00`.
fn normalized(text: &str) -> String {
    let mut s = text.trim().to_owned();
    if s.as_bytes().get(10) == Some(&b'T') {
        s.replace_range(10..11, " ");
    }
    if let Some(stripped) = s.strip_suffix('Z') {
        s = format!("{stripped}+00:00");
    }
    s
}

#[cfg(feature = "chrono")]
mod from_chrono {
    //! With both features on, PostgreSQL rows arrive as `chrono` values; these convert them.
    use super::*;
    use chrono::{Datelike, Timelike};

    /// Julian day number of 0001-01-01 (proleptic Gregorian) is 1 721 426; chrono counts it as
    /// day 1 from the Common Era.
    const CE_TO_JULIAN: i32 = 1_721_425;

    pub(super) fn date(d: chrono::NaiveDate) -> Result<time::Date> {
        time::Date::from_julian_day(d.num_days_from_ce() + CE_TO_JULIAN)
            .map_err(|e| Error::conversion(format!("date {d} is out of range for `time`: {e}")))
    }

    pub(super) fn time_of_day(t: chrono::NaiveTime) -> Result<time::Time> {
        time::Time::from_hms_nano(
            t.hour() as u8,
            t.minute() as u8,
            t.second() as u8,
            t.nanosecond(),
        )
        .map_err(|e| Error::conversion(format!("time {t} is out of range for `time`: {e}")))
    }

    pub(super) fn timestamp(dt: chrono::NaiveDateTime) -> Result<PrimitiveDateTime> {
        Ok(PrimitiveDateTime::new(date(dt.date())?, time_of_day(dt.time())?))
    }
}

impl FromSql<Date> for time::Date {
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::TimeCrate(TimeValue::Date(d)) => Ok(d),
            #[cfg(feature = "chrono")]
            Value::Date(d) => from_chrono::date(d),
            Value::Text(s) => {
                time::Date::parse(s.trim(), DATE).map_err(|e| unreadable(&s, "date", e))
            }
            v => mismatch(&v, "time::Date"),
        }
    }
}

impl FromSql<Time> for time::Time {
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::TimeCrate(TimeValue::Time(t)) => Ok(t),
            #[cfg(feature = "chrono")]
            Value::Time(t) => from_chrono::time_of_day(t),
            Value::Text(s) => {
                time::Time::parse(s.trim(), TIME).map_err(|e| unreadable(&s, "time of day", e))
            }
            v => mismatch(&v, "time::Time"),
        }
    }
}

impl FromSql<Timestamp> for PrimitiveDateTime {
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::TimeCrate(TimeValue::Timestamp(t)) => Ok(t),
            #[cfg(feature = "chrono")]
            Value::Timestamp(t) => from_chrono::timestamp(t),
            Value::Text(s) => PrimitiveDateTime::parse(&normalized(&s), DATETIME)
                .map_err(|e| unreadable(&s, "timestamp", e)),
            v => mismatch(&v, "PrimitiveDateTime"),
        }
    }
}

impl FromSql<TimestampTz> for OffsetDateTime {
    fn from_sql(value: Value<'_>) -> Result<Self> {
        let instant = match value {
            Value::TimeCrate(TimeValue::TimestampTz(t)) => t,
            #[cfg(feature = "chrono")]
            Value::TimestampTz(t) => from_chrono::timestamp(t.naive_utc())?.assume_utc(),
            Value::Text(s) => {
                let text = normalized(&s);
                OffsetDateTime::parse(&text, DATETIME_OFFSET)
                    // Text without a zone (SQLite's own `datetime()`) is UTC.
                    .or_else(|_| PrimitiveDateTime::parse(&text, DATETIME).map(|t| t.assume_utc()))
                    .map_err(|e| unreadable(&s, "timestamp with time zone", e))?
            }
            v => return mismatch(&v, "OffsetDateTime"),
        };
        instant.checked_to_offset(UtcOffset::UTC).ok_or_else(|| {
            Error::conversion(format!("{instant} is out of the `time` crate's range in UTC"))
        })
    }
}

single_value_row! {
    [] time::Date => Date;
    [] time::Time => Time;
    [] PrimitiveDateTime => Timestamp;
    [] OffsetDateTime => TimestampTz;
}
