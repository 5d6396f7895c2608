//! The runner: applies, reverts and stamps migrations against a database,
//! recording them in the version table, serialized by an advisory lock; and
//! writes the same work as an offline SQL script.
//!
//! Start at [`Runner`]. Every change happens in one short transaction per
//! migration that first takes a transaction-scoped advisory lock
//! (`pg_try_advisory_xact_lock`, polled so a waiting migrator holds no
//! snapshot), then re-reads the version table and picks the next migration to
//! run. So N migrators started at once apply each revision exactly once, the
//! others wait and then find nothing to do; and because the lock lives and dies
//! with a transaction it is safe behind a transaction-pooling proxy.
//!
//! `transaction: per-migration` (the default): the statements and the version
//! row commit together; a failure leaves schema and version table unchanged.
//! `transaction: none`: the lock transaction stays open (idle, holding no
//! snapshot) on the main connection while the statements run one by one in
//! autocommit mode on a second connection; the row is inserted and the lock
//! released in that same transaction once they all succeeded. A failure there
//! leaves the statements that already ran in place (they cannot be rolled
//! back) and records nothing. The invariants below are the specification.
//!
//! Files: this one ([`Runner`], status and problems), `version_table.rs`
//! ([`VersionTable`], its SQL and rows; the configuration holds one, and the
//! file imports nothing of `config`, so `config` → `version_table` and
//! `runner` → `config` make no cycle), `lock.rs` (the advisory lock and its
//! transactions, and `lock::held`), `statements.rs` (the scan for
//! destructive down sections), `script.rs` (the offline scripts
//! [`upgrade_script`], [`downgrade_script`], [`stamp_script`]: the same
//! statements, version-table rows included, for `psql -v ON_ERROR_STOP=1
//! -f`).
//!
//! # Invariants of the migrations
//!
//! - **Downgrades that delete data are refused** unless
//!   [`RunOptions::allow_drops`] (the command line's `--allow-drops`): before
//!   anything runs, every down section on the path is scanned
//!   ([`destructive_statements`]) for `DROP TABLE/SCHEMA/TYPE`, `ALTER TABLE
//!   ... DROP COLUMN`, `TRUNCATE`, `DELETE` and statements a generated plan
//!   marked `-- hazard: deletes data` (narrowing type changes, enum value
//!   removal); the refusal lists each with its file and line. Upgrades are
//!   not scanned: a generated up section only drops what the user allowed
//!   when writing it (`allow_drops` of autogenerate).
//! - **Checksums** ([`crate::migrations::checksum`]) are SHA-256 (hex) of
//!   the whole file text with `\r\n` and lone `\r` folded to `\n`;
//!   nothing else is normalized (a changed comment is an edit). An applied
//!   revision whose file changed or vanished stops `upgrade`/`downgrade`
//!   ([`Problem`]) unless overridden ([`RunOptions::allow_edited`],
//!   [`RunOptions::allow_missing`]); `stamp` is the explicit way to accept
//!   the file as it now is (it records the new checksum).
//! - **States, not heads**: the version table holds every applied revision
//!   (not only the heads, as Alembic does), so a state is a set closed under
//!   "parent of" ([`crate::migrations::State`]). Upgrading applies
//!   `closure(target) \ current` in topological order; downgrading reverts
//!   the applied descendants of the target's heads (all of them for `base`),
//!   children first; other branches stay.
//! - **The lock**: every change runs in a transaction that first takes
//!   `pg_try_advisory_xact_lock(key)` (key: the first 8 bytes of the SHA-256
//!   of `strata-migrations:<schema>.<table>`, see [`VersionTable`]), then
//!   re-reads the version table and runs the next pending migration only. A
//!   migrator that does not get the lock rolls back and retries with backoff:
//!   it holds no snapshot while it waits (a blocked `pg_advisory_xact_lock`
//!   would, and `CREATE INDEX CONCURRENTLY` waits for every older snapshot).
//!   Transaction-scoped, so a transaction-pooling proxy cannot leak it; N
//!   migrators apply each revision exactly once (tested with 8 concurrent
//!   runners in `tests/integration/migrations_runner.rs` and 8 `upgrade head`
//!   processes in `schema-diff/tests/cli/commands.rs`).
//! - **`transaction: none`**: the lock transaction stays open and idle on the
//!   main connection (its unnamed portal is replaced by a simple-protocol
//!   statement so it holds no xmin: `lock::release_snapshot`) while the
//!   statements run one by one in autocommit mode on a second connection; the
//!   row is inserted and the lock released in that transaction after they all
//!   succeed. On failure the statements that ran stay and nothing is recorded
//!   (the error says how many). If the process dies, the lock goes with its
//!   connection. A server-side `idle_in_transaction_session_timeout` shorter
//!   than the slowest statement would end the lock transaction, so the row
//!   would not be recorded.
//! - **`transaction: per-migration`**: statements run one by one (exact
//!   `file:line` in errors) inside the transaction that inserts or deletes
//!   the version row. Statements are split by PostgreSQL's parser
//!   ([`crate::sql::parse_statements`]), so `BEGIN ATOMIC ... END` bodies,
//!   dollar quotes and comments stay whole; a file whose SQL does not parse,
//!   or that holds transaction control or a statement PostgreSQL refuses in
//!   a transaction block (`CONCURRENTLY`, `VACUUM`, ...) while it runs in
//!   one, is refused when the directory is read
//!   ([`crate::migrations::Migration::parse`]), before anything runs.
//! - **A lost lock stops the run**: before each migration, between the
//!   statements of a `transaction: none` migration (asked on the second
//!   connection, so the idle lock transaction takes no snapshot) and before
//!   the version row is written, `pg_locks` must show the advisory lock for
//!   the lock connection's backend pid (`lock::held`); otherwise the run
//!   stops with [`RunError::LockGone`], saying what stayed.
//! - **Offline scripts** carry the same statements and version rows as the
//!   online run (for per-migration blocks, the execution time is measured by
//!   the server: `clock_timestamp() - now()`); applied with psql they give
//!   the same schema and rows (tested in `migrations_runner.rs`).
//!
//! Three more invariants of the migration commands live in the project
//! (`crate::project`), which drives the runner:
//!
//! - **Excluded tables**: the version table and `ignore_tables` (patterns
//!   expanded against the catalog, then passed to
//!   [`introspect`](crate::introspect::introspect) as exact names) are left
//!   out on the database side, and dropped from the desired side
//!   (`project/sources.rs`).
//! - **Autogenerate never reads the configured database**: the current state
//!   is the history replayed into a scratch database on the scratch server
//!   (`project/schemas.rs`).
//! - **Passwords are never printed**: connection settings are
//!   [`strata::ConnectOptions`], which print masked and whose parse errors
//!   never quote the text; the command line's output
//!   ([`crate::cli::Out`]) additionally replaces every configured
//!   password (plain and percent-encoded) in every message line. SQL scripts
//!   (`--sql`, `diff`) and `--format json` documents are printed as
//!   generated: they never hold connection settings, and masking a password
//!   that is also an SQL word or a table name (`postgres`) would change them.

