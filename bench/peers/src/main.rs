//! strata side by side with its peers, on the same server and tables in one
//! run: hand-written tokio-postgres, sqlx, SeaORM, diesel-async, and
//! SQLAlchemy 2.x's async ORM (asyncpg) in a Python environment created
//! under `target/pyenv`.
//!
//! ```sh
//! cargo run --release --manifest-path bench/peers/Cargo.toml            # full
//! cargo run --release --manifest-path bench/peers/Cargo.toml -- --quick # fewer rounds
//! # --no-python: skip SQLAlchemy
//! # one library's one operation alone, for a profiler (perf stat/record):
//! cargo run --release --manifest-path bench/peers/Cargo.toml -- --profile tokio-postgres,strata get 100000
//! ```
//!
//! `DATABASE_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`)
//! names the server; a scratch database is created there (with
//! `synchronous_commit = off`, so single-row writes measure the libraries
//! rather than the disk's flush) and dropped at the end. It holds 100,000
//! authors and 1,000,000 books.
//!
//! Method (as `tests/examples/bench_crud.rs`): after a warm-up, every
//! operation runs in rounds; inside a round the Rust libraries take turns in
//! blocks of up to 50 calls (the order rotating from block to block), each
//! library on its own single connection (its own server backend), and each
//! call is timed. Blocks rather than single calls: five backends taking
//! turns call by call would each sleep while the other four run, and the
//! wake-up would be part of every call (and the scheduler's placement of
//! five backends on few cores would decide more than the libraries do). The figure per library is the median over rounds of
//! its time per operation; the ratio is the median over rounds of its time
//! divided by tokio-postgres' time in the same round. The bulk insert runs
//! once per library per round (rows deleted between runs, not timed).
//! Streaming runs in a child process per library and run (this binary
//! re-executed), which reports its peak resident memory (`VmHWM`) and the
//! time from the query to the last row (connecting is not included).
//! SQLAlchemy runs the same operations in a process of its own once per
//! round, right after the Rust libraries' round (bulk insert and streaming
//! likewise), on the same database, so it meets the same machine load; its
//! ratios are paired with the Rust figures of the same round.

// Rows are decoded into every field and passed to `black_box`, not read.
#![allow(dead_code)]

mod data;
mod diesel_peer;
mod raw;
mod seaorm_peer;
mod sqlx_peer;
mod strata_orm;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use data::{median, Op, Res};
use serde_json::Value;

const LIBS: [&str; 6] = [
    "tokio-postgres",
    "strata",
    "sqlx",
    "SeaORM",
    "diesel-async",
    "strata (TLS)",
];
const RAW: usize = 0;
const STRATA: usize = 1;
/// strata with its default `sslmode=prefer`: TLS when the server offers it
/// (the others run without TLS: see `plain_url`). Shown, not compared.
const STRATA_TLS: usize = 5;
/// The Rust peers strata must be no slower than (tokio-postgres is the
/// baseline, not a peer).
const PEERS: [usize; 3] = [2, 3, 4];
const OPS: [(Op, &str, &str); 6] = [
    (Op::Get, "get", "get by key (us)"),
    (Op::Insert, "insert", "insert, RETURNING (us)"),
    (Op::Update, "update", "update, RETURNING (us)"),
    (Op::Select, "select", "select 1,000 rows (us)"),
    (Op::Join, "join", "100 authors + books (us)"),
    (Op::Aggregate, "aggregate", "GROUP BY count, sum (us)"),
];
/// Calls in a row of one library before the next library's turn.
const BLOCK: usize = 50;
const SQLALCHEMY: &str = "sqlalchemy==2.1.9";
const ASYNCPG: &str = "asyncpg==0.32.0";
const GREENLET: &str = "greenlet==3.5.6";

struct Config {
    rounds: usize,
    bulk_rounds: usize,
    stream_runs: usize,
    /// Calls per round of each operation.
    calls: [usize; 6],
    python: bool,
}

