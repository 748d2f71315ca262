//! Twins of the FROM-scope cases: a column is usable only where its table is in the query's
//! FROM clause (select list, WHERE, ORDER BY, join conditions, windows, boxed queries,
//! subqueries). Each twin brings the offending table into scope (a join, the statement's own
//! table, or a correlation) and keeps the offending expression as it was.

use super::schema::*;
use aludel::prelude::*;

aludel::table! {
    // Labels of posts: the third table of `join_condition_column_not_in_from`.
    tags (id) { id -> Integer, post_id -> Integer, label -> Text, }
    // Posts with a boolean column, for the boolean-column-as-condition case.
    drafts (id) { id -> Integer, user_id -> Integer, published -> Bool, }
}

crate::backend_test!(select_column_not_in_from, |conn| {
    seed(conn);
    // `posts::title` is selectable once posts is joined in.
    let rows: Vec<(i32, String)> = users::table
        .join(posts::table, posts::user_id.eq(users::id))
        .select((users::id, posts::title))
        .order_by(posts::id)
        .load(conn)
        .unwrap();
    assert_eq!(
        rows,
        [(1, "hello".into()), (1, "again".into()), (2, "first".into()), (3, "last".into())]
    );
});

crate::backend_test!(select_single_column_not_in_from, |conn| {
    seed(conn);
    let titles: Vec<String> = users::table
        .join(posts::table, posts::user_id.eq(users::id))
        .select(posts::title)
        .filter(users::name.eq("ada"))
        .order_by(posts::id)
        .load(conn)
        .unwrap();
    assert_eq!(titles, ["hello", "again"]);
});

