//! A fleet: one migration history applied to many databases (one per
//! tenant, or shards). [`Project::fleet_targets`] settles the targets from
//! the configuration (`[fleet]`: a list, a file, a query against a directory
//! database); [`Project::fleet`] runs one command ([`FleetCommand`]) on each,
//! `jobs` at a time, and returns one [`TargetReport`] per target: its result
//! or its error, the state it reached, how long it took.
//!
//! Each target is its own project (the same configuration with the target as
//! its database): its own connection, its own migration lock (the runner's
//! advisory lock is per database), its own transactions. A failing target
//! never stops the others unless `fail_fast` is asked for (then the targets
//! not yet started are skipped; the running ones finish). Nothing is
//! recorded outside the targets: each target's version table is its state,
//! so running the command again continues where each target stopped. The
//! models (`check`) are loaded once and given to every target. Start at
//! [`Project::fleet`].

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::stream::{self, StreamExt};
use strata::ConnectOptions;
use tokio_postgres::config::Host;
use tokio_postgres::SimpleQueryMessage;

use super::report::{CheckReport, CurrentReport, RunReport, StampReport};
use super::{Progress, Project};
use crate::config::{tool_defaults, Config, Database, DatabaseOrigin, FleetConfig};
use crate::error::{ConfigError, Error};
use crate::migrations::Target;
use crate::runner::{connect, RunOptions};

/// One database of the fleet.
#[derive(Clone, Debug)]
pub struct FleetTarget {
    /// `host:port/dbname`: how reports name it (no user, no password).
    pub name: String,
    /// Its connection settings.
    pub conn: ConnectOptions,
}

/// The command a fleet runs on every target.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum FleetCommand {
    /// `upgrade` to a target revision.
    Upgrade {
        /// The revision to reach.
        target: Target,
        /// The runner's options.
        options: RunOptions,
    },
    /// `downgrade` to a target revision.
    Downgrade {
        /// The revision to reach.
        target: Target,
        /// The runner's options.
        options: RunOptions,
    },
    /// `stamp` a revision.
    Stamp {
        /// The revision to record.
        target: Target,
        /// Remove rows of revisions not in the directory.
        purge: bool,
    },
    /// `current`.
    Current,
    /// `check`.
    Check,
}

impl FleetCommand {
    /// Its name on the command line.
    pub fn name(&self) -> &'static str {
        match self {
            FleetCommand::Upgrade { .. } => "upgrade",
            FleetCommand::Downgrade { .. } => "downgrade",
            FleetCommand::Stamp { .. } => "stamp",
            FleetCommand::Current => "current",
            FleetCommand::Check => "check",
        }
    }
}

/// What a command did on one target.
#[derive(Debug)]
#[non_exhaustive]
pub enum FleetOutcome {
    /// `upgrade` or `downgrade`.
    Run(RunReport),
    /// `stamp`.
    Stamp(StampReport),
    /// `current`.
    Current(CurrentReport),
    /// `check`.
    Check(CheckReport),
}

/// How one target ended.
#[derive(Debug)]
#[non_exhaustive]
pub enum TargetResult {
    /// The command finished (for `check`: see whether it found
    /// differences).
    Done(Box<FleetOutcome>),
    /// The command failed on this target.
    Failed(Box<Error>),
    /// Not started: another target failed and `fail_fast` was asked for.
    Skipped,
}

/// One target's line of the summary.
#[derive(Debug)]
pub struct TargetReport {
    /// The target's name (`host:port/dbname`).
    pub target: String,
    /// How it ended.
    pub result: TargetResult,
    /// The heads of its applied state after the command (empty: base);
    /// `None` when it could not be read (the database is unreachable).
    pub current: Option<Vec<String>>,
    /// How long the command took on it.
    pub elapsed: Duration,
}

impl TargetReport {
    /// The command finished and (for `check`) found nothing to report.
    pub fn is_ok(&self) -> bool {
        match &self.result {
            TargetResult::Done(o) => match o.as_ref() {
                FleetOutcome::Check(c) => c.is_ok(),
                _ => true,
            },
            _ => false,
        }
    }
}