impl Config {
    fn new(quick: bool, python: bool) -> Config {
        if quick {
            Config {
                rounds: 3,
                bulk_rounds: 1,
                stream_runs: 1,
                calls: [500, 250, 250, 25, 25, 50],
                python,
            }
        } else {
            Config {
                rounds: 7,
                bulk_rounds: 5,
                stream_runs: 5,
                calls: [2_000, 1_000, 1_000, 100, 100, 200],
                python,
            }
        }
    }
}

struct Peers {
    raw: raw::Raw,
    strata: strata_orm::Strata,
    sqlx: sqlx_peer::Sqlx,
    sea: seaorm_peer::SeaOrm,
    diesel: diesel_peer::Diesel,
    strata_tls: strata_orm::Strata,
}

impl Peers {
    /// Every library's connection: `url` without TLS, `tls_url` for
    /// strata's TLS column.
    async fn connect(url: &str, tls_url: &str) -> Res<Peers> {
        Ok(Peers {
            raw: raw::Raw::new(url).await?,
            strata: strata_orm::Strata::new(url).await?,
            sqlx: sqlx_peer::Sqlx::new(url).await?,
            sea: seaorm_peer::SeaOrm::new(url).await?,
            diesel: diesel_peer::Diesel::new(url).await?,
            strata_tls: strata_orm::Strata::new(tls_url).await?,
        })
    }

    async fn run(&mut self, lib: usize, op: Op, i: usize, round: usize) -> Res<usize> {
        match lib {
            0 => self.raw.run(op, i, round).await,
            1 => self.strata.run(op, i, round).await,
            2 => self.sqlx.run(op, i, round).await,
            3 => self.sea.run(op, i, round).await,
            4 => self.diesel.run(op, i, round).await,
            _ => self.strata_tls.run(op, i, round).await,
        }
    }

    async fn bulk(&mut self, lib: usize) -> Res<u64> {
        match lib {
            0 => self.raw.bulk().await,
            1 => self.strata.bulk().await,
            2 => self.sqlx.bulk().await,
            3 => self.sea.bulk().await,
            4 => self.diesel.bulk().await,
            _ => self.strata_tls.bulk().await,
        }
    }
}

/// The rows an operation must return, to check every library did the work.
fn expected(op: Op) -> usize {
    match op {
        Op::Get | Op::Insert | Op::Update => 1,
        Op::Select => 1_000,
        Op::Join => 100 * data::BOOKS_PER_AUTHOR as usize,
        Op::Aggregate => 100,
    }
}

/// `url` with `sslmode=disable` added (unless it names an `sslmode`): the
/// libraries compared all run without TLS. tokio-postgres and diesel-async
/// run with `NoTls`, sqlx (and so SeaORM) is built without a TLS backend;
/// strata and asyncpg default to `prefer`, which on a server with
/// `ssl = on` means TLS even on localhost.
fn plain_url(url: &str) -> String {
    if url.contains("sslmode=") {
        url.to_string()
    } else if url.contains('?') {
        format!("{url}&sslmode=disable")
    } else {
        format!("{url}?sslmode=disable")
    }
}

/// `url` with its database name replaced by `db`.
fn with_db(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let rest_at = base.find("://").map(|k| k + 3).unwrap_or(0);
    let host_end = base[rest_at..]
        .find('/')
        .map(|k| rest_at + k)
        .unwrap_or(base.len());
    format!("{}/{}{}", &base[..host_end], db, query)
}

