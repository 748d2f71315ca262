//! The `table!` macro and its helpers.

/// Declares tables: a module per table with a zero-sized `table` type, one zero-sized type per
/// column, and a `static DEF` runtime description used for DDL.
///
/// ```
/// use aludel::prelude::*;
///
/// aludel::table! {
///     /// Teams.
///     teams (id) {
///         id -> Integer,
///         #[unique] name -> Varchar<U50>,
///     }
///
///     #[index(users_by_name, name)]
///     #[check("age < 200")]
///     users (id) {
///         id -> BigInt,
///         name -> Text,
///         #[default = 18] #[check("age >= 0")] age -> Integer,
///         #[server_default = "CURRENT_TIMESTAMP"] created -> Text,
///         #[references(teams::id, on_delete = cascade)] team_id -> Nullable<Integer>,
///         #[sql_name = "e_mail"] email -> Nullable<Text>,
///     }
///
///     memberships (user_id, team_id) {
///         #[references(users::id)] user_id -> BigInt,
///         #[references(teams::id)] team_id -> Integer,
///     }
/// }
///
/// fn main() {
///     assert_eq!(users::email::NAME, "e_mail");
///     assert_eq!(users::table::def().primary_key, &["id"]);
///     assert_eq!(memberships::table::def().primary_key, &["user_id", "team_id"]);
///     static_assertions::assert_eq_size!(users::table, ());
/// }
/// ```
///
/// The primary key list may be left out (`name { ... }`), for tables without one and for
/// tables that only name the shape of a CTE or a derived table. Mark those with the table
/// attribute `#[cte]`: a CTE shape is then readable only inside a statement whose WITH clause
/// declares it, after its declaration (`#[cte] order_totals { customer -> Text, total ->
/// BigInt, }`).
///
/// (Declare tables at module level, as here: a table module finds the tables it references
/// through `super::*`.)
///
/// Column attributes: `#[unique]`, `#[index]`, `#[default = <Rust value>]` (bound by aludel
/// into INSERTs that omit the column), `#[default_sql = "<SQL>"]` (written into such INSERTs),
/// `#[server_default = "<SQL>"]` (DDL `DEFAULT`), `#[check("<SQL>")]`,
/// `#[references(table::column, on_delete = cascade, on_update = cascade)]`,
/// `#[autoincrement = false]`, `#[sql_name = "..."]`.
///
/// Table attributes: `#[sql_name = "..."]`, `#[index(name, col, ...)]`,
/// `#[unique_index(name, col, ...)]`, `#[unique(col, ...)]`, `#[check("<SQL>")]`,
/// `#[foreign_key((col, ...) -> table(col, ...), on_delete = cascade)]`.
#[macro_export]
macro_rules! table {
    () => {};
    (
        $(#[$($tattr:tt)*])*
        $name:ident $(( $($pk:ident),+ $(,)? ))? {
            $( $(#[$($cattr:tt)*])* $col:ident -> $ty:ty ),+ $(,)?
        }
        $($rest:tt)*
    ) => {
        $crate::__table_impl! {
            [$([$($tattr)*])*] $name [$($($pk)+)?] [$( { [$([$($cattr)*])*] $col $ty } )+]
        }
        $crate::table! { $($rest)* }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __table_impl {
    ([$($tattr:tt)*] $name:ident [$($pk:ident)*] [$({ [$($cattr:tt)*] $col:ident $ty:ty })+]) => {
        #[doc = concat!("The `", stringify!($name), "` table and its columns.")]
        #[allow(non_camel_case_types, non_upper_case_globals, dead_code, unused_imports, missing_docs)]
        pub mod $name {
            use super::*;
            use $crate::types::*;
            use $crate::types::lengths::*;

            #[doc = concat!("The `", stringify!($name), "` table.")]
            #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
            pub struct table;

            impl table {
                /// The runtime description of the table.
                pub fn def() -> &'static $crate::schema::TableDef {
                    &DEF
                }
            }

            impl $crate::schema::Table for table {
                const NAME: &'static str = $crate::__sql_name!(stringify!($name); $($tattr)*);
                type AllColumns = $crate::__private::nest_tuple!($($col),+);
                type AllSqlType = $crate::__private::nest_tuple!(
                    $(<$col as $crate::expr::Expression>::SqlType),+
                );
                type PrimaryKey = ($($pk,)*);
                type CteShape = $crate::__cte_shape!($($tattr)*);
                fn def() -> &'static $crate::schema::TableDef {
                    &DEF
                }

            }

            /// The runtime description of the table.
            pub static DEF: $crate::schema::TableDef = $crate::schema::TableDef {
                name: <table as $crate::schema::Table>::NAME,
                columns: &[$(
                    $crate::__column_def!(@ $ty, $crate::schema::ColumnDef::new(
                        <$col as $crate::schema::Column>::NAME,
                        <$ty as $crate::types::SqlType>::KIND,
                        <<$ty as $crate::types::SqlType>::IsNullable as $crate::__private::Bit>::BOOL,
                    ); $($cattr)*)
                ),+],
                column_names: &[$(<$col as $crate::schema::Column>::NAME),+],
                primary_key: &[$(<$pk as $crate::schema::Column>::NAME),*],
                constraints: $crate::__table_constraints!([] $($tattr)*),
            };

            // A second item of each column's (and the table's) name, never used: compiler
            // messages print a type by its bare name only when that name is unique, so with
            // this twin they print `posts::title` rather than `title`.
            #[doc(hidden)]
            #[allow(non_camel_case_types, dead_code)]
            pub mod __qualified_names {
                pub struct table;
                $(pub struct $col;)+
            }

            $(
                #[doc = concat!("The `", stringify!($col), "` column.")]
                #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
                pub struct $col;

                impl $col {
                    /// The column's name in the database.
                    pub const NAME: &'static str = $crate::__sql_name!(stringify!($col); $($cattr)*);
                }

                impl $crate::expr::Expression for $col {
                    type SqlType = $ty;
                    type Aggregate = $crate::__private::B0;
                    type Plain = $crate::__private::B1;
                    type Window = $crate::__private::B0;
                }

                impl $crate::schema::Column for $col {
                    type Table = table;
                    const NAME: &'static str = $col::NAME;
                }

                // A bare column where assignments belong is reported by `AssignmentList`
                // alone (see `AssignmentsIn`).
                impl<__F> $crate::query::AssignmentsIn<__F, ()> for $col {}

                // Generated per column (not a blanket impl over `Column`) so that a column of
                // a table missing from FROM reports the FROM rule itself.
                impl<__F, __I> $crate::expr::ValidIn<__F, __I> for $col
                where
                    __F: $crate::schema::HasTable<table, __I>,
                {
                    type SqlTypeIn = <__F::Nullable as $crate::types::Flag>::Apply<$ty>;
                }

                $crate::__impl_arithmetic!([] $col);
                $crate::__column_items!($col; $($cattr)*);
            )+

            $crate::__private::default_foreign_keys!($crate; $({ $col $($cattr)* })+);

            $crate::__unique_keys!(@pk $($pk)*);
            $crate::__unique_keys!(@table $($tattr)*);
            $( $crate::__unique_keys!(@column $col; $($cattr)*); )+
        }
    };
}

// ---- ON CONFLICT targets -------------------------------------------------------------------

/// Implements `UniqueKeyOf<table, Via>` (the valid `ON CONFLICT` targets) for the primary key
/// and for every declared unique constraint, so that `on_conflict` accepts exactly those column
/// lists. `Via` names the constraint, so that a column list declared twice (a `#[unique]`
/// primary key column, a unique column with a unique index) gives two impls that do not
/// conflict. A one-column key is implemented both bare and as a one-tuple; the columns of a
/// two- or three-column key in any order (as the databases accept them), longer keys in their
/// declared order.
#[doc(hidden)]
#[macro_export]
macro_rules! __unique_keys {
    (@key [$($via:tt)*] $one:ident) => {
        impl $crate::query::UniqueKeyOf<table, $($via)*> for $one {}
        impl $crate::query::UniqueKeyOf<table, $($via)*> for ($one,) {}
    };
    (@key [$($via:tt)*] $a:ident $b:ident) => {
        impl $crate::query::UniqueKeyOf<table, $($via)*> for ($a, $b) {}
        impl $crate::query::UniqueKeyOf<table, $($via)*> for ($b, $a) {}
    };
    (@key [$($via:tt)*] $a:ident $b:ident $c:ident) => {
        impl $crate::query::UniqueKeyOf<table, $($via)*> for ($a, $b, $c) {}
        impl $crate::query::UniqueKeyOf<table, $($via)*> for ($a, $c, $b) {}
        impl $crate::query::UniqueKeyOf<table, $($via)*> for ($b, $a, $c) {}
        impl $crate::query::UniqueKeyOf<table, $($via)*> for ($b, $c, $a) {}
        impl $crate::query::UniqueKeyOf<table, $($via)*> for ($c, $a, $b) {}
        impl $crate::query::UniqueKeyOf<table, $($via)*> for ($c, $b, $a) {}
    };
    (@key [$($via:tt)*] $($many:ident)+) => {
        impl $crate::query::UniqueKeyOf<table, $($via)*> for ($($many,)+) {}
    };
    (@pk) => {};
    (@pk $($pk:ident)+) => {
        $crate::__unique_keys!(@key [$crate::query::ByPrimaryKey] $($pk)+);
    };
    (@table) => {};
    (@table [unique($($c:ident),+ $(,)?)] $($rest:tt)*) => {
        $crate::__unique_keys!(@key [$crate::query::ByUnique<($($c,)+)>] $($c)+);
        $crate::__unique_keys!(@table $($rest)*);
    };
    (@table [unique_index($n:ident, $($c:ident),+ $(,)?)] $($rest:tt)*) => {
        $crate::__unique_keys!(@key [$crate::query::ByUniqueIndex<($($c,)+)>] $($c)+);
        $crate::__unique_keys!(@table $($rest)*);
    };
    (@table [$($other:tt)*] $($rest:tt)*) => { $crate::__unique_keys!(@table $($rest)*); };
    (@column $col:ident;) => {};
    (@column $col:ident; [unique] $($rest:tt)*) => {
        $crate::__unique_keys!(@key [$crate::query::ByUniqueColumn] $col);
    };
    (@column $col:ident; [$($other:tt)*] $($rest:tt)*) => {
        $crate::__unique_keys!(@column $col; $($rest)*);
    };
}

// ---- end of ON CONFLICT targets --------------------------------------------------------------

#[doc(hidden)]
#[macro_export]
macro_rules! __cte_shape {
    () => { $crate::__private::B0 };
    ([cte] $($rest:tt)*) => { $crate::__private::B1 };
    ([$($other:tt)*] $($rest:tt)*) => { $crate::__cte_shape!($($rest)*) };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __sql_name {
    ($default:expr;) => { $default };
    ($default:expr; [sql_name = $name:literal] $($rest:tt)*) => { $name };
    ($default:expr; [$($other:tt)*] $($rest:tt)*) => { $crate::__sql_name!($default; $($rest)*) };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __ref_action {
    (no_action) => {
        $crate::schema::ReferentialAction::NoAction
    };
    (restrict) => {
        $crate::schema::ReferentialAction::Restrict
    };
    (cascade) => {
        $crate::schema::ReferentialAction::Cascade
    };
    (set_null) => {
        $crate::schema::ReferentialAction::SetNull
    };
    (set_default) => {
        $crate::schema::ReferentialAction::SetDefault
    };
    ($other:ident) => {
        compile_error!(concat!(
            "unknown referential action `",
            stringify!($other),
            "`; expected no_action, restrict, cascade, set_null or set_default"
        ))
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __column_def {
    (@ $ty:ty, $acc:expr;) => { $acc };
    (@ $ty:ty, $acc:expr; [doc $($x:tt)*] $($rest:tt)*) => {
        $crate::__column_def!(@ $ty, $acc; $($rest)*)
    };
    (@ $ty:ty, $acc:expr; [sql_name $($x:tt)*] $($rest:tt)*) => {
        $crate::__column_def!(@ $ty, $acc; $($rest)*)
    };
    (@ $ty:ty, $acc:expr; [unique] $($rest:tt)*) => {
        $crate::__column_def!(@ $ty, $acc.unique(); $($rest)*)
    };
    (@ $ty:ty, $acc:expr; [index] $($rest:tt)*) => {
        $crate::__column_def!(@ $ty, $acc.index(); $($rest)*)
    };
    (@ $ty:ty, $acc:expr; [autoincrement = $on:literal] $($rest:tt)*) => {
        $crate::__column_def!(@ $ty, $acc.autoincrement($on); $($rest)*)
    };
    (@ $ty:ty, $acc:expr; [default = $value:expr] $($rest:tt)*) => {
        $crate::__column_def!(@ $ty, $acc.default_value({
            fn default_value() -> $crate::types::Value<'static> {
                $crate::types::IntoSql::<'static, $ty>::into_sql($value)
            }
            default_value
        }); $($rest)*)
    };
    (@ $ty:ty, $acc:expr; [default_sql = $sql:literal] $($rest:tt)*) => {
        $crate::__column_def!(@ $ty, $acc.default_sql($sql); $($rest)*)
    };
    (@ $ty:ty, $acc:expr; [server_default = $sql:literal] $($rest:tt)*) => {
        $crate::__column_def!(@ $ty, $acc.server_default($sql); $($rest)*)
    };
    (@ $ty:ty, $acc:expr; [check($sql:literal)] $($rest:tt)*) => {
        $crate::__column_def!(@ $ty, $acc.check($sql); $($rest)*)
    };
    (@ $ty:ty, $acc:expr; [references($t:ident :: $c:ident
        $(, on_delete = $od:ident)? $(, on_update = $ou:ident)? $(,)?)] $($rest:tt)*) => {
        $crate::__column_def!(@ $ty, $acc.references(
            $crate::schema::ForeignKeyRef::new(
                <$t::table as $crate::schema::Table>::NAME,
                <$t::$c as $crate::schema::Column>::NAME,
            )
            $(.on_delete($crate::__ref_action!($od)))?
            $(.on_update($crate::__ref_action!($ou)))?
        ); $($rest)*)
    };
    (@ $ty:ty, $acc:expr; [$($other:tt)*] $($rest:tt)*) => {
        compile_error!(concat!("unknown column attribute `#[", stringify!($($other)*), "]`"))
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __column_items {
    ($col:ident;) => {};
    ($col:ident; [references($t:ident :: $c:ident $($rest_attr:tt)*)] $($rest:tt)*) => {
        impl $crate::schema::ForeignKey for $col {
            type Target = $t::$c;
        }
        impl $crate::schema::Links<table, <$t::$c as $crate::schema::Column>::Table> for $col {}
        $crate::__column_items!($col; $($rest)*);
    };
    ($col:ident; [$($other:tt)*] $($rest:tt)*) => {
        $crate::__column_items!($col; $($rest)*);
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __table_constraints {
    ([$($acc:expr,)*]) => { &[$($acc),*] };
    ([$($acc:expr,)*] [cte] $($rest:tt)*) => {
        $crate::__table_constraints!([$($acc,)*] $($rest)*)
    };
    ([$($acc:expr,)*] [doc $($x:tt)*] $($rest:tt)*) => {
        $crate::__table_constraints!([$($acc,)*] $($rest)*)
    };
    ([$($acc:expr,)*] [sql_name $($x:tt)*] $($rest:tt)*) => {
        $crate::__table_constraints!([$($acc,)*] $($rest)*)
    };
    ([$($acc:expr,)*] [index($n:ident, $($c:ident),+ $(,)?)] $($rest:tt)*) => {
        $crate::__table_constraints!([$($acc,)* $crate::schema::Constraint::Index {
            name: stringify!($n),
            columns: &[$(<$c as $crate::schema::Column>::NAME),+],
            unique: false,
        },] $($rest)*)
    };
    ([$($acc:expr,)*] [unique_index($n:ident, $($c:ident),+ $(,)?)] $($rest:tt)*) => {
        $crate::__table_constraints!([$($acc,)* $crate::schema::Constraint::Index {
            name: stringify!($n),
            columns: &[$(<$c as $crate::schema::Column>::NAME),+],
            unique: true,
        },] $($rest)*)
    };
    ([$($acc:expr,)*] [unique($($c:ident),+ $(,)?)] $($rest:tt)*) => {
        $crate::__table_constraints!([$($acc,)* $crate::schema::Constraint::Unique(
            &[$(<$c as $crate::schema::Column>::NAME),+]
        ),] $($rest)*)
    };
    ([$($acc:expr,)*] [check($sql:literal)] $($rest:tt)*) => {
        $crate::__table_constraints!([$($acc,)* $crate::schema::Constraint::Check($sql),] $($rest)*)
    };
    ([$($acc:expr,)*] [foreign_key(($($c:ident),+ $(,)?) -> $t:ident ($($rc:ident),+ $(,)?)
        $(, on_delete = $od:ident)? $(,)?)] $($rest:tt)*) => {
        $crate::__table_constraints!([$($acc,)* $crate::schema::Constraint::ForeignKey {
            columns: &[$(<$c as $crate::schema::Column>::NAME),+],
            table: <$t::table as $crate::schema::Table>::NAME,
            ref_columns: &[$(<$t::$rc as $crate::schema::Column>::NAME),+],
            on_delete: $crate::__option!($($crate::__ref_action!($od))?),
        },] $($rest)*)
    };
    ([$($acc:expr,)*] [$($other:tt)*] $($rest:tt)*) => {
        compile_error!(concat!("unknown table attribute `#[", stringify!($($other)*), "]`"))
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __option {
    () => {
        ::core::option::Option::None
    };
    ($e:expr) => {
        ::core::option::Option::Some($e)
    };
}
