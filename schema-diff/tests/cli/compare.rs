//! The commands that compare schemas through the binary: `revision
//! --autogenerate` (twice in a row, never touching the configured database,
//! withheld drops), `check` exit codes, `diff` between two databases and
//! between a JSON file and a database, and `stamp head` on a database that
//! already holds the schema.

use std::process::Stdio;

use strata_testing::{run, TestDb};

use crate::{exec, output, tables, Project, MODELS};

/// Scratch databases left behind by process `pid`.
async fn scratch_left(url: &str, pid: u32) -> i64 {
    let client = strata::ConnectOptions::parse(url)
        .unwrap()
        .connect()
        .await
        .unwrap();
    client
        .query_one(
            "SELECT count(*) FROM pg_database WHERE datname LIKE $1",
            &[&format!("strata_scratch_{pid}_%")],
        )
        .await
        .unwrap()
        .get(0)
}

#[test]
fn autogenerate_twice_in_a_row_then_upgrade_and_check() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let url = db.url();
        let p = Project::new("autogen", MODELS);
        // The configured database is unreachable: autogenerate must not need
        // it (the history is replayed on the scratch server).
        let unreachable = "postgres://nobody@127.0.0.1:1/production";
        let mut cmd = p.command(&[
            "revision",
            "--autogenerate",
            "-m",
            "init",
            "--scratch-url",
            url,
        ]);
        cmd.env("DATABASE_URL", unreachable)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let child = cmd.spawn().unwrap();
        let pid = child.id();
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(
            out.status.success(),
            "{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            stdout.contains("+ table dgs_jobs") && stdout.contains("+ table dgs_lessons"),
            "{stdout}"
        );
        assert_eq!(
            scratch_left(url, pid).await,
            0,
            "scratch databases are dropped"
        );
        assert_eq!(p.migrations().len(), 1);

        let out = output({
            let mut c = p.command(&[
                "revision",
                "--autogenerate",
                "-m",
                "again",
                "--scratch-url",
                url,
            ]);
            c.env("DATABASE_URL", unreachable);
            c
        })
        .expect(0);
        assert!(out.stdout.contains("No changes"), "{}", out.stdout);
        assert!(out.stdout.contains("no file written"), "{}", out.stdout);
        assert_eq!(p.migrations().len(), 1, "the second run writes nothing");
        // --empty writes one anyway.
        let out = p
            .run(
                url,
                &["revision", "--autogenerate", "--empty", "-m", "empty one"],
            )
            .expect(0);
        assert!(out.stdout.contains("Wrote"), "{}", out.stdout);
        assert_eq!(p.migrations().len(), 2);
        let extra = p
            .migrations()
            .into_iter()
            .find(|f| f.to_string_lossy().contains("empty_one"))
            .unwrap();
        std::fs::remove_file(extra).unwrap();

        // Apply, then the models agree with the database.
        let out = p.run(url, &["upgrade"]).expect(0);
        assert!(
            out.stderr.contains("Running upgrade <base> ->"),
            "{}",
            out.stderr
        );
        let out = p.run(url, &["check"]).expect(0);
        assert!(out.stdout.contains("matches"), "{}", out.stdout);

        // A type change: check lists it, autogenerate writes it, then pending.
        p.set_models(&MODELS.replace(r#""type": "real""#, r#""type": "double precision""#));
        let out = p.run(url, &["check"]).expect(1);
        assert!(
            out.stdout
                .contains("~ column dgs_jobs.progress: real -> double precision"),
            "{}",
            out.stdout
        );
        let out = p
            .run(url, &["revision", "--autogenerate", "-m", "wider progress"])
            .expect(0);
        assert!(
            out.stdout
                .contains("~ column dgs_jobs.progress: real -> double precision"),
            "{}",
            out.stdout
        );
        let files = p.migrations();
        let second = files
            .iter()
            .find(|f| f.to_string_lossy().contains("wider_progress"))
            .unwrap();
        let text = std::fs::read_to_string(second).unwrap();
        assert!(
            text.contains("ALTER COLUMN progress TYPE double precision"),
            "{text}"
        );
        let out = p.run(url, &["check"]).expect(1);
        assert!(
            out.stdout.contains("pending migration:") && out.stdout.contains("wider progress"),
            "{}",
            out.stdout
        );
        p.run(url, &["upgrade"]).expect(0);
        p.run(url, &["check"]).expect(0);
        // ... and back: double precision -> real narrows, so downgrade
        // refuses until asked explicitly.
        let refused = p.run(url, &["downgrade", "-1"]).expect(2);
        assert!(
            refused
                .stderr
                .contains("downgrade refused: it would delete data"),
            "{}",
            refused.stderr
        );
        p.run(url, &["check"]).expect(0);
        p.run(url, &["downgrade", "-1", "--allow-drops"]).expect(0);
        assert!(p
            .run(url, &["check"])
            .expect(1)
            .stdout
            .contains("real -> double precision"));
        p.run(url, &["upgrade"]).expect(0);

        // Dropping a column is withheld unless allowed.
        let without_tags = MODELS
            .replace(r#""type": "real""#, r#""type": "double precision""#)
            .replace(
                r#",
       {"name": "tags", "type": "text[]", "nullable": false, "default": "'{}'::text[]"}"#,
                "",
            );
        assert_ne!(without_tags, MODELS);
        p.set_models(&without_tags);
        let out = p
            .run(url, &["revision", "--autogenerate", "-m", "drop tags"])
            .expect(0);
        assert!(out.stdout.contains("No changes"), "{}", out.stdout);
        assert!(
            out.stdout.contains("Withheld 1 operation(s)") && out.stdout.contains("tags"),
            "{}",
            out.stdout
        );
        assert_eq!(p.migrations().len(), 2);
        let out = p.run(url, &["check"]).expect(1);
        assert!(out.stdout.contains("tags"), "{}", out.stdout);
        let v = p
            .run(
                url,
                &[
                    "revision",
                    "--autogenerate",
                    "--allow-drops",
                    "-m",
                    "drop tags",
                    "--format",
                    "json",
                ],
            )
            .expect(0)
            .json();
        assert_eq!(v["written"], true);
        p.run(url, &["upgrade"]).expect(0);
        p.run(url, &["check"]).expect(0);
        // The migrations replayed equal the models.
        let out = p
            .run(url, &["diff", "--from", "migrations", "--to", "models"])
            .expect(0);
        assert_eq!(out.stdout, "-- no differences\n");
    });
}

