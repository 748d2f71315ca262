//! `IN (list)` and `BETWEEN`.

use super::{Expression, ValidGrouping, ValidIn};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder};
use crate::types::{Bool, Flag, SqlType};

/// `E IN (v1, v2, ...)` or `E NOT IN (...)`, each value a bind parameter.
///
/// An empty list is valid: `IN ()` is written as a false condition and `NOT IN ()` as a
/// true one, since SQL has no empty list.
///
/// A `None` in the list means "is NULL", as in [`eq`](super::ExpressionMethods::eq): SQL's
/// `x IN (1, NULL)` never matches a NULL `x`, and `x NOT IN (1, NULL)` matches nothing at all.
/// So `x.in_([Some(1), None])` is written `((x IN (1)) OR (x IS NULL))` and
/// `x.not_in([Some(1), None])` `((x NOT IN (1)) AND (x IS NOT NULL))`.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { users (id) { id -> Integer, age -> Nullable<Integer>, } }
///
/// let q = users::table.select(users::id).filter(users::age.not_in([Some(30), None]));
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT "users"."id" FROM "users" WHERE (("users"."age" NOT IN (?1)) AND ("users"."age" IS NOT NULL))"#
/// );
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "users"."id" FROM "users" WHERE (("users"."age" NOT IN ($1)) AND ("users"."age" IS NOT NULL))"#
/// );
/// ```
#[derive(Debug, Clone)]
pub struct InList<E, V> {
    expr: E,
    values: Vec<V>,
    negated: bool,
}

impl<E, V> InList<E, V> {
    pub(crate) fn new(expr: E, values: Vec<V>, negated: bool) -> Self {
        InList { expr, values, negated }
    }
}

impl<E: Expression, V: Expression> Expression for InList<E, V> {
    type SqlType = <<E::SqlType as SqlType>::IsNullable as Flag>::Apply<Bool>;
    type Aggregate = E::Aggregate;
    type Plain = E::Plain;
    type Window = E::Window;
}

impl<E: ValidIn<F, I>, V: ValidIn<F, ()>, F, I> ValidIn<F, I> for InList<E, V> {
    type SqlTypeIn = <<E::SqlTypeIn as SqlType>::IsNullable as Flag>::Apply<Bool>;
}

impl<E: ValidGrouping<G, I>, V, G, I> ValidGrouping<G, (I,)> for InList<E, V> {}

impl<E, V> InList<E, V> {
    /// `(expr [NOT] IN (values other than NULL))`, or the empty list's constant.
    fn walk_list<'a, D: Dialect>(&'a self, out: &mut SqlBuilder<'a, D>)
    where
        E: QueryFragment<D>,
        V: QueryFragment<D>,
    {
        let mut values = self.values.iter().filter(|v| !v.is_null_bind()).peekable();
        if values.peek().is_none() {
            out.push_sql(if self.negated { "(1 = 1)" } else { "(1 = 0)" });
            return;
        }
        out.push_sql("(");
        self.expr.walk(out);
        out.push_sql(if self.negated { " NOT IN (" } else { " IN (" });
        for (i, v) in values.enumerate() {
            if i > 0 {
                out.push_sql(", ");
            }
            v.walk(out);
        }
        out.push_sql("))");
    }
}

impl<D: Dialect, E: QueryFragment<D>, V: QueryFragment<D>> QueryFragment<D> for InList<E, V> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        let nulls = self.values.iter().filter(|v| v.is_null_bind()).count();
        if nulls == 0 {
            self.walk_list(out);
            return;
        }
        // `None`s test `IS [NOT] NULL` beside the list of the other values.
        let (join, null_test) =
            if self.negated { (" AND ", " IS NOT NULL)") } else { (" OR ", " IS NULL)") };
        if nulls < self.values.len() {
            out.push_sql("(");
            self.walk_list(out);
            out.push_sql(join);
        }
        out.push_sql("(");
        self.expr.walk(out);
        out.push_sql(null_test);
        if nulls < self.values.len() {
            out.push_sql(")");
        }
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        shape.add(self.values.len() as u64);
        shape.add(u64::from(self.negated));
        for v in &self.values {
            shape.add(u64::from(v.is_null_bind()));
        }
        self.expr.shape(shape) && self.values.iter().all(|v| v.shape(shape))
    }
}

/// `E BETWEEN lo AND hi`.
#[derive(Debug, Clone, Copy)]
pub struct Between<E, Lo, Hi> {
    expr: E,
    low: Lo,
    high: Hi,
}

impl<E, Lo, Hi> Between<E, Lo, Hi> {
    pub(crate) fn new(expr: E, low: Lo, high: Hi) -> Self {
        Between { expr, low, high }
    }
}

impl<E: Expression, Lo: Expression, Hi: Expression> Expression for Between<E, Lo, Hi> {
    type SqlType = <<E::SqlType as SqlType>::IsNullable as Flag>::Apply<Bool>;
    type Aggregate = <E::Aggregate as Flag>::Or<<Lo::Aggregate as Flag>::Or<Hi::Aggregate>>;
    type Plain = <E::Plain as Flag>::Or<<Lo::Plain as Flag>::Or<Hi::Plain>>;
    type Window = <E::Window as Flag>::Or<<Lo::Window as Flag>::Or<Hi::Window>>;
}

impl<E, Lo, Hi, F, IE, IL, IH> ValidIn<F, (IE, IL, IH)> for Between<E, Lo, Hi>
where
    E: ValidIn<F, IE>,
    Lo: ValidIn<F, IL>,
    Hi: ValidIn<F, IH>,
{
    type SqlTypeIn = <<E::SqlTypeIn as SqlType>::IsNullable as Flag>::Apply<Bool>;
}

impl<E, Lo, Hi, G, IE, IL, IH> ValidGrouping<G, (IE, IL, IH)> for Between<E, Lo, Hi>
where
    E: ValidGrouping<G, IE>,
    Lo: ValidGrouping<G, IL>,
    Hi: ValidGrouping<G, IH>,
{
}

impl<D: Dialect, E, Lo, Hi> QueryFragment<D> for Between<E, Lo, Hi>
where
    E: QueryFragment<D>,
    Lo: QueryFragment<D>,
    Hi: QueryFragment<D>,
{
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        out.push_sql("(");
        self.expr.walk(out);
        out.push_sql(" BETWEEN ");
        self.low.walk(out);
        out.push_sql(" AND ");
        self.high.walk(out);
        out.push_sql(")");
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        self.expr.shape(shape) && self.low.shape(shape) && self.high.shape(shape)
    }
}
