//! `schema-diff fleet`: one history on 20 databases, one of them broken
//! (a table in the way of the second migration). `upgrade --jobs 4` brings
//! the 19 to head, reports the broken one with its error and the revision it
//! stopped at, and exits 2; once it is repaired, a rerun finishes it alone;
//! `check` across the fleet exits 0 (1 once a target drifts); targets come
//! from a file (bare database names), the configuration (a URL whose
//! password is printed nowhere) or a query against a directory database;
//! `--fail-fast` skips what was not started.

use strata_testing::{run, TestDb};

use crate::{exec, Project, MODELS};

/// The first migration's models: the enum and `dgs_jobs` of [`MODELS`].
const JOBS_ONLY: &str = r#"{
  "enums": [{"schema": "public", "name": "job_status", "labels": ["queued", "running", "done"]}],
  "tables": [
    {"schema": "public", "name": "dgs_jobs",
     "columns": [
       {"name": "job_id", "type": "text", "nullable": false},
       {"name": "status", "type": "public.job_status", "nullable": false, "default": "'queued'::job_status"},
       {"name": "progress", "type": "real", "nullable": true},
       {"name": "tags", "type": "text[]", "nullable": false, "default": "'{}'::text[]"}
     ],
     "primary_key": {"name": "dgs_jobs_pkey", "columns": ["job_id"]},
     "indexes": [{"name": "dgs_jobs_status_idx", "elements": [{"column": "status"}]}]}
  ]
}"#;

const SECRET: &str = "Sup3rSecretPw";

fn target<'a>(doc: &'a serde_json::Value, db: &TestDb) -> &'a serde_json::Value {
    doc["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| {
            t["target"]
                .as_str()
                .unwrap()
                .ends_with(&format!("/{}", db.name()))
        })
        .unwrap_or_else(|| panic!("no report for {}: {doc:#}", db.name()))
}

