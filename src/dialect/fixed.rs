//! Statements boxed for one dialect: written only for that dialect.

use super::{Dialect, SqlBuilder};

/// Dialect `Self` (a connection's, or the one passed to `compile::<Self>()`) can write a query
/// that was boxed for dialect `D`: they are the same dialect.
///
/// A boxed query holds its parts as `dyn QueryFragment<D>`, which can only write SQL for `D`.
/// Its `QueryFragment<Self>` impl asks for this trait instead of requiring `Self = D`, so that
/// running a query boxed for PostgreSQL on a SQLite connection says so in one line, rather
/// than claiming the query "uses a construct" the dialect lacks. The only impl is
/// `D: BoxedFor<D>`, so `into_boxed()` still infers its dialect from the connection.
#[diagnostic::on_unimplemented(
    message = "this query was built for the `{D}` dialect but is run or written for `{Self}`",
    label = "a query boxed for `{D}` cannot run on a `{Self}` connection",
    note = "box the query with `into_boxed::<{Self}>()` (or leave the dialect to be inferred from the connection); unboxed queries work with every dialect"
)]
pub trait BoxedFor<D: Dialect>: Dialect {
    /// The builder for `Self`, seen as the builder for `D` (they are the same type).
    fn builder<'x, 'a>(out: &'x mut SqlBuilder<'a, Self>) -> &'x mut SqlBuilder<'a, D>;
}

impl<D: Dialect> BoxedFor<D> for D {
    #[inline]
    fn builder<'x, 'a>(out: &'x mut SqlBuilder<'a, D>) -> &'x mut SqlBuilder<'a, D> {
        out
    }
}
