//! schema-diff: reads a PostgreSQL catalog into strata's schema model,
//! compares it with the models, and writes, applies and checks migrations.
//!
//! Reading order (the pipeline): [`introspect`] (catalog → `Schema`, a fixed
//! number of whole-database queries), [`normalize`] (a desired `Schema` →
//! the form PostgreSQL prints, via a [`scratch`] database), [`diff`] (two schemas →
//! ops, pure), [`plan`] (ops → ordered steps with inverses and hazards, pure),
//! [`render`] (steps → up/down SQL, pure), [`migrations`] (files, revision
//! graph, checksums), [`runner`] (version table, advisory lock, transactions),
//! [`config`] (`schema-diff.toml`, environment, flags), [`cli`] (arguments →
//! config → commands; the only module that prints or exits).

pub mod cli;
pub mod config;
pub mod diff;
pub mod error;
pub mod introspect;
pub mod migrations;
pub mod normalize;
pub mod plan;
pub mod project;
pub mod render;
pub mod runner;
pub mod scratch;

pub use error::Error;
pub use project::{Progress, Project};
