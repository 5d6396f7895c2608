//! Errors of the project's own work ([`ProjectError`]): files it writes,
//! the throwaway server it starts.

use std::path::PathBuf;

/// A project command that cannot do its work.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProjectError {
    /// `upgrade`, `downgrade` or `stamp` with no database configured.
    #[error("`{command}` writes to a database, and none is configured (DATABASE_URL, PG* variables, --database-url, database_url in schema-diff.toml); refusing to write to a throwaway server (pass --allow-throwaway to do it anyway)")]
    ThrowawayWrite {
        /// The command.
        command: &'static str,
    },
    /// `init` on a migrations directory that holds files.
    #[error("{} already exists and is not empty", dir.display())]
    NotEmpty {
        /// The directory.
        dir: PathBuf,
    },
    /// A file or directory operation failed.
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        /// `create`, `read`, `write`.
        action: &'static str,
        /// The path.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The throwaway PostgreSQL server cannot be started.
    #[error("cannot start a throwaway PostgreSQL server: {reason}")]
    Throwaway {
        /// Why (no server binaries, initdb failed, ...).
        reason: String,
    },
}
