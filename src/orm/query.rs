//! Typed queries that return tracked objects.

use super::handle::Obj;
use super::model::Model;
use super::session::Session;
use crate::conn::{Connection, RunQueryDsl};
use crate::dialect::{QueryFragment, SupportsReturning};
use crate::error::{Error, ErrorKind, Result};
use crate::expr::{ConditionIn, OrderIn};
use crate::query::{AsQuery, MaybeEmpty, OrderBy, Query, SelectStatement, WhereAnd};
use crate::types::FromRow;

/// A query for objects of `M` in a session: filtered and ordered like any typed query,
/// returning tracked objects (the identity map's, for keys already loaded).
pub struct SessionQuery<'s, 'c, M, C: Connection, Q> {
    session: &'s mut Session<'c, C>,
    statement: Q,
    populate_existing: bool,
    loaders: Vec<Loader<'c, M, C>>,
    _model: std::marker::PhantomData<M>,
}

type Loader<'c, M, C> = Box<dyn Fn(&mut Session<'c, C>, &[Obj<M>]) -> Result<()>>;

impl<'s, 'c, M, C: Connection, Q> SessionQuery<'s, 'c, M, C, Q> {
    pub(crate) fn new(session: &'s mut Session<'c, C>, statement: Q) -> Self {
        SessionQuery {
            session,
            statement,
            populate_existing: false,
            loaders: Vec::new(),
            _model: std::marker::PhantomData,
        }
    }

    /// Overwrites already-loaded objects with the rows read (discarding their unflushed
    /// changes); by default they are left as they are.
    pub fn populate_existing(mut self) -> Self {
        self.populate_existing = true;
        self
    }
}

impl<'s, 'c, M: Model, C: Connection, F, S, W, O>
    SessionQuery<'s, 'c, M, C, SelectStatement<F, S, W, O>>
where
    F: crate::schema::QuerySource,
{
    /// Adds a WHERE condition.
    pub fn filter<E, I>(
        self,
        condition: E,
    ) -> SessionQuery<'s, 'c, M, C, SelectStatement<F, S, W::Output, O>>
    where
        E: ConditionIn<F, I>,
        W: WhereAnd<E>,
    {
        let statement = self.statement.filter(condition);
        SessionQuery {
            session: self.session,
            statement,
            populate_existing: self.populate_existing,
            loaders: self.loaders,
            _model: std::marker::PhantomData,
        }
    }

    /// Sets ORDER BY.
    pub fn order_by<O2, I>(
        self,
        order: O2,
    ) -> SessionQuery<'s, 'c, M, C, SelectStatement<F, S, W, OrderBy<O2>>>
    where
        O2: OrderIn<F, I>,
    {
        let statement = self.statement.order_by(order);
        SessionQuery {
            session: self.session,
            statement,
            populate_existing: self.populate_existing,
            loaders: self.loaders,
            _model: std::marker::PhantomData,
        }
    }

    /// `LIMIT n`.
    pub fn limit(mut self, n: i64) -> Self {
        self.statement = self.statement.limit(n);
        self
    }

    /// `OFFSET n`.
    pub fn offset(mut self, n: i64) -> Self {
        self.statement = self.statement.offset(n);
        self
    }
}

