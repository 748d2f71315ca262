//! Window frames: `ROWS | RANGE | GROUPS BETWEEN start AND end`.
//!
//! The bounds are types, so a frame that runs backwards (`CURRENT ROW` to `1 PRECEDING`) or
//! starts at `UNBOUNDED FOLLOWING` does not compile. Offsets are `u32` numbers that aludel
//! writes into the SQL itself (databases require constants there); no user text is involved.

use super::spec::{NoFrame, WindowOrderBy, WindowPart};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::expr::{Asc, Desc, Expression, NullsFirst, NullsLast};
use crate::types::NumericType;
use std::marker::PhantomData;
use typenum::B0;

/// How a frame counts: rows ([`Rows`]), ORDER BY values ([`Range`]) or peer groups
/// ([`Groups`]). The unit is part of the frame's type because a `RANGE` frame with an offset
/// is valid only over some window orders ([`RangeFrameOrder`]).
pub trait FrameUnit {
    /// The frame clause's opening words.
    const SQL: &'static str;
}

/// `ROWS`: the frame counted in rows.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rows;
/// `RANGE`: the frame measured on the value of the window's single ORDER BY term.
#[derive(Debug, Clone, Copy, Default)]
pub struct Range;
/// `GROUPS`: the frame counted in peer groups.
#[derive(Debug, Clone, Copy, Default)]
pub struct Groups;

impl FrameUnit for Rows {
    const SQL: &'static str = "ROWS BETWEEN ";
}
impl FrameUnit for Range {
    const SQL: &'static str = "RANGE BETWEEN ";
}
impl FrameUnit for Groups {
    const SQL: &'static str = "GROUPS BETWEEN ";
}

/// `units BETWEEN start AND end`; see [`Window::rows_between`](super::Window::rows_between).
#[derive(Debug, Clone, Copy)]
pub struct Frame<S, E, U = Rows> {
    start: S,
    end: E,
    _units: PhantomData<U>,
}

impl<S, E, U> Frame<S, E, U> {
    pub(super) fn new(start: S, end: E) -> Self {
        Frame { start, end, _units: PhantomData }
    }
}

impl<S, E, U> WindowPart for Frame<S, E, U> {
    const PRESENT: bool = true;
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

impl<D: Dialect, S: QueryFragment<D>, E: QueryFragment<D>, U: FrameUnit> QueryFragment<D>
    for Frame<S, E, U>
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(U::SQL);
        self.start.walk(out);
        out.push_sql(" AND ");
        self.end.walk(out);
    }
}

/// The window ORDER BY `Self` can measure a `RANGE` frame from `S` to `E`.
///
/// `n PRECEDING` / `n FOLLOWING` in a `RANGE` frame means "ORDER BY value minus / plus `n`",
/// so both databases require exactly one ORDER BY term of a type they can add `n` to:
/// numeric, as aludel's offsets are integers (PostgreSQL would want an `interval` for dates).
/// Frames bounded only by `UNBOUNDED` and `CURRENT ROW` are valid over any order. Checked
/// where the frame meets the order: in `range_between` and in a later `order_by`.
#[diagnostic::on_unimplemented(
    message = "a RANGE frame with an offset needs the window ordered by exactly one numeric expression",
    label = "`preceding(n)` / `following(n)` in RANGE measure the ORDER BY value, which must be one numeric term",
    note = "call `.order_by(..)` with one numeric column or expression before `range_between(..)` (a date would need an interval offset), or count rows with `rows_between(..)`"
)]
pub trait RangeFrameOrder<S, E> {}

#[diagnostic::do_not_recommend]
impl<O, S: RangeBound<O>, E: RangeBound<O>> RangeFrameOrder<S, E> for O {}

/// A bound of a `RANGE` frame over window order `O`.
pub trait RangeBound<O> {}
impl<O> RangeBound<O> for UnboundedPreceding {}
impl<O> RangeBound<O> for CurrentRow {}
impl<O> RangeBound<O> for UnboundedFollowing {}
#[diagnostic::do_not_recommend]
impl<O: OffsetOrder> RangeBound<O> for Preceding {}
#[diagnostic::do_not_recommend]
impl<O: OffsetOrder> RangeBound<O> for Following {}