pub mod interrupt;
mod lock;
mod script;
mod statements;
pub mod version_table;

pub use script::{downgrade_script, stamp_script, upgrade_script};
pub use statements::{destructive_statements, refuse_drops};
pub use version_table::{read_rows, AppliedRow, VersionTable, DEFAULT_VERSION_TABLE};

pub use crate::error::{describe_pg_error, Direction, Problem};

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use strata::ConnectOptions;
use tokio_postgres::Client;

use crate::error::{Aftermath, DbError, Error, RunError};
use crate::migrations::{describe, History, Migration, State, Target, TransactionMode};
use lock::{backend_pid, finish, held, lock, release_snapshot};

/// Opens a connection (its driver runs on the current tokio runtime). The
/// error ([`DbError::Connect`]) names the server with its password masked.
pub async fn connect(conn: &ConnectOptions) -> Result<Client, Error> {
    let client = conn.connect().await.map_err(DbError::from)?;
    // The lock transaction stays idle while a `transaction: none` migration
    // runs on a second connection: a server- or role-level
    // `idle_in_transaction_session_timeout` must not end it, and the lock
    // with it (another migrator would then run the same migration).
    client
        .batch_execute("SET idle_in_transaction_session_timeout = 0")
        .await
        .map_err(DbError::from)?;
    interrupt::register(&client, conn);
    Ok(client)
}

