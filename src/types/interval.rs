//! PostgreSQL's `INTERVAL` as a Rust value.

use super::from_sql::{FromRow, FromSql, SqlRow, mismatch};
use super::sql_type::{Interval, Nullable};
use super::to_sql::IntoSql;
use super::value::Value;
use crate::error::Result;

/// A PostgreSQL `INTERVAL` value, field by field as PostgreSQL keeps it: whole `months`,
/// whole `days` and `microseconds`.
///
/// The three fields are separate because they are not convertible into each other: a month
/// is 28 to 31 days and a day across a daylight-saving change 23 to 25 hours, so
/// `'1 month'` and `'30 days'` are different intervals, and adding each to a date gives
/// different dates. Values travel in PostgreSQL's binary format, so none of this is lost.
///
/// SQLite has no interval type: an interval value, `add_interval` and `interval_since` do not
/// compile for it (see [`SupportsInterval`](crate::dialect::SupportsInterval)). What the types
/// cannot see, an `Option<PgInterval>` bound on a SQLite connection, is refused when the
/// statement runs ([`crate::ErrorKind::Conversion`]); nothing is written.
///
/// ```
/// use aludel::types::PgInterval;
/// let i = PgInterval::months(14) + PgInterval::days(3) + PgInterval::microseconds(1_500_000);
/// assert_eq!(i, PgInterval { months: 14, days: 3, microseconds: 1_500_000 });
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PgInterval {
    /// Whole months (years are twelve months).
    pub months: i32,
    /// Whole days.
    pub days: i32,
    /// The time part, in microseconds.
    pub microseconds: i64,
}

impl PgInterval {
    /// An interval of `n` months.
    pub const fn months(n: i32) -> Self {
        PgInterval { months: n, days: 0, microseconds: 0 }
    }

    /// An interval of `n` years (stored as `12 * n` months).
    ///
    /// # Panics
    /// Never for years PostgreSQL can hold (about ±178 million); beyond that `12 * n`
    /// overflows and saturates.
    pub const fn years(n: i32) -> Self {
        PgInterval::months(n.saturating_mul(12))
    }

    /// An interval of `n` days.
    pub const fn days(n: i32) -> Self {
        PgInterval { months: 0, days: n, microseconds: 0 }
    }

    /// An interval of `n` microseconds.
    pub const fn microseconds(n: i64) -> Self {
        PgInterval { months: 0, days: 0, microseconds: n }
    }

    /// An interval of `n` seconds.
    pub const fn seconds(n: i64) -> Self {
        PgInterval::microseconds(n.saturating_mul(1_000_000))
    }
}

impl std::ops::Add for PgInterval {
    type Output = PgInterval;
    /// Field by field, saturating (as PostgreSQL adds intervals, but it reports overflow).
    fn add(self, rhs: PgInterval) -> PgInterval {
        PgInterval {
            months: self.months.saturating_add(rhs.months),
            days: self.days.saturating_add(rhs.days),
            microseconds: self.microseconds.saturating_add(rhs.microseconds),
        }
    }
}

impl std::ops::Neg for PgInterval {
    type Output = PgInterval;
    fn neg(self) -> PgInterval {
        PgInterval {
            months: self.months.saturating_neg(),
            days: self.days.saturating_neg(),
            microseconds: self.microseconds.saturating_neg(),
        }
    }
}

impl<'a> IntoSql<'a, Interval> for PgInterval {
    fn into_sql(self) -> Value<'a> {
        Value::Interval(self)
    }
}

impl<'a> IntoSql<'a, Nullable<Interval>> for PgInterval {
    fn into_sql(self) -> Value<'a> {
        Value::Interval(self)
    }
}

impl FromSql<Interval> for PgInterval {
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::Interval(v) => Ok(v),
            v => mismatch(&v, "PgInterval"),
        }
    }
}

impl FromRow<Interval> for PgInterval {
    fn from_row<R: SqlRow + ?Sized>(row: &mut R) -> Result<Self> {
        <PgInterval as FromSql<Interval>>::from_sql(row.next_value()?)
    }
}
