//! Benchmark of catalog introspection on the synthetic schema of issue 3.
//!
//! For each size N it creates a fresh database (a `ScratchDb` on the server
//! of `DATABASE_URL`, default `postgres://postgres@127.0.0.1:5432/postgres`)
//! holding N tables, each with an identity primary key, 14 typed columns
//! among text/integer/double/boolean/jsonb/text[]/timestamptz/varchar(32)/
//! numeric(12,2) (a few with defaults), a unique constraint, 2 indexes and a
//! foreign key to the previous table. It checks once that the introspected
//! schema equals the model it was built from, then times, each as the median
//! of several runs: introspection alone, and introspection + diff against the
//! desired schema (what `schema-diff check` does once the models are
//! normalized), and prints milliseconds, the number of SQL statements sent
//! and the issue's targets (1,000 tables ≤ 150 ms, 10,000 ≤ 1.5 s).
//!
//! With `--alembic`, the baseline the issue names runs side by side on the
//! same database: Alembic's autogenerate comparison
//! (`examples/alembic_baseline.py`, needs `pip install alembic==1.20.1
//! sqlalchemy==2.1.9 psycopg2-binary`), and the program prints how many times
//! faster strata is (the issue aims for 50×).
//!
//! ```sh
//! cargo run --release -p schema-diff --example bench_introspect -- [--tables 1000,10000] [--runs 7] [--keep] [--alembic]
//! ```

use std::time::{Duration, Instant};

use schema_diff::introspect::{introspect_counted, IntrospectOptions};
use schema_diff::normalize::{apply_schema_batched, NORMALIZE_BATCH};
use schema_diff::scratch::ScratchDb;
use strata::schema::{
    Column, FkAction, ForeignKey, Identity, Index, IndexElement, IndexMethod, PrimaryKey, Schema,
    SortOrder, SqlType, Table, Unique,
};
use strata_model::ddl::create::DdlOptions;

