//! aludel's integration suite: one test binary, one module per capability. Each behaviour test
//! runs on SQLite (in memory) and on PostgreSQL (`ALUDEL_PG_URL`), and reads its results back.

// Result rows are tuples by design; spelling them out is the point of these tests.
#![allow(clippy::type_complexity)]

#[global_allocator]
static ALLOCATOR: common::CountingAllocator = common::CountingAllocator;

mod analytics;
mod arrays;
mod binding;
mod common;
mod composition;
mod cycles;
mod dynamic;
mod enums;
mod errors;
mod execution;
mod faults;
mod functions;
mod grouping;
mod intervals;
mod joins;
mod labels;
mod orm;
mod pool;
mod relations;
mod rows_in_out;
mod schema;
mod select;
mod subqueries;
mod transactions;
mod twins;
mod type_features;
mod types;
mod ui;
mod wide_columns;
mod wide_schema;
mod windows;
mod write;
