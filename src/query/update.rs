//! `UPDATE`.

use super::clauses::{NoWhere, WhereAnd};
use super::insert::ColumnOf;
use super::join::{Cross, Join, NoOn};
use super::returning::{NoReturning, Returning};
use super::selection::SelectableIn;
use super::{AsQuery, MaybeEmpty, Query};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder};
use crate::expr::{
    Binary, ConditionIn, Eq, Expression, NoAggregateInAssignment, NoAggregateInWhere,
    NoWindowInAssignment, NoWindowInWhere, ValidIn,
};
use crate::schema::{Column, FromClause, QuerySource, Table};

/// Starts `UPDATE table`. SQLAlchemy's `update(table)`.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { users (id) { id -> Integer, name -> Text, age -> Integer, } }
///
/// let q = update(users::table)
///     .set((users::age.eq(users::age + 1), users::name.eq("x")))
///     .filter(users::id.eq(7));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"UPDATE "users" SET "age" = ("users"."age" + $1), "name" = $2 WHERE ("users"."id" = $3)"#
/// );
/// ```
pub fn update<T: Table>(table: T) -> UpdateStatement<T, NoSet, NoWhere, NoReturning> {
    UpdateStatement {
        table,
        set: NoSet,
        where_clause: NoWhere,
        returning: NoReturning,
        from: NoUpdateFrom,
    }
}

/// An `UPDATE` statement on table `T`.
#[derive(Debug, Clone)]
#[must_use = "a statement does nothing until it is executed"]
pub struct UpdateStatement<T, S, W, R, Fr = NoUpdateFrom> {
    table: T,
    set: S,
    where_clause: W,
    returning: R,
    from: Fr,
}

/// No SET list yet: the statement cannot be executed.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoSet;

/// `SET assignments`.
#[derive(Debug, Clone, Copy)]
pub struct Set<A>(A);

/// The assignments of an UPDATE: `column.eq(value)` or a tuple of them.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a list of assignments to columns of `{T}`",
    label = "expected `column.eq(value)` or a tuple of them, for columns of the target table"
)]
pub trait AssignmentList<T> {}

/// Writes `"col" = value, ...` for dialect `D`.
pub trait AssignmentsFragment<D: Dialect> {
    /// Writes the list.
    fn walk_assignments<'a>(&'a self, out: &mut SqlBuilder<'a, D>);
    /// As [`QueryFragment::shape`].
    fn assignments_shape(&self, shape: &mut Shape) -> bool;
}

impl<T, C: Column + ColumnOf<T>, E: Expression> AssignmentList<T> for Binary<Eq, C, E> {}

impl<D: Dialect, A> AssignmentsFragment<D> for A
where
    A: AssignmentName,
    A::Value: QueryFragment<D>,
{
    fn walk_assignments<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_ident(A::NAME);
        out.push_sql(" = ");
        self.assigned().walk(out);
    }
    fn assignments_shape(&self, shape: &mut Shape) -> bool {
        self.assigned().shape(shape)
    }
}

/// An assignment, independent of its table: the column name and the value.
pub trait AssignmentName {
    /// The assigned column.
    const NAME: &'static str;
    /// The value expression.
    type Value;
    /// The value.
    fn assigned(&self) -> &Self::Value;
}

impl<C: Column, E> AssignmentName for Binary<Eq, C, E> {
    const NAME: &'static str = C::NAME;
    type Value = E;
    fn assigned(&self) -> &E {
        self.rhs()
    }
}

macro_rules! tuple_assignments {
    ($first:ident $fi:ident $fn:tt $(, $rest:ident $ri:ident $rn:tt)*) => {
        impl<Tb, $first: AssignmentList<Tb>, $($rest: AssignmentList<Tb>),*> AssignmentList<Tb>
            for ($first, $($rest,)*) {}
        #[allow(non_snake_case)]
        impl<D: Dialect, $first: AssignmentsFragment<D>, $($rest: AssignmentsFragment<D>),*>
            AssignmentsFragment<D> for ($first, $($rest,)*)
        {
            fn walk_assignments<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
                let ($first, $($rest,)*) = self;
                $first.walk_assignments(out);
                $( out.push_sql(", "); $rest.walk_assignments(out); )*
            }
            fn assignments_shape(&self, shape: &mut Shape) -> bool {
                let ($first, $($rest,)*) = self;
                $first.assignments_shape(shape) $(&& $rest.assignments_shape(shape))*
            }
        }
    };
}

for_tuples!(tuple_assignments);

/// The assignments' values are valid in FROM clause `F` (the target table, plus the tables of
/// `UPDATE ... FROM`), proved by index `I`.
pub trait AssignmentsIn<F, I> {}

// Checked beside `AssignmentList`, which decides what an assignment is. (`table!` implements
// this trait for each bare column too, so that passing `users::age` where an assignment
// belongs is reported once, by `AssignmentList`.)
impl<C, E, F, I> AssignmentsIn<F, I> for Binary<Eq, C, E> where
    E: Expression + ValidIn<F, I> + NoAggregateInAssignment + NoWindowInAssignment
{
}

impl<F> AssignmentsIn<F, ()> for () {}

macro_rules! tuple_assignments_in {
    ($($t:ident $i:ident $n:tt),+) => {
        impl<F, $($t: AssignmentsIn<F, $i>, $i,)+> AssignmentsIn<F, ($($i,)+)> for ($($t,)+) {}
    };
}

for_tuples!(tuple_assignments_in);