/// Nanoseconds this thread has run on a CPU (`/proc/thread-self/schedstat`;
/// 0 where it cannot be read). The profiling run's runtime has one thread.
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// The child process of one streaming run: prints one JSON line.
fn stream_child(lib: &str, url: &str) -> Res<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let started = Instant::now();
    let (rows, pages, secs) = rt.block_on(async {
        match lib {
            "tokio-postgres" => raw::stream(url).await,
            "strata" | "strata (TLS)" => strata_orm::stream(url).await,
            "sqlx" => sqlx_peer::stream(url).await,
            "SeaORM" => seaorm_peer::stream(url).await,
            "diesel-async" => diesel_peer::stream(url).await,
            other => Err(format!("unknown library {other}").into()),
        }
    })?;
    println!(
        "{}",
        serde_json::json!({
            "rows": rows,
            "pages": pages,
            "secs": secs,
            "connect_secs": started.elapsed().as_secs_f64() - secs,
            "peak_kib": peak_rss_kib(),
        })
    );
    Ok(())
}

struct StreamResult {
    /// Seconds per run (every library runs once per run).
    secs: Vec<f64>,
    peak_kib: u64,
}

fn run_stream_children(
    url: &str,
    tls_url: &str,
    runs: usize,
    mut py: Option<&mut Python>,
) -> Res<Vec<StreamResult>> {
    let exe = std::env::current_exe()?;
    let mut secs: Vec<Vec<f64>> = vec![Vec::new(); LIBS.len()];
    let mut peak = vec![0u64; LIBS.len()];
    for run in 0..runs {
        for k in 0..LIBS.len() {
            let lib = (k + run) % LIBS.len();
            let out = Command::new(&exe)
                .args(["--stream-child", LIBS[lib]])
                .arg(if lib == STRATA_TLS { tls_url } else { url })
                .output()?;
            if !out.status.success() {
                return Err(format!(
                    "streaming child for {} failed: {}",
                    LIBS[lib],
                    String::from_utf8_lossy(&out.stderr)
                )
                .into());
            }
            let v: Value = serde_json::from_slice(&out.stdout)?;
            let rows = v["rows"].as_u64().unwrap_or(0);
            if rows != data::BOOKS as u64 {
                return Err(format!("{} streamed {rows} rows", LIBS[lib]).into());
            }
            secs[lib].push(v["secs"].as_f64().unwrap_or(f64::NAN));
            peak[lib] = peak[lib].max(v["peak_kib"].as_u64().unwrap_or(0));
            eprintln!(
                "stream run {}/{runs} {:<14} {:.3} s, peak {:.1} MiB (connecting: {:.1} ms)",
                run + 1,
                LIBS[lib],
                v["secs"].as_f64().unwrap_or(f64::NAN),
                v["peak_kib"].as_u64().unwrap_or(0) as f64 / 1024.0,
                v["connect_secs"].as_f64().unwrap_or(f64::NAN) * 1e3
            );
        }
        if let Some(py) = py.as_deref_mut() {
            py.stream_run();
        }
    }
    Ok(secs
        .into_iter()
        .zip(peak)
        .map(|(s, p)| StreamResult {
            secs: s,
            peak_kib: p,
        })
        .collect())
}

/// Per operation and library: per round, the time per call (seconds).
type Times = BTreeMap<&'static str, Vec<Vec<f64>>>;

