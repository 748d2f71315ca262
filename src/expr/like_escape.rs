//! Matching user text literally with LIKE: `%`, `_` and the escape character in the text are
//! escaped, and the comparison says `ESCAPE '\'`.
//!
//! Without this, a search for `50%` also finds `500 ml`, and a user can widen any search with
//! `%`. PostgreSQL escapes with `\` by default but SQLite has no default escape character, so
//! escaping the text alone is not portable: the `ESCAPE` clause is part of the expression.

use super::operators::{BinaryOperator, ILike, Like, NotLike, OperatorFor};
use super::{Expression, ValidGrouping, ValidIn};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder};
use crate::types::{Bool, Flag, SqlType, TextType, Value};
use std::borrow::Cow;
use std::marker::PhantomData;

/// The escape character of [`escape_like`] and of [`LikeEscapeMethods`]' `ESCAPE` clause.
pub const LIKE_ESCAPE: char = '\\';

/// `text` with LIKE's wildcards (`%`, `_`) and the escape character (`\`) escaped, so that it
/// matches only itself in a pattern compared with `ESCAPE '\'`
/// ([`LikeEscapeMethods::like_escaped`]).
///
/// ```
/// assert_eq!(aludel::expr::escape_like("50%_off\\"), "50\\%\\_off\\\\");
/// ```
pub fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        if matches!(c, '%' | '_' | LIKE_ESCAPE) {
            out.push(LIKE_ESCAPE);
        }
        out.push(c);
    }
    out
}

/// `lhs LIKE pattern ESCAPE '\'` (or `NOT LIKE`, `ILIKE`): the pattern is a bind parameter.
/// Built by [`LikeEscapeMethods`].
#[derive(Debug, Clone)]
pub struct LikeEscaped<Op, L> {
    lhs: L,
    pattern: String,
    _op: PhantomData<Op>,
}

impl<Op, L> LikeEscaped<Op, L> {
    fn new(lhs: L, pattern: String) -> Self {
        LikeEscaped { lhs, pattern, _op: PhantomData }
    }
}

type BoolLike<T> = <<T as SqlType>::IsNullable as Flag>::Apply<Bool>;

impl<Op: BinaryOperator, L: Expression> Expression for LikeEscaped<Op, L> {
    type SqlType = BoolLike<L::SqlType>;
    type Aggregate = L::Aggregate;
    type Plain = L::Plain;
    type Window = L::Window;
}

impl<Op: BinaryOperator, L: ValidIn<F, I>, F, I> ValidIn<F, I> for LikeEscaped<Op, L> {
    type SqlTypeIn = BoolLike<L::SqlTypeIn>;
}

impl<Op, L: ValidGrouping<G, I>, G, I> ValidGrouping<G, (I,)> for LikeEscaped<Op, L> {}

impl<D: Dialect, Op, L> QueryFragment<D> for LikeEscaped<Op, L>
where
    Op: BinaryOperator + OperatorFor<D>,
    L: QueryFragment<D>,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("(");
        self.lhs.walk(out);
        out.push_sql(Op::SQL);
        out.push_bind(Value::Text(Cow::Borrowed(&self.pattern)));
        out.push_sql(" ESCAPE '\\')");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.lhs.shape(shape)
    }
}

/// LIKE comparisons that match user text literally, on every dialect: `contains`,
/// `starts_with`, `ends_with`, and patterns of your own built with [`escape_like`].
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { products (id) { id -> Integer, name -> Text, } }
///
/// # fn main() -> aludel::Result<()> {
/// let q = products::table.select(products::name).filter(products::name.contains("50%"));
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT "products"."name" FROM "products" WHERE ("products"."name" LIKE ?1 ESCAPE '\')"#
/// );
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "products"."name" FROM "products" WHERE ("products"."name" LIKE $1 ESCAPE '\')"#
/// );
///
/// let mut conn = SqliteConnection::open("sqlite::memory:")?;
/// MetaData::new([products::table::def()]).create_all(&mut conn, CheckFirst::No)?;
/// insert(products::table)
///     .values(vec![(products::name.eq("50% off"),), (products::name.eq("500 ml"),)])
///     .execute(&mut conn)?;
/// let found: Vec<String> = q.load(&mut conn)?;
/// assert_eq!(found, ["50% off"]);
/// # Ok(()) }
/// ```
pub trait LikeEscapeMethods: Expression + Sized
where
    Self::SqlType: TextType,
{
    /// `self LIKE '%text%' ESCAPE '\'`: `text` anywhere, taken literally.
    fn contains(self, text: &str) -> LikeEscaped<Like, Self> {
        LikeEscaped::new(self, format!("%{}%", escape_like(text)))
    }

    /// `self LIKE 'text%' ESCAPE '\'`: starts with `text`, taken literally.
    fn starts_with(self, text: &str) -> LikeEscaped<Like, Self> {
        LikeEscaped::new(self, format!("{}%", escape_like(text)))
    }

    /// `self LIKE '%text' ESCAPE '\'`: ends with `text`, taken literally.
    fn ends_with(self, text: &str) -> LikeEscaped<Like, Self> {
        LikeEscaped::new(self, format!("%{}", escape_like(text)))
    }

    /// `self LIKE pattern ESCAPE '\'`, for a pattern whose literal parts went through
    /// [`escape_like`]: `format!("{}%{}", escape_like(a), escape_like(b))`.
    fn like_escaped(self, pattern: impl Into<String>) -> LikeEscaped<Like, Self> {
        LikeEscaped::new(self, pattern.into())
    }

    /// `self NOT LIKE pattern ESCAPE '\'`, as [`like_escaped`](Self::like_escaped).
    fn not_like_escaped(self, pattern: impl Into<String>) -> LikeEscaped<NotLike, Self> {
        LikeEscaped::new(self, pattern.into())
    }

    /// `self ILIKE pattern ESCAPE '\'` (PostgreSQL only), as
    /// [`like_escaped`](Self::like_escaped).
    fn ilike_escaped(self, pattern: impl Into<String>) -> LikeEscaped<ILike, Self> {
        LikeEscaped::new(self, pattern.into())
    }
}

impl<E: Expression> LikeEscapeMethods for E where E::SqlType: TextType {}
