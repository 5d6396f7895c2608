//! Golden cases of the diff (`tests/cases/diff/<NNN-name>/`, described in
//! `tests/cases/diff/README.md`), run against a real PostgreSQL; and the cast
//! table of `schema_diff::plan::casts` checked pair by pair against the
//! server.
//!
//! For each case, in a database of its own: apply `initial.sql` and
//! introspect (current); apply `desired.sql` in a transaction of a scratch
//! database, introspect, roll back, and add the hints of `case.json`
//! (desired); plan; compare the rendered up and down SQL
//! with `up.sql` / `down.sql` (`UPDATE_EXPECT=1` rewrites them); run up and
//! re-introspect: nothing may be left to do (or exactly the withheld ops);
//! run down and re-introspect: the initial state must be back. Cases run
//! concurrently, a few at a time.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use schema_diff::diff::diff;
use schema_diff::introspect::{introspect, IntrospectOptions};
use schema_diff::plan::{casts, plan, Plan, PlanOptions};
use schema_diff::render::{render_down, render_up};
use serde::Deserialize;
use strata::schema::{Schema, SqlType};
use strata_model::ddl::alter::Using;
use strata_testing::{run, TestDb};
use tokio_postgres::Client;

/// `case.json`: options and the hints a model carries but a database cannot.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    /// `PlanOptions::allow_drops`.
    #[serde(default)]
    allow_drops: bool,
    /// `PlanOptions::concurrently`.
    #[serde(default)]
    concurrently: bool,
    /// `PlanOptions::online`.
    #[serde(default)]
    online: bool,
    /// `renamed_from` hints.
    #[serde(default)]
    renames: Vec<RenameHint>,
    /// The ACLs of relations, columns, routines, types and schemas must
    /// come out as the desired state has them, entry order included (what
    /// `pg_dump` prints), after up; and as the initial state after down.
    #[serde(default)]
    acl_order: bool,
}

/// A `renamed_from` hint: on table `schema.table`, or on its column `column`
/// when given.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RenameHint {
    #[serde(default = "public")]
    schema: String,
    table: String,
    #[serde(default)]
    column: Option<String>,
    from: String,
}

fn public() -> String {
    "public".into()
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cases/diff")
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// A connection that does not wait for the WAL flush at commit (the cases
/// commit hundreds of small transactions; durability does not matter here).
pub(crate) async fn connect_fast(db: &TestDb) -> Result<Client, String> {
    let client = db.connect().await.map_err(|e| format!("connect: {e}"))?;
    exec(&client, "SET synchronous_commit = off", "SET").await?;
    Ok(client)
}

async fn exec(client: &Client, sql: &str, what: &str) -> Result<(), String> {
    client
        .batch_execute(sql)
        .await
        .map_err(|e| format!("{what} failed: {}", db_error(&e)))
}

pub(crate) fn db_error(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(d) => format!("{}: {}", d.code().code(), d.message()),
        None => e.to_string(),
    }
}

