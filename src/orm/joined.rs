//! Joined eager loading: a relationship, or a chain of them, loaded by LEFT OUTER JOINs in the
//! parent query's single statement (`SessionQuery::all_joined`).
//!
//! Every kind of relationship is one [`JoinedStep`]: the join(s) that bring its table in under
//! an alias of its own, and where the related objects found for a parent are stored. A chain
//! (`a.then(b)`) joins each level to the one before it; the rows are split left to right, one
//! model's columns per level, and each level's objects are de-duplicated per parent.

use super::handle::Obj;
use super::model::Model;
use super::relation::{BelongsTo, HasMany, HasOne, ManyToMany, Relation, Then};
use crate::dialect::{Dialect, SqlBuilder, SupportsReturning};
use crate::error::Result;
use crate::schema::{Column, ForeignKey, Table};
use crate::types::Value;
use foldhash::{HashMap, HashSet};

mod sealed {
    /// Only this module's relationship kinds are join steps, so a chain (`Then`) is never one.
    pub trait Step {}
}

/// One relationship as a level of a joined load.
pub trait JoinedStep<P: Model>: sealed::Step + Copy {
    /// The related model.
    type To: Model;
    /// Writes the LEFT OUTER JOIN(s) bringing the related table in as `alias(level)`, joined
    /// to the level before it, aliased `left`.
    fn write_join<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>, left: &str, level: usize);
    /// The column (and whether descending) the related objects are ordered by, if any.
    fn order(&self) -> Option<(&'static str, bool)> {
        None
    }
    /// Whether `related` (distinct, in row order) can be one parent's relationship.
    fn check(&self, related: &[Obj<Self::To>]) -> Result<()> {
        let _ = related;
        Ok(())
    }
    /// Stores `related` as `parent`'s relationship.
    fn store(&self, parent: &Obj<P>, related: Vec<Obj<Self::To>>);
}

/// A relationship or a chain of them, loadable by joins (see `SessionQuery::all_joined`).
/// Chains nest either way: `a.then(b).then(c)` and `a.then(b.then(c))` load the same.
#[diagnostic::on_unimplemented(
    message = "this relationship does not start from `{P}`, the model this query loads",
    label = "joined loading follows relationships (or chains) starting from `{P}`",
    note = "each `.then(..)` continues from the model the previous relationship leads to"
)]
pub trait JoinedLoad<P: Model> {
    /// The model of the last level.
    type Last: Model;
    /// How many levels (joined models) the chain has.
    const LEVELS: usize;
    /// Writes `, "aludel_jN"."column", ...` for every level, numbering aliases from `level`.
    fn write_columns<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>, level: usize);
    /// Writes every level's joins, the first joined to `left`.
    fn write_joins<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>, left: &str, level: usize);
    /// Writes `, "aludel_jN"."column" [DESC]` for every level that orders its objects.
    fn write_order<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>, level: usize);
    /// Builds the objects of every level from the rows' columns after the parent's, and sets
    /// each parent's relationship. `parents[i]` is row `i`'s parent (None: no parent there).
    /// Returns each row's object of the last level and the values after its columns.
    #[allow(clippy::type_complexity)]
    fn assemble<C>(
        &self,
        session: &mut super::Session<'_, C>,
        parents: &[Option<Obj<P>>],
        rows: Vec<Vec<Value<'static>>>,
    ) -> Result<(Vec<Option<Obj<Self::Last>>>, Vec<Vec<Value<'static>>>)>
    where
        C: crate::conn::Connection,
        C::Dialect: SupportsReturning;
}

pub(crate) fn alias(level: usize) -> String {
    format!("aludel_j{level}")
}

/// ` LEFT OUTER JOIN "table" AS "alias" ON "alias"."column" = "left"."left_column"`.
fn left_join<D: Dialect>(
    out: &mut SqlBuilder<'_, D>,
    (table, alias): (&str, &str),
    column: &str,
    (left, left_column): (&str, &str),
) {
    out.push_sql(" LEFT OUTER JOIN ");
    out.push_ident(table);
    out.push_sql(" AS ");
    out.push_ident(alias);
    out.push_sql(" ON ");
    out.push_ident(alias);
    out.push_sql(".");
    out.push_ident(column);
    out.push_sql(" = ");
    out.push_ident(left);
    out.push_sql(".");
    out.push_ident(left_column);
}

