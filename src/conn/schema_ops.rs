//! `create_all` / `drop_all` on a connection.

use super::Connection;
use crate::error::Result;
use crate::schema::{CheckFirst, MetaData};

impl MetaData {
    /// Creates every table (parents first) and its indexes, then adds the foreign keys that
    /// close a cycle between tables where the dialect needs that: the statements of
    /// [`MetaData::create_sql`].
    ///
    /// # Errors
    /// The database's error (e.g. the table exists and `check` is [`CheckFirst::No`]).
    pub fn create_all<C: Connection>(&self, conn: &mut C, check: CheckFirst) -> Result<()> {
        for sql in self.create_sql::<C::Dialect>(check)? {
            conn.batch_execute(&sql)?;
        }
        Ok(())
    }

    /// Drops every table (children first), in one transaction (a savepoint inside the
    /// caller's): the statements of [`MetaData::drop_sql`], which for tables whose foreign
    /// keys form a cycle may defer foreign-key checks to the commit.
    ///
    /// # Errors
    /// The database's error (e.g. a table is missing and `check` is [`CheckFirst::No`]);
    /// nothing is dropped then.
    pub fn drop_all<C: Connection>(&self, conn: &mut C, check: CheckFirst) -> Result<()> {
        let statements = self.drop_sql::<C::Dialect>(check)?;
        conn.transaction(|conn| {
            for sql in &statements {
                conn.batch_execute(sql)?;
            }
            Ok(())
        })
    }
}
