//! Boxed queries: a SELECT whose filters, orderings and joins are chosen at runtime, keeping
//! every column and type check.
//!
//! Boxing fixes the dialect and erases the statement's parts behind trait objects, so the type
//! stays the same while conditions are added in a loop. What stays static is the *scope*: the
//! tables the query may use. Tables that a runtime branch may join are declared up front with
//! [`BoxedSelect::may_join`]; their columns are nullable (the join may be an outer one) and
//! usable in conditions and select lists, and [`BoxedSelect::join`] /
//! [`BoxedSelect::outer_join`] add the join when the program decides to.

use super::clauses::{GroupBy, NoGroupBy, NoOrder, NoWhere, OrderBy, Where};
use super::select::{DefaultSelect, OrderListFor, SelectClause, SelectList, SelectStatement};
use super::selection::SelectableIn;
use super::subquery::Correlation;
use super::{AsQuery, Compile, Compiled, MaybeEmpty, Query};
use crate::dialect::{BoxedFor, Dialect, QueryFragment, SqlBuilder};
use crate::expr::{
    AggregatesNotMixed, ConditionIn, Expression, NoAggregateInOn, NoAggregateInWhere, NoWindowInOn,
    NoWindowInWhere, OrderIn, SelectFlags, ValidGrouping, ValidIn,
};
use crate::schema::{FromClause, HasTable, Here, InLeft, InRight, QuerySource, Table};
use crate::types::Bool;
use std::marker::PhantomData;
use typenum::{B0, B1};

/// The static scope of a boxed query: the FROM clause `F` it was built on, the tables `X`
/// (a list `(T, (U, ()))`) that may be joined at runtime, and its GROUP BY `G` (`NoGroupBy` or
/// `GroupBy<list>`), so that a select list or ordering added later is still checked against it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope<F, X, G = NoGroupBy>(PhantomData<(F, X, G)>);

impl<F: HasTable<T, I>, X, G, T, I> HasTable<T, InLeft<I>> for Scope<F, X, G> {
    type Nullable = F::Nullable;
}

/// The GROUP BY of a boxed query's scope.
pub trait BoxedGrouping {
    /// `NoGroupBy` or `GroupBy<list>`.
    type Group;
}

impl<F, X, G> BoxedGrouping for Scope<F, X, G> {
    type Group = G;
}

/// A select list given to a boxed query: with GROUP BY, its columns are grouped or aggregated;
/// without, it does not mix aggregates with plain columns.
#[diagnostic::on_unimplemented(
    message = "this select list uses a column that is neither in GROUP BY nor inside an aggregate function",
    label = "every selected column must be grouped or aggregated",
    note = "add the column to `group_by(...)` before boxing, or wrap it in an aggregate such as `max(...)`"
)]
pub trait BoxedSelectListFor<G, I> {}

impl<S: SelectFlags> BoxedSelectListFor<NoGroupBy, ()> for S where
    (S::Aggregate, S::Plain): AggregatesNotMixed
{
}

#[diagnostic::do_not_recommend]
impl<S: ValidGrouping<G, I>, G, I> BoxedSelectListFor<GroupBy<G>, I> for S {}

impl<F, X: MayJoin<T, I>, G, T, I> HasTable<T, InRight<I>> for Scope<F, X, G> {
    // A table joined at runtime may be outer-joined: its columns are nullable.
    type Nullable = B1;
}

/// Membership of table `T` in the list of tables a boxed query may join.
#[diagnostic::on_unimplemented(
    message = "table `{T}` was not declared joinable for this boxed query",
    label = "declare it with `.may_join::<table>()` before joining it"
)]
pub trait MayJoin<T, I> {}
impl<T, Rest> MayJoin<T, Here> for (T, Rest) {}
impl<A, Rest: MayJoin<T, I>, T, I> MayJoin<T, InRight<I>> for (A, Rest) {}

/// A FROM source as dialect `D` writes it, behind a trait object.
trait SourceDyn<D: Dialect> {
    fn walk_from_dyn<'b>(&'b self, out: &mut SqlBuilder<'b, D>);
    fn walk_default_selection_dyn(&self, out: &mut SqlBuilder<'_, D>);
}

impl<D: Dialect, F: QuerySource + FromClause<D>> SourceDyn<D> for F {
    fn walk_from_dyn<'b>(&'b self, out: &mut SqlBuilder<'b, D>) {
        self.walk_from(out);
    }
    fn walk_default_selection_dyn(&self, out: &mut SqlBuilder<'_, D>) {
        self.walk_default_selection(out);
    }
}

