//! Configuration: `schema-diff.toml`, then the environment (`DATABASE_URL`
//! and the libpq variables), then command-line flags, each overriding the one
//! before; the result is one validated [`Config`].
//!
//! Start at [`Config::resolve`]: it takes the flags ([`Overrides`]), an
//! environment lookup function and the working directory, finds and reads the
//! file ([`FileConfig`], unknown keys rejected with their line), and settles
//! every setting. Connection settings are [`strata::ConnectOptions`], settled
//! by [`strata::ConnectOptions::resolve`] with the one precedence every strata
//! program uses (`--database-url`, `DATABASE_URL`, the file's `database_url`,
//! the `PG*` variables; README, "Connection settings"); they print masked.
//! Nothing here connects to anything. The version table's location is a
//! [`VersionTable`] of `runner::version_table`, which imports nothing from
//! here (no import cycle).

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use strata::connect::{ConnectOptions, Origin};

use crate::error::{ConfigError, Error};
use crate::runner::version_table::{VersionTable, DEFAULT_VERSION_TABLE};

/// The name of the configuration file.
pub const CONFIG_FILE: &str = "schema-diff.toml";

/// The contents of `schema-diff.toml`. Paths are relative to the file's
/// directory.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// The migrations directory (default `migrations`).
    pub migrations: Option<String>,
    /// The command that prints the models as schema JSON: a string run with
    /// `sh -c`, or an argument list run directly; run in the file's directory.
    pub models: Option<CommandSpec>,
    /// The schemas (namespaces) to manage (default: every schema that is not
    /// PostgreSQL's own).
    pub schemas: Option<Vec<String>>,
    /// Tables left out of introspection and diffs: `name`, `schema.name`,
    /// with `*` as a wildcard.
    pub ignore_tables: Option<Vec<String>>,
    /// The version table's name (default `strata_migrations`).
    pub version_table: Option<String>,
    /// The version table's schema (default `public`).
    pub version_schema: Option<String>,
    /// A database URL (prefer `DATABASE_URL`: a file is no place for a
    /// password).
    pub database_url: Option<String>,
    /// A server where throwaway databases may be created (autogenerate's
    /// replay, normalization of the models); default: the database's server,
    /// or a throwaway cluster when no database is configured.
    pub scratch_url: Option<String>,
    /// The databases `schema-diff fleet` works on (`[fleet]`).
    pub fleet: Option<FleetFile>,
}

/// The `[fleet]` table: the databases one migration history is applied to.
/// A target is a `postgres://` URL, a libpq `key=value` string, or a bare
/// database name on the configured database's server.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FleetFile {
    /// The targets, listed.
    pub targets: Option<Vec<String>>,
    /// A file with one target per line (`#` comments and blank lines
    /// ignored), relative to the configuration file.
    pub targets_file: Option<String>,
    /// A query whose first column lists the targets, run against
    /// `directory_url` (default: the configured database); a bare name it
    /// returns is a database on the directory's server.
    pub targets_query: Option<String>,
    /// The directory database `targets_query` runs against.
    pub directory_url: Option<String>,
    /// How many targets are worked on at once (default 4).
    pub jobs: Option<usize>,
}

/// A command given in the configuration.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum CommandSpec {
    /// Run with `sh -c`.
    Shell(String),
    /// Program and arguments.
    Argv(Vec<String>),
}

impl fmt::Display for CommandSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommandSpec::Shell(s) => f.write_str(s),
            CommandSpec::Argv(v) => f.write_str(&v.join(" ")),
        }
    }
}

impl FileConfig {
    /// Parses the file's text; errors name the file, line and key.
    pub fn parse(path: &Path, text: &str) -> Result<FileConfig, Error> {
        // A UTF-8 byte-order mark (some editors write one) is not TOML.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let message = e.message().to_string();
            let path = path.to_path_buf();
            let key = message
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split_once('`'))
                .map(|(k, _)| k.to_string());
            let e = match (key, line) {
                (Some(key), Some(line)) => ConfigError::UnknownKey {
                    path,
                    line,
                    key,
                    message,
                },
                (_, line) => ConfigError::BadValue {
                    path,
                    line,
                    message,
                },
            };
            Error::from(e)
        })
    }
}