/// A window order that offsets can be measured on: exactly one numeric term.
pub trait OffsetOrder {}
#[diagnostic::do_not_recommend]
impl<X: OffsetOrderTerm> OffsetOrder for WindowOrderBy<X> {}

/// One numeric order term, with or without a direction and NULLS placement.
pub trait OffsetOrderTerm {}
#[diagnostic::do_not_recommend]
impl<X: Expression> OffsetOrderTerm for X where X::SqlType: NumericType {}
#[diagnostic::do_not_recommend]
impl<X: OffsetOrderTerm> OffsetOrderTerm for Asc<X> {}
#[diagnostic::do_not_recommend]
impl<X: OffsetOrderTerm> OffsetOrderTerm for Desc<X> {}
#[diagnostic::do_not_recommend]
impl<X: OffsetOrderTerm> OffsetOrderTerm for NullsFirst<X> {}
#[diagnostic::do_not_recommend]
impl<X: OffsetOrderTerm> OffsetOrderTerm for NullsLast<X> {}

/// A window order that a `GROUPS` frame can count peer groups of: any ORDER BY. PostgreSQL
/// rejects `GROUPS` in a window without one ("GROUPS mode requires an ORDER BY clause").
#[diagnostic::on_unimplemented(
    message = "a GROUPS frame needs the window to have an ORDER BY",
    label = "GROUPS counts the peer groups of the window's ORDER BY, and this window has none",
    note = "call `.order_by(..)` before `groups_between(..)`, or count rows with `rows_between(..)`"
)]
pub trait GroupsFrameOrder {}
impl<X> GroupsFrameOrder for WindowOrderBy<X> {}

/// The frame `Self` (or no frame) stays valid when the window is (re-)ordered by `O`.
#[diagnostic::on_unimplemented(
    message = "a RANGE frame with an offset needs the window ordered by exactly one numeric expression",
    label = "this window has a RANGE frame with an offset, so its ORDER BY must be one numeric term",
    note = "order the window by one numeric column or expression, or count rows with `rows_between(..)`"
)]
pub trait FrameOrder<O> {}
impl<O> FrameOrder<O> for NoFrame {}
impl<S, E, O> FrameOrder<O> for Frame<S, E, Rows> {}
impl<S, E, O> FrameOrder<O> for Frame<S, E, Groups> {}
#[diagnostic::do_not_recommend]
impl<S, E, O: RangeFrameOrder<S, E>> FrameOrder<O> for Frame<S, E, Range> {}

/// `UNBOUNDED PRECEDING`: the first row of the partition.
#[derive(Debug, Clone, Copy, Default)]
pub struct UnboundedPreceding;
/// `n PRECEDING`: `n` rows (or values, or groups) before the current row.
#[derive(Debug, Clone, Copy)]
pub struct Preceding(u32);
/// `CURRENT ROW`.
#[derive(Debug, Clone, Copy, Default)]
pub struct CurrentRow;
/// `n FOLLOWING`: `n` rows (or values, or groups) after the current row.
#[derive(Debug, Clone, Copy)]
pub struct Following(u32);
/// `UNBOUNDED FOLLOWING`: the last row of the partition.
#[derive(Debug, Clone, Copy, Default)]
pub struct UnboundedFollowing;

