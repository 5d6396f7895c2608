//! The command line: arguments → a validated [`Config`] → commands. The only
//! module that prints or exits.
//!
//! [`main`] parses the arguments (clap), settles the configuration
//! ([`Config::resolve`]: `schema-diff.toml`, then `DATABASE_URL` and the PG*
//! variables, then flags), and runs one command under a Ctrl-C / SIGTERM
//! guard so that a throwaway cluster started for the run is removed on every
//! way out. Commands are named as in Alembic; the migration commands live in
//! `cli/migrate.rs`, the ones that compare schemas (`check`, `diff`,
//! `revision --autogenerate`) in `cli/schemas.rs`. Every line printed goes through
//! [`Out`], which masks passwords in messages (SQL scripts are printed as
//! generated). Exit codes: 0 ok, 1 differences or pending
//! migrations (`check`), 2 error.

mod migrate;
mod schemas;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};
use strata_testing::cluster::Cluster;

use crate::config::{mask_secrets, Config, ConnInfo, Overrides};
use crate::error::Error;

/// Exit code: success (and no differences).
pub const EXIT_OK: u8 = 0;
/// Exit code: differences or pending migrations (`check`).
pub const EXIT_DIFFERENCES: u8 = 1;
/// Exit code: an error.
pub const EXIT_ERROR: u8 = 2;
/// Exit code: interrupted by Ctrl-C or SIGTERM.
pub const EXIT_INTERRUPTED: u8 = 130;

/// schema-diff: compare PostgreSQL with strata models, and write, apply,
/// revert, stamp and check migrations (commands named as in Alembic).
#[derive(Debug, Parser)]
#[command(name = "schema-diff", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

/// Settings every command accepts; they override `schema-diff.toml` and the
/// environment.
#[derive(Debug, Args)]
struct Global {
    /// The configuration file (default: the first schema-diff.toml in the
    /// current directory or its parents).
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,
    /// The database (overrides DATABASE_URL and the PG* variables).
    #[arg(long, global = true, value_name = "URL")]
    database_url: Option<String>,
    /// A server for throwaway databases (default: the database's server, or
    /// a throwaway cluster when no database is configured).
    #[arg(long, global = true, value_name = "URL")]
    scratch_url: Option<String>,
    /// The migrations directory.
    #[arg(long, global = true, value_name = "DIR")]
    migrations: Option<PathBuf>,
    /// The command that prints the models as schema JSON (run with sh -c).
    #[arg(long, global = true, value_name = "CMD")]
    models: Option<String>,
    /// A schema to manage (repeatable; replaces the configured list).
    #[arg(long = "schema", global = true, value_name = "NAME")]
    schemas: Vec<String>,
    /// A table to leave out: name or schema.name, `*` as wildcard
    /// (repeatable).
    #[arg(long = "ignore-table", global = true, value_name = "PATTERN")]
    ignore_tables: Vec<String>,
    /// The version table's name (default strata_migrations).
    #[arg(long, global = true, value_name = "NAME")]
    version_table: Option<String>,
    /// The version table's schema (default public).
    #[arg(long, global = true, value_name = "NAME")]
    version_schema: Option<String>,
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable lines.
    Text,
    /// One JSON document on standard output.
    Json,
}

