//! Operators: one generic node per operator shape (infix, prefix, postfix), with the
//! operator itself a zero-sized type that names its SQL and its result type.

use super::{Expression, ValidGrouping, ValidIn};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder, SupportsIlike};
use crate::expr::GroupKey;
use crate::types::{Arithmetic, Bool, Flag, NumberKind, SqlType};
use std::marker::PhantomData;

/// An infix operator: its SQL.
pub trait BinaryOperator: 'static {
    /// The operator as written between the operands.
    const SQL: &'static str;
    /// What replaces the operator and a right operand that is a bound NULL (`Some(" IS NULL")`
    /// for `=`), so that `x.eq(None)` finds the NULL rows instead of none.
    const NULL_RHS_SQL: Option<&'static str> = None;
}

/// The SQL type of `L op R` for the operator `Self`, where the operator applies to `L` and `R`
/// (arithmetic promotes: `Integer * Numeric` is `Numeric`).
pub trait OperatorResult<L: SqlType, R: SqlType>: BinaryOperator {
    /// The result's SQL type.
    type Output: SqlType;
}

/// An operator written the same way by every dialect that has it; dialect-only operators
/// implement it only for the dialects that have them.
#[diagnostic::on_unimplemented(
    message = "the operator `{Self}` is not available for the {D} dialect",
    label = "dialect-only operator"
)]
pub trait OperatorFor<D> {}

/// `L op R`, rendered in parentheses so precedence never depends on the surrounding SQL.
#[derive(Debug, Clone, Copy)]
pub struct Binary<Op, L, R> {
    lhs: L,
    rhs: R,
    _op: PhantomData<Op>,
}

impl<Op, L, R> Binary<Op, L, R> {
    /// Builds `lhs op rhs`.
    pub fn new(lhs: L, rhs: R) -> Self {
        Binary { lhs, rhs, _op: PhantomData }
    }

    /// The right operand (the value of an assignment).
    pub fn rhs(&self) -> &R {
        &self.rhs
    }
}

/// Either side nullable makes the result nullable.
type EitherNullable<L, R> = <<L as SqlType>::IsNullable as Flag>::Or<<R as SqlType>::IsNullable>;

impl<Op, L: Expression, R: Expression> Expression for Binary<Op, L, R>
where
    Op: OperatorResult<L::SqlType, R::SqlType>,
{
    type SqlType = Op::Output;
    type Aggregate = <L::Aggregate as Flag>::Or<R::Aggregate>;
    type Plain = <L::Plain as Flag>::Or<R::Plain>;
    type Window = <L::Window as Flag>::Or<R::Window>;
}

impl<Op, L, R, F, IL, IR> ValidIn<F, (IL, IR)> for Binary<Op, L, R>
where
    L: ValidIn<F, IL>,
    R: ValidIn<F, IR>,
    Op: OperatorResult<L::SqlTypeIn, R::SqlTypeIn> + OperatorResult<L::SqlType, R::SqlType>,
{
    type SqlTypeIn = <Op as OperatorResult<L::SqlTypeIn, R::SqlTypeIn>>::Output;
}

impl<Op, L: GroupKey, R: GroupKey> GroupKey for Binary<Op, L, R> {}

impl<Op, L, R, G, IL, IR> ValidGrouping<G, (IL, IR)> for Binary<Op, L, R>
where
    L: ValidGrouping<G, IL>,
    R: ValidGrouping<G, IR>,
{
}

impl<D: Dialect, Op, L, R> QueryFragment<D> for Binary<Op, L, R>
where
    Op: BinaryOperator + OperatorFor<D>,
    L: QueryFragment<D>,
    R: QueryFragment<D>,
{
    #[inline]
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("(");
        self.lhs.walk(out);
        match Op::NULL_RHS_SQL {
            Some(null_sql) if self.rhs.is_null_bind() => out.push_sql(null_sql),
            _ => {
                out.push_sql(Op::SQL);
                self.rhs.walk(out);
            }
        }
        out.push_sql(")");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        if Op::NULL_RHS_SQL.is_some() {
            // `= ?` and `IS NULL` are different SQL texts for the same statement type.
            shape.add(self.rhs.is_null_bind() as u64);
        }
        self.lhs.shape(shape) && self.rhs.shape(shape)
    }
}

