//! The commands that compare schemas: `check`, `diff`, and the generation
//! step of `revision --autogenerate`.
//!
//! Each side of a comparison is a [`Source`] loaded into a canonical
//! [`Schema`]: a database is introspected; the models (the configured
//! command's JSON) and JSON files are normalized in a scratch database;
//! the migration directory is replayed into a scratch database and
//! introspected; a `.sql` file is run in a scratch database and introspected.
//! Scratch databases live on the scratch server ([`Ctx::scratch_server`]), so
//! autogenerate never touches the configured database. The version table and
//! `ignore_tables` are left out on both sides.

use std::path::PathBuf;

use serde_json::json;
use strata::schema::Schema;
use strata_model::ddl::create::{schema_ddl, to_script, DdlOptions};

use super::Failure;
use super::{Ctx, EXIT_DIFFERENCES, EXIT_OK};
use crate::config::{CommandSpec, ConnInfo, ModelsCommand};
use crate::error::{ConfigError, Error, HistoryError, SourceError};
use crate::introspect::{introspect, IntrospectOptions};
use crate::migrations::{History, State, Target};
use crate::normalize::normalize;
use crate::plan::{plan, Plan, PlanOptions};
use crate::render::{render_down, render_up};
use crate::runner::{connect, RunOptions, Runner};
use crate::scratch::ScratchDb;

/// What `revision --autogenerate` writes.
pub struct Generated {
    /// The up SQL.
    pub up: String,
    /// The down SQL.
    pub down: String,
    /// Some step cannot run in a transaction.
    pub no_transaction: bool,
    /// One line per step.
    pub summary: Vec<String>,
    /// One line per withheld destructive op.
    pub withheld: Vec<String>,
    /// The plan's notes (rename suggestions, consequences of withheld ops).
    pub notes: Vec<String>,
    /// No step: nothing to write.
    pub is_empty: bool,
}

/// A side of a comparison.
#[derive(Clone, Debug)]
enum Source {
    Url(ConnInfo),
    Database,
    Models,
    Migrations,
    Empty,
    Json(PathBuf),
    Sql(PathBuf),
}

impl Source {
    fn parse(text: &str) -> Result<Source, Error> {
        let t = text.trim();
        if t.starts_with("postgres://") || t.starts_with("postgresql://") {
            return Ok(Source::Url(ConnInfo::parse(t)?));
        }
        match t {
            "database" => return Ok(Source::Database),
            "models" => return Ok(Source::Models),
            "migrations" => return Ok(Source::Migrations),
            "empty" => return Ok(Source::Empty),
            _ => {}
        }
        let path = PathBuf::from(t);
        match path.extension().and_then(|e| e.to_str()) {
            Some("json") => Ok(Source::Json(path)),
            Some("sql") => Ok(Source::Sql(path)),
            _ => Err(SourceError::Unknown {
                text: ConnInfo::mask_text(t),
            }
            .into()),
        }
    }
}

/// Scratch databases of one command, dropped at its end.
#[derive(Default)]
struct Scratch {
    dbs: Vec<ScratchDb>,
}

impl Scratch {
    async fn create(&mut self, ctx: &mut Ctx) -> Result<usize, Error> {
        let server = ctx.scratch_server().await?;
        let db =
            ScratchDb::create(&server.url())
                .await
                .map_err(|e| SourceError::ScratchServer {
                    server: server.masked(),
                    source: Box::new(e),
                })?;
        self.dbs.push(db);
        Ok(self.dbs.len() - 1)
    }

    async fn drop_all(self) {
        for db in self.dbs {
            let _ = db.drop_db().await;
        }
    }
}

/// The schemas to read: the configured ones plus those the other side uses.
fn schemas_for(ctx: &Ctx, other: Option<&Schema>) -> Vec<String> {
    let mut out = ctx.config.schemas.clone();
    if let Some(o) = other {
        for s in &o.schemas {
            if !out.contains(s) {
                out.push(s.clone());
            }
        }
    }
    out
}

