//! A 100-table schema and an 8-table join: type checking stays fast as schemas grow, and any
//! two tables join without per-pair declarations. (Generated once; `t01`..`t09` reference their
//! predecessor.)

use aludel::prelude::*;

aludel::table! {
    t00 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t01 (id) { id -> Integer, #[references(t00::id)] parent_id -> Integer, name -> Text, score -> Double, }
    t02 (id) { id -> Integer, #[references(t01::id)] parent_id -> Integer, name -> Text, score -> Double, }
    t03 (id) { id -> Integer, #[references(t02::id)] parent_id -> Integer, name -> Text, score -> Double, }
    t04 (id) { id -> Integer, #[references(t03::id)] parent_id -> Integer, name -> Text, score -> Double, }
    t05 (id) { id -> Integer, #[references(t04::id)] parent_id -> Integer, name -> Text, score -> Double, }
    t06 (id) { id -> Integer, #[references(t05::id)] parent_id -> Integer, name -> Text, score -> Double, }
    t07 (id) { id -> Integer, #[references(t06::id)] parent_id -> Integer, name -> Text, score -> Double, }
    t08 (id) { id -> Integer, #[references(t07::id)] parent_id -> Integer, name -> Text, score -> Double, }
    t09 (id) { id -> Integer, #[references(t08::id)] parent_id -> Integer, name -> Text, score -> Double, }
    t10 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t11 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t12 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t13 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t14 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t15 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t16 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t17 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t18 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t19 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t20 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t21 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t22 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t23 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t24 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t25 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t26 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t27 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t28 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t29 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t30 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t31 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t32 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t33 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t34 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t35 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t36 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t37 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t38 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t39 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t40 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t41 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t42 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t43 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t44 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t45 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t46 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t47 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t48 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t49 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t50 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t51 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t52 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t53 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t54 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t55 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t56 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t57 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t58 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t59 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t60 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t61 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t62 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t63 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t64 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t65 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t66 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t67 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t68 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t69 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t70 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t71 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t72 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t73 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t74 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t75 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t76 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t77 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t78 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t79 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t80 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t81 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t82 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t83 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t84 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t85 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t86 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t87 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t88 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t89 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t90 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t91 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t92 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t93 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t94 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t95 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t96 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t97 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t98 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
    t99 (id) { id -> Integer, parent_id -> Integer, name -> Text, score -> Double, }
}

/// The query, written where it is used so its full type is checked there.
macro_rules! eight_way_join {
    () => {
        t10::table
            .join(t11::table, t11::parent_id.eq(t10::id))
            .join(t12::table, t12::parent_id.eq(t11::id))
            .outer_join(t13::table, t13::parent_id.eq(t12::id))
            .join(t14::table, t14::parent_id.eq(t12::id))
            .join(t15::table, t15::parent_id.eq(t14::id))
            .outer_join(t16::table, t16::parent_id.eq(t15::id))
            .join(t97::table, t97::parent_id.eq(t10::id))
            .select((t10::name, t11::name, t13::name, t16::score, t97::name))
            .filter(t14::score.gt(0.5).and(t12::name.ne("x")))
            .order_by((t10::id, t16::score.desc()))
    };
}

crate::backend_test!(eight_table_join_over_wide_schema, |conn| {
    let tables: Vec<_> = [
        t10::table::def(),
        t11::table::def(),
        t12::table::def(),
        t13::table::def(),
        t14::table::def(),
        t15::table::def(),
        t16::table::def(),
        t97::table::def(),
    ]
    .into();
    MetaData::new(tables).create_all(conn, CheckFirst::No).unwrap();
    insert(t10::table)
        .values((t10::id.eq(1), t10::parent_id.eq(0), t10::name.eq("root"), t10::score.eq(1.0)))
        .execute(conn)
        .unwrap();
    insert(t11::table)
        .values((t11::id.eq(1), t11::parent_id.eq(1), t11::name.eq("a"), t11::score.eq(1.0)))
        .execute(conn)
        .unwrap();
    insert(t12::table)
        .values((t12::id.eq(1), t12::parent_id.eq(1), t12::name.eq("b"), t12::score.eq(1.0)))
        .execute(conn)
        .unwrap();
    insert(t14::table)
        .values((t14::id.eq(1), t14::parent_id.eq(1), t14::name.eq("d"), t14::score.eq(0.9)))
        .execute(conn)
        .unwrap();
    insert(t15::table)
        .values((t15::id.eq(1), t15::parent_id.eq(1), t15::name.eq("e"), t15::score.eq(1.0)))
        .execute(conn)
        .unwrap();
    insert(t97::table)
        .values((t97::id.eq(1), t97::parent_id.eq(1), t97::name.eq("z"), t97::score.eq(1.0)))
        .execute(conn)
        .unwrap();
    let rows: Vec<(String, String, Option<String>, Option<f64>, String)> =
        eight_way_join!().load(conn).unwrap();
    assert_eq!(rows, [("root".to_owned(), "a".to_owned(), None, None, "z".to_owned())]);
});

#[test]
fn wide_schema_sorts_and_renders() {
    let defs = [
        t00::table::def(),
        t01::table::def(),
        t02::table::def(),
        t03::table::def(),
        t04::table::def(),
        t05::table::def(),
        t06::table::def(),
        t07::table::def(),
        t08::table::def(),
        t09::table::def(),
    ];
    let order: Vec<_> = MetaData::new(defs.into_iter().rev())
        .sorted_tables()
        .unwrap()
        .iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(order, ["t00", "t01", "t02", "t03", "t04", "t05", "t06", "t07", "t08", "t09"]);
    let query = eight_way_join!();
    let sql = query.compile::<Postgres>().sql().to_owned();
    assert_eq!(sql.matches(" JOIN ").count(), 7);
    assert!(sql.starts_with(r#"SELECT "t10"."name", "t11"."name", "t13"."name", "t16"."score", "t97"."name" FROM "t10" INNER JOIN "t11""#), "{sql}");
}
