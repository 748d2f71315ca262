//! Set operations: UNION [ALL], INTERSECT, EXCEPT, with ORDER BY / LIMIT on the result.

use super::clauses::{NoOrder, OrderBy};
use super::insert::RowComparable;
use super::select::SelectStatement;
use super::set_output::{OrderByOutputOf, UnionRow};
use super::{AsQuery, MaybeEmpty, Query};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder};
use crate::types::Value;

/// The two sides of a set operation have compatible rows: same arity, comparable types.
#[diagnostic::on_unimplemented(
    message = "the two sides of a set operation select different column types: `{Self}` and `{Rhs}`",
    label = "both queries must select the same number of columns, of comparable SQL types"
)]
pub trait SetCompatible<Rhs> {}

#[diagnostic::do_not_recommend]
impl<L: RowComparable<R>, R> SetCompatible<R> for L {}

/// `left op right [ORDER BY ...] [LIMIT n] [OFFSET n]`.
#[derive(Debug, Clone)]
#[must_use = "a query does nothing until it is executed"]
pub struct CompoundSelect<L, R, O = NoOrder> {
    left: L,
    right: R,
    op: &'static str,
    order: O,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// Set operations on queries.
///
/// Both sides select the same number of columns, of comparable SQL types. A column of the
/// combined rows may be NULL when it may be on either side, so its type is nullable if either
/// side's is. ORDER BY of the combined rows names output columns only: those of the first
/// query's select list.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! {
///     users (id) { id -> Integer, name -> Text, }
///     admins (id) { id -> Integer, login -> Text, }
/// }
///
/// let everyone = users::table
///     .select(users::name)
///     .union(admins::table.select(admins::login))
///     .order_by(users::name)
///     .limit(10);
/// assert_eq!(
///     everyone.compile::<Postgres>().sql(),
///     r#"SELECT "users"."name" FROM "users" UNION SELECT "admins"."login" FROM "admins" ORDER BY "name" LIMIT $1"#
/// );
///
/// // `nicks.nick` may be NULL, so the combined column is `Nullable<Text>`: load `Option`s.
/// # aludel::table! { nicks (id) { id -> Integer, nick -> Nullable<Text>, } }
/// let names = users::table.select(users::name).union(nicks::table.select(nicks::nick));
/// let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
/// MetaData::new([users::table::def(), nicks::table::def()])
///     .create_all(&mut conn, CheckFirst::No)
///     .unwrap();
/// insert(nicks::table).values(nicks::nick.eq(None::<&str>)).execute(&mut conn).unwrap();
/// let rows: Vec<Option<String>> = names.load(&mut conn).unwrap();
/// assert_eq!(rows, [None]);
/// ```
///
/// ```compile_fail
/// # use aludel::prelude::*;
/// # aludel::table! {
/// #     users (id) { id -> Integer, name -> Text, }
/// #     admins (id) { id -> Integer, login -> Text, }
/// # }
/// // `users.id` is not an output column: only `name` is.
/// let q = users::table.select(users::name).union(admins::table.select(admins::login)).order_by(users::id);
/// ```
pub trait CombineDsl: AsQuery + Sized
where
    Self::Query: Query,
{
    /// `self UNION other`: distinct rows of both.
    fn union<R>(self, other: R) -> CompoundSelect<Self::Query, R::Query>
    where
        R: AsQuery,
        R::Query: Query,
        <R::Query as Query>::SqlType: SetCompatible<<Self::Query as Query>::SqlType>,
    {
        combine(self, other, " UNION ")
    }
    /// `self UNION ALL other`: all rows of both.
    fn union_all<R>(self, other: R) -> CompoundSelect<Self::Query, R::Query>
    where
        R: AsQuery,
        R::Query: Query,
        <R::Query as Query>::SqlType: SetCompatible<<Self::Query as Query>::SqlType>,
    {
        combine(self, other, " UNION ALL ")
    }
    /// `self INTERSECT other`: rows in both.
    fn intersect<R>(self, other: R) -> CompoundSelect<Self::Query, R::Query>
    where
        R: AsQuery,
        R::Query: Query,
        <R::Query as Query>::SqlType: SetCompatible<<Self::Query as Query>::SqlType>,
    {
        combine(self, other, " INTERSECT ")
    }
    /// `self EXCEPT other`: rows of `self` not in `other`.
    fn except<R>(self, other: R) -> CompoundSelect<Self::Query, R::Query>
    where
        R: AsQuery,
        R::Query: Query,
        <R::Query as Query>::SqlType: SetCompatible<<Self::Query as Query>::SqlType>,
    {
        combine(self, other, " EXCEPT ")
    }
}

fn combine<L: AsQuery, R: AsQuery>(
    left: L,
    right: R,
    op: &'static str,
) -> CompoundSelect<L::Query, R::Query> {
    CompoundSelect {
        left: left.as_query(),
        right: right.as_query(),
        op,
        order: NoOrder,
        limit: None,
        offset: None,
    }
}

impl<F, S, W, O, Dist, G, H, Lk> CombineDsl for SelectStatement<F, S, W, O, Dist, G, H, Lk> where
    Self: Query
{
}

impl<L, R, O> CombineDsl for CompoundSelect<L, R, O> where Self: Query {}

impl<L, R> CompoundSelect<L, R, NoOrder> {
    /// ORDER BY of the combined rows. Only output columns may be named: columns of the first
    /// query's select list (the combined rows have no others), written without their table,
    /// as SQL requires here.
    pub fn order_by<O, I>(self, order: O) -> CompoundSelect<L, R, OrderBy<O>>
    where
        O: OrderByOutputOf<L, I>,
    {
        CompoundSelect {
            left: self.left,
            right: self.right,
            op: self.op,
            order: OrderBy(order),
            limit: self.limit,
            offset: self.offset,
        }
    }
}

impl<L, R, O> CompoundSelect<L, R, O> {
    /// `LIMIT n` on the combined rows.
    pub fn limit(mut self, n: i64) -> Self {
        self.limit = Some(n);
        self
    }
    /// `OFFSET n` on the combined rows.
    pub fn offset(mut self, n: i64) -> Self {
        self.offset = Some(n);
        self
    }
}

// A column of the combined rows is NULL-able when it is on either side.
impl<L: Query, R: Query, O> Query for CompoundSelect<L, R, O>
where
    L::SqlType: UnionRow<R::SqlType>,
{
    type SqlType = <L::SqlType as UnionRow<R::SqlType>>::Out;
}

impl<L, R, O> AsQuery for CompoundSelect<L, R, O> {
    type Query = Self;
    fn as_query(self) -> Self {
        self
    }
}

impl<L, R, O> MaybeEmpty for CompoundSelect<L, R, O> {}

impl<L: super::subquery::Correlation, R, O> super::subquery::Correlation
    for CompoundSelect<L, R, O>
{
    type Outer = L::Outer;
}

impl<D, L, R, O> QueryFragment<D> for CompoundSelect<L, R, O>
where
    D: Dialect,
    L: QueryFragment<D>,
    R: QueryFragment<D>,
    O: QueryFragment<D>,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        self.left.walk(out);
        out.push_sql(self.op);
        self.right.walk(out);
        let qualify = out.set_qualify_columns(false);
        self.order.walk(out);
        out.set_qualify_columns(qualify);
        if let Some(n) = self.limit {
            out.push_sql(" LIMIT ");
            out.push_bind(Value::I64(n));
        } else if self.offset.is_some() {
            out.push_sql(D::LIMIT_ALL);
        }
        if let Some(n) = self.offset {
            out.push_sql(" OFFSET ");
            out.push_bind(Value::I64(n));
        }
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        shape.add(self.op.len() as u64);
        shape.add(u64::from(self.limit.is_some()) | u64::from(self.offset.is_some()) << 1);
        self.left.shape(shape) && self.right.shape(shape) && self.order.shape(shape)
    }
}
