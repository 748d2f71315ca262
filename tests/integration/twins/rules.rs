//! Twins of the value, upsert, window-frame, ORM and dialect rules (ON CONFLICT targets,
//! RANGE frames with offsets, `Session::get` keys, queries boxed for one dialect), and the
//! behaviour of comparisons with a bound `None` (`IS NULL`, not `= NULL`).

use super::schema::{posts, seed, users};
use aludel::orm::{Model, Session};
use aludel::prelude::*;
use aludel::query::Conditions;

aludel::table! {
    #[unique(owner, slug)]
    repos (id) { id -> Integer, owner -> Text, slug -> Text, stars -> Integer, }
    memberships (user_id, team_id) { user_id -> Integer, team_id -> Integer, role -> Text, }
    accounts (id) { id -> Integer, name -> Text, }
    #[unique_index(one_booking_per_slot, room, starts)]
    slots (id) { id -> Integer, room -> Text, starts -> Integer, guest -> Text, }
}

// Keys declared unique twice (a `#[unique]` primary key, a unique column with a unique index):
// the declaration still compiles and the other keys remain targets.
aludel::table! {
    #[unique_index(by_code, code)]
    doubly (id) {
        #[unique] id -> Integer,
        #[unique] code -> Text,
        #[unique] other -> Text,
        n -> Integer,
    }
}

#[cfg(feature = "chrono")]
aludel::table! {
    events (id) { id -> Integer, day -> Date, amount -> Integer, }
}

#[derive(Debug, Clone, Model)]
#[aludel(table = accounts)]
struct Account {
    id: i32,
    name: String,
}

#[derive(Debug, Clone, Model)]
#[aludel(table = memberships)]
struct Membership {
    user_id: i32,
    team_id: i32,
    role: String,
}

/// Creates `repos`, `memberships`, `accounts` and `slots`, each with one row.
fn seed_keys<C: Connection>(conn: &mut C) {
    MetaData::new([
        repos::table::def(),
        memberships::table::def(),
        accounts::table::def(),
        slots::table::def(),
    ])
    .create_all(conn, CheckFirst::No)
    .unwrap();
    insert(slots::table)
        .values((slots::room.eq("a"), slots::starts.eq(9), slots::guest.eq("bob")))
        .execute(conn)
        .unwrap();
    insert(repos::table)
        .values((repos::owner.eq("ada"), repos::slug.eq("x"), repos::stars.eq(5)))
        .execute(conn)
        .unwrap();
    insert(memberships::table)
        .values((
            memberships::user_id.eq(1),
            memberships::team_id.eq(2),
            memberships::role.eq("old"),
        ))
        .execute(conn)
        .unwrap();
    insert(accounts::table)
        .values((accounts::id.eq(1), accounts::name.eq("ada")))
        .execute(conn)
        .unwrap();
}

fn sorted<T: Ord>(mut rows: Vec<T>) -> Vec<T> {
    rows.sort();
    rows
}

// ---- ON CONFLICT targets ---------------------------------------------------------------------

crate::backend_test!(on_conflict_target_not_unique, |conn| {
    seed(conn);
    let changed = insert(users::table)
        .values((users::name.eq("ada"), users::age.eq(36)))
        .on_conflict(users::id)
        .do_nothing()
        .execute(conn)
        .unwrap();
    assert_eq!(changed, 1);
    let adas: Vec<i32> =
        users::table.select(users::id).filter(users::name.eq("ada")).load(conn).unwrap();
    assert_eq!(sorted(adas), [1, 4]);
});

crate::backend_test!(on_conflict_do_update_target_not_unique, |conn| {
    seed(conn);
    let ids: Vec<i32> = insert(users::table)
        .values((users::name.eq("ada"), users::age.eq(36)))
        .returning(users::id)
        .on_conflict(users::id)
        .do_update(users::name.eq(excluded(users::name)))
        .load(conn)
        .unwrap();
    assert_eq!(ids, [4]);
});

crate::backend_test!(on_conflict_part_of_composite_primary_key, |conn| {
    seed_keys(conn);
    insert(memberships::table)
        .values((memberships::user_id.eq(1), memberships::team_id.eq(2), memberships::role.eq("x")))
        .on_conflict((memberships::user_id, memberships::team_id))
        .do_update(memberships::role.eq(excluded(memberships::role)))
        .execute(conn)
        .unwrap();
    let rows: Vec<(i32, i32, String)> = memberships::table.load(conn).unwrap();
    assert_eq!(rows, [(1, 2, "x".to_owned())]);
});

