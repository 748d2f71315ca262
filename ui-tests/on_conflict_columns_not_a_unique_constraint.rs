//! ON CONFLICT with several columns needs them to be a declared composite key or UNIQUE
//! constraint: `(repos::owner, repos::stars)` is not one.

use aludel::prelude::*;

aludel::table! {
    #[unique(owner, slug)]
    repos (id) { id -> Integer, owner -> Text, slug -> Text, stars -> Integer, }
}

fn main() {
    let _ = insert(repos::table)
        .values((repos::owner.eq("ada"), repos::slug.eq("x"), repos::stars.eq(1)))
        .on_conflict((repos::owner, repos::stars))
        .do_update(repos::stars.eq(repos::stars + 1));
}
