//! A relationship's collection is ordered by a column of the related table.

use aludel::orm::{HasMany, Many, Model};
use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
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
    user_id: i32,
    title: String,
}

fn posts() -> HasMany<User, Post> {
    // `users::name` is not a column of the posts.
    HasMany::new(|u: &mut User| &mut u.posts).order_by(users::name.desc())
}

fn main() {
    let _ = posts();
}