/// No `FROM` in the UPDATE: only the target table's columns are in scope.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoUpdateFrom;

/// `UPDATE target SET ... FROM source`: `source`'s columns join the scope.
#[derive(Debug, Clone, Copy)]
pub struct UpdateFrom<X>(X);

/// The FROM clause that an UPDATE's values and conditions are checked against.
pub trait UpdateScope<T> {
    /// The target alone, or the target cross-joined with the FROM source.
    type Scope;
}

impl<T> UpdateScope<T> for NoUpdateFrom {
    type Scope = T;
}

impl<T, X> UpdateScope<T> for UpdateFrom<X> {
    type Scope = Join<T, X, Cross, NoOn>;
}

impl<D: Dialect> QueryFragment<D> for NoUpdateFrom {
    fn walk<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
    fn shape(&self, _shape: &mut Shape) -> bool {
        true
    }
}

impl<D: Dialect, X: FromClause<D>> QueryFragment<D> for UpdateFrom<X> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(" FROM ");
        self.0.walk_from(out);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.0.shape_of_from(shape)
    }
}

impl<T: Table, W, R, Fr: UpdateScope<T>> UpdateStatement<T, NoSet, W, R, Fr> {
    /// Sets the assignments: `column.eq(value_or_expression)` or a tuple of them. Values may
    /// use the target's columns (and those of the `from` source).
    pub fn set<A, I>(self, assignments: A) -> UpdateStatement<T, Set<A>, W, R, Fr>
    where
        A: AssignmentList<T> + AssignmentsIn<Fr::Scope, I>,
    {
        UpdateStatement {
            table: self.table,
            set: Set(assignments),
            where_clause: self.where_clause,
            returning: self.returning,
            from: self.from,
        }
    }
}

impl<T: Table, S, W, R> UpdateStatement<T, S, W, R, NoUpdateFrom> {
    /// `UPDATE target SET ... FROM source WHERE ...`: values and conditions may then use
    /// `source`'s columns (join it to the target in `filter`).
    ///
    /// ```
    /// use aludel::prelude::*;
    /// aludel::table! {
    ///     items (id) { id -> Integer, price -> Integer, }
    ///     new_prices (id) { id -> Integer, price -> Integer, }
    /// }
    /// let q = update(items::table)
    ///     .from(new_prices::table)
    ///     .set(items::price.eq(new_prices::price))
    ///     .filter(new_prices::id.eq(items::id));
    /// assert_eq!(
    ///     q.compile::<Sqlite>().sql(),
    ///     r#"UPDATE "items" SET "price" = "new_prices"."price" FROM "new_prices" WHERE ("new_prices"."id" = "items"."id")"#
    /// );
    /// ```
    pub fn from<X: QuerySource>(self, source: X) -> UpdateStatement<T, S, W, R, UpdateFrom<X>> {
        UpdateStatement {
            table: self.table,
            set: self.set,
            where_clause: self.where_clause,
            returning: self.returning,
            from: UpdateFrom(source),
        }
    }
}

impl<T: Table, S, W, R, Fr: UpdateScope<T>> UpdateStatement<T, S, W, R, Fr> {
    /// Adds a WHERE condition (ANDed with earlier ones).
    pub fn filter<E, I>(self, condition: E) -> UpdateStatement<T, S, W::Output, R, Fr>
    where
        E: ConditionIn<Fr::Scope, I> + NoAggregateInWhere + NoWindowInWhere,
        W: WhereAnd<E>,
    {
        UpdateStatement {
            table: self.table,
            set: self.set,
            where_clause: self.where_clause.and_where(condition),
            returning: self.returning,
            from: self.from,
        }
    }
}

impl<T: Table, S, W, Fr> UpdateStatement<T, S, W, NoReturning, Fr> {
    /// `RETURNING list`: the updated rows' values.
    pub fn returning<L, I>(self, list: L) -> UpdateStatement<T, S, W, Returning<L, I>, Fr>
    where
        L: SelectableIn<T, I>
            + crate::expr::NoAggregateInReturning
            + crate::expr::NoWindowInReturning,
    {
        UpdateStatement {
            table: self.table,
            set: self.set,
            where_clause: self.where_clause,
            returning: Returning::new(list),
            from: self.from,
        }
    }
}

impl<T, S, W, R, Fr> AsQuery for UpdateStatement<T, S, W, R, Fr> {
    type Query = Self;
    fn as_query(self) -> Self {
        self
    }
}

impl<T, S, W, L, I, Fr> Query for UpdateStatement<T, S, W, Returning<L, I>, Fr>
where
    L: SelectableIn<T, I>,
{
    type SqlType = L::RowType;
}

impl<T, S, W, R, Fr> MaybeEmpty for UpdateStatement<T, S, W, R, Fr> {}

impl<D, T, A, W, R, Fr> QueryFragment<D> for UpdateStatement<T, Set<A>, W, R, Fr>
where
    D: Dialect,
    T: Table,
    A: AssignmentsFragment<D>,
    W: QueryFragment<D>,
    R: QueryFragment<D>,
    Fr: QueryFragment<D>,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("UPDATE ");
        out.push_ident(T::NAME);
        out.push_sql(" SET ");
        self.set.0.walk_assignments(out);
        self.from.walk(out);
        self.where_clause.walk(out);
        self.returning.walk(out);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.set.0.assignments_shape(shape)
            && self.from.shape(shape)
            && self.where_clause.shape(shape)
            && self.returning.shape(shape)
    }
}
