//! The main job (`cargo run -p dgs`) and the server (`cargo run -p dgs --
//! serve`), as library functions so tests drive them too.
//!
//! [`main`] reads the arguments ([`parse_args`]) and builds the schema-diff
//! [`Project`] of the example ([`project`]: the `schema-diff.toml` found from
//! the current directory, else the one this example ships with at the
//! workspace root; the models linked in, so no models command runs; when no
//! database is configured, a throwaway cluster from the local PostgreSQL
//! binaries, removed on exit). Then [`migrate`] applies the migrations
//! (`Project::upgrade`: version table, advisory lock) and [`check`] verifies
//! that the database matches the models exactly (`Project::check`, the
//! same comparison as `schema-diff check`); then either [`scenario`] runs a
//! short day of the service through the repositories and prints a summary,
//! or [`serve`] serves the HTTP API. Any failure ends the process with one
//! line on standard error and a non-zero status.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use chrono::Utc;
use rust_decimal::Decimal;
use schema_diff::config::{Overrides, CONFIG_FILE};
use schema_diff::migrations::Target;
use schema_diff::runner::RunOptions;
use schema_diff::{Progress, Project};
use serde_json::json;
use strata::{Pool, Session};

use crate::models::registry;
use crate::repo::{
    FailJob, FinishJob, JobFilter, JobStatus, JobsRepository, LessonsRepository,
    LlmAuditRepository, NewAudit, NewJob, NewLesson, Page, ProgressUpdate, RepoError, StrataAudit,
    StrataJobs, StrataLessons,
};

/// The example's migrations (`examples/dgs/migrations`, the directory the
/// workspace's `schema-diff.toml` points at).
pub const MIGRATIONS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations");

/// The example's schema-diff configuration: the workspace root's
/// `schema-diff.toml`, used when none is found from the current directory.
pub const PROJECT_CONFIG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema-diff.toml");

/// The default address of `serve`.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// An error of the main job: one line for people.
#[derive(Debug)]
pub struct AppError(pub String);

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for AppError {}

impl From<schema_diff::Error> for AppError {
    fn from(e: schema_diff::Error) -> AppError {
        AppError(e.text())
    }
}

impl From<strata::Error> for AppError {
    fn from(e: strata::Error) -> AppError {
        AppError(e.to_string())
    }
}

impl From<RepoError> for AppError {
    fn from(e: RepoError) -> AppError {
        AppError(e.to_string())
    }
}

/// What to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Migrate, check, run the scenario, print the summary.
    Run {
        /// The migrations directory (default: the configuration's).
        migrations: Option<PathBuf>,
    },
    /// Migrate, check, serve the HTTP API until Ctrl-C.
    Serve {
        /// The address to listen on.
        addr: SocketAddr,
        /// The migrations directory (default: the configuration's).
        migrations: Option<PathBuf>,
    },
    /// Create the legacy tables (as the old code did) and fill them with
    /// the deterministic legacy rows, for trying the adoption walkthrough.
    SeedLegacy,
    /// Print the usage.
    Help,
}

/// The usage text.
pub const USAGE: &str = "\
usage: dgs [run] [--migrations DIR]
       dgs serve [--addr ADDR] [--migrations DIR]
       dgs seed-legacy

  run     (default) apply the migrations, check the models, run a short
          scenario through the repositories and print a summary
  serve   apply the migrations, check the models, serve the HTTP API
          (default address 127.0.0.1:8080)
  seed-legacy
          create the legacy tables as the old code did and fill them with
          thousands of deterministic legacy rows (DATABASE_URL required; the
          tables must be empty)

