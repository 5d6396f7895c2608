//! The project: one configuration, loaded once, and the commands of
//! schema-diff as methods that return data ([`report`]). This is the library
//! API; the command line is a thin layer on it, and so can any program be
//! (the DGS example's main job runs `upgrade` and `check` through it, with
//! its models linked in).
//!
//! Build a [`Project`] from a [`Config`] ([`Project::new`]) or by finding
//! `schema-diff.toml` from a directory ([`Project::discover`]); give it the
//! models directly ([`Project::with_models`], no models command needed) and
//! an observer for progress ([`Project::with_observer`]: the lock wait, each
//! migration as it starts and ends, the throwaway server); then call one
//! method per command. Nothing here prints. When no database is configured,
//! the project starts a throwaway PostgreSQL on first need and stops it when
//! it is dropped (or, off the async threads, on [`Project::close`]).
//!
//! Files: this one (the project, its database and scratch server, the
//! observer), `fleet.rs` (one command on many databases: `fleet_targets`,
//! `fleet`), `lint.rs` (`lint`: the files to lint and their context),
//! `report.rs` (what the methods return), `schemas.rs` (`check`,
//! `autogenerate`, `compare`), `sources.rs` (loading one side of a
//! comparison: database, models, migrations, files), `migrate.rs` (the
//! revision graph and the runner: `revision`, `merge`, `upgrade`,
//! `downgrade`, `stamp`, `current`, `history`, `heads`, `branches`, `show`,
//! the offline scripts, `init`). Start at [`Project`].

mod fleet;
mod lint;
mod migrate;
pub mod report;
mod schemas;
mod sources;

pub use fleet::{FleetCommand, FleetOutcome, FleetReport, FleetTarget, TargetReport, TargetResult};
pub use lint::{LintOptions, LintReport, LintSelection, LintedFile};
pub use migrate::NewRevision;
pub use report::{
    AppliedStep, BranchPoint, Change, CheckReport, Comparison, CurrentHead, CurrentReport,
    InitReport, RevisionInfo, RevisionRef, RevisionReport, RiskReport, RunReport, ShownRevision,
    StampReport, WithheldChange, WrittenRevision,
};
pub use schemas::AutogenerateOptions;
pub use sources::Source;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use strata::schema::Schema;
use strata_testing::cluster::Cluster;
use tokio::sync::OnceCell;

use crate::cache::Cache;
use crate::config::{Config, Overrides};
use crate::error::{Direction, Error, ProjectError};
use crate::migrations::Migration;
use crate::normalize::NormalizeStats;
use crate::runner::Event;
use strata::ConnectOptions;

/// Progress reported while the project works; the caller decides whether
/// and how to show it.
#[derive(Debug)]
#[non_exhaustive]
pub enum Progress<'a> {
    /// No database is configured: a throwaway PostgreSQL server was started
    /// on `127.0.0.1:port` (stopped when the project is dropped).
    ThrowawayServer {
        /// Its port.
        port: u16,
    },
    /// Another migrator holds the lock; waiting for it (reported once per
    /// wait).
    Waiting,
    /// A migration starts.
    Start {
        /// The migration.
        migration: &'a Migration,
        /// Up or down.
        direction: Direction,
    },
    /// A migration finished.
    Done {
        /// The migration.
        migration: &'a Migration,
        /// Up or down.
        direction: Direction,
        /// How long its statements took.
        elapsed: Duration,
    },
    /// A migration did not get a lock within `lock_timeout`: rolled back,
    /// it runs again after `wait`.
    Retry {
        /// The migration.
        migration: &'a Migration,
        /// This retry's number (1-based).
        attempt: u32,
        /// How many retries are allowed.
        of: u32,
        /// The pause before it.
        wait: Duration,
    },
    /// The models were normalized: how many distinct parts the server had
    /// to print, how many came from the cache.
    Normalized {
        /// The counts.
        stats: NormalizeStats,
    },
    /// Where `autogenerate` took the state the migration history produces.
    HistoryState {
        /// The source.
        source: HistorySource,
    },
    /// Progress of one target of a fleet command.
    OnTarget {
        /// The target's name (`host:port/dbname`).
        target: &'a str,
        /// What happened there.
        progress: &'a Progress<'a>,
    },
    /// A fleet command finished on one target.
    TargetFinished {
        /// The target's name.
        target: &'a str,
        /// It succeeded.
        ok: bool,
        /// How long it took.
        elapsed: Duration,
    },
}

