//! A set of tables, ordered by their foreign keys.

use super::ddl::{create_index_sql, create_table_sql, drop_table_sql};
use super::def::TableDef;
use crate::dialect::Dialect;
use crate::error::{Error, ErrorKind, Result};

/// Whether DDL first checks for existing tables (SQLAlchemy's `checkfirst`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFirst {
    /// `CREATE TABLE IF NOT EXISTS` / `DROP TABLE IF EXISTS`: existing (or missing) tables are
    /// skipped.
    Yes,
    /// Plain `CREATE TABLE` / `DROP TABLE`: an existing (or missing) table is an error.
    No,
}

/// A set of tables, like SQLAlchemy's `MetaData`: creates and drops them in foreign-key order.
///
/// ```
/// use aludel::prelude::*;
/// use aludel::schema::{CheckFirst, MetaData};
/// aludel::table! {
///     users (id) { id -> Integer, }
///     posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, }
/// }
/// fn main() {
///     // Listed child-first, created parent-first.
///     let meta = MetaData::new([posts::table::def(), users::table::def()]);
///     let sql = meta.create_sql::<Sqlite>(CheckFirst::No).unwrap();
///     assert!(sql[0].starts_with(r#"CREATE TABLE "users""#));
///     assert!(meta.drop_sql::<Sqlite>(CheckFirst::Yes).unwrap()[0].contains(r#""posts""#));
/// }
/// ```
#[derive(Debug, Clone, Default)]
pub struct MetaData {
    tables: Vec<&'static TableDef>,
}

impl MetaData {
    /// A set of tables.
    pub fn new(tables: impl IntoIterator<Item = &'static TableDef>) -> Self {
        MetaData { tables: tables.into_iter().collect() }
    }

    /// Adds a table.
    pub fn add(&mut self, table: &'static TableDef) -> &mut Self {
        self.tables.push(table);
        self
    }

    /// The tables, parents before children.
    ///
    /// # Errors
    /// [`ErrorKind::Schema`] for a foreign-key cycle between different tables.
    pub fn sorted_tables(&self) -> Result<Vec<&'static TableDef>> {
        let mut done: Vec<&'static TableDef> = Vec::with_capacity(self.tables.len());
        let mut pending: Vec<&'static TableDef> = self.tables.clone();
        while !pending.is_empty() {
            let before = pending.len();
            pending.retain(|t| {
                let ready = t.referenced_tables().all(|parent| {
                    done.iter().any(|d| d.name == parent)
                        || !self.tables.iter().any(|x| x.name == parent)
                });
                if ready {
                    done.push(t);
                }
                !ready
            });
            if pending.len() == before {
                let names: Vec<_> = pending.iter().map(|t| t.name).collect();
                return Err(Error::new(
                    ErrorKind::Schema,
                    format!("foreign keys form a cycle between tables {names:?}"),
                ));
            }
        }
        Ok(done)
    }

    /// The DDL that creates every table and index, parents first.
    ///
    /// # Errors
    /// As [`MetaData::sorted_tables`].
    pub fn create_sql<D: Dialect>(&self, check: CheckFirst) -> Result<Vec<String>> {
        let guard = check == CheckFirst::Yes;
        let mut out = Vec::new();
        for t in self.sorted_tables()? {
            out.push(create_table_sql::<D>(t, guard));
            out.extend(create_index_sql::<D>(t, guard));
        }
        Ok(out)
    }

    /// The DDL that drops every table, children first.
    ///
    /// # Errors
    /// As [`MetaData::sorted_tables`].
    pub fn drop_sql<D: Dialect>(&self, check: CheckFirst) -> Result<Vec<String>> {
        let guard = check == CheckFirst::Yes;
        Ok(self.sorted_tables()?.into_iter().rev().map(|t| drop_table_sql::<D>(t, guard)).collect())
    }
}
