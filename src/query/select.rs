//! `SELECT`.

use super::clauses::*;
use super::selection::SelectableIn;
use super::{AsQuery, MaybeEmpty, Query};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder};
use crate::expr::{
    AggregatesNotMixed, Asc, ConditionIn, Desc, Expression, Itself, NoAggregateInGroupBy,
    NoAggregateInWhere, NoWindowInGroupBy, NoWindowInHaving, NoWindowInWhere, NullsFirst,
    NullsLast, OrderIn, SelectFlags, ValidGrouping,
};
use crate::schema::{FromClause, QuerySource};
use crate::types::{Flag, Value};
use std::marker::PhantomData;
use typenum::{B0, B1};

/// The select list is the FROM clause's default: all columns of its tables.
#[derive(Debug, Clone, Copy, Default)]
pub struct DefaultSelect;

// `SELECT *` in a grouped query is left to the database to judge (PostgreSQL accepts it when
// grouped by the primary key).
impl<G> ValidGrouping<G, ()> for DefaultSelect {}

// `SELECT *` selects plain columns.
impl SelectFlags for DefaultSelect {
    type Aggregate = B0;
    type Plain = B1;
    type Window = B0;
}

// A select list chosen before GROUP BY is checked when GROUP BY arrives, by its expressions.
#[diagnostic::do_not_recommend]
impl<S: ValidGrouping<G, IG>, I, G, IG> ValidGrouping<G, IG> for SelectClause<S, I> {}

impl<S: SelectFlags, I> SelectFlags for SelectClause<S, I> {
    type Aggregate = S::Aggregate;
    type Plain = S::Plain;
    type Window = S::Window;
}

/// An explicit select list `S`, proved valid in the FROM clause by index `I` (its row type
/// is computed from the two when the statement is run).
#[derive(Debug)]
pub struct SelectClause<S, I> {
    pub(crate) list: S,
    _index: PhantomData<fn() -> I>,
}

impl<S: Clone, I> Clone for SelectClause<S, I> {
    fn clone(&self) -> Self {
        SelectClause { list: self.list.clone(), _index: PhantomData }
    }
}

impl<S: Copy, I> Copy for SelectClause<S, I> {}

/// A `SELECT` statement over the FROM clause `F`.
///
/// Built from a table (`users::table.filter(...)`) or a join, and refined by methods whose
/// bounds keep it valid: every column must come from `F`, conditions must be boolean, and in a
/// grouped query every selected column must be grouped or aggregated.
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
///
/// let per_name = users::table
///     .group_by(users::name)
///     .select((users::name, count_star()))
///     .having(count_star().gt(1));
/// assert_eq!(
///     per_name.compile::<Sqlite>().sql(),
///     r#"SELECT "users"."name", COUNT(*) FROM "users" GROUP BY "users"."name" HAVING (COUNT(*) > ?1)"#
/// );
/// ```
#[derive(Debug, Clone, Copy)]
#[must_use = "a query does nothing until it is executed"]
pub struct SelectStatement<
    F,
    S = DefaultSelect,
    W = NoWhere,
    O = NoOrder,
    Dist = NoDistinct,
    G = NoGroupBy,
    H = NoHaving,
    Lk = NoLock,
> {
    pub(crate) from: F,
    pub(crate) select: S,
    pub(crate) where_clause: W,
    pub(crate) order: O,
    pub(crate) limit: Option<i64>,
    pub(crate) offset: Option<i64>,
    pub(crate) distinct: Dist,
    pub(crate) group: G,
    pub(crate) having: H,
    pub(crate) lock: Lk,
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
            group: NoGroupBy,
            having: NoHaving,
            lock: NoLock,
        }
    }
}

#[diagnostic::on_unimplemented(
    message = "this select list uses a column that is neither in GROUP BY nor inside an aggregate function",
    label = "every selected column must be grouped or aggregated",
    note = "add the column to `group_by(...)`, or wrap it in an aggregate such as `max(...)`"
)]
/// Checks a select list against the grouping of the query: with GROUP BY, every plain column
/// must be grouped (proved by index `I`); without, nothing is checked here (mixing aggregates
/// with plain columns is refused when the statement is rendered).
pub trait SelectListFor<G, I> {}

