//! The runtime description of a table, built at compile time by `table!` as a `static`.

use crate::types::{TypeKind, Value};

/// What a referencing row does when its parent is deleted or its key updated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferentialAction {
    /// `NO ACTION` (the default): the statement fails while children exist.
    NoAction,
    /// `RESTRICT`: fails immediately.
    Restrict,
    /// `CASCADE`: children are deleted (or their keys updated) too.
    Cascade,
    /// `SET NULL`: the children's foreign key becomes NULL.
    SetNull,
    /// `SET DEFAULT`: the children's foreign key gets its default.
    SetDefault,
}

impl ReferentialAction {
    /// The SQL spelling.
    pub fn sql(self) -> &'static str {
        match self {
            ReferentialAction::NoAction => "NO ACTION",
            ReferentialAction::Restrict => "RESTRICT",
            ReferentialAction::Cascade => "CASCADE",
            ReferentialAction::SetNull => "SET NULL",
            ReferentialAction::SetDefault => "SET DEFAULT",
        }
    }
}

/// A column's default when an INSERT leaves it out.
#[derive(Debug, Clone, Copy)]
pub enum ColumnDefault {
    /// A Rust value, bound by aludel into every INSERT that omits the column.
    Value(fn() -> Value<'static>),
    /// A SQL expression written into every INSERT that omits the column (declared in code,
    /// never taken from user input).
    Sql(&'static str),
}

/// A foreign key from one column to a column of another table.
#[derive(Debug, Clone, Copy)]
pub struct ForeignKeyRef {
    /// The referenced table's name.
    pub table: &'static str,
    /// The referenced column's name.
    pub column: &'static str,
    /// `ON DELETE`, if declared.
    pub on_delete: Option<ReferentialAction>,
    /// `ON UPDATE`, if declared.
    pub on_update: Option<ReferentialAction>,
}

impl ForeignKeyRef {
    /// A reference to `table.column` with no actions.
    pub const fn new(table: &'static str, column: &'static str) -> Self {
        ForeignKeyRef { table, column, on_delete: None, on_update: None }
    }
    /// Sets `ON DELETE`.
    pub const fn on_delete(mut self, action: ReferentialAction) -> Self {
        self.on_delete = Some(action);
        self
    }
    /// Sets `ON UPDATE`.
    pub const fn on_update(mut self, action: ReferentialAction) -> Self {
        self.on_update = Some(action);
        self
    }
}

/// One foreign key of a table, whether declared on a column (`#[references]`) or as a table
/// constraint (`#[foreign_key]`): the one shape DDL renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForeignKeyDef {
    /// Referencing columns of the table.
    pub columns: &'static [&'static str],
    /// The referenced table.
    pub table: &'static str,
    /// The referenced columns.
    pub ref_columns: &'static [&'static str],
    /// `ON DELETE`, if declared.
    pub on_delete: Option<ReferentialAction>,
    /// `ON UPDATE`, if declared.
    pub on_update: Option<ReferentialAction>,
    /// Whether it was declared on its column (`#[references]`), so that `CREATE TABLE` writes
    /// it inside the column's definition.
    pub on_column: bool,
}

/// One column of a [`TableDef`].
#[derive(Debug, Clone, Copy)]
pub struct ColumnDef {
    /// The name in the database.
    pub name: &'static str,
    /// The SQL type.
    pub kind: TypeKind,
    /// Whether NULL is allowed.
    pub nullable: bool,
    /// Whether the column alone is UNIQUE.
    pub unique: bool,
    /// Whether a single-column index is created on it.
    pub index: bool,
    /// Whether the database generates its value (integer primary keys, by default).
    pub autoincrement: Option<bool>,
    /// The default applied by aludel's INSERT when the column is omitted.
    pub default: Option<ColumnDefault>,
    /// The DDL `DEFAULT` expression.
    pub server_default: Option<&'static str>,
    /// A column CHECK constraint.
    pub check: Option<&'static str>,
    /// A foreign key.
    pub references: Option<ForeignKeyRef>,
}

