//! The GROUP BY rule: in a grouped query every column outside an aggregate must be grouped.
//!
//! Proved by the same inferred-index membership as FROM: `GroupContains<C, I>` finds column
//! `C` in the GROUP BY list `G`; `ValidGrouping<G, I>` combines the proofs for every column of
//! an expression, and aggregates need none. Without GROUP BY, the two flags of [`Expression`]
//! decide: a select list may not mix aggregates with plain columns.

use super::Expression;
use crate::types::Flag;
use typenum::{B0, B1};

/// Proof that the GROUP BY list `Self` contains column `C` (at index `I`).
#[diagnostic::on_unimplemented(
    message = "column `{C}` must appear in GROUP BY or be used inside an aggregate function",
    label = "this query is grouped by `{Self}`",
    note = "add the column to `group_by(...)`, or wrap it in an aggregate such as `max(...)`"
)]
pub trait GroupContains<C, I> {}

/// Index: the GROUP BY element is the expression itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Itself;

impl<E> GroupContains<E, Itself> for E {}

/// Index: the whole expression is grouped (found in GROUP BY at `I`), rather than each of its
/// columns.
#[derive(Debug, Clone, Copy, Default)]
pub struct Whole<I>(I);

/// An expression that can be a GROUP BY key and be recognized again in the select list,
/// HAVING or ORDER BY: built from columns, functions and operators, without bound parameters
/// (PostgreSQL compares `$1` and `$2` as different expressions, so `age / $1` in the select
/// list is not the grouped `age / $2`).
pub trait GroupKey {}

// An expression is valid in a grouped query when it is itself a GROUP BY key (`extract_year(d)`
// grouped by `extract_year(d)`), or when each of its columns is (the per-type impls).
impl<E: Expression + GroupKey, G: GroupContains<E, I>, I> ValidGrouping<G, Whole<I>> for E {}

/// Index: found in the `N`-th element of a GROUP BY tuple, at `I`.
#[derive(Debug, Clone, Copy, Default)]
pub struct InGroup<const N: usize, I>(I);

macro_rules! tuple_group_contains {
    ($($t:ident $i:ident $n:tt),+) => {
        tuple_group_contains!(@each ($($t),+); $($n $t),+);
    };
    (@each $tuple:tt; $($n:tt $el:ident),+) => {$(
        tuple_group_contains!(@one $tuple $n $el);
    )+};
    (@one ($($t:ident),+) $n:tt $el:ident) => {
        impl<Col, I, $($t),+> GroupContains<Col, InGroup<$n, I>> for ($($t,)+)
        where
            $el: GroupContains<Col, I>,
        {
        }
    };
}

for_tuples!(tuple_group_contains up to 16);

macro_rules! tuple_group_key {
    ($($t:ident $ti:ident $n:tt),+) => {
        impl<$($t: GroupKey),+> GroupKey for ($($t,)+) {}
    };
}

for_tuples!(tuple_group_key up to 16);

/// An expression (or select list) that may stand in a query grouped by `G`.
#[diagnostic::on_unimplemented(
    message = "this expression uses a column that is neither in GROUP BY nor inside an aggregate function",
    label = "uses a column that is neither grouped nor aggregated",
    note = "the query is grouped by `{G}`"
)]
pub trait ValidGrouping<G, I> {}

macro_rules! tuple_valid_grouping {
    ($($t:ident $i:ident $n:tt),+) => {
        impl<G, $($t: ValidGrouping<G, $i>, $i,)+> ValidGrouping<G, ($($i,)+)> for ($($t,)+) {}
    };
}

for_tuples!(tuple_valid_grouping);

/// The aggregate flags of a select list (an expression or a tuple of them).
pub trait SelectFlags {
    /// `B1` if an aggregate appears.
    type Aggregate: Flag;
    /// `B1` if a column appears outside any aggregate.
    type Plain: Flag;
    /// `B1` if a window function (`... OVER (...)`) appears.
    type Window: Flag;
}

impl<E: Expression> SelectFlags for E {
    type Aggregate = E::Aggregate;
    type Plain = E::Plain;
    type Window = E::Window;
}

macro_rules! tuple_flags {
    ($first:ident $fi:ident $fn:tt $(, $t:ident $ti:ident $tn:tt)*) => {
        impl<$first: SelectFlags, $($t: SelectFlags),*> SelectFlags for ($first, $($t,)*) {
            type Aggregate = <$first::Aggregate as Flag>::Or<<($($t,)*) as SelectFlags>::Aggregate>;
            type Plain = <$first::Plain as Flag>::Or<<($($t,)*) as SelectFlags>::Plain>;
            type Window = <$first::Window as Flag>::Or<<($($t,)*) as SelectFlags>::Window>;
        }
    };
}

impl SelectFlags for () {
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

for_tuples!(tuple_flags);

/// A select list without GROUP BY: all aggregates (one summary row) or no aggregates.
/// Implemented for the flag pairs `(aggregate, plain)` that are allowed.
#[diagnostic::on_unimplemented(
    message = "this select list mixes aggregate functions with plain columns but the query has no GROUP BY",
    label = "aggregates and plain columns in one select list",
    note = "add `.group_by(...)` with the plain columns, or aggregate every column"
)]
pub trait AggregatesNotMixed {}
impl AggregatesNotMixed for (B0, B0) {}
impl AggregatesNotMixed for (B0, B1) {}
impl AggregatesNotMixed for (B1, B0) {}
