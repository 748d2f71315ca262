//! Functions about NULL: COALESCE and NULLIF.

use super::{ArgTypes, Call, scalar_functions};
use crate::expr::{AsExpression, Expression};
use crate::types::{Flag, Nullable, SqlType};

scalar_functions! {
    /// `COALESCE(a, b, ...)`: the first non-NULL argument; NULL only if every argument may be.
    Coalesce "COALESCE" => |A| <A::AllNullable as Flag>::Apply<<A::First as SqlType>::NotNull>;
    /// `NULLIF(a, b)`: NULL when `a = b`, else `a`; always nullable.
    NullIf "NULLIF" => |A| Nullable<<A::First as SqlType>::NotNull>;
}

/// `COALESCE(a, b)`: `a` unless it is NULL, then `b`. Add fallbacks with
/// [`or_else`](Call::or_else). The result is not nullable when any argument is not.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { users (id) { id -> Integer, nick -> Nullable<Text>, name -> Text, } }
///
/// // A not-null last argument makes the result `Text`, loadable into `String`.
/// let q = users::table.select(coalesce(users::nick, users::name));
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT COALESCE("users"."nick", "users"."name") FROM "users""#
/// );
/// let q = users::table.select(coalesce(users::nick, users::nick).or_else("anonymous"));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT COALESCE("users"."nick", "users"."nick", $1) FROM "users""#
/// );
/// ```
pub fn coalesce<A, B>(a: A, b: B) -> Call<Coalesce, (A, B::Expr)>
where
    A: Expression,
    B: AsExpression<<A::SqlType as SqlType>::NotNull>,
{
    Call::new((a, b.as_expression()))
}

/// `NULLIF(a, b)`: NULL when `a` equals `b`, otherwise `a`.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { users (id) { id -> Integer, name -> Text, } }
///
/// let q = users::table.select(nullif(users::name, ""));
/// assert_eq!(q.compile::<Sqlite>().sql(), r#"SELECT NULLIF("users"."name", ?1) FROM "users""#);
/// assert_eq!(q.compile::<Postgres>().sql(), r#"SELECT NULLIF("users"."name", $1) FROM "users""#);
/// ```
pub fn nullif<A, B>(a: A, b: B) -> Call<NullIf, (A, B::Expr)>
where
    A: Expression,
    B: AsExpression<<A::SqlType as SqlType>::NotNull>,
{
    Call::new((a, b.as_expression()))
}

macro_rules! coalesce_or_else {
    ($(($($t:ident),+))*) => {$(
        impl<$($t),+> Call<Coalesce, ($($t,)+)> {
            /// Adds `fallback` as the last argument of `COALESCE`.
            #[allow(non_snake_case)]
            pub fn or_else<Z>(self, fallback: Z) -> Call<Coalesce, ($($t,)+ Z::Expr)>
            where
                Self: CoalesceFirst,
                Z: AsExpression<<Self as CoalesceFirst>::First>,
            {
                let ($($t,)+) = self.args;
                Call::new(($($t,)+ fallback.as_expression()))
            }
        }
    )*};
}

/// The (not-null) SQL type of the first argument of a `COALESCE`, which its fallbacks share.
#[doc(hidden)]
pub trait CoalesceFirst {
    /// The first argument's SQL type.
    type First: SqlType;
}

impl<Args: super::Arguments> CoalesceFirst for Call<Coalesce, Args> {
    type First = <<Args::Types as ArgTypes>::First as SqlType>::NotNull;
}

coalesce_or_else! {
    (A, B)
    (A, B, C)
    (A, B, C, E)
    (A, B, C, E, G)
}
