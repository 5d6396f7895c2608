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
//! back) and records nothing. See ARCHITECTURE.md ("Migrations").
//!
//! [`upgrade_script`], [`downgrade_script`] and [`stamp_script`] are the
//! offline (`--sql`) forms: the same statements, version-table rows included,
//! for `psql -v ON_ERROR_STOP=1 -f`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use strata::ident::{quote_literal, Qualified};
use strata_model::ddl::create::create_schema_if_not_exists;
use tokio_postgres::error::ErrorPosition;
use tokio_postgres::{Client, NoTls};

use crate::config::{ConnInfo, VersionTable};
use crate::error::Error;
use crate::migrations::{describe, History, Migration, State, Target, TransactionMode};

/// Opens a connection (its driver runs on the current tokio runtime). The
/// error names the server with its password masked.
pub async fn connect(conn: &ConnInfo) -> Result<Client, Error> {
    let (client, connection) = tokio_postgres::connect(&conn.url(), NoTls)
        .await
        .map_err(|e| {
            Error::Message(format!(
                "cannot connect to {}: {}",
                conn.masked(),
                describe_pg_error(&e)
            ))
        })?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    Ok(client)
}

/// A readable one-line form of a driver error: PostgreSQL's severity,
/// message, detail and hint for server errors; the error and its causes
/// otherwise (`error connecting to server: Connection refused ...`).
pub fn describe_pg_error(e: &tokio_postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        let mut s = format!("{}: {}", db.severity(), db.message());
        if let Some(d) = db.detail() {
            let _ = write!(s, " (DETAIL: {d})");
        }
        if let Some(h) = db.hint() {
            let _ = write!(s, " (HINT: {h})");
        }
        return s;
    }
    let mut s = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        let c = cause.to_string();
        if !s.contains(&c) {
            s.push_str(": ");
            s.push_str(&c);
        }
        source = cause.source();
    }
    s
}

impl VersionTable {
    /// `schema.name`, quoted.
    pub fn qualified(&self) -> String {
        Qualified(&self.schema, &self.name).to_string()
    }

    /// The advisory lock key: the first 8 bytes of SHA-256 of
    /// `strata-migrations:<schema>.<name>`, so tools keeping separate version
    /// tables in one database do not wait for each other.
    pub fn lock_key(&self) -> i64 {
        let d =
            Sha256::digest(format!("strata-migrations:{}.{}", self.schema, self.name).as_bytes());
        let mut b = [0u8; 8];
        b.copy_from_slice(&d[..8]);
        i64::from_be_bytes(b)
    }

    /// The statements that create the table (idempotent). A schema other
    /// than `public` is created only when the catalog lacks it (not `CREATE
    /// SCHEMA IF NOT EXISTS`, which needs `CREATE` on the database even when
    /// the schema exists, as [`create_schema_if_not_exists`] explains).
    pub fn create_sql(&self) -> String {
        let mut out = String::new();
        if self.schema != "public" {
            let _ = writeln!(out, "{};", create_schema_if_not_exists(&self.schema));
        }
        let _ = write!(
            out,
            "CREATE TABLE IF NOT EXISTS {} (\n    revision text PRIMARY KEY,\n    checksum text NOT NULL,\n    applied_at timestamp with time zone NOT NULL DEFAULT now(),\n    execution_ms bigint NOT NULL DEFAULT 0,\n    stamped boolean NOT NULL DEFAULT false\n);",
            self.qualified()
        );
        out
    }
}

/// One row of the version table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedRow {
    /// The revision.
    pub revision: String,
    /// The checksum recorded when it was applied (or stamped).
    pub checksum: String,
    /// When, as `YYYY-MM-DDTHH:MM:SSZ`.
    pub applied_at: String,
    /// How long its statements took, in milliseconds (0 when stamped).
    pub execution_ms: i64,
    /// Recorded by `stamp` rather than run.
    pub stamped: bool,
}

