//! The commands on the revision graph and the database's version table:
//! writing revisions ([`Project::revision`], [`Project::merge`]), running
//! them ([`Project::upgrade`], [`Project::downgrade`], [`Project::stamp`]),
//! reading the state ([`Project::current`], [`Project::history`],
//! [`Project::heads`], [`Project::branches`], [`Project::show`]), the
//! offline scripts, and [`Project::init`]. Start at [`Project::upgrade`].

use std::path::{Path, PathBuf};

use super::report::{
    AppliedStep, BranchPoint, CurrentHead, CurrentReport, InitReport, RevisionInfo, RevisionReport,
    RunReport, ShownRevision, StampReport, WrittenRevision,
};
use super::Project;
use crate::config::CONFIG_FILE;
use crate::error::{Direction, Error, HistoryError, ProjectError};
use crate::migrations::{
    is_valid_revision_id, new_revision_id, now_rfc3339, Anchor, History, Migration, NewMigration,
    State, Target, TransactionMode,
};
use crate::runner::{
    downgrade_script, refuse_drops, stamp_script, upgrade_script, Outcome, RunOptions, Runner,
};

/// A revision to write.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewRevision {
    /// The one-line message.
    pub message: String,
    /// Its parent: one revision or `head` (default: the single head; with
    /// several heads, naming one starts a branch).
    pub parent: Option<Target>,
    /// Its id (default: 12 random hex digits).
    pub rev_id: Option<String>,
}

impl NewRevision {
    /// A revision with this message, on the single head, with a generated
    /// id.
    pub fn new(message: impl Into<String>) -> NewRevision {
        NewRevision {
            message: message.into(),
            ..NewRevision::default()
        }
    }
}

fn io(action: &'static str, path: &Path, source: std::io::Error) -> Error {
    ProjectError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
    .into()
}

impl Project {
    fn history_now(&self) -> Result<History, Error> {
        History::load(&self.config.migrations_dir)
    }

