//! The command line's arguments (clap): [`Cli`] holds the global settings
//! (which override `schema-diff.toml` and the environment) and one
//! [`Command`], named as in Alembic. Nothing here runs anything. Start at
//! [`Cli`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// schema-diff: compare PostgreSQL with strata models, and write, apply,
/// revert, stamp and check migrations (commands named as in Alembic).
#[derive(Debug, Parser)]
#[command(name = "schema-diff", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub(super) global: Global,
    #[command(subcommand)]
    pub(super) command: Command,
}

/// Settings every command accepts; they override `schema-diff.toml` and the
/// environment.
#[derive(Debug, Args)]
pub(super) struct Global {
    /// The configuration file (default: the first schema-diff.toml in the
    /// current directory or its parents).
    #[arg(long, global = true, value_name = "PATH")]
    pub(super) config: Option<PathBuf>,
    /// The database (overrides DATABASE_URL and the PG* variables).
    #[arg(long, global = true, value_name = "URL")]
    pub(super) database_url: Option<String>,
    /// A server for throwaway databases (default: the database's server, or
    /// a throwaway cluster when no database is configured).
    #[arg(long, global = true, value_name = "URL")]
    pub(super) scratch_url: Option<String>,
    /// The migrations directory.
    #[arg(long, global = true, value_name = "DIR")]
    pub(super) migrations: Option<PathBuf>,
    /// The command that prints the models as schema JSON (run with sh -c).
    #[arg(long, global = true, value_name = "CMD")]
    pub(super) models: Option<String>,
    /// A schema to manage (repeatable; replaces the configured list).
    #[arg(long = "schema", global = true, value_name = "NAME")]
    pub(super) schemas: Vec<String>,
    /// A table to leave out: name or schema.name, `*` as wildcard
    /// (repeatable).
    #[arg(long = "ignore-table", global = true, value_name = "PATTERN")]
    pub(super) ignore_tables: Vec<String>,
    /// The version table's name (default strata_migrations).
    #[arg(long, global = true, value_name = "NAME")]
    pub(super) version_table: Option<String>,
    /// The version table's schema (default public).
    #[arg(long, global = true, value_name = "NAME")]
    pub(super) version_schema: Option<String>,
    /// Read and write no cache (normalized parts, replayed histories).
    #[arg(long, global = true)]
    pub(super) no_cache: bool,
    /// Let `upgrade`, `downgrade` and `stamp` write to a throwaway server
    /// when no database is configured (otherwise refused: a missing
    /// DATABASE_URL must not look like a successful deploy).
    #[arg(long, global = true)]
    pub(super) allow_throwaway: bool,
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = Format::Text)]
    pub(super) format: Format,
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable lines.
    Text,
    /// One JSON document on standard output.
    Json,
}

/// Overrides of the safety checks of the runner.
#[derive(Clone, Copy, Debug, Args)]
pub(super) struct Safety {
    /// Run although an applied migration's file was edited.
    #[arg(long)]
    pub(super) allow_edited: bool,
    /// Run although an applied revision has no file.
    #[arg(long)]
    pub(super) allow_missing: bool,
    /// How long a migration statement waits for a lock before it fails and
    /// its migration is rolled back and retried (`500ms`, `5s`, `1m`; `0`
    /// waits as long as the server lets it).
    #[arg(long, value_name = "DURATION", default_value = "5s", value_parser = parse_duration)]
    pub(super) lock_timeout: std::time::Duration,
    /// How often a migration whose lock was not granted is retried (after
    /// 1 s, 2 s, 4 s, ...).
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub(super) lock_retries: u32,
    /// How long one migration statement may run before it fails and its
    /// migration is rolled back (`30s`, `10m`; default: the server's).
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub(super) statement_timeout: Option<std::time::Duration>,
}

/// `500ms`, `5s`, `2m` or a number of milliseconds.
fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let t = text.trim();
    let (number, unit) = match t.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => t.split_at(i),
        None => (t, "ms"),
    };
    let n: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a duration (500ms, 5s, 1m)"))?;
    match unit {
        "ms" => Ok(std::time::Duration::from_millis(n)),
        "s" => Ok(std::time::Duration::from_secs(n)),
        "m" | "min" => Ok(std::time::Duration::from_secs(n * 60)),
        _ => Err(format!("{text:?} is not a duration (500ms, 5s, 1m)")),
    }
}

