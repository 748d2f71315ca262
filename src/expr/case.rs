//! `CASE WHEN c1 THEN v1 [WHEN ...] [ELSE v] END`: every branch value has the first branch's
//! SQL type, every condition is boolean, and without `ELSE` the result is nullable.

use super::typed_bind::IntoExpression;
use super::{AsExpression, Expression, ValidGrouping, ValidIn};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::types::{BoolLike, Flag, SqlType};
use std::marker::PhantomData;
use typenum::{B0, B1};

/// `CASE WHEN condition THEN value`: starts a `CASE` expression whose branches share the SQL
/// type of `value`. Add branches with [`when`](Case::when) and a default with
/// [`otherwise`](Case::otherwise); without a default the result is nullable.
///
/// A Rust value as the first branch takes its natural SQL type (`i32` is `Integer`, `&str`
/// is `Text`); PostgreSQL then gets it as `CAST($1 AS ...)` so that the `CASE` has a type.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { users (id) { id -> Integer, age -> Integer, } }
///
/// let q = users::table.select(
///     case_when(users::age.lt(13), "child").when(users::age.lt(18), "teen").otherwise("adult"),
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT CASE WHEN ("users"."age" < ?1) THEN ?2 WHEN ("users"."age" < ?3) THEN ?4 ELSE ?5 END FROM "users""#
/// );
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT CASE WHEN ("users"."age" < $1) THEN CAST($2 AS TEXT) WHEN ("users"."age" < $3) THEN $4 ELSE $5 END FROM "users""#
/// );
/// ```
pub fn case_when<C, V>(condition: C, value: V) -> Case<SqlTypeOfValue<V>, When<C, V::Expr>, NoElse>
where
    C: Expression,
    C::SqlType: BoolLike,
    V: IntoExpression,
{
    Case {
        branches: When { condition, value: value.into_expression() },
        otherwise: NoElse,
        _st: PhantomData,
    }
}

/// The SQL type of a value given to [`case_when`].
pub type SqlTypeOfValue<V> = <<V as IntoExpression>::Expr as Expression>::SqlType;

/// A `CASE` expression whose branch values have SQL type `ST`, with branches `B` and
/// `ELSE` part `E` ([`NoElse`] or [`Else`]).
#[derive(Debug)]
pub struct Case<ST, B, E> {
    branches: B,
    otherwise: E,
    _st: PhantomData<fn() -> ST>,
}

// By hand: `ST` is a marker (possibly `Nullable<_>`, which is not `Clone`).
impl<ST, B: Clone, E: Clone> Clone for Case<ST, B, E> {
    fn clone(&self) -> Self {
        Case {
            branches: self.branches.clone(),
            otherwise: self.otherwise.clone(),
            _st: PhantomData,
        }
    }
}

impl<ST, B: Copy, E: Copy> Copy for Case<ST, B, E> {}

impl<ST: SqlType, B> Case<ST, B, NoElse> {
    /// Adds `WHEN condition THEN value`; `value` must have the first branch's SQL type.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// aludel::table! { users (id) { id -> Integer, age -> Integer, } }
    ///
    /// let q = users::table.select(case_when(users::age.lt(18), 0).when(users::age.lt(65), 1));
    /// assert_eq!(
    ///     q.compile::<Sqlite>().sql(),
    ///     r#"SELECT CASE WHEN ("users"."age" < ?1) THEN ?2 WHEN ("users"."age" < ?3) THEN ?4 END FROM "users""#
    /// );
    /// assert_eq!(
    ///     q.compile::<Postgres>().sql(),
    ///     r#"SELECT CASE WHEN ("users"."age" < $1) THEN CAST($2 AS INTEGER) WHEN ("users"."age" < $3) THEN $4 END FROM "users""#
    /// );
    /// ```
    pub fn when<C, V>(self, condition: C, value: V) -> WithBranch<ST, B, C, V::Expr>
    where
        C: Expression,
        C::SqlType: BoolLike,
        V: AsExpression<ST::NotNull>,
    {
        Case {
            branches: Branches(self.branches, When { condition, value: value.as_expression() }),
            otherwise: NoElse,
            _st: PhantomData,
        }
    }

    /// Adds `ELSE value`, the result when no condition holds; `value` must have the first
    /// branch's SQL type. With a not-null default (and not-null branches) the result is not
    /// nullable.
    ///
    /// ```
    /// use aludel::prelude::*;
    /// aludel::table! { users (id) { id -> Integer, age -> Integer, } }
    ///
    /// let q = users::table.select(case_when(users::age.ge(18), users::age).otherwise(18));
    /// assert_eq!(
    ///     q.compile::<Sqlite>().sql(),
    ///     r#"SELECT CASE WHEN ("users"."age" >= ?1) THEN "users"."age" ELSE ?2 END FROM "users""#
    /// );
    /// assert_eq!(
    ///     q.compile::<Postgres>().sql(),
    ///     r#"SELECT CASE WHEN ("users"."age" >= $1) THEN "users"."age" ELSE $2 END FROM "users""#
    /// );
    /// ```
    pub fn otherwise<V>(self, value: V) -> Case<ST, B, Else<V::Expr>>
    where
        V: AsExpression<ST::NotNull>,
    {
        Case { branches: self.branches, otherwise: Else(value.as_expression()), _st: PhantomData }
    }
}

/// A `CASE` without ELSE after adding branch `WHEN C THEN V` to branches `B`.
pub type WithBranch<ST, B, C, V> = Case<ST, Branches<B, When<C, V>>, NoElse>;

/// One `WHEN condition THEN value` branch.
#[derive(Debug, Clone, Copy)]
pub struct When<C, V> {
    condition: C,
    value: V,
}

