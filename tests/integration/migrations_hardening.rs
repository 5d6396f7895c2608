//! Regression tests of issue 14 (schema-diff hardening), one per numbered
//! "Why" item that this branch fixes: destructive down sections found on
//! PostgreSQL's parse tree (1), the lock surviving
//! `idle_in_transaction_session_timeout` (2), writes refused on a throwaway
//! server and an empty `DATABASE_URL` (3), a JSON schema that smuggles SQL
//! in a default (4), transaction control in a per-migration file and
//! `BEGIN ATOMIC` under `transaction: none` (7), a byte-order mark (9).

use std::path::Path;

use schema_diff::config::{Config, Overrides};
use schema_diff::error::{Error, ProjectError, RunError, SourceError};
use schema_diff::migrations::{History, Target};
use schema_diff::plan::PlanOptions;
use schema_diff::project::Source;
use schema_diff::runner::{Event, RunOptions, Runner, VersionTable};
use schema_diff::Project;
use strata_testing::{run, TestDb};

use crate::migrations_fixture::TempDir;

fn t(s: &str) -> Target {
    Target::parse(s).unwrap()
}

fn config(dir: &Path, url: Option<&str>) -> Config {
    let overrides = Overrides {
        database_url: url.map(str::to_string),
        migrations: Some(dir.to_path_buf()),
        ..Overrides::default()
    };
    Config::resolve(&overrides, &|_| None, dir).unwrap()
}

async fn tables(db: &TestDb) -> Vec<String> {
    let c = db.connect().await.unwrap();
    c.query(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
        &[],
    )
    .await
    .unwrap()
    .iter()
    .map(|r| r.get(0))
    .collect()
}

/// Why 1: every way of deleting data in a down section is found and listed
/// with its line, and the downgrade changes nothing.
#[test]
fn every_destructive_down_statement_is_listed_and_refused() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("hardening-drops");
        let down = [
            "ALTER TABLE t DROP b;",
            "drop/**/table t2;",
            "ALTER TABLE \"t\" DROP \"c\";",
            "DROP TABLE IF EXISTS t3;",
            "DROP -- c\nTABLE t4;",
            "WITH d AS (DELETE FROM t RETURNING *) SELECT count(*) FROM d;",
            "DROP MATERIALIZED VIEW mv;",
            "DROP DOMAIN dom CASCADE;",
            "ALTER TABLE t ALTER COLUMN a TYPE smallint;",
            "DROP INDEX t_a;",
            "SELECT 1;",
        ]
        .join("\n");
        dir.migration(
            "a1",
            "",
            "CREATE TABLE t (a int, b int, c int); INSERT INTO t VALUES (1, 2, 3);\n\
             CREATE TABLE t2 (); CREATE TABLE t3 (); CREATE TABLE t4 ();\n\
             CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x; CREATE DOMAIN dom AS int;\n\
             CREATE INDEX t_a ON t (a);",
            &down,
        );
        let h = dir.history();
        let runner = Runner::new(
            &h,
            db.options().clone(),
            VersionTable::default(),
            RunOptions::default(),
        );
        runner
            .upgrade(&t("head"), &mut |_: &Event<'_>| {})
            .await
            .unwrap();
        let err = runner
            .downgrade(&t("base"), &mut |_: &Event<'_>| {})
            .await
            .unwrap_err();
        let Error::Run(RunError::DestructiveDowngrade { statements }) = &err else {
            panic!("{err:?}");
        };
        let lines: Vec<usize> = statements.iter().map(|s| s.line).collect();
        // The file: 3 header lines, `-- migrate:up`, 4 up lines,
        // `-- migrate:down`, then the down section from line 10; the
        // `DROP -- c` statement takes two lines.
        let m = &h.migrations()[0];
        let first = m.down_line;
        assert_eq!(
            lines,
            vec![
                first,
                first + 1,
                first + 2,
                first + 3,
                first + 4,
                first + 6,
                first + 7,
                first + 8,
                first + 9,
                first + 10
            ],
            "{err}"
        );
        assert_eq!(
            tables(&db).await,
            vec!["strata_migrations", "t", "t2", "t3", "t4"]
        );
        let c = db.connect().await.unwrap();
        let n: i64 = c
            .query_one("SELECT count(*) FROM t", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(n, 1, "nothing was deleted");
    });
}

