//! `lint` through the binary: every rule fires with its file line, every
//! allowed variant passes, the files it reads (pending on the database,
//! `--all`, `-r FROM:TO`, every file when no database is configured), the
//! JSON document, the exit codes, volatile functions read from the
//! database, and the repository's own DGS migrations.

use strata_testing::{run, TestDb};

use crate::{Output, Project, MODELS};

fn write(p: &Project, rev: &str, parents: &str, transaction: &str, up: &str) {
    std::fs::write(
        p.path(&format!("migrations/{rev}_{rev}.sql")),
        format!(
            "-- revision: {rev}\n-- parents: {parents}\n-- message: step {rev}\n-- transaction: {transaction}\n\n-- migrate:up\n{up}\n\n-- migrate:down\n"
        ),
    )
    .unwrap();
}

/// The first line of the up section in files [`write`] writes.
const UP: usize = 7;

/// `(line, rule, allowed)` of each finding of a JSON document.
fn findings(out: &Output) -> Vec<(usize, String, bool)> {
    out.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap() as usize,
                f["rule"].as_str().unwrap().to_string(),
                f["allowed"].as_bool().unwrap(),
            )
        })
        .collect()
}

/// One statement per rule, on an existing table (created by the first
/// migration), each on its own line.
const HAZARDS: [(&str, &str); 12] = [
    (
        "index-without-concurrently",
        "CREATE INDEX dgs_jobs_p ON dgs_jobs (progress);",
    ),
    (
        "constraint-without-not-valid",
        "ALTER TABLE dgs_jobs ADD CONSTRAINT p CHECK (progress >= 0);",
    ),
    (
        "unique-without-index",
        "ALTER TABLE dgs_jobs ADD CONSTRAINT u UNIQUE (progress);",
    ),
    (
        "set-not-null",
        "ALTER TABLE dgs_jobs ALTER progress SET NOT NULL;",
    ),
    (
        "column-type-change",
        "ALTER TABLE dgs_jobs ALTER progress TYPE double precision;",
    ),
    (
        "volatile-default",
        "ALTER TABLE dgs_jobs ADD COLUMN token uuid DEFAULT gen_random_uuid();",
    ),
    (
        "access-exclusive-lock",
        "ALTER TABLE dgs_jobs ADD COLUMN n int NOT NULL;",
    ),
    ("access-exclusive-lock", "TRUNCATE dgs_jobs;"),
    (
        "column-still-in-models",
        "ALTER TABLE dgs_jobs DROP COLUMN status;",
    ),
    (
        "column-still-in-models",
        "ALTER TABLE dgs_jobs RENAME COLUMN tags TO labels;",
    ),
    ("transaction-control", "COMMIT;"),
    (
        "concurrently-in-transaction",
        "CREATE INDEX CONCURRENTLY dgs_jobs_q ON dgs_jobs (progress);",
    ),
];

const BASE: &str = "CREATE TABLE dgs_jobs (job_id text PRIMARY KEY, status text, progress real, tags text[]);\nCREATE INDEX dgs_jobs_s ON dgs_jobs (status);";

#[test]
fn every_rule_fires_and_every_allowed_variant_passes() {
    let p = Project::new("lint-rules", MODELS);
    write(&p, "a1", "", "per-migration", BASE);
    let up: Vec<&str> = HAZARDS.iter().map(|(_, s)| *s).collect();
    write(&p, "b2", "a1", "per-migration", &up.join("\n"));
    let out = crate::output(p.command(&["lint"])).expect(1);
    assert!(
        out.stderr
            .contains("no database is configured; linting every migration file"),
        "{}",
        out.stderr
    );
    for (i, (rule, _)) in HAZARDS.iter().enumerate() {
        let line = format!("migrations/b2_b2.sql:{}: {rule}: ", UP + i);
        assert!(out.stdout.contains(&line), "{line}\n{}", out.stdout);
    }
    assert!(
        out.stdout
            .contains("Linted 2 migration file(s): 12 finding(s), 0 allowed.")
            && out
                .stdout
                .contains("`-- lint: allow <rule> -- <why it is safe here>`"),
        "{}",
        out.stdout
    );
    // The same with an allow comment above each statement (two on the
    // statement's own line): nothing fails, every finding is listed as
    // allowed.
    let allowed: Vec<String> = HAZARDS
        .iter()
        .enumerate()
        .map(|(i, (rule, st))| {
            let rules = if rule.starts_with("column-still") {
                format!("{rule}, access-exclusive-lock")
            } else {
                rule.to_string()
            };
            if i % 6 == 0 {
                format!("{st} -- lint: allow {rules} -- reviewed: the table is small")
            } else {
                format!("-- lint: allow {rules} -- reviewed: the table is small\n{st}")
            }
        })
        .collect();
    write(&p, "b2", "a1", "per-migration", &allowed.join("\n"));
    let out = crate::output(p.command(&["lint", "--all"])).expect(0);
    assert!(
        out.stdout.contains("12 allowed.")
            && out
                .stdout
                .contains(": set-not-null: allowed (reviewed: the table is small)"),
        "{}",
        out.stdout
    );
    // The same statements on a table the file creates first: nothing.
    let fresh = format!("{BASE}\n{}", up.join("\n"));
    write(&p, "b2", "", "none", &fresh);
    std::fs::remove_file(p.path("migrations/a1_a1.sql")).unwrap();
    let out = crate::output(p.command(&["lint", "--all", "--format", "json"])).expect(0);
    assert_eq!(findings(&out), vec![]);
    // An allow without a reason is a finding and allows nothing.
    write(
        &p,
        "b2",
        "",
        "per-migration",
        "-- lint: allow set-not-null\nALTER TABLE t ALTER a SET NOT NULL;",
    );
    let out = crate::output(p.command(&["lint", "--all", "--format", "json"])).expect(1);
    assert_eq!(
        findings(&out),
        vec![
            (UP, "allow-without-reason".to_string(), false),
            (UP + 1, "set-not-null".to_string(), false)
        ]
    );
}