#[test]
fn check_exit_codes() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let url = db.url();
        let p = Project::new("check", MODELS);
        let out = p.run(url, &["check"]).expect(1);
        assert!(out.stdout.contains("+ table dgs_jobs"), "{}", out.stdout);
        let v = p.run(url, &["check", "--format", "json"]).expect(1).json();
        assert_eq!(v["ok"], false);
        assert!(v["differences"].as_array().unwrap().len() >= 2);
        // Create exactly the models with `diff`, then check agrees.
        let sql = p
            .run(url, &["diff", "--from", "database", "--to", "models"])
            .expect(0)
            .stdout;
        exec(url, &sql).await;
        let out = p.run(url, &["check"]).expect(0);
        assert!(out.stdout.contains("matches"), "{}", out.stdout);
        // The version table is not a difference.
        p.run(url, &["stamp", "base"]).expect(0);
        assert!(tables(url).await.contains(&"strata_migrations".to_string()));
        p.run(url, &["check"]).expect(0);
        // An ignored table is not one either.
        exec(url, "CREATE TABLE legacy_extra (x int)").await;
        p.run(url, &["check"]).expect(1);
        p.run(url, &["check", "--ignore-table", "legacy_*"])
            .expect(0);
        // A pending migration is.
        std::fs::write(
            p.path("migrations/p1_pending.sql"),
            "-- revision: p1\n-- message: later\n-- migrate:up\n-- migrate:down\n",
        )
        .unwrap();
        let out = p
            .run(url, &["check", "--ignore-table", "legacy_*"])
            .expect(1);
        assert!(
            out.stdout.contains("pending migration: p1 (later)"),
            "{}",
            out.stdout
        );
        // Errors: exit 2.
        let out = p
            .run("postgres://nobody@127.0.0.1:1/x", &["check"])
            .expect(2);
        assert!(
            out.stderr
                .starts_with("error: cannot connect to postgres://nobody@127.0.0.1:1/x"),
            "{}",
            out.stderr
        );
        let out = p
            .run(url, &["check", "--models", "echo not json"])
            .expect(2);
        assert!(
            out.stderr.contains("did not print schema JSON"),
            "{}",
            out.stderr
        );
        let out = p
            .run(url, &["check", "--models", "echo boom >&2; exit 3"])
            .expect(2);
        assert!(
            out.stderr.contains("failed") && out.stderr.contains("boom"),
            "{}",
            out.stderr
        );
        std::fs::write(p.path("schema-diff.toml"), "migrations = \"migrations\"\n").unwrap();
        let out = p.run(url, &["check"]).expect(2);
        assert!(
            out.stderr.contains("no models command configured"),
            "{}",
            out.stderr
        );
        // A model PostgreSQL rejects names what was rejected.
        let bad = MODELS.replace("'queued'::job_status", "'nope'::job_status");
        let out = p
            .run(
                url,
                &[
                    "check",
                    "--models",
                    &format!("printf '%s' '{}'", bad.replace('\'', "'\\''")),
                ],
            )
            .expect(2);
        assert!(
            out.stderr.contains("dgs_jobs") && out.stderr.contains("status"),
            "{}",
            out.stderr
        );
    });
}