/// Introspects a database, leaving out the version table and the ignored
/// tables (patterns expanded against the catalog first).
async fn read_database(ctx: &Ctx, conn: &ConnInfo, schemas: &[String]) -> Result<Schema, Error> {
    let client = connect(conn).await?;
    let names = client
        .query(
            "SELECT n.nspname::text, c.relname::text FROM pg_catalog.pg_class c \
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
             WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1)",
            &[&schemas],
        )
        .await?;
    let mut exclude = Vec::new();
    for row in &names {
        let (s, t): (String, String) = (row.get(0), row.get(1));
        if ctx.config.is_ignored(&s, &t) {
            exclude.push(quoted_name(&s, &t));
        }
    }
    let vt = &ctx.config.version_table;
    let vt_name = quoted_name(&vt.schema, &vt.name);
    if !exclude.contains(&vt_name) {
        exclude.push(vt_name);
    }
    let schema = introspect(
        &client,
        &IntrospectOptions {
            schemas: schemas.to_vec(),
            exclude_tables: exclude,
        },
    )
    .await?;
    Ok(schema)
}

/// `"schema"."table"`, always quoted, as `exclude_tables` accepts it.
fn quoted_name(schema: &str, table: &str) -> String {
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    format!("{}.{}", q(schema), q(table))
}

/// Drops ignored tables (and the version table) from a desired schema.
fn without_ignored(ctx: &Ctx, mut s: Schema) -> Schema {
    s.tables
        .retain(|t| !ctx.config.is_ignored(&t.schema, &t.name));
    s
}

/// Runs the models command and reads its JSON.
async fn run_models(cmd: &ModelsCommand) -> Result<Schema, Error> {
    let mut command = match &cmd.command {
        CommandSpec::Shell(s) => {
            let mut c = tokio::process::Command::new("sh");
            c.arg("-c").arg(s);
            c
        }
        CommandSpec::Argv(v) => {
            let Some((program, args)) = v.split_first() else {
                return Err(SourceError::EmptyModelsCommand.into());
            };
            let mut c = tokio::process::Command::new(program);
            c.args(args);
            c
        }
    };
    command
        .current_dir(&cmd.dir)
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true);
    let output = command
        .output()
        .await
        .map_err(|e| SourceError::ModelsCommandStart {
            command: cmd.command.to_string(),
            dir: cmd.dir.clone(),
            source: e,
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(15).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(SourceError::ModelsCommandFailed {
            command: cmd.command.to_string(),
            status: output.status.to_string(),
            stderr: tail.join("\n"),
        }
        .into());
    }
    let text = String::from_utf8_lossy(&output.stdout);
    Schema::from_json(&text).map_err(|e| {
        SourceError::ModelsCommandOutput {
            command: cmd.command.to_string(),
            source: e,
        }
        .into()
    })
}

async fn models(ctx: &Ctx) -> Result<Schema, Error> {
    let Some(cmd) = &ctx.config.models else {
        return Err(ConfigError::NoModels {
            file: ctx
                .config
                .file
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| crate::config::CONFIG_FILE.to_string()),
        }
        .into());
    };
    run_models(cmd).await
}

/// Normalizes a desired schema in a fresh scratch database.
async fn normalized(
    ctx: &mut Ctx,
    scratch: &mut Scratch,
    desired: Schema,
) -> Result<Schema, Error> {
    let desired = without_ignored(ctx, desired);
    let i = scratch.create(ctx).await?;
    normalize(&desired, &scratch.dbs[i]).await
}

/// Replays the history up to `goal` into a fresh scratch database and reads
/// the result.
async fn replayed(
    ctx: &mut Ctx,
    scratch: &mut Scratch,
    history: &History,
    goal: &Target,
    schemas: &[String],
) -> Result<Schema, Error> {
    let i = scratch.create(ctx).await?;
    let conn = ConnInfo::parse(scratch.dbs[i].url())?;
    let runner = Runner::new(
        history,
        conn.clone(),
        ctx.config.version_table.clone(),
        RunOptions::default(),
    );
    let mut quiet = |_: &crate::runner::Event<'_>| {};
    runner
        .upgrade(goal, &mut quiet)
        .await
        .map_err(|e| SourceError::Replay {
            dir: history.dir().to_path_buf(),
            source: Box::new(e),
        })?;
    read_database(ctx, &conn, schemas).await
}

/// The target that reaches `state` (its heads), for replays.
fn target_of(history: &History, state: &State) -> Result<Target, Error> {
    let heads = history.state_heads(state);
    match heads.as_slice() {
        [] => Ok(Target::parse("base")?),
        [one] => Target::parse(one),
        _ => {
            let all: State = history
                .migrations()
                .iter()
                .map(|m| m.revision.clone())
                .collect();
            if &all == state {
                Target::parse("heads")
            } else {
                Err(HistoryError::ReplaySeveralHeads { heads }.into())
            }
        }
    }
}

