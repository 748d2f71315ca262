//! Composing queries: set operations, CTEs (also recursive), derived tables.

use aludel::prelude::*;

aludel::table! {
    employees (id) {
        id -> Integer,
        name -> Text,
        #[references(employees::id)] manager_id -> Nullable<Integer>,
        salary -> Integer,
    }
    contractors (id) { id -> Integer, name -> Text, rate -> Integer, }

    // Shapes of CTEs and derived tables: no primary key, never created.
    #[cte] payroll { name -> Text, pay -> Integer, }
    #[cte] chain { id -> Integer, name -> Text, depth -> Integer, }
    #[cte] series { n -> Integer, }
    #[cte] team_sizes { manager_id -> Nullable<Integer>, members -> BigInt, }
}

fn seed<C: Connection>(conn: &mut C) {
    MetaData::new([employees::table::def(), contractors::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
    // A tree: 1 -> (2, 3), 2 -> 4, 4 -> 5.
    for (name, manager, salary) in [
        ("root", None, 300),
        ("ann", Some(1), 200),
        ("bob", Some(1), 150),
        ("cy", Some(2), 120),
        ("di", Some(4), 100),
    ] {
        insert(employees::table)
            .values((
                employees::name.eq(name),
                employees::manager_id.eq(manager),
                employees::salary.eq(salary),
            ))
            .execute(conn)
            .unwrap();
    }
    insert(contractors::table)
        .values(vec![
            (contractors::name.eq("bob"), contractors::rate.eq(90)),
            (contractors::name.eq("eve"), contractors::rate.eq(80)),
        ])
        .execute(conn)
        .unwrap();
}

crate::backend_test!(set_operations, |conn| {
    seed(conn);
    let union: Vec<String> = employees::table
        .select(employees::name)
        .union(contractors::table.select(contractors::name))
        .order_by(employees::name)
        .load(conn)
        .unwrap();
    assert_eq!(union, ["ann", "bob", "cy", "di", "eve", "root"]);
    let all: Vec<String> = employees::table
        .select(employees::name)
        .union_all(contractors::table.select(contractors::name))
        .order_by(employees::name.desc())
        .limit(3)
        .load(conn)
        .unwrap();
    assert_eq!(all, ["root", "eve", "di"]);
    let both: Vec<String> = employees::table
        .select(employees::name)
        .intersect(contractors::table.select(contractors::name))
        .load(conn)
        .unwrap();
    assert_eq!(both, ["bob"]);
    let staff_only: Vec<(String, i32)> = employees::table
        .select((employees::name, employees::salary))
        .except(contractors::table.select((contractors::name, contractors::rate)))
        .order_by(employees::salary)
        .offset(3)
        .load(conn)
        .unwrap();
    assert_eq!(staff_only, [("ann".to_owned(), 200), ("root".to_owned(), 300)]);
    // Chains of three.
    let three: Vec<i32> = employees::table
        .select(employees::id)
        .union(contractors::table.select(contractors::id))
        .union(select(42))
        .order_by(employees::id)
        .load(conn)
        .unwrap();
    assert_eq!(three, [1, 2, 3, 4, 5, 42]);
});

crate::backend_test!(ctes, |conn| {
    seed(conn);
    // A CTE used like a table: filtered and ordered, joined back to a real table.
    let rows: Vec<(String, i32)> = payroll::table
        .join(employees::table, employees::name.eq(payroll::name))
        .select((payroll::name, payroll::pay))
        .filter(payroll::pay.ge(150).and(employees::manager_id.is_not_null()))
        .order_by(payroll::pay.desc())
        .with(cte(
            payroll::table,
            employees::table
                .select((employees::name, employees::salary))
                .union_all(contractors::table.select((contractors::name, contractors::rate))),
        ))
        .load(conn)
        .unwrap();
    assert_eq!(rows, [("ann".to_owned(), 200), ("bob".to_owned(), 150)]);

    // Two CTEs, the second reading the first, and grouping over a CTE.
    let sizes: Vec<(Option<i32>, i64)> = team_sizes::table
        .select((team_sizes::manager_id, team_sizes::members))
        .filter(team_sizes::members.gt(0i64))
        .order_by(team_sizes::manager_id)
        .with(cte(payroll::table, employees::table.select((employees::name, employees::salary))))
        .with(cte(
            team_sizes::table,
            employees::table
                .join(payroll::table, payroll::name.eq(employees::name))
                .filter(employees::manager_id.is_not_null())
                .group_by(employees::manager_id)
                .select((employees::manager_id, count_star())),
        ))
        .load(conn)
        .unwrap();
    assert_eq!(sizes, [(Some(1), 2), (Some(2), 1), (Some(4), 1)]);
});

crate::backend_test!(recursive_ctes, |conn| {
    seed(conn);
    // A counting series.
    let numbers: Vec<i32> = series::table
        .select(series::n)
        .with_recursive(cte(
            series::table,
            select(1).union_all(series::table.select(series::n + 1).filter(series::n.lt(5))),
        ))
        .load(conn)
        .unwrap();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);

    // A tree walk: everyone under "ann", with depth.
    let under_ann: Vec<(String, i32)> = chain::table
        .select((chain::name, chain::depth))
        .order_by(chain::depth)
        .with_recursive(cte(
            chain::table,
            employees::table
                .select((employees::id, employees::name, literal::<Integer, _>(0)))
                .filter(employees::name.eq("ann"))
                .union_all(
                    employees::table
                        .join(chain::table, employees::manager_id.eq(chain::id))
                        .select((employees::id, employees::name, chain::depth + 1)),
                ),
        ))
        .load(conn)
        .unwrap();
    assert_eq!(under_ann, [("ann".to_owned(), 0), ("cy".to_owned(), 1), ("di".to_owned(), 2)]);
});

crate::backend_test!(derived_tables, |conn| {
    seed(conn);
    let big_teams: Vec<(String, i64)> = employees::table
        .join(
            employees::table
                .filter(employees::manager_id.is_not_null())
                .group_by(employees::manager_id)
                .select((employees::manager_id, count_star()))
                .subquery(team_sizes::table),
            team_sizes::manager_id.eq(employees::id),
        )
        .select((employees::name, team_sizes::members))
        .order_by((team_sizes::members.desc(), employees::name))
        .load(conn)
        .unwrap();
    assert_eq!(big_teams, [("root".to_owned(), 2), ("ann".to_owned(), 1), ("cy".to_owned(), 1)]);

    // A derived table on its own, with its default selection.
    let all: Vec<(String, i32)> = employees::table
        .select((employees::name, employees::salary))
        .filter(employees::salary.gt(140))
        .subquery(payroll::table)
        .order_by(payroll::pay)
        .load(conn)
        .unwrap();
    assert_eq!(all.len(), 3);
});

crate::backend_test!(set_operation_nullability, |conn| {
    seed(conn);
    // A column is NULL-able in the combined rows when it is on either side, whichever side.
    let names: Vec<(String, Option<i32>)> = contractors::table
        .select((contractors::name, contractors::rate))
        .union_all(employees::table.select((employees::name, employees::manager_id)))
        .order_by((contractors::name, contractors::rate))
        .load(conn)
        .unwrap();
    assert_eq!(names.len(), 7);
    assert_eq!(names[0], ("ann".to_owned(), Some(1)));
    assert!(names.contains(&("root".to_owned(), None)));
    // And in a chain, through the later members too.
    let ids: Vec<Option<i32>> = employees::table
        .select(employees::id)
        .union(contractors::table.select(contractors::id))
        .union(employees::table.select(employees::manager_id))
        .load(conn)
        .unwrap();
    assert_eq!(ids.len(), 6);
    assert!(ids.contains(&None));
});

aludel::table! {
    // A CTE filled by SUM declares its total NULL-able; SUM over no rows yields NULL.
    #[cte] manager_pay { manager_id -> Nullable<Integer>, total -> Nullable<BigInt>, }
}

crate::backend_test!(cte_columns_carry_nullability, |conn| {
    seed(conn);
    let rows: Vec<(Option<i32>, Option<i64>)> = manager_pay::table
        .select((manager_pay::manager_id, manager_pay::total))
        .order_by(manager_pay::manager_id)
        .with(cte(
            manager_pay::table,
            employees::table
                .filter(employees::salary.gt(1000))
                .select((max(employees::manager_id), sum(employees::salary))),
        ))
        .load(conn)
        .unwrap();
    // An aggregate without GROUP BY over no rows: one row of NULLs.
    assert_eq!(rows, [(None, None)]);
});

aludel::alias!(boss = employees::table);

crate::backend_test!(cte_over_a_self_join_through_an_alias, |conn| {
    seed(conn);
    // An alias of a stored table in a CTE's query reads no CTE.
    let rows: Vec<(String, i32)> = payroll::table
        .select((payroll::name, payroll::pay))
        .order_by(payroll::name)
        .with(cte(
            payroll::table,
            employees::table
                .join(boss, boss.col(employees::id).eq(employees::manager_id))
                .filter(boss.col(employees::name).eq("root"))
                .select((employees::name, boss.col(employees::salary))),
        ))
        .load(conn)
        .unwrap();
    assert_eq!(rows, [("ann".to_owned(), 300), ("bob".to_owned(), 300)]);
});

aludel::table! {
    // A stored table without a primary key: not a CTE shape, readable anywhere.
    event_log { kind -> Text, n -> Integer, }
    #[cte] kind_totals { kind -> Text, total -> Nullable<BigInt>, }
}

crate::backend_test!(table_without_primary_key_is_read_inside_a_cte, |conn| {
    MetaData::new([event_log::table::def()]).create_all(conn, CheckFirst::No).unwrap();
    insert(event_log::table)
        .values(vec![
            (event_log::kind.eq("a"), event_log::n.eq(1)),
            (event_log::kind.eq("a"), event_log::n.eq(2)),
            (event_log::kind.eq("b"), event_log::n.eq(5)),
        ])
        .execute(conn)
        .unwrap();
    let totals =
        event_log::table.group_by(event_log::kind).select((event_log::kind, sum(event_log::n)));
    let rows: Vec<(String, Option<i64>)> = kind_totals::table
        .select((kind_totals::kind, kind_totals::total))
        .order_by(kind_totals::kind)
        .with(cte(kind_totals::table, totals))
        .load(conn)
        .unwrap();
    assert_eq!(rows, [("a".to_owned(), Some(3)), ("b".to_owned(), Some(5))]);
});