#[test]
fn pending_all_and_range_select_the_files() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let url = db.url();
        let p = Project::new("lint-select", MODELS);
        write(&p, "a1", "", "per-migration", BASE);
        write(
            &p,
            "b2",
            "a1",
            "per-migration",
            "ALTER TABLE dgs_jobs ALTER progress SET NOT NULL;",
        );
        write(
            &p,
            "c3",
            "b2",
            "per-migration",
            "ALTER TABLE dgs_jobs ALTER progress TYPE float8;",
        );
        let files = |out: &Output| -> Vec<String> {
            out.json()["files"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["revision"].as_str().unwrap().to_string())
                .collect()
        };
        // Nothing applied: everything is pending.
        let out = p.run(url, &["lint", "--format", "json"]).expect(1);
        assert_eq!(files(&out), ["a1", "b2", "c3"]);
        assert_eq!(out.json()["all_files_because"], serde_json::Value::Null);
        p.run(url, &["upgrade", "b2"]).expect(0);
        let out = p.run(url, &["lint", "--format", "json"]).expect(1);
        assert_eq!(files(&out), ["c3"]);
        assert_eq!(
            findings(&out),
            vec![(UP, "column-type-change".to_string(), false)]
        );
        p.run(url, &["upgrade", "head"]).expect(0);
        let out = p.run(url, &["lint"]).expect(0);
        assert!(
            out.stdout.contains("Linted 0 migration file(s)"),
            "{}",
            out.stdout
        );
        // --all and ranges ignore what is applied.
        let out = p.run(url, &["lint", "--all", "--format", "json"]).expect(1);
        assert_eq!(files(&out), ["a1", "b2", "c3"]);
        let out = p
            .run(url, &["lint", "-r", "a1:a1", "--format", "json"])
            .expect(0);
        assert_eq!(files(&out), ["a1"]);
        let out = p
            .run(url, &["lint", "-r", "b2:", "--format", "json"])
            .expect(1);
        assert_eq!(files(&out), ["b2", "c3"]);
        let out = p
            .run(url, &["lint", "-r", ":b2", "--format", "json"])
            .expect(1);
        assert_eq!(files(&out), ["a1", "b2"]);
        assert_eq!(
            findings(&out),
            vec![(UP, "set-not-null".to_string(), false)]
        );
        // A range relative to the database.
        p.run(url, &["downgrade", "a1"]).expect(0);
        let out = p
            .run(url, &["lint", "-r", "current:head", "--format", "json"])
            .expect(1);
        assert_eq!(files(&out), ["a1", "b2", "c3"]);
        let out = p
            .run(url, &["lint", "-r", "nope:", "--format", "json"])
            .expect(2);
        assert!(
            out.json()["error"].as_str().unwrap().contains("nope"),
            "{}",
            out.stdout
        );
        // --all and -r do not go together.
        p.run(url, &["lint", "--all", "-r", "a1:"]).expect(2);
        // A database that cannot be reached: every file, and why.
        let out = p
            .run(
                "postgres://postgres@127.0.0.1:1/nowhere",
                &["lint", "--format", "json"],
            )
            .expect(1);
        assert_eq!(files(&out), ["a1", "b2", "c3"]);
        assert!(
            out.json()["all_files_because"]
                .as_str()
                .unwrap()
                .contains("cannot be read"),
            "{}",
            out.stdout
        );
    });
}

