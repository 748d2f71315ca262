//! Twins of the statement-composition cases: set operations (ORDER BY by output columns,
//! combined nullability), CTE and derived-table columns filled with respected nullability, and
//! WITH scope (a CTE reads only CTEs declared before it, itself only in a recursive step).

use super::schema::*;
use aludel::prelude::*;

aludel::table! {
    // Shapes of CTEs and derived tables (no primary key): the corrected declarations.
    #[cte] user_scores { user_id -> Integer, total -> Nullable<BigInt>, }
    #[cte] score_totals { user_id -> Integer, total -> BigInt, }
    #[cte] user_titles { name -> Text, title -> Nullable<Text>, }
    #[cte] contacts { value -> Nullable<Text>, }
    #[cte] steps { n -> Integer, label -> Nullable<Text>, }
    #[cte] adults { id -> Integer, name -> Text, }
    #[cte] adult_names { name -> Text, }
    #[cte] names_only { name -> Text, }
    #[cte] names { name -> Text, }
    #[cte] adult_titles { name -> Text, title -> Text, }
    #[cte] series { n -> Integer, }
}

fn sorted<T: Ord>(mut rows: Vec<T>) -> Vec<T> {
    rows.sort();
    rows
}

// Set operations.

crate::backend_test!(order_by_of_union_not_in_select_list, |conn| {
    seed(conn);
    let rows: Vec<String> = users::table
        .select(users::name)
        .union(posts::table.select(posts::title))
        .order_by(users::name)
        .load(conn)
        .unwrap();
    assert_eq!(rows, ["ada", "again", "bob", "cy", "first", "hello", "last"]);
});

crate::backend_test!(order_by_of_compound_of_compound_not_in_select_list, |conn| {
    seed(conn);
    let rows: Vec<(i32, String)> = users::table
        .select((users::id, users::name))
        .union_all(posts::table.select((posts::id, posts::title)))
        .except(users::table.select((users::id, users::name)).filter(users::age.lt(18)))
        .order_by((users::id, users::name.desc()))
        .load(conn)
        .unwrap();
    let expected = [(1, "hello"), (1, "ada"), (2, "again"), (3, "first"), (3, "cy"), (4, "last")];
    assert_eq!(rows, expected.map(|(id, name)| (id, name.to_owned())));
});

crate::backend_test!(order_by_of_union_by_expression, |conn| {
    seed(conn);
    let rows: Vec<(String, i32)> = users::table
        .select((users::name, users::age))
        .union(posts::table.select((posts::title, posts::score)))
        .order_by((users::age, users::name))
        .load(conn)
        .unwrap();
    let names: Vec<&str> = rows.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["last", "again", "hello", "first", "bob", "ada", "cy"]);
});

crate::backend_test!(order_by_of_except_by_right_side_column, |conn| {
    seed(conn);
    let rows: Vec<String> = users::table
        .select(users::name)
        .except(posts::table.select(posts::title))
        .order_by(users::name.desc())
        .load(conn)
        .unwrap();
    assert_eq!(rows, ["cy", "bob", "ada"]);
});

crate::backend_test!(union_with_nullable_side_loaded_into_non_option, |conn| {
    seed(conn);
    let rows: Vec<Option<String>> = users::table
        .select(users::name)
        .union(users::table.select(users::email))
        .load(conn)
        .unwrap();
    let expected = [None, Some("ada"), Some("ada@example.com"), Some("bob"), Some("cy")];
    let mut expected: Vec<Option<String>> = expected.iter().map(|v| v.map(str::to_owned)).collect();
    expected.push(Some("cy@example.com".to_owned()));
    assert_eq!(sorted(rows), expected);
});

crate::backend_test!(compound_of_compound_with_nullable_side_loaded_into_non_option, |conn| {
    seed(conn);
    let rows: Vec<(i32, Option<String>)> = users::table
        .select((users::id, users::name))
        .union_all(posts::table.select((posts::id, posts::title)))
        .union_all(users::table.select((users::age, users::email)))
        .load(conn)
        .unwrap();
    assert_eq!(rows.len(), 10);
    assert!(rows.contains(&(17, None)));
    assert!(rows.contains(&(36, Some("ada@example.com".to_owned()))));
});

// CTE and derived-table columns carry the nullability of what fills them.

crate::backend_test!(cte_not_null_column_filled_by_sum, |conn| {
    seed(conn);
    let rows: Vec<Option<i64>> = user_scores::table
        .select(user_scores::total)
        .order_by(user_scores::user_id)
        .with(cte(
            user_scores::table,
            posts::table.group_by(posts::user_id).select((posts::user_id, sum(posts::score))),
        ))
        .load(conn)
        .unwrap();
    assert_eq!(rows, [Some(8), Some(8), Some(1)]);
});

