//! Errors of the project's own work ([`ProjectError`]): files it writes,
//! the throwaway server it starts.

use std::path::PathBuf;

/// A project command that cannot do its work.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProjectError {
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