#[test]
fn json_document_and_the_down_section() {
    let p = Project::new("lint-json", MODELS);
    write(&p, "a1", "", "per-migration", "ALTER TABLE dgs_jobs ALTER progress SET NOT NULL; -- lint: allow set-not-null -- backfilled in a1\nDROP INDEX dgs_jobs_s;");
    let path = p.path("migrations/a1_a1.sql");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}DROP TABLE dgs_jobs;\n")).unwrap();
    let out = crate::output(p.command(&["lint", "--format", "json"])).expect(1);
    let doc = out.json();
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["files"][0]["path"], "migrations/a1_a1.sql");
    let f = &doc["findings"][0];
    assert_eq!(f["file"], "migrations/a1_a1.sql");
    assert_eq!(f["line"], UP);
    assert_eq!(f["rule"], "set-not-null");
    assert_eq!(f["allowed"], true);
    assert_eq!(f["reason"], "backfilled in a1");
    assert_eq!(f["section"], "up");
    assert_eq!(
        f["statement"],
        "ALTER TABLE dgs_jobs ALTER progress SET NOT NULL;"
    );
    assert!(f["message"].as_str().unwrap().contains("NOT VALID"));
    let f = &doc["findings"][1];
    assert_eq!(
        (
            f["line"].as_u64(),
            f["rule"].as_str(),
            f["allowed"].as_bool()
        ),
        (
            Some(UP as u64 + 1),
            Some("index-without-concurrently"),
            Some(false)
        )
    );
    assert_eq!(f["reason"], serde_json::Value::Null);
    assert_eq!(doc["findings"].as_array().unwrap().len(), 2);
    // --down reads the down section too.
    let out = crate::output(p.command(&["lint", "--down", "--format", "json"])).expect(1);
    let doc = out.json();
    let last = &doc["findings"][2];
    assert_eq!(
        (last["rule"].as_str(), last["section"].as_str()),
        (Some("access-exclusive-lock"), Some("down"))
    );
    assert_eq!(last["line"].as_u64(), Some(UP as u64 + 4));
}

#[test]
fn errors_exit_2_and_name_file_line_and_column() {
    let p = Project::new("lint-errors", MODELS);
    write(
        &p,
        "a1",
        "",
        "per-migration",
        "SELECT 1;\nALTER TABLE t ALTR a SET NOT NULL;",
    );
    let out = crate::output(p.command(&["lint", "--all"])).expect(2);
    assert!(
        out.stderr
            .contains("a1_a1.sql:8:15: the up section does not parse"),
        "{}",
        out.stderr
    );
    let out = crate::output(p.command(&["lint", "--all", "--format", "json"])).expect(2);
    assert!(
        out.json()["error"].as_str().unwrap().contains(":8:15:"),
        "{}",
        out.stdout
    );
    // A file that is not a migration file.
    std::fs::write(
        p.path("migrations/a1_a1.sql"),
        "-- revision: a1\nSELECT 1;\n",
    )
    .unwrap();
    crate::output(p.command(&["lint", "--all"])).expect(2);
}

#[test]
fn the_repositorys_dgs_migrations_pass() {
    // The baseline creates its tables (IF NOT EXISTS) and then their
    // indexes and constraints: all on new tables; what runs inside its DO
    // blocks is not read.
    let dgs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/dgs/migrations");
    let p = Project::new("lint-dgs", MODELS);
    let dir = dgs.to_str().unwrap();
    let out = crate::output(p.command(&["lint", "--all", "--down", "--migrations", dir])).expect(0);
    assert!(
        out.stdout.contains("0 finding(s), 0 allowed."),
        "{}",
        out.stdout
    );
}

#[test]
fn volatile_functions_are_read_from_the_database() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let url = db.url();
        crate::exec(
            url,
            "CREATE FUNCTION next_ticket() RETURNS int VOLATILE LANGUAGE sql AS 'SELECT 1';\
             CREATE FUNCTION same_ticket() RETURNS int IMMUTABLE LANGUAGE sql AS 'SELECT 1';",
        )
        .await;
        let p = Project::new("lint-volatile", MODELS);
        write(&p, "a1", "", "per-migration", BASE);
        write(
            &p,
            "b2",
            "a1",
            "per-migration",
            "ALTER TABLE dgs_jobs ADD COLUMN t int DEFAULT next_ticket();\nALTER TABLE dgs_jobs ADD COLUMN s int DEFAULT same_ticket();",
        );
        let out = p.run(url, &["lint", "--all", "--format", "json"]).expect(1);
        assert_eq!(
            findings(&out),
            vec![(UP, "volatile-default".to_string(), false)]
        );
        // Without a database only the built-in list is known.
        let out = crate::output(p.command(&["lint", "--all", "--format", "json"])).expect(0);
        assert_eq!(findings(&out), vec![]);
    });
}
