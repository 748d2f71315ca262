//! The output of a set operation (UNION, INTERSECT, EXCEPT): its row type, and the columns its
//! ORDER BY may name.
//!
//! A column of the combined rows may be NULL when it may be NULL on either side, so each
//! column's nullability is the OR of both sides' ([`UnionRow`]): `SELECT name ... UNION SELECT
//! email` yields `Nullable<Text>`. The combined rows have no table: ORDER BY names them by the
//! output column names, which are those of the first query's select list ([`SelectsColumn`]).

use super::compound::CompoundSelect;
use super::cte_scope::{Append, CteCons, CteNil};
use super::select::{DefaultSelect, SelectClause, SelectStatement};
use crate::expr::{Asc, Desc, Expression, NullsFirst, NullsLast};
use crate::schema::{Column, HasTable};
use crate::types::{Flag, SqlType};

/// The row type of `Self UNION Rhs`: column by column, the left side's type, nullable when
/// either side's is.
pub trait UnionRow<Rhs> {
    /// The combined row type.
    type Out;
}

impl<A: SqlType, B: SqlType> UnionRow<B> for A {
    type Out = <<A::IsNullable as Flag>::Or<B::IsNullable> as Flag>::Apply<A::NotNull>;
}

// A single value against a one-column row, either way round.
impl<A: SqlType, B: SqlType> UnionRow<(B,)> for A {
    type Out = <A as UnionRow<B>>::Out;
}
impl<A: SqlType, B: SqlType> UnionRow<B> for (A,) {
    type Out = (<A as UnionRow<B>>::Out,);
}

macro_rules! tuple_union_row {
    ($($a:ident $b:ident $n:tt),+) => {
        impl<$($a: UnionRow<$b>, $b,)+> UnionRow<($($b,)+)> for ($($a,)+) {
            type Out = ($(<$a as UnionRow<$b>>::Out,)+);
        }
    };
}

for_tuples!(tuple_union_row);

/// The end of a select list seen as a type-level list.
#[derive(Debug, Clone, Copy, Default)]
pub struct ListEnd;
/// A select list item `H` followed by the items `T`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ListItem<H, T>(H, T);

/// A select list (one expression or a tuple of them) as a type-level list.
pub trait OutputList {
    /// The items.
    type Items;
}

impl<E: Expression> OutputList for E {
    type Items = ListItem<E, ListEnd>;
}

macro_rules! tuple_output_list {
    ($($t:ident $i:ident $n:tt),+) => {
        impl<$($t),+> OutputList for ($($t,)+) {
            type Items = tuple_output_list!(@items $($t),+);
        }
    };
    (@items $first:ident $(, $rest:ident)*) => {
        ListItem<$first, tuple_output_list!(@items $($rest),*)>
    };
    (@items) => { ListEnd };
}

for_tuples!(tuple_output_list);

/// Index: the item is the head of the list.
#[derive(Debug, Clone, Copy, Default)]
pub struct Head;
/// Index: the item is found in the tail, at `I`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tail<I>(I);

/// Column `C` is an item of the list `Self`, at `I` (inferred).
pub trait ListHas<C, I> {}
impl<C, T> ListHas<C, Head> for ListItem<C, T> {}
impl<C, H, T: ListHas<C, I>, I> ListHas<C, Tail<I>> for ListItem<H, T> {}

/// Column `C` (of table `T`) is an output column of the query `Self`: an item of the first
/// query's select list (any column of its FROM clause for `SELECT *`).
#[diagnostic::on_unimplemented(
    message = "ORDER BY of a UNION, INTERSECT or EXCEPT may name only columns of its select list, and column `{C}` is not one",
    label = "`{C}` is not an output column of this set operation",
    note = "the combined rows have only the columns the first query selects: order by one of those, or add `{C}` to the select list of every query"
)]
pub trait SelectsColumn<C, T, I> {}

