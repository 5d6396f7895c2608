//! The command line: arguments → a validated [`Config`] → commands. The only
//! module that prints or exits.
//!
//! [`main`] parses the arguments (clap), settles the configuration
//! ([`Config::resolve`]: `schema-diff.toml`, then `DATABASE_URL` and the PG*
//! variables, then flags), and runs one command under a Ctrl-C / SIGTERM
//! guard so that a throwaway cluster started for the run is removed on every
//! way out. Files: `args.rs` (the clap arguments), `output.rs` ([`Out`], the
//! only printing: passwords masked in messages, SQL scripts printed as
//! generated), this file (settling the configuration, the guard, dispatch),
//! and the commands, named as in Alembic: `migrate.rs` (the migration
//! commands) and `schemas.rs` (`check`, `diff`, `revision --autogenerate`).
//! Exit codes: 0 ok, 1 differences or pending migrations (`check`), 2 error,
//! 130 interrupted. Start at [`main`].

mod args;
mod migrate;
mod output;
mod schemas;

pub use args::{Cli, Format};
pub use output::{error_text, Out};

use std::ffi::OsString;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use strata_testing::cluster::Cluster;

use crate::config::{Config, ConnInfo, Overrides};
use crate::error::{Error, ProjectError};
use args::{options, Command};

/// Exit code: success (and no differences).
pub const EXIT_OK: u8 = 0;

/// Exit code: differences or pending migrations (`check`).
pub const EXIT_DIFFERENCES: u8 = 1;

/// Exit code: an error.
pub const EXIT_ERROR: u8 = 2;

/// Exit code: interrupted by Ctrl-C or SIGTERM.
pub const EXIT_INTERRUPTED: u8 = 130;

/// The state of one run: the configuration, the output, and the throwaway
/// cluster when one was needed.
pub struct Ctx {
    /// The settled configuration.
    pub config: Config,
    /// Where lines go.
    pub out: Out,
    embedded: Option<Cluster>,
}

impl Ctx {
    /// The configured database, or a throwaway cluster's `postgres` database
    /// when nothing is configured (announced in one line on standard error).
    pub async fn database(&mut self) -> Result<ConnInfo, Error> {
        if let Some(d) = &self.config.database {
            return Ok(d.conn.clone());
        }
        let url = self.embedded().await?;
        ConnInfo::parse(&url)
    }

    /// The server throwaway databases are created on: `scratch_url`, else the
    /// database's server, else a throwaway cluster.
    pub async fn scratch_server(&mut self) -> Result<ConnInfo, Error> {
        if let Some(s) = &self.config.scratch {
            return Ok(s.clone());
        }
        self.database().await
    }

    async fn embedded(&mut self) -> Result<String, Error> {
        if let Some(c) = &self.embedded {
            return Ok(c.url("postgres"));
        }
        let cluster = tokio::task::spawn_blocking(Cluster::start)
            .await
            .map_err(|e| ProjectError::Throwaway {
                reason: e.to_string(),
            })?
            .map_err(|e| ProjectError::Throwaway {
                reason: e.to_string(),
            })?;
        self.out.note(&format!(
            "schema-diff: no database configured (DATABASE_URL, PG* variables, --database-url); using a throwaway PostgreSQL server on 127.0.0.1:{}, removed on exit",
            cluster.port()
        ));
        let url = cluster.url("postgres");
        self.embedded = Some(cluster);
        Ok(url)
    }
}

/// Parses the arguments, runs the command, and returns the exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse_from(std::env::args_os().collect::<Vec<OsString>>()) {
        Ok(c) => c,
        Err(e) => {
            let code = e.exit_code();
            let _ = e.print();
            return ExitCode::from(u8::try_from(code).unwrap_or(EXIT_ERROR));
        }
    };
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let code = rt.block_on(run_guarded(cli));
    rt.shutdown_timeout(Duration::from_secs(10));
    ExitCode::from(code)
}

/// Runs the command; on Ctrl-C or SIGTERM drops it (which stops a throwaway
/// cluster and removes its files) and returns 130.
async fn run_guarded(cli: Cli) -> u8 {
    use futures_util::future::{select, Either};
    let interrupted = async {
        let term = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut s) => {
                    s.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        let int = async {
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        };
        select(Box::pin(term), Box::pin(int)).await;
    };
    match select(Box::pin(run(cli)), Box::pin(interrupted)).await {
        Either::Left((code, _)) => code,
        Either::Right(((), work)) => {
            drop(work);
            eprintln!("schema-diff: interrupted");
            EXIT_INTERRUPTED
        }
    }
}

