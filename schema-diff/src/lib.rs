//! schema-diff: reads a PostgreSQL catalog into strata's schema model,
//! compares it with the models, and writes, applies and checks migrations.
//!
//! Start at [`Project`]: one configuration, the commands as methods that
//! return reports, progress through an observer. Below it, in reading order
//! (the pipeline first, then the migrations):
//!
//! - [`introspect`]: the catalog → `Schema` (a fixed number of
//!   whole-database queries).
//! - [`scratch`]: throwaway databases on a server.
//! - [`cache`]: the on-disk cache of normalized parts and replayed
//!   histories (content-addressed; deleting it is always safe).
//! - [`normalize`]: a desired `Schema` → the form PostgreSQL prints: in
//!   Rust where that is deterministic, on the server (rolled back) only for
//!   expressions; the scratch-database path is the reference.
//! - [`diff`]: two schemas → ops, each with its inverse and phase (pure).
//! - [`plan`]: ops → ordered steps with SQL, inverses, hazards, withheld
//!   drops (pure).
//! - [`render`]: steps → up/down SQL text (pure).
//! - [`migrations`]: migration files, the revision graph, targets (pure).
//! - [`lint`]: migration files checked for production hazards (locks,
//!   rewrites, columns the models still use), on the parse tree (pure).
//! - [`config`]: `schema-diff.toml`, the environment and overrides → one
//!   [`config::Config`].
//! - [`runner`]: the version table, the advisory lock, running migrations,
//!   offline scripts.
//! - [`project`]: the commands (`check`, `autogenerate`, `upgrade`, ...) on
//!   one configuration, and what they return.
//! - [`cli`]: the command line: arguments → project → one method → text or
//!   JSON and an exit code (the only module that prints or exits).
//! - [`error`]: one typed error enum per layer, wrapped by [`Error`];
//!   imported by every module, it imports none.
//!
//! A module imports only modules above it in this list (and `error`), with
//! two exceptions, each documented where it happens: `config` holds a
//! [`runner::version_table::VersionTable`] (a file that imports nothing of
//! `config`, so no file-level cycle), and the plan's tests (`plan/tests.rs`)
//! render what they plan.

pub mod cache;
pub mod cli;
pub mod config;
pub mod diff;
pub mod error;
pub mod introspect;
pub mod lint;
pub mod migrations;
pub mod normalize;
pub mod plan;
pub mod project;
pub mod render;
pub mod runner;
pub mod scratch;
pub mod sql;

pub use error::Error;
pub use project::{Progress, Project};
