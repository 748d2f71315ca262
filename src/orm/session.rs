//! The session: identity map and unit of work over one connection.

use super::handle::Obj;
use super::model::{FieldDef, Model, PrimaryKeyOf};
use super::query::SessionQuery;
use super::tracked::{DynFilterParts, DynSetParts, Tracked};
use crate::conn::Connection;
use crate::dialect::SupportsReturning;
use crate::error::{Error, ErrorKind, Result};
use crate::query::{SelectClause, SelectStatement};
use crate::schema::{MetaData, Table, TableDef};
use crate::types::Value;
use foldhash::HashMap;
use std::any::TypeId;
use std::cell::RefCell;
use std::rc::Rc;

/// What a flush is about to write (passed to the before/after flush hooks).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FlushSummary {
    /// Objects to INSERT.
    pub inserts: usize,
    /// Objects to UPDATE.
    pub updates: usize,
    /// Objects to DELETE.
    pub deletes: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    New,
    Persistent,
    Deleted,
}

struct Entry<C: Connection> {
    obj: Rc<dyn Tracked<C>>,
    state: State,
    /// Column values as last loaded or flushed (empty for new objects).
    snapshot: Vec<Value<'static>>,
    expired: bool,
    order: u64,
    /// Inserted by a flush of the session's transaction, which has not committed yet: if it
    /// rolls back (or its COMMIT fails), the row does not exist and the object is forgotten,
    /// as SQLAlchemy expunges objects whose INSERT was rolled back.
    fresh: bool,
}

/// A primary key as a hashable identity.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum KeyPart {
    Int(i64),
    Text(String),
    Bytes(Vec<u8>),
    Other(String),
}

impl KeyPart {
    pub(crate) fn of(value: &Value<'_>) -> KeyPart {
        match value {
            Value::I16(v) => KeyPart::Int(i64::from(*v)),
            Value::I32(v) => KeyPart::Int(i64::from(*v)),
            Value::I64(v) => KeyPart::Int(*v),
            Value::Text(s) => KeyPart::Text(s.to_string()),
            Value::Blob(b) => KeyPart::Bytes(b.to_vec()),
            other => KeyPart::Other(format!("{other:?}")),
        }
    }
}

/// An object's identity in the map: its model and primary key. A one-column key (nearly
/// every table's) is held inline, so an integer key costs no allocation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    model: TypeId,
    key: KeyParts,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum KeyParts {
    One(KeyPart),
    Many(Vec<KeyPart>),
}

impl Key {
    /// The identity of a `model` object whose primary key columns hold `values`.
    fn new<'v>(model: TypeId, values: impl ExactSizeIterator<Item = &'v Value<'static>>) -> Key {
        let key = if values.len() == 1 {
            KeyParts::One(values.map(KeyPart::of).next().expect("one value"))
        } else {
            KeyParts::Many(values.map(KeyPart::of).collect())
        };
        Key { model, key }
    }

    /// The identity of an object of `table` mapped by `fields` with field values `values`.
    fn of_row(
        model: TypeId,
        table: &TableDef,
        fields: &[FieldDef],
        values: &[Value<'static>],
    ) -> Result<Key> {
        let value = |column: &str| pk_field(table, fields, column).map(|i| &values[i]);
        let key = match table.primary_key {
            [column] => KeyParts::One(KeyPart::of(value(column)?)),
            columns => KeyParts::Many(
                columns.iter().map(|c| value(c).map(KeyPart::of)).collect::<Result<_>>()?,
            ),
        };
        Ok(Key { model, key })
    }
}
type FlushHook = Box<dyn FnMut(&FlushSummary)>;

/// A unit of work over a connection (SQLAlchemy's `Session`).
///
/// ```
/// use aludel::prelude::*;
/// use aludel::orm::{Model, Session};
///
/// aludel::table! { users (id) { id -> Integer, name -> Text, } }
///
/// #[derive(Debug, Clone, Model)]
/// #[aludel(table = users)]
/// struct User {
///     #[aludel(generated)]
///     id: Option<i32>,
///     name: String,
/// }
///
/// # fn main() -> aludel::Result<()> {
/// let mut conn = SqliteConnection::open("sqlite::memory:")?;
/// MetaData::new([users::table::def()]).create_all(&mut conn, CheckFirst::No)?;
/// let mut session = Session::new(&mut conn);
/// let ada = session.add(User { id: None, name: "ada".into() });
/// session.commit()?; // INSERT ... RETURNING "id", COMMIT
/// assert_eq!(ada.borrow().id, Some(1));
///
/// let same = session.get::<User>(1)?.unwrap();
/// assert!(same.ptr_eq(&ada)); // one object per primary key
/// same.borrow_mut().name = "Ada".into();
/// session.commit()?; // UPDATE "users" SET "name" = ?1 WHERE ...
/// # Ok(()) }
/// ```
pub struct Session<'c, C: Connection> {
    conn: &'c mut C,
    entries: Vec<Option<Entry<C>>>,
    identity: HashMap<Key, usize>,
    by_addr: HashMap<usize, usize>,
    order: u64,
    autoflush: bool,
    expire_on_commit: bool,
    began: bool,
    before_flush: Vec<FlushHook>,
    after_flush: Vec<FlushHook>,
    links: Vec<Link>,
    associations: Vec<AssociationOp<C>>,
}