async fn run_rust(
    cfg: &Config,
    url: &str,
    peers: &mut Peers,
    mut py: Option<&mut Python>,
) -> Res<(Times, Vec<Vec<f64>>)> {
    let n = LIBS.len();
    // Warm-up: every statement prepared, caches filled, pages touched.
    for (op, name, _) in OPS {
        for i in 0..cfg.calls[0].min(200) {
            for (lib, lib_name) in LIBS.iter().enumerate() {
                let got = peers.run(lib, op, i, 0).await?;
                if got != expected(op) {
                    return Err(format!("{lib_name} {name}: {got} rows").into());
                }
            }
        }
    }
    let mut times: Times = BTreeMap::new();
    for round in 0..cfg.rounds {
        for (k, (op, name, _)) in OPS.iter().enumerate() {
            let calls = cfg.calls[k];
            let mut total = vec![Duration::ZERO; n];
            let block = (calls / 10).clamp(1, BLOCK);
            for b in 0..calls.div_ceil(block) {
                for j in 0..n {
                    let lib = (b + j + round) % n;
                    for i in b * block..((b + 1) * block).min(calls) {
                        let t = Instant::now();
                        let got = peers.run(lib, *op, i, round + 1).await?;
                        total[lib] += t.elapsed();
                        if got != expected(*op) {
                            return Err(format!("{} {name}: {got} rows", LIBS[lib]).into());
                        }
                    }
                }
            }
            let per = times.entry(name).or_insert_with(|| vec![Vec::new(); n]);
            for lib in 0..n {
                per[lib].push(total[lib].as_secs_f64() / calls as f64);
            }
        }
        let line: Vec<String> = OPS
            .iter()
            .map(|(_, name, _)| {
                let per = &times[name];
                format!("{name} {:.2}", per[STRATA][round] / per[RAW][round])
            })
            .collect();
        eprintln!(
            "round {}/{}: strata/tokio-postgres {}",
            round + 1,
            cfg.rounds,
            line.join(", ")
        );
        // SQLAlchemy's round right after, under the same load.
        if let Some(py) = py.as_deref_mut() {
            py.ops_round();
        }
    }

    // Bulk insert: 100,000 rows per library per round, deleted afterwards.
    let rows: Vec<data::NewBook> = (0..data::BULK_ROWS).map(data::bulk_book).collect();
    peers.raw.prepare_bulk(&rows);
    peers.strata.prepare_bulk(&rows);
    peers.sqlx.prepare_bulk(&rows);
    peers.sea.prepare_bulk(&rows);
    peers.diesel.prepare_bulk(&rows);
    peers.strata_tls.prepare_bulk(&rows);
    let admin = raw::connect(url).await?;
    let cleanup = format!("DELETE FROM books WHERE id > {}", data::BOOKS);
    admin.batch_execute(&cleanup).await?;
    admin.batch_execute("VACUUM books").await?;
    let mut bulk: Vec<Vec<f64>> = vec![Vec::new(); n];
    for round in 0..cfg.bulk_rounds {
        for j in 0..n {
            let lib = (j + round) % n;
            let t = Instant::now();
            let written = peers.bulk(lib).await?;
            let secs = t.elapsed().as_secs_f64();
            if written != data::BULK_ROWS as u64 {
                return Err(format!("{} bulk wrote {written} rows", LIBS[lib]).into());
            }
            bulk[lib].push(secs);
            eprintln!(
                "bulk round {}/{} {:<14} {:.3} s",
                round + 1,
                cfg.bulk_rounds,
                LIBS[lib],
                secs
            );
            admin.batch_execute(&cleanup).await?;
            admin.batch_execute("VACUUM books").await?;
        }
        if let Some(py) = py.as_deref_mut() {
            py.bulk_round();
            admin.batch_execute(&cleanup).await?;
            admin.batch_execute("VACUUM books").await?;
        }
    }
    Ok((times, bulk))
}

fn python_env() -> Res<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pyenv");
    let python = dir.join("bin/python");
    let ready = python.exists()
        && Command::new(&python)
            .args([
                "-c",
                "import sqlalchemy, asyncpg; assert sqlalchemy.__version__ == '2.1.9'",
            ])
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
    if !ready {
        eprintln!("creating {} ({SQLALCHEMY}, {ASYNCPG})", dir.display());
        let ok = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&dir)
            .status()?
            .success();
        if !ok {
            return Err("python3 -m venv failed".into());
        }
        let ok = Command::new(dir.join("bin/pip"))
            .args(["install", "-q", SQLALCHEMY, ASYNCPG, GREENLET])
            .status()?
            .success();
        if !ok {
            return Err("pip install failed (is the package index reachable?)".into());
        }
    }
    Ok(python)
}

