//! Benchmark of the commands users wait on, as they run them: the release
//! `schema-diff` binary, from process start to exit, models command
//! included, on the synthetic schema of issue 3 (1,000 and 10,000 tables),
//! side by side with Alembic's autogenerate comparison on the same database.
//!
//! For each size N it creates a database (on the server of `DATABASE_URL`,
//! default `postgres://postgres@127.0.0.1:5432/postgres`) holding N tables,
//! each with an identity primary key, 14 typed columns among
//! text/integer/double/boolean/jsonb/text[]/timestamptz/varchar(32)/
//! numeric(12,2) (six with defaults), a unique constraint, 2 indexes and a
//! foreign key to the previous table; writes a project directory (a
//! `schema-diff.toml` whose models command is `cat models.json`, the models
//! as they would be written, and a one-file history: the idempotent baseline,
//! stamped); then times, as the median of `--runs` runs, each cold (the
//! cache directory emptied before every run) and warm:
//!
//! - `schema-diff check` (the database at head: exit 0),
//! - `schema-diff revision --autogenerate` with no change (writes nothing),
//! - `schema-diff revision --autogenerate` with one changed table (the file
//!   it writes is removed after each run),
//! - `schema-diff diff --from database --to models`,
//!
//! and counts the SQL statements each sends: the commands connect through a
//! small proxy in this program that counts the frontend messages that run
//! SQL (`Query` and `Execute`). With `--alembic` it creates a Python virtual
//! environment (`target/bench-venv`, pip installs alembic 1.20.1, SQLAlchemy
//! 2.1.9, psycopg2-binary) and runs `alembic_baseline.py` through the same
//! proxy: the comparison `compare_metadata` (reflect + compare), timed inside
//! the process, without the interpreter's start and the models' import.
//!
//! ```sh
//! cargo run --release -p schema-diff --example bench_commands -- [--tables 1000,10000] [--runs 5] [--alembic]
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use schema_diff::introspect::{introspect_counted, IntrospectOptions};
use schema_diff::normalize::{apply_schema_batched, NORMALIZE_BATCH};
use schema_diff::scratch::ScratchDb;
use strata::schema::{
    Column, FkAction, ForeignKey, Identity, Index, IndexElement, IndexMethod, PrimaryKey, Schema,
    SortOrder, SqlType, Table, Unique,
};
use strata::ConnectOptions;
use strata_model::ddl::create::DdlOptions;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

struct Args {
    sizes: Vec<usize>,
    runs: usize,
    url: String,
    alembic: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        sizes: vec![1000, 10000],
        runs: 5,
        url: std::env::var("DATABASE_URL")
            .ok()
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".to_string()),
        alembic: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--tables" => {
                args.sizes = value("--tables")?
                    .split(',')
                    .map(|s| s.trim().parse::<usize>().map_err(|e| format!("--tables {s:?}: {e}")))
                    .collect::<Result<_, _>>()?;
            }
            "--runs" => {
                args.runs = value("--runs")?
                    .parse()
                    .map_err(|e| format!("--runs: {e}"))?;
            }
            "--url" => args.url = value("--url")?,
            "--alembic" => args.alembic = true,
            other => {
                return Err(format!(
                    "unknown argument {other:?}; usage: bench_commands [--tables 1000,10000] [--runs 5] [--url postgres://...] [--alembic]"
                ))
            }
        }
    }
    if args.runs == 0 || args.sizes.is_empty() || args.sizes.contains(&0) {
        return Err("--runs and --tables must be positive".into());
    }
    Ok(args)
}

fn col(name: &str, ty: SqlType, nullable: bool, default: Option<&str>) -> Column {
    let mut c = Column::new(name, ty, nullable);
    c.default = default.map(str::to_string);
    c
}

fn index(name: String, elements: Vec<IndexElement>) -> Index {
    Index {
        comment: Default::default(),
        nulls_not_distinct: Default::default(),
        with: Default::default(),
        name,
        unique: false,
        method: IndexMethod::Btree,
        elements,
        include: vec![],
        predicate: None,
    }
}

