//! SELECT: conditions, operators, ordering, paging, DISTINCT, result shapes.

use aludel::prelude::*;
use aludel::types::SqlRow;

aludel::table! {
    people (id) {
        id -> Integer,
        name -> Text,
        age -> Nullable<Integer>,
        city -> Text,
        score -> Double,
    }
}

fn seed<C: Connection>(conn: &mut C) {
    MetaData::new([people::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    let rows = [
        ("ada", Some(36), "london", 9.5),
        ("bob", None, "paris", 4.0),
        ("cy", Some(17), "london", 7.25),
        ("dee", Some(52), "rome", 8.0),
        ("eve", None, "paris", 1.5),
        ("Ann", Some(29), "rome", 6.0),
    ];
    insert(people::table)
        .values(
            rows.iter()
                .map(|(n, a, c, s)| {
                    (
                        people::name.eq(*n),
                        people::age.eq(*a),
                        people::city.eq(*c),
                        people::score.eq(*s),
                    )
                })
                .collect::<Vec<_>>(),
        )
        .execute(conn)
        .unwrap();
}

/// A user struct loaded from a row by a hand-written `FromRow`.
#[derive(Debug, PartialEq)]
struct Person {
    id: i32,
    name: String,
    age: Option<i32>,
}

impl<ST> FromRow<ST> for Person
where
    (i32, String, Option<i32>): FromRow<ST>,
{
    fn from_row<R: SqlRow + ?Sized>(row: &mut R) -> aludel::Result<Self> {
        let (id, name, age) = <(i32, String, Option<i32>)>::from_row(row)?;
        Ok(Person { id, name, age })
    }
}

/// Structs with `#[derive(FromRow)]`: fields load in select-list order.
#[derive(Debug, PartialEq, FromRow)]
struct Resident {
    name: String,
    city: String,
    age: Option<i32>,
}

#[derive(Debug, PartialEq, FromRow)]
struct Score(i32, f64);

crate::backend_test!(derived_structs, |conn| {
    seed(conn);
    let romans: Vec<Resident> = people::table
        .select((people::name, people::city, people::age))
        .filter(people::city.eq("rome"))
        .order_by(people::name)
        .load(conn)
        .unwrap();
    assert_eq!(
        romans,
        [
            Resident { name: "Ann".into(), city: "rome".into(), age: Some(29) },
            Resident { name: "dee".into(), city: "rome".into(), age: Some(52) },
        ]
    );
    let best: Score = people::table
        .select((people::id, people::score))
        .order_by(people::score.desc())
        .first(conn)
        .unwrap();
    assert_eq!(best, Score(1, 9.5));
    // Structs nest inside tuples, e.g. next to a computed column.
    let (resident, next_age): (Resident, Option<i32>) = people::table
        .select(((people::name, people::city, people::age), people::age + 1))
        .filter(people::id.eq(3))
        .one(conn)
        .unwrap();
    assert_eq!((resident.name.as_str(), next_age), ("cy", Some(18)));
});

crate::backend_test!(conditions, |conn| {
    seed(conn);
    let q = people::table.select(people::name).order_by(people::id);

    let adults: Vec<String> =
        q.filter(people::age.ge(18).and(people::city.ne("rome"))).load(conn).unwrap();
    assert_eq!(adults, ["ada"]);
    let either: Vec<String> =
        q.filter(people::city.eq("paris").or(people::score.gt(9.0))).load(conn).unwrap();
    assert_eq!(either, ["ada", "bob", "eve"]);
    let not_london: Vec<String> = q.filter(people::city.eq("london").not()).load(conn).unwrap();
    assert_eq!(not_london, ["bob", "dee", "eve", "Ann"]);
    let chained: Vec<String> =
        q.filter(people::city.eq("rome")).filter(people::age.lt(40)).load(conn).unwrap();
    assert_eq!(chained, ["Ann"]);
    let le: Vec<String> = q.filter(people::age.le(29)).load(conn).unwrap();
    assert_eq!(le, ["cy", "Ann"]);

    let unknown_age: Vec<String> = q.filter(people::age.is_null()).load(conn).unwrap();
    assert_eq!(unknown_age, ["bob", "eve"]);
    let known_age: Vec<String> = q.filter(people::age.is_not_null()).load(conn).unwrap();
    assert_eq!(known_age.len(), 4);

    let listed: Vec<String> = q.filter(people::city.in_(["rome", "paris"])).load(conn).unwrap();
    assert_eq!(listed, ["bob", "dee", "eve", "Ann"]);
    let wanted = vec![String::from("london")];
    let not_listed: Vec<String> = q.filter(people::city.not_in(&wanted)).load(conn).unwrap();
    assert_eq!(not_listed, ["bob", "dee", "eve", "Ann"]);
    let none: Vec<String> = q.filter(people::city.in_(Vec::<String>::new())).load(conn).unwrap();
    assert!(none.is_empty());
    let all: Vec<String> = q.filter(people::city.not_in(Vec::<&str>::new())).load(conn).unwrap();
    assert_eq!(all.len(), 6);

    let between: Vec<String> = q.filter(people::age.between(17, 36)).load(conn).unwrap();
    assert_eq!(between, ["ada", "cy", "Ann"]);
    let like: Vec<String> = q.filter(people::name.like("%e%")).load(conn).unwrap();
    assert_eq!(like, ["dee", "eve"]);
    let not_like: Vec<String> = q.filter(people::name.not_like("%e%")).load(conn).unwrap();
    assert_eq!(not_like, ["ada", "bob", "cy", "Ann"]);

    // Arithmetic in conditions and in the select list.
    let doubled: Vec<(String, f64)> = people::table
        .select((people::name, people::score * 2.0 - 1.0))
        .filter((people::score + 1.0).ge(9.0))
        .order_by(people::id)
        .load(conn)
        .unwrap();
    assert_eq!(doubled, [("ada".to_owned(), 18.0), ("dee".to_owned(), 15.0)]);
    let next_year: Vec<Option<i32>> =
        people::table.select(people::age + 1).order_by(people::id).limit(2).load(conn).unwrap();
    assert_eq!(next_year, [Some(37), None]);
    let concat: String = people::table
        .select(people::name.concat("@").concat(people::city))
        .filter(people::id.eq(1))
        .first(conn)
        .unwrap();
    assert_eq!(concat, "ada@london");
    let flags: Vec<Option<bool>> =
        people::table.select(people::age.gt(30)).order_by(people::id).limit(3).load(conn).unwrap();
    assert_eq!(flags, [Some(true), None, Some(false)]);
});

crate::backend_test!(ordering_and_paging, |conn| {
    seed(conn);
    let by_age: Vec<(String, Option<i32>)> = people::table
        .select((people::name, people::age))
        .order_by((people::age.desc().nulls_last(), people::name.asc()))
        .load(conn)
        .unwrap();
    let names: Vec<_> = by_age.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["dee", "ada", "Ann", "cy", "bob", "eve"]);
    let nulls_first: Vec<String> = people::table
        .select(people::name)
        .order_by((people::age.asc().nulls_first(), people::id))
        .load(conn)
        .unwrap();
    assert_eq!(nulls_first, ["bob", "eve", "cy", "Ann", "ada", "dee"]);

    let page: Vec<i32> = people::table
        .select(people::id)
        .order_by(people::id)
        .limit(2)
        .offset(3)
        .load(conn)
        .unwrap();
    assert_eq!(page, [4, 5]);
    let tail: Vec<i32> =
        people::table.select(people::id).order_by(people::id.desc()).offset(4).load(conn).unwrap();
    assert_eq!(tail, [2, 1]);

    let cities: Vec<String> =
        people::table.select(people::city).distinct().order_by(people::city).load(conn).unwrap();
    assert_eq!(cities, ["london", "paris", "rome"]);
});

crate::backend_test!(result_shapes, |conn| {
    seed(conn);
    // The whole row, as a tuple.
    let first: (i32, String, Option<i32>, String, f64) =
        people::table.order_by(people::id).first(conn).unwrap();
    assert_eq!(first, (1, "ada".to_owned(), Some(36), "london".to_owned(), 9.5));
    // A struct.
    let people_over_30: Vec<Person> = people::table
        .select((people::id, people::name, people::age))
        .filter(people::age.gt(30))
        .order_by(people::id)
        .load(conn)
        .unwrap();
    assert_eq!(
        people_over_30,
        [
            Person { id: 1, name: "ada".into(), age: Some(36) },
            Person { id: 4, name: "dee".into(), age: Some(52) }
        ]
    );
    // Nested tuples.
    let nested: ((i32, String), f64) = people::table
        .select(((people::id, people::name), people::score))
        .filter(people::name.eq("cy"))
        .one(conn)
        .unwrap();
    assert_eq!(nested, ((3, "cy".into()), 7.25));

    // first / one / one_or_none / optional.
    let missing = people::table.select(people::id).filter(people::name.eq("zed"));
    assert_eq!(missing.clone().first::<i32>(conn).unwrap_err().kind(), ErrorKind::NotFound);
    assert_eq!(missing.clone().first::<i32>(conn).optional().unwrap(), None);
    assert_eq!(missing.one_or_none::<i32>(conn).unwrap(), None);
    let many = people::table.select(people::id).filter(people::city.eq("rome"));
    assert_eq!(many.clone().one::<i32>(conn).unwrap_err().kind(), ErrorKind::MultipleRows);
    assert_eq!(many.order_by(people::id).first::<i32>(conn).unwrap(), 4);
    let count = people::table.select(people::id).load::<i32>(conn).unwrap().len();
    assert_eq!(count, 6);
});

#[test]
fn rendering_without_a_connection() {
    let q = people::table
        .select((people::id, people::name))
        .filter(people::name.ilike("a%").and(people::age.is_not_null()))
        .order_by(people::age.desc().nulls_last())
        .limit(5);
    let pg = q.compile::<Postgres>();
    assert_eq!(
        pg.sql(),
        r#"SELECT "people"."id", "people"."name" FROM "people" WHERE (("people"."name" ILIKE $1) AND ("people"."age" IS NOT NULL)) ORDER BY "people"."age" DESC NULLS LAST LIMIT $2"#
    );
    assert_eq!(format!("{:?}", pg.binds()), r#"[Text("a%"), I64(5)]"#);
    assert!(pg.to_string().ends_with(r#"-- binds: [Text("a%"), I64(5)]"#));

    let on = people::table.distinct_on(people::city).order_by((people::city, people::score.desc()));
    assert_eq!(
        on.compile::<Postgres>().sql(),
        r#"SELECT DISTINCT ON ("people"."city") "people"."id", "people"."name", "people"."age", "people"."city", "people"."score" FROM "people" ORDER BY "people"."city", "people"."score" DESC"#
    );
    let paged = people::table.select(people::id).offset(3);
    assert_eq!(
        paged.compile::<Sqlite>().sql(),
        r#"SELECT "people"."id" FROM "people" LIMIT -1 OFFSET ?1"#
    );
}

#[test]
fn postgres_only_constructs_run_on_postgres() {
    let Some(mut guard) = crate::common::pg("pg_only_constructs") else { return };
    let conn = &mut guard.conn;
    seed(conn);
    let a_names: Vec<String> = people::table
        .select(people::name)
        .filter(people::name.ilike("a%"))
        .order_by(people::id)
        .load(conn)
        .unwrap();
    assert_eq!(a_names, ["ada", "Ann"]);
    let best_per_city: Vec<(String, String)> = people::table
        .select((people::city, people::name))
        .distinct_on(people::city)
        .order_by((people::city, people::score.desc()))
        .load(conn)
        .unwrap();
    assert_eq!(
        best_per_city,
        [
            ("london".into(), "ada".into()),
            ("paris".into(), "bob".into()),
            ("rome".into(), "dee".into())
        ]
    );
}

// `first` (and `.limit(1)`) write `LIMIT 1`: SQLite plans a bound LIMIT several times slower.
// Other limits stay bound.
crate::backend_test!(limit_one_is_written_other_limits_are_bound, |conn| {
    seed(conn);
    let one = people::table.select(people::name).order_by(people::id).limit(1);
    assert!(one.compile::<Postgres>().sql().ends_with(r#"ORDER BY "people"."id" LIMIT 1"#));
    let two = people::table.select(people::name).order_by(people::id).limit(2).offset(1);
    assert!(two.compile::<Postgres>().sql().ends_with("LIMIT $1 OFFSET $2"));
    let first: String =
        people::table.select(people::name).order_by(people::id).first(conn).unwrap();
    assert_eq!(first, "ada");
    let names: Vec<String> = two.load(conn).unwrap();
    assert_eq!(names.len(), 2);
    assert_eq!(names[0], "bob");
});