struct Args {
    sizes: Vec<usize>,
    runs: usize,
    url: String,
    keep: bool,
    existing: Option<String>,
    alembic: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        sizes: vec![1000, 10000],
        runs: 7,
        url: std::env::var("DATABASE_URL")
            .ok()
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".to_string()),
        keep: false,
        existing: None,
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
            "--keep" => args.keep = true,
            "--alembic" => args.alembic = true,
            "--database" => args.existing = Some(value("--database")?),
            other => {
                return Err(format!(
                    "unknown argument {other:?}; usage: bench_introspect [--tables 1000,10000] [--runs 7] [--url postgres://...] [--keep] [--database NAME] [--alembic]"
                ))
            }
        }
    }
    if args.existing.is_some() && args.sizes.len() != 1 {
        return Err("--database takes a single --tables size".into());
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
            name: format!("{t_name}_pkey"),
            columns: vec!["id".into()],
        });
        t.uniques = vec![Unique {
            name: format!("{t_name}_code_key"),
            columns: vec!["code".into()],
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
        schemas: vec!["public".into()],
        enums: vec![],
        tables,
    }
    .canonical()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn bench(args: &Args, n: usize) -> Result<(), Box<dyn std::error::Error>> {
    let desired = synthetic(n);
    let (scratch, client, setup) = match &args.existing {
        Some(name) => {
            let url = strata::ConnectOptions::parse(&args.url)?
                .with_dbname(name)
                .to_url();
            let (client, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls).await?;
            tokio::spawn(conn);
            (None, client, None)
        }
        None => {
            let scratch = ScratchDb::create(&strata::ConnectOptions::parse(&args.url)?).await?;
            let client = scratch.connect().await?;
            let setup = Instant::now();
            apply_schema_batched(&client, &desired, &DdlOptions::plain(), NORMALIZE_BATCH).await?;
            client.batch_execute("ANALYZE").await?;
            (Some(scratch), client, Some(setup.elapsed()))
        }
    };

    let opts = IntrospectOptions::default();
    // Warm-up run, also the correctness check.
    let (read, queries) = introspect_counted(&client, &opts).await?;
    if read != desired {
        let first = read
            .tables
            .iter()
            .zip(&desired.tables)
            .find(|(a, b)| a != b)
            .map(|(a, _)| format!("{}.{}", a.schema, a.name))
            .unwrap_or_else(|| "the table list".into());
        return Err(
            format!("the introspected schema differs from the model, first at {first}").into(),
        );
    }
    let mut times = Vec::with_capacity(args.runs);
    for _ in 0..args.runs {
        let start = Instant::now();
        let (s, q) = introspect_counted(&client, &opts).await?;
        times.push(start.elapsed());
        assert_eq!(q, queries);
        std::hint::black_box(s);
    }
    times.sort();
    let median = times[times.len() / 2];
    // Introspection + diff: the whole of `check` once the models are
    // normalized. The diff must be empty (the database holds the model).
    let mut with_diff = Vec::with_capacity(args.runs);
    for _ in 0..args.runs {
        let start = Instant::now();
        let (current, _) = introspect_counted(&client, &opts).await?;
        let ops = schema_diff::diff::diff(&current, &desired);
        with_diff.push(start.elapsed());
        if !ops.is_empty() {
            return Err(
                format!("diff of identical schemas is not empty: {} ops", ops.len()).into(),
            );
        }
    }
    with_diff.sort();
    let diff_median = with_diff[with_diff.len() / 2];
    let target_ms = 150.0 * n as f64 / 1000.0;
    let columns: usize = desired.tables.iter().map(|t| t.columns.len()).sum();
    let indexes: usize = desired.tables.iter().map(|t| t.indexes.len()).sum();
    let built = match setup {
        Some(d) => format!("built in {:.1} s", d.as_secs_f64()),
        None => "existing database".to_string(),
    };
    println!(
        "{n:>6} tables ({columns} columns, {indexes} indexes, {n} unique constraints, {n} foreign keys; {built})"
    );
    println!(
        "        introspection: median {:.1} ms, min {:.1} ms, max {:.1} ms over {} runs; {queries} SQL statements per run; result equals the model",
        ms(median),
        ms(times[0]),
        ms(times[times.len() - 1]),
        times.len()
    );
    println!(
        "        introspection + diff: median {:.1} ms, min {:.1} ms, max {:.1} ms; target {:.0} ms ({}); {queries} SQL statements",
        ms(diff_median),
        ms(with_diff[0]),
        ms(with_diff[with_diff.len() - 1]),
        target_ms,
        if ms(diff_median) <= target_ms { "met" } else { "MISSED" }
    );
    if args.alembic {
        let url = match (&scratch, &args.existing) {
            (Some(s), _) => s.url().to_string(),
            (None, Some(name)) => strata::ConnectOptions::parse(&args.url)?
                .with_dbname(name)
                .to_url(),
            (None, None) => args.url.clone(),
        };
        // Alembic needs about 90 s per run on 10,000 tables: fewer runs.
        let runs = if n >= 5000 { 1 } else { 3 };
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/alembic_baseline.py");
        let out = std::process::Command::new("python3")
            .arg(script)
            .arg(&url)
            .arg(runs.to_string())
            .output()?;
        let text = String::from_utf8_lossy(&out.stdout);
        if !out.status.success() {
            println!(
                "        baseline: Alembic could not run ({}); pip install alembic==1.20.1 sqlalchemy==2.1.9 psycopg2-binary",
                String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or("no output")
            );
        } else {
            let median = text
                .split("median ")
                .nth(1)
                .and_then(|r| r.split(' ').next())
                .and_then(|v| v.parse::<f64>().ok());
            println!("        baseline: {}", text.trim());
            if let Some(alembic_ms) = median {
                println!(
                    "        strata introspection + diff is {:.0}x faster than Alembic's autogenerate comparison (the issue aims for 50x)",
                    alembic_ms / ms(diff_median)
                );
            }
        }
    }
    drop(client);
    if let Some(scratch) = scratch {
        if args.keep {
            println!("        kept database {}", scratch.name());
            std::mem::forget(scratch);
        } else {
            scratch.drop_db().await?;
        }
    }
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
    println!("bench_introspect: introspection and introspection + diff of the issue-3 synthetic schema (release build expected)");
    for &n in &args.sizes {
        if let Err(e) = rt.block_on(bench(&args, n)) {
            eprintln!("error ({n} tables): {e}");
            std::process::exit(1);
        }
    }
}
