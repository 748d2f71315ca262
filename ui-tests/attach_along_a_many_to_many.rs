//! Many-to-many relationships are written with link/unlink, not attach.
use aludel::orm::{HasMany, Many, ManyToMany, Model, Session};
use aludel::prelude::*;

include!("shared/blog.rs");

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let mut session = Session::new(&mut conn);
    let post = session.add(Post { id: 1, user_id: 1, title: "t".into(), tags: Many::default() });
    let tag = session.add(Tag { id: 1, label: "rust".into() });
    let _ = session.attach(&post, Post::tags(), &tag);
}
