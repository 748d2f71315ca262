//! ON CONFLICT needs the whole composite primary key: one of its columns alone is not a unique
//! constraint.

use aludel::prelude::*;

aludel::table! {
    memberships (user_id, team_id) { user_id -> Integer, team_id -> Integer, role -> Text, }
}

fn main() {
    let _ = insert(memberships::table)
        .values((memberships::user_id.eq(1), memberships::team_id.eq(2), memberships::role.eq("x")))
        .on_conflict(memberships::user_id)
        .do_update(memberships::role.eq(excluded(memberships::role)));
}
