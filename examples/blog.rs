//! A small blog, end to end through the ORM's relationships: users write posts, posts have
//! comments (each by a user) and tags (many-to-many). Objects are added through their
//! relationships and flushed once, parents first; then loaded back eagerly (select-in and
//! joined), lazily through the session, filtered through relationships, and pruned with
//! delete-orphan and cascade. Every statement is printed: nothing is loaded behind your back.
//!
//! Run with `cargo run --example blog`.

use aludel::orm::{
    BelongsTo, HasMany, Many, ManyToMany, Model, One, Orphans, RelationExt, Session,
};
use aludel::prelude::*;

aludel::table! {
    users (id) {
        id -> Integer,
        #[unique] name -> Text,
    }

    posts (id) {
        id -> Integer,
        #[references(users::id)] user_id -> Integer,
        title -> Text,
    }

    comments (id) {
        id -> Integer,
        #[references(posts::id, on_delete = cascade)] post_id -> Integer,
        #[references(users::id)] user_id -> Integer,
        body -> Text,
    }

    tags (id) {
        id -> Integer,
        #[unique] label -> Text,
    }

    post_tags (post_id, tag_id) {
        #[references(posts::id, on_delete = cascade)] post_id -> Integer,
        #[references(tags::id)] tag_id -> Integer,
    }
}

#[derive(Debug, Clone, Model)]
#[aludel(table = users)]
struct User {
    #[aludel(generated)]
    id: Option<i32>,
    name: String,
    #[aludel(relation)]
    posts: Many<Post>,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = posts)]
struct Post {
    #[aludel(generated)]
    id: Option<i32>,
    user_id: i32,
    title: String,
    #[aludel(relation)]
    author: One<User>,
    #[aludel(relation)]
    comments: Many<Comment>,
    #[aludel(relation)]
    tags: Many<Tag>,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = comments)]
struct Comment {
    #[aludel(generated)]
    id: Option<i32>,
    post_id: i32,
    user_id: i32,
    body: String,
    #[aludel(relation)]
    author: One<User>,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = tags)]
struct Tag {
    #[aludel(generated)]
    id: Option<i32>,
    label: String,
}

// Relationships are declared once, as functions naming the field. Each follows the only
// foreign key between its two tables; with several (a message's sender and recipient), the
// type names the column, as in `BelongsTo<Message, User, messages::sender_id>`.
impl User {
    fn new(name: &str) -> Self {
        User { id: None, name: name.into(), posts: Many::default() }
    }
    fn posts() -> HasMany<User, Post> {
        HasMany::new(|u: &mut User| &mut u.posts).back_populates(|p| &mut p.author)
    }
}

impl Post {
    fn new(title: &str) -> Self {
        Post {
            id: None,
            user_id: 0,
            title: title.into(),
            author: One::default(),
            comments: Many::default(),
            tags: Many::default(),
        }
    }
    fn author() -> BelongsTo<Post, User> {
        BelongsTo::new(|p| &mut p.author)
    }
    // A comment belongs to its post: taken out of it, or left by a deleted post, it goes too.
    fn comments() -> HasMany<Post, Comment> {
        HasMany::new(|p: &mut Post| &mut p.comments).orphans(Orphans::Delete)
    }
    fn tags() -> ManyToMany<Post, Tag, post_tags::table> {
        ManyToMany::new(|p| &mut p.tags)
    }
}

impl Comment {
    fn author() -> BelongsTo<Comment, User> {
        BelongsTo::new(|c| &mut c.author)
    }
}

/// A comment; its foreign keys are filled in at flush from the objects it is attached to.
fn comment(body: &str) -> Comment {
    Comment { id: None, post_id: 0, user_id: 0, body: body.into(), author: One::default() }
}