/// Why 2: three `transaction: none` migrators on a database whose
/// `idle_in_transaction_session_timeout` is shorter than the migration:
/// the lock transaction is not ended, so the migration runs once.
#[test]
fn idle_in_transaction_timeout_does_not_end_the_lock() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let c = db.connect().await.unwrap();
        let name: String = c
            .query_one("SELECT current_database()::text", &[])
            .await
            .unwrap()
            .get(0);
        c.batch_execute(&format!(
            "ALTER DATABASE \"{}\" SET idle_in_transaction_session_timeout = '1s'; CREATE TABLE ran (at timestamptz DEFAULT now())",
            name.replace('"', "\"\"")
        ))
        .await
        .unwrap();
        let dir = TempDir::new("hardening-lock");
        dir.migration_with(
            "n1",
            "",
            "none",
            "SELECT pg_sleep(2.5);\nINSERT INTO ran DEFAULT VALUES;",
            None,
        );
        let h = std::sync::Arc::new(dir.history());
        let mut tasks = Vec::new();
        for _ in 0..3 {
            let h = h.clone();
            let conn = db.options().clone();
            tasks.push(tokio::spawn(async move {
                let runner = Runner::new(&h, conn, VersionTable::default(), RunOptions::default());
                runner
                    .upgrade(&Target::parse("head").unwrap(), &mut |_: &Event<'_>| {})
                    .await
                    .map(|o| o.ran.len())
            }));
        }
        let mut total = 0;
        for task in tasks {
            total += task.await.unwrap().unwrap();
        }
        assert_eq!(total, 1);
        let n: i64 = c
            .query_one("SELECT count(*) FROM ran", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(n, 1, "the migration ran exactly once");
        let rows: i64 = c
            .query_one("SELECT count(*) FROM strata_migrations", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(rows, 1, "and was recorded");
    });
}

/// Why 3: with no database configured, `upgrade`, `downgrade` and `stamp`
/// refuse to write to a throwaway server; an empty `DATABASE_URL` is an
/// error, not "unset".
#[test]
fn writes_need_a_configured_database() {
    run(async {
        let dir = TempDir::new("hardening-throwaway");
        dir.migration("a1", "", "CREATE TABLE t ();", "SELECT 1;");
        let project = Project::new(config(dir.path(), None));
        let e = project
            .upgrade(&t("head"), RunOptions::default())
            .await
            .unwrap_err();
        assert!(
            matches!(
                e,
                Error::Project(ProjectError::ThrowawayWrite { command: "upgrade" })
            ),
            "{e:?}"
        );
        let e = project
            .downgrade(&t("base"), RunOptions::default())
            .await
            .unwrap_err();
        assert!(
            matches!(
                e,
                Error::Project(ProjectError::ThrowawayWrite {
                    command: "downgrade"
                })
            ),
            "{e:?}"
        );
        let e = project.stamp(&t("head"), false).await.unwrap_err();
        assert!(
            matches!(
                e,
                Error::Project(ProjectError::ThrowawayWrite { command: "stamp" })
            ),
            "{e:?}"
        );
        project.close().await;

        let env = |k: &str| (k == "DATABASE_URL").then(String::new);
        let e = Config::resolve(&Overrides::default(), &env, dir.path()).unwrap_err();
        assert!(
            e.to_string().contains("DATABASE_URL is set but empty"),
            "{e}"
        );
    });
}