The settings are those of schema-diff: the schema-diff.toml found from the
current directory (else the example's, at the workspace root), then
DATABASE_URL and the PG* variables. With no database configured, a
throwaway PostgreSQL cluster is started from the local server binaries and
removed on exit.";

/// Reads the arguments (without the program name).
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, AppError> {
    let mut args = args.into_iter().peekable();
    if args.peek().map(String::as_str) == Some("seed-legacy") {
        args.next();
        return match args.next() {
            None => Ok(Command::SeedLegacy),
            Some(a) if a == "-h" || a == "--help" => Ok(Command::Help),
            Some(other) => Err(AppError(format!(
                "unexpected argument {other:?} (see dgs --help)"
            ))),
        };
    }
    let serve = match args.peek().map(String::as_str) {
        Some("serve") => {
            args.next();
            true
        }
        Some("run") => {
            args.next();
            false
        }
        _ => false,
    };
    let mut addr: Option<SocketAddr> = None;
    let mut migrations: Option<PathBuf> = None;
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| AppError(format!("{name} needs a value (see dgs --help)")))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--addr" if serve => {
                let v = value("--addr")?;
                addr = Some(v.parse().map_err(|e| {
                    AppError(format!(
                        "--addr {v:?} is not an address like 127.0.0.1:8080: {e}"
                    ))
                })?);
            }
            "--migrations" => migrations = Some(PathBuf::from(value("--migrations")?)),
            other => {
                return Err(AppError(format!(
                    "unexpected argument {other:?} (see dgs --help)"
                )))
            }
        }
    }
    if serve {
        let addr = match addr {
            Some(a) => a,
            None => DEFAULT_ADDR
                .parse()
                .map_err(|e| AppError(format!("bad default address: {e}")))?,
        };
        Ok(Command::Serve { addr, migrations })
    } else {
        Ok(Command::Run { migrations })
    }
}

/// The example's schema-diff project: the `schema-diff.toml` found from the
/// current directory (else [`PROJECT_CONFIG`]), the environment, then
/// `database_url` and `migrations` when given; the models are the linked
/// registry's (no models command runs).
pub fn project(database_url: Option<&str>, migrations: Option<&Path>) -> Result<Project, AppError> {
    let cwd = std::env::current_dir()
        .map_err(|e| AppError(format!("cannot read the current directory: {e}")))?;
    let found = cwd.ancestors().any(|d| d.join(CONFIG_FILE).is_file());
    let overrides = Overrides {
        config: (!found).then(|| PathBuf::from(PROJECT_CONFIG)),
        database_url: database_url.map(str::to_string),
        migrations: migrations.map(Path::to_path_buf),
        ..Overrides::default()
    };
    let models = registry()
        .schema()
        .map_err(|e| AppError(e.to_string().replace('\n', " ")))?;
    // The example's main job runs on a throwaway server when nothing is
    // configured (README, "The two commands"): it asks for that explicitly.
    Ok(Project::discover_with(&cwd, &overrides)?
        .allow_throwaway_writes(true)
        .with_models(models))
}

/// Applies the project's migrations up to head (`Project::upgrade`);
/// returns one line per revision applied.
pub async fn migrate_project(project: &Project) -> Result<Vec<String>, AppError> {
    let head = Target::parse("head")?;
    let report = project.upgrade(&head, RunOptions::default()).await?;
    Ok(report
        .steps
        .iter()
        .map(|s| format!("{} ({}) in {} ms", s.revision, s.message, s.ms))
        .collect())
}

/// [`migrate_project`] on `url` with the migrations of `dir`.
pub async fn migrate(url: &str, dir: &Path) -> Result<Vec<String>, AppError> {
    let project = project(Some(url), Some(dir))?;
    let applied = migrate_project(&project).await;
    project.close().await;
    applied
}

/// What [`check`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// One line per difference between the database and the models.
    pub differences: Vec<String>,
    /// Migrations not applied yet.
    pub pending: Vec<String>,
    /// Applied migrations whose file was edited or is missing.
    pub problems: Vec<String>,
}

impl CheckReport {
    /// Nothing to report.
    pub fn is_ok(&self) -> bool {
        self.differences.is_empty() && self.pending.is_empty() && self.problems.is_empty()
    }

    /// One line: what is wrong.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        parts.extend(self.differences.iter().cloned());
        parts.extend(
            self.pending
                .iter()
                .map(|p| format!("pending migration {p}")),
        );
        parts.extend(self.problems.iter().cloned());
        parts.join("; ")
    }
}

