//! WITH scope: a CTE's table may be read only where a WITH clause has declared it, and only
//! after its declaration.
//!
//! A table declared `#[cte]` with `table!` names the shape of a CTE or a derived table (see
//! [`table!`](crate::table)); it has no rows of its own. Each statement reports the
//! shape tables its FROM clauses read as a type-level list ([`ReadsCtes`]), and each
//! `with(cte(..))` proves, by inferred index, that the new CTE's query reads only CTEs declared
//! before it (itself too under `with_recursive`, and then only in the recursive step).

use super::boxed::{BoxedSelect, Scope};
use super::compound::CompoundSelect;
use super::cte::{Cte, WithQuery};
use super::delete::DeleteStatement;
use super::derived::{Derived, NoFrom};
use super::dynamic::DynSelect;
use super::inline::InlineCte;
use super::insert::InsertStatement;
use super::join::Join;
use super::select::SelectStatement;
use super::update::UpdateStatement;
use crate::dialect::Dialect;
use crate::schema::{AliasSource, InLeft, Table};
use typenum::{B0, B1};

/// The empty type-level list.
#[derive(Debug, Clone, Copy, Default)]
pub struct CteNil;
/// A type-level list: `H` followed by `T`.
#[derive(Debug, Clone, Copy, Default)]
pub struct CteCons<H, T>(H, T);

/// Type-level list concatenation.
pub trait Append<Rhs> {
    /// `Self` followed by `Rhs`.
    type Out;
}
impl<Rhs> Append<Rhs> for CteNil {
    type Out = Rhs;
}
impl<H, T: Append<Rhs>, Rhs> Append<Rhs> for CteCons<H, T> {
    type Out = CteCons<H, T::Out>;
}

/// `CteCons<T, CteNil>` for a shape table (`B1`), the empty list for a stored table (`B0`).
pub trait ShapeList<T> {
    /// The list.
    type List;
}
impl<T> ShapeList<T> for B0 {
    type List = CteNil;
}
impl<T> ShapeList<T> for B1 {
    type List = CteCons<T, CteNil>;
}

/// The CTE shape tables (tables declared `#[cte]`) that the FROM clauses of a
/// statement (or a FROM source) read, as a type-level list. Subqueries in WHERE or the select
/// list are not followed.
///
/// `K` says what kind of source this is (a table, an alias, a join of two kinds, ...): tables
/// and aliases are both open sets of types, so they are told apart by an inferred parameter
/// rather than by two overlapping blanket impls.
pub trait ReadsCtes<K> {
    /// The list of shape tables read.
    type Reads;
}

/// Source kind: a table declared with `table!`.
#[derive(Debug, Clone, Copy, Default)]
pub struct IsTable;
/// Source kind: an alias declared with `alias!` (it reads the aliased table).
#[derive(Debug, Clone, Copy, Default)]
pub struct IsAlias;

/// The shape tables that reading table `T` reads: `T` itself when it is a shape.
type TableReads<T> = <<T as Table>::CteShape as ShapeList<T>>::List;

impl<T: Table> ReadsCtes<IsTable> for T
where
    T::CteShape: ShapeList<T>,
{
    type Reads = TableReads<T>;
}

impl<A: AliasSource> ReadsCtes<IsAlias> for A
where
    <A::Table as Table>::CteShape: ShapeList<A::Table>,
{
    type Reads = TableReads<A::Table>;
}

impl<L: ReadsCtes<KL>, R: ReadsCtes<KR>, K, C, KL, KR> ReadsCtes<(KL, KR)> for Join<L, R, K, C>
where
    L::Reads: Append<R::Reads>,
{
    type Reads = <L::Reads as Append<R::Reads>>::Out;
}

// A derived table declares its own shape inline: only what fills it is read.
impl<Q: ReadsCtes<K>, T, K> ReadsCtes<K> for Derived<Q, T> {
    type Reads = Q::Reads;
}

impl<Q: ReadsCtes<K>, K> ReadsCtes<K> for super::inline::Subquery<Q> {
    type Reads = Q::Reads;
}

