//! The errors of schema-diff: one [`Error`] wrapping one typed enum per
//! layer, each `#[non_exhaustive]`, each message naming the file, line,
//! table, column or object at fault; none names a command-line flag (the
//! command line adds its own hints when it prints).
//!
//! - [`ConfigError`] (`config.rs`): the configuration file, its keys and
//!   values, the database settings.
//! - [`MigrationFileError`], [`HistoryError`] (`migrations.rs`): a file that
//!   does not parse; the revision graph and targets.
//! - [`RunError`] (`run.rs`): upgrades, downgrades and stamps refused or
//!   failed; also [`Problem`] (an edited or missing applied file).
//! - [`DbError`] (`db.rs`): PostgreSQL's message, detail, hint and SQLSTATE.
//! - [`IntrospectError`], [`NormalizeError`], [`SourceError`] (`schema.rs`):
//!   reading the catalog, normalizing a desired schema, loading a side of a
//!   comparison.
//! - [`ProjectError`] (`project.rs`): files the project writes, the
//!   throwaway server.
//!
//! This module imports no other module of the crate, so every layer uses it
//! without an import cycle. Start at [`Error`].

mod config;
mod db;
mod migrations;
mod project;
mod run;
mod schema;

pub use config::{ConfigError, DatabaseOrigin};
pub use db::{describe_pg_error, DbError, ServerError};
pub use migrations::{HistoryError, MigrationFileError, MissingParent};
pub use project::ProjectError;
pub use run::{Aftermath, DestructiveStatement, Direction, Problem, RunError};
pub use schema::{IntrospectError, NormalizeError, SourceError};

/// Everything that can go wrong in schema-diff.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A setting that cannot be used.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A migration file that cannot be read or parsed.
    #[error(transparent)]
    MigrationFile(#[from] MigrationFileError),
    /// The revision graph, or a target it cannot resolve.
    #[error(transparent)]
    History(#[from] HistoryError),
    /// An upgrade, downgrade or stamp refused or failed.
    #[error(transparent)]
    Run(#[from] RunError),
    /// An error reported by PostgreSQL or the connection; displayed as
    /// `database error: ` and the server's message, detail and hint (the
    /// driver's own text is only "db error"), or as `cannot connect to ...`.
    #[error("{}", database_text(.0))]
    Database(#[from] DbError),
    /// The catalog holds what the model cannot express.
    #[error(transparent)]
    Introspect(#[from] IntrospectError),
    /// A desired schema PostgreSQL rejects.
    #[error(transparent)]
    Normalize(#[from] NormalizeError),
    /// A side of a comparison that cannot be loaded.
    #[error(transparent)]
    Source(#[from] SourceError),
    /// A project command that cannot do its work.
    #[error(transparent)]
    Project(#[from] ProjectError),
}

impl From<tokio_postgres::Error> for Error {
    fn from(e: tokio_postgres::Error) -> Error {
        Error::Database(DbError::from(e))
    }
}

fn database_text(e: &DbError) -> String {
    match e {
        DbError::Connect { .. } => e.to_string(),
        other => format!("database error: {other}"),
    }
}

impl Error {
    /// The readable text of the error: its message, with a server error
    /// shown as PostgreSQL's message, detail and hint alone (without the
    /// `database error:` prefix of [`Display`](std::fmt::Display)).
    pub fn text(&self) -> String {
        match self {
            Error::Database(db) => db.to_string(),
            other => other.to_string(),
        }
    }

    /// The database error behind this error, if there is one (a failed
    /// statement's, a lock's, a `.sql` file's, ...).
    pub fn db(&self) -> Option<&DbError> {
        match self {
            Error::Database(db) => Some(db),
            Error::Run(
                RunError::StatementFailed { source, .. }
                | RunError::Lock { source, .. }
                | RunError::LockLost { source, .. },
            ) => Some(source),
            Error::Normalize(NormalizeError::CreateScratch { source, .. }) => Some(source),
            Error::Source(SourceError::SqlFile { source, .. }) => Some(source),
            Error::Source(
                SourceError::Replay { source, .. } | SourceError::ScratchServer { source, .. },
            ) => source.db(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    /// Errors stay small enough to return by value (clippy's
    /// `result_large_err` threshold is 128 bytes).
    #[test]
    fn errors_are_small() {
        let size = std::mem::size_of::<super::Error>();
        assert!(size <= 128, "{size}");
    }
}