/// What a fleet command did: one report per target, in the targets' order.
#[derive(Debug)]
pub struct FleetReport {
    /// The command's name.
    pub command: &'static str,
    /// One per target.
    pub targets: Vec<TargetReport>,
}

impl FleetReport {
    /// Targets whose command failed.
    pub fn failed(&self) -> usize {
        self.targets
            .iter()
            .filter(|t| matches!(t.result, TargetResult::Failed(_)))
            .count()
    }

    /// Targets not started (`fail_fast`).
    pub fn skipped(&self) -> usize {
        self.targets
            .iter()
            .filter(|t| matches!(t.result, TargetResult::Skipped))
            .count()
    }

    /// Every target finished and (for `check`) matched.
    pub fn is_ok(&self) -> bool {
        self.targets.iter().all(TargetReport::is_ok)
    }
}

/// `host:port/dbname` of a connection's first host.
fn target_name(conn: &ConnectOptions) -> String {
    let c = conn.config();
    let host = match c.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        Some(Host::Unix(p)) => p.display().to_string(),
        None => "localhost".to_string(),
    };
    let port = c.get_ports().first().copied().unwrap_or(5432);
    let db = c.get_dbname().or(c.get_user()).unwrap_or("postgres");
    format!("{host}:{port}/{db}")
}

/// One target's text: a URL or `key=value` string, or a bare database name
/// on `server`. `origin` names where it was given (never its text: it may
/// hold a password).
fn parse_target(
    text: &str,
    origin: &str,
    server: Option<&ConnectOptions>,
) -> Result<FleetTarget, Error> {
    let t = text.trim();
    let bad = |reason: String| {
        Error::from(ConfigError::FleetTarget {
            origin: origin.to_string(),
            reason,
        })
    };
    let conn = if t.is_empty() {
        return Err(bad("an empty target".into()));
    } else if t.contains("://") || t.contains('=') {
        tool_defaults(&ConnectOptions::parse(t).map_err(|e| bad(e.to_string()))?)
    } else if t.chars().any(char::is_whitespace) {
        return Err(bad(
            "a target is a postgres:// URL, a key=value connection string or a database name"
                .into(),
        ));
    } else {
        match server {
            Some(s) => s.with_dbname(t),
            None => {
                return Err(bad(format!(
                    "`{t}` is a database name, but no server is configured to find it on (set DATABASE_URL or --database-url, or give a full URL)"
                )))
            }
        }
    };
    Ok(FleetTarget {
        name: target_name(&conn),
        conn,
    })
}

/// `targets_query` must be one `SELECT` (read with PostgreSQL's parser; a
/// syntax error names the line and column).
fn check_targets_query(query: &str) -> Result<(), Error> {
    let bad = |reason: String| {
        Error::from(ConfigError::FleetTarget {
            origin: "targets_query".into(),
            reason,
        })
    };
    let statements = crate::sql::parse_statements(query).map_err(|e| {
        bad(format!(
            "line {}, column {}: {}",
            e.line, e.column, e.message
        ))
    })?;
    match statements.as_slice() {
        [one]
            if one
                .tree()
                .get("node")
                .and_then(|n| n.get("SelectStmt"))
                .is_some() =>
        {
            Ok(())
        }
        [_] => Err(bad("must be a SELECT (it only lists targets)".into())),
        many => Err(bad(format!(
            "must be one SELECT, not {} statements",
            many.len()
        ))),
    }
}