impl<S> SelectListFor<NoGroupBy, ()> for S {}

#[diagnostic::do_not_recommend]
impl<S: ValidGrouping<G, I>, G, I> SelectListFor<GroupBy<G>, I> for S {}

/// Checks ORDER BY terms against the grouping of the query, as [`SelectListFor`] does the
/// select list: with GROUP BY, every plain column must be grouped (proved by index `I`).
#[diagnostic::on_unimplemented(
    message = "ORDER BY of a grouped query uses a column that is neither in GROUP BY nor inside an aggregate function",
    label = "order by grouped columns or aggregates only",
    note = "add the column to `group_by(...)`, or order by an aggregate such as `max(...)`"
)]
pub trait OrderListFor<G, I> {}

impl<O> OrderListFor<NoGroupBy, ()> for O {}

/// `SELECT DISTINCT` may be ordered only by what it selects (PostgreSQL refuses anything else:
/// after DISTINCT there is no single row to take another column's value from). `Self` is
/// `(distinct, select list, ORDER BY clause)`; `I` proves each ordered column selected.
#[diagnostic::on_unimplemented(
    message = "ORDER BY of a SELECT DISTINCT uses an expression that is not in its select list",
    label = "order a DISTINCT query by selected columns only",
    note = "add the expression to `select(...)`, or drop `distinct()`"
)]
pub trait DistinctOrdered<I> {}

impl<S, O> DistinctOrdered<()> for (NoDistinct, S, O) {}
impl<E, S> DistinctOrdered<()> for (DistinctOn<E>, S, NoOrder) {}
// `DISTINCT ON (e)` keeps the first row of each `e`: ORDER BY must start with `e`.
impl<E, S, O: LeadsWith<E, I>, I> DistinctOrdered<I> for (DistinctOn<E>, S, OrderBy<O>) {}

/// ORDER BY terms `Self` start with the DISTINCT ON expressions `E` (in their order; `I`
/// proves it).
#[diagnostic::on_unimplemented(
    message = "ORDER BY of a SELECT DISTINCT ON must start with the DISTINCT ON expressions",
    label = "this ORDER BY does not start with `{E}`",
    note = "order by the DISTINCT ON expressions first, then by what picks the row kept for each"
)]
pub trait LeadsWith<E, I> {}

/// An ORDER BY term of expression `E`: `E` itself, or `E` with a direction or NULLS placement.
#[diagnostic::on_unimplemented(
    message = "ORDER BY of a SELECT DISTINCT ON must start with the DISTINCT ON expressions",
    label = "`{Self}` is not a term of `{E}`",
    note = "order by the DISTINCT ON expressions first, then by what picks the row kept for each"
)]
pub trait TermOf<E, I> {}

/// Index: a term with a direction (or NULLS placement) around `I`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Directed<I>(I);

impl<E: Expression> TermOf<E, Itself> for E {}
impl<T: TermOf<E, I>, E, I> TermOf<E, Directed<I>> for Asc<T> {}
impl<T: TermOf<E, I>, E, I> TermOf<E, Directed<I>> for Desc<T> {}
impl<T: TermOf<E, I>, E, I> TermOf<E, Directed<I>> for NullsFirst<T> {}
impl<T: TermOf<E, I>, E, I> TermOf<E, Directed<I>> for NullsLast<T> {}

/// Index: the whole ORDER BY is one term of the expression.
#[derive(Debug, Clone, Copy, Default)]
pub struct OneTerm<I>(I);

impl<O: TermOf<E, I>, E, I> LeadsWith<E, OneTerm<I>> for O {}

/// Index: the first of several ORDER BY terms is a term of the expression.
#[derive(Debug, Clone, Copy, Default)]
pub struct FirstTerm<I>(I);