/// A pending association row (many-to-many) to insert or delete at flush.
struct AssociationOp<C> {
    /// Identifies the relationship, so that one statement serves consecutive rows.
    kind: TypeId,
    insert: bool,
    parent: usize,
    parent_field: usize,
    target: usize,
    target_field: usize,
    columns: [&'static str; 2],
    run: fn(&mut C, bool, [&'static str; 2], Vec<Vec<Value<'static>>>) -> Result<usize>,
}

/// INSERTs or DELETEs association rows of table `A`.
fn association_statement<C, A>(
    conn: &mut C,
    insert: bool,
    columns: [&'static str; 2],
    rows: Vec<Vec<Value<'static>>>,
) -> Result<usize>
where
    C: Connection,
    A: Table,
{
    use crate::conn::RunQueryDsl;
    if insert {
        crate::query::insert(A::default()).dyn_values(columns.to_vec(), rows).execute(conn)
    } else {
        crate::query::delete(A::default())
            .filter(crate::query::DynFilter::<A>::new(columns.to_vec(), rows))
            .execute(conn)
    }
}

/// A child's foreign-key field that takes its value from a parent's field at flush time
/// (the parent's generated key, once the parent is inserted).
#[derive(Debug, Clone, Copy)]
struct Link {
    child: usize,
    child_field: usize,
    parent: usize,
    parent_field: usize,
}

impl<C: Connection> Drop for Session<'_, C> {
    fn drop(&mut self) {
        if self.began {
            let _ = self.conn.batch_execute("ROLLBACK");
            self.conn.set_transaction_depth(0);
        }
    }
}

/// The typed handle of a tracked object known to be an `M` (found under an identity whose
/// model is `M`).
fn handle<M: Model, C>(obj: &Rc<dyn Tracked<C>>) -> Obj<M>
where
    C: Connection,
    C::Dialect: SupportsReturning,
{
    Obj(obj.clone().into_any().downcast::<RefCell<M>>().expect("the identity's model"))
}

/// The index among `fields` of primary key column `pk` of `table`.
fn pk_field(table: &TableDef, fields: &[FieldDef], pk: &str) -> Result<usize> {
    fields.iter().position(|f| f.column == pk).ok_or_else(|| {
        Error::new(
            ErrorKind::Schema,
            format!("primary key column `{}.{pk}` is not mapped by the model", table.name),
        )
    })
}

fn key_indices(table: &TableDef, fields: &[FieldDef]) -> Result<Vec<usize>> {
    table.primary_key.iter().map(|pk| pk_field(table, fields, pk)).collect()
}

fn key_of(values: &[Value<'static>], indices: &[usize]) -> Vec<Value<'static>> {
    indices.iter().map(|i| values[*i].clone()).collect()
}

impl<'c, C> Session<'c, C>
where
    C: Connection,
    C::Dialect: SupportsReturning,
{
    /// A session over `conn`. It begins a transaction when it first needs one and keeps it
    /// until [`commit`](Self::commit) or [`rollback`](Self::rollback) (or drop, which rolls
    /// back). Inside a transaction the caller opened, it leaves that transaction alone.
    pub fn new(conn: &'c mut C) -> Self {
        Session {
            conn,
            entries: Vec::new(),
            identity: HashMap::default(),
            by_addr: HashMap::default(),
            order: 0,
            autoflush: true,
            expire_on_commit: true,
            began: false,
            before_flush: Vec::new(),
            after_flush: Vec::new(),
            links: Vec::new(),
            associations: Vec::new(),
        }
    }

    /// Makes `child`'s foreign key `fk` point at `parent`: at flush, `fk` takes the value of
    /// the parent column it references, also when that is a key the database generates when
    /// the parent is inserted (parents are inserted first).
    ///
    /// # Errors
    /// [`ErrorKind::Schema`] when a column is not mapped by its model; [`ErrorKind::NotFound`]
    /// when an object is not in this session.
    pub fn set_parent<Ch, P, F>(&mut self, child: &Obj<Ch>, fk: F, parent: &Obj<P>) -> Result<()>
    where
        Ch: Model,
        P: Model,
        F: crate::schema::ForeignKeyBetween<Ch::Table, P::Table>,
    {
        let _ = fk;
        let child_field = super::relation::field_index::<Ch>(<F as crate::schema::Column>::NAME)?;
        let parent_field =
            super::relation::field_index::<P>(<F::Target as crate::schema::Column>::NAME)?;
        let link = Link {
            child: self.entry_index(child.addr())?,
            child_field,
            parent: self.entry_index(parent.addr())?,
            parent_field,
        };
        self.links.retain(|l| !(l.child == link.child && l.child_field == link.child_field));
        self.links.push(link);
        Ok(())
    }

    /// Whether queries flush pending changes first (on by default).
    pub fn set_autoflush(&mut self, on: bool) -> &mut Self {
        self.autoflush = on;
        self
    }

    /// Whether `commit` expires every loaded object, so that the next `get` or query reloads
    /// it (on by default, like SQLAlchemy's `expire_on_commit`).
    pub fn set_expire_on_commit(&mut self, on: bool) -> &mut Self {
        self.expire_on_commit = on;
        self
    }

    /// Calls `hook` before every flush that has work to do.
    pub fn on_before_flush(&mut self, hook: impl FnMut(&FlushSummary) + 'static) {
        self.before_flush.push(Box::new(hook));
    }

    /// Calls `hook` after every successful flush.
    pub fn on_after_flush(&mut self, hook: impl FnMut(&FlushSummary) + 'static) {
        self.after_flush.push(Box::new(hook));
    }

    /// The connection, for statements outside the ORM (they run in the session's
    /// transaction).
    pub fn connection(&mut self) -> &mut C {
        self.conn
    }

    /// Adds a new object; it is INSERTed by the next flush. Returns its tracked handle.
    pub fn add<M: Model>(&mut self, model: M) -> Obj<M> {
        let obj = Obj::new(model);
        self.push(obj.0.clone(), State::New, Vec::new());
        obj
    }

    /// Adds several new objects, INSERTed in this order.
    pub fn add_all<M: Model>(&mut self, models: impl IntoIterator<Item = M>) -> Vec<Obj<M>> {
        models.into_iter().map(|m| self.add(m)).collect()
    }

    /// Marks an object for DELETE at the next flush (a new, unflushed object is just
    /// forgotten).
    pub fn delete<M: Model>(&mut self, obj: &Obj<M>) {
        if let Some(i) = self.by_addr.get(&obj.addr()).copied() {
            let entry = self.entries[i].as_mut().expect("indexed entry");
            if entry.state == State::New {
                self.forget(i);
            } else {
                entry.state = State::Deleted;
            }
        }
    }

    /// Forgets an object: later flushes ignore it, and a new load of its key makes a new
    /// object.
    pub fn expunge<M: Model>(&mut self, obj: &Obj<M>) {
        if let Some(i) = self.by_addr.get(&obj.addr()).copied() {
            self.forget(i);
        }
    }

    /// Marks an object's state stale: the session reloads it the next time it hands it out.
    pub fn expire<M: Model>(&mut self, obj: &Obj<M>) {
        if let Some(entry) =
            self.by_addr.get(&obj.addr()).copied().and_then(|i| self.entries[i].as_mut())
        {
            entry.expired = entry.state == State::Persistent;
        }
    }

    /// Whether the object has changes that the next flush will write.
    pub fn is_modified<M: Model>(&self, obj: &Obj<M>) -> bool {
        match self.by_addr.get(&obj.addr()).and_then(|i| self.entries[*i].as_ref()) {
            Some(e) if e.state == State::Persistent => e.obj.values() != e.snapshot,
            Some(_) => true,
            None => false,
        }
    }

    /// Reloads an object from the database, discarding its unflushed changes.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] if its row is gone; the database's error.
    pub fn refresh<M: Model>(&mut self, obj: &Obj<M>) -> Result<()> {
        let i = self.entry_index(obj.addr())?;
        self.reload(i)
    }

    /// The entry of the object at `addr`.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] when the object is not in this session.
    fn entry_index(&self, addr: usize) -> Result<usize> {
        self.by_addr
            .get(&addr)
            .copied()
            .ok_or_else(|| Error::new(ErrorKind::NotFound, "the object is not in this session"))
    }

    /// Copies a detached object's state into the session's object with the same primary
    /// key (loading it first if needed), or adds it as new when no such row exists.
    ///
    /// # Errors
    /// The database's error while looking the key up.
    pub fn merge<M: Model>(&mut self, model: M) -> Result<Obj<M>> {
        let fields = M::FIELDS;
        let indices = key_indices(M::Table::def(), fields)?;
        let values = model.values();
        let key = key_of(&values, &indices);
        if key.contains(&Value::Null) {
            return Ok(self.add(model));
        }
        match self.get_by_key::<M>(key)? {
            Some(obj) => {
                for (i, v) in values.into_iter().enumerate() {
                    obj.borrow_mut().set_field(i, v)?;
                }
                Ok(obj)
            }
            None => Ok(self.add(model)),
        }
    }

    /// The object with primary key `key`: from the identity map when loaded (no query), else
    /// from the database. `key` has the key column's Rust type (a tuple in key order for a
    /// composite key, see [`PrimaryKeyOf`]); another type does not compile.
    ///
    /// # Errors
    /// The database's error.
    pub fn get<M: Model>(&mut self, key: impl PrimaryKeyOf<M>) -> Result<Option<Obj<M>>> {
        self.get_by_key::<M>(key.key_values())
    }

    fn get_by_key<M: Model>(&mut self, key: Vec<Value<'static>>) -> Result<Option<Obj<M>>> {
        let identity = Key::new(TypeId::of::<M>(), key.iter());
        if let Some(i) = self.identity.get(&identity).copied() {
            let entry = self.entries[i].as_ref().expect("indexed entry");
            if entry.state == State::Deleted {
                return Ok(None);
            }
            if entry.expired {
                self.reload(i)?;
            }
            let entry = self.entries[i].as_ref().expect("indexed entry");
            return Ok(Some(handle::<M, C>(&entry.obj)));
        }
        self.begin()?;
        let table = M::Table::def();
        let columns: Vec<&'static str> = table.primary_key.to_vec();
        let fields: Vec<&'static str> = M::FIELDS.iter().map(|f| f.column).collect();
        let rows = crate::query::DynSelect::<M::Table>::new(
            fields,
            crate::query::DynFilter::<M::Table>::new(columns, vec![key]),
        );
        let found: Option<Vec<Value<'static>>> =
            crate::conn::RunQueryDsl::one_or_none(rows, &mut *self.conn)?;
        match found {
            None => Ok(None),
            Some(values) => Ok(Some(self.register_loaded(M::from_values(values)?, false)?)),
        }
    }

    /// Objects of `M` whose `column` is one of `keys` (one `IN (...)` query per `batch` keys),
    /// through the identity map.
    pub(crate) fn load_where<M: Model>(
        &mut self,
        column: &'static str,
        keys: &[Value<'static>],
        batch: usize,
        order: Option<(&'static str, bool)>,
    ) -> Result<Vec<Obj<M>>> {
        self.prepare_query()?;
        let fields: Vec<&'static str> = M::FIELDS.iter().map(|f| f.column).collect();
        let mut found = Vec::new();
        for chunk in keys.chunks(batch.max(1)) {
            let rows: Vec<Vec<Value<'static>>> = chunk.iter().map(|k| vec![k.clone()]).collect();
            let mut select = crate::query::DynSelect::<M::Table>::new(
                fields.clone(),
                crate::query::DynFilter::<M::Table>::new(vec![column], rows),
            );
            if let Some((by, descending)) = order {
                select = select.order_by(by, descending);
            }
            let loaded: Vec<Vec<Value<'static>>> =
                crate::conn::RunQueryDsl::load(select, &mut *self.conn)?;
            for values in loaded {
                found.push(self.register_loaded(M::from_values(values)?, false)?);
            }
        }
        Ok(found)
    }

    /// `(fp, ft)` pairs of association table `A` whose `fp` is one of `keys`.
    pub(crate) fn association_rows<A: crate::schema::Table>(
        &mut self,
        fp: &'static str,
        ft: &'static str,
        keys: &[Value<'static>],
        batch: usize,
    ) -> Result<Vec<(Value<'static>, Value<'static>)>> {
        self.prepare_query()?;
        let mut pairs = Vec::new();
        for chunk in keys.chunks(batch.max(1)) {
            let rows: Vec<Vec<Value<'static>>> = chunk.iter().map(|k| vec![k.clone()]).collect();
            let select = crate::query::DynSelect::<A>::new(
                vec![fp, ft],
                crate::query::DynFilter::<A>::new(vec![fp], rows),
            );
            let loaded: Vec<Vec<Value<'static>>> =
                crate::conn::RunQueryDsl::load(select, &mut *self.conn)?;
            for mut row in loaded {
                let t = row.pop().unwrap_or(Value::Null);
                let p = row.pop().unwrap_or(Value::Null);
                pairs.push((p, t));
            }
        }
        Ok(pairs)
    }

    /// Relates `parent` and `target` through the many-to-many `relation`: the association row
    /// is inserted at flush (after both objects, whose keys may be generated then), and the
    /// parent's loaded collection gets the target.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] when an object is not in this session.
    pub fn link<R: super::relation::Association>(
        &mut self,
        parent: &Obj<R::From>,
        relation: R,
        target: &Obj<R::To>,
    ) -> Result<()> {
        self.associate::<R>(parent, target, true)?;
        if let Some(targets) = relation.collection(&mut parent.borrow_mut()).get_mut()
            && !targets.iter().any(|t| t.ptr_eq(target))
        {
            targets.push(target.clone());
        }
        Ok(())
    }

    /// Undoes [`link`](Self::link): the association row is deleted at flush.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] when an object is not in this session.
    pub fn unlink<R: super::relation::Association>(
        &mut self,
        parent: &Obj<R::From>,
        relation: R,
        target: &Obj<R::To>,
    ) -> Result<()> {
        self.associate::<R>(parent, target, false)?;
        if let Some(targets) = relation.collection(&mut parent.borrow_mut()).get_mut() {
            targets.retain(|t| !t.ptr_eq(target));
        }
        Ok(())
    }

    fn associate<R: super::relation::Association>(
        &mut self,
        parent: &Obj<R::From>,
        target: &Obj<R::To>,
        insert: bool,
    ) -> Result<()> {
        let [fp, ft] = R::COLUMNS;
        let op = AssociationOp {
            kind: TypeId::of::<R>(),
            insert,
            parent: self.entry_index(parent.addr())?,
            parent_field: super::relation::field_index::<R::From>(R::PARENT_KEY)?,
            target: self.entry_index(target.addr())?,
            target_field: super::relation::field_index::<R::To>(R::TARGET_KEY)?,
            run: association_statement::<C, R::Table>,
            columns: [fp, ft],
        };
        self.associations.push(op);
        Ok(())
    }

    /// The related objects of `from` along `relation`, loading them (one query) unless
    /// already loaded, and caching them in the relationship field. Explicit lazy loading:
    /// nothing is ever loaded by just reading a field.
    ///
    /// # Errors
    /// The database's error.
    pub fn related<R: super::relation::Relation>(
        &mut self,
        from: &Obj<R::From>,
        relation: R,
    ) -> Result<Vec<Obj<R::To>>> {
        match relation.cached(from) {
            Some(cached) => Ok(cached),
            None => relation.load(self, std::slice::from_ref(from)),
        }
    }

    /// Adds the new object `child` to `parent`'s one-to-many `relation`: its foreign key takes
    /// the parent's key at flush (also a key generated then), the parent's loaded collection
    /// gets it, and so does the back reference if the relation names one. Returns the child's
    /// handle.
    ///
    /// # Errors
    /// As [`Session::set_parent`].
    pub fn append<P, Ch, F>(
        &mut self,
        parent: &Obj<P>,
        relation: super::relation::HasMany<P, Ch, F>,
        child: Ch,
    ) -> Result<Obj<Ch>>
    where
        P: Model,
        Ch: Model,
        F: crate::schema::ForeignKeyBetween<Ch::Table, P::Table>,
    {
        let child = self.add(child);
        self.attach(parent, relation, &child)?;
        Ok(child)
    }

    /// Relates two objects already in the session along `relation`, from either side:
    /// `attach(&user, User::posts(), &post)` or `attach(&post, Post::author(), &user)`. The
    /// child's foreign key takes the parent's key at flush (also one generated then), and
    /// both directions follow in memory: the child's reference, the parent's loaded
    /// collection (taking the child out of its previous parent's), as far as the
    /// relationship names them (`back_populates`).
    ///
    /// # Errors
    /// As [`Session::set_parent`].
    pub fn attach<R: super::attach::Attach>(
        &mut self,
        from: &Obj<R::From>,
        relation: R,
        to: &Obj<R::To>,
    ) -> Result<()> {
        relation.attach(self, from, to)
    }

    /// Takes `child` out of `parent`'s one-to-many `relation`: at the next flush its foreign
    /// key becomes NULL, or it is deleted, as the relationship's
    /// [`orphans`](super::HasMany::orphans) policy says.
    ///
    /// # Errors
    /// [`ErrorKind::Conversion`] when `Orphans::Nullify` meets a foreign key that cannot be
    /// NULL (nothing is changed then).
    pub fn remove<P, Ch, F>(
        &mut self,
        parent: &Obj<P>,
        relation: super::relation::HasMany<P, Ch, F>,
        child: &Obj<Ch>,
    ) -> Result<()>
    where
        P: Model,
        Ch: Model,
        F: crate::schema::ForeignKeyBetween<Ch::Table, P::Table>,
    {
        self.orphan(child, <F as crate::schema::Column>::NAME, relation.orphans)?;
        if let Some(children) = (relation.field)(&mut parent.borrow_mut()).get_mut() {
            children.retain(|c| !c.ptr_eq(child));
        }
        if let Some(back) = relation.back {
            (back)(&mut child.borrow_mut()).set(None);
        }
        Ok(())
    }

    /// Deletes `parent` and, through `relation`, its children: deleted too (a cascade), or
    /// detached with their foreign key NULL, as the relationship's
    /// [`orphans`](super::HasMany::orphans) policy says. The children are loaded first if
    /// needed (one query).
    ///
    /// # Errors
    /// The database's error while loading the children; as [`Session::remove`] (a NOT NULL
    /// foreign key fails to detach, and nothing is changed).
    pub fn delete_with<P, Ch, F>(
        &mut self,
        parent: &Obj<P>,
        relation: super::relation::HasMany<P, Ch, F>,
    ) -> Result<()>
    where
        P: Model,
        Ch: Model,
        F: crate::schema::ForeignKeyBetween<Ch::Table, P::Table>,
    {
        let children = self.related(parent, relation)?;
        for child in &children {
            self.orphan(child, <F as crate::schema::Column>::NAME, relation.orphans)?;
        }
        self.delete(parent);
        Ok(())
    }

    fn orphan<Ch: Model>(
        &mut self,
        child: &Obj<Ch>,
        fk: &str,
        orphans: super::relation::Orphans,
    ) -> Result<()> {
        match orphans {
            super::relation::Orphans::Delete => self.delete(child),
            super::relation::Orphans::Nullify => {
                let index = super::relation::field_index::<Ch>(fk)?;
                child.borrow_mut().set_field(index, Value::Null).map_err(|e| {
                    e.context(format!(
                        "cannot detach {}: its foreign key `{fk}` is NOT NULL",
                        super::relation::short_type_name::<Ch>()
                    ))
                })?;
            }
        }
        // No pending link may put the key back at flush.
        self.links.retain(|l| self.by_addr.get(&child.addr()) != Some(&l.child));
        Ok(())
    }

    pub(crate) fn is_new<M: Model>(&self, obj: &Obj<M>) -> bool {
        self.by_addr
            .get(&obj.addr())
            .and_then(|i| self.entries[*i].as_ref())
            .is_some_and(|e| e.state == State::New)
    }

    /// A typed query for objects of `M`: `session.query::<User>().filter(...).all()`.
    pub fn query<M: Model>(
        &mut self,
    ) -> SessionQuery<
        '_,
        'c,
        M,
        C,
        SelectStatement<M::Table, SelectClause<M::Columns, M::ColumnsIndex>>,
    > {
        let statement = SelectStatement::new(M::Table::default()).select_proved(M::columns());
        SessionQuery::new(self, statement)
    }

    /// Room for `n` more objects, before registering many.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.entries.reserve(n);
        self.identity.reserve(n);
        self.by_addr.reserve(n);
    }

    /// Registers a loaded row in the identity map: the existing object for its key (left as
    /// it is unless `overwrite` or expired), or a new persistent one.
    pub(crate) fn register_loaded<M: Model>(
        &mut self,
        model: M,
        overwrite: bool,
    ) -> Result<Obj<M>> {
        let values = model.values();
        let identity = Key::of_row(TypeId::of::<M>(), M::Table::def(), M::FIELDS, &values)?;
        if let Some(i) = self.identity.get(&identity).copied() {
            let entry = self.entries[i].as_mut().expect("indexed entry");
            let obj = handle::<M, C>(&entry.obj);
            if overwrite || entry.expired {
                *obj.borrow_mut() = model;
                entry.snapshot = values;
                entry.expired = false;
            }
            return Ok(obj);
        }
        let obj = Obj::new(model);
        let i = self.push(obj.0.clone(), State::Persistent, values);
        self.identity.insert(identity, i);
        Ok(obj)
    }

    fn push(
        &mut self,
        obj: Rc<dyn Tracked<C>>,
        state: State,
        snapshot: Vec<Value<'static>>,
    ) -> usize {
        self.order += 1;
        let addr = obj.addr();
        self.entries.push(Some(Entry {
            obj,
            state,
            snapshot,
            expired: false,
            order: self.order,
            fresh: false,
        }));
        let i = self.entries.len() - 1;
        self.by_addr.insert(addr, i);
        i
    }

    fn forget(&mut self, i: usize) {
        if let Some(entry) = self.entries[i].take() {
            self.by_addr.remove(&entry.obj.addr());
            self.identity.retain(|_, v| *v != i);
        }
    }

    fn identity_of(&self, entry: &Entry<C>) -> Result<Key> {
        let values =
            if entry.snapshot.is_empty() { entry.obj.values() } else { entry.snapshot.clone() };
        Key::of_row(entry.obj.model(), entry.obj.table(), entry.obj.fields(), &values)
    }

    fn reload(&mut self, i: usize) -> Result<()> {
        self.begin()?;
        let entry = self.entries[i].as_ref().expect("indexed entry");
        let indices = key_indices(entry.obj.table(), entry.obj.fields())?;
        let key = key_of(&entry.snapshot, &indices);
        let columns = entry.obj.table().primary_key.to_vec();
        let row = entry.obj.select_row(self.conn, DynFilterParts { columns, rows: vec![key] })?;
        let values = row
            .ok_or_else(|| Error::new(ErrorKind::NotFound, "the object's row no longer exists"))?;
        for (f, v) in values.into_iter().enumerate() {
            entry.obj.set_field(f, v)?;
        }
        let entry = self.entries[i].as_mut().expect("indexed entry");
        // The snapshot in the model's own representation (the driver may widen integers).
        entry.snapshot = entry.obj.values();
        entry.expired = false;
        Ok(())
    }

    /// Before a query: autoflush, and make sure the session's transaction is open.
    pub(crate) fn prepare_query(&mut self) -> Result<()> {
        if self.autoflush {
            self.flush()?;
        }
        self.begin()
    }

    /// Begins the session's transaction if none is open.
    fn begin(&mut self) -> Result<()> {
        if !self.began && self.conn.transaction_depth() == 0 {
            self.conn.batch_execute("BEGIN")?;
            self.conn.set_transaction_depth(1);
            self.began = true;
        }
        Ok(())
    }

    /// Writes every pending change: INSERTs (parents first, in the order objects were added,
    /// same-shape rows in one statement, generated keys read back; rows that reference each
    /// other are written with a NULL foreign key that an UPDATE completes), UPDATEs of changed
    /// columns only, DELETEs (children first). Runs in a savepoint: on failure nothing is
    /// written and every object and the session's pending state are as before the flush.
    ///
    /// # Errors
    /// The first failing statement's error, naming the object; [`ErrorKind::StaleData`] when
    /// an UPDATE or DELETE finds its row changed or gone.
    pub fn flush(&mut self) -> Result<()> {
        // Children of parents whose keys are known already get them now, so that the change
        // shows in the plan (a persistent child moved to another parent is an UPDATE).
        let link_saves: Vec<(usize, Vec<Value<'static>>)> = self
            .links
            .iter()
            .filter_map(|l| self.entries[l.child].as_ref().map(|e| (l.child, e.obj.values())))
            .collect();
        apply_links(&self.entries, &self.links)?;
        let plan = match self.plan() {
            Ok(plan) => plan,
            Err(e) => {
                restore(&self.entries, link_saves);
                return Err(e);
            }
        };
        if plan.is_empty() && self.associations.is_empty() {
            return Ok(());
        }
        let summary = FlushSummary {
            inserts: plan.inserts.len(),
            updates: plan.updates.len(),
            deletes: plan.deletes.len(),
        };
        for hook in &mut self.before_flush {
            hook(&summary);
        }
        self.begin()?;
        // Everything a failed flush must put back.
        let mut saved: Vec<(usize, Vec<Value<'static>>)> = plan
            .inserts
            .iter()
            .chain(plan.updates.iter().map(|(i, _)| i))
            .map(|i| (*i, self.entries[*i].as_ref().expect("entry").obj.values()))
            .collect();
        // Link values applied above are undone too (they were taken before applying).
        saved.extend(link_saves);
        let entries = &self.entries;
        let links = &self.links;
        let associations = &self.associations;
        let result =
            self.conn.transaction(|conn| run_plan(conn, entries, links, associations, &plan));
        match result {
            Ok(()) => {
                for i in &plan.inserts {
                    let entry = self.entries[*i].as_mut().expect("entry");
                    entry.state = State::Persistent;
                    entry.snapshot = entry.obj.values();
                    entry.fresh = self.began;
                    entry.obj.after_insert();
                }
                for i in &plan.inserts {
                    let key = self.identity_of(self.entries[*i].as_ref().expect("entry"))?;
                    self.identity.insert(key, *i);
                }
                for (i, _) in &plan.updates {
                    let entry = self.entries[*i].as_mut().expect("entry");
                    entry.snapshot = entry.obj.values();
                    entry.obj.after_update();
                }
                for i in &plan.deletes {
                    self.entries[*i].as_ref().expect("entry").obj.after_delete();
                    self.forget(*i);
                }
                self.associations.clear();
                let entries = &self.entries;
                self.links.retain(|l| {
                    entries[l.child].as_ref().is_some_and(|e| e.state != State::Persistent)
                        && entries[l.parent].is_some()
                });
                for hook in &mut self.after_flush {
                    hook(&summary);
                }
                Ok(())
            }
            Err(e) => {
                // Link saves come last: they hold the state from before links were applied.
                restore(&self.entries, saved);
                Err(e)
            }
        }
    }

    /// Flushes, then commits the session's transaction. Loaded objects are expired (see
    /// [`set_expire_on_commit`](Self::set_expire_on_commit)).
    ///
    /// # Errors
    /// The flush's error (nothing is committed), or the database's error on COMMIT;
    /// [`ErrorKind::TransactionAborted`] when a statement failed in the session's transaction
    /// on PostgreSQL (nothing is committed; the transaction is rolled back).
    pub fn commit(&mut self) -> Result<()> {
        self.flush()?;
        if self.began {
            let committed = crate::conn::commit_outermost(self.conn);
            self.conn.set_transaction_depth(0);
            self.began = false;
            if let Err(e) = committed {
                // Nothing of the transaction reached the database.
                self.revert_to_last_commit();
                return Err(e);
            }
            for entry in self.entries.iter_mut().flatten() {
                entry.fresh = false;
            }
        }
        if self.expire_on_commit {
            for entry in self.entries.iter_mut().flatten() {
                entry.expired = entry.state == State::Persistent;
            }
        }
        Ok(())
    }

    /// Rolls back the session's transaction and every change since the last commit: new
    /// objects and objects inserted since are forgotten (their rows are gone), deleted ones
    /// kept, changed ones restored to their last loaded or flushed state and expired. A failed
    /// [`commit`](Self::commit) does the same.
    ///
    /// # Errors
    /// The database's error on ROLLBACK.
    pub fn rollback(&mut self) -> Result<()> {
        let result = if self.began {
            self.began = false;
            self.conn.set_transaction_depth(0);
            self.conn.batch_execute("ROLLBACK")
        } else {
            Ok(())
        };
        self.revert_to_last_commit();
        result
    }

    /// Puts every object back as the last commit left it: new objects and objects inserted
    /// since are forgotten, deleted ones kept, changed ones restored and expired.
    fn revert_to_last_commit(&mut self) {
        let mut forget = Vec::new();
        for (i, slot) in self.entries.iter_mut().enumerate() {
            let Some(entry) = slot else { continue };
            match entry.state {
                _ if entry.fresh => forget.push(i),
                State::New => forget.push(i),
                State::Deleted | State::Persistent => {
                    entry.state = State::Persistent;
                    for (f, v) in entry.snapshot.iter().enumerate() {
                        let _ = entry.obj.set_field(f, v.reborrow());
                    }
                    // Flushed-then-rolled-back changes are gone from the database too.
                    entry.expired = true;
                }
            }
        }
        for i in forget {
            self.forget(i);
        }
    }

    fn plan(&mut self) -> Result<Plan> {
        let mut plan = Plan::default();
        let mut tables: Vec<&'static TableDef> = Vec::new();
        let mut live: Vec<(u64, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.as_ref().map(|e| (e.order, i)))
            .collect();
        live.sort();
        for (_, i) in live {
            let entry = self.entries[i].as_ref().expect("entry");
            let table = entry.obj.table();
            match entry.state {
                State::New => plan.inserts.push(i),
                State::Deleted => plan.deletes.push(i),
                State::Persistent => {
                    let values = entry.obj.values();
                    let changed: Vec<usize> =
                        (0..values.len()).filter(|f| values[*f] != entry.snapshot[*f]).collect();
                    if changed.is_empty() {
                        continue;
                    }
                    plan.updates.push((i, changed));
                }
            }
            if !tables.iter().any(|t| t.name == table.name) {
                tables.push(table);
            }
        }
        // Parents first. Where foreign keys form a cycle between tables, the table order
        // starts it at a table whose foreign keys into the cycle are nullable (if one is): its
        // rows go first with NULL there, completed by an UPDATE once the parents exist.
        let order = MetaData::new(tables).table_order().tables;
        let rank = |i: &usize| {
            let name = self.entries[*i].as_ref().expect("entry").obj.table().name;
            order.iter().position(|t| t.name == name).unwrap_or(0)
        };
        // Stable sorts keep the order of adding within a table.
        plan.inserts.sort_by_key(rank);
        plan.updates.sort_by_key(|(i, _)| rank(i));
        plan.deletes.sort_by_key(|i| std::cmp::Reverse(rank(i)));
        Ok(plan)
    }
}

#[derive(Default)]
struct Plan {
    inserts: Vec<usize>,
    updates: Vec<(usize, Vec<usize>)>,
    deletes: Vec<usize>,
}

impl Plan {
    fn is_empty(&self) -> bool {
        self.inserts.is_empty() && self.updates.is_empty() && self.deletes.is_empty()
    }
}

fn describe<C: Connection>(entry: &Entry<C>) -> String {
    let values =
        if entry.snapshot.is_empty() { entry.obj.values() } else { entry.snapshot.clone() };
    let key = key_indices(entry.obj.table(), entry.obj.fields())
        .map(|k| key_of(&values, &k))
        .unwrap_or_default();
    format!("{} {:?}", entry.obj.model_name(), key)
}

fn restore<C: Connection>(entries: &[Option<Entry<C>>], saved: Vec<(usize, Vec<Value<'static>>)>) {
    for (i, values) in saved {
        if let Some(entry) = entries[i].as_ref() {
            for (f, v) in values.into_iter().enumerate() {
                let _ = entry.obj.set_field(f, v);
            }
        }
    }
}

/// Copies parents' key values into their children's foreign-key fields, where known.
fn apply_links<C: Connection>(entries: &[Option<Entry<C>>], links: &[Link]) -> Result<()> {
    for link in links {
        let (Some(child), Some(parent)) =
            (entries[link.child].as_ref(), entries[link.parent].as_ref())
        else {
            continue;
        };
        let value = parent.obj.values().swap_remove(link.parent_field);
        if value != Value::Null && child.obj.values()[link.child_field] != value {
            child.obj.set_field(link.child_field, value)?;
        }
    }
    Ok(())
}

fn run_plan<C: Connection>(
    conn: &mut C,
    entries: &[Option<Entry<C>>],
    links: &[Link],
    associations: &[AssociationOp<C>],
    plan: &Plan,
) -> Result<()> {
    let entry = |i: &usize| entries[*i].as_ref().expect("entry");
    let mut links_of: HashMap<usize, Vec<&Link>> = HashMap::default();
    for link in links {
        links_of.entry(link.child).or_default().push(link);
    }
    // Links whose parent had no key yet when the child was inserted: a cycle (two rows that
    // reference each other). The child is written first with the foreign key it has (NULL),
    // then updated once the parent exists.
    let mut deferred: Vec<&Link> = Vec::new();
    // INSERTs: consecutive objects of one table with the same provided columns share one
    // multi-row statement.
    let mut i = 0;
    // The object whose `before_insert` hook already ran: it ended the previous statement.
    let mut hooked = None;
    // Which fields an INSERT provides: all but generated ones left NULL.
    let provided = |fields: &[FieldDef], values: &[Value<'static>]| -> Vec<bool> {
        fields.iter().zip(values).map(|(f, v)| !(f.generated && *v == Value::Null)).collect()
    };
    while i < plan.inserts.len() {
        // Parents inserted so far have their generated keys: pass them to their children.
        apply_links(entries, links)?;
        let first = entry(&plan.inserts[i]);
        if hooked != Some(plan.inserts[i]) {
            first.obj.before_insert();
        }
        let fields = first.obj.fields();
        // Each object's values are read once, after its hook, for its shape and its row.
        let first_values = first.obj.values();
        let shape = provided(fields, &first_values);
        let mut group = vec![(plan.inserts[i], first_values)];
        let mut in_group: foldhash::HashSet<usize> = foldhash::HashSet::default();
        in_group.insert(plan.inserts[i]);
        let mut j = i + 1;
        while j < plan.inserts.len() {
            let e = entry(&plan.inserts[j]);
            if e.obj.model() != first.obj.model() {
                break;
            }
            // A child whose parent is in this very statement (a self-referential table) needs
            // the parent's generated key first: it starts the next statement.
            let candidate = plan.inserts[j];
            let own_links = links_of.get(&candidate).map_or(&[][..], Vec::as_slice);
            if own_links.iter().any(|l| in_group.contains(&l.parent)) {
                break;
            }
            e.obj.before_insert();
            hooked = Some(candidate);
            let values = e.obj.values();
            if provided(fields, &values) != shape {
                break;
            }
            group.push((candidate, values));
            in_group.insert(candidate);
            j += 1;
        }
        for (child, _) in &group {
            for link in links_of.get(child).into_iter().flatten() {
                let parent = entries[link.parent].as_ref();
                if parent.is_some_and(|p| p.obj.values()[link.parent_field] == Value::Null) {
                    deferred.push(link);
                }
            }
        }
        let columns: Vec<&'static str> =
            fields.iter().zip(&shape).filter(|(_, p)| **p).map(|(f, _)| f.column).collect();
        let returning: Vec<&'static str> =
            fields.iter().zip(&shape).filter(|(_, p)| !**p).map(|(f, _)| f.column).collect();
        let (group, rows): (Vec<usize>, Vec<Vec<Value<'static>>>) = group
            .into_iter()
            .map(|(g, values)| {
                let row = values.into_iter().zip(&shape).filter(|(_, p)| **p).map(|(v, _)| v);
                (g, row.collect())
            })
            .unzip();
        let returned = first
            .obj
            .insert_rows(conn, columns, rows, returning.clone())
            .map_err(|e| e.context(format!("flushing new {}", describe(first))))?;
        if !returning.is_empty() {
            let returned_fields: Vec<usize> = (0..fields.len()).filter(|f| !shape[*f]).collect();
            for (g, row) in group.iter().zip(returned) {
                let e = entry(g);
                for (f, value) in returned_fields.iter().zip(row) {
                    e.obj.set_field(*f, value)?;
                }
            }
        }
        i = j;
    }
    if !deferred.is_empty() {
        apply_links(entries, links)?;
        for link in deferred {
            let e = entry(&link.child);
            let values = e.obj.values();
            let key = key_of(&values, &key_indices(e.obj.table(), e.obj.fields())?);
            let column = e.obj.fields()[link.child_field].column;
            let set = DynSetParts {
                assignments: vec![(column, values[link.child_field].clone())],
                increment: None,
            };
            let filter =
                DynFilterParts { columns: e.obj.table().primary_key.to_vec(), rows: vec![key] };
            e.obj.update_row(conn, set, filter).map_err(|err| {
                err.context(format!("completing the reference cycle of {}", describe(e)))
            })?;
        }
    }
    // UPDATEs of the changed columns, by the key as loaded; same shapes reuse one prepared
    // statement. A version column is checked and incremented.
    for (i, _) in &plan.updates {
        let e = entry(i);
        e.obj.before_update();
        let values = e.obj.values();
        let fields = e.obj.fields();
        let changed: Vec<usize> =
            (0..values.len()).filter(|f| values[*f] != e.snapshot[*f]).collect();
        if changed.is_empty() {
            continue;
        }
        let version = fields.iter().position(|f| f.version);
        let mut key_columns: Vec<&'static str> = e.obj.table().primary_key.to_vec();
        let indices = key_indices(e.obj.table(), fields)?;
        let mut key = key_of(&e.snapshot, &indices);
        if let Some(v) = version {
            key_columns.push(fields[v].column);
            key.push(e.snapshot[v].clone());
        }
        let set = DynSetParts {
            assignments: changed
                .iter()
                .filter(|f| Some(**f) != version)
                .map(|f| (fields[*f].column, values[*f].clone()))
                .collect(),
            increment: version.map(|v| fields[v].column),
        };
        let rows = e
            .obj
            .update_row(conn, set, DynFilterParts { columns: key_columns, rows: vec![key] })
            .map_err(|err| err.context(format!("flushing changes of {}", describe(e))))?;
        if rows != 1 {
            return Err(Error::new(
                ErrorKind::StaleData,
                format!(
                    "{} was changed or deleted by someone else (UPDATE matched {rows} rows)",
                    describe(e)
                ),
            ));
        }
        if let Some(v) = version {
            let next = match &e.snapshot[v] {
                Value::I16(n) => Value::I16(n + 1),
                Value::I32(n) => Value::I32(n + 1),
                Value::I64(n) => Value::I64(n + 1),
                other => other.clone(),
            };
            e.obj.set_field(v, next)?;
        }
    }
    // Association rows (many-to-many), once both sides exist; consecutive rows of one
    // relationship share a statement.
    let mut a = 0;
    while a < associations.len() {
        let first = &associations[a];
        let mut rows = Vec::new();
        while a < associations.len()
            && associations[a].kind == first.kind
            && associations[a].insert == first.insert
        {
            let op = &associations[a];
            let (Some(p), Some(t)) = (entries[op.parent].as_ref(), entries[op.target].as_ref())
            else {
                a += 1;
                continue;
            };
            rows.push(vec![
                p.obj.values().swap_remove(op.parent_field),
                t.obj.values().swap_remove(op.target_field),
            ]);
            a += 1;
        }
        if !rows.is_empty() {
            (first.run)(conn, first.insert, first.columns, rows)
                .map_err(|e| e.context("writing many-to-many association rows"))?;
        }
    }
    // DELETEs, children first; one statement per table (per object with a version column).
    let mut k = 0;
    while k < plan.deletes.len() {
        let first = entry(&plan.deletes[k]);
        let table = first.obj.table().name;
        let mut group = Vec::new();
        while k < plan.deletes.len() && entry(&plan.deletes[k]).obj.table().name == table {
            group.push(plan.deletes[k]);
            k += 1;
        }
        let fields = first.obj.fields();
        let version = fields.iter().position(|f| f.version);
        let indices = key_indices(first.obj.table(), fields)?;
        let mut columns = first.obj.table().primary_key.to_vec();
        if let Some(v) = version {
            columns.push(fields[v].column);
        }
        let batches: Vec<Vec<usize>> =
            if version.is_some() { group.iter().map(|g| vec![*g]).collect() } else { vec![group] };
        for batch in batches {
            let rows: Vec<Vec<Value<'static>>> = batch
                .iter()
                .map(|g| {
                    let e = entry(g);
                    e.obj.before_delete();
                    let mut key = key_of(&e.snapshot, &indices);
                    if let Some(v) = version {
                        key.push(e.snapshot[v].clone());
                    }
                    key
                })
                .collect();
            let expected = rows.len();
            let deleted = first
                .obj
                .delete_rows(conn, DynFilterParts { columns: columns.clone(), rows })
                .map_err(|err| err.context(format!("deleting {}", describe(entry(&batch[0])))))?;
            if deleted != expected {
                return Err(Error::new(
                    ErrorKind::StaleData,
                    format!(
                        "{} was changed or deleted by someone else (DELETE matched {deleted} of {expected} rows)",
                        describe(entry(&batch[0]))
                    ),
                ));
            }
        }
    }
    Ok(())
}
