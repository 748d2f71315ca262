//! `Session::get` of a model with a composite primary key takes the whole key as a tuple.

use aludel::orm::{Model, Session};
use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, }
    memberships (user_id, team_id) { user_id -> Integer, team_id -> Integer, role -> Text, }
}

#[derive(Debug, Clone, Model)]
#[aludel(table = users)]
struct User {
    id: i32,
    name: String,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = memberships)]
struct Membership {
    user_id: i32,
    team_id: i32,
    role: String,
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let mut session = Session::new(&mut conn);
    let _ = session.get::<User>(1);
    let _ = session.get::<Membership>(1);
}