/// Why 4: a JSON schema whose column default smuggles statements is
/// rejected, naming table and column, before any SQL runs.
#[test]
fn a_json_default_cannot_smuggle_sql() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("hardening-inject");
        let marker = dir.path().join("pwned");
        let default = format!(
            "1); COPY (SELECT 1) TO PROGRAM 'id > {}'; CREATE TABLE public.zz (b int DEFAULT 1",
            marker.display()
        );
        let json = serde_json::json!({"tables": [{"schema": "public", "name": "inj",
            "columns": [{"name": "a", "type": "integer", "nullable": true, "default": default}]}]});
        let file = dir.path().join("inj.json");
        std::fs::write(&file, json.to_string()).unwrap();
        let project = Project::new(config(dir.path(), Some(db.url())));
        let e = project
            .compare(
                &Source::parse("empty").unwrap(),
                &Source::parse(file.to_str().unwrap()).unwrap(),
                &PlanOptions::default(),
            )
            .await
            .unwrap_err();
        let Error::Source(SourceError::BadExpression { table, name, .. }) = &e else {
            panic!("{e:?}");
        };
        assert_eq!((table.as_str(), name.as_str()), ("public.inj", "a"));
        assert!(
            e.to_string().contains("public.inj") && e.to_string().contains("`a`"),
            "{e}"
        );
        assert!(!marker.exists(), "no program ran");
        assert!(tables(&db).await.is_empty(), "no table was created");
        project.close().await;
    });
}

/// Why 7: `COMMIT` or `ROLLBACK` inside a per-migration file is refused
/// when the directory is read, with file and line; a `BEGIN ATOMIC` body
/// under `transaction: none` runs whole.
#[test]
fn transaction_control_is_refused_and_begin_atomic_stays_whole() {
    run(async {
        for stmt in ["COMMIT;", "rollback;", "SAVEPOINT s;", "begin;"] {
            let dir = TempDir::new("hardening-tx");
            let path = dir.migration(
                "a1",
                "",
                &format!("CREATE TABLE t ();\n{stmt}\nCREATE TABLE u ();"),
                "SELECT 1;",
            );
            let e = History::load(dir.path()).unwrap_err();
            let text = e.to_string();
            let m = schema_diff::migrations::Migration::parse(
                &path,
                &std::fs::read_to_string(&path).unwrap(),
            )
            .unwrap_err();
            assert_eq!(text, m.to_string());
            let expected_line = std::fs::read_to_string(&path)
                .unwrap()
                .lines()
                .position(|l| l == stmt)
                .unwrap()
                + 1;
            assert!(
                text.contains(&format!("a1_a1.sql:{expected_line}:"))
                    && text.contains("transaction control"),
                "{text}"
            );
        }

        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("hardening-atomic");
        dir.migration_with(
            "a1",
            "",
            "none",
            "CREATE FUNCTION two() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\nEND;\nCREATE TABLE t (x int DEFAULT two());",
            None,
        );
        let h = dir.history();
        let runner = Runner::new(
            &h,
            db.options().clone(),
            VersionTable::default(),
            RunOptions::default(),
        );
        runner
            .upgrade(&t("head"), &mut |_: &Event<'_>| {})
            .await
            .unwrap();
        let c = db.connect().await.unwrap();
        let v: i32 = c.query_one("SELECT two()", &[]).await.unwrap().get(0);
        assert_eq!(v, 2);
    });
}

/// Why 9: a file that starts with a UTF-8 byte-order mark is read.
#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = TempDir::new("hardening-bom");
    let path = dir.path().join("a1.sql");
    std::fs::write(
        &path,
        "\u{feff}-- revision: a1\n-- migrate:up\nCREATE TABLE t ();\n",
    )
    .unwrap();
    let m =
        schema_diff::migrations::Migration::parse(&path, &std::fs::read_to_string(&path).unwrap())
            .unwrap();
    assert_eq!(m.revision, "a1");
    assert_eq!(m.up, "CREATE TABLE t ();");
}