#[test]
fn diff_between_two_databases() {
    run(async {
        let a = TestDb::new().await.unwrap();
        let b = TestDb::new().await.unwrap();
        let p = Project::new("diffdb", MODELS);
        exec(
            a.url(),
            "CREATE TABLE \"User\" (id int PRIMARY KEY, name varchar(50), old text);
             CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES \"User\"(id));",
        )
        .await;
        exec(
            b.url(),
            "CREATE TYPE mood AS ENUM ('sad', 'ok');
             CREATE TABLE \"User\" (id int PRIMARY KEY, name varchar(100) NOT NULL DEFAULT 'x', m mood);
             CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES \"User\"(id) ON DELETE CASCADE, total numeric(10,2));
             CREATE INDEX orders_total ON orders (total DESC) WHERE total > 0;",
        )
        .await;
        // Without --allow-drops the drop of "User".old is withheld.
        let out = p
            .run(a.url(), &["diff", "--from", a.url(), "--to", b.url()])
            .expect(0);
        assert!(
            out.stderr.contains("withheld 1 operation(s)"),
            "{}",
            out.stderr
        );
        assert!(out.stdout.contains("-- withheld:"), "{}", out.stdout);
        let out = p
            .run(
                a.url(),
                &["diff", "--from", a.url(), "--to", b.url(), "--allow-drops"],
            )
            .expect(0);
        exec(a.url(), &out.stdout).await;
        let out = p
            .run(
                a.url(),
                &["diff", "--from", a.url(), "--to", b.url(), "--allow-drops"],
            )
            .expect(0);
        assert_eq!(out.stdout, "-- no differences\n");
        let v = p
            .run(
                a.url(),
                &[
                    "diff",
                    "--from",
                    b.url(),
                    "--to",
                    "empty",
                    "--allow-drops",
                    "--format",
                    "json",
                ],
            )
            .expect(0)
            .json();
        assert!(
            v["summary"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s.as_str().unwrap().contains("User")),
            "{v}"
        );
    });
}

