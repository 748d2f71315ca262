//! The parts of a date or time value that SQL can extract, named once for every dialect.

/// A field of a date/time value, as `EXTRACT(<part> FROM e)` names it.
///
/// Dialects spell the extraction differently (PostgreSQL `EXTRACT`, SQLite `strftime`), so
/// [`Dialect::walk_extract`](super::Dialect::walk_extract) receives the part as this value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DatePart {
    /// The calendar year.
    Year,
    /// The month, 1 to 12.
    Month,
    /// The day of the month, 1 to 31.
    Day,
}

impl DatePart {
    /// The standard SQL field name (`YEAR`, `MONTH`, `DAY`).
    pub fn sql_name(self) -> &'static str {
        match self {
            DatePart::Year => "YEAR",
            DatePart::Month => "MONTH",
            DatePart::Day => "DAY",
        }
    }

    /// The plural unit name (`years`, `months`, `days`): PostgreSQL's `make_interval`
    /// argument and SQLite's date modifier unit.
    pub fn unit_plural(self) -> &'static str {
        match self {
            DatePart::Year => "years",
            DatePart::Month => "months",
            DatePart::Day => "days",
        }
    }

    /// The `strftime` format that prints the field (`%Y`, `%m`, `%d`).
    pub fn strftime_format(self) -> &'static str {
        match self {
            DatePart::Year => "%Y",
            DatePart::Month => "%m",
            DatePart::Day => "%d",
        }
    }
}
