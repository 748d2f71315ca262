//! `Session::get` takes a key value, not an `Option`: a NULL key identifies no object.

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
    let id: Option<i32> = Some(1);
    let _ = session.get::<User>(id);
    let _ = session.get::<Membership>((1, 2));
}
