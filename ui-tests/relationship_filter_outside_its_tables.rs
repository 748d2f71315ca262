//! `any`/`has` conditions may only name the related table and the table being queried.

use aludel::orm::{HasMany, Many, Model};
use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
    tags (id) { id -> Integer, label -> Text, }
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

fn main() {
    let posts: HasMany<User, Post, posts::user_id> = HasMany::new(|u| &mut u.posts);
    let _ = users::table.select(users::id).filter(posts.any(tags::label.eq("rust")));
}
