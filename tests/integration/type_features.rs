//! The optional type features (`decimal`, `uuid`, `json`, `time`): each round-trips through
//! both backends, filters against a bound value, keeps NULL, and reports a value that does not
//! fit as a conversion error.

#[cfg(feature = "decimal")]
mod decimal;
#[cfg(feature = "json")]
mod json;
#[cfg(feature = "time")]
mod time;
#[cfg(feature = "uuid")]
mod uuid;