/// Settings given by the caller that override the file and the environment
/// (the command line fills them from its flags).
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// The configuration file (default: the first `schema-diff.toml` in the
    /// directory or its parents).
    pub config: Option<PathBuf>,
    /// The database URL (over `DATABASE_URL` and the file's).
    pub database_url: Option<String>,
    /// The server for scratch databases.
    pub scratch_url: Option<String>,
    /// The migrations directory (relative to the working directory).
    pub migrations: Option<PathBuf>,
    /// The models command (run with `sh -c` in the working directory).
    pub models: Option<String>,
    /// The schemas to manage (replaces the file's list when not empty).
    pub schemas: Vec<String>,
    /// More tables to leave out (added to the file's list).
    pub ignore_tables: Vec<String>,
    /// The version table's name.
    pub version_table: Option<String>,
    /// The version table's schema.
    pub version_schema: Option<String>,
    /// Use no cache: neither read nor write [`crate::cache`].
    pub no_cache: bool,
    /// Fleet targets given by the caller (they replace the file's sources
    /// when any is given).
    pub fleet: FleetOverrides,
}

/// Fleet settings given by the caller; any target source given replaces all
/// of the file's (`targets`, `targets_file`, `targets_query`).
#[derive(Clone, Debug, Default)]
pub struct FleetOverrides {
    /// Targets, listed.
    pub targets: Vec<String>,
    /// A file with one target per line (relative to the working directory).
    pub targets_file: Option<PathBuf>,
    /// A query listing the targets.
    pub targets_query: Option<String>,
    /// The directory database the query runs against.
    pub directory_url: Option<String>,
    /// How many targets at once.
    pub jobs: Option<usize>,
}

/// The settled fleet settings: where the targets come from. Reading the
/// file and running the query happen when a fleet command runs
/// (`Project::fleet_targets`), not here: nothing here connects.
#[derive(Clone, Debug, Default)]
pub struct FleetConfig {
    /// Targets listed, with where each was given (for errors).
    pub targets: Vec<(String, String)>,
    /// A file with one target per line.
    pub targets_file: Option<PathBuf>,
    /// A query listing the targets.
    pub targets_query: Option<String>,
    /// Where the query runs (default: the configured database).
    pub directory: Option<ConnectOptions>,
    /// How many targets at once (at least 1).
    pub jobs: usize,
}

/// The number of targets a fleet command works on at once by default.
pub const DEFAULT_FLEET_JOBS: usize = 4;

/// Where the database settings came from (the error module's
/// [`DatabaseOrigin`], named here for the configuration).
pub use crate::error::DatabaseOrigin;

/// A configured database.
#[derive(Clone, Debug)]
pub struct Database {
    /// The settings.
    pub conn: ConnectOptions,
    /// Where they came from.
    pub origin: DatabaseOrigin,
}

/// A pattern of `ignore_tables`: `name` (any managed schema) or
/// `schema.name`; `*` matches any run of characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TablePattern {
    /// The schema part, when given.
    pub schema: Option<String>,
    /// The table part.
    pub table: String,
}

impl TablePattern {
    /// Parses `name` or `schema.name`.
    pub fn parse(text: &str) -> Result<TablePattern, Error> {
        let t = text.trim();
        if t.is_empty() {
            return Err(ConfigError::EmptyTablePattern.into());
        }
        Ok(match t.split_once('.') {
            Some((s, n)) if !s.is_empty() && !n.is_empty() => TablePattern {
                schema: Some(s.to_string()),
                table: n.to_string(),
            },
            Some(_) => {
                return Err(ConfigError::BadTablePattern {
                    pattern: t.to_string(),
                }
                .into())
            }
            None => TablePattern {
                schema: None,
                table: t.to_string(),
            },
        })
    }

    /// True when the pattern covers `schema.table`.
    pub fn matches(&self, schema: &str, table: &str) -> bool {
        let schema_ok = match self.schema.as_deref() {
            Some(s) => glob(s, schema),
            None => true,
        };
        schema_ok && glob(&self.table, table)
    }
}

/// `*` wildcard matching.
fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && p[pi] != '*' && p[pi] == t[ti] {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// The models command with the directory it runs in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelsCommand {
    /// The command.
    pub command: CommandSpec,
    /// Its working directory.
    pub dir: PathBuf,
}

