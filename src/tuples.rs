//! One generator for every impl over tuples, so that all tuple traits reach the same arity.

/// Calls `$m!(T0 I0 0, T1 I1 1, ...)` once per tuple arity: 1 to 32 for what a wide select
/// list, row, INSERT or UPDATE needs, or 1 to 16 with `up to 16` for lists that stay short
/// (function arguments, PARTITION BY and ORDER BY lists) and where the impls grow with the
/// square of the arity (GROUP BY lists, select list lookups): each arity costs compile time
/// in every build. Each element brings a type parameter name (`T..`), a second name for an
/// index or a paired type (`I..`), and its position as a literal; a macro uses what it needs.
/// Longer lists nest: a tuple of tuples is itself a list.
macro_rules! for_tuples {
    ($m:ident) => {
        for_tuples!(@next $m [] [(T0 I0 0) (T1 I1 1) (T2 I2 2) (T3 I3 3) (T4 I4 4) (T5 I5 5) (T6 I6 6) (T7 I7 7) (T8 I8 8) (T9 I9 9) (T10 I10 10) (T11 I11 11) (T12 I12 12) (T13 I13 13) (T14 I14 14) (T15 I15 15) (T16 I16 16) (T17 I17 17) (T18 I18 18) (T19 I19 19) (T20 I20 20) (T21 I21 21) (T22 I22 22) (T23 I23 23) (T24 I24 24) (T25 I25 25) (T26 I26 26) (T27 I27 27) (T28 I28 28) (T29 I29 29) (T30 I30 30) (T31 I31 31)]);
    };
    ($m:ident up to 16) => {
        for_tuples!(@next $m [] [(T0 I0 0) (T1 I1 1) (T2 I2 2) (T3 I3 3) (T4 I4 4) (T5 I5 5) (T6 I6 6) (T7 I7 7) (T8 I8 8) (T9 I9 9) (T10 I10 10) (T11 I11 11) (T12 I12 12) (T13 I13 13) (T14 I14 14) (T15 I15 15)]);
    };
    (@next $m:ident [$($done:tt)*] [($t:ident $i:ident $n:tt) $($rest:tt)*]) => {
        $m!($($done)* $t $i $n);
        for_tuples!(@next $m [$($done)* $t $i $n,] [$($rest)*]);
    };
    (@next $m:ident [$($done:tt)*] []) => {};
}
