//! The commands that compare schemas: [`Project::check`] (the models
//! against the database, and the migrations against the version table),
//! [`Project::compare`] (any two sources) and the generation step of
//! [`Project::autogenerate`] (the state the history produces against the
//! models). The models are normalized by the fast path on the server the
//! comparison is made against (or the configured scratch server); the
//! history's state is read from the configured database when it is exactly
//! at that state with every applied file unchanged, else from the cache,
//! else replayed into a scratch database ([`HistorySource`]). Start at
//! [`Project::check`].

use std::collections::BTreeSet;

use strata::schema::{DbObject, ObjectKey, ObjectKind, Schema};
use strata_model::ddl::create::{schema_ddl, to_script, DdlOptions};

use super::migrate::NewRevision;
use super::report::{CheckReport, Comparison, RevisionRef};
use super::sources::{target_of, Scratch, Source};
use super::{HistorySource, Progress, Project};
use crate::cache::history_key;
use crate::diff::object_display;
use crate::error::{Error, HistoryError};
use crate::migrations::{History, State, TransactionMode};
use crate::plan::{plan, Plan, PlanOptions};
use crate::render::{render_down, render_up};
use crate::runner::{connect, RunOptions, Runner};
use strata::ConnectOptions;

/// `server_version_num` of a server.
async fn server_version(server: &ConnectOptions) -> Result<i32, Error> {
    let client = connect(server).await?;
    let row = client
        .query_one(
            "SELECT pg_catalog.current_setting('server_version_num')::int4",
            &[],
        )
        .await?;
    Ok(row.try_get(0)?)
}

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
    /// Plan online ([`PlanOptions::online`]); also on when the
    /// configuration says `online = true`.
    pub online: bool,
}

/// What `autogenerate` writes.
pub(super) struct Generated {
    /// The up SQL.
    pub up: String,
    /// The down SQL.
    pub down: String,
    /// The file runs outside a transaction.
    pub transaction: TransactionMode,
    /// Online: the plan split where it changes between steps that run in
    /// a transaction and steps that cannot (each part a revision of its
    /// own, in order); empty when one file holds it all.
    pub parts: Vec<GeneratedPart>,
    /// The plan, for the report.
    pub comparison: Comparison,
}

/// One revision of an online plan split into parts.
pub(super) struct GeneratedPart {
    /// The up SQL.
    pub up: String,
    /// The down SQL.
    pub down: String,
    /// Outside a transaction, or in one.
    pub transaction: TransactionMode,
}

/// An online plan split into runs of consecutive steps that either all run
/// in one transaction or all cannot: the transactional runs keep their
/// atomicity, the others run statement by statement. Notes go with the
/// first part, withheld changes with the last. One run: no split.
fn split_online(p: &Plan) -> Vec<GeneratedPart> {
    let outside = |s: &crate::plan::Step| s.non_transactional || s.down_non_transactional;
    let mut runs: Vec<Vec<crate::plan::Step>> = Vec::new();
    for step in &p.steps {
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|l| outside(l) == outside(step)) => {
                run.push(step.clone());
            }
            _ => runs.push(vec![step.clone()]),
        }
    }
    if runs.len() < 2 {
        return Vec::new();
    }
    let last = runs.len() - 1;
    runs.into_iter()
        .enumerate()
        .map(|(i, steps)| {
            let none = steps.iter().any(outside);
            let part = Plan {
                steps,
                withheld: if i == last {
                    p.withheld.clone()
                } else {
                    Vec::new()
                },
                notes: if i == 0 { p.notes.clone() } else { Vec::new() },
            };
            GeneratedPart {
                up: render_up(&part),
                down: render_down(&part),
                transaction: if none {
                    TransactionMode::None
                } else {
                    TransactionMode::PerMigration
                },
            }
        })
        .collect()
}

/// Adds to `side` (read from a database) an owner `OWNER TO CURRENT_USER`
/// for each object whose owner `other` states and `side` does not (the
/// role that read `side` owns it: whoever runs the migration would), when
/// the object is in `side`.
fn owned_by_the_migrating_role(side: &mut Schema, other: &Schema) {
    let have: BTreeSet<ObjectKey> = side.objects.iter().map(DbObject::key).collect();
    let added: Vec<DbObject> = other
        .objects
        .iter()
        .filter(|o| {
            o.kind == ObjectKind::Owner && !have.contains(&o.key()) && o.owned_target_in(side)
        })
        .map(DbObject::owned_by_current_user)
        .collect();
    if !added.is_empty() {
        side.objects.extend(added);
        side.canonicalize();
    }
}

