//! `lint`: which migration files to lint (the pending ones, all, or a
//! range), the context ([`crate::lint::Context`]: the models, the
//! database's volatile functions), and the findings. Start at
//! [`Project::lint`].

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::Project;
use crate::error::Error;
use crate::lint::{lint_migration, Context, Finding};
use crate::migrations::{History, Migration, Target};
use crate::runner::RunOptions;

/// Which migration files `lint` reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum LintSelection {
    /// Those not applied to the configured database yet; every file when
    /// no database is configured or it cannot be read (the report says
    /// why).
    #[default]
    Pending,
    /// Every file.
    All,
    /// The revisions in `FROM:TO`, as `history -r` takes them (either side
    /// may be open).
    Range(Option<Target>, Option<Target>),
}

/// What `lint` is asked to do.
#[derive(Clone, Debug, Default)]
pub struct LintOptions {
    /// The files.
    pub selection: LintSelection,
    /// Lint the down sections too.
    pub down: bool,
}

/// One linted file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LintedFile {
    /// Its revision.
    pub revision: String,
    /// The file.
    pub path: PathBuf,
}

/// What `lint` found.
#[derive(Clone, Debug, serde::Serialize)]
pub struct LintReport {
    /// The files read, parents first.
    pub files: Vec<LintedFile>,
    /// The findings, file by file, in line order.
    pub findings: Vec<Finding>,
    /// Why every file was read although the pending ones were asked for
    /// (no database configured, or it could not be read).
    pub fell_back: Option<String>,
}

impl LintReport {
    /// No finding that is not allowed.
    pub fn is_ok(&self) -> bool {
        self.findings.iter().all(Finding::is_allowed)
    }
}

/// The names of the functions every overload of which is volatile
/// (`pg_proc.provolatile = 'v'`), user functions included.
const VOLATILE_SQL: &str = "SELECT proname::text FROM pg_catalog.pg_proc GROUP BY proname \
                            HAVING bool_and(provolatile = 'v')";

impl Project {
    /// `lint`: reads the selected migration files (their SQL unchecked, so
    /// transaction control and `CONCURRENTLY` in a file that runs in one
    /// transaction are findings, not load errors) and lints each with the
    /// models (when configured) and, when the database is configured and
    /// reachable, its volatile functions. A file PostgreSQL's parser
    /// rejects is an error naming the file, line and column.
    pub async fn lint(&self, options: &LintOptions) -> Result<LintReport, Error> {
        let history = History::load_unchecked(&self.config.migrations_dir)?;
        let mut fell_back = None;
        let mut volatile = BTreeSet::new();
        let selected: Vec<&Migration> = match &options.selection {
            LintSelection::All => history.migrations().iter().collect(),
            LintSelection::Range(from, to) => {
                self.in_range(&history, from.as_ref(), to.as_ref(), false)
                    .await?
                    .0
            }
            LintSelection::Pending => match &self.config.database {
                None => {
                    fell_back = Some("no database is configured".to_string());
                    history.migrations().iter().collect()
                }
                Some(db) => {
                    let runner = self.runner(&history, db.conn.clone(), RunOptions::default());
                    match runner.status().await {
                        Ok(status) => {
                            volatile = volatile_functions(&db.conn).await;
                            history
                                .migrations()
                                .iter()
                                .filter(|m| status.pending.contains(&m.revision))
                                .collect()
                        }
                        Err(e) => {
                            fell_back = Some(format!("the database cannot be read ({e})"));
                            history.migrations().iter().collect()
                        }
                    }
                }
            },
        };
        if options.selection != LintSelection::Pending {
            if let Some(db) = &self.config.database {
                volatile = volatile_functions(&db.conn).await;
            }
        }
        let models = if self.models.is_some() || self.config.models.is_some() {
            Some(self.models().await?)
        } else {
            None
        };
        let cx = Context {
            existing_tables: None,
            models,
            volatile_functions: volatile,
            down: options.down,
        };
        let mut findings = Vec::new();
        for m in &selected {
            findings.extend(lint_migration(m, &cx)?);
        }
        Ok(LintReport {
            files: selected
                .iter()
                .map(|m| LintedFile {
                    revision: m.revision.clone(),
                    path: m.path.clone(),
                })
                .collect(),
            findings,
            fell_back,
        })
    }
}

/// The database's volatile functions; none when it cannot be read (the
/// built-in list still applies).
async fn volatile_functions(conn: &strata::ConnectOptions) -> BTreeSet<String> {
    let Ok(client) = crate::runner::connect(conn).await else {
        return BTreeSet::new();
    };
    client
        .query(VOLATILE_SQL, &[])
        .await
        .map(|rows| rows.iter().filter_map(|r| r.try_get(0).ok()).collect())
        .unwrap_or_default()
}