/// Every setting, settled.
#[derive(Clone, Debug)]
pub struct Config {
    /// The configuration file that was read, if any.
    pub file: Option<PathBuf>,
    /// The migrations directory.
    pub migrations_dir: PathBuf,
    /// The models command, if configured.
    pub models: Option<ModelsCommand>,
    /// The schemas to manage; empty: every schema that is not PostgreSQL's
    /// own (`pg_*`, `information_schema`).
    pub schemas: Vec<String>,
    /// Tables to leave out.
    pub ignore_tables: Vec<TablePattern>,
    /// The version table.
    pub version_table: VersionTable,
    /// The database; `None` when nothing at all is configured (the project
    /// then starts a throwaway server).
    pub database: Option<Database>,
    /// The server for throwaway databases, when configured apart from the
    /// database.
    pub scratch: Option<ConnectOptions>,
    /// The cache directory ([`crate::cache::default_dir`]); `None`: no
    /// cache.
    pub cache_dir: Option<PathBuf>,
    /// The fleet's targets (`[fleet]`, `schema-diff fleet`).
    pub fleet: FleetConfig,
}

impl Config {
    /// Settles the configuration: the file (`flags.config`, else the first
    /// `schema-diff.toml` in `cwd` or its parents), then the environment, then
    /// the flags.
    pub fn resolve(
        flags: &Overrides,
        env: &dyn Fn(&str) -> Option<String>,
        cwd: &Path,
    ) -> Result<Config, Error> {
        let file_path = match &flags.config {
            Some(p) => {
                let p = cwd.join(p);
                if !p.is_file() {
                    return Err(ConfigError::MissingFile { path: p }.into());
                }
                Some(p)
            }
            None => cwd
                .ancestors()
                .map(|d| d.join(CONFIG_FILE))
                .find(|p| p.is_file()),
        };
        let file = match &file_path {
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|e| ConfigError::Read {
                    path: p.clone(),
                    source: e,
                })?;
                FileConfig::parse(p, &text)?
            }
            None => FileConfig::default(),
        };
        let root = file_path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_else(|| cwd.to_path_buf());
        let in_file = |what: &str| -> String {
            match &file_path {
                Some(p) => format!("{what} in {}", p.display()),
                None => what.to_string(),
            }
        };

        let migrations_dir = match (&flags.migrations, &file.migrations) {
            (Some(d), _) => cwd.join(d),
            (None, Some(d)) => root.join(d),
            (None, None) => root.join("migrations"),
        };
        let models = match (&flags.models, &file.models) {
            (Some(cmd), _) => Some(ModelsCommand {
                command: CommandSpec::Shell(cmd.clone()),
                dir: cwd.to_path_buf(),
            }),
            (None, Some(cmd)) => {
                let empty = match cmd {
                    CommandSpec::Shell(s) => s.trim().is_empty(),
                    CommandSpec::Argv(v) => v.is_empty(),
                };
                if empty {
                    return Err(ConfigError::EmptyModels {
                        file: file_path.clone(),
                    }
                    .into());
                }
                Some(ModelsCommand {
                    command: cmd.clone(),
                    dir: root.clone(),
                })
            }
            (None, None) => None,
        };
        // Nothing configured: every schema that is not PostgreSQL's own
        // (the empty list).
        let schemas = if !flags.schemas.is_empty() {
            flags.schemas.clone()
        } else {
            file.schemas.clone().unwrap_or_default()
        };
        let explicit_empty =
            flags.schemas.is_empty() && file.schemas.as_ref().is_some_and(|s| s.is_empty());
        if explicit_empty || schemas.iter().any(|s| s.is_empty()) {
            return Err(ConfigError::NoSchemas {
                file: file_path.clone(),
            }
            .into());
        }
        let mut ignore_tables = Vec::new();
        for p in file
            .ignore_tables
            .iter()
            .flatten()
            .chain(flags.ignore_tables.iter())
        {
            ignore_tables.push(TablePattern::parse(p)?);
        }
        let version_table = VersionTable {
            schema: flags
                .version_schema
                .clone()
                .or(file.version_schema.clone())
                .unwrap_or_else(|| "public".into()),
            name: flags
                .version_table
                .clone()
                .or(file.version_table.clone())
                .unwrap_or_else(|| DEFAULT_VERSION_TABLE.into()),
        };
        if version_table.name.is_empty() || version_table.schema.is_empty() {
            return Err(ConfigError::EmptyVersionTable {
                file: file_path.clone(),
            }
            .into());
        }

        let nonempty = |k: &str| env(k).filter(|v| !v.trim().is_empty());
        let database = ConnectOptions::resolve(
            flags.database_url.as_deref(),
            file.database_url.as_deref(),
            env,
        )
        .map_err(|source| ConfigError::Connection { source })?
        .map(|(conn, origin)| Database {
            conn: tool_defaults(&conn),
            origin: match origin {
                Origin::Given => DatabaseOrigin::Override,
                Origin::DatabaseUrl => DatabaseOrigin::DatabaseUrl,
                Origin::File => DatabaseOrigin::File,
                _ => DatabaseOrigin::PgVariables,
            },
        });
        let scratch_setting = |setting: String, text: &str| {
            ConnectOptions::parse(text)
                .map(|c| tool_defaults(&c))
                .map_err(|source| {
                    Error::from(ConfigError::InSetting {
                        setting,
                        source: Box::new(ConfigError::Connection { source }),
                    })
                })
        };
        let scratch = match (
            &flags.scratch_url,
            nonempty("SCHEMA_DIFF_SCRATCH_URL"),
            &file.scratch_url,
        ) {
            (Some(u), _, _) => Some(scratch_setting("the scratch URL".into(), u)?),
            (None, Some(u), _) => Some(scratch_setting("SCHEMA_DIFF_SCRATCH_URL".into(), &u)?),
            (None, None, Some(u)) => Some(scratch_setting(in_file("scratch_url"), u)?),
            _ => None,
        };
        let fleet = resolve_fleet(&flags.fleet, file.fleet.as_ref(), cwd, &root, &in_file)?;
        Ok(Config {
            fleet,
            file: file_path,
            migrations_dir,
            models,
            schemas,
            ignore_tables,
            version_table,
            database,
            scratch,
            cache_dir: if flags.no_cache {
                None
            } else {
                crate::cache::default_dir(env)
            },
        })
    }

    /// The passwords of every configured connection, for [`mask_secrets`].
    pub fn secrets(&self) -> Vec<String> {
        let mut out = Vec::new();
        let conns = self
            .database
            .iter()
            .map(|d| &d.conn)
            .chain(&self.scratch)
            .chain(&self.fleet.directory);
        for (text, _) in &self.fleet.targets {
            if let Ok(c) = ConnectOptions::parse(text) {
                out.extend(
                    c.password()
                        .map(|p| String::from_utf8_lossy(p).into_owned()),
                );
            }
        }
        for c in conns {
            out.extend(
                c.password()
                    .map(|p| String::from_utf8_lossy(p).into_owned()),
            );
        }
        out.retain(|p| !p.is_empty());
        out
    }

    /// True when `schema.table` is ignored (or is the version table).
    pub fn is_ignored(&self, schema: &str, table: &str) -> bool {
        (schema == self.version_table.schema && table == self.version_table.name)
            || self.ignore_tables.iter().any(|p| p.matches(schema, table))
    }
}