type Fragment<'a, D> = Box<dyn QueryFragment<D> + 'a>;

/// A SELECT for dialect `D` over scope `F` with row type `ST`, whose parts are boxed.
///
/// ```
/// use aludel::prelude::*;
/// use aludel::query::Conditions;
/// aludel::table! { users (id) { id -> Integer, name -> Text, age -> Integer, } }
///
/// // A search form: every field optional.
/// let name: Option<&str> = Some("a%");
/// let min_age: Option<i32> = None;
/// let mut q = users::table.select(users::name).into_boxed::<Sqlite>();
/// if let Some(n) = name {
///     q = q.filter(users::name.like(n));
/// }
/// if let Some(a) = min_age {
///     q = q.filter(users::age.ge(a));
/// }
/// let mut either = Conditions::any();
/// for id in [1, 2] {
///     either = either.push(users::id.eq(id));
/// }
/// q = q.filter(either).order_by(users::name);
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT "users"."name" FROM "users" WHERE (("users"."name" LIKE ?1)) AND ((("users"."id" = ?2) OR ("users"."id" = ?3))) ORDER BY "users"."name""#
/// );
/// ```
#[must_use = "a query does nothing until it is executed"]
pub struct BoxedSelect<'a, F, ST, D: Dialect> {
    from: Box<dyn SourceDyn<D> + 'a>,
    joins: Vec<(&'static str, Box<dyn SourceDyn<D> + 'a>, Fragment<'a, D>)>,
    select: Option<Box<dyn SelectList<D> + 'a>>,
    distinct: Fragment<'a, D>,
    wheres: Vec<Fragment<'a, D>>,
    group: Fragment<'a, D>,
    having: Fragment<'a, D>,
    orders: Vec<Fragment<'a, D>>,
    limit: Option<i64>,
    offset: Option<i64>,
    lock: Fragment<'a, D>,
    _types: PhantomData<fn() -> (F, ST)>,
}

/// The parts of a statement's clauses, taken apart for boxing.
pub trait BoxParts<'a, D: Dialect> {
    /// The boxed fragments (empty when the clause is absent).
    fn into_fragments(self) -> Vec<Fragment<'a, D>>;
}

impl<'a, D: Dialect> BoxParts<'a, D> for NoWhere {
    fn into_fragments(self) -> Vec<Fragment<'a, D>> {
        Vec::new()
    }
}

impl<'a, D: Dialect, E: QueryFragment<D> + 'a> BoxParts<'a, D> for Where<E> {
    fn into_fragments(self) -> Vec<Fragment<'a, D>> {
        vec![Box::new(self.0)]
    }
}

impl<'a, D: Dialect> BoxParts<'a, D> for NoOrder {
    fn into_fragments(self) -> Vec<Fragment<'a, D>> {
        Vec::new()
    }
}

impl<'a, D: Dialect, O: QueryFragment<D> + 'a> BoxParts<'a, D> for OrderBy<O> {
    fn into_fragments(self) -> Vec<Fragment<'a, D>> {
        vec![Box::new(self.0)]
    }
}

/// A select list, boxed (or the default selection).
pub trait BoxSelect<'a, D: Dialect> {
    /// The boxed list; `None` for the default selection.
    fn into_boxed_list(self) -> Option<Box<dyn SelectList<D> + 'a>>;
}

impl<'a, D: Dialect> BoxSelect<'a, D> for DefaultSelect {
    fn into_boxed_list(self) -> Option<Box<dyn SelectList<D> + 'a>> {
        None
    }
}

impl<'a, D: Dialect, S: SelectList<D> + 'a, I> BoxSelect<'a, D> for SelectClause<S, I> {
    fn into_boxed_list(self) -> Option<Box<dyn SelectList<D> + 'a>> {
        Some(Box::new(self.list))
    }
}

impl<F, S, W, O, Dist, G, H, Lk> SelectStatement<F, S, W, O, Dist, G, H, Lk>
where
    Self: Query,
{
    /// Boxes the statement for dialect `D`, so that conditions, orderings and joins can be
    /// added at runtime without changing its type.
    pub fn into_boxed<'a, D: Dialect>(
        self,
    ) -> BoxedSelect<'a, Scope<F, (), G>, <Self as Query>::SqlType, D>
    where
        F: QuerySource + FromClause<D> + 'a,
        S: BoxSelect<'a, D>,
        W: BoxParts<'a, D>,
        O: BoxParts<'a, D>,
        Dist: QueryFragment<D> + 'a,
        G: QueryFragment<D> + 'a,
        H: QueryFragment<D> + 'a,
        Lk: QueryFragment<D> + 'a,
    {
        BoxedSelect {
            from: Box::new(self.from),
            joins: Vec::new(),
            select: self.select.into_boxed_list(),
            distinct: Box::new(self.distinct),
            wheres: self.where_clause.into_fragments(),
            group: Box::new(self.group),
            having: Box::new(self.having),
            orders: self.order.into_fragments(),
            limit: self.limit,
            offset: self.offset,
            lock: Box::new(self.lock),
            _types: PhantomData,
        }
    }
}

