//! A query joins along a relationship only from a table it already has.

use aludel::orm::{HasMany, Many, Model, Session};
use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
    comments (id) { id -> Integer, #[references(posts::id)] post_id -> Integer, body -> Text, }
}

#[derive(Debug, Clone, Model)]
#[aludel(table = users)]
struct User {
    id: i32,
    name: String,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = posts)]
struct Post {
    id: i32,
    user_id: i32,
    title: String,
    #[aludel(relation)]
    comments: Many<Comment>,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = comments)]
struct Comment {
    id: i32,
    post_id: i32,
    body: String,
}

impl Post {
    fn comments() -> HasMany<Post, Comment> {
        HasMany::new(|p| &mut p.comments)
    }
}

fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    let mut session = Session::new(&mut conn);
    // Users to comments skips posts: `.join(User::posts()).join(Post::comments())`.
    let _ = session.query::<User>().join(Post::comments()).all();
}
