//! Joins: inner, outer (nullable sides), cross, chains of three tables.

use aludel::prelude::*;

aludel::table! {
    authors (id) { id -> Integer, name -> Text, }
    books (id) {
        id -> Integer,
        #[references(authors::id)] author_id -> Nullable<Integer>,
        title -> Text,
    }
    reviews (id) {
        id -> Integer,
        #[references(books::id)] book_id -> Integer,
        stars -> Integer,
    }
}

fn seed<C: Connection>(conn: &mut C) {
    MetaData::new([authors::table::def(), books::table::def(), reviews::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
    insert(authors::table)
        .values(vec![
            (authors::name.eq("le guin"),),
            (authors::name.eq("herbert"),),
            (authors::name.eq("nobody"),),
        ])
        .execute(conn)
        .unwrap();
    insert(books::table)
        .values(vec![
            (books::author_id.eq(Some(1)), books::title.eq("earthsea")),
            (books::author_id.eq(Some(1)), books::title.eq("lathe")),
            (books::author_id.eq(Some(2)), books::title.eq("dune")),
            (books::author_id.eq(None::<i32>), books::title.eq("anonymous")),
        ])
        .execute(conn)
        .unwrap();
    insert(reviews::table)
        .values(vec![
            (reviews::book_id.eq(1), reviews::stars.eq(5)),
            (reviews::book_id.eq(3), reviews::stars.eq(4)),
            (reviews::book_id.eq(3), reviews::stars.eq(2)),
        ])
        .execute(conn)
        .unwrap();
}

crate::backend_test!(inner_and_outer_joins, |conn| {
    seed(conn);
    let inner: Vec<(String, String)> = authors::table
        .join(books::table, books::author_id.eq(authors::id))
        .select((authors::name, books::title))
        .order_by(books::id)
        .load(conn)
        .unwrap();
    assert_eq!(
        inner,
        [
            ("le guin".into(), "earthsea".into()),
            ("le guin".into(), "lathe".into()),
            ("herbert".into(), "dune".into())
        ]
    );

    // LEFT OUTER JOIN: the right side is nullable in the result type.
    let left: Vec<(String, Option<String>)> = authors::table
        .outer_join(books::table, books::author_id.eq(authors::id))
        .select((authors::name, books::title))
        .order_by((authors::id, books::id))
        .load(conn)
        .unwrap();
    assert_eq!(left.len(), 4);
    assert_eq!(left[3], ("nobody".into(), None));

    // RIGHT and FULL joins make the left (and both) sides nullable.
    let right: Vec<(Option<String>, String)> = authors::table
        .right_join(books::table, books::author_id.eq(authors::id))
        .select((authors::name, books::title))
        .order_by(books::id)
        .load(conn)
        .unwrap();
    assert_eq!(right[3], (None, "anonymous".into()));
    let full: Vec<(Option<String>, Option<String>)> = authors::table
        .full_join(books::table, books::author_id.eq(authors::id))
        .select((authors::name, books::title))
        .load(conn)
        .unwrap();
    assert_eq!(full.len(), 5);
    assert!(full.contains(&(Some("nobody".into()), None)));
    assert!(full.contains(&(None, Some("anonymous".into()))));

    // The default selection of a left join loads as (Left, Option<Right>).
    let whole: Vec<((i32, String), Option<(i32, Option<i32>, String)>)> = authors::table
        .outer_join(books::table, books::author_id.eq(authors::id))
        .order_by((authors::id, books::id))
        .load(conn)
        .unwrap();
    assert_eq!(whole[0], ((1, "le guin".into()), Some((1, Some(1), "earthsea".into()))));
    assert_eq!(whole[3], ((3, "nobody".into()), None));
});

crate::backend_test!(three_tables_and_implicit_joins, |conn| {
    seed(conn);
    let chain: Vec<(String, String, i32)> = authors::table
        .join(books::table, books::author_id.eq(authors::id))
        .join(reviews::table, reviews::book_id.eq(books::id))
        .select((authors::name, books::title, reviews::stars))
        .filter(reviews::stars.ge(3))
        .order_by(reviews::stars.desc())
        .load(conn)
        .unwrap();
    assert_eq!(
        chain,
        [("le guin".into(), "earthsea".into(), 5), ("herbert".into(), "dune".into(), 4)]
    );

    // Left join then left join: both later sides nullable.
    let outer_chain: Vec<(String, Option<String>, Option<i32>)> = authors::table
        .outer_join(books::table, books::author_id.eq(authors::id))
        .outer_join(reviews::table, reviews::book_id.eq(books::id))
        .select((authors::name, books::title, reviews::stars))
        .order_by((authors::id, books::id, reviews::id))
        .load(conn)
        .unwrap();
    assert_eq!(outer_chain.len(), 5);
    assert_eq!(outer_chain[1], ("le guin".into(), Some("lathe".into()), None));
    assert_eq!(outer_chain[4], ("nobody".into(), None, None));

    // Several tables in FROM with the condition in WHERE.
    let implicit: Vec<(String, String)> = authors::table
        .cross_join(books::table)
        .select((authors::name, books::title))
        .filter(books::author_id.eq(authors::id).and(authors::name.eq("herbert")))
        .load(conn)
        .unwrap();
    assert_eq!(implicit, [("herbert".into(), "dune".into())]);
    let pairs: Vec<(i32, i32)> = authors::table
        .cross_join(books::table)
        .select((authors::id, books::id))
        .load(conn)
        .unwrap();
    assert_eq!(pairs.len(), 12);
});

#[test]
fn join_sql() {
    let q = authors::table
        .join(books::table, books::author_id.eq(authors::id))
        .outer_join(reviews::table, reviews::book_id.eq(books::id).and(reviews::stars.gt(3)))
        .select((authors::name, reviews::stars));
    assert_eq!(
        q.compile::<Sqlite>().sql(),
        r#"SELECT "authors"."name", "reviews"."stars" FROM "authors" INNER JOIN "books" ON ("books"."author_id" = "authors"."id") LEFT OUTER JOIN "reviews" ON (("reviews"."book_id" = "books"."id") AND ("reviews"."stars" > ?1))"#
    );
}

aludel::alias!(co_author = authors::table, other_book = books::table);

crate::backend_test!(foreign_key_joins_and_self_joins, |conn| {
    seed(conn);
    // Along the declared foreign key, in both directions.
    let via: Vec<(String, String)> = authors::table
        .join_via(books::author_id)
        .select((authors::name, books::title))
        .order_by(books::id)
        .load(conn)
        .unwrap();
    assert_eq!(via.len(), 3);
    let back: Vec<(String, Option<String>)> = books::table
        .outer_join_via(books::author_id)
        .select((books::title, authors::name))
        .order_by(books::id)
        .load(conn)
        .unwrap();
    assert_eq!(back[3], ("anonymous".into(), None));
    // Three tables along two foreign keys.
    let stars: Vec<(String, i32)> = authors::table
        .join_via(books::author_id)
        .join_via(reviews::book_id)
        .select((authors::name, reviews::stars))
        .order_by(reviews::id)
        .load(conn)
        .unwrap();
    assert_eq!(stars, [("le guin".into(), 5), ("herbert".into(), 4), ("herbert".into(), 2)]);

    // A self-join through an alias: pairs of distinct books by the same author.
    let pairs: Vec<(String, String)> = books::table
        .join(
            other_book,
            other_book
                .col(books::author_id)
                .eq(books::author_id)
                .and(other_book.col(books::id).gt(books::id)),
        )
        .select((books::title, other_book.col(books::title)))
        .load(conn)
        .unwrap();
    assert_eq!(pairs, [("earthsea".into(), "lathe".into())]);
    // The same table twice under two names, in an outer join: the alias side is nullable.
    let others: Vec<(String, Option<String>)> = authors::table
        .outer_join(co_author, co_author.col(authors::id).eq(authors::id + 1))
        .select((authors::name, co_author.col(authors::name)))
        .order_by(authors::id)
        .load(conn)
        .unwrap();
    assert_eq!(others[0], ("le guin".into(), Some("herbert".into())));
    assert_eq!(others[2], ("nobody".into(), None));
});
