//! PostgreSQL array operators and functions: `= ANY($1)`, `@>`, `<@`, `&&`, `cardinality`,
//! subscripts and `array_agg`.
//!
//! Each renders only for a dialect with [`SupportsArrays`]: for SQLite they do not compile.
//! `x.in_(values)` (an `IN (...)` list, one parameter per value) works everywhere;
//! `x.eq_any(array)` binds the whole list as ONE array parameter, so its SQL text (and
//! prepared statement) is the same for any number of values.

use super::operators::{BinaryOperator, OperatorFor, OperatorResult};
use super::{
    AsExpression, Binary, Expression, IsAggregate, NoAggregateInAggregate, NoWindowInAggregate,
    NoWindowInWindow, ValidGrouping, ValidIn, WindowArgsGrouping, WindowArgsIn, WindowFunction,
};
use crate::dialect::{QueryFragment, Shape, SqlBuilder, SupportsArrays};
use crate::types::{Array, ArrayElement, ArrayType, Bool, Flag, Integer, Nullable, SqlType};
use typenum::{B0, B1};

/// `B1` if either type is nullable.
type EitherNullable<L, R> = <<L as SqlType>::IsNullable as Flag>::Or<<R as SqlType>::IsNullable>;

macro_rules! array_ops {
    ($($(#[$doc:meta])* $name:ident $sql:literal;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;
        impl BinaryOperator for $name {
            const SQL: &'static str = $sql;
        }
        impl<L: SqlType, R: SqlType> OperatorResult<L, R> for $name {
            type Output = <EitherNullable<L, R> as Flag>::Apply<Bool>;
        }
        impl<D: SupportsArrays> OperatorFor<D> for $name {}
    )*};
}

array_ops! {
    /// `@>`: the left array holds every element of the right one (PostgreSQL).
    ArrayContains " @> ";
    /// `<@`: every element of the left array is in the right one (PostgreSQL).
    ArrayContainedBy " <@ ";
    /// `&&`: the arrays share an element (PostgreSQL).
    ArrayOverlaps " && ";
}

/// `(e = ANY(array))`: `e` equals an element of `array` (PostgreSQL). Built by
/// [`ArrayExpressionMethods::eq_any`].
#[derive(Debug, Clone)]
pub struct EqAny<E, A> {
    expr: E,
    array: A,
}

impl<E: Expression, A: Expression> Expression for EqAny<E, A> {
    type SqlType = <EitherNullable<E::SqlType, A::SqlType> as Flag>::Apply<Bool>;
    type Aggregate = <E::Aggregate as Flag>::Or<A::Aggregate>;
    type Plain = <E::Plain as Flag>::Or<A::Plain>;
    type Window = <E::Window as Flag>::Or<A::Window>;
}

impl<E: ValidIn<F, IE>, A: ValidIn<F, IA>, F, IE, IA> ValidIn<F, (IE, IA)> for EqAny<E, A> {
    type SqlTypeIn = <EitherNullable<E::SqlTypeIn, A::SqlTypeIn> as Flag>::Apply<Bool>;
}

impl<E: ValidGrouping<G, IE>, A: ValidGrouping<G, IA>, G, IE, IA> ValidGrouping<G, (IE, IA)>
    for EqAny<E, A>
{
}

impl<D: SupportsArrays, E: QueryFragment<D>, A: QueryFragment<D>> QueryFragment<D> for EqAny<E, A> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("(");
        self.expr.walk(out);
        out.push_sql(" = ANY(");
        self.array.walk(out);
        out.push_sql("))");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.expr.shape(shape) && self.array.shape(shape)
    }
}

/// `cardinality(array)`: the number of elements (0 for an empty array). Built by
/// [`ArrayExpressionMethods::cardinality`].
#[derive(Debug, Clone, Copy)]
pub struct Cardinality<E>(E);

impl<E: Expression> Expression for Cardinality<E> {
    type SqlType = <<E::SqlType as SqlType>::IsNullable as Flag>::Apply<Integer>;
    type Aggregate = E::Aggregate;
    type Plain = E::Plain;
    type Window = E::Window;
}

