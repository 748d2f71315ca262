//! Valid twins of the compile-fail cases: for every `ui-tests/<case>.rs` there is a test named
//! `<case>` here that makes the one change the case's message asks for, compiles, and runs on
//! SQLite and PostgreSQL, reading its rows back. The twin proves the case fails for the stated
//! reason and not for another.
//!
//! One module per rule family; `every_compile_fail_case_has_a_twin` keeps the two sets in step.

mod compose;
mod dialect_cases;
mod dialects;
mod grouping_cases;
mod interval_cases;
#[cfg(feature = "json")]
mod json_cases;
mod load_cases;
mod orm_cases;
mod placement;
mod rules;
mod schema;
mod scope_cases;
mod statements;
mod type_cases;
mod type_dialect_cases;
mod write_cases;

/// A twin of a case about a PostgreSQL-only construct on SQLite: the same query on PostgreSQL,
/// where it is valid (`crate::backend_test!` runs every other twin on both databases).
#[macro_export]
macro_rules! pg_twin {
    ($name:ident, |$conn:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[test]
            fn postgres() {
                let Some(mut guard) = $crate::common::pg(stringify!($name)) else { return };
                let $conn = &mut guard.conn;
                $body
            }
        }
    };
}

use std::collections::BTreeSet;

#[test]
fn every_compile_fail_case_has_a_twin() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/ui-tests");
    let cases: BTreeSet<String> = std::fs::read_dir(dir)
        .expect("ui-tests/ is readable")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "rs").then(|| path.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    let twins_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/integration/twins");
    let sources: Vec<String> = std::fs::read_dir(twins_dir)
        .expect("tests/integration/twins/ is readable")
        .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path()).ok())
        .collect();
    let missing: Vec<&String> = cases
        .iter()
        .filter(|case| {
            let (both, pg) = (format!("backend_test!({case},"), format!("pg_twin!({case},"));
            !sources.iter().any(|src| src.contains(&both) || src.contains(&pg))
        })
        .collect();
    assert!(missing.is_empty(), "compile-fail cases without a valid twin: {missing:?}");
}
