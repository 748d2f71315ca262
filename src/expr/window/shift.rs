//! LAG and LEAD, with their optional offset and default arguments.

use super::{WindowArgsGrouping, WindowArgsIn, WindowFunction};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::expr::{AsExpression, Expression, NoWindowInWindow, ValidGrouping, ValidIn};
use crate::types::{Flag, Integer, SqlType};
use std::marker::PhantomData;
use typenum::{B0, B1};

/// An omitted optional argument of a window function (the offset or default of `LAG`/`LEAD`).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoArg;

/// An optional function argument: an expression, or [`NoArg`].
pub trait OptionalArg {
    /// Whether the argument is written.
    const PRESENT: bool;
    /// `B1` if it contains an aggregate function.
    type Aggregate: Flag;
    /// `B1` if it contains a column outside any aggregate.
    type Plain: Flag;
    /// `B1` if a window function (`... OVER (...)`) appears.
    type Window: Flag;
    /// `B1` if it is present and nullable.
    type IsNullable: Flag;
    /// `B1` if it is omitted.
    type Missing: Flag;
}

impl<E: Expression> OptionalArg for E {
    const PRESENT: bool = true;
    type Aggregate = E::Aggregate;
    type Plain = E::Plain;
    type Window = E::Window;
    type IsNullable = <E::SqlType as SqlType>::IsNullable;
    type Missing = B0;
}

impl OptionalArg for NoArg {
    const PRESENT: bool = false;
    type Aggregate = B0;
    type Plain = B0;
    type Window = B0;
    type IsNullable = B0;
    type Missing = B1;
}

/// An optional argument valid in FROM clause `F`; `IsNullable` is its nullability there.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used in a query whose FROM clause is `{F}`",
    label = "not valid in this query"
)]
pub trait OptionalArgIn<F, I> {
    /// `B1` if the argument is nullable in `F`.
    type IsNullable: Flag;
}

impl<E: Expression + ValidIn<F, I>, F, I> OptionalArgIn<F, I> for E {
    type IsNullable = <E::SqlTypeIn as SqlType>::IsNullable;
}

impl<F> OptionalArgIn<F, ()> for NoArg {
    type IsNullable = B0;
}

impl<G> ValidGrouping<G, ()> for NoArg {}

impl<D: Dialect> QueryFragment<D> for NoArg {
    fn walk<'a>(&'a self, _out: &mut SqlBuilder<'a, D>) {}
}

/// `LAG` or `LEAD`: the SQL name of a [`Shift`].
pub trait ShiftFunction: 'static {
    /// The function's SQL name.
    const NAME: &'static str;
}

/// `LAG`: look back.
#[derive(Debug, Clone, Copy, Default)]
pub struct LagFn;
impl ShiftFunction for LagFn {
    const NAME: &'static str = "LAG(";
}

/// `LEAD`: look ahead.
#[derive(Debug, Clone, Copy, Default)]
pub struct LeadFn;
impl ShiftFunction for LeadFn {
    const NAME: &'static str = "LEAD(";
}

/// `LAG(e [, offset [, default]])` or `LEAD(...)`: `e` at the row `offset` (default 1) rows
/// before or after the current one in window order; `default` (NULL unless given) when there
/// is no such row. Omitted arguments are [`NoArg`].
#[derive(Debug, Clone)]
pub struct Shift<Dir, E, N, Def> {
    expr: E,
    offset: N,
    default: Def,
    _dir: PhantomData<Dir>,
}

/// `LAG(e [, offset [, default]])`.
pub type Lag<E, N = NoArg, Def = NoArg> = Shift<LagFn, E, N, Def>;
/// `LEAD(e [, offset [, default]])`.
pub type Lead<E, N = NoArg, Def = NoArg> = Shift<LeadFn, E, N, Def>;

/// The result of LAG/LEAD over `e` of SQL type `T`: nullable when `e`, the offset (`NNull`) or
/// the default (`DNull`) is, or when the default is omitted (`DMissing`).
type ShiftOutput<T, NNull, DNull, DMissing> = <<<<<T as SqlType>::IsNullable as Flag>::Or<
    NNull,
> as Flag>::Or<DNull> as Flag>::Or<DMissing> as Flag>::Apply<<T as SqlType>::NotNull>;

impl<Dir, E, N, Def> WindowFunction for Shift<Dir, E, N, Def>
where
    E: Expression,
    N: OptionalArg,
    Def: OptionalArg,
{
    type SqlType = ShiftOutput<E::SqlType, N::IsNullable, Def::IsNullable, Def::Missing>;
    type ArgAggregate = <<E::Aggregate as Flag>::Or<N::Aggregate> as Flag>::Or<Def::Aggregate>;
    type ArgPlain = <<E::Plain as Flag>::Or<N::Plain> as Flag>::Or<Def::Plain>;
}

impl<Dir, E, N, Def, F, IE, IN, ID> WindowArgsIn<F, (IE, IN, ID)> for Shift<Dir, E, N, Def>
where
    E: ValidIn<F, IE>,
    N: OptionalArgIn<F, IN>,
    Def: OptionalArgIn<F, ID> + OptionalArg,
{
    type SqlTypeIn = ShiftOutput<
        E::SqlTypeIn,
        N::IsNullable,
        <Def as OptionalArgIn<F, ID>>::IsNullable,
        Def::Missing,
    >;
}

impl<Dir, E, N, Def, G, IE, IN, ID> WindowArgsGrouping<G, (IE, IN, ID)> for Shift<Dir, E, N, Def>
where
    E: ValidGrouping<G, IE>,
    N: ValidGrouping<G, IN>,
    Def: ValidGrouping<G, ID>,
{
}

