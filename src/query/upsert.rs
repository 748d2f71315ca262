//! Upsert: `INSERT ... ON CONFLICT [(target)] DO NOTHING | DO UPDATE SET ...`.

use super::insert::{ColumnList, ColumnOf, InsertStatement, Values};
use super::update::AssignmentsFragment;
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder, SupportsOnConflict};
use crate::expr::{Expression, ValidGrouping, ValidIn};
use crate::schema::{Column, HasTable, Here, Table};
use std::marker::PhantomData;
use typenum::B0;

/// No ON CONFLICT clause: a conflicting row is an error.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoConflict;

impl<D: Dialect> QueryFragment<D> for NoConflict {
    fn walk<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
    fn shape(&self, _shape: &mut Shape) -> bool {
        true
    }
}

/// `ON CONFLICT [(target)] action`.
#[derive(Debug, Clone)]
pub struct OnConflict<K, A> {
    action: A,
    _target: PhantomData<K>,
}

/// No conflict target: any unique constraint.
#[derive(Debug, Clone, Copy, Default)]
pub struct AnyConflict;

/// `DO NOTHING`.
#[derive(Debug, Clone, Copy, Default)]
pub struct DoNothing;

/// `DO UPDATE SET assignments`.
#[derive(Debug, Clone)]
pub struct DoUpdate<A>(A);

/// The conflict target's column names.
pub trait ConflictTarget {
    /// Writes ` (columns)` or nothing.
    fn write_target<D: Dialect>(out: &mut SqlBuilder<'_, D>);
}

impl ConflictTarget for AnyConflict {
    fn write_target<D: Dialect>(_out: &mut SqlBuilder<'_, D>) {}
}

/// A conflict target: the column(s) of a unique constraint of table `T`.
pub struct Target<T, K>(PhantomData<(T, K)>);

/// Column(s) that form the primary key or a declared unique constraint of table `T`: the only
/// valid `ON CONFLICT (...)` targets. Both databases reject any other target at run time
/// ("there is no unique or exclusion constraint matching the ON CONFLICT specification"), so
/// the `table!` macro implements this for exactly the declared keys: the primary key, each
/// `#[unique]` column, and each `#[unique(..)]` / `#[unique_index(..)]` column list (in any
/// order for up to three columns, in the declared order beyond). A single-column key is
/// accepted bare (`users::email`) or as `(users::email,)`.
///
/// `Via` says which declaration makes the key unique ([`ByPrimaryKey`], [`ByUniqueColumn`],
/// [`ByUnique`], [`ByUniqueIndex`]); it is inferred. (A column list declared unique twice the
/// same way cannot be a target: the compiler cannot choose between the two.)
#[diagnostic::on_unimplemented(
    message = "ON CONFLICT target `{Self}` is not the primary key or a declared unique constraint of the inserted table",
    label = "not a unique key of `{T}`",
    note = "name the primary key, a column declared `#[unique]`, or all the columns of a `#[unique(..)]` / `#[unique_index(..)]` constraint; or use `on_conflict_do_nothing()` for any constraint"
)]
pub trait UniqueKeyOf<T, Via>: ColumnList<T> {}

/// [`UniqueKeyOf`] through the table's primary key.
#[derive(Debug, Clone, Copy, Default)]
pub struct ByPrimaryKey;
/// [`UniqueKeyOf`] through a column declared `#[unique]`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ByUniqueColumn;
/// [`UniqueKeyOf`] through a table's `#[unique(columns..)]` constraint.
#[derive(Debug, Clone, Copy, Default)]
pub struct ByUnique<K>(PhantomData<K>);
/// [`UniqueKeyOf`] through a table's `#[unique_index(name, columns..)]`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ByUniqueIndex<K>(PhantomData<K>);

impl<T, K: ColumnList<T>> ConflictTarget for Target<T, K> {
    fn write_target<D: Dialect>(out: &mut SqlBuilder<'_, D>) {
        let mut names = Vec::new();
        K::push_names(&mut names);
        out.push_sql(" (");
        for (i, n) in names.iter().enumerate() {
            if i > 0 {
                out.push_sql(", ");
            }
            out.push_ident(n);
        }
        out.push_sql(")");
    }
}

impl<D: SupportsOnConflict, K: ConflictTarget> QueryFragment<D> for OnConflict<K, DoNothing> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(" ON CONFLICT");
        K::write_target(out);
        out.push_sql(" DO NOTHING");
    }
    fn shape(&self, _shape: &mut Shape) -> bool {
        true
    }
}

impl<D: SupportsOnConflict, K: ConflictTarget, A: AssignmentsFragment<D>> QueryFragment<D>
    for OnConflict<K, DoUpdate<A>>
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(" ON CONFLICT");
        K::write_target(out);
        out.push_sql(" DO UPDATE SET ");
        self.action.0.walk_assignments(out);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.action.0.assignments_shape(shape)
    }
}

/// `excluded."column"`: the value the conflicting INSERT proposed for `column`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Excluded<C>(C);

/// The value the INSERT proposed for `column`, for use in `do_update`.
pub fn excluded<C: Column>(column: C) -> Excluded<C> {
    Excluded(column)
}

