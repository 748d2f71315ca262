//! Table aliases, for self-joins and for joining one table twice.

use super::column::Column;
use super::table::{HasTable, Table};
use crate::dialect::{Dialect, QueryFragment, SqlBuilder};
use crate::expr::{Expression, GroupKey, ValidIn};
use crate::types::Flag;

/// A second name for a table in one query, declared with [`alias!`](crate::alias).
pub trait AliasSource: Copy + Default + 'static {
    /// The aliased table.
    type Table: Table;
    /// The alias.
    const NAME: &'static str;

    /// A column of the aliased table, seen through this alias: `manager.col(employees::name)`.
    fn col<C: Column<Table = Self::Table>>(self, column: C) -> Aliased<Self, C> {
        Aliased { _alias: self, column }
    }
}

/// Column `C` of the table behind alias `A`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Aliased<A, C> {
    _alias: A,
    column: C,
}

impl<A, C: Expression> Expression for Aliased<A, C> {
    type SqlType = C::SqlType;
    type Aggregate = C::Aggregate;
    type Plain = C::Plain;
    type Window = C::Window;
}

impl<A, C: Expression, F: HasTable<A, I>, I> ValidIn<F, I> for Aliased<A, C> {
    type SqlTypeIn = <F::Nullable as Flag>::Apply<C::SqlType>;
}

impl<A, C> GroupKey for Aliased<A, C> {}

impl<A: AliasSource, C: Column, D: Dialect> QueryFragment<D> for Aliased<A, C> {
    fn walk<'a>(&'a self, out: &mut SqlBuilder<'a, D>) {
        if out.qualify_columns() {
            out.push_ident(A::NAME);
            out.push_sql(".");
        }
        out.push_ident(C::NAME);
        let _ = &self.column;
    }
}

crate::__impl_arithmetic!([A, C,] Aliased<A, C>);

/// Writes every column of an aliased table, qualified by the alias.
#[doc(hidden)]
pub fn walk_alias_selection<A: AliasSource, D: Dialect>(out: &mut SqlBuilder<'_, D>) {
    for (i, name) in A::Table::def().column_names.iter().enumerate() {
        if i > 0 {
            out.push_sql(", ");
        }
        out.push_ident(A::NAME);
        out.push_sql(".");
        out.push_ident(name);
    }
}

/// Writes `"table" AS "alias"`.
#[doc(hidden)]
pub fn walk_alias_from<A: AliasSource, D: Dialect>(out: &mut SqlBuilder<'_, D>) {
    out.push_ident(<A::Table as Table>::NAME);
    out.push_sql(" AS ");
    out.push_ident(A::NAME);
}

/// Declares table aliases: `aludel::alias!(manager = employees::table);` makes `manager` a
/// FROM source (`"employees" AS "manager"`) whose columns are `manager.col(employees::name)`.
///
/// ```
/// use aludel::prelude::*;
/// aludel::table! { employees (id) { id -> Integer, name -> Text, boss_id -> Nullable<Integer>, } }
/// aludel::alias!(boss = employees::table);
///
/// # fn main() {
/// let q = employees::table
///     .outer_join(boss, boss.col(employees::id).eq(employees::boss_id))
///     .select((employees::name, boss.col(employees::name)));
/// assert_eq!(
///     q.compile::<Sqlite>().sql(),
///     r#"SELECT "employees"."name", "boss"."name" FROM "employees" LEFT OUTER JOIN "employees" AS "boss" ON ("boss"."id" = "employees"."boss_id")"#
/// );
/// # }
/// ```
#[macro_export]
macro_rules! alias {
    ($($vis:vis $name:ident = $($table:ident)::+),+ $(,)?) => {$(
        #[allow(non_camel_case_types)]
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
        #[doc = concat!("The alias `", stringify!($name), "`.")]
        $vis struct $name;

        impl $crate::schema::AliasSource for $name {
            type Table = $($table)::+;
            const NAME: &'static str = stringify!($name);
        }

        impl $crate::schema::HasTable<$name, $crate::schema::Here> for $name {
            type Nullable = $crate::__private::B0;
        }

        impl $crate::schema::QuerySource for $name {
            type DefaultSqlType = <$($table)::+ as $crate::schema::Table>::AllSqlType;
            fn walk_default_selection<D: $crate::dialect::Dialect>(
                &self,
                out: &mut $crate::dialect::SqlBuilder<'_, D>,
            ) {
                $crate::schema::walk_alias_selection::<$name, D>(out)
            }
        }

        impl<D: $crate::dialect::Dialect> $crate::schema::FromClause<D> for $name {
            fn walk_from<'a>(&'a self, out: &mut $crate::dialect::SqlBuilder<'a, D>) {
                $crate::schema::walk_alias_from::<$name, D>(out)
            }
        }

        impl $crate::query::Correlation for $name {
            type Outer = ();
        }

        impl $crate::query::AsQuery for $name {
            type Query = $crate::query::SelectStatement<$name>;
            fn as_query(self) -> Self::Query {
                $crate::query::SelectStatement::new(self)
            }
        }
    )+};
}
