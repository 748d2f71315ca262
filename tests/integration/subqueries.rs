//! Subqueries: scalar, correlated, IN / NOT IN, EXISTS / NOT EXISTS, ANY / ALL, in DELETE.

use aludel::prelude::*;

aludel::table! {
    staff (id) { id -> Integer, name -> Text, dept -> Text, salary -> Integer, }
    tasks (id) {
        id -> Integer,
        #[references(staff::id)] owner -> Integer,
        hours -> Integer,
    }
}

fn seed<C: Connection>(conn: &mut C) {
    MetaData::new([staff::table::def(), tasks::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
    insert(staff::table)
        .values(vec![
            (staff::name.eq("ann"), staff::dept.eq("eng"), staff::salary.eq(100)),
            (staff::name.eq("ben"), staff::dept.eq("eng"), staff::salary.eq(80)),
            (staff::name.eq("cat"), staff::dept.eq("ops"), staff::salary.eq(70)),
            (staff::name.eq("dan"), staff::dept.eq("ops"), staff::salary.eq(90)),
        ])
        .execute(conn)
        .unwrap();
    insert(tasks::table)
        .values(vec![
            (tasks::owner.eq(1), tasks::hours.eq(5)),
            (tasks::owner.eq(1), tasks::hours.eq(3)),
            (tasks::owner.eq(3), tasks::hours.eq(8)),
        ])
        .execute(conn)
        .unwrap();
}

crate::backend_test!(scalar_and_correlated, |conn| {
    seed(conn);
    // An uncorrelated scalar subquery in a comparison: salaries above the average.
    let above: Vec<String> = staff::table
        .select(staff::name)
        .filter(staff::salary.gt(staff::table.select(max(staff::salary)).scalar_subquery() - 15))
        .order_by(staff::name)
        .load(conn)
        .unwrap();
    assert_eq!(above, ["ann", "dan"]);

    // A correlated scalar subquery in the select list: hours per person.
    let hours: Vec<(String, Option<i64>)> = staff::table
        .select((
            staff::name,
            tasks::table
                .correlate(staff::table)
                .select(sum(tasks::hours))
                .filter(tasks::owner.eq(staff::id))
                .scalar_subquery(),
        ))
        .order_by(staff::id)
        .load(conn)
        .unwrap();
    assert_eq!(
        hours,
        [
            ("ann".into(), Some(8)),
            ("ben".into(), None),
            ("cat".into(), Some(8)),
            ("dan".into(), None)
        ]
    );

    // A correlated subquery in WHERE: people who earn the most in their department. The
    // inner query reads the same table under the outer's row, through an aggregate.
    let per_task: Vec<(String, i64)> = staff::table
        .select((
            staff::name,
            tasks::table
                .correlate(staff::table)
                .select(count_star())
                .filter(tasks::owner.eq(staff::id))
                .scalar_subquery(),
        ))
        .filter(
            tasks::table
                .correlate(staff::table)
                .select(count_star())
                .filter(tasks::owner.eq(staff::id))
                .scalar_subquery()
                .gt(0i64),
        )
        .order_by(staff::name)
        .load::<(String, Option<i64>)>(conn)
        .unwrap()
        .into_iter()
        .map(|(n, c)| (n, c.unwrap_or_default()))
        .collect();
    assert_eq!(per_task, [("ann".to_owned(), 2), ("cat".to_owned(), 1)]);
});

crate::backend_test!(in_and_exists, |conn| {
    seed(conn);
    let busy: Vec<String> = staff::table
        .select(staff::name)
        .filter(staff::id.in_subquery(tasks::table.select(tasks::owner).filter(tasks::hours.gt(4))))
        .order_by(staff::name)
        .load(conn)
        .unwrap();
    assert_eq!(busy, ["ann", "cat"]);
    let idle: Vec<String> = staff::table
        .select(staff::name)
        .filter(staff::id.not_in_subquery(tasks::table.select(tasks::owner)))
        .order_by(staff::name)
        .load(conn)
        .unwrap();
    assert_eq!(idle, ["ben", "dan"]);

    let with_tasks: Vec<String> = staff::table
        .select(staff::name)
        .filter(exists(
            tasks::table
                .correlate(staff::table)
                .select(tasks::id)
                .filter(tasks::owner.eq(staff::id)),
        ))
        .order_by(staff::name)
        .load(conn)
        .unwrap();
    assert_eq!(with_tasks, ["ann", "cat"]);
    let without: Vec<String> = staff::table
        .select(staff::name)
        .filter(not_exists(
            tasks::table
                .correlate(staff::table)
                .select(tasks::id)
                .filter(tasks::owner.eq(staff::id)),
        ))
        .order_by(staff::name)
        .load(conn)
        .unwrap();
    assert_eq!(without, ["ben", "dan"]);

    // DELETE with a subquery.
    let removed = delete(tasks::table)
        .filter(
            tasks::owner.in_subquery(staff::table.select(staff::id).filter(staff::dept.eq("ops"))),
        )
        .execute(conn)
        .unwrap();
    assert_eq!(removed, 1);
    let left: Vec<i32> = tasks::table.select(tasks::owner).load(conn).unwrap();
    assert_eq!(left, [1, 1]);
});

#[test]
fn any_and_all_on_postgres() {
    let Some(mut guard) = crate::common::pg("any_all") else { return };
    let conn = &mut guard.conn;
    seed(conn);
    let top: Vec<String> = staff::table
        .select(staff::name)
        .filter(staff::salary.ge(all(staff::table.select(staff::salary))))
        .load(conn)
        .unwrap();
    assert_eq!(top, ["ann"]);
    let in_ops: Vec<String> = staff::table
        .select(staff::name)
        .filter(
            staff::salary.eq(any(staff::table.select(staff::salary).filter(staff::dept.eq("ops")))),
        )
        .order_by(staff::name)
        .load(conn)
        .unwrap();
    assert_eq!(in_ops, ["cat", "dan"]);
}
