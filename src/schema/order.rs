//! The order a set of tables is created in: parents first, cycles broken by deferring the
//! foreign keys that close them.

use super::def::{ForeignKeyDef, TableDef};

/// A foreign key that cannot be created with its table, because it references a table created
/// later: the two tables' foreign keys form a cycle.
#[derive(Debug, Clone, Copy)]
pub struct DeferredForeignKey {
    /// The referencing table.
    pub table: &'static TableDef,
    /// The foreign key.
    pub foreign_key: ForeignKeyDef,
}

/// Tables in an order they can be created in, and the foreign keys that must wait until the
/// tables they reference exist (SQLAlchemy's `use_alter`).
///
/// Reversed, `tables` is an order to drop them in once the deferred foreign keys are gone.
#[derive(Debug, Clone, Default)]
pub struct TableOrder {
    /// Every table, parents before children as far as the foreign keys allow.
    pub tables: Vec<&'static TableDef>,
    /// The foreign keys that point at a table later in `tables` (empty without cycles).
    pub deferred: Vec<DeferredForeignKey>,
}

impl TableOrder {
    /// Orders `tables`. A table is placed once every table it references is placed (its
    /// references to itself and to tables not in the set do not count). When a cycle blocks
    /// that, one table of the cycle is placed anyway and its foreign keys into the tables still
    /// waiting are deferred: the first waiting table, in the given order, on a cycle whose
    /// such foreign keys are all nullable columns (so a row can be written before its
    /// reference, as the ORM does), or else the first waiting table on a cycle.
    pub(super) fn of(tables: &[&'static TableDef]) -> TableOrder {
        let known = |name: &str| tables.iter().any(|t| t.name == name);
        let mut order = TableOrder { tables: Vec::with_capacity(tables.len()), deferred: vec![] };
        let mut pending: Vec<&'static TableDef> = tables.to_vec();
        while !pending.is_empty() {
            let before = pending.len();
            let done = &mut order.tables;
            pending.retain(|t| {
                let ready = t
                    .referenced_tables()
                    .all(|parent| done.iter().any(|d| d.name == parent) || !known(parent));
                if ready {
                    done.push(t);
                }
                !ready
            });
            if pending.len() < before {
                continue;
            }
            let waits_for = |t: &TableDef, fk: &ForeignKeyDef| {
                fk.table != t.name && pending.iter().any(|p| p.name == fk.table)
            };
            let on_cycle: Vec<&'static TableDef> =
                pending.iter().copied().filter(|t| on_cycle(t, &pending)).collect();
            let nullable = |t: &TableDef| {
                t.foreign_keys()
                    .filter(|fk| waits_for(t, fk))
                    .all(|fk| fk.columns.iter().all(|c| t.column(c).is_some_and(|c| c.nullable)))
            };
            // Every waiting table references another waiting one, so some are on a cycle.
            let pick = on_cycle.iter().find(|t| nullable(t)).unwrap_or(&on_cycle[0]);
            let pick: &'static TableDef = pick;
            order.deferred.extend(
                pick.foreign_keys()
                    .filter(|fk| waits_for(pick, fk))
                    .map(|foreign_key| DeferredForeignKey { table: pick, foreign_key }),
            );
            let at = pending.iter().position(|t| std::ptr::eq(*t, pick)).expect("waiting");
            order.tables.push(pending.remove(at));
        }
        order
    }

    /// The deferred foreign keys of `table`.
    pub fn deferred_of(&self, table: &TableDef) -> Vec<ForeignKeyDef> {
        self.deferred.iter().filter(|d| d.table.name == table.name).map(|d| d.foreign_key).collect()
    }
}

/// Whether `start` reaches itself through foreign keys between the `pending` tables.
fn on_cycle(start: &TableDef, pending: &[&'static TableDef]) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    let mut stack: Vec<&TableDef> = vec![start];
    while let Some(t) = stack.pop() {
        for parent in t.referenced_tables() {
            if parent == start.name {
                return true;
            }
            if seen.contains(&parent) {
                continue;
            }
            if let Some(p) = pending.iter().find(|p| p.name == parent) {
                seen.push(parent);
                stack.push(p);
            }
        }
    }
    false
}
