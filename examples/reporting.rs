//! A realistic report, written in aludel instead of raw SQL: revenue per customer with each
//! customer's rank inside their region, over orders of the last quarter.
//!
//! It uses a CTE (order totals), joins of four tables, GROUP BY / HAVING, aggregates, a window
//! function and CASE, prints the SQL for both dialects, and runs it on SQLite.
//!
//! Run with `cargo run --example reporting`.

use aludel::prelude::*;

aludel::table! {
    customers (id) {
        id -> Integer,
        name -> Text,
        region -> Text,
    }

    products (id) {
        id -> Integer,
        name -> Text,
        price -> Integer,
    }

    orders (id) {
        id -> Integer,
        #[references(customers::id)] customer_id -> Integer,
        quarter -> Text,
    }

    order_items (id) {
        id -> Integer,
        #[references(orders::id)] order_id -> Integer,
        #[references(products::id)] product_id -> Integer,
        quantity -> Integer,
    }

    // The CTE's shape: one row per order with its total.
    #[cte] order_totals {
        order_id -> Integer,
        customer_id -> Integer,
        total -> BigInt,
    }
}

/// One line of the report.
#[derive(Debug, FromRow)]
struct RegionRanking {
    region: String,
    customer: String,
    orders: i64,
    revenue: Option<f64>,
    rank_in_region: i64,
    tier: String,
}

fn seed(conn: &mut SqliteConnection) -> aludel::Result<()> {
    MetaData::new([
        customers::table::def(),
        products::table::def(),
        orders::table::def(),
        order_items::table::def(),
    ])
    .create_all(conn, CheckFirst::No)?;
    conn.transaction(|conn| {
        insert(customers::table)
            .values(vec![
                (customers::name.eq("Acme"), customers::region.eq("north")),
                (customers::name.eq("Globex"), customers::region.eq("north")),
                (customers::name.eq("Initech"), customers::region.eq("south")),
                (customers::name.eq("Umbrella"), customers::region.eq("south")),
                (customers::name.eq("Hooli"), customers::region.eq("south")),
            ])
            .execute(conn)?;
        insert(products::table)
            .values(vec![
                (products::name.eq("widget"), products::price.eq(25)),
                (products::name.eq("gadget"), products::price.eq(120)),
                (products::name.eq("gizmo"), products::price.eq(7)),
            ])
            .execute(conn)?;
        let quarters = ["Q1", "Q2", "Q2", "Q2", "Q2", "Q2", "Q2"];
        let customers_of_orders = [1, 1, 2, 3, 3, 4, 5];
        insert(orders::table)
            .values(
                customers_of_orders
                    .iter()
                    .zip(quarters)
                    .map(|(c, q)| (orders::customer_id.eq(*c), orders::quarter.eq(q)))
                    .collect::<Vec<_>>(),
            )
            .execute(conn)?;
        let items = [
            (1, 1, 4),
            (2, 2, 1),
            (2, 3, 10),
            (3, 1, 2),
            (4, 2, 3),
            (5, 3, 1),
            (6, 1, 1),
            (7, 3, 2),
        ];
        insert(order_items::table)
            .values(
                items
                    .iter()
                    .map(|(o, p, q)| {
                        (
                            order_items::order_id.eq(*o),
                            order_items::product_id.eq(*p),
                            order_items::quantity.eq(*q),
                        )
                    })
                    .collect::<Vec<_>>(),
            )
            .execute(conn)
    })?;
    Ok(())
}

fn main() -> aludel::Result<()> {
    let mut conn = SqliteConnection::open("sqlite::memory:")?;
    seed(&mut conn)?;

    // WITH order_totals AS (SELECT order_id, customer_id, SUM(quantity * price) ... GROUP BY ...)
    let totals = order_items::table
        .join_via(order_items::product_id)
        .join_via(order_items::order_id)
        .filter(orders::quarter.eq("Q2"))
        .group_by((order_items::order_id, orders::customer_id))
        .select((
            order_items::order_id,
            orders::customer_id,
            coalesce(sum(order_items::quantity * products::price), 0i64),
        ));

    let revenue = sum(order_totals::total);
    let ranking =
        Window::new().partition_by(customers::region).order_by(sum(order_totals::total).desc());
    let report = customers::table
        .join(order_totals::table, order_totals::customer_id.eq(customers::id))
        .group_by((customers::region, customers::name))
        .select((
            customers::region,
            customers::name,
            count(order_totals::order_id),
            revenue,
            rank().over(ranking),
            case_when(sum(order_totals::total).ge(300i64), "gold")
                .when(sum(order_totals::total).ge(100i64), "silver")
                .otherwise("bronze"),
        ))
        .having(count_star().ge(1))
        .order_by((customers::region, rank().over(ranking)))
        .with(cte(order_totals::table, totals));

    println!("-- SQLite:\n{}\n", report.compile::<Sqlite>());
    println!("-- PostgreSQL:\n{}\n", report.compile::<Postgres>().sql());

    let rows: Vec<RegionRanking> = report.load(&mut conn)?;
    println!(
        "{:<6} {:<9} {:>6} {:>8} {:>5} tier",
        "region", "customer", "orders", "revenue", "rank"
    );
    for r in &rows {
        println!(
            "{:<6} {:<9} {:>6} {:>8} {:>5} {}",
            r.region,
            r.customer,
            r.orders,
            r.revenue.unwrap_or_default(),
            r.rank_in_region,
            r.tier
        );
    }
    assert_eq!(rows.len(), 5);
    assert_eq!(
        (rows[0].customer.as_str(), rows[0].revenue, rows[0].rank_in_region),
        ("Acme", Some(190.0), 1)
    );
    assert_eq!(rows[2].customer, "Initech");
    assert_eq!(rows[2].tier, "gold");
    Ok(())
}