#[derive(Debug, Subcommand)]
pub(super) enum Command {
    /// Create the migrations directory (and a schema-diff.toml when there is
    /// none).
    Init,
    /// Write a new migration file: empty for hand-written SQL, or generated
    /// from the difference between the history and the models.
    Revision {
        /// The message.
        #[arg(short, long)]
        message: String,
        /// Generate up and down SQL: replay the migrations into a scratch
        /// database and diff the result with the models.
        #[arg(long)]
        autogenerate: bool,
        /// Include operations that destroy data (drops, narrowing types).
        #[arg(long)]
        allow_drops: bool,
        /// Write the file even when autogenerate finds no change.
        #[arg(long)]
        empty: bool,
        /// With --autogenerate, for the first revision: write conditional
        /// creation (IF NOT EXISTS), safe on fresh databases and on ones that
        /// already hold the schema (a baseline).
        #[arg(long, requires = "autogenerate")]
        idempotent: bool,
        /// With --autogenerate: plan for a database that keeps serving
        /// (indexes CONCURRENTLY, constraints NOT VALID then validated,
        /// SET NOT NULL through a check; see README, "Online migrations").
        #[arg(long, requires = "autogenerate", conflicts_with = "idempotent")]
        online: bool,
        /// The parent revision (default: the single head).
        #[arg(long, value_name = "REV")]
        head: Option<String>,
        /// Use this revision id instead of a generated one.
        #[arg(long, value_name = "ID")]
        rev_id: Option<String>,
    },
    /// Apply migrations up to TARGET (default head).
    Upgrade {
        /// head, heads, a revision or prefix, +N, <rev>+N; with --sql,
        /// FROM:TO is accepted (FROM defaults to base).
        #[arg(allow_negative_numbers = true)]
        target: Option<String>,
        /// Print the SQL script instead of running it.
        #[arg(long)]
        sql: bool,
        #[command(flatten)]
        safety: Safety,
    },
    /// Revert migrations down to TARGET.
    Downgrade {
        /// base, a revision or prefix, -N, head-1, <rev>-N; with --sql,
        /// FROM:TO.
        #[arg(allow_negative_numbers = true)]
        target: String,
        /// Print the SQL script instead of running it.
        #[arg(long)]
        sql: bool,
        /// Run down sections that delete data (drop a table, column, type or
        /// schema, narrow a type, delete rows); refused without it.
        #[arg(long)]
        allow_drops: bool,
        #[command(flatten)]
        safety: Safety,
    },
    /// Record TARGET as applied without running anything (the baseline of a
    /// database that already holds the schema).
    Stamp {
        /// head, heads, base, a revision or prefix, ...
        #[arg(allow_negative_numbers = true)]
        target: String,
        /// Remove rows of revisions that are not in the directory.
        #[arg(long)]
        purge: bool,
        /// Print the SQL script instead of running it.
        #[arg(long)]
        sql: bool,
    },
    /// Show the database's current revision(s).
    Current {
        /// List every applied revision with when and how long.
        #[arg(short, long)]
        verbose: bool,
    },
    /// List revisions, newest first.
    History {
        /// Only revisions in FROM:TO (either side may be empty).
        #[arg(
            short = 'r',
            long = "rev-range",
            value_name = "FROM:TO",
            allow_hyphen_values = true
        )]
        range: Option<String>,
        /// Mark the database's applied revisions.
        #[arg(short = 'i', long)]
        indicate_current: bool,
        /// Show parents, path, creation time and transaction mode too.
        #[arg(short, long)]
        verbose: bool,
    },
    /// List the heads.
    Heads,
    /// List the branch points and their branches.
    Branches,
    /// Show one revision.
    Show {
        /// A revision, prefix, head, ...
        rev: String,
    },
    /// Write a revision that joins several heads.
    Merge {
        /// The message.
        #[arg(short, long)]
        message: String,
        /// The revisions to join (`heads` for all heads).
        #[arg(required = true)]
        revisions: Vec<String>,
        /// Use this revision id instead of a generated one.
        #[arg(long, value_name = "ID")]
        rev_id: Option<String>,
    },
    /// Compare the models with the database and list pending migrations:
    /// exit 0 when they agree, 1 when not, 2 on error.
    Check,
    /// Run upgrade, downgrade, stamp, current or check on every database of
    /// the fleet (`[fleet]` in schema-diff.toml, or --target /
    /// --targets-file / --targets-query), --jobs at a time, and print a
    /// summary: exit 0 when every target succeeded (and, for check,
    /// matched), 1 when check found differences, 2 when a target failed.
    Fleet {
        #[command(flatten)]
        targets: FleetArgs,
        #[command(subcommand)]
        command: FleetCommand,
    },
    /// Lint migration files for production hazards (long locks, table
    /// rewrites, columns the models still use, statements that cannot run
    /// as the file says): by default the ones not applied to the database
    /// yet (every file when no database is configured). Exit 0 when every
    /// finding is allowed, 1 when not, 2 on error.
    Lint {
        /// Lint every migration file.
        #[arg(long, conflicts_with = "range")]
        all: bool,
        /// Lint the revisions in FROM:TO (either side may be empty).
        #[arg(
            short = 'r',
            long = "rev-range",
            value_name = "FROM:TO",
            allow_hyphen_values = true
        )]
        range: Option<String>,
        /// Lint the down sections too.
        #[arg(long)]
        down: bool,
    },
    /// Print the SQL that turns FROM into TO. Sources: a postgres:// URL,
    /// `database` (the configured one), `models`, `migrations` (replayed into
    /// a scratch database), `empty`, a .json schema file or a .sql file.
    Diff {
        /// The starting point.
        #[arg(long)]
        from: String,
        /// The goal.
        #[arg(long)]
        to: String,
        /// Include operations that destroy data (drops, narrowing types).
        #[arg(long)]
        allow_drops: bool,
        /// Plan for a database that keeps serving (see `revision --online`).
        #[arg(long)]
        online: bool,
    },
}