/// The user schemas of a database.
pub(crate) async fn user_schemas(client: &Client) -> Result<Vec<String>, String> {
    let rows = client
        .query(
            "SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' \
             AND nspname <> 'information_schema' ORDER BY 1",
            &[],
        )
        .await
        .map_err(|e| db_error(&e))?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// The ACL of every relation, column, routine, type and schema of
/// `schemas` that has one other than the default (which PostgreSQL keeps after every grant is
/// revoked), as text (entries in their order), one line each: what
/// `pg_dump` prints grants for.
async fn acls(client: &Client, schemas: &[String], what: &str) -> Result<Vec<String>, String> {
    let rows = client
        .query(
            "SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) || ' ' || c.relacl::text \
             FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = ANY ($1) AND c.relacl IS NOT NULL \
               AND c.relacl <> pg_catalog.acldefault( \
                     CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::\"char\", c.relowner) \
             UNION ALL \
             SELECT pg_catalog.format('%I.%I.%I', n.nspname, c.relname, a.attname) || ' ' || a.attacl::text \
             FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid \
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = ANY ($1) AND pg_catalog.cardinality(a.attacl) > 0 \
               AND NOT a.attisdropped \
             UNION ALL \
             SELECT pg_catalog.format('routine %s', p.oid::pg_catalog.regprocedure) || ' ' \
                    || p.proacl::text \
             FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace \
             WHERE n.nspname = ANY ($1) AND p.proacl IS NOT NULL \
               AND p.proacl <> pg_catalog.acldefault('f', p.proowner) \
             UNION ALL \
             SELECT pg_catalog.format('type %I.%I', n.nspname, t.typname) || ' ' || t.typacl::text \
             FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
             WHERE n.nspname = ANY ($1) AND t.typacl IS NOT NULL \
               AND t.typacl <> pg_catalog.acldefault('T', t.typowner) \
             UNION ALL \
             SELECT pg_catalog.format('schema %I', n.nspname) || ' ' || n.nspacl::text \
             FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY ($1) AND n.nspacl IS NOT NULL \
               AND n.nspacl <> pg_catalog.acldefault('n', n.nspowner) \
             ORDER BY 1",
            &[&schemas],
        )
        .await
        .map_err(|e| format!("{what}: reading ACLs: {}", db_error(&e)))?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// Reads `schemas`; every object read must pass the checks a JSON schema's
/// objects get (`validate_object`), so the checks never refuse what a
/// catalog holds (the schema a `dump` writes is read back through them).
async fn read_schema(client: &Client, schemas: &[String], what: &str) -> Result<Schema, String> {
    let schema = introspect(client, &IntrospectOptions::schemas(schemas.to_vec()))
        .await
        .map_err(|e| format!("introspecting {what}: {e}"))?;
    for o in &schema.objects {
        schema_diff::plan::validate_object(o).map_err(|e| {
            format!(
                "{what}: {} {}.{} read from the catalog fails the JSON checks: {e}",
                o.kind.as_str(),
                o.schema,
                o.name
            )
        })?;
    }
    Ok(schema)
}

fn apply_hints(schema: &mut Schema, hints: &[RenameHint]) -> Result<(), String> {
    for h in hints {
        let t = schema
            .tables
            .iter_mut()
            .find(|t| t.schema == h.schema && t.name == h.table)
            .ok_or_else(|| format!("case.json: no table {}.{} in desired", h.schema, h.table))?;
        match &h.column {
            None => t.renamed_from = Some(h.from.clone()),
            Some(c) => {
                let col = t.columns.iter_mut().find(|x| &x.name == c).ok_or_else(|| {
                    format!("case.json: no column {c} in {}.{}", h.schema, h.table)
                })?;
                col.renamed_from = Some(h.from.clone());
            }
        }
    }
    Ok(())
}

/// Runs the plan's up (or down) SQL: the rendered text in one transaction,
/// or statement by statement when the plan cannot run in one.
pub(crate) async fn apply_plan(client: &Client, plan: &Plan, up: bool) -> Result<(), String> {
    let what = if up { "up" } else { "down" };
    let no_tx = if up {
        plan.needs_no_transaction()
    } else {
        plan.down_needs_no_transaction()
    };
    if !no_tx {
        let text = if up {
            render_up(plan)
        } else {
            render_down(plan)
        };
        let result = exec(client, &format!("BEGIN;\n{text}\nCOMMIT;"), what).await;
        if result.is_err() {
            // Leave the session usable: the failed transaction is still open.
            let _ = client.batch_execute("ROLLBACK").await;
        }
        return result;
    }
    let steps: Vec<&Vec<String>> = if up {
        plan.steps.iter().map(|s| &s.up).collect()
    } else {
        plan.steps.iter().rev().map(|s| &s.down).collect()
    };
    for stmts in steps {
        for s in stmts {
            exec(client, s, &format!("{what}: {s}")).await?;
        }
    }
    Ok(())
}

/// Column order cannot be restored by `ADD COLUMN`: compare with the columns
/// sorted when the plan dropped and re-added columns.
pub(crate) fn without_column_order(s: &Schema) -> Schema {
    let mut s = s.clone();
    for t in &mut s.tables {
        t.columns.sort_by(|a, b| a.name.cmp(&b.name));
    }
    s
}

pub(crate) fn first_difference(left: &Schema, right: &Schema) -> String {
    let l = left.to_json();
    let r = right.to_json();
    let ll: Vec<&str> = l.lines().collect();
    let rl: Vec<&str> = r.lines().collect();
    let first = ll
        .iter()
        .zip(rl.iter())
        .position(|(a, b)| a != b)
        .unwrap_or(ll.len().min(rl.len()));
    let from = first.saturating_sub(10);
    let show =
        |lines: &[&str]| lines[from.min(lines.len())..(first + 6).min(lines.len())].join("\n");
    format!(
        "first difference at JSON line {}\n--- expected ---\n{}\n--- actual ---\n{}",
        first + 1,
        show(&ll),
        show(&rl)
    )
}

/// Compares `actual` with the golden file, or rewrites it under
/// `UPDATE_EXPECT=1`.
fn golden(path: &Path, actual: &str) -> Result<(), String> {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        return std::fs::write(path, actual).map_err(|e| format!("{}: {e}", path.display()));
    }
    let expected = read(path).unwrap_or_default();
    if expected == actual {
        return Ok(());
    }
    Err(format!(
        "{} differs from the plan (UPDATE_EXPECT=1 rewrites it)\n--- expected ---\n{expected}\n--- actual ---\n{actual}",
        path.display()
    ))
}

/// Runs one case; returns a description of the first failure.
/// Scratch databases for the desired states, one per concurrent case.
type ScratchPool = Arc<tokio::sync::Mutex<Vec<(TestDb, Client)>>>;

async fn run_case(dir: PathBuf, scratch_pool: ScratchPool) -> Result<(), String> {
    let scratch = &scratch_pool;
    let initial_sql = read(&dir.join("initial.sql"))?;
    let desired_sql = read(&dir.join("desired.sql"))?;
    let case: CaseFile = match std::fs::read_to_string(dir.join("case.json")) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| format!("case.json: {e}"))?,
        Err(_) => CaseFile::default(),
    };
    let opts = PlanOptions {
        allow_drops: case.allow_drops,
        concurrently: case.concurrently,
        online: case.online,
    };

    let db = TestDb::new().await.map_err(|e| e.to_string())?;
    let client = connect_fast(&db).await?;
    exec(&client, &initial_sql, "initial.sql").await?;

    // The desired state: desired.sql applied inside a transaction of a
    // scratch database, introspected, rolled back.
    let scratch = scratch.lock().await.pop().ok_or("no scratch database")?;
    let result = async {
        exec(&scratch.1, &format!("BEGIN;\n{desired_sql}"), "desired.sql").await?;
        let mut schemas = user_schemas(&client).await?;
        schemas.extend(user_schemas(&scratch.1).await?);
        schemas.sort();
        schemas.dedup();
        let desired = read_schema(&scratch.1, &schemas, "desired").await?;
        let desired_acls = acls(&scratch.1, &schemas, "desired").await?;
        Ok::<_, String>((schemas, desired, desired_acls))
    }
    .await;
    let rollback = exec(&scratch.1, "ROLLBACK", "rollback of desired.sql").await;
    scratch_pool.lock().await.push(scratch);
    let (schemas, mut desired, desired_acls) = result?;
    rollback?;
    let current = read_schema(&client, &schemas, "initial").await?;
    let initial_acls = acls(&client, &schemas, "initial").await?;
    apply_hints(&mut desired, &case.renames)?;

    let p = plan(&current, &desired, &opts);
    let up = render_up(&p);
    let down = render_down(&p);
    let golden_up = golden(&dir.join("up.sql"), &up);
    let golden_down = golden(&dir.join("down.sql"), &down);
    if p.is_empty() {
        return Err("the plan is empty: a case must change something".into());
    }

    apply_plan(&client, &p, true).await?;
    let after_up = read_schema(&client, &schemas, "after up").await?;
    if case.acl_order {
        let got = acls(&client, &schemas, "after up").await?;
        if got != desired_acls {
            return Err(format!(
                "after up, the ACLs are {got:#?}, the desired ones {desired_acls:#?}"
            ));
        }
    }
    let rest = plan(&after_up, &desired, &opts);
    if !rest.steps.is_empty() {
        return Err(format!(
            "after up, the plan to desired is not empty:\n{}",
            rest.summary().join("\n")
        ));
    }
    let withheld: Vec<&String> = p.withheld.iter().map(|w| &w.summary).collect();
    let left: Vec<&String> = rest.withheld.iter().map(|w| &w.summary).collect();
    if withheld != left {
        return Err(format!(
            "after up, withheld ops differ: before {withheld:?}, after {left:?}"
        ));
    }
    if p.withheld.is_empty() && !diff(&after_up, &desired).is_empty() {
        return Err("after up, diff(after up, desired) is not empty".into());
    }

    apply_plan(&client, &p, false).await?;
    let after_down = read_schema(&client, &schemas, "after down").await?;
    if case.acl_order {
        let got = acls(&client, &schemas, "after down").await?;
        if got != initial_acls {
            return Err(format!(
                "after down, the ACLs are {got:#?}, the initial ones {initial_acls:#?}"
            ));
        }
    }
    if after_down != current {
        let column_drops = p
            .steps
            .iter()
            .any(|s| matches!(s.op, schema_diff::diff::Op::DropColumn { .. }));
        if !(column_drops && without_column_order(&after_down) == without_column_order(&current)) {
            return Err(format!(
                "after down, the schema is not the initial one: {}",
                first_difference(&current, &after_down)
            ));
        }
    }
    golden_up?;
    golden_down?;
    Ok(())
}

