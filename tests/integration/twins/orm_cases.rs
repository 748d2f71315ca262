//! Twins of the ORM cases: relationships follow a foreign key between their own tables, are
//! used from the model they start at, chain model to model, and are written with the call that
//! fits their kind (`attach` along a foreign key, `link` through association rows). The models
//! are those of `ui-tests/shared/blog.rs`; cases with a schema of their own have a module here
//! with the same schema, corrected as the message asks.

use aludel::orm::{HasMany, Many, ManyToMany, Model, RelationExt, Session};
use aludel::prelude::*;

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

/// Users ann (1) and ben (2); posts one and two of ann, three of ben; post one tagged rust and
/// sql, post two tagged rust.
fn seed<C: Connection>(conn: &mut C) {
    MetaData::new([
        users::table::def(),
        posts::table::def(),
        tags::table::def(),
        post_tags::table::def(),
    ])
    .create_all(conn, CheckFirst::No)
    .unwrap();
    insert(users::table)
        .values(vec![
            (users::id.eq(1), users::name.eq("ann")),
            (users::id.eq(2), users::name.eq("ben")),
        ])
        .execute(conn)
        .unwrap();
    insert(posts::table)
        .values(vec![
            (posts::id.eq(1), posts::user_id.eq(1), posts::title.eq("one")),
            (posts::id.eq(2), posts::user_id.eq(1), posts::title.eq("two")),
            (posts::id.eq(3), posts::user_id.eq(2), posts::title.eq("three")),
        ])
        .execute(conn)
        .unwrap();
    insert(tags::table)
        .values(vec![
            (tags::id.eq(1), tags::label.eq("rust")),
            (tags::id.eq(2), tags::label.eq("sql")),
        ])
        .execute(conn)
        .unwrap();
    insert(post_tags::table)
        .values(vec![
            (post_tags::post_id.eq(1), post_tags::tag_id.eq(1)),
            (post_tags::post_id.eq(1), post_tags::tag_id.eq(2)),
            (post_tags::post_id.eq(2), post_tags::tag_id.eq(1)),
        ])
        .execute(conn)
        .unwrap();
}

/// The labels of a post's loaded tags, sorted.
fn labels(post: &aludel::orm::Obj<Post>) -> Vec<String> {
    let mut labels: Vec<String> =
        post.borrow().tags.get().unwrap().iter().map(|t| t.borrow().label.clone()).collect();
    labels.sort();
    labels
}

crate::backend_test!(attach_along_a_many_to_many, |conn| {
    seed(conn);
    let mut session = Session::new(&mut *conn);
    let post = session.add(Post { id: 4, user_id: 2, title: "t".into(), tags: Many::default() });
    let tag = session.add(Tag { id: 3, label: "orm".into() });
    // A many-to-many relationship writes an association row: link.
    session.link(&post, Post::tags(), &tag).unwrap();
    session.commit().unwrap();
    drop(session);
    let links: Vec<(i32, i32)> = post_tags::table
        .select((post_tags::post_id, post_tags::tag_id))
        .filter(post_tags::post_id.eq(4))
        .load(conn)
        .unwrap();
    assert_eq!(links, [(4, 3)]);
});

crate::backend_test!(link_along_a_one_to_many, |conn| {
    seed(conn);
    let mut session = Session::new(&mut *conn);
    let user = session.add(User { id: 3, name: "cy".into(), posts: Many::default() });
    let post = session.add(Post { id: 4, user_id: 1, title: "t".into(), tags: Many::default() });
    // A one-to-many relationship is written through the child's foreign key: attach.
    session.attach(&user, User::posts(), &post).unwrap();
    session.commit().unwrap();
    drop(session);
    let owner: i32 =
        posts::table.select(posts::user_id).filter(posts::id.eq(4)).first(conn).unwrap();
    assert_eq!(owner, 3);
});