macro_rules! leads_with {
    ($(($($t:ident),*))*) => {$(
        // A single DISTINCT ON expression leads a longer ORDER BY.
        impl<E, I, A: TermOf<E, I>, $($t),*> LeadsWith<E, FirstTerm<I>> for (A, $($t,)*) {}
    )*};
}
leads_with! { (B) (B, C) (B, C, D) (B, C, D, G) }

macro_rules! leads_with_list {
    ($([$($e:ident $t:ident $i:ident),+] [$($rest:ident),*])*) => {$(
        impl<$($e, $t: TermOf<$e, $i>, $i,)+ $($rest),*> LeadsWith<($($e,)+), ($($i,)+)>
            for ($($t,)+ $($rest,)*)
        {
        }
    )*};
}
leads_with_list! {
    [EA A IA, EB B IB] []
    [EA A IA, EB B IB] [C]
    [EA A IA, EB B IB] [C, D]
    [EA A IA, EB B IB, EC C IC] []
    [EA A IA, EB B IB, EC C IC] [D]
}
impl<S> DistinctOrdered<()> for (Distinct, S, NoOrder) {}
// `SELECT DISTINCT *` selects every column of FROM.
impl<O> DistinctOrdered<()> for (Distinct, DefaultSelect, OrderBy<O>) {}

// The select list stands in for a GROUP BY list: each ordered column must be found in it.
#[diagnostic::do_not_recommend]
impl<L, IL, O: ValidGrouping<L, I>, I> DistinctOrdered<I>
    for (Distinct, SelectClause<L, IL>, OrderBy<O>)
{
}

/// Checks a HAVING condition against the GROUP BY list `G`: every plain column must be
/// grouped (proved by index `I`); aggregates may use any column.
#[diagnostic::on_unimplemented(
    message = "HAVING uses a column that is neither in GROUP BY nor inside an aggregate function",
    label = "this condition may use only grouped columns and aggregates",
    note = "the query is grouped by `{G}`: add the column to `group_by(...)`, aggregate it, or filter rows before grouping with `filter(...)`"
)]
pub trait HavingFor<G, I> {}

#[diagnostic::do_not_recommend]
impl<E: ValidGrouping<G, I>, G, I> HavingFor<G, I> for E {}

#[diagnostic::do_not_recommend]
impl<O: ValidGrouping<G, I>, G, I> OrderListFor<GroupBy<G>, I> for O {}

impl<F: QuerySource, S, W, O, Dist, G, H, Lk> SelectStatement<F, S, W, O, Dist, G, H, Lk> {
    /// Sets the WHERE clause to a condition proved valid elsewhere (the ORM's relationship
    /// filters, built from a foreign key and a condition checked by their own bounds).
    pub(crate) fn filter_proved<E>(
        self,
        condition: E,
    ) -> SelectStatement<F, S, Where<E>, O, Dist, G, H, Lk>
    where
        W: Into<NoWhere>,
    {
        SelectStatement {
            from: self.from,
            select: self.select,
            where_clause: Where(condition),
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            distinct: self.distinct,
            group: self.group,
            having: self.having,
            lock: self.lock,
        }
    }

    /// Replaces the FROM clause with one built from it, keeping every table it had (the
    /// ORM's joins along relationships): conditions and orderings already proved against the
    /// old FROM stay valid.
    pub(crate) fn extend_from<F2>(
        self,
        extend: impl FnOnce(F) -> F2,
    ) -> SelectStatement<F2, S, W, O, Dist, G, H, Lk> {
        SelectStatement {
            from: extend(self.from),
            select: self.select,
            where_clause: self.where_clause,
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            distinct: self.distinct,
            group: self.group,
            having: self.having,
            lock: self.lock,
        }
    }

    /// Sets the select list with an index proved elsewhere (the ORM's derived models); the
    /// proof is checked again when the statement runs (`Query` needs `S2: SelectableIn<F, I>`).
    pub(crate) fn select_proved<S2, I>(
        self,
        list: S2,
    ) -> SelectStatement<F, SelectClause<S2, I>, W, O, Dist, G, H, Lk> {
        SelectStatement {
            from: self.from,
            select: SelectClause { list, _index: PhantomData },
            where_clause: self.where_clause,
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            distinct: self.distinct,
            group: self.group,
            having: self.having,
            lock: self.lock,
        }
    }

