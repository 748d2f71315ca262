//! New objects of two tables whose foreign keys form a cycle, written in one flush: the row
//! whose foreign key can wait is inserted with NULL and completed by an UPDATE.

use aludel::orm::{BelongsTo, HasMany, Many, Model, One, Session};
use aludel::prelude::*;
use std::sync::{Arc, Mutex};

// The cyclic schema of the DDL tests.
use crate::schema::{cyc_posts, cyc_users};

#[derive(Debug, Clone, Model)]
#[aludel(table = cyc_users)]
struct User {
    #[aludel(generated)]
    id: Option<i32>,
    name: String,
    favorite_post_id: Option<i32>,
    #[aludel(relation)]
    favorite_post: One<Post>,
    #[aludel(relation)]
    posts: Many<Post>,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = cyc_posts)]
struct Post {
    #[aludel(generated)]
    id: Option<i32>,
    user_id: i32,
    title: String,
    #[aludel(relation)]
    author: One<User>,
}

impl User {
    fn new(name: &str) -> Self {
        User {
            id: None,
            name: name.into(),
            favorite_post_id: None,
            favorite_post: Default::default(),
            posts: Default::default(),
        }
    }
    fn favorite_post() -> BelongsTo<User, Post, cyc_users::favorite_post_id> {
        BelongsTo::new(|u| &mut u.favorite_post)
    }
    fn posts() -> HasMany<User, Post, cyc_posts::user_id> {
        HasMany::new(|u| &mut u.posts)
    }
}

impl Post {
    fn new(title: &str) -> Self {
        Post { id: None, user_id: 0, title: title.into(), author: Default::default() }
    }
    fn author() -> BelongsTo<Post, User, cyc_posts::user_id> {
        BelongsTo::new(|p| &mut p.author)
    }
}

fn meta() -> MetaData {
    MetaData::new([cyc_users::table::def(), cyc_posts::table::def()])
}

/// The INSERT and UPDATE statements `conn` runs from now on.
fn record_writes<C: Connection>(conn: &mut C) -> Arc<Mutex<Vec<String>>> {
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = log.clone();
    conn.instrumentation().set_hook(move |e| {
        if e.sql.starts_with("INSERT") || e.sql.starts_with("UPDATE") {
            sink.lock().unwrap().push(e.sql.to_owned());
        }
    });
    log
}

/// Reads both tables back, and checks the relationships load the same rows.
fn assert_linked<C>(conn: &mut C, user: &aludel::orm::Obj<User>, post: &aludel::orm::Obj<Post>)
where
    C: Connection,
    C::Dialect: aludel::dialect::SupportsReturning,
{
    let user_id = user.borrow().id.expect("user key generated");
    let post_id = post.borrow().id.expect("post key generated");
    assert_eq!(user.borrow().favorite_post_id, Some(post_id));
    assert_eq!(post.borrow().user_id, user_id);
    let users: Vec<(i32, String, Option<i32>)> = cyc_users::table
        .select((cyc_users::id, cyc_users::name, cyc_users::favorite_post_id))
        .load(&mut *conn)
        .unwrap();
    assert_eq!(users, [(user_id, "ann".to_owned(), Some(post_id))]);
    let posts: Vec<(i32, i32, String)> = cyc_posts::table
        .select((cyc_posts::id, cyc_posts::user_id, cyc_posts::title))
        .load(&mut *conn)
        .unwrap();
    assert_eq!(posts, [(post_id, user_id, "hello".to_owned())]);

    let mut session = Session::new(&mut *conn);
    let loaded = session.get::<User>(user_id).unwrap().unwrap();
    let favorite = session.related(&loaded, User::favorite_post()).unwrap();
    assert_eq!(favorite.len(), 1);
    assert_eq!(favorite[0].borrow().id, Some(post_id));
    let author = session.related(&favorite[0], Post::author()).unwrap();
    assert!(author[0].ptr_eq(&loaded), "the identity map's user");
}

crate::backend_test!(a_new_user_and_post_referencing_each_other_in_one_flush, |conn| {
    meta().create_all(conn, CheckFirst::No).unwrap();
    let log = record_writes(conn);
    let mut session = Session::new(&mut *conn);
    let user = session.add(User::new("ann"));
    let post = session.append(&user, User::posts(), Post::new("hello")).unwrap();
    session.set_parent(&user, cyc_users::favorite_post_id, &post).unwrap();
    session.commit().unwrap();
    let writes = log.lock().unwrap().clone();
    assert_eq!(
        writes.len(),
        3,
        "insert user (NULL), insert post (-> user), update user: {writes:#?}"
    );
    assert!(writes[0].starts_with(r#"INSERT INTO "cyc_users""#), "{}", writes[0]);
    assert!(writes[1].starts_with(r#"INSERT INTO "cyc_posts""#), "{}", writes[1]);
    assert!(writes[2].starts_with(r#"UPDATE "cyc_users""#), "{}", writes[2]);
    // Nothing is left to write.
    log.lock().unwrap().clear();
    session.flush().unwrap();
    assert!(log.lock().unwrap().is_empty(), "{:#?}", log.lock().unwrap());
    drop(session);
    assert_linked(conn, &user, &post);
});

// The post added first: its foreign key cannot be NULL, so the user is still written first.
crate::backend_test!(the_nullable_side_is_written_first_whatever_the_order_of_adding, |conn| {
    meta().create_all(conn, CheckFirst::No).unwrap();
    let log = record_writes(conn);
    let mut session = Session::new(&mut *conn);
    let post = session.add(Post::new("hello"));
    let user = session.add(User::new("ann"));
    session.set_parent(&post, cyc_posts::user_id, &user).unwrap();
    session.set_parent(&user, cyc_users::favorite_post_id, &post).unwrap();
    session.commit().unwrap();
    let writes = log.lock().unwrap().clone();
    assert_eq!(writes.len(), 3, "{writes:#?}");
    assert!(writes[0].starts_with(r#"INSERT INTO "cyc_users""#), "{}", writes[0]);
    assert!(writes[2].starts_with(r#"UPDATE "cyc_users""#), "{}", writes[2]);
    drop(session);
    assert_linked(conn, &user, &post);
    meta().drop_all(conn, CheckFirst::No).unwrap();
});
