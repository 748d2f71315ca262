//! Relationships between models, loaded only when asked: eagerly with a query
//! (`SessionQuery::load`, one `WHERE fk IN (...)` query per relationship, batched;
//! `SessionQuery::all_joined`, one LEFT OUTER JOIN statement), or explicitly later
//! (`Session::related`). Reading one that was not loaded is an error, never a hidden query.
//!
//! A relationship is a value naming the field that holds it. Its type follows the only foreign
//! key between its two tables by default; when there are several (a message's sender and
//! recipient), the type names the column (`BelongsTo<Message, User, messages::sender_id>`),
//! and leaving it out is a compile error asking for it. No foreign key at all is a compile
//! error too: a relationship always follows one declared with `#[references(..)]`.
//!
//! ```
//! use aludel::orm::{BelongsTo, HasMany, Many, Model, One, Session};
//! use aludel::prelude::*;
//!
//! aludel::table! {
//!     users (id) { id -> Integer, name -> Text, }
//!     posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
//! }
//!
//! #[derive(Debug, Clone, Model)]
//! #[aludel(table = users)]
//! struct User {
//!     #[aludel(generated)]
//!     id: Option<i32>,
//!     name: String,
//!     #[aludel(relation)]
//!     posts: Many<Post>,
//! }
//!
//! #[derive(Debug, Clone, Model)]
//! #[aludel(table = posts)]
//! struct Post {
//!     #[aludel(generated)]
//!     id: Option<i32>,
//!     user_id: i32,
//!     title: String,
//!     #[aludel(relation)]
//!     author: One<User>,
//! }
//!
//! impl User {
//!     fn posts() -> HasMany<User, Post> { // along posts.user_id, the only foreign key
//!         HasMany::new(|u: &mut User| &mut u.posts).back_populates(|p| &mut p.author)
//!     }
//! }
//!
//! # fn main() -> aludel::Result<()> {
//! let mut conn = SqliteConnection::open("sqlite::memory:")?;
//! MetaData::new([users::table::def(), posts::table::def()]).create_all(&mut conn, CheckFirst::No)?;
//! {
//!     let mut session = Session::new(&mut conn);
//!     let ann = session.add(User { id: None, name: "ann".into(), posts: Many::default() });
//!     let post = Post { id: None, user_id: 0, title: "hello".into(), author: One::default() };
//!     let post = session.append(&ann, User::posts(), post)?;
//!     session.commit()?; // INSERT users, then INSERT posts with the generated user id
//!     assert_eq!(post.borrow().user_id, ann.borrow().id.unwrap());
//! }
//! let mut session = Session::new(&mut conn);
//! let posts = session.query::<Post>().all()?;
//! let err = posts[0].borrow().author.get().unwrap_err();
//! assert_eq!(err.kind(), aludel::ErrorKind::NotLoaded); // no hidden query
//! let users = session.query::<User>().load(User::posts()).all()?; // two SELECTs
//! assert_eq!(users[0].borrow().posts.get()?[0].borrow().title, "hello");
//! // The same post object (identity map), its back reference set by the load.
//! assert!(posts[0].borrow().author.get()?.as_ref().unwrap().ptr_eq(&users[0]));
//! # Ok(())
//! # }
//! ```

use super::handle::Obj;
use super::model::Model;
use super::session::KeyPart;
use crate::error::{Error, ErrorKind, Result};
use crate::schema::{
    Column, DefaultForeignKey, ForeignKey, ForeignKeyBetween, Links, SingleForeignKey, Table,
};
use foldhash::{HashMap, HashSet};
use std::marker::PhantomData;

/// A relationship field of a model: not loaded, or loaded with its value.
#[derive(Debug, Clone)]
pub struct Related<T> {
    value: Option<T>,
}

impl<T> Default for Related<T> {
    fn default() -> Self {
        Related { value: None }
    }
}

