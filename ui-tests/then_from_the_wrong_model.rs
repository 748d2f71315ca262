//! Each `.then(..)` continues from the model the relationship before it leads to.
use aludel::orm::{HasMany, Many, ManyToMany, Model, RelationExt};
use aludel::prelude::*;

include!("shared/blog.rs");

fn main() {
    // Users lead to posts, not to users: `User::posts().then(Post::tags())`.
    let _ = User::posts().then(User::posts());
}
