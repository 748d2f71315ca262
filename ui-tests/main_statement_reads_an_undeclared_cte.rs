//! A CTE table is usable only inside a statement whose WITH clause declares it.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    #[cte] adults { id -> Integer, name -> Text, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let _ = adults::table.select(adults::name).load::<String>(&mut conn);
}