crate::backend_test!(derived_table_not_null_column_filled_by_sum, |conn| {
    seed(conn);
    let rows: Vec<i64> = posts::table
        .group_by(posts::user_id)
        .select((posts::user_id, coalesce(sum(posts::score), 0i64)))
        .subquery(score_totals::table)
        .select(score_totals::total)
        .order_by(score_totals::user_id)
        .load(conn)
        .unwrap();
    assert_eq!(rows, [8, 8, 1]);
});

crate::backend_test!(cte_not_null_column_filled_by_outer_join, |conn| {
    seed(conn);
    insert(users::table)
        .values((users::name.eq("dee"), users::email.eq(None::<&str>), users::age.eq(50)))
        .execute(conn)
        .unwrap();
    let rows: Vec<(String, Option<String>)> = user_titles::table
        .select((user_titles::name, user_titles::title))
        .filter(user_titles::name.ne("ada"))
        .order_by(user_titles::name)
        .with(cte(
            user_titles::table,
            users::table
                .outer_join(posts::table, posts::user_id.eq(users::id))
                .select((users::name, posts::title)),
        ))
        .load(conn)
        .unwrap();
    let expected = [("bob", Some("first")), ("cy", Some("last")), ("dee", None)];
    assert_eq!(rows, expected.map(|(n, t)| (n.to_owned(), t.map(str::to_owned))));
});

crate::backend_test!(derived_table_not_null_column_filled_by_outer_join, |conn| {
    seed(conn);
    insert(users::table)
        .values((users::name.eq("dee"), users::email.eq(None::<&str>), users::age.eq(50)))
        .execute(conn)
        .unwrap();
    let rows: Vec<Option<String>> = users::table
        .outer_join(posts::table, posts::user_id.eq(users::id))
        .select((users::name, posts::title))
        .subquery(user_titles::table)
        .select(user_titles::title)
        .filter(user_titles::name.ge("cy"))
        .order_by(user_titles::name)
        .load(conn)
        .unwrap();
    assert_eq!(rows, [Some("last".to_owned()), None]);
});

crate::backend_test!(cte_not_null_column_filled_by_union_with_nullable_side, |conn| {
    seed(conn);
    let rows: Vec<Option<String>> = contacts::table
        .select(contacts::value)
        .filter(contacts::value.is_null())
        .with(cte(
            contacts::table,
            users::table.select(users::name).union(users::table.select(users::email)),
        ))
        .load(conn)
        .unwrap();
    assert_eq!(rows, [None]);
});

crate::backend_test!(recursive_cte_step_yields_null_for_not_null_column, |conn| {
    seed(conn);
    let rows: Vec<(i32, Option<String>)> = steps::table
        .select((steps::n, steps::label))
        .order_by(steps::n)
        .with_recursive(cte(
            steps::table,
            select((1, "start")).union_all(
                steps::table
                    .join(users::table, users::id.eq(steps::n))
                    .select((steps::n + 1, users::email))
                    .filter(steps::n.lt(3)),
            ),
        ))
        .load(conn)
        .unwrap();
    let expected = [(1, Some("start")), (2, Some("ada@example.com")), (3, None)];
    assert_eq!(rows, expected.map(|(n, l)| (n, l.map(str::to_owned))));
});

// WITH scope.

crate::backend_test!(cte_reads_a_cte_declared_after_it, |conn| {
    seed(conn);
    let rows: Vec<String> = adult_names::table
        .select(adult_names::name)
        .order_by(adult_names::name)
        .with(cte(
            adults::table,
            users::table.select((users::id, users::name)).filter(users::age.ge(18)),
        ))
        .with(cte(adult_names::table, adults::table.select(adults::name)))
        .load(conn)
        .unwrap();
    assert_eq!(rows, ["ada", "cy"]);
});

crate::backend_test!(cte_reads_itself_without_recursive, |conn| {
    counts_to_three(conn);
});

crate::backend_test!(recursive_cte_anchor_reads_itself, |conn| {
    counts_to_three(conn);
});

crate::backend_test!(cte_reads_an_undeclared_cte, |conn| {
    seed(conn);
    let rows: Vec<String> = adult_names::table
        .select(adult_names::name)
        .order_by(adult_names::name.desc())
        .with(cte(
            adults::table,
            users::table.select((users::id, users::name)).filter(users::age.ge(18)),
        ))
        .with(cte(adult_names::table, adults::table.select(adults::name)))
        .load(conn)
        .unwrap();
    assert_eq!(rows, ["cy", "ada"]);
});

crate::backend_test!(cte_derived_table_reads_a_cte_declared_after_it, |conn| {
    seed(conn);
    let rows: Vec<String> = adult_names::table
        .select(adult_names::name)
        .order_by(adult_names::name)
        .with(cte(
            adults::table,
            users::table.select((users::id, users::name)).filter(users::age.ge(18)),
        ))
        .with(cte(
            adult_names::table,
            adults::table.select(adults::name).subquery(names_only::table).select(names_only::name),
        ))
        .load(conn)
        .unwrap();
    assert_eq!(rows, ["ada", "cy"]);
});

