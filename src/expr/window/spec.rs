//! The window definition: `(PARTITION BY ... ORDER BY ... frame)`.

use super::frame::{
    Frame, FrameBetween, FrameOrder, Groups, GroupsFrameOrder, Range, RangeFrameOrder, Rows,
};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::expr::{
    Asc, Desc, Expression, NoWindowInWindow, NullsFirst, NullsLast, OrderIn, ValidGrouping, ValidIn,
};
use crate::types::Flag;
use typenum::B0;

/// A window: which rows a window function sees for each row. Built with
/// [`partition_by`](Self::partition_by), [`order_by`](Self::order_by) and a frame
/// ([`rows_between`](Self::rows_between), [`range_between`](Self::range_between),
/// [`groups_between`](Self::groups_between)); `Window::new()` alone is the whole result set.
///
/// `P`, `O` and `Fr` are the partition list, the order terms and the frame, kept as types so
/// that the query using the window can check them against its FROM clause and grouping.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, grp -> Text, x -> Double, } }
///
/// let moving_avg = avg(t::x).over(
///     Window::new()
///         .partition_by(t::grp)
///         .order_by((t::id.asc(), t::x))
///         .rows_between(preceding(2), current_row()),
/// );
/// let q = t::table.select((t::id, moving_avg));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "t"."id", AVG("t"."x") OVER (PARTITION BY "t"."grp" ORDER BY "t"."id" ASC, "t"."x" ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM "t""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT "t"."id", AVG("t"."x") OVER (PARTITION BY "t"."grp" ORDER BY "t"."id" ASC, "t"."x" ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM "t""#
/// );
/// let whole = t::table.select(count_star().over(Window::new()));
/// assert_eq!(whole.compile::<Sqlite>().sql(), r#"SELECT COUNT(*) OVER () FROM "t""#);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Window<P = NoPartition, O = NoWindowOrder, Fr = NoFrame> {
    partition: P,
    order: O,
    frame: Fr,
}

impl Window {
    /// The empty window, `OVER ()`: every row of the result.
    pub fn new() -> Self {
        Window { partition: NoPartition, order: NoWindowOrder, frame: NoFrame }
    }
}

impl<P, O, Fr> Window<P, O, Fr> {
    /// `PARTITION BY list`: an expression or a tuple of them (replacing an earlier list).
    pub fn partition_by<P2: PartitionList + NoWindowInWindow>(
        self,
        list: P2,
    ) -> Window<PartitionBy<P2>, O, Fr> {
        Window { partition: PartitionBy(list), order: self.order, frame: self.frame }
    }

    /// `ORDER BY terms`: a column or expression, `.asc()`/`.desc()`, optionally
    /// `.nulls_first()`/`.nulls_last()`, or a tuple of those (replacing earlier terms).
    /// Aggregates are allowed here in grouped queries.
    pub fn order_by<O2: WindowOrder + NoWindowInWindow>(
        self,
        terms: O2,
    ) -> Window<P, WindowOrderBy<O2>, Fr>
    where
        Fr: FrameOrder<WindowOrderBy<O2>>,
    {
        Window { partition: self.partition, order: WindowOrderBy(terms), frame: self.frame }
    }

    /// `ROWS BETWEEN start AND end`: the frame counted in rows around the current one.
    pub fn rows_between<S: FrameBetween<E>, E>(
        self,
        start: S,
        end: E,
    ) -> Window<P, O, Frame<S, E, Rows>> {
        self.frame(start, end)
    }

    /// `RANGE BETWEEN start AND end`: the frame by value of the (single) ORDER BY term; with
    /// `current_row()` it includes the current row's peers. With an offset
    /// (`preceding(n)` / `following(n)`) the window must already be ordered by exactly one
    /// numeric expression (see `RangeFrameOrder`).
    pub fn range_between<S: FrameBetween<E>, E>(
        self,
        start: S,
        end: E,
    ) -> Window<P, O, Frame<S, E, Range>>
    where
        O: RangeFrameOrder<S, E>,
    {
        self.frame(start, end)
    }

    /// `GROUPS BETWEEN start AND end`: the frame counted in peer groups (rows with equal
    /// ORDER BY values); the window must already have an ORDER BY (see `GroupsFrameOrder`).
    pub fn groups_between<S: FrameBetween<E>, E>(
        self,
        start: S,
        end: E,
    ) -> Window<P, O, Frame<S, E, Groups>>
    where
        O: GroupsFrameOrder,
    {
        self.frame(start, end)
    }