/// Builds `S`'s objects from the first `S::To::FIELDS.len()` values of each row and stores
/// them per parent (checking every parent before storing any); returns each row's object and
/// the values after it.
#[allow(clippy::type_complexity)]
fn assemble_level<P, S, C>(
    step: &S,
    session: &mut super::Session<'_, C>,
    parents: &[Option<Obj<P>>],
    rows: Vec<Vec<Value<'static>>>,
) -> Result<(Vec<Option<Obj<S::To>>>, Vec<Vec<Value<'static>>>)>
where
    P: Model,
    S: JoinedStep<P>,
    C: crate::conn::Connection,
    C::Dialect: SupportsReturning,
{
    let width = S::To::FIELDS.len();
    let mut related = Vec::with_capacity(rows.len());
    let mut rest = Vec::with_capacity(rows.len());
    // Per parent (by identity), its related objects in first-seen order, without repeats.
    let mut collected: Vec<(Obj<P>, Vec<Obj<S::To>>)> = Vec::new();
    let mut slots: HashMap<usize, usize> = HashMap::default();
    let mut placed: HashSet<(usize, usize)> = HashSet::default();
    for (parent, mut row) in parents.iter().zip(rows) {
        let tail = row.split_off(width.min(row.len()));
        let object = match parent {
            Some(p) => {
                let slot = *slots.entry(p.addr()).or_insert_with(|| {
                    collected.push((p.clone(), Vec::new()));
                    collected.len() - 1
                });
                if row.iter().any(|v| *v != Value::Null) {
                    let object = session.register_loaded(S::To::from_values(row)?, false)?;
                    if placed.insert((slot, object.addr())) {
                        collected[slot].1.push(object.clone());
                    }
                    Some(object)
                } else {
                    None
                }
            }
            None => None,
        };
        related.push(object);
        rest.push(tail);
    }
    for (_, objects) in &collected {
        step.check(objects)?;
    }
    for (parent, objects) in collected {
        step.store(&parent, objects);
    }
    Ok((related, rest))
}

impl<P: Model, S: JoinedStep<P>> JoinedLoad<P> for S {
    type Last = S::To;
    const LEVELS: usize = 1;

    fn write_columns<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>, level: usize) {
        let name = alias(level);
        for f in S::To::FIELDS {
            out.push_sql(", ");
            out.push_ident(&name);
            out.push_sql(".");
            out.push_ident(f.column);
        }
    }

    fn write_joins<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>, left: &str, level: usize) {
        self.write_join(out, left, level);
    }

    fn write_order<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>, level: usize) {
        if let Some((column, descending)) = self.order() {
            out.push_sql(", ");
            out.push_ident(&alias(level));
            out.push_sql(".");
            out.push_ident(column);
            if descending {
                out.push_sql(" DESC");
            }
        }
    }

    fn assemble<C>(
        &self,
        session: &mut super::Session<'_, C>,
        parents: &[Option<Obj<P>>],
        rows: Vec<Vec<Value<'static>>>,
    ) -> Result<(Vec<Option<Obj<S::To>>>, Vec<Vec<Value<'static>>>)>
    where
        C: crate::conn::Connection,
        C::Dialect: SupportsReturning,
    {
        assemble_level(self, session, parents, rows)
    }
}

impl<P, A, B> JoinedLoad<P> for Then<A, B>
where
    P: Model,
    A: JoinedLoad<P>,
    B: JoinedLoad<A::Last>,
{
    type Last = B::Last;
    const LEVELS: usize = A::LEVELS + B::LEVELS;

    fn write_columns<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>, level: usize) {
        self.0.write_columns(out, level);
        self.1.write_columns(out, level + A::LEVELS);
    }

    fn write_joins<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>, left: &str, level: usize) {
        self.0.write_joins(out, left, level);
        // `B` starts from `A`'s last level.
        self.1.write_joins(out, &alias(level + A::LEVELS - 1), level + A::LEVELS);
    }

    fn write_order<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>, level: usize) {
        self.0.write_order(out, level);
        self.1.write_order(out, level + A::LEVELS);
    }

    fn assemble<C>(
        &self,
        session: &mut super::Session<'_, C>,
        parents: &[Option<Obj<P>>],
        rows: Vec<Vec<Value<'static>>>,
    ) -> Result<(Vec<Option<Obj<B::Last>>>, Vec<Vec<Value<'static>>>)>
    where
        C: crate::conn::Connection,
        C::Dialect: SupportsReturning,
    {
        let (middle, rest) = self.0.assemble(session, parents, rows)?;
        self.1.assemble(session, &middle, rest)
    }
}

