//! The error type of schema-diff: [`Error`], one enum whose messages name
//! the file, line, table, column or object at fault.

/// Everything that can go wrong in schema-diff.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An error reported by PostgreSQL or the connection; displayed with
    /// the server's message, detail and hint (the driver's own text is only
    /// "db error").
    #[error("database error: {}", crate::runner::describe_pg_error(.0))]
    Db(#[from] tokio_postgres::Error),
    /// Any other error, with a message that names what is wrong.
    #[error("{0}")]
    Message(String),
    /// The database holds something the schema model cannot express (a
    /// generated column, a type modifier it has no room for, ...); the message
    /// names the table and column.
    #[error("not supported: {0}")]
    Unsupported(String),
    /// PostgreSQL rejected a part of a desired schema while normalizing it.
    #[error("{object}: {message}")]
    Rejected {
        /// What was rejected, e.g. `table public.t, column x: default "nw()"`.
        object: String,
        /// PostgreSQL's message (with its detail and hint, if any).
        message: String,
    },
}
