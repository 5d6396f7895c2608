//! Configuration errors: [`ConfigError`], naming the file and line of a bad
//! key or value, the setting at fault, or where a bad database setting came
//! from ([`DatabaseOrigin`]). Start at [`ConfigError`].

use std::fmt;
use std::path::PathBuf;

/// Where the database settings came from, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DatabaseOrigin {
    /// Given by the caller (`Overrides::database_url`).
    Override,
    /// `DATABASE_URL`.
    DatabaseUrl,
    /// The libpq variables alone.
    PgVariables,
    /// `database_url` in the configuration file.
    File,
}

impl fmt::Display for DatabaseOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DatabaseOrigin::Override => "the database_url override",
            DatabaseOrigin::DatabaseUrl => "DATABASE_URL",
            DatabaseOrigin::PgVariables => "the PG* variables",
            DatabaseOrigin::File => "schema-diff.toml",
        })
    }
}

/// `what in <file>`, or `what` when no file was read.
fn in_file(what: &str, file: &Option<PathBuf>) -> String {
    match file {
        Some(p) => format!("{what} in {}", p.display()),
        None => what.to_string(),
    }
}

/// `path:line`, or `path` when the line is unknown.
fn at(path: &std::path::Path, line: Option<usize>) -> String {
    match line {
        Some(l) => format!("{}:{l}", path.display()),
        None => path.display().to_string(),
    }
}

/// A setting that cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The configuration file named explicitly does not exist.
    #[error("the configuration file {} does not exist", path.display())]
    MissingFile {
        /// The file.
        path: PathBuf,
    },
    /// The configuration file cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A key the file format does not have.
    #[error("{}:{line}: {message}", path.display())]
    UnknownKey {
        /// The file.
        path: PathBuf,
        /// Its 1-based line.
        line: usize,
        /// The key.
        key: String,
        /// The parser's message (it lists the keys there are).
        message: String,
    },
    /// A value of the wrong type, or a file that is not TOML.
    #[error("{}: {message}", at(path, *line))]
    BadValue {
        /// The file.
        path: PathBuf,
        /// Its 1-based line, when known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// `models` is an empty command.
    #[error("{} is empty", in_file("`models`", file))]
    EmptyModels {
        /// The configuration file, if one was read.
        file: Option<PathBuf>,
    },
    /// `schemas` is empty or holds an empty name.
    #[error(
        "{} must name at least one schema, none empty",
        in_file("`schemas`", file)
    )]
    NoSchemas {
        /// The configuration file, if one was read.
        file: Option<PathBuf>,
    },
    /// An empty pattern in `ignore_tables`.
    #[error("an empty table pattern in ignore_tables")]
    EmptyTablePattern,
    /// A pattern of `ignore_tables` that is neither `name` nor `schema.name`.
    #[error(
        "invalid table pattern `{pattern}` in ignore_tables: expected `name` or `schema.name`"
    )]
    BadTablePattern {
        /// The pattern.
        pattern: String,
    },
    /// The version table's name or schema is empty.
    #[error(
        "{} must not be empty",
        in_file("the version table's name and schema", file)
    )]
    EmptyVersionTable {
        /// The configuration file, if one was read.
        file: Option<PathBuf>,
    },
    /// Connection settings that do not parse or do not fit together; the
    /// message names where they came from (`DATABASE_URL`, a `PG*`
    /// variable, ...) and never quotes them (they may hold a password).
    #[error("{source}")]
    Connection {
        /// strata's error (kind `Config`).
        #[source]
        source: strata::Error,
    },
    /// An error in one setting (`DATABASE_URL: invalid database URL ...`).
    #[error("{setting}: {source}")]
    InSetting {
        /// The setting (`DATABASE_URL`, `database_url in <file>`).
        setting: String,
        /// The error.
        #[source]
        source: Box<ConfigError>,
    },
    /// A number of parallel jobs that is not at least 1.
    #[error("{setting} must be at least 1")]
    BadJobs {
        /// Where it was given.
        setting: String,
    },
    /// A fleet command with no target configured or found.
    #[error("no fleet targets: list them in `[fleet]` of schema-diff.toml (targets, targets_file or targets_query) or pass --target, --targets-file or --targets-query{found}")]
    NoFleetTargets {
        /// What the configured sources gave (`; the query returned no row`).
        found: String,
    },
    /// A fleet target that cannot be used; the target is named by where it
    /// was given (and its line), never by its text (it may hold a password).
    #[error("{origin}: {reason}")]
    FleetTarget {
        /// `--target`, `tenants.txt:4`, `targets_query row 3`.
        origin: String,
        /// What is wrong.
        reason: String,
    },
    /// The models are needed but no command is configured and none were
    /// given to the project.
    #[error("no models command configured: set `models` in {file} (a command that prints the models as schema JSON, e.g. one calling strata::export_models), or give the models to the project (Project::with_models)")]
    NoModels {
        /// The configuration file (or its default name).
        file: String,
    },
}
