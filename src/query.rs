//! Statements: SELECT, INSERT, UPDATE and DELETE as typestate builders.
//!
//! Each builder method returns a new type that records what the statement now holds, and the
//! method's bounds check the new part against the FROM clause (columns reachable, conditions
//! boolean, assigned values of the column's type). A statement renders for any dialect with
//! [`Compile::compile`]; executing it is the job of a connection.

mod boxed;
mod clauses;
mod compile;
mod compound;
mod cte;
mod cte_scope;
mod delete;
mod derived;
mod dynamic;
mod fill;
mod inline;
mod insert;
mod join;
mod returning;
mod select;
mod selection;
mod set_output;
mod subquery;
mod table_dsl;
mod update;
mod upsert;

pub use boxed::{
    BoxParts, BoxSelect, BoxedGrouping, BoxedSelect, BoxedSelectListFor, Conditions, MayJoin, Scope,
};
pub use clauses::{
    Distinct, DistinctOn, GroupBy, Having, HavingAnd, Lock, NoDistinct, NoGroupBy, NoHaving,
    NoLock, NoOrder, NoWhere, OrderBy, Where, WhereAnd,
};
pub use compile::{Compile, Compiled};
pub use compound::{CombineDsl, CompoundSelect, SetCompatible};
pub use cte::{Cte, CteEntry, CteList, WithDsl, WithQuery, cte};
pub use cte_scope::{
    AllDeclared, Append, CteCons, CteNil, CtesInScope, Declares, IsAlias, IsInlineCte, IsTable,
    Last, NoCtes, NoneUndeclared, ReadsCtes, ReadsOnlyEarlier, RecursiveBody, ShapeList,
};
pub use delete::{DeleteStatement, delete};
pub use derived::{Derived, DerivedDsl, Literal, NoFrom, SelectValues, literal, select};
pub use dynamic::{DynFilter, DynReturning, DynReturningFragment, DynSelect, DynSet, DynValues};
pub use fill::{FilledBy, FillsColumnNullability, FillsColumnType, FillsTable, NullFits};
pub use inline::{
    AliasDsl, AtItem, CteDsl, InlineCte, InlineSource, ItemAt, SelectItems, Subquery,
    SubqueryColumn, ThisItem,
};
pub use insert::{
    Assignment, ColumnList, ColumnOf, InsertFromSelect, InsertRow, InsertStatement, InsertValues,
    NoValues, RowComparable, Values, insert,
};
pub use join::{
    Cross, ForeignKeyPath, FullOuter, Inner, Join, JoinDsl, JoinKind, LeftOuter, NoOn, On,
    RightOuter, ToChild, ToParent,
};
pub use returning::{NoReturning, Returning};
pub use select::{
    DefaultSelect, SelectClause, SelectList, SelectListFor, SelectListFragment, SelectStatement,
};
pub use selection::SelectableIn;
pub use set_output::{
    Head, ListEnd, ListHas, ListItem, OrderByOutput, OrderByOutputOf, OutputList, SelectsAll,
    SelectsColumn, Tail, UnionRow,
};
pub use subquery::{
    Correlated, Correlation, Exists, InOuter, InSubquery, InSubqueryMethods, OuterTablesIn,
    Quantified, ScalarSubquery, SingleColumn, SubqueryDsl, all, any, exists, not_exists,
};
pub use table_dsl::QueryDsl;
pub use update::{
    AssignmentList, AssignmentsIn, NoSet, NoUpdateFrom, Set, UpdateFrom, UpdateScope,
    UpdateStatement, update,
};
pub use upsert::{
    AnyConflict, ByPrimaryKey, ByUnique, ByUniqueColumn, ByUniqueIndex, ConflictBuilder,
    ConflictScope, ConflictTarget, DoNothing, DoUpdate, Excluded, ExcludedIn, NoConflict,
    OnConflict, Target, UniqueKeyOf, excluded,
};

/// A statement that returns rows of SQL row type `SqlType`.
pub trait Query {
    /// The SQL types of one result row (a SQL type, or a tuple of them).
    type SqlType;
}

/// Something that is, or stands for, a statement: a table is `SELECT * FROM table`.
pub trait AsQuery {
    /// The statement.
    type Query;
    /// Converts into the statement.
    #[allow(clippy::wrong_self_convention)] // a conversion of a (usually `Copy`) value
    fn as_query(self) -> Self::Query;
}

/// How a statement runs in batches: an INSERT of many rows is split into several statements
/// when its binds exceed the dialect's limit, and an INSERT of no rows does nothing.
pub trait MaybeEmpty {
    /// `true` when executing would change nothing and return no rows.
    fn is_empty_statement(&self) -> bool {
        false
    }

    /// The number of rows the statement writes, if it can be split by rows.
    fn batch_rows(&self) -> Option<usize> {
        None
    }

    /// Restricts rendering to rows `start..end` (`None`: all rows).
    fn select_batch(&self, rows: Option<(usize, usize)>) {
        let _ = rows;
    }

    /// The statement as `first()` runs it: a SELECT without a LIMIT gets `LIMIT 1`, so the
    /// database stops after one row (others are unchanged).
    fn first_row_only(self) -> Self
    where
        Self: Sized,
    {
        self
    }
}