/// The generation step of `revision --autogenerate`: what the history up to
/// `base` produces, against the models.
pub async fn autogenerate(
    ctx: &mut Ctx,
    history: &History,
    base: &State,
    allow_drops: bool,
    idempotent: bool,
) -> Result<Generated, Error> {
    let desired = models(ctx).await?;
    let mut scratch = Scratch::default();
    let result = async {
        let desired = normalized(ctx, &mut scratch, desired).await?;
        let schemas = schemas_for(ctx, Some(&desired));
        let goal = target_of(history, base)?;
        let current = replayed(ctx, &mut scratch, history, &goal, &schemas).await?;
        let p = plan(
            &current,
            &desired,
            &PlanOptions {
                allow_drops,
                concurrently: false,
            },
        );
        Ok::<(Plan, Schema), Error>((p, desired))
    }
    .await;
    scratch.drop_all().await;
    let (p, desired) = result?;
    let up = if idempotent {
        // A baseline: every object created only where it is missing, so the
        // same file runs on a fresh database and on one that already holds
        // the schema (whose objects are left as they are).
        format!(
            "-- baseline: creates what is missing (IF NOT EXISTS), leaves existing objects alone\n{}",
            to_script(&schema_ddl(&desired, &DdlOptions::idempotent()))
        )
    } else {
        render_up(&p)
    };
    let down = if idempotent {
        // A baseline adopts objects that may have existed (with their rows)
        // before this history began: undoing it must not drop them.
        "-- baseline: downgrading past this revision leaves every object in place;
         -- the tables may hold data that existed before this history began.
         -- Drop them by hand if that is really what you want.
"
        .to_string()
    } else {
        render_down(&p)
    };
    Ok(Generated {
        up,
        down,
        // One mode per file: outside a transaction when either section needs it.
        no_transaction: p.needs_no_transaction() || p.down_needs_no_transaction(),
        summary: p.steps.iter().map(|s| s.summary.clone()).collect(),
        withheld: p
            .withheld
            .iter()
            .map(|w| format!("{} ({})", w.summary, w.reason))
            .collect(),
        notes: p.notes.clone(),
        is_empty: p.steps.is_empty(),
    })
}

/// `check`: the models against the database, and pending migrations.
pub async fn check(ctx: &mut Ctx) -> Result<u8, Failure> {
    // The database first: an unreachable one is the clearest error.
    let conn = ctx.database().await?;
    drop(connect(&conn).await?);
    let desired = models(ctx).await?;
    let mut scratch = Scratch::default();
    let compared = async {
        let desired = normalized(ctx, &mut scratch, desired).await?;
        let schemas = schemas_for(ctx, Some(&desired));
        let current = read_database(ctx, &conn, &schemas).await?;
        Ok::<(Plan, ConnInfo), Error>((
            plan(
                &current,
                &desired,
                &PlanOptions {
                    allow_drops: true,
                    concurrently: false,
                },
            ),
            conn.clone(),
        ))
    }
    .await;
    scratch.drop_all().await;
    let (p, conn) = compared?;
    let differences = p.summary();
    let mut pending = Vec::new();
    let mut problems = Vec::new();
    if ctx.config.migrations_dir.is_dir() {
        let history = History::load(&ctx.config.migrations_dir)?;
        let runner = Runner::new(
            &history,
            conn,
            ctx.config.version_table.clone(),
            RunOptions::default(),
        );
        let status = runner.status().await?;
        for r in &status.pending {
            let m = history.get(r);
            pending.push(match m {
                Some(m) => crate::migrations::describe(m),
                None => r.clone(),
            });
        }
        problems = status.problems.iter().map(|x| x.to_string()).collect();
    }
    for d in &differences {
        ctx.out.line(d);
    }
    for p in &pending {
        ctx.out.line(&format!("pending migration: {p}"));
    }
    for p in &problems {
        ctx.out.line(&format!("problem: {p}"));
    }
    let ok = differences.is_empty() && pending.is_empty() && problems.is_empty();
    if ok {
        ctx.out
            .line("The database matches the models; no migration is pending.");
    } else {
        ctx.out.line(&format!(
            "{} difference(s) between the database and the models, {} pending migration(s), {} problem(s).",
            differences.len(),
            pending.len(),
            problems.len()
        ));
    }
    ctx.out.document(&json!({
        "ok": ok,
        "differences": differences,
        "pending": pending,
        "problems": problems,
        "sql": render_up(&p),
    }));
    Ok(if ok { EXIT_OK } else { EXIT_DIFFERENCES })
}

