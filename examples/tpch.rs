//! TPC-H on aludel: the benchmark's eight tables (lineitem with all 16 columns), a small
//! deterministic data generator, and ten of its queries written with labels, month and year
//! intervals, inline derived tables and Rust numbers on the left of operators, run on SQLite
//! and, when `ALUDEL_PG_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`) answers,
//! on PostgreSQL too, checking that both databases give the same answers.
//!
//! Run with `cargo run --example tpch --features chrono`.

use aludel::prelude::*;
use chrono::NaiveDate;

aludel::table! {
    region (r_regionkey) { r_regionkey -> Integer, r_name -> Text, r_comment -> Text, }

    nation (n_nationkey) {
        n_nationkey -> Integer,
        n_name -> Text,
        #[references(region::r_regionkey)] n_regionkey -> Integer,
        n_comment -> Text,
    }

    supplier (s_suppkey) {
        s_suppkey -> Integer,
        s_name -> Text,
        s_address -> Text,
        #[references(nation::n_nationkey)] s_nationkey -> Integer,
        s_phone -> Text,
        s_acctbal -> Numeric,
        s_comment -> Text,
    }

    customer (c_custkey) {
        c_custkey -> Integer,
        c_name -> Text,
        c_address -> Text,
        #[references(nation::n_nationkey)] c_nationkey -> Integer,
        c_phone -> Text,
        c_acctbal -> Numeric,
        c_mktsegment -> Text,
        c_comment -> Text,
    }

    part (p_partkey) {
        p_partkey -> Integer,
        p_name -> Text,
        p_mfgr -> Text,
        p_brand -> Text,
        p_type -> Text,
        p_size -> Integer,
        p_container -> Text,
        p_retailprice -> Numeric,
        p_comment -> Text,
    }

    partsupp (ps_partkey, ps_suppkey) {
        #[references(part::p_partkey)] ps_partkey -> Integer,
        #[references(supplier::s_suppkey)] ps_suppkey -> Integer,
        ps_availqty -> Integer,
        ps_supplycost -> Numeric,
        ps_comment -> Text,
    }

    orders (o_orderkey) {
        o_orderkey -> Integer,
        #[references(customer::c_custkey)] o_custkey -> Integer,
        o_orderstatus -> Text,
        o_totalprice -> Numeric,
        o_orderdate -> Date,
        o_orderpriority -> Text,
        o_clerk -> Text,
        o_shippriority -> Integer,
        o_comment -> Text,
    }

    lineitem (l_orderkey, l_linenumber) {
        #[references(orders::o_orderkey)] l_orderkey -> Integer,
        #[references(part::p_partkey)] l_partkey -> Integer,
        #[references(supplier::s_suppkey)] l_suppkey -> Integer,
        l_linenumber -> Integer,
        l_quantity -> Numeric,
        l_extendedprice -> Numeric,
        l_discount -> Numeric,
        l_tax -> Numeric,
        l_returnflag -> Text,
        l_linestatus -> Text,
        l_shipdate -> Date,
        l_commitdate -> Date,
        l_receiptdate -> Date,
        l_shipinstruct -> Text,
        l_shipmode -> Text,
        l_comment -> Text,
    }
}

/// A row of lineitem, as the generator makes it and Q1's `SELECT *` check reads it back.
#[derive(Debug, Clone, PartialEq, FromRow)]
struct LineItem {
    orderkey: i32,
    partkey: i32,
    suppkey: i32,
    linenumber: i32,
    quantity: f64,
    extendedprice: f64,
    discount: f64,
    tax: f64,
    returnflag: String,
    linestatus: String,
    shipdate: NaiveDate,
    commitdate: NaiveDate,
    receiptdate: NaiveDate,
    shipinstruct: String,
    shipmode: String,
    comment: String,
}

/// A small linear congruential generator: the same data on every run and both databases.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next(from.len() as u64) as usize]
    }
    /// A price with two decimals, `lo..hi`.
    fn money(&mut self, lo: u64, hi: u64) -> f64 {
        (lo * 100 + self.next((hi - lo) * 100)) as f64 / 100.0
    }
}