    /// Replaces the select list. Each column must come from the FROM clause (and, in a grouped
    /// query, be grouped or aggregated); the row type follows from the columns' SQL types.
    pub fn select<S2, I, IG, ID>(
        self,
        list: S2,
    ) -> SelectStatement<F, SelectClause<S2, I>, W, O, Dist, G, H, Lk>
    where
        S2: SelectableIn<F, I> + SelectListFor<G, IG>,
        (Dist, SelectClause<S2, I>, O): DistinctOrdered<ID>,
    {
        SelectStatement {
            from: self.from,
            select: SelectClause { list, _index: PhantomData },
            where_clause: self.where_clause,
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            distinct: self.distinct,
            group: self.group,
            having: self.having,
            lock: self.lock,
        }
    }

    /// Adds a WHERE condition (ANDed with earlier ones). SQLAlchemy's `filter` / `where`.
    pub fn filter<E, I>(self, condition: E) -> SelectStatement<F, S, W::Output, O, Dist, G, H, Lk>
    where
        E: ConditionIn<F, I> + NoAggregateInWhere + NoWindowInWhere,
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
            group: self.group,
            having: self.having,
            lock: self.lock,
        }
    }

    /// Same as [`filter`](Self::filter), named after SQL.
    pub fn where_<E, I>(self, condition: E) -> SelectStatement<F, S, W::Output, O, Dist, G, H, Lk>
    where
        E: ConditionIn<F, I> + NoAggregateInWhere + NoWindowInWhere,
        W: WhereAnd<E>,
    {
        self.filter(condition)
    }

    /// Sets ORDER BY (replacing an earlier one): a column or expression, `.asc()`/`.desc()`,
    /// optionally `.nulls_first()`/`.nulls_last()`, or a tuple of those.
    pub fn order_by<O2, I, IG, ID>(
        self,
        order: O2,
    ) -> SelectStatement<F, S, W, OrderBy<O2>, Dist, G, H, Lk>
    where
        O2: OrderIn<F, I> + OrderListFor<G, IG>,
        (Dist, S, OrderBy<O2>): DistinctOrdered<ID>,
    {
        SelectStatement {
            from: self.from,
            select: self.select,
            where_clause: self.where_clause,
            order: OrderBy(order),
            limit: self.limit,
            offset: self.offset,
            distinct: self.distinct,
            group: self.group,
            having: self.having,
            lock: self.lock,
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
    pub fn distinct<ID>(self) -> SelectStatement<F, S, W, O, Distinct, G, H, Lk>
    where
        (Distinct, S, O): DistinctOrdered<ID>,
    {
        SelectStatement {
            from: self.from,
            select: self.select,
            where_clause: self.where_clause,
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            distinct: Distinct,
            group: self.group,
            having: self.having,
            lock: self.lock,
        }
    }

    /// `SELECT DISTINCT ON (expr)`: PostgreSQL only; rendering it for another dialect does
    /// not compile.
    pub fn distinct_on<E, I, ID>(
        self,
        on: E,
    ) -> SelectStatement<F, S, W, O, DistinctOn<E>, G, H, Lk>
    where
        E: SelectableIn<F, I>,
        (DistinctOn<E>, S, O): DistinctOrdered<ID>,
    {
        SelectStatement {
            from: self.from,
            select: self.select,
            where_clause: self.where_clause,
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            distinct: DistinctOn(on),
            group: self.group,
            having: self.having,
            lock: self.lock,
        }
    }

    /// `FOR UPDATE`: lock the selected rows until the transaction ends (PostgreSQL only).
    pub fn for_update(self) -> SelectStatement<F, S, W, O, Dist, G, H, Lock> {
        self.locking(" FOR UPDATE")
    }

    /// `FOR SHARE`: lock the selected rows against changes (PostgreSQL only).
    pub fn for_share(self) -> SelectStatement<F, S, W, O, Dist, G, H, Lock> {
        self.locking(" FOR SHARE")
    }

    fn locking(self, mode: &'static str) -> SelectStatement<F, S, W, O, Dist, G, H, Lock> {
        SelectStatement {
            from: self.from,
            select: self.select,
            where_clause: self.where_clause,
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            distinct: self.distinct,
            group: self.group,
            having: self.having,
            lock: Lock { mode, wait: "" },
        }
    }
}

impl<F, S, W, O, Dist, G, H> SelectStatement<F, S, W, O, Dist, G, H, Lock> {
    /// `NOWAIT`: fail at once instead of waiting for rows others have locked.
    pub fn nowait(mut self) -> Self {
        self.lock = self.lock.nowait();
        self
    }
    /// `SKIP LOCKED`: leave out rows others have locked (work queues).
    pub fn skip_locked(mut self) -> Self {
        self.lock = self.lock.skip_locked();
        self
    }
}

impl<F: QuerySource, S, W, O, Dist, H, Lk> SelectStatement<F, S, W, O, Dist, NoGroupBy, H, Lk> {
    /// `GROUP BY list`: an expression or a tuple of them, valid in FROM. An explicit select
    /// list, HAVING and ORDER BY must then use only grouped columns, grouped expressions and
    /// aggregates (an ORDER BY set earlier is checked here). A list longer than a tuple allows
    /// nests: `((a, b, c), (d, e))` groups by all five. A grouped expression is recognized
    /// whole when it is built from columns and functions (`lower(name)`, `extract_year(d)`);
    /// one with a bound value is not, since PostgreSQL sees each `$n` as a new expression.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// aludel::table! { users (id) { id -> Integer, name -> Text, age -> Integer, } }
    ///
    /// let q = users::table
    ///     .group_by(lower(users::name))
    ///     .select((lower(users::name), count_star()))
    ///     .order_by(count_star().desc());
    /// assert_eq!(
    ///     q.compile::<Postgres>().sql(),
    ///     r#"SELECT LOWER("users"."name"), COUNT(*) FROM "users" GROUP BY LOWER("users"."name") ORDER BY COUNT(*) DESC"#
    /// );
    /// ```
    pub fn group_by<G2, I, IG, IO>(
        self,
        list: G2,
    ) -> SelectStatement<F, S, W, O, Dist, GroupBy<G2>, H, Lk>
    where
        G2: SelectableIn<F, I> + NoAggregateInGroupBy + NoWindowInGroupBy,
        S: SelectListFor<GroupBy<G2>, IG>,
        O: OrderClauseGrouped<G2, IO>,
    {
        SelectStatement {
            from: self.from,
            select: self.select,
            where_clause: self.where_clause,
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            distinct: self.distinct,
            group: GroupBy(list),
            having: self.having,
            lock: self.lock,
        }
    }
}

impl<F: QuerySource, S, W, O, Dist, G, H, Lk> SelectStatement<F, S, W, O, Dist, GroupBy<G>, H, Lk> {
    /// Adds a HAVING condition (ANDed with earlier ones): a condition over groups, using
    /// aggregates and grouped columns.
    pub fn having<E, I, IG>(
        self,
        condition: E,
    ) -> SelectStatement<F, S, W, O, Dist, GroupBy<G>, H::Output, Lk>
    where
        E: ConditionIn<F, I> + HavingFor<G, IG> + NoWindowInHaving,
        H: HavingAnd<E>,
    {
        SelectStatement {
            from: self.from,
            select: self.select,
            where_clause: self.where_clause,
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            distinct: self.distinct,
            group: self.group,
            having: self.having.and_having(condition),
            lock: self.lock,
        }
    }
}

impl<F: QuerySource, W, O, Dist, H, Lk> Query
    for SelectStatement<F, DefaultSelect, W, O, Dist, NoGroupBy, H, Lk>
where
    O: SelectFlags,
    (O::Aggregate, B1): AggregatesNotMixed,
{
    type SqlType = F::DefaultSqlType;
}

impl<F: QuerySource, W, O, Dist, G, H, Lk> Query
    for SelectStatement<F, DefaultSelect, W, O, Dist, GroupBy<G>, H, Lk>
{
    type SqlType = F::DefaultSqlType;
}

// The no-GROUP-BY rule sits directly on the statement's `Query` impl (rather than deeper in
// rendering) so that running a mixed select list reports our message first. ORDER BY counts:
// `SELECT name ... ORDER BY count(*)` mixes as much as selecting both.
impl<F, S, I, W, O, Dist, H, Lk> Query
    for SelectStatement<F, SelectClause<S, I>, W, O, Dist, NoGroupBy, H, Lk>
where
    S: SelectableIn<F, I> + SelectFlags,
    O: SelectFlags,
    (<S::Aggregate as Flag>::Or<O::Aggregate>, <S::Plain as Flag>::Or<O::Plain>):
        AggregatesNotMixed,
{
    type SqlType = S::RowType;
}

impl<F, S, I, W, O, Dist, G, H, Lk> Query
    for SelectStatement<F, SelectClause<S, I>, W, O, Dist, GroupBy<G>, H, Lk>
where
    S: SelectableIn<F, I>,
{
    type SqlType = S::RowType;
}

impl<F, S, W, O, Dist, G, H, Lk> AsQuery for SelectStatement<F, S, W, O, Dist, G, H, Lk> {
    type Query = Self;
    fn as_query(self) -> Self {
        self
    }
}

impl<F, S, W, O, Dist, G, H, Lk> MaybeEmpty for SelectStatement<F, S, W, O, Dist, G, H, Lk> {
    fn first_row_only(mut self) -> Self {
        self.limit = self.limit.or(Some(1));
        self
    }
}

/// Writes a select list for dialect `D` in a query grouped by `G`.
pub trait SelectListFragment<F, G, D: Dialect> {
    /// Writes the list.
    fn walk_list<'a>(&'a self, from: &'a F, out: &mut SqlBuilder<'a, D>);
    /// As [`QueryFragment::shape`].
    fn list_shape(&self, shape: &mut Shape) -> bool;
}