/// SQLAlchemy's side: `sqlalchemy_bench.py` in the virtual environment,
/// run once per round next to the Rust libraries.
struct Python {
    python: PathBuf,
    script: PathBuf,
    url: String,
    calls: String,
    /// Per operation key, per round: seconds per call.
    ops: BTreeMap<String, Vec<f64>>,
    bulk: Vec<f64>,
    stream: Vec<f64>,
    peak_kib: u64,
    /// Why SQLAlchemy's figures are missing or partial, if they are.
    failed: Option<String>,
}

impl Python {
    fn new(cfg: &Config, url: &str) -> Res<Python> {
        let python = python_env()?;
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("sqlalchemy_bench.py");
        let base = url.split_once('?').map_or(url, |(b, _)| b);
        let url = match base.split_once("://") {
            // Without TLS, as the Rust libraries.
            Some((_, rest)) => format!("postgresql+asyncpg://{rest}?ssl=disable"),
            None => return Err(format!("not a URL: {url}").into()),
        };
        let calls: Vec<String> = cfg
            .calls
            .iter()
            .map(|c| (c / 4).max(10).to_string())
            .collect();
        Ok(Python {
            python,
            script,
            url,
            calls: calls.join(","),
            ops: BTreeMap::new(),
            bulk: Vec::new(),
            stream: Vec::new(),
            peak_kib: 0,
            failed: None,
        })
    }

    fn run(&mut self, args: &[&str]) -> Option<Value> {
        if self.failed.is_some() {
            return None;
        }
        let out = Command::new(&self.python)
            .arg(&self.script)
            .args(["--url", &self.url, "--calls", &self.calls])
            .args(args)
            .stderr(std::process::Stdio::inherit())
            .output();
        let parsed = match out {
            Ok(out) if out.status.success() => serde_json::from_slice::<Value>(&out.stdout)
                .map_err(|e| format!("sqlalchemy_bench.py printed no JSON: {e}")),
            Ok(out) => Err(format!("sqlalchemy_bench.py failed ({})", out.status)),
            Err(e) => Err(format!("sqlalchemy_bench.py did not start: {e}")),
        };
        match parsed {
            Ok(v) => Some(v),
            Err(e) => {
                eprintln!("{e}");
                self.failed = Some(e);
                None
            }
        }
    }

    /// One round of the operations.
    fn ops_round(&mut self) {
        if let Some(v) = self.run(&["--rounds", "1", "--bulk-rounds", "0", "--no-stream"]) {
            if let Some(ops) = v["ops"].as_object() {
                for (k, t) in ops {
                    let t = t.as_f64().unwrap_or(f64::NAN);
                    self.ops.entry(k.clone()).or_default().push(t);
                }
            }
        }
    }

    /// One bulk insert.
    fn bulk_round(&mut self) {
        if let Some(v) = self.run(&["--rounds", "0", "--bulk-rounds", "1", "--no-stream"]) {
            self.bulk.push(v["bulk"].as_f64().unwrap_or(f64::NAN));
        }
    }

    /// One streaming run (a child process of the script's own).
    fn stream_run(&mut self) {
        if let Some(v) = self.run(&["--stream-child"]) {
            let rows = v["rows"].as_u64().unwrap_or(0);
            if rows != data::BOOKS as u64 {
                self.failed = Some(format!("SQLAlchemy streamed {rows} rows"));
                return;
            }
            let secs = v["secs"].as_f64().unwrap_or(f64::NAN);
            let peak = v["peak_kib"].as_u64().unwrap_or(0);
            eprintln!(
                "stream run     {:<14} {secs:.3} s, peak {:.1} MiB",
                "SQLAlchemy",
                peak as f64 / 1024.0
            );
            self.stream.push(secs);
            self.peak_kib = self.peak_kib.max(peak);
        }
    }
}

/// The median over rounds of `per[a][r] / per[b][r]`: two libraries
/// compared within each round, then the median taken.
fn paired(per: &[Vec<f64>], a: usize, b: usize) -> f64 {
    paired_with(&per[a], &per[b])
}

