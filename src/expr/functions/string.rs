//! String functions: LOWER, UPPER, LENGTH, SUBSTR, TRIM, REPLACE (concatenation is the `||`
//! operator, [`TextExpressionMethods::concat`](crate::expr::TextExpressionMethods::concat)).

use super::{Call, SameAsFirst, scalar_functions};
use crate::expr::{AsExpression, Expression};
use crate::types::{Flag, Integer, TextType};

scalar_functions! {
    /// `LOWER(text)`
    Lower "LOWER" => |A| SameAsFirst<A>;
    /// `UPPER(text)`
    Upper "UPPER" => |A| SameAsFirst<A>;
    /// `TRIM(text)`: without leading and trailing spaces.
    Trim "TRIM" => |A| SameAsFirst<A>;
    /// `LENGTH(text)`: the number of characters, an `Integer`.
    Length "LENGTH" => |A| <A::AnyNullable as Flag>::Apply<Integer>;
    /// `SUBSTR(text, start, length)`: both dialects have this spelling.
    Substr "SUBSTR" => |A| SameAsFirst<A>;
    /// `REPLACE(text, from, to)`
    Replace "REPLACE" => |A| SameAsFirst<A>;
}

/// `LOWER(e)`: the text in lower case.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { users (id) { id -> Integer, name -> Text, } }
///
/// let q = users::table.select(lower(users::name));
/// assert_eq!(q.compile::<Sqlite>().sql(), r#"SELECT LOWER("users"."name") FROM "users""#);
/// assert_eq!(q.compile::<Postgres>().sql(), r#"SELECT LOWER("users"."name") FROM "users""#);
/// ```
pub fn lower<E>(e: E) -> Call<Lower, (E,)>
where
    E: Expression,
    E::SqlType: TextType,
{
    Call::new((e,))
}

/// `UPPER(e)`: the text in upper case.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { users (id) { id -> Integer, name -> Text, } }
///
/// let q = users::table.select(upper(users::name));
/// assert_eq!(q.compile::<Sqlite>().sql(), r#"SELECT UPPER("users"."name") FROM "users""#);
/// assert_eq!(q.compile::<Postgres>().sql(), r#"SELECT UPPER("users"."name") FROM "users""#);
/// ```
pub fn upper<E>(e: E) -> Call<Upper, (E,)>
where
    E: Expression,
    E::SqlType: TextType,
{
    Call::new((e,))
}

/// `TRIM(e)`: the text without leading and trailing spaces.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { users (id) { id -> Integer, name -> Text, } }
///
/// let q = users::table.select(trim(users::name));
/// assert_eq!(q.compile::<Sqlite>().sql(), r#"SELECT TRIM("users"."name") FROM "users""#);
/// assert_eq!(q.compile::<Postgres>().sql(), r#"SELECT TRIM("users"."name") FROM "users""#);
/// ```
pub fn trim<E>(e: E) -> Call<Trim, (E,)>
where
    E: Expression,
    E::SqlType: TextType,
{
    Call::new((e,))
}

/// `LENGTH(e)`: the number of characters, as an `Integer` (NULL for NULL text).
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { users (id) { id -> Integer, name -> Text, } }
///
/// let q = users::table.filter(length(users::name).gt(3)).select(users::id);
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT "users"."id" FROM "users" WHERE (LENGTH("users"."name") > ?1)"#
/// );
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "users"."id" FROM "users" WHERE (LENGTH("users"."name") > $1)"#
/// );
/// ```
pub fn length<E>(e: E) -> Call<Length, (E,)>
where
    E: Expression,
    E::SqlType: TextType,
{
    Call::new((e,))
}

/// `SUBSTR(e, start, len)`: `len` characters from the 1-based position `start`.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { users (id) { id -> Integer, name -> Text, } }
///
/// let q = users::table.select(substring(users::name, 2, 3));
/// assert_eq!(q.compile::<Sqlite>().sql(), r#"SELECT SUBSTR("users"."name", ?1, ?2) FROM "users""#);
/// assert_eq!(q.compile::<Postgres>().sql(), r#"SELECT SUBSTR("users"."name", $1, $2) FROM "users""#);
/// ```
pub fn substring<E, S, L>(e: E, start: S, len: L) -> Call<Substr, (E, S::Expr, L::Expr)>
where
    E: Expression,
    E::SqlType: TextType,
    S: AsExpression<Integer>,
    L: AsExpression<Integer>,
{
    Call::new((e, start.as_expression(), len.as_expression()))
}

/// `REPLACE(e, from, to)`: the text with every occurrence of `from` replaced by `to`.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { users (id) { id -> Integer, name -> Text, } }
///
/// let q = users::table.select(replace(users::name, "a", "b"));
/// assert_eq!(q.compile::<Sqlite>().sql(), r#"SELECT REPLACE("users"."name", ?1, ?2) FROM "users""#);
/// assert_eq!(q.compile::<Postgres>().sql(), r#"SELECT REPLACE("users"."name", $1, $2) FROM "users""#);
/// ```
pub fn replace<E, A, B>(e: E, from: A, to: B) -> Call<Replace, (E, A::Expr, B::Expr)>
where
    E: Expression,
    E::SqlType: TextType,
    A: AsExpression<E::SqlType>,
    B: AsExpression<E::SqlType>,
{
    Call::new((e, from.as_expression(), to.as_expression()))
}