macro_rules! binary_ops {
    ($($(#[$doc:meta])* $name:ident $sql:literal $(null $null:literal)?
        => |$l:ident, $r:ident| $out:ty;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;
        impl BinaryOperator for $name {
            const SQL: &'static str = $sql;
            $(const NULL_RHS_SQL: Option<&'static str> = Some($null);)?
        }
        impl<$l: SqlType, $r: SqlType> OperatorResult<$l, $r> for $name {
            type Output = $out;
        }
    )*};
}

binary_ops! {
    /// `=` (`IS NULL` against a bound `None`)
    Eq " = " null " IS NULL" => |L, R| <EitherNullable<L, R> as Flag>::Apply<Bool>;
    /// `<>` (`IS NOT NULL` against a bound `None`)
    Ne " <> " null " IS NOT NULL" => |L, R| <EitherNullable<L, R> as Flag>::Apply<Bool>;
    /// `<`
    Lt " < " => |L, R| <EitherNullable<L, R> as Flag>::Apply<Bool>;
    /// `<=`
    Le " <= " => |L, R| <EitherNullable<L, R> as Flag>::Apply<Bool>;
    /// `>`
    Gt " > " => |L, R| <EitherNullable<L, R> as Flag>::Apply<Bool>;
    /// `>=`
    Ge " >= " => |L, R| <EitherNullable<L, R> as Flag>::Apply<Bool>;
    /// `AND`
    And " AND " => |L, R| <EitherNullable<L, R> as Flag>::Apply<Bool>;
    /// `OR`
    Or " OR " => |L, R| <EitherNullable<L, R> as Flag>::Apply<Bool>;
    /// `LIKE`
    Like " LIKE " => |L, R| <EitherNullable<L, R> as Flag>::Apply<Bool>;
    /// `NOT LIKE`
    NotLike " NOT LIKE " => |L, R| <EitherNullable<L, R> as Flag>::Apply<Bool>;
    /// `ILIKE` (PostgreSQL only)
    ILike " ILIKE " => |L, R| <EitherNullable<L, R> as Flag>::Apply<Bool>;
    /// `||`, text concatenation
    Concat " || " => |L, R| <EitherNullable<L, R> as Flag>::Apply<L::NotNull>;
}

macro_rules! arithmetic_ops {
    ($($(#[$doc:meta])* $name:ident $sql:literal;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;
        impl BinaryOperator for $name {
            const SQL: &'static str = $sql;
        }
        impl<L: SqlType, R: SqlType> OperatorResult<L, R> for $name {
            type Output = <EitherNullable<L, R> as Flag>::Apply<
                <L::NumberKind as NumberKind>::With<R::NumberKind>,
            >;
        }
    )*};
}

arithmetic_ops! {
    /// `+`
    Add " + ";
    /// `-`
    Sub " - ";
    /// `*`
    Mul " * ";
    /// `/`
    Div " / ";
    /// `%`, the remainder of an integer division
    Rem " % ";
}

macro_rules! everywhere {
    ($($op:ident)*) => {$( impl<D: Dialect> OperatorFor<D> for $op {} )*};
}
everywhere!(Eq Ne Lt Le Gt Ge And Or Like NotLike Add Sub Mul Div Rem Concat);
impl<D: SupportsIlike> OperatorFor<D> for ILike {}

/// A prefix operator such as `NOT`.
pub trait PrefixOperator: 'static {
    /// The operator as written before the operand.
    const SQL: &'static str;
}

/// `op E`, in parentheses.
#[derive(Debug, Clone, Copy)]
pub struct Prefix<Op, E> {
    expr: E,
    _op: PhantomData<Op>,
}

impl<Op, E> Prefix<Op, E> {
    /// Builds `op expr`.
    pub fn new(expr: E) -> Self {
        Prefix { expr, _op: PhantomData }
    }
}

/// `NOT`
#[derive(Debug, Clone, Copy, Default)]
pub struct Not;
impl PrefixOperator for Not {
    const SQL: &'static str = "NOT ";
}

impl<Op: PrefixOperator, E: Expression> Expression for Prefix<Op, E> {
    type SqlType = E::SqlType;
    type Aggregate = E::Aggregate;
    type Plain = E::Plain;
    type Window = E::Window;
}

impl<Op: PrefixOperator, E: ValidIn<F, I>, F, I> ValidIn<F, I> for Prefix<Op, E> {
    type SqlTypeIn = E::SqlTypeIn;
}

impl<Op, E: ValidGrouping<G, I>, G, I> ValidGrouping<G, (I,)> for Prefix<Op, E> {}
impl<Op, E: GroupKey> GroupKey for Prefix<Op, E> {}

impl<D: Dialect, Op: PrefixOperator, E: QueryFragment<D>> QueryFragment<D> for Prefix<Op, E> {
    #[inline]
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("(");
        out.push_sql(Op::SQL);
        self.expr.walk(out);
        out.push_sql(")");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.expr.shape(shape)
    }
}

/// A postfix operator such as `IS NULL`; its result is a not-null boolean.
pub trait PostfixOperator: 'static {
    /// The operator as written after the operand.
    const SQL: &'static str;
}