/// Compares the version table `table`'s rows with the directory.
pub fn problems(history: &History, rows: &[AppliedRow], table: &VersionTable) -> Vec<Problem> {
    let mut out = Vec::new();
    for r in rows {
        match history.get(&r.revision) {
            Some(m) if m.checksum != r.checksum => out.push(Problem::Edited {
                revision: r.revision.clone(),
                file: m.path.clone(),
                recorded: r.checksum.clone(),
                now: m.checksum.clone(),
            }),
            Some(_) => {}
            None => out.push(Problem::Missing {
                revision: r.revision.clone(),
                table: table.qualified(),
                dir: history.dir().to_path_buf(),
            }),
        }
    }
    out
}

/// Overrides of the runner's safety checks.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunOptions {
    /// Proceed although applied migrations were edited.
    pub allow_edited: bool,
    /// Proceed although applied revisions have no file.
    pub allow_missing: bool,
    /// Run down sections that delete data (downgrades are refused without
    /// it when they would).
    pub allow_drops: bool,
    /// `lock_timeout` of every migration statement (`None`: the server's).
    /// A statement that does not get its lock in time fails with 55P03
    /// instead of queueing every later query on the table behind it.
    pub lock_timeout: Option<Duration>,
    /// `statement_timeout` of every migration statement (`None`: the
    /// server's): a statement running longer fails (57014) and its
    /// migration is rolled back.
    pub statement_timeout: Option<Duration>,
    /// How often a migration whose lock was not granted is tried again
    /// (its transaction rolled back, then after 1 s, 2 s, 4 s, ...), each
    /// retry reported ([`Event::Retry`]).
    pub lock_retries: u32,
}

impl RunOptions {
    /// The defaults of the command line: a 5 s `lock_timeout`, 3 retries.
    pub fn production() -> RunOptions {
        RunOptions {
            lock_timeout: Some(Duration::from_secs(5)),
            lock_retries: 3,
            ..RunOptions::default()
        }
    }
}

/// Progress reported while the runner works.
#[derive(Debug)]
pub enum Event<'a> {
    /// Another migrator holds the lock; waiting for it (reported once).
    Waiting,
    /// A migration starts.
    Start(&'a Migration, Direction),
    /// A migration finished.
    Done(&'a Migration, Direction, Duration),
    /// A migration did not get a lock within `lock_timeout`; it was rolled
    /// back and runs again after `wait` (retry `attempt` of `of`).
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
}

/// What an upgrade or downgrade did.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// The revisions run, in order, with their duration.
    pub ran: Vec<(String, Duration)>,
    /// Problems that were overridden (with `allow_*`).
    pub overridden: Vec<Problem>,
}

/// What a stamp did.
#[derive(Clone, Debug, Default)]
pub struct StampOutcome {
    /// Revisions recorded.
    pub inserted: Vec<String>,
    /// Revisions removed from the table.
    pub deleted: Vec<String>,
    /// Revisions whose checksum was updated to the file's.
    pub updated: Vec<String>,
}

/// The database's migration status.
#[derive(Clone, Debug)]
pub struct Status {
    /// Whether the version table exists.
    pub table_exists: bool,
    /// Its rows, in topological order of the directory (unknown ones last).
    pub rows: Vec<AppliedRow>,
    /// Problems found.
    pub problems: Vec<Problem>,
    /// Revisions not applied yet (to reach all heads), in order.
    pub pending: Vec<String>,
    /// The heads of the applied state.
    pub heads: Vec<String>,
}

impl Status {
    /// The applied revisions.
    pub fn state(&self) -> State {
        self.rows.iter().map(|r| r.revision.clone()).collect()
    }
}

/// Applies, reverts and stamps the migrations of a [`History`] on one
/// database.
pub struct Runner<'h> {
    history: &'h History,
    conn: ConnectOptions,
    table: VersionTable,
    options: RunOptions,
}

pub(crate) type Observer<'o> = dyn FnMut(&Event<'_>) + Send + 'o;