const SEGMENTS: &[&str] = &["AUTOMOBILE", "BUILDING", "FURNITURE", "HOUSEHOLD", "MACHINERY"];
const PRIORITIES: &[&str] = &["1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"];
const MODES: &[&str] = &["AIR", "FOB", "MAIL", "RAIL", "REG AIR", "SHIP", "TRUCK"];
const INSTRUCTIONS: &[&str] = &["COLLECT COD", "DELIVER IN PERSON", "NONE", "TAKE BACK RETURN"];
const TYPES: &[&str] = &["PROMO BRUSHED", "STANDARD POLISHED", "ECONOMY ANODIZED", "PROMO PLATED"];
const REGIONS: &[&str] = &["AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"];

const SUPPLIERS: i32 = 20;
const CUSTOMERS: i32 = 150;
const PARTS: i32 = 200;
const ORDERS: i32 = 1500;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// Creates the schema and fills it: about 6,000 line items.
fn generate(conn: &mut impl Connection) -> aludel::Result<usize> {
    let tables = [
        region::table::def(),
        nation::table::def(),
        supplier::table::def(),
        customer::table::def(),
        part::table::def(),
        partsupp::table::def(),
        orders::table::def(),
        lineitem::table::def(),
    ];
    MetaData::new(tables).create_all(conn, CheckFirst::No)?;
    let mut rng = Rng(42);
    for (key, name) in REGIONS.iter().enumerate() {
        insert(region::table)
            .values((
                region::r_regionkey.eq(key as i32),
                region::r_name.eq(*name),
                region::r_comment.eq(""),
            ))
            .execute(conn)?;
    }
    let nations: Vec<_> = (0..25)
        .map(|n| {
            (
                nation::n_nationkey.eq(n),
                nation::n_name.eq(format!("NATION{n:02}")),
                nation::n_regionkey.eq(n % 5),
                nation::n_comment.eq(""),
            )
        })
        .collect();
    insert(nation::table).values(nations).execute(conn)?;
    let suppliers: Vec<_> = (1..=SUPPLIERS)
        .map(|s| {
            (
                supplier::s_suppkey.eq(s),
                supplier::s_name.eq(format!("Supplier#{s:09}")),
                supplier::s_address.eq(""),
                supplier::s_nationkey.eq(s % 25),
                supplier::s_phone.eq(""),
                supplier::s_acctbal.eq(rng.money(0, 9999)),
                supplier::s_comment.eq(""),
            )
        })
        .collect();
    insert(supplier::table).values(suppliers).execute(conn)?;
    let customers: Vec<_> = (1..=CUSTOMERS)
        .map(|c| {
            (
                customer::c_custkey.eq(c),
                customer::c_name.eq(format!("Customer#{c:09}")),
                customer::c_address.eq(""),
                customer::c_nationkey.eq(c % 25),
                customer::c_phone.eq(format!("{}-555", 10 + c % 25)),
                customer::c_acctbal.eq(rng.money(0, 9999)),
                customer::c_mktsegment.eq(rng.pick(SEGMENTS)),
                customer::c_comment.eq(""),
            )
        })
        .collect();
    insert(customer::table).values(customers).execute(conn)?;
    let parts: Vec<_> = (1..=PARTS)
        .map(|p| {
            (
                part::p_partkey.eq(p),
                part::p_name.eq(format!("part {p}")),
                part::p_mfgr.eq(format!("Manufacturer#{}", 1 + p % 5)),
                part::p_brand.eq(format!("Brand#{}", 10 + p % 25)),
                part::p_type.eq(rng.pick(TYPES)),
                part::p_size.eq(1 + p % 50),
                part::p_container.eq("SM BOX"),
                part::p_retailprice.eq(900.0 + f64::from(p) / 10.0),
                part::p_comment.eq(""),
            )
        })
        .collect();
    insert(part::table).values(parts).execute(conn)?;
    let partsupps: Vec<_> = (1..=PARTS)
        .flat_map(|p| (0..4).map(move |k| (p, 1 + (p + k * 5) % SUPPLIERS)))
        .map(|(p, s)| {
            (
                partsupp::ps_partkey.eq(p),
                partsupp::ps_suppkey.eq(s),
                partsupp::ps_availqty.eq(1 + (p * s) % 9999),
                partsupp::ps_supplycost.eq(rng.money(1, 1000)),
                partsupp::ps_comment.eq(""),
            )
        })
        .collect();
    insert(partsupp::table).values(partsupps).execute(conn)?;

    let start = date(1992, 1, 1);
    let mut order_rows = Vec::new();
    let mut items = Vec::new();
    for o in 1..=ORDERS {
        let ordered = start + chrono::Days::new(rng.next(2400));
        let lines = 1 + rng.next(7) as i32;
        let mut total = 0.0;
        for l in 1..=lines {
            let partkey = 1 + rng.next(PARTS as u64) as i32;
            let quantity = (1 + rng.next(50)) as f64;
            let price = quantity * (900.0 + f64::from(partkey) / 10.0);
            let shipped = ordered + chrono::Days::new(1 + rng.next(120));
            let received = shipped + chrono::Days::new(1 + rng.next(30));
            let returned = received <= date(1995, 6, 17);
            total += price;
            items.push(LineItem {
                orderkey: o,
                partkey,
                suppkey: 1 + (partkey + (l % 4) * 5) % SUPPLIERS,
                linenumber: l,
                quantity,
                extendedprice: (price * 100.0).round() / 100.0,
                discount: rng.next(11) as f64 / 100.0,
                tax: rng.next(9) as f64 / 100.0,
                returnflag: if returned { rng.pick(&["R", "A"]) } else { "N" }.to_owned(),
                linestatus: if shipped > date(1995, 6, 17) { "O" } else { "F" }.to_owned(),
                shipdate: shipped,
                commitdate: ordered + chrono::Days::new(30 + rng.next(60)),
                receiptdate: received,
                shipinstruct: rng.pick(INSTRUCTIONS).to_owned(),
                shipmode: rng.pick(MODES).to_owned(),
                comment: String::new(),
            });
        }
        order_rows.push((
            orders::o_orderkey.eq(o),
            orders::o_custkey.eq(1 + rng.next(CUSTOMERS as u64) as i32),
            orders::o_orderstatus.eq("O"),
            orders::o_totalprice.eq((total * 100.0_f64).round() / 100.0),
            orders::o_orderdate.eq(ordered),
            orders::o_orderpriority.eq(rng.pick(PRIORITIES)),
            orders::o_clerk.eq(format!("Clerk#{:09}", 1 + o % 50)),
            orders::o_shippriority.eq(0),
            orders::o_comment.eq(if o % 10 == 0 { "special requests" } else { "" }),
        ));
    }
    for chunk in order_rows.chunks(1000) {
        insert(orders::table).values(chunk.to_vec()).execute(conn)?;
    }
    for chunk in items.chunks(1000) {
        let rows: Vec<_> = chunk
            .iter()
            .map(|i| {
                (
                    (
                        lineitem::l_orderkey.eq(i.orderkey),
                        lineitem::l_partkey.eq(i.partkey),
                        lineitem::l_suppkey.eq(i.suppkey),
                        lineitem::l_linenumber.eq(i.linenumber),
                        lineitem::l_quantity.eq(i.quantity),
                        lineitem::l_extendedprice.eq(i.extendedprice),
                        lineitem::l_discount.eq(i.discount),
                        lineitem::l_tax.eq(i.tax),
                    ),
                    (
                        lineitem::l_returnflag.eq(i.returnflag.clone()),
                        lineitem::l_linestatus.eq(i.linestatus.clone()),
                        lineitem::l_shipdate.eq(i.shipdate),
                        lineitem::l_commitdate.eq(i.commitdate),
                        lineitem::l_receiptdate.eq(i.receiptdate),
                        lineitem::l_shipinstruct.eq(i.shipinstruct.clone()),
                        lineitem::l_shipmode.eq(i.shipmode.clone()),
                        lineitem::l_comment.eq(i.comment.clone()),
                    ),
                )
            })
            .collect();
        insert(lineitem::table).values(rows).execute(conn)?;
    }
    // The widest row reads back whole, into a struct, as it was written.
    let first: LineItem =
        lineitem::table.order_by((lineitem::l_orderkey, lineitem::l_linenumber)).first(conn)?;
    assert_eq!(first, items[0]);
    Ok(items.len())
}

