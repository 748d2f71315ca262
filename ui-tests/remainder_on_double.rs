//! The remainder `%` applies only to integer expressions.

use aludel::prelude::*;

aludel::table! {
    accounts (id) { id -> Integer, balance -> Double, }
}

fn main() {
    let _ = accounts::table.select(accounts::balance % 2.0);
}
