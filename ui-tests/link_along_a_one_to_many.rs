//! link/unlink write association rows: only many-to-many relationships have them.
use aludel::orm::{HasMany, Many, ManyToMany, Model, Session};
use aludel::prelude::*;

include!("shared/blog.rs");

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let mut session = Session::new(&mut conn);
    let user = session.add(User { id: 1, name: "ann".into(), posts: Many::default() });
    let post = session.add(Post { id: 1, user_id: 1, title: "t".into(), tags: Many::default() });
    let _ = session.link(&user, User::posts(), &post);
}