/// A one-to-many relationship field: the related objects.
pub type Many<M> = Related<Vec<Obj<M>>>;

/// A many-to-one (or one-to-one) relationship field: the related object, if any.
pub type One<M> = Related<Option<Obj<M>>>;

impl<T> Related<T> {
    /// The loaded value.
    ///
    /// # Errors
    /// [`ErrorKind::NotLoaded`] when the relationship was not loaded: load it with the query
    /// (`.load(Model::relation())`) or with `session.related(..)`.
    pub fn get(&self) -> Result<&T> {
        self.value.as_ref().ok_or_else(|| {
            Error::new(
                ErrorKind::NotLoaded,
                format!(
                    "relationship to `{}` was not loaded; load it with the query's `.load(...)` \
                     or `session.related(...)` (aludel never loads behind your back)",
                    short_type_name::<T>()
                ),
            )
        })
    }

    /// Whether the relationship is loaded.
    pub fn is_loaded(&self) -> bool {
        self.value.is_some()
    }

    pub(crate) fn set(&mut self, value: T) {
        self.value = Some(value);
    }

    pub(crate) fn get_mut(&mut self) -> Option<&mut T> {
        self.value.as_mut()
    }
}

/// A column of table `T` to order a loaded collection by: the column itself or
/// `column.desc()` / `column.asc()`.
#[diagnostic::on_unimplemented(
    message = "a collection of `{T}` rows is ordered only by a column of `{T}`",
    label = "`{Self}` is not a column of `{T}`",
    note = "for example `HasMany::new(..).order_by(posts::id.desc())`"
)]
pub trait CollectionOrder<T> {
    /// The column's name.
    const COLUMN: &'static str;
    /// Whether the order is descending.
    const DESCENDING: bool;
}

impl<C: Column> CollectionOrder<C::Table> for C {
    const COLUMN: &'static str = C::NAME;
    const DESCENDING: bool = false;
}

impl<C: Column> CollectionOrder<C::Table> for crate::expr::Asc<C> {
    const COLUMN: &'static str = C::NAME;
    const DESCENDING: bool = false;
}

impl<C: Column> CollectionOrder<C::Table> for crate::expr::Desc<C> {
    const COLUMN: &'static str = C::NAME;
    const DESCENDING: bool = true;
}

/// What happens to a child removed from a one-to-many collection, or to the children of a
/// deleted parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orphans {
    /// The child's foreign key becomes NULL (fails cleanly with a conversion error when the
    /// field cannot hold NULL, before anything is written).
    Nullify,
    /// The child is deleted too (SQLAlchemy's `delete-orphan` / `cascade="delete"`).
    Delete,
}

/// A relationship from model `P` to model `R`, along a foreign key.
pub trait Relation: Copy {
    /// The model the relationship starts from.
    type From: Model;
    /// The related model.
    type To: Model;
    /// Loads the relationship of every object in `from` with one query per batch of keys;
    /// returns the related objects (for nested loading).
    fn load<C>(
        &self,
        session: &mut super::Session<'_, C>,
        from: &[Obj<Self::From>],
    ) -> Result<Vec<Obj<Self::To>>>
    where
        C: crate::conn::Connection,
        C::Dialect: crate::dialect::SupportsReturning;

    /// The related objects of `from` if this relationship is already loaded on it.
    fn cached(&self, from: &Obj<Self::From>) -> Option<Vec<Obj<Self::To>>> {
        let _ = from;
        None
    }
}

/// The foreign key of `Child`'s table referencing `Parent`'s: the only one there is, unless
/// a relationship names another (see [`DefaultForeignKey`](crate::schema::DefaultForeignKey)).
pub type ForeignKeyOf<Child, Parent> =
    <<Child as Model>::Table as DefaultForeignKey<<Parent as Model>::Table>>::Column;