/// One line of the table: per library and round, seconds.
struct Line<'a> {
    label: &'a str,
    /// How seconds are shown (1e6: microseconds, 1e3: milliseconds).
    scale: f64,
    per: Vec<Vec<f64>>,
    /// SQLAlchemy's seconds per round (its rounds run right after the
    /// Rust libraries' rounds of the same number).
    sqlalchemy: Option<Vec<f64>>,
}

/// The median over rounds of `a[r] / b[r]`.
fn paired_with(a: &[f64], b: &[f64]) -> f64 {
    median(a.iter().zip(b).map(|(x, y)| x / y).collect())
}

fn print_table(
    cfg: &Config,
    lines: &[Line],
    stream: &[StreamResult],
    sa_peak_kib: Option<u64>,
    py_note: &str,
) -> bool {
    let mut all_ok = true;
    let col = 20;
    println!();
    println!(
        "strata and its peers: {} rounds of {:?} calls (get, insert, update, select, join, \
         aggregate), bulk insert {} rounds, streaming {} runs; medians; in parentheses the \
         median over rounds of the ratio to tokio-postgres in the same round",
        cfg.rounds, cfg.calls, cfg.bulk_rounds, cfg.stream_runs
    );
    let mut header = format!("{:<28}", "operation");
    for lib in LIBS {
        header += &format!("{lib:>col$}");
    }
    header += &format!("{:>col$}", "SQLAlchemy ORM");
    println!("{header}");
    let mut notes = Vec::new();
    for line in lines {
        let med: Vec<f64> = line.per.iter().map(|v| median(v.clone())).collect();
        let digits = if line.scale > 1e3 { 1 } else { 0 };
        let mut text = format!("{:<28}", line.label);
        for (lib, m) in med.iter().enumerate() {
            text += &format!(
                "{:>col$}",
                format!(
                    "{:.digits$} ({:.2})",
                    m * line.scale,
                    paired(&line.per, lib, RAW)
                )
            );
        }
        match &line.sqlalchemy {
            Some(s) => {
                text += &format!(
                    "{:>col$}",
                    format!(
                        "{:.digits$} ({:.2})",
                        median(s.clone()) * line.scale,
                        paired_with(s, &line.per[RAW])
                    )
                )
            }
            None => text += &format!("{:>col$}", "-"),
        }
        println!("{text}");
        // The targets.
        let vs_raw = paired(&line.per, STRATA, RAW);
        let fastest = PEERS
            .iter()
            .copied()
            .min_by(|a, b| med[*a].total_cmp(&med[*b]))
            .unwrap();
        let vs_peer = paired(&line.per, STRATA, fastest);
        let (raw_ok, peer_ok) = (vs_raw <= 1.05, vs_peer <= 1.0);
        all_ok &= raw_ok && peer_ok;
        let mut note = format!(
            "  {}: strata/tokio-postgres {vs_raw:.3} (<= 1.05: {}), strata/fastest Rust peer ({}) {vs_peer:.3} (<= 1: {})",
            line.label,
            if raw_ok { "met" } else { "MISSED" },
            LIBS[fastest],
            if peer_ok { "met" } else { "MISSED" }
        );
        if let Some(sa) = &line.sqlalchemy {
            let x = paired_with(sa, &line.per[STRATA]);
            note += &format!(
                ", SQLAlchemy/strata {x:.1}x (>= 5x: {})",
                if x >= 5.0 { "met" } else { "MISSED" }
            );
            all_ok &= x >= 5.0;
        }
        notes.push(note);
    }
    let mut text = format!("{:<28}", "  peak memory (MiB)");
    for s in stream {
        text += &format!("{:>col$}", format!("{:.1}", s.peak_kib as f64 / 1024.0));
    }
    match sa_peak_kib {
        Some(k) => text += &format!("{:>col$}", format!("{:.1}", k as f64 / 1024.0)),
        None => text += &format!("{:>col$}", "-"),
    }
    println!("{text}");
    let mib = stream[STRATA].peak_kib as f64 / 1024.0;
    notes.push(format!(
        "  stream 1,000,000 rows: strata peak memory {mib:.1} MiB (< 50 MiB: {})",
        if mib < 50.0 { "met" } else { "MISSED" }
    ));
    all_ok &= mib < 50.0;
    println!();
    println!("targets");
    for n in notes {
        println!("{n}");
    }
    if !py_note.is_empty() {
        println!("{py_note}");
    }
    println!();
    println!(
        "{}",
        if all_ok {
            "all targets met"
        } else {
            "some targets MISSED"
        }
    );
    all_ok
}

