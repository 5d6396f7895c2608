//! What the project's commands return: plain data, `serde::Serialize`, no
//! text for people beyond the lines the library already writes (summaries,
//! notes, SQL). The command line formats them; so can any caller. Start at
//! [`CheckReport`] and [`RunReport`].

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::error::{Direction, Problem};
use crate::migrations::{History, Migration};
use crate::plan::Plan;
use crate::render::{render_down, render_up};
use crate::runner::AppliedRow;

/// A revision named in a report: its id and message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RevisionRef {
    /// The id.
    pub revision: String,
    /// Its message (empty when the file has none).
    pub message: String,
}

impl RevisionRef {
    pub(crate) fn of(m: &Migration) -> RevisionRef {
        RevisionRef {
            revision: m.revision.clone(),
            message: m.message.clone(),
        }
    }
}

/// `id (message)`, or `id` alone.
impl fmt::Display for RevisionRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            f.write_str(&self.revision)
        } else {
            write!(f, "{} ({})", self.revision, self.message)
        }
    }
}

/// One revision of the graph with its place in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RevisionInfo {
    /// The id.
    pub revision: String,
    /// Its parents (none for a base, several for a merge).
    pub parents: Vec<String>,
    /// Its children.
    pub children: Vec<String>,
    /// The message.
    pub message: String,
    /// When the file was written, if recorded.
    pub created: Option<String>,
    /// `per-migration` or `none`.
    pub transaction: String,
    /// The file.
    pub path: PathBuf,
    /// The file's checksum.
    pub checksum: String,
    /// Whether the database has it applied, when the database was read.
    pub applied: Option<bool>,
}

impl RevisionInfo {
    pub(crate) fn of(history: &History, m: &Migration) -> RevisionInfo {
        RevisionInfo {
            revision: m.revision.clone(),
            parents: m.parents.clone(),
            children: history
                .children(&m.revision)
                .iter()
                .map(|c| c.revision.clone())
                .collect(),
            message: m.message.clone(),
            created: m.created.clone(),
            transaction: m.transaction.as_str().to_string(),
            path: m.path.clone(),
            checksum: m.checksum.clone(),
            applied: None,
        }
    }

    /// No child: a head.
    pub fn is_head(&self) -> bool {
        self.children.is_empty()
    }

    /// More than one child.
    pub fn is_branch_point(&self) -> bool {
        self.children.len() > 1
    }

    /// More than one parent.
    pub fn is_merge_point(&self) -> bool {
        self.parents.len() > 1
    }
}

/// A branch point and its children.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BranchPoint {
    /// The revision with several children.
    pub revision: RevisionInfo,
    /// Its children.
    pub children: Vec<RevisionInfo>,
}

/// One revision with its SQL (`show`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ShownRevision {
    /// The revision.
    pub info: RevisionInfo,
    /// The up section.
    pub up: String,
    /// The down section; `None` when the file has none (it cannot be
    /// reverted).
    pub down: Option<String>,
}

/// One step of a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// One line for people (`~ column dgs_jobs.progress: real -> double
    /// precision`).
    pub summary: String,
    /// The risks of running it (`deletes data`, `rewrites the table`, ...).
    pub hazards: Vec<String>,
    /// The risks of running its inverse.
    pub down_hazards: Vec<String>,
    /// It cannot run inside a transaction.
    pub non_transactional: bool,
    /// What it does to existing tables: lock, scan, rewrite, data.
    pub risk: RiskReport,
    /// What its inverse does.
    pub down_risk: RiskReport,
}

/// A step's [`crate::plan::Risk`], as data for JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RiskReport {
    /// The strongest lock it takes on a table that exists before the
    /// migration (`ACCESS EXCLUSIVE`, `SHARE`, ...); `None`: none.
    pub lock: Option<String>,
    /// It reads every row of an existing table.
    pub scans: bool,
    /// It rewrites an existing table.
    pub rewrites: bool,
    /// The lock held while it scans or rewrites.
    pub scan_lock: Option<String>,
    /// Reads or writes of the table wait while it scans or rewrites.
    pub blocks_for_a_scan: bool,
    /// It deletes data.
    pub deletes_data: bool,
}

impl RiskReport {
    pub(crate) fn of(r: &crate::plan::Risk) -> RiskReport {
        RiskReport {
            lock: r.lock.map(|l| l.name().to_string()),
            scans: r.scans(),
            rewrites: r.rewrites,
            scan_lock: r.scan_lock.map(|l| l.name().to_string()),
            blocks_for_a_scan: r.blocks_for_a_scan(),
            deletes_data: r.deletes_data,
        }
    }
}

/// A change left out because it would destroy data (unless drops are
/// allowed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WithheldChange {
    /// One line for people.
    pub summary: String,
    /// Why it was left out.
    pub reason: String,
    /// The statements it would run.
    pub sql: Vec<String>,
}

/// `summary (reason)`.
impl fmt::Display for WithheldChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.summary, self.reason)
    }
}

/// The difference between two schemas, as a migration.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The steps, in the order they run.
    pub changes: Vec<Change>,
    /// What was left out because it would destroy data.
    pub withheld: Vec<WithheldChange>,
    /// Notes for people (rename suggestions, consequences of withheld
    /// drops).
    pub notes: Vec<String>,
    /// The SQL that turns the first schema into the second (empty when
    /// nothing differs).
    pub up: String,
    /// The SQL that undoes it.
    pub down: String,
    /// Some step of `up` cannot run inside a transaction.
    pub no_transaction: bool,
    /// Some step of `down` cannot run inside a transaction.
    pub down_no_transaction: bool,
}

