//! Rust values as bind parameters.

use super::{AsExpression, Expression, ValidIn};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::types::{SqlType, ToSql};
use std::marker::PhantomData;
use typenum::B0;

/// A Rust value bound as a parameter of SQL type `ST`. It renders as a placeholder; the value
/// travels beside the SQL text, never inside it.
#[derive(Debug, Clone, Copy)]
pub struct Bound<ST, T> {
    value: T,
    _st: PhantomData<ST>,
}

impl<ST, T> Bound<ST, T> {
    /// Binds `value` as SQL type `ST`.
    pub fn new(value: T) -> Self {
        Bound { value, _st: PhantomData }
    }
}

impl<ST: SqlType, T: ToSql<ST>> Expression for Bound<ST, T> {
    type SqlType = ST;
    type Aggregate = B0;
    type Plain = B0;
}

impl<ST: SqlType, T: ToSql<ST>, F> ValidIn<F, ()> for Bound<ST, T> {
    type SqlTypeIn = ST;
}

impl<D: Dialect, ST, T: ToSql<ST>> QueryFragment<D> for Bound<ST, T> {
    #[inline]
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_bind(self.value.to_value());
    }
}

macro_rules! bindable {
    ($($rust:ty),*) => {$(
        impl<ST: SqlType> AsExpression<ST> for $rust where $rust: ToSql<ST> {
            type Expr = Bound<ST, $rust>;
            #[inline]
            fn as_expression(self) -> Self::Expr { Bound::new(self) }
        }
    )*};
}

bindable!(i16, i32, i64, f32, f64, bool, String, Vec<u8>);

#[cfg(feature = "chrono")]
bindable!(
    chrono::NaiveDate,
    chrono::NaiveTime,
    chrono::NaiveDateTime,
    chrono::DateTime<chrono::Utc>
);

macro_rules! bindable_ref {
    ($($rust:ty),*) => {$(
        impl<'v, ST: SqlType> AsExpression<ST> for &'v $rust where &'v $rust: ToSql<ST> {
            type Expr = Bound<ST, &'v $rust>;
            #[inline]
            fn as_expression(self) -> Self::Expr { Bound::new(self) }
        }
    )*};
}

bindable_ref!(str, [u8], String, Vec<u8>, i16, i32, i64, f32, f64, bool);

impl<T, ST: SqlType> AsExpression<ST> for Option<T>
where
    Option<T>: ToSql<ST>,
{
    type Expr = Bound<ST, Option<T>>;
    #[inline]
    fn as_expression(self) -> Self::Expr {
        Bound::new(self)
    }
}
