//! Aggregate functions: COUNT, SUM, AVG, MIN, MAX, string and boolean aggregates, FILTER.

use super::{
    AsExpression, Expression, NoAggregateInAggregate, NoAggregateInFilter, NoWindowInAggregate,
    NoWindowInFilter, ValidGrouping, ValidIn,
};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder};
use crate::types::{
    BigInt, Bool, BoolLike, Double, Float, Integer, Nullable, Numeric, SmallInt, SqlType, Text,
    TextType,
};
use std::marker::PhantomData;
use typenum::{B0, B1};

/// An aggregate function of one argument: its SQL name.
pub trait AggregateFunction: 'static {
    /// The standard (PostgreSQL) name; dialects may rename it.
    const NAME: &'static str;
}

/// The result type of aggregate `Self` over an argument of SQL type `T`.
#[diagnostic::on_unimplemented(
    message = "the aggregate `{Self}` cannot be applied to SQL `{T}`",
    label = "wrong argument type for this aggregate"
)]
pub trait AggregateOutput<T> {
    /// The SQL type of the aggregate's value.
    type Output: SqlType;
}

/// SQL types that SUM and AVG work on, and what they return.
#[diagnostic::on_unimplemented(
    message = "SQL `{Self}` cannot be summed or averaged",
    label = "SUM and AVG need a numeric argument"
)]
pub trait Summable: SqlType {
    /// The type of SUM (wider than the argument, as PostgreSQL computes it).
    type Sum: SqlType;
    /// The type of AVG.
    type Avg: SqlType;
}

impl Summable for SmallInt {
    type Sum = BigInt;
    type Avg = Numeric;
}
impl Summable for Integer {
    type Sum = BigInt;
    type Avg = Numeric;
}
impl Summable for BigInt {
    type Sum = Numeric;
    type Avg = Numeric;
}
impl Summable for Float {
    type Sum = Float;
    type Avg = Double;
}
impl Summable for Double {
    type Sum = Double;
    type Avg = Double;
}
impl Summable for Numeric {
    type Sum = Numeric;
    type Avg = Numeric;
}

macro_rules! aggregates {
    ($($(#[$doc:meta])* $name:ident $sql:literal;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;
        impl AggregateFunction for $name {
            const NAME: &'static str = $sql;
        }
    )*};
}

aggregates! {
    /// `COUNT(e)`: non-NULL values.
    Count "COUNT";
    /// `SUM(e)`
    Sum "SUM";
    /// `AVG(e)`
    Avg "AVG";
    /// `MIN(e)`
    Min "MIN";
    /// `MAX(e)`
    Max "MAX";
    /// `BOOL_AND(e)` (SQLite: `MIN` over 0/1).
    BoolAnd "BOOL_AND";
    /// `BOOL_OR(e)` (SQLite: `MAX` over 0/1).
    BoolOr "BOOL_OR";
}

impl<T: SqlType> AggregateOutput<T> for Count {
    type Output = BigInt;
}
impl<T: SqlType> AggregateOutput<T> for Sum
where
    T::NotNull: Summable,
{
    type Output = Nullable<<T::NotNull as Summable>::Sum>;
}
impl<T: SqlType> AggregateOutput<T> for Avg
where
    T::NotNull: Summable,
{
    type Output = Nullable<<T::NotNull as Summable>::Avg>;
}
impl<T: SqlType> AggregateOutput<T> for Min {
    type Output = Nullable<T::NotNull>;
}
impl<T: SqlType> AggregateOutput<T> for Max {
    type Output = Nullable<T::NotNull>;
}
impl<T: BoolLike> AggregateOutput<T> for BoolAnd {
    type Output = Nullable<Bool>;
}
impl<T: BoolLike> AggregateOutput<T> for BoolOr {
    type Output = Nullable<Bool>;
}

/// `NAME([DISTINCT] arg)`.
#[derive(Debug, Clone, Copy)]
pub struct Agg<Fn, E> {
    arg: E,
    distinct: bool,
    _fn: PhantomData<Fn>,
}

impl<Fn, E> Agg<Fn, E> {
    fn new(arg: E, distinct: bool) -> Self {
        Agg { arg, distinct, _fn: PhantomData }
    }
}

impl<Fn: AggregateOutput<E::SqlType>, E: Expression> Expression for Agg<Fn, E> {
    type SqlType = Fn::Output;
    type Aggregate = B1;
    type Plain = B0;
    type Window = B0;
}

// The argument rules sit here, where an aggregate is used as a value of a query, and not in
// `sum(..)` itself: `sum(sum(x)).over(..)` is a valid window over an aggregate.
impl<Fn, E, F, I> ValidIn<F, I> for Agg<Fn, E>
where
    E: ValidIn<F, I> + NoAggregateInAggregate + NoWindowInAggregate,
    Fn: AggregateOutput<E::SqlTypeIn> + AggregateOutput<E::SqlType>,
{
    type SqlTypeIn = <Fn as AggregateOutput<E::SqlTypeIn>>::Output;
}

impl<Fn, E, G> ValidGrouping<G, ()> for Agg<Fn, E> {}

impl<D: Dialect, Fn: AggregateFunction, E: QueryFragment<D>> QueryFragment<D> for Agg<Fn, E> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(D::function_name(Fn::NAME));
        out.push_sql(if self.distinct { "(DISTINCT " } else { "(" });
        self.arg.walk(out);
        out.push_sql(")");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        shape.add(u64::from(self.distinct));
        self.arg.shape(shape)
    }
}

/// `COUNT(e)`: the number of non-NULL values.
pub fn count<E: Expression>(e: E) -> Agg<Count, E> {
    Agg::new(e, false)
}