impl Comparison {
    pub(crate) fn of(plan: &Plan) -> Comparison {
        let hazards = |h: &[crate::plan::Hazard]| h.iter().map(|h| h.to_string()).collect();
        Comparison {
            changes: plan
                .steps
                .iter()
                .map(|s| Change {
                    summary: s.summary.clone(),
                    hazards: hazards(&s.hazards),
                    down_hazards: hazards(&s.down_hazards),
                    non_transactional: s.non_transactional,
                    risk: RiskReport::of(&s.risk),
                    down_risk: RiskReport::of(&s.down_risk),
                })
                .collect(),
            withheld: plan
                .withheld
                .iter()
                .map(|w| WithheldChange {
                    summary: w.summary.clone(),
                    reason: w.reason.clone(),
                    sql: w.up.clone(),
                })
                .collect(),
            notes: plan.notes.clone(),
            up: render_up(plan),
            down: render_down(plan),
            no_transaction: plan.needs_no_transaction(),
            down_no_transaction: plan.down_needs_no_transaction(),
        }
    }

    /// Nothing differs and nothing was withheld.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.withheld.is_empty()
    }

    /// One line per change, then one per withheld change (`withheld: ...`).
    pub fn differences(&self) -> Vec<String> {
        let mut out: Vec<String> = self.changes.iter().map(|c| c.summary.clone()).collect();
        out.extend(self.withheld.iter().map(|w| format!("withheld: {w}")));
        out
    }
}

/// What `check` found: the models against the database, and the
/// migrations against the version table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// One line per difference between the database and the models.
    pub differences: Vec<String>,
    /// The migration that would make the database match the models.
    pub comparison: Comparison,
    /// Revisions not applied yet, in order.
    pub pending: Vec<RevisionRef>,
    /// Applied revisions whose file was edited or is missing.
    pub problems: Vec<Problem>,
    /// Objects in the database of a kind the models do not declare (views,
    /// functions, triggers, ...), one line each with kind and name: strata
    /// does not compare them, so they are not reported as matching.
    pub unmanaged: Vec<String>,
}

impl CheckReport {
    /// The database matches the models, nothing is pending, no applied file
    /// changed, and nothing in the database is unmanaged.
    pub fn is_ok(&self) -> bool {
        self.differences.is_empty()
            && self.pending.is_empty()
            && self.problems.is_empty()
            && self.unmanaged.is_empty()
    }
}

/// A revision file written by `revision`, `autogenerate` or `merge`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WrittenRevision {
    /// The file.
    pub path: PathBuf,
    /// Its id.
    pub revision: String,
    /// Its parents.
    pub parents: Vec<String>,
    /// `per-migration` or `none`.
    pub transaction: String,
}

/// What `revision`, `autogenerate` and `merge` did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RevisionReport {
    /// The file written; `None` when autogenerate found no change (and an
    /// empty file was not asked for).
    pub written: Option<WrittenRevision>,
    /// The further files of an online plan written in parts (each the
    /// child of the one before), in order.
    pub also_written: Vec<WrittenRevision>,
    /// The changes it holds (autogenerate).
    pub changes: Vec<Change>,
    /// Changes left out because they would destroy data.
    pub withheld: Vec<WithheldChange>,
    /// Notes for people.
    pub notes: Vec<String>,
}

/// One migration an upgrade applied or a downgrade reverted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AppliedStep {
    /// The revision.
    pub revision: String,
    /// Its message.
    pub message: String,
    /// How long its statements took, in milliseconds.
    pub ms: u64,
}

/// What `upgrade` or `downgrade` did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RunReport {
    /// Up or down.
    pub direction: Direction,
    /// The migrations run, in order.
    pub steps: Vec<AppliedStep>,
    /// Edited or missing applied files the options allowed.
    pub overridden: Vec<Problem>,
    /// The heads of the state reached (empty: base).
    pub current: Vec<String>,
}

/// What `stamp` did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StampReport {
    /// Revisions recorded.
    pub inserted: Vec<String>,
    /// Revisions removed from the version table.
    pub deleted: Vec<String>,
    /// Revisions whose checksum was set to the file's.
    pub updated: Vec<String>,
    /// The heads of the state reached (empty: base).
    pub current: Vec<String>,
}

/// A head of the database's state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CurrentHead {
    /// The revision.
    pub revision: String,
    /// It is also a head of the graph.
    pub head: bool,
    /// Its message; `None` when no file has the revision.
    pub message: Option<String>,
}

/// What `current` found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CurrentReport {
    /// The heads of the applied state (empty: base).
    pub current: Vec<CurrentHead>,
    /// Every row of the version table, in the history's order.
    pub applied: Vec<AppliedRow>,
    /// Revisions not applied yet, in order.
    pub pending: Vec<String>,
    /// Applied revisions whose file was edited or is missing.
    pub problems: Vec<Problem>,
}

/// What `init` did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InitReport {
    /// The migrations directory created.
    pub migrations: PathBuf,
    /// The configuration file written, when there was none.
    pub config_written: Option<PathBuf>,
}
