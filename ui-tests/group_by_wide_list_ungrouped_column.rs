//! Long GROUP BY lists are searched whole: a column outside them is still refused by name.

use aludel::prelude::*;

aludel::table! {
    facts (id) {
        id -> Integer, a -> Integer, b -> Integer, c -> Integer, d -> Integer,
        e -> Integer, f -> Integer, g -> Integer, h -> Integer,
    }
}

fn main() {
    let _ = facts::table
        .group_by((facts::a, facts::b, facts::c, facts::d, facts::e, facts::f, facts::g))
        .select((facts::g, facts::a, facts::h, count_star()));
}
