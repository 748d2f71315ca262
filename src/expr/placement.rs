//! Where aggregates and window functions may stand.
//!
//! SQL evaluates a query in phases: FROM/ON and WHERE see single rows, GROUP BY forms the
//! groups, HAVING and the select list see groups (so aggregates), window functions run over
//! the finished rows, and ORDER BY sees the result. An expression's flags
//! ([`Expression::Aggregate`](super::Expression::Aggregate),
//! [`Expression::Window`](super::Expression::Window)) say which phase it needs; each clause
//! requires the flags its phase allows through one of the marker traits below, so the rule is
//! the same wherever the clause appears (select, boxed, subquery, update, delete, ORM query).
//!
//! | clause | aggregates | window functions |
//! |---|---|---|
//! | WHERE, ON, GROUP BY, FILTER (WHERE ..), UPDATE SET, INSERT values, RETURNING | no | no |
//! | an aggregate's argument | no (unless the aggregate is itself windowed) | no |
//! | HAVING | yes | no |
//! | a window's arguments, PARTITION BY, ORDER BY | yes (grouped) | no |
//! | select list, ORDER BY | yes | yes |
//!
//! ```compile_fail
//! use aludel::prelude::*;
//! aludel::table! { users (id) { id -> Integer, age -> Integer, } }
//! // An aggregate condition belongs in HAVING.
//! let q = users::table.filter(count_star().gt(1));
//! ```

use super::SelectFlags;
use typenum::B0;

/// The flag `B0`: "does not contain it". A helper of the placement rules below.
pub trait Absent {}
impl Absent for B0 {}

macro_rules! placement_rules {
    ($(
        $(#[$doc:meta])*
        $name:ident: $flag:ident, $message:literal, $label:literal, $note:literal;
    )*) => {$(
        $(#[$doc])*
        #[diagnostic::on_unimplemented(message = $message, label = $label, note = $note)]
        pub trait $name {}

        #[diagnostic::do_not_recommend]
        impl<E: SelectFlags> $name for E where E::$flag: Absent {}
    )*};
}

placement_rules! {
    /// A WHERE condition: evaluated per row, before grouping.
    NoAggregateInWhere: Aggregate,
        "aggregate functions are not allowed in WHERE",
        "this condition contains an aggregate function",
        "WHERE filters rows before they are grouped; filter groups with `.group_by(..).having(..)`";
    /// A WHERE condition: window functions run after WHERE.
    NoWindowInWhere: Window,
        "window functions are not allowed in WHERE",
        "this condition contains a window function",
        "window functions are computed after WHERE; select the windowed value in a subquery or CTE and filter the outer query";
    /// A join's ON condition: evaluated per pair of rows.
    NoAggregateInOn: Aggregate,
        "aggregate functions are not allowed in a JOIN's ON condition",
        "this join condition contains an aggregate function",
        "join to a subquery or CTE that computes the aggregate, and compare with its column";
    /// A join's ON condition: window functions run after the join.
    NoWindowInOn: Window,
        "window functions are not allowed in a JOIN's ON condition",
        "this join condition contains a window function",
        "join to a subquery or CTE that computes the windowed value, and compare with its column";
    /// A GROUP BY list: it forms the groups aggregates then summarize.
    NoAggregateInGroupBy: Aggregate,
        "aggregate functions are not allowed in GROUP BY",
        "this grouping contains an aggregate function",
        "group by plain columns or expressions of them; aggregate in the select list or HAVING";
    /// A GROUP BY list: window functions run after grouping.
    NoWindowInGroupBy: Window,
        "window functions are not allowed in GROUP BY",
        "this grouping contains a window function",
        "compute the windowed value in a subquery or CTE and group the outer query by its column";
    /// A HAVING condition: window functions run after HAVING.
    NoWindowInHaving: Window,
        "window functions are not allowed in HAVING",
        "this condition contains a window function",
        "window functions are computed after HAVING; filter on the windowed value in an outer query";
    /// The argument of an aggregate function (not windowed).
    NoAggregateInAggregate: Aggregate,
        "aggregate function calls cannot be nested",
        "this aggregate's argument contains another aggregate function",
        "aggregate in two steps (a subquery or CTE), or window the outer aggregate: `sum(sum(x)).over(Window::new())`";
    /// The argument of an aggregate function.
    NoWindowInAggregate: Window,
        "an aggregate function's argument cannot contain a window function",
        "this argument contains a window function",
        "compute the windowed value in a subquery or CTE and aggregate its column in the outer query";
    /// The arguments, PARTITION BY and ORDER BY of a window function.
    NoWindowInWindow: Window,
        "window function calls cannot be nested",
        "this part of a window contains another window function",
        "compute the inner windowed value in a subquery or CTE and use its column in the outer window";
    /// The `FILTER (WHERE ..)` condition of an aggregate: evaluated per row.
    NoAggregateInFilter: Aggregate,
        "aggregate functions are not allowed in an aggregate's FILTER (WHERE ..) condition",
        "this condition contains an aggregate function",
        "FILTER chooses the rows an aggregate sees; it cannot itself aggregate";
    /// The `FILTER (WHERE ..)` condition of an aggregate: evaluated per row.
    NoWindowInFilter: Window,
        "window functions are not allowed in an aggregate's FILTER (WHERE ..) condition",
        "this condition contains a window function",
        "compute the windowed value in a subquery or CTE first";
    /// A RETURNING list: one row out per row written.
    NoAggregateInReturning: Aggregate,
        "aggregate functions are not allowed in RETURNING",
        "RETURNING yields one row per row written",
        "return the rows' columns and aggregate them in a query over the table";
    /// A RETURNING list: window functions need a SELECT.
    NoWindowInReturning: Window,
        "window functions are not allowed in RETURNING",
        "RETURNING yields one row per row written",
        "return the rows' columns and compute the window in a query over the table";
    /// A value assigned by UPDATE SET or written by INSERT: computed per row.
    NoAggregateInAssignment: Aggregate,
        "aggregate functions are not allowed in INSERT values, UPDATE SET or ON CONFLICT DO UPDATE SET",
        "this value contains an aggregate function",
        "compute the aggregate in a scalar subquery: `query.scalar_subquery()`, or in an UPDATE .. FROM a grouped subquery";
    /// A value assigned by UPDATE SET or written by INSERT: computed per row.
    NoWindowInAssignment: Window,
        "window functions are not allowed in INSERT values, UPDATE SET or ON CONFLICT DO UPDATE SET",
        "this value contains a window function",
        "compute the windowed value in a subquery and update FROM it";
}
