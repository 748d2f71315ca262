//! `UPDATE`.

use super::clauses::{NoWhere, WhereAnd};
use super::insert::ColumnOf;
use super::returning::{NoReturning, Returning};
use super::selection::SelectableIn;
use super::{AsQuery, MaybeEmpty, Query};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::expr::{Binary, ConditionIn, Eq, Expression};
use crate::schema::{Column, Table};

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
    UpdateStatement { table, set: NoSet, where_clause: NoWhere, returning: NoReturning }
}

/// An `UPDATE` statement on table `T`.
#[derive(Debug, Clone)]
#[must_use = "a statement does nothing until it is executed"]
pub struct UpdateStatement<T, S, W, R> {
    table: T,
    set: S,
    where_clause: W,
    returning: R,
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
    ($(($first:ident $(, $rest:ident)*))*) => {$(
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
        }
    )*};
}

tuple_assignments! {
    (A)
    (A, B)
    (A, B, C)
    (A, B, C, E)
    (A, B, C, E, F)
    (A, B, C, E, F, G)
    (A, B, C, E, F, G, H)
    (A, B, C, E, F, G, H, I)
    (A, B, C, E, F, G, H, I, J)
    (A, B, C, E, F, G, H, I, J, K)
    (A, B, C, E, F, G, H, I, J, K, L)
    (A, B, C, E, F, G, H, I, J, K, L, M)
}

impl<T: Table, W, R> UpdateStatement<T, NoSet, W, R> {
    /// Sets the assignments: `column.eq(value_or_expression)` or a tuple of them.
    pub fn set<A: AssignmentList<T>>(self, assignments: A) -> UpdateStatement<T, Set<A>, W, R> {
        UpdateStatement {
            table: self.table,
            set: Set(assignments),
            where_clause: self.where_clause,
            returning: self.returning,
        }
    }
}

impl<T: Table, S, W, R> UpdateStatement<T, S, W, R> {
    /// Adds a WHERE condition (ANDed with earlier ones).
    pub fn filter<E, I>(self, condition: E) -> UpdateStatement<T, S, W::Output, R>
    where
        E: ConditionIn<T, I>,
        W: WhereAnd<E>,
    {
        UpdateStatement {
            table: self.table,
            set: self.set,
            where_clause: self.where_clause.and_where(condition),
            returning: self.returning,
        }
    }
}

impl<T: Table, S, W> UpdateStatement<T, S, W, NoReturning> {
    /// `RETURNING list`: the updated rows' values.
    pub fn returning<L, I>(self, list: L) -> UpdateStatement<T, S, W, Returning<L, I>>
    where
        L: SelectableIn<T, I>,
    {
        UpdateStatement {
            table: self.table,
            set: self.set,
            where_clause: self.where_clause,
            returning: Returning::new(list),
        }
    }
}

impl<T, S, W, R> AsQuery for UpdateStatement<T, S, W, R> {
    type Query = Self;
    fn as_query(self) -> Self {
        self
    }
}

impl<T, S, W, L, I> Query for UpdateStatement<T, S, W, Returning<L, I>>
where
    L: SelectableIn<T, I>,
{
    type SqlType = L::RowType;
}

impl<T, S, W, R> MaybeEmpty for UpdateStatement<T, S, W, R> {}

impl<D, T, A, W, R> QueryFragment<D> for UpdateStatement<T, Set<A>, W, R>
where
    D: Dialect,
    T: Table,
    A: AssignmentsFragment<D>,
    W: QueryFragment<D>,
    R: QueryFragment<D>,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("UPDATE ");
        out.push_ident(T::NAME);
        out.push_sql(" SET ");
        self.set.0.walk_assignments(out);
        self.where_clause.walk(out);
        self.returning.walk(out);
    }
}
