//! Errors of running migrations ([`RunError`]): applied files that changed,
//! destructive downgrades (every statement with its file and line), a
//! statement that failed (file, line, the server's error, what stayed), the
//! lock, the version table. Also [`Problem`], an applied revision whose file
//! was edited or is missing, and [`Direction`]. Start at [`RunError`].

use std::fmt;
use std::path::PathBuf;

use super::db::DbError;

/// Up or down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Applying.
    Up,
    /// Reverting.
    Down,
}

impl Direction {
    /// `upgrade` or `downgrade`.
    pub fn verb(self) -> &'static str {
        match self {
            Direction::Up => "upgrade",
            Direction::Down => "downgrade",
        }
    }
}

/// Something wrong between the version table and the directory: an applied
/// revision whose file changed or vanished.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Problem {
    /// An applied migration's file changed since it was applied.
    Edited {
        /// The revision.
        revision: String,
        /// Its file.
        file: PathBuf,
        /// The checksum recorded.
        recorded: String,
        /// The file's checksum now.
        now: String,
    },
    /// An applied revision has no file.
    Missing {
        /// The revision.
        revision: String,
        /// The version table recording it (quoted).
        table: String,
        /// The migrations directory.
        dir: PathBuf,
    },
}

impl Problem {
    /// The revision concerned.
    pub fn revision(&self) -> &str {
        match self {
            Problem::Edited { revision, .. } | Problem::Missing { revision, .. } => revision,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Edited {
                revision,
                file,
                recorded,
                now,
            } => write!(
                f,
                "{} was edited after it was applied (revision {revision}: checksum {} recorded, {} now)",
                file.display(),
                recorded.chars().take(12).collect::<String>(),
                now.chars().take(12).collect::<String>()
            ),
            Problem::Missing {
                revision,
                table,
                dir,
            } => write!(
                f,
                "revision {revision} is recorded in {table} but no file in {} has it",
                dir.display()
            ),
        }
    }
}

/// A statement of a down section that deletes data.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct DestructiveStatement {
    /// The migration file.
    pub file: PathBuf,
    /// The 1-based line where the statement starts.
    pub line: usize,
    /// The statement's first line.
    pub text: String,
}

/// What stayed after a statement failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Aftermath {
    /// The migration's transaction was rolled back: schema and version table
    /// are unchanged.
    RolledBack,
    /// A `transaction: none` migration failed at its first statement:
    /// nothing of it ran, nothing was recorded.
    NothingRan,
    /// A `transaction: none` migration failed after `ran` statements, which
    /// stay applied; nothing was recorded.
    Partial {
        /// How many statements ran.
        ran: usize,
    },
}

impl fmt::Display for Aftermath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Aftermath::RolledBack => {
                f.write_str("rolled back: the schema and the version table are unchanged")
            }
            Aftermath::NothingRan => f.write_str(
                "this migration runs without a transaction; nothing of it ran and nothing was recorded",
            ),
            Aftermath::Partial { ran } => write!(
                f,
                "this migration runs without a transaction: its first {ran} statement(s) stay applied and nothing was recorded; make it safe to re-run, or repair by hand"
            ),
        }
    }
}

fn refused_text(problems: &[Problem]) -> String {
    let list: Vec<String> = problems.iter().map(Problem::to_string).collect();
    let mut hints = Vec::new();
    if problems.iter().any(|p| matches!(p, Problem::Edited { .. })) {
        hints.push("restore the edited file, or allow edited files (RunOptions::allow_edited; `stamp` records the file's new checksum)");
    }
    if problems
        .iter()
        .any(|p| matches!(p, Problem::Missing { .. }))
    {
        hints.push("restore the missing file, or allow missing files (RunOptions::allow_missing)");
    }
    format!("refusing to run: {}\n{}", list.join("; "), hints.join("; "))
}

