//! Values whose SQL type is their own: an expression keeps its type, a Rust value takes its
//! natural SQL type (`i32` is `Integer`, `&str` is `Text`, ...). Used where nothing else
//! fixes the type, such as the first branch of a `CASE`.

use super::{Expression, ValidGrouping, ValidIn};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder, SupportedType};
use crate::types::{BigInt, Bool, Double, Float, Integer, IntoSql, SmallInt, SqlType, Text, Value};
use std::marker::PhantomData;
use typenum::B0;

/// A Rust value or an expression that has a SQL type of its own.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no SQL type of its own here",
    label = "expected an expression, or a Rust value with a natural SQL type",
    note = "bind the value with an explicit type, e.g. `Bound::<Integer>::new(v)`"
)]
pub trait IntoExpression {
    /// The expression this becomes.
    type Expr: Expression;
    /// Converts into the expression.
    fn into_expression(self) -> Self::Expr;
}

impl<E: Expression> IntoExpression for E {
    type Expr = E;
    #[inline]
    fn into_expression(self) -> E {
        self
    }
}

/// A bind parameter that states its SQL type where the dialect cannot infer it from the
/// context (`CAST($1 AS INTEGER)` on PostgreSQL, a plain `?1` on SQLite).
#[derive(Debug, Clone)]
pub struct TypedBind<'a, ST> {
    value: Value<'a>,
    _st: PhantomData<ST>,
}

impl<'a, ST> TypedBind<'a, ST> {
    /// Binds `value` as SQL type `ST`.
    pub fn new<T: IntoSql<'a, ST>>(value: T) -> Self {
        TypedBind { value: value.into_sql(), _st: PhantomData }
    }
}

impl<ST: SqlType> Expression for TypedBind<'_, ST> {
    type SqlType = ST;
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
}

impl<ST: SqlType, F> ValidIn<F, ()> for TypedBind<'_, ST> {
    type SqlTypeIn = ST;
}

impl<ST, G> ValidGrouping<G, ()> for TypedBind<'_, ST> {}

impl<D: Dialect, ST: SqlType + SupportedType<D>> QueryFragment<D> for TypedBind<'_, ST> {
    fn walk<'b>(&'b self, out: &mut SqlBuilder<'b, D>) {
        if D::UNTYPED_BINDS_NEED_CAST {
            out.push_sql("CAST(");
            out.push_bind(self.value.reborrow());
            out.push_sql(" AS ");
            let mut ty = String::new();
            D::write_cast_type(&mut ty, ST::KIND);
            out.push_sql(&ty);
            out.push_sql(")");
        } else {
            out.push_bind(self.value.reborrow());
        }
    }
}

crate::__impl_arithmetic!(['a, ST,] TypedBind<'a, ST>);

macro_rules! natural_types {
    ($($rust:ty => $st:ty),* $(,)?) => {$(
        impl IntoExpression for $rust {
            type Expr = TypedBind<'static, $st>;
            #[inline]
            fn into_expression(self) -> Self::Expr { TypedBind::new(self) }
        }
    )*};
}

natural_types!(i16 => SmallInt, i32 => Integer, i64 => BigInt, f32 => Float, f64 => Double,
    bool => Bool, String => Text);

#[cfg(feature = "chrono")]
natural_types!(
    chrono::NaiveDate => crate::types::Date,
    chrono::NaiveTime => crate::types::Time,
    chrono::NaiveDateTime => crate::types::Timestamp,
    chrono::DateTime<chrono::Utc> => crate::types::TimestampTz,
);

#[cfg(feature = "decimal")]
natural_types!(rust_decimal::Decimal => crate::types::Numeric);

#[cfg(feature = "uuid")]
natural_types!(uuid::Uuid => crate::types::Uuid);

#[cfg(feature = "time")]
natural_types!(
    time::Date => crate::types::Date,
    time::Time => crate::types::Time,
    time::PrimitiveDateTime => crate::types::Timestamp,
    time::OffsetDateTime => crate::types::TimestampTz,
);

impl<'a> IntoExpression for &'a str {
    type Expr = TypedBind<'a, Text>;
    #[inline]
    fn into_expression(self) -> Self::Expr {
        TypedBind::new(self)
    }
}

impl<'a> IntoExpression for &'a String {
    type Expr = TypedBind<'a, Text>;
    #[inline]
    fn into_expression(self) -> Self::Expr {
        TypedBind::new(self)
    }
}