/// Something wrong between the version table and the directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// An applied migration's file changed since it was applied.
    Edited {
        /// The revision.
        revision: String,
        /// Its file.
        file: String,
        /// The checksum recorded.
        recorded: String,
        /// The file's checksum now.
        now: String,
    },
    /// An applied revision has no file.
    Missing {
        /// The revision.
        revision: String,
    },
}

impl Problem {
    /// One line describing the problem.
    pub fn describe(&self, history: &History, table: &VersionTable) -> String {
        match self {
            Problem::Edited {
                revision,
                file,
                recorded,
                now,
            } => format!(
                "{file} was edited after it was applied (revision {revision}: checksum {} recorded, {} now)",
                recorded.chars().take(12).collect::<String>(),
                now.chars().take(12).collect::<String>()
            ),
            Problem::Missing { revision } => format!(
                "revision {revision} is recorded in {} but no file in {} has it",
                table.qualified(),
                history.dir().display()
            ),
        }
    }
}

/// Compares the version table with the directory.
pub fn problems(history: &History, rows: &[AppliedRow]) -> Vec<Problem> {
    let mut out = Vec::new();
    for r in rows {
        match history.get(&r.revision) {
            Some(m) if m.checksum != r.checksum => out.push(Problem::Edited {
                revision: r.revision.clone(),
                file: m.path.display().to_string(),
                recorded: r.checksum.clone(),
                now: m.checksum.clone(),
            }),
            Some(_) => {}
            None => out.push(Problem::Missing {
                revision: r.revision.clone(),
            }),
        }
    }
    out
}

/// Overrides of the runner's safety checks.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunOptions {
    /// Proceed although applied migrations were edited (`--allow-edited`).
    pub allow_edited: bool,
    /// Proceed although applied revisions have no file (`--allow-missing`).
    pub allow_missing: bool,
    /// Run down sections that delete data (`downgrade --allow-drops`).
    pub allow_drops: bool,
}

/// Up or down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Applying.
    Up,
    /// Reverting.
    Down,
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

/// Reads the version table; `None` when it does not exist.
pub async fn read_rows(
    client: &Client,
    table: &VersionTable,
) -> Result<Option<Vec<AppliedRow>>, Error> {
    let exists: bool = client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p'))",
            &[&table.schema, &table.name],
        )
        .await?
        .get(0);
    if !exists {
        return Ok(None);
    }
    let rows = client
        .query(
            &format!(
                "SELECT revision, checksum, to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), \
                 execution_ms, stamped FROM {} ORDER BY applied_at, revision",
                table.qualified()
            ),
            &[],
        )
        .await?;
    let read = |r: &tokio_postgres::Row| -> Result<AppliedRow, tokio_postgres::Error> {
        Ok(AppliedRow {
            revision: r.try_get(0)?,
            checksum: r.try_get(1)?,
            applied_at: r.try_get(2)?,
            execution_ms: r.try_get(3)?,
            stamped: r.try_get(4)?,
        })
    };
    rows.iter()
        .map(|r| {
            read(r).map_err(|e| {
                Error::Message(format!(
                    "the version table {} does not have the expected columns (revision text, checksum text, applied_at timestamptz, execution_ms bigint, stamped boolean, none NULL): {}; is it another tool's table? Choose another name with `version_table`",
                    table.qualified(),
                    describe_pg_error(&e)
                ))
            })
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// Applies, reverts and stamps the migrations of a [`History`] on one
/// database.
pub struct Runner<'h> {
    history: &'h History,
    conn: ConnInfo,
    table: VersionTable,
    options: RunOptions,
}

type Observer<'o> = dyn FnMut(&Event<'_>) + Send + 'o;

