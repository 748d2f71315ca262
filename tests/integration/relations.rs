//! Relationships loaded explicitly: select-in eager loading (nested), lazy loading through the
//! session that caches, and a clear error for an unloaded relationship. (Issue 7, first part.)

use aludel::orm::{BelongsTo, HasMany, Many, Model, One, RelationExt, Session};
use aludel::prelude::*;
use std::sync::{Arc, Mutex};

aludel::table! {
    members (id) { id -> Integer, name -> Text, }
    notes (id) {
        id -> Integer,
        #[references(members::id)] member_id -> Integer,
        title -> Text,
    }
    replies (id) {
        id -> Integer,
        #[references(notes::id)] note_id -> Integer,
        body -> Text,
    }
}

#[derive(Debug, Clone, Model)]
#[aludel(table = members)]
struct Member {
    id: i32,
    name: String,
    #[aludel(relation)]
    notes: Many<Note>,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = notes)]
struct Note {
    id: i32,
    member_id: i32,
    title: String,
    #[aludel(relation)]
    replies: Many<Reply>,
    #[aludel(relation)]
    author: One<Member>,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = replies)]
struct Reply {
    id: i32,
    note_id: i32,
    body: String,
}

impl Member {
    fn notes() -> HasMany<Member, Note> {
        HasMany::new(|m| &mut m.notes)
    }
}

impl Note {
    fn replies() -> HasMany<Note, Reply> {
        HasMany::new(|n| &mut n.replies)
    }
    fn author() -> BelongsTo<Note, Member, notes::member_id> {
        BelongsTo::new(|n: &mut Note| &mut n.author).back_populates(|m| &mut m.notes)
    }
}