/// Where `autogenerate` took the state the migration history produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "from")]
#[non_exhaustive]
pub enum HistorySource {
    /// The history is empty: nothing.
    Empty,
    /// The configured database, which is exactly at that state with every
    /// applied file unchanged (as Alembic does).
    Database,
    /// The cache of replayed histories.
    Cache,
    /// Replayed into a scratch database: `cached` revisions restored from
    /// the cache's state of an ancestor, `replayed` run.
    Replayed {
        /// Revisions restored from a cached ancestor state.
        cached: usize,
        /// Revisions run.
        replayed: usize,
    },
}

impl std::fmt::Display for HistorySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HistorySource::Empty => f.write_str("empty (no revision yet)"),
            HistorySource::Database => {
                f.write_str("read from the database (at that revision, every applied file unchanged)")
            }
            HistorySource::Cache => f.write_str("taken from the cache of replayed histories"),
            HistorySource::Replayed { cached: 0, replayed } => {
                write!(f, "replayed into a scratch database ({replayed} revision(s))")
            }
            HistorySource::Replayed { cached, replayed } => write!(
                f,
                "replayed into a scratch database ({replayed} revision(s) on top of {cached} restored from the cache)"
            ),
        }
    }
}

/// What receives [`Progress`].
pub type Observer = Arc<dyn Fn(&Progress<'_>) + Send + Sync>;

/// A schema-diff project: the configuration, the models (from the configured
/// command, or given), and the throwaway server when one is needed.
pub struct Project {
    config: Config,
    models: Option<Schema>,
    observer: Option<Observer>,
    throwaway: OnceCell<Cluster>,
    allow_throwaway_writes: bool,
    cache: tokio::sync::Mutex<Cache>,
}

impl std::fmt::Debug for Project {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Project")
            .field("config", &self.config)
            .field("models_given", &self.models.is_some())
            .field("throwaway", &self.throwaway.get().map(Cluster::port))
            .finish()
    }
}

impl Project {
    /// A project with a settled configuration.
    pub fn new(config: Config) -> Project {
        let cache = tokio::sync::Mutex::new(Cache::open(config.cache_dir.clone()));
        Project {
            config,
            models: None,
            observer: None,
            throwaway: OnceCell::new(),
            allow_throwaway_writes: false,
            cache,
        }
    }

    /// The project whose `schema-diff.toml` is the first in `dir` or its
    /// parents (none: the defaults), with the environment's database
    /// settings (`DATABASE_URL`, the PG* variables,
    /// `SCHEMA_DIFF_SCRATCH_URL`).
    pub fn discover(dir: &Path) -> Result<Project, Error> {
        Project::discover_with(dir, &Overrides::default())
    }

    /// [`Project::discover`], with `overrides` on top (a database URL, a
    /// migrations directory, another configuration file, ...).
    pub fn discover_with(dir: &Path, overrides: &Overrides) -> Result<Project, Error> {
        let env = |k: &str| std::env::var(k).ok();
        Ok(Project::new(Config::resolve(overrides, &env, dir)?))
    }

    /// Uses `models` as the desired schema instead of running the configured
    /// models command (a program that links its models, e.g.
    /// `registry().schema()`).
    pub fn with_models(mut self, models: Schema) -> Project {
        self.models = Some(models);
        self
    }

    /// Lets `upgrade`, `downgrade` and `stamp` write to the throwaway server
    /// when no database is configured (refused by default:
    /// [`ProjectError::ThrowawayWrite`]).
    pub fn allow_throwaway_writes(mut self, allow: bool) -> Project {
        self.allow_throwaway_writes = allow;
        self
    }

