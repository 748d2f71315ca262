//! DDL for one table, per dialect.
//!
//! Identifiers are quoted by the dialect. Defaults and CHECK expressions are SQL written by the
//! developer in the schema code (like SQLAlchemy's `server_default` and `CheckConstraint`);
//! they never come from data.

use super::def::{ColumnDef, Constraint, ForeignKeyDef, TableDef};
use crate::dialect::Dialect;
use crate::error::{Error, ErrorKind, Result};
use crate::types::TypeKind;

/// Writes `('label', ...)`: labels of a Rust enum, from schema code, as SQL string literals.
fn write_labels(out: &mut String, labels: &[&str]) {
    out.push('(');
    for (i, label) in labels.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('\'');
        out.push_str(&label.replace('\'', "''"));
        out.push('\'');
    }
    out.push(')');
}

/// The PostgreSQL enum type a column needs (directly or as an array's elements), if any.
fn enum_type_of(kind: TypeKind) -> Option<(&'static str, &'static [&'static str])> {
    match kind {
        TypeKind::Enum { name, labels } => Some((name, labels)),
        TypeKind::Array(element) => enum_type_of(*element),
        _ => None,
    }
}

/// The enum types the tables' columns use, each once, in the order of first use.
pub(super) fn enum_types(
    tables: &[&'static TableDef],
) -> Vec<(&'static str, &'static [&'static str])> {
    let mut out: Vec<(&'static str, &'static [&'static str])> = Vec::new();
    for c in tables.iter().flat_map(|t| t.columns) {
        if let Some(e) = enum_type_of(c.kind)
            && !out.iter().any(|(name, _)| *name == e.0)
        {
            out.push(e);
        }
    }
    out
}

/// Refuses a table with a column whose type the dialect does not have (an array on SQLite,
/// which would take `INTEGER[]` as a type name and store anything).
pub(super) fn check_types<D: Dialect>(table: &TableDef) -> Result<()> {
    match table.columns.iter().find(|c| !D::has_type(c.kind)) {
        None => Ok(()),
        Some(c) => Err(Error::new(
            ErrorKind::Schema,
            format!(
                "column `{}.{}` has type {:?}, which the {} dialect does not have (arrays and \
                 enum types are PostgreSQL-only)",
                table.name,
                c.name,
                c.kind,
                D::NAME
            ),
        )),
    }
}

/// `CREATE TYPE "name" AS ENUM ('label', ...)`; with `if_not_exists` an existing type of that
/// name is kept (as far as the dialect can guard the statement).
pub(super) fn create_enum_type_sql<D: Dialect>(
    name: &str,
    labels: &[&str],
    if_not_exists: bool,
) -> String {
    let mut create = String::from("CREATE TYPE ");
    D::write_ident(&mut create, name);
    create.push_str(" AS ENUM ");
    write_labels(&mut create, labels);
    if !if_not_exists {
        return create;
    }
    // An existing type fails with duplicate_object, as an existing constraint does.
    let mut out = String::new();
    D::write_add_constraint_if_missing(&mut out, &create);
    out
}

/// `DROP TYPE [IF EXISTS] "name"`.
pub(super) fn drop_enum_type_sql<D: Dialect>(name: &str, if_exists: bool) -> String {
    let mut out = String::from("DROP TYPE ");
    if if_exists {
        out.push_str("IF EXISTS ");
    }
    D::write_ident(&mut out, name);
    out
}

fn write_ident_list<D: Dialect>(out: &mut String, names: &[&str]) {
    out.push('(');
    for (i, n) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        D::write_ident(out, n);
    }
    out.push(')');
}

/// Writes ` REFERENCES "parent" ("col", ...)` and the declared actions: the one spelling of a
/// foreign key's target, used inline in a column, in a table constraint and in
/// `ALTER TABLE ... ADD CONSTRAINT`.
fn write_references<D: Dialect>(out: &mut String, fk: &ForeignKeyDef) {
    out.push_str(" REFERENCES ");
    D::write_ident(out, fk.table);
    out.push(' ');
    write_ident_list::<D>(out, fk.ref_columns);
    if let Some(a) = fk.on_delete {
        out.push_str(" ON DELETE ");
        out.push_str(a.sql());
    }
    if let Some(a) = fk.on_update {
        out.push_str(" ON UPDATE ");
        out.push_str(a.sql());
    }
}

/// Writes `FOREIGN KEY ("col", ...) REFERENCES ...`, the table-constraint form.
fn write_foreign_key<D: Dialect>(out: &mut String, fk: &ForeignKeyDef) {
    out.push_str("FOREIGN KEY ");
    write_ident_list::<D>(out, fk.columns);
    write_references::<D>(out, fk);
}

fn write_column<D: Dialect>(
    out: &mut String,
    table: &TableDef,
    c: &ColumnDef,
    fk: Option<&ForeignKeyDef>,
) {
    D::write_ident(out, c.name);
    out.push(' ');
    if table.is_autoincrement(c) {
        D::write_autoincrement_pk(out, c.kind);
    } else {
        D::write_type(out, c.kind);
        if !c.nullable {
            out.push_str(" NOT NULL");
        }
    }
    if let Some(sql) = c.server_default {
        out.push_str(" DEFAULT ");
        out.push_str(sql);
    }
    if c.unique {
        out.push_str(" UNIQUE");
    }
    if let Some(check) = c.check {
        out.push_str(" CHECK (");
        out.push_str(check);
        out.push(')');
    }
    if let TypeKind::TextEnum { labels } = c.kind {
        // A Rust enum stored as text: only its labels.
        out.push_str(" CHECK (");
        D::write_ident(out, c.name);
        out.push_str(" IN ");
        write_labels(out, labels);
        out.push(')');
    }
    if let Some(fk) = fk {
        write_references::<D>(out, fk);
    }
}

/// `CREATE TABLE` for `table` (without its indexes; see [`create_index_sql`]).
///
/// ```
/// use aludel::prelude::*;
/// use aludel::schema::create_table_sql;
/// aludel::table! { users (id) { id -> Integer, #[unique] name -> Text, } }
///
/// assert_eq!(
///     create_table_sql::<Sqlite>(users::table::def(), false),
///     r#"CREATE TABLE "users" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL UNIQUE)"#
/// );
/// assert_eq!(
///     create_table_sql::<Postgres>(users::table::def(), true),
///     r#"CREATE TABLE IF NOT EXISTS "users" ("id" INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "name" TEXT NOT NULL UNIQUE)"#
/// );
/// ```
pub fn create_table_sql<D: Dialect>(table: &TableDef, if_not_exists: bool) -> String {
    create_table_sql_without::<D>(table, if_not_exists, &[])
}

/// `CREATE TABLE` for `table`, leaving out the foreign keys in `deferred` (they are added
/// afterwards, see [`add_foreign_key_sql`]).
pub(super) fn create_table_sql_without<D: Dialect>(
    table: &TableDef,
    if_not_exists: bool,
    deferred: &[ForeignKeyDef],
) -> String {
    let mut out = String::from("CREATE TABLE ");
    if if_not_exists {
        out.push_str("IF NOT EXISTS ");
    }
    D::write_ident(&mut out, table.name);
    out.push_str(" (");
    let columns: &'static [ColumnDef] = table.columns;
    for (i, c) in columns.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let fk = c.foreign_key().filter(|fk| !deferred.contains(fk));
        write_column::<D>(&mut out, table, c, fk.as_ref());
    }
    let pk_inline = table.columns.iter().any(|c| table.is_autoincrement(c));
    if !pk_inline && !table.primary_key.is_empty() {
        out.push_str(", PRIMARY KEY ");
        write_ident_list::<D>(&mut out, table.primary_key);
    }
    // The table's constraint foreign keys, in the order of its constraints.
    let mut constraint_fks = table.foreign_keys().filter(|fk| !fk.on_column);
    for constraint in table.constraints {
        match constraint {
            Constraint::Unique(cols) => {
                out.push_str(", UNIQUE ");
                write_ident_list::<D>(&mut out, cols);
            }
            Constraint::Check(sql) => {
                out.push_str(", CHECK (");
                out.push_str(sql);
                out.push(')');
            }
            Constraint::ForeignKey { .. } => {
                let fk = constraint_fks.next().expect("one per foreign-key constraint");
                if !deferred.contains(&fk) {
                    out.push_str(", ");
                    write_foreign_key::<D>(&mut out, &fk);
                }
            }
            Constraint::Index { .. } => {}
        }
    }
    out.push(')');
    out
}

/// The `CREATE INDEX` statements of `table`: declared indexes and indexed columns.
pub fn create_index_sql<D: Dialect>(table: &TableDef, if_not_exists: bool) -> Vec<String> {
    let column_indexes =
        table.columns.iter().filter(|c| c.index).map(|c| {
            (format!("ix_{}_{}", table.name, c.name), std::slice::from_ref(&c.name), false)
        });
    let declared = table.constraints.iter().filter_map(|c| match c {
        Constraint::Index { name, columns, unique } => Some((name.to_string(), *columns, *unique)),
        _ => None,
    });
    column_indexes
        .chain(declared)
        .map(|(name, columns, unique)| {
            let mut out =
                String::from(if unique { "CREATE UNIQUE INDEX " } else { "CREATE INDEX " });
            if if_not_exists {
                out.push_str("IF NOT EXISTS ");
            }
            D::write_ident(&mut out, &name);
            out.push_str(" ON ");
            D::write_ident(&mut out, table.name);
            out.push(' ');
            write_ident_list::<D>(&mut out, columns);
            out
        })
        .collect()
}

/// The name aludel gives a foreign key it adds with `ALTER TABLE`: `fk_<table>_<columns>`.
fn foreign_key_name(table: &TableDef, fk: &ForeignKeyDef) -> String {
    let mut name = format!("fk_{}", table.name);
    for c in fk.columns {
        name.push('_');
        name.push_str(c);
    }
    name
}

/// `ALTER TABLE "table" ADD CONSTRAINT "fk_.." FOREIGN KEY (..) REFERENCES ..`, for a foreign
/// key left out of its `CREATE TABLE` because it references a table created later. With
/// `if_not_exists` an existing constraint of that name is kept, as far as the dialect can say
/// so ([`Dialect::write_add_constraint_if_missing`]).
pub(super) fn add_foreign_key_sql<D: Dialect>(
    table: &TableDef,
    fk: &ForeignKeyDef,
    if_not_exists: bool,
) -> String {
    let mut add = String::from("ALTER TABLE ");
    D::write_ident(&mut add, table.name);
    add.push_str(" ADD CONSTRAINT ");
    D::write_ident(&mut add, &foreign_key_name(table, fk));
    add.push(' ');
    write_foreign_key::<D>(&mut add, fk);
    if !if_not_exists {
        return add;
    }
    let mut out = String::new();
    D::write_add_constraint_if_missing(&mut out, &add);
    out
}

/// `ALTER TABLE "table" DROP CONSTRAINT "fk_.."`, undoing [`add_foreign_key_sql`].
pub(super) fn drop_foreign_key_sql<D: Dialect>(
    table: &TableDef,
    fk: &ForeignKeyDef,
    if_exists: bool,
) -> String {
    let mut out = String::from("ALTER TABLE ");
    if if_exists {
        out.push_str("IF EXISTS ");
    }
    D::write_ident(&mut out, table.name);
    out.push_str(" DROP CONSTRAINT ");
    if if_exists {
        out.push_str("IF EXISTS ");
    }
    D::write_ident(&mut out, &foreign_key_name(table, fk));
    out
}

/// `DROP TABLE` for `table`.
pub fn drop_table_sql<D: Dialect>(table: &TableDef, if_exists: bool) -> String {
    let mut out = String::from("DROP TABLE ");
    if if_exists {
        out.push_str("IF EXISTS ");
    }
    D::write_ident(&mut out, table.name);
    out
}