impl<F: QuerySource, G, D: Dialect> SelectListFragment<F, G, D> for DefaultSelect {
    fn walk_list<'a>(&'a self, from: &'a F, out: &mut SqlBuilder<'a, D>) {
        // `SELECT *` keeps its columns' own names; labels (if any) must not reach a subquery.
        out.take_select_labels();
        from.walk_default_selection(out);
    }
    fn list_shape(&self, _shape: &mut Shape) -> bool {
        true
    }
}

impl<F, G, S, I, D> SelectListFragment<F, G, D> for SelectClause<S, I>
where
    D: Dialect,
    S: SelectList<D>,
{
    fn walk_list<'a>(&'a self, _from: &'a F, out: &mut SqlBuilder<'a, D>) {
        match out.take_select_labels() {
            Some(labels) => self.list.walk_labeled(&mut labels.iter(), out),
            None => self.list.walk_labeled(&mut [].iter(), out),
        }
    }
    fn list_shape(&self, shape: &mut Shape) -> bool {
        self.list.list_shape(shape)
    }
}

/// A select list for dialect `D`, written with `AS "label"` after each column while labels
/// last (a derived table names its columns this way).
pub trait SelectList<D: Dialect> {
    /// Writes the list, labelling columns from `labels`.
    fn walk_labeled<'a>(
        &'a self,
        labels: &mut std::slice::Iter<'_, &'static str>,
        out: &mut SqlBuilder<'a, D>,
    );

    /// As [`QueryFragment::shape`].
    fn list_shape(&self, shape: &mut Shape) -> bool;
}

