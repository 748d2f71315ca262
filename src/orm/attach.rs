//! Relating two objects through a relationship, from either side, with both directions kept
//! in step in memory (SQLAlchemy's backrefs): the foreign key itself is written at flush.

use super::handle::Obj;
use super::model::Model;
use super::relation::{BelongsTo, HasMany, HasOne, Many, One, Relation};
use super::session::Session;
use crate::conn::Connection;
use crate::dialect::SupportsReturning;
use crate::error::Result;
use crate::schema::ForeignKeyBetween;

/// A relationship along which [`Session::attach`] relates two objects.
#[diagnostic::on_unimplemented(
    message = "`attach` sets a foreign key of the related objects, and this relationship has none",
    label = "`{Self}` is not one-to-many, many-to-one or one-to-one",
    note = "a many-to-many relationship writes association rows: `session.link(..)` / `unlink(..)`"
)]
pub trait Attach: Relation {
    /// Points the child's foreign key at the parent (at flush) and updates the relationship
    /// fields on both objects.
    fn attach<C>(
        &self,
        session: &mut Session<'_, C>,
        from: &Obj<Self::From>,
        to: &Obj<Self::To>,
    ) -> Result<()>
    where
        C: Connection,
        C::Dialect: SupportsReturning;
}

/// The in-memory side of relating `child` to `parent`: the child's `reference` (if named)
/// points at the parent, and the parent's loaded `collection` (if named) holds the child,
/// which leaves the collection of the parent it referenced before. A new parent's collection
/// starts out loaded: it cannot have other children in the database.
fn sync_pair<P: Model, Ch: Model>(
    parent: &Obj<P>,
    child: &Obj<Ch>,
    collection: Option<fn(&mut P) -> &mut Many<Ch>>,
    reference: Option<fn(&mut Ch) -> &mut One<P>>,
    parent_is_new: bool,
) {
    if let Some(collection) = collection {
        let previous =
            reference.and_then(|r| r(&mut child.borrow_mut()).get().ok().cloned().flatten());
        if let Some(previous) = previous.filter(|p| !p.ptr_eq(parent))
            && let Some(children) = collection(&mut previous.borrow_mut()).get_mut()
        {
            children.retain(|c| !c.ptr_eq(child));
        }
        let mut p = parent.borrow_mut();
        let children = collection(&mut p);
        match children.get_mut() {
            Some(list) if !list.iter().any(|c| c.ptr_eq(child)) => list.push(child.clone()),
            Some(_) => {}
            None if parent_is_new => children.set(vec![child.clone()]),
            None => {}
        }
    }
    if let Some(reference) = reference {
        reference(&mut child.borrow_mut()).set(Some(parent.clone()));
    }
}

impl<P, Ch, F> Attach for HasMany<P, Ch, F>
where
    Self: Relation<From = P, To = Ch>,
    P: Model,
    Ch: Model,
    F: ForeignKeyBetween<Ch::Table, P::Table>,
{
    fn attach<C>(
        &self,
        session: &mut Session<'_, C>,
        parent: &Obj<P>,
        child: &Obj<Ch>,
    ) -> Result<()>
    where
        C: Connection,
        C::Dialect: SupportsReturning,
    {
        session.set_parent(child, F::default(), parent)?;
        sync_pair(parent, child, Some(self.field), self.back, session.is_new(parent));
        Ok(())
    }
}

impl<Ch, P, F> Attach for BelongsTo<Ch, P, F>
where
    Self: Relation<From = Ch, To = P>,
    P: Model,
    Ch: Model,
    F: ForeignKeyBetween<Ch::Table, P::Table>,
{
    fn attach<C>(
        &self,
        session: &mut Session<'_, C>,
        child: &Obj<Ch>,
        parent: &Obj<P>,
    ) -> Result<()>
    where
        C: Connection,
        C::Dialect: SupportsReturning,
    {
        session.set_parent(child, F::default(), parent)?;
        sync_pair(parent, child, self.back, Some(self.field), session.is_new(parent));
        Ok(())
    }
}

impl<P, Ch, F> Attach for HasOne<P, Ch, F>
where
    Self: Relation<From = P, To = Ch>,
    P: Model,
    Ch: Model,
    F: ForeignKeyBetween<Ch::Table, P::Table>,
{
    fn attach<C>(
        &self,
        session: &mut Session<'_, C>,
        parent: &Obj<P>,
        child: &Obj<Ch>,
    ) -> Result<()>
    where
        C: Connection,
        C::Dialect: SupportsReturning,
    {
        session.set_parent(child, F::default(), parent)?;
        (self.field)(&mut parent.borrow_mut()).set(Some(child.clone()));
        Ok(())
    }
}