/// One-to-many: `P`'s objects have many `Ch`, whose foreign key `F` references `P`; `F`
/// defaults to the only foreign key from `Ch`'s table to `P`'s.
pub struct HasMany<P, Ch, F = ForeignKeyOf<Ch, P>> {
    pub(crate) field: fn(&mut P) -> &mut Many<Ch>,
    pub(crate) back: Option<fn(&mut Ch) -> &mut One<P>>,
    pub(crate) orphans: Orphans,
    pub(crate) order: Option<(&'static str, bool)>,
    _m: PhantomData<(P, Ch, F)>,
}

/// One-to-one from the referenced side: `P`'s objects have at most one `Ch`, whose foreign
/// key `F` references `P` (a unique column, typically). A parent with several is an error
/// when loading ([`ErrorKind::MultipleRows`]), never a silent pick. `F` defaults as for
/// [`HasMany`].
pub struct HasOne<P, Ch, F = ForeignKeyOf<Ch, P>> {
    pub(crate) field: fn(&mut P) -> &mut One<Ch>,
    _m: PhantomData<(P, Ch, F)>,
}

impl<P: Model, Ch: Model, F> HasOne<P, Ch, F> {
    /// The relationship stored in `field` of `P`, along `Ch`'s foreign key `F`.
    pub fn new(field: fn(&mut P) -> &mut One<Ch>) -> Self
    where
        F: SingleForeignKey<Ch::Table, P::Table> + Links<Ch::Table, P::Table>,
    {
        HasOne { field, _m: PhantomData }
    }
}

impl<P: Model, Ch: Model, F: Column> HasOne<P, Ch, F> {
    /// The error for a parent with `n` (more than one) related rows.
    pub(crate) fn several(n: usize) -> Error {
        Error::new(
            ErrorKind::MultipleRows,
            format!(
                "a one-to-one relationship found {n} `{}` rows for one `{}`; map it as \
                 one-to-many, or make `{}` unique",
                short_type_name::<Ch>(),
                short_type_name::<P>(),
                F::NAME,
            ),
        )
    }
}

// Relationships are plain values (a field accessor and marker types): copyable whatever their
// model and column parameters are, which `#[derive(Clone, Copy)]` would require to be too.
macro_rules! copy_relation {
    ($($name:ident<$($p:ident),+>),+) => {$(
        impl<$($p),+> Clone for $name<$($p),+> {
            fn clone(&self) -> Self {
                *self
            }
        }
        impl<$($p),+> Copy for $name<$($p),+> {}
    )+};
}
copy_relation!(
    HasMany<P, Ch, F>,
    HasOne<P, Ch, F>,
    BelongsTo<Ch, P, F>,
    ManyToMany<P, T, A, FP, FT>
);

/// Many-to-one: `Ch`'s objects have one `P`, referenced by their foreign key `F` (by default
/// the only foreign key from `Ch`'s table to `P`'s).
pub struct BelongsTo<Ch, P, F = ForeignKeyOf<Ch, P>> {
    pub(crate) field: fn(&mut Ch) -> &mut One<P>,
    pub(crate) back: Option<fn(&mut P) -> &mut Many<Ch>>,
    _m: PhantomData<(Ch, P, F)>,
}

impl<P: Model, Ch: Model, F> HasMany<P, Ch, F> {
    /// The relationship stored in `field` of `P`, along `Ch`'s foreign key `F`.
    pub fn new(field: fn(&mut P) -> &mut Many<Ch>) -> Self
    where
        F: SingleForeignKey<Ch::Table, P::Table> + Links<Ch::Table, P::Table>,
    {
        HasMany { field, back: None, orphans: Orphans::Nullify, order: None, _m: PhantomData }
    }

    /// Loads the collection ordered by a column of the children's table, ascending or
    /// `.desc()` (SQLAlchemy's `relationship(order_by=...)`); without it the database's order
    /// is kept, whatever that is. Applies to select-in, joined and lazy loads; objects added
    /// in memory are appended at the end.
    pub fn order_by<O: CollectionOrder<Ch::Table>>(mut self, order: O) -> Self {
        let _ = order;
        self.order = Some((O::COLUMN, O::DESCENDING));
        self
    }

