//! The command line: arguments → a [`Project`] → one method → text or JSON
//! and an exit code. The only module that prints or exits.
//!
//! [`main`] parses the arguments (clap), settles the configuration
//! ([`Config::resolve`]: `schema-diff.toml`, then `DATABASE_URL` and the PG*
//! variables, then flags), builds the project with an observer that prints
//! progress, and runs one command under a Ctrl-C / SIGTERM guard so that a
//! throwaway cluster started for the run is removed on every way out.
//! Files: `args.rs` (the clap arguments), `commands.rs` (one function per
//! command: call the project, format its report), `output.rs` ([`Out`], the
//! only printing: passwords masked in messages, SQL scripts and JSON printed
//! as generated; [`error_text`], the library's errors with the flags that
//! answer them), this file (configuration, the guard, dispatch). Exit codes:
//! 0 ok, 1 differences or pending migrations (`check`) or findings
//! (`lint`), 2 error, 130 interrupted. Start at [`main`].

mod args;
mod commands;
mod output;

pub use args::{Cli, Format};
pub use output::{error_text, Out};

use std::ffi::OsString;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;

use crate::config::{Config, Overrides};
use crate::error::Error;
use crate::project::Project;
use args::{options, Command};

/// Exit code: success (and no differences).
pub const EXIT_OK: u8 = 0;
/// Exit code: differences or pending migrations (`check`), findings
/// that are not allowed (`lint`).
pub const EXIT_DIFFERENCES: u8 = 1;
/// Exit code: an error.
pub const EXIT_ERROR: u8 = 2;
/// Exit code: interrupted by Ctrl-C or SIGTERM.
pub const EXIT_INTERRUPTED: u8 = 130;

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
            // Cancel the running statement on the server first: dropping
            // the client alone leaves it running, holding its locks.
            let cancelled = crate::runner::interrupt::cancel_running().await;
            drop(work);
            if cancelled > 0 {
                eprintln!(
                    "schema-diff: interrupted; the running statement was cancelled on the server (a per-migration migration in progress is rolled back; migrations reported done stay applied)"
                );
            } else {
                eprintln!("schema-diff: interrupted");
            }
            EXIT_INTERRUPTED
        }
    }
}

/// Settles the configuration, builds the project and runs the command.
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
        no_cache: g.no_cache,
        fleet: match &cli.command {
            Command::Fleet { targets: f, .. } => crate::config::FleetOverrides {
                targets: f.targets.clone(),
                targets_file: f.targets_file.clone(),
                targets_query: f.targets_query.clone(),
                directory_url: f.directory_url.clone(),
                jobs: f.jobs,
            },
            _ => Default::default(),
        },
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
            Out::new(g.format, Vec::new()).error(&e);
            return EXIT_ERROR;
        }
    };
    let out = Out::new(g.format, config.secrets());
    let project = Project::new(config)
        .allow_throwaway_writes(g.allow_throwaway)
        .with_observer(commands::progress(out.clone()));
    let code = match dispatch(&project, &out, cli.command).await {
        Ok(code) => code,
        Err(e) => {
            out.failure(&e);
            EXIT_ERROR
        }
    };
    // Stops a throwaway cluster off the async threads.
    project.close().await;
    code
}

async fn dispatch(project: &Project, out: &Out, command: Command) -> Result<u8, Failure> {
    match command {
        Command::Init => commands::init(project, out),
        Command::Revision {
            message,
            autogenerate,
            allow_drops,
            empty,
            idempotent,
            online,
            head,
            rev_id,
        } => {
            let args = commands::RevisionArgs {
                message,
                autogenerate,
                allow_drops,
                empty,
                idempotent,
                online,
                head,
                rev_id,
            };
            commands::revision(project, out, args).await
        }
        Command::Upgrade {
            target,
            sql,
            safety,
        } => {
            let target = target.unwrap_or_else(|| "head".to_string());
            commands::upgrade(project, out, &target, sql, options(safety)).await
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
            commands::downgrade(project, out, &target, sql, opts).await
        }
        Command::Stamp { target, purge, sql } => {
            commands::stamp(project, out, &target, purge, sql).await
        }
        Command::Current { verbose } => commands::current(project, out, verbose).await,
        Command::History {
            range,
            indicate_current,
            verbose,
        } => commands::history(project, out, range.as_deref(), indicate_current, verbose).await,
        Command::Heads => commands::heads(project, out),
        Command::Branches => commands::branches(project, out),
        Command::Show { rev } => commands::show(project, out, &rev),
        Command::Merge {
            message,
            revisions,
            rev_id,
        } => commands::merge(project, out, &message, &revisions, rev_id),
        Command::Check => commands::check(project, out).await,
        Command::Fleet { targets, command } => {
            commands::fleet(project, out, command, targets.fail_fast).await
        }
        Command::Lint { all, range, down } => {
            commands::lint(project, out, all, range.as_deref(), down).await
        }
        Command::Diff {
            from,
            to,
            allow_drops,
            online,
        } => commands::diff(project, out, &from, &to, allow_drops, online).await,
    }
}
