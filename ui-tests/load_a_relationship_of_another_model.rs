//! A query loads relationships that start from its own model.
use aludel::orm::{HasMany, Many, ManyToMany, Model, Session};
use aludel::prelude::*;

include!("shared/blog.rs");

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let mut session = Session::new(&mut conn);
    // Users have posts; the tags belong to the posts: `User::posts().then(Post::tags())`.
    let _ = session.query::<User>().load(Post::tags()).all();
}
