//! Date and time functions: extracting the year, month or day, and adding days, months or
//! years. Each dialect spells them its own way ([`Dialect::walk_extract`],
//! [`Dialect::walk_date_add`]).

use crate::dialect::{DatePart, Dialect, QueryFragment, SqlBuilder};
use crate::expr::GroupKey;
use crate::expr::{Expression, ValidGrouping, ValidIn};
use crate::types::{Date, Flag, Integer, Nullable, SqlType, Timestamp, TimestampTz};
use std::marker::PhantomData;

/// SQL types that hold a calendar date: `Date`, `Timestamp`, `TimestampTz`.
#[diagnostic::on_unimplemented(
    message = "SQL `{Self}` is not a date or timestamp type",
    label = "this function needs a Date, Timestamp or TimestampTz expression"
)]
pub trait DateLike: SqlType {}
impl DateLike for Date {}
impl DateLike for Timestamp {}
impl DateLike for TimestampTz {}
impl<T: DateLike> DateLike for Nullable<T> {}

/// A field of a date, as a type: [`Year`], [`Month`], [`Day`].
pub trait DateField: 'static {
    /// The field.
    const PART: DatePart;
}

macro_rules! date_fields {
    ($($(#[$doc:meta])* $name:ident => $part:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;
        impl DateField for $name {
            const PART: DatePart = DatePart::$part;
        }
    )*};
}

date_fields! {
    /// The year.
    Year => Year;
    /// The month (1-12).
    Month => Month;
    /// The day of the month (1-31).
    Day => Day;
}

/// Field `P` of a date/time expression, as an `Integer`.
#[derive(Debug, Clone, Copy)]
pub struct Extract<P, E> {
    value: E,
    _part: PhantomData<P>,
}

fn extract<P, E>(value: E) -> Extract<P, E> {
    Extract { value, _part: PhantomData }
}

type IntegerLike<T> = <<T as SqlType>::IsNullable as Flag>::Apply<Integer>;

impl<P, E: Expression> Expression for Extract<P, E> {
    type SqlType = IntegerLike<E::SqlType>;
    type Aggregate = E::Aggregate;
    type Plain = E::Plain;
    type Window = E::Window;
}

impl<P, E: ValidIn<F, I>, F, I> ValidIn<F, I> for Extract<P, E> {
    type SqlTypeIn = IntegerLike<E::SqlTypeIn>;
}

impl<P, E: ValidGrouping<G, I>, G, I> ValidGrouping<G, (I,)> for Extract<P, E> {}
impl<P, E: GroupKey> GroupKey for Extract<P, E> {}

impl<D: Dialect, P: DateField, E: QueryFragment<D>> QueryFragment<D> for Extract<P, E> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        D::walk_extract(P::PART, &self.value, out);
    }
}

crate::__impl_arithmetic!([P, E,] Extract<P, E>);

/// The year of a date or timestamp, as an `Integer`.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { events (id) { id -> Integer, day -> Date, } }
///
/// let q = events::table.select(extract_year(events::day));
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT CAST(strftime('%Y', "events"."day") AS INTEGER) FROM "events""#
/// );
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT CAST(EXTRACT(YEAR FROM "events"."day") AS INTEGER) FROM "events""#
/// );
/// ```
pub fn extract_year<E>(e: E) -> Extract<Year, E>
where
    E: Expression,
    E::SqlType: DateLike,
{
    extract(e)
}

/// The month (1-12) of a date or timestamp, as an `Integer`.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { events (id) { id -> Integer, at -> Timestamp, } }
///
/// let q = events::table.select(extract_month(events::at));
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT CAST(strftime('%m', "events"."at") AS INTEGER) FROM "events""#
/// );
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT CAST(EXTRACT(MONTH FROM "events"."at") AS INTEGER) FROM "events""#
/// );
/// ```
pub fn extract_month<E>(e: E) -> Extract<Month, E>
where
    E: Expression,
    E::SqlType: DateLike,
{
    extract(e)
}

/// The day of the month (1-31) of a date or timestamp, as an `Integer`.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { events (id) { id -> Integer, day -> Date, } }
///
/// let q = events::table.select(extract_day(events::day));
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT CAST(strftime('%d', "events"."day") AS INTEGER) FROM "events""#
/// );
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT CAST(EXTRACT(DAY FROM "events"."day") AS INTEGER) FROM "events""#
/// );
/// ```
pub fn extract_day<E>(e: E) -> Extract<Day, E>
where
    E: Expression,
    E::SqlType: DateLike,
{
    extract(e)
}

/// A date or timestamp plus a number of [`Day`]s, [`Month`]s or [`Year`]s (field `P`), of
/// the same type; built by [`ExpressionMethods::add_days`](crate::expr::ExpressionMethods::add_days),
/// [`add_months`](crate::expr::ExpressionMethods::add_months) and
/// [`add_years`](crate::expr::ExpressionMethods::add_years).
#[derive(Debug, Clone, Copy)]
pub struct DateAdd<P, E, N> {
    value: E,
    amount: N,
    _field: PhantomData<P>,
}

/// A date or timestamp plus a number of days.
pub type AddDays<E, N> = DateAdd<Day, E, N>;
/// A date or timestamp plus a number of months.
pub type AddMonths<E, N> = DateAdd<Month, E, N>;
/// A date or timestamp plus a number of years.
pub type AddYears<E, N> = DateAdd<Year, E, N>;

impl<P, E, N> DateAdd<P, E, N> {
    pub(crate) fn new(value: E, amount: N) -> Self {
        DateAdd { value, amount, _field: PhantomData }
    }
}

type ShiftedType<E, N> =
    <<<N as SqlType>::IsNullable as Flag>::Or<<E as SqlType>::IsNullable> as Flag>::Apply<
        <E as SqlType>::NotNull,
    >;

impl<P, E: Expression, N: Expression> Expression for DateAdd<P, E, N> {
    type SqlType = ShiftedType<E::SqlType, N::SqlType>;
    type Aggregate = <E::Aggregate as Flag>::Or<N::Aggregate>;
    type Plain = <E::Plain as Flag>::Or<N::Plain>;
    type Window = <E::Window as Flag>::Or<N::Window>;
}

impl<P, E: ValidIn<F, IE>, N: ValidIn<F, IN>, F, IE, IN> ValidIn<F, (IE, IN)> for DateAdd<P, E, N> {
    type SqlTypeIn = ShiftedType<E::SqlTypeIn, N::SqlTypeIn>;
}

impl<P, E: ValidGrouping<G, IE>, N: ValidGrouping<G, IN>, G, IE, IN> ValidGrouping<G, (IE, IN)>
    for DateAdd<P, E, N>
{
}

impl<D: Dialect, P: DateField, E, N> QueryFragment<D> for DateAdd<P, E, N>
where
    E: Expression + QueryFragment<D>,
    N: QueryFragment<D>,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        D::walk_date_add(P::PART, &self.value, &self.amount, <E::SqlType as SqlType>::KIND, out);
    }
    fn shape(&self, shape: &mut crate::dialect::Shape) -> bool {
        // The SQL depends on the types only (the field, the value's kind) and the operands.
        self.value.shape(shape) && self.amount.shape(shape)
    }
}
