//! The schema model of strata: the one description of a PostgreSQL schema
//! that the `#[derive(Table)]` macro, the `strata` runtime and the
//! `schema-diff` migration tool all produce or consume.
//!
//! Pure data and pure functions: no I/O, no async, no connection. Reading
//! order: [`schema`] (the model: [`schema::Schema`], tables, columns,
//! [`schema::SqlType`], constraints, indexes, enum types; the JSON format;
//! PostgreSQL's generated names), [`ident`] (the only place that spells a
//! name or a literal in SQL), [`ddl`] (the only place that writes SQL text
//! for schema objects: create, alter, drop).
//!
//! Applications meet this crate as `strata::schema` and `strata::ident`; the
//! macro checks attribute values with the same parsers at compile time.
#![warn(missing_docs)]

pub mod schema;

pub mod ident;

pub mod ddl;