    /// The database `command` writes to: the configured one; the throwaway
    /// server only when [`Project::allow_throwaway_writes`] said so.
    pub(crate) async fn write_database(
        &self,
        command: &'static str,
    ) -> Result<ConnectOptions, Error> {
        if self.config.database.is_none() && !self.allow_throwaway_writes {
            return Err(ProjectError::ThrowawayWrite { command }.into());
        }
        self.database().await
    }

    /// Reports progress to `observer`.
    pub fn with_observer(
        mut self,
        observer: impl Fn(&Progress<'_>) + Send + Sync + 'static,
    ) -> Project {
        self.observer = Some(Arc::new(observer));
        self
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    fn report(&self, p: &Progress<'_>) {
        if let Some(o) = &self.observer {
            o(p);
        }
    }

    /// A runner observer that forwards to the project's.
    fn events(&self) -> impl FnMut(&Event<'_>) + Send + '_ {
        move |e| match e {
            Event::Waiting => self.report(&Progress::Waiting),
            Event::Start(m, d) => self.report(&Progress::Start {
                migration: m,
                direction: *d,
            }),
            Event::Done(m, d, elapsed) => self.report(&Progress::Done {
                migration: m,
                direction: *d,
                elapsed: *elapsed,
            }),
            Event::Retry {
                migration,
                attempt,
                of,
                wait,
            } => self.report(&Progress::Retry {
                migration,
                attempt: *attempt,
                of: *of,
                wait: *wait,
            }),
        }
    }

    /// The configured database, or the throwaway server's `postgres`
    /// database when nothing is configured (started now if needed).
    pub async fn database(&self) -> Result<ConnectOptions, Error> {
        if let Some(d) = &self.config.database {
            return Ok(d.conn.clone());
        }
        let cluster = self
            .throwaway
            .get_or_try_init(|| async {
                let cluster = tokio::task::spawn_blocking(Cluster::start)
                    .await
                    .map_err(|e| ProjectError::Throwaway {
                        reason: e.to_string(),
                    })?
                    .map_err(|e| ProjectError::Throwaway {
                        reason: e.to_string(),
                    })?;
                self.report(&Progress::ThrowawayServer {
                    port: cluster.port(),
                });
                Ok::<Cluster, Error>(cluster)
            })
            .await?;
        Ok(cluster.options("postgres"))
    }

    /// The server throwaway databases are created on: `scratch_url`, else
    /// the database's server (the throwaway one when nothing is
    /// configured).
    pub async fn scratch_server(&self) -> Result<ConnectOptions, Error> {
        if let Some(s) = &self.config.scratch {
            return Ok(s.clone());
        }
        self.database().await
    }

    /// Stops the throwaway server, if one was started, off the async
    /// threads (dropping the project stops it too, on the current thread).
    pub async fn close(mut self) {
        if let Some(cluster) = self.throwaway.take() {
            let _ = tokio::task::spawn_blocking(move || drop(cluster)).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrations::Target;
    use crate::runner::RunOptions;

    fn send<T: Send>(_: &T) {}

    /// A project can move to another task, and so can its commands.
    #[test]
    fn a_project_and_its_futures_are_send() {
        fn sync<T: Send + Sync>() {}
        sync::<Project>();
        let p = Project::new(Config {
            file: None,
            migrations_dir: "migrations".into(),
            models: None,
            schemas: vec!["public".into()],
            ignore_tables: Vec::new(),
            ignore_kinds: Vec::new(),
            version_table: Default::default(),
            database: None,
            scratch: None,
            cache_dir: None,
            fleet: Default::default(),
            online: false,
        });
        let t = Target {
            anchor: crate::migrations::Anchor::Head,
            delta: 0,
        };
        send(&p.check());
        send(&p.upgrade(&t, RunOptions::default()));
        send(&p.compare(&Source::Models, &Source::Empty, &Default::default()));
        send(&p.autogenerate(&NewRevision::new("x"), AutogenerateOptions::default()));
    }
}