impl<E: Expression + QueryFragment<D>, D: Dialect> SelectList<D> for E {
    fn list_shape(&self, shape: &mut Shape) -> bool {
        self.shape(shape)
    }

    fn walk_labeled<'a>(
        &'a self,
        labels: &mut std::slice::Iter<'_, &'static str>,
        out: &mut SqlBuilder<'a, D>,
    ) {
        self.walk(out);
        if let Some(label) = labels.next().copied().or_else(|| self.select_label()) {
            out.push_sql(" AS ");
            out.push_ident(label);
        }
    }
}

macro_rules! tuple_select_list {
    ($first:ident $fi:ident $fn:tt $(, $rest:ident $ri:ident $rn:tt)*) => {
        #[allow(non_snake_case)]
        impl<D: Dialect, $first: SelectList<D>, $($rest: SelectList<D>),*> SelectList<D>
            for ($first, $($rest,)*)
        {
            fn walk_labeled<'a>(
                &'a self,
                labels: &mut std::slice::Iter<'_, &'static str>,
                out: &mut SqlBuilder<'a, D>,
            ) {
                let ($first, $($rest,)*) = self;
                $first.walk_labeled(labels, out);
                $( out.push_sql(", "); $rest.walk_labeled(labels, out); )*
            }
            fn list_shape(&self, shape: &mut Shape) -> bool {
                let ($first, $($rest,)*) = self;
                $first.list_shape(shape) $(&& $rest.list_shape(shape))*
            }
        }
    };
}

