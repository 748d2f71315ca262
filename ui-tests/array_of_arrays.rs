//! An array's elements are scalars: `Array<Array<_>>` is refused where it is declared.

use aludel::prelude::*;

aludel::table! {
    grids (id) { id -> Integer, cells -> Array<Array<Integer>>, }
}

fn main() {
    let _ = grids::table.select(grids::cells).compile::<Postgres>();
}