impl<E: ValidIn<F, I>, F, I> ValidIn<F, I> for Cardinality<E> {
    type SqlTypeIn = <<E::SqlTypeIn as SqlType>::IsNullable as Flag>::Apply<Integer>;
}

impl<E: ValidGrouping<G, I>, G, I> ValidGrouping<G, (I,)> for Cardinality<E> {}

impl<D: SupportsArrays, E: QueryFragment<D>> QueryFragment<D> for Cardinality<E> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("cardinality(");
        self.0.walk(out);
        out.push_sql(")");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.0.shape(shape)
    }
}

crate::__impl_arithmetic!([E,] Cardinality<E>);

/// `(array)[i]`: the element at 1-based position `i`, NULL past either end. Built by
/// [`ArrayExpressionMethods::index`].
#[derive(Debug, Clone)]
pub struct ArrayIndex<E, I> {
    array: E,
    index: I,
}

impl<E: Expression, I: Expression> Expression for ArrayIndex<E, I>
where
    E::SqlType: ArrayType,
{
    type SqlType = Nullable<<<E::SqlType as ArrayType>::Element as SqlType>::NotNull>;
    type Aggregate = <E::Aggregate as Flag>::Or<I::Aggregate>;
    type Plain = <E::Plain as Flag>::Or<I::Plain>;
    type Window = <E::Window as Flag>::Or<I::Window>;
}

impl<E, I, F, IE, II> ValidIn<F, (IE, II)> for ArrayIndex<E, I>
where
    E: ValidIn<F, IE>,
    I: ValidIn<F, II>,
    E::SqlType: ArrayType,
{
    type SqlTypeIn = Nullable<<<E::SqlType as ArrayType>::Element as SqlType>::NotNull>;
}

impl<E: ValidGrouping<G, IE>, I: ValidGrouping<G, II>, G, IE, II> ValidGrouping<G, (IE, II)>
    for ArrayIndex<E, I>
{
}

impl<D: SupportsArrays, E: QueryFragment<D>, I: QueryFragment<D>> QueryFragment<D>
    for ArrayIndex<E, I>
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("(");
        self.array.walk(out);
        out.push_sql(")[");
        self.index.walk(out);
        out.push_sql("]");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.array.shape(shape) && self.index.shape(shape)
    }
}

/// `array_agg(e)`: the group's values (NULLs included) as an array, NULL over no rows; also
/// a window function (`array_agg(e).over(window)`).
///
/// ```
/// use aludel::prelude::*;
/// use aludel::dsl::array_agg;
/// aludel::table! { posts (id) { id -> Integer, author -> Text, } }
///
/// let q = posts::table.group_by(posts::author).select((posts::author, array_agg(posts::id)));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "posts"."author", array_agg("posts"."id") FROM "posts" GROUP BY "posts"."author""#
/// );
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ArrayAgg<E>(E);

/// `array_agg(e)` (PostgreSQL): see [`ArrayAgg`].
pub fn array_agg<E: Expression>(e: E) -> ArrayAgg<E>
where
    E::SqlType: ArrayElement,
{
    ArrayAgg(e)
}

impl<E: Expression> Expression for ArrayAgg<E>
where
    E::SqlType: ArrayElement,
{
    type SqlType = Nullable<Array<E::SqlType>>;
    type Aggregate = B1;
    type Plain = B0;
    type Window = B0;
}

impl<E, F, I> ValidIn<F, I> for ArrayAgg<E>
where
    E: ValidIn<F, I> + NoAggregateInAggregate + NoWindowInAggregate,
    E::SqlType: ArrayElement,
    E::SqlTypeIn: ArrayElement,
{
    type SqlTypeIn = Nullable<Array<E::SqlTypeIn>>;
}

impl<E, G> ValidGrouping<G, ()> for ArrayAgg<E> {}

impl<E: Expression> IsAggregate for ArrayAgg<E> where E::SqlType: ArrayElement {}

