//! An enum column compares with values of its enum, not with text: the labels are the type.

use aludel::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, aludel::SqlEnum)]
#[sql_enum(text)]
pub enum Priority {
    Low,
    High,
}

aludel::table! {
    tickets (id) { id -> Integer, priority -> Priority, }
}

fn main() {
    let _ = tickets::table.select(tickets::id).filter(tickets::priority.eq("High"));
}
