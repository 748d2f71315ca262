//! Derived tables and CTEs declared inline: `query.alias("name")` and `query.cte("name")`,
//! read with `.c(item)`.
//!
//! A derived table or CTE declared with `table!` ([`subquery`](super::DerivedDsl::subquery),
//! [`cte`](super::cte)) states its columns' types; an inline one takes them from its query:
//! `.c(item)` finds `item` in the query's select list by type and gives a column of that
//! item's SQL type and nullability (made nullable again when the source is on the outer side
//! of a join), named by the item's column name or label. SQLAlchemy's
//! `select(..).subquery("name")`, `select(..).cte("name")` and `subq.c.name`.

use super::select::{SelectClause, SelectStatement};
use super::subquery::Correlation;
use super::{AsQuery, Query};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder};
use crate::expr::{Expression, GroupKey, OutputName, ValidIn};
use crate::schema::{FromClause, HasTable, Here, QuerySource};
use crate::types::Flag;
use std::marker::PhantomData;
use typenum::{B0, B1};

/// `(query) AS "name"`: a subquery in FROM whose columns are read from its own select list.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { orders (id) { id -> Integer, customer -> Text, total -> Integer, } }
///
/// let spent = sum(orders::total).label("spent");
/// let totals = orders::table.group_by(orders::customer).select((orders::customer, spent)).alias("totals");
/// let (customer, big) = (totals.c(orders::customer), totals.c(spent));
/// let q = totals.select(customer).filter(big.gt(100));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "totals"."customer" FROM (SELECT "orders"."customer", SUM("orders"."total") AS "spent" FROM "orders" GROUP BY "orders"."customer") AS "totals" WHERE ("totals"."spent" > $1)"#
/// );
/// ```
#[derive(Debug, Clone)]
pub struct Subquery<Q> {
    query: Q,
    name: &'static str,
}

/// Naming a query's rows as an inline derived table.
pub trait AliasDsl: AsQuery + Sized {
    /// Uses this query in FROM as `(query) AS "name"`; its columns are read with
    /// [`Subquery::c`].
    fn alias(self, name: &'static str) -> Subquery<Self::Query>
    where
        Self::Query: SelectItems,
    {
        Subquery { query: self.as_query(), name }
    }
}

impl<Q: AsQuery> AliasDsl for Q {}

/// A query whose select list is known by type (a SELECT with an explicit select list).
pub trait SelectItems: Query {
    /// The select list: one expression or a tuple of them.
    type Items;
}

impl<F, S, I, W, O, Dist, G, H, Lk> SelectItems
    for SelectStatement<F, SelectClause<S, I>, W, O, Dist, G, H, Lk>
where
    Self: Query,
{
    type Items = S;
}

/// Index: the select list item is this expression.
#[derive(Debug, Clone, Copy, Default)]
pub struct ThisItem;
/// Index: the item is found at position `N` of a tuple, at `J` within it.
#[derive(Debug, Clone, Copy, Default)]
pub struct AtItem<const N: usize, J>(J);

/// Finds expression `E` in a select list whose row type is `Row`; `SqlType` is its column's
/// SQL type there. The index `Idx` is inferred: an expression that is not in the list leaves
/// no impl, one that appears twice leaves two (the same expression selected twice cannot be
/// told apart by type: select it once).
#[diagnostic::on_unimplemented(
    message = "`{E}` is not an item of this subquery's select list",
    label = "read a column or labeled expression that the subquery selects",
    note = "pass the same column, or the same labeled expression, that the subquery's `select` lists"
)]
pub trait ItemAt<E, Row, Idx> {
    /// The item's SQL type.
    type SqlType;
}

impl<E, Row> ItemAt<E, Row, ThisItem> for E {
    type SqlType = Row;
}

