//! SQL values read back into Rust values, and rows into tuples and structs.

use super::sql_type::*;
use super::value::Value;
use crate::error::{Error, Result};
use typenum::Unsigned;

/// A Rust type that a value of SQL type `ST` can be loaded into.
///
/// A non-`Option` type never loads a nullable SQL type: that is a compile error, not a
/// runtime surprise.
#[diagnostic::on_unimplemented(
    message = "cannot load SQL `{ST}` into Rust `{Self}`",
    label = "the selected SQL type does not fit this Rust type",
    note = "a `Nullable<_>` SQL type loads into an `Option<_>`; see `aludel::types` for the Rust type of each SQL type"
)]
pub trait FromSql<ST>: Sized {
    /// Converts one value; out-of-range numbers and unexpected NULLs are errors.
    ///
    /// # Errors
    /// [`crate::ErrorKind::Conversion`] when the value does not fit.
    fn from_sql(value: Value<'_>) -> Result<Self>;
}

/// Sequential access to the values of one result row, implemented by each backend.
pub trait SqlRow {
    /// The next column's value.
    ///
    /// # Errors
    /// When the row has no more columns or the driver cannot decode the value.
    fn next_value(&mut self) -> Result<Value<'_>>;

    /// Whether the value `ahead` columns after the next one is NULL, without consuming it.
    ///
    /// # Errors
    /// When the row has no such column.
    fn peek_is_null(&mut self, ahead: usize) -> Result<bool>;

    /// Skips `n` columns.
    fn skip(&mut self, n: usize);

    /// How many columns are left to read.
    fn remaining(&self) -> usize;

    /// The name of the next column (its label or column name), when the driver reports it.
    fn next_name(&self) -> Option<&str> {
        None
    }
}

/// A result row read by name: every column's name (its label, `.label("revenue")`, or its
/// column name) and value. Loads from any select (`load::<NamedRow>`); values are read back
/// typed, by the labeled expression or column itself, or untyped by name.
///
/// ```
/// use aludel::prelude::*;
/// use aludel::types::NamedRow;
/// aludel::table! { orders (id) { id -> Integer, customer -> Text, total -> Integer, } }
///
/// # fn main() -> aludel::Result<()> {
/// let mut conn = SqliteConnection::open("sqlite::memory:")?;
/// MetaData::new([orders::table::def()]).create_all(&mut conn, CheckFirst::No)?;
/// insert(orders::table).values((orders::customer.eq("ada"), orders::total.eq(30))).execute(&mut conn)?;
/// let spent = sum(orders::total).label("spent");
/// let rows: Vec<NamedRow> = orders::table
///     .group_by(orders::customer)
///     .select((orders::customer, spent))
///     .load(&mut conn)?;
/// assert_eq!(rows[0].get::<String, _>(&orders::customer)?, "ada");
/// assert_eq!(rows[0].get::<Option<i64>, _>(&spent)?, Some(30));
/// assert_eq!(rows[0].names(), ["customer", "spent"]);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct NamedRow {
    names: Vec<String>,
    values: Vec<Value<'static>>,
}

impl NamedRow {
    /// The columns' names, in select-list order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The value of the column named `name` (the first, if several share it).
    pub fn value(&self, name: &str) -> Option<&Value<'static>> {
        self.names.iter().position(|n| n == name).map(|i| &self.values[i])
    }

    /// The value of `item`'s column (a labeled expression or a column of the select list),
    /// loaded as `T`, checked against `item`'s SQL type.
    ///
    /// # Errors
    /// [`crate::ErrorKind::Conversion`] when the row has no such column or its value does not
    /// fit `T`.
    pub fn get<T, E>(&self, item: &E) -> Result<T>
    where
        E: crate::expr::OutputName + crate::expr::Expression,
        T: FromSql<E::SqlType>,
    {
        let name = item.output_name();
        match self.value(name) {
            Some(v) => T::from_sql(v.reborrow()),
            None => Err(crate::Error::conversion(format!(
                "the row has no column named `{name}` (it has {:?})",
                self.names
            ))),
        }
    }
}