    fn frame<S, E, U>(self, start: S, end: E) -> Window<P, O, Frame<S, E, U>> {
        Window { partition: self.partition, order: self.order, frame: Frame::new(start, end) }
    }
}

impl<D: Dialect, P, O, Fr> QueryFragment<D> for Window<P, O, Fr>
where
    P: WindowPart + QueryFragment<D>,
    O: WindowPart + QueryFragment<D>,
    Fr: WindowPart + QueryFragment<D>,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("(");
        let mut sep = "";
        if P::PRESENT {
            self.partition.walk(out);
            sep = " ";
        }
        if O::PRESENT {
            out.push_sql(sep);
            self.order.walk(out);
            sep = " ";
        }
        if Fr::PRESENT {
            out.push_sql(sep);
            self.frame.walk(out);
        }
        out.push_sql(")");
    }
}

/// One part of a [`Window`] (partition list, order terms or frame), possibly absent.
pub trait WindowPart {
    /// Whether the part is written at all.
    const PRESENT: bool;
    /// `B1` if the part contains an aggregate function.
    type Aggregate: Flag;
    /// `B1` if the part contains a column outside any aggregate.
    type Plain: Flag;
    /// `B1` if a window function (`... OVER (...)`) appears.
    type Window: Flag;
}

/// A window part whose columns all come from the FROM clause `F` (proved by index `I`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used in a window of a query over `{F}`",
    label = "uses a column that is not in this query's FROM clause"
)]
pub trait WindowPartIn<F, I> {}

/// A window part that may stand in a query grouped by `G`: its columns are grouped or
/// inside aggregates.
#[diagnostic::on_unimplemented(
    message = "`{Self}` uses a column that is neither grouped nor aggregated (grouped by `{G}`)",
    label = "not valid in this grouped query"
)]
pub trait WindowPartGrouping<G, I> {}

/// No `PARTITION BY`: one partition.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoPartition;
/// `PARTITION BY list`.
#[derive(Debug, Clone, Copy)]
pub struct PartitionBy<P>(P);
/// No `ORDER BY` in the window.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoWindowOrder;
/// `ORDER BY terms` inside a window.
#[derive(Debug, Clone, Copy)]
pub struct WindowOrderBy<O>(O);
/// No frame clause: the default frame (`RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW`
/// with ORDER BY, the whole partition without).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoFrame;

macro_rules! absent_part {
    ($($ty:ident),*) => {$(
        impl WindowPart for $ty {
            const PRESENT: bool = false;
            type Aggregate = B0;
            type Plain = B0;
            type Window = B0;
        }
        impl<F> WindowPartIn<F, ()> for $ty {}
        impl<G> WindowPartGrouping<G, ()> for $ty {}
        impl<D: Dialect> QueryFragment<D> for $ty {
            fn walk<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
        }
    )*};
}
absent_part!(NoPartition, NoWindowOrder, NoFrame);

impl<P: PartitionList> WindowPart for PartitionBy<P> {
    const PRESENT: bool = true;
    type Aggregate = P::Aggregate;
    type Plain = P::Plain;
    type Window = P::Window;
}
impl<P: PartitionIn<F, I>, F, I> WindowPartIn<F, I> for PartitionBy<P> {}
impl<P: ValidGrouping<G, I>, G, I> WindowPartGrouping<G, I> for PartitionBy<P> {}
impl<D: Dialect, P: QueryFragment<D>> QueryFragment<D> for PartitionBy<P> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("PARTITION BY ");
        self.0.walk(out);
    }
}

impl<O: WindowOrder> WindowPart for WindowOrderBy<O> {
    const PRESENT: bool = true;
    type Aggregate = O::Aggregate;
    type Plain = O::Plain;
    type Window = O::Window;
}
impl<O: OrderIn<F, I>, F, I> WindowPartIn<F, I> for WindowOrderBy<O> {}
impl<O: WindowOrderGrouping<G, I>, G, I> WindowPartGrouping<G, I> for WindowOrderBy<O> {}
impl<D: Dialect, O: QueryFragment<D>> QueryFragment<D> for WindowOrderBy<O> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("ORDER BY ");
        self.0.walk(out);
    }
}

