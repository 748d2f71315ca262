//! Type-level booleans for nullability and aggregate-ness.
//!
//! We reuse `typenum`'s `B0`/`B1` and give them the two operations our rules need as
//! generic associated types, so a rule such as "the result is nullable if either side is"
//! needs no extra where-clauses at the places that use it.

use super::from_sql::NullableRow;
use super::sql_type::{Nullable, SqlType};
use typenum::{B0, B1, Bit};

/// A type-level boolean: `B0` (false) or `B1` (true).
pub trait Flag: Bit + Default + Copy + 'static {
    /// Logical OR of two flags.
    type Or<B: Flag>: Flag;
    /// Logical AND of two flags.
    type And<B: Flag>: Flag;
    /// `T` itself for `B0`, `Nullable<T>` for `B1`.
    type Apply<T: SqlType>: SqlType;
    /// A whole row type `T` itself for `B0`, [`NullableRow<T>`] for `B1`.
    type ApplyRow<T>;
}

impl Flag for B0 {
    type Or<B: Flag> = B;
    type And<B: Flag> = B0;
    type Apply<T: SqlType> = T;
    type ApplyRow<T> = T;
}

impl Flag for B1 {
    type Or<B: Flag> = B1;
    type And<B: Flag> = B;
    type Apply<T: SqlType> = Nullable<T::NotNull>;
    type ApplyRow<T> = NullableRow<T>;
}