impl<ST> FromRow<ST> for NamedRow {
    fn from_row<R: SqlRow + ?Sized>(row: &mut R) -> Result<Self> {
        let mut names = Vec::with_capacity(row.remaining());
        let mut values = Vec::with_capacity(row.remaining());
        while row.remaining() > 0 {
            names.push(row.next_name().unwrap_or_default().to_owned());
            values.push(row.next_value()?.into_owned());
        }
        Ok(NamedRow { names, values })
    }
}

/// The row type of a statement whose columns are only known at runtime (the ORM's RETURNING
/// of generated values): it loads into `Vec<Value<'static>>`.
#[derive(Debug, Clone, Copy, Default)]
pub struct AnyRow;

impl FromRow<AnyRow> for Vec<Value<'static>> {
    fn from_row<R: SqlRow + ?Sized>(row: &mut R) -> Result<Self> {
        let mut values = Vec::with_capacity(row.remaining());
        while row.remaining() > 0 {
            values.push(row.next_value()?.into_owned());
        }
        Ok(values)
    }
}

/// How many columns a SQL row type spans.
pub trait RowWidth {
    /// The number of columns.
    const WIDTH: usize;
}

impl<ST: SqlType> RowWidth for ST {
    const WIDTH: usize = 1;
}

/// The row type `ST` on the nullable side of an outer join: every column NULL means "no row",
/// loaded as `None` into an `Option<U>`.
pub struct NullableRow<ST>(std::marker::PhantomData<ST>);

impl<ST: RowWidth> RowWidth for NullableRow<ST> {
    const WIDTH: usize = ST::WIDTH;
}

impl<U: FromRow<ST>, ST: RowWidth> FromRow<NullableRow<ST>> for Option<U> {
    fn from_row<R: SqlRow + ?Sized>(row: &mut R) -> Result<Self> {
        for ahead in 0..ST::WIDTH {
            if !row.peek_is_null(ahead)? {
                return U::from_row(row).map(Some);
            }
        }
        row.skip(ST::WIDTH);
        Ok(None)
    }
}

/// A Rust type that a whole result row of SQL row type `ST` loads into: a single value, a
/// tuple, or a struct (`#[derive(FromRow)]` or a hand-written impl).
#[diagnostic::on_unimplemented(
    message = "cannot load a row of SQL `{ST}` into Rust `{Self}`",
    label = "the selected columns do not match this Rust type",
    note = "the Rust type needs one field per selected column, in order, each able to hold its SQL type"
)]
pub trait FromRow<ST>: Sized {
    /// Reads `Self` from the next values of `row`.
    ///
    /// # Errors
    /// When a value does not fit its Rust field.
    fn from_row<R: SqlRow + ?Sized>(row: &mut R) -> Result<Self>;
}

/// A SQL row type as a flat list of its columns, `(A, (B, (C, ())))`, however its tuples
/// nest: `(A, B, C)`, `((A, B), C)` and a wide table's chunked `SELECT *` row all flatten
/// alike. `#[derive(FromRow)]` matches a struct's fields against this list, so a struct loads
/// from any select list with its columns in order.
pub trait FlatRow {
    /// The columns, as nested pairs ending in `()`.
    type List;
}

impl<ST: SqlType> FlatRow for ST {
    type List = (ST, ());
}

impl<ST: RowWidth> FlatRow for NullableRow<ST> {
    type List = (NullableRow<ST>, ());
}

impl FlatRow for () {
    type List = ();
}

/// Type-level concatenation of two [`FlatRow`] lists.
pub trait RowAppend<Rhs> {
    /// `Self` followed by `Rhs`.
    type Out;
}

impl<Rhs> RowAppend<Rhs> for () {
    type Out = Rhs;
}

impl<H, T: RowAppend<Rhs>, Rhs> RowAppend<Rhs> for (H, T) {
    type Out = (H, T::Out);
}

macro_rules! tuple_flat_row {
    ($first:ident $fi:ident $fn:tt $(, $t:ident $ti:ident $tn:tt)*) => {
        impl<$first: FlatRow, $($t,)*> FlatRow for ($first, $($t,)*)
        where
            ($($t,)*): FlatRow,
            $first::List: RowAppend<<($($t,)*) as FlatRow>::List>,
        {
            type List = <$first::List as RowAppend<<($($t,)*) as FlatRow>::List>>::Out;
        }
    };
}

