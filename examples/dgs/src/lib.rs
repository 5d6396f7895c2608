//! The DGS service on strata.
//!
//! - [`models`]: the three tables, mapped exactly.
//! - [`legacy`]: the legacy schema, deterministic legacy rows, checksums.
#![warn(missing_docs)]

pub mod legacy;
pub mod models;