/// `schema-diff check` through the library (`Project::check`): the models
/// (normalized in a scratch database) against the database's catalog, the
/// migrations against the version table, with the project's schemas,
/// ignored tables and version table.
pub async fn check_project(project: &Project) -> Result<CheckReport, AppError> {
    let report = project.check().await?;
    Ok(CheckReport {
        differences: report.differences,
        pending: report.pending.into_iter().map(|r| r.revision).collect(),
        problems: report
            .problems
            .iter()
            .map(ToString::to_string)
            .chain(report.unmanaged.iter().map(|u| format!("unmanaged {u}")))
            .collect(),
    })
}

/// [`check_project`] on `url` with the migrations of `dir`.
pub async fn check(url: &str, dir: &Path) -> Result<CheckReport, AppError> {
    let project = project(Some(url), Some(dir))?;
    let report = check_project(&project).await;
    project.close().await;
    report
}

/// What [`scenario`] did, for the summary.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    /// Readable lines, in order.
    pub lines: Vec<String>,
    /// Jobs created by the scenario.
    pub created_jobs: Vec<String>,
    /// The lesson it stored.
    pub lesson_id: String,
    /// Jobs per status at the end (the whole table).
    pub by_status: Vec<(JobStatus, i64)>,
}

/// Claims one job in its own transaction (a worker).
async fn claim_in_tx(session: &mut Session) -> Result<Option<crate::models::Job>, AppError> {
    let tx = session.transaction().await?;
    let job = StrataJobs::new(&tx).claim_next().await?;
    tx.commit().await?;
    Ok(job)
}

