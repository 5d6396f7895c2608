//! The DGS repositories on strata: what the old hand-written psycopg
//! repositories did, as traits ([`JobsRepository`], [`LessonsRepository`],
//! [`LlmAuditRepository`]) with one strata implementation each.
//!
//! An implementation wraps a borrowed `&impl strata::Executor`, so the same
//! repository runs on a pooled [`strata::Session`] or inside a
//! [`strata::Transaction`] (`StrataJobs::new(&session)`,
//! `StrataJobs::new(&tx)`), the way SQLAlchemy repositories take a session.
//! Ordinary CRUD goes through strata's typed API only (no SQL text); the
//! audit totals are the one aggregate, written as raw SQL through
//! [`strata::Executor::query`] because the typed API has no `sum`.
//!
//! Start reading at [`jobs`] (the job queue: idempotent creation,
//! `FOR UPDATE SKIP LOCKED` claiming, state transitions), then [`lessons`]
//! and [`audit`]. Errors are one [`RepoError`]; `crate::http` maps it to
//! HTTP statuses.

pub mod jobs;

pub mod lessons;

pub mod audit;

pub use audit::{AuditTotals, LlmAuditRepository, NewAudit, StrataAudit};
pub use jobs::{
    CreatedJob, FailJob, FinishJob, JobFilter, JobStatus, JobsRepository, NewJob, ProgressUpdate,
    StrataJobs,
};
pub use lessons::{LessonsRepository, NewLesson, StrataLessons};

use std::fmt;

/// The largest page a list returns.
pub const MAX_PAGE: i64 = 1000;

/// A window of a list: at most `limit` rows after skipping `offset`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// At most this many rows (1 to [`MAX_PAGE`]).
    pub limit: i64,
    /// Rows skipped first (0 or more).
    pub offset: i64,
}

impl Default for Page {
    fn default() -> Self {
        Page {
            limit: 50,
            offset: 0,
        }
    }
}

impl Page {
    /// A page of `limit` rows starting after `offset` rows, checked.
    pub fn new(limit: i64, offset: i64) -> Result<Page, RepoError> {
        if !(1..=MAX_PAGE).contains(&limit) {
            return Err(RepoError::Invalid(format!(
                "limit must be between 1 and {MAX_PAGE}, not {limit}"
            )));
        }
        if offset < 0 {
            return Err(RepoError::Invalid(format!(
                "offset must be 0 or more, not {offset}"
            )));
        }
        Ok(Page { limit, offset })
    }

    /// The page after this one.
    pub fn next(self) -> Page {
        Page {
            limit: self.limit,
            offset: self.offset + self.limit,
        }
    }
}

/// What a repository call can fail with.
#[derive(Debug)]
pub enum RepoError {
    /// The row asked for does not exist.
    NotFound {
        /// What was looked for (`job`, `lesson`).
        what: &'static str,
        /// Its id.
        id: String,
    },
    /// The request does not fit the row's current state (finishing a job
    /// that is not running, cancelling a finished one).
    Conflict(String),
    /// The input is not acceptable (a progress outside 0..1, an unknown
    /// status, a bad page).
    Invalid(String),
    /// The database refused or failed (unique and foreign-key violations,
    /// pool timeouts, lost connections, ...).
    Db(strata::Error),
}

impl RepoError {
    pub(crate) fn not_found(what: &'static str, id: &str) -> RepoError {
        RepoError::NotFound {
            what,
            id: id.to_string(),
        }
    }
}

impl fmt::Display for RepoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RepoError::NotFound { what, id } => write!(f, "no {what} with id {id:?}"),
            RepoError::Conflict(m) | RepoError::Invalid(m) => f.write_str(m),
            RepoError::Db(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for RepoError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RepoError::Db(e) => Some(e),
            _ => None,
        }
    }
}

impl From<strata::Error> for RepoError {
    fn from(e: strata::Error) -> RepoError {
        RepoError::Db(e)
    }
}

/// A fresh id with a readable prefix (`job-…`, `lesson-…`, `audit-…`).
pub(crate) fn new_id(prefix: &str) -> String {
    format!("{prefix}-{}", uuid::Uuid::new_v4().simple())
}

/// Checks a client-chosen id or name: non-empty, at most 200 characters,
/// no control characters.
pub(crate) fn check_text(field: &str, value: &str) -> Result<(), RepoError> {
    if value.trim().is_empty() {
        return Err(RepoError::Invalid(format!("{field} must not be empty")));
    }
    if value.chars().count() > 200 {
        return Err(RepoError::Invalid(format!(
            "{field} is longer than 200 characters"
        )));
    }
    if value.chars().any(char::is_control) {
        return Err(RepoError::Invalid(format!(
            "{field} must not contain control characters"
        )));
    }
    Ok(())
}