    /// What becomes of children taken out of the collection (`Session::remove`) or left by
    /// a deleted parent (`Session::delete_with`): their foreign key is set to NULL
    /// ([`Orphans::Nullify`], the default) or they are deleted ([`Orphans::Delete`],
    /// SQLAlchemy's `cascade="all, delete-orphan"`).
    pub fn orphans(mut self, orphans: Orphans) -> Self {
        self.orphans = orphans;
        self
    }

    /// Names the children's field pointing back at the parent: appending a child through the
    /// session, or loading the collection, then sets it too, keeping both directions in sync
    /// in memory.
    pub fn back_populates(mut self, back: fn(&mut Ch) -> &mut One<P>) -> Self {
        self.back = Some(back);
        self
    }

    /// Sets `parent`'s collection to `children`, and each child's back reference.
    pub(crate) fn set_both(&self, parent: &Obj<P>, children: Vec<Obj<Ch>>) {
        if let Some(back) = self.back {
            for child in &children {
                back(&mut child.borrow_mut()).set(Some(parent.clone()));
            }
        }
        (self.field)(&mut parent.borrow_mut()).set(children);
    }
}

impl<Ch: Model, P: Model, F> BelongsTo<Ch, P, F> {
    /// The relationship stored in `field` of `Ch`, along its foreign key `F`.
    pub fn new(field: fn(&mut Ch) -> &mut One<P>) -> Self
    where
        F: SingleForeignKey<Ch::Table, P::Table> + Links<Ch::Table, P::Table>,
    {
        BelongsTo { field, back: None, _m: PhantomData }
    }

    /// Names the parent's collection of these children: attaching a child to a parent
    /// through the session (`session.attach(&child, relation, &parent)`) then also updates
    /// the parent's collection, and the previous parent's, where they are loaded (the
    /// reverse of [`HasMany::back_populates`]). Loading this relationship leaves collections
    /// alone: it does not know every child of a parent.
    pub fn back_populates(mut self, back: fn(&mut P) -> &mut Many<Ch>) -> Self {
        self.back = Some(back);
        self
    }
}

/// `T`'s name without module paths (`Vec<Obj<Tag>>`), for messages.
pub(crate) fn short_type_name<T>() -> String {
    let full = std::any::type_name::<T>();
    let mut out = String::with_capacity(full.len());
    let mut path = String::new();
    for c in full.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() || c == '_' || c == ':' {
            path.push(c);
        } else {
            out.push_str(path.rsplit("::").next().unwrap_or(&path));
            path.clear();
            out.push(c);
        }
    }
    out.pop();
    out
}

pub(crate) fn field_index<M: Model>(column: &str) -> Result<usize> {
    M::FIELDS.iter().position(|f| f.column == column).ok_or_else(|| {
        Error::new(
            ErrorKind::Schema,
            format!("column `{column}` is not mapped by `{}`", short_type_name::<M>()),
        )
    })
}

/// Field `index` of `obj` as a hashable key (integer widths compare equal).
fn key_of_field<M: Model>(obj: &Obj<M>, index: usize) -> KeyPart {
    KeyPart::of(&obj.borrow().value(index))
}

/// Keys per `IN (...)` list: well under every dialect's bind limit.
const BATCH: usize = 500;