/// Loads one side of `diff`.
async fn load(
    ctx: &mut Ctx,
    scratch: &mut Scratch,
    source: &Source,
    other: Option<&Schema>,
) -> Result<Schema, Error> {
    match source {
        Source::Url(conn) => {
            let schemas = schemas_for(ctx, other);
            read_database(ctx, conn, &schemas).await
        }
        Source::Database => {
            let conn = ctx.database().await?;
            let schemas = schemas_for(ctx, other);
            read_database(ctx, &conn, &schemas).await
        }
        Source::Models => {
            let m = models(ctx).await?;
            normalized(ctx, scratch, m).await
        }
        Source::Json(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| SourceError::Read {
                path: path.clone(),
                source: e,
            })?;
            let s = Schema::from_json(&text).map_err(|e| SourceError::JsonFile {
                path: path.clone(),
                source: e,
            })?;
            normalized(ctx, scratch, s).await
        }
        Source::Migrations => {
            let history = History::load(&ctx.config.migrations_dir)?;
            let schemas = schemas_for(ctx, other);
            let heads = Target::parse("heads")?;
            replayed(ctx, scratch, &history, &heads, &schemas).await
        }
        Source::Sql(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| SourceError::Read {
                path: path.clone(),
                source: e,
            })?;
            let i = scratch.create(ctx).await?;
            let conn = ConnInfo::parse(scratch.dbs[i].url())?;
            let client = connect(&conn).await?;
            client
                .batch_execute(&text)
                .await
                .map_err(|e| SourceError::SqlFile {
                    path: path.clone(),
                    source: e.into(),
                })?;
            drop(client);
            let schemas = schemas_for(ctx, other);
            read_database(ctx, &conn, &schemas).await
        }
        // A fresh database: nothing but the `public` schema.
        Source::Empty => Ok(Schema {
            schemas: vec!["public".to_string()],
            ..Schema::empty()
        }),
    }
}

/// `diff --from A --to B`: prints the SQL that turns A into B (exit 0 also
/// when there is nothing to do).
pub async fn diff(ctx: &mut Ctx, from: &str, to: &str, allow_drops: bool) -> Result<u8, Failure> {
    let from_src = Source::parse(from)?;
    let to_src = Source::parse(to)?;
    let mut scratch = Scratch::default();
    let result = async {
        // Desired-style sources first, so database sides read their schemas too.
        let is_db = |s: &Source| {
            matches!(
                s,
                Source::Url(_) | Source::Database | Source::Migrations | Source::Sql(_)
            )
        };
        let (a, b) = if is_db(&from_src) && !is_db(&to_src) {
            let b = load(ctx, &mut scratch, &to_src, None).await?;
            let a = load(ctx, &mut scratch, &from_src, Some(&b)).await?;
            (a, b)
        } else {
            let a = load(ctx, &mut scratch, &from_src, None).await?;
            let b = load(ctx, &mut scratch, &to_src, Some(&a)).await?;
            (a, b)
        };
        Ok::<Plan, Error>(plan(
            &a,
            &b,
            &PlanOptions {
                allow_drops,
                concurrently: false,
            },
        ))
    }
    .await;
    scratch.drop_all().await;
    let p = result?;
    let sql = if p.is_empty() {
        "-- no differences\n".to_string()
    } else {
        render_up(&p)
    };
    if ctx.out.json() {
        ctx.out.document(&json!({
            "sql": sql,
            "down": render_down(&p),
            "summary": p.steps.iter().map(|s| s.summary.clone()).collect::<Vec<_>>(),
            "withheld": p.withheld.iter().map(|w| format!("{} ({})", w.summary, w.reason)).collect::<Vec<_>>(),
            "no_transaction": p.needs_no_transaction(),
        }));
    } else {
        ctx.out.raw(&sql);
        if !p.withheld.is_empty() {
            ctx.out.note(&format!(
                "withheld {} operation(s) that would destroy data (pass --allow-drops to include them)",
                p.withheld.len()
            ));
        }
    }
    Ok(EXIT_OK)
}