crate::backend_test!(recursive_cte_step_not_matching_anchor, |conn| {
    seed(conn);
    let rows: Vec<i32> = series::table
        .select(series::n)
        .order_by(series::n.desc())
        .with_recursive(cte(
            series::table,
            select(1).union_all(series::table.select(series::n + 1).filter(series::n.lt(4))),
        ))
        .load(conn)
        .unwrap();
    assert_eq!(rows, [4, 3, 2, 1]);
});

crate::backend_test!(order_by_of_union_of_whole_rows_not_in_select_list, |conn| {
    seed(conn);
    let rows: Vec<(i32, String, Option<String>, i32)> = users::table
        .filter(users::age.ge(18))
        .union(users::table.filter(users::age.lt(18)))
        .order_by(users::name.desc())
        .load(conn)
        .unwrap();
    let names: Vec<&str> = rows.iter().map(|row| row.1.as_str()).collect();
    assert_eq!(names, ["cy", "bob", "ada"]);
});

crate::backend_test!(cte_boxed_query_reads_a_cte_declared_after_it, |conn| {
    seed(conn);
    let rows: Vec<String> = adult_names::table
        .select(adult_names::name)
        .order_by(adult_names::name)
        .with(cte(
            adults::table,
            users::table.select((users::id, users::name)).filter(users::age.ge(18)),
        ))
        .with(cte(adult_names::table, adults::table.select(adults::name).into_boxed()))
        .load(conn)
        .unwrap();
    assert_eq!(rows, ["ada", "cy"]);
});

crate::backend_test!(cte_join_reads_an_undeclared_cte, |conn| {
    seed(conn);
    let rows: Vec<String> = adult_titles::table
        .select(adult_titles::title)
        .order_by(adult_titles::title)
        .with(cte(
            adults::table,
            users::table.select((users::id, users::name)).filter(users::age.ge(18)),
        ))
        .with(cte(
            adult_titles::table,
            posts::table
                .join(adults::table, adults::id.eq(posts::user_id))
                .select((adults::name, posts::title)),
        ))
        .load(conn)
        .unwrap();
    assert_eq!(rows, ["again", "hello", "last"]);
});

aludel::alias!(grown = adults::table);

crate::backend_test!(cte_alias_reads_a_cte_declared_after_it, |conn| {
    seed(conn);
    let rows: Vec<String> = adult_names::table
        .select(adult_names::name)
        .order_by(adult_names::name)
        .with(cte(
            adults::table,
            users::table.select((users::id, users::name)).filter(users::age.ge(18)),
        ))
        .with(cte(adult_names::table, grown.select(grown.col(adults::name))))
        .load(conn)
        .unwrap();
    assert_eq!(rows, ["ada", "cy"]);
});

crate::backend_test!(union_of_different_column_types, |conn| {
    seed(conn);
    let rows: Vec<String> = users::table
        .select(users::name)
        .union(posts::table.select(posts::title))
        .load(conn)
        .unwrap();
    assert_eq!(sorted(rows), ["ada", "again", "bob", "cy", "first", "hello", "last"]);
});

crate::backend_test!(cte_query_not_matching_columns, |conn| {
    seed(conn);
    let rows: Vec<String> = names::table
        .select(names::name)
        .order_by(names::name)
        .with(cte(names::table, users::table.select(users::name)))
        .load(conn)
        .unwrap();
    assert_eq!(rows, ["ada", "bob", "cy"]);
});

crate::backend_test!(main_statement_reads_an_undeclared_cte, |conn| {
    seed(conn);
    assert_eq!(adult_names_declared(conn), ["ada", "cy"]);
});

crate::backend_test!(main_statement_reads_a_cte_its_with_does_not_declare, |conn| {
    seed(conn);
    let mut names = adult_names_declared(conn);
    names.reverse();
    assert_eq!(names, ["cy", "ada"]);
});

/// The valid recursive CTE of the series cases: anchor, then a step that reads the CTE.
fn counts_to_three<C: Connection>(conn: &mut C) {
    seed(conn);
    let rows: Vec<i32> = series::table
        .select(series::n)
        .order_by(series::n)
        .with_recursive(cte(
            series::table,
            select(1).union_all(series::table.select(series::n + 1).filter(series::n.lt(3))),
        ))
        .load(conn)
        .unwrap();
    assert_eq!(rows, [1, 2, 3]);
}

/// The adults' names, read from the `adults` CTE that the statement's own WITH declares.
fn adult_names_declared<C: Connection>(conn: &mut C) -> Vec<String> {
    adults::table
        .select(adults::name)
        .order_by(adults::name)
        .with(cte(
            adults::table,
            users::table.select((users::id, users::name)).filter(users::age.ge(18)),
        ))
        .load(conn)
        .unwrap()
}
