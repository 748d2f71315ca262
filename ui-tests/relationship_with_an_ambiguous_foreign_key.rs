//! With several foreign keys between two tables, a relationship names the one it follows.

use aludel::orm::{HasMany, Many, Model};
use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, }
    posts (id) {
        id -> Integer,
        #[references(users::id)] author_id -> Integer,
        #[references(users::id)] editor_id -> Integer,
        title -> Text,
    }
}

#[derive(Debug, Clone, Model)]
#[aludel(table = users)]
struct User {
    id: i32,
    name: String,
    #[aludel(relation)]
    posts: Many<Post>,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = posts)]
struct Post {
    id: i32,
    author_id: i32,
    editor_id: i32,
    title: String,
}

// `HasMany<User, Post, posts::author_id>` compiles; the default cannot choose.
fn posts() -> HasMany<User, Post> {
    HasMany::new(|u| &mut u.posts)
}

fn main() {
    let _ = posts();
}
