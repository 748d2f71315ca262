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
    /// `self` (a `Date`, `Timestamp` or `TimestampTz`) plus `days` days, of the same type.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// aludel::table! { events (id) { id -> Integer, day -> Date, at -> Timestamp, } }
    ///
    /// let q = events::table.select((events::day.add_days(7), events::at.add_days(-1)));
    /// assert_eq!(
    ///     q.compile::<Sqlite>().sql(),
    ///     r#"SELECT date("events"."day", printf('%+d days', ?1)), strftime('%Y-%m-%d %H:%M:%f', "events"."at", printf('%+d days', ?2)) FROM "events""#
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