/// Earlier branches `A` followed by branch `W`.
#[derive(Debug, Clone, Copy)]
pub struct Branches<A, W>(A, W);

/// A `CASE` without `ELSE` (NULL when no condition holds).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoElse;

/// `ELSE value`.
#[derive(Debug, Clone, Copy)]
pub struct Else<V>(V);

/// The parts of a `CASE` (branches or ELSE): whether a value may be NULL, and the aggregate
/// flags of everything in them.
pub trait CasePart {
    /// `B1` if this part may produce NULL.
    type Nullable: Flag;
    /// `B1` if an aggregate appears.
    type Aggregate: Flag;
    /// `B1` if a plain column appears.
    type Plain: Flag;
    /// `B1` if a window function (`... OVER (...)`) appears.
    type Window: Flag;
}

/// A part of a `CASE` valid in FROM clause `F`.
pub trait CasePartIn<F, I> {
    /// `B1` if this part may produce NULL in `F` (outer joins applied).
    type Nullable: Flag;
}

impl<C: Expression, V: Expression> CasePart for When<C, V> {
    type Nullable = <V::SqlType as SqlType>::IsNullable;
    type Aggregate = <C::Aggregate as Flag>::Or<V::Aggregate>;
    type Plain = <C::Plain as Flag>::Or<V::Plain>;
    type Window = <C::Window as Flag>::Or<V::Window>;
}

impl<C: ValidIn<F, IC>, V: ValidIn<F, IV>, F, IC, IV> CasePartIn<F, (IC, IV)> for When<C, V> {
    type Nullable = <V::SqlTypeIn as SqlType>::IsNullable;
}

impl<C: ValidGrouping<G, IC>, V: ValidGrouping<G, IV>, G, IC, IV> ValidGrouping<G, (IC, IV)>
    for When<C, V>
{
}

impl<A: CasePart, W: CasePart> CasePart for Branches<A, W> {
    type Nullable = <A::Nullable as Flag>::Or<W::Nullable>;
    type Aggregate = <A::Aggregate as Flag>::Or<W::Aggregate>;
    type Plain = <A::Plain as Flag>::Or<W::Plain>;
    type Window = <A::Window as Flag>::Or<W::Window>;
}

impl<A: CasePartIn<F, IA>, W: CasePartIn<F, IW>, F, IA, IW> CasePartIn<F, (IA, IW)>
    for Branches<A, W>
{
    type Nullable = <A::Nullable as Flag>::Or<W::Nullable>;
}

impl<A: ValidGrouping<G, IA>, W: ValidGrouping<G, IW>, G, IA, IW> ValidGrouping<G, (IA, IW)>
    for Branches<A, W>
{
}

impl CasePart for NoElse {
    type Nullable = B1;
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

impl<F> CasePartIn<F, ()> for NoElse {
    type Nullable = B1;
}

impl<G> ValidGrouping<G, ()> for NoElse {}

impl<V: Expression> CasePart for Else<V> {
    type Nullable = <V::SqlType as SqlType>::IsNullable;
    type Aggregate = V::Aggregate;
    type Plain = V::Plain;
    type Window = V::Window;
}

impl<V: ValidIn<F, I>, F, I> CasePartIn<F, I> for Else<V> {
    type Nullable = <V::SqlTypeIn as SqlType>::IsNullable;
}

impl<V: ValidGrouping<G, I>, G, I> ValidGrouping<G, I> for Else<V> {}

/// `ST`, nullable when a branch or the (missing) ELSE may be NULL.
type CaseType<ST, NB, NE> = <<NB as Flag>::Or<NE> as Flag>::Apply<<ST as SqlType>::NotNull>;

impl<ST: SqlType, B: CasePart, E: CasePart> Expression for Case<ST, B, E> {
    type SqlType = CaseType<ST, B::Nullable, E::Nullable>;
    type Aggregate = <B::Aggregate as Flag>::Or<E::Aggregate>;
    type Plain = <B::Plain as Flag>::Or<E::Plain>;
    type Window = <B::Window as Flag>::Or<E::Window>;
}

impl<ST, B, E, F, IB, IE> ValidIn<F, (IB, IE)> for Case<ST, B, E>
where
    ST: SqlType,
    B: CasePartIn<F, IB> + CasePart,
    E: CasePartIn<F, IE> + CasePart,
{
    type SqlTypeIn =
        CaseType<ST, <B as CasePartIn<F, IB>>::Nullable, <E as CasePartIn<F, IE>>::Nullable>;
}

impl<ST, B: ValidGrouping<G, IB>, E: ValidGrouping<G, IE>, G, IB, IE> ValidGrouping<G, (IB, IE)>
    for Case<ST, B, E>
{
}

impl<D: Dialect, C: QueryFragment<D>, V: QueryFragment<D>> QueryFragment<D> for When<C, V> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(" WHEN ");
        self.condition.walk(out);
        out.push_sql(" THEN ");
        self.value.walk(out);
    }
}

impl<D: Dialect, A: QueryFragment<D>, W: QueryFragment<D>> QueryFragment<D> for Branches<A, W> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        self.0.walk(out);
        self.1.walk(out);
    }
}

impl<D: Dialect> QueryFragment<D> for NoElse {
    fn walk<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
}

impl<D: Dialect, V: QueryFragment<D>> QueryFragment<D> for Else<V> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(" ELSE ");
        self.0.walk(out);
    }
}

impl<D: Dialect, ST, B: QueryFragment<D>, E: QueryFragment<D>> QueryFragment<D> for Case<ST, B, E> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("CASE");
        self.branches.walk(out);
        self.otherwise.walk(out);
        out.push_sql(" END");
    }
}

crate::__impl_arithmetic!([ST, B, E,] Case<ST, B, E>);
