//! PostgreSQL arrays: round trips (NULL arrays and NULL elements), `= ANY($1)` with one bind,
//! `@>`, `<@`, `&&`, `cardinality`, subscripts, `array_agg`; SQLite refuses array DDL.

use aludel::prelude::*;
use aludel::schema::{CheckFirst, MetaData};

aludel::table! {
    arr_posts (id) {
        id -> Integer,
        author -> Text,
        tags -> Array<Text>,
        scores -> Array<Nullable<Integer>>,
        flags -> Nullable<Array<Bool>>,
        weights -> Array<Double>,
        big -> Array<BigInt>,
    }
}

fn pg() -> Option<crate::common::PgTest> {
    crate::common::pg("arrays")
}

fn setup(conn: &mut PgConnection) {
    MetaData::new([arr_posts::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(arr_posts::table)
        .values(vec![
            (
                arr_posts::id.eq(1),
                arr_posts::author.eq("ann"),
                arr_posts::tags.eq(vec!["rust", "sql"]),
                arr_posts::scores.eq(vec![Some(1), None, Some(3)]),
                arr_posts::flags.eq(Some(vec![true, false])),
                arr_posts::weights.eq(vec![0.5, 1.5]),
                arr_posts::big.eq(vec![i64::MAX]),
            ),
            (
                arr_posts::id.eq(2),
                arr_posts::author.eq("bob"),
                arr_posts::tags.eq(vec!["go"]),
                arr_posts::scores.eq(Vec::<Option<i32>>::new()),
                arr_posts::flags.eq(None::<Vec<bool>>),
                arr_posts::weights.eq(Vec::<f64>::new()),
                arr_posts::big.eq(vec![-1, 0]),
            ),
            (
                arr_posts::id.eq(3),
                arr_posts::author.eq("ann"),
                arr_posts::tags.eq(vec!["sql", "postgres", "rust"]),
                arr_posts::scores.eq(vec![Some(7)]),
                arr_posts::flags.eq(Some(Vec::<bool>::new())),
                arr_posts::weights.eq(vec![2.0]),
                arr_posts::big.eq(Vec::<i64>::new()),
            ),
        ])
        .execute(conn)
        .unwrap();
}

#[test]
fn round_trip_with_null_arrays_and_null_elements() {
    let Some(mut guard) = pg() else { return };
    let conn = &mut guard.conn;
    setup(conn);
    type Row = (i32, Vec<String>, Vec<Option<i32>>, Option<Vec<bool>>, Vec<f64>, Vec<i64>);
    let rows: Vec<Row> = arr_posts::table
        .select((
            arr_posts::id,
            arr_posts::tags,
            arr_posts::scores,
            arr_posts::flags,
            arr_posts::weights,
            arr_posts::big,
        ))
        .order_by(arr_posts::id)
        .load(conn)
        .unwrap();
    assert_eq!(
        rows,
        vec![
            (
                1,
                vec!["rust".to_owned(), "sql".to_owned()],
                vec![Some(1), None, Some(3)],
                Some(vec![true, false]),
                vec![0.5, 1.5],
                vec![i64::MAX]
            ),
            (2, vec!["go".to_owned()], vec![], None, vec![], vec![-1, 0]),
            (
                3,
                vec!["sql".to_owned(), "postgres".to_owned(), "rust".to_owned()],
                vec![Some(7)],
                Some(vec![]),
                vec![2.0],
                vec![]
            ),
        ]
    );

    // Borrowed slices bind too, and an update writes the whole array.
    let tags = ["a".to_owned(), "b".to_owned()];
    update(arr_posts::table)
        .set(arr_posts::tags.eq(&tags[..]))
        .filter(arr_posts::id.eq(2))
        .execute(conn)
        .unwrap();
    let back: Vec<String> =
        arr_posts::table.select(arr_posts::tags).filter(arr_posts::id.eq(2)).first(conn).unwrap();
    assert_eq!(back, tags);
}

#[test]
fn a_null_element_loaded_into_a_non_option_vec_is_a_conversion_error() {
    let Some(mut guard) = pg() else { return };
    let conn = &mut guard.conn;
    setup(conn);
    // The column says its elements may be NULL; read it as an array of plain integers.
    let q =
        arr_posts::table.select(sql::<Array<Integer>>(r#""scores""#)).filter(arr_posts::id.eq(1));
    let err = q.load::<Vec<i32>>(conn).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conversion, "{err}");
}

#[test]
fn eq_any_binds_the_whole_list_as_one_parameter() {
    let Some(mut guard) = pg() else { return };
    let conn = &mut guard.conn;
    setup(conn);
    let q = arr_posts::table
        .select(arr_posts::id)
        .filter(arr_posts::id.eq_any(vec![1, 3, 99]))
        .order_by(arr_posts::id);
    let compiled = q.compile::<Postgres>();
    assert_eq!(
        compiled.sql(),
        r#"SELECT "arr_posts"."id" FROM "arr_posts" WHERE ("arr_posts"."id" = ANY($1)) ORDER BY "arr_posts"."id""#
    );
    assert_eq!(compiled.binds().len(), 1);
    assert_eq!(q.load::<i32>(conn).unwrap(), [1, 3]);

    // The SQL is the same for any number of values; an empty array matches nothing.
    let none: Vec<i32> = arr_posts::table
        .select(arr_posts::id)
        .filter(arr_posts::id.eq_any(Vec::<i32>::new()))
        .load(conn)
        .unwrap();
    assert!(none.is_empty());
    let from_array_literal: Vec<i32> = arr_posts::table
        .select(arr_posts::id)
        .filter(arr_posts::id.eq_any([2, 3]))
        .order_by(arr_posts::id)
        .load(conn)
        .unwrap();
    assert_eq!(from_array_literal, [2, 3]);
    let authors: Vec<i32> = arr_posts::table
        .select(arr_posts::id)
        .filter(arr_posts::author.eq_any(&["bob".to_owned()][..]))
        .load(conn)
        .unwrap();
    assert_eq!(authors, [2]);
}

#[test]
fn contains_contained_by_and_overlaps() {
    let Some(mut guard) = pg() else { return };
    let conn = &mut guard.conn;
    setup(conn);
    let contains: Vec<i32> = arr_posts::table
        .select(arr_posts::id)
        .filter(arr_posts::tags.contains(vec!["rust", "sql"]))
        .order_by(arr_posts::id)
        .load(conn)
        .unwrap();
    assert_eq!(contains, [1, 3]);
    let contained: Vec<i32> = arr_posts::table
        .select(arr_posts::id)
        .filter(arr_posts::tags.contained_by(vec!["go", "rust", "sql"]))
        .order_by(arr_posts::id)
        .load(conn)
        .unwrap();
    assert_eq!(contained, [1, 2]);
    let overlapping: Vec<i32> = arr_posts::table
        .select(arr_posts::id)
        .filter(arr_posts::tags.overlaps(vec!["go", "postgres"]))
        .order_by(arr_posts::id)
        .load(conn)
        .unwrap();
    assert_eq!(overlapping, [2, 3]);
}

#[test]
fn cardinality_and_index() {
    let Some(mut guard) = pg() else { return };
    let conn = &mut guard.conn;
    setup(conn);
    let rows: Vec<(i32, i32, Option<String>, Option<i32>)> = arr_posts::table
        .select((
            arr_posts::id,
            arr_posts::tags.cardinality(),
            arr_posts::tags.index(2),
            arr_posts::scores.index(2),
        ))
        .order_by(arr_posts::id)
        .load(conn)
        .unwrap();
    assert_eq!(
        rows,
        [
            (1, 2, Some("sql".to_owned()), None),
            (2, 1, None, None),
            (3, 3, Some("postgres".to_owned()), None)
        ]
    );
}

#[test]
fn array_agg_loads_into_vec() {
    let Some(mut guard) = pg() else { return };
    let conn = &mut guard.conn;
    setup(conn);
    let rows: Vec<(String, Option<Vec<i32>>)> = arr_posts::table
        .group_by(arr_posts::author)
        .select((arr_posts::author, array_agg(arr_posts::id)))
        .order_by(arr_posts::author)
        .load(conn)
        .unwrap();
    let rows: Vec<(String, Option<Vec<i32>>)> = rows
        .into_iter()
        .map(|(a, ids)| {
            (
                a,
                ids.map(|mut v| {
                    v.sort();
                    v
                }),
            )
        })
        .collect();
    assert_eq!(rows, [("ann".to_owned(), Some(vec![1, 3])), ("bob".to_owned(), Some(vec![2]))]);

    // As a window function: the ids so far, per author.
    let running: Vec<(i32, Option<Vec<i32>>)> = arr_posts::table
        .select((
            arr_posts::id,
            array_agg(arr_posts::id).over(
                aludel::dsl::Window::new().partition_by(arr_posts::author).order_by(arr_posts::id),
            ),
        ))
        .order_by(arr_posts::id)
        .load(conn)
        .unwrap();
    assert_eq!(running, [(1, Some(vec![1])), (2, Some(vec![2])), (3, Some(vec![1, 3]))]);
}

#[test]
fn sqlite_refuses_array_ddl() {
    let mut conn = crate::common::sqlite();
    let err =
        MetaData::new([arr_posts::table::def()]).create_all(&mut conn, CheckFirst::No).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Schema, "{err}");
    assert!(err.to_string().contains("arr_posts.tags"), "{err}");
}
