//! Every branch of a CASE has the SQL type of the first branch.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, age -> Integer, }
}

fn main() {
    let _ = users::table.select(case_when(users::age.lt(18), users::name).otherwise(users::age));
}