/// `E op`, in parentheses.
#[derive(Debug, Clone, Copy)]
pub struct Postfix<Op, E> {
    expr: E,
    _op: PhantomData<Op>,
}

impl<Op, E> Postfix<Op, E> {
    /// Builds `expr op`.
    pub fn new(expr: E) -> Self {
        Postfix { expr, _op: PhantomData }
    }
}

/// `IS NULL`
#[derive(Debug, Clone, Copy, Default)]
pub struct IsNull;
impl PostfixOperator for IsNull {
    const SQL: &'static str = " IS NULL";
}

/// `IS NOT NULL`
#[derive(Debug, Clone, Copy, Default)]
pub struct IsNotNull;
impl PostfixOperator for IsNotNull {
    const SQL: &'static str = " IS NOT NULL";
}

impl<Op: PostfixOperator, E: Expression> Expression for Postfix<Op, E> {
    type SqlType = Bool;
    type Aggregate = E::Aggregate;
    type Plain = E::Plain;
    type Window = E::Window;
}

impl<Op: PostfixOperator, E: ValidIn<F, I>, F, I> ValidIn<F, I> for Postfix<Op, E> {
    type SqlTypeIn = Bool;
}

impl<Op, E: ValidGrouping<G, I>, G, I> ValidGrouping<G, (I,)> for Postfix<Op, E> {}
impl<Op, E: GroupKey> GroupKey for Postfix<Op, E> {}

impl<D: Dialect, Op: PostfixOperator, E: QueryFragment<D>> QueryFragment<D> for Postfix<Op, E> {
    #[inline]
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("(");
        self.expr.walk(out);
        out.push_sql(Op::SQL);
        out.push_sql(")");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.expr.shape(shape)
    }
}

/// A right operand of arithmetic on an expression of SQL type `ST`: another expression whose
/// SQL type combines with `ST` ([`Arithmetic`]: `Integer * Numeric` is `Numeric`), or a Rust
/// value, bound as `ST` (implemented beside `AsExpression` for each bindable Rust type). (The bound sits on the operand so that impls for concrete column
/// types stay generic.)
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used in arithmetic with SQL `{ST}`",
    label = "expected a number or a numeric expression"
)]
pub trait ArithmeticOperand<ST> {
    /// The expression the operand becomes.
    type Expr: Expression;
    /// Converts into the expression.
    fn into_operand(self) -> Self::Expr;
}

impl<E: Expression, ST: SqlType> ArithmeticOperand<ST> for E
where
    ST::NotNull: Arithmetic<<E::SqlType as SqlType>::NotNull>,
{
    type Expr = E;
    #[inline]
    fn into_operand(self) -> E {
        self
    }
}

/// A right operand of `+ - * /` on SQL type `ST`, which must be numeric.
pub trait NumericOperand<ST> {}
impl<R, ST: crate::types::NumericType> NumericOperand<ST> for R {}

/// A right operand of `%` on SQL type `ST`, which must be an integer type (PostgreSQL has no
/// remainder of floating-point numbers, and SQLite would truncate them first).
pub trait RemainderOperand<ST> {}
impl<R, ST: IntegerType> RemainderOperand<ST> for R {}

/// SQL types that `%` works on.
#[diagnostic::on_unimplemented(
    message = "SQL `{Self}` is not an integer type",
    label = "the remainder `%` needs SmallInt, Integer or BigInt operands"
)]
pub trait IntegerType: crate::types::NumericType {}
impl IntegerType for crate::types::SmallInt {}
impl IntegerType for crate::types::Integer {}
impl IntegerType for crate::types::BigInt {}
impl<T: IntegerType> IntegerType for crate::types::Nullable<T> {}

