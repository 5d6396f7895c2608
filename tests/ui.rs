//! trybuild ui tests.