// Reading an inline CTE reads the CTE (which a WITH clause must declare), not its query.
impl<Q> ReadsCtes<IsInlineCte> for InlineCte<Q> {
    type Reads = CteCons<InlineCte<Q>, CteNil>;
}

/// Source kind: a CTE declared inline (`query.cte("name")`).
#[derive(Debug, Clone, Copy, Default)]
pub struct IsInlineCte;

impl ReadsCtes<()> for NoFrom {
    type Reads = CteNil;
}

impl<F: ReadsCtes<K>, S, W, O, Dist, G, H, Lk, K> ReadsCtes<K>
    for SelectStatement<F, S, W, O, Dist, G, H, Lk>
{
    type Reads = F::Reads;
}

impl<L: ReadsCtes<KL>, R: ReadsCtes<KR>, O, KL, KR> ReadsCtes<(KL, KR)> for CompoundSelect<L, R, O>
where
    L::Reads: Append<R::Reads>,
{
    type Reads = <L::Reads as Append<R::Reads>>::Out;
}

// A boxed statement: its FROM clause as built (joins added at run time are not followed).
impl<F: ReadsCtes<K>, X, G, K> ReadsCtes<K> for Scope<F, X, G> {
    type Reads = F::Reads;
}
impl<F: ReadsCtes<K>, ST, D: Dialect, K> ReadsCtes<K> for BoxedSelect<'_, F, ST, D> {
    type Reads = F::Reads;
}

// The ORM's dynamic statements read stored tables.
impl<T> ReadsCtes<()> for DynSelect<T> {
    type Reads = CteNil;
}

// A nested WITH statement declares what it reads; its own `with` calls checked it.
impl<C, Q> ReadsCtes<()> for WithQuery<C, Q> {
    type Reads = CteNil;
}

// Data-modifying statements (with RETURNING, in a PostgreSQL CTE) write stored tables.
impl<T, V, R, C> ReadsCtes<()> for InsertStatement<T, V, R, C> {
    type Reads = CteNil;
}
impl<T, S, W, R, Fr> ReadsCtes<()> for UpdateStatement<T, S, W, R, Fr> {
    type Reads = CteNil;
}
impl<T, W, R> ReadsCtes<()> for DeleteStatement<T, W, R> {
    type Reads = CteNil;
}

/// No CTE declared yet: the list before the first `with`.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoCtes;

/// Proof that the CTEs `Self` (a WITH clause's entries so far) declare the CTE table `T`, at
/// index `I` (inferred).
#[diagnostic::on_unimplemented(
    message = "CTE `{T}` is read before any WITH entry declares it",
    label = "this query reads `{T}`, which is not declared by an earlier entry of this WITH clause",
    note = "declare the CTE first: `.with(cte(table, query))` for a table declared `#[cte]`, `.with(inline_cte)` for `query.cte(\"name\")`; a CTE may read only CTEs declared before it, and itself only in the recursive step of `with_recursive`"
)]
pub trait Declares<T, I> {}

/// Index: the CTE is the last entry.
#[derive(Debug, Clone, Copy, Default)]
pub struct Last;

impl<T, Q> Declares<T, Last> for Cte<T, Q> {}
impl<C, T, Q> Declares<T, Last> for (C, Cte<T, Q>) {}
impl<C: Declares<T, I>, U, Q, T, I> Declares<T, InLeft<I>> for (C, Cte<U, Q>) {}
// A CTE declared inline is named by its own type.
impl<Q> Declares<InlineCte<Q>, Last> for InlineCte<Q> {}
impl<C, Q> Declares<InlineCte<Q>, Last> for (C, InlineCte<Q>) {}
impl<C: Declares<T, I>, Q, T, I> Declares<T, InLeft<I>> for (C, InlineCte<Q>) {}

/// Every table of the list `Self` is declared by the WITH entries `Decl` (indices `I`).
pub trait AllDeclared<Decl, I> {}
impl<Decl> AllDeclared<Decl, ()> for CteNil {}
impl<H, T: AllDeclared<Decl, J>, Decl: Declares<H, I>, I, J> AllDeclared<Decl, (I, J)>
    for CteCons<H, T>
{
}