impl<D, Dir, E, N, Def> QueryFragment<D> for Shift<Dir, E, N, Def>
where
    D: Dialect,
    Dir: ShiftFunction,
    E: QueryFragment<D>,
    N: QueryFragment<D> + OptionalArg,
    Def: QueryFragment<D> + OptionalArg,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql(Dir::NAME);
        self.expr.walk(out);
        if N::PRESENT {
            out.push_sql(", ");
            self.offset.walk(out);
        }
        if Def::PRESENT {
            out.push_sql(", ");
            self.default.walk(out);
        }
        out.push_sql(")");
    }
}

impl<Dir, E, N, Def> Shift<Dir, E, N, Def> {
    fn new(expr: E, offset: N, default: Def) -> Self {
        Shift { expr, offset, default, _dir: PhantomData }
    }
}

/// `LAG(e)`: `e` at the previous row in window order, NULL on the first row.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, x -> Integer, } }
///
/// let q = t::table.select((t::id, lag(t::x).over(Window::new().order_by(t::id))));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "t"."id", LAG("t"."x") OVER (ORDER BY "t"."id") FROM "t""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT "t"."id", LAG("t"."x") OVER (ORDER BY "t"."id") FROM "t""#
/// );
/// ```
pub fn lag<E: Expression + NoWindowInWindow>(e: E) -> Lag<E> {
    Shift::new(e, NoArg, NoArg)
}

/// `LAG(e, offset)`: `e` at `offset` rows before the current one, NULL where there is none.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, x -> Integer, } }
///
/// let q = t::table.select(lag_by(t::x, 2).over(Window::new().order_by(t::id)));
/// assert_eq!(q.compile::<Postgres>().sql(), r#"SELECT LAG("t"."x", $1) OVER (ORDER BY "t"."id") FROM "t""#);
/// assert_eq!(q.compile::<Sqlite>().sql(), r#"SELECT LAG("t"."x", ?1) OVER (ORDER BY "t"."id") FROM "t""#);
/// ```
pub fn lag_by<E: Expression + NoWindowInWindow, N: AsExpression<Integer>>(
    e: E,
    offset: N,
) -> Lag<E, N::Expr> {
    Shift::new(e, offset.as_expression(), NoArg)
}

/// `LAG(e, offset, default)`: `e` at `offset` rows before the current one, `default` where
/// there is none. Not nullable when `e`, `offset` and `default` are not.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, x -> Integer, } }
///
/// let q = t::table.select(lag_or(t::x, 1, 0).over(Window::new().order_by(t::id)));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT LAG("t"."x", $1, $2) OVER (ORDER BY "t"."id") FROM "t""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT LAG("t"."x", ?1, ?2) OVER (ORDER BY "t"."id") FROM "t""#
/// );
/// ```
pub fn lag_or<E, N, Def>(e: E, offset: N, default: Def) -> Lag<E, N::Expr, Def::Expr>
where
    E: Expression + NoWindowInWindow,
    N: AsExpression<Integer>,
    Def: AsExpression<E::SqlType>,
{
    Shift::new(e, offset.as_expression(), default.as_expression())
}

/// `LEAD(e)`: `e` at the next row in window order, NULL on the last row.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, x -> Integer, } }
///
/// let q = t::table.select(lead(t::x).over(Window::new().order_by(t::id)));
/// assert_eq!(q.compile::<Postgres>().sql(), r#"SELECT LEAD("t"."x") OVER (ORDER BY "t"."id") FROM "t""#);
/// assert_eq!(q.compile::<Sqlite>().sql(), r#"SELECT LEAD("t"."x") OVER (ORDER BY "t"."id") FROM "t""#);
/// ```
pub fn lead<E: Expression + NoWindowInWindow>(e: E) -> Lead<E> {
    Shift::new(e, NoArg, NoArg)
}

/// `LEAD(e, offset)`: `e` at `offset` rows after the current one, NULL where there is none.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, x -> Integer, } }
///
/// let q = t::table.select(lead_by(t::x, 3).over(Window::new().order_by(t::id)));
/// assert_eq!(q.compile::<Postgres>().sql(), r#"SELECT LEAD("t"."x", $1) OVER (ORDER BY "t"."id") FROM "t""#);
/// assert_eq!(q.compile::<Sqlite>().sql(), r#"SELECT LEAD("t"."x", ?1) OVER (ORDER BY "t"."id") FROM "t""#);
/// ```
pub fn lead_by<E: Expression + NoWindowInWindow, N: AsExpression<Integer>>(
    e: E,
    offset: N,
) -> Lead<E, N::Expr> {
    Shift::new(e, offset.as_expression(), NoArg)
}

/// `LEAD(e, offset, default)`: `e` at `offset` rows after the current one, `default` where
/// there is none.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { t (id) { id -> Integer, name -> Text, } }
///
/// let q = t::table.select(lead_or(t::name, 1, "-").over(Window::new().order_by(t::id)));
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT LEAD("t"."name", $1, $2) OVER (ORDER BY "t"."id") FROM "t""#
/// );
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT LEAD("t"."name", ?1, ?2) OVER (ORDER BY "t"."id") FROM "t""#
/// );
/// ```
pub fn lead_or<E, N, Def>(e: E, offset: N, default: Def) -> Lead<E, N::Expr, Def::Expr>
where
    E: Expression + NoWindowInWindow,
    N: AsExpression<Integer>,
    Def: AsExpression<E::SqlType>,
{
    Shift::new(e, offset.as_expression(), default.as_expression())
}
