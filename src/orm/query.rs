//! Typed queries that return tracked objects.

use super::handle::Obj;
use super::join::RelationJoin;
use super::model::Model;
use super::session::Session;
use crate::conn::{Connection, RunUnscoped};
use crate::dialect::{QueryFragment, SupportsReturning};
use crate::error::{Error, ErrorKind, Result};
use crate::expr::{ConditionIn, OrderIn};
use crate::query::{
    AsQuery, Inner, LeftOuter, MaybeEmpty, OrderBy, Query, SelectClause, SelectStatement,
    SelectableIn, WhereAnd,
};
use crate::types::FromRow;

/// A query for objects of `M` in a session: filtered and ordered like any typed query,
/// returning tracked objects (the identity map's, for keys already loaded).
pub struct SessionQuery<'s, 'c, M, C: Connection, Q> {
    session: &'s mut Session<'c, C>,
    statement: Q,
    populate_existing: bool,
    // Set by joins, which may repeat an object's row: `all` returns each object once.
    unique: bool,
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
            unique: false,
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
        E: ConditionIn<F, I> + crate::expr::NoAggregateInWhere + crate::expr::NoWindowInWhere,
        W: WhereAnd<E>,
    {
        let statement = self.statement.filter(condition);
        SessionQuery {
            session: self.session,
            statement,
            populate_existing: self.populate_existing,
            unique: self.unique,
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
            unique: self.unique,
            loaders: self.loaders,
            _model: std::marker::PhantomData,
        }
    }

    /// Joins the table(s) of `relation` (a relationship starting from a table already in the
    /// query) with an INNER JOIN along its foreign key, so that `filter` and `order_by` can
    /// use their columns. The objects returned are the query's model, each once even when
    /// several related rows matched. SQLAlchemy's `select(User).join(User.posts)`.
    ///
    /// ```
    /// # use aludel::orm::{HasMany, Many, Model, Session};
    /// # use aludel::prelude::*;
    /// # aludel::table! {
    /// #     users (id) { id -> Integer, name -> Text, }
    /// #     posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
    /// # }
    /// # #[derive(Debug, Clone, Model)]
    /// # #[aludel(table = users)]
    /// # struct User { id: i32, name: String, #[aludel(relation)] posts: Many<Post> }
    /// # #[derive(Debug, Clone, Model)]
    /// # #[aludel(table = posts)]
    /// # struct Post { id: i32, user_id: i32, title: String }
    /// # impl User {
    /// #     fn posts() -> HasMany<User, Post> { HasMany::new(|u| &mut u.posts) }
    /// # }
    /// # fn main() -> aludel::Result<()> {
    /// # let mut conn = SqliteConnection::open("sqlite::memory:")?;
    /// # MetaData::new([users::table::def(), posts::table::def()]).create_all(&mut conn, CheckFirst::No)?;
    /// # insert(users::table).values(vec![(users::id.eq(1), users::name.eq("ann")), (users::id.eq(2), users::name.eq("bob"))]).execute(&mut conn)?;
    /// # insert(posts::table).values(vec![(posts::id.eq(1), posts::user_id.eq(1), posts::title.eq("SQL")), (posts::id.eq(2), posts::user_id.eq(1), posts::title.eq("SQL again"))]).execute(&mut conn)?;
    /// let mut session = Session::new(&mut conn);
    /// // SELECT users.* FROM users INNER JOIN posts ON posts.user_id = users.id
    /// //   WHERE posts.title LIKE ? ORDER BY posts.id
    /// let writers = session
    ///     .query::<User>()
    ///     .join(User::posts())
    ///     .filter(posts::title.like("SQL%"))
    ///     .order_by(posts::id)
    ///     .all()?;
    /// assert_eq!(writers.len(), 1); // ann, once, though two of her posts matched
    /// assert_eq!(writers[0].borrow().name, "ann");
    /// # Ok(())
    /// # }
    /// ```
    // The joined FROM clause is the parameter `J`, bound by `Output = J`, not `R::Output`
    // projected in the signature: a relationship that cannot be joined here then fails once,
    // at the argument, instead of once more at the method name.
    #[allow(clippy::type_complexity)]
    pub fn join<R, I, IS, J>(
        self,
        relation: R,
    ) -> SessionQuery<'s, 'c, M, C, SelectStatement<J, SelectClause<M::Columns, IS>, W, O>>
    where
        R: RelationJoin<F, Inner, I, Output = J>,
        M::Columns: SelectableIn<J, IS>,
    {
        self.join_with(relation)
    }

    /// Like [`join`](Self::join), with LEFT OUTER JOINs: objects without related rows are
    /// kept (their related columns are NULL in `filter`, e.g. `posts::id.is_null()` finds
    /// users without posts).
    #[allow(clippy::type_complexity)]
    pub fn outer_join<R, I, IS, J>(
        self,
        relation: R,
    ) -> SessionQuery<'s, 'c, M, C, SelectStatement<J, SelectClause<M::Columns, IS>, W, O>>
    where
        R: RelationJoin<F, LeftOuter, I, Output = J>,
        M::Columns: SelectableIn<J, IS>,
    {
        self.join_with(relation)
    }

    #[allow(clippy::type_complexity)]
    fn join_with<R, K, I, IS>(
        self,
        relation: R,
    ) -> SessionQuery<'s, 'c, M, C, SelectStatement<R::Output, SelectClause<M::Columns, IS>, W, O>>
    where
        R: RelationJoin<F, K, I>,
    {
        let statement =
            self.statement.extend_from(|from| relation.join_onto(from)).select_proved(M::columns());
        SessionQuery {
            session: self.session,
            statement,
            populate_existing: self.populate_existing,
            unique: true,
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
        R: super::relation::RelationOf<M> + 'static,
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
        relation.write_order(&mut sql, 1);
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
        let rows: Vec<M> = RunUnscoped::load(self.statement, self.session.connection())?;
        self.session.reserve(rows.len());
        let overwrite = self.populate_existing;
        let mut objects = rows
            .into_iter()
            .map(|m| self.session.register_loaded(m, overwrite))
            .collect::<Result<Vec<_>>>()?;
        if self.unique {
            let mut seen = foldhash::HashSet::default();
            objects.retain(|o| seen.insert(o.addr()));
        }
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
