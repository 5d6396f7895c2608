//! Errors of reading schemas: introspection ([`IntrospectError`]: what the
//! model cannot express, naming table and column), normalization
//! ([`NormalizeError`]: what PostgreSQL rejects, naming table, column,
//! constraint or index), and the sources of a comparison ([`SourceError`]:
//! the models command, JSON and SQL files, replays, scratch servers). Start
//! at [`SourceError`], the one a caller meets first.

use std::path::PathBuf;

use strata_model::schema::SchemaJsonError;

use super::db::DbError;

/// The catalog holds something introspection cannot read into the model.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IntrospectError {
    /// A column the model cannot express (generated columns, type
    /// modifiers it has no room for, ...).
    #[error("not supported: table {table}, column {column}: {what}")]
    UnsupportedColumn {
        /// The table, `schema.name`.
        table: String,
        /// The column.
        column: String,
        /// What is not supported.
        what: String,
    },
    /// An index the model cannot express (an access method it lacks).
    #[error("not supported: table {table}, index {index}: {what}")]
    UnsupportedIndex {
        /// The table, `schema.name`.
        table: String,
        /// The index.
        index: String,
        /// What is not supported.
        what: String,
    },
    /// A catalog entry that does not read (a constraint naming a column
    /// number the catalog does not list, an unreadable definition).
    #[error("table {table}, {object}: {what}")]
    Unreadable {
        /// The table, `schema.name`.
        table: String,
        /// The object (`foreign key x`, `index i`, `check c`).
        object: String,
        /// What is wrong.
        what: String,
    },
    /// A catalog query's result lacks a column (the SQL files and the code
    /// disagree).
    #[error("a catalog query returned no column {column:?} (the SQL files and the code disagree)")]
    QueryColumn {
        /// The column.
        column: String,
    },
    /// An entry of `IntrospectOptions::exclude_tables` that does not parse.
    #[error("exclude_tables entry {entry:?}: {reason} (expected `table` or `schema.table`)")]
    BadExclusion {
        /// The entry.
        entry: String,
        /// What is wrong.
        reason: String,
    },
}

/// A desired schema PostgreSQL does not accept, or a scratch database that
/// cannot serve.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum NormalizeError {
    /// PostgreSQL (or the model's own rules) rejected a part of the schema.
    #[error("{object}: {message}")]
    Rejected {
        /// What was rejected, e.g. `table public.t, column x: default
        /// "nw()"`.
        object: String,
        /// Why (PostgreSQL's message, with its detail).
        message: String,
    },
    /// The scratch database already holds tables or types.
    #[error("the scratch database {database} already holds {count} table(s) or enum type(s) in the schemas to normalize ({}); normalize needs a fresh scratch database", schemas.join(", "))]
    ScratchNotEmpty {
        /// The scratch database.
        database: String,
        /// How many tables and enum types.
        count: i64,
        /// The schemas looked at.
        schemas: Vec<String>,
    },
    /// An enum type of the models cannot be provided for normalization on
    /// this server (the database lacks it, or holds it with other labels,
    /// and the role may not create it, even in a transaction that is
    /// rolled back).
    #[error("cannot normalize the models on this server: their enum type {enum_type} is missing or has other labels here, and creating it (in a transaction that is rolled back) failed: {message}; run as a role that may create it, or configure a scratch server")]
    EnumUnavailable {
        /// `schema.name`.
        enum_type: String,
        /// The server's message.
        message: String,
    },
    /// A scratch database cannot be created.
    #[error("cannot create the scratch database {name} on the server of the admin URL: {}", source.brief())]
    CreateScratch {
        /// Its name.
        name: String,
        /// The server's error.
        #[source]
        source: DbError,
    },
}