crate::backend_test!(on_conflict_part_of_composite_unique, |conn| {
    seed_keys(conn);
    let changed = insert(repos::table)
        .values((repos::owner.eq("ada"), repos::slug.eq("x"), repos::stars.eq(1)))
        .on_conflict((repos::owner, repos::slug))
        .do_nothing()
        .execute(conn)
        .unwrap();
    assert_eq!(changed, 0);
    let stars: Vec<i32> = repos::table.select(repos::stars).load(conn).unwrap();
    assert_eq!(stars, [5]);
});

crate::backend_test!(on_conflict_columns_not_a_unique_constraint, |conn| {
    seed_keys(conn);
    insert(repos::table)
        .values((repos::owner.eq("ada"), repos::slug.eq("x"), repos::stars.eq(1)))
        .on_conflict((repos::slug, repos::owner))
        .do_update(repos::stars.eq(repos::stars + 1))
        .execute(conn)
        .unwrap();
    let stars: Vec<i32> = repos::table.select(repos::stars).load(conn).unwrap();
    assert_eq!(stars, [6]);
});

crate::backend_test!(on_conflict_part_of_unique_index, |conn| {
    seed_keys(conn);
    insert(slots::table)
        .values((slots::room.eq("a"), slots::starts.eq(9), slots::guest.eq("ada")))
        .on_conflict((slots::room, slots::starts))
        .do_update(slots::guest.eq(excluded(slots::guest)))
        .execute(conn)
        .unwrap();
    let guests: Vec<String> = slots::table.select(slots::guest).load(conn).unwrap();
    assert_eq!(guests, ["ada"]);
});

crate::backend_test!(excluded_column_of_other_table, |conn| {
    seed(conn);
    insert(users::table)
        .values((users::id.eq(1), users::name.eq("ada"), users::age.eq(36)))
        .on_conflict(users::id)
        .do_update(users::name.eq(excluded(users::name)))
        .execute(conn)
        .unwrap();
    let count: i64 = users::table.select(count_star()).first(conn).unwrap();
    assert_eq!(count, 3);
});

crate::backend_test!(excluded_outside_on_conflict, |conn| {
    seed(conn);
    let ids: Vec<i32> =
        users::table.select(users::id).filter(users::name.eq("ada")).load(conn).unwrap();
    assert_eq!(ids, [1]);
});

crate::backend_test!(excluded_in_update_set, |conn| {
    seed(conn);
    insert(users::table)
        .values((users::id.eq(1), users::name.eq("ann"), users::age.eq(36)))
        .on_conflict(users::id)
        .do_update(users::name.eq(excluded(users::name)))
        .execute(conn)
        .unwrap();
    let name: String =
        users::table.select(users::name).filter(users::id.eq(1)).first(conn).unwrap();
    assert_eq!(name, "ann");
});

// ---- aggregates in assignments ----------------------------------------------------------------

crate::backend_test!(aggregate_in_update_set, |conn| {
    seed(conn);
    update(users::table)
        .set(users::age.eq(users::table.select(max(users::age)).scalar_subquery()))
        .filter(users::id.eq(2))
        .execute(conn)
        .unwrap();
    let age: i32 = users::table.select(users::age).filter(users::id.eq(2)).first(conn).unwrap();
    assert_eq!(age, 36);
});

crate::backend_test!(aggregate_in_insert_values, |conn| {
    seed(conn);
    insert(users::table)
        .values((
            users::name.eq("x"),
            users::age.eq(posts::table.select(count_star()).scalar_subquery()),
        ))
        .execute(conn)
        .unwrap();
    let age: i32 = users::table.select(users::age).filter(users::name.eq("x")).first(conn).unwrap();
    assert_eq!(age, 4);
});

crate::backend_test!(aggregate_in_upsert_do_update, |conn| {
    seed(conn);
    insert(users::table)
        .values((users::id.eq(1), users::name.eq("ada"), users::age.eq(36)))
        .on_conflict(users::id)
        .do_update(users::age.eq(users::table.select(max(users::age)).scalar_subquery() + 1))
        .execute(conn)
        .unwrap();
    let age: i32 = users::table.select(users::age).filter(users::id.eq(1)).first(conn).unwrap();
    assert_eq!(age, 37);
});

