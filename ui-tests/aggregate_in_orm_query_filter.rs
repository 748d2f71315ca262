//! An ORM query's filter is a WHERE condition: no aggregate.
use aludel::orm::{HasMany, Many, ManyToMany, Model, Session};
use aludel::prelude::*;

include!("shared/blog.rs");

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let mut session = Session::new(&mut conn);
    let _ = session.query::<User>().filter(max(users::id).gt(1)).all();
}