crate::backend_test!(load_a_relationship_of_another_model, |conn| {
    seed(conn);
    let mut session = Session::new(&mut *conn);
    let users = session
        .query::<User>()
        .order_by(users::id)
        .load(User::posts().then(Post::tags()))
        .all()
        .unwrap();
    let ann_posts = users[0].borrow().posts.get().unwrap().clone();
    let mut by_title: Vec<(String, Vec<String>)> =
        ann_posts.iter().map(|p| (p.borrow().title.clone(), labels(p))).collect();
    by_title.sort();
    assert_eq!(
        by_title,
        [
            ("one".into(), vec!["rust".to_owned(), "sql".to_owned()]),
            ("two".into(), vec!["rust".to_owned()])
        ]
    );
    let ben_posts = users[1].borrow().posts.get().unwrap().clone();
    assert_eq!(labels(&ben_posts[0]), Vec::<String>::new());
});

crate::backend_test!(then_from_the_wrong_model, |conn| {
    seed(conn);
    let mut session = Session::new(&mut *conn);
    // Users lead to posts, posts to tags.
    let chain = User::posts().then(Post::tags());
    let users = session.query::<User>().filter(users::id.eq(2)).load(chain).all().unwrap();
    let posts = users[0].borrow().posts.get().unwrap().clone();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].borrow().title, "three");
    assert!(labels(&posts[0]).is_empty());
});

crate::backend_test!(joined_load_of_another_models_relationship, |conn| {
    seed(conn);
    let mut session = Session::new(&mut *conn);
    // The chain starts from User: the query loads users.
    let users = session
        .query::<User>()
        .filter(users::id.eq(1))
        .all_joined(User::posts().then(Post::tags()))
        .unwrap();
    assert_eq!(users.len(), 1);
    let posts = users[0].borrow().posts.get().unwrap().clone();
    let mut by_title: Vec<(String, Vec<String>)> =
        posts.iter().map(|p| (p.borrow().title.clone(), labels(p))).collect();
    by_title.sort();
    assert_eq!(
        by_title,
        [
            ("one".into(), vec!["rust".to_owned(), "sql".to_owned()]),
            ("two".into(), vec!["rust".to_owned()])
        ]
    );
});

crate::backend_test!(collection_ordered_by_another_tables_column, |conn| {
    seed(conn);
    // Ordered by a column of the posts.
    let newest_posts: HasMany<User, Post> =
        HasMany::new(|u: &mut User| &mut u.posts).order_by(posts::title.desc());
    let mut session = Session::new(&mut *conn);
    let users = session.query::<User>().filter(users::id.eq(1)).load(newest_posts).all().unwrap();
    let titles: Vec<String> =
        users[0].borrow().posts.get().unwrap().iter().map(|p| p.borrow().title.clone()).collect();
    assert_eq!(titles, ["two", "one"]);
});

crate::backend_test!(relationship_filter_outside_its_tables, |conn| {
    seed(conn);
    let posts: HasMany<User, Post, posts::user_id> = HasMany::new(|u| &mut u.posts);
    // The condition names the related table (posts).
    let ids: Vec<i32> = users::table
        .select(users::id)
        .filter(posts.any(posts::title.eq("three")))
        .load(conn)
        .unwrap();
    assert_eq!(ids, [2]);
});

/// `join_along_a_relationship_from_outside_the_query`: users, posts and their comments.
mod comments_schema {
    use aludel::orm::{HasMany, Many, Model, Session};
    use aludel::prelude::*;

