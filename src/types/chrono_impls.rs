//! Dates and times through `chrono` (feature `chrono`).
//!
//! PostgreSQL sends them in its binary formats; SQLite has no date storage class, so they are
//! stored as ISO-8601 text (the format SQLite's own date functions read) and parsed back here.

use super::from_sql::{FromSql, mismatch};
use super::sql_type::{Date, Time, Timestamp, TimestampTz};
use super::value::Value;
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};

fn parse<T>(text: &str, formats: &[&str], parse: impl Fn(&str, &str) -> Option<T>) -> Result<T> {
    formats
        .iter()
        .find_map(|f| parse(text, f))
        .ok_or_else(|| Error::conversion(format!("cannot read `{text}` as a date/time")))
}

impl FromSql<Date> for NaiveDate {
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::Date(d) => Ok(d),
            Value::Text(s) => parse(&s, &["%Y-%m-%d"], |t, f| NaiveDate::parse_from_str(t, f).ok()),
            v => mismatch(&v, "NaiveDate"),
        }
    }
}

impl FromSql<Time> for NaiveTime {
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::Time(t) => Ok(t),
            Value::Text(s) => {
                parse(&s, &["%H:%M:%S%.f", "%H:%M"], |t, f| NaiveTime::parse_from_str(t, f).ok())
            }
            v => mismatch(&v, "NaiveTime"),
        }
    }
}

const DATETIME_FORMATS: &[&str] =
    &["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M"];

impl FromSql<Timestamp> for NaiveDateTime {
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::Timestamp(t) => Ok(t),
            Value::Text(s) => {
                parse(&s, DATETIME_FORMATS, |t, f| NaiveDateTime::parse_from_str(t, f).ok())
            }
            v => mismatch(&v, "NaiveDateTime"),
        }
    }
}

impl FromSql<TimestampTz> for DateTime<Utc> {
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::TimestampTz(t) => Ok(t),
            Value::Text(s) => {
                parse(&s, &["%Y-%m-%d %H:%M:%S%.f%#z", "%Y-%m-%dT%H:%M:%S%.f%#z"], |t, f| {
                    DateTime::parse_from_str(t, f).ok().map(|d| d.with_timezone(&Utc))
                })
                .or_else(|_| {
                    parse(&s, DATETIME_FORMATS, |t, f| NaiveDateTime::parse_from_str(t, f).ok())
                        .map(|n| n.and_utc())
                })
            }
            v => mismatch(&v, "DateTime<Utc>"),
        }
    }
}