/// The query of a WITH entry reads only the CTEs declared before it (`Prev`); `I` is the
/// inferred proof (source kinds and indices).
pub trait ReadsOnlyEarlier<Prev, I> {}
impl<Q: ReadsCtes<K>, Prev, K, I> ReadsOnlyEarlier<Prev, (K, I)> for Q where
    Q::Reads: AllDeclared<Prev, I>
{
}

/// The query of a `with_recursive` entry: its anchor (the left side of the set operation)
/// reads only CTEs declared before (`Prev`), its recursive step may also read the CTE itself
/// (`WithSelf`). A query that is not a set operation has no step and must not read itself.
pub trait RecursiveBody<Prev, WithSelf, I> {}

impl<L, R, O, Prev, WithSelf, KL, KR, I, J> RecursiveBody<Prev, WithSelf, (KL, KR, I, J)>
    for CompoundSelect<L, R, O>
where
    L: ReadsCtes<KL, Reads: AllDeclared<Prev, I>>,
    R: ReadsCtes<KR, Reads: AllDeclared<WithSelf, J>>,
{
}

impl<F, S, W, O, Dist, G, H, Lk, Prev, WithSelf, K, I> RecursiveBody<Prev, WithSelf, (K, I)>
    for SelectStatement<F, S, W, O, Dist, G, H, Lk>
where
    F: ReadsCtes<K, Reads: AllDeclared<Prev, I>>,
{
}

/// A statement that may run on its own: every CTE table its FROM clauses read is declared by
/// its own WITH clause (`K`: the inferred source kinds and indices, see [`ReadsCtes`]). The
/// run methods of [`RunQueryDsl`](crate::conn::RunQueryDsl) require it, so reading a CTE table
/// that the statement does not declare is a compile error naming the table.
///
/// ```
/// use aludel::prelude::*;
/// use aludel::query::CtesInScope;
/// aludel::table! {
///     users (id) { id -> Integer, name -> Text, }
///     #[cte] names { name -> Text, }
/// }
/// fn runnable<Q: CtesInScope<K>, K>(_: Q) {}
/// runnable(users::table.select(users::name));
/// runnable(names::table.select(names::name).with(cte(names::table, users::table.select(users::name))));
/// ```
///
/// ```compile_fail
/// # use aludel::prelude::*;
/// # use aludel::query::CtesInScope;
/// # aludel::table! { #[cte] names { name -> Text, } }
/// # fn runnable<Q: CtesInScope<K>, K>(_: Q) {}
/// // `names` is a CTE shape, and nothing declares it.
/// runnable(names::table.select(names::name));
/// ```
pub trait CtesInScope<K> {}

/// No table of the list `Self` is a CTE table (none is declared outside a WITH clause).
pub trait NoneUndeclared {}
impl NoneUndeclared for CteNil {}
impl<H, T: NoneUndeclared> NoneUndeclared for CteCons<H, T> where NoCtes: Declares<H, Last> {}

impl<F, S, W, O, Dist, G, H, Lk, K> CtesInScope<K> for SelectStatement<F, S, W, O, Dist, G, H, Lk> where
    F: ReadsCtes<K, Reads: NoneUndeclared>
{
}
impl<L, R, O, K> CtesInScope<K> for CompoundSelect<L, R, O> where
    Self: ReadsCtes<K, Reads: NoneUndeclared>
{
}
impl<F, ST, D: Dialect, K> CtesInScope<K> for BoxedSelect<'_, F, ST, D> where
    F: ReadsCtes<K, Reads: NoneUndeclared>
{
}
// Its `with` calls checked what its CTEs read; the main statement may read every CTE of its
// own WITH clause, and no other.
impl<C, Q, K, I> CtesInScope<(K, I)> for WithQuery<C, Q> where
    Q: ReadsCtes<K, Reads: AllDeclared<C, I>>
{
}
impl<T> CtesInScope<()> for DynSelect<T> {}
impl<T, V, R, C> CtesInScope<()> for InsertStatement<T, V, R, C> {}
impl<T, S, W, R, Fr> CtesInScope<()> for UpdateStatement<T, S, W, R, Fr> {}
impl<T, W, R> CtesInScope<()> for DeleteStatement<T, W, R> {}