/// Settles the configuration and runs the command.
pub async fn run(cli: Cli) -> u8 {
    let g = &cli.global;
    let flags = Overrides {
        config: g.config.clone(),
        database_url: g.database_url.clone(),
        scratch_url: g.scratch_url.clone(),
        migrations: g.migrations.clone(),
        models: g.models.clone(),
        schemas: g.schemas.clone(),
        ignore_tables: g.ignore_tables.clone(),
        version_table: g.version_table.clone(),
        version_schema: g.version_schema.clone(),
    };
    let cwd = match std::env::current_dir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: cannot read the current directory: {e}");
            return EXIT_ERROR;
        }
    };
    let env = |k: &str| std::env::var(k).ok();
    let config = match Config::resolve(&flags, &env, &cwd) {
        Ok(c) => c,
        Err(e) => {
            let out = Out {
                format: g.format,
                secrets: Vec::new(),
            };
            out.error(&e);
            return EXIT_ERROR;
        }
    };
    let out = Out {
        format: g.format,
        secrets: config.secrets(),
    };
    let mut ctx = Ctx {
        config,
        out,
        embedded: None,
    };
    let result = dispatch(&mut ctx, cli.command).await;
    let code = match result {
        Ok(code) => code,
        Err(e) => {
            ctx.out.failure(&e);
            EXIT_ERROR
        }
    };
    // Dropping the context stops a throwaway cluster (off the async threads).
    let embedded = ctx.embedded.take();
    if let Some(cluster) = embedded {
        let _ = tokio::task::spawn_blocking(move || drop(cluster)).await;
    }
    code
}

/// Why a command failed: an error of the library (printed with the command
/// line's hints, plus an extra one for this command), or a misuse of the
/// arguments.
pub(crate) enum Failure {
    /// The library's error.
    Error(Box<Error>),
    /// The library's error and a hint to append.
    Hinted(Box<Error>, &'static str),
    /// Arguments that do not go together.
    Usage(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Error(Box::new(e))
    }
}

impl From<tokio_postgres::Error> for Failure {
    fn from(e: tokio_postgres::Error) -> Failure {
        Failure::Error(Box::new(e.into()))
    }
}

async fn dispatch(ctx: &mut Ctx, command: Command) -> Result<u8, Failure> {
    match command {
        Command::Init => migrate::init(ctx),
        Command::Revision {
            message,
            autogenerate,
            allow_drops,
            empty,
            idempotent,
            head,
            rev_id,
        } => {
            migrate::revision(
                ctx,
                migrate::RevisionArgs {
                    message,
                    autogenerate,
                    allow_drops,
                    empty,
                    idempotent,
                    head,
                    rev_id,
                },
            )
            .await
        }
        Command::Upgrade {
            target,
            sql,
            safety,
        } => {
            let target = target.unwrap_or_else(|| "head".to_string());
            migrate::upgrade(ctx, &target, sql, options(safety)).await
        }
        Command::Downgrade {
            target,
            sql,
            allow_drops,
            safety,
        } => {
            let opts = crate::runner::RunOptions {
                allow_drops,
                ..options(safety)
            };
            migrate::downgrade(ctx, &target, sql, opts).await
        }
        Command::Stamp { target, purge, sql } => migrate::stamp(ctx, &target, purge, sql).await,
        Command::Current { verbose } => migrate::current(ctx, verbose).await,
        Command::History {
            range,
            indicate_current,
            verbose,
        } => migrate::history(ctx, range.as_deref(), indicate_current, verbose).await,
        Command::Heads => migrate::heads(ctx),
        Command::Branches => migrate::branches(ctx),
        Command::Show { rev } => migrate::show(ctx, &rev),
        Command::Merge {
            message,
            revisions,
            rev_id,
        } => migrate::merge(ctx, &message, &revisions, rev_id),
        Command::Check => schemas::check(ctx).await,
        Command::Diff {
            from,
            to,
            allow_drops,
        } => schemas::diff(ctx, &from, &to, allow_drops).await,
    }
}