/// Why 9: `diff --from database --to empty` with `schemas = ["other"]`
/// drops what is in `other` and nothing of `public`.
#[test]
fn empty_respects_the_configured_schemas() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let c = db.connect().await.unwrap();
        c.batch_execute("CREATE TABLE public.keep_me (a int); CREATE SCHEMA other; CREATE TABLE other.drop_me (a int);")
            .await
            .unwrap();
        let dir = TempDir::new("hardening-schemas");
        let overrides = Overrides {
            database_url: Some(db.url().to_string()),
            migrations: Some(dir.path().to_path_buf()),
            schemas: vec!["other".to_string()],
            ..Overrides::default()
        };
        let project = Project::new(Config::resolve(&overrides, &|_| None, dir.path()).unwrap());
        let options = PlanOptions {
            allow_drops: true,
            ..PlanOptions::default()
        };
        let cmp = project
            .compare(
                &Source::parse("database").unwrap(),
                &Source::parse("empty").unwrap(),
                &options,
            )
            .await
            .unwrap();
        assert!(cmp.up.contains("drop_me"), "{}", cmp.up);
        assert!(!cmp.up.contains("keep_me"), "{}", cmp.up);
        project.close().await;
    });
}

/// Why 8: the offline `stamp --sql` follows `--purge` as the online stamp
/// does: without it a row of a revision no file has stops the script
/// (nothing changed), with it the row goes.
#[test]
fn offline_stamp_follows_purge() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("hardening-stamp");
        dir.migration("a1", "", "CREATE TABLE t ();", "SELECT 1;");
        let h = dir.history();
        let vt = VersionTable::default();
        let runner = Runner::new(&h, db.options().clone(), vt.clone(), RunOptions::default());
        runner
            .upgrade(&t("head"), &mut |_: &Event<'_>| {})
            .await
            .unwrap();
        let c = db.connect().await.unwrap();
        c.batch_execute(
            "INSERT INTO strata_migrations (revision, checksum, applied_at, execution_ms, stamped) VALUES ('zz', 'x', now(), 0, true)",
        )
        .await
        .unwrap();
        let head = h.resolve(&t("head"), None).unwrap();
        let revisions = |c: tokio_postgres::Client| async move {
            c.query("SELECT revision FROM strata_migrations ORDER BY 1", &[])
                .await
                .unwrap()
                .iter()
                .map(|r| r.get::<_, String>(0))
                .collect::<Vec<_>>()
        };
        let script = schema_diff::runner::stamp_script(&h, &vt, &head, false);
        let e = db
            .connect()
            .await
            .unwrap()
            .batch_execute(&script)
            .await
            .unwrap_err();
        assert!(format!("{e:?}").contains("no migration file has"), "{e:?}");
        assert_eq!(
            revisions(db.connect().await.unwrap()).await,
            vec!["a1", "zz"]
        );
        let script = schema_diff::runner::stamp_script(&h, &vt, &head, true);
        db.connect()
            .await
            .unwrap()
            .batch_execute(&script)
            .await
            .unwrap();
        assert_eq!(revisions(db.connect().await.unwrap()).await, vec!["a1"]);
    });
}

/// Why 8: a migration file name with a newline cannot put SQL into the
/// offline script: the rest of the name stays in the comment.
#[test]
fn a_file_name_cannot_inject_sql_into_the_offline_script() {
    let dir = TempDir::new("hardening-name");
    std::fs::write(
        dir.path().join("a1_x\nDROP TABLE users;\n.sql"),
        "-- revision: a1\n-- migrate:up\nCREATE TABLE t ();\n-- migrate:down\nDROP TABLE t;\n",
    )
    .unwrap();
    let h = dir.history();
    let head = h.resolve(&t("head"), None).unwrap();
    let base = h.resolve(&t("base"), None).unwrap();
    let up = schema_diff::runner::upgrade_script(&h, &VersionTable::default(), &base, &head);
    let down =
        schema_diff::runner::downgrade_script(&h, &VersionTable::default(), &head, &base).unwrap();
    for script in [up, down] {
        for line in script.lines().filter(|l| l.contains("users")) {
            assert!(line.starts_with("--"), "{line:?} in\n{script}");
        }
    }
}
