//! Integration tests: one test binary, one module per area. Every test that
//! touches PostgreSQL gets its own fresh database from `strata::testing`.

mod harness;
mod runtime_crud;