    aludel::table! {
        users (id) { id -> Integer, name -> Text, }
        posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
        comments (id) { id -> Integer, #[references(posts::id)] post_id -> Integer, body -> Text, }
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
        comments: Many<Comment>,
    }

    #[derive(Debug, Clone, Model)]
    #[aludel(table = comments)]
    struct Comment {
        id: i32,
        post_id: i32,
        body: String,
    }

    impl User {
        fn posts() -> HasMany<User, Post> {
            HasMany::new(|u| &mut u.posts)
        }
    }

    impl Post {
        fn comments() -> HasMany<Post, Comment> {
            HasMany::new(|p| &mut p.comments)
        }
    }

    crate::backend_test!(join_along_a_relationship_from_outside_the_query, |conn| {
        MetaData::new([users::table::def(), posts::table::def(), comments::table::def()])
            .create_all(conn, CheckFirst::No)
            .unwrap();
        insert(users::table)
            .values(vec![
                (users::id.eq(1), users::name.eq("ann")),
                (users::id.eq(2), users::name.eq("ben")),
            ])
            .execute(conn)
            .unwrap();
        insert(posts::table)
            .values(vec![
                (posts::id.eq(1), posts::user_id.eq(1), posts::title.eq("one")),
                (posts::id.eq(2), posts::user_id.eq(2), posts::title.eq("two")),
            ])
            .execute(conn)
            .unwrap();
        insert(comments::table)
            .values((comments::id.eq(1), comments::post_id.eq(2), comments::body.eq("nice")))
            .execute(conn)
            .unwrap();
        let mut session = Session::new(&mut *conn);
        // Users to comments through posts.
        let users = session
            .query::<User>()
            .join(User::posts())
            .join(Post::comments())
            .filter(comments::body.eq("nice"))
            .all()
            .unwrap();
        let names: Vec<String> = users.iter().map(|u| u.borrow().name.clone()).collect();
        assert_eq!(names, ["ben"]);
    });
}

/// `many_to_many_along_a_foreign_key_to_another_table`: posts and tags through post_tags.
mod tagged_posts {
    use aludel::orm::{Many, ManyToMany, Model, Session};
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

    crate::backend_test!(many_to_many_along_a_foreign_key_to_another_table, |conn| {
        MetaData::new([posts::table::def(), tags::table::def(), post_tags::table::def()])
            .create_all(conn, CheckFirst::No)
            .unwrap();
        insert(posts::table)
            .values((posts::id.eq(1), posts::title.eq("one")))
            .execute(conn)
            .unwrap();
        insert(tags::table)
            .values(vec![
                (tags::id.eq(1), tags::name.eq("rust")),
                (tags::id.eq(2), tags::name.eq("sql")),
            ])
            .execute(conn)
            .unwrap();
        insert(post_tags::table)
            .values((post_tags::post_id.eq(1), post_tags::tag_id.eq(2)))
            .execute(conn)
            .unwrap();
        // The target side is given the key to the target's table.
        let tags =
            ManyToMany::<Post, Tag, post_tags::table, post_tags::post_id, post_tags::tag_id>::new(
                |p| &mut p.tags,
            );
        let mut session = Session::new(&mut *conn);
        let posts = session.query::<Post>().load(tags).all().unwrap();
        let names: Vec<String> =
            posts[0].borrow().tags.get().unwrap().iter().map(|t| t.borrow().name.clone()).collect();
        assert_eq!(names, ["sql"]);
    });
}

/// `relationship_along_a_foreign_key_to_another_table`: posts belong to teams, not users.
mod team_posts {
    use aludel::orm::{HasMany, Many, Model, Session};
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
    #[aludel(table = teams)]
    struct Team {
        id: i32,
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

    crate::backend_test!(relationship_along_a_foreign_key_to_another_table, |conn| {
        MetaData::new([users::table::def(), teams::table::def(), posts::table::def()])
            .create_all(conn, CheckFirst::No)
            .unwrap();
        insert(teams::table)
            .values(vec![(teams::id.eq(1),), (teams::id.eq(2),)])
            .execute(conn)
            .unwrap();
        insert(posts::table)
            .values(vec![
                (posts::id.eq(1), posts::team_id.eq(2), posts::title.eq("a")),
                (posts::id.eq(2), posts::team_id.eq(2), posts::title.eq("b")),
            ])
            .execute(conn)
            .unwrap();
        // `posts.team_id` references teams: the relationship starts at Team.
        let posts = HasMany::<Team, Post, posts::team_id>::new(|t| &mut t.posts);
        let mut session = Session::new(&mut *conn);
        let teams = session.query::<Team>().order_by(teams::id).load(posts).all().unwrap();
        let counts: Vec<usize> =
            teams.iter().map(|t| t.borrow().posts.get().unwrap().len()).collect();
        assert_eq!(counts, [0, 2]);
    });
}

/// `relationship_with_an_ambiguous_foreign_key`: posts have an author and an editor.
mod edited_posts {
    use aludel::orm::{HasMany, Many, Model, Session};
    use aludel::prelude::*;

