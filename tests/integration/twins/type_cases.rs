//! Twins of the SQL-type cases: comparisons, boolean conditions, bound Rust values, operators,
//! functions, CAST, CASE, IN, set operations and CTE columns. Each twin gives the operator or
//! function an operand of the type its message asks for.

use super::schema::*;
use aludel::prelude::*;

aludel::table! {
    // A boolean and a floating-point column.
    accounts (id) { id -> Integer, active -> Bool, balance -> Double, }
    // The one-column CTE table of `cte_query_not_matching_columns`.
    #[cte] names { name -> Text, }
}

fn seed_accounts<C: Connection>(conn: &mut C) {
    MetaData::new([accounts::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(accounts::table)
        .values(vec![
            (accounts::active.eq(true), accounts::balance.eq(7.0)),
            (accounts::active.eq(false), accounts::balance.eq(10.0)),
        ])
        .execute(conn)
        .unwrap();
}

crate::backend_test!(compare_incompatible_sql_types, |conn| {
    seed(conn);
    insert(users::table)
        .values((users::name.eq("dee"), users::email.eq(None::<&str>), users::age.eq(4)))
        .execute(conn)
        .unwrap();
    // Integer compared with Integer (user 4 is 4 years old).
    let names: Vec<String> =
        users::table.select(users::name).filter(users::id.eq(users::age)).load(conn).unwrap();
    assert_eq!(names, ["dee"]);
});

crate::backend_test!(compare_with_wrong_rust_type, |conn| {
    seed(conn);
    let names: Vec<String> =
        users::table.select(users::name).filter(users::id.eq(2)).load(conn).unwrap();
    assert_eq!(names, ["bob"]);
});

crate::backend_test!(filter_non_boolean, |conn| {
    seed(conn);
    let ids: Vec<i32> = users::table
        .select(users::id)
        .filter(users::id.gt(1))
        .order_by(users::id)
        .load(conn)
        .unwrap();
    assert_eq!(ids, [2, 3]);
});

crate::backend_test!(filter_nullable_non_boolean, |conn| {
    seed(conn);
    let names: Vec<String> = users::table
        .select(users::name)
        .filter(users::email.is_not_null())
        .order_by(users::id)
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ada", "cy"]);
});

crate::backend_test!(and_non_boolean_operand, |conn| {
    seed(conn);
    // A Rust `bool` is a boolean operand of AND.
    let names: Vec<String> =
        users::table.select(users::name).filter(users::id.eq(1).and(true)).load(conn).unwrap();
    assert_eq!(names, ["ada"]);
});

crate::backend_test!(and_column_non_boolean_operand, |conn| {
    seed(conn);
    let names: Vec<String> = users::table
        .select(users::name)
        .filter(users::id.eq(1).and(users::age.eq(36)))
        .load(conn)
        .unwrap();
    assert_eq!(names, ["ada"]);
});

crate::backend_test!(in_list_wrong_rust_type, |conn| {
    seed(conn);
    let names: Vec<String> =
        users::table.select(users::name).filter(users::age.in_([17, 18])).load(conn).unwrap();
    assert_eq!(names, ["bob"]);
});

crate::backend_test!(in_subquery_of_other_type, |conn| {
    seed(conn);
    insert(users::table)
        .values((users::name.eq("dee"), users::email.eq(None::<&str>), users::age.eq(50)))
        .execute(conn)
        .unwrap();
    // The subquery selects an Integer column, comparable with `users::id`.
    let ids: Vec<i32> = users::table
        .select(users::id)
        .filter(users::id.in_subquery(posts::table.select(posts::user_id)))
        .order_by(users::id)
        .load(conn)
        .unwrap();
    assert_eq!(ids, [1, 2, 3]);
});

crate::backend_test!(like_on_non_text, |conn| {
    seed(conn);
    let names: Vec<String> =
        users::table.select(users::name).filter(users::name.like("a%")).load(conn).unwrap();
    assert_eq!(names, ["ada"]);
});

crate::backend_test!(lower_on_integer, |conn| {
    seed(conn);
    insert(users::table)
        .values((users::name.eq("DEE"), users::email.eq(None::<&str>), users::age.eq(50)))
        .execute(conn)
        .unwrap();
    let names: Vec<String> =
        users::table.select(lower(users::name)).order_by(users::id).load(conn).unwrap();
    assert_eq!(names, ["ada", "bob", "cy", "dee"]);
});

crate::backend_test!(arithmetic_on_text, |conn| {
    seed(conn);
    // Text is joined with `concat`, not `+`.
    let names: Vec<String> =
        users::table.select(users::name.concat("suffix")).order_by(users::id).load(conn).unwrap();
    assert_eq!(names, ["adasuffix", "bobsuffix", "cysuffix"]);
});

crate::backend_test!(rust_number_left_of_text, |conn| {
    seed(conn);
    // A Rust number on the left takes a numeric column on the right.
    let halves: Vec<f64> = users::table
        .select(2.5 * users::age.cast::<Double>())
        .order_by(users::id)
        .load(conn)
        .unwrap();
    assert_eq!(halves, [90.0, 42.5, 90.0]);
});

crate::backend_test!(remainder_on_double, |conn| {
    seed_accounts(conn);
    // `%` on the balance cast to an integer (the balances are whole numbers).
    let rests: Vec<i32> = accounts::table
        .select(accounts::balance.cast::<Integer>() % 2)
        .order_by(accounts::id)
        .load(conn)
        .unwrap();
    assert_eq!(rests, [1, 0]);
});

crate::backend_test!(cast_bool_to_date, |conn| {
    seed_accounts(conn);
    // Bool casts to Integer on both dialects (true is 1).
    let flags: Vec<i32> = accounts::table
        .select(accounts::active.cast::<Integer>())
        .order_by(accounts::id)
        .load(conn)
        .unwrap();
    assert_eq!(flags, [1, 0]);
});

crate::backend_test!(case_branches_of_different_types, |conn| {
    seed(conn);
    // Both branches are Text.
    let labels: Vec<String> = users::table
        .select(case_when(users::age.lt(18), users::name).otherwise("adult"))
        .order_by(users::id)
        .load(conn)
        .unwrap();
    assert_eq!(labels, ["adult", "bob", "adult"]);
});

crate::backend_test!(union_of_different_column_types, |conn| {
    seed(conn);
    // Both sides select Text.
    let mut texts: Vec<String> = users::table
        .select(users::name)
        .union(posts::table.select(posts::title))
        .load(conn)
        .unwrap();
    texts.sort();
    assert_eq!(texts, ["ada", "again", "bob", "cy", "first", "hello", "last"]);
});

crate::backend_test!(cte_query_not_matching_columns, |conn| {
    seed(conn);
    // The CTE's query selects one Text column, the CTE table's `name`.
    let mut rows: Vec<String> = names::table
        .select(names::name)
        .with(cte(names::table, users::table.select(users::name)))
        .load(conn)
        .unwrap();
    rows.sort();
    assert_eq!(rows, ["ada", "bob", "cy"]);
});

crate::backend_test!(select_rust_value, |conn| {
    seed(conn);
    // The column, not a Rust string naming it.
    let names: Vec<String> =
        users::table.select(users::name).order_by(users::id).load(conn).unwrap();
    assert_eq!(names, ["ada", "bob", "cy"]);
});

crate::backend_test!(order_by_rust_value, |conn| {
    seed(conn);
    // A column to order by, not a Rust integer (no positional ORDER BY).
    let ages: Vec<i32> = users::table.select(users::age).order_by(users::age).load(conn).unwrap();
    assert_eq!(ages, [17, 36, 36]);
});