for_tuples!(tuple_flat_row);

/// Rust values loaded from a flat list of SQL column types ([`FlatRow::List`]), one value per
/// column; the fields of a `#[derive(FromRow)]` struct, as nested pairs.
#[diagnostic::on_unimplemented(
    message = "cannot load a row of SQL `{L}` into fields `{Self}`",
    label = "the selected columns do not match the struct's fields",
    note = "the struct needs one field per selected column, in order, each able to hold its SQL type"
)]
pub trait FromRowList<L>: Sized {
    /// Reads the values from the next columns of `row`.
    ///
    /// # Errors
    /// When a value does not fit its Rust field.
    fn from_row_list<R: SqlRow + ?Sized>(row: &mut R) -> Result<Self>;
}

impl FromRowList<()> for () {
    #[inline]
    fn from_row_list<R: SqlRow + ?Sized>(_: &mut R) -> Result<Self> {
        Ok(())
    }
}

impl<T: FromRow<S>, S, Rest: FromRowList<SR>, SR> FromRowList<(S, SR)> for (T, Rest) {
    #[inline]
    fn from_row_list<R: SqlRow + ?Sized>(row: &mut R) -> Result<Self> {
        let first = T::from_row(row)?;
        Ok((first, Rest::from_row_list(row)?))
    }
}

/// A single value is a row of one column. Implemented per Rust type (not as a blanket over
/// `FromSql`) so that user structs can implement `FromRow<ST>` for every `ST` themselves.
macro_rules! single_value_row {
    ($([$($gen:tt)*] $rust:ty => $st:ty;)*) => {$(
        impl<$($gen)*> FromRow<$st> for $rust {
            #[inline]
            fn from_row<R: SqlRow + ?Sized>(row: &mut R) -> Result<Self> {
                <$rust as FromSql<$st>>::from_sql(row.next_value()?)
            }
        }
    )*};
}
#[allow(unused_imports)] // used by the optional type features
pub(super) use single_value_row;

single_value_row! {
    [] i16 => SmallInt;
    [] i32 => Integer;
    [] i32 => SmallInt;
    [] i64 => BigInt;
    [] i64 => Integer;
    [] i64 => SmallInt;
    [] f32 => Float;
    [] f64 => Float;
    [] f64 => Double;
    [] f64 => Numeric;
    [] String => Numeric;
    [] String => Text;
    [N: Unsigned + 'static] String => Varchar<N>;
    [] bool => Bool;
    [] Vec<u8> => Blob;
    [T: FromSql<ST>, ST: SqlType] Option<T> => Nullable<ST>;
}

#[cfg(feature = "chrono")]
single_value_row! {
    [] chrono::NaiveDate => Date;
    [] chrono::NaiveTime => Time;
    [] chrono::NaiveDateTime => Timestamp;
    [] chrono::DateTime<chrono::Utc> => TimestampTz;
}

macro_rules! tuple_from_row {
    ($($t:ident $st:ident $n:tt),+) => {
        impl<$($st: RowWidth,)+> RowWidth for ($($st,)+) {
            const WIDTH: usize = 0 $(+ $st::WIDTH)+;
        }
        impl<$($t: FromRow<$st>, $st,)+> FromRow<($($st,)+)> for ($($t,)+) {
            #[inline]
            fn from_row<R: SqlRow + ?Sized>(row: &mut R) -> Result<Self> {
                Ok(($($t::from_row(row)?,)+))
            }
        }
    };
}

for_tuples!(tuple_from_row);

impl<T: FromSql<ST>, ST: SqlType> FromSql<Nullable<ST>> for Option<T> {
    #[inline]
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::Null => Ok(None),
            v => T::from_sql(v).map(Some),
        }
    }
}