#[diagnostic::do_not_recommend]
impl<F, S: OutputList, Ix, W, O, Dist, G, H, Lk, C, T, I> SelectsColumn<C, T, I>
    for SelectStatement<F, SelectClause<S, Ix>, W, O, Dist, G, H, Lk>
where
    S::Items: ListHas<C, I>,
{
}

#[diagnostic::do_not_recommend]
impl<F: HasTable<T, I>, W, O, Dist, G, H, Lk, C: Column<Table = T>, T, I> SelectsColumn<C, T, I>
    for SelectStatement<F, DefaultSelect, W, O, Dist, G, H, Lk>
{
}

#[diagnostic::do_not_recommend]
impl<L: SelectsColumn<C, T, I>, R, O, C, T, I> SelectsColumn<C, T, I> for CompoundSelect<L, R, O> {}

/// The ORDER BY list `Self` of a set operation over the query `Q` names only output columns.
/// (Its `Self` is the ORDER BY list so that a missing column is reported by
/// [`SelectsColumn`], naming the column.)
#[diagnostic::on_unimplemented(
    message = "ORDER BY of a UNION, INTERSECT or EXCEPT may name only output columns, the columns of the first query's select list",
    label = "not an output column of this set operation",
    note = "SQL orders combined rows by output column name only: not by other columns, nor by expressions"
)]
pub trait OrderByOutputOf<Q, I> {}

impl<O: OrderByOutput, Q: SelectsAll<O::Columns, I>, I> OrderByOutputOf<Q, I> for O {}

/// Every column of the list `Cols` is an output column of the query `Self`.
pub trait SelectsAll<Cols, I> {}
impl<Q> SelectsAll<CteNil, ()> for Q {}
impl<Q, C: Column, Rest, I, J> SelectsAll<CteCons<C, Rest>, (I, J)> for Q where
    Q: SelectsColumn<C, C::Table, I> + SelectsAll<Rest, J>
{
}

/// An ORDER BY list of a set operation: output columns, each optionally
/// `asc()`/`desc()`/`nulls_first()`/`nulls_last()`, or a tuple of them. `Columns` lists the
/// columns it names, each of which [`SelectsColumn`] then finds in the select list.
#[diagnostic::on_unimplemented(
    message = "ORDER BY of a UNION, INTERSECT or EXCEPT may name only output columns, not expressions",
    label = "expected a column of the first query's select list, or a tuple of them",
    note = "SQL orders combined rows by output column name only, not by expressions"
)]
pub trait OrderByOutput {
    /// The columns named, as a type-level list.
    type Columns;
}

impl<C: Column> OrderByOutput for C {
    type Columns = CteCons<C, CteNil>;
}
impl<E: OrderByOutput> OrderByOutput for Asc<E> {
    type Columns = E::Columns;
}
impl<E: OrderByOutput> OrderByOutput for Desc<E> {
    type Columns = E::Columns;
}
impl<E: OrderByOutput> OrderByOutput for NullsFirst<E> {
    type Columns = E::Columns;
}
impl<E: OrderByOutput> OrderByOutput for NullsLast<E> {
    type Columns = E::Columns;
}

impl<A: OrderByOutput> OrderByOutput for (A,) {
    type Columns = A::Columns;
}

macro_rules! tuple_order_by_output {
    ($t:ident $i:ident $n:tt) => {}; // a one-tuple is implemented by hand above
    ($first:ident $fi:ident $fn:tt, $($rest:ident $ri:ident $rn:tt),+) => {
        impl<$first: OrderByOutput, $($rest: OrderByOutput),+> OrderByOutput for ($first, $($rest,)+)
        where
            ($($rest,)+): OrderByOutput,
            $first::Columns: Append<<($($rest,)+) as OrderByOutput>::Columns>,
        {
            type Columns = <$first::Columns as Append<<($($rest,)+) as OrderByOutput>::Columns>>::Out;
        }
    };
}

for_tuples!(tuple_order_by_output up to 16);