#[test]
fn twenty_databases_one_broken_then_repaired() {
    run(async {
        let directory = TestDb::new().await.unwrap();
        let url = directory.url();
        let mut dbs = Vec::new();
        for _ in 0..20 {
            dbs.push(TestDb::new().await.unwrap());
        }
        let p = Project::new("fleet", JOBS_ONLY);
        p.run(
            url,
            &["revision", "--autogenerate", "-m", "jobs", "--rev-id", "f1"],
        )
        .expect(0);
        p.set_models(MODELS);
        p.run(
            url,
            &[
                "revision",
                "--autogenerate",
                "-m",
                "lessons",
                "--rev-id",
                "f2",
            ],
        )
        .expect(0);

        // 19 targets by name in a file, one by URL (with a password) in
        // the configuration.
        let mut file = "# tenants of the fleet test\n\n".to_string();
        for db in &dbs[..19] {
            file.push_str(&format!("  {}\n", db.name()));
        }
        std::fs::write(p.path("tenants.txt"), file).unwrap();
        let with_password = dbs[19].url().replacen(
            "postgres://postgres@",
            &format!("postgres://postgres:{SECRET}@"),
            1,
        );
        assert!(with_password.contains(SECRET), "{}", dbs[19].url());
        let config = std::fs::read_to_string(p.path("schema-diff.toml")).unwrap();
        std::fs::write(
            p.path("schema-diff.toml"),
            format!("{config}\n[fleet]\ntargets_file = \"tenants.txt\"\ntargets = [\"{with_password}\"]\n"),
        )
        .unwrap();

        let out = p.run(url, &["fleet", "list"]).expect(0);
        assert_eq!(out.stdout.lines().count(), 20, "{}", out.stdout);

        // The second migration's table is already in the broken target.
        let broken = &dbs[7];
        exec(broken.url(), "CREATE TABLE dgs_lessons (x int)").await;
        let out = p.run(url, &["fleet", "--jobs", "4", "upgrade"]).expect(2);
        for text in [&out.stdout, &out.stderr] {
            assert!(!text.contains(SECRET), "{text}");
        }
        let line = out
            .stdout
            .lines()
            .find(|l| l.contains(broken.name()))
            .unwrap_or_else(|| panic!("{}", out.stdout));
        assert!(line.contains("failed") && line.contains(" f1 "), "{line}");
        assert!(
            out.stdout.contains("20 target(s): 19 ok, 1 failed."),
            "{}",
            out.stdout
        );
        assert!(
            out.stdout
                .contains(&format!("error on 127.0.0.1:5432/{}", broken.name()))
                || out
                    .stdout
                    .contains(&format!("/{}: upgrade f2", broken.name())),
            "{}",
            out.stdout
        );
        assert!(out.stdout.contains("already exists"), "{}", out.stdout);
        assert!(
            out.stderr
                .contains("Fleet: upgrade on 20 target(s), 4 at a time"),
            "{}",
            out.stderr
        );

        let out = p
            .run(url, &["--format", "json", "fleet", "current"])
            .expect(0);
        let doc = out.json();
        assert_eq!(doc["targets"].as_array().unwrap().len(), 20);
        for db in &dbs {
            let t = target(&doc, db);
            let want = if db.name() == broken.name() {
                "f1"
            } else {
                "f2"
            };
            assert_eq!(t["current"], serde_json::json!([want]), "{t:#}");
        }
        assert!(!out.stdout.contains(SECRET));

        // Repaired: the rerun finishes the broken target and nothing else.
        exec(broken.url(), "DROP TABLE dgs_lessons").await;
        let out = p
            .run(url, &["--format", "json", "fleet", "-j", "4", "upgrade"])
            .expect(0);
        let doc = out.json();
        assert_eq!(doc["summary"]["ok"], 20, "{doc:#}");
        for db in &dbs {
            let t = target(&doc, db);
            let steps = t["steps"].as_array().unwrap();
            if db.name() == broken.name() {
                assert_eq!(steps.len(), 1, "{t:#}");
                assert_eq!(steps[0]["revision"], "f2");
            } else {
                assert!(steps.is_empty(), "{t:#}");
            }
            assert_eq!(t["current"], serde_json::json!(["f2"]));
        }

        let out = p.run(url, &["fleet", "check"]).expect(0);
        assert!(
            out.stdout
                .contains("20 target(s): 20 ok, 0 differ, 0 failed."),
            "{}",
            out.stdout
        );

        // One target drifts: check says which, exit 1.
        exec(dbs[3].url(), "ALTER TABLE dgs_jobs ADD COLUMN extra int").await;
        let out = p
            .run(url, &["--format", "json", "fleet", "check"])
            .expect(1);
        let doc = out.json();
        assert_eq!(doc["summary"]["differs"], 1, "{doc:#}");
        let t = target(&doc, &dbs[3]);
        assert_eq!(t["result"], "differs");
        assert!(t["differences"].to_string().contains("extra"), "{t:#}");

        // Targets from a query against a directory database.
        let mut insert = "CREATE TABLE tenants (db text NOT NULL);".to_string();
        for db in &dbs {
            insert.push_str(&format!("INSERT INTO tenants VALUES ('{}');", db.name()));
        }
        exec(url, &insert).await;
        let out = p
            .run(
                url,
                &[
                    "--format",
                    "json",
                    "fleet",
                    "--directory-url",
                    url,
                    "--targets-query",
                    "SELECT db FROM tenants ORDER BY db",
                    "current",
                ],
            )
            .expect(0);
        assert_eq!(out.json()["targets"].as_array().unwrap().len(), 20);

        // The query is read with PostgreSQL's parser (one SELECT) and run in
        // a read-only transaction: a write hidden in a CTE is refused by
        // the server, and nothing is deleted.
        let out = p
            .run(
                url,
                &[
                    "fleet",
                    "--targets-query",
                    "DELETE FROM tenants RETURNING db",
                    "list",
                ],
            )
            .expect(2);
        assert!(
            out.stderr.contains("targets_query: must be a SELECT"),
            "{}",
            out.stderr
        );
        let out = p
            .run(
                url,
                &[
                    "fleet",
                    "--targets-query",
                    "WITH d AS (DELETE FROM tenants RETURNING db) SELECT db FROM d",
                    "list",
                ],
            )
            .expect(2);
        assert!(
            out.stderr.contains("read-only transaction"),
            "{}",
            out.stderr
        );
        let out = p
            .run(
                url,
                &["fleet", "--targets-query", "SELECT db FROM tenants", "list"],
            )
            .expect(0);
        assert_eq!(out.stdout.lines().count(), 20, "nothing was deleted");

        // --fail-fast: the first target fails (no such database), the
        // second is never started.
        let out = p
            .run(
                url,
                &[
                    "fleet",
                    "--jobs",
                    "1",
                    "--fail-fast",
                    "--target",
                    "no_such_database_here",
                    "--target",
                    dbs[0].name(),
                    "current",
                ],
            )
            .expect(2);
        assert!(out.stdout.contains("skipped"), "{}", out.stdout);
        assert!(
            out.stdout.contains("no_such_database_here"),
            "{}",
            out.stdout
        );
        assert!(out.stdout.contains("1 skipped"), "{}", out.stdout);

        // No target at all: a clear error, nothing run.
        let empty = Project::new("fleet-empty", MODELS);
        let out = empty.run(url, &["fleet", "upgrade"]).expect(2);
        assert!(out.stderr.contains("no fleet targets"), "{}", out.stderr);
        // A bad line names the file and line.
        std::fs::write(empty.path("t.txt"), "ok_name\n\ntwo words\n").unwrap();
        let out = empty
            .run(url, &["fleet", "--targets-file", "t.txt", "current"])
            .expect(2);
        assert!(out.stderr.contains("t.txt:3:"), "{}", out.stderr);
    });
}