/// A short day of the service through the repositories: three jobs (one
/// created twice with the same idempotency key), two workers claiming at
/// once, progress, LLM calls audited, a lesson with tags, one job finished,
/// one failed, one cancelled, then totals.
///
/// On a database that already holds queued jobs, the workers claim the
/// oldest ones, as real workers would: run it on a copy, not on production.
pub async fn scenario(pool: &Pool) -> Result<Summary, AppError> {
    let mut out = Summary::default();
    let run = uuid::Uuid::new_v4().simple().to_string()[..8].to_string();
    let session = pool.session().await?;
    let jobs = StrataJobs::new(&session);

    let topics = ["Photosynthesis", "Fractions", "The Water Cycle"];
    for (i, topic) in topics.iter().enumerate() {
        let key = format!("demo-{run}-{i}");
        let created = jobs
            .create(NewJob {
                request: json!({"topic": topic, "age_range": "9-11", "language": "en"}),
                total_steps: Some(6),
                idempotency_key: Some(key.clone()),
                ..NewJob::default()
            })
            .await?;
        out.lines.push(format!(
            "created job {} ({topic}, idempotency key {key})",
            created.job.job_id
        ));
        out.created_jobs.push(created.job.job_id);
    }
    // A client retrying the first request gets the same job back.
    let again = jobs
        .create(NewJob {
            request: json!({"topic": topics[0], "age_range": "9-11", "language": "en"}),
            total_steps: Some(6),
            idempotency_key: Some(format!("demo-{run}-0")),
            ..NewJob::default()
        })
        .await?;
    out.lines.push(format!(
        "retried the first create with the same key: {} job {}",
        if again.created { "NEW" } else { "same" },
        again.job.job_id
    ));

    // Two workers claim at once, each in its own transaction.
    let mut s1 = pool.session().await?;
    let mut s2 = pool.session().await?;
    let (a, b) = futures_util::future::join(claim_in_tx(&mut s1), claim_in_tx(&mut s2)).await;
    let (Some(first), Some(second)) = (a?, b?) else {
        return Err(AppError(
            "the workers found no queued job to claim".to_string(),
        ));
    };
    out.lines.push(format!(
        "two workers claimed {} and {} (FOR UPDATE SKIP LOCKED: never the same job)",
        first.job_id, second.job_id
    ));

    // The first job runs through its phases, calling the LLM on the way.
    let audit = StrataAudit::new(&session);
    let started = Utc::now();
    let calls = [
        ("outline", "planner", "ok", 812, 403, "0.004215"),
        ("drafting", "writer", "ok", 2310, 1877, "0.031020"),
        ("review", "critic", "error", 2890, 0, "0.002890"),
        ("review", "critic", "ok", 2902, 511, "0.009840"),
    ];
    for (n, (phase, agent, status, prompt, completion, cost)) in calls.iter().enumerate() {
        jobs.update_progress(
            &first.job_id,
            ProgressUpdate {
                phase: Some(phase.to_string()),
                completed_steps: Some(n as i32 + 1),
                message: Some(format!("{agent} at work")),
                ..ProgressUpdate::default()
            },
        )
        .await?;
        let at = started + chrono::Duration::seconds(n as i64 * 20);
        audit
            .record(NewAudit {
                timestamp_request: at,
                timestamp_response: Some(
                    at + chrono::Duration::milliseconds(1500 + n as i64 * 700),
                ),
                job_id: Some(first.job_id.clone()),
                phase: Some(phase.to_string()),
                agent: Some(agent.to_string()),
                provider: "anthropic".into(),
                model: "claude-3-5-sonnet".into(),
                request_messages: json!([
                    {"role": "system", "content": "You write lessons for children."},
                    {"role": "user", "content": format!("{phase} for job {}", first.job_id)}
                ]),
                request_params: Some(json!({"temperature": 0.4, "max_tokens": 4096})),
                response_content: (*status == "ok").then(|| format!("{phase} text")),
                prompt_tokens: Some(*prompt),
                completion_tokens: Some(*completion),
                cost_usd: cost.parse::<Decimal>().ok(),
                status: Some(status.to_string()),
                error_message: (*status != "ok").then(|| "upstream overloaded".to_string()),
                ..NewAudit::default()
            })
            .await?;
    }
    let lessons = StrataLessons::new(&session);
    let lesson = lessons
        .create(NewLesson {
            topic: "Photosynthesis".into(),
            title: format!("How plants eat light ({run})"),
            tags: vec!["science".into(), "plants".into(), format!("run-{run}")],
            age_range: Some("9-11".into()),
            lesson: json!({
                "sections": [
                    {"heading": "Leaves are kitchens", "body": "Sunlight, water and air become sugar."},
                    {"heading": "Quiz", "quiz": [{"q": "What gas do plants take in?", "a": "CO₂"}]}
                ]
            }),
            job_id: Some(first.job_id.clone()),
            ..NewLesson::default()
        })
        .await?;
    out.lesson_id = lesson.lesson_id.clone();
    let totals = audit.totals(&first.job_id).await?;
    let done = jobs
        .finish(
            &first.job_id,
            FinishJob {
                result: json!({"lesson_id": lesson.lesson_id, "sections": 2}),
                lesson_id: Some(lesson.lesson_id.clone()),
                cost_usd: Some(totals.cost_usd),
                message: Some("lesson published".into()),
            },
        )
        .await?;
    out.lines.push(format!(
        "job {} {} after {} LLM calls ({} failed): {} tokens, ${}; lesson {} \"{}\"",
        done.job_id,
        done.status,
        totals.calls,
        totals.failed_calls,
        totals.total_tokens,
        totals.cost_usd,
        lesson.lesson_id,
        lesson.title
    ));

    // The second job times out at the LLM and fails.
    audit
        .record(NewAudit {
            timestamp_request: started,
            job_id: Some(second.job_id.clone()),
            phase: Some("outline".into()),
            agent: Some("planner".into()),
            provider: "openai".into(),
            model: "gpt-4o".into(),
            request_messages: json!([{"role": "user", "content": "outline, please"}]),
            status: Some("timeout".into()),
            error_message: Some("no answer within 60 s".into()),
            ..NewAudit::default()
        })
        .await?;
    let failed = jobs
        .fail(
            &second.job_id,
            FailJob {
                error: json!({"type": "LLMTimeout", "detail": "no answer within 60 s"}),
                message: Some("gave up after a timeout".into()),
            },
        )
        .await?;
    out.lines
        .push(format!("job {} {}", failed.job_id, failed.status));

    // The job nobody claimed is cancelled by its client.
    for id in &out.created_jobs {
        let job = jobs.get(id).await?;
        if job.status == JobStatus::Queued.as_str() {
            let cancelled = jobs.cancel(id).await?;
            out.lines.push(format!(
                "job {} {} by its client",
                cancelled.job_id, cancelled.status
            ));
        }
    }

    let tagged = lessons.by_tag("plants", Page::new(1000, 0)?).await?;
    out.lines.push(format!(
        "lessons tagged \"plants\": {} (ours among them: {})",
        tagged.len(),
        tagged.iter().any(|l| l.lesson_id == lesson.lesson_id)
    ));
    for status in JobStatus::ALL {
        let n = jobs
            .count(&JobFilter {
                status: Some(status),
                phase: None,
            })
            .await?;
        out.by_status.push((status, n));
    }
    Ok(out)
}