/// Settles the fleet settings: the caller's target sources replace the
/// file's when any is given; `jobs` must be at least 1.
fn resolve_fleet(
    flags: &FleetOverrides,
    file: Option<&FleetFile>,
    cwd: &Path,
    root: &Path,
    in_file: &dyn Fn(&str) -> String,
) -> Result<FleetConfig, Error> {
    let empty = FleetFile::default();
    let file = file.unwrap_or(&empty);
    let given =
        !flags.targets.is_empty() || flags.targets_file.is_some() || flags.targets_query.is_some();
    let (targets, targets_file, targets_query) = if given {
        (
            flags
                .targets
                .iter()
                .map(|t| (t.clone(), "--target".to_string()))
                .collect(),
            flags.targets_file.as_ref().map(|p| cwd.join(p)),
            flags.targets_query.clone(),
        )
    } else {
        (
            file.targets
                .iter()
                .flatten()
                .map(|t| (t.clone(), in_file("[fleet] targets")))
                .collect(),
            file.targets_file.as_ref().map(|p| root.join(p)),
            file.targets_query.clone(),
        )
    };
    let directory = match (&flags.directory_url, &file.directory_url) {
        (Some(u), _) => Some(("--directory-url".to_string(), u)),
        (None, Some(u)) => Some((in_file("[fleet] directory_url"), u)),
        _ => None,
    }
    .map(|(setting, text)| {
        ConnectOptions::parse(text)
            .map(|c| tool_defaults(&c))
            .map_err(|source| {
                Error::from(ConfigError::InSetting {
                    setting,
                    source: Box::new(ConfigError::Connection { source }),
                })
            })
    })
    .transpose()?;
    let jobs = flags.jobs.or(file.jobs).unwrap_or(DEFAULT_FLEET_JOBS);
    if jobs == 0 {
        return Err(ConfigError::BadJobs {
            setting: if flags.jobs.is_some() {
                "--jobs".to_string()
            } else {
                in_file("[fleet] jobs")
            },
        }
        .into());
    }
    Ok(FleetConfig {
        targets,
        targets_file,
        targets_query,
        directory,
        jobs,
    })
}