/// A `PARTITION BY` list: an expression or a tuple of expressions.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used in PARTITION BY",
    label = "expected a column or expression, or a tuple of them"
)]
pub trait PartitionList {
    /// `B1` if an aggregate appears.
    type Aggregate: Flag;
    /// `B1` if a column appears outside any aggregate.
    type Plain: Flag;
    /// `B1` if a window function (`... OVER (...)`) appears.
    type Window: Flag;
}

/// A `PARTITION BY` list whose columns come from the FROM clause `F` (proved by index `I`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used in PARTITION BY of a query over `{F}`",
    label = "expected columns of this query's FROM clause"
)]
pub trait PartitionIn<F, I> {}

/// Order terms inside a window: an expression, `.asc()`/`.desc()` of one (optionally with
/// `.nulls_first()`/`.nulls_last()`), or a tuple of those.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used in ORDER BY of a window",
    label = "expected a column or expression, optionally with `.asc()` / `.desc()`, or a tuple of them"
)]
pub trait WindowOrder {
    /// `B1` if an aggregate appears.
    type Aggregate: Flag;
    /// `B1` if a column appears outside any aggregate.
    type Plain: Flag;
    /// `B1` if a window function (`... OVER (...)`) appears.
    type Window: Flag;
}

/// Order terms that may stand in a query grouped by `G`: columns grouped or aggregated.
#[diagnostic::on_unimplemented(
    message = "`{Self}` uses a column that is neither grouped nor aggregated (grouped by `{G}`)",
    label = "not valid in this grouped query"
)]
pub trait WindowOrderGrouping<G, I> {}

impl<E: Expression> PartitionList for E {
    type Aggregate = E::Aggregate;
    type Plain = E::Plain;
    type Window = E::Window;
}
impl<E: Expression + ValidIn<F, I>, F, I> PartitionIn<F, I> for E {}

impl<E: Expression> WindowOrder for E {
    type Aggregate = E::Aggregate;
    type Plain = E::Plain;
    type Window = E::Window;
}
impl<E: Expression + ValidGrouping<G, I>, G, I> WindowOrderGrouping<G, I> for E {}

macro_rules! direction {
    ($($ty:ident),*) => {$(
        impl<E: Expression> WindowOrder for $ty<E> {
            type Aggregate = E::Aggregate;
            type Plain = E::Plain;
            type Window = E::Window;
        }
        impl<E: ValidGrouping<G, I>, G, I> WindowOrderGrouping<G, I> for $ty<E> {}
    )*};
}
direction!(Asc, Desc);

macro_rules! nulls {
    ($($ty:ident),*) => {$(
        impl<O: WindowOrder> WindowOrder for $ty<O> {
            type Aggregate = O::Aggregate;
            type Plain = O::Plain;
            type Window = O::Window;
        }
        impl<O: WindowOrderGrouping<G, I>, G, I> WindowOrderGrouping<G, I> for $ty<O> {}
    )*};
}
nulls!(NullsFirst, NullsLast);

macro_rules! or_flags {
    ($a:ty) => { $a };
    ($a:ty, $($rest:ty),+) => { <$a as Flag>::Or<or_flags!($($rest),+)> };
}

macro_rules! tuples {
    ($first:ident $ifirst:ident $fn:tt $(, $t:ident $i:ident $tn:tt)*) => {
        impl<$first: PartitionList, $($t: PartitionList),*> PartitionList for ($first, $($t,)*) {
            type Aggregate = or_flags!($first::Aggregate $(, $t::Aggregate)*);
            type Plain = or_flags!($first::Plain $(, $t::Plain)*);
            type Window = or_flags!($first::Window $(, $t::Window)*);
        }
        impl<F, $first: PartitionIn<F, $ifirst>, $ifirst, $($t: PartitionIn<F, $i>, $i,)*>
            PartitionIn<F, ($ifirst, $($i,)*)> for ($first, $($t,)*) {}
        impl<$first: WindowOrder, $($t: WindowOrder),*> WindowOrder for ($first, $($t,)*) {
            type Aggregate = or_flags!($first::Aggregate $(, $t::Aggregate)*);
            type Plain = or_flags!($first::Plain $(, $t::Plain)*);
            type Window = or_flags!($first::Window $(, $t::Window)*);
        }
        impl<G, $first: WindowOrderGrouping<G, $ifirst>, $ifirst, $($t: WindowOrderGrouping<G, $i>, $i,)*>
            WindowOrderGrouping<G, ($ifirst, $($i,)*)> for ($first, $($t,)*) {}
    };
}
for_tuples!(tuples up to 16);
