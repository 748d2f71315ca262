//! `CAST(e AS T)`: converting a value to another SQL type, for the pairs of types both
//! dialects convert the same way.

use super::{Expression, ValidGrouping, ValidIn};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::expr::GroupKey;
use crate::types::{
    BigInt, Blob, Bool, Date, Double, Flag, Float, Integer, Json, Jsonb, Numeric, SmallInt,
    SqlType, Text, Time, Timestamp, TimestampTz, Uuid, Varchar,
};
use std::marker::PhantomData;

/// SQL type `Self` can be cast to SQL type `T` (both not-null; nullability carries over).
///
/// Allowed: between numeric types, from text to numbers, dates and times, from numbers,
/// dates and times to text, between `Bool` and `Integer`, and to the same type.
#[diagnostic::on_unimplemented(
    message = "SQL `{Self}` cannot be cast to SQL `{T}`",
    label = "no portable CAST between these types",
    note = "numbers, text, dates and times cast to and from text; numbers cast to each other"
)]
pub trait CastTo<T> {}

macro_rules! casts {
    ($([$($from:ty),+] => [$($to:ty),+];)*) => {$(
        casts!(@each [$($from),+] [$($to),+]);
    )*};
    (@each [$($from:ty),+] $to:tt) => {$( casts!(@one $from $to); )+};
    (@one $from:ty [$($to:ty),+]) => {$( impl CastTo<$to> for $from {} )+};
}

casts! {
    [SmallInt, Integer, BigInt, Float, Double, Numeric]
        => [SmallInt, Integer, BigInt, Float, Double, Numeric, Text];
    [Text] => [SmallInt, Integer, BigInt, Float, Double, Numeric, Text, Date, Time, Timestamp, TimestampTz];
    [Date, Time, Timestamp, TimestampTz] => [Text];
    [Bool] => [Bool, Integer];
    [Integer] => [Bool];
    [Blob] => [Blob];
    [Date] => [Date];
    [Time] => [Time];
    [Timestamp] => [Timestamp];
    [TimestampTz] => [TimestampTz];
}

// UUIDs and JSON documents to and from their text; JSON between its two storage forms.
casts! {
    [Uuid] => [Uuid, Text];
    [Json, Jsonb] => [Json, Jsonb, Text];
    [Text] => [Uuid, Json, Jsonb];
}

macro_rules! varchar_casts {
    ($($t:ty)*) => {$(
        impl<N> CastTo<Varchar<N>> for $t {}
        impl<N> CastTo<$t> for Varchar<N> {}
    )*};
}

varchar_casts!(SmallInt Integer BigInt Float Double Numeric Text Date Time Timestamp TimestampTz);
impl<N, M> CastTo<Varchar<M>> for Varchar<N> {}

/// `CAST(e AS T)`; built by [`ExpressionMethods::cast`](super::ExpressionMethods::cast).
#[derive(Debug)]
pub struct Cast<E, T> {
    expr: E,
    _to: PhantomData<fn() -> T>,
}

// By hand: `T` is a marker (possibly `Varchar<_>`, which is not `Clone`).
impl<E: Clone, T> Clone for Cast<E, T> {
    fn clone(&self) -> Self {
        Cast { expr: self.expr.clone(), _to: PhantomData }
    }
}

impl<E: Copy, T> Copy for Cast<E, T> {}

impl<E, T> Cast<E, T> {
    pub(crate) fn new(expr: E) -> Self {
        Cast { expr, _to: PhantomData }
    }
}

/// `T`, nullable when the cast value `S` is.
type CastType<S, T> = <<S as SqlType>::IsNullable as Flag>::Apply<T>;

impl<E: Expression, T: SqlType> Expression for Cast<E, T> {
    type SqlType = CastType<E::SqlType, T>;
    type Aggregate = E::Aggregate;
    type Plain = E::Plain;
    type Window = E::Window;
}

impl<E: ValidIn<F, I>, T: SqlType, F, I> ValidIn<F, I> for Cast<E, T> {
    type SqlTypeIn = CastType<E::SqlTypeIn, T>;
}

impl<E: ValidGrouping<G, I>, T, G, I> ValidGrouping<G, (I,)> for Cast<E, T> {}
impl<E: GroupKey, T> GroupKey for Cast<E, T> {}

impl<D: Dialect, E: QueryFragment<D>, T: SqlType> QueryFragment<D> for Cast<E, T> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("CAST(");
        self.expr.walk(out);
        out.push_sql(" AS ");
        let mut ty = String::new();
        D::write_cast_type(&mut ty, T::KIND);
        out.push_sql(&ty);
        out.push_sql(")");
    }
}

crate::__impl_arithmetic!([E, T,] Cast<E, T>);