impl Project {
    /// The fleet's targets, in order (listed ones, then the file's, then
    /// the query's), each once. A bare database name is on the configured
    /// database's server (the directory's, for the query's rows).
    pub async fn fleet_targets(&self) -> Result<Vec<FleetTarget>, Error> {
        let f: &FleetConfig = &self.config.fleet;
        let server = self.config.database.as_ref().map(|d| &d.conn);
        let mut out = Vec::new();
        for (text, origin) in &f.targets {
            out.push(parse_target(text, origin, server)?);
        }
        let mut found = String::new();
        if let Some(path) = &f.targets_file {
            let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Read {
                path: path.clone(),
                source: e,
            })?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let before = out.len();
            for (i, line) in text.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let origin = format!("{}:{}", path.display(), i + 1);
                out.push(parse_target(line, &origin, server)?);
            }
            if out.len() == before {
                found.push_str(&format!("; {} lists none", path.display()));
            }
        }
        if let Some(query) = &f.targets_query {
            let directory = f.directory.as_ref().or(server).ok_or_else(|| {
                Error::from(ConfigError::FleetTarget {
                    origin: "targets_query".into(),
                    reason: "no directory database to run it on: set [fleet] directory_url, --directory-url or DATABASE_URL".into(),
                })
            })?;
            check_targets_query(query)?;
            let client = connect(directory).await?;
            // The user's own query, checked above to be one SELECT, run in
            // a read-only transaction (the server refuses any write, a
            // function's included); its first column read as text whatever
            // its type.
            client.batch_execute("START TRANSACTION READ ONLY").await?;
            let messages = client.simple_query(query).await;
            let _ = client.batch_execute("ROLLBACK").await;
            let messages = messages?;
            let before = out.len();
            let rows = messages.iter().filter_map(|m| match m {
                SimpleQueryMessage::Row(r) => Some(r),
                _ => None,
            });
            for (i, row) in rows.enumerate() {
                let origin = format!("targets_query row {}", i + 1);
                let Some(value) = row.try_get(0).ok().flatten() else {
                    return Err(ConfigError::FleetTarget {
                        origin,
                        reason: "NULL (or no column): the first column must name a target".into(),
                    }
                    .into());
                };
                out.push(parse_target(value, &origin, Some(directory))?);
            }
            if out.len() == before {
                found.push_str("; targets_query returned no row");
            }
        }
        let mut seen = HashSet::new();
        out.retain(|t| seen.insert(t.name.clone()));
        if out.is_empty() {
            return Err(ConfigError::NoFleetTargets { found }.into());
        }
        Ok(out)
    }

    /// The project of one target: this configuration with the target as
    /// its database, progress forwarded with the target's name.
    fn for_target(&self, target: &FleetTarget) -> Project {
        let config = Config {
            database: Some(Database {
                conn: target.conn.clone(),
                origin: DatabaseOrigin::Override,
            }),
            fleet: FleetConfig::default(),
            ..self.config.clone()
        };
        let mut p = Project::new(config);
        if let Some(o) = self.observer.clone() {
            let name = target.name.clone();
            p = p.with_observer(move |progress| {
                o(&Progress::OnTarget {
                    target: &name,
                    progress,
                })
            });
        }
        p
    }

    /// Runs `command` on every target, `jobs` (the configuration's
    /// `[fleet] jobs`) at a time. A target's failure is its report's; only
    /// what concerns every target (the models of `check`) fails the whole.
    /// With `fail_fast`, targets not started when one fails are skipped.
    pub async fn fleet(
        &self,
        targets: &[FleetTarget],
        command: &FleetCommand,
        fail_fast: bool,
    ) -> Result<FleetReport, Error> {
        let models = match command {
            FleetCommand::Check => Some(self.models().await?),
            _ => None,
        };
        let stop = Arc::new(AtomicBool::new(false));
        let jobs = self.config.fleet.jobs.max(1);
        let runs = targets.iter().enumerate().map(|(i, t)| {
            let stop = stop.clone();
            let models = models.clone();
            async move {
                if stop.load(Ordering::SeqCst) {
                    let report = TargetReport {
                        target: t.name.clone(),
                        result: TargetResult::Skipped,
                        current: None,
                        elapsed: Duration::ZERO,
                    };
                    return (i, report);
                }
                let mut project = self.for_target(t);
                if let Some(m) = models {
                    project = project.with_models(m);
                }
                let started = Instant::now();
                let result = run_one(&project, command).await;
                let elapsed = started.elapsed();
                let (result, current) = match result {
                    Ok((outcome, current)) => {
                        (TargetResult::Done(Box::new(outcome)), Some(current))
                    }
                    Err(e) => {
                        if fail_fast {
                            stop.store(true, Ordering::SeqCst);
                        }
                        // Where it stopped, when the database can tell.
                        let current = project
                            .current()
                            .await
                            .ok()
                            .map(|c| c.current.into_iter().map(|h| h.revision).collect());
                        (TargetResult::Failed(Box::new(e)), current)
                    }
                };
                self.report(&Progress::TargetFinished {
                    target: &t.name,
                    ok: matches!(result, TargetResult::Done(_)),
                    elapsed,
                });
                project.close().await;
                let report = TargetReport {
                    target: t.name.clone(),
                    result,
                    current,
                    elapsed,
                };
                (i, report)
            }
        });
        let mut done: Vec<(usize, TargetReport)> =
            stream::iter(runs).buffer_unordered(jobs).collect().await;
        done.sort_by_key(|(i, _)| *i);
        Ok(FleetReport {
            command: command.name(),
            targets: done.into_iter().map(|(_, r)| r).collect(),
        })
    }
}