impl<'s, 'c, M, C, Q> SessionQuery<'s, 'c, M, C, Q>
where
    M: Model,
    C: Connection,
    C::Dialect: SupportsReturning,
    Q: AsQuery<Query = Q> + Query + QueryFragment<C::Dialect> + MaybeEmpty,
    M: FromRow<Q::SqlType>,
{
    /// Loads `relation` (and what it chains with `.then(...)`) for the objects this query
    /// returns: one `WHERE fk IN (...)` query per relationship (batched), after the main
    /// query. SQLAlchemy's `selectinload`.
    pub fn load<R>(mut self, relation: R) -> Self
    where
        R: super::relation::Relation<From = M> + 'static,
    {
        self.loaders
            .push(Box::new(move |session, objects| relation.load(session, objects).map(|_| ())));
        self
    }

    /// Every matching object with `relation` loaded by the same, single statement: the query
    /// becomes a derived table LEFT OUTER JOINed to the related table(s), and the objects
    /// repeated by the joins are folded back into one each. `relation` is a relationship of
    /// any kind or a chain of them (`User::posts().then(Post::comments())`,
    /// `Comment::post().then(Post::tags())`), any depth. SQLAlchemy's `joinedload`.
    ///
    /// # Errors
    /// The flush's or the database's error; [`ErrorKind::MultipleRows`] when a one-to-one
    /// relationship finds several rows for one object (nothing is then stored on any).
    pub fn all_joined<J>(self, relation: J) -> Result<Vec<Obj<M>>>
    where
        J: super::joined::JoinedLoad<M>,
    {
        use crate::dialect::SqlBuilder;
        self.session.prepare_query()?;
        let mut out = SqlBuilder::<C::Dialect>::new();
        self.statement.walk(&mut out);
        let (inner, binds) = out.finish();
        // Our own rendering of the query, wrapped: `SELECT p.*, j1.*, ... FROM (SELECT q.*,
        // ROW_NUMBER() OVER () AS row FROM (query) AS q) AS p LEFT OUTER JOIN child AS j1 ON
        // j1.fk = p.key ... ORDER BY p.row`. The joins may reorder rows, so the query's own
        // order is kept by numbering its rows as they come and sorting on that at the end.
        // No text here comes from data.
        let parent = "aludel_parent";
        let numbered = "aludel_query";
        let row_number = "aludel_row";
        let mut sql = SqlBuilder::<C::Dialect>::new();
        sql.push_sql("SELECT ");
        for (i, f) in M::FIELDS.iter().enumerate() {
            if i > 0 {
                sql.push_sql(", ");
            }
            sql.push_ident(parent);
            sql.push_sql(".");
            sql.push_ident(f.column);
        }
        relation.write_columns(&mut sql, 1);
        sql.push_sql(" FROM (SELECT ");
        sql.push_ident(numbered);
        sql.push_sql(".*, ROW_NUMBER() OVER () AS ");
        sql.push_ident(row_number);
        sql.push_sql(" FROM (");
        sql.push_sql(&inner);
        sql.push_sql(") AS ");
        sql.push_ident(numbered);
        sql.push_sql(") AS ");
        sql.push_ident(parent);
        relation.write_joins(&mut sql, parent, 1);
        sql.push_sql(" ORDER BY ");
        sql.push_ident(parent);
        sql.push_sql(".");
        sql.push_ident(row_number);
        let (sql, _) = sql.finish();
        let mut rows: Vec<Vec<crate::types::Value<'static>>> = Vec::new();
        self.session
            .connection()
            .query_sql::<crate::types::AnyRow, Vec<crate::types::Value<'static>>>(
                &sql,
                &binds,
                &mut |row| {
                    rows.push(row);
                    Ok(true)
                },
            )?;
        let width = M::FIELDS.len();
        let overwrite = self.populate_existing;
        let mut parents: Vec<Obj<M>> = Vec::new();
        let mut seen: std::collections::HashSet<usize> = std::collections::HashSet::new();
        let mut per_row = Vec::with_capacity(rows.len());
        let mut rest = Vec::with_capacity(rows.len());
        for mut row in rows {
            let tail = row.split_off(width);
            let obj = self.session.register_loaded(M::from_values(row)?, overwrite)?;
            if seen.insert(obj.addr()) {
                parents.push(obj.clone());
            }
            per_row.push(Some(obj));
            rest.push(tail);
        }
        relation.assemble(self.session, &per_row, rest)?;
        for loader in &self.loaders {
            loader(self.session, &parents)?;
        }
        Ok(parents)
    }

    /// Every matching object (flushing pending changes first, when autoflush is on).
    ///
    /// # Errors
    /// The flush's or the database's error.
    pub fn all(self) -> Result<Vec<Obj<M>>> {
        self.session.prepare_query()?;
        let rows: Vec<M> = self.statement.load(self.session.connection())?;
        let overwrite = self.populate_existing;
        let objects = rows
            .into_iter()
            .map(|m| self.session.register_loaded(m, overwrite))
            .collect::<Result<Vec<_>>>()?;
        for loader in &self.loaders {
            loader(self.session, &objects)?;
        }
        Ok(objects)
    }

    /// The first matching object.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] when there is none; the flush's or the database's error.
    pub fn first(self) -> Result<Obj<M>> {
        self.all()?
            .into_iter()
            .next()
            .ok_or_else(|| Error::new(ErrorKind::NotFound, "no matching object"))
    }

    /// Exactly one matching object.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`] or [`ErrorKind::MultipleRows`]; the flush's or the database's
    /// error.
    pub fn one(self) -> Result<Obj<M>> {
        let mut all = self.all()?;
        match all.len() {
            0 => Err(Error::new(ErrorKind::NotFound, "no matching object")),
            1 => Ok(all.remove(0)),
            _ => Err(Error::new(ErrorKind::MultipleRows, "expected one object, found several")),
        }
    }
}
