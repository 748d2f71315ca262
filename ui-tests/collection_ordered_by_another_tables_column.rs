//! A relationship's collection is ordered by a column of the related table.
use aludel::orm::{HasMany, Many, ManyToMany, Model};
use aludel::prelude::*;

include!("shared/blog.rs");

fn newest_posts() -> HasMany<User, Post> {
    // `users::name` is not a column of the posts.
    HasMany::new(|u: &mut User| &mut u.posts).order_by(users::name.desc())
}

fn main() {
    let _ = newest_posts();
}
