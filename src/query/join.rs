//! Joins: the FROM clause as a tree of tables, with outer joins marking a side nullable.

use super::AsQuery;
use super::select::SelectStatement;
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder};
use crate::expr::{Binary, ConditionIn, Eq, NoAggregateInOn, NoWindowInOn};
use crate::schema::{
    Column, ForeignKey, FromClause, HasTable, InLeft, InRight, QuerySource, Table,
};
use crate::types::Flag;
use std::marker::PhantomData;
use typenum::{B0, B1};

/// The kind of a join: its SQL and which side it makes nullable.
pub trait JoinKind: Copy + Default + 'static {
    /// The keyword(s) between the two sides.
    const SQL: &'static str;
    /// `B1` when rows of the left side may be missing (RIGHT and FULL joins).
    type LeftNullable: Flag;
    /// `B1` when rows of the right side may be missing (LEFT and FULL joins).
    type RightNullable: Flag;
}

macro_rules! join_kinds {
    ($($(#[$doc:meta])* $name:ident $sql:literal $l:ident $r:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;
        impl JoinKind for $name {
            const SQL: &'static str = $sql;
            type LeftNullable = $l;
            type RightNullable = $r;
        }
    )*};
}

join_kinds! {
    /// `INNER JOIN`
    Inner " INNER JOIN " B0 B0;
    /// `LEFT OUTER JOIN`: the right side's columns become nullable.
    LeftOuter " LEFT OUTER JOIN " B0 B1;
    /// `RIGHT OUTER JOIN`: the left side's columns become nullable.
    RightOuter " RIGHT OUTER JOIN " B1 B0;
    /// `FULL OUTER JOIN`: both sides' columns become nullable.
    FullOuter " FULL OUTER JOIN " B1 B1;
    /// `CROSS JOIN`: every pair of rows, no condition.
    Cross " CROSS JOIN " B0 B0;
}

/// No ON condition (a cross join).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoOn;

/// `ON condition`.
#[derive(Debug, Clone, Copy)]
pub struct On<E>(E);

/// `left <kind> JOIN right ON condition`, usable wherever a table is.
#[derive(Debug, Clone, Copy)]
pub struct Join<L, R, K, C> {
    left: L,
    right: R,
    on: C,
    _kind: PhantomData<K>,
}

impl<L, R, K, E> Join<L, R, K, On<E>> {
    /// `left K JOIN right ON condition`, the condition proved valid by the caller (the ORM's
    /// joins along relationships, whose condition is a foreign key's own equality).
    pub(crate) fn on_proved(left: L, right: R, condition: E) -> Self {
        Join { left, right, on: On(condition), _kind: PhantomData }
    }
}

impl<L, R, K: JoinKind, C, T, I> HasTable<T, InLeft<I>> for Join<L, R, K, C>
where
    L: HasTable<T, I>,
{
    type Nullable = <K::LeftNullable as Flag>::Or<L::Nullable>;
}

impl<L, R, K: JoinKind, C, T, I> HasTable<T, InRight<I>> for Join<L, R, K, C>
where
    R: HasTable<T, I>,
{
    type Nullable = <K::RightNullable as Flag>::Or<R::Nullable>;
}

impl<L, R, K, C> QuerySource for Join<L, R, K, C>
where
    L: QuerySource,
    R: QuerySource,
    K: JoinKind,
{
    type DefaultSqlType = (
        <K::LeftNullable as Flag>::ApplyRow<L::DefaultSqlType>,
        <K::RightNullable as Flag>::ApplyRow<R::DefaultSqlType>,
    );

    fn walk_default_selection<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>) {
        self.left.walk_default_selection(out);
        out.push_sql(", ");
        self.right.walk_default_selection(out);
    }
}

impl<L, R, K, C, D> FromClause<D> for Join<L, R, K, C>
where
    D: Dialect,
    L: FromClause<D>,
    R: FromClause<D>,
    K: JoinKind,
    C: QueryFragment<D>,
{
    fn walk_from<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        self.left.walk_from(out);
        out.push_sql(K::SQL);
        self.right.walk_from(out);
        self.on.walk(out);
    }
    fn shape_of_from(&self, shape: &mut Shape) -> bool {
        self.left.shape_of_from(shape) && self.right.shape_of_from(shape) && self.on.shape(shape)
    }
}

impl<D: Dialect> QueryFragment<D> for NoOn {
    fn walk<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
    fn shape(&self, _shape: &mut Shape) -> bool {
        true
    }
}

impl<D: Dialect, E: QueryFragment<D>> QueryFragment<D> for On<E> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(" ON ");
        self.0.walk(out);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.0.shape(shape)
    }
}

/// Direction of a foreign-key join: the referenced (parent) table is joined.
#[derive(Debug, Clone, Copy, Default)]
pub struct ToParent<I>(I);
/// Direction of a foreign-key join: the referencing (child) table is joined.
#[derive(Debug, Clone, Copy, Default)]
pub struct ToChild<I>(I);

/// A foreign key that connects FROM clause `S` to one more table, in direction `Dir`.
#[diagnostic::on_unimplemented(
    message = "the foreign key `{Self}` does not connect to any table of this query",
    label = "neither the column's table nor the table it references is in FROM"
)]
pub trait ForeignKeyPath<S, Dir>: ForeignKey {
    /// The table the join adds.
    type Joined: Table;
}

impl<C: ForeignKey, S: HasTable<C::Table, I>, I> ForeignKeyPath<S, ToParent<I>> for C {
    type Joined = <C::Target as Column>::Table;
}

