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
    /// The connection to the server is gone, cannot be opened, or the server
    /// is starting up or shutting down (57P01, 57P02, 57P03, class 08). Try
    /// again later; [`Error::is_unavailable`] is true.
    ConnectionLost,
    /// A statement ran longer than its `statement_timeout`, or was cancelled
    /// (57014). Nothing of the statement is kept; inside a transaction the
    /// transaction is aborted.
    Timeout,
    /// The transaction was aborted by an earlier error (a failed statement, a
    /// cancelled or failed COPY) and has been rolled back: nothing of it was
    /// committed (25P02, or a `COMMIT` the server answered with `ROLLBACK`).
    TransactionAborted,
    /// A prepared statement no longer matches its table (the schema changed
    /// under a running transaction: "cached plan must not change result
    /// type"). The statement has been evicted; retry the transaction.
    SchemaChanged,
    /// A value was refused as a value: a NUL byte in text or jsonb, a number
    /// out of range for its column, text too long, malformed input (SQLSTATE
    /// class 22). [`Error::column`] names the column when it is known.
    InvalidValue,
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
    /// The statement parameter (0-based) the error is about, when known.
    param: Option<usize>,
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
            param: None,
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

    /// Records the SQLSTATE the error came with.
    pub(crate) fn with_code(mut self, code: Option<SqlState>) -> Error {
        self.0.code = code;
        self
    }

    /// Records which statement parameter (0-based) the error is about.
    pub(crate) fn with_param(mut self, index: usize) -> Error {
        self.0.param = Some(index);
        self
    }

    /// Names the column of the parameter the error is about (see
    /// [`Error::with_param`]): `column_of` maps a parameter index to its
    /// column.
    pub(crate) fn name_param(
        mut self,
        table: &str,
        column_of: impl FnOnce(usize) -> Option<&'static str>,
    ) -> Error {
        if let Some(column) = self.0.param.and_then(column_of) {
            self.0.message = format!("{table}.{column}: {}", self.0.message);
            self.0.table = Some(table.to_string());
            self.0.column = Some(column.to_string());
        }
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
    /// deadlock, a schema change under a cached statement).
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.0.kind,
            ErrorKind::SerializationFailure | ErrorKind::Deadlock | ErrorKind::SchemaChanged
        )
    }

    /// True when the database is not available right now (the connection
    /// was lost or cannot be opened, the server is starting or stopping, no
    /// pooled connection became free, a statement timed out): a service
    /// answers 503 and the caller may retry later.
    pub fn is_unavailable(&self) -> bool {
        matches!(
            self.0.kind,
            ErrorKind::ConnectionLost | ErrorKind::PoolTimeout | ErrorKind::Timeout
        )
    }

    /// Names the column involved (for errors found before the server saw the
    /// value, or traced back to a parameter).
    pub fn with_column(mut self, table: Option<&str>, column: &str) -> Error {
        if let Some(table) = table {
            self.0.table = Some(table.to_string());
        }
        self.0.column = Some(column.to_string());
        self
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
            } else {
                kind_of_state(&code, db.message())
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
                param: None,
                source: Some(Box::new(err)),
            }));
        }
        let kind = if err.is_closed() {
            ErrorKind::ConnectionLost
        } else {
            ErrorKind::Database
        };
        let message = with_causes(&err);
        Error::new(kind, message).with_source(err)
    }
}

/// The kind of a server error that is not a constraint violation.
pub(crate) fn kind_of_state(code: &SqlState, message: &str) -> ErrorKind {
    let text = code.code();
    if text.starts_with("08")
        || *code == SqlState::ADMIN_SHUTDOWN
        || *code == SqlState::CRASH_SHUTDOWN
        || *code == SqlState::CANNOT_CONNECT_NOW
        || *code == SqlState::DATABASE_DROPPED
    {
        ErrorKind::ConnectionLost
    } else if *code == SqlState::QUERY_CANCELED {
        ErrorKind::Timeout
    } else if *code == SqlState::IN_FAILED_SQL_TRANSACTION {
        ErrorKind::TransactionAborted
    } else if (*code == SqlState::FEATURE_NOT_SUPPORTED && message.contains("cached plan"))
        || *code == SqlState::INVALID_SQL_STATEMENT_NAME
    {
        ErrorKind::SchemaChanged
    } else if text.starts_with("22") {
        ErrorKind::InvalidValue
    } else {
        ErrorKind::Database
    }
}

/// An error's text followed by the text of each of its causes (the driver's
/// own text alone is often only "error serializing parameter 1").
pub(crate) fn with_causes(err: &(dyn std::error::Error + 'static)) -> String {
    let mut message = err.to_string();
    let mut cause = err.source();
    while let Some(inner) = cause {
        let text = inner.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        cause = inner.source();
    }
    message
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
