//! Derived tables (subqueries in FROM), and SELECT without FROM.

use super::fill::FillsTable;
use super::select::SelectStatement;
use super::subquery::Correlation;
use super::{AsQuery, Query};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder};
use crate::schema::{FromClause, HasTable, Here, QuerySource, Table};
use std::marker::PhantomData;
use typenum::B0;

/// `(query) AS "t"`: a subquery in FROM, whose columns are those of table `T` (declared with
/// `table!`, usually `#[cte]` without a primary key). Its rows must fit `T`'s columns: their types, and
/// their nullability (a NOT NULL column cannot be filled by a value that may be NULL).
#[derive(Debug, Clone)]
pub struct Derived<Q, T> {
    query: Q,
    _table: PhantomData<T>,
}

/// Naming a query's rows as a derived table.
pub trait DerivedDsl: AsQuery + Sized {
    /// Uses this query in FROM under the name and columns of `table`. SQLAlchemy's
    /// `.subquery()`.
    fn subquery<T>(self, table: T) -> Derived<Self::Query, T>
    where
        T: Table,
        Self::Query: Query,
        Self::Query: FillsTable<T>,
    {
        let _ = table;
        Derived { query: self.as_query(), _table: PhantomData }
    }
}

impl<Q: AsQuery> DerivedDsl for Q {}

impl<Q, T: Table> HasTable<T, Here> for Derived<Q, T> {
    type Nullable = B0;
}

impl<Q, T: Table> QuerySource for Derived<Q, T> {
    type DefaultSqlType = T::AllSqlType;
    fn walk_default_selection<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>) {
        T::default().walk_default_selection(out);
    }
}

impl<Q: QueryFragment<D>, T: Table, D: Dialect> FromClause<D> for Derived<Q, T> {
    fn walk_from<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("(");
        out.set_select_labels(T::def().column_names);
        self.query.walk(out);
        out.push_sql(") AS ");
        out.push_ident(T::NAME);
    }
    fn shape_of_from(&self, shape: &mut Shape) -> bool {
        self.query.shape(shape)
    }
}

impl<Q, T> Correlation for Derived<Q, T> {
    type Outer = ();
}

impl<Q, T: Table> AsQuery for Derived<Q, T> {
    type Query = SelectStatement<Self>;
    fn as_query(self) -> Self::Query {
        SelectStatement::new(self)
    }
}

/// The FROM clause of `SELECT values` with no table.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoFrom;

impl QuerySource for NoFrom {
    const HAS_FROM: bool = false;
    type DefaultSqlType = ();
    fn walk_default_selection<D: Dialect>(&self, _out: &mut SqlBuilder<'_, D>) {}
}

impl<D: Dialect> FromClause<D> for NoFrom {
    fn walk_from<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
    fn shape_of_from(&self, _shape: &mut Shape) -> bool {
        true
    }
}

impl Correlation for NoFrom {
    type Outer = ();
}

/// `SELECT values` without a table: bound values with their types written out (see
/// [`literal`]), for example the base case of a recursive CTE.
///
/// ```
/// use aludel::prelude::*;
/// let q = select((1, "one"));
/// assert_eq!(q.compile::<Postgres>().sql(), "SELECT CAST($1 AS INTEGER), CAST($2 AS TEXT)");
/// ```
pub fn select<S, I>(values: S) -> SelectStatement<NoFrom, super::select::SelectClause<S::Expr, I>>
where
    S: SelectValues,
    S::Expr: super::selection::SelectableIn<NoFrom, I>
        + super::select::SelectListFor<super::clauses::NoGroupBy, ()>,
{
    SelectStatement::new(NoFrom).select(values.into_select())
}

/// Rust values (or tuples of them) that become a FROM-less select list.
pub trait SelectValues {
    /// The select list.
    type Expr;
    /// Converts the values.
    fn into_select(self) -> Self::Expr;
}

macro_rules! select_values {
    ($($rust:ty => $st:ty),*) => {$(
        impl SelectValues for $rust {
            type Expr = Literal<'static, $st>;
            fn into_select(self) -> Self::Expr { literal(self) }
        }
    )*};
}

select_values!(i16 => crate::types::SmallInt, i32 => crate::types::Integer, i64 => crate::types::BigInt,
    f64 => crate::types::Double, bool => crate::types::Bool, String => crate::types::Text,
    &'static str => crate::types::Text);

/// A bound value with its SQL type written out: `CAST(? AS type)`. Needed where the database
/// cannot infer a parameter's type from its surroundings (a select list, a VALUES row).
/// SQLAlchemy's `literal(value, type_)`.
#[derive(Debug, Clone)]
pub struct Literal<'a, ST>(crate::expr::Bound<'a, ST>);

/// `CAST(? AS ST)` with `value` bound: a typed value usable anywhere, including select lists.
///
/// ```
/// use aludel::prelude::*;
/// let q = select(literal::<Integer, _>(0));
/// assert_eq!(q.compile::<Postgres>().sql(), "SELECT CAST($1 AS INTEGER)");
/// ```
pub fn literal<'a, ST, T: crate::types::IntoSql<'a, ST>>(value: T) -> Literal<'a, ST> {
    Literal(crate::expr::Bound::new(value))
}

impl<ST: crate::types::SqlType> crate::expr::Expression for Literal<'_, ST> {
    type SqlType = ST;
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

impl<ST: crate::types::SqlType, F> crate::expr::ValidIn<F, ()> for Literal<'_, ST> {
    type SqlTypeIn = ST;
}

impl<ST, G> crate::expr::ValidGrouping<G, ()> for Literal<'_, ST> {}

impl<D: Dialect, ST: crate::types::SqlType + crate::dialect::SupportedType<D>> QueryFragment<D>
    for Literal<'_, ST>
{
    fn walk<'b>(&'b self, out: &mut SqlBuilder<'b, D>) {
        out.push_sql("CAST(");
        self.0.walk(out);
        out.push_sql(" AS ");
        out.push_type_name(ST::KIND);
        out.push_sql(")");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        QueryFragment::<D>::shape(&self.0, shape)
    }
}

crate::__impl_arithmetic!(['a, ST,] Literal<'a, ST>);

impl<ST> SelectValues for Literal<'static, ST> {
    type Expr = Self;
    fn into_select(self) -> Self {
        self
    }
}

impl<A: SelectValues, B: SelectValues> SelectValues for (A, B) {
    type Expr = (A::Expr, B::Expr);
    fn into_select(self) -> Self::Expr {
        (self.0.into_select(), self.1.into_select())
    }
}

impl<A: SelectValues, B: SelectValues, C: SelectValues> SelectValues for (A, B, C) {
    type Expr = (A::Expr, B::Expr, C::Expr);
    fn into_select(self) -> Self::Expr {
        (self.0.into_select(), self.1.into_select(), self.2.into_select())
    }
}