/// The synthetic schema, written directly in canonical form (the form
/// introspection reads back).
fn synthetic(n: usize) -> Schema {
    let name = |i: usize| format!("t{i:05}");
    let mut tables = Vec::with_capacity(n);
    for i in 0..n {
        let t_name = name(i);
        let mut t = Table::new("public", &t_name);
        let mut id = col("id", SqlType::BigInt, false, None);
        id.identity = Some(Identity::Always);
        t.columns = vec![
            id,
            col("title", SqlType::Text, false, None),
            col("count", SqlType::Integer, true, None),
            col("score", SqlType::DoublePrecision, true, None),
            col("active", SqlType::Boolean, false, Some("false")),
            col("payload", SqlType::Jsonb, false, Some("'{}'::jsonb")),
            col(
                "tags",
                SqlType::Text.array_of(),
                false,
                Some("'{}'::text[]"),
            ),
            col(
                "created_at",
                SqlType::TimestampTz(None),
                false,
                Some("now()"),
            ),
            col("code", SqlType::Varchar(Some(32)), false, None),
            col("price", SqlType::Numeric(Some((12, 2))), true, Some("0")),
            col("note", SqlType::Text, true, None),
            col("attempts", SqlType::Integer, false, Some("0")),
            col("updated_at", SqlType::TimestampTz(None), true, None),
            col("label", SqlType::Varchar(Some(32)), true, None),
            col("prev_id", SqlType::BigInt, true, None),
        ];
        t.primary_key = Some(PrimaryKey {
            comment: Default::default(),
            deferrable: Default::default(),
            name: format!("{t_name}_pkey"),
            columns: vec!["id".into()],
            include: Vec::new(),
            with: Vec::new(),
        });
        t.uniques = vec![Unique {
            comment: Default::default(),
            deferrable: Default::default(),
            nulls_not_distinct: Default::default(),
            name: format!("{t_name}_code_key"),
            columns: vec!["code".into()],
            include: Vec::new(),
            with: Vec::new(),
        }];
        let mut created = IndexElement::column("created_at");
        created.order = SortOrder::Desc;
        t.indexes = vec![
            index(
                format!("{t_name}_created_at_idx"),
                vec![created, IndexElement::column("active")],
            ),
            index(
                format!("{t_name}_title_idx"),
                vec![IndexElement::column("title")],
            ),
        ];
        // The first table refers to itself.
        let prev = name(i.saturating_sub(1));
        t.foreign_keys = vec![ForeignKey {
            not_valid: false,
            comment: Default::default(),
            match_full: Default::default(),
            name: format!("{t_name}_prev_id_fkey"),
            columns: vec!["prev_id".into()],
            ref_schema: "public".into(),
            ref_table: prev,
            ref_columns: vec!["id".into()],
            on_delete: FkAction::SetNull,
            on_update: FkAction::NoAction,
            deferrable: Default::default(),
        }];
        tables.push(t);
    }
    Schema {
        definitions: Vec::new(),
        schemas: vec!["public".into()],
        enums: vec![],
        tables,
        objects: vec![],
    }
    .canonical()
}

/// The models as an application writes them: bare literals where
/// PostgreSQL adds the cast (`'{}'` for `'{}'::jsonb`), so the commands
/// normalize for real.
fn models_json(s: &Schema) -> String {
    let mut m = s.clone();
    for t in &mut m.tables {
        for c in &mut t.columns {
            if let Some(d) = &c.default {
                if d.starts_with("'{}'::") {
                    c.default = Some("'{}'".to_string());
                }
            }
        }
    }
    m.to_json()
}

/// The models with one table changed: a new column.
fn changed_json(s: &Schema) -> String {
    let mut m = s.clone();
    if let Some(t) = m.tables.first_mut() {
        t.columns.push(Column::new("extra", SqlType::Text, true));
    }
    models_json(&m)
}

/// Counts the frontend messages that run SQL (`Query`, `Execute`) of every
/// connection it forwards to `upstream`.
#[derive(Clone)]
struct Proxy {
    port: u16,
    statements: Arc<AtomicU64>,
}

