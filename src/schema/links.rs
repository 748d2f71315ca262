//! Which foreign key leads from one table to another: what ORM relationships follow.
//!
//! `table!` implements [`Links`] for every `#[references(..)]` column and
//! [`DefaultForeignKey`] for every table it references. A relationship's type may name its
//! foreign key column; left out, it defaults to the only one between the two tables, and when
//! there are several the default is [`AmbiguousForeignKey`], which [`SingleForeignKey`]
//! rejects at compile time: naming the column is then required, never guessed.

use super::column::{Column, ForeignKey};
use std::marker::PhantomData;

/// A foreign key of table `From` referencing table `To`: what an ORM relationship between
/// their models follows. Implemented by `table!` for every `#[references(..)]` column.
#[diagnostic::on_unimplemented(
    message = "column `{Self}` is not a foreign key from `{From}` to `{To}`",
    label = "not a `#[references(..)]` column of the child's table pointing at the parent's",
    note = "a relationship follows a foreign key declared in the child table with \
            `#[references(parent::key)]`"
)]
pub trait Links<From, To> {}

/// The foreign key of this table that references table `To`, when a relationship does not
/// name one. Implemented by `table!` for each referenced table.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no foreign key to `{To}`",
    label = "a relationship between these tables needs a foreign key to follow",
    note = "declare one in the child table with `#[references(parent::key)]`, or check the \
            direction: the first model of `HasMany`/`HasOne` is the referenced (parent) one"
)]
pub trait DefaultForeignKey<To> {
    /// The foreign key column (or [`AmbiguousForeignKey`]).
    type Column;
}

/// The default foreign key from `From` to `To` when there are several: not a column, so a
/// relationship that relies on the default fails to compile with [`SingleForeignKey`]'s
/// message.
pub struct AmbiguousForeignKey<From, To>(PhantomData<(From, To)>);

impl<From, To> Links<From, To> for AmbiguousForeignKey<From, To> {}

/// A relationship's foreign key is one column, not a choice left open.
#[diagnostic::on_unimplemented(
    message = "`{From}` has several foreign keys to `{To}`: name the one this relationship follows",
    label = "the default foreign key is ambiguous",
    note = "give the foreign key column as the relationship's last type parameter, e.g. \
            `HasMany<User, Post, posts::author_id>` or `BelongsTo<Post, User, posts::editor_id>`"
)]
pub trait SingleForeignKey<From, To> {}

impl<F: ForeignKey, From, To> SingleForeignKey<From, To> for F {}

/// A foreign key column of table `Child` referencing a column of table `Parent`: the bounds
/// every relationship puts on its key, in one name.
pub trait ForeignKeyBetween<Child, Parent>:
    ForeignKey<Target: Column<Table = Parent>> + Column<Table = Child>
{
}

impl<F, Child, Parent> ForeignKeyBetween<Child, Parent> for F
where
    F: ForeignKey + Column<Table = Child>,
    F::Target: Column<Table = Parent>,
{
}