/// A side of a comparison that cannot be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// A default, CHECK, index expression or predicate of a model or JSON
    /// schema that is not exactly one SQL expression (checked before any
    /// SQL is built from it).
    #[error("{table}: {what} `{name}` is rejected: {reason}")]
    BadExpression {
        /// `schema.table`.
        table: String,
        /// `the default of column`, `CHECK`, `index`.
        what: &'static str,
        /// The column, constraint or index.
        name: String,
        /// Why.
        reason: String,
    },
    /// Not a source.
    #[error("unknown source `{text}`: expected a postgres:// URL, `database`, `models`, `migrations`, `empty`, a .json schema file or a .sql file")]
    Unknown {
        /// The text, passwords masked.
        text: String,
    },
    /// The models command is an empty list.
    #[error("the models command is empty")]
    EmptyModelsCommand,
    /// The models command cannot be started.
    #[error("cannot run the models command `{command}` in {}: {source}", dir.display())]
    ModelsCommandStart {
        /// The command.
        command: String,
        /// Its working directory.
        dir: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The models command exited with an error.
    #[error("the models command `{command}` failed ({status}):\n{stderr}")]
    ModelsCommandFailed {
        /// The command.
        command: String,
        /// Its exit status.
        status: String,
        /// The last lines of its standard error.
        stderr: String,
    },
    /// The models command printed something that is not schema JSON.
    #[error("the models command `{command}` did not print schema JSON: {source}")]
    ModelsCommandOutput {
        /// The command.
        command: String,
        /// Where and what (line, column).
        #[source]
        source: SchemaJsonError,
    },
    /// A file cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A `.json` file that is not schema JSON.
    #[error("{}: {source}", path.display())]
    JsonFile {
        /// The file.
        path: PathBuf,
        /// Where and what (line, column).
        #[source]
        source: SchemaJsonError,
    },
    /// A `.json` schema whose SQL text (an expression, an object's
    /// statements) is refused before any SQL is built from it.
    #[error("{}: {source}", path.display())]
    JsonRejected {
        /// The file.
        path: PathBuf,
        /// The table or object, what of it, and why
        /// ([`SourceError::BadExpression`]).
        #[source]
        source: Box<SourceError>,
    },
    /// A `.sql` file that does not parse (PostgreSQL's parser); nothing of
    /// it ran.
    #[error("{}:{line}:{column}: the SQL does not parse: {message}", path.display())]
    SqlSyntax {
        /// The file.
        path: PathBuf,
        /// 1-based line where the parser stopped.
        line: usize,
        /// 1-based column (in characters).
        column: usize,
        /// PostgreSQL's message.
        message: String,
    },
    /// A desired side (models, a JSON file) declares tables, types or
    /// objects outside the configured `schemas`.
    #[error("{what} declare(s) {} outside the configured schemas ({}); add their schemas to `schemas` in the configuration, or leave them out", names.join(", "), configured.join(", "))]
    OutsideSchemas {
        /// The side: `the models`, the JSON file.
        what: String,
        /// `schema.name` of each, with its kind.
        names: Vec<String>,
        /// The configured schemas.
        configured: Vec<String>,
    },
    /// A `.sql` file PostgreSQL rejects.
    #[error("{}: {source}", path.display())]
    SqlFile {
        /// The file.
        path: PathBuf,
        /// The server's error.
        #[source]
        source: DbError,
    },
    /// Replaying the migrations into a scratch database failed.
    #[error("replaying {} into a scratch database failed: {}", dir.display(), source.text())]
    Replay {
        /// The migrations directory.
        dir: PathBuf,
        /// Why.
        #[source]
        source: Box<super::Error>,
    },
    /// No scratch database can be created on the scratch server.
    #[error("cannot create a scratch database on {server}: {}\n(scratch databases hold the models and the replayed history; set `scratch_url` (or SCHEMA_DIFF_SCRATCH_URL) to a server where you may create databases)", source.text())]
    ScratchServer {
        /// The server, its password masked.
        server: String,
        /// Why.
        #[source]
        source: Box<super::Error>,
    },
    /// The desired schema names roles (owners, grantees, default
    /// privileges) that the server of the database to migrate does not
    /// have: the migration would stop at the first of them.
    #[error("the desired schema names role(s) {} that do not exist on the server of the database to migrate; create them first (roles belong to the server, not to a database)", roles.join(", "))]
    MissingRoles {
        /// The roles, sorted.
        roles: Vec<String>,
    },
}
