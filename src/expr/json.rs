//! The JSON operators (feature `json`): `->`, `->>` on both dialects, and JSONB's `@>` and `?`
//! on PostgreSQL only.
//!
//! SQLite (3.38 and newer; the bundled library is newer) has `->` and `->>` with PostgreSQL's
//! meaning for an object key or an array index. Its `->>` returns SQL numbers for JSON
//! numbers, so aludel casts the result to text on every dialect: `get_text` is always `Text`
//! (a JSON `true` reads as `"true"` on PostgreSQL but `"1"` on SQLite, which has no booleans).

use super::operators::{Binary, BinaryOperator, OperatorFor, OperatorResult};
use super::{AsExpression, Cast, Expression, TypedBind};
use crate::dialect::{Dialect, SupportsJsonb};
use crate::types::{Bool, Flag, Integer, JsonType, JsonbType, Nullable, SqlType, Text};

/// A test's result: `Bool`, nullable when either side is.
type Test<L, R> =
    <<<L as SqlType>::IsNullable as Flag>::Or<<R as SqlType>::IsNullable> as Flag>::Apply<Bool>;

/// `->`: the member at a key or index, as JSON (NULL when there is none).
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonGet;
impl BinaryOperator for JsonGet {
    const SQL: &'static str = " -> ";
}
impl<L: SqlType, R: SqlType> OperatorResult<L, R> for JsonGet {
    type Output = Nullable<L::NotNull>;
}
impl<D: Dialect> OperatorFor<D> for JsonGet {}

/// `->>`: the member at a key or index, as text (NULL when there is none).
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonGetText;
impl BinaryOperator for JsonGetText {
    const SQL: &'static str = " ->> ";
}
impl<L: SqlType, R: SqlType> OperatorResult<L, R> for JsonGetText {
    type Output = Nullable<Text>;
}
impl<D: Dialect> OperatorFor<D> for JsonGetText {}

/// `@>`: the left JSONB document contains the right one (PostgreSQL only).
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonContains;
impl BinaryOperator for JsonContains {
    const SQL: &'static str = " @> ";
}
impl<L: SqlType, R: SqlType> OperatorResult<L, R> for JsonContains {
    type Output = Test<L, R>;
}
impl<D: SupportsJsonb> OperatorFor<D> for JsonContains {}

/// `?`: the JSONB object has the key, or the array the string element (PostgreSQL only).
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonHasKey;
impl BinaryOperator for JsonHasKey {
    const SQL: &'static str = " ? ";
}
impl<L: SqlType, R: SqlType> OperatorResult<L, R> for JsonHasKey {
    type Output = Test<L, R>;
}
impl<D: SupportsJsonb> OperatorFor<D> for JsonHasKey {}

/// A step into a JSON document: an object key (`&str`, `String`) or an array index (`i32`,
/// from 0). It is bound with its type stated (`CAST($1 AS TEXT)` on PostgreSQL), because
/// `->` exists for both.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a JSON key or index",
    label = "expected an object key (`&str`, `String`) or an array index (`i32`)"
)]
pub trait JsonPathStep {
    /// The bound key or index.
    type Expr: Expression;
    /// Binds the step.
    fn into_step(self) -> Self::Expr;
}

impl<'a> JsonPathStep for &'a str {
    type Expr = TypedBind<'a, Text>;
    fn into_step(self) -> Self::Expr {
        TypedBind::new(self)
    }
}

impl<'a> JsonPathStep for &'a String {
    type Expr = TypedBind<'a, Text>;
    fn into_step(self) -> Self::Expr {
        TypedBind::new(self)
    }
}

impl JsonPathStep for String {
    type Expr = TypedBind<'static, Text>;
    fn into_step(self) -> Self::Expr {
        TypedBind::new(self)
    }
}

impl JsonPathStep for i32 {
    type Expr = TypedBind<'static, Integer>;
    fn into_step(self) -> Self::Expr {
        TypedBind::new(self)
    }
}

/// The JSON operators, as methods of `Json` and `Jsonb` expressions.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { events (id) { id -> Integer, payload -> Jsonb, } }
///
/// let q = events::table
///     .select(events::payload.get("user").get_text("name"))
///     .filter(events::payload.get_text("kind").eq("login"));
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT CAST((("events"."payload" -> ?1) ->> ?2) AS TEXT) FROM "events" WHERE (CAST(("events"."payload" ->> ?3) AS TEXT) = ?4)"#
/// );
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT CAST((("events"."payload" -> CAST($1 AS TEXT)) ->> CAST($2 AS TEXT)) AS TEXT) FROM "events" WHERE (CAST(("events"."payload" ->> CAST($3 AS TEXT)) AS TEXT) = $4)"#
/// );
///
/// // JSONB containment and key tests are PostgreSQL-only.
/// let q = events::table
///     .select(events::id)
///     .filter(events::payload.contains(serde_json::json!({"kind": "login"})).and(events::payload.has_key("user")));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "events"."id" FROM "events" WHERE (("events"."payload" @> $1) AND ("events"."payload" ? $2))"#
/// );
/// ```
pub trait JsonExpressionMethods: Expression + Sized
where
    Self::SqlType: JsonType,
{
    /// `self -> key`: the member at an object key or array index, as JSON of the same type
    /// (`NULL` when there is none).
    fn get<K: JsonPathStep>(self, key: K) -> Binary<JsonGet, Self, K::Expr> {
        Binary::new(self, key.into_step())
    }

    /// `self ->> key`: the member at an object key or array index, as `Text` (`NULL` when
    /// there is none or it is JSON `null`; a string without its quotes).
    fn get_text<K: JsonPathStep>(self, key: K) -> Cast<Binary<JsonGetText, Self, K::Expr>, Text> {
        Cast::new(Binary::new(self, key.into_step()))
    }

    /// `self @> document`: `self` contains `document` (every key and element of it, at the same
    /// place). JSONB on PostgreSQL only.
    fn contains<R: AsExpression<Self::SqlType>>(
        self,
        document: R,
    ) -> Binary<JsonContains, Self, R::Expr>
    where
        Self::SqlType: JsonbType,
    {
        Binary::new(self, document.as_expression())
    }

    /// `self ? key`: the object has the top-level key (or the array the string element).
    /// JSONB on PostgreSQL only.
    fn has_key<R: AsExpression<Text>>(self, key: R) -> Binary<JsonHasKey, Self, R::Expr>
    where
        Self::SqlType: JsonbType,
    {
        Binary::new(self, key.as_expression())
    }
}

impl<E: Expression> JsonExpressionMethods for E where E::SqlType: JsonType {}
