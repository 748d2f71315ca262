//! A relationship that names no foreign key follows the one between its tables: there must be
//! one, in the child's table.

use aludel::orm::{BelongsTo, Model, One};
use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, }
    posts (id) { id -> Integer, user_id -> Integer, title -> Text, }
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
    author: One<User>,
}

// `posts.user_id` is not declared `#[references(users::id)]`.
fn author() -> BelongsTo<Post, User> {
    BelongsTo::new(|p| &mut p.author)
}

fn main() {
    let _ = author();
}
