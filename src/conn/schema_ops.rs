//! `create_all` / `drop_all` on a connection.

use super::Connection;
use crate::error::Result;
use crate::schema::{CheckFirst, MetaData};

impl MetaData {
    /// Creates every table (parents first) and its indexes.
    ///
    /// # Errors
    /// The database's error (e.g. the table exists and `check` is [`CheckFirst::No`]), or a
    /// foreign-key cycle.
    pub fn create_all<C: Connection>(&self, conn: &mut C, check: CheckFirst) -> Result<()> {
        for sql in self.create_sql::<C::Dialect>(check)? {
            conn.batch_execute(&sql)?;
        }
        Ok(())
    }

    /// Drops every table (children first).
    ///
    /// # Errors
    /// The database's error (e.g. a table is missing and `check` is [`CheckFirst::No`]).
    pub fn drop_all<C: Connection>(&self, conn: &mut C, check: CheckFirst) -> Result<()> {
        for sql in self.drop_sql::<C::Dialect>(check)? {
            conn.batch_execute(&sql)?;
        }
        Ok(())
    }
}
