//! ON CONFLICT needs all the columns of a unique index: `slots::starts` alone is not unique.

use aludel::prelude::*;

aludel::table! {
    #[unique_index(one_booking_per_slot, room, starts)]
    slots (id) { id -> Integer, room -> Text, starts -> Integer, guest -> Text, }
}

fn main() {
    let _ = insert(slots::table)
        .values((slots::room.eq("a"), slots::starts.eq(9), slots::guest.eq("ada")))
        .on_conflict(slots::starts)
        .do_update(slots::guest.eq(excluded(slots::guest)));
}