fn statements_text(statements: &[DestructiveStatement]) -> String {
    statements
        .iter()
        .map(|s| format!("  {}:{}: {}", s.file.display(), s.line, s.text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A run (upgrade, downgrade, stamp) that was refused or failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RunError {
    /// Applied revisions whose file was edited or is missing, not allowed by
    /// the run's options; nothing ran.
    #[error("{}", refused_text(problems))]
    Refused {
        /// The problems refused.
        problems: Vec<Problem>,
    },
    /// A downgrade whose down sections delete data, not allowed by the run's
    /// options; nothing ran.
    #[error("downgrade refused: it would delete data (nothing was run); allow drops (RunOptions::allow_drops) to run it anyway:\n{}", statements_text(statements))]
    DestructiveDowngrade {
        /// Every such statement, with its file and line.
        statements: Vec<DestructiveStatement>,
    },
    /// A statement of a migration failed.
    #[error("{} {migration} failed at {}:{line}: {source}\n{aftermath}", direction.verb(), file.display())]
    StatementFailed {
        /// Up or down.
        direction: Direction,
        /// The migration, `id (message)`.
        migration: String,
        /// Its file.
        file: PathBuf,
        /// The 1-based line of the failing statement (where the server's
        /// position points, else where the statement starts).
        line: usize,
        /// The server's error.
        #[source]
        source: DbError,
        /// What stayed.
        aftermath: Aftermath,
    },
    /// A migration to revert has no down section.
    #[error("cannot downgrade {migration}: {} has no `-- migrate:down` section", file.display())]
    NoDownSection {
        /// The migration, `id (message)`.
        migration: String,
        /// Its file.
        file: PathBuf,
    },
    /// A downgrade on a database without a version table.
    #[error("the database has no version table {table}: nothing is applied")]
    NoVersionTable {
        /// The version table (quoted).
        table: String,
    },
    /// The version table exists but has other columns (another tool's).
    #[error("the version table {table} does not have the expected columns (revision text, checksum text, applied_at timestamptz, execution_ms bigint, stamped boolean, none NULL): {reason}; is it another tool's table? Choose another name with `version_table`")]
    ForeignVersionTable {
        /// The version table (quoted).
        table: String,
        /// What did not read.
        reason: String,
    },
    /// A stamp while the version table records revisions no file has.
    #[error("cannot stamp: {table} records revisions that are not in {}: {}; stamp with `purge` to remove them", dir.display(), revisions.join(", "))]
    UnknownRevisionsRecorded {
        /// The version table (quoted).
        table: String,
        /// The migrations directory.
        dir: PathBuf,
        /// The revisions.
        revisions: Vec<String>,
    },
    /// `upgrade` to a target behind the database.
    #[error("`upgrade {target}` moves backwards; use `downgrade {target}`")]
    Backwards {
        /// The target.
        target: String,
    },
    /// `downgrade` to a target ahead of the database.
    #[error("`downgrade {target}` does not move backwards; use `upgrade {target}`")]
    NotBackwards {
        /// The target.
        target: String,
    },
    /// `downgrade` to a state holding revisions that are not applied.
    #[error("cannot downgrade to `{target}`: {} not applied; use `upgrade`", revisions.join(", "))]
    NotApplied {
        /// The target.
        target: String,
        /// The revisions of the target not applied.
        revisions: Vec<String>,
    },
    /// The migration lock was found lost (its connection ended or its
    /// backend was terminated) before a migration ran, between the
    /// statements of a `transaction: none` migration, or before it was
    /// recorded: the run stopped there.
    #[error("the migration lock of {table} was lost {when} {migration} (the lock's connection, backend pid {pid}, ended or was terminated; another migrator may run now), so the run stopped: {aftermath}")]
    LockGone {
        /// The version table (quoted).
        table: String,
        /// The migration, `id (message)`.
        migration: String,
        /// `before running`, `while running`, `before recording`.
        when: &'static str,
        /// The lock connection's backend pid.
        pid: i32,
        /// What stayed of the migration.
        aftermath: Aftermath,
    },
    /// Taking the advisory lock failed.
    #[error("cannot take the migration lock of {table}: {source}")]
    Lock {
        /// The version table (quoted) whose lock it is.
        table: String,
        /// The server's error.
        #[source]
        source: DbError,
    },
    /// The lock transaction of a `transaction: none` migration ended while
    /// its statements ran (e.g. `idle_in_transaction_session_timeout`): the
    /// statements stay applied, the revision is not recorded.
    #[error("the lock on {table} was lost while {migration} ran outside a transaction: its statements stay applied and it was not recorded (a server idle_in_transaction_session_timeout shorter than its statements?): {source}")]
    LockLost {
        /// The version table (quoted).
        table: String,
        /// The migration, `id (message)`.
        migration: String,
        /// The server's error.
        #[source]
        source: DbError,
    },
}