    aludel::table! {
        users (id) { id -> Integer, name -> Text, }
        posts (id) {
            id -> Integer,
            #[references(users::id)] author_id -> Integer,
            #[references(users::id)] editor_id -> Integer,
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
        author_id: i32,
        editor_id: i32,
        title: String,
    }

    // The relationship names the foreign key it follows.
    fn posts() -> HasMany<User, Post, posts::author_id> {
        HasMany::new(|u| &mut u.posts)
    }

    crate::backend_test!(relationship_with_an_ambiguous_foreign_key, |conn| {
        MetaData::new([users::table::def(), posts::table::def()])
            .create_all(conn, CheckFirst::No)
            .unwrap();
        insert(users::table)
            .values(vec![
                (users::id.eq(1), users::name.eq("ann")),
                (users::id.eq(2), users::name.eq("ben")),
            ])
            .execute(conn)
            .unwrap();
        insert(posts::table)
            .values((
                posts::id.eq(1),
                posts::author_id.eq(1),
                posts::editor_id.eq(2),
                posts::title.eq("one"),
            ))
            .execute(conn)
            .unwrap();
        let mut session = Session::new(&mut *conn);
        let users = session.query::<User>().order_by(users::id).load(posts()).all().unwrap();
        let titles: Vec<Vec<String>> = users
            .iter()
            .map(|u| {
                u.borrow().posts.get().unwrap().iter().map(|p| p.borrow().title.clone()).collect()
            })
            .collect();
        assert_eq!(titles, [vec!["one".to_owned()], vec![]]);
    });
}

/// `relationship_without_a_foreign_key`: with `posts.user_id` declared a foreign key.
mod authored_posts {
    use aludel::orm::{BelongsTo, Model, One, Session};
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

    fn author() -> BelongsTo<Post, User> {
        BelongsTo::new(|p| &mut p.author)
    }

    crate::backend_test!(relationship_without_a_foreign_key, |conn| {
        MetaData::new([users::table::def(), posts::table::def()])
            .create_all(conn, CheckFirst::No)
            .unwrap();
        insert(users::table)
            .values((users::id.eq(1), users::name.eq("ann")))
            .execute(conn)
            .unwrap();
        insert(posts::table)
            .values((posts::id.eq(1), posts::user_id.eq(1), posts::title.eq("one")))
            .execute(conn)
            .unwrap();
        let mut session = Session::new(&mut *conn);
        let posts = session.query::<Post>().load(author()).all().unwrap();
        let post = posts[0].borrow();
        let author = post.author.get().unwrap().as_ref().unwrap().borrow().name.clone();
        assert_eq!(author, "ann");
    });
}

/// `model_field_of_wrong_type`: the field has the Rust type of its Text column.
mod typed_fields {
    use aludel::orm::{Model, Session};
    use aludel::prelude::*;

    aludel::table! {
        users (id) { id -> Integer, name -> Text, }
    }

    #[derive(Debug, Clone, Model)]
    #[aludel(table = users)]
    struct User {
        id: i32,
        name: String,
    }

    crate::backend_test!(model_field_of_wrong_type, |conn| {
        MetaData::new([users::table::def()]).create_all(conn, CheckFirst::No).unwrap();
        let mut session = Session::new(&mut *conn);
        session.add(User { id: 1, name: "ann".into() });
        session.commit().unwrap();
        drop(session);
        let mut session = Session::new(&mut *conn);
        let user = session.get::<User>(1).unwrap().unwrap();
        assert_eq!(user.borrow().name, "ann");
    });
}

mod placement {
    use super::*;

    crate::backend_test!(aggregate_in_orm_query_filter, |conn| {
        seed(conn);
        let mut session = Session::new(conn);
        let found = session.query::<User>().filter(users::id.gt(1)).all().unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].borrow().name, "ben");
    });
}