crate::backend_test!(filter_column_not_in_from, |conn| {
    seed(conn);
    let names: Vec<String> = users::table
        .join(posts::table, posts::user_id.eq(users::id))
        .filter(posts::title.eq("hello"))
        .select(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ada"]);
});

crate::backend_test!(filter_bool_column_not_in_from, |conn| {
    seed(conn);
    MetaData::new([drafts::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(drafts::table)
        .values(vec![
            (drafts::user_id.eq(1), drafts::published.eq(false)),
            (drafts::user_id.eq(2), drafts::published.eq(true)),
        ])
        .execute(conn)
        .unwrap();
    // A boolean column of a joined table is a WHERE condition.
    let names: Vec<String> = users::table
        .join(drafts::table, drafts::user_id.eq(users::id))
        .filter(drafts::published)
        .select(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(names, ["bob"]);
});

crate::backend_test!(order_by_column_not_in_from, |conn| {
    seed(conn);
    let names: Vec<String> = users::table
        .join(posts::table, posts::user_id.eq(users::id))
        .select(users::name)
        .order_by(posts::id)
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ada", "ada", "bob", "cy"]);
});

crate::backend_test!(order_by_desc_column_not_in_from, |conn| {
    seed(conn);
    let names: Vec<String> = users::table
        .join(posts::table, posts::user_id.eq(users::id))
        .select(users::name)
        .order_by(posts::id.desc())
        .load(conn)
        .unwrap();
    assert_eq!(names, ["cy", "bob", "ada", "ada"]);
});

crate::backend_test!(join_condition_column_not_in_from, |conn| {
    seed(conn);
    MetaData::new([tags::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(tags::table)
        .values(vec![
            (tags::post_id.eq(1), tags::label.eq("greeting")),
            (tags::post_id.eq(3), tags::label.eq("intro")),
        ])
        .execute(conn)
        .unwrap();
    // `tags::post_id` may appear in a join condition once tags is one of the joined tables.
    let rows: Vec<(String, String)> = users::table
        .join(posts::table, posts::user_id.eq(users::id))
        .join(tags::table, tags::post_id.eq(posts::id))
        .select((users::name, tags::label))
        .order_by(tags::id)
        .load(conn)
        .unwrap();
    assert_eq!(rows, [("ada".into(), "greeting".into()), ("bob".into(), "intro".into())]);
});

crate::backend_test!(window_partition_column_not_in_from, |conn| {
    seed(conn);
    // Numbering each user's posts: `posts::user_id` partitions once posts is joined in.
    let rows: Vec<(String, i64)> = users::table
        .join(posts::table, posts::user_id.eq(users::id))
        .select((
            users::name,
            row_number().over(Window::new().partition_by(posts::user_id).order_by(users::id)),
        ))
        .order_by(posts::id)
        .load(conn)
        .unwrap();
    let mut sorted = rows.clone();
    sorted.sort();
    assert_eq!(sorted, [("ada".into(), 1), ("ada".into(), 2), ("bob".into(), 1), ("cy".into(), 1)]);
});

crate::backend_test!(boxed_filter_column_not_in_scope, |conn| {
    seed(conn);
    // A boxed query reaches posts once it may join it and does.
    let rows: Vec<(i32, String, Option<String>, i32)> = users::table
        .into_boxed()
        .may_join::<posts::table>()
        .join(posts::table, posts::user_id.eq(users::id))
        .filter(posts::id.eq(1))
        .load(conn)
        .unwrap();
    assert_eq!(rows, [(1, "ada".into(), Some("ada@example.com".into()), 36)]);
});

crate::backend_test!(subquery_column_without_correlation, |conn| {
    seed(conn);
    // Correlated with users, the subquery may use `users::id`; it runs inside a query over
    // users.
    let inner =
        posts::table.correlate(users::table).select(posts::id).filter(posts::user_id.eq(users::id));
    let names: Vec<String> = users::table
        .select(users::name)
        .filter(exists(inner))
        .order_by(users::id)
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ada", "bob", "cy"]);
});

crate::backend_test!(correlated_subquery_outside_its_scope, |conn| {
    seed(conn);
    insert(users::table)
        .values((users::name.eq("dee"), users::email.eq(None::<&str>), users::age.eq(50)))
        .execute(conn)
        .unwrap();
    // The subquery correlated with users runs in a query whose FROM has users (not posts):
    // users with a post, so not `dee`.
    let inner =
        posts::table.correlate(users::table).select(posts::id).filter(posts::user_id.eq(users::id));
    let names: Vec<String> = users::table
        .select(users::name)
        .filter(exists(inner))
        .order_by(users::id)
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ada", "bob", "cy"]);
});

crate::backend_test!(derived_column_not_selected_by_the_subquery, |conn| {
    seed(conn);
    // Read a column the subquery selects.
    let best = max(posts::score).label("best");
    let sub = posts::table.group_by(posts::user_id).select((posts::user_id, best)).alias("sub");
    let (user, top) = (sub.c(posts::user_id), sub.c(best));
    let rows: Vec<(i32, Option<i32>)> = sub.select((user, top)).order_by(user).load(conn).unwrap();
    assert_eq!(rows, [(1, Some(5)), (2, Some(8)), (3, Some(1))]);
});

crate::backend_test!(derived_column_of_an_unlabeled_expression, |conn| {
    seed(conn);
    // Label the expression in the subquery and read it by that labeled expression.
    let best = max(posts::score).label("best");
    let sub = posts::table.group_by(posts::user_id).select((posts::user_id, best)).alias("sub");
    let top: Option<i32> = sub.clone().select(max(sub.c(best))).first(conn).unwrap();
    assert_eq!(top, Some(8));
});

crate::backend_test!(inline_cte_read_without_with, |conn| {
    seed(conn);
    // Declare the CTE on the statement that reads it.
    let best = max(posts::score).label("best");
    let tops = posts::table.group_by(posts::user_id).select((posts::user_id, best)).cte("tops");
    let mut scores: Vec<Option<i32>> =
        tops.clone().select(tops.c(best)).with(tops).load(conn).unwrap();
    scores.sort();
    assert_eq!(scores, [Some(1), Some(5), Some(8)]);
});
