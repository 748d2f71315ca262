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
#[derive(Debug)]
pub struct Bound<'a, ST> {
    value: Value<'a>,
    _st: PhantomData<ST>,
}

// By hand: a derive would require `ST: Clone`, which `Nullable<T>` and `Varchar<N>` markers
// are not, so statements comparing with a nullable value could not be cloned.
impl<ST> Clone for Bound<'_, ST> {
    fn clone(&self) -> Self {
        Bound { value: self.value.clone(), _st: PhantomData }
    }
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

/// A Rust number on the left of an arithmetic operator (`1 - lineitem::l_discount`,
/// `100.0 * sum(..)`), bound as the SQL type `ST` of the right side.
///
/// Unlike [`Bound`] it keeps the Rust value until the statement is rendered: the operator impl
/// that builds it is declared for every column and cannot require `R` to fit `ST` (a bound
/// that fails for a text column would fail at the declaration), so the requirement sits on the
/// `Expression` impl, and `2 * text_col` is refused where the expression is used.
#[derive(Debug, Clone, Copy)]
pub struct LeftValue<R, ST> {
    value: R,
    _st: PhantomData<ST>,
}

impl<R, ST> LeftValue<R, ST> {
    /// Wraps `value`.
    #[inline]
    pub fn new(value: R) -> Self {
        LeftValue { value, _st: PhantomData }
    }
}

/// A Rust number that may stand on the left of an operator whose right side has SQL type
/// `ST` (not null), and the SQL type `As` it is bound as: the right side's own type where the
/// number fits it (`1 - l_discount` binds a `Numeric`), else the wider type SQL would promote
/// to, written as a cast (`0.5 * int_col` binds `CAST($1 AS DOUBLE PRECISION)` and is a
/// `Double`; `100.0 * count_star()` too).
#[diagnostic::on_unimplemented(
    message = "a Rust `{Self}` cannot be used in arithmetic with SQL `{ST}`",
    label = "expected a numeric expression on the other side",
    note = "a Rust `i32`, `f64` (or `Decimal`) stands left of a number; otherwise put the value on the right (`col * n`) or `cast` the column"
)]
pub trait LeftNumber<ST>: Copy {
    /// The SQL type the number is bound as.
    type As: SqlType;
    /// The value, as SQL type [`LeftNumber::As`].
    fn to_value(self) -> Value<'static>;
}

macro_rules! left_numbers {
    ($($rust:ty => $st:ident as $as:ident, |$v:ident| $value:expr;)*) => {$(
        impl LeftNumber<crate::types::$st> for $rust {
            type As = crate::types::$as;
            #[inline]
            fn to_value(self) -> Value<'static> {
                let $v = self;
                $value
            }
        }
    )*};
}

left_numbers! {
    i32 => SmallInt as Integer, |v| Value::I32(v);
    i32 => Integer as Integer, |v| Value::I32(v);
    i32 => BigInt as BigInt, |v| Value::I64(v.into());
    i32 => Numeric as Numeric, |v| Value::I32(v);
    i32 => Float as Double, |v| Value::F64(v.into());
    i32 => Double as Double, |v| Value::F64(v.into());
    f64 => SmallInt as Double, |v| Value::F64(v);
    f64 => Integer as Double, |v| Value::F64(v);
    f64 => BigInt as Double, |v| Value::F64(v);
    f64 => Numeric as Numeric, |v| IntoSql::<crate::types::Numeric>::into_sql(v);
    f64 => Float as Double, |v| Value::F64(v);
    f64 => Double as Double, |v| Value::F64(v);
}

#[cfg(feature = "decimal")]
left_numbers! {
    rust_decimal::Decimal => SmallInt as Numeric, |v| IntoSql::<crate::types::Numeric>::into_sql(v);
    rust_decimal::Decimal => Integer as Numeric, |v| IntoSql::<crate::types::Numeric>::into_sql(v);
    rust_decimal::Decimal => BigInt as Numeric, |v| IntoSql::<crate::types::Numeric>::into_sql(v);
    rust_decimal::Decimal => Numeric as Numeric, |v| IntoSql::<crate::types::Numeric>::into_sql(v);
}

impl<R: LeftNumber<ST::NotNull>, ST: SqlType> Expression for LeftValue<R, ST> {
    type SqlType = R::As;
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

impl<R: LeftNumber<ST::NotNull>, ST: SqlType, F> ValidIn<F, ()> for LeftValue<R, ST> {
    type SqlTypeIn = R::As;
}

impl<R, ST, G> ValidGrouping<G, ()> for LeftValue<R, ST> {}

impl<D: Dialect, R: LeftNumber<ST::NotNull>, ST: SqlType> QueryFragment<D> for LeftValue<R, ST> {
    #[inline]
    fn walk<'b>(&'b self, out: &mut SqlBuilder<'b, D>) {
        let kind = <R::As as SqlType>::KIND;
        if kind == <ST::NotNull as SqlType>::KIND {
            out.push_bind(self.value.to_value());
        } else {
            // A promoted number says its type, or PostgreSQL would infer the other side's.
            out.push_sql("CAST(");
            out.push_bind(self.value.to_value());
            out.push_sql(" AS ");
            out.push_type_name(kind);
            out.push_sql(")");
        }
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        let _ = shape;
        true
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

#[cfg(feature = "decimal")]
bindable!(rust_decimal::Decimal);
#[cfg(feature = "decimal")]
bindable_ref!(rust_decimal::Decimal);

#[cfg(feature = "uuid")]
bindable!(uuid::Uuid);
#[cfg(feature = "uuid")]
bindable_ref!(uuid::Uuid);

#[cfg(feature = "json")]
bindable!(serde_json::Value);
#[cfg(feature = "json")]
bindable_ref!(serde_json::Value);

#[cfg(feature = "time")]
bindable!(time::Date, time::Time, time::PrimitiveDateTime, time::OffsetDateTime);
#[cfg(feature = "time")]
bindable_ref!(time::Date, time::Time, time::PrimitiveDateTime, time::OffsetDateTime);

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