async fn start_proxy(upstream: (String, u16)) -> Result<Proxy, BoxError> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let port = listener.local_addr()?.port();
    let statements = Arc::new(AtomicU64::new(0));
    let count = statements.clone();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let upstream = upstream.clone();
            let count = count.clone();
            tokio::spawn(async move {
                let Ok(server) = TcpStream::connect((upstream.0.as_str(), upstream.1)).await else {
                    return;
                };
                let _ = client.set_nodelay(true);
                let _ = server.set_nodelay(true);
                let (mut cr, mut cw) = client.into_split();
                let (mut sr, mut sw) = server.into_split();
                let down = tokio::spawn(async move {
                    let _ = tokio::io::copy(&mut sr, &mut cw).await;
                });
                let _ = forward_counting(&mut cr, &mut sw, &count).await;
                let _ = sw.shutdown().await;
                let _ = down.await;
            });
        }
    });
    Ok(Proxy { port, statements })
}

/// Forwards the frontend's messages, counting `Q` and `E`.
async fn forward_counting(
    from: &mut (impl AsyncReadExt + Unpin),
    to: &mut (impl AsyncWriteExt + Unpin),
    count: &AtomicU64,
) -> std::io::Result<()> {
    // Untyped messages first: SSLRequest / GSSENCRequest, then the startup.
    loop {
        let mut len = [0u8; 4];
        from.read_exact(&mut len).await?;
        let n = u32::from_be_bytes(len) as usize;
        let mut body = vec![0u8; n.saturating_sub(4)];
        from.read_exact(&mut body).await?;
        to.write_all(&len).await?;
        to.write_all(&body).await?;
        let code = body
            .get(..4)
            .map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]]));
        if !matches!(code, Some(80_877_103 | 80_877_104)) {
            break;
        }
    }
    loop {
        let mut head = [0u8; 5];
        from.read_exact(&mut head).await?;
        let n = u32::from_be_bytes([head[1], head[2], head[3], head[4]]) as usize;
        let mut body = vec![0u8; n.saturating_sub(4)];
        from.read_exact(&mut body).await?;
        if head[0] == b'Q' || head[0] == b'E' {
            count.fetch_add(1, Ordering::Relaxed);
        }
        to.write_all(&head).await?;
        to.write_all(&body).await?;
    }
}

/// The URL of database `db` through the proxy.
fn proxied_url(server: &ConnectOptions, proxy: &Proxy, db: &str) -> String {
    let mut c = tokio_postgres::Config::new();
    c.host("127.0.0.1").port(proxy.port).dbname(db);
    if let Some(u) = server.config().get_user() {
        c.user(u);
    }
    if let Some(p) = server.config().get_password() {
        c.password(p);
    }
    c.ssl_mode(tokio_postgres::config::SslMode::Disable);
    ConnectOptions::from_config(c).to_url()
}

/// One benchmarked project: its directory, the release binary, the
/// database URL through the proxy.
struct Bench {
    bin: PathBuf,
    dir: PathBuf,
    cache: PathBuf,
    url: String,
    proxy: Proxy,
}

impl Bench {
    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(&self.bin);
        c.args(args)
            .current_dir(&self.dir)
            .env("DATABASE_URL", &self.url)
            .env("SCHEMA_DIFF_CACHE_DIR", &self.cache)
            .env_remove("SCHEMA_DIFF_SCRATCH_URL");
        c
    }

    /// Runs `args`, checking the exit code; returns the time from process
    /// start to exit and the statements sent.
    fn run(&self, args: &[&str], code: i32, expect: &str) -> Result<(Duration, u64), BoxError> {
        self.proxy.statements.store(0, Ordering::SeqCst);
        let start = Instant::now();
        let out = self.command(args).output()?;
        let elapsed = start.elapsed();
        if out.status.code() != Some(code) || !String::from_utf8_lossy(&out.stdout).contains(expect)
        {
            return Err(format!(
                "schema-diff {} exited {:?} (expected {code} and {expect:?} on stdout):\n{}{}",
                args.join(" "),
                out.status.code(),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
            .into());
        }
        Ok((elapsed, self.proxy.statements.load(Ordering::SeqCst)))
    }

    fn clear_cache(&self) {
        let _ = std::fs::remove_dir_all(&self.cache);
    }

    /// Removes the revisions an autogenerate run wrote (all but the
    /// baseline).
    fn remove_new_revisions(&self) -> Result<(), BoxError> {
        let dir = self.dir.join("migrations");
        if !dir.is_dir() {
            return Ok(());
        }
        for f in std::fs::read_dir(dir)? {
            let p = f?.path();
            if !p.to_string_lossy().contains("baseline") {
                std::fs::remove_file(p)?;
            }
        }
        Ok(())
    }

    /// Median time and the statements of the median run, over `runs` runs
    /// cold (cache emptied before each) or warm (after one warming run).
    fn measure(
        &self,
        args: &[&str],
        code: i32,
        expect: &str,
        runs: usize,
        cold: bool,
    ) -> Result<(Duration, u64), BoxError> {
        if !cold {
            self.run(args, code, expect)?;
            self.remove_new_revisions()?;
        }
        let mut results = Vec::with_capacity(runs);
        for _ in 0..runs {
            if cold {
                self.clear_cache();
            }
            results.push(self.run(args, code, expect)?);
            self.remove_new_revisions()?;
        }
        results.sort();
        Ok(results[results.len() / 2])
    }
}