/// `dgs seed-legacy`: the legacy tables exactly as the old code created
/// them, filled with [`crate::legacy::SeedSize::default`] rows in one
/// transaction; refused when `dgs_jobs` already holds rows. Returns the
/// per-table checksums.
pub async fn seed_legacy(url: &str) -> Result<Vec<crate::legacy::TableChecksum>, AppError> {
    use crate::legacy::{checksums, seed, SeedSize, LEGACY_SCHEMA_SQL};
    let conn = strata::ConnectOptions::parse(url)?;
    let mut client = schema_diff::runner::connect(&conn).await?;
    let pg = |e: tokio_postgres::Error| AppError(schema_diff::error::describe_pg_error(&e));
    let tx = client.transaction().await.map_err(pg)?;
    tx.batch_execute(LEGACY_SCHEMA_SQL).await.map_err(pg)?;
    let rows: i64 = tx
        .query_one("SELECT count(*) FROM dgs_jobs", &[])
        .await
        .map_err(pg)?
        .get(0);
    if rows > 0 {
        return Err(AppError(format!(
            "dgs_jobs already holds {rows} rows: seed-legacy only fills empty legacy tables"
        )));
    }
    seed(&tx, SeedSize::default()).await.map_err(pg)?;
    tx.commit().await.map_err(pg)?;
    checksums(&client).await.map_err(pg)
}

/// Says on standard error that a throwaway cluster is in use.
fn announce(p: &Progress<'_>) {
    if let Progress::ThrowawayServer { port } = p {
        eprintln!(
            "dgs: DATABASE_URL is not set; using a throwaway PostgreSQL cluster on 127.0.0.1:{port} (removed on exit)"
        );
    }
}

/// Migrates and checks; prints what happened.
async fn prepare(project: &Project) -> Result<(), AppError> {
    let applied = migrate_project(project).await?;
    if applied.is_empty() {
        println!("migrations: the database is at head already");
    }
    for a in &applied {
        println!("migrations: applied {a}");
    }
    let report = check_project(project).await?;
    if !report.is_ok() {
        return Err(AppError(format!(
            "the database does not match the models: {}",
            report.describe()
        )));
    }
    println!("check: the database matches the models exactly; no migration is pending");
    Ok(())
}

async fn run_job(project: &Project) -> Result<(), AppError> {
    let conn = project.database().await?;
    println!("dgs: database {conn}");
    prepare(project).await?;
    let pool = Pool::builder_from_options(conn.clone())
        .max_size(4)
        .wait_timeout(Duration::from_secs(10))
        .build()?;
    let summary = scenario(&pool).await?;
    println!("scenario:");
    for l in &summary.lines {
        println!("  {l}");
    }
    let counts: Vec<String> = summary
        .by_status
        .iter()
        .map(|(s, n)| format!("{s} {n}"))
        .collect();
    println!(
        "summary: jobs in the database by status: {}",
        counts.join(", ")
    );
    Ok(())
}

/// Migrates, checks and serves the API on `addr` until Ctrl-C or SIGTERM.
pub async fn serve(project: &Project, addr: SocketAddr) -> Result<(), AppError> {
    let conn = project.database().await?;
    prepare(project).await?;
    let pool = Pool::builder_from_options(conn.clone())
        .max_size(16)
        .wait_timeout(Duration::from_secs(5))
        .build()?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| AppError(format!("cannot listen on {addr}: {e}")))?;
    let local = listener
        .local_addr()
        .map_err(|e| AppError(format!("cannot read the listening address: {e}")))?;
    println!("dgs: serving the HTTP API on http://{local} (Ctrl-C stops)");
    let router = crate::http::router(crate::http::AppState { pool });
    crate::http::serve(listener, router, interrupted())
        .await
        .map_err(|e| AppError(format!("the server failed: {e}")))
}

