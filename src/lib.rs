//! # aludel
//!
//! The SQL toolkit and object-relational mapper for Rust: SQLAlchemy's power with the checking
//! moved to compile time.
//!
//! Tables, columns and queries are zero-sized types. A query that compiles is valid SQL for
//! the dialect it runs on: its columns come from tables in FROM, compared values share a SQL
//! type family, results load into Rust types that can hold them, and a PostgreSQL-only
//! construct does not compile for SQLite. Every statement renders its SQL for any dialect
//! without a connection, and every value travels as a bind parameter.
//!
//! ```
//! use aludel::prelude::*;
//!
//! aludel::table! {
//!     users (id) {
//!         id -> Integer,
//!         name -> Text,
//!         email -> Nullable<Text>,
//!     }
//! }
//!
//! # fn main() -> aludel::Result<()> {
//! let mut conn = SqliteConnection::open("sqlite::memory:")?;
//! MetaData::new([users::table::def()]).create_all(&mut conn, CheckFirst::No)?;
//!
//! conn.transaction(|conn| {
//!     insert(users::table)
//!         .values(vec![
//!             (users::name.eq("ada"), users::email.eq(Some("ada@example.com"))),
//!             (users::name.eq("bob"), users::email.eq(None::<&str>)),
//!         ])
//!         .execute(conn)
//! })?;
//!
//! let with_email: Vec<(i32, String, Option<String>)> = users::table
//!     .filter(users::email.is_not_null())
//!     .order_by(users::name)
//!     .load(&mut conn)?;
//! assert_eq!(with_email, [(1, "ada".to_string(), Some("ada@example.com".to_string()))]);
//! # Ok(()) }
//! ```
//!
//! ## Layers
//!
//! `types → dialect → expr → schema → query → conn → orm`; a lower layer never uses a higher
//! one, and each is usable on its own: the typed core ([`query`]) renders SQL without a
//! connection, [`conn`] runs any statement (with an [`conn::Engine`] pool, a statement cache,
//! streaming and echo), and [`orm`] adds a session with an identity map and a unit of work.
//!
//! ## Generic parameter names
//!
//! `ST` a SQL type, `D` a dialect, `F` a FROM clause, `I` an inferred index that proves a
//! table is in a FROM clause, `E` an expression, `L`/`R` operands, `T` a table, `C` a column or
//! a connection, `U` the Rust type rows load into.
//!
//! ## Reading aludel's compile errors
//!
//! The first line of an error about an invalid query is written in SQL words:
//!
//! | first line | meaning |
//! |---|---|
//! | table `posts::table` is not in this query's FROM clause | a column of a table (or alias) the query does not select from |
//! | cannot compare SQL `Integer` with SQL `Text` | the two sides have different SQL type families |
//! | cannot apply arithmetic to SQL `Integer` and SQL `Text` | `+ - * / %` need two numbers (numbers promote: `Integer * Numeric` is `Numeric`) |
//! | a Rust `&str` cannot be used as a SQL `Integer` value | a bound value of the wrong Rust type |
//! | expected a boolean SQL expression, found SQL `Integer` | `filter` of a non-condition |
//! | cannot load SQL `Nullable<Text>` into Rust `String` | load a nullable column into `Option` |
//! | the PostgreSQL/SQLite dialect has no `ILIKE` operator | a dialect-only construct on another dialect |
//! | column `posts::title` does not belong to table `users::table` | assigning another table's column |
//! | this select list uses a column that is neither in GROUP BY nor inside an aggregate function | a grouped query selecting an ungrouped column |
//! | HAVING uses a column that is neither in GROUP BY nor inside an aggregate function | the same rule in HAVING |
//! | ORDER BY of a grouped query uses a column that is neither in GROUP BY nor inside an aggregate function | the same rule in ORDER BY (also when GROUP BY comes after ORDER BY) |
//! | this select list mixes aggregate functions with plain columns but the query has no GROUP BY | add `group_by`, or aggregate every column (ORDER BY counts) |
//! | aggregate functions are not allowed in WHERE | also ON, GROUP BY, FILTER, UPDATE SET, INSERT values, RETURNING: see [`expr::NoAggregateInWhere`] and its siblings |
//! | window functions are not allowed in WHERE | window functions stand only in the select list and ORDER BY |
//! | aggregate function calls cannot be nested | `sum(max(x))`; window the outer one (`sum(sum(x)).over(..)`) or use a subquery |
//! | window function calls cannot be nested | a window function inside another's arguments, PARTITION BY or ORDER BY |
//! | ORDER BY of a SELECT DISTINCT uses an expression that is not in its select list | order a DISTINCT query by selected columns |
//! | ORDER BY of a SELECT DISTINCT ON must start with the DISTINCT ON expressions | PostgreSQL's DISTINCT ON rule |
//! | the two sides of a set operation select different column types | UNION / INTERSECT / EXCEPT of incompatible rows |
//! | a row of SQL `Integer` cannot be stored into columns of SQL `(Text,)` | INSERT ... SELECT or a CTE whose rows do not fit |
//! | this subquery selects `(Integer, Text)`, but a single column is needed here | a scalar / IN / ANY subquery with several columns |
//! | the Sqlite dialect has no `FOR UPDATE` / `FOR SHARE` row locks | row locks are PostgreSQL-only |
//! | table `posts::table` was not declared joinable for this boxed query | a runtime join of a table not in the boxed query's scope |
//! | a Rust `f64` cannot be used in arithmetic with SQL `Text` | a Rust number left of an operator whose other side is not a number it fits |
//! | `posts::title` is not an item of this subquery's select list | `.c(item)` of an inline derived table or CTE that its query does not select |
//! | `Agg<Max, posts::score>` has no name to be read by from outside the subquery | `.c(expr)` of an expression without `.label("name")` |
//! | this statement uses a construct that the Sqlite dialect does not have | a PostgreSQL-only construct or type (arrays, enum types) in a statement run on SQLite |
//! | the Sqlite dialect has no `INTERVAL` type | interval values and arithmetic are PostgreSQL-only (arrays and enum types report the statement-level dialect message) |
//!
//! When the first line names a table missing from FROM inside a subquery, the subquery
//! refers to an outer table without [`correlate`](query::QueryDsl::correlate).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[macro_use]
mod tuples;

