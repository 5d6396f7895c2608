//! Shared helpers of the integration tests and the trybuild cases.

pub mod runtime_models;
