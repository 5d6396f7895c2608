//! Database errors: [`DbError`], what PostgreSQL said (severity, message,
//! detail, hint, SQLSTATE, position) or why the connection failed. Imports
//! nothing of the crate, so every layer can use it without an import cycle.
//! Start at [`DbError`].

use std::fmt::Write as _;

use tokio_postgres::error::ErrorPosition;

/// What the server said about an error.
#[derive(Debug)]
pub struct ServerError {
    /// `ERROR`, `FATAL`, ...
    pub severity: String,
    /// The SQLSTATE code (`42P01`, ...).
    pub code: String,
    /// The primary message.
    pub message: String,
    /// The detail, if any.
    pub detail: Option<String>,
    /// The hint, if any.
    pub hint: Option<String>,
    /// The 1-based character position in the statement, if reported.
    pub position: Option<usize>,
    /// The driver's error.
    pub source: tokio_postgres::Error,
}

/// An error from PostgreSQL or the connection to it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DbError {
    /// The server reported an error. Displayed as `ERROR: message (DETAIL:
    /// ...) (HINT: ...)`.
    #[error("{}", server_text(&.0.severity, &.0.message, .0.detail.as_deref(), .0.hint.as_deref()))]
    Server(Box<ServerError>),
    /// The connection failed or broke, or the driver failed, without a
    /// message from the server (`error connecting to server: Connection
    /// refused ...`).
    #[error("{}", chain_text(.0))]
    Connection(tokio_postgres::Error),
    /// A failure described in words (a TLS check, a settings file).
    #[error("{0}")]
    Message(String),
    /// Opening a connection failed.
    #[error("cannot connect to {target}: {reason}")]
    Connect {
        /// The server, its password masked.
        target: String,
        /// Why.
        #[source]
        reason: Box<DbError>,
    },
}

impl std::error::Error for ServerError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

impl std::fmt::Display for ServerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&server_text(
            &self.severity,
            &self.message,
            self.detail.as_deref(),
            self.hint.as_deref(),
        ))
    }
}

impl DbError {
    /// The server's report, for server errors.
    pub fn server(&self) -> Option<&ServerError> {
        match self {
            DbError::Server(s) => Some(s),
            DbError::Connect { reason, .. } => reason.server(),
            DbError::Connection(_) | DbError::Message(_) => None,
        }
    }

    /// The SQLSTATE code of a server error.
    pub fn code(&self) -> Option<&str> {
        self.server().map(|s| s.code.as_str())
    }

    /// The 1-based character position the server reported, if any.
    pub fn position(&self) -> Option<usize> {
        match self {
            DbError::Server(s) => s.position,
            _ => None,
        }
    }

    /// The server's message with its detail in parentheses (no severity, no
    /// hint): the short form used inside longer messages.
    pub fn brief(&self) -> String {
        match self {
            DbError::Server(s) => match &s.detail {
                Some(d) => format!("{} ({d})", s.message),
                None => s.message.clone(),
            },
            DbError::Connection(e) => e.to_string(),
            other => other.to_string(),
        }
    }
}

impl From<strata::ConnectError> for DbError {
    fn from(e: strata::ConnectError) -> DbError {
        let target = e.target().to_string();
        let server = e.pg_error().is_some_and(|p| p.as_db_error().is_some());
        let reason = if server {
            match e.into_pg_error() {
                Some(pg) => DbError::from(pg),
                None => DbError::Message(String::new()),
            }
        } else {
            // The runtime's words: which TLS check failed, which file.
            DbError::Message(e.reason())
        };
        DbError::Connect {
            target,
            reason: Box::new(reason),
        }
    }
}

impl From<tokio_postgres::Error> for DbError {
    fn from(e: tokio_postgres::Error) -> DbError {
        let Some(db) = e.as_db_error() else {
            return DbError::Connection(e);
        };
        DbError::Server(Box::new(ServerError {
            severity: db.severity().to_string(),
            code: db.code().code().to_string(),
            message: db.message().to_string(),
            detail: db.detail().map(str::to_string),
            hint: db.hint().map(str::to_string),
            position: match db.position() {
                Some(ErrorPosition::Original(p)) => Some(*p as usize),
                _ => None,
            },
            source: e,
        }))
    }
}

fn server_text(severity: &str, message: &str, detail: Option<&str>, hint: Option<&str>) -> String {
    let mut s = format!("{severity}: {message}");
    if let Some(d) = detail {
        let _ = write!(s, " (DETAIL: {d})");
    }
    if let Some(h) = hint {
        let _ = write!(s, " (HINT: {h})");
    }
    s
}

/// The error and its causes, each once.
fn chain_text(e: &tokio_postgres::Error) -> String {
    let mut s = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        let c = cause.to_string();
        if !s.contains(&c) {
            s.push_str(": ");
            s.push_str(&c);
        }
        source = cause.source();
    }
    s
}

/// A readable one-line form of a driver error: PostgreSQL's severity,
/// message, detail and hint for server errors; the error and its causes
/// otherwise (`error connecting to server: Connection refused ...`).
pub fn describe_pg_error(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => server_text(db.severity(), db.message(), db.detail(), db.hint()),
        None => chain_text(e),
    }
}