impl<P, Ch, F> sealed::Step for HasMany<P, Ch, F> {}
impl<P, Ch, F> sealed::Step for HasOne<P, Ch, F> {}
impl<Ch, P, F> sealed::Step for BelongsTo<Ch, P, F> {}
impl<P, T, A, FP, FT> sealed::Step for ManyToMany<P, T, A, FP, FT> {}

/// The children's table joined on `child.fk = parent.key`.
fn join_children<F, D>(out: &mut SqlBuilder<'_, D>, left: &str, level: usize)
where
    F: ForeignKey,
    D: Dialect,
{
    let table = <F::Table as Table>::NAME;
    left_join(out, (table, &alias(level)), F::NAME, (left, <F::Target as Column>::NAME));
}

impl<P, Ch, F> JoinedStep<P> for HasMany<P, Ch, F>
where
    Self: Relation<From = P, To = Ch>,
    P: Model,
    Ch: Model,
    F: ForeignKey,
{
    type To = Ch;

    fn write_join<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>, left: &str, level: usize) {
        join_children::<F, D>(out, left, level);
    }

    fn order(&self) -> Option<(&'static str, bool)> {
        self.order
    }

    fn store(&self, parent: &Obj<P>, related: Vec<Obj<Ch>>) {
        self.set_both(parent, related);
    }
}

impl<P, Ch, F> JoinedStep<P> for HasOne<P, Ch, F>
where
    Self: Relation<From = P, To = Ch>,
    P: Model,
    Ch: Model,
    F: ForeignKey,
{
    type To = Ch;

    fn write_join<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>, left: &str, level: usize) {
        join_children::<F, D>(out, left, level);
    }

    fn check(&self, related: &[Obj<Ch>]) -> Result<()> {
        match related.len() {
            0 | 1 => Ok(()),
            n => Err(Self::several(n)),
        }
    }

    fn store(&self, parent: &Obj<P>, related: Vec<Obj<Ch>>) {
        (self.field)(&mut parent.borrow_mut()).set(related.into_iter().next());
    }
}

impl<Ch, P, F> JoinedStep<Ch> for BelongsTo<Ch, P, F>
where
    Self: Relation<From = Ch, To = P>,
    P: Model,
    Ch: Model,
    F: ForeignKey,
{
    type To = P;

    /// The parent's table joined on `parent.key = child.fk`.
    fn write_join<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>, left: &str, level: usize) {
        let table = <P::Table as Table>::NAME;
        left_join(out, (table, &alias(level)), <F::Target as Column>::NAME, (left, F::NAME));
    }

    fn store(&self, child: &Obj<Ch>, related: Vec<Obj<P>>) {
        (self.field)(&mut child.borrow_mut()).set(related.into_iter().next());
    }
}

impl<P, T, A, FP, FT> JoinedStep<P> for ManyToMany<P, T, A, FP, FT>
where
    Self: Relation<From = P, To = T>,
    P: Model,
    T: Model,
    A: Table,
    FP: ForeignKey,
    FT: ForeignKey,
{
    type To = T;

    /// The association table (`alias(level)` + `_a`) joined to the parent, then the targets
    /// joined to it.
    fn write_join<D: Dialect>(&self, out: &mut SqlBuilder<'_, D>, left: &str, level: usize) {
        let association = format!("{}_a", alias(level));
        let parent_key = <FP::Target as Column>::NAME;
        left_join(out, (A::NAME, &association), FP::NAME, (left, parent_key));
        let target = <T::Table as Table>::NAME;
        let target_key = <FT::Target as Column>::NAME;
        left_join(out, (target, &alias(level)), target_key, (&association, FT::NAME));
    }

    fn store(&self, parent: &Obj<P>, related: Vec<Obj<T>>) {
        (self.field)(&mut parent.borrow_mut()).set(related);
    }
}