/// Completes on Ctrl-C or SIGTERM (axum's graceful-shutdown idiom).
async fn interrupted() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => drop(s.recv().await),
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

/// The whole program: arguments, project, command; exit 0 on success, 1
/// with one line on standard error on failure, 2 on bad arguments, 130 when
/// interrupted. Runs on the caller's runtime (`#[tokio::main]`).
pub async fn main() -> ExitCode {
    let command = match parse_args(std::env::args().skip(1)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("dgs: {e}");
            return ExitCode::from(2);
        }
    };
    let fail = |e: AppError| {
        eprintln!("dgs: error: {}", e.0.replace('\n', " "));
        ExitCode::FAILURE
    };
    let (migrations, addr) = match command {
        Command::Help => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Command::SeedLegacy => {
            let url = match std::env::var("DATABASE_URL") {
                Ok(u) if !u.trim().is_empty() => u,
                _ => {
                    eprintln!("dgs: error: seed-legacy needs DATABASE_URL (the rows of a throwaway cluster would vanish with it)");
                    return ExitCode::FAILURE;
                }
            };
            return match seed_legacy(&url).await {
                Ok(sums) => {
                    for c in sums {
                        println!(
                            "{}: {} rows, md5 {}",
                            c.table,
                            c.rows,
                            c.md5.unwrap_or_default()
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            };
        }
        Command::Run { migrations } => (migrations, None),
        Command::Serve { addr, migrations } => (migrations, Some(addr)),
    };
    let project = match project(None, migrations.as_deref()) {
        Ok(p) => p.with_observer(announce),
        Err(e) => return fail(e),
    };
    let result = match addr {
        // The server stops on Ctrl-C or SIGTERM by itself.
        Some(addr) => serve(&project, addr).await.map(|()| true),
        // Ctrl-C during the run still removes a throwaway cluster.
        None => {
            let work = std::pin::pin!(run_job(&project));
            match futures_util::future::select(work, std::pin::pin!(interrupted())).await {
                futures_util::future::Either::Left((r, _)) => r.map(|()| true),
                futures_util::future::Either::Right(_) => Ok(false),
            }
        }
    };
    project.close().await;
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("dgs: interrupted");
            ExitCode::from(130)
        }
        Err(e) => fail(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, AppError> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn reads_the_commands_and_their_flags() {
        // No --migrations: the configuration's directory.
        assert_eq!(parse(&[]).unwrap(), Command::Run { migrations: None });
        assert_eq!(
            parse(&["run", "--migrations", "/tmp/m"]).unwrap(),
            Command::Run {
                migrations: Some(PathBuf::from("/tmp/m"))
            }
        );
        assert_eq!(
            parse(&["serve"]).unwrap(),
            Command::Serve {
                addr: DEFAULT_ADDR.parse().unwrap(),
                migrations: None
            }
        );
        assert_eq!(
            parse(&["serve", "--addr=0.0.0.0:9000"]).unwrap(),
            Command::Serve {
                addr: "0.0.0.0:9000".parse().unwrap(),
                migrations: None
            }
        );
        assert_eq!(parse(&["seed-legacy"]).unwrap(), Command::SeedLegacy);
        assert_eq!(parse(&["serve", "--help"]).unwrap(), Command::Help);
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        for (args, needle) in [
            (
                &["--addr", "127.0.0.1:1"][..],
                "unexpected argument \"--addr\"",
            ),
            (&["serve", "--addr"][..], "--addr needs a value"),
            (
                &["serve", "--addr", "localhost"][..],
                "--addr \"localhost\"",
            ),
            (&["seed-legacy", "x"][..], "unexpected argument \"x\""),
            (&["frobnicate"][..], "unexpected argument \"frobnicate\""),
        ] {
            let e = parse(args).unwrap_err().to_string();
            assert!(e.contains(needle), "{args:?}: {e}");
        }
    }
}