/// Takes out of `current` the definition objects of kinds `desired` does
/// not declare (models declare the kinds they manage: none, unless they
/// list objects), and returns those to report (owners and comments go
/// without a word).
pub(crate) fn set_aside_unmanaged(current: &mut Schema, desired: &Schema) -> Vec<DbObject> {
    let managed: BTreeSet<ObjectKind> = desired.objects.iter().map(|o| o.kind).collect();
    let (keep, aside): (Vec<DbObject>, Vec<DbObject>) = std::mem::take(&mut current.objects)
        .into_iter()
        .partition(|o| managed.contains(&o.kind));
    current.objects = keep;
    // Owners (unmanaged when absent) and comments on schemas and view
    // columns are set aside without a word: every table has an owner.
    aside
        .into_iter()
        .filter(|o| !matches!(o.kind, ObjectKind::Owner | ObjectKind::Comment))
        .collect()
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
        let server = self.normalization_server(Some(&conn)).await?;
        let mut desired = self.normalized(&server, desired).await?;
        let schemas = self.schemas_for(Some(&desired));
        let mut current = self.read_database(&conn, &schemas).await?;
        self.reconciled(Some(&server), &current, &mut desired)
            .await?;
        let unmanaged = set_aside_unmanaged(&mut current, &desired)
            .iter()
            .map(object_display)
            .collect();
        let p = plan(
            &current,
            &desired,
            &PlanOptions {
                allow_drops: true,
                ..PlanOptions::default()
            },
        );
        let mut pending = Vec::new();
        let mut problems = Vec::new();
        if self.config.migrations_dir.is_dir() {
            // The graph and checksums only: `check` runs no file, so their
            // SQL is not parsed (a large baseline costs more to parse than
            // the whole comparison).
            let history = History::load_unchecked(&self.config.migrations_dir)?;
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
            unmanaged,
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
            // Models and files are normalized on the database the other
            // side reads, when it is one.
            let from_db = from.database_of(self).await?;
            let to_db = to.database_of(self).await?;
            let (a, b) = if from.is_database() && !to.is_database() {
                let b = self.load(&mut scratch, to, None, from_db.as_ref()).await?;
                let a = self
                    .load(&mut scratch, from, Some(&b), from_db.as_ref())
                    .await?;
                (a, b)
            } else {
                let a = self.load(&mut scratch, from, None, to_db.as_ref()).await?;
                let b = self
                    .load(&mut scratch, to, Some(&a), to_db.as_ref())
                    .await?;
                (a, b)
            };
            if let Some(conn) = &from_db {
                self.roles_exist(conn, &b).await?;
            }
            let (mut a, mut b) = (a, b);
            self.reconciled(from_db.as_ref().or(to_db.as_ref()), &a, &mut b)
                .await?;
            // A desired side read from a database lists the owners that are
            // not the role that read it; the others are that role's:
            // whoever runs the migration (the differ does the same for the
            // current side).
            let stated = |s: &Source| !matches!(s, Source::Models | Source::Json(_));
            if stated(to) {
                owned_by_the_migrating_role(&mut b, &a);
            }
            if matches!(to, Source::Models | Source::Json(_)) {
                // Models declare the kinds of objects they manage; the
                // others on the other side are left alone.
                set_aside_unmanaged(&mut a, &b);
            }
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
        let server = self.normalization_server(None).await?;
        let mut desired = self.normalized(&server, desired).await?;
        let schemas = self.schemas_for(Some(&desired));
        let (mut current, source) = self.history_state(history, base, &schemas).await?;
        self.reconciled(Some(&server), &current, &mut desired)
            .await?;
        // Objects the history created by hand that the models do not
        // declare are left alone, not dropped.
        set_aside_unmanaged(&mut current, &desired);
        self.report(&Progress::HistoryState { source });
        let online = options.online || self.config.online;
        let p = plan(
            &current,
            &desired,
            &PlanOptions {
                allow_drops: options.allow_drops,
                concurrently: false,
                online,
            },
        );
        let parts = if online && !options.idempotent {
            split_online(&p)
        } else {
            Vec::new()
        };
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
            parts,
            comparison: Comparison::of(&p),
        })
    }

    /// The schema the history produces at `base` (read with `schemas`), and
    /// where it came from: nothing for an empty state; the configured
    /// database when it is exactly at `base` with every applied file
    /// unchanged; the cache; a replay into a scratch database, on top of the
    /// cached state of the longest ancestor the cache holds when it can.
    async fn history_state(
        &self,
        history: &History,
        base: &State,
        schemas: &[String],
    ) -> Result<(Schema, HistorySource), Error> {
        if base.is_empty() {
            // A fresh database: nothing but `public`.
            let schemas = schemas.iter().filter(|s| *s == "public").cloned().collect();
            return Ok((
                Schema {
                    schemas,
                    ..Schema::empty()
                },
                HistorySource::Empty,
            ));
        }
        if let Some(db) = &self.config.database {
            let runner = Runner::new(
                history,
                db.conn.clone(),
                self.config.version_table.clone(),
                RunOptions::default(),
            );
            // An unreachable or unreadable database is no reason to fail:
            // the state can come from the history itself.
            let at_base = runner.status().await.ok().filter(|status| {
                status.table_exists && status.problems.is_empty() && &status.state() == base
            });
            if at_base.is_some() {
                let current = self.read_database(&db.conn, schemas).await?;
                return Ok((current, HistorySource::Database));
            }
        }
        // The chain of (revision, checksum) of each prefix of `base`, in
        // topological order: every prefix is a state of its own.
        let chain: Vec<(&str, &str)> = history
            .migrations()
            .iter()
            .filter(|m| base.contains(&m.revision))
            .map(|m| (m.revision.as_str(), m.checksum.as_str()))
            .collect();
        let server = self.scratch_server().await?;
        let version = server_version(&server).await?;
        let vt = format!(
            "{}.{}",
            self.config.version_table.schema, self.config.version_table.name
        );
        let key_of = |n: usize| history_key(version, schemas, &vt, &chain[..n]);
        let cache = self.cache.lock().await;
        if let Some(s) = cache.history(&key_of(chain.len())) {
            return Ok((s, HistorySource::Cache));
        }
        // They run now: their SQL is checked first (syntax, transaction
        // control, CONCURRENTLY in a per-migration file), as `upgrade` does.
        for m in history
            .migrations()
            .iter()
            .filter(|m| base.contains(&m.revision))
        {
            m.check_sections()?;
        }
        let goal = target_of(history, base)?;
        let mut scratch = Scratch::default();
        let result = async {
            // The longest cached ancestor state with a single head, restored
            // from its schema, stamped, then the rest run on top; anything
            // that does not replay that way (objects the model cannot
            // restore) is replayed in full.
            for n in (1..chain.len()).rev() {
                let Some(prefix) = cache.history(&key_of(n)) else {
                    continue;
                };
                let state: State = chain[..n].iter().map(|(r, _)| r.to_string()).collect();
                let Ok(at) = target_of(history, &state) else {
                    continue;
                };
                if let Ok(s) = self
                    .replayed_from(&mut scratch, history, &prefix, &at, &goal, schemas)
                    .await
                {
                    return Ok::<_, Error>((
                        s,
                        HistorySource::Replayed {
                            cached: n,
                            replayed: chain.len() - n,
                        },
                    ));
                }
                break;
            }
            let s = self.replayed(&mut scratch, history, &goal, schemas).await?;
            Ok((
                s,
                HistorySource::Replayed {
                    cached: 0,
                    replayed: chain.len(),
                },
            ))
        }
        .await;
        scratch.drop_all().await;
        let (schema, source) = result?;
        cache.put_history(&key_of(chain.len()), &schema);
        Ok((schema, source))
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
        // Unchecked: the SQL of the files is parsed only when they are
        // replayed (`history_state`), not when the database or the cache
        // gives their state.
        let history = History::load_unchecked(&self.config.migrations_dir)?;
        let parents = self.parents_of(&history, new)?;
        let base: State = history.closure(&parents)?;
        let generated = self.generate(&history, &base, options).await?;
        let c = generated.comparison;
        if c.changes.is_empty() && !options.empty {
            return Ok(super::RevisionReport {
                also_written: Default::default(),
                written: None,
                changes: c.changes,
                withheld: c.withheld,
                notes: c.notes,
            });
        }
        if generated.parts.is_empty() {
            let written = self.write_revision(
                &history,
                new,
                parents,
                generated.transaction,
                generated.up,
                generated.down,
            )?;
            return Ok(super::RevisionReport {
                written: Some(written),
                also_written: Vec::new(),
                changes: c.changes,
                withheld: c.withheld,
                notes: c.notes,
            });
        }
        // An online plan in parts: one revision each, chained; a given id
        // names the first, the others get `_2`, `_3`, ...
        let count = generated.parts.len();
        let mut written = Vec::with_capacity(count);
        let mut parents = parents;
        let mut history = history;
        for (i, part) in generated.parts.into_iter().enumerate() {
            let part_new = NewRevision {
                message: format!("{} (part {} of {count})", new.message, i + 1),
                parent: None,
                rev_id: new.rev_id.as_ref().map(|id| {
                    if i == 0 {
                        id.clone()
                    } else {
                        format!("{id}_{}", i + 1)
                    }
                }),
            };
            let w = self.write_revision(
                &history,
                &part_new,
                parents,
                part.transaction,
                part.up,
                part.down,
            )?;
            parents = vec![w.revision.clone()];
            written.push(w);
            history = History::load_unchecked(&self.config.migrations_dir)?;
        }
        let first = written.remove(0);
        Ok(super::RevisionReport {
            written: Some(first),
            also_written: written,
            changes: c.changes,
            withheld: c.withheld,
            notes: c.notes,
        })
    }
}
