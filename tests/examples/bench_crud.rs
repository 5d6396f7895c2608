//! strata's typed CRUD against hand-written tokio-postgres code doing the
//! same work with prepared statements, on the same database in one run; and
//! bulk insert through COPY against row-by-row inserts.
//!
//! ```sh
//! cargo run --release -p strata-tests --example bench_crud
//! # only the CRUD ratios, or only the bulk insert comparison:
//! cargo run --release -p strata-tests --example bench_crud -- crud
//! cargo run --release -p strata-tests --example bench_crud -- copy
//! ```
//!
//! Uses `DATABASE_URL` when set (a scratch database is created on that
//! server and dropped at the end), otherwise a throwaway cluster
//! (`strata_testing::cluster`). The model is the DGS `dgs_jobs` table (22 columns:
//! text, jsonb, numeric, integers, a double, a boolean).
//!
//! To control noise, each workload runs in `ROUNDS` rounds; inside a round
//! strata and raw alternate in blocks of 100 operations (and alternate which
//! goes first) on the same connection, and
//! the figure reported is the median over rounds of strata's time divided by
//! raw's time. Both sides use the one connection (the same server backend), read the same rows and
//! write the same amount; both decode every returned row into the struct.
//! The COPY comparison's row-by-row baseline runs in one transaction, so it
//! is not dominated by a WAL flush per row.

use std::error::Error;
use std::time::{Duration, Instant};

use rust_decimal::Decimal;
use serde_json::{json, Value};
use strata::{Executor, Table};
use tokio_postgres::{Client, NoTls, Row, Statement};

/// A row of a table shaped like `dgs_jobs`.
#[derive(Table, Clone, Debug, PartialEq)]
#[table(name = "bench_jobs")]
struct Job {
    #[column(primary_key)]
    job_id: String,
    request: Value,
    status: String,
    phase: String,
    subphase: Option<String>,
    created_at: String,
    updated_at: Option<String>,
    started_at: Option<String>,
    finished_at: Option<String>,
    total_steps: Option<i32>,
    completed_steps: Option<i32>,
    progress: Option<f64>,
    message: Option<String>,
    #[column(default = "'[]'::jsonb")]
    events: Value,
    #[column(default = "'{}'::jsonb")]
    artifacts: Value,
    result: Option<Value>,
    error: Option<Value>,
    #[column(sql_type = "numeric(12,6)")]
    cost_usd: Option<Decimal>,
    lesson_id: Option<String>,
    idempotency_key: Option<String>,
    #[column(default = "0")]
    attempts: i32,
    #[column(default = "false")]
    cancel_requested: bool,
}

const DDL: &str = "
CREATE TABLE bench_jobs (
    job_id text NOT NULL PRIMARY KEY,
    request jsonb NOT NULL,
    status text NOT NULL,
    phase text NOT NULL,
    subphase text,
    created_at text NOT NULL,
    updated_at text,
    started_at text,
    finished_at text,
    total_steps integer,
    completed_steps integer,
    progress double precision,
    message text,
    events jsonb NOT NULL DEFAULT '[]'::jsonb,
    artifacts jsonb NOT NULL DEFAULT '{}'::jsonb,
    result jsonb,
    error jsonb,
    cost_usd numeric(12,6),
    lesson_id text,
    idempotency_key text,
    attempts integer NOT NULL DEFAULT 0,
    cancel_requested boolean NOT NULL DEFAULT false
);
CREATE INDEX bench_jobs_status_idx ON bench_jobs (status, job_id);
";

const COLUMNS: &str = "job_id, request, status, phase, subphase, created_at, updated_at, \
    started_at, finished_at, total_steps, completed_steps, progress, message, events, \
    artifacts, result, error, cost_usd, lesson_id, idempotency_key, attempts, cancel_requested";

const ROUNDS: usize = 9;
const OPS: usize = 10_000;
const SELECTS: usize = 100;
const COPY_ROWS: usize = 100_000;
const COPY_ROUNDS: usize = 3;