/// Implements `+ - * / %` between an expression type and anything usable as its SQL type,
/// both ways round: `col * 2` and `2 * col` (`1 - lineitem::l_discount`, `100.0 * sum(..)`).
///
/// A Rust number on the left needs an impl per expression type (the orphan rule forbids
/// `impl<E> Sub<E> for f64`), so each expression type gets one for `i32` and `f64`, the types
/// of unsuffixed literals (one integer type only, so that `(2 * col).gt(..)` infers it; an
/// `i32` binds into any integer, decimal or double expression). Other Rust values go on the
/// right: `col * n`.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_arithmetic {
    ([$($gen:tt)*] $ty:ty) => {
        $crate::__impl_arithmetic!(@both [$($gen)*] $ty, Add add, NumericOperand);
        $crate::__impl_arithmetic!(@both [$($gen)*] $ty, Sub sub, NumericOperand);
        $crate::__impl_arithmetic!(@both [$($gen)*] $ty, Mul mul, NumericOperand);
        $crate::__impl_arithmetic!(@both [$($gen)*] $ty, Div div, NumericOperand);
        $crate::__impl_arithmetic!(@both [$($gen)*] $ty, Rem rem, RemainderOperand);
    };
    (@both [$($gen:tt)*] $ty:ty, $op:ident $method:ident, $operand:ident) => {
        $crate::__impl_arithmetic!(@op [$($gen)*] $ty, $op $method, $operand);
        $crate::__impl_arithmetic!(@left [$($gen)*] $ty, i32, $op $method);
        $crate::__impl_arithmetic!(@left [$($gen)*] $ty, f64, $op $method);
        $crate::__impl_arithmetic_left_decimal!([$($gen)*] $ty, $op $method);
    };
    // No bound on the Rust value here: a column's impl is declared for every column, and a
    // bound that cannot hold (`f64` with a text column) would fail at the declaration. The
    // check sits on `LeftValue`'s `Expression` impl, so `2 * text_col` fails where it is used.
    (@left [$($gen:tt)*] $ty:ty, $rust:ty, $op:ident $method:ident) => {
        impl<$($gen)*> ::core::ops::$op<$ty> for $rust
        where
            $ty: $crate::expr::Expression,
        {
            type Output = $crate::expr::Binary<
                $crate::expr::$op,
                $crate::expr::LeftValue<$rust, <$ty as $crate::expr::Expression>::SqlType>,
                $ty,
            >;
            #[inline]
            fn $method(self, rhs: $ty) -> Self::Output {
                $crate::expr::Binary::new($crate::expr::LeftValue::new(self), rhs)
            }
        }
    };
    (@op [$($gen:tt)*] $ty:ty, $op:ident $method:ident, $operand:ident) => {
        impl<$($gen)* __Rhs> ::core::ops::$op<__Rhs> for $ty
        where
            $ty: $crate::expr::Expression,
            __Rhs: $crate::expr::ArithmeticOperand<<$ty as $crate::expr::Expression>::SqlType>
                + $crate::expr::$operand<<$ty as $crate::expr::Expression>::SqlType>,
        {
            type Output = $crate::expr::Binary<$crate::expr::$op, $ty, __Rhs::Expr>;
            #[inline]
            fn $method(self, rhs: __Rhs) -> Self::Output {
                $crate::expr::Binary::new(self, <__Rhs as $crate::expr::ArithmeticOperand<<$ty as $crate::expr::Expression>::SqlType>>::into_operand(rhs))
            }
        }
    };
}

/// With the `decimal` feature, a `rust_decimal::Decimal` may stand left of an operator too
/// (`Decimal::ONE - discount`). Chosen by aludel's features, not the user crate's, where
/// `__impl_arithmetic!` expands.
#[cfg(feature = "decimal")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_arithmetic_left_decimal {
    ([$($gen:tt)*] $ty:ty, $op:ident $method:ident) => {
        $crate::__impl_arithmetic!(@left [$($gen)*] $ty, $crate::__private::Decimal, $op $method);
    };
}

/// Without the `decimal` feature there is no `Decimal` to put on the left.
#[cfg(not(feature = "decimal"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_arithmetic_left_decimal {
    ([$($gen:tt)*] $ty:ty, $op:ident $method:ident) => {};
}

crate::__impl_arithmetic!([Op, L, R,] Binary<Op, L, R>);
crate::__impl_arithmetic!([Op, E,] Prefix<Op, E>);
crate::__impl_arithmetic!(['a, ST,] super::Bound<'a, ST>);