impl<C: ForeignKey, S: HasTable<<C::Target as Column>::Table, I>, I> ForeignKeyPath<S, ToChild<I>>
    for C
{
    type Joined = C::Table;
}

/// Building joins from a table or a join.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! {
///     users (id) { id -> Integer, name -> Text, }
///     posts (id) { id -> Integer, user_id -> Integer, title -> Text, }
/// }
///
/// # fn main() -> aludel::Result<()> {
/// let q = users::table
///     .outer_join(posts::table, posts::user_id.eq(users::id))
///     .select((users::name, posts::title));
/// // The right side of a LEFT JOIN is nullable: titles load as Option<String>.
/// let mut conn = SqliteConnection::open("sqlite::memory:")?;
/// MetaData::new([users::table::def(), posts::table::def()]).create_all(&mut conn, CheckFirst::No)?;
/// let rows: Vec<(String, Option<String>)> = q.clone().load(&mut conn)?;
/// assert!(rows.is_empty());
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "users"."name", "posts"."title" FROM "users" LEFT OUTER JOIN "posts" ON ("posts"."user_id" = "users"."id")"#
/// );
/// # Ok(()) }
/// ```
pub trait JoinDsl: QuerySource + Sized {
    /// `self INNER JOIN right ON on`.
    fn join<R, E, I>(self, right: R, on: E) -> Join<Self, R, Inner, On<E>>
    where
        R: QuerySource,
        E: ConditionIn<Join<Self, R, Inner, NoOn>, I> + NoAggregateInOn + NoWindowInOn,
    {
        Join { left: self, right, on: On(on), _kind: PhantomData }
    }

    /// `self LEFT OUTER JOIN right ON on`: `right`'s columns become nullable.
    fn outer_join<R, E, I>(self, right: R, on: E) -> Join<Self, R, LeftOuter, On<E>>
    where
        R: QuerySource,
        E: ConditionIn<Join<Self, R, LeftOuter, NoOn>, I> + NoAggregateInOn + NoWindowInOn,
    {
        Join { left: self, right, on: On(on), _kind: PhantomData }
    }

    /// `self RIGHT OUTER JOIN right ON on`: `self`'s columns become nullable.
    fn right_join<R, E, I>(self, right: R, on: E) -> Join<Self, R, RightOuter, On<E>>
    where
        R: QuerySource,
        E: ConditionIn<Join<Self, R, RightOuter, NoOn>, I> + NoAggregateInOn + NoWindowInOn,
    {
        Join { left: self, right, on: On(on), _kind: PhantomData }
    }

    /// `self FULL OUTER JOIN right ON on`: both sides' columns become nullable.
    fn full_join<R, E, I>(self, right: R, on: E) -> Join<Self, R, FullOuter, On<E>>
    where
        R: QuerySource,
        E: ConditionIn<Join<Self, R, FullOuter, NoOn>, I> + NoAggregateInOn + NoWindowInOn,
    {
        Join { left: self, right, on: On(on), _kind: PhantomData }
    }

    /// `self INNER JOIN <table> ON fk = target` along the declared foreign key `fk`: joins the
    /// referenced table when `fk`'s table is already in FROM, or `fk`'s own table when the
    /// referenced one is. Several foreign keys between two tables are told apart by naming
    /// the column.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// aludel::table! {
    ///     users (id) { id -> Integer, name -> Text, }
    ///     posts (id) { id -> Integer, #[references(users::id)] author -> Integer, title -> Text, }
    /// }
    /// # fn main() {
    /// let q = users::table.join_via(posts::author).select((users::name, posts::title));
    /// assert_eq!(
    ///     q.compile::<Sqlite>().sql(),
    ///     r#"SELECT "users"."name", "posts"."title" FROM "users" INNER JOIN "posts" ON ("posts"."author" = "users"."id")"#
    /// );
    /// let back = posts::table.join_via(posts::author).select(users::name);
    /// assert!(back.compile::<Sqlite>().sql().contains(r#"FROM "posts" INNER JOIN "users""#));
    /// # }
    /// ```
    fn join_via<C, Dir>(self, fk: C) -> Join<Self, C::Joined, Inner, On<Binary<Eq, C, C::Target>>>
    where
        C: ForeignKeyPath<Self, Dir>,
    {
        Join {
            left: self,
            right: C::Joined::default(),
            on: On(Binary::new(fk, C::Target::default())),
            _kind: PhantomData,
        }
    }

    /// Like [`join_via`](Self::join_via), as a LEFT OUTER JOIN.
    fn outer_join_via<C, Dir>(
        self,
        fk: C,
    ) -> Join<Self, C::Joined, LeftOuter, On<Binary<Eq, C, C::Target>>>
    where
        C: ForeignKeyPath<Self, Dir>,
    {
        Join {
            left: self,
            right: C::Joined::default(),
            on: On(Binary::new(fk, C::Target::default())),
            _kind: PhantomData,
        }
    }

    /// `self CROSS JOIN right`. With a condition in WHERE this is also the implicit join
    /// `FROM a, b WHERE ...`.
    fn cross_join<R: QuerySource>(self, right: R) -> Join<Self, R, Cross, NoOn> {
        Join { left: self, right, on: NoOn, _kind: PhantomData }
    }
}

impl<S: QuerySource> JoinDsl for S {}

impl<L, R, K, C> AsQuery for Join<L, R, K, C>
where
    Self: QuerySource,
{
    type Query = SelectStatement<Self>;
    fn as_query(self) -> Self::Query {
        SelectStatement::new(self)
    }
}
