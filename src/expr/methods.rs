//! The methods users call on columns and expressions: comparisons, logic, text matching.
//!
//! Every method checks its operands' SQL types through its bounds, so `age.eq("ten")` or
//! `name.like(3)` do not compile.

use super::operators::*;
use super::{AsExpression, Asc, Between, Desc, Expression, InList};
use crate::types::{BoolLike, Text, TextType};

/// Comparisons, NULL tests, IN, BETWEEN and ordering on any expression.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { users (id) { id -> Integer, name -> Text, } }
///
/// let q = users::table.filter(users::id.gt(3).and(users::name.ne("root")));
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT "users"."id", "users"."name" FROM "users" WHERE (("users"."id" > ?1) AND ("users"."name" <> ?2))"#
/// );
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "users"."id", "users"."name" FROM "users" WHERE (("users"."id" > $1) AND ("users"."name" <> $2))"#
/// );
/// ```
pub trait ExpressionMethods: Expression + Sized {
    /// `self = rhs` (also the assignment in `insert(..).values(..)` and `update(..).set(..)`).
    ///
    /// Against an `Option` that is `None` when the query runs, the comparison is written
    /// `self IS NULL`, as SQLAlchemy does for `== None`: `self = NULL` is never true, so it would
    /// find no rows. (`Some(v)` binds `v` as usual; an assignment of `None` still writes NULL.)
    /// The ordering comparisons (`lt`, `le`, `gt`, `ge`) keep SQL's rule: against NULL they
    /// match nothing.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// aludel::table! { users (id) { id -> Integer, email -> Nullable<Text>, } }
    ///
    /// let wanted: Option<&'static str> = None;
    /// let q = users::table.select(users::id).filter(users::email.eq(wanted));
    /// assert_eq!(
    ///     q.compile::<Sqlite>().sql(),
    ///     r#"SELECT "users"."id" FROM "users" WHERE ("users"."email" IS NULL)"#
    /// );
    /// let q = users::table.select(users::id).filter(users::email.eq(Some("a@x")));
    /// assert_eq!(
    ///     q.compile::<Postgres>().sql(),
    ///     r#"SELECT "users"."id" FROM "users" WHERE ("users"."email" = $1)"#
    /// );
    /// ```
    fn eq<R: AsExpression<Self::SqlType>>(self, rhs: R) -> Binary<Eq, Self, R::Expr> {
        Binary::new(self, rhs.as_expression())
    }
    /// `self <> rhs`; against a `None` it is written `self IS NOT NULL` (see
    /// [`eq`](Self::eq)).
    fn ne<R: AsExpression<Self::SqlType>>(self, rhs: R) -> Binary<Ne, Self, R::Expr> {
        Binary::new(self, rhs.as_expression())
    }
    /// `self < rhs`
    fn lt<R: AsExpression<Self::SqlType>>(self, rhs: R) -> Binary<Lt, Self, R::Expr> {
        Binary::new(self, rhs.as_expression())
    }
    /// `self <= rhs`
    fn le<R: AsExpression<Self::SqlType>>(self, rhs: R) -> Binary<Le, Self, R::Expr> {
        Binary::new(self, rhs.as_expression())
    }
    /// `self > rhs`
    fn gt<R: AsExpression<Self::SqlType>>(self, rhs: R) -> Binary<Gt, Self, R::Expr> {
        Binary::new(self, rhs.as_expression())
    }
    /// `self >= rhs`
    fn ge<R: AsExpression<Self::SqlType>>(self, rhs: R) -> Binary<Ge, Self, R::Expr> {
        Binary::new(self, rhs.as_expression())
    }
    /// `self IS NULL`
    #[allow(clippy::wrong_self_convention)] // SQL's name; expressions are consumed by value
    fn is_null(self) -> Postfix<IsNull, Self> {
        Postfix::new(self)
    }
    /// `self IS NOT NULL`
    #[allow(clippy::wrong_self_convention)] // SQL's name; expressions are consumed by value
    fn is_not_null(self) -> Postfix<IsNotNull, Self> {
        Postfix::new(self)
    }
    /// `self IN (v1, v2, ...)`, each value bound as a parameter.
    fn in_<V, It>(self, values: It) -> InList<Self, V::Expr>
    where
        It: IntoIterator<Item = V>,
        V: AsExpression<Self::SqlType>,
    {
        InList::new(self, values.into_iter().map(V::as_expression).collect(), false)
    }
    /// `self NOT IN (v1, v2, ...)`
    fn not_in<V, It>(self, values: It) -> InList<Self, V::Expr>
    where
        It: IntoIterator<Item = V>,
        V: AsExpression<Self::SqlType>,
    {
        InList::new(self, values.into_iter().map(V::as_expression).collect(), true)
    }
    /// `self = ANY(array)` (PostgreSQL): `self` equals an element of `array`, the whole list
    /// bound as ONE array parameter, so the SQL (and its prepared statement) is the same for
    /// any number of values; an empty array matches nothing. [`in_`](Self::in_) writes
    /// `IN (...)` with one parameter per value, on every dialect. See
    /// [`ArrayExpressionMethods`](super::ArrayExpressionMethods) for the array operators.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// aludel::table! { users (id) { id -> Integer, } }
    ///
    /// let q = users::table.select(users::id).filter(users::id.eq_any(vec![1, 2, 3]));
    /// assert_eq!(
    ///     q.compile::<Postgres>().sql(),
    ///     r#"SELECT "users"."id" FROM "users" WHERE ("users"."id" = ANY($1))"#
    /// );
    /// ```
    fn eq_any<A>(self, array: A) -> super::EqAny<Self, A::Expr>
    where
        <Self::SqlType as crate::types::SqlType>::NotNull: crate::types::ArrayElement,
        A: AsExpression<super::array::ArrayOf<Self::SqlType>>,
    {
        super::array::eq_any(self, array.as_expression())
    }
    /// `self BETWEEN low AND high`
    fn between<Lo, Hi>(self, low: Lo, high: Hi) -> Between<Self, Lo::Expr, Hi::Expr>
    where
        Lo: AsExpression<Self::SqlType>,
        Hi: AsExpression<Self::SqlType>,
    {
        Between::new(self, low.as_expression(), high.as_expression())
    }
    /// `self ASC` in ORDER BY.
    fn asc(self) -> Asc<Self> {
        Asc(self)
    }
    /// `self DESC` in ORDER BY.
    fn desc(self) -> Desc<Self> {
        Desc(self)
    }
    /// `CAST(self AS T)`: the value as SQL type `T` (nullable if `self` is), for the type
    /// pairs both dialects convert alike ([`CastTo`](super::CastTo)). Casting a fractional
    /// number to an integer rounds on PostgreSQL but truncates on SQLite.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// aludel::table! { users (id) { id -> Integer, name -> Text, } }
    ///
    /// let q = users::table.select(users::id.cast::<BigInt>());
    /// assert_eq!(q.compile::<Sqlite>().sql(), r#"SELECT CAST("users"."id" AS BIGINT) FROM "users""#);
    /// assert_eq!(q.compile::<Postgres>().sql(), r#"SELECT CAST("users"."id" AS BIGINT) FROM "users""#);
    /// ```
    fn cast<T: crate::types::SqlType>(self) -> super::Cast<Self, T>
    where
        <Self::SqlType as crate::types::SqlType>::NotNull: super::CastTo<T>,
    {
        super::Cast::new(self)
    }
    /// `self` (a `Date`, `Timestamp` or `TimestampTz`) plus `days` days (negative to
    /// subtract), of the same type. `TimestampTz` values move in UTC on every dialect, so a
    /// day is always 24 hours.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// aludel::table! { events (id) { id -> Integer, day -> Date, at -> Timestamp, } }
    ///
    /// let q = events::table.select((events::day.add_days(7), events::at.add_days(-1)));
    /// assert_eq!(
    ///     q.compile::<Sqlite>().sql(),
    ///     r#"SELECT date("events"."day", (?1) || ' days'), strftime('%Y-%m-%d %H:%M:%f', "events"."at", (?2) || ' days') FROM "events""#
    /// );
    /// assert_eq!(
    ///     q.compile::<Postgres>().sql(),
    ///     r#"SELECT ("events"."day" + CAST($1 AS INTEGER)), ("events"."at" + make_interval(days => $2)) FROM "events""#
    /// );
    /// ```
    fn add_days<N>(self, days: N) -> super::AddDays<Self, N::Expr>
    where
        Self::SqlType: super::DateLike,
        N: AsExpression<crate::types::Integer>,
    {
        super::AddDays::new(self, days.as_expression())
    }
    /// `self` (a `Date`, `Timestamp` or `TimestampTz`) plus `months` calendar months
    /// (negative to subtract), of the same type, with the time of day kept.
    ///
    /// **End of month:** a day that does not exist in the target month becomes that month's
    /// last day, on every dialect: 2024-01-31 plus one month is 2024-02-29, 2024-03-31 minus
    /// one month is 2024-02-29, 2023-01-31 plus one month is 2023-02-28. (This is
    /// PostgreSQL's rule; SQLite gets it from the `floor` date modifier of SQLite 3.46+, which
    /// the bundled library has. Without it, SQLite would roll over into the next month.) So
    /// adding one month twice can differ from adding two months at once.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// aludel::table! { bills (id) { id -> Integer, due -> Date, sent -> TimestampTz, } }
    ///
    /// let q = bills::table.select((bills::due.add_months(1), bills::sent.add_months(-2)));
    /// assert_eq!(
    ///     q.compile::<Sqlite>().sql(),
    ///     r#"SELECT date("bills"."due", (?1) || ' months', 'floor'), strftime('%Y-%m-%d %H:%M:%f', "bills"."sent", (?2) || ' months', 'floor') FROM "bills""#
    /// );
    /// assert_eq!(
    ///     q.compile::<Postgres>().sql(),
    ///     r#"SELECT CAST(("bills"."due" + make_interval(months => $1)) AS DATE), (("bills"."sent" AT TIME ZONE 'UTC') + make_interval(months => $2)) AT TIME ZONE 'UTC' FROM "bills""#
    /// );
    /// ```
    fn add_months<N>(self, months: N) -> super::AddMonths<Self, N::Expr>
    where
        Self::SqlType: super::DateLike,
        N: AsExpression<crate::types::Integer>,
    {
        super::AddMonths::new(self, months.as_expression())
    }
    /// `self` (a `Date`, `Timestamp` or `TimestampTz`) plus `years` years (negative to
    /// subtract), of the same type. February 29 moved to a year that is not a leap year
    /// becomes February 28, on every dialect (the rule of [`add_months`](Self::add_months)).
    ///
    /// ```
    /// use aludel::prelude::*;
    /// aludel::table! { people (id) { id -> Integer, born -> Date, } }
    ///
    /// let q = people::table.select(people::id).filter(people::born.add_years(18).le(people::born));
    /// assert_eq!(
    ///     q.compile::<Sqlite>().sql(),
    ///     r#"SELECT "people"."id" FROM "people" WHERE (date("people"."born", (?1) || ' years', 'floor') <= "people"."born")"#
    /// );
    /// assert_eq!(
    ///     q.compile::<Postgres>().sql(),
    ///     r#"SELECT "people"."id" FROM "people" WHERE (CAST(("people"."born" + make_interval(years => $1)) AS DATE) <= "people"."born")"#
    /// );
    /// ```
    fn add_years<N>(self, years: N) -> super::AddYears<Self, N::Expr>
    where
        Self::SqlType: super::DateLike,
        N: AsExpression<crate::types::Integer>,
    {
        super::AddYears::new(self, years.as_expression())
    }
    /// `self + interval`: a `Date`, `Timestamp` or `TimestampTz` moved by a PostgreSQL
    /// [`Interval`](crate::types::Interval) (a [`PgInterval`](crate::types::PgInterval) value or
    /// an interval expression), of the same type (a `Date` result drops the interval's time
    /// part). PostgreSQL only: it does not compile for SQLite, where
    /// [`add_days`](Self::add_days), [`add_months`](Self::add_months) and
    /// [`add_years`](Self::add_years) do the same. Months are added first, then days, then
    /// the time, with the end-of-month rule of `add_months`.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// use aludel::types::PgInterval;
    /// aludel::table! { trials (id) { id -> Integer, started -> Timestamp, } }
    ///
    /// let q = trials::table.select(trials::started.add_interval(PgInterval::months(1) + PgInterval::days(2)));
    /// assert_eq!(
    ///     q.compile::<Postgres>().sql(),
    ///     r#"SELECT ("trials"."started" + CAST($1 AS INTERVAL)) FROM "trials""#
    /// );
    /// ```
    ///
    /// ```compile_fail
    /// # use aludel::prelude::*;
    /// # use aludel::types::PgInterval;
    /// # aludel::table! { trials (id) { id -> Integer, started -> Timestamp, } }
    /// let q = trials::table.select(trials::started.add_interval(PgInterval::days(2)));
    /// q.compile::<Sqlite>(); // the Sqlite dialect has no `INTERVAL` type
    /// ```
    fn add_interval<I>(self, interval: I) -> super::AddInterval<Self, I::Expr>
    where
        Self::SqlType: super::DateLike,
        I: AsExpression<crate::types::Interval>,
    {
        super::AddInterval::new(self, interval.as_expression())
    }
    /// `self - earlier`, the [`Interval`](crate::types::Interval) between two dates or
    /// timestamps (PostgreSQL only). PostgreSQL writes it in days and time, never months
    /// (`2024-03-01 - 2024-01-31` is 30 days); dates are compared as midnight timestamps.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// aludel::table! { trips (id) { id -> Integer, left_at -> Timestamp, back_at -> Timestamp, } }
    ///
    /// let q = trips::table.select(trips::back_at.interval_since(trips::left_at));
    /// assert_eq!(
    ///     q.compile::<Postgres>().sql(),
    ///     r#"SELECT ("trips"."back_at" - "trips"."left_at") FROM "trips""#
    /// );
    /// ```
    fn interval_since<S>(self, earlier: S) -> super::IntervalSince<Self, S::Expr>
    where
        Self::SqlType: super::DateLike,
        S: AsExpression<Self::SqlType>,
    {
        super::IntervalSince::new(self, earlier.as_expression())
    }
}