#[test]
fn diff_between_a_json_file_and_a_database() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let url = db.url();
        let p = Project::new("diffjson", "{}");
        std::fs::write(p.path("desired.json"), MODELS).unwrap();
        let out = p
            .run(url, &["diff", "--from", url, "--to", "desired.json"])
            .expect(0);
        assert!(
            out.stdout.contains("CREATE TABLE public.dgs_jobs"),
            "{}",
            out.stdout
        );
        exec(url, &out.stdout).await;
        let out = p
            .run(url, &["diff", "--from", url, "--to", "desired.json"])
            .expect(0);
        assert_eq!(out.stdout, "-- no differences\n");
        let out = p
            .run(url, &["diff", "--from", "desired.json", "--to", url])
            .expect(0);
        assert_eq!(out.stdout, "-- no differences\n");
        std::fs::write(p.path("broken.json"), "{\n  \"tables\": 3\n}").unwrap();
        let out = p
            .run(url, &["diff", "--from", url, "--to", "broken.json"])
            .expect(2);
        assert!(
            out.stderr.contains("broken.json") && out.stderr.contains("line 2"),
            "{}",
            out.stderr
        );
        let out = p
            .run(url, &["diff", "--from", url, "--to", "nonsense"])
            .expect(2);
        assert!(
            out.stderr.contains("unknown source `nonsense`"),
            "{}",
            out.stderr
        );
    });
}

/// The SQL of `diff --format json` is exact even when the password is a
/// name the SQL uses (the server trusts the connection, so any password
/// works).
#[test]
fn json_output_is_not_masked() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let url = db.url().replacen("postgres@", "postgres:dgs_jobs@", 1);
        assert!(url.contains(":dgs_jobs@"), "{url}");
        let p = Project::new("jsonunmasked", MODELS);
        let out = p
            .run(
                &url,
                &[
                    "diff", "--from", "empty", "--to", "models", "--format", "json",
                ],
            )
            .expect(0);
        let sql = out.json()["sql"].as_str().unwrap().to_string();
        assert!(sql.contains("CREATE TABLE public.dgs_jobs"), "{sql}");
        assert!(!sql.contains("***"), "{sql}");
    });
}

#[test]
fn stamp_head_on_a_database_that_already_has_the_schema() {
    run(async {
        let legacy = TestDb::new().await.unwrap();
        let url = legacy.url();
        let p = Project::new("stamp", MODELS);
        // The initial revision comes from an empty history.
        p.run(url, &["revision", "--autogenerate", "-m", "initial"])
            .expect(0);
        assert!(
            tables(url).await.is_empty(),
            "autogenerate leaves the database alone"
        );
        // A database created by other means, holding rows.
        let sql = p
            .run(url, &["diff", "--from", "empty", "--to", "models"])
            .expect(0)
            .stdout;
        exec(url, &sql).await;
        exec(url, "INSERT INTO dgs_jobs (job_id) VALUES ('j1')").await;
        let out = p.run(url, &["check"]).expect(1);
        assert!(out.stdout.contains("pending migration"), "{}", out.stdout);
        let out = p.run(url, &["stamp", "head"]).expect(0);
        assert!(
            out.stdout.contains("1 revision(s) recorded") && out.stdout.contains("nothing was run"),
            "{}",
            out.stdout
        );
        p.run(url, &["check"]).expect(0);
        let out = p.run(url, &["current", "--verbose"]).expect(0);
        assert!(out.stdout.contains("(stamped)"), "{}", out.stdout);
        assert!(p
            .run(url, &["upgrade"])
            .expect(0)
            .stdout
            .contains("Nothing to do"));
    });
}