impl<'h> Runner<'h> {
    /// A runner for the database `conn`.
    pub fn new(
        history: &'h History,
        conn: ConnectOptions,
        table: VersionTable,
        options: RunOptions,
    ) -> Runner<'h> {
        Runner {
            history,
            conn,
            table,
            options,
        }
    }

    /// The version table.
    pub fn table(&self) -> &VersionTable {
        &self.table
    }

    /// The database's status (read without taking the lock).
    pub async fn status(&self) -> Result<Status, Error> {
        let client = connect(&self.conn).await?;
        let rows = read_rows(&client, &self.table).await?;
        let table_exists = rows.is_some();
        let mut rows = rows.unwrap_or_default();
        let order = |r: &AppliedRow| {
            self.history
                .migrations()
                .iter()
                .position(|m| m.revision == r.revision)
                .unwrap_or(usize::MAX)
        };
        rows.sort_by_key(order);
        let problems = problems(self.history, &rows, &self.table);
        let state: State = rows.iter().map(|r| r.revision.clone()).collect();
        let heads: Vec<String> = self
            .history
            .heads()
            .iter()
            .map(|m| m.revision.clone())
            .collect();
        let all = self.history.closure(&heads)?;
        let pending = self
            .history
            .upgrade_path(&state, &all)
            .iter()
            .map(|m| m.revision.clone())
            .collect();
        let mut applied_heads = self.history.state_heads(&state);
        applied_heads.extend(
            rows.iter()
                .filter(|r| self.history.get(&r.revision).is_none())
                .map(|r| r.revision.clone()),
        );
        Ok(Status {
            table_exists,
            rows,
            problems,
            pending,
            heads: applied_heads,
        })
    }

    /// Refuses (or, when overridden, returns) the problems of `rows`.
    fn check(&self, rows: &[AppliedRow]) -> Result<Vec<Problem>, Error> {
        let found = problems(self.history, rows, &self.table);
        let refused: Vec<Problem> = found
            .iter()
            .filter(|p| match p {
                Problem::Edited { .. } => !self.options.allow_edited,
                Problem::Missing { .. } => !self.options.allow_missing,
            })
            .cloned()
            .collect();
        if refused.is_empty() {
            return Ok(found);
        }
        Err(RunError::Refused { problems: refused }.into())
    }

    /// Creates the version table if needed, under the lock.
    async fn ensure_table(&self, client: &Client, on: &mut Observer<'_>) -> Result<(), Error> {
        lock(client, &self.table, on).await?;
        let r = async {
            if read_rows(client, &self.table).await?.is_none() {
                client.batch_execute(&self.table.create_sql()).await?;
            }
            Ok::<(), Error>(())
        }
        .await;
        finish(client, r).await
    }

    /// Applies what `target` needs, one migration per transaction, reporting
    /// progress to `on`. `upgrade head` with several heads is refused.
    pub async fn upgrade(&self, target: &Target, on: &mut Observer<'_>) -> Result<Outcome, Error> {
        if !target.needs_current() {
            // Bad targets (several heads, unknown revisions) change nothing,
            // not even the version table's existence.
            self.history.resolve(target, None)?;
        }
        let client = connect(&self.conn).await?;
        let pid = backend_pid(&client).await?;
        self.ensure_table(&client, on).await?;
        let mut second: Option<Client> = None;
        let mut target_state: Option<State> = None;
        let mut outcome = Outcome::default();
        let mut retries = 0;
        loop {
            lock(&client, &self.table, on).await?;
            let step = async {
                let rows = read_rows(&client, &self.table).await?.unwrap_or_default();
                let overridden = self.check(&rows)?;
                let current: State = rows.iter().map(|r| r.revision.clone()).collect();
                if target_state.is_none() {
                    if target.delta < 0 {
                        return Err(RunError::Backwards {
                            target: target.to_string(),
                        }
                        .into());
                    }
                    target_state = Some(self.history.resolve(target, Some(&current))?);
                    outcome.overridden = overridden;
                }
                let goal = target_state.as_ref().cloned().unwrap_or_default();
                Ok::<Option<&Migration>, Error>(
                    self.history.upgrade_path(&current, &goal).first().copied(),
                )
            }
            .await;
            let next = match step {
                Ok(Some(m)) => m,
                Ok(None) => {
                    client.batch_execute("COMMIT").await?;
                    return Ok(outcome);
                }
                Err(e) => {
                    let _ = client.batch_execute("ROLLBACK").await;
                    return Err(e);
                }
            };
            self.still_held(&client, pid, next).await?;
            on(&Event::Start(next, Direction::Up));
            let started = Instant::now();
            let run = self
                .run_section(&client, &mut second, pid, next, Direction::Up)
                .await;
            let elapsed = started.elapsed();
            let record = match self.held_to_record(&client, &second, pid, next, run).await {
                Ok(()) => client
                    .execute(
                        &format!(
                            "INSERT INTO {} (revision, checksum, applied_at, execution_ms, stamped) VALUES ($1, $2, now(), $3, false)",
                            self.table.qualified()
                        ),
                        &[&next.revision, &next.checksum, &(elapsed.as_millis() as i64)],
                    )
                    .await
                    .map(|_| ())
                    .map_err(Error::from),
                Err(e) => Err(e),
            };
            let finished = finish(&client, record)
                .await
                .map_err(|e| self.lock_lost(&client, next, e));
            if let Err(e) = finished {
                self.pause_to_retry(next, e, &mut retries, on).await?;
                continue;
            }
            retries = 0;
            on(&Event::Done(next, Direction::Up, elapsed));
            outcome.ran.push((next.revision.clone(), elapsed));
        }
    }

    /// Reverts what `target` leaves out (the applied descendants of the
    /// target's heads; everything for `base`), one migration per transaction.
    pub async fn downgrade(
        &self,
        target: &Target,
        on: &mut Observer<'_>,
    ) -> Result<Outcome, Error> {
        let client = connect(&self.conn).await?;
        let pid = backend_pid(&client).await?;
        let mut second: Option<Client> = None;
        let mut target_state: Option<State> = None;
        let mut outcome = Outcome::default();
        let mut retries = 0;
        loop {
            lock(&client, &self.table, on).await?;
            let step = async {
                let Some(rows) = read_rows(&client, &self.table).await? else {
                    return Err(RunError::NoVersionTable {
                        table: self.table.qualified(),
                    }
                    .into());
                };
                let overridden = self.check(&rows)?;
                let current: State = rows.iter().map(|r| r.revision.clone()).collect();
                if target_state.is_none() {
                    if target.delta > 0
                        || matches!(target.anchor, crate::migrations::Anchor::Heads)
                            && target.delta == 0
                    {
                        return Err(RunError::NotBackwards {
                            target: target.to_string(),
                        }
                        .into());
                    }
                    let goal = self.history.resolve(target, Some(&current))?;
                    let ahead: Vec<String> = goal
                        .iter()
                        .filter(|r| !current.contains(*r))
                        .cloned()
                        .collect();
                    if !ahead.is_empty() {
                        return Err(RunError::NotApplied {
                            target: target.to_string(),
                            revisions: ahead,
                        }
                        .into());
                    }
                    if !self.options.allow_drops {
                        refuse_drops(&self.history.downgrade_path(&current, &goal))?;
                    }
                    target_state = Some(goal);
                    outcome.overridden = overridden;
                }
                let goal = target_state.as_ref().cloned().unwrap_or_default();
                Ok::<Option<&Migration>, Error>(
                    self.history
                        .downgrade_path(&current, &goal)
                        .first()
                        .copied(),
                )
            }
            .await;
            let next = match step {
                Ok(Some(m)) => m,
                Ok(None) => {
                    client.batch_execute("COMMIT").await?;
                    return Ok(outcome);
                }
                Err(e) => {
                    let _ = client.batch_execute("ROLLBACK").await;
                    return Err(e);
                }
            };
            if next.down.is_none() {
                let _ = client.batch_execute("ROLLBACK").await;
                return Err(RunError::NoDownSection {
                    migration: describe(next),
                    file: next.path.clone(),
                }
                .into());
            }
            self.still_held(&client, pid, next).await?;
            on(&Event::Start(next, Direction::Down));
            let started = Instant::now();
            let run = self
                .run_section(&client, &mut second, pid, next, Direction::Down)
                .await;
            let elapsed = started.elapsed();
            let record = match self.held_to_record(&client, &second, pid, next, run).await {
                Ok(()) => client
                    .execute(
                        &format!("DELETE FROM {} WHERE revision = $1", self.table.qualified()),
                        &[&next.revision],
                    )
                    .await
                    .map(|_| ())
                    .map_err(Error::from),
                Err(e) => Err(e),
            };
            let finished = finish(&client, record)
                .await
                .map_err(|e| self.lock_lost(&client, next, e));
            if let Err(e) = finished {
                self.pause_to_retry(next, e, &mut retries, on).await?;
                continue;
            }
            retries = 0;
            on(&Event::Done(next, Direction::Down, elapsed));
            outcome.ran.push((next.revision.clone(), elapsed));
        }
    }

    /// Records the state `target` stands for without running anything: the
    /// baseline for databases that already hold the schema. Rows of other
    /// revisions are removed; checksums of kept rows are set to the files'.
    /// With `purge`, rows of revisions unknown to the directory are removed
    /// too (otherwise they are an error).
    pub async fn stamp(&self, target: &Target, purge: bool) -> Result<StampOutcome, Error> {
        if !target.needs_current() {
            self.history.resolve(target, None)?;
        }
        let client = connect(&self.conn).await?;
        let mut nothing = |_: &Event<'_>| {};
        self.ensure_table(&client, &mut nothing).await?;
        lock(&client, &self.table, &mut nothing).await?;
        let work = async {
            let rows = read_rows(&client, &self.table).await?.unwrap_or_default();
            let unknown: Vec<String> = rows
                .iter()
                .filter(|r| self.history.get(&r.revision).is_none())
                .map(|r| r.revision.clone())
                .collect();
            if !unknown.is_empty() && !purge {
                return Err(RunError::UnknownRevisionsRecorded {
                    table: self.table.qualified(),
                    dir: self.history.dir().to_path_buf(),
                    revisions: unknown,
                }
                .into());
            }
            let current: State = rows.iter().map(|r| r.revision.clone()).collect();
            let goal = self.history.resolve(target, Some(&current))?;
            let mut out = StampOutcome::default();
            let qualified = self.table.qualified();
            if purge {
                client.execute(&format!("DELETE FROM {qualified}"), &[]).await?;
                out.deleted = rows.iter().map(|r| r.revision.clone()).filter(|r| !goal.contains(r)).collect();
            } else {
                for r in &rows {
                    if !goal.contains(&r.revision) {
                        client
                            .execute(&format!("DELETE FROM {qualified} WHERE revision = $1"), &[&r.revision])
                            .await?;
                        out.deleted.push(r.revision.clone());
                    }
                }
            }
            for m in self.history.migrations() {
                if !goal.contains(&m.revision) {
                    continue;
                }
                let existing = rows.iter().find(|r| r.revision == m.revision);
                match existing {
                    Some(r) if !purge => {
                        if r.checksum != m.checksum {
                            client
                                .execute(
                                    &format!("UPDATE {qualified} SET checksum = $2 WHERE revision = $1"),
                                    &[&m.revision, &m.checksum],
                                )
                                .await?;
                            out.updated.push(m.revision.clone());
                        }
                    }
                    _ => {
                        client
                            .execute(
                                &format!(
                                    "INSERT INTO {qualified} (revision, checksum, applied_at, execution_ms, stamped) VALUES ($1, $2, now(), 0, true)"
                                ),
                                &[&m.revision, &m.checksum],
                            )
                            .await?;
                        if existing.is_none() {
                            out.inserted.push(m.revision.clone());
                        }
                    }
                }
            }
            Ok(out)
        }
        .await;
        finish(&client, work).await
    }

    /// The error of recording `m`: [`RunError::LockLost`] when `m` ran
    /// outside a transaction and the idle lock transaction ended meanwhile
    /// (its connection closed, or the server's idle-in-transaction timeout);
    /// `e` itself otherwise.
    fn lock_lost(&self, client: &Client, m: &Migration, e: Error) -> Error {
        let ended = client.is_closed() || e.db().and_then(DbError::code) == Some("25P03");
        match e {
            Error::Database(source) if m.transaction == TransactionMode::None && ended => {
                RunError::LockLost {
                    table: self.table.qualified(),
                    migration: describe(m),
                    source,
                }
                .into()
            }
            other => other,
        }
    }

    /// After `m` failed with `e`: reports the retry and waits before it when
    /// one is due ([`Runner::retry_after`]), or gives `e` back.
    async fn pause_to_retry(
        &self,
        m: &Migration,
        e: Error,
        retries: &mut u32,
        on: &mut Observer<'_>,
    ) -> Result<(), Error> {
        let Some(wait) = self.retry_after(m, &e, retries) else {
            return Err(e);
        };
        on(&Event::Retry {
            migration: m,
            attempt: *retries,
            of: self.options.lock_retries,
            wait,
        });
        tokio::time::sleep(wait).await;
        Ok(())
    }

    /// The pause before running `m` again after `e`, when `e` is a lock
    /// not granted within `lock_timeout` (55P03) in a migration that was
    /// rolled back whole, and retries remain (`retries` counts them).
    fn retry_after(&self, m: &Migration, e: &Error, retries: &mut u32) -> Option<Duration> {
        let lock_timeout = e.db().and_then(DbError::code) == Some("55P03");
        let whole = m.transaction == TransactionMode::PerMigration
            || matches!(
                e,
                Error::Run(RunError::StatementFailed {
                    aftermath: Aftermath::NothingRan,
                    ..
                })
            );
        if !lock_timeout || !whole || *retries >= self.options.lock_retries {
            return None;
        }
        *retries += 1;
        Some(Duration::from_secs(1 << (*retries - 1).min(5)))
    }

    /// `SET [LOCAL] lock_timeout` and `statement_timeout` for the migration
    /// statements, when configured.
    fn lock_timeout_sql(&self, local: bool) -> Option<String> {
        let scope = if local { "LOCAL " } else { "" };
        let mut sql = String::new();
        if let Some(t) = self.options.lock_timeout {
            sql.push_str(&format!(
                "SET {scope}lock_timeout = {}; ",
                t.as_millis().max(1)
            ));
        }
        if let Some(t) = self.options.statement_timeout {
            sql.push_str(&format!(
                "SET {scope}statement_timeout = {}; ",
                t.as_millis().max(1)
            ));
        }
        (!sql.is_empty()).then_some(sql)
    }

    /// [`RunError::LockGone`] for `m`.
    fn gone(&self, m: &Migration, when: &'static str, pid: i32, aftermath: Aftermath) -> Error {
        RunError::LockGone {
            table: self.table.qualified(),
            migration: describe(m),
            when,
            pid,
            aftermath,
        }
        .into()
    }

    /// Checks, in the lock transaction just opened, that the lock is still
    /// held before `m` runs; when it is not, rolls back and stops.
    async fn still_held(&self, client: &Client, pid: i32, m: &Migration) -> Result<(), Error> {
        if held(client, pid, &self.table).await {
            return Ok(());
        }
        let _ = client.batch_execute("ROLLBACK").await;
        Err(self.gone(m, "before running", pid, Aftermath::RolledBack))
    }

    /// After `m`'s statements ran (`run`: how many), checks that the lock
    /// is still held before the version row is written: on the lock
    /// connection, or for `transaction: none` on the second one (the lock
    /// transaction stays without a snapshot).
    async fn held_to_record(
        &self,
        client: &Client,
        second: &Option<Client>,
        pid: i32,
        m: &Migration,
        run: Result<usize, Error>,
    ) -> Result<(), Error> {
        let ran = run?;
        let (via, aftermath) = match (m.transaction, second.as_ref()) {
            (TransactionMode::None, Some(other)) => (
                other,
                if ran == 0 {
                    Aftermath::NothingRan
                } else {
                    Aftermath::Partial { ran }
                },
            ),
            _ => (client, Aftermath::RolledBack),
        };
        if held(via, pid, &self.table).await {
            Ok(())
        } else {
            Err(self.gone(m, "before recording", pid, aftermath))
        }
    }

    /// Runs one section of `m` statement by statement (split by
    /// PostgreSQL's parser, [`crate::sql::parse_statements`]): in the open
    /// transaction, or (for `transaction: none`) on a second connection,
    /// checking before each statement that the lock connection (backend
    /// `pid`) still holds the lock. Returns how many statements ran.
    async fn run_section(
        &self,
        client: &Client,
        second: &mut Option<Client>,
        pid: i32,
        m: &Migration,
        dir: Direction,
    ) -> Result<usize, Error> {
        let down = dir == Direction::Down;
        let sql = if down {
            m.down.as_deref().unwrap_or("")
        } else {
            m.up.as_str()
        };
        // Files are parsed when read (`Migration::parse` refuses syntax
        // errors), so this only fails for a migration built in memory.
        let statements = crate::sql::parse_statements(sql).map_err(|e| m.syntax_error(down, &e))?;
        if statements.is_empty() {
            return Ok(0);
        }
        match m.transaction {
            TransactionMode::PerMigration => {
                if let Some(set) = self.lock_timeout_sql(true) {
                    client.batch_execute(&set).await.map_err(DbError::from)?;
                }
                for st in &statements {
                    if let Err(e) = self.bounded(client, &st.text).await {
                        let line = statement_line(m, down, sql, st.offset, &e);
                        return Err(failure(m, dir, line, e, Aftermath::RolledBack));
                    }
                }
                Ok(statements.len())
            }
            TransactionMode::None => {
                if second.is_none() {
                    let other = connect(&self.conn).await?;
                    if let Some(set) = self.lock_timeout_sql(false) {
                        other.batch_execute(&set).await.map_err(DbError::from)?;
                    }
                    *second = Some(other);
                }
                let Some(other) = second.as_ref() else {
                    return Ok(0);
                };
                release_snapshot(client).await?;
                for (k, st) in statements.iter().enumerate() {
                    let note = if k == 0 {
                        Aftermath::NothingRan
                    } else {
                        Aftermath::Partial { ran: k }
                    };
                    if !held(other, pid, &self.table).await {
                        let when = if k == 0 {
                            "before running"
                        } else {
                            "while running"
                        };
                        return Err(self.gone(m, when, pid, note));
                    }
                    if let Err(e) = self.bounded(other, &st.text).await {
                        let line = statement_line(m, down, sql, st.offset, &e);
                        return Err(failure(m, dir, line, e, note));
                    }
                }
                Ok(statements.len())
            }
        }
    }
}

