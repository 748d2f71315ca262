//! The aludel side of every workload: one body, expanded into each backend's `Backend` impl
//! (the connection types differ, the code a user writes does not).

/// Expands to the `aludel_*` methods of [`crate::Backend`] for a struct with a `conn` field.
#[macro_export]
macro_rules! aludel_workloads {
    () => {
        fn aludel_select(&mut self, key: i32) -> Item {
            bench_items::table.filter(bench_items::id.eq(key)).first(&mut self.conn).unwrap()
        }

        fn aludel_load(&mut self, n: i32) -> Vec<Item> {
            bench_items::table.filter(bench_items::id.le(n)).load(&mut self.conn).unwrap()
        }

        fn aludel_join(&mut self, users: i32) -> Vec<(User, Option<Post>)> {
            bench_users::table
                .outer_join(bench_posts::table, bench_posts::user_id.eq(bench_users::id))
                .filter(bench_users::id.le(users))
                .order_by((bench_users::id, bench_posts::id))
                .load(&mut self.conn)
                .unwrap()
        }

        fn aludel_insert(&mut self, rows: &[NewItem]) -> Vec<i32> {
            let values: Vec<_> = rows
                .iter()
                .map(|r| {
                    (bench_inserts::name.eq(r.name.as_str()), bench_inserts::score.eq(r.score))
                })
                .collect();
            self.conn
                .transaction(|conn| {
                    insert(bench_inserts::table)
                        .values(values)
                        .returning(bench_inserts::id)
                        .load(conn)
                })
                .unwrap()
        }

        fn aludel_update(&mut self, seed: i32) -> usize {
            aludel::conn::execute_many(
                &mut self.conn,
                (1..=ITEMS).map(|id| {
                    update(bench_updates::table)
                        .set(bench_updates::score.eq(updated_score(id, seed)))
                        .filter(bench_updates::id.eq(id))
                }),
            )
            .unwrap()
        }

        fn aludel_stream(&mut self) -> i64 {
            let mut total = 0i64;
            bench_stream::table
                .select(bench_stream::n)
                .for_each(&mut self.conn, |n: i64| {
                    total += n;
                    Ok(true)
                })
                .unwrap();
            total
        }

        fn updated_rows(&mut self) -> Vec<Item> {
            bench_updates::table.order_by(bench_updates::id).load(&mut self.conn).unwrap()
        }
    };
}