/// Rounds for printing and for comparing the two databases' answers.
fn money(v: Option<f64>) -> String {
    v.map_or("NULL".to_owned(), |v| format!("{v:.2}"))
}

/// Runs the queries; each answer is a list of printed rows.
fn queries(conn: &mut impl Connection) -> aludel::Result<Vec<(&'static str, Vec<String>)>> {
    use lineitem::*;
    let mut answers = Vec::new();
    let disc_price = l_extendedprice * (1 - l_discount);

    // Q1, pricing summary: labels, `1 - x` and `1 + x`, ordered by the grouping keys.
    let sum_qty = sum(l_quantity).label("sum_qty");
    let sum_charge = sum(disc_price * (1 + l_tax)).label("sum_charge");
    let count_order = count_star().label("count_order");
    let rows: Vec<(String, String, Option<f64>, Option<f64>, Option<f64>, Option<f64>, i64)> =
        table
            .filter(l_shipdate.le(date(1998, 12, 1) - chrono::Days::new(90)))
            .group_by((l_returnflag, l_linestatus))
            .select((
                l_returnflag,
                l_linestatus,
                sum_qty,
                sum(disc_price).label("sum_disc_price"),
                sum_charge,
                avg(l_discount).label("avg_disc"),
                count_order,
            ))
            .order_by((l_returnflag, l_linestatus))
            .load(conn)?;
    answers.push((
        "Q1 pricing summary",
        rows.into_iter()
            .map(|(f, s, q, d, c, a, n)| {
                format!(
                    "{f} {s} qty={} disc_price={} charge={} avg_disc={} count={n}",
                    money(q),
                    money(d),
                    money(c),
                    money(a)
                )
            })
            .collect(),
    ));

    // Q3, shipping priority: three tables, revenue labeled and ordered by.
    let revenue = sum(disc_price).label("revenue");
    let cutoff = date(1995, 3, 15);
    let rows: Vec<(i32, Option<f64>, NaiveDate, i32)> = customer::table
        .join(orders::table, orders::o_custkey.eq(customer::c_custkey))
        .join(table, l_orderkey.eq(orders::o_orderkey))
        .filter(
            customer::c_mktsegment
                .eq("BUILDING")
                .and(orders::o_orderdate.lt(cutoff))
                .and(l_shipdate.gt(cutoff)),
        )
        .group_by((l_orderkey, orders::o_orderdate, orders::o_shippriority))
        .select((l_orderkey, revenue, orders::o_orderdate, orders::o_shippriority))
        .order_by((revenue.desc(), orders::o_orderdate, l_orderkey))
        .limit(10)
        .load(conn)?;
    answers.push((
        "Q3 shipping priority",
        rows.into_iter().map(|(o, r, d, p)| format!("{o} {} {d} {p}", money(r))).collect(),
    ));

    // Q5, local supplier volume: six tables, a year interval on a date value.
    let year_start = date(1994, 1, 1);
    let rows: Vec<(String, Option<f64>)> = customer::table
        .join(orders::table, orders::o_custkey.eq(customer::c_custkey))
        .join(table, l_orderkey.eq(orders::o_orderkey))
        .join(
            supplier::table,
            supplier::s_suppkey.eq(l_suppkey).and(customer::c_nationkey.eq(supplier::s_nationkey)),
        )
        .join(nation::table, nation::n_nationkey.eq(supplier::s_nationkey))
        .join(region::table, region::r_regionkey.eq(nation::n_regionkey))
        .filter(
            region::r_name
                .eq("ASIA")
                .and(orders::o_orderdate.ge(year_start))
                .and(orders::o_orderdate.lt(literal::<Date, _>(year_start).add_years(1))),
        )
        .group_by(nation::n_name)
        .select((nation::n_name, revenue))
        .order_by((revenue.desc(), nation::n_name))
        .load(conn)?;
    answers.push((
        "Q5 local supplier volume",
        rows.into_iter().map(|(n, r)| format!("{n} {}", money(r))).collect(),
    ));

    // Q6, forecasting revenue change: BETWEEN on decimals, one aggregate.
    let rows: Vec<Option<f64>> = table
        .filter(
            l_shipdate
                .ge(year_start)
                .and(l_shipdate.lt(literal::<Date, _>(year_start).add_years(1)))
                .and(l_discount.between(0.05, 0.07))
                .and(l_quantity.lt(24)),
        )
        .select(sum(l_extendedprice * l_discount).label("revenue"))
        .load(conn)?;
    answers.push(("Q6 forecasting revenue change", rows.into_iter().map(money).collect()));

    // Q10, returned items: a quarter (`+ 3 months`), seven grouping columns.
    let quarter = date(1993, 10, 1);
    let rows: Vec<(i32, String, Option<f64>, f64, String)> = customer::table
        .join(orders::table, orders::o_custkey.eq(customer::c_custkey))
        .join(table, l_orderkey.eq(orders::o_orderkey))
        .join(nation::table, nation::n_nationkey.eq(customer::c_nationkey))
        .filter(
            orders::o_orderdate
                .ge(quarter)
                .and(orders::o_orderdate.lt(literal::<Date, _>(quarter).add_months(3)))
                .and(l_returnflag.eq("R")),
        )
        .group_by((
            customer::c_custkey,
            customer::c_name,
            customer::c_acctbal,
            customer::c_phone,
            nation::n_name,
            customer::c_address,
            customer::c_comment,
        ))
        .select((
            customer::c_custkey,
            customer::c_name,
            revenue,
            customer::c_acctbal,
            nation::n_name,
        ))
        .order_by((revenue.desc(), customer::c_custkey))
        .limit(20)
        .load(conn)?;
    answers.push((
        "Q10 returned items",
        rows.into_iter()
            .map(|(k, n, r, b, nat)| format!("{k} {n} {} {b:.2} {nat}", money(r)))
            .collect(),
    ));

    // Q12, shipping modes and order priority: CASE inside SUM.
    let high = orders::o_orderpriority.eq("1-URGENT").or(orders::o_orderpriority.eq("2-HIGH"));
    let rows: Vec<(String, Option<i64>, Option<i64>)> = orders::table
        .join(table, l_orderkey.eq(orders::o_orderkey))
        .filter(
            l_shipmode
                .eq("MAIL")
                .or(l_shipmode.eq("SHIP"))
                .and(l_commitdate.lt(l_receiptdate))
                .and(l_shipdate.lt(l_commitdate))
                .and(l_receiptdate.ge(year_start))
                .and(l_receiptdate.lt(literal::<Date, _>(year_start).add_years(1))),
        )
        .group_by(l_shipmode)
        .select((
            l_shipmode,
            sum(case_when(high.clone(), 1).otherwise(0)).label("high_line_count"),
            sum(case_when(high.not(), 1).otherwise(0)).label("low_line_count"),
        ))
        .order_by(l_shipmode)
        .load(conn)?;
    answers.push((
        "Q12 shipping modes",
        rows.into_iter().map(|(m, h, l)| format!("{m} high={h:?} low={l:?}")).collect(),
    ));

    // Q13, customer distribution: an inline derived table over an outer join.
    let c_count = count(orders::o_orderkey).label("c_count");
    let c_orders = customer::table
        .outer_join(
            orders::table,
            customer::c_custkey
                .eq(orders::o_custkey)
                .and(orders::o_comment.not_like("%special%requests%")),
        )
        .group_by(customer::c_custkey)
        .select((customer::c_custkey, c_count))
        .alias("c_orders");
    let orders_per_customer = c_orders.c(c_count);
    let custdist = count_star().label("custdist");
    let rows: Vec<(i64, i64)> = c_orders
        .select((orders_per_customer, custdist))
        .group_by(orders_per_customer)
        .order_by((custdist.desc(), orders_per_customer.desc()))
        .load(conn)?;
    answers.push((
        "Q13 customer distribution",
        rows.into_iter().map(|(c, n)| format!("{c} orders: {n} customers")).collect(),
    ));

    // Q14, promotion effect: `100.0 * sum(..) / sum(..)` over a month.
    let month = date(1995, 9, 1);
    let promo = case_when(part::p_type.like("PROMO%"), disc_price).otherwise(0.0);
    let rows: Vec<Option<f64>> = table
        .join(part::table, part::p_partkey.eq(l_partkey))
        .filter(l_shipdate.ge(month).and(l_shipdate.lt(literal::<Date, _>(month).add_months(1))))
        .select((100.0 * sum(promo) / sum(disc_price)).label("promo_revenue"))
        .load(conn)?;
    answers.push(("Q14 promotion effect", rows.into_iter().map(money).collect()));

    // Q15, top supplier: an inline derived table read twice (joined, and in a scalar
    // subquery for its maximum).
    let total_revenue = sum(disc_price).label("total_revenue");
    let revenue0 = table
        .filter(
            l_shipdate
                .ge(year_start)
                .and(l_shipdate.lt(literal::<Date, _>(year_start).add_months(3))),
        )
        .group_by(l_suppkey)
        .select((l_suppkey, total_revenue))
        .alias("revenue0");
    let (supplier_no, best) = (revenue0.c(l_suppkey), revenue0.c(total_revenue));
    let top = revenue0.clone().select(max(best)).scalar_subquery();
    let rows: Vec<(i32, String, Option<f64>)> = supplier::table
        .join(revenue0, supplier_no.eq(supplier::s_suppkey))
        .filter(best.eq(top))
        .select((supplier::s_suppkey, supplier::s_name, best))
        .order_by(supplier::s_suppkey)
        .load(conn)?;
    answers.push((
        "Q15 top supplier",
        rows.into_iter().map(|(k, n, r)| format!("{k} {n} {}", money(r))).collect(),
    ));

    // Q18, large volume customers: IN over a grouped subquery with HAVING against a decimal.
    let big_orders =
        table.group_by(l_orderkey).select(l_orderkey).having(sum(l_quantity).gt(250.0));
    let rows: Vec<(String, i32, NaiveDate, f64, Option<f64>)> = customer::table
        .join(orders::table, orders::o_custkey.eq(customer::c_custkey))
        .join(table, l_orderkey.eq(orders::o_orderkey))
        .filter(orders::o_orderkey.in_subquery(big_orders))
        .group_by((
            customer::c_name,
            customer::c_custkey,
            orders::o_orderkey,
            orders::o_orderdate,
            orders::o_totalprice,
        ))
        .select((
            customer::c_name,
            orders::o_orderkey,
            orders::o_orderdate,
            orders::o_totalprice,
            sum(l_quantity),
        ))
        .order_by((orders::o_totalprice.desc(), orders::o_orderdate, orders::o_orderkey))
        .limit(100)
        .load(conn)?;
    answers.push((
        "Q18 large volume customers",
        rows.into_iter()
            .map(|(c, o, d, t, q)| format!("{c} {o} {d} {t:.2} {}", money(q)))
            .collect(),
    ));
    Ok(answers)
}