impl<F, ST, D: Dialect> BoxedSelect<'_, F, ST, D> {
    /// The statement's SQL and binds for dialect `W`, which must be the dialect the query was
    /// boxed for (this shadows [`Compile::compile`] so that another dialect is refused with
    /// the dialect rule's own message).
    ///
    /// ```
    /// use aludel::prelude::*;
    /// aludel::table! { users (id) { id -> Integer, name -> Text, } }
    ///
    /// let q = users::table.select(users::name).into_boxed::<Postgres>();
    /// assert_eq!(q.compile::<Postgres>().sql(), r#"SELECT "users"."name" FROM "users""#);
    /// ```
    pub fn compile<W: BoxedFor<D>>(&self) -> Compiled<'_, W> {
        Compile::compile::<W>(self)
    }
}

impl<'a, F, X, G, ST, D: Dialect> BoxedSelect<'a, Scope<F, X, G>, ST, D> {
    /// Declares that `T` may be joined at runtime: its columns become usable (as nullable).
    pub fn may_join<T: Table>(self) -> BoxedSelect<'a, Scope<F, (T, X), G>, ST, D> {
        BoxedSelect {
            from: self.from,
            joins: self.joins,
            select: self.select,
            distinct: self.distinct,
            wheres: self.wheres,
            group: self.group,
            having: self.having,
            orders: self.orders,
            limit: self.limit,
            offset: self.offset,
            lock: self.lock,
            _types: PhantomData,
        }
    }

    /// Replaces the select list (columns of the scope, including joinable tables).
    pub fn select<S, I, IG>(self, list: S) -> BoxedSelect<'a, Scope<F, X, G>, S::RowType, D>
    where
        S: SelectableIn<Scope<F, X, G>, I> + SelectList<D> + 'a,
        S: BoxedSelectListFor<G, IG>,
    {
        BoxedSelect {
            from: self.from,
            joins: self.joins,
            select: Some(Box::new(list)),
            distinct: self.distinct,
            wheres: self.wheres,
            group: self.group,
            having: self.having,
            orders: self.orders,
            limit: self.limit,
            offset: self.offset,
            lock: self.lock,
            _types: PhantomData,
        }
    }
}

impl<'a, F, ST, D: Dialect> BoxedSelect<'a, F, ST, D> {
    /// Adds a WHERE condition (ANDed with the others).
    pub fn filter<E, I>(mut self, condition: E) -> Self
    where
        E: ConditionIn<F, I> + QueryFragment<D> + 'a,
        E: NoAggregateInWhere + NoWindowInWhere,
    {
        self.wheres.push(Box::new(condition));
        self
    }

    /// Appends an ORDER BY term.
    pub fn order_by<O, I, IG>(mut self, order: O) -> Self
    where
        O: OrderIn<F, I> + QueryFragment<D> + 'a,
        F: BoxedGrouping,
        O: OrderListFor<F::Group, IG>,
    {
        self.orders.push(Box::new(order));
        self
    }

    /// `LIMIT n`.
    pub fn limit(mut self, n: i64) -> Self {
        self.limit = Some(n);
        self
    }

    /// `OFFSET n`.
    pub fn offset(mut self, n: i64) -> Self {
        self.offset = Some(n);
        self
    }

    /// `INNER JOIN table ON condition`, for a table declared with `may_join`.
    pub fn join<T, IT, E, I>(mut self, table: T, on: E) -> Self
    where
        T: Table,
        F: HasTable<T, InRight<IT>>,
        E: ConditionIn<F, I> + QueryFragment<D> + 'a,
        E: NoAggregateInOn + NoWindowInOn,
    {
        self.joins.push((" INNER JOIN ", Box::new(table), Box::new(on)));
        self
    }

    /// `LEFT OUTER JOIN table ON condition`, for a table declared with `may_join`.
    pub fn outer_join<T, IT, E, I>(mut self, table: T, on: E) -> Self
    where
        T: Table,
        F: HasTable<T, InRight<IT>>,
        E: ConditionIn<F, I> + QueryFragment<D> + 'a,
        E: NoAggregateInOn + NoWindowInOn,
    {
        self.joins.push((" LEFT OUTER JOIN ", Box::new(table), Box::new(on)));
        self
    }
}