impl<P, Ch, F> Relation for HasMany<P, Ch, F>
where
    P: Model,
    Ch: Model,
    F: ForeignKeyBetween<Ch::Table, P::Table>,
{
    type From = P;
    type To = Ch;

    fn cached(&self, from: &Obj<P>) -> Option<Vec<Obj<Ch>>> {
        (self.field)(&mut from.borrow_mut()).get().ok().cloned()
    }

    fn load<C>(&self, session: &mut super::Session<'_, C>, from: &[Obj<P>]) -> Result<Vec<Obj<Ch>>>
    where
        C: crate::conn::Connection,
        C::Dialect: crate::dialect::SupportsReturning,
    {
        let (children, by_key, key) = load_children::<P, Ch, F, C>(session, from, self.order)?;
        for parent in from {
            let mine = by_key.get(&key_of_field(parent, key)).cloned().unwrap_or_default();
            self.set_both(parent, mine);
        }
        Ok(children)
    }
}

/// The children of `from` along `F` (batched `F IN (...)` queries), grouped by the parent key
/// they reference, and the index of that key among `P`'s fields.
#[allow(clippy::type_complexity)]
fn load_children<P, Ch, F, C>(
    session: &mut super::Session<'_, C>,
    from: &[Obj<P>],
    order: Option<(&'static str, bool)>,
) -> Result<(Vec<Obj<Ch>>, HashMap<KeyPart, Vec<Obj<Ch>>>, usize)>
where
    P: Model,
    Ch: Model,
    F: ForeignKeyBetween<Ch::Table, P::Table>,
    C: crate::conn::Connection,
    C::Dialect: crate::dialect::SupportsReturning,
{
    let key = field_index::<P>(<F::Target as Column>::NAME)?;
    let fk = field_index::<Ch>(<F as Column>::NAME)?;
    let keys: Vec<_> = from.iter().map(|p| p.borrow().value(key)).collect();
    let children = session.load_where::<Ch>(<F as Column>::NAME, &keys, BATCH, order)?;
    let mut by_key: HashMap<KeyPart, Vec<Obj<Ch>>> = HashMap::default();
    for child in &children {
        by_key.entry(key_of_field(child, fk)).or_default().push(child.clone());
    }
    Ok((children, by_key, key))
}

impl<P, Ch, F> Relation for HasOne<P, Ch, F>
where
    P: Model,
    Ch: Model,
    F: ForeignKeyBetween<Ch::Table, P::Table>,
{
    type From = P;
    type To = Ch;

    fn cached(&self, from: &Obj<P>) -> Option<Vec<Obj<Ch>>> {
        (self.field)(&mut from.borrow_mut()).get().ok().map(|c| c.iter().cloned().collect())
    }

    fn load<C>(&self, session: &mut super::Session<'_, C>, from: &[Obj<P>]) -> Result<Vec<Obj<Ch>>>
    where
        C: crate::conn::Connection,
        C::Dialect: crate::dialect::SupportsReturning,
    {
        let (children, by_key, key) = load_children::<P, Ch, F, C>(session, from, None)?;
        // Check every parent before setting any, so an error leaves nothing half loaded.
        let mut found = Vec::with_capacity(from.len());
        for parent in from {
            let mine = by_key.get(&key_of_field(parent, key));
            if let Some(several) = mine.filter(|m| m.len() > 1) {
                return Err(Self::several(several.len()));
            }
            found.push(mine.and_then(|m| m.first().cloned()));
        }
        for (parent, child) in from.iter().zip(found) {
            (self.field)(&mut parent.borrow_mut()).set(child);
        }
        Ok(children)
    }
}

impl<Ch, P, F> Relation for BelongsTo<Ch, P, F>
where
    P: Model,
    Ch: Model,
    F: ForeignKeyBetween<Ch::Table, P::Table>,
{
    type From = Ch;
    type To = P;

    fn cached(&self, from: &Obj<Ch>) -> Option<Vec<Obj<P>>> {
        (self.field)(&mut from.borrow_mut()).get().ok().map(|p| p.iter().cloned().collect())
    }

    fn load<C>(&self, session: &mut super::Session<'_, C>, from: &[Obj<Ch>]) -> Result<Vec<Obj<P>>>
    where
        C: crate::conn::Connection,
        C::Dialect: crate::dialect::SupportsReturning,
    {
        let key = field_index::<P>(<F::Target as Column>::NAME)?;
        let fk = field_index::<Ch>(<F as Column>::NAME)?;
        // Each distinct, non-NULL foreign key once.
        let mut seen = HashSet::default();
        let keys: Vec<_> = from
            .iter()
            .map(|c| c.borrow().value(fk))
            .filter(|k| *k != crate::types::Value::Null && seen.insert(KeyPart::of(k)))
            .collect();
        let parents = session.load_where::<P>(<F::Target as Column>::NAME, &keys, BATCH, None)?;
        let by_key: HashMap<KeyPart, &Obj<P>> =
            parents.iter().map(|p| (key_of_field(p, key), p)).collect();
        for child in from {
            let parent = by_key.get(&key_of_field(child, fk)).map(|p| (*p).clone());
            (self.field)(&mut child.borrow_mut()).set(parent);
        }
        Ok(parents)
    }
}

/// A relationship (or chain) starting from model `M`: what a query of `M`s can load.
#[diagnostic::on_unimplemented(
    message = "this relationship does not start from `{M}`",
    label = "expected a relationship (or chain) starting from `{M}`",
    note = "a query loads relationships of the model it loads, and each `.then(..)` continues \
            from the model the relationship before it leads to"
)]
pub trait RelationOf<M>: Relation<From = M> {}

// Implemented per kind, with the starting model in the impl's header (the first parameter of
// every kind), so that a relationship of another model reports the message above.
macro_rules! relation_of {
    ($($kind:ident<$from:ident $(, $p:ident)*>),+) => {$(
        impl<$from, $($p),*> RelationOf<$from> for $kind<$from, $($p),*>
        where
            Self: Relation<From = $from>,
        {
        }
    )+};
}
relation_of!(HasMany<P, Ch, F>, HasOne<P, Ch, F>, BelongsTo<Ch, P, F>, ManyToMany<P, T, A, FP, FT>);

impl<M, A: RelationOf<M>, B: RelationOf<A::To>> RelationOf<M> for Then<A, B> {}

/// Loading `A`, then `B` on the objects `A` loaded: `User::posts().then(Post::comments())`.
#[derive(Clone, Copy)]
pub struct Then<A, B>(pub(crate) A, pub(crate) B);

/// Chaining relationships for nested eager loading.
pub trait RelationExt: Relation + Sized {
    /// Loads `next` on the objects this relationship loads.
    fn then<B: RelationOf<Self::To>>(self, next: B) -> Then<Self, B> {
        Then(self, next)
    }
}

impl<R: Relation> RelationExt for R {}

impl<A: Relation, B: Relation<From = A::To>> Relation for Then<A, B> {
    type From = A::From;
    type To = B::To;

    fn load<C>(
        &self,
        session: &mut super::Session<'_, C>,
        from: &[Obj<A::From>],
    ) -> Result<Vec<Obj<B::To>>>
    where
        C: crate::conn::Connection,
        C::Dialect: crate::dialect::SupportsReturning,
    {
        let middle = self.0.load(session, from)?;
        self.1.load(session, &middle)
    }
}

/// `EXISTS (SELECT fk FROM child WHERE child.fk = parent.key AND condition)`: filters the
/// parents that have a related object matching `condition` (SQLAlchemy's `any`).
pub type AnyRelated<P, Ch, F, E> = crate::query::Exists<
    crate::query::SelectStatement<
        crate::query::Correlated<<Ch as Model>::Table, <P as Model>::Table>,
        crate::query::SelectClause<F, ()>,
        crate::query::Where<
            crate::expr::Binary<
                crate::expr::And,
                crate::expr::Binary<crate::expr::Eq, F, <F as ForeignKey>::Target>,
                E,
            >,
        >,
    >,
>;

impl<P, Ch, F> HasMany<P, Ch, F>
where
    P: Model,
    Ch: Model,
    F: ForeignKeyBetween<Ch::Table, P::Table>,
{
    /// A condition for the parent's query: the parent has at least one related object for
    /// which `condition` (over the related table, and the parent's columns) holds. The
    /// condition is checked against that scope at compile time.
    pub fn any<E, I>(self, condition: E) -> AnyRelated<P, Ch, F, E>
    where
        E: crate::expr::ConditionIn<crate::query::Correlated<Ch::Table, P::Table>, I>,
    {
        let link = crate::expr::Binary::new(F::default(), F::Target::default());
        crate::query::exists(
            crate::query::SelectStatement::new(crate::query::Correlated::new(
                <Ch::Table as Default>::default(),
            ))
            .select_proved::<F, ()>(F::default())
            .filter_proved(crate::expr::Binary::new(link, condition)),
        )
    }
}

/// `EXISTS (SELECT key FROM parent WHERE parent.key = child.fk AND condition)`: filters the
/// children whose related object matches `condition` (SQLAlchemy's `has`).
pub type HasRelated<Ch, P, F, E> = crate::query::Exists<
    crate::query::SelectStatement<
        crate::query::Correlated<<P as Model>::Table, <Ch as Model>::Table>,
        crate::query::SelectClause<<F as ForeignKey>::Target, ()>,
        crate::query::Where<
            crate::expr::Binary<
                crate::expr::And,
                crate::expr::Binary<crate::expr::Eq, <F as ForeignKey>::Target, F>,
                E,
            >,
        >,
    >,
>;

impl<Ch, P, F> BelongsTo<Ch, P, F>
where
    P: Model,
    Ch: Model,
    F: ForeignKeyBetween<Ch::Table, P::Table>,
{
    /// A condition for the child's query: the object this relationship points to exists and
    /// `condition` (over its table, and the child's columns) holds for it. A child whose
    /// foreign key is NULL never matches.
    pub fn has<E, I>(self, condition: E) -> HasRelated<Ch, P, F, E>
    where
        E: crate::expr::ConditionIn<crate::query::Correlated<P::Table, Ch::Table>, I>,
    {
        let link = crate::expr::Binary::new(F::Target::default(), F::default());
        crate::query::exists(
            crate::query::SelectStatement::new(crate::query::Correlated::new(
                <P::Table as Default>::default(),
            ))
            .select_proved::<F::Target, ()>(F::Target::default())
            .filter_proved(crate::expr::Binary::new(link, condition)),
        )
    }
}

/// Many-to-many through the association table `A` (SQLAlchemy's `secondary`): `P`'s objects
/// relate to many `T` (and back), with `A`'s foreign key `FP` referencing `P` and `FT`
/// referencing `T`. Both default to `A`'s only foreign key to each table; a self-referential
/// association (two keys to the same table) names them.
pub struct ManyToMany<
    P,
    T,
    A,
    FP = <A as DefaultForeignKey<<P as Model>::Table>>::Column,
    FT = <A as DefaultForeignKey<<T as Model>::Table>>::Column,
> {
    pub(crate) field: fn(&mut P) -> &mut Many<T>,
    _m: PhantomData<(P, T, A, FP, FT)>,
}

impl<P, T, A, FP, FT> ManyToMany<P, T, A, FP, FT>
where
    P: Model,
    T: Model,
    A: Table,
{
    /// The relationship stored in `field` of `P`, through the association table `A`.
    pub fn new(field: fn(&mut P) -> &mut Many<T>) -> Self
    where
        FP: SingleForeignKey<A, P::Table> + Links<A, P::Table>,
        FT: SingleForeignKey<A, T::Table> + Links<A, T::Table>,
    {
        ManyToMany { field, _m: PhantomData }
    }
}

impl<P, T, A, FP, FT> Relation for ManyToMany<P, T, A, FP, FT>
where
    P: Model,
    T: Model,
    A: Table,
    FP: ForeignKeyBetween<A, P::Table>,
    FT: ForeignKeyBetween<A, T::Table>,
{
    type From = P;
    type To = T;

    fn cached(&self, from: &Obj<P>) -> Option<Vec<Obj<T>>> {
        (self.field)(&mut from.borrow_mut()).get().ok().cloned()
    }

    fn load<C>(&self, session: &mut super::Session<'_, C>, from: &[Obj<P>]) -> Result<Vec<Obj<T>>>
    where
        C: crate::conn::Connection,
        C::Dialect: crate::dialect::SupportsReturning,
    {
        let key = field_index::<P>(<FP::Target as Column>::NAME)?;
        let target_key = field_index::<T>(<FT::Target as Column>::NAME)?;
        let keys: Vec<_> = from.iter().map(|p| p.borrow().value(key)).collect();
        // The association rows, then the targets they name.
        let pairs = session.association_rows::<A>(
            <FP as Column>::NAME,
            <FT as Column>::NAME,
            &keys,
            BATCH,
        )?;
        let mut seen = HashSet::default();
        let target_keys: Vec<_> =
            pairs.iter().map(|(_, t)| t).filter(|t| seen.insert(KeyPart::of(t))).cloned().collect();
        let targets =
            session.load_where::<T>(<FT::Target as Column>::NAME, &target_keys, BATCH, None)?;
        let by_key: HashMap<KeyPart, &Obj<T>> =
            targets.iter().map(|t| (key_of_field(t, target_key), t)).collect();
        let mut by_parent: HashMap<KeyPart, Vec<Obj<T>>> = HashMap::default();
        for (p, t) in &pairs {
            if let Some(target) = by_key.get(&KeyPart::of(t)) {
                by_parent.entry(KeyPart::of(p)).or_default().push((*target).clone());
            }
        }
        for parent in from {
            let mine = by_parent.get(&key_of_field(parent, key)).cloned().unwrap_or_default();
            (self.field)(&mut parent.borrow_mut()).set(mine);
        }
        Ok(targets)
    }
}

/// A many-to-many relationship: what [`Session::link`](super::Session::link) and `unlink`
/// need to write its association rows.
#[diagnostic::on_unimplemented(
    message = "`link` / `unlink` write association rows, and this relationship is not many-to-many",
    label = "`{Self}` has no association table",
    note = "objects related by a foreign key of theirs are related with `session.attach(..)`"
)]
pub trait Association: Relation + 'static {
    /// The association table.
    type Table: Table;
    /// The association table's foreign keys to the parent and to the target.
    const COLUMNS: [&'static str; 2];
    /// The parent's column referenced by the first foreign key.
    const PARENT_KEY: &'static str;
    /// The target's column referenced by the second.
    const TARGET_KEY: &'static str;
    /// The parent's collection field.
    fn collection<'o>(&self, parent: &'o mut Self::From) -> &'o mut Many<Self::To>;
}

impl<P, T, A, FP, FT> Association for ManyToMany<P, T, A, FP, FT>
where
    Self: Relation<From = P, To = T> + 'static,
    P: Model,
    T: Model,
    A: Table,
    FP: ForeignKey + Column<Table = A>,
    FT: ForeignKey + Column<Table = A>,
{
    type Table = A;
    const COLUMNS: [&'static str; 2] = [FP::NAME, FT::NAME];
    const PARENT_KEY: &'static str = <FP::Target as Column>::NAME;
    const TARGET_KEY: &'static str = <FT::Target as Column>::NAME;

    fn collection<'o>(&self, parent: &'o mut P) -> &'o mut Many<T> {
        (self.field)(parent)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn messages_name_types_without_module_paths() {
        assert_eq!(
            super::short_type_name::<Vec<super::Obj<std::string::String>>>(),
            "Vec<Obj<String>>"
        );
        assert_eq!(super::short_type_name::<Option<(i32, u8)>>(), "Option<(i32, u8)>");
    }
}