    pub(super) fn runner<'h>(
        &self,
        history: &'h History,
        conn: strata::ConnectOptions,
        options: RunOptions,
    ) -> Runner<'h> {
        Runner::new(history, conn, self.config.version_table.clone(), options)
    }

    /// The parents of a new revision: the one `new.parent` names, else the
    /// single head (none for the first revision).
    pub(super) fn parents_of(
        &self,
        history: &History,
        new: &NewRevision,
    ) -> Result<Vec<String>, Error> {
        match &new.parent {
            Some(t) => {
                match t.anchor {
                    Anchor::Revision(_) | Anchor::Head if t.delta == 0 => {}
                    _ => {
                        return Err(HistoryError::NotOneParent {
                            target: t.to_string(),
                        }
                        .into())
                    }
                }
                let state = history.resolve(t, None)?;
                Ok(history.state_heads(&state))
            }
            None => Ok(history
                .single_head()?
                .map(|m| vec![m.revision.clone()])
                .unwrap_or_default()),
        }
    }

    fn pick_rev_id(history: &History, given: Option<&String>, salt: &str) -> Result<String, Error> {
        match given {
            Some(id) => {
                if !is_valid_revision_id(id) {
                    return Err(HistoryError::InvalidRevisionId { id: id.clone() }.into());
                }
                if let Some(m) = history.get(id) {
                    return Err(HistoryError::RevisionIdTaken {
                        id: id.clone(),
                        path: m.path.clone(),
                    }
                    .into());
                }
                Ok(id.clone())
            }
            None => loop {
                let id = new_revision_id(salt);
                if history.get(&id).is_none() && history.find(&id).is_err() {
                    break Ok(id);
                }
            },
        }
    }

    /// Writes a new revision file (never over an existing one).
    pub(super) fn write_revision(
        &self,
        history: &History,
        new: &NewRevision,
        parents: Vec<String>,
        transaction: TransactionMode,
        up: String,
        down: String,
    ) -> Result<WrittenRevision, Error> {
        let revision = Project::pick_rev_id(history, new.rev_id.as_ref(), &new.message)?;
        let file = NewMigration {
            revision: revision.clone(),
            parents: parents.clone(),
            message: new.message.clone(),
            created: now_rfc3339(),
            transaction,
            up,
            down,
        };
        let path = history.dir().join(file.file_name());
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| io("create", &path, e))?;
        use std::io::Write as _;
        f.write_all(file.render().as_bytes())
            .map_err(|e| io("write", &path, e))?;
        Ok(WrittenRevision {
            path,
            revision,
            parents,
            transaction: transaction.as_str().to_string(),
        })
    }

    /// `revision`: an empty revision for hand-written SQL.
    pub fn revision(&self, new: &NewRevision) -> Result<RevisionReport, Error> {
        let history = self.history_now()?;
        let parents = self.parents_of(&history, new)?;
        let written = self.write_revision(
            &history,
            new,
            parents,
            TransactionMode::PerMigration,
            String::new(),
            String::new(),
        )?;
        Ok(RevisionReport {
            also_written: Default::default(),
            written: Some(written),
            changes: Vec::new(),
            withheld: Vec::new(),
            notes: Vec::new(),
        })
    }

    /// `merge`: a revision joining the heads the targets stand for
    /// (`heads` for all); revisions that are ancestors of another one named
    /// are left out.
    pub fn merge(&self, new: &NewRevision, revisions: &[Target]) -> Result<RevisionReport, Error> {
        let history = self.history_now()?;
        let mut parents: Vec<String> = Vec::new();
        for t in revisions {
            let state = history.resolve(t, None)?;
            for h in history.state_heads(&state) {
                if !parents.contains(&h) {
                    parents.push(h);
                }
            }
        }
        let mut kept = Vec::new();
        for p in &parents {
            let covered = parents
                .iter()
                .filter(|q| *q != p)
                .any(|q| history.ancestors(q).is_ok_and(|a| a.contains(p)));
            if !covered {
                kept.push(p.clone());
            }
        }
        if kept.len() < 2 {
            return Err(HistoryError::NothingToMerge {
                named: revisions.iter().map(Target::to_string).collect(),
                resolved: kept,
            }
            .into());
        }
        let written = self.write_revision(
            &history,
            new,
            kept,
            TransactionMode::PerMigration,
            String::new(),
            String::new(),
        )?;
        Ok(RevisionReport {
            also_written: Default::default(),
            written: Some(written),
            changes: Vec::new(),
            withheld: Vec::new(),
            notes: Vec::new(),
        })
    }

    /// The report of a finished run: what ran and the state reached.
    async fn run_report(
        &self,
        history: &History,
        runner: &Runner<'_>,
        outcome: Outcome,
        direction: Direction,
    ) -> Result<RunReport, Error> {
        let status = runner.status().await?;
        Ok(RunReport {
            direction,
            steps: outcome
                .ran
                .iter()
                .map(|(r, d)| AppliedStep {
                    revision: r.clone(),
                    message: history
                        .get(r)
                        .map(|m| m.message.clone())
                        .unwrap_or_default(),
                    ms: u64::try_from(d.as_millis()).unwrap_or(u64::MAX),
                })
                .collect(),
            overridden: outcome.overridden,
            current: status.heads,
        })
    }

    /// `upgrade`: applies what `target` needs (`head`, `heads`, a revision,
    /// `+N`, ...), one migration per transaction under the advisory lock,
    /// reporting each to the observer.
    pub async fn upgrade(&self, target: &Target, options: RunOptions) -> Result<RunReport, Error> {
        let history = self.history_now()?;
        let conn = self.write_database("upgrade").await?;
        let runner = self.runner(&history, conn, options);
        let outcome = runner.upgrade(target, &mut self.events()).await?;
        self.run_report(&history, &runner, outcome, Direction::Up)
            .await
    }

    /// `downgrade`: reverts what `target` leaves out (`-1`, `base`, a
    /// revision, ...). Refused, naming every statement, when a down section
    /// would delete data and `options.allow_drops` is not set.
    pub async fn downgrade(
        &self,
        target: &Target,
        options: RunOptions,
    ) -> Result<RunReport, Error> {
        let history = self.history_now()?;
        let conn = self.write_database("downgrade").await?;
        let runner = self.runner(&history, conn, options);
        let outcome = runner.downgrade(target, &mut self.events()).await?;
        self.run_report(&history, &runner, outcome, Direction::Down)
            .await
    }

    /// `stamp`: records `target` as applied without running anything (with
    /// `purge`, also removes rows of revisions no file has); sets the
    /// checksums of kept rows to the files'.
    pub async fn stamp(&self, target: &Target, purge: bool) -> Result<StampReport, Error> {
        let history = self.history_now()?;
        let conn = self.write_database("stamp").await?;
        let runner = self.runner(&history, conn, RunOptions::default());
        let r = runner.stamp(target, purge).await?;
        let status = runner.status().await?;
        Ok(StampReport {
            inserted: r.inserted,
            deleted: r.deleted,
            updated: r.updated,
            current: status.heads,
        })
    }

    /// `current`: the database's applied revisions, what is pending, and
    /// applied files that changed.
    pub async fn current(&self) -> Result<CurrentReport, Error> {
        let history = self.history_now()?;
        let conn = self.database().await?;
        let runner = self.runner(&history, conn, RunOptions::default());
        let status = runner.status().await?;
        let heads: Vec<String> = history.heads().iter().map(|m| m.revision.clone()).collect();
        Ok(CurrentReport {
            current: status
                .heads
                .iter()
                .map(|h| CurrentHead {
                    revision: h.clone(),
                    head: heads.contains(h),
                    message: history.get(h).map(|m| m.message.clone()),
                })
                .collect(),
            applied: status.rows,
            pending: status.pending,
            problems: status.problems,
        })
    }

    /// The database's applied state (for targets relative to it).
    async fn applied_state(&self, history: &History) -> Result<State, Error> {
        let conn = self.database().await?;
        let runner = self.runner(history, conn, RunOptions::default());
        Ok(runner.status().await?.state())
    }

    /// `history`: revisions newest first, those in `from:to` when given
    /// (either side may be open); with `with_applied`, each marked applied
    /// or not (the database is read, as it is for targets relative to it).
    pub async fn history(
        &self,
        from: Option<&Target>,
        to: Option<&Target>,
        with_applied: bool,
    ) -> Result<Vec<RevisionInfo>, Error> {
        let history = self.history_now()?;
        let (shown, current) = self.in_range(&history, from, to, with_applied).await?;
        Ok(shown
            .into_iter()
            .rev()
            .map(|m| {
                let mut info = RevisionInfo::of(&history, m);
                info.applied = current.as_ref().map(|c| c.contains(&m.revision));
                info
            })
            .collect())
    }

    /// The revisions in `from:to` (either side may be open; both ends
    /// included), parents first, and the database's applied
    /// state when it was read (`with_applied`, or a target relative to it).
    pub(super) async fn in_range<'h>(
        &self,
        history: &'h History,
        from: Option<&Target>,
        to: Option<&Target>,
        with_applied: bool,
    ) -> Result<(Vec<&'h Migration>, Option<State>), Error> {
        let needs_db = with_applied
            || from.is_some_and(Target::needs_current)
            || to.is_some_and(Target::needs_current);
        let current = if needs_db {
            Some(self.applied_state(history).await?)
        } else {
            None
        };
        let upper: State = match to {
            Some(t) => history.resolve(t, current.as_ref())?,
            None => history
                .migrations()
                .iter()
                .map(|m| m.revision.clone())
                .collect(),
        };
        let lower: Option<State> = match from {
            Some(t) => {
                let s = history.resolve(t, current.as_ref())?;
                let mut from = State::new();
                for h in history.state_heads(&s) {
                    from.extend(history.descendants(&h)?);
                }
                if history.state_heads(&s).is_empty() {
                    None
                } else {
                    Some(from)
                }
            }
            None => None,
        };
        let shown = history
            .migrations()
            .iter()
            .filter(|m| upper.contains(&m.revision))
            .filter(|m| lower.as_ref().is_none_or(|l| l.contains(&m.revision)))
            .collect();
        Ok((shown, current))
    }

    /// `heads`: the revisions without children.
    pub fn heads(&self) -> Result<Vec<RevisionInfo>, Error> {
        let history = self.history_now()?;
        Ok(history
            .heads()
            .iter()
            .map(|m| RevisionInfo::of(&history, m))
            .collect())
    }

    /// `branches`: the revisions with several children, and the children.
    pub fn branches(&self) -> Result<Vec<BranchPoint>, Error> {
        let history = self.history_now()?;
        Ok(history
            .branch_points()
            .iter()
            .map(|m| BranchPoint {
                revision: RevisionInfo::of(&history, m),
                children: history
                    .children(&m.revision)
                    .iter()
                    .map(|c| RevisionInfo::of(&history, c))
                    .collect(),
            })
            .collect())
    }

    /// `show`: the one revision `target` stands for, with its SQL.
    pub fn show(&self, target: &Target) -> Result<ShownRevision, Error> {
        let history = self.history_now()?;
        let state = history.resolve(target, None)?;
        let heads = history.state_heads(&state);
        let m = match heads.as_slice() {
            [one] => history
                .get(one)
                .ok_or_else(|| HistoryError::UnknownRevision {
                    revision: one.clone(),
                    dir: history.dir().to_path_buf(),
                })?,
            [] => {
                return Err(HistoryError::NoRevision {
                    target: target.to_string(),
                }
                .into())
            }
            many => {
                return Err(HistoryError::SeveralRevisions {
                    target: target.to_string(),
                    revisions: many.to_vec(),
                }
                .into())
            }
        };
        Ok(ShownRevision {
            info: RevisionInfo::of(&history, m),
            up: m.up.clone(),
            down: m.down.clone(),
        })
    }

    /// The offline upgrade script from `from` (default: base) to `to`:
    /// the version table's creation, then per migration its statements and
    /// its version row.
    pub fn upgrade_script(&self, from: Option<&Target>, to: &Target) -> Result<String, Error> {
        let history = self.history_now()?;
        let from = match from {
            Some(t) => history.resolve(t, None)?,
            None => State::new(),
        };
        let to = history.resolve(to, None)?;
        Ok(upgrade_script(
            &history,
            &self.config.version_table,
            &from,
            &to,
        ))
    }

    /// The offline downgrade script from `from` back to `to`; refused like
    /// [`Project::downgrade`] when it would delete data and `allow_drops` is
    /// not set.
    pub fn downgrade_script(
        &self,
        from: &Target,
        to: &Target,
        allow_drops: bool,
    ) -> Result<String, Error> {
        let history = self.history_now()?;
        let from = history.resolve(from, None)?;
        let to = history.resolve(to, None)?;
        if !allow_drops {
            refuse_drops(&history.downgrade_path(&from, &to))?;
        }
        downgrade_script(&history, &self.config.version_table, &from, &to)
    }

    /// The offline stamp script: after it the version table holds the
    /// revisions of `to` (rows of revisions no file has: removed with
    /// `purge`, else the script stops, as the online `stamp` does).
    pub fn stamp_script(&self, to: &Target, purge: bool) -> Result<String, Error> {
        let history = self.history_now()?;
        let to = history.resolve(to, None)?;
        Ok(stamp_script(
            &history,
            &self.config.version_table,
            &to,
            purge,
        ))
    }

    /// `init`: creates the migrations directory (refused when it holds
    /// files) and, when the configuration came from no file, a
    /// `schema-diff.toml` in `config_dir`.
    pub fn init(&self, config_dir: &Path) -> Result<InitReport, Error> {
        let dir = self.config.migrations_dir.clone();
        if dir.exists() {
            let non_empty = std::fs::read_dir(&dir)
                .map_err(|e| io("read", &dir, e))?
                .next()
                .is_some();
            if non_empty {
                return Err(ProjectError::NotEmpty { dir }.into());
            }
        }
        std::fs::create_dir_all(&dir).map_err(|e| io("create", &dir, e))?;
        let mut config_written: Option<PathBuf> = None;
        if self.config.file.is_none() {
            let path = config_dir.join(CONFIG_FILE);
            let rel = dir
                .strip_prefix(config_dir)
                .unwrap_or(&dir)
                .display()
                .to_string();
            let text = format!(
                "# schema-diff configuration (see README.md, \"Migrations with schema-diff\").\n\
                 # The database comes from DATABASE_URL / PG* variables / the command line.\n\
                 migrations = {rel:?}\n\
                 # The command that prints the models as schema JSON, run in this directory:\n\
                 # models = \"cargo run -q -p my-models --bin export-models\"\n\
                 schemas = [\"public\"]\n\
                 # ignore_tables = [\"spatial_ref_sys\", \"audit.*\"]\n\
                 # version_table = \"strata_migrations\"\n\
                 # version_schema = \"public\"\n"
            );
            std::fs::write(&path, text).map_err(|e| io("write", &path, e))?;
            config_written = Some(path);
        }
        Ok(InitReport {
            migrations: dir,
            config_written,
        })
    }
}