/// `UNBOUNDED PRECEDING`, a frame start.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, x -> Integer, } }
///
/// let running = sum(t::x).over(
///     Window::new().order_by(t::id).rows_between(unbounded_preceding(), current_row()),
/// );
/// let q = t::table.select(running);
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT SUM("t"."x") OVER (ORDER BY "t"."id" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM "t""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT SUM("t"."x") OVER (ORDER BY "t"."id" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM "t""#
/// );
/// ```
pub fn unbounded_preceding() -> UnboundedPreceding {
    UnboundedPreceding
}

/// `n PRECEDING`.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, x -> Integer, } }
///
/// let q = t::table.select(max(t::x).over(
///     Window::new().order_by(t::id).rows_between(preceding(3), preceding(1)),
/// ));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT MAX("t"."x") OVER (ORDER BY "t"."id" ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) FROM "t""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT MAX("t"."x") OVER (ORDER BY "t"."id" ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) FROM "t""#
/// );
/// ```
pub fn preceding(n: u32) -> Preceding {
    Preceding(n)
}

/// `CURRENT ROW` (in `RANGE` and `GROUPS` frames: the current row and its peers).
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, x -> Integer, } }
///
/// let q = t::table.select(count_star().over(
///     Window::new().order_by(t::x).range_between(current_row(), unbounded_following()),
/// ));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT COUNT(*) OVER (ORDER BY "t"."x" RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM "t""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT COUNT(*) OVER (ORDER BY "t"."x" RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM "t""#
/// );
/// ```
pub fn current_row() -> CurrentRow {
    CurrentRow
}

/// `n FOLLOWING`.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, x -> Integer, } }
///
/// let q = t::table.select(min(t::x).over(
///     Window::new().order_by(t::x).groups_between(preceding(1), following(1)),
/// ));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT MIN("t"."x") OVER (ORDER BY "t"."x" GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM "t""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT MIN("t"."x") OVER (ORDER BY "t"."x" GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM "t""#
/// );
/// ```
pub fn following(n: u32) -> Following {
    Following(n)
}

/// `UNBOUNDED FOLLOWING`, a frame end.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, x -> Integer, } }
///
/// let q = t::table.select(last_value(t::x).over(
///     Window::new().order_by(t::id).rows_between(current_row(), unbounded_following()),
/// ));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT LAST_VALUE("t"."x") OVER (ORDER BY "t"."id" ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM "t""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT LAST_VALUE("t"."x") OVER (ORDER BY "t"."id" ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM "t""#
/// );
/// ```
pub fn unbounded_following() -> UnboundedFollowing {
    UnboundedFollowing
}

macro_rules! fixed_bound {
    ($($ty:ident $sql:literal),*) => {$(
        impl<D: Dialect> QueryFragment<D> for $ty {
            fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
                out.push_sql($sql);
            }
        }
    )*};
}
fixed_bound!(UnboundedPreceding "UNBOUNDED PRECEDING", CurrentRow "CURRENT ROW", UnboundedFollowing "UNBOUNDED FOLLOWING");

macro_rules! offset_bound {
    ($($ty:ident $sql:literal),*) => {$(
        impl<D: Dialect> QueryFragment<D> for $ty {
            fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
                // A number we format ourselves: frame offsets must be constants in SQL.
                out.push_sql(&self.0.to_string());
                out.push_sql($sql);
            }
        }
    )*};
}
offset_bound!(Preceding " PRECEDING", Following " FOLLOWING");

/// A frame may run from bound `Self` to bound `E`: the start does not come after the end, the
/// start is not `UNBOUNDED FOLLOWING` and the end is not `UNBOUNDED PRECEDING`.
#[diagnostic::on_unimplemented(
    message = "a window frame cannot run from `{Self}` to `{E}`",
    label = "invalid frame bounds",
    note = "bounds go in the order unbounded_preceding(), preceding(n), current_row(), following(n), unbounded_following(); a frame cannot start at unbounded_following() or end at unbounded_preceding(), nor end before it starts"
)]
pub trait FrameBetween<E> {}

macro_rules! frame_between {
    ($($start:ident => $($end:ident),+;)*) => {$($(
        impl FrameBetween<$end> for $start {}
    )+)*};
}
frame_between! {
    UnboundedPreceding => Preceding, CurrentRow, Following, UnboundedFollowing;
    Preceding => Preceding, CurrentRow, Following, UnboundedFollowing;
    CurrentRow => CurrentRow, Following, UnboundedFollowing;
    Following => Following, UnboundedFollowing;
}
