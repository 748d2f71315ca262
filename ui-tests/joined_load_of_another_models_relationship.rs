//! Joined loading follows relationships from the query's own model.
use aludel::orm::{HasMany, Many, ManyToMany, Model, RelationExt, Session};
use aludel::prelude::*;

include!("shared/blog.rs");

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let mut session = Session::new(&mut conn);
    let _ = session.query::<Post>().all_joined(User::posts().then(Post::tags()));
}