impl<F, ST, D: Dialect> Query for BoxedSelect<'_, F, ST, D> {
    type SqlType = ST;
}

impl<F, ST, D: Dialect> AsQuery for BoxedSelect<'_, F, ST, D> {
    type Query = Self;
    fn as_query(self) -> Self {
        self
    }
}

impl<F, ST, D: Dialect> MaybeEmpty for BoxedSelect<'_, F, ST, D> {
    fn first_row_only(mut self) -> Self {
        self.limit = self.limit.or(Some(1));
        self
    }
}

impl<F, ST, D: Dialect> Correlation for BoxedSelect<'_, F, ST, D> {
    type Outer = ();
}

fn walk_list<'b, D: Dialect>(
    parts: &'b [Fragment<'_, D>],
    sep: &str,
    wrap: bool,
    out: &mut SqlBuilder<'b, D>,
) {
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_sql(sep);
        }
        if wrap {
            out.push_sql("(");
        }
        part.walk(out);
        if wrap {
            out.push_sql(")");
        }
    }
}

// Generic over the dialect written for (`W`), so that a mismatch reports `BoxedFor`.
impl<F, ST, D: Dialect, W: BoxedFor<D>> QueryFragment<W> for BoxedSelect<'_, F, ST, D> {
    fn walk<'b>(&'b self, out: &mut SqlBuilder<'b, W>) {
        let out = W::builder(out);
        out.push_sql("SELECT ");
        self.distinct.walk(out);
        match &self.select {
            Some(list) => match out.take_select_labels() {
                Some(labels) => list.walk_labeled(&mut labels.iter(), out),
                None => list.walk_labeled(&mut [].iter(), out),
            },
            None => {
                out.take_select_labels();
                self.from.walk_default_selection_dyn(out);
            }
        }
        out.push_sql(" FROM ");
        self.from.walk_from_dyn(out);
        for (kind, table, on) in &self.joins {
            out.push_sql(kind);
            table.walk_from_dyn(out);
            out.push_sql(" ON ");
            on.walk(out);
        }
        if !self.wheres.is_empty() {
            out.push_sql(" WHERE ");
            walk_list(&self.wheres, " AND ", true, out);
        }
        self.group.walk(out);
        self.having.walk(out);
        if !self.orders.is_empty() {
            out.push_sql(" ORDER BY ");
            walk_list(&self.orders, ", ", false, out);
        }
        super::select::walk_limit_offset(self.limit, self.offset, out);
        self.lock.walk(out);
    }
}

/// A runtime-sized AND or OR of conditions valid in scope `F`, for dialect `D`.
///
/// `Conditions::all()` with no conditions is true; `Conditions::any()` with none is false.
pub struct Conditions<'a, F, D: Dialect> {
    parts: Vec<Fragment<'a, D>>,
    any: bool,
    _scope: PhantomData<fn() -> F>,
}

impl<'a, F, D: Dialect> Conditions<'a, F, D> {
    /// Conditions joined by AND.
    pub fn all() -> Self {
        Conditions { parts: Vec::new(), any: false, _scope: PhantomData }
    }
    /// Conditions joined by OR.
    pub fn any() -> Self {
        Conditions { parts: Vec::new(), any: true, _scope: PhantomData }
    }
    /// Adds a condition.
    pub fn push<E, I>(mut self, condition: E) -> Self
    where
        E: ConditionIn<F, I> + QueryFragment<D> + 'a,
        E: NoAggregateInWhere + NoWindowInWhere,
    {
        self.parts.push(Box::new(condition));
        self
    }
    /// Whether no condition was added.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }
}

impl<F, D: Dialect> Expression for Conditions<'_, F, D> {
    type SqlType = Bool;
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

impl<F, D: Dialect> ValidIn<F, ()> for Conditions<'_, F, D> {
    type SqlTypeIn = Bool;
}

impl<F, D: Dialect, G> ValidGrouping<G, ()> for Conditions<'_, F, D> {}

impl<F, D: Dialect, W: BoxedFor<D>> QueryFragment<W> for Conditions<'_, F, D> {
    fn walk<'b>(&'b self, out: &mut SqlBuilder<'b, W>) {
        let out = W::builder(out);
        if self.parts.is_empty() {
            out.push_sql(if self.any { "(1 = 0)" } else { "(1 = 1)" });
            return;
        }
        out.push_sql("(");
        walk_list(&self.parts, if self.any { " OR " } else { " AND " }, false, out);
        out.push_sql(")");
    }
}
