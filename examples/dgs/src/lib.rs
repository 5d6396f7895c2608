//! The DGS service on strata: the lesson-generation service whose three
//! tables already exist in production, adopted without losing a row.
//!
//! Reading order:
//! - [`models`]: the three tables, mapped exactly (`#[derive(Table)]`).
//! - [`timestamps`]: the legacy text timestamps (PostgreSQL's own format).
//! - [`repo`]: the repositories (traits + strata implementations over
//!   `&impl strata::Executor`).
//! - [`http`]: the axum API; handlers get a pooled session through the
//!   [`http::Db`] extractor.
//! - [`app`]: the main job (`cargo run -p dgs`): the example's schema-diff
//!   project (its configuration, the models linked in) applies the
//!   migrations and checks the models, then a scenario, or `serve`.
//! - [`legacy`]: the legacy schema, deterministic legacy rows, checksums.
#![warn(missing_docs)]

pub mod models;

pub mod timestamps;

pub mod repo;

pub mod http;

pub mod app;

pub mod legacy;