impl ColumnDef {
    /// A plain column.
    pub const fn new(name: &'static str, kind: TypeKind, nullable: bool) -> Self {
        ColumnDef {
            name,
            kind,
            nullable,
            unique: false,
            index: false,
            autoincrement: None,
            default: None,
            server_default: None,
            check: None,
            references: None,
        }
    }
    /// Marks the column UNIQUE.
    pub const fn unique(mut self) -> Self {
        self.unique = true;
        self
    }
    /// Creates an index on the column.
    pub const fn index(mut self) -> Self {
        self.index = true;
        self
    }
    /// Forces auto-increment on or off (integer single-column primary keys default to on).
    pub const fn autoincrement(mut self, on: bool) -> Self {
        self.autoincrement = Some(on);
        self
    }
    /// A Rust-side default value.
    pub const fn default_value(mut self, f: fn() -> Value<'static>) -> Self {
        self.default = Some(ColumnDefault::Value(f));
        self
    }
    /// A SQL-expression default written into INSERTs.
    pub const fn default_sql(mut self, sql: &'static str) -> Self {
        self.default = Some(ColumnDefault::Sql(sql));
        self
    }
    /// The DDL default.
    pub const fn server_default(mut self, sql: &'static str) -> Self {
        self.server_default = Some(sql);
        self
    }
    /// A CHECK constraint on the column.
    pub const fn check(mut self, sql: &'static str) -> Self {
        self.check = Some(sql);
        self
    }
    /// A foreign key.
    pub const fn references(mut self, r: ForeignKeyRef) -> Self {
        self.references = Some(r);
        self
    }

    /// The column's foreign key (`references`) in the shape DDL renders.
    pub(super) fn foreign_key(&'static self) -> Option<ForeignKeyDef> {
        let r = self.references.as_ref()?;
        Some(ForeignKeyDef {
            columns: std::slice::from_ref(&self.name),
            table: r.table,
            ref_columns: std::slice::from_ref(&r.column),
            on_delete: r.on_delete,
            on_update: r.on_update,
            on_column: true,
        })
    }
}

/// A table-level constraint or index.
#[derive(Debug, Clone, Copy)]
pub enum Constraint {
    /// `CREATE [UNIQUE] INDEX name ON table (columns)`.
    Index {
        /// Index name.
        name: &'static str,
        /// Indexed columns.
        columns: &'static [&'static str],
        /// Whether the index is UNIQUE.
        unique: bool,
    },
    /// `UNIQUE (columns)`.
    Unique(&'static [&'static str]),
    /// `CHECK (sql)`.
    Check(&'static str),
    /// `FOREIGN KEY (columns) REFERENCES table (ref_columns)`.
    ForeignKey {
        /// Referencing columns of this table.
        columns: &'static [&'static str],
        /// The referenced table.
        table: &'static str,
        /// The referenced columns.
        ref_columns: &'static [&'static str],
        /// `ON DELETE`, if declared.
        on_delete: Option<ReferentialAction>,
    },
}

/// The runtime description of a table.
#[derive(Debug, Clone, Copy)]
pub struct TableDef {
    /// The name in the database.
    pub name: &'static str,
    /// The columns, in declaration order.
    pub columns: &'static [ColumnDef],
    /// The columns' names, in declaration order.
    pub column_names: &'static [&'static str],
    /// The primary key's column names.
    pub primary_key: &'static [&'static str],
    /// Table-level constraints and indexes.
    pub constraints: &'static [Constraint],
}

impl TableDef {
    /// The column named `name`.
    pub fn column(&self, name: &str) -> Option<&ColumnDef> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// Whether `column` is the table's single auto-incrementing primary key.
    pub fn is_autoincrement(&self, column: &ColumnDef) -> bool {
        let integer =
            matches!(column.kind, TypeKind::SmallInt | TypeKind::Integer | TypeKind::BigInt);
        let sole_pk = self.primary_key.len() == 1 && self.primary_key[0] == column.name;
        sole_pk && column.autoincrement.unwrap_or(integer)
    }

    /// The table's foreign keys: column references first, then table constraints, each in
    /// declaration order.
    pub fn foreign_keys(&self) -> impl Iterator<Item = ForeignKeyDef> + use<> {
        let columns: &'static [ColumnDef] = self.columns;
        let from_columns = columns.iter().filter_map(ColumnDef::foreign_key);
        let constraints: &'static [Constraint] = self.constraints;
        let from_constraints = constraints.iter().filter_map(|c| match c {
            Constraint::ForeignKey { columns, table, ref_columns, on_delete } => {
                Some(ForeignKeyDef {
                    columns,
                    table,
                    ref_columns,
                    on_delete: *on_delete,
                    on_update: None,
                    on_column: false,
                })
            }
            _ => None,
        });
        from_columns.chain(from_constraints)
    }

    /// The names of the tables this table references (itself excluded).
    pub fn referenced_tables(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.foreign_keys().map(|fk| fk.table).filter(move |t| *t != self.name)
    }
}