pub(crate) fn mismatch<T>(value: &Value<'_>, rust: &str) -> Result<T> {
    Err(match value {
        Value::Null => Error::conversion(format!(
            "unexpected NULL loaded into `{rust}`; load a nullable column into `Option<{rust}>`"
        )),
        v => Error::conversion(format!("cannot load a SQL {} value into `{rust}`", v.type_name())),
    })
}

fn out_of_range<T>(v: impl std::fmt::Display, rust: &str) -> Result<T> {
    Err(Error::conversion(format!("value {v} is out of range for `{rust}`")))
}

macro_rules! int_from_sql {
    ($($rust:ident => $($st:ty),+;)*) => {$($(
        impl FromSql<$st> for $rust {
            #[inline]
            fn from_sql(value: Value<'_>) -> Result<Self> {
                match value {
                    Value::I16(v) => $rust::try_from(v).or_else(|_| out_of_range(v, stringify!($rust))),
                    Value::I32(v) => $rust::try_from(v).or_else(|_| out_of_range(v, stringify!($rust))),
                    Value::I64(v) => $rust::try_from(v).or_else(|_| out_of_range(v, stringify!($rust))),
                    v => mismatch(&v, stringify!($rust)),
                }
            }
        }
    )+)*};
}

int_from_sql! {
    i16 => SmallInt;
    i32 => Integer, SmallInt;
    i64 => BigInt, Integer, SmallInt;
}

impl FromSql<Double> for f64 {
    #[inline]
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::F64(v) => Ok(v),
            Value::F32(v) => Ok(f64::from(v)),
            Value::I64(v) => Ok(v as f64),
            v => mismatch(&v, "f64"),
        }
    }
}

impl FromSql<Float> for f32 {
    #[inline]
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::F32(v) => Ok(v),
            // SQLite stores REAL as 8 bytes; a value written from `f32` reads back exactly.
            Value::F64(v) if v.is_finite() && v.abs() > f64::from(f32::MAX) => {
                out_of_range(v, "f32")
            }
            Value::F64(v) => Ok(v as f32),
            Value::I64(v) => Ok(v as f32),
            v => mismatch(&v, "f32"),
        }
    }
}

impl FromSql<Float> for f64 {
    #[inline]
    fn from_sql(value: Value<'_>) -> Result<Self> {
        <f64 as FromSql<Double>>::from_sql(value)
    }
}

impl FromSql<Numeric> for f64 {
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::Numeric(s) | Value::Text(s) => s
                .parse()
                .map_err(|_| Error::conversion(format!("cannot read numeric `{s}` as `f64`"))),
            v => <f64 as FromSql<Double>>::from_sql(v),
        }
    }
}

impl FromSql<Numeric> for String {
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::Numeric(s) | Value::Text(s) => Ok(s.into_owned()),
            Value::I64(v) => Ok(v.to_string()),
            Value::F64(v) => Ok(v.to_string()),
            v => mismatch(&v, "String"),
        }
    }
}

impl FromSql<Bool> for bool {
    #[inline]
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::Bool(v) => Ok(v),
            // SQLite has no boolean storage class: booleans are the integers 0 and 1.
            Value::I64(0) | Value::I32(0) => Ok(false),
            Value::I64(1) | Value::I32(1) => Ok(true),
            Value::I64(v) => Err(Error::conversion(format!("integer {v} is not a boolean"))),
            v => mismatch(&v, "bool"),
        }
    }
}

fn text_from_sql(value: Value<'_>) -> Result<String> {
    match value {
        Value::Text(s) => Ok(s.into_owned()),
        v => mismatch(&v, "String"),
    }
}

impl FromSql<Text> for String {
    #[inline]
    fn from_sql(value: Value<'_>) -> Result<Self> {
        text_from_sql(value)
    }
}

impl<N: Unsigned + 'static> FromSql<Varchar<N>> for String {
    #[inline]
    fn from_sql(value: Value<'_>) -> Result<Self> {
        text_from_sql(value)
    }
}

impl FromSql<Blob> for Vec<u8> {
    #[inline]
    fn from_sql(value: Value<'_>) -> Result<Self> {
        match value {
            Value::Blob(b) => Ok(b.into_owned()),
            v => mismatch(&v, "Vec<u8>"),
        }
    }
}
