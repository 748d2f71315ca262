//! Rust values as bind parameters.

use super::{ArithmeticOperand, AsExpression, Expression, ValidGrouping, ValidIn};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder, SupportedType};
use crate::types::{IntoSql, SqlType, Value};
use std::marker::PhantomData;
use typenum::B0;

/// A value bound as a parameter of SQL type `ST`. It renders as a placeholder; the value
/// travels beside the SQL text, never inside it.
///
/// The Rust type it came from is erased into a [`Value`] (borrowed for `'a`), so `"x"` and
/// `String::from("x")` make the same expression type.
#[derive(Debug, Clone)]
pub struct Bound<'a, ST> {
    value: Value<'a>,
    _st: PhantomData<ST>,
}

impl<'a, ST> Bound<'a, ST> {
    /// Binds `value` as SQL type `ST`.
    #[inline]
    pub fn new<T: IntoSql<'a, ST>>(value: T) -> Self {
        Bound { value: value.into_sql(), _st: PhantomData }
    }

    /// The bound value.
    pub fn value(&self) -> &Value<'a> {
        &self.value
    }
}

impl<ST: SqlType> Expression for Bound<'_, ST> {
    type SqlType = ST;
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

impl<ST: SqlType, F> ValidIn<F, ()> for Bound<'_, ST> {
    type SqlTypeIn = ST;
}

impl<ST, G> ValidGrouping<G, ()> for Bound<'_, ST> {}

// A value of a type the dialect lacks (an array on SQLite) does not render for it.
impl<D: Dialect, ST: SupportedType<D>> QueryFragment<D> for Bound<'_, ST> {
    #[inline]
    fn walk<'b>(&'b self, out: &mut SqlBuilder<'b, D>) {
        out.push_bind(self.value.reborrow());
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        let _ = shape;
        true
    }
    #[inline]
    fn is_null_bind(&self) -> bool {
        matches!(self.value, Value::Null)
    }
}

macro_rules! bindable {
    ($($rust:ty),*) => {$(
        impl<ST: SqlType> AsExpression<ST> for $rust where $rust: IntoSql<'static, ST> {
            type Expr = Bound<'static, ST>;
            #[inline]
            fn as_expression(self) -> Self::Expr { Bound::new(self) }
        }
        impl<ST: SqlType> ArithmeticOperand<ST> for $rust where $rust: IntoSql<'static, ST> {
            type Expr = Bound<'static, ST>;
            #[inline]
            fn into_operand(self) -> Self::Expr { Bound::new(self) }
        }
    )*};
}

bindable!(i16, i32, i64, f32, f64, bool, String);

// Any `Vec`: bytes (`Blob`) and arrays (`Array<_>`, PostgreSQL).
impl<T, ST: SqlType> AsExpression<ST> for Vec<T>
where
    Vec<T>: IntoSql<'static, ST>,
{
    type Expr = Bound<'static, ST>;
    #[inline]
    fn as_expression(self) -> Self::Expr {
        Bound::new(self)
    }
}

// A Rust array literal: an SQL array (PostgreSQL), `[1, 2, 3]`.
impl<T, ST: SqlType, const N: usize> AsExpression<ST> for [T; N]
where
    [T; N]: IntoSql<'static, ST>,
{
    type Expr = Bound<'static, ST>;
    #[inline]
    fn as_expression(self) -> Self::Expr {
        Bound::new(self)
    }
}

impl<T, ST: SqlType> ArithmeticOperand<ST> for Vec<T>
where
    Vec<T>: IntoSql<'static, ST>,
{
    type Expr = Bound<'static, ST>;
    #[inline]
    fn into_operand(self) -> Self::Expr {
        Bound::new(self)
    }
}

#[cfg(feature = "chrono")]
bindable!(
    chrono::NaiveDate,
    chrono::NaiveTime,
    chrono::NaiveDateTime,
    chrono::DateTime<chrono::Utc>
);

macro_rules! bindable_ref {
    ($($rust:ty),*) => {$(
        impl<'a, ST: SqlType> AsExpression<ST> for &'a $rust where &'a $rust: IntoSql<'a, ST> {
            type Expr = Bound<'a, ST>;
            #[inline]
            fn as_expression(self) -> Self::Expr { Bound::new(self) }
        }
        impl<'a, ST: SqlType> ArithmeticOperand<ST> for &'a $rust where &'a $rust: IntoSql<'a, ST> {
            type Expr = Bound<'a, ST>;
            #[inline]
            fn into_operand(self) -> Self::Expr { Bound::new(self) }
        }
    )*};
}

bindable_ref!(str, String, i16, i32, i64, f32, f64, bool);

// Any slice or `&Vec`: bytes (`Blob`) and arrays (`Array<_>`, PostgreSQL).
macro_rules! bindable_seq_ref {
    ($($rust:ty),*) => {$(
        impl<'a, T, ST: SqlType> AsExpression<ST> for &'a $rust where &'a $rust: IntoSql<'a, ST> {
            type Expr = Bound<'a, ST>;
            #[inline]
            fn as_expression(self) -> Self::Expr { Bound::new(self) }
        }
        impl<'a, T, ST: SqlType> ArithmeticOperand<ST> for &'a $rust where &'a $rust: IntoSql<'a, ST> {
            type Expr = Bound<'a, ST>;
            #[inline]
            fn into_operand(self) -> Self::Expr { Bound::new(self) }
        }
    )*};
}

bindable_seq_ref!([T], Vec<T>);

#[cfg(feature = "chrono")]
bindable_ref!(
    chrono::NaiveDate,
    chrono::NaiveTime,
    chrono::NaiveDateTime,
    chrono::DateTime<chrono::Utc>
);

impl<T, ST: SqlType> AsExpression<ST> for Option<T>
where
    Option<T>: IntoSql<'static, ST>,
{
    type Expr = Bound<'static, ST>;
    #[inline]
    fn as_expression(self) -> Self::Expr {
        Bound::new(self)
    }
}