/// How much longer than `statement_timeout` the runner waits for the
/// server's answer to a migration statement before it gives up on a server
/// that does not answer at all (frozen, or the network gone): the server
/// ends a statement at `statement_timeout`, and a live one says so at once.
pub const SILENT_SERVER_GRACE: Duration = Duration::from_secs(10);

impl Runner<'_> {
    /// Runs one migration statement; with a `statement_timeout`, a server
    /// that has not answered `SILENT_SERVER_GRACE` after it is given up on
    /// (the statement's transaction cannot commit: the connection is
    /// abandoned, and a server that wakes up rolls it back).
    async fn bounded(&self, client: &Client, sql: &str) -> Result<(), DbError> {
        let run = client.batch_execute(sql);
        let Some(timeout) = self.options.statement_timeout else {
            return run.await.map_err(DbError::from);
        };
        let limit = timeout + SILENT_SERVER_GRACE;
        match tokio::time::timeout(limit, run).await {
            Ok(r) => r.map_err(DbError::from),
            Err(_) => Err(DbError::Message(format!(
                "the server did not answer within {} ms (statement_timeout {} ms + {} s): it is not responding (frozen, or the network is down); the connection was abandoned",
                limit.as_millis(),
                timeout.as_millis(),
                SILENT_SERVER_GRACE.as_secs()
            ))),
        }
    }
}

