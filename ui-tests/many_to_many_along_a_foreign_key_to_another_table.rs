//! A many-to-many relationship follows the association table's foreign keys to each side.

use aludel::orm::{Many, ManyToMany, Model};
use aludel::prelude::*;

aludel::table! {
    posts (id) { id -> Integer, title -> Text, }
    tags (id) { id -> Integer, name -> Text, }
    post_tags (post_id, tag_id) {
        #[references(posts::id)] post_id -> Integer,
        #[references(tags::id)] tag_id -> Integer,
    }
}

#[derive(Debug, Clone, Model)]
#[aludel(table = posts)]
struct Post {
    id: i32,
    title: String,
    #[aludel(relation)]
    tags: Many<Tag>,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = tags)]
struct Tag {
    id: i32,
    name: String,
}

fn main() {
    // The target side is given the key to the parent's table.
    let _ = ManyToMany::<Post, Tag, post_tags::table, post_tags::post_id, post_tags::post_id>::new(
        |p| &mut p.tags,
    );
}