macro_rules! tuple_item_at {
    ($($t:ident $r:ident $n:tt),+) => {
        tuple_item_at!(@each [$($t $r),+] $($t $r $n),+);
    };
    (@each $all:tt $($t:ident $r:ident $n:tt),+) => {$(
        tuple_item_at!(@one $all $t $r $n);
    )+};
    (@one [$($at:ident $ar:ident),+] $t:ident $r:ident $n:tt) => {
        impl<E, J, $($at, $ar),+> ItemAt<E, ($($ar,)+), AtItem<$n, J>> for ($($at,)+)
        where
            $t: ItemAt<E, $r, J>,
        {
            type SqlType = <$t as ItemAt<E, $r, J>>::SqlType;
        }
    };
}

for_tuples!(tuple_item_at up to 16);

/// A FROM source declared inline ([`Subquery`], [`InlineCte`]): its columns are the items of
/// `Query`'s select list.
pub trait InlineSource {
    /// The query whose select list gives the columns.
    type Query: SelectItems;
}

impl<Q: SelectItems> InlineSource for Subquery<Q> {
    type Query = Q;
}

macro_rules! inline_source_methods {
    ($what:literal) => {
        #[doc = concat!("The ", $what, "'s column holding `item` (a column or labeled expression of its query's")]
        /// select list): `"name"."item"`.
        pub fn c<E: OutputName, Idx>(&self, item: E) -> SubqueryColumn<Self, E, Idx>
        where
            Q: SelectItems,
            Q::Items: ItemAt<E, Q::SqlType, Idx>,
        {
            SubqueryColumn { table: self.name, column: item.output_name(), _item: PhantomData }
        }

        #[doc = concat!("The ", $what, "'s name.")]
        pub fn name(&self) -> &'static str {
            self.name
        }
    };
}

impl<Q> Subquery<Q> {
    inline_source_methods!("derived table");
}

/// A column of the inline derived table or CTE `Src`: its item `E` (found at `Idx`).
pub struct SubqueryColumn<Src, E, Idx> {
    table: &'static str,
    column: &'static str,
    _item: PhantomData<fn() -> (Src, E, Idx)>,
}

impl<Src, E, Idx> Clone for SubqueryColumn<Src, E, Idx> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<Src, E, Idx> Copy for SubqueryColumn<Src, E, Idx> {}

impl<Src, E, Idx> std::fmt::Debug for SubqueryColumn<Src, E, Idx> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.table, self.column)
    }
}

/// The SQL type of item `E` (at `Idx`) of the select list of `Src`'s query.
type ItemType<Src, E, Idx> = <<<Src as InlineSource>::Query as SelectItems>::Items as ItemAt<
    E,
    <<Src as InlineSource>::Query as Query>::SqlType,
    Idx,
>>::SqlType;

impl<Src: InlineSource, E, Idx> Expression for SubqueryColumn<Src, E, Idx>
where
    <Src::Query as SelectItems>::Items: ItemAt<E, <Src::Query as Query>::SqlType, Idx>,
    ItemType<Src, E, Idx>: crate::types::SqlType,
{
    type SqlType = ItemType<Src, E, Idx>;
    type Aggregate = B0;
    type Plain = B1;
    type Window = B0;
}

impl<Src, E, Idx, F: HasTable<Src, I>, I> ValidIn<F, I> for SubqueryColumn<Src, E, Idx>
where
    Self: Expression,
{
    type SqlTypeIn = <F::Nullable as Flag>::Apply<<Self as Expression>::SqlType>;
}

impl<Src, E, Idx> GroupKey for SubqueryColumn<Src, E, Idx> {}

impl<Src, E, Idx> OutputName for SubqueryColumn<Src, E, Idx> {
    fn output_name(&self) -> &'static str {
        self.column
    }
}

impl<Src, E, Idx, D: Dialect> QueryFragment<D> for SubqueryColumn<Src, E, Idx> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        if out.qualify_columns() {
            out.push_ident(self.table);
            out.push_sql(".");
        }
        out.push_ident(self.column);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        shape.add_name(self.table);
        shape.add_name(self.column);
        true
    }
}