/// The file line of an error in the statement at byte `offset` of a
/// section: where the server's position points, else where the statement
/// starts.
fn statement_line(m: &Migration, down: bool, sql: &str, offset: usize, e: &DbError) -> usize {
    let start = sql.get(..offset).map_or(0, |s| s.chars().count()) + 1;
    let within = e.position().map(|p| p.saturating_sub(1)).unwrap_or(0);
    m.line_of(down, start + within)
}

fn failure(
    m: &Migration,
    direction: Direction,
    line: usize,
    e: DbError,
    aftermath: Aftermath,
) -> Error {
    RunError::StatementFailed {
        direction,
        migration: describe(m),
        file: m.path.clone(),
        line,
        source: e,
        aftermath,
    }
    .into()
}

/// The revisions of a state in the history's order (for messages).
pub fn ordered(history: &History, state: &State) -> Vec<String> {
    let known: BTreeSet<&str> = history
        .migrations()
        .iter()
        .map(|m| m.revision.as_str())
        .collect();
    let mut out: Vec<String> = history
        .migrations()
        .iter()
        .filter(|m| state.contains(&m.revision))
        .map(|m| m.revision.clone())
        .collect();
    out.extend(
        state
            .iter()
            .filter(|r| !known.contains(r.as_str()))
            .cloned(),
    );
    out
}
