//! ON CONFLICT needs all the columns of a composite UNIQUE constraint: `repos::slug` alone is
//! not unique.

use aludel::prelude::*;

aludel::table! {
    #[unique(owner, slug)]
    repos (id) { id -> Integer, owner -> Text, slug -> Text, stars -> Integer, }
}

fn main() {
    let _ = insert(repos::table)
        .values((repos::owner.eq("ada"), repos::slug.eq("x"), repos::stars.eq(1)))
        .on_conflict(repos::slug)
        .do_nothing();
}
