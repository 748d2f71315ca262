//! The ORM: a [`Session`] that tracks mapped objects and writes their changes in one flush.
//!
//! A thin dynamic layer over the typed core (SQLAlchemy's data-mapper pattern):
//!
//! - `#[derive(Model)]` maps a struct onto a `table!`; each field's Rust type is checked
//!   against its column's SQL type at compile time.
//! - The session keeps an **identity map**: every load of one primary key within a session
//!   yields the same shared object ([`Obj`]).
//! - The **unit of work** finds changes itself: each object's column values are compared with
//!   a snapshot taken when it was loaded or last flushed; `flush` writes INSERTs parent-first
//!   and DELETEs child-first by the foreign keys between the mapped tables, batches statements
//!   of one shape, reads generated keys back, and either applies everything or nothing.
//! - Nothing happens behind your back: reading an object never runs a query. Expired objects
//!   are reloaded when the session hands them out again (`get`, queries) or on `refresh`.
//! - **Relationships** ([`HasMany`], [`BelongsTo`], [`HasOne`], [`ManyToMany`]) follow the
//!   foreign keys declared in `table!`, checked at compile time. They load only when asked:
//!   select-in ([`SessionQuery::load`]), joined ([`SessionQuery::all_joined`]) or explicitly
//!   ([`Session::related`]); an unloaded one is an error to read. Through them the session
//!   relates objects ([`Session::append`], [`Session::attach`], [`Session::link`]), detaches
//!   or deletes children ([`Session::remove`], [`Session::delete_with`]), and queries join
//!   ([`SessionQuery::join`]) or filter with EXISTS ([`HasMany::any`], [`BelongsTo::has`]).
//!
//! All SQL goes through the typed query builder (`insert`, `update`, `delete`, `select`).

mod attach;
mod field;
mod handle;
mod join;
mod joined;
mod model;
mod query;
mod relation;
mod session;
mod tracked;

pub use attach::Attach;
pub use field::ModelField;
#[doc(hidden)]
pub use field::{FieldIo, field_io as __field_io};
pub use handle::Obj;
pub use join::RelationJoin;
pub use joined::{JoinedLoad, JoinedStep};
pub use model::{FieldDef, Hooks, Model, PrimaryKeyOf, PrimaryKeyValue};
pub use query::SessionQuery;
pub use relation::{
    AnyRelated, Association, BelongsTo, CollectionOrder, ForeignKeyOf, HasMany, HasOne, HasRelated,
    Many, ManyToMany, One, Orphans, Related, Relation, RelationExt, RelationOf, Then,
};
pub use session::{FlushSummary, Session};
