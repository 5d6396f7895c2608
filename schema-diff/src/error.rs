//! The error type of schema-diff.

/// Everything that can go wrong in schema-diff.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An error reported by PostgreSQL or the connection.
    #[error("database error: {0}")]
    Db(#[from] tokio_postgres::Error),
    /// Any other error, with a message that names what is wrong.
    #[error("{0}")]
    Message(String),
}