for_tuples!(tuple_select_list);

impl<D: Dialect, F, S, W, O, Dist, G, H, Lk> QueryFragment<D>
    for SelectStatement<F, S, W, O, Dist, G, H, Lk>
where
    F: QuerySource + FromClause<D>,
    S: SelectListFragment<F, G, D>,
    W: QueryFragment<D>,
    O: QueryFragment<D>,
    Dist: QueryFragment<D>,
    G: QueryFragment<D>,
    H: QueryFragment<D>,
    Lk: QueryFragment<D>,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("SELECT ");
        self.distinct.walk(out);
        self.select.walk_list(&self.from, out);
        if F::HAS_FROM {
            out.push_sql(" FROM ");
            self.from.walk_from(out);
        }
        self.where_clause.walk(out);
        self.group.walk(out);
        self.having.walk(out);
        self.order.walk(out);
        walk_limit_offset(self.limit, self.offset, out);
        self.lock.walk(out);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        shape.add(limit_offset_shape(self.limit, self.offset));
        self.from.shape_of_from(shape)
            && self.select.list_shape(shape)
            && self.where_clause.shape(shape)
            && self.order.shape(shape)
            && self.distinct.shape(shape)
            && self.group.shape(shape)
            && self.having.shape(shape)
            && self.lock.shape(shape)
    }
}

/// Writes `LIMIT` / `OFFSET`. The values are bound, except a limit of one (what `first` and
/// `.limit(1)` ask for), which is written `LIMIT 1`: SQLite plans a bound LIMIT much slower
/// (a primary-key lookup took 5.5 µs with `LIMIT ?` and 0.7 µs with `LIMIT 1`, raw rusqlite,
/// same run), and the constant is ours, not a user's value.
pub(crate) fn walk_limit_offset<D: Dialect>(
    limit: Option<i64>,
    offset: Option<i64>,
    out: &mut SqlBuilder<'_, D>,
) {
    match limit {
        Some(1) => out.push_sql(" LIMIT 1"),
        Some(n) => {
            out.push_sql(" LIMIT ");
            out.push_bind(Value::I64(n));
        }
        None if offset.is_some() => out.push_sql(D::LIMIT_ALL),
        None => {}
    }
    if let Some(n) = offset {
        out.push_sql(" OFFSET ");
        out.push_bind(Value::I64(n));
    }
}

/// The part of a statement's shape that `walk_limit_offset` decides.
pub(crate) fn limit_offset_shape(limit: Option<i64>, offset: Option<i64>) -> u64 {
    u64::from(limit.is_some()) | u64::from(offset.is_some()) << 1 | u64::from(limit == Some(1)) << 2
}