impl<E: Expression> ExpressionMethods for E {}

/// `AND`, `OR`, `NOT` on boolean expressions.
pub trait BoolExpressionMethods: Expression + Sized {
    /// `self AND rhs`
    fn and<R: AsExpression<Self::SqlType>>(self, rhs: R) -> Binary<And, Self, R::Expr>
    where
        Self::SqlType: BoolLike,
    {
        Binary::new(self, rhs.as_expression())
    }
    /// `self OR rhs`
    fn or<R: AsExpression<Self::SqlType>>(self, rhs: R) -> Binary<Or, Self, R::Expr>
    where
        Self::SqlType: BoolLike,
    {
        Binary::new(self, rhs.as_expression())
    }
    /// `NOT self`
    fn not(self) -> Prefix<Not, Self>
    where
        Self::SqlType: BoolLike,
    {
        Prefix::new(self)
    }
}

impl<E: Expression> BoolExpressionMethods for E {}

/// LIKE, ILIKE and concatenation on text expressions.
pub trait TextExpressionMethods: Expression + Sized {
    /// `self LIKE pattern`
    fn like<R: AsExpression<Text>>(self, pattern: R) -> Binary<Like, Self, R::Expr>
    where
        Self::SqlType: TextType,
    {
        Binary::new(self, pattern.as_expression())
    }
    /// `self NOT LIKE pattern`
    fn not_like<R: AsExpression<Text>>(self, pattern: R) -> Binary<NotLike, Self, R::Expr>
    where
        Self::SqlType: TextType,
    {
        Binary::new(self, pattern.as_expression())
    }
    /// `self ILIKE pattern`: PostgreSQL only (rendering for another dialect does not compile).
    fn ilike<R: AsExpression<Text>>(self, pattern: R) -> Binary<ILike, Self, R::Expr>
    where
        Self::SqlType: TextType,
    {
        Binary::new(self, pattern.as_expression())
    }
    /// `self || rhs`
    fn concat<R: AsExpression<Text>>(self, rhs: R) -> Binary<Concat, Self, R::Expr>
    where
        Self::SqlType: TextType,
    {
        Binary::new(self, rhs.as_expression())
    }
}

impl<E: Expression> TextExpressionMethods for E {}
