//! Output labels: `expr.label("revenue")`, SQL's `expr AS "revenue"`.

use super::{Expression, ValidGrouping, ValidIn};
use crate::dialect::{Dialect, QueryFragment, Shape, SqlBuilder};
use crate::schema::Column;

/// `E AS "name"` in a select list; `E` itself anywhere else.
///
/// A label names a result column: the column of an inline derived table
/// ([`alias`](crate::query::SubqueryDsl::alias)) that the outer query reads with
/// [`Subquery::c`](crate::query::Subquery::c), and the name a row read by name answers to
/// ([`AnyRow`](crate::types::AnyRow)). Keep the labeled expression in a variable to use it again
/// (SQLAlchemy's `label()` object): in ORDER BY it is written out in full, which every database
/// accepts wherever the label itself would be.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { orders (id) { id -> Integer, customer -> Text, total -> Integer, } }
///
/// let spent = sum(orders::total).label("spent");
/// let q = orders::table.group_by(orders::customer).select((orders::customer, spent)).order_by(spent.desc());
/// assert_eq!(
///     q.compile::<Postgres>().sql(),
///     r#"SELECT "orders"."customer", SUM("orders"."total") AS "spent" FROM "orders" GROUP BY "orders"."customer" ORDER BY SUM("orders"."total") DESC"#
/// );
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Labeled<E> {
    expr: E,
    name: &'static str,
}

/// Naming an expression's result column.
pub trait LabelMethods: Expression + Sized {
    /// `self AS "name"` (the name is an identifier, quoted by the dialect).
    fn label(self, name: &'static str) -> Labeled<Self> {
        Labeled { expr: self, name }
    }
}

impl<E: Expression> LabelMethods for E {}

impl<E: Expression> Expression for Labeled<E> {
    type SqlType = E::SqlType;
    type Aggregate = E::Aggregate;
    type Plain = E::Plain;
    type Window = E::Window;
}

impl<E: ValidIn<F, I>, F, I> ValidIn<F, I> for Labeled<E> {
    type SqlTypeIn = E::SqlTypeIn;
}

// Grouped as its expression (GROUP BY names the expression, not the label).
impl<E: ValidGrouping<G, I>, G, I> ValidGrouping<G, I> for Labeled<E> {}

impl<E: QueryFragment<D>, D: Dialect> QueryFragment<D> for Labeled<E> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        self.expr.walk(out);
    }
    fn shape(&self, shape: &mut Shape) -> bool {
        shape.add_name(self.name);
        self.expr.shape(shape)
    }
    fn select_label(&self) -> Option<&'static str> {
        Some(self.name)
    }
}

crate::__impl_arithmetic!([E,] Labeled<E>);

/// A select list item with a name the outer query can read it by: a column (its own name) or a
/// labeled expression.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no name to be read by from outside the subquery",
    label = "only columns and labeled expressions can be read from a derived table",
    note = "name the expression in the subquery's select list with `.label(\"name\")`, and pass that labeled expression here"
)]
pub trait OutputName {
    /// The result column's name.
    fn output_name(&self) -> &'static str;
}

impl<C: Column> OutputName for C {
    fn output_name(&self) -> &'static str {
        C::NAME
    }
}

impl<E> OutputName for Labeled<E> {
    fn output_name(&self) -> &'static str {
        self.name
    }
}
