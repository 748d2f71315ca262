//! A model field must have a Rust type that its column's SQL type loads into and binds from.

use aludel::orm::Model;
use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, }
}

#[derive(Model)]
#[aludel(table = users)]
struct User {
    id: i32,
    name: i64,
}

fn main() {}