pub mod conn;
pub mod dialect;
mod error;
pub mod expr;
pub mod orm;
pub mod query;
pub mod schema;
pub mod types;

pub use aludel_derive::SqlEnum;
pub use error::{Error, ErrorKind, OptionalExtension, Result};

/// SQL functions and constructors, to import with `use aludel::dsl::*` (the prelude does).
pub mod dsl {
    pub use crate::expr::{
        Window, cume_dist, current_row, dense_rank, first_value, following, lag, lag_by, lag_or,
        last_value, lead, lead_by, lead_or, nth_value, ntile, percent_rank, preceding, rank,
        row_number, unbounded_following, unbounded_preceding,
    };
    pub use crate::expr::{
        abs, case_when, coalesce, extract_day, extract_month, extract_year, length, lower, nullif,
        replace, round, round_to, sql, substring, trim, upper,
    };
    pub use crate::expr::{
        array_agg, avg, bool_and, bool_or, count, count_distinct, count_star, max, min, string_agg,
        sum,
    };
    pub use crate::query::{all, any, cte, excluded, exists, literal, not_exists, select};
}

/// Everything a typical user of aludel needs, in one import.
pub mod prelude {
    pub use crate::conn::{Connection, PgConnection, RunQueryDsl, SqliteConnection};
    pub use crate::conn::{Engine, PoolConfig};
    pub use crate::dialect::{Postgres, Sqlite};
    pub use crate::dsl::*;
    #[cfg(feature = "json")]
    pub use crate::expr::JsonExpressionMethods;
    pub use crate::expr::LikeEscapeMethods;
    pub use crate::expr::WindowFunction;
    pub use crate::expr::{
        ArrayExpressionMethods, BoolExpressionMethods, ExpressionMethods, IsAggregate,
        LabelMethods, TextExpressionMethods,
    };
    pub use crate::query::{
        AliasDsl, CombineDsl, Compile, CteDsl, DerivedDsl, InSubqueryMethods, JoinDsl, QueryDsl,
        SubqueryDsl, WithDsl, delete, insert, update,
    };
    pub use crate::schema::{AliasSource, CheckFirst, Column, MetaData, Table};
    pub use crate::types::lengths::*;
    pub use crate::types::{
        Array, BigInt, Blob, Bool, Date, Double, Float, FromRow, Integer, Nullable, Numeric,
        SmallInt, Text, Time, Timestamp, TimestampTz, Varchar,
    };
    pub use crate::{Error, ErrorKind, OptionalExtension};
}

#[doc(hidden)]
pub mod __private {
    pub use aludel_derive::__default_foreign_keys as default_foreign_keys;
    pub use aludel_derive::__nest_tuple as nest_tuple;
    /// A `Decimal` on the left of an operator (`__impl_arithmetic_left_decimal`).
    #[cfg(feature = "decimal")]
    pub use rust_decimal::Decimal;
    pub use typenum::{B0, B1, Bit};
}
