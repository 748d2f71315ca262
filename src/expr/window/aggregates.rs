//! Every aggregate is a window function: `sum(x).over(w)` is a running or partition-wide sum.
//!
//! Over a window the aggregate no longer folds the query into groups; what counts for the
//! grouping rules are its arguments (and a `FILTER` condition).

use super::{WindowArgsGrouping, WindowArgsIn, WindowFunction};
use crate::expr::{
    Agg, AggregateOutput, CountStar, Expression, Filtered, IsAggregate, NoWindowInWindow,
    StringAgg, ValidGrouping, ValidIn,
};
use crate::types::{BigInt, Flag, Nullable, Text};
use typenum::B0;

impl<Fn: AggregateOutput<E::SqlType>, E: Expression> WindowFunction for Agg<Fn, E> {
    type SqlType = Fn::Output;
    type ArgAggregate = E::Aggregate;
    type ArgPlain = E::Plain;
}
impl<Fn, E: ValidGrouping<G, I>, G, I> WindowArgsGrouping<G, I> for Agg<Fn, E> {}

impl WindowFunction for CountStar {
    type SqlType = BigInt;
    type ArgAggregate = B0;
    type ArgPlain = B0;
}
impl<G> WindowArgsGrouping<G, ()> for CountStar {}

impl<E: Expression, S: Expression> WindowFunction for StringAgg<E, S> {
    type SqlType = Nullable<Text>;
    type ArgAggregate = <E::Aggregate as Flag>::Or<S::Aggregate>;
    type ArgPlain = <E::Plain as Flag>::Or<S::Plain>;
}
impl<E: ValidGrouping<G, IE>, S: ValidGrouping<G, IS>, G, IE, IS> WindowArgsGrouping<G, (IE, IS)>
    for StringAgg<E, S>
{
}

impl<A: IsAggregate + WindowFunction, C: Expression> WindowFunction for Filtered<A, C> {
    type SqlType = <A as WindowFunction>::SqlType;
    type ArgAggregate = <A::ArgAggregate as Flag>::Or<C::Aggregate>;
    type ArgPlain = <A::ArgPlain as Flag>::Or<C::Plain>;
}
impl<A: WindowArgsGrouping<G, IA>, C: ValidGrouping<G, IC>, G, IA, IC>
    WindowArgsGrouping<G, (IA, IC)> for Filtered<A, C>
{
}

macro_rules! args_in_as_valid_in {
    ($([$($gen:ident),*] $ty:ty;)*) => {$(
        impl<$($gen,)* F, I> WindowArgsIn<F, I> for $ty
        where
            $ty: ValidIn<F, I>,
        {
            type SqlTypeIn = <$ty as ValidIn<F, I>>::SqlTypeIn;
        }
    )*};
}
args_in_as_valid_in! {
    [] CountStar;
}

// Windowed, an aggregate's argument may itself aggregate (`sum(sum(x)).over(..)` in a grouped
// query), but it may not hold another window function.
impl<Fn, E, F, I> WindowArgsIn<F, I> for Agg<Fn, E>
where
    E: ValidIn<F, I> + NoWindowInWindow,
    Fn: AggregateOutput<E::SqlTypeIn>,
{
    type SqlTypeIn = Fn::Output;
}

impl<E, S, F, I> WindowArgsIn<F, I> for StringAgg<E, S>
where
    E: ValidIn<F, I> + NoWindowInWindow,
{
    type SqlTypeIn = Nullable<Text>;
}

impl<A, C, F, IA, IC> WindowArgsIn<F, (IA, IC)> for Filtered<A, C>
where
    A: WindowArgsIn<F, IA>,
    C: ValidIn<F, IC>,
{
    type SqlTypeIn = A::SqlTypeIn;
}
