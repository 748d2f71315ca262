//! Select lists: an expression or a tuple of expressions valid in a FROM clause.

use crate::expr::ValidIn;

/// A select list for a query over `F`; `RowType` is the SQL row type it produces there
/// (outer joins already applied).
#[diagnostic::on_unimplemented(
    message = "this select list cannot be selected from `{F}`",
    label = "`{Self}` is not a column, an expression, or a tuple of them, valid in this FROM clause",
    note = "a window function such as `row_number()` needs `.over(Window::new()..)`; a Rust value is selected as `literal::<SqlType, _>(value)`"
)]
pub trait SelectableIn<F, I> {
    /// The SQL row type.
    type RowType;
}

impl<E: ValidIn<F, I>, F, I> SelectableIn<F, I> for E {
    type RowType = E::SqlTypeIn;
}

macro_rules! tuple_selectable {
    ($($t:ident $i:ident $n:tt),+) => {
        impl<F, $($t: SelectableIn<F, $i>, $i,)+> SelectableIn<F, ($($i,)+)> for ($($t,)+) {
            type RowType = ($($t::RowType,)+);
        }
    };
}

for_tuples!(tuple_selectable);