/// The release `schema-diff` binary, built now (this example runs from
/// `target/release/examples/`).
fn binary() -> Result<PathBuf, BoxError> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args([
            "build",
            "--release",
            "-q",
            "-p",
            "schema-diff",
            "--bin",
            "schema-diff",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()?;
    if !status.success() {
        return Err("cannot build the schema-diff binary".into());
    }
    let exe = std::env::current_exe()?;
    let release = exe
        .parent()
        .and_then(Path::parent)
        .ok_or("cannot find the target directory")?;
    Ok(release.join("schema-diff"))
}

/// A Python virtual environment with Alembic, created once under the
/// target directory.
fn alembic_python(bin: &Path) -> Result<PathBuf, BoxError> {
    let target = bin.parent().and_then(Path::parent).ok_or("no target dir")?;
    let venv = target.join("bench-venv");
    let python = venv.join("bin").join("python");
    if !python.exists() {
        let ok = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()?
            .success()
            && Command::new(&python)
                .args([
                    "-m",
                    "pip",
                    "install",
                    "-q",
                    "alembic==1.20.1",
                    "sqlalchemy==2.1.9",
                    "psycopg2-binary",
                ])
                .status()?
                .success();
        if !ok {
            return Err("cannot create the Alembic environment".into());
        }
    }
    Ok(python)
}

/// Alembic's comparison through the proxy: (median seconds, statements per
/// comparison, the line it printed).
fn alembic(
    python: &Path,
    url: &str,
    proxy: &Proxy,
    runs: usize,
) -> Result<(f64, u64, String), BoxError> {
    use std::io::{BufRead, BufReader, Write};
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/alembic_baseline.py");
    let mut child = Command::new(python)
        .arg(script)
        .arg(url)
        .arg(runs.to_string())
        .arg("--pause")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()?;
    let mut out = BufReader::new(child.stdout.take().ok_or("no stdout")?);
    let mut line = String::new();
    out.read_line(&mut line)?;
    if line.trim() != "ready" {
        return Err(format!("alembic_baseline.py: {line}").into());
    }
    // The models are reflected: count from here.
    proxy.statements.store(0, Ordering::SeqCst);
    child.stdin.take().ok_or("no stdin")?.write_all(b"go\n")?;
    let mut result = String::new();
    out.read_line(&mut result)?;
    child.wait()?;
    let statements = proxy.statements.load(Ordering::SeqCst) / runs as u64;
    let median_ms = result
        .split("median ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|v| v.parse::<f64>().ok())
        .ok_or_else(|| format!("alembic_baseline.py printed {result:?}"))?;
    Ok((median_ms / 1000.0, statements, result.trim().to_string()))
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// One size: set up, measure, print.
fn bench(rt: &tokio::runtime::Runtime, args: &Args, bin: &Path, n: usize) -> Result<(), BoxError> {
    let server = ConnectOptions::parse(&args.url)?;
    let upstream = match (
        server.config().get_hosts().first(),
        server.config().get_ports().first(),
    ) {
        (Some(tokio_postgres::config::Host::Tcp(h)), port) => {
            (h.clone(), port.copied().unwrap_or(5432))
        }
        _ => return Err("the benchmark needs a TCP server address in DATABASE_URL".into()),
    };
    let desired = synthetic(n);
    let setup = Instant::now();
    let (scratch, introspection) = rt.block_on(async {
        let scratch = ScratchDb::create(&server).await?;
        let client = scratch.connect().await?;
        apply_schema_batched(&client, &desired, &DdlOptions::plain(), NORMALIZE_BATCH).await?;
        client.batch_execute("ANALYZE").await?;
        let opts = IntrospectOptions::default();
        let (read, statements) = introspect_counted(&client, &opts).await?;
        if read != desired {
            return Err::<_, BoxError>("the introspected schema differs from the model".into());
        }
        let mut times = Vec::new();
        for _ in 0..args.runs {
            let start = Instant::now();
            std::hint::black_box(introspect_counted(&client, &opts).await?);
            times.push(start.elapsed());
        }
        times.sort();
        Ok((scratch, (times[times.len() / 2], statements)))
    })?;
    let built = setup.elapsed();
    let proxy = rt.block_on(start_proxy(upstream))?;
    let dir =
        std::env::temp_dir().join(format!("strata-bench-commands-{n}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("migrations"))?;
    std::fs::write(dir.join("models.json"), models_json(&desired))?;
    std::fs::write(dir.join("changed.json"), changed_json(&desired))?;
    std::fs::write(
        dir.join("schema-diff.toml"),
        "migrations = \"migrations\"\nmodels = [\"cat\", \"models.json\"]\n",
    )?;
    let b = Bench {
        bin: bin.to_path_buf(),
        cache: dir.join("cache"),
        url: proxied_url(&server, &proxy, scratch.name()),
        proxy: proxy.clone(),
        dir: dir.clone(),
    };
    // The one-file history: the baseline, stamped.
    b.run(
        &[
            "revision",
            "--autogenerate",
            "--idempotent",
            "-m",
            "baseline",
        ],
        0,
        "Wrote",
    )?;
    b.run(&["stamp", "head"], 0, "Stamped")?;
    b.run(&["check"], 0, "matches")?;

    let columns: usize = desired.tables.iter().map(|t| t.columns.len()).sum();
    println!(
        "\n{n} tables ({columns} columns, {} indexes, {n} unique constraints, {n} foreign keys; database built in {:.1} s)",
        2 * n,
        secs(built)
    );
    println!(
        "  introspection alone (in-process, for reference): {:.3} s, {} statements",
        secs(introspection.0),
        introspection.1
    );
    let alembic_result = if args.alembic {
        let python = alembic_python(bin)?;
        let runs = if n >= 5000 { 1 } else { 3 };
        Some(alembic(&python, &b.url, &proxy, runs)?)
    } else {
        None
    };
    println!(
        "  {:<46} {:>8} {:>8} {:>12} {:>12}",
        "command (release, process start to exit)",
        "cold s",
        "warm s",
        "statements",
        "Alembic/warm"
    );
    // Each with what its output must say.
    let commands: [(&str, Vec<&str>, &str); 4] = [
        ("check", vec!["check"], "matches the models"),
        (
            "revision --autogenerate (no change)",
            vec!["revision", "--autogenerate", "-m", "nothing"],
            "No changes",
        ),
        (
            "revision --autogenerate (one changed table)",
            vec![
                "--models",
                "cat changed.json",
                "revision",
                "--autogenerate",
                "-m",
                "change",
            ],
            "+ column t00000.extra",
        ),
        (
            "diff --from database --to models",
            vec!["diff", "--from", "database", "--to", "models"],
            "no differences",
        ),
    ];
    let mut figures = Vec::new();
    for (label, cmd, expect) in &commands {
        let (cold, cold_st) = b.measure(cmd, 0, expect, args.runs, true)?;
        let (warm, warm_st) = b.measure(cmd, 0, expect, args.runs, false)?;
        let ratio = alembic_result
            .as_ref()
            .map(|(a, _, _)| format!("{:.0}x", a / secs(warm)))
            .unwrap_or_else(|| "-".into());
        println!(
            "  {label:<46} {:>8.3} {:>8.3} {:>12} {:>12}",
            secs(cold),
            secs(warm),
            format!("{cold_st} / {warm_st}"),
            ratio
        );
        figures.push((*label, secs(cold), secs(warm)));
    }
    if let Some((a, st, line)) = &alembic_result {
        println!(
            "  {:<46} {:>8.3} {:>8} {:>12}",
            "Alembic compare_metadata (reflect + compare)", a, "", st
        );
        println!(
            "    ({line}; timed inside the process, without interpreter start and model import)"
        );
    }
    let targets: &[(&str, bool, f64)] = match n {
        1000 => &[
            ("check", false, 0.2),
            ("check", true, 1.5),
            ("revision --autogenerate (no change)", false, 0.3),
            ("revision --autogenerate (no change)", true, 2.0),
        ],
        10000 => &[("check", false, 1.5), ("check", true, 15.0)],
        _ => &[],
    };
    for (label, cold, limit) in targets {
        if let Some((_, c, w)) = figures.iter().find(|(l, _, _)| l == label) {
            let got = if *cold { *c } else { *w };
            println!(
                "  target: {label} {} <= {limit} s: {got:.3} s, {}",
                if *cold { "cold" } else { "warm" },
                if got <= *limit { "met" } else { "MISSED" }
            );
        }
    }
    rt.block_on(scratch.drop_db())?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// The DGS project as its developers run it: `schema-diff check` from the
/// workspace root, whose `schema-diff.toml` runs `cargo run -q -p dgs --bin
/// dgs-models` as the models command, on a database at head.
fn bench_dgs(rt: &tokio::runtime::Runtime, args: &Args, bin: &Path) -> Result<(), BoxError> {
    let server = ConnectOptions::parse(&args.url)?;
    let upstream = match (
        server.config().get_hosts().first(),
        server.config().get_ports().first(),
    ) {
        (Some(tokio_postgres::config::Host::Tcp(h)), port) => {
            (h.clone(), port.copied().unwrap_or(5432))
        }
        _ => return Err("the benchmark needs a TCP server address in DATABASE_URL".into()),
    };
    let scratch = rt.block_on(ScratchDb::create(&server))?;
    let proxy = rt.block_on(start_proxy(upstream))?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .ok_or("no workspace root")?
        .to_path_buf();
    let cache = std::env::temp_dir().join(format!("strata-bench-dgs-cache-{}", std::process::id()));
    let b = Bench {
        bin: bin.to_path_buf(),
        dir: root,
        cache: cache.clone(),
        url: proxied_url(&server, &proxy, scratch.name()),
        proxy,
    };
    b.run(&["upgrade", "head"], 0, "Applied")?;
    let (cold, cold_st) = b.measure(&["check"], 0, "matches the models", args.runs, true)?;
    let (warm, warm_st) = b.measure(&["check"], 0, "matches the models", args.runs, false)?;
    println!(
        "
The DGS project (3 tables; models command `cargo run -q -p dgs --bin dgs-models`)"
    );
    println!(
        "  {:<46} {:>8.3} {:>8.3} {:>12}",
        "check",
        secs(cold),
        secs(warm),
        format!("{cold_st} / {warm_st}")
    );
    println!(
        "  target: check warm <= 0.5 s: {:.3} s, {}",
        secs(warm),
        if secs(warm) <= 0.5 { "met" } else { "MISSED" }
    );
    let _ = std::fs::remove_dir_all(&cache);
    rt.block_on(scratch.drop_db())?;
    Ok(())
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start tokio: {e}");
            std::process::exit(2);
        }
    };
    let bin = match binary() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    println!(
        "bench_commands: schema-diff's commands as users run them (release binary {}), median of {} runs",
        bin.display(),
        args.runs
    );
    if let Err(e) = bench_dgs(&rt, &args, &bin) {
        eprintln!("error (DGS): {e}");
        std::process::exit(1);
    }
    for &n in &args.sizes {
        if let Err(e) = bench(&rt, &args, &bin, n) {
            eprintln!("error ({n} tables): {e}");
            std::process::exit(1);
        }
    }
}