fn job(id: String, i: usize, status: &str) -> Job {
    Job {
        job_id: id,
        request: json!({"topic": format!("topic {}", i % 97), "age": [8, 10], "language": "en"}),
        status: status.to_string(),
        phase: "generation".to_string(),
        subphase: i.is_multiple_of(3).then(|| "outline".to_string()),
        created_at: format!("2024-05-01T10:{:02}:{:02}Z", (i / 60) % 60, i % 60),
        updated_at: Some("2024-05-01T11:00:00Z".to_string()),
        started_at: Some("2024-05-01T10:30:00Z".to_string()),
        finished_at: None,
        total_steps: Some(8),
        completed_steps: Some((i % 8) as i32),
        progress: Some((i % 8) as f64 / 8.0),
        message: Some(format!("step {} of 8", i % 8)),
        events: json!([{"at": "2024-05-01T10:30:00Z", "what": "started"}]),
        artifacts: json!({"outline": {"sections": 4}}),
        result: None,
        error: None,
        cost_usd: Some(Decimal::new((i as i64 % 100_000) * 7, 6)),
        lesson_id: None,
        idempotency_key: Some(format!("idem-{i}")),
        attempts: (i % 3) as i32,
        cancel_requested: false,
    }
}

/// What hand-written code does with a row: read every column by position.
fn raw_job(row: &Row) -> Job {
    Job {
        job_id: row.get(0),
        request: row.get(1),
        status: row.get(2),
        phase: row.get(3),
        subphase: row.get(4),
        created_at: row.get(5),
        updated_at: row.get(6),
        started_at: row.get(7),
        finished_at: row.get(8),
        total_steps: row.get(9),
        completed_steps: row.get(10),
        progress: row.get(11),
        message: row.get(12),
        events: row.get(13),
        artifacts: row.get(14),
        result: row.get(15),
        error: row.get(16),
        cost_usd: row.get(17),
        lesson_id: row.get(18),
        idempotency_key: row.get(19),
        attempts: row.get(20),
        cancel_requested: row.get(21),
    }
}

/// Hand-written prepared statements for the same work, on the very
/// connection strata's session uses (one server backend for both sides, so
/// neither is favoured by where the scheduler puts its backend process).
struct Raw<'a> {
    client: &'a Client,
    get: Statement,
    insert: Statement,
    select: Statement,
    update: Statement,
}

impl<'a> Raw<'a> {
    async fn new(client: &'a Client) -> Result<Raw<'a>, Box<dyn Error>> {
        let get = client
            .prepare(&format!(
                "SELECT {COLUMNS} FROM bench_jobs WHERE job_id = $1"
            ))
            .await?;
        let insert = client
            .prepare(&format!(
                "INSERT INTO bench_jobs ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
                 $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) RETURNING {COLUMNS}"
            ))
            .await?;
        let select = client
            .prepare(&format!(
                "SELECT {COLUMNS} FROM bench_jobs WHERE status = $1 ORDER BY job_id LIMIT $2"
            ))
            .await?;
        let update = client
            .prepare(&format!(
                "UPDATE bench_jobs SET request = $1, status = $2, phase = $3, subphase = $4, \
                 created_at = $5, updated_at = $6, started_at = $7, finished_at = $8, \
                 total_steps = $9, completed_steps = $10, progress = $11, message = $12, \
                 events = $13, artifacts = $14, result = $15, error = $16, cost_usd = $17, \
                 lesson_id = $18, idempotency_key = $19, attempts = $20, cancel_requested = $21 \
                 WHERE job_id = $22 RETURNING {COLUMNS}"
            ))
            .await?;
        Ok(Raw {
            client,
            get,
            insert,
            select,
            update,
        })
    }

    async fn get(&self, id: &str) -> Result<Job, Box<dyn Error>> {
        Ok(raw_job(&self.client.query_one(&self.get, &[&id]).await?))
    }

    async fn insert(&self, j: &Job) -> Result<Job, Box<dyn Error>> {
        let row = self
            .client
            .query_one(
                &self.insert,
                &[
                    &j.job_id,
                    &j.request,
                    &j.status,
                    &j.phase,
                    &j.subphase,
                    &j.created_at,
                    &j.updated_at,
                    &j.started_at,
                    &j.finished_at,
                    &j.total_steps,
                    &j.completed_steps,
                    &j.progress,
                    &j.message,
                    &j.events,
                    &j.artifacts,
                    &j.result,
                    &j.error,
                    &j.cost_usd,
                    &j.lesson_id,
                    &j.idempotency_key,
                    &j.attempts,
                    &j.cancel_requested,
                ],
            )
            .await?;
        Ok(raw_job(&row))
    }

    async fn select(&self) -> Result<Vec<Job>, Box<dyn Error>> {
        let rows = self
            .client
            .query(&self.select, &[&"queued", &1000i64])
            .await?;
        Ok(rows.iter().map(raw_job).collect())
    }

