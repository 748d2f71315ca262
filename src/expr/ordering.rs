//! ORDER BY terms.

use super::{SelectFlags, ValidGrouping, ValidIn};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder, SupportsNullsOrdering};

/// `E ASC`
#[derive(Debug, Clone, Copy)]
pub struct Asc<E>(pub(crate) E);
/// `E DESC`
#[derive(Debug, Clone, Copy)]
pub struct Desc<E>(pub(crate) E);
/// `O NULLS FIRST`, where `O` is `Asc` or `Desc`.
#[derive(Debug, Clone, Copy)]
pub struct NullsFirst<O>(O);
/// `O NULLS LAST`, where `O` is `Asc` or `Desc`.
#[derive(Debug, Clone, Copy)]
pub struct NullsLast<O>(O);

macro_rules! direction {
    ($($ty:ident $sql:literal),*) => {$(
        impl<E> $ty<E> {
            /// Puts NULLs before all other values.
            pub fn nulls_first(self) -> NullsFirst<Self> { NullsFirst(self) }
            /// Puts NULLs after all other values.
            pub fn nulls_last(self) -> NullsLast<Self> { NullsLast(self) }
        }
        impl<D: Dialect, E: QueryFragment<D>> QueryFragment<D> for $ty<E> {
            fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
                self.0.walk(out);
                out.push_sql($sql);
            }
            fn shape(&self, shape: &mut Shape) -> bool {
                self.0.shape(shape)
            }
        }
    )*};
}
direction!(Asc " ASC", Desc " DESC");

// An ordering term has its expression's flags: ORDER BY is checked by the same placement and
// grouping rules as the select list.
macro_rules! term_flags {
    ($($ty:ident),*) => {$(
        impl<E: SelectFlags> SelectFlags for $ty<E> {
            type Aggregate = E::Aggregate;
            type Plain = E::Plain;
            type Window = E::Window;
        }
    )*};
}
term_flags!(Asc, Desc, NullsFirst, NullsLast);

macro_rules! term_grouping {
    ($($ty:ident),*) => {$(
        #[diagnostic::do_not_recommend]
        impl<E: ValidGrouping<G, I>, G, I> ValidGrouping<G, I> for $ty<E> {}
    )*};
}
term_grouping!(Asc, Desc, NullsFirst, NullsLast);

macro_rules! nulls {
    ($($ty:ident $sql:literal),*) => {$(
        impl<D: SupportsNullsOrdering, O: QueryFragment<D>> QueryFragment<D> for $ty<O> {
            fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
                self.0.walk(out);
                out.push_sql($sql);
            }
            fn shape(&self, shape: &mut Shape) -> bool {
                self.0.shape(shape)
            }
        }
    )*};
}
nulls!(NullsFirst " NULLS FIRST", NullsLast " NULLS LAST");

/// A term (or tuple of terms) that can stand in ORDER BY of a query over `F`.
#[diagnostic::on_unimplemented(
    message = "this ORDER BY term cannot be used in a query over `{F}`",
    label = "`{Self}` is not a column or expression of this query (optionally with `.asc()` / `.desc()`)"
)]
pub trait OrderIn<F, I> {}

impl<E: ValidIn<F, I>, F, I> OrderIn<F, I> for E {}
impl<E: ValidIn<F, I>, F, I> OrderIn<F, I> for Asc<E> {}
impl<E: ValidIn<F, I>, F, I> OrderIn<F, I> for Desc<E> {}
impl<O: OrderIn<F, I>, F, I> OrderIn<F, I> for NullsFirst<O> {}
impl<O: OrderIn<F, I>, F, I> OrderIn<F, I> for NullsLast<O> {}

macro_rules! tuple_order {
    ($($t:ident $i:ident $n:tt),+) => {
        impl<F, $($t: OrderIn<F, $i>, $i,)+> OrderIn<F, ($($i,)+)> for ($($t,)+) {}
    };
}
for_tuples!(tuple_order up to 16);
