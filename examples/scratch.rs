use aludel::prelude::*;
use std::time::Instant;
aludel::table! { bench_items (id) { id -> Integer, name -> Text, score -> Integer, } }
#[derive(FromRow, Debug)]
struct Item {
    id: i32,
    name: String,
    score: i32,
}
fn main() {
    let mut conn = SqliteConnection::open("sqlite::memory:").unwrap();
    MetaData::new([bench_items::table::def()]).create_all(&mut conn, CheckFirst::No).unwrap();
    let rows: Vec<_> = (1..=1000)
        .map(|i| {
            (bench_items::id.eq(i), bench_items::name.eq(format!("n{i}")), bench_items::score.eq(i))
        })
        .collect();
    insert(bench_items::table).values(rows).execute(&mut conn).unwrap();
    for round in 0..3 {
        let t = Instant::now();
        for k in 0..100_000 {
            let it: Item = bench_items::table
                .filter(bench_items::id.eq(k % 1000 + 1))
                .first(&mut conn)
                .unwrap();
            std::hint::black_box(it);
        }
        println!("first: {:?}/iter", t.elapsed() / 100_000);
        let t = Instant::now();
        for k in 0..100_000 {
            let it: Vec<Item> = bench_items::table
                .filter(bench_items::id.eq(k % 1000 + 1))
                .load(&mut conn)
                .unwrap();
            std::hint::black_box(it);
        }
        println!("load: {:?}/iter (round {round})", t.elapsed() / 100_000);
        let t = Instant::now();
        for k in 0..100_000 {
            let it: Vec<Item> = bench_items::table
                .filter(bench_items::id.eq(k % 1000 + 1))
                .limit(1)
                .load(&mut conn)
                .unwrap();
            std::hint::black_box(it);
        }
        println!("limit load: {:?}/iter", t.elapsed() / 100_000);
        {
            let raw = conn.raw();
            for (label, sql) in [
                ("raw LIMIT ?2", "SELECT id, name, score FROM bench_items WHERE id = ?1 LIMIT ?2"),
                ("raw LIMIT 1", "SELECT id, name, score FROM bench_items WHERE id = ?1 LIMIT 1"),
            ] {
                let t = Instant::now();
                for k in 0..100_000i64 {
                    let mut st = raw.prepare_cached(sql).unwrap();
                    let r: (i32, String, i32) = if sql.contains("?2") {
                        st.query_row((k % 1000 + 1, 1i64), |r| {
                            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                        })
                        .unwrap()
                    } else {
                        st.query_row((k % 1000 + 1,), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                            .unwrap()
                    };
                    std::hint::black_box(r);
                }
                println!("{label}: {:?}/iter", t.elapsed() / 100_000);
            }
        }
        if round == 0 {
            println!(
                "{}",
                bench_items::table.filter(bench_items::id.eq(1)).limit(1).compile::<Sqlite>()
            );
        }
    }
}