crate::__impl_arithmetic!([Src, E, Idx,] SubqueryColumn<Src, E, Idx>);

impl<Q> HasTable<Subquery<Q>, Here> for Subquery<Q> {
    type Nullable = B0;
}

impl<Q: Query> QuerySource for Subquery<Q> {
    type DefaultSqlType = Q::SqlType;
    fn walk_default_selection<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>) {
        out.push_ident(self.name);
        out.push_sql(".*");
    }
}

impl<Q: QueryFragment<D>, D: Dialect> FromClause<D> for Subquery<Q> {
    fn walk_from<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("(");
        self.query.walk(out);
        out.push_sql(") AS ");
        out.push_ident(self.name);
    }
    fn shape_of_from(&self, shape: &mut Shape) -> bool {
        shape.add_name(self.name);
        self.query.shape(shape)
    }
}

impl<Q> Correlation for Subquery<Q> {
    type Outer = ();
}

impl<Q: Query> AsQuery for Subquery<Q> {
    type Query = SelectStatement<Self>;
    fn as_query(self) -> Self::Query {
        SelectStatement::new(self)
    }
}

/// `WITH "name" AS (query)`, declared inline: the CTE's columns are its query's select list
/// items, read with [`InlineCte::c`]; the statement that reads it declares it with
/// [`with`](super::WithDsl::with). (A recursive CTE refers to itself, so it needs a declared
/// shape: `table!` with `#[cte]`.)
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { orders (id) { id -> Integer, customer -> Text, total -> Integer, } }
///
/// let spent = sum(orders::total).label("spent");
/// let totals = orders::table.group_by(orders::customer).select((orders::customer, spent)).cte("totals");
/// let (customer, big) = (totals.c(orders::customer), totals.c(spent));
/// let q = totals.clone().select(customer).filter(big.gt(100)).with(totals);
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"WITH "totals" AS (SELECT "orders"."customer", SUM("orders"."total") AS "spent" FROM "orders" GROUP BY "orders"."customer") SELECT "totals"."customer" FROM "totals" WHERE ("totals"."spent" > ?1)"#
/// );
/// ```
#[derive(Debug, Clone)]
pub struct InlineCte<Q> {
    query: Q,
    name: &'static str,
}

/// Naming a query's rows as a CTE declared inline.
pub trait CteDsl: AsQuery + Sized {
    /// The CTE `name` holding this query's rows; read it as a FROM source (its columns with
    /// [`InlineCte::c`]) and declare it on the statement with `.with(..)`.
    fn cte(self, name: &'static str) -> InlineCte<Self::Query>
    where
        Self::Query: SelectItems,
    {
        InlineCte { query: self.as_query(), name }
    }
}

impl<Q: AsQuery> CteDsl for Q {}

impl<Q> InlineCte<Q> {
    inline_source_methods!("CTE");

    /// The CTE's query.
    pub(crate) fn query(&self) -> &Q {
        &self.query
    }
}

impl<Q: SelectItems> InlineSource for InlineCte<Q> {
    type Query = Q;
}

impl<Q> HasTable<InlineCte<Q>, Here> for InlineCte<Q> {
    type Nullable = B0;
}

impl<Q: Query> QuerySource for InlineCte<Q> {
    type DefaultSqlType = Q::SqlType;
    fn walk_default_selection<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>) {
        out.push_ident(self.name);
        out.push_sql(".*");
    }
}

impl<Q, D: Dialect> FromClause<D> for InlineCte<Q> {
    fn walk_from<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_ident(self.name);
    }
    fn shape_of_from(&self, shape: &mut Shape) -> bool {
        shape.add_name(self.name);
        true
    }
}

impl<Q> Correlation for InlineCte<Q> {
    type Outer = ();
}

impl<Q: Query> AsQuery for InlineCte<Q> {
    type Query = SelectStatement<Self>;
    fn as_query(self) -> Self::Query {
        SelectStatement::new(self)
    }
}
