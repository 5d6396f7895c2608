//! The commands that compare schemas: [`Project::check`] (the models
//! against the database, and the migrations against the version table),
//! [`Project::compare`] (any two sources) and the generation step of
//! [`Project::autogenerate`] (the history replayed into a scratch database
//! against the models: autogenerate never reads the configured database).
//! Start at [`Project::check`].

use strata::schema::Schema;
use strata_model::ddl::create::{schema_ddl, to_script, DdlOptions};

use super::migrate::NewRevision;
use super::report::{CheckReport, Comparison, RevisionRef};
use super::sources::{target_of, Scratch, Source};
use super::Project;
use crate::error::{Error, HistoryError};
use crate::migrations::{History, State, TransactionMode};
use crate::plan::{plan, Plan, PlanOptions};
use crate::render::{render_down, render_up};
use crate::runner::{connect, RunOptions, Runner};

/// How `autogenerate` writes its revision.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AutogenerateOptions {
    /// Include changes that destroy data (drops, narrowing types); without
    /// it they are withheld and listed.
    pub allow_drops: bool,
    /// Write the file even when there is no change.
    pub empty: bool,
    /// Write a baseline: conditional creation of the whole schema (`IF NOT
    /// EXISTS`), safe on a fresh database and on one that already holds
    /// it; only as the first revision. Its down section drops nothing.
    pub idempotent: bool,
}

/// What `autogenerate` writes.
pub(super) struct Generated {
    /// The up SQL.
    pub up: String,
    /// The down SQL.
    pub down: String,
    /// The file runs outside a transaction.
    pub transaction: TransactionMode,
    /// The plan, for the report.
    pub comparison: Comparison,
}

impl Project {
    /// `check`: the models (normalized in a scratch database) against the
    /// database's catalog, and the migrations against the version table.
    /// [`CheckReport::is_ok`] when nothing differs, nothing is pending and
    /// no applied file changed.
    pub async fn check(&self) -> Result<CheckReport, Error> {
        // The database first: an unreachable one is the clearest error.
        let conn = self.database().await?;
        drop(connect(&conn).await?);
        let desired = self.models().await?;
        let mut scratch = Scratch::default();
        let compared = async {
            let desired = self.normalized(&mut scratch, desired).await?;
            let schemas = self.schemas_for(Some(&desired));
            let current = self.read_database(&conn, &schemas).await?;
            Ok::<Plan, Error>(plan(
                &current,
                &desired,
                &PlanOptions {
                    allow_drops: true,
                    concurrently: false,
                },
            ))
        }
        .await;
        scratch.drop_all().await;
        let p = compared?;
        let mut pending = Vec::new();
        let mut problems = Vec::new();
        if self.config.migrations_dir.is_dir() {
            let history = History::load(&self.config.migrations_dir)?;
            let runner = Runner::new(
                &history,
                conn,
                self.config.version_table.clone(),
                RunOptions::default(),
            );
            let status = runner.status().await?;
            pending = status
                .pending
                .iter()
                .map(|r| match history.get(r) {
                    Some(m) => RevisionRef::of(m),
                    None => RevisionRef {
                        revision: r.clone(),
                        message: String::new(),
                    },
                })
                .collect();
            problems = status.problems;
        }
        Ok(CheckReport {
            differences: p.summary(),
            comparison: Comparison::of(&p),
            pending,
            problems,
        })
    }

    /// `diff`: the migration that turns `from` into `to`.
    pub async fn compare(
        &self,
        from: &Source,
        to: &Source,
        options: &PlanOptions,
    ) -> Result<Comparison, Error> {
        let mut scratch = Scratch::default();
        let result = async {
            // Desired-style sources first, so database sides read their
            // schemas too.
            let (a, b) = if from.is_database() && !to.is_database() {
                let b = self.load(&mut scratch, to, None).await?;
                let a = self.load(&mut scratch, from, Some(&b)).await?;
                (a, b)
            } else {
                let a = self.load(&mut scratch, from, None).await?;
                let b = self.load(&mut scratch, to, Some(&a)).await?;
                (a, b)
            };
            Ok::<Plan, Error>(plan(&a, &b, options))
        }
        .await;
        scratch.drop_all().await;
        Ok(Comparison::of(&result?))
    }

    /// The generation step of `autogenerate`: what the history up to
    /// `base` produces, against the models.
    pub(super) async fn generate(
        &self,
        history: &History,
        base: &State,
        options: AutogenerateOptions,
    ) -> Result<Generated, Error> {
        if options.idempotent && !base.is_empty() {
            return Err(HistoryError::BaselineNotFirst {
                dir: history.dir().to_path_buf(),
            }
            .into());
        }
        let desired = self.models().await?;
        let mut scratch = Scratch::default();
        let result = async {
            let desired = self.normalized(&mut scratch, desired).await?;
            let schemas = self.schemas_for(Some(&desired));
            let goal = target_of(history, base)?;
            let current = self
                .replayed(&mut scratch, history, &goal, &schemas)
                .await?;
            let p = plan(
                &current,
                &desired,
                &PlanOptions {
                    allow_drops: options.allow_drops,
                    concurrently: false,
                },
            );
            Ok::<(Plan, Schema), Error>((p, desired))
        }
        .await;
        scratch.drop_all().await;
        let (p, desired) = result?;
        let up = if options.idempotent {
            // A baseline: every object created only where it is missing, so
            // the same file runs on a fresh database and on one that already
            // holds the schema (whose objects are left as they are).
            format!(
                "-- baseline: creates what is missing (IF NOT EXISTS), leaves existing objects alone\n{}",
                to_script(&schema_ddl(&desired, &DdlOptions::idempotent()))
            )
        } else {
            render_up(&p)
        };
        let down = if options.idempotent {
            // A baseline adopts objects that may have existed (with their
            // rows) before this history began: undoing it must not drop them.
            "-- baseline: downgrading past this revision leaves every object in place;
         -- the tables may hold data that existed before this history began.
         -- Drop them by hand if that is really what you want.
"
            .to_string()
        } else {
            render_down(&p)
        };
        // One mode per file: outside a transaction when either section needs it.
        let transaction = if p.needs_no_transaction() || p.down_needs_no_transaction() {
            TransactionMode::None
        } else {
            TransactionMode::PerMigration
        };
        Ok(Generated {
            up,
            down,
            transaction,
            comparison: Comparison::of(&p),
        })
    }

    /// `autogenerate`: a new revision whose up and down SQL turn
    /// the state the history produces (replayed into a scratch database)
    /// into the models. Writes nothing when there is no change, unless
    /// `options.empty`; destructive changes are withheld unless
    /// `options.allow_drops` (the report lists them).
    pub async fn autogenerate(
        &self,
        new: &NewRevision,
        options: AutogenerateOptions,
    ) -> Result<super::RevisionReport, Error> {
        let history = History::load(&self.config.migrations_dir)?;
        let parents = self.parents_of(&history, new)?;
        let base: State = history.closure(&parents)?;
        let generated = self.generate(&history, &base, options).await?;
        let c = generated.comparison;
        if c.changes.is_empty() && !options.empty {
            return Ok(super::RevisionReport {
                written: None,
                changes: c.changes,
                withheld: c.withheld,
                notes: c.notes,
            });
        }
        let written = self.write_revision(
            &history,
            new,
            parents,
            generated.transaction,
            generated.up,
            generated.down,
        )?;
        Ok(super::RevisionReport {
            written: Some(written),
            changes: c.changes,
            withheld: c.withheld,
            notes: c.notes,
        })
    }
}
