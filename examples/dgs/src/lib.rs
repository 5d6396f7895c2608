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
//!
//! Also `src/main.rs` (`#[tokio::main]`, calls [`app::main`]),
//! `src/bin/dgs-models.rs` (the models command of the workspace's
//! `schema-diff.toml`), `legacy_schema.sql` and `migrations/` (the idempotent
//! baseline, committed as generated). The adoption walkthrough is
//! `docs/adopting.md` at the workspace root.
//!
//! # What the example relies on
//!
//! - **Exact mapping.** The models produce, after normalization, exactly the
//!   catalog the legacy SQL creates (`schema-diff check` exits 0 on a legacy
//!   database; the baseline run on one leaves an identical introspection and
//!   identical checksums). The example's head stays that mapping; the
//!   `timestamptz` step is a test (`tests/integration/dgs_adoption.rs`) with
//!   its own `Job` model.
//! - **One baseline, two paths.** The single revision is the idempotent
//!   baseline (`revision --autogenerate --idempotent`, committed as
//!   produced): `stamp head` records it with no DDL, `upgrade head` runs it
//!   (creates only what is missing). Its down section drops nothing (a
//!   baseline's tables may predate the history), so `downgrade base` keeps
//!   every adopted row.
//! - **One schema-diff project.** [`app::main`] migrates and checks through
//!   [`schema_diff::Project`] (`upgrade` then `check`), with the
//!   `schema-diff.toml` found from the current directory (else the
//!   workspace root's) and the models linked in ([`models::registry`]): the
//!   same configuration, connection settings and comparison as the
//!   `schema-diff` command line, and no models command or subprocess.
//! - **Repositories hold no connection.** Each is a borrowed `&impl
//!   Executor` (session or transaction); the caller decides the transaction.
//!   State changes are read (`FOR UPDATE`) then written with the status and
//!   the event log as read in the `WHERE` clause, retried when they changed,
//!   so they are safe in autocommit too; `claim_next` adds `SKIP LOCKED` so
//!   workers in transactions never wait for each other. Tested
//!   (`tests/integration/dgs_repo.rs`): 6 workers (transactions and
//!   autocommit) claim 40 jobs, each exactly once.
//! - **Idempotent creation** uses the legacy partial unique index as the `ON
//!   CONFLICT` arbiter (`... WHERE idempotency_key IS NOT NULL DO NOTHING`),
//!   then reads the existing job: concurrent creates with one key give one
//!   job.
//! - **Timestamps written as text** are PostgreSQL's `timestamptz` output
//!   under UTC (microseconds, trailing zeros trimmed, `+00`), like the legacy
//!   rows: text order is time order, and `text → timestamptz → text` under
//!   UTC is the identity (tested for legacy and new rows).
//! - **No SQL strings** in the repositories but the audit totals
//!   (aggregates; the typed API selects whole rows), built once from the
//!   model's column names with `strata::ident` quoting, the job id bound.
//! - **HTTP with axum on tokio.** [`http::serve`] is `axum::serve` with
//!   graceful shutdown; the server stops on Ctrl-C or SIGTERM, and the main
//!   job, interrupted either way, still removes a throwaway cluster (exit
//!   130).
//! - **Tests that run binaries** (`tests/integration/dgs_cli.rs`) build
//!   `schema-diff` and `dgs` with `cargo build -p schema-diff -p dgs --bins`
//!   once per test process into the test binary's own target directory and
//!   profile, then run them with the workspace root as working directory, so
//!   the root `schema-diff.toml` and its `cargo run -q -p dgs --bin
//!   dgs-models` models command are the ones exercised. The first run after a
//!   change compiles those packages with their own feature set (not the
//!   workspace-wide one of `cargo test`).
#![warn(missing_docs)]

pub mod models;

pub mod timestamps;

pub mod repo;

pub mod http;

pub mod app;

pub mod legacy;
