//! A relationship follows a foreign key from the child's table to the parent's.

use aludel::orm::{HasMany, Many, Model};
use aludel::prelude::*;

aludel::table! {
    users (id) { id -> Integer, name -> Text, }
    teams (id) { id -> Integer, }
    posts (id) {
        id -> Integer,
        #[references(teams::id)] team_id -> Integer,
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
    team_id: i32,
    title: String,
}

fn main() {
    // `posts.team_id` references `teams`, not `users`.
    let _ = HasMany::<User, Post, posts::team_id>::new(|u| &mut u.posts);
}
