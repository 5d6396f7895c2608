//! Test and tool support for strata, kept out of the application crate:
//! [`cluster`] starts throwaway PostgreSQL clusters from the local server
//! binaries (used by the test harness, by `schema-diff` when no database is
//! configured, and by the DGS example's main job), and [`TestDb`] gives every
//! test a fresh database of its own.
//!
//! Linux only: a cluster runs its server as the `postgres` user when started
//! by root and asks the kernel to stop it if its owner dies
//! (`PR_SET_PDEATHSIG`). On other platforms the crate is empty.
#![warn(missing_docs)]
#![cfg(target_os = "linux")]

pub mod cluster;

mod testdb;

pub use testdb::{run, server_options, server_url, unique_name, HarnessError, TestDb};