fn main() -> aludel::Result<()> {
    let mut conn = SqliteConnection::open("sqlite::memory:")?;
    MetaData::new([
        users::table::def(),
        posts::table::def(),
        comments::table::def(),
        tags::table::def(),
        post_tags::table::def(),
    ])
    .create_all(&mut conn, CheckFirst::No)?;
    conn.instrumentation().set_hook(|e| println!("  SQL> {}", e.sql));

    println!("1. two users, their posts, comments and tags: one flush, parents first, batched");
    {
        let mut session = Session::new(&mut conn);
        let ann = session.add(User::new("ann"));
        let bob = session.add(User::new("bob"));
        let [rust, sql] =
            [Tag { id: None, label: "rust".into() }, Tag { id: None, label: "sql".into() }]
                .map(|t| session.add(t));
        let intro = session.append(&ann, User::posts(), Post::new("Hello, aludel"))?;
        let joins = session.append(&ann, User::posts(), Post::new("Joins, explained"))?;
        let _ = session.append(&bob, User::posts(), Post::new("Why SQL"))?;
        session.link(&intro, Post::tags(), &rust)?;
        session.link(&joins, Post::tags(), &rust)?;
        session.link(&joins, Post::tags(), &sql)?;
        for (post, who, body) in
            [(&intro, &bob, "Welcome!"), (&joins, &bob, "Finally."), (&joins, &ann, "Thanks")]
        {
            let c = session.append(post, Post::comments(), comment(body))?;
            session.set_parent(&c, comments::user_id, who)?;
        }
        // The back reference was set in memory by `append`: no query needed.
        let author = intro.borrow().author.get()?.as_ref().map(|u| u.borrow().name.clone());
        println!("   (in memory before flush: the intro's author is {author:?})");
        session.commit()?;
    }

    println!("\n2. users -> posts -> comments -> their authors, select-in: one statement a level");
    let mut session = Session::new(&mut conn);
    let users = session
        .query::<User>()
        .order_by(users::name)
        .load(User::posts().then(Post::comments()).then(Comment::author()))
        .all()?;
    for user in &users {
        let user = user.borrow();
        for post in user.posts.get()? {
            let post = post.borrow();
            let mut by = Vec::new();
            for c in post.comments.get()? {
                // The authors are the same objects as `users` (one identity map).
                by.extend(c.borrow().author.get()?.as_ref().map(|a| a.borrow().name.clone()));
            }
            println!("   {}: {:?}, comments by {by:?}", user.name, post.title);
        }
    }

    println!("\n3. the same graph, joined: one statement, parents de-duplicated");
    let mut fresh = Session::new(session.connection());
    let joined = fresh
        .query::<User>()
        .order_by(users::name)
        .all_joined(User::posts().then(Post::comments()).then(Comment::author()))?;
    let posts: usize = joined.iter().map(|u| u.borrow().posts.get().map_or(0, Vec::len)).sum();
    println!("   {} users, {posts} posts", joined.len());
    drop(fresh);

    println!("\n4. a relationship nobody loaded is an error, not a hidden query");
    let first_post = users[0].borrow().posts.get()?[0].clone();
    match first_post.borrow().tags.get() {
        Err(e) => println!("   tags: {e}"),
        Ok(tags) => println!("   tags: {} (unexpectedly loaded)", tags.len()),
    }
    println!("   ...so load it explicitly, once (the second call is served from memory):");
    let tags = session.related(&first_post, Post::tags())?;
    let again = session.related(&first_post, Post::tags())?;
    println!("   tags: {:?} / {:?}", labels(&tags), labels(&again));

    println!("\n5. filtering through relationships (typed EXISTS subqueries)");
    let commented_by_bob = session
        .query::<Post>()
        .filter(Post::comments().any(comments::user_id.eq(users_id(&users, "bob"))))
        .order_by(posts::id)
        .all()?;
    println!("   posts bob commented on: {:?}", titles(&commented_by_bob));
    let by_ann = session.query::<Post>().filter(Post::author().has(users::name.eq("ann"))).all()?;
    println!("   posts whose author is ann: {:?}", titles(&by_ann));

    println!("\n6. delete-orphan and cascade");
    let joins = by_ann.iter().find(|p| p.borrow().title.starts_with("Joins")).unwrap().clone();
    let comments = session.related(&joins, Post::comments())?;
    session.remove(&joins, Post::comments(), &comments[0])?;
    session.flush()?;
    let intro = by_ann.iter().find(|p| p.borrow().title.starts_with("Hello")).unwrap().clone();
    session.delete_with(&intro, Post::comments())?;
    session.commit()?;
    drop(session);
    let left: Vec<(String, i64)> = posts::table
        .outer_join(comments::table, comments::post_id.eq(posts::id))
        .group_by((posts::id, posts::title))
        .select((posts::title, count(comments::id)))
        .order_by(posts::id)
        .load(&mut conn)?;
    println!("   posts and their comment counts now: {left:?}");
    Ok(())
}

fn users_id(users: &[aludel::orm::Obj<User>], name: &str) -> i32 {
    users.iter().find(|u| u.borrow().name == name).and_then(|u| u.borrow().id).unwrap_or(0)
}

fn labels(tags: &[aludel::orm::Obj<Tag>]) -> Vec<String> {
    tags.iter().map(|t| t.borrow().label.clone()).collect()
}

fn titles(posts: &[aludel::orm::Obj<Post>]) -> Vec<String> {
    posts.iter().map(|p| p.borrow().title.clone()).collect()
}
