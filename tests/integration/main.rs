//! Integration tests.
mod derive;