/// The same rows, numbers equal to the cent: SQLite's decimals are doubles, PostgreSQL's
/// exact, so a sum of many prices may round the other way in its last printed digit.
fn same_rows(a: &[String], b: &[String]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            let (xs, ys): (Vec<_>, Vec<_>) = (x.split(' ').collect(), y.split(' ').collect());
            xs.len() == ys.len()
                && xs.iter().zip(&ys).all(|(p, q)| match (p.parse::<f64>(), q.parse::<f64>()) {
                    (Ok(p), Ok(q)) => (p - q).abs() <= 0.011,
                    _ => p == q,
                })
        })
}

fn print(answers: &[(&str, Vec<String>)]) {
    for (name, rows) in answers {
        println!("{name}: {} rows", rows.len());
        for row in rows.iter().take(3) {
            println!("    {row}");
        }
    }
}

fn main() -> aludel::Result<()> {
    let mut sqlite = SqliteConnection::open("sqlite::memory:")?;
    let items = generate(&mut sqlite)?;
    println!("SQLite: generated {items} line items");
    let on_sqlite = queries(&mut sqlite)?;
    print(&on_sqlite);
    assert!(on_sqlite.iter().all(|(_, rows)| !rows.is_empty()), "every query has an answer");

    let url = std::env::var("ALUDEL_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    match PgConnection::connect(&url) {
        Ok(mut pg) => {
            pg.batch_execute("DROP SCHEMA IF EXISTS aludel_tpch CASCADE; CREATE SCHEMA aludel_tpch; SET search_path TO aludel_tpch")?;
            generate(&mut pg)?;
            let on_postgres = queries(&mut pg)?;
            pg.batch_execute("DROP SCHEMA aludel_tpch CASCADE")?;
            for ((name, a), (_, b)) in on_sqlite.iter().zip(&on_postgres) {
                assert!(same_rows(a, b), "{name}: SQLite and PostgreSQL disagree:\n{a:?}\n{b:?}");
            }
            println!("PostgreSQL: the same {} answers", on_postgres.len());
        }
        Err(e) if std::env::var("ALUDEL_REQUIRE_PG").is_ok() => return Err(e),
        Err(e) => println!("PostgreSQL not reached ({e}); ran on SQLite only"),
    }
    Ok(())
}
