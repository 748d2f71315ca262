//! The main statement of a WITH may read the CTEs its WITH clause declares, and no others.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    #[cte] adults { id -> Integer, name -> Text, }
    #[cte] seniors { id -> Integer, name -> Text, }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let _ = seniors::table
        .select(seniors::name)
        .with(cte(adults::table, users::table.select((users::id, users::name)).filter(users::age.ge(18))))
        .load::<String>(&mut conn);
}
