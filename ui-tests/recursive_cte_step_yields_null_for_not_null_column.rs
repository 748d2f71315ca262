//! A recursive CTE column declared NOT NULL cannot be filled by a recursive step that may yield NULL.

use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, email -> Nullable<Text>, age -> Integer, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, score -> Integer, }
}

aludel::table! { #[cte] steps { n -> Integer, label -> Text, } }

fn main() {
    let _ = steps::table.select((steps::n, steps::label)).with_recursive(cte(
        steps::table,
        select((1, "start")).union_all(
            steps::table
                .join(users::table, users::id.eq(steps::n))
                .select((steps::n + 1, users::email))
                .filter(steps::n.lt(3)),
        ),
    ));
}
