//! Window frames: `ROWS | RANGE | GROUPS BETWEEN start AND end`.
//!
//! The bounds are types, so a frame that runs backwards (`CURRENT ROW` to `1 PRECEDING`) or
//! starts at `UNBOUNDED FOLLOWING` does not compile. Offsets are `u32` numbers that aludel
//! writes into the SQL itself (databases require constants there); no user text is involved.

use super::spec::WindowPart;
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use typenum::B0;

/// How a frame counts: rows, ORDER BY values, or peer groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FrameUnits {
    Rows,
    Range,
    Groups,
}

/// `units BETWEEN start AND end`; see [`Window::rows_between`](super::Window::rows_between).
#[derive(Debug, Clone, Copy)]
pub struct Frame<S, E> {
    units: FrameUnits,
    start: S,
    end: E,
}

impl<S, E> Frame<S, E> {
    pub(super) fn new(units: FrameUnits, start: S, end: E) -> Self {
        Frame { units, start, end }
    }
}

impl<S, E> WindowPart for Frame<S, E> {
    const PRESENT: bool = true;
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

impl<D: Dialect, S: QueryFragment<D>, E: QueryFragment<D>> QueryFragment<D> for Frame<S, E> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(match self.units {
            FrameUnits::Rows => "ROWS BETWEEN ",
            FrameUnits::Range => "RANGE BETWEEN ",
            FrameUnits::Groups => "GROUPS BETWEEN ",
        });
        self.start.walk(out);
        out.push_sql(" AND ");
        self.end.walk(out);
    }
}

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