#[test]
fn golden_cases() {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("tests/cases/diff")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let filter = std::env::var("DIFF_CASE").ok();
    if let Some(f) = &filter {
        dirs.retain(|d| d.to_string_lossy().contains(f.as_str()));
    }
    assert!(
        filter.is_some() || dirs.len() >= 60,
        "expected at least 60 golden cases, found {}",
        dirs.len()
    );
    let failures = run(async move {
        const CONCURRENT: usize = 4;
        let mut scratch = Vec::new();
        for _ in 0..CONCURRENT {
            let db = TestDb::new().await.expect("scratch database");
            let client = connect_fast(&db)
                .await
                .expect("connect to scratch database");
            scratch.push((db, client));
        }
        let pool: ScratchPool = Arc::new(tokio::sync::Mutex::new(scratch));
        let limit = Arc::new(tokio::sync::Semaphore::new(CONCURRENT));
        let mut handles = Vec::new();
        for dir in dirs {
            let limit = limit.clone();
            let pool = pool.clone();
            handles.push(tokio::spawn(async move {
                let _permit = limit.acquire_owned().await;
                let name = dir
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (name, run_case(dir, pool).await)
            }));
        }
        let mut failures = Vec::new();
        for h in handles {
            match h.await {
                Ok((_, Ok(()))) => {}
                Ok((name, Err(e))) => failures.push(format!("case {name}: {e}")),
                Err(e) => failures.push(format!("a case panicked: {e}")),
            }
        }
        failures
    });
    assert!(
        failures.is_empty(),
        "{} golden case(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

async fn relfilenode(client: &Client, table: &str) -> i64 {
    client
        .query_one(
            "SELECT relfilenode::bigint FROM pg_class WHERE relname = $1",
            &[&table],
        )
        .await
        .unwrap()
        .get(0)
}

/// The types of the cast matrix: every builtin of the model, some with
/// modifiers, an enum, arrays.
const CAST_TYPES: &[&str] = &[
    "smallint",
    "integer",
    "bigint",
    "real",
    "double precision",
    "numeric",
    "numeric(8,2)",
    "numeric(10,2)",
    "numeric(10,1)",
    "money",
    "boolean",
    "text",
    "character varying",
    "character varying(10)",
    "character varying(20)",
    "character(5)",
    "character(10)",
    "bytea",
    "json",
    "jsonb",
    "uuid",
    "date",
    "time without time zone",
    "time(3) without time zone",
    "time with time zone",
    "timestamp without time zone",
    "timestamp(3) without time zone",
    "timestamp with time zone",
    "timestamp(3) with time zone",
    "interval",
    "inet",
    "cidr",
    "macaddr",
    "xml",
    "tsvector",
    "oid",
    "public.mood",
    "public.other",
    "text[]",
    "integer[]",
    "bigint[]",
    "character varying(10)[]",
    "public.mood[]",
];

/// For every pair of types: `ALTER COLUMN ... TYPE` without `USING` succeeds
/// exactly when the cast table says `Using::Implicit`; with the `USING` the
/// table gives, it succeeds on an empty table; the table is rewritten exactly
/// when the cast table says so (the relation's file node changes).
#[test]
fn cast_table_agrees_with_postgres() {
    run(async {
        let db = Arc::new(TestDb::new().await.unwrap());
        let setup = connect_fast(&db).await.unwrap();
        setup
            .batch_execute(
                "CREATE TYPE mood AS ENUM ('a', 'b'); CREATE TYPE other AS ENUM ('a', 'c');",
            )
            .await
            .unwrap();
        // The source types are split among a few connections.
        const WORKERS: usize = 4;
        let mut handles = Vec::new();
        for w in 0..WORKERS {
            let db = db.clone();
            handles.push(tokio::spawn(async move {
                let client = connect_fast(&db).await.unwrap();
                // Outside UTC, timestamp <-> timestamptz rewrites (the table
                // assumes the worst case).
                client
                    .batch_execute("SET TimeZone = 'America/New_York'")
                    .await
                    .unwrap();
                let mut mismatches = Vec::new();
                for (i, from) in CAST_TYPES.iter().enumerate().skip(w).step_by(WORKERS) {
                    cast_row(&client, i, from, &mut mismatches).await;
                }
                mismatches
            }));
        }
        let mut mismatches = Vec::new();
        for h in handles {
            mismatches.extend(h.await.unwrap());
        }
        assert!(
            mismatches.is_empty(),
            "{} mismatches:\n{}",
            mismatches.len(),
            mismatches.join("\n")
        );
    });
}

/// Two databases whose grants differ only in the order of their ACL
/// entries have no difference: the order is followed when grants change
/// anyway (golden cases 413, 415), never a change of its own, so `check`
/// does not fail on it.
#[test]
fn an_acl_that_differs_only_in_order_is_no_difference() {
    run(async {
        let roles = "DO $$ BEGIN CREATE ROLE strata_golden_reader; \
                     EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;\n\
                     DO $$ BEGIN CREATE ROLE strata_golden_writer; \
                     EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;\n\
                     CREATE TABLE t (id integer PRIMARY KEY);\n";
        let a_db = TestDb::new().await.unwrap();
        let b_db = TestDb::new().await.unwrap();
        let a = connect_fast(&a_db).await.unwrap();
        let b = connect_fast(&b_db).await.unwrap();
        let grants = [
            "GRANT SELECT ON t TO strata_golden_reader;",
            "GRANT INSERT ON t TO strata_golden_writer;",
        ];
        exec(&a, &format!("{roles}{}{}", grants[0], grants[1]), "a")
            .await
            .unwrap();
        exec(&b, &format!("{roles}{}{}", grants[1], grants[0]), "b")
            .await
            .unwrap();
        let schemas = vec![public()];
        assert_ne!(
            acls(&a, &schemas, "a").await.unwrap(),
            acls(&b, &schemas, "b").await.unwrap(),
            "the two ACLs must differ in order for the test to mean anything"
        );
        let current = read_schema(&a, &schemas, "a").await.unwrap();
        let desired = read_schema(&b, &schemas, "b").await.unwrap();
        let p = plan(&current, &desired, &PlanOptions::default());
        assert!(p.is_empty(), "{:?}", p.summary());
    });
}

/// A serial column's sequence that the target keeps as a sequence of its
/// own (golden cases 371 and 420), and a standalone sequence a column
/// takes over as its serial's (422), keep their value, both ways: the next id
/// after up and after down follows the ones already handed out, where a
/// sequence created again would start over under the existing keys.
#[test]
fn a_serial_sequence_kept_as_a_standalone_one_keeps_its_value() {
    run(async {
        let initial = "CREATE TABLE legacy (id serial PRIMARY KEY, v text);\n\
                       CREATE TABLE orders (id int NOT NULL DEFAULT nextval('legacy_id_seq'), note text);\n\
                       SELECT setval('legacy_id_seq', 41);\n\
                       CREATE TABLE test (id serial PRIMARY KEY, label text);\n\
                       INSERT INTO test (label) VALUES ('a'), ('b');\n\
                       CREATE SEQUENCE back_id_seq;\n\
                       CREATE TABLE back (id integer NOT NULL DEFAULT nextval('back_id_seq'::regclass), label text);\n\
                       INSERT INTO back (label) VALUES ('a'), ('b');\n";
        let desired = "CREATE SEQUENCE legacy_id_seq AS integer;\n\
                       CREATE TABLE orders (id int NOT NULL DEFAULT nextval('legacy_id_seq'), note text);\n\
                       CREATE SEQUENCE test_id_seq;\n\
                       CREATE TABLE test (id integer NOT NULL DEFAULT nextval('test_id_seq'::regclass) PRIMARY KEY, label text);\n\
                       CREATE TABLE back (id serial, label text);\n";
        let a_db = TestDb::new().await.unwrap();
        let b_db = TestDb::new().await.unwrap();
        let a = connect_fast(&a_db).await.unwrap();
        let b = connect_fast(&b_db).await.unwrap();
        exec(&a, initial, "initial").await.unwrap();
        exec(&b, desired, "desired").await.unwrap();
        let schemas = vec![public()];
        let current = read_schema(&a, &schemas, "a").await.unwrap();
        let target = read_schema(&b, &schemas, "b").await.unwrap();
        let opts = PlanOptions {
            allow_drops: true,
            ..PlanOptions::default()
        };
        let p = plan(&current, &target, &opts);
        apply_plan(&a, &p, true).await.unwrap();
        // The id the next row of `table` gets, and the sequence its `id`
        // owns (as `pg_get_serial_sequence` names it).
        let next = |table: &'static str| {
            let a = &a;
            async move {
                let id: i32 = a
                    .query_one(
                        &format!("INSERT INTO {table} DEFAULT VALUES RETURNING id"),
                        &[],
                    )
                    .await
                    .unwrap()
                    .get(0);
                let owned: Option<String> = a
                    .query_one(
                        "SELECT pg_catalog.pg_get_serial_sequence($1, 'id')",
                        &[&format!("public.{table}")],
                    )
                    .await
                    .unwrap()
                    .get(0);
                (id, owned)
            }
        };
        let owned = |seq: &str| Some(format!("public.{seq}"));
        assert_eq!(next("orders").await, (42, None), "legacy.id's sequence");
        assert_eq!(next("test").await, (3, None), "test.id's sequence");
        assert_eq!(next("back").await, (3, owned("back_id_seq")));
        apply_plan(&a, &p, false).await.unwrap();
        assert_eq!(next("legacy").await, (43, owned("legacy_id_seq")));
        assert_eq!(next("test").await, (4, owned("test_id_seq")));
        assert_eq!(next("back").await, (4, None), "back.id's sequence");
        let back = read_schema(&a, &schemas, "after down").await.unwrap();
        assert!(
            plan(&back, &current, &opts).is_empty(),
            "after down: {:?}",
            plan(&back, &current, &opts).summary()
        );
    });
}

/// Checks every conversion from type `from` (table `t<i>`).
async fn cast_row(client: &Client, i: usize, from: &str, mismatches: &mut Vec<String>) {
    let table = format!("t{i}");
    client
        .batch_execute(&format!("CREATE TABLE {table} (c {from})"))
        .await
        .unwrap();
    let from_ty = SqlType::parse(from).unwrap();
    for to in CAST_TYPES {
        if *to == from {
            continue;
        }
        let to_ty = SqlType::parse(to).unwrap();
        let conv = casts::conversion(&from_ty, &to_ty);
        let plain = client
            .batch_execute(&format!(
                "BEGIN; ALTER TABLE {table} ALTER COLUMN c TYPE {to}"
            ))
            .await;
        client.batch_execute("ROLLBACK").await.unwrap();
        if plain.is_ok() != (conv.using == Using::Implicit) {
            mismatches.push(format!(
                "{from} -> {to}: without USING PostgreSQL {}, the table says {:?}",
                if plain.is_ok() { "succeeds" } else { "fails" },
                conv.using
            ));
        }
        let sql = strata_model::ddl::alter::alter_column_type(
            "public",
            &table,
            &[strata_model::ddl::alter::TypeChange {
                column: "c",
                ty: &to_ty,
                using: conv.using,
                drop_default: false,
                set_default: None,
                collation: None,
            }],
        );
        client.batch_execute("BEGIN").await.unwrap();
        let before = relfilenode(client, &table).await;
        match client.batch_execute(&sql).await {
            Ok(()) => {
                let rewrote = relfilenode(client, &table).await != before;
                if rewrote != conv.rewrites {
                    mismatches.push(format!(
                        "{from} -> {to}: PostgreSQL {} the table, the table says rewrites = {}",
                        if rewrote {
                            "rewrites"
                        } else {
                            "does not rewrite"
                        },
                        conv.rewrites
                    ));
                }
            }
            Err(e) => mismatches.push(format!("{from} -> {to}: `{sql}` fails: {}", db_error(&e))),
        }
        client.batch_execute("ROLLBACK").await.unwrap();
    }
}