// Windowed (`array_agg(x).over(w)`): the values of the row's window, as for every aggregate.
impl<E: Expression> WindowFunction for ArrayAgg<E>
where
    E::SqlType: ArrayElement,
{
    type SqlType = Nullable<Array<E::SqlType>>;
    type ArgAggregate = E::Aggregate;
    type ArgPlain = E::Plain;
}

impl<E: ValidGrouping<G, I>, G, I> WindowArgsGrouping<G, I> for ArrayAgg<E> {}

impl<E, F, I> WindowArgsIn<F, I> for ArrayAgg<E>
where
    E: ValidIn<F, I> + NoWindowInWindow,
    E::SqlTypeIn: ArrayElement,
{
    type SqlTypeIn = Nullable<Array<E::SqlTypeIn>>;
}

impl<D: SupportsArrays, E: QueryFragment<D>> QueryFragment<D> for ArrayAgg<E> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("array_agg(");
        self.0.walk(out);
        out.push_sql(")");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.0.shape(shape)
    }
}

/// The array type whose elements `eq_any` compares an expression of SQL type `ST` with.
pub type ArrayOf<ST> = Array<<ST as SqlType>::NotNull>;

/// Builds `(expr = ANY(array))`; see [`ExpressionMethods::eq_any`](super::ExpressionMethods::eq_any).
pub(super) fn eq_any<E, A>(expr: E, array: A) -> EqAny<E, A> {
    EqAny { expr, array }
}

/// Operators and functions of array expressions (PostgreSQL). (`x.eq_any(array)`, on any
/// expression, is in [`ExpressionMethods`](super::ExpressionMethods).)
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { posts (id) { id -> Integer, tags -> Array<Text>, } }
///
/// let q = posts::table
///     .select((posts::id, posts::tags.cardinality(), posts::tags.index(1)))
///     .filter(posts::id.eq_any(vec![1, 2, 3]).and(posts::tags.overlaps(vec!["a", "b"])));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "posts"."id", cardinality("posts"."tags"), ("posts"."tags")[$1] FROM "posts" WHERE (("posts"."id" = ANY($2)) AND ("posts"."tags" && $3))"#
/// );
/// ```
///
/// None of them compiles for SQLite:
///
/// ```compile_fail
/// use aludel::prelude::*;
/// aludel::table! { posts (id) { id -> Integer, tags -> Array<Text>, } }
///
/// let q = posts::table.select(posts::id).filter(posts::tags.contains(vec!["a"]));
/// q.compile::<Sqlite>();
/// ```
pub trait ArrayExpressionMethods: Expression + Sized
where
    Self::SqlType: ArrayType,
{
    /// `self @> other`: `self` holds every element of `other`.
    fn contains<A>(self, other: A) -> Binary<ArrayContains, Self, A::Expr>
    where
        A: AsExpression<Self::SqlType>,
    {
        Binary::new(self, other.as_expression())
    }

    /// `self <@ other`: every element of `self` is in `other`.
    fn contained_by<A>(self, other: A) -> Binary<ArrayContainedBy, Self, A::Expr>
    where
        A: AsExpression<Self::SqlType>,
    {
        Binary::new(self, other.as_expression())
    }

    /// `self && other`: the arrays share an element.
    fn overlaps<A>(self, other: A) -> Binary<ArrayOverlaps, Self, A::Expr>
    where
        A: AsExpression<Self::SqlType>,
    {
        Binary::new(self, other.as_expression())
    }

    /// `cardinality(self)`: the number of elements.
    fn cardinality(self) -> Cardinality<Self> {
        Cardinality(self)
    }

    /// `(self)[i]`: the element at 1-based position `i` (NULL when there is none).
    fn index<I>(self, i: I) -> ArrayIndex<Self, I::Expr>
    where
        I: AsExpression<Integer>,
    {
        ArrayIndex { array: self, index: i.as_expression() }
    }
}

impl<E: Expression> ArrayExpressionMethods for E where E::SqlType: ArrayType {}