async fn setup(admin_url: &str, db: &str) -> Res<()> {
    let admin = raw::connect(admin_url).await?;
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
        .await?;
    admin
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .await?;
    admin
        .batch_execute(&format!("ALTER DATABASE {db} SET synchronous_commit = off"))
        .await?;
    let c = raw::connect(&with_db(admin_url, db)).await?;
    c.batch_execute(data::DDL).await?;
    let t = Instant::now();
    c.batch_execute(&data::seed_sql()).await?;
    c.batch_execute("VACUUM ANALYZE authors, books").await?;
    eprintln!(
        "seeded {} authors and {} books in {:.1} s",
        data::AUTHORS,
        data::BOOKS,
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn drop_db(admin_url: &str, db: &str) -> Res<()> {
    let admin = raw::connect(admin_url).await?;
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
        .await?;
    Ok(())
}

/// The scratch database of a run, set up and seeded: the server's URL
/// (`DATABASE_URL`), the database's name, its URL as strata's TLS column
/// uses it and as the others do, and the runtime everything runs on.
struct Scratch {
    admin_url: String,
    db: String,
    tls_url: String,
    url: String,
    rt: tokio::runtime::Runtime,
}

impl Scratch {
    fn new() -> Res<Scratch> {
        let admin_url = std::env::var("DATABASE_URL")
            .ok()
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
        let db = format!("strata_peers_{}", std::process::id());
        let tls_url = with_db(&admin_url, &db);
        let url = plain_url(&tls_url);
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        rt.block_on(setup(&admin_url, &db))?;
        Ok(Scratch {
            admin_url,
            db,
            tls_url,
            url,
            rt,
        })
    }
}

/// `--profile <library>[,<library>...] <operation> <calls>`: sets up the
/// scratch database, then runs the named libraries' operation `calls` times
/// each, taking turns in blocks of 50 calls as the main run does (after a
/// warm-up of 1,000 calls each), and prints the time per call and the part
/// of it this process spent on the CPU. With one library, a profiler
/// attached to this process sees that library alone.
fn profile(args: &[String]) -> Res<()> {
    let [libs, op, calls] = args else {
        return Err(
            "usage: --profile <library>[,<library>...] <get|insert|update|select|join|aggregate> <calls>"
                .into(),
        );
    };
    let libs = libs
        .split(',')
        .map(|lib| {
            LIBS.iter()
                .position(|l| *l == lib)
                .ok_or_else(|| format!("unknown library {lib}; one of {LIBS:?}"))
        })
        .collect::<Result<Vec<usize>, String>>()?;
    let op = OPS
        .iter()
        .find(|(_, name, _)| name == op)
        .map(|(op, _, _)| *op)
        .ok_or_else(|| format!("unknown operation {op}"))?;
    let calls: usize = calls.parse()?;
    let sc = Scratch::new()?;
    let result = sc.rt.block_on(async {
        let mut peers = Peers::connect(&sc.url, &sc.tls_url).await?;
        for &lib in &libs {
            for i in 0..1_000 {
                peers.run(lib, op, i, 0).await?;
            }
        }
        let mut wall = vec![Duration::ZERO; libs.len()];
        let mut cpu = vec![0u64; libs.len()];
        for b in 0..calls.div_ceil(BLOCK) {
            for j in 0..libs.len() {
                let k = (b + j) % libs.len();
                let t = Instant::now();
                let c = thread_cpu_ns();
                for i in b * BLOCK..((b + 1) * BLOCK).min(calls) {
                    peers.run(libs[k], op, i, 1).await?;
                }
                cpu[k] += thread_cpu_ns().saturating_sub(c);
                wall[k] += t.elapsed();
            }
        }
        for (k, &lib) in libs.iter().enumerate() {
            eprintln!(
                "{:<14} {op:?}: {:.2} us per call, of which {:.2} us on this process' CPU \
                 (user and kernel)",
                LIBS[lib],
                wall[k].as_secs_f64() * 1e6 / calls as f64,
                cpu[k] as f64 / 1e3 / calls as f64
            );
        }
        Res::Ok(())
    });
    sc.rt.block_on(drop_db(&sc.admin_url, &sc.db))?;
    result
}

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--stream-child") {
        return stream_child(&args[2], &args[3]);
    }
    if args.get(1).map(String::as_str) == Some("--profile") {
        return profile(&args[2..]);
    }
    let quick = args.iter().any(|a| a == "--quick");
    let python = !args.iter().any(|a| a == "--no-python");
    let cfg = Config::new(quick, python);
    let Scratch {
        admin_url,
        db,
        tls_url,
        url,
        rt,
    } = Scratch::new()?;
    let result = (|| -> Res<bool> {
        // SQLAlchemy runs once per round next to the Rust libraries.
        let (mut py, mut note) = if cfg.python {
            match Python::new(&cfg, &url) {
                Ok(p) => (Some(p), String::new()),
                Err(e) => (
                    None,
                    format!("SQLAlchemy: not measured ({e}); its comparison is left out"),
                ),
            }
        } else {
            (None, "SQLAlchemy: skipped (--no-python)".to_string())
        };
        // Streaming first, on the seeded table, each library in a process of
        // its own.
        let stream = run_stream_children(&url, &tls_url, cfg.stream_runs, py.as_mut())?;
        let (times, bulk) = rt.block_on(async {
            let mut peers = Peers::connect(&url, &tls_url).await?;
            let plain = peers.strata.encrypted().await?;
            let tls = peers.strata_tls.encrypted().await?;
            eprintln!("strata's connection encrypted: {plain}; strata (TLS)'s: {tls}");
            if plain {
                return Err("strata's connection uses TLS despite sslmode=disable".into());
            }
            let r = run_rust(&cfg, &url, &mut peers, py.as_mut()).await;
            drop(peers);
            r
        })?;
        if let Some(e) = py.as_ref().and_then(|p| p.failed.clone()) {
            note = format!("SQLAlchemy: {e}; its figures are missing or partial");
        }
        let sa = |f: &dyn Fn(&Python) -> Vec<f64>| {
            py.as_ref().map(f).filter(|v: &Vec<f64>| !v.is_empty())
        };
        let mut lines: Vec<Line> = OPS
            .iter()
            .map(|(_, key, label)| Line {
                label,
                scale: 1e6,
                per: times[key].clone(),
                sqlalchemy: sa(&|p| p.ops.get(*key).cloned().unwrap_or_default()),
            })
            .collect();
        lines.push(Line {
            label: "bulk insert 100,000 (ms)",
            scale: 1e3,
            per: bulk,
            sqlalchemy: sa(&|p| p.bulk.clone()),
        });
        lines.push(Line {
            label: "stream 1,000,000 (ms)",
            scale: 1e3,
            per: stream.iter().map(|s| s.secs.clone()).collect(),
            sqlalchemy: sa(&|p| p.stream.clone()),
        });
        let sa_peak = py.as_ref().filter(|p| p.peak_kib > 0).map(|p| p.peak_kib);
        Ok(print_table(&cfg, &lines, &stream, sa_peak, &note))
    })();
    rt.block_on(drop_db(&admin_url, &db))?;
    result.map(|_| ())
}
