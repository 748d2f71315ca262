// Users, posts and tags with their relationships: the schema of several relationship cases.
// Included (not a case itself: only `ui-tests/*.rs` are).

aludel::table! {
    users (id) { id -> Integer, name -> Text, }
    posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
    tags (id) { id -> Integer, label -> Text, }
    post_tags (post_id, tag_id) {
        #[references(posts::id)] post_id -> Integer,
        #[references(tags::id)] tag_id -> Integer,
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
    user_id: i32,
    title: String,
    #[aludel(relation)]
    tags: Many<Tag>,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = tags)]
struct Tag {
    id: i32,
    label: String,
}

impl User {
    fn posts() -> HasMany<User, Post> {
        HasMany::new(|u| &mut u.posts)
    }
}

impl Post {
    fn tags() -> ManyToMany<Post, Tag, post_tags::table> {
        ManyToMany::new(|p| &mut p.tags)
    }
}