impl<'h> Runner<'h> {
    /// A runner for the database `conn`.
    pub fn new(
        history: &'h History,
        conn: ConnInfo,
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
        let problems = problems(self.history, &rows);
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
        let found = problems(self.history, rows);
        let refused: Vec<String> = found
            .iter()
            .filter(|p| match p {
                Problem::Edited { .. } => !self.options.allow_edited,
                Problem::Missing { .. } => !self.options.allow_missing,
            })
            .map(|p| p.describe(self.history, &self.table))
            .collect();
        if refused.is_empty() {
            return Ok(found);
        }
        let mut hints = Vec::new();
        if found
            .iter()
            .any(|p| matches!(p, Problem::Edited { .. }) && !self.options.allow_edited)
        {
            hints.push("restore the edited file, or pass --allow-edited (`stamp` records the file's new checksum)");
        }
        if found
            .iter()
            .any(|p| matches!(p, Problem::Missing { .. }) && !self.options.allow_missing)
        {
            hints.push("restore the missing file, or pass --allow-missing");
        }
        Err(Error::Message(format!(
            "refusing to run: {}\n{}",
            refused.join("; "),
            hints.join("; ")
        )))
    }

    /// Creates the version table if needed, under the lock.
    async fn ensure_table(&self, client: &Client, on: &mut Observer<'_>) -> Result<(), Error> {
        lock(client, self.table.lock_key(), on).await?;
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
        self.ensure_table(&client, on).await?;
        let mut second: Option<Client> = None;
        let mut target_state: Option<State> = None;
        let mut outcome = Outcome::default();
        loop {
            lock(&client, self.table.lock_key(), on).await?;
            let step = async {
                let rows = read_rows(&client, &self.table).await?.unwrap_or_default();
                let overridden = self.check(&rows)?;
                let current: State = rows.iter().map(|r| r.revision.clone()).collect();
                if target_state.is_none() {
                    if target.delta < 0 {
                        return Err(Error::Message(format!(
                            "`upgrade {target}` moves backwards; use `downgrade {target}`"
                        )));
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
            on(&Event::Start(next, Direction::Up));
            let started = Instant::now();
            let run = self
                .run_section(&client, &mut second, next, Direction::Up)
                .await;
            let elapsed = started.elapsed();
            let record = match run {
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
            finish(&client, record).await?;
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
        let mut second: Option<Client> = None;
        let mut target_state: Option<State> = None;
        let mut outcome = Outcome::default();
        loop {
            lock(&client, self.table.lock_key(), on).await?;
            let step = async {
                let Some(rows) = read_rows(&client, &self.table).await? else {
                    return Err(Error::Message(format!(
                        "the database has no version table {}: nothing is applied",
                        self.table.qualified()
                    )));
                };
                let overridden = self.check(&rows)?;
                let current: State = rows.iter().map(|r| r.revision.clone()).collect();
                if target_state.is_none() {
                    if target.delta > 0
                        || matches!(target.anchor, crate::migrations::Anchor::Heads)
                            && target.delta == 0
                    {
                        return Err(Error::Message(format!(
                            "`downgrade {target}` does not move backwards; use `upgrade {target}`"
                        )));
                    }
                    let goal = self.history.resolve(target, Some(&current))?;
                    let ahead: Vec<&String> =
                        goal.iter().filter(|r| !current.contains(*r)).collect();
                    if !ahead.is_empty() {
                        return Err(Error::Message(format!(
                            "cannot downgrade to `{target}`: {} not applied; use `upgrade`",
                            ahead
                                .iter()
                                .map(|s| s.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )));
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
                return Err(Error::Message(format!(
                    "cannot downgrade {}: {} has no `-- migrate:down` section",
                    describe(next),
                    next.path.display()
                )));
            }
            on(&Event::Start(next, Direction::Down));
            let started = Instant::now();
            let run = self
                .run_section(&client, &mut second, next, Direction::Down)
                .await;
            let elapsed = started.elapsed();
            let record = match run {
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
            finish(&client, record).await?;
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
        lock(&client, self.table.lock_key(), &mut nothing).await?;
        let work = async {
            let rows = read_rows(&client, &self.table).await?.unwrap_or_default();
            let unknown: Vec<String> = rows
                .iter()
                .filter(|r| self.history.get(&r.revision).is_none())
                .map(|r| r.revision.clone())
                .collect();
            if !unknown.is_empty() && !purge {
                return Err(Error::Message(format!(
                    "cannot stamp: {} records revisions that are not in {}: {}; pass --purge to remove them",
                    self.table.qualified(),
                    self.history.dir().display(),
                    unknown.join(", ")
                )));
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

    /// Runs one section of `m`: in the open transaction, or (for
    /// `transaction: none`) statement by statement on a second connection.
    async fn run_section(
        &self,
        client: &Client,
        second: &mut Option<Client>,
        m: &Migration,
        dir: Direction,
    ) -> Result<(), Error> {
        let down = dir == Direction::Down;
        let sql = if down {
            m.down.as_deref().unwrap_or("")
        } else {
            m.up.as_str()
        };
        let statements = split_statements(sql);
        if statements.is_empty() {
            return Ok(());
        }
        match m.transaction {
            TransactionMode::PerMigration => {
                let note = "rolled back: the schema and the version table are unchanged";
                if has_begin_atomic(&statements) {
                    // The splitter does not know SQL-standard function
                    // bodies: let the server split the section.
                    return client.batch_execute(sql).await.map_err(|e| {
                        let line = m.line_of(down, error_position(&e).unwrap_or(1));
                        failure(m, dir, line, &e, note)
                    });
                }
                for st in &statements {
                    if let Err(e) = client.batch_execute(st.text).await {
                        return Err(failure(
                            m,
                            dir,
                            statement_line(m, down, sql, st, &e),
                            &e,
                            note,
                        ));
                    }
                }
                Ok(())
            }
            TransactionMode::None => {
                if second.is_none() {
                    *second = Some(connect(&self.conn).await?);
                }
                let Some(other) = second.as_ref() else {
                    return Ok(());
                };
                release_snapshot(client).await?;
                for (k, st) in statements.iter().enumerate() {
                    if let Err(e) = other.batch_execute(st.text).await {
                        let note = if k == 0 {
                            "this migration runs without a transaction; nothing of it ran and nothing was recorded".to_string()
                        } else {
                            format!(
                                "this migration runs without a transaction: its first {k} statement(s) stay applied and nothing was recorded; make it safe to re-run, or repair by hand"
                            )
                        };
                        return Err(failure(
                            m,
                            dir,
                            statement_line(m, down, sql, st, &e),
                            &e,
                            &note,
                        ));
                    }
                }
                Ok(())
            }
        }
    }
}

/// The 1-based character position PostgreSQL reported, if any.
fn error_position(e: &tokio_postgres::Error) -> Option<usize> {
    e.as_db_error().and_then(|d| match d.position() {
        Some(ErrorPosition::Original(p)) => Some(*p as usize),
        _ => None,
    })
}

/// The file line of an error in statement `st` of a section: where the
/// server's position points, else where the statement starts.
fn statement_line(
    m: &Migration,
    down: bool,
    sql: &str,
    st: &Statement<'_>,
    e: &tokio_postgres::Error,
) -> usize {
    let start = sql[..st.offset].chars().count() + 1;
    let within = error_position(e).map(|p| p.saturating_sub(1)).unwrap_or(0);
    m.line_of(down, start + within)
}

/// True when a statement holds `BEGIN ATOMIC` (a SQL-standard function body,
/// whose inner `;` the splitter does not understand).
fn has_begin_atomic(statements: &[Statement<'_>]) -> bool {
    statements.iter().any(|st| {
        let words: Vec<String> = st
            .text
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .filter(|w| !w.is_empty())
            .map(|w| w.to_ascii_lowercase())
            .collect();
        words
            .windows(2)
            .any(|w| w[0] == "begin" && w[1] == "atomic")
    })
}

fn failure(
    m: &Migration,
    dir: Direction,
    line: usize,
    e: &tokio_postgres::Error,
    note: &str,
) -> Error {
    let what = match dir {
        Direction::Up => "upgrade",
        Direction::Down => "downgrade",
    };
    let detail = describe_pg_error(e);
    Error::Message(format!(
        "{what} {} failed at {}:{line}: {detail}\n{note}",
        describe(m),
        m.path.display()
    ))
}

/// Takes the advisory lock in a new transaction, polling so that a waiting
/// migrator holds no snapshot (a blocked `pg_advisory_xact_lock` would, and a
/// concurrent `CREATE INDEX CONCURRENTLY` would then wait for it forever).
async fn lock(client: &Client, key: i64, on: &mut Observer<'_>) -> Result<(), Error> {
    let mut delay = Duration::from_millis(10);
    let mut announced = false;
    let jitter = u64::from(std::process::id() % 17);
    loop {
        client.batch_execute("BEGIN").await?;
        let got: Result<bool, Error> = client
            .query_one("SELECT pg_try_advisory_xact_lock($1)", &[&key])
            .await
            .map(|r| r.get(0))
            .map_err(Error::from);
        match got {
            Ok(true) => return Ok(()),
            Ok(false) => {
                client.batch_execute("ROLLBACK").await?;
            }
            Err(e) => {
                let _ = client.batch_execute("ROLLBACK").await;
                return Err(e);
            }
        }
        if !announced {
            on(&Event::Waiting);
            announced = true;
        }
        tokio::time::sleep(delay + Duration::from_millis(jitter)).await;
        delay = (delay * 2).min(Duration::from_millis(250));
    }
}

/// Makes the open lock transaction hold no snapshot while it waits for the
/// second connection: the reads before ran through the extended protocol,
/// whose unnamed portal keeps its snapshot (and so the backend's xmin) until
/// it is replaced, and `CREATE INDEX CONCURRENTLY` on the other connection
/// waits for every transaction with an older xmin, this one included. A
/// simple-protocol statement replaces and drops that portal; between
/// statements a read-committed transaction then has no xmin.
async fn release_snapshot(client: &Client) -> Result<(), Error> {
    client.batch_execute("SELECT 1").await?;
    Ok(())
}

/// Commits when `r` is `Ok`, rolls back otherwise.
async fn finish<T>(client: &Client, r: Result<T, Error>) -> Result<T, Error> {
    match r {
        Ok(v) => {
            client.batch_execute("COMMIT").await?;
            Ok(v)
        }
        Err(e) => {
            let _ = client.batch_execute("ROLLBACK").await;
            Err(e)
        }
    }
}

/// One statement of a SQL text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Statement<'a> {
    /// The statement from its first token (leading comments left out) to
    /// its `;` when it had one.
    pub text: &'a str,
    /// Byte offset of `text` in the input.
    pub offset: usize,
    /// Whether it ended with `;`.
    pub terminated: bool,
}

/// The statements of `m`'s down section that delete data, with their
/// line numbers: `DROP TABLE/SCHEMA/TYPE`, `ALTER TABLE ... DROP COLUMN`,
/// `TRUNCATE`, `DELETE`, and any statement a generated plan marked
/// `-- hazard: deletes data` (narrowing type changes, enum value removal).
pub fn destructive_statements(m: &Migration) -> Vec<(usize, String)> {
    let Some(down) = m.down.as_deref() else {
        return Vec::new();
    };
    let marks: Vec<usize> = down
        .match_indices("-- hazard: deletes data")
        .map(|(i, _)| i)
        .collect();
    let mut out = Vec::new();
    let mut prev_end = 0;
    for st in split_statements(down) {
        let words: Vec<String> = st
            .text
            .split_whitespace()
            .take(64)
            .map(|w| w.to_ascii_uppercase())
            .collect();
        let starts = |a: &str, b: &str| {
            words.first().map(String::as_str) == Some(a)
                && words.get(1).map(String::as_str) == Some(b)
        };
        let drops = starts("DROP", "TABLE")
            || starts("DROP", "SCHEMA")
            || starts("DROP", "TYPE")
            || starts("DELETE", "FROM")
            || words.first().map(String::as_str) == Some("TRUNCATE")
            || (starts("ALTER", "TABLE")
                && words.windows(2).any(|w| w[0] == "DROP" && w[1] == "COLUMN"));
        let marked = marks.iter().any(|&i| i >= prev_end && i < st.offset);
        prev_end = st.offset + st.text.len();
        if drops || marked {
            let line = m.down_line + down[..st.offset].matches('\n').count();
            let first_line = st.text.lines().next().unwrap_or_default().trim();
            out.push((line, first_line.to_string()));
        }
    }
    out
}

/// Refuses a downgrade path whose down sections delete data, listing every
/// such statement with its file and line.
pub fn refuse_drops(path: &[&Migration]) -> Result<(), Error> {
    let mut lines = Vec::new();
    for m in path {
        for (line, text) in destructive_statements(m) {
            lines.push(format!("  {}:{line}: {text}", m.path.display()));
        }
    }
    if lines.is_empty() {
        return Ok(());
    }
    Err(Error::Message(format!(
        "downgrade refused: it would delete data (nothing was run); pass --allow-drops to run it anyway:\n{}",
        lines.join("\n")
    )))
}

/// Splits SQL text into statements at top-level `;`, skipping quoted strings
/// (`'...'`, `E'...'`), quoted identifiers, dollar-quoted bodies and comments
/// (nested `/* */` included). Pieces holding only whitespace and comments are
/// dropped. (`BEGIN ATOMIC ... END` bodies are not recognized.)
pub fn split_statements<'a>(sql: &'a str) -> Vec<Statement<'a>> {
    let b = sql.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut code: Option<usize> = None;
    let is_ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    let push = |out: &mut Vec<Statement<'a>>, code: Option<usize>, to: usize, terminated: bool| {
        if let Some(from) = code {
            out.push(Statement {
                text: sql[from..to].trim_end(),
                offset: from,
                terminated,
            });
        }
    };
    while i < b.len() {
        let c = b[i];
        match c {
            b'-' if b.get(i + 1) == Some(&b'-') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 1;
                i += 2;
                while i < b.len() && depth > 0 {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
                continue;
            }
            b'\'' => {
                code.get_or_insert(i);
                let escapes = i > 0
                    && (b[i - 1] == b'E' || b[i - 1] == b'e')
                    && (i < 2 || !is_ident(b[i - 2]));
                i += 1;
                while i < b.len() {
                    if escapes && b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if b[i] == b'\'' {
                        if b.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
                i += 1;
                continue;
            }
            b'"' => {
                code.get_or_insert(i);
                i += 1;
                while i < b.len() {
                    if b[i] == b'"' {
                        if b.get(i + 1) == Some(&b'"') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
                i += 1;
                continue;
            }
            b'$' if i == 0 || !is_ident(b[i - 1]) => {
                // $tag$ ... $tag$ (tag: letters, digits, _; not starting with a digit)
                let mut j = i + 1;
                while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_' || b[j] >= 0x80)
                {
                    j += 1;
                }
                let tag_ok = j < b.len()
                    && b[j] == b'$'
                    && !b.get(i + 1).is_some_and(|c| c.is_ascii_digit());
                if tag_ok {
                    code.get_or_insert(i);
                    let tag = &sql[i..=j];
                    match sql[j + 1..].find(tag) {
                        Some(end) => i = j + 1 + end + tag.len(),
                        None => i = b.len(),
                    }
                    continue;
                }
                code.get_or_insert(i);
                i += 1;
                continue;
            }
            b';' => {
                push(&mut out, code, i + 1, true);
                code = None;
                i += 1;
                continue;
            }
            c if c.is_ascii_whitespace() => {}
            _ => {
                code.get_or_insert(i);
            }
        }
        i += 1;
    }
    push(&mut out, code, b.len(), false);
    out
}

/// The section's SQL, with a `;` added when its last statement has none.
fn terminated(sql: &str) -> String {
    let mut s = sql.trim_end().to_string();
    if split_statements(sql)
        .last()
        .is_some_and(|st| !st.terminated)
    {
        s.push_str("\n;");
    }
    s
}

fn script_header(out: &mut String, what: &str, table: &VersionTable) {
    let _ = writeln!(out, "-- schema-diff {what}");
    let _ = writeln!(out, "-- Apply with: psql -v ON_ERROR_STOP=1 -f <this file>");
    let _ = writeln!(out, "-- Version table: {}", table.qualified());
    out.push('\n');
}

fn lock_sql(table: &VersionTable) -> String {
    format!("SELECT pg_advisory_xact_lock({});\n", table.lock_key())
}

fn state_name(history: &History, state: &State) -> String {
    let heads = history.state_heads(state);
    if heads.is_empty() {
        "base".into()
    } else {
        heads.join(", ")
    }
}

/// The offline upgrade from `from` to `to`: the version table's creation, then
/// per migration its statements and its version row (in one transaction
/// unless `transaction: none`). Execution times are measured by the server
/// (`clock_timestamp() - now()`) for per-migration transactions, 0 otherwise.
pub fn upgrade_script(history: &History, table: &VersionTable, from: &State, to: &State) -> String {
    let path = history.upgrade_path(from, to);
    let mut out = String::new();
    script_header(
        &mut out,
        &format!(
            "upgrade: {} -> {} ({} migration(s))",
            state_name(history, from),
            state_name(history, to),
            path.len()
        ),
        table,
    );
    out.push_str("BEGIN;\n");
    out.push_str(&lock_sql(table));
    out.push_str(&table.create_sql());
    out.push_str("\nCOMMIT;\n");
    for m in path {
        let _ = writeln!(
            out,
            "\n-- Running upgrade {} ({})",
            describe(m),
            m.file_name()
        );
        let body = terminated(&m.up);
        let insert = |elapsed: &str| {
            format!(
                "INSERT INTO {} (revision, checksum, applied_at, execution_ms, stamped) VALUES ({}, {}, now(), {elapsed}, false);\n",
                table.qualified(),
                quote_literal(&m.revision),
                quote_literal(&m.checksum)
            )
        };
        match m.transaction {
            TransactionMode::PerMigration => {
                out.push_str("BEGIN;\n");
                out.push_str(&lock_sql(table));
                if !body.is_empty() {
                    out.push_str(&body);
                    out.push('\n');
                }
                out.push_str(&insert(
                    "(extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint",
                ));
                out.push_str("COMMIT;\n");
            }
            TransactionMode::None => {
                out.push_str(
                    "-- transaction: none (statements run one by one, outside a transaction)\n",
                );
                if !body.is_empty() {
                    out.push_str(&body);
                    out.push('\n');
                }
                out.push_str(&insert("0"));
            }
        }
    }
    out
}

/// The offline downgrade from `from` back to `to`.
pub fn downgrade_script(
    history: &History,
    table: &VersionTable,
    from: &State,
    to: &State,
) -> Result<String, Error> {
    let path = history.downgrade_path(from, to);
    let mut out = String::new();
    script_header(
        &mut out,
        &format!(
            "downgrade: {} -> {} ({} migration(s))",
            state_name(history, from),
            state_name(history, to),
            path.len()
        ),
        table,
    );
    for m in path {
        let Some(down) = &m.down else {
            return Err(Error::Message(format!(
                "cannot downgrade {}: {} has no `-- migrate:down` section",
                describe(m),
                m.path.display()
            )));
        };
        let _ = writeln!(
            out,
            "\n-- Running downgrade {} ({})",
            describe(m),
            m.file_name()
        );
        let body = terminated(down);
        let delete = format!(
            "DELETE FROM {} WHERE revision = {};\n",
            table.qualified(),
            quote_literal(&m.revision)
        );
        match m.transaction {
            TransactionMode::PerMigration => {
                out.push_str("BEGIN;\n");
                out.push_str(&lock_sql(table));
                if !body.is_empty() {
                    out.push_str(&body);
                    out.push('\n');
                }
                out.push_str(&delete);
                out.push_str("COMMIT;\n");
            }
            TransactionMode::None => {
                out.push_str(
                    "-- transaction: none (statements run one by one, outside a transaction)\n",
                );
                if !body.is_empty() {
                    out.push_str(&body);
                    out.push('\n');
                }
                out.push_str(&delete);
            }
        }
    }
    Ok(out)
}

/// The offline stamp: after it, the version table holds exactly the
/// revisions of `to` (state-independent, so no starting point is needed).
pub fn stamp_script(history: &History, table: &VersionTable, to: &State) -> String {
    let mut out = String::new();
    script_header(
        &mut out,
        &format!("stamp: {}", state_name(history, to)),
        table,
    );
    out.push_str("BEGIN;\n");
    out.push_str(&lock_sql(table));
    out.push_str(&table.create_sql());
    out.push('\n');
    let keep: Vec<String> = history
        .migrations()
        .iter()
        .filter(|m| to.contains(&m.revision))
        .map(|m| quote_literal(&m.revision))
        .collect();
    if keep.is_empty() {
        let _ = writeln!(out, "DELETE FROM {};", table.qualified());
    } else {
        let _ = writeln!(
            out,
            "DELETE FROM {} WHERE revision NOT IN ({});",
            table.qualified(),
            keep.join(", ")
        );
    }
    for m in history
        .migrations()
        .iter()
        .filter(|m| to.contains(&m.revision))
    {
        let _ = writeln!(
            out,
            "INSERT INTO {t} (revision, checksum, applied_at, execution_ms, stamped) VALUES ({r}, {c}, now(), 0, true) \
             ON CONFLICT (revision) DO UPDATE SET checksum = EXCLUDED.checksum;",
            t = table.qualified(),
            r = quote_literal(&m.revision),
            c = quote_literal(&m.checksum)
        );
    }
    out.push_str("COMMIT;\n");
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sql: &str) -> Vec<&str> {
        split_statements(sql).iter().map(|s| s.text).collect()
    }

    #[test]
    fn splits_statements() {
        assert_eq!(texts("SELECT 1; SELECT 2"), vec!["SELECT 1;", "SELECT 2"]);
        assert_eq!(
            texts("-- a; comment\nSELECT ';' /* ; /* nested ; */ */ ;\n\n-- only a comment;\n"),
            vec!["SELECT ';' /* ; /* nested ; */ */ ;"]
        );
        assert_eq!(
            texts("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql; SELECT $$a;b$$;"),
            vec![
                "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;",
                "SELECT $$a;b$$;"
            ]
        );
        assert_eq!(
            texts(r"SELECT E'it\'s;'; SELECT 'a''b;'"),
            vec![r"SELECT E'it\'s;';", "SELECT 'a''b;'"]
        );
        assert_eq!(
            texts("SELECT \"a;\"\"b\" FROM t; PREPARE p AS SELECT $1;"),
            vec!["SELECT \"a;\"\"b\" FROM t;", "PREPARE p AS SELECT $1;"]
        );
        assert_eq!(texts("SELECT a$b$ FROM t;"), vec!["SELECT a$b$ FROM t;"]);
        assert!(texts("  -- nothing\n /* here */ ").is_empty());
        assert!(has_begin_atomic(&split_statements(
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;"
        )));
        assert!(!has_begin_atomic(&split_statements(
            "BEGIN; SELECT atomic FROM t;"
        )));
        let s = split_statements("\n\n  CREATE INDEX CONCURRENTLY i ON t (a);\nDROP TABLE x;");
        assert_eq!(s[0].offset, 4);
        assert_eq!(
            &"\n\n  CREATE INDEX CONCURRENTLY i ON t (a);\nDROP TABLE x;"[s[1].offset..],
            "DROP TABLE x;"
        );
        assert_eq!(
            terminated("SELECT 1 -- no semicolon"),
            "SELECT 1 -- no semicolon\n;"
        );
        assert_eq!(
            terminated("SELECT 1;\n-- trailing"),
            "SELECT 1;\n-- trailing"
        );
    }

    #[test]
    fn version_table_sql() {
        let t = VersionTable {
            schema: "Meta Data".into(),
            name: "order".into(),
        };
        assert_eq!(t.qualified(), "\"Meta Data\".\"order\"");
        assert!(
            t.create_sql().starts_with(
                "DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'Meta Data') THEN CREATE SCHEMA \"Meta Data\"; END IF; END $strata$;\n"
            ),
            "{}",
            t.create_sql()
        );
        assert_ne!(t.lock_key(), VersionTable::default().lock_key());
        assert_eq!(
            VersionTable::default().lock_key(),
            VersionTable::default().lock_key()
        );
    }
}
