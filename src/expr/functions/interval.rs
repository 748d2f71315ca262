//! PostgreSQL intervals in expressions: interval values, `date/timestamp + interval`, and
//! `timestamp - timestamp`. Each node writes SQL only for dialects with
//! [`SupportsInterval`], so a query using one does not compile for SQLite.

use crate::dialect::{QueryFragment, Shape, SqlBuilder, SupportsInterval};
use crate::expr::{AsExpression, Expression, ValidGrouping, ValidIn};
use crate::types::{Flag, Interval, IntoSql, PgInterval, SqlType, TypeKind, Value};
use std::marker::PhantomData;
use typenum::B0;

/// A [`PgInterval`] bound as a parameter of SQL type `ST` (`Interval` or
/// `Nullable<Interval>`); PostgreSQL only.
#[derive(Debug, Clone)]
pub struct IntervalBind<ST> {
    value: Value<'static>,
    _st: PhantomData<ST>,
}

impl<ST: SqlType> AsExpression<ST> for PgInterval
where
    PgInterval: IntoSql<'static, ST>,
{
    type Expr = IntervalBind<ST>;
    fn as_expression(self) -> Self::Expr {
        IntervalBind { value: self.into_sql(), _st: PhantomData }
    }
}

impl<ST: SqlType> Expression for IntervalBind<ST> {
    type SqlType = ST;
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

impl<ST: SqlType, F> ValidIn<F, ()> for IntervalBind<ST> {
    type SqlTypeIn = ST;
}

impl<ST, G> ValidGrouping<G, ()> for IntervalBind<ST> {}

impl<D: SupportsInterval, ST> QueryFragment<D> for IntervalBind<ST> {
    fn walk<'b>(&'b self, out: &mut SqlBuilder<'b, D>) {
        // Typed: `date + $1` alone is ambiguous (integer, interval or time) to PostgreSQL.
        out.push_sql("CAST(");
        out.push_bind(self.value.reborrow());
        out.push_sql(" AS INTERVAL)");
    }
    fn shape(&self, _shape: &mut Shape) -> bool {
        true
    }
}

/// A date or timestamp plus an interval, of the date's type; built by
/// [`ExpressionMethods::add_interval`](crate::expr::ExpressionMethods::add_interval).
#[derive(Debug, Clone, Copy)]
pub struct AddInterval<E, I> {
    value: E,
    interval: I,
}

impl<E, I> AddInterval<E, I> {
    pub(crate) fn new(value: E, interval: I) -> Self {
        AddInterval { value, interval }
    }
}

/// `E`'s type, nullable if `I` is.
type ShiftedBy<E, I> =
    <<<I as SqlType>::IsNullable as Flag>::Or<<E as SqlType>::IsNullable> as Flag>::Apply<
        <E as SqlType>::NotNull,
    >;

impl<E: Expression, I: Expression> Expression for AddInterval<E, I> {
    type SqlType = ShiftedBy<E::SqlType, I::SqlType>;
    type Aggregate = <E::Aggregate as Flag>::Or<I::Aggregate>;
    type Plain = <E::Plain as Flag>::Or<I::Plain>;
    type Window = <E::Window as Flag>::Or<I::Window>;
}

impl<E: ValidIn<F, IE>, I: ValidIn<F, II>, F, IE, II> ValidIn<F, (IE, II)> for AddInterval<E, I> {
    type SqlTypeIn = ShiftedBy<E::SqlTypeIn, I::SqlTypeIn>;
}

impl<E: ValidGrouping<G, IE>, I: ValidGrouping<G, II>, G, IE, II> ValidGrouping<G, (IE, II)>
    for AddInterval<E, I>
{
}

impl<D: SupportsInterval, E, I> QueryFragment<D> for AddInterval<E, I>
where
    E: Expression + QueryFragment<D>,
    I: QueryFragment<D>,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        let (open, close) = match <E::SqlType as SqlType>::KIND {
            // `date + interval` is a timestamp in PostgreSQL: cast back, keeping the type.
            TypeKind::Date => ("CAST((", ") AS DATE)"),
            // In UTC, as `add_days`/`add_months` (not in the session's time zone).
            TypeKind::TimestampTz => ("((", ") AT TIME ZONE 'UTC'"),
            _ => ("(", ")"),
        };
        let utc = <E::SqlType as SqlType>::KIND == TypeKind::TimestampTz;
        out.push_sql(open);
        self.value.walk(out);
        out.push_sql(if utc { " AT TIME ZONE 'UTC') + " } else { " + " });
        self.interval.walk(out);
        out.push_sql(close);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.value.shape(shape) && self.interval.shape(shape)
    }
}

/// The interval from one date or timestamp to another (`later - earlier`); built by
/// [`ExpressionMethods::interval_since`](crate::expr::ExpressionMethods::interval_since).
#[derive(Debug, Clone, Copy)]
pub struct IntervalSince<E, S> {
    later: E,
    earlier: S,
}

impl<E, S> IntervalSince<E, S> {
    pub(crate) fn new(later: E, earlier: S) -> Self {
        IntervalSince { later, earlier }
    }
}

/// `Interval`, nullable if either side is.
type IntervalOf<E, S> =
    <<<E as SqlType>::IsNullable as Flag>::Or<<S as SqlType>::IsNullable> as Flag>::Apply<Interval>;

impl<E: Expression, S: Expression> Expression for IntervalSince<E, S> {
    type SqlType = IntervalOf<E::SqlType, S::SqlType>;
    type Aggregate = <E::Aggregate as Flag>::Or<S::Aggregate>;
    type Plain = <E::Plain as Flag>::Or<S::Plain>;
    type Window = <E::Window as Flag>::Or<S::Window>;
}

impl<E: ValidIn<F, IE>, S: ValidIn<F, IS>, F, IE, IS> ValidIn<F, (IE, IS)> for IntervalSince<E, S> {
    type SqlTypeIn = IntervalOf<E::SqlTypeIn, S::SqlTypeIn>;
}

impl<E: ValidGrouping<G, IE>, S: ValidGrouping<G, IS>, G, IE, IS> ValidGrouping<G, (IE, IS)>
    for IntervalSince<E, S>
{
}

impl<D: SupportsInterval, E, S> QueryFragment<D> for IntervalSince<E, S>
where
    E: Expression + QueryFragment<D>,
    S: QueryFragment<D>,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        // `date - date` is a number of days in PostgreSQL; as timestamps it is an interval.
        // (The inner cast types a date parameter, which would otherwise be read as a
        // timestamp.)
        let date = <E::SqlType as SqlType>::KIND == TypeKind::Date;
        let side = |e: &'a dyn QueryFragment<D>, out: &mut SqlBuilder<'a, D>| {
            if date {
                out.push_sql("CAST(CAST(");
                e.walk(out);
                out.push_sql(" AS DATE) AS TIMESTAMP)");
            } else {
                e.walk(out);
            }
        };
        out.push_sql("(");
        side(&self.later, out);
        out.push_sql(" - ");
        side(&self.earlier, out);
        out.push_sql(")");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.later.shape(shape) && self.earlier.shape(shape)
    }
}