/// Replaces every occurrence of each secret (and of its percent-encoded form)
/// by `***`: the last guard before a line is printed. Connection settings
/// mask their password on the parsed field (`ConnectOptions`' `Display`),
/// so this text search is a second guard, and only for passwords of at
/// least 4 characters: a one-letter password would otherwise turn every
/// such letter of every message into `***`.
pub fn mask_secrets(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_string();
    for s in secrets {
        if s.chars().count() < 4 {
            continue;
        }
        out = out.replace(s.as_str(), "***");
        let enc = strata::connect::percent_encode(s.as_bytes());
        if enc != *s {
            out = out.replace(&enc, "***");
        }
    }
    out
}

/// What schema-diff's connections default to when the settings leave it
/// out: `application_name = schema-diff` and a 10 s `connect_timeout`.
pub fn tool_defaults(conn: &ConnectOptions) -> ConnectOptions {
    conn.with_defaults("schema-diff", std::time::Duration::from_secs(10))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    fn tmpdir(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("schema-diff-config-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn secrets_are_masked_plain_and_percent_encoded() {
        assert_eq!(
            mask_secrets("a s%40cret b s@cret", &["s@cret".into()]),
            "a *** b ***"
        );
        // A very short password does not mask every letter of a message.
        assert_eq!(
            mask_secrets("applied a table", &["a".into()]),
            "applied a table"
        );
    }

    #[test]
    fn several_hosts_each_with_its_port() {
        // The libpq variables: one port per host, or one for all.
        let dir = tmpdir("multihost");
        for (port, want) in [("5432,5433", vec![5432, 5433]), ("6000", vec![6000, 6000])] {
            let c = Config::resolve(
                &Overrides::default(),
                &env_of(&[("PGHOST", "h1,h2"), ("PGPORT", port), ("PGUSER", "u")]),
                &dir,
            )
            .unwrap();
            let url = c.database.unwrap().conn.to_url();
            let parsed: tokio_postgres::Config = url.parse().unwrap();
            assert_eq!(parsed.get_hosts().len(), 2, "{url}");
            assert_eq!(parsed.get_ports(), &want[..], "{url}");
        }
        let e = Config::resolve(
            &Overrides::default(),
            &env_of(&[("PGHOST", "h1"), ("PGPORT", "1,2")]),
            &dir,
        )
        .unwrap_err();
        assert!(
            matches!(&e, Error::Config(ConfigError::Connection { source }) if source.kind() == strata::ErrorKind::Config),
            "{e:?}"
        );
        assert!(
            e.to_string()
                .contains("2 ports for 1 host(s) (from the PG* variables)"),
            "{e}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn layering() {
        let dir = tmpdir("layering");
        std::fs::write(
            dir.join(CONFIG_FILE),
            "migrations = \"db/migrations\"\nmodels = [\"echo\", \"{}\"]\nschemas = [\"app\"]\nignore_tables = [\"legacy_*\", \"app.audit\"]\nversion_table = \"versions\"\ndatabase_url = \"postgres://fileuser:filepw@filehost/filedb\"\n",
        )
        .unwrap();
        let sub = dir.join("src");
        std::fs::create_dir_all(&sub).unwrap();
        // File only, found from a subdirectory; PG* override single fields.
        let c = Config::resolve(
            &Overrides::default(),
            &env_of(&[("PGDATABASE", "envdb")]),
            &sub,
        )
        .unwrap();
        assert_eq!(c.migrations_dir, dir.join("db/migrations"));
        assert_eq!(c.schemas, vec!["app"]);
        assert_eq!(c.version_table.name, "versions");
        let d = c.database.clone().unwrap();
        assert_eq!(d.origin, DatabaseOrigin::File);
        assert_eq!(
            d.conn.to_string(),
            "postgres://fileuser:***@filehost:5432/envdb"
        );
        assert!(c.is_ignored("app", "legacy_jobs"));
        assert!(c.is_ignored("app", "audit"));
        assert!(!c.is_ignored("other", "audit"));
        assert!(c.is_ignored("public", "versions"));
        assert_eq!(c.models.as_ref().unwrap().dir, dir);
        assert_eq!(c.secrets(), vec!["filepw".to_string()]);
        // DATABASE_URL replaces the file's URL; PG* only fill what it leaves out.
        let c = Config::resolve(
            &Overrides::default(),
            &env_of(&[
                ("DATABASE_URL", "postgres://u@envhost/envurl"),
                ("PGDATABASE", "x"),
                ("PGPASSWORD", "pw"),
            ]),
            &sub,
        )
        .unwrap();
        let d = c.database.unwrap();
        assert_eq!(d.origin, DatabaseOrigin::DatabaseUrl);
        assert_eq!(d.conn.config().get_dbname(), Some("envurl"));
        assert_eq!(d.conn.password(), Some(&b"pw"[..]));
        // Flags win.
        let flags = Overrides {
            database_url: Some("postgres://flag@flaghost:5433/flagdb".into()),
            migrations: Some("m2".into()),
            schemas: vec!["s1".into(), "s2".into()],
            version_table: Some("vt".into()),
            version_schema: Some("meta".into()),
            ..Overrides::default()
        };
        let c = Config::resolve(
            &flags,
            &env_of(&[("DATABASE_URL", "postgres://u@h/x")]),
            &sub,
        )
        .unwrap();
        assert_eq!(
            c.database.unwrap().conn.to_string(),
            "postgres://flag@flaghost:5433/flagdb"
        );
        assert_eq!(c.migrations_dir, sub.join("m2"));
        assert_eq!(c.schemas, vec!["s1", "s2"]);
        assert_eq!(
            c.version_table,
            VersionTable {
                schema: "meta".into(),
                name: "vt".into()
            }
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn nothing_configured_means_no_database() {
        let dir = tmpdir("empty");
        let c = Config::resolve(&Overrides::default(), &env_of(&[]), &dir).unwrap();
        assert!(c.database.is_none());
        // Set but empty is a missing secret, not "nothing configured".
        let e = Config::resolve(
            &Overrides::default(),
            &env_of(&[("DATABASE_URL", " ")]),
            &dir,
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("DATABASE_URL is set but empty"),
            "{e}"
        );
        assert_eq!(c.migrations_dir, dir.join("migrations"));
        assert_eq!(c.version_table, VersionTable::default());
        let c =
            Config::resolve(&Overrides::default(), &env_of(&[("PGPORT", "5433")]), &dir).unwrap();
        let d = c.database.unwrap();
        assert_eq!(d.origin, DatabaseOrigin::PgVariables);
        assert_eq!(d.conn.to_string(), "postgres://localhost:5433");
        let e =
            Config::resolve(&Overrides::default(), &env_of(&[("PGPORT", "x")]), &dir).unwrap_err();
        assert!(
            matches!(&e, Error::Config(ConfigError::Connection { source }) if source.kind() == strata::ErrorKind::Config),
            "{e:?}"
        );
        assert!(
            e.to_string().contains("PGPORT") && e.to_string().contains("invalid port"),
            "{e}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn file_errors_name_the_line() {
        let e = FileConfig::parse(
            Path::new("x/schema-diff.toml"),
            "schemas = [\"a\"]\nmigration = \"m\"\n",
        )
        .unwrap_err();
        assert!(
            matches!(
                &e,
                Error::Config(ConfigError::UnknownKey { path, line: 2, key, .. })
                    if path == Path::new("x/schema-diff.toml") && key == "migration"
            ),
            "{e:?}"
        );
        assert!(e.to_string().starts_with("x/schema-diff.toml:2:"), "{e}");
        let e = FileConfig::parse(Path::new("f.toml"), "schemas = \"public\"\n").unwrap_err();
        assert!(
            matches!(
                &e,
                Error::Config(ConfigError::BadValue { path, line: Some(1), .. })
                    if path == Path::new("f.toml")
            ),
            "{e:?}"
        );
        assert!(e.to_string().starts_with("f.toml:1:"), "{e}");
    }

    #[test]
    fn globs() {
        assert!(glob("legacy_*", "legacy_x"));
        assert!(glob("*", ""));
        assert!(glob("a*b*c", "aXXbYc"));
        assert!(!glob("a*b", "ab_"));
        assert!(!glob("jobs", "jobs2"));
    }
}