impl<C: Column> Expression for Excluded<C> {
    type SqlType = C::SqlType;
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

impl<C: Column + ExcludedIn<F>, F> ValidIn<F, ()> for Excluded<C> {
    type SqlTypeIn = C::SqlType;
}

/// The scope of `do_update(..)`'s assignments: the inserted table `T`'s current row, and
/// (through [`excluded`]) the row the INSERT proposed. Only there does `excluded` exist.
#[derive(Debug, Clone, Copy, Default)]
pub struct ConflictScope<T>(PhantomData<T>);

// Not recommended: kept out of the "other types implement `HasTable`" lists of FROM errors.
#[diagnostic::do_not_recommend]
impl<T: Table> HasTable<T, Here> for ConflictScope<T> {
    type Nullable = B0;
}

/// `excluded(C)` may stand in scope `F`: `F` is the DO UPDATE of an INSERT into `C`'s table.
/// Elsewhere (a SELECT, an UPDATE, or the upsert of another table) `excluded."c"` names
/// nothing, and the database rejects the statement.
#[diagnostic::on_unimplemented(
    message = "`excluded({Self})` is only available in `do_update(..)` of an INSERT into the table that has column `{Self}`",
    label = "the row proposed by an INSERT exists only in its ON CONFLICT DO UPDATE",
    note = "use a column of the inserted table in `excluded(..)`, and only inside `do_update(..)`"
)]
pub trait ExcludedIn<F> {}

#[diagnostic::do_not_recommend]
impl<T, C: ColumnOf<T>> ExcludedIn<ConflictScope<T>> for C {}

impl<C, G> ValidGrouping<G, ()> for Excluded<C> {}

impl<D: SupportsOnConflict, C: Column> QueryFragment<D> for Excluded<C> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("excluded.");
        out.push_ident(C::NAME);
    }
    fn shape(&self, _shape: &mut Shape) -> bool {
        true
    }
}

crate::__impl_arithmetic!([C,] Excluded<C>);

/// An INSERT whose conflict target is chosen, waiting for its action.
#[derive(Debug, Clone)]
#[must_use = "choose `do_nothing()` or `do_update(...)`"]
pub struct ConflictBuilder<T, V, R, K> {
    insert: InsertStatement<T, Values<V>, R, NoConflict>,
    _target: PhantomData<K>,
}

impl<T: Table, V, R> InsertStatement<T, Values<V>, R, NoConflict> {
    /// `ON CONFLICT DO NOTHING`: rows that would violate any unique constraint are skipped.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// aludel::table! { users (id) { id -> Integer, #[unique] email -> Text, visits -> Integer, } }
    ///
    /// let q = insert(users::table)
    ///     .values((users::email.eq("a@x"), users::visits.eq(1)))
    ///     .on_conflict(users::email)
    ///     .do_update(users::visits.eq(users::visits + excluded(users::visits)));
    /// assert_eq!(
    ///     q.compile::<Postgres>().sql(),
    ///     r#"INSERT INTO "users" ("email", "visits") VALUES ($1, $2) ON CONFLICT ("email") DO UPDATE SET "visits" = ("users"."visits" + excluded."visits")"#
    /// );
    /// ```
    pub fn on_conflict_do_nothing(
        self,
    ) -> InsertStatement<T, Values<V>, R, OnConflict<AnyConflict, DoNothing>> {
        self.with_conflict(OnConflict { action: DoNothing, _target: PhantomData })
    }

    /// `ON CONFLICT (target)`: names the unique column(s) whose conflict is handled; follow
    /// with `do_nothing()` or `do_update(...)`. The target must be the table's primary key or
    /// one of its declared unique constraints ([`UniqueKeyOf`]).
    ///
    /// ```
    /// use aludel::prelude::*;
    /// aludel::table! {
    ///     #[unique(owner, slug)]
    ///     repos (id) { id -> Integer, owner -> Text, slug -> Text, stars -> Integer, }
    /// }
    ///
    /// let q = insert(repos::table)
    ///     .values((repos::owner.eq("ada"), repos::slug.eq("x"), repos::stars.eq(1)))
    ///     .on_conflict((repos::owner, repos::slug))
    ///     .do_nothing();
    /// assert_eq!(
    ///     q.compile::<Sqlite>().sql(),
    ///     r#"INSERT INTO "repos" ("owner", "slug", "stars") VALUES (?1, ?2, ?3) ON CONFLICT ("owner", "slug") DO NOTHING"#
    /// );
    /// assert_eq!(
    ///     q.compile::<Postgres>().sql(),
    ///     r#"INSERT INTO "repos" ("owner", "slug", "stars") VALUES ($1, $2, $3) ON CONFLICT ("owner", "slug") DO NOTHING"#
    /// );
    /// ```
    pub fn on_conflict<K: UniqueKeyOf<T, Via>, Via>(
        self,
        target: K,
    ) -> ConflictBuilder<T, V, R, K> {
        let _ = target;
        ConflictBuilder { insert: self, _target: PhantomData }
    }
}

impl<T: Table, V, R, K> ConflictBuilder<T, V, R, K> {
    /// `DO NOTHING`.
    pub fn do_nothing(
        self,
    ) -> InsertStatement<T, Values<V>, R, OnConflict<Target<T, K>, DoNothing>> {
        self.insert.with_conflict(OnConflict { action: DoNothing, _target: PhantomData })
    }

    /// `DO UPDATE SET assignments`: values may use the row's current columns and
    /// [`excluded`] for the proposed ones.
    pub fn do_update<A, I>(
        self,
        assignments: A,
    ) -> InsertStatement<T, Values<V>, R, OnConflict<Target<T, K>, DoUpdate<A>>>
    where
        A: super::update::AssignmentList<T> + super::update::AssignmentsIn<ConflictScope<T>, I>,
    {
        self.insert
            .with_conflict(OnConflict { action: DoUpdate(assignments), _target: PhantomData })
    }
}