crate::backend_test!(keys_declared_twice_still_compile, |conn| {
    MetaData::new([doubly::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    for _ in 0..2 {
        insert(doubly::table)
            .values((doubly::code.eq("a"), doubly::other.eq("b"), doubly::n.eq(1)))
            .on_conflict(doubly::other)
            .do_update(doubly::n.eq(doubly::n + 1))
            .execute(conn)
            .unwrap();
    }
    let n: Vec<i32> = doubly::table.select(doubly::n).load(conn).unwrap();
    assert_eq!(n, [2]);
});

crate::backend_test!(aggregate_in_update_returning, |conn| {
    seed(conn);
    let rows: Vec<(i32, i32)> = update(users::table)
        .set(users::age.eq(1))
        .returning((users::id, users::age))
        .load(conn)
        .unwrap();
    assert_eq!(sorted(rows), [(1, 1), (2, 1), (3, 1)]);
});

crate::backend_test!(aggregate_in_delete_returning, |conn| {
    seed(conn);
    insert(users::table)
        .values((users::id.eq(4), users::name.eq("dee"), users::age.eq(5)))
        .execute(conn)
        .unwrap();
    let ages: Vec<i32> =
        delete(users::table).filter(users::age.lt(10)).returning(users::age).load(conn).unwrap();
    assert_eq!(ages, [5]);
});

crate::backend_test!(aggregate_in_insert_returning, |conn| {
    seed(conn);
    let rows: Vec<(i32, i32)> = insert(users::table)
        .values((users::name.eq("dee"), users::age.eq(50)))
        .returning((users::id, users::age))
        .load(conn)
        .unwrap();
    assert_eq!(rows, [(4, 50)]);
});

// ---- queries boxed for one dialect ---------------------------------------------------------

crate::backend_test!(boxed_query_for_postgres_run_on_sqlite, |conn| {
    seed(conn);
    let q = users::table.select(users::name).into_boxed();
    let names: Vec<String> = q.load(conn).unwrap();
    assert_eq!(sorted(names), ["ada", "bob", "cy"]);
});

crate::backend_test!(boxed_query_for_sqlite_compiled_for_postgres, |conn| {
    seed(conn);
    let q = users::table.filter(users::age.gt(18)).into_boxed();
    let rows: Vec<(i32, String, Option<String>, i32)> = q.load(conn).unwrap();
    let names: Vec<String> = rows.into_iter().map(|r| r.1).collect();
    assert_eq!(sorted(names), ["ada", "cy"]);
});

crate::backend_test!(boxed_conditions_for_other_dialect, |conn| {
    seed(conn);
    let either = Conditions::any().push(users::age.gt(30)).push(users::age.lt(18));
    let names: Vec<String> = users::table.select(users::name).filter(either).load(conn).unwrap();
    assert_eq!(sorted(names), ["ada", "bob", "cy"]);
});

crate::backend_test!(boxed_subquery_for_other_dialect, |conn| {
    seed(conn);
    let authors = posts::table.select(posts::user_id).filter(posts::score.gt(4)).into_boxed();
    let q = users::table.select(users::name).filter(users::id.in_subquery(authors));
    let names: Vec<String> = q.load(conn).unwrap();
    assert_eq!(sorted(names), ["ada", "bob"]);
});

// ---- RANGE frames with an offset -------------------------------------------------------------

crate::backend_test!(range_frame_offset_over_text_order, |conn| {
    seed(conn);
    let w = Window::new().order_by(users::age).range_between(preceding(1), current_row());
    let rows: Vec<(String, i64)> =
        users::table.select((users::name, count_star().over(w))).load(conn).unwrap();
    assert_eq!(sorted(rows), [("ada".to_owned(), 2), ("bob".to_owned(), 1), ("cy".to_owned(), 2)]);
});

crate::backend_test!(range_frame_offset_without_order, |conn| {
    seed(conn);
    let w = Window::new()
        .partition_by(users::email)
        .order_by(users::age)
        .range_between(preceding(1), following(1));
    let rows: Vec<(String, Option<i64>)> =
        users::table.select((users::name, sum(users::age).over(w))).load(conn).unwrap();
    assert_eq!(
        sorted(rows),
        [("ada".to_owned(), Some(36)), ("bob".to_owned(), Some(17)), ("cy".to_owned(), Some(36))]
    );
});

crate::backend_test!(range_frame_offset_over_two_order_terms, |conn| {
    seed(conn);
    let w = Window::new().order_by(users::age).range_between(unbounded_preceding(), following(2));
    let rows: Vec<(String, Option<i32>)> =
        users::table.select((users::name, max(users::id).over(w))).load(conn).unwrap();
    assert_eq!(
        sorted(rows),
        [("ada".to_owned(), Some(3)), ("bob".to_owned(), Some(2)), ("cy".to_owned(), Some(3))]
    );
});

crate::backend_test!(range_frame_offset_reordered_by_text, |conn| {
    seed(conn);
    let w = Window::new()
        .order_by(users::age)
        .range_between(preceding(5), current_row())
        .order_by(users::age.desc());
    let rows: Vec<(String, i64)> =
        users::table.select((users::name, count_star().over(w))).load(conn).unwrap();
    assert_eq!(sorted(rows), [("ada".to_owned(), 2), ("bob".to_owned(), 1), ("cy".to_owned(), 2)]);
});

#[cfg(feature = "chrono")]
crate::backend_test!(range_frame_offset_over_date_order, |conn| {
    MetaData::new([events::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2024, 1, d).unwrap();
    insert(events::table)
        .values(vec![
            (events::day.eq(day(1)), events::amount.eq(10)),
            (events::day.eq(day(2)), events::amount.eq(20)),
            (events::day.eq(day(20)), events::amount.eq(30)),
        ])
        .execute(conn)
        .unwrap();
    let w = Window::new().order_by(events::id).range_between(preceding(1), current_row());
    let rows: Vec<(i32, Option<i64>)> =
        events::table.select((events::id, sum(events::amount).over(w))).load(conn).unwrap();
    assert_eq!(sorted(rows), [(1, Some(10)), (2, Some(30)), (3, Some(50))]);
});

crate::backend_test!(groups_frame_without_order, |conn| {
    seed(conn);
    let w = Window::new()
        .partition_by(users::email)
        .order_by(users::age)
        .groups_between(preceding(1), current_row());
    let rows: Vec<(String, i64)> =
        users::table.select((users::name, count_star().over(w))).load(conn).unwrap();
    assert_eq!(sorted(rows), [("ada".to_owned(), 1), ("bob".to_owned(), 1), ("cy".to_owned(), 1)]);
});

// ---- Session::get keys -----------------------------------------------------------------------

crate::backend_test!(session_get_with_key_of_other_type, |conn| {
    seed_keys(conn);
    let mut session = Session::new(conn);
    let ada = session.get::<Account>(1).unwrap().unwrap();
    assert_eq!(ada.borrow().name, "ada");
});

crate::backend_test!(session_get_with_wider_integer_key, |conn| {
    seed_keys(conn);
    let mut session = Session::new(conn);
    let id: i32 = 1;
    let ada = session.get::<Account>(id).unwrap().unwrap();
    assert_eq!(ada.borrow().id, 1);
    assert!(session.get::<Account>(2).unwrap().is_none());
});

crate::backend_test!(session_get_composite_key_with_one_value, |conn| {
    seed_keys(conn);
    let mut session = Session::new(conn);
    let m = session.get::<Membership>((1, 2)).unwrap().unwrap();
    assert_eq!(m.borrow().role, "old");
    assert!(session.get::<Membership>((2, 1)).unwrap().is_none());
});

crate::backend_test!(session_get_with_optional_key, |conn| {
    seed_keys(conn);
    let mut session = Session::new(conn);
    let id: Option<i32> = Some(1);
    let ada = match id {
        Some(id) => session.get::<Account>(id).unwrap(),
        None => None,
    };
    assert_eq!(ada.unwrap().borrow().name, "ada");
});

// ---- comparisons with a bound None (behaviour, not twins) ------------------------------------

#[test]
fn eq_none_renders_is_null_for_each_dialect() {
    let q = users::table.select(users::name).filter(users::email.eq(None::<&str>));
    assert_eq!(
        q.compile::<Sqlite>().sql(),
        r#"SELECT "users"."name" FROM "users" WHERE ("users"."email" IS NULL)"#
    );
    assert_eq!(
        q.compile::<Postgres>().sql(),
        r#"SELECT "users"."name" FROM "users" WHERE ("users"."email" IS NULL)"#
    );
    let q = users::table.select(users::name).filter(users::email.ne(None::<&str>));
    assert_eq!(
        q.compile::<Sqlite>().sql(),
        r#"SELECT "users"."name" FROM "users" WHERE ("users"."email" IS NOT NULL)"#
    );
    assert_eq!(
        q.compile::<Postgres>().sql(),
        r#"SELECT "users"."name" FROM "users" WHERE ("users"."email" IS NOT NULL)"#
    );
    let q = users::table.select(users::name).filter(users::email.eq(Some("a@x")));
    assert_eq!(
        q.compile::<Sqlite>().sql(),
        r#"SELECT "users"."name" FROM "users" WHERE ("users"."email" = ?1)"#
    );
    assert_eq!(
        q.compile::<Postgres>().sql(),
        r#"SELECT "users"."name" FROM "users" WHERE ("users"."email" = $1)"#
    );
}

/// One statement type run with `None` then `Some` (then `None` again): the cached SQL of one
/// must not serve the other.
fn names_with_email<C: Connection>(conn: &mut C, email: Option<&'static str>) -> Vec<String> {
    let q = users::table.select(users::name).filter(users::email.eq(email));
    sorted(q.load(conn).unwrap())
}

crate::backend_test!(eq_none_finds_the_null_rows, |conn| {
    seed(conn);
    assert_eq!(names_with_email(conn, None), ["bob"]);
    assert_eq!(names_with_email(conn, Some("ada@example.com")), ["ada"]);
    assert_eq!(names_with_email(conn, None), ["bob"]);
    let with_email: Vec<String> =
        users::table.select(users::name).filter(users::email.ne(None::<&str>)).load(conn).unwrap();
    assert_eq!(sorted(with_email), ["ada", "cy"]);
    // Joined and nested: the same rule inside AND and in a join condition.
    let titles: Vec<String> = posts::table
        .join(users::table, posts::user_id.eq(users::id).and(users::email.eq(None::<&str>)))
        .select(posts::title)
        .load(conn)
        .unwrap();
    assert_eq!(titles, ["first"]);
});

crate::backend_test!(none_in_an_in_list_finds_the_null_rows, |conn| {
    seed(conn);
    let ada = Some("ada@example.com");
    let found: Vec<String> = users::table
        .select(users::name)
        .filter(users::email.in_(vec![ada, None]))
        .load(conn)
        .unwrap();
    assert_eq!(sorted(found), ["ada", "bob"]);
    let found: Vec<String> = users::table
        .select(users::name)
        .filter(users::email.not_in(vec![ada, None]))
        .load(conn)
        .unwrap();
    assert_eq!(sorted(found), ["cy"]);
    let found: Vec<String> = users::table
        .select(users::name)
        .filter(users::email.in_(vec![None::<&str>]))
        .load(conn)
        .unwrap();
    assert_eq!(sorted(found), ["bob"]);
    let found: Vec<String> = users::table
        .select(users::name)
        .filter(users::email.not_in(vec![None::<&str>]))
        .load(conn)
        .unwrap();
    assert_eq!(sorted(found), ["ada", "cy"]);
});

crate::backend_test!(assignment_of_none_still_writes_null, |conn| {
    seed(conn);
    update(users::table)
        .set(users::email.eq(None::<&str>))
        .filter(users::name.eq("ada"))
        .execute(conn)
        .unwrap();
    insert(users::table)
        .values((users::name.eq("dee"), users::email.eq(None::<&str>), users::age.eq(5)))
        .execute(conn)
        .unwrap();
    let without: Vec<String> =
        users::table.select(users::name).filter(users::email.eq(None::<&str>)).load(conn).unwrap();
    assert_eq!(sorted(without), ["ada", "bob", "dee"]);
    // The WHERE of UPDATE and DELETE follows the same rule as SELECT's.
    let changed = update(users::table)
        .set(users::age.eq(1))
        .filter(users::email.eq(None::<&str>))
        .execute(conn)
        .unwrap();
    assert_eq!(changed, 3);
    delete(posts::table).execute(conn).unwrap();
    let deleted = delete(users::table).filter(users::email.ne(None::<&str>)).execute(conn).unwrap();
    assert_eq!(deleted, 1);
});