fn seed<C: Connection>(conn: &mut C) {
    MetaData::new([members::table::def(), notes::table::def(), replies::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
    insert(members::table)
        .values(
            (1..=100)
                .map(|i| (members::id.eq(i), members::name.eq(format!("m{i}"))))
                .collect::<Vec<_>>(),
        )
        .execute(conn)
        .unwrap();
    // Member i has i % 3 notes; every note has 2 replies.
    let mut note_rows = Vec::new();
    let mut reply_rows = Vec::new();
    let mut note_id = 0;
    for m in 1..=100 {
        for _ in 0..(m % 3) {
            note_id += 1;
            note_rows.push((
                notes::id.eq(note_id),
                notes::member_id.eq(m),
                notes::title.eq(format!("n{note_id}")),
            ));
            for r in 0..2 {
                reply_rows.push((
                    replies::id.eq(note_id * 10 + r),
                    replies::note_id.eq(note_id),
                    replies::body.eq("hi"),
                ));
            }
        }
    }
    insert(notes::table).values(note_rows).execute(conn).unwrap();
    insert(replies::table).values(reply_rows).execute(conn).unwrap();
}

crate::backend_test!(select_in_loading_nested, |conn| {
    seed(conn);
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = log.clone();
    conn.instrumentation().set_hook(move |e| sink.lock().unwrap().push(e.sql.to_owned()));
    let mut session = Session::new(conn);
    let members = session
        .query::<Member>()
        .order_by(members::id)
        .load(Member::notes().then(Note::replies()))
        .all()
        .unwrap();
    let selects: Vec<String> =
        log.lock().unwrap().iter().filter(|s| s.starts_with("SELECT")).cloned().collect();
    assert_eq!(selects.len(), 3, "members, notes IN (...), replies IN (...): {selects:#?}");
    assert!(selects[1].contains(r#""notes"."member_id" IN ("#), "{}", selects[1]);
    assert_eq!(members.len(), 100);
    let m2 = members[1].borrow();
    let notes = m2.notes.get().unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0].borrow().replies.get().unwrap().len(), 2);
    assert_eq!(members[2].borrow().notes.get().unwrap().len(), 0);
    drop(m2);

    // A relationship that was not loaded is an error, not a query.
    let count = log.lock().unwrap().len();
    let err = notes_author_error(&members[1]);
    assert_eq!(err, ErrorKind::NotLoaded);
    assert_eq!(log.lock().unwrap().len(), count);

    // Lazy loading through the session: one query, then cached.
    let note = members[1].borrow().notes.get().unwrap()[0].clone();
    let author = session.related(&note, Note::author()).unwrap();
    assert!(author[0].ptr_eq(&members[1]), "the identity map's object");
    let after_first = log.lock().unwrap().len();
    let again = session.related(&note, Note::author()).unwrap();
    assert!(again[0].ptr_eq(&members[1]));
    assert_eq!(log.lock().unwrap().len(), after_first, "cached: no second query");
});

fn notes_author_error(member: &aludel::orm::Obj<Member>) -> ErrorKind {
    let m = member.borrow();
    let note = m.notes.get().unwrap()[0].borrow();
    note.author.get().unwrap_err().kind()
}

crate::backend_test!(filter_through_a_relationship, |conn| {
    seed(conn);
    let mut session = Session::new(conn);
    // Members with a note titled n3 (member 2): EXISTS, typed.
    let writers =
        session.query::<Member>().filter(Member::notes().any(notes::title.eq("n3"))).all().unwrap();
    assert_eq!(writers.iter().map(|m| m.borrow().id).collect::<Vec<_>>(), [2]);
    // The condition may use the parent's columns too (it is correlated).
    let prolific: Vec<i32> = session
        .query::<Member>()
        .filter(Member::notes().any(notes::id.gt(members::id * 1)).and(members::id.le(5)))
        .order_by(members::id)
        .all()
        .unwrap()
        .iter()
        .map(|m| m.borrow().id)
        .collect();
    assert_eq!(prolific, [2, 5]);
    let none = session
        .query::<Member>()
        .filter(Member::notes().any(notes::title.eq("nope")))
        .all()
        .unwrap();
    assert!(none.is_empty());
    // The other direction: notes whose author is m2 (`has`, EXISTS on the parent table).
    let mut by_m2: Vec<i32> = session
        .query::<Note>()
        .filter(Note::author().has(members::name.eq("m2")))
        .all()
        .unwrap()
        .iter()
        .map(|n| n.borrow().id)
        .collect();
    by_m2.sort();
    assert_eq!(by_m2, [2, 3]);
    let early_authors = session
        .query::<Note>()
        .filter(Note::author().has(members::id.lt(notes::id * 1)))
        .all()
        .unwrap();
    let all_notes = session.query::<Note>().all().unwrap();
    let expected = all_notes.iter().filter(|n| n.borrow().member_id < n.borrow().id).count();
    assert!(expected > 0 && expected < 100);
    assert_eq!(early_authors.len(), expected, "the condition sees the outer note's columns");
});

aludel::table! {
    categories (id) {
        id -> Integer,
        #[references(categories::id, on_delete = cascade)] parent_id -> Nullable<Integer>,
        name -> Text,
    }
}

#[derive(Debug, Clone, Model)]
#[aludel(table = categories)]
struct Category {
    #[aludel(generated)]
    id: Option<i32>,
    parent_id: Option<i32>,
    name: String,
    #[aludel(relation)]
    children: Many<Category>,
    #[aludel(relation)]
    parent: One<Category>,
}

impl Category {
    fn children() -> HasMany<Category, Category> {
        let children: HasMany<Category, Category> = HasMany::new(|c| &mut c.children);
        children.back_populates(|c| &mut c.parent)
    }
    fn named(name: &str) -> Self {
        Category {
            id: None,
            parent_id: None,
            name: name.into(),
            children: Default::default(),
            parent: Default::default(),
        }
    }
}

crate::backend_test!(self_referential_tree_of_depth_five, |conn| {
    MetaData::new([categories::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    let mut session = Session::new(conn);
    // Write: a root, and a chain of four levels below it, plus a sibling at each level.
    let root = session.add(Category::named("root"));
    let mut parent = root.clone();
    for depth in 1..=4 {
        let child = session
            .append(&parent, Category::children(), Category::named(&format!("c{depth}")))
            .unwrap();
        session
            .append(&parent, Category::children(), Category::named(&format!("s{depth}")))
            .unwrap();
        assert!(
            child.borrow().parent.get().unwrap().as_ref().unwrap().ptr_eq(&parent),
            "back reference set"
        );
        parent = child;
    }
    session.commit().unwrap();
    let rows: i64 = categories::table.select(count_star()).first(session.connection()).unwrap();
    assert_eq!(rows, 9);
    drop(session);

    // Load it back from the root, five levels deep, one query per level.
    let mut session = Session::new(conn);
    let roots = session
        .query::<Category>()
        .filter(categories::parent_id.is_null())
        .load(
            Category::children()
                .then(Category::children())
                .then(Category::children())
                .then(Category::children()),
        )
        .all()
        .unwrap();
    assert_eq!(roots.len(), 1);
    let mut level = roots[0].clone();
    let mut names = vec![level.borrow().name.clone()];
    for _ in 0..4 {
        let next = {
            let l = level.borrow();
            let mut kids: Vec<_> = l.children.get().unwrap().clone();
            kids.sort_by_key(|k| k.borrow().name.clone());
            assert_eq!(kids.len(), 2);
            kids[0].clone()
        };
        names.push(next.borrow().name.clone());
        level = next;
    }
    assert_eq!(names, ["root", "c1", "c2", "c3", "c4"]);

    // The nullable foreign key detaches (the default policy): s1 taken out of root, and
    // c1 deleted with its children c2 and s2 left as roots of their own.
    let root = roots[0].clone();
    let kids = root.borrow().children.get().unwrap().clone();
    let named = |n: &str| kids.iter().find(|k| k.borrow().name == n).unwrap().clone();
    session.remove(&root, Category::children(), &named("s1")).unwrap();
    session.delete_with(&named("c1"), Category::children()).unwrap();
    session.commit().unwrap();
    let mut top: Vec<String> = categories::table
        .select(categories::name)
        .filter(categories::parent_id.is_null())
        .load(session.connection())
        .unwrap();
    top.sort();
    assert_eq!(top, ["c2", "root", "s1", "s2"]);
    let total: i64 = categories::table.select(count_star()).first(session.connection()).unwrap();
    assert_eq!(total, 8);
});

crate::backend_test!(append_remove_and_cascade, |conn| {
    seed(conn);
    let mut session = Session::new(conn);
    // A new parent with new children: one flush, parents first, keys copied.
    let ann = session.add(Member { id: 500, name: "ann".into(), notes: Default::default() });
    let n1 = session
        .append(
            &ann,
            Member::notes(),
            Note {
                id: 900,
                member_id: 0,
                title: "x".into(),
                replies: Default::default(),
                author: Default::default(),
            },
        )
        .unwrap();
    session
        .append(
            &ann,
            Member::notes(),
            Note {
                id: 901,
                member_id: 0,
                title: "y".into(),
                replies: Default::default(),
                author: Default::default(),
            },
        )
        .unwrap();
    session.commit().unwrap();
    assert_eq!(n1.borrow().member_id, 500);
    let owned: i64 = notes::table
        .select(count_star())
        .filter(notes::member_id.eq(500))
        .first(session.connection())
        .unwrap();
    assert_eq!(owned, 2);

    // Removing a child with a NOT NULL foreign key cannot nullify it: a clean error.
    let err = session.remove(&ann, Member::notes(), &n1).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conversion);
    assert_eq!(n1.borrow().member_id, 500, "unchanged");
    // Nor can deleting the parent detach its children: nothing is marked for deletion.
    let err = session.delete_with(&ann, Member::notes()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conversion);
    session.flush().unwrap();
    let still: i64 = members::table
        .select(count_star())
        .filter(members::id.eq(500))
        .first(session.connection())
        .unwrap();
    assert_eq!(still, 1);
    // delete-orphan, configured on the relationship, removes exactly that row.
    let owning = Member::notes().orphans(aludel::orm::Orphans::Delete);
    session.remove(&ann, owning, &n1).unwrap();
    session.commit().unwrap();
    let left: Vec<i32> = notes::table
        .select(notes::id)
        .filter(notes::member_id.eq(500))
        .load(session.connection())
        .unwrap();
    assert_eq!(left, [901]);

    // Deleting a parent with its children: children first, exactly the right rows.
    let member2 = session.get::<Member>(2).unwrap().unwrap();
    let before: i64 = replies::table.select(count_star()).first(session.connection()).unwrap();
    let notes_of_2 = session.related(&member2, Member::notes()).unwrap();
    for note in &notes_of_2 {
        session.delete_with(note, Note::replies().orphans(aludel::orm::Orphans::Delete)).unwrap();
    }
    session.delete(&member2);
    session.commit().unwrap();
    let after: i64 = replies::table.select(count_star()).first(session.connection()).unwrap();
    assert_eq!(before - after, 4);
    let gone: i64 = members::table
        .select(count_star())
        .filter(members::id.eq(2))
        .first(session.connection())
        .unwrap();
    assert_eq!(gone, 0);
    let others: i64 = notes::table
        .select(count_star())
        .filter(notes::member_id.eq(5))
        .first(session.connection())
        .unwrap();
    assert_eq!(others, 2, "other members' notes untouched");
});

crate::backend_test!(reference_cycle_is_inserted_then_updated, |conn| {
    MetaData::new([categories::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = log.clone();
    conn.instrumentation().set_hook(move |e| sink.lock().unwrap().push(e.sql.to_owned()));
    let mut session = Session::new(&mut *conn);
    // Two new rows that reference each other: neither can be inserted with the other's key.
    let a = session.add(Category::named("a"));
    let b = session.add(Category::named("b"));
    session.set_parent(&a, categories::parent_id, &b).unwrap();
    session.set_parent(&b, categories::parent_id, &a).unwrap();
    session.commit().unwrap();
    let (a_id, b_id) = (a.borrow().id.unwrap(), b.borrow().id.unwrap());
    assert_eq!((a.borrow().parent_id, b.borrow().parent_id), (Some(b_id), Some(a_id)));
    let writes: Vec<String> = log
        .lock()
        .unwrap()
        .iter()
        .filter(|s| s.starts_with("INSERT") || s.starts_with("UPDATE"))
        .cloned()
        .collect();
    assert_eq!(writes.len(), 3, "insert a (NULL), insert b (-> a), update a (-> b): {writes:#?}");
    assert!(writes[2].starts_with(r#"UPDATE "categories""#));
    // Nothing is left to write: the update was recorded in the session's snapshots.
    log.lock().unwrap().clear();
    session.flush().unwrap();
    assert!(log.lock().unwrap().is_empty(), "{:#?}", log.lock().unwrap());
    drop(session);
    let mut stored: Vec<(i32, Option<i32>)> = categories::table
        .select((categories::id, categories::parent_id))
        .order_by(categories::id)
        .load(&mut *conn)
        .unwrap();
    stored.sort();
    assert_eq!(stored, [(a_id, Some(b_id)), (b_id, Some(a_id))]);
});

aludel::table! {
    writers (id) { id -> Integer, name -> Text, }
    articles (id) {
        id -> Integer,
        #[references(writers::id)] writer_id -> Integer,
        title -> Text,
    }
    labels (id) { id -> Integer, #[unique] name -> Text, }
    article_labels (article_id, label_id) {
        #[references(articles::id, on_delete = cascade)] article_id -> Integer,
        #[references(labels::id)] label_id -> Integer,
    }
}

#[derive(Debug, Clone, Model)]
#[aludel(table = writers)]
struct Writer {
    #[aludel(generated)]
    id: Option<i32>,
    name: String,
    #[aludel(relation)]
    articles: Many<Article>,
    #[aludel(relation)]
    enrollments: Many<Enrollment>,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = articles)]
struct Article {
    #[aludel(generated)]
    id: Option<i32>,
    writer_id: i32,
    title: String,
    #[aludel(relation)]
    labels: Many<Label>,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = labels)]
struct Label {
    #[aludel(generated)]
    id: Option<i32>,
    name: String,
}

impl Writer {
    fn articles() -> HasMany<Writer, Article> {
        HasMany::new(|w| &mut w.articles)
    }
}

impl Article {
    fn labels() -> aludel::orm::ManyToMany<Article, Label, article_labels::table> {
        aludel::orm::ManyToMany::new(|a| &mut a.labels)
    }
    fn new(title: &str) -> Self {
        Article { id: None, writer_id: 0, title: title.into(), labels: Default::default() }
    }
}

crate::backend_test!(many_to_many_through_an_association_table, |conn| {
    MetaData::new([
        writers::table::def(),
        articles::table::def(),
        labels::table::def(),
        article_labels::table::def(),
    ])
    .create_all(conn, CheckFirst::No)
    .unwrap();
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = log.clone();
    conn.instrumentation().set_hook(move |e| sink.lock().unwrap().push(e.sql.to_owned()));
    let mut session = Session::new(conn);
    // A new writer with new articles and labels: one flush, parents first, batched.
    let tags = session
        .add_all([Label { id: None, name: "rust".into() }, Label { id: None, name: "sql".into() }]);
    let ann = session.add(Writer {
        id: None,
        name: "ann".into(),
        articles: Default::default(),
        enrollments: Default::default(),
    });
    let a1 = session.append(&ann, Writer::articles(), Article::new("one")).unwrap();
    let a2 = session.append(&ann, Writer::articles(), Article::new("two")).unwrap();
    session.link(&a1, Article::labels(), &tags[0]).unwrap();
    session.link(&a1, Article::labels(), &tags[1]).unwrap();
    session.link(&a2, Article::labels(), &tags[0]).unwrap();
    session.commit().unwrap();
    let inserts: Vec<String> =
        log.lock().unwrap().iter().filter(|s| s.starts_with("INSERT")).cloned().collect();
    assert_eq!(inserts.len(), 4, "{inserts:#?}");
    assert!(
        inserts[0].starts_with(r#"INSERT INTO "writers""#)
            || inserts[0].starts_with(r#"INSERT INTO "labels""#)
    );
    assert!(
        inserts.iter().position(|s| s.starts_with(r#"INSERT INTO "writers""#)).unwrap()
            < inserts.iter().position(|s| s.starts_with(r#"INSERT INTO "articles""#)).unwrap()
    );
    assert!(
        inserts[2].starts_with(r#"INSERT INTO "articles""#) && inserts[2].contains("), ("),
        "two articles, one statement"
    );
    assert!(
        inserts[3].starts_with(r#"INSERT INTO "article_labels""#)
            && inserts[3].matches("), (").count() == 2
    );
    drop(session);

    // Load back: articles with their labels, select-in (association rows, then labels).
    let mut session = Session::new(conn);
    log.lock().unwrap().clear();
    let articles =
        session.query::<Article>().order_by(articles::id).load(Article::labels()).all().unwrap();
    assert_eq!(log.lock().unwrap().iter().filter(|s| s.starts_with("SELECT")).count(), 3);
    let names = |a: &aludel::orm::Obj<Article>| -> Vec<String> {
        let mut n: Vec<String> =
            a.borrow().labels.get().unwrap().iter().map(|l| l.borrow().name.clone()).collect();
        n.sort();
        n
    };
    assert_eq!(names(&articles[0]), ["rust", "sql"]);
    assert_eq!(names(&articles[1]), ["rust"]);
    // Joined along the many-to-many: articles labelled "sql", and writers of "rust" ones
    // (two matching articles, one writer).
    let about_sql = session
        .query::<Article>()
        .join(Article::labels())
        .filter(labels::name.eq("sql"))
        .all()
        .unwrap();
    assert_eq!(about_sql.len(), 1);
    assert!(about_sql[0].ptr_eq(&articles[0]));
    let rust_writers = session
        .query::<Writer>()
        .join(Writer::articles())
        .join(Article::labels())
        .filter(labels::name.eq("rust"))
        .all()
        .unwrap();
    assert_eq!(rust_writers.iter().map(|w| w.borrow().name.clone()).collect::<Vec<_>>(), ["ann"]);
    // Unlink: the association row goes, the label stays.
    let sql_label = articles[0]
        .borrow()
        .labels
        .get()
        .unwrap()
        .iter()
        .find(|l| l.borrow().name == "sql")
        .unwrap()
        .clone();
    session.unlink(&articles[0], Article::labels(), &sql_label).unwrap();
    assert_eq!(names(&articles[0]), ["rust"]);
    session.commit().unwrap();
    let links: i64 =
        article_labels::table.select(count_star()).first(session.connection()).unwrap();
    let label_rows: i64 = labels::table.select(count_star()).first(session.connection()).unwrap();
    assert_eq!((links, label_rows), (2, 2));
});

crate::backend_test!(joined_loading_is_one_statement, |conn| {
    seed(conn);
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = log.clone();
    conn.instrumentation().set_hook(move |e| sink.lock().unwrap().push(e.sql.to_owned()));
    let mut session = Session::new(conn);
    let members =
        session.query::<Member>().filter(members::id.le(100)).all_joined(Member::notes()).unwrap();
    let selects: Vec<String> =
        log.lock().unwrap().iter().filter(|s| s.starts_with("SELECT")).cloned().collect();
    assert_eq!(selects.len(), 1, "{selects:#?}");
    assert!(selects[0].contains("LEFT OUTER JOIN"));
    assert_eq!(members.len(), 100, "parents repeated by the join are folded");
    let mut by_id: Vec<(i32, usize)> =
        members.iter().map(|m| (m.borrow().id, m.borrow().notes.get().unwrap().len())).collect();
    by_id.sort();
    assert_eq!(by_id[0], (1, 1));
    assert_eq!(by_id[1], (2, 2));
    assert_eq!(by_id[2], (3, 0));
    let total: usize = by_id.iter().map(|(_, n)| n).sum();
    assert_eq!(total, 100);
    // The same objects as a select-in load in this session (identity map).
    let again =
        session.query::<Member>().filter(members::id.eq(2)).load(Member::notes()).all().unwrap();
    assert!(members.iter().any(|m| m.ptr_eq(&again[0])));
});

crate::backend_test!(nested_joined_loading_matches_select_in, |conn| {
    seed(conn);
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = log.clone();
    conn.instrumentation().set_hook(move |e| sink.lock().unwrap().push(e.sql.to_owned()));
    // Three levels (members, notes, replies) in one statement with two outer joins.
    let joined = {
        let mut session = Session::new(&mut *conn);
        let members =
            session.query::<Member>().all_joined(Member::notes().then(Note::replies())).unwrap();
        shape(&members)
    };
    let selects: Vec<String> =
        log.lock().unwrap().iter().filter(|s| s.starts_with("SELECT")).cloned().collect();
    assert_eq!(selects.len(), 1, "{selects:#?}");
    assert_eq!(selects[0].matches("LEFT OUTER JOIN").count(), 2, "{}", selects[0]);
    log.lock().unwrap().clear();
    // The same graph by select-in loading: three statements, the same objects.
    let select_in = {
        let mut session = Session::new(&mut *conn);
        let members =
            session.query::<Member>().load(Member::notes().then(Note::replies())).all().unwrap();
        shape(&members)
    };
    let selects = log.lock().unwrap().iter().filter(|s| s.starts_with("SELECT")).count();
    assert_eq!(selects, 3);
    assert_eq!(joined, select_in);
    assert_eq!(joined.len(), 100);
    let notes: usize = joined.iter().map(|(_, n)| n.len()).sum();
    let replies: usize = joined.iter().flat_map(|(_, n)| n.iter().map(|(_, r)| r.len())).sum();
    assert_eq!((notes, replies), (100, 200));
});

/// Members, their notes and each note's reply ids, sorted, for comparing two loads.
fn shape(members: &[aludel::orm::Obj<Member>]) -> Vec<(i32, Vec<(i32, Vec<i32>)>)> {
    let mut out: Vec<_> = members
        .iter()
        .map(|m| {
            let m = m.borrow();
            let mut notes: Vec<_> = m
                .notes
                .get()
                .unwrap()
                .iter()
                .map(|n| {
                    let n = n.borrow();
                    let mut r: Vec<i32> =
                        n.replies.get().unwrap().iter().map(|r| r.borrow().id).collect();
                    r.sort();
                    (n.id, r)
                })
                .collect();
            notes.sort();
            (m.id, notes)
        })
        .collect();
    out.sort();
    out
}

// An association object: a many-to-many with columns of its own, mapped as a model with a
// composite key and a relationship to each side.
aludel::table! {
    enrollments (writer_id, label_id) {
        #[references(writers::id)] writer_id -> Integer,
        #[references(labels::id)] label_id -> Integer,
        level -> Integer,
    }
}

#[derive(Debug, Clone, Model)]
#[aludel(table = enrollments)]
struct Enrollment {
    writer_id: i32,
    label_id: i32,
    level: i32,
    #[aludel(relation)]
    label: One<Label>,
}

impl Enrollment {
    fn label() -> BelongsTo<Enrollment, Label, enrollments::label_id> {
        BelongsTo::new(|e| &mut e.label)
    }
}

impl Writer {
    fn enrollments() -> HasMany<Writer, Enrollment, enrollments::writer_id> {
        HasMany::new(|w| &mut w.enrollments)
    }
}

crate::backend_test!(association_object, |conn| {
    MetaData::new([writers::table::def(), labels::table::def(), enrollments::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
    let mut session = Session::new(conn);
    let ann = session.add(Writer {
        id: None,
        name: "ann".into(),
        articles: Default::default(),
        enrollments: Default::default(),
    });
    let rust = session.add(Label { id: None, name: "rust".into() });
    let sql = session.add(Label { id: None, name: "sql".into() });
    session.flush().unwrap();
    let (a, r, s) = (ann.borrow().id.unwrap(), rust.borrow().id.unwrap(), sql.borrow().id.unwrap());
    session.add_all([
        Enrollment { writer_id: a, label_id: r, level: 3, label: Default::default() },
        Enrollment { writer_id: a, label_id: s, level: 1, label: Default::default() },
    ]);
    session.commit().unwrap();
    let enrollments =
        session.related(&ann, Writer::enrollments().then(Enrollment::label())).unwrap();
    assert_eq!(enrollments.len(), 2);
    let mut levels: Vec<(String, i32)> = session
        .query::<Enrollment>()
        .filter(enrollments::writer_id.eq(a))
        .load(Enrollment::label())
        .all()
        .unwrap()
        .iter()
        .map(|e| {
            let e = e.borrow();
            (e.label.get().unwrap().as_ref().unwrap().borrow().name.clone(), e.level)
        })
        .collect();
    levels.sort();
    assert_eq!(levels, [("rust".to_owned(), 3), ("sql".to_owned(), 1)]);
    // The association object's own column changes like any model's.
    let first = session.get::<Enrollment>((a, r)).unwrap().unwrap();
    first.borrow_mut().level = 4;
    session.commit().unwrap();
    let level: i32 = enrollments::table
        .select(enrollments::level)
        .filter(enrollments::label_id.eq(r))
        .first(session.connection())
        .unwrap();
    assert_eq!(level, 4);
});

/// The derived `value(i)` (used to read keys while loading relationships) agrees with
/// `values()`, generated fields included.
#[test]
fn derived_value_matches_values() {
    let category = Category { id: Some(7), parent_id: None, ..Category::named("x") };
    let fresh = Category::named("y");
    for c in [category, fresh] {
        let all = c.values();
        assert_eq!(all.len(), Category::FIELDS.len());
        for (i, v) in all.iter().enumerate() {
            assert_eq!(&c.value(i), v, "field {i}");
        }
    }
}

// One-to-one from the referenced side: an account (a second model of `members`) and its
// profile.
aludel::table! {
    profiles (id) {
        id -> Integer,
        #[references(members::id)] member_id -> Integer,
        bio -> Text,
    }
}

#[derive(Debug, Clone, Model)]
#[aludel(table = profiles)]
struct Profile {
    id: i32,
    member_id: i32,
    bio: String,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = members)]
struct Account {
    id: i32,
    name: String,
    #[aludel(relation)]
    profile: One<Profile>,
}

impl Account {
    fn profile() -> aludel::orm::HasOne<Account, Profile, profiles::member_id> {
        aludel::orm::HasOne::new(|a| &mut a.profile)
    }
}

crate::backend_test!(one_to_one, |conn| {
    seed(conn);
    MetaData::new([profiles::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(profiles::table)
        .values(
            (1..=10)
                .map(|i| {
                    (
                        profiles::id.eq(i),
                        profiles::member_id.eq(i),
                        profiles::bio.eq(format!("b{i}")),
                    )
                })
                .collect::<Vec<_>>(),
        )
        .execute(conn)
        .unwrap();
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = log.clone();
    conn.instrumentation().set_hook(move |e| sink.lock().unwrap().push(e.sql.to_owned()));
    {
        let mut session = Session::new(&mut *conn);
        let accounts = session
            .query::<Account>()
            .filter(members::id.le(20))
            .order_by(members::id)
            .load(Account::profile())
            .all()
            .unwrap();
        assert_eq!(log.lock().unwrap().iter().filter(|s| s.starts_with("SELECT")).count(), 2);
        let bios: Vec<Option<String>> = accounts
            .iter()
            .map(|a| a.borrow().profile.get().unwrap().as_ref().map(|p| p.borrow().bio.clone()))
            .collect();
        assert_eq!(bios.len(), 20);
        assert_eq!(bios[0].as_deref(), Some("b1"));
        assert_eq!(bios[9].as_deref(), Some("b10"));
        assert!(bios[10..].iter().all(Option::is_none));
    }
    // A second profile for member 5 makes the one-to-one ambiguous: a clear error, and no
    // account gets a half-loaded relationship.
    insert(profiles::table)
        .values((profiles::id.eq(11), profiles::member_id.eq(5), profiles::bio.eq("again")))
        .execute(conn)
        .unwrap();
    let mut session = Session::new(&mut *conn);
    let accounts =
        session.query::<Account>().filter(members::id.le(10)).order_by(members::id).all().unwrap();
    let err = session.related(&accounts[4], Account::profile()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MultipleRows, "{err}");
    assert!(!accounts[4].borrow().profile.is_loaded());
    let one = session.related(&accounts[0], Account::profile()).unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(accounts[0].borrow().profile.get().unwrap().as_ref().unwrap().borrow().bio, "b1");
});

// Two foreign keys between the same tables: each relationship names the one it follows
// (leaving it out does not compile: ui-tests `relationship_with_an_ambiguous_foreign_key`).
aludel::table! {
    messages (id) {
        id -> Integer,
        #[references(members::id)] sender_id -> Integer,
        #[references(members::id)] recipient_id -> Integer,
        body -> Text,
    }
    follows (follower_id, followed_id) {
        #[references(members::id)] follower_id -> Integer,
        #[references(members::id)] followed_id -> Integer,
    }
}

#[derive(Debug, Clone, Model)]
#[aludel(table = messages)]
struct Message {
    id: i32,
    sender_id: i32,
    recipient_id: i32,
    body: String,
    #[aludel(relation)]
    sender: One<Correspondent>,
    #[aludel(relation)]
    recipient: One<Correspondent>,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = members)]
struct Correspondent {
    id: i32,
    name: String,
    #[aludel(relation)]
    sent: Many<Message>,
    #[aludel(relation)]
    received: Many<Message>,
    #[aludel(relation)]
    following: Many<Correspondent>,
}

impl Correspondent {
    fn sent() -> HasMany<Correspondent, Message, messages::sender_id> {
        HasMany::new(|c: &mut Correspondent| &mut c.sent).back_populates(|m| &mut m.sender)
    }
    fn received() -> HasMany<Correspondent, Message, messages::recipient_id> {
        HasMany::new(|c: &mut Correspondent| &mut c.received).back_populates(|m| &mut m.recipient)
    }
    fn following() -> aludel::orm::ManyToMany<
        Correspondent,
        Correspondent,
        follows::table,
        follows::follower_id,
        follows::followed_id,
    > {
        aludel::orm::ManyToMany::new(|c| &mut c.following)
    }
}

impl Message {
    fn sender() -> BelongsTo<Message, Correspondent, messages::sender_id> {
        BelongsTo::new(|m| &mut m.sender)
    }
    fn recipient() -> BelongsTo<Message, Correspondent, messages::recipient_id> {
        BelongsTo::new(|m| &mut m.recipient)
    }
}

/// The members, then `messages` as (id, sender, recipient, body) and `follows` as
/// (follower, followed).
fn seed_correspondence<C: Connection>(
    conn: &mut C,
    messages: &[(i32, i32, i32, &str)],
    follows: &[(i32, i32)],
) {
    seed(conn);
    MetaData::new([messages::table::def(), follows::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
    let rows: Vec<_> = messages
        .iter()
        .map(|&(id, from, to, body)| {
            (
                messages::id.eq(id),
                messages::sender_id.eq(from),
                messages::recipient_id.eq(to),
                messages::body.eq(body.to_owned()),
            )
        })
        .collect();
    insert(messages::table).values(rows).execute(conn).unwrap();
    let rows: Vec<_> = follows
        .iter()
        .map(|&(a, b)| (follows::follower_id.eq(a), follows::followed_id.eq(b)))
        .collect();
    insert(follows::table).values(rows).execute(conn).unwrap();
}

fn names(objs: &[aludel::orm::Obj<Correspondent>]) -> Vec<String> {
    objs.iter().map(|c| c.borrow().name.clone()).collect()
}

crate::backend_test!(several_foreign_keys_between_two_tables, |conn| {
    // m1 writes to m2 twice, m2 answers once; m1 follows m2 and m3.
    seed_correspondence(conn, &[(1, 1, 2, "a"), (2, 1, 2, "b"), (3, 2, 1, "c")], &[(1, 2), (1, 3)]);
    let mut session = Session::new(&mut *conn);
    let people = session
        .query::<Correspondent>()
        .filter(members::id.le(3))
        .order_by(members::id)
        .load(Correspondent::sent())
        .load(Correspondent::received())
        .load(Correspondent::following())
        .all()
        .unwrap();
    let bodies = |c: &aludel::orm::Obj<Correspondent>, sent: bool| -> Vec<String> {
        let c = c.borrow();
        let list = if sent { c.sent.get().unwrap() } else { c.received.get().unwrap() };
        list.iter().map(|m| m.borrow().body.clone()).collect()
    };
    assert_eq!(bodies(&people[0], true), ["a", "b"]);
    assert_eq!(bodies(&people[0], false), ["c"]);
    assert_eq!(bodies(&people[1], true), ["c"]);
    assert_eq!(bodies(&people[1], false), ["a", "b"]);
    assert_eq!(names(people[0].borrow().following.get().unwrap()), ["m2", "m3"]);
    assert!(people[1].borrow().following.get().unwrap().is_empty());
    // Back references follow the same keys: message "c" was sent by m2 to m1.
    let c = people[1].borrow().sent.get().unwrap()[0].clone();
    assert!(c.borrow().sender.get().unwrap().as_ref().unwrap().ptr_eq(&people[1]));
    assert!(c.borrow().recipient.get().unwrap().as_ref().unwrap().ptr_eq(&people[0]));

    // EXISTS filters follow the named key too.
    let wrote_to_m1 = session
        .query::<Correspondent>()
        .filter(Correspondent::sent().any(messages::recipient_id.eq(1)))
        .all()
        .unwrap();
    assert_eq!(names(&wrote_to_m1), ["m2"]);
    let to_m2 = session
        .query::<Message>()
        .filter(Message::recipient().has(members::name.eq("m2")))
        .order_by(messages::id)
        .all()
        .unwrap();
    assert_eq!(to_m2.iter().map(|m| m.borrow().id).collect::<Vec<_>>(), [1, 2]);

    let msgs = session
        .query::<Message>()
        .order_by(messages::id)
        .load(Message::sender())
        .load(Message::recipient())
        .all()
        .unwrap();
    let one = |m: &aludel::orm::Obj<Message>, sender: bool| {
        let m = m.borrow();
        let who = if sender { m.sender.get() } else { m.recipient.get() };
        who.unwrap().as_ref().unwrap().borrow().name.clone()
    };
    assert_eq!(msgs.iter().map(|m| one(m, true)).collect::<Vec<_>>(), ["m1", "m1", "m2"]);
    assert_eq!(msgs.iter().map(|m| one(m, false)).collect::<Vec<_>>(), ["m2", "m2", "m1"]);

    // A follow written through the relationship lands with the keys in the right columns.
    session.link(&people[2], Correspondent::following(), &people[0]).unwrap();
    session.commit().unwrap();
    drop(session);
    let rows: Vec<(i32, i32)> = follows::table
        .select((follows::follower_id, follows::followed_id))
        .order_by((follows::follower_id, follows::followed_id))
        .load(&mut *conn)
        .unwrap();
    assert_eq!(rows, [(1, 2), (1, 3), (3, 1)]);
});

crate::backend_test!(joined_loading_of_every_kind, |conn| {
    seed_correspondence(
        conn,
        &[(1, 1, 2, "a"), (2, 3, 2, "b"), (3, 2, 1, "c")],
        &[(1, 2), (1, 3), (3, 1)],
    );
    MetaData::new([profiles::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(profiles::table)
        .values(vec![
            (profiles::id.eq(1), profiles::member_id.eq(1), profiles::bio.eq("b1")),
            (profiles::id.eq(2), profiles::member_id.eq(3), profiles::bio.eq("b3")),
        ])
        .execute(conn)
        .unwrap();
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = log.clone();
    conn.instrumentation().set_hook(move |e| sink.lock().unwrap().push(e.sql.to_owned()));
    let selects = |log: &Arc<Mutex<Vec<String>>>| {
        let n = log.lock().unwrap().iter().filter(|s| s.starts_with("SELECT")).count();
        log.lock().unwrap().clear();
        n
    };
    let mut session = Session::new(&mut *conn);

    // Many-to-one, then one-to-many from there: each message's sender and the sender's
    // messages, in one statement.
    let msgs = session
        .query::<Message>()
        .order_by(messages::id)
        .all_joined(Message::sender().then(Correspondent::sent()))
        .unwrap();
    assert_eq!(selects(&log), 1);
    assert_eq!(msgs.iter().map(|m| m.borrow().id).collect::<Vec<_>>(), [1, 2, 3]);
    let sender =
        |m: &aludel::orm::Obj<Message>| m.borrow().sender.get().unwrap().as_ref().unwrap().clone();
    assert_eq!(names(&msgs.iter().map(sender).collect::<Vec<_>>()), ["m1", "m3", "m2"]);
    let m1_sent: Vec<i32> =
        sender(&msgs[0]).borrow().sent.get().unwrap().iter().map(|m| m.borrow().id).collect();
    assert_eq!(m1_sent, [1]);
    // The identity map: message 1 loaded as a parent row and again through its sender.
    assert!(sender(&msgs[0]).borrow().sent.get().unwrap()[0].ptr_eq(&msgs[0]));

    // Many-to-many, then many-to-many again (follows of follows), one statement; members
    // with none get an empty collection.
    let people = session
        .query::<Correspondent>()
        .filter(members::id.le(4))
        .order_by(members::id)
        .all_joined(Correspondent::following().then(Correspondent::following()))
        .unwrap();
    assert_eq!(selects(&log), 1);
    let following = |c: &aludel::orm::Obj<Correspondent>| {
        let mut n = names(c.borrow().following.get().unwrap());
        n.sort();
        n
    };
    assert_eq!(
        people.iter().map(following).collect::<Vec<_>>(),
        [vec!["m2", "m3"], vec![], vec!["m1"], vec![]]
    );
    // m1 follows m3, who follows m1 back: loaded on the same objects.
    let m3 =
        people[0].borrow().following.get().unwrap().iter().find(|c| c.ptr_eq(&people[2])).cloned();
    assert!(m3.is_some());
    assert_eq!(following(&people[2]), ["m1"]);

    // One-to-many, then back up the many-to-one: every note's author is its member, the
    // same object, through a second alias of the members table.
    let members = session
        .query::<Member>()
        .filter(members::id.le(6))
        .order_by(members::id)
        .all_joined(Member::notes().then(Note::author()))
        .unwrap();
    assert_eq!(selects(&log), 1);
    let counts: Vec<usize> =
        members.iter().map(|m| m.borrow().notes.get().unwrap().len()).collect();
    assert_eq!(counts, [1, 2, 0, 1, 2, 0]);
    for m in &members {
        for n in m.borrow().notes.get().unwrap() {
            assert!(n.borrow().author.get().unwrap().as_ref().unwrap().ptr_eq(m));
        }
    }

    // One-to-one: a profile or none, and several is an error that stores nothing.
    let accounts = session
        .query::<Account>()
        .filter(members::id.le(3))
        .order_by(members::id)
        .all_joined(Account::profile())
        .unwrap();
    assert_eq!(selects(&log), 1);
    let bios: Vec<Option<String>> = accounts
        .iter()
        .map(|a| a.borrow().profile.get().unwrap().as_ref().map(|p| p.borrow().bio.clone()))
        .collect();
    assert_eq!(bios, [Some("b1".to_owned()), None, Some("b3".to_owned())]);
    drop(session);
    insert(profiles::table)
        .values((profiles::id.eq(3), profiles::member_id.eq(3), profiles::bio.eq("again")))
        .execute(&mut *conn)
        .unwrap();
    let mut session = Session::new(&mut *conn);
    let err = session
        .query::<Account>()
        .filter(members::id.le(3))
        .all_joined(Account::profile())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MultipleRows, "{err}");
    let accounts = session.query::<Account>().filter(members::id.le(3)).all().unwrap();
    assert!(accounts.iter().all(|a| !a.borrow().profile.is_loaded()));
});

crate::backend_test!(filtering_through_joins_along_relationships, |conn| {
    seed(conn);
    let mut session = Session::new(&mut *conn);
    // Two levels down: the member whose note has reply 11 (note 1's second reply).
    let owner = session
        .query::<Member>()
        .join(Member::notes())
        .join(Note::replies())
        .filter(replies::id.eq(11))
        .all()
        .unwrap();
    assert_eq!(owner.iter().map(|m| m.borrow().id).collect::<Vec<_>>(), [1]);
    // Each member once, however many replies matched; ordered by a joined column.
    let with_replies = session
        .query::<Member>()
        .join(Member::notes())
        .join(Note::replies())
        .filter(members::id.le(5))
        .order_by(notes::id.desc())
        .all()
        .unwrap();
    assert_eq!(with_replies.iter().map(|m| m.borrow().id).collect::<Vec<_>>(), [5, 4, 2, 1]);
    // Up a many-to-one.
    let by_m2 = session
        .query::<Note>()
        .join(Note::author())
        .filter(members::name.eq("m2"))
        .order_by(notes::id)
        .all()
        .unwrap();
    let expected: Vec<i32> = notes::table
        .select(notes::id)
        .filter(notes::member_id.eq(2))
        .order_by(notes::id)
        .load(session.connection())
        .unwrap();
    assert_eq!(by_m2.iter().map(|n| n.borrow().id).collect::<Vec<_>>(), expected);
    assert_eq!(expected.len(), 2);
    // LEFT OUTER JOIN: the members without notes (every third).
    let without = session
        .query::<Member>()
        .outer_join(Member::notes())
        .filter(notes::id.is_null())
        .order_by(members::id)
        .all()
        .unwrap();
    assert_eq!(without.len(), 33);
    assert!(without.iter().all(|m| m.borrow().id % 3 == 0));
});

crate::backend_test!(both_directions_stay_in_step, |conn| {
    seed(conn);
    let mut session = Session::new(&mut *conn);
    // Members 1 and 2 with their notes loaded (1 has one note, 2 has two).
    let members = session
        .query::<Member>()
        .filter(members::id.le(2))
        .order_by(members::id)
        .load(Member::notes())
        .all()
        .unwrap();
    let (m1, m2) = (members[0].clone(), members[1].clone());
    let note = m2.borrow().notes.get().unwrap()[0].clone();
    session.related(&note, Note::author()).unwrap();
    // From the many-to-one side: the note moves from m2 to m1, in both collections.
    session.attach(&note, Note::author(), &m1).unwrap();
    assert!(note.borrow().author.get().unwrap().as_ref().unwrap().ptr_eq(&m1));
    assert!(m1.borrow().notes.get().unwrap().iter().any(|n| n.ptr_eq(&note)));
    assert!(!m2.borrow().notes.get().unwrap().iter().any(|n| n.ptr_eq(&note)));
    assert_eq!(m1.borrow().notes.get().unwrap().len(), 2);
    assert_eq!(m2.borrow().notes.get().unwrap().len(), 1);
    session.commit().unwrap();
    let owner: i32 = notes::table
        .select(notes::member_id)
        .filter(notes::id.eq(note.borrow().id))
        .first(session.connection())
        .unwrap();
    assert_eq!(owner, 1);
    // And from the one-to-many side, back again.
    session.attach(&m2, Member::notes(), &note).unwrap();
    assert_eq!(m2.borrow().notes.get().unwrap().len(), 2);
    session.commit().unwrap();
    let owner: i32 = notes::table
        .select(notes::member_id)
        .filter(notes::id.eq(note.borrow().id))
        .first(session.connection())
        .unwrap();
    assert_eq!(owner, 2);
});

crate::backend_test!(chains_nest_either_way_and_load_alike, |conn| {
    seed(conn);
    // notes -> author -> the author's notes -> their replies, four models, three levels.
    type Shape = Vec<(i32, i32, Vec<(i32, usize)>)>;
    fn shape(notes: &[aludel::orm::Obj<Note>]) -> Shape {
        let mut out: Shape = notes
            .iter()
            .map(|n| {
                let n = n.borrow();
                let author = n.author.get().unwrap().as_ref().unwrap().clone();
                let author = author.borrow();
                let mut theirs: Vec<(i32, usize)> = author
                    .notes
                    .get()
                    .unwrap()
                    .iter()
                    .map(|o| (o.borrow().id, o.borrow().replies.get().unwrap().len()))
                    .collect();
                theirs.sort();
                (n.id, author.id, theirs)
            })
            .collect();
        out.sort();
        out
    }
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = log.clone();
    conn.instrumentation().set_hook(move |e| sink.lock().unwrap().push(e.sql.to_owned()));
    let selects = |log: &Arc<Mutex<Vec<String>>>| {
        let n = log.lock().unwrap().iter().filter(|s| s.starts_with("SELECT")).count();
        log.lock().unwrap().clear();
        n
    };
    let left = Note::author().then(Member::notes()).then(Note::replies());
    let right = Note::author().then(Member::notes().then(Note::replies()));
    let mut shapes = Vec::new();
    for joined in [true, false] {
        for nested_left in [true, false] {
            let mut session = Session::new(&mut *conn);
            let query = session.query::<Note>().filter(notes::member_id.le(10));
            let notes = match (joined, nested_left) {
                (true, true) => query.all_joined(left).unwrap(),
                (true, false) => query.all_joined(right).unwrap(),
                (false, true) => query.load(left).all().unwrap(),
                (false, false) => query.load(right).all().unwrap(),
            };
            assert_eq!(selects(&log), if joined { 1 } else { 4 });
            shapes.push(shape(&notes));
        }
    }
    assert!(shapes.iter().all(|s| *s == shapes[0]));
    // Members 1..=10 have 1, 2, 0, 1, 2, 0, 1, 2, 0, 1 notes: 10 in all, each with 2 replies.
    assert_eq!(shapes[0].len(), 10);
    assert!(shapes[0].iter().all(|(_, _, theirs)| theirs.iter().all(|(_, r)| *r == 2)));
    assert_eq!(shapes[0][1].2.len(), 2, "member 2's two notes");
});

crate::backend_test!(collections_load_in_the_relationships_order, |conn| {
    seed(conn);
    let newest_first = || Member::notes().order_by(notes::id.desc());
    let ids = |m: &aludel::orm::Obj<Member>| -> Vec<i32> {
        m.borrow().notes.get().unwrap().iter().map(|n| n.borrow().id).collect()
    };
    // Members 2, 5, 8 have two notes each: (2, 3), (5, 6), (8, 9).
    let wanted = [vec![3, 2], vec![6, 5], vec![9, 8]];
    let select_in = {
        let mut session = Session::new(&mut *conn);
        let members = session
            .query::<Member>()
            .filter(members::id.in_([2, 5, 8]))
            .order_by(members::id)
            .load(newest_first())
            .all()
            .unwrap();
        members.iter().map(ids).collect::<Vec<_>>()
    };
    assert_eq!(select_in, wanted);
    let joined = {
        let mut session = Session::new(&mut *conn);
        let members = session
            .query::<Member>()
            .filter(members::id.in_([2, 5, 8]))
            .order_by(members::id)
            .all_joined(newest_first())
            .unwrap();
        members.iter().map(ids).collect::<Vec<_>>()
    };
    assert_eq!(joined, wanted);
    let mut session = Session::new(&mut *conn);
    let m5 = session.get::<Member>(5).unwrap().unwrap();
    let lazy: Vec<i32> = session
        .related(&m5, Member::notes().order_by(notes::id))
        .unwrap()
        .iter()
        .map(|n| n.borrow().id)
        .collect();
    assert_eq!(lazy, [5, 6]);
});