/// Runs the command on one target's project; returns what it did and the
/// heads of the state it left.
async fn run_one(
    project: &Project,
    command: &FleetCommand,
) -> Result<(FleetOutcome, Vec<String>), Error> {
    Ok(match command {
        FleetCommand::Upgrade { target, options } => {
            let r = project.upgrade(target, *options).await?;
            let current = r.current.clone();
            (FleetOutcome::Run(r), current)
        }
        FleetCommand::Downgrade { target, options } => {
            let r = project.downgrade(target, *options).await?;
            let current = r.current.clone();
            (FleetOutcome::Run(r), current)
        }
        FleetCommand::Stamp { target, purge } => {
            let r = project.stamp(target, *purge).await?;
            let current = r.current.clone();
            (FleetOutcome::Stamp(r), current)
        }
        FleetCommand::Current => {
            let r = project.current().await?;
            let current = r.current.iter().map(|h| h.revision.clone()).collect();
            (FleetOutcome::Current(r), current)
        }
        FleetCommand::Check => {
            let r = project.check().await?;
            let current = project
                .current()
                .await?
                .current
                .into_iter()
                .map(|h| h.revision)
                .collect();
            (FleetOutcome::Check(r), current)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server() -> ConnectOptions {
        ConnectOptions::parse("postgres://app:s3cret-pw@db.example:6432/directory").unwrap()
    }

    #[test]
    fn a_bare_name_is_a_database_on_the_server() {
        let t = parse_target("tenant_07", "x", Some(&server())).unwrap();
        assert_eq!(t.name, "db.example:6432/tenant_07");
        assert_eq!(t.conn.password(), Some(&b"s3cret-pw"[..]));
    }

    #[test]
    fn a_url_stands_alone_and_its_name_has_no_password() {
        let t = parse_target("postgres://u:pw1234@h2:5433/shard_1", "x", None).unwrap();
        assert_eq!(t.name, "h2:5433/shard_1");
        let t = parse_target("host=h3 dbname=s2 user=u", "x", None).unwrap();
        assert_eq!(t.name, "h3:5432/s2");
    }

    #[test]
    fn the_targets_query_is_one_select() {
        assert!(check_targets_query("SELECT datname FROM pg_database ORDER BY 1").is_ok());
        for (q, why) in [
            ("DELETE FROM tenants RETURNING dsn", "must be a SELECT"),
            ("SELECT 1; SELECT 2", "not 2 statements"),
            ("SELEC dsn FROM tenants", "line 1, column 1"),
        ] {
            let e = check_targets_query(q).unwrap_err().to_string();
            assert!(
                e.starts_with("targets_query: ") && e.contains(why),
                "{q}: {e}"
            );
        }
    }

    #[test]
    fn bad_targets_name_where_they_were_given_not_their_text() {
        let e = parse_target("tenant_07", "tenants.txt:3", None).unwrap_err();
        assert!(e.to_string().starts_with("tenants.txt:3: "), "{e}");
        let e = parse_target("postgres://u:pw1234@h:notaport/x", "tenants.txt:4", None)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("tenants.txt:4: "), "{e}");
        assert!(!e.contains("pw1234"), "{e}");
        let e = parse_target("two words", "--target", Some(&server())).unwrap_err();
        assert!(e.to_string().contains("database name"), "{e}");
        assert!(parse_target("  ", "--target", Some(&server())).is_err());
    }
}