/// `COUNT(DISTINCT e)`.
pub fn count_distinct<E: Expression>(e: E) -> Agg<Count, E> {
    Agg::new(e, true)
}

/// `SUM(e)`; NULL over no rows. Integers sum to `BigInt`, `BigInt` to `Numeric`.
pub fn sum<E: Expression>(e: E) -> Agg<Sum, E>
where
    Sum: AggregateOutput<E::SqlType>,
{
    Agg::new(e, false)
}

/// `AVG(e)`; NULL over no rows.
pub fn avg<E: Expression>(e: E) -> Agg<Avg, E>
where
    Avg: AggregateOutput<E::SqlType>,
{
    Agg::new(e, false)
}

/// `MIN(e)`; NULL over no rows.
pub fn min<E: Expression>(e: E) -> Agg<Min, E> {
    Agg::new(e, false)
}

/// `MAX(e)`; NULL over no rows.
pub fn max<E: Expression>(e: E) -> Agg<Max, E> {
    Agg::new(e, false)
}

/// `BOOL_AND(e)`: whether every value is true.
pub fn bool_and<E: Expression>(e: E) -> Agg<BoolAnd, E>
where
    BoolAnd: AggregateOutput<E::SqlType>,
{
    Agg::new(e, false)
}

/// `BOOL_OR(e)`: whether any value is true.
pub fn bool_or<E: Expression>(e: E) -> Agg<BoolOr, E>
where
    BoolOr: AggregateOutput<E::SqlType>,
{
    Agg::new(e, false)
}

/// `COUNT(*)`.
#[derive(Debug, Clone, Copy, Default)]
pub struct CountStar;

/// `COUNT(*)`: the number of rows.
pub fn count_star() -> CountStar {
    CountStar
}

impl Expression for CountStar {
    type SqlType = BigInt;
    type Aggregate = B1;
    type Plain = B0;
    type Window = B0;
}

impl<F> ValidIn<F, ()> for CountStar {
    type SqlTypeIn = BigInt;
}

impl<G> ValidGrouping<G, ()> for CountStar {}

impl<D: Dialect> QueryFragment<D> for CountStar {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("COUNT(*)");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        let _ = shape;
        true
    }
}

/// `STRING_AGG(e, separator)` (SQLite: `GROUP_CONCAT`): the values joined into one text.
#[derive(Debug, Clone)]
pub struct StringAgg<E, S> {
    arg: E,
    separator: S,
}

/// `STRING_AGG(e, separator)`: concatenates the group's values (order unspecified).
pub fn string_agg<E, S>(e: E, separator: S) -> StringAgg<E, S::Expr>
where
    E: Expression,
    E::SqlType: TextType,
    S: AsExpression<Text>,
{
    StringAgg { arg: e, separator: separator.as_expression() }
}

impl<E: Expression, S> Expression for StringAgg<E, S> {
    type SqlType = Nullable<Text>;
    type Aggregate = B1;
    type Plain = B0;
    type Window = B0;
}

impl<E, S, F, I> ValidIn<F, I> for StringAgg<E, S>
where
    E: ValidIn<F, I> + NoAggregateInAggregate + NoWindowInAggregate,
{
    type SqlTypeIn = Nullable<Text>;
}

impl<E, S, G> ValidGrouping<G, ()> for StringAgg<E, S> {}

impl<D: Dialect, E: QueryFragment<D>, S: QueryFragment<D>> QueryFragment<D> for StringAgg<E, S> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(D::function_name("STRING_AGG"));
        out.push_sql("(");
        self.arg.walk(out);
        out.push_sql(", ");
        self.separator.walk(out);
        out.push_sql(")");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.arg.shape(shape) && self.separator.shape(shape)
    }
}

/// Aggregates, which accept a `FILTER (WHERE ...)` clause.
pub trait IsAggregate: Expression + Sized {
    /// `self FILTER (WHERE condition)`: aggregate only the rows where `condition` holds.
    fn filter_where<C>(self, condition: C) -> Filtered<Self, C>
    where
        C: Expression + NoAggregateInFilter + NoWindowInFilter,
        C::SqlType: BoolLike,
    {
        Filtered { aggregate: self, condition }
    }
}

impl<Fn: AggregateOutput<E::SqlType>, E: Expression> IsAggregate for Agg<Fn, E> {}
impl IsAggregate for CountStar {}
impl<E: Expression, S> IsAggregate for StringAgg<E, S> {}

/// `aggregate FILTER (WHERE condition)`.
#[derive(Debug, Clone)]
pub struct Filtered<A, C> {
    aggregate: A,
    condition: C,
}

impl<A: Expression, C> Expression for Filtered<A, C> {
    type SqlType = A::SqlType;
    type Aggregate = B1;
    type Plain = B0;
    type Window = B0;
}

impl<A: ValidIn<F, IA>, C: ValidIn<F, IC>, F, IA, IC> ValidIn<F, (IA, IC)> for Filtered<A, C> {
    type SqlTypeIn = A::SqlTypeIn;
}

impl<A, C, G> ValidGrouping<G, ()> for Filtered<A, C> {}

impl<D: Dialect, A: QueryFragment<D>, C: QueryFragment<D>> QueryFragment<D> for Filtered<A, C> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        self.aggregate.walk(out);
        out.push_sql(" FILTER (WHERE ");
        self.condition.walk(out);
        out.push_sql(")");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.aggregate.shape(shape) && self.condition.shape(shape)
    }
}

crate::__impl_arithmetic!([Fn, E,] Agg<Fn, E>);
crate::__impl_arithmetic!([] CountStar);