/// Where a fleet's targets come from and how they are worked on.
#[derive(Clone, Debug, Args)]
pub(super) struct FleetArgs {
    /// A target: a postgres:// URL, a key=value string, or a database name
    /// on the configured server (repeatable; replaces the configured
    /// targets).
    #[arg(long = "target", value_name = "TARGET")]
    pub(super) targets: Vec<String>,
    /// A file with one target per line (# comments).
    #[arg(long, value_name = "PATH")]
    pub(super) targets_file: Option<PathBuf>,
    /// A query whose first column lists the targets (run on the directory
    /// database).
    #[arg(long, value_name = "SQL")]
    pub(super) targets_query: Option<String>,
    /// The directory database the query runs on (default: the database).
    #[arg(long, value_name = "URL")]
    pub(super) directory_url: Option<String>,
    /// How many targets are worked on at once (default 4).
    #[arg(long, short = 'j', value_name = "N")]
    pub(super) jobs: Option<usize>,
    /// Start no further target once one failed.
    #[arg(long)]
    pub(super) fail_fast: bool,
}

/// The commands a fleet runs.
#[derive(Debug, Subcommand)]
pub(super) enum FleetCommand {
    /// Apply migrations up to TARGET (default head) on every target.
    Upgrade {
        /// head, a revision or prefix, +N, ...
        #[arg(allow_negative_numbers = true)]
        target: Option<String>,
        #[command(flatten)]
        safety: Safety,
    },
    /// Revert migrations down to TARGET on every target.
    Downgrade {
        /// base, a revision or prefix, -N, ...
        #[arg(allow_negative_numbers = true)]
        target: String,
        /// Run down sections that delete data.
        #[arg(long)]
        allow_drops: bool,
        #[command(flatten)]
        safety: Safety,
    },
    /// Record TARGET as applied on every target without running anything.
    Stamp {
        /// head, base, a revision or prefix, ...
        #[arg(allow_negative_numbers = true)]
        target: String,
        /// Remove rows of revisions that are not in the directory.
        #[arg(long)]
        purge: bool,
    },
    /// Show every target's current revision(s).
    Current,
    /// Compare every target with the models and the migrations.
    Check,
    /// List the targets (nothing is connected to but the directory).
    List,
}

pub(super) fn options(s: Safety) -> crate::runner::RunOptions {
    crate::runner::RunOptions {
        allow_edited: s.allow_edited,
        allow_missing: s.allow_missing,
        allow_drops: false,
        lock_timeout: (!s.lock_timeout.is_zero()).then_some(s.lock_timeout),
        lock_retries: s.lock_retries,
        statement_timeout: s.statement_timeout.filter(|t| !t.is_zero()),
    }
}
