//! `SELECT`.

use super::clauses::*;
use super::selection::SelectableIn;
use super::{AsQuery, MaybeEmpty, Query};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::expr::{Expression, OrderIn, ValidIn};
use crate::schema::{FromClause, QuerySource};
use crate::types::{BoolLike, Value};
use std::marker::PhantomData;

/// The select list is the FROM clause's default: all columns of its tables.
#[derive(Debug, Clone, Copy, Default)]
pub struct DefaultSelect;

/// An explicit select list `S` whose SQL row type is `ST`.
#[derive(Debug, Clone, Copy)]
pub struct SelectClause<S, ST> {
    list: S,
    _row: PhantomData<fn() -> ST>,
}

/// A `SELECT` statement over the FROM clause `F`.
///
/// Built from a table (`users::table.filter(...)`) and refined by methods whose bounds keep
/// it valid: every column must come from `F`, conditions must be boolean.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { users (id) { id -> Integer, name -> Text, age -> Nullable<Integer>, } }
///
/// let q = users::table
///     .select((users::id, users::name))
///     .filter(users::age.ge(18))
///     .order_by(users::name.asc())
///     .limit(10)
///     .offset(20);
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "users"."id", "users"."name" FROM "users" WHERE ("users"."age" >= $1) ORDER BY "users"."name" ASC LIMIT $2 OFFSET $3"#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT "users"."id", "users"."name" FROM "users" WHERE ("users"."age" >= ?1) ORDER BY "users"."name" ASC LIMIT ?2 OFFSET ?3"#
/// );
/// ```
#[derive(Debug, Clone, Copy)]
#[must_use = "a query does nothing until it is executed"]
pub struct SelectStatement<F, S = DefaultSelect, W = NoWhere, O = NoOrder, Dist = NoDistinct> {
    from: F,
    select: S,
    where_clause: W,
    order: O,
    limit: Option<i64>,
    offset: Option<i64>,
    distinct: Dist,
}

impl<F: QuerySource> SelectStatement<F> {
    /// `SELECT <all columns> FROM from`.
    pub fn new(from: F) -> Self {
        SelectStatement {
            from,
            select: DefaultSelect,
            where_clause: NoWhere,
            order: NoOrder,
            limit: None,
            offset: None,
            distinct: NoDistinct,
        }
    }
}

impl<F: QuerySource, S, W, O, Dist> SelectStatement<F, S, W, O, Dist> {
    /// Replaces the select list. Each column must come from the FROM clause; the result's row
    /// type follows from the columns' SQL types.
    pub fn select<S2, I>(
        self,
        list: S2,
    ) -> SelectStatement<F, SelectClause<S2, S2::RowType>, W, O, Dist>
    where
        S2: SelectableIn<F, I>,
    {
        SelectStatement {
            from: self.from,
            select: SelectClause { list, _row: PhantomData },
            where_clause: self.where_clause,
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            distinct: self.distinct,
        }
    }

    /// Adds a WHERE condition (ANDed with earlier ones). SQLAlchemy's `filter` / `where`.
    pub fn filter<E, I>(self, condition: E) -> SelectStatement<F, S, W::Output, O, Dist>
    where
        E: Expression + ValidIn<F, I>,
        <E as ValidIn<F, I>>::SqlTypeIn: BoolLike,
        W: WhereAnd<E>,
    {
        SelectStatement {
            from: self.from,
            select: self.select,
            where_clause: self.where_clause.and_where(condition),
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            distinct: self.distinct,
        }
    }

    /// Same as [`filter`](Self::filter), named after SQL.
    pub fn where_<E, I>(self, condition: E) -> SelectStatement<F, S, W::Output, O, Dist>
    where
        E: Expression + ValidIn<F, I>,
        <E as ValidIn<F, I>>::SqlTypeIn: BoolLike,
        W: WhereAnd<E>,
    {
        self.filter(condition)
    }

    /// Sets ORDER BY (replacing an earlier one): a column or expression, `.asc()`/`.desc()`,
    /// optionally `.nulls_first()`/`.nulls_last()`, or a tuple of those.
    pub fn order_by<O2, I>(self, order: O2) -> SelectStatement<F, S, W, OrderBy<O2>, Dist>
    where
        O2: OrderIn<F, I>,
    {
        SelectStatement {
            from: self.from,
            select: self.select,
            where_clause: self.where_clause,
            order: OrderBy(order),
            limit: self.limit,
            offset: self.offset,
            distinct: self.distinct,
        }
    }

    /// `LIMIT n` (bound as a parameter).
    pub fn limit(mut self, n: i64) -> Self {
        self.limit = Some(n);
        self
    }

    /// `OFFSET n` (bound as a parameter).
    pub fn offset(mut self, n: i64) -> Self {
        self.offset = Some(n);
        self
    }

    /// `SELECT DISTINCT`.
    pub fn distinct(self) -> SelectStatement<F, S, W, O, Distinct> {
        SelectStatement {
            from: self.from,
            select: self.select,
            where_clause: self.where_clause,
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            distinct: Distinct,
        }
    }

    /// `SELECT DISTINCT ON (expr)`: PostgreSQL only; rendering it for another dialect does
    /// not compile.
    pub fn distinct_on<E, I>(self, on: E) -> SelectStatement<F, S, W, O, DistinctOn<E>>
    where
        E: SelectableIn<F, I>,
    {
        SelectStatement {
            from: self.from,
            select: self.select,
            where_clause: self.where_clause,
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            distinct: DistinctOn(on),
        }
    }
}

impl<F: QuerySource, W, O, Dist> Query for SelectStatement<F, DefaultSelect, W, O, Dist> {
    type SqlType = F::DefaultSqlType;
}

impl<F, S, ST, W, O, Dist> Query for SelectStatement<F, SelectClause<S, ST>, W, O, Dist> {
    type SqlType = ST;
}

impl<F, S, W, O, Dist> AsQuery for SelectStatement<F, S, W, O, Dist> {
    type Query = Self;
    fn as_query(self) -> Self {
        self
    }
}

impl<F, S, W, O, Dist> MaybeEmpty for SelectStatement<F, S, W, O, Dist> {}

/// Writes a select list for dialect `D`.
pub trait SelectListFragment<F, D: Dialect> {
    /// Writes the list.
    fn walk_list<'a>(&'a self, from: &'a F, out: &mut SqlBuilder<'a, D>);
}

impl<F: QuerySource, D: Dialect> SelectListFragment<F, D> for DefaultSelect {
    fn walk_list<'a>(&'a self, from: &'a F, out: &mut SqlBuilder<'a, D>) {
        from.walk_default_selection(out);
    }
}

impl<F, S: QueryFragment<D>, ST, D: Dialect> SelectListFragment<F, D> for SelectClause<S, ST> {
    fn walk_list<'a>(&'a self, _from: &'a F, out: &mut SqlBuilder<'a, D>) {
        self.list.walk(out);
    }
}

impl<D: Dialect, F, S, W, O, Dist> QueryFragment<D> for SelectStatement<F, S, W, O, Dist>
where
    F: QuerySource + FromClause<D>,
    S: SelectListFragment<F, D>,
    W: QueryFragment<D>,
    O: QueryFragment<D>,
    Dist: QueryFragment<D>,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("SELECT ");
        self.distinct.walk(out);
        self.select.walk_list(&self.from, out);
        out.push_sql(" FROM ");
        self.from.walk_from(out);
        self.where_clause.walk(out);
        self.order.walk(out);
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
}
