//! The one error type of the runtime: an opaque [`Error`] with a
//! [`kind`](Error::kind) and accessors (`constraint()`, `is_retryable()`, ...),
//! in the manner of `tokio_postgres::Error`.
//!
//! Start reading at [`ErrorKind`], then `impl From<tokio_postgres::Error>
//! for Error` (which SQLSTATE becomes which kind).

use std::fmt;

use tokio_postgres::error::SqlState;

/// What went wrong, broadly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A row that was asked for by key does not exist.
    NotFound,
    /// A unique constraint or unique index was violated (23505).
    UniqueViolation,
    /// A foreign key was violated (23503).
    ForeignKeyViolation,
    /// A CHECK constraint was violated (23514).
    CheckViolation,
    /// A NOT NULL constraint was violated (23502).
    NotNullViolation,
    /// The transaction could not be serialized (40001); retry it.
    SerializationFailure,
    /// A deadlock was detected (40P01); retry the transaction.
    Deadlock,
    /// No pooled connection became free in time.
    PoolTimeout,
    /// The connection to the server is gone.
    ConnectionLost,
    /// A column's value could not be turned into the field's Rust type.
    Decode,
    /// Any other error reported by the server.
    Database,
    /// Bad configuration (a URL, an environment variable, a pool setting).
    Config,
    /// A model or a query is not valid (e.g. a table without a primary key
    /// asked for by key).
    Invalid,
}

/// The error type of strata's runtime (one pointer wide).
pub struct Error(Box<Inner>);

struct Inner {
    kind: ErrorKind,
    message: String,
    constraint: Option<String>,
    table: Option<String>,
    column: Option<String>,
    code: Option<SqlState>,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    /// A new error of `kind` with a message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error(Box::new(Inner {
            kind,
            message: message.into(),
            constraint: None,
            table: None,
            column: None,
            code: None,
            source: None,
        }))
    }

    /// The row asked for does not exist in `table`.
    pub fn not_found(table: &str) -> Error {
        let mut e = Error::new(ErrorKind::NotFound, format!("no such row in {table}"));
        e.0.table = Some(table.to_string());
        e
    }

    /// A column's value could not be decoded into the field's Rust type. The
    /// message ends with the innermost cause of `source`.
    pub fn decode(
        table: &str,
        column: &str,
        rust_type: &str,
        sql_type: &str,
        source: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
    ) -> Error {
        let source = source.into();
        // The innermost cause says why (tokio-postgres's own text is only
        // "error deserializing column N").
        let mut cause: &(dyn std::error::Error + 'static) = &*source;
        while let Some(inner) = cause.source() {
            cause = inner;
        }
        let mut e = Error::new(
            ErrorKind::Decode,
            format!(
                "cannot decode column {table}.{column} (SQL type {sql_type}) into Rust type {rust_type}: {cause}"
            ),
        );
        e.0.table = Some(table.to_string());
        e.0.column = Some(column.to_string());
        e.0.source = Some(source);
        e
    }

    /// Attaches a source error.
    pub fn with_source(
        mut self,
        source: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
    ) -> Error {
        self.0.source = Some(source.into());
        self
    }

    /// What went wrong, broadly.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The violated constraint's name, for constraint violations.
    pub fn constraint(&self) -> Option<&str> {
        self.0.constraint.as_deref()
    }

    /// The table involved, when known.
    pub fn table(&self) -> Option<&str> {
        self.0.table.as_deref()
    }

    /// The column involved, when known.
    pub fn column(&self) -> Option<&str> {
        self.0.column.as_deref()
    }

    /// The SQLSTATE code, for errors reported by the server.
    pub fn code(&self) -> Option<&SqlState> {
        self.0.code.as_ref()
    }

    /// True when retrying the transaction may succeed (serialization failure,
    /// deadlock).
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.0.kind,
            ErrorKind::SerializationFailure | ErrorKind::Deadlock
        )
    }

    /// True for [`ErrorKind::NotFound`].
    pub fn is_not_found(&self) -> bool {
        self.0.kind == ErrorKind::NotFound
    }

    /// True for [`ErrorKind::UniqueViolation`].
    pub fn is_unique_violation(&self) -> bool {
        self.0.kind == ErrorKind::UniqueViolation
    }
}

impl From<tokio_postgres::Error> for Error {
    fn from(err: tokio_postgres::Error) -> Error {
        if let Some(db) = err.as_db_error() {
            let code = db.code().clone();
            let kind = if code == SqlState::UNIQUE_VIOLATION {
                ErrorKind::UniqueViolation
            } else if code == SqlState::FOREIGN_KEY_VIOLATION {
                ErrorKind::ForeignKeyViolation
            } else if code == SqlState::CHECK_VIOLATION {
                ErrorKind::CheckViolation
            } else if code == SqlState::NOT_NULL_VIOLATION {
                ErrorKind::NotNullViolation
            } else if code == SqlState::T_R_SERIALIZATION_FAILURE {
                ErrorKind::SerializationFailure
            } else if code == SqlState::T_R_DEADLOCK_DETECTED {
                ErrorKind::Deadlock
            } else if code == SqlState::ADMIN_SHUTDOWN
                || code == SqlState::CRASH_SHUTDOWN
                || code == SqlState::CONNECTION_FAILURE
            {
                ErrorKind::ConnectionLost
            } else {
                ErrorKind::Database
            };
            let mut message = db.message().to_string();
            if let Some(detail) = db.detail() {
                message.push_str(": ");
                message.push_str(detail);
            }
            return Error(Box::new(Inner {
                kind,
                message,
                constraint: db.constraint().map(str::to_string),
                table: db.table().map(str::to_string),
                column: db.column().map(str::to_string),
                code: Some(code),
                source: Some(Box::new(err)),
            }));
        }
        let kind = if err.is_closed() {
            ErrorKind::ConnectionLost
        } else {
            ErrorKind::Database
        };
        let message = err.to_string();
        Error::new(kind, message).with_source(err)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)?;
        if let (
            Some(c),
            ErrorKind::UniqueViolation | ErrorKind::ForeignKeyViolation | ErrorKind::CheckViolation,
        ) = (&self.0.constraint, self.0.kind)
        {
            write!(f, " (constraint {c})")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.0.kind)
            .field("message", &self.0.message)
            .field("constraint", &self.0.constraint)
            .field("table", &self.0.table)
            .field("column", &self.0.column)
            .field("code", &self.0.code.as_ref().map(SqlState::code))
            .finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// Shorthand for `Result<T, strata::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;
