//! A connection on loan from the pool.

use super::{Connect, Pool};
use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use std::time::Instant;

/// A connection checked out of an [`Engine`](crate::conn::Engine); it goes back to the pool
/// when dropped.
///
/// It dereferences to the connection, so statements run on `&mut *conn` and
/// `conn.transaction(...)` works as on a plain connection.
///
/// On return the pool resets the connection ([`Connect::reset`]): a transaction left open (a
/// raw `BEGIN`, a statement through the raw driver handle) is rolled back, so the next borrower
/// never inherits it. It closes the connection instead of reusing it when
/// - it is lost (a statement failed with [`ErrorKind::Connection`](crate::ErrorKind) and the
///   driver closed it: [`Connect::is_broken`]), or the reset failed,
/// - [`PooledConnection::discard`] was called,
/// - the thread is panicking (the connection may be in any state),
/// - it is older than [`PoolConfig::max_lifetime`](crate::conn::PoolConfig::max_lifetime),
/// - or `max_size` connections are idle already (it was an overflow connection).
pub struct PooledConnection<C: Connect> {
    conn: Option<C>,
    born: Instant,
    discard: bool,
    pool: Arc<Pool<C>>,
}

impl<C: Connect> PooledConnection<C> {
    pub(super) fn new(conn: C, born: Instant, pool: Arc<Pool<C>>) -> Self {
        PooledConnection { conn: Some(conn), born, discard: false, pool }
    }

    /// Closes this connection when it is returned instead of reusing it: for a connection
    /// left in a state the pool cannot see or reset (a session setting changed, a failure you
    /// do not trust). The next checkout opens a fresh one.
    pub fn discard(&mut self) {
        self.discard = true;
    }

    /// When this connection was opened.
    pub fn opened_at(&self) -> Instant {
        self.born
    }
}

impl<C: Connect> Deref for PooledConnection<C> {
    type Target = C;

    fn deref(&self) -> &C {
        self.conn.as_ref().expect("a pooled connection is present until dropped")
    }
}

impl<C: Connect> DerefMut for PooledConnection<C> {
    fn deref_mut(&mut self) -> &mut C {
        self.conn.as_mut().expect("a pooled connection is present until dropped")
    }
}

impl<C: Connect> std::fmt::Debug for PooledConnection<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PooledConnection")
            .field("connection", &std::any::type_name::<C>())
            .field("age", &self.born.elapsed())
            .field("discard", &self.discard)
            .finish()
    }
}

impl<C: Connect> Drop for PooledConnection<C> {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            self.pool.put_back(conn, self.born, self.discard);
        }
    }
}
