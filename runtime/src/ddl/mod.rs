//! DDL: the only place that writes SQL text for schema objects.
//!
//! [`create`] renders the statements that create objects (schemas, enum
//! types, tables, indexes, constraints, comments) and the complete DDL of a
//! schema in dependency order, plain or idempotent (`IF NOT EXISTS`).
//! [`alter`] renders the statements that change or drop existing objects,
//! used by `schema-diff`'s migration plans.

pub mod alter;
pub mod create;