    async fn update(&self, j: &Job) -> Result<Job, Box<dyn Error>> {
        let row = self
            .client
            .query_one(
                &self.update,
                &[
                    &j.request,
                    &j.status,
                    &j.phase,
                    &j.subphase,
                    &j.created_at,
                    &j.updated_at,
                    &j.started_at,
                    &j.finished_at,
                    &j.total_steps,
                    &j.completed_steps,
                    &j.progress,
                    &j.message,
                    &j.events,
                    &j.artifacts,
                    &j.result,
                    &j.error,
                    &j.cost_usd,
                    &j.lesson_id,
                    &j.idempotency_key,
                    &j.attempts,
                    &j.cancel_requested,
                    &j.job_id,
                ],
            )
            .await?;
        Ok(raw_job(&row))
    }
}

/// The median time of a checkout and return of a session, from
/// `pool.session()` until the connection is idle again; `dirty` sessions run
/// one raw statement first (its time is not counted).
async fn time_checkouts(pool: &strata::Pool, n: usize, dirty: bool) -> Result<f64, Box<dyn Error>> {
    let idle = pool.status().available;
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        let session = pool.session().await?;
        let mut raw_time = Duration::ZERO;
        if dirty {
            let r = Instant::now();
            session.execute("SELECT 1", &[]).await?;
            raw_time = r.elapsed();
        }
        drop(session);
        while pool.status().available < idle.max(1) {
            tokio::task::yield_now().await;
        }
        times.push((t.elapsed() - raw_time).as_secs_f64());
    }
    Ok(median(times))
}

/// The median time of one get by primary key.
async fn get_median_each(session: &strata::Session, ids: &[String]) -> Result<f64, Box<dyn Error>> {
    let mut times = Vec::with_capacity(ids.len());
    for id in ids {
        let t = Instant::now();
        std::hint::black_box(session.get::<Job>(id.as_str()).await?);
        times.push(t.elapsed().as_secs_f64());
    }
    Ok(median(times))
}

/// One workload's measurements: per round, strata's and raw's total time.
#[derive(Default)]
struct Rounds(Vec<(Duration, Duration)>);

