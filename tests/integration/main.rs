//! Integration tests: one test binary, one module per area. Every test that
//! touches PostgreSQL gets its own fresh database (`strata_testing::TestDb`).

mod ddl;
mod derive;
mod derive_objects;
mod derive_options;
mod dgs_adoption;
mod dgs_chaos;
mod dgs_cli;
mod dgs_http;
mod dgs_legacy;
mod dgs_repo;
mod dgs_support;
mod diff_golden;
mod diff_props;
mod harness;
mod introspect;
mod migrations_fixture;
mod migrations_graph;
mod migrations_hardening;
mod migrations_project;
mod migrations_runner;
mod normalize_fast;
mod online_load;
mod runtime_cancel;
mod runtime_clean;
mod runtime_copy;
mod runtime_crud;
mod runtime_errors;
mod runtime_join;
mod runtime_pool;
mod runtime_project;
mod runtime_query;
mod runtime_stream;
mod runtime_tls;
mod runtime_tx;
mod runtime_types;
