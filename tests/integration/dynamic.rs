//! Boxed queries: filters, orderings and joins chosen at runtime, still type-checked.

use aludel::prelude::*;
use aludel::query::Conditions;

aludel::table! {
    products (id) { id -> Integer, name -> Text, price -> Integer, category -> Text, }
    stock (id) {
        id -> Integer,
        #[references(products::id)] product_id -> Integer,
        warehouse -> Text,
        count -> Integer,
    }
}

fn seed<C: Connection>(conn: &mut C) {
    MetaData::new([products::table::def(), stock::table::def()])
        .create_all(conn, CheckFirst::No)
        .unwrap();
    insert(products::table)
        .values(vec![
            (products::name.eq("anvil"), products::price.eq(100), products::category.eq("tools")),
            (products::name.eq("apple"), products::price.eq(1), products::category.eq("food")),
            (products::name.eq("axe"), products::price.eq(40), products::category.eq("tools")),
            (products::name.eq("bread"), products::price.eq(3), products::category.eq("food")),
        ])
        .execute(conn)
        .unwrap();
    insert(stock::table)
        .values(vec![
            (stock::product_id.eq(1), stock::warehouse.eq("north"), stock::count.eq(2)),
            (stock::product_id.eq(3), stock::warehouse.eq("south"), stock::count.eq(0)),
            (stock::product_id.eq(4), stock::warehouse.eq("north"), stock::count.eq(9)),
        ])
        .execute(conn)
        .unwrap();
}

/// A search form with optional fields.
#[derive(Default)]
struct Search<'s> {
    name_prefix: Option<&'s str>,
    max_price: Option<i32>,
    categories: Vec<&'s str>,
    warehouse: Option<&'s str>,
    cheapest_first: bool,
}

macro_rules! search {
    ($conn:expr, $dialect:ty, $form:expr) => {{
        let form: &Search = $form;
        let mut q = products::table
            .select(products::name)
            .into_boxed::<$dialect>()
            .may_join::<stock::table>();
        if let Some(prefix) = form.name_prefix {
            q = q.filter(products::name.like(format!("{prefix}%")));
        }
        if let Some(max) = form.max_price {
            q = q.filter(products::price.le(max));
        }
        if !form.categories.is_empty() {
            let mut any = Conditions::any();
            for c in &form.categories {
                any = any.push(products::category.eq(*c));
            }
            q = q.filter(any);
        }
        if let Some(w) = form.warehouse {
            q = q
                .join(stock::table, stock::product_id.eq(products::id))
                .filter(stock::warehouse.eq(w).and(stock::count.gt(0)));
        }
        q = if form.cheapest_first {
            q.order_by(products::price.asc())
        } else {
            q.order_by(products::name)
        };
        q.load::<String>($conn).unwrap()
    }};
}

fn run_searches<C: Connection>(conn: &mut C, all: impl Fn(&mut C, &Search) -> Vec<String>) {
    seed(conn);
    assert_eq!(all(conn, &Search::default()), ["anvil", "apple", "axe", "bread"]);
    assert_eq!(
        all(conn, &Search { name_prefix: Some("a"), ..Default::default() }),
        ["anvil", "apple", "axe"]
    );
    assert_eq!(
        all(
            conn,
            &Search {
                name_prefix: Some("a"),
                max_price: Some(50),
                cheapest_first: true,
                ..Default::default()
            }
        ),
        ["apple", "axe"]
    );
    assert_eq!(
        all(conn, &Search { categories: vec!["food"], ..Default::default() }),
        ["apple", "bread"]
    );
    assert_eq!(
        all(
            conn,
            &Search { categories: vec!["food", "tools"], max_price: Some(2), ..Default::default() }
        ),
        ["apple"]
    );
    assert_eq!(
        all(conn, &Search { warehouse: Some("north"), ..Default::default() }),
        ["anvil", "bread"]
    );
    assert_eq!(
        all(conn, &Search { warehouse: Some("south"), ..Default::default() }),
        Vec::<String>::new()
    );
}

#[test]
fn search_form_sqlite() {
    let mut conn = crate::common::sqlite();
    run_searches(&mut conn, |c, f| search!(c, Sqlite, f));
}

#[test]
fn search_form_postgres() {
    let Some(mut guard) = crate::common::pg("search_form") else { return };
    run_searches(&mut guard.conn, |c, f| search!(c, Postgres, f));
}

crate::backend_test!(boxed_keeps_earlier_parts, |conn| {
    seed(conn);
    // A statement with its own filter and order, boxed, then refined; selecting a joinable
    // table's column makes it nullable.
    let rows: Vec<(String, Option<i32>)> = products::table
        .filter(products::price.gt(2))
        .order_by(products::name.desc())
        .into_boxed()
        .may_join::<stock::table>()
        .outer_join(stock::table, stock::product_id.eq(products::id))
        .select((products::name, stock::count))
        .filter(products::category.eq("tools"))
        .limit(5)
        .load(conn)
        .unwrap();
    assert_eq!(rows, [("axe".to_owned(), Some(0)), ("anvil".to_owned(), Some(2))]);
    let empty_all: Vec<String> = products::table
        .select(products::name)
        .into_boxed()
        .filter(Conditions::all())
        .filter(Conditions::any().push(products::price.gt(50)))
        .load(conn)
        .unwrap();
    assert_eq!(empty_all, ["anvil"]);
});