impl Rounds {
    fn median_ratio(&self) -> f64 {
        median(
            self.0
                .iter()
                .map(|(s, r)| s.as_secs_f64() / r.as_secs_f64())
                .collect(),
        )
    }
    fn median_strata(&self) -> f64 {
        median(self.0.iter().map(|(s, _)| s.as_secs_f64()).collect())
    }
    fn median_raw(&self) -> f64 {
        median(self.0.iter().map(|(_, r)| r.as_secs_f64()).collect())
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// The seeded rows every read and update works on.
fn seed_ids() -> Vec<String> {
    (0..OPS).map(|i| format!("seed-{i:05}")).collect()
}

/// Runs operation `i` of strata and of raw for every `i` in `0..ops`,
/// alternating which of the two goes first, timing each call, and returns
/// their total times. Interleaving single operations makes both sides see the
/// same server and machine load.
async fn alternate<S, R, FS, FR>(
    ops: usize,
    mut strata: S,
    mut raw: R,
) -> Result<(Duration, Duration), Box<dyn Error>>
where
    S: FnMut(usize) -> FS,
    R: FnMut(usize) -> FR,
    FS: std::future::Future<Output = Result<(), Box<dyn Error>>>,
    FR: std::future::Future<Output = Result<(), Box<dyn Error>>>,
{
    let mut ts = Duration::ZERO;
    let mut tr = Duration::ZERO;
    for i in 0..ops {
        if i % 2 == 0 {
            let t = Instant::now();
            strata(i).await?;
            ts += t.elapsed();
            let t = Instant::now();
            raw(i).await?;
            tr += t.elapsed();
        } else {
            let t = Instant::now();
            raw(i).await?;
            tr += t.elapsed();
            let t = Instant::now();
            strata(i).await?;
            ts += t.elapsed();
        }
    }
    Ok((ts, tr))
}

async fn bench(admin_url: &str) -> Result<(), Box<dyn Error>> {
    let dbname = format!("strata_bench_{}", std::process::id());
    let admin_config: tokio_postgres::Config = admin_url.parse()?;
    let (admin, conn) = admin_config.connect(NoTls).await?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    admin
        .batch_execute(&format!(
            "CREATE DATABASE {}",
            strata::ident::Ident(&dbname)
        ))
        .await?;
    let mut config = admin_config.clone();
    config.dbname(&dbname);
    let result = run_all(&config).await;
    admin
        .batch_execute(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            strata::ident::Ident(&dbname)
        ))
        .await?;
    result
}

async fn run_all(config: &tokio_postgres::Config) -> Result<(), Box<dyn Error>> {
    let pool = strata::Pool::builder_from_config(config.clone())
        .max_size(2)
        .build()?;
    let session = pool.session().await?;
    session.batch_execute(DDL).await?;
    let seed: Vec<Job> = seed_ids()
        .into_iter()
        .enumerate()
        .map(|(i, id)| job(id, i, "queued"))
        .collect();
    session.copy_in(&seed).await?;
    session.batch_execute("VACUUM ANALYZE bench_jobs").await?;
    let raw = Raw::new(session.client()).await?;
    let ids = seed_ids();

    let (want_crud, want_bulk) = match std::env::args().nth(1).as_deref() {
        Some("crud") => (true, false),
        Some("copy") => (false, true),
        _ => (true, true),
    };
    let mut all_ok = true;
    if want_crud {
        // Warm-up: prepare every statement and touch every seeded row once.
        for id in &ids {
            session.get::<Job>(id.as_str()).await?;
            raw.get(id).await?;
        }
        session
            .select::<Job>()
            .filter(|c| c.status.eq("queued"))
            .order_by(|c| c.job_id.asc())
            .limit(1000)
            .all()
            .await?;
        raw.select().await?;

        let mut get = Rounds::default();
        let mut insert = Rounds::default();
        let mut select = Rounds::default();
        let mut update = Rounds::default();
        for round in 0..ROUNDS {
            let s = &session;
            let r = &raw;
            let ids = &ids;
            let seed = &seed;

            get.0.push(
                alternate(
                    OPS,
                    |i| async move {
                        let j: Job = s.get::<Job>(ids[i].as_str()).await?;
                        std::hint::black_box(j);
                        Ok(())
                    },
                    |i| async move {
                        std::hint::black_box(r.get(&ids[i]).await?);
                        Ok(())
                    },
                )
                .await?,
            );

            let new_s: Vec<Job> = (0..OPS)
                .map(|i| job(format!("s-{round}-{i:05}"), i, "new"))
                .collect();
            let new_r: Vec<Job> = (0..OPS)
                .map(|i| job(format!("r-{round}-{i:05}"), i, "new"))
                .collect();
            let (new_s, new_r) = (&new_s, &new_r);
            insert.0.push(
                alternate(
                    OPS,
                    |i| async move {
                        std::hint::black_box(s.insert(&new_s[i]).await?);
                        Ok(())
                    },
                    |i| async move {
                        std::hint::black_box(r.insert(&new_r[i]).await?);
                        Ok(())
                    },
                )
                .await?,
            );

            select.0.push(
                alternate(
                    SELECTS,
                    |_| async move {
                        let rows = s
                            .select::<Job>()
                            .filter(|c| c.status.eq("queued"))
                            .order_by(|c| c.job_id.asc())
                            .limit(1000)
                            .all()
                            .await?;
                        assert_eq!(rows.len(), 1000);
                        std::hint::black_box(rows);
                        Ok(())
                    },
                    |_| async move {
                        let rows = r.select().await?;
                        assert_eq!(rows.len(), 1000);
                        std::hint::black_box(rows);
                        Ok(())
                    },
                )
                .await?,
            );

            let changed: Vec<Job> = seed
                .iter()
                .map(|j| {
                    let mut j = j.clone();
                    j.progress = Some(round as f64 / 10.0);
                    j.attempts = round as i32;
                    j
                })
                .collect();
            let changed = &changed;
            update.0.push(
                alternate(
                    OPS,
                    |i| async move {
                        std::hint::black_box(s.update(&changed[i]).await?);
                        Ok(())
                    },
                    |i| async move {
                        std::hint::black_box(r.update(&changed[i]).await?);
                        Ok(())
                    },
                )
                .await?,
            );
            let last = |r: &Rounds| {
                let (s, w) = r.0[r.0.len() - 1];
                s.as_secs_f64() / w.as_secs_f64()
            };
            eprintln!(
                "round {}/{ROUNDS}: ratios get {:.3} insert {:.3} select {:.3} update {:.3}",
                round + 1,
                last(&get),
                last(&insert),
                last(&select),
                last(&update)
            );
        }

        println!();
        println!(
            "strata vs hand-written tokio-postgres (prepared statements), {ROUNDS} rounds, medians"
        );
        println!(
            "{:<28} {:>12} {:>12} {:>8} {:>8}",
            "operation", "strata", "raw", "ratio", "target"
        );
        for (name, rounds) in [
            ("get by primary key x10,000", &get),
            ("insert x10,000", &insert),
            ("select 1,000 rows x100", &select),
            ("update x10,000", &update),
        ] {
            let ratio = rounds.median_ratio();
            let ok = ratio <= 1.05;
            all_ok &= ok;
            println!(
                "{:<28} {:>9.1} ms {:>9.1} ms {:>8.3} {:>8}",
                name,
                rounds.median_strata() * 1e3,
                rounds.median_raw() * 1e3,
                ratio,
                if ok { "<=1.05" } else { "MISSED" }
            );
        }
    }

    if want_crud {
        // What returning a session costs: a clean session (only typed
        // operations ran) goes back with no round trip; a dirty one (raw SQL
        // ran) is reset first (one round trip). Timed from `pool.session()`
        // until the connection is idle in the pool again, on the pool's
        // second connection (the first is held by `session`).
        let checkouts = 2_000;
        let clean = time_checkouts(&pool, checkouts, false).await?;
        let dirty = time_checkouts(&pool, checkouts, true).await?;
        let get_each = get_median_each(&session, &ids).await?;
        println!();
        println!("checkout and return of a pooled session ({checkouts} each, medians)");
        println!(
            "  clean session (typed operations only)  {:>8.2} us",
            clean * 1e6
        );
        println!(
            "  dirty session (raw SQL ran: reset)     {:>8.2} us",
            dirty * 1e6
        );
        println!(
            "  for scale: one get by primary key      {:>8.2} us",
            get_each * 1e6
        );
    }

    if want_bulk {
        // Bulk: COPY against row-by-row inserts (and, for reference, multi-row
        // INSERTs), each into an empty table, alternating.
        let bulk: Vec<Job> = (0..COPY_ROWS)
            .map(|i| job(format!("bulk-{i:06}"), i, "queued"))
            .collect();
        let mut copy_t = Vec::new();
        let mut rows_t = Vec::new();
        let mut many_t = Vec::new();
        for round in 0..COPY_ROUNDS {
            let order: [usize; 3] = if round % 2 == 0 { [0, 1, 2] } else { [1, 2, 0] };
            for which in order {
                session.batch_execute("TRUNCATE bench_jobs").await?;
                let t = Instant::now();
                match which {
                    0 => {
                        let n = session.copy_in(&bulk).await?;
                        assert_eq!(n as usize, COPY_ROWS);
                        copy_t.push(t.elapsed().as_secs_f64());
                    }
                    1 => {
                        // In one transaction, so that the baseline is not a
                        // commit (WAL flush) per row.
                        let mut s = pool.session().await?;
                        let tx = s.transaction().await?;
                        for j in &bulk {
                            tx.insert(j).await?;
                        }
                        tx.commit().await?;
                        rows_t.push(t.elapsed().as_secs_f64());
                    }
                    _ => {
                        let stored = session.insert_many(&bulk).await?;
                        assert_eq!(stored.len(), COPY_ROWS);
                        many_t.push(t.elapsed().as_secs_f64());
                    }
                }
            }
            eprintln!("bulk round {}/{COPY_ROUNDS} done", round + 1);
        }
        // Row by row the way an application without a transaction does it:
        // each insert commits on its own (one run: it is slow).
        session.batch_execute("TRUNCATE bench_jobs").await?;
        let t = Instant::now();
        for j in &bulk {
            session.insert(j).await?;
        }
        let autocommit_s = t.elapsed().as_secs_f64();
        let (copy_s, rows_s, many_s) = (median(copy_t), median(rows_t), median(many_t));
        let speedup = rows_s / copy_s;
        all_ok &= speedup >= 10.0;
        println!();
        println!("bulk insert of {COPY_ROWS} dgs_jobs-like rows ({COPY_ROUNDS} rounds, medians)");
        println!("  COPY (binary)                        {:>8.3} s", copy_s);
        println!("  insert_many (multi-row INSERTs)      {:>8.3} s", many_s);
        println!("  row-by-row insert, one transaction   {:>8.3} s", rows_s);
        println!(
            "  row-by-row insert, autocommit (1 run){:>8.3} s",
            autocommit_s
        );
        println!(
            "  COPY is {:.1}x faster than row-by-row inserts in one transaction (target >= 10x: {}), {:.1}x faster than autocommitted ones",
            speedup,
            if speedup >= 10.0 { "met" } else { "MISSED" },
            autocommit_s / copy_s
        );
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
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => {
            eprintln!("server: DATABASE_URL");
            rt.block_on(bench(&url))
        }
        _ => {
            eprintln!("server: a throwaway cluster (DATABASE_URL is unset)");
            let mut cluster = strata_testing::cluster::Cluster::start()?;
            let url = cluster.url("postgres");
            let result = rt.block_on(bench(&url));
            cluster.stop();
            result
        }
    }
}