#[test]
fn an_idempotent_baseline_runs_on_fresh_and_existing_databases() {
    run(async {
        let fresh = TestDb::new().await.unwrap();
        let existing = TestDb::new().await.unwrap();
        let p = Project::new("baseline", MODELS);
        p.run(
            fresh.url(),
            &[
                "revision",
                "--autogenerate",
                "--idempotent",
                "-m",
                "baseline",
            ],
        )
        .expect(0);
        let files = p.migrations();
        assert_eq!(files.len(), 1);
        let text = std::fs::read_to_string(&files[0]).unwrap();
        assert!(
            text.contains("CREATE TABLE IF NOT EXISTS public.dgs_jobs"),
            "{text}"
        );
        // A database that already holds the schema, and a row.
        let sql = p
            .run(
                existing.url(),
                &["diff", "--from", "empty", "--to", "models"],
            )
            .expect(0)
            .stdout;
        exec(existing.url(), &sql).await;
        exec(
            existing.url(),
            "INSERT INTO dgs_jobs (job_id) VALUES ('kept')",
        )
        .await;
        for url in [fresh.url(), existing.url()] {
            p.run(url, &["upgrade"]).expect(0);
            p.run(url, &["check"]).expect(0);
        }
        let client = strata::ConnectOptions::parse(existing.url())
            .unwrap()
            .connect()
            .await
            .unwrap();
        let n: i64 = client
            .query_one("SELECT count(*) FROM dgs_jobs WHERE job_id = 'kept'", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(n, 1, "existing rows are kept");
        let out = p
            .run(
                fresh.url(),
                &["revision", "--autogenerate", "--idempotent", "-m", "again"],
            )
            .expect(2);
        assert!(
            out.stderr.contains("--idempotent writes a baseline"),
            "{}",
            out.stderr
        );
        let out = p
            .run(fresh.url(), &["revision", "--idempotent", "-m", "x"])
            .expect(2);
        assert!(out.stderr.contains("--autogenerate"), "{}", out.stderr);
    });
}

/// Owners stated by a JSON schema are applied (`OWNER TO`); one naming a
/// role the server does not have is refused before any SQL, naming the
/// role; a JSON schema that states no owner leaves owners alone.
#[test]
fn owners_from_a_json_file_and_a_missing_role() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let url = db.url();
        exec(
            url,
            "DO $$ BEGIN CREATE ROLE strata_cli_owner; \
             EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$; \
             CREATE TABLE t (id integer)",
        )
        .await;
        let p = Project::new("owners", "{}");
        let table = r#"{"schema": "public", "name": "t", "columns": [{"name": "id", "type": "integer", "nullable": true}]}"#;
        let owned_by = |role: &str| {
            format!(
                r#"{{"schemas": ["public"], "tables": [{table}], "objects": [{{"kind": "owner", "schema": "public", "name": "t", "arguments": "TABLE public.t", "definition": "ALTER TABLE public.t OWNER TO {role};", "depends_on": [{{"kind": "role", "schema": "", "name": "{role}"}}, {{"kind": "table", "schema": "public", "name": "t"}}]}}]}}"#
            )
        };
        std::fs::write(p.path("nobody.json"), owned_by("strata_cli_nobody")).unwrap();
        let out = p
            .run(url, &["diff", "--from", url, "--to", "nobody.json"])
            .expect(2);
        assert!(
            out.stderr
                .contains("role(s) strata_cli_nobody that do not exist"),
            "{}",
            out.stderr
        );
        assert!(!out.stdout.contains("OWNER TO"), "{}", out.stdout);

        std::fs::write(p.path("owned.json"), owned_by("strata_cli_owner")).unwrap();
        let out = p
            .run(url, &["diff", "--from", url, "--to", "owned.json"])
            .expect(0);
        assert!(
            out.stdout
                .contains("ALTER TABLE public.t OWNER TO strata_cli_owner;"),
            "{}",
            out.stdout
        );
        exec(url, &out.stdout).await;
        let out = p
            .run(url, &["diff", "--from", url, "--to", "owned.json"])
            .expect(0);
        assert_eq!(out.stdout, "-- no differences\n");

        std::fs::write(
            p.path("plain.json"),
            format!(r#"{{"schemas": ["public"], "tables": [{table}]}}"#),
        )
        .unwrap();
        let out = p
            .run(url, &["diff", "--from", url, "--to", "plain.json"])
            .expect(0);
        assert_eq!(out.stdout, "-- no differences\n");
    });
}