/// Overrides of the safety checks of the runner.
#[derive(Clone, Copy, Debug, Args)]
struct Safety {
    /// Run although an applied migration's file was edited.
    #[arg(long)]
    allow_edited: bool,
    /// Run although an applied revision has no file.
    #[arg(long)]
    allow_missing: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create the migrations directory (and a schema-diff.toml when there is
    /// none).
    Init,
    /// Write a new migration file: empty for hand-written SQL, or generated
    /// from the difference between the history and the models.
    Revision {
        /// The message.
        #[arg(short, long)]
        message: String,
        /// Generate up and down SQL: replay the migrations into a scratch
        /// database and diff the result with the models.
        #[arg(long)]
        autogenerate: bool,
        /// Include operations that destroy data (drops, narrowing types).
        #[arg(long)]
        allow_drops: bool,
        /// Write the file even when autogenerate finds no change.
        #[arg(long)]
        empty: bool,
        /// With --autogenerate, for the first revision: write conditional
        /// creation (IF NOT EXISTS), safe on fresh databases and on ones that
        /// already hold the schema (a baseline).
        #[arg(long, requires = "autogenerate")]
        idempotent: bool,
        /// The parent revision (default: the single head).
        #[arg(long, value_name = "REV")]
        head: Option<String>,
        /// Use this revision id instead of a generated one.
        #[arg(long, value_name = "ID")]
        rev_id: Option<String>,
    },
    /// Apply migrations up to TARGET (default head).
    Upgrade {
        /// head, heads, a revision or prefix, +N, <rev>+N; with --sql,
        /// FROM:TO is accepted (FROM defaults to base).
        #[arg(allow_negative_numbers = true)]
        target: Option<String>,
        /// Print the SQL script instead of running it.
        #[arg(long)]
        sql: bool,
        #[command(flatten)]
        safety: Safety,
    },
    /// Revert migrations down to TARGET.
    Downgrade {
        /// base, a revision or prefix, -N, head-1, <rev>-N; with --sql,
        /// FROM:TO.
        #[arg(allow_negative_numbers = true)]
        target: String,
        /// Print the SQL script instead of running it.
        #[arg(long)]
        sql: bool,
        /// Run down sections that delete data (drop a table, column, type or
        /// schema, narrow a type, delete rows); refused without it.
        #[arg(long)]
        allow_drops: bool,
        #[command(flatten)]
        safety: Safety,
    },
    /// Record TARGET as applied without running anything (the baseline of a
    /// database that already holds the schema).
    Stamp {
        /// head, heads, base, a revision or prefix, ...
        #[arg(allow_negative_numbers = true)]
        target: String,
        /// Remove rows of revisions that are not in the directory.
        #[arg(long)]
        purge: bool,
        /// Print the SQL script instead of running it.
        #[arg(long)]
        sql: bool,
    },
    /// Show the database's current revision(s).
    Current {
        /// List every applied revision with when and how long.
        #[arg(short, long)]
        verbose: bool,
    },
    /// List revisions, newest first.
    History {
        /// Only revisions in FROM:TO (either side may be empty).
        #[arg(
            short = 'r',
            long = "rev-range",
            value_name = "FROM:TO",
            allow_hyphen_values = true
        )]
        range: Option<String>,
        /// Mark the database's applied revisions.
        #[arg(short = 'i', long)]
        indicate_current: bool,
        /// Show parents, path, creation time and transaction mode too.
        #[arg(short, long)]
        verbose: bool,
    },
    /// List the heads.
    Heads,
    /// List the branch points and their branches.
    Branches,
    /// Show one revision.
    Show {
        /// A revision, prefix, head, ...
        rev: String,
    },
    /// Write a revision that joins several heads.
    Merge {
        /// The message.
        #[arg(short, long)]
        message: String,
        /// The revisions to join (`heads` for all heads).
        #[arg(required = true)]
        revisions: Vec<String>,
        /// Use this revision id instead of a generated one.
        #[arg(long, value_name = "ID")]
        rev_id: Option<String>,
    },
    /// Compare the models with the database and list pending migrations:
    /// exit 0 when they agree, 1 when not, 2 on error.
    Check,
    /// Print the SQL that turns FROM into TO. Sources: a postgres:// URL,
    /// `database` (the configured one), `models`, `migrations` (replayed into
    /// a scratch database), `empty`, a .json schema file or a .sql file.
    Diff {
        /// The starting point.
        #[arg(long)]
        from: String,
        /// The goal.
        #[arg(long)]
        to: String,
        /// Include operations that destroy data (drops, narrowing types).
        #[arg(long)]
        allow_drops: bool,
    },
}

/// Prints results and notes; masks every known password.
pub struct Out {
    format: Format,
    secrets: Vec<String>,
}

impl Out {
    fn mask(&self, text: &str) -> String {
        mask_secrets(text, &self.secrets)
    }

    /// True for `--format json`.
    pub fn json(&self) -> bool {
        self.format == Format::Json
    }

    /// A result line (standard output; text format only).
    pub fn line(&self, text: &str) {
        if !self.json() {
            println!("{}", self.mask(text));
        }
    }

    /// An SQL script on standard output, in either format, exactly as
    /// generated: it comes from the migration files or the models, never
    /// from the connection settings, and masking would change it (a
    /// password such as `postgres` turned `OWNER TO postgres` into
    /// `OWNER TO ***` in the offline script).
    pub fn raw(&self, text: &str) {
        print!("{text}");
    }

    /// A note (standard error), in either format.
    pub fn note(&self, text: &str) {
        eprintln!("{}", self.mask(text));
    }

    /// The JSON document (JSON format only), exactly: like [`Out::raw`] it
    /// is built from schemas, files and the revision graph, never from the
    /// connection settings, and it carries SQL that masking would change.
    pub fn document(&self, value: &serde_json::Value) {
        if self.json() {
            let text = serde_json::to_string_pretty(value).unwrap_or_default();
            println!("{text}");
        }
    }

    /// An error: one line (plus context lines) on standard error.
    pub fn error(&self, e: &Error) {
        eprintln!("error: {}", self.mask(&error_text(e)));
    }
}

/// The readable text of an error (PostgreSQL's message, detail and hint for
/// server errors).
pub fn error_text(e: &Error) -> String {
    match e {
        Error::Db(db) => crate::runner::describe_pg_error(db),
        other => other.to_string(),
    }
}

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
            .map_err(|e| {
                Error::Message(format!("cannot start a throwaway PostgreSQL server: {e}"))
            })?
            .map_err(|e| Error::Message(e.to_string()))?;
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
            ctx.out.error(&e);
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

async fn dispatch(ctx: &mut Ctx, command: Command) -> Result<u8, Error> {
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

fn options(s: Safety) -> crate::runner::RunOptions {
    crate::runner::RunOptions {
        allow_edited: s.allow_edited,
        allow_missing: s.allow_missing,
        allow_drops: false,
    }
}
