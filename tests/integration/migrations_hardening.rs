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

/// Compares a JSON schema file holding `json` with an empty schema, which
/// must be refused as a bad expression: returns (table, column) it names,
/// and the error's text.
async fn refused_expression(
    db: &TestDb,
    dir: &TempDir,
    json: &serde_json::Value,
) -> (String, String, String) {
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
    project.close().await;
    let Error::Source(SourceError::JsonRejected { path, source }) = &e else {
        panic!("{e:?}");
    };
    assert_eq!(path, &file, "the error names the file");
    let SourceError::BadExpression { table, name, .. } = source.as_ref() else {
        panic!("{e:?}");
    };
    let text = e.to_string();
    assert!(text.contains("inj.json"), "{text}");
    (table.clone(), name.clone(), text)
}

/// Why 4 and 6: an object of a JSON schema whose text would put other SQL
/// into the plan (a routine's arguments ending its `DROP` with `CASCADE`,
/// an operator name or a cast closing its statement, a definition or a
/// part carrying a drop, a `DELETE` or `ALTER ROLE`) is refused, naming
/// the file, the object and what of it, before any SQL runs.
#[test]
fn a_json_object_cannot_smuggle_sql() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("hardening-inject-object");
        let role = format!("strata_pwned_obj_{}", std::process::id());
        let routine = |arguments: &str, definition: &str| {
            serde_json::json!({"kind": "function", "schema": "public", "name": "f",
                "arguments": arguments, "definition": definition})
        };
        let create_f =
            "CREATE FUNCTION public.f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT 1'";
        let cases = [
            // `DROP FUNCTION public.f(integer) CASCADE --)`.
            routine("integer) CASCADE --", create_f),
            routine("integer); CREATE ROLE x; --", create_f),
            routine("integer", &format!("{create_f}; CREATE ROLE {role}")),
            routine("integer", &format!("{create_f}; DROP TABLE public.keep")),
            routine("integer", &format!("{create_f}; DELETE FROM public.keep")),
            serde_json::json!({"kind": "view", "schema": "public", "name": "v",
                    "definition": "CREATE VIEW public.v AS SELECT 1 AS one; TRUNCATE public.keep"}),
            serde_json::json!({"kind": "view", "schema": "public", "name": "v",
                    "definition": "CREATE VIEW public.v AS SELECT 1 AS one",
                    "drop": "DROP TABLE public.keep CASCADE"}),
            serde_json::json!({"kind": "operator", "schema": "public",
                    "name": "=== (integer, integer); CREATE ROLE x; --",
                    "arguments": "integer, integer",
                    "definition": "CREATE OPERATOR public.=== (FUNCTION = int4eq, LEFTARG = integer, RIGHTARG = integer)"}),
            serde_json::json!({"kind": "cast", "schema": "public",
                    "name": "integer AS text) CASCADE; --",
                    "definition": "CREATE CAST (integer AS text) WITH INOUT"}),
            serde_json::json!({"kind": "domain", "schema": "public", "name": "d",
                    "definition": "CREATE DOMAIN public.d AS integer",
                    "parts": {"fixed": "integer", "items": [{"key": "x",
                        "add": "ALTER DOMAIN public.d SET NOT NULL",
                        "drop": "ALTER TABLE public.keep DROP COLUMN a"}]}}),
            serde_json::json!({"kind": "sequence", "schema": "public", "name": "s",
                    "definition": "CREATE SEQUENCE public.s",
                    "parts": {"fixed": "", "items": [{"key": "range",
                        "add": format!("SELECT pg_catalog.setval('public.s', 1) FROM (SELECT 1) x; ALTER ROLE postgres RENAME TO {role}"),
                        "drop": ""}]}}),
            // A comment whose drop would be built from its target.
            serde_json::json!({"kind": "comment", "schema": "public", "name": "x",
                    "arguments": "TABLE public.keep CASCADE",
                    "definition": "COMMENT ON TABLE public.keep IS 'x'"}),
            // A drop statement of another object.
            serde_json::json!({"kind": "view", "schema": "public", "name": "v",
                    "definition": "CREATE VIEW public.v AS SELECT 1 AS one",
                    "drop": "DROP TABLE public.keep"}),
            // Statements of another kind, or on another relation.
            routine(
                "integer",
                &format!("{create_f}; CREATE TABLE public.x AS SELECT 1"),
            ),
            serde_json::json!({"kind": "trigger", "schema": "public", "name": "t",
                    "table": "keep",
                    "definition": "ALTER TABLE public.other DISABLE TRIGGER ALL"}),
            serde_json::json!({"kind": "extension", "schema": "public", "name": "e",
                    "definition": "ALTER EXTENSION e ADD TABLE public.keep"}),
            serde_json::json!({"kind": "owner", "schema": "public", "name": "keep",
                    "arguments": "TABLE public.keep",
                    "definition": "ALTER TABLE public.keep DROP IDENTITY IF EXISTS"}),
            // A subscription made by another kind, or one that would
            // connect to its publisher while the plan runs.
            serde_json::json!({"kind": "view", "schema": "public", "name": "v",
                    "definition": "CREATE VIEW public.v AS SELECT 1 AS one; CREATE SUBSCRIPTION s CONNECTION 'dbname=x' PUBLICATION p WITH (connect = false)"}),
            serde_json::json!({"kind": "subscription", "schema": "", "name": "s",
                    "definition": "CREATE SUBSCRIPTION s CONNECTION 'host=attacker.example dbname=x' PUBLICATION p"}),
            // One that points another subscription elsewhere.
            serde_json::json!({"kind": "subscription", "schema": "", "name": "s",
                    "definition": "CREATE SUBSCRIPTION s CONNECTION 'dbname=x' PUBLICATION p WITH (connect = false); ALTER SUBSCRIPTION prod CONNECTION 'host=attacker.example'"}),
            serde_json::json!({"kind": "subscription", "schema": "", "name": "s",
                    "definition": "CREATE SUBSCRIPTION s CONNECTION 'dbname=x' PUBLICATION p WITH (connect = false)",
                    "parts": {"fixed": "NONE false", "items": [{"key": "enabled",
                        "add": "ALTER SUBSCRIPTION prod ENABLE", "drop": "ALTER SUBSCRIPTION s DISABLE"}]}}),
        ];
        for object in cases {
            let kind = object["kind"].as_str().unwrap_or_default().to_string();
            let json = serde_json::json!({"tables": [{"schema": "public", "name": "keep",
                "columns": [{"name": "a", "type": "integer", "nullable": true}]}],
                "objects": [object]});
            let (_, name, text) = refused_expression(&db, &dir, &json).await;
            assert_eq!(name, kind, "{text}");
        }
        assert!(tables(&db).await.is_empty(), "nothing was created");
        assert!(!role_exists(&db, &role).await, "the smuggled role ran");
    });
}

/// Whether a role of that name exists (roles are shared by every database
/// of the server: the witness of smuggled SQL).
async fn role_exists(db: &TestDb, role: &str) -> bool {
    let client = db.connect().await.unwrap();
    let n: i64 = client
        .query_one("SELECT count(*) FROM pg_roles WHERE rolname = $1", &[&role])
        .await
        .unwrap()
        .get(0);
    n > 0
}

/// Why 4: a JSON schema whose column default smuggles statements is
/// rejected, naming table and column, before any SQL runs.
#[test]
fn a_json_default_cannot_smuggle_sql() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("hardening-inject");
        let marker = dir.path().join("pwned");
        // Roles are shared by every database of the server: a role created
        // by smuggled SQL would show whichever database it ran in (and
        // `TO PROGRAM` may fail to write the marker as the server's OS user,
        // so the role is the reliable witness).
        let role = format!("strata_pwned_{}", std::process::id());
        let smuggled = [
            format!("1); CREATE ROLE {role}; CREATE TABLE public.zz (b int DEFAULT 1"),
            format!(
                "1); COPY (SELECT 1) TO PROGRAM 'id > {}'; CREATE TABLE public.zz (b int DEFAULT 1",
                marker.display()
            ),
        ];
        for default in smuggled {
            let json = serde_json::json!({"tables": [{"schema": "public", "name": "inj",
                "columns": [{"name": "a", "type": "integer", "nullable": true, "default": default}]}]});
            let (table, column, text) = refused_expression(&db, &dir, &json).await;
            assert_eq!((table.as_str(), column.as_str()), ("public.inj", "a"));
            assert!(
                text.contains("public.inj") && text.contains("`a`"),
                "{text}"
            );
        }
        assert!(!marker.exists(), "no program ran");
        assert!(tables(&db).await.is_empty(), "no table was created");
        assert!(
            !role_exists(&db, &role).await,
            "the smuggled CREATE ROLE ran"
        );
    });
}

/// Why 4: a child's own default on an inherited column (`local_defaults`)
/// is an expression like any default: one that smuggles a statement is
/// rejected, naming the child and the column, before any SQL runs.
#[test]
fn a_json_child_default_cannot_smuggle_sql() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("hardening-inject-child");
        let role = format!("strata_pwned_child_{}", std::process::id());
        let json = serde_json::json!({"tables": [
            {"schema": "public", "name": "p",
             "columns": [{"name": "a", "type": "integer", "nullable": true, "default": "1"}]},
            {"schema": "public", "name": "c", "columns": [],
             "inherits": [{"schema": "public", "name": "p"}],
             "local_defaults": {"a": format!("2; CREATE ROLE {role}")}}]});
        let (table, column, _) = refused_expression(&db, &dir, &json).await;
        assert_eq!((table.as_str(), column.as_str()), ("public.c", "a"));
        assert!(tables(&db).await.is_empty(), "no table was created");
        assert!(
            !role_exists(&db, &role).await,
            "the smuggled CREATE ROLE ran"
        );
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

/// The error of loading `dir`, as text.
fn load_error(dir: &TempDir) -> String {
    match History::load(dir.path()) {
        Ok(_) => panic!("the directory was read without an error"),
        Err(e) => e.to_string(),
    }
}

/// Remaining item 1: migration SQL is split and checked by PostgreSQL's
/// parser when the directory is read: a syntax error (in the up or the down
/// section, inside a `BEGIN ATOMIC` body too) is refused with the file and
/// the line where the parser stopped, before anything is applied.
#[test]
fn a_syntax_error_is_refused_when_the_directory_is_read() {
    run(async {
        // Lines: 1-5 header, 6 blank, 7 `-- migrate:up`, 8 the first SQL
        // line.
        let cases = [
            (
                "CREATE TABLE t (a int);\nCREATE TABLE u (\n  a int,\n  b int int\n);",
                "SELECT 1;",
                11,
            ),
            (
                "CREATE TABLE t (a text DEFAULT ';');\n-- a comment; with a semicolon\nCREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELEC 2;\nEND;",
                "SELECT 1;",
                13,
            ),
            (
                "CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $b$ BEGIN RETURN 1; END $b$;\nSELECT 'unterminated;\nSELECT 2;",
                "SELECT 1;",
                9,
            ),
            // The down section: up (1 line), blank, marker, then line 11.
            ("CREATE TABLE t ();", "DROP TABLE t;\nDROP TABLE IF EXIST u;", 12),
        ];
        for (up, down, line) in cases {
            let db = TestDb::new().await.unwrap();
            let dir = TempDir::new("hardening-syntax");
            dir.migration("a0", "", "CREATE TABLE before_it ();", "SELECT 1;");
            dir.migration("a1", "a0", up, down);
            let text = load_error(&dir);
            assert!(
                text.contains(&format!("a1_a1.sql:{line}:")) && text.contains("does not parse"),
                "{up:?} {down:?}: {text}"
            );
            // Through the project: `upgrade` reads the directory first and
            // applies nothing, not even the file before the bad one.
            let project = Project::new(config(dir.path(), Some(db.url())));
            let e = project
                .upgrade(&t("head"), RunOptions::default())
                .await
                .unwrap_err();
            assert!(e.to_string().contains(&format!("a1_a1.sql:{line}:")), "{e}");
            assert!(tables(&db).await.is_empty(), "nothing was applied");
            project.close().await;
        }
        // Dollar quotes, comments and `BEGIN ATOMIC` bodies stay whole.
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("hardening-split");
        dir.migration(
            "a1",
            "",
            "/* a; comment */ CREATE TABLE t (a text DEFAULT 'x;y'); -- trailing; comment\nCREATE FUNCTION f() RETURNS text LANGUAGE sql AS $q$ SELECT ';' $q$;\nCREATE FUNCTION g() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\nEND;\nINSERT INTO t VALUES (f() || g())",
            "DROP FUNCTION g();\nDROP FUNCTION f();\nDROP TABLE t;",
        );
        let h = dir.history();
        Runner::new(
            &h,
            db.options().clone(),
            VersionTable::default(),
            RunOptions::default(),
        )
        .upgrade(&t("head"), &mut |_: &Event<'_>| {})
        .await
        .unwrap();
        let c = db.connect().await.unwrap();
        let v: String = c.query_one("SELECT a FROM t", &[]).await.unwrap().get(0);
        assert_eq!(v, ";2");
    });
}

/// Remaining item 2: a statement PostgreSQL refuses inside a transaction
/// block (`CONCURRENTLY` in every form, read on the parse tree) in a file
/// that runs in one is refused when the directory is read, with its line
/// and the `transaction: none` hint; the word in a string or a name is not.
#[test]
fn concurrently_in_a_transactional_file_is_refused_when_read() {
    for (stmt, what) in [
        (
            "CREATE INDEX CONCURRENTLY i ON t (a);",
            "CREATE INDEX CONCURRENTLY",
        ),
        (
            "create unique index\n  concurrently i2 on t (a);",
            "CREATE INDEX CONCURRENTLY",
        ),
        (
            "DROP INDEX CONCURRENTLY IF EXISTS i;",
            "DROP INDEX CONCURRENTLY",
        ),
        ("REINDEX INDEX CONCURRENTLY i;", "REINDEX CONCURRENTLY"),
        ("REINDEX (CONCURRENTLY) TABLE t;", "REINDEX CONCURRENTLY"),
        (
            "REFRESH MATERIALIZED VIEW CONCURRENTLY v;",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY",
        ),
        (
            "ALTER TABLE p DETACH PARTITION c CONCURRENTLY;",
            "DETACH PARTITION CONCURRENTLY",
        ),
        ("VACUUM t;", "VACUUM"),
    ] {
        let dir = TempDir::new("hardening-concurrently");
        dir.migration(
            "a1",
            "",
            &format!("CREATE TABLE t (a int);\n{stmt}"),
            "SELECT 1;",
        );
        let text = load_error(&dir);
        assert!(
            text.contains("a1_a1.sql:9:")
                && text.contains(&format!("{what} cannot run inside a transaction block"))
                && text.contains("`-- transaction: none`"),
            "{stmt}: {text}"
        );
        // In the down section too.
        let dir = TempDir::new("hardening-concurrently-down");
        dir.migration("a1", "", "SELECT 1;", stmt);
        assert!(load_error(&dir).contains("a1_a1.sql:11:"), "{stmt}");
        // Allowed under `transaction: none`.
        let dir = TempDir::new("hardening-concurrently-none");
        dir.migration_with("a1", "", "none", stmt, Some(stmt));
        assert!(History::load(dir.path()).is_ok(), "{stmt}");
    }
    let dir = TempDir::new("hardening-concurrently-text");
    dir.migration(
        "a1",
        "",
        "CREATE TABLE \"concurrently\" (a text DEFAULT 'CREATE INDEX CONCURRENTLY i ON t (a)');\n-- CREATE INDEX CONCURRENTLY in a comment\nCOMMENT ON TABLE \"concurrently\" IS 'REINDEX CONCURRENTLY';",
        "DROP TABLE \"concurrently\";",
    );
    assert!(History::load(dir.path()).is_ok());
}

/// Remaining item 3: when the lock connection's backend is terminated while
/// a `transaction: none` migration runs, the runner stops before its next
/// statement with [`RunError::LockGone`]: nothing more runs, nothing is
/// recorded, the next migration does not start.
#[test]
fn a_lost_lock_stops_the_run() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("hardening-lock-lost");
        // The second statement terminates the lock connection (the only
        // other session of this database holding an advisory lock) and
        // waits until it is gone.
        dir.migration_with(
            "a1",
            "",
            "none",
            "CREATE TABLE before_kill ();\nSELECT pg_terminate_backend(l.pid, 10000) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.pid <> pg_backend_pid() AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());\nCREATE TABLE after_kill ();",
            None,
        );
        dir.migration("a2", "a1", "CREATE TABLE next_one ();", "SELECT 1;");
        let h = dir.history();
        let vt = VersionTable::default();
        let runner = Runner::new(&h, db.options().clone(), vt.clone(), RunOptions::default());
        let e = runner
            .upgrade(&t("head"), &mut |_: &Event<'_>| {})
            .await
            .unwrap_err();
        let Error::Run(RunError::LockGone {
            migration,
            when,
            aftermath,
            ..
        }) = &e
        else {
            panic!("not a lost lock: {e:?}");
        };
        assert_eq!(migration, "a1 (step a1)");
        assert_eq!(*when, "while running");
        assert_eq!(
            *aftermath,
            schema_diff::error::Aftermath::Partial { ran: 2 }
        );
        assert!(e.to_string().contains("was lost while running a1"), "{e}");
        assert_eq!(
            tables(&db).await,
            vec!["before_kill".to_string(), "strata_migrations".to_string()]
        );
        let c = db.connect().await.unwrap();
        let n: i64 = c
            .query_one("SELECT count(*) FROM strata_migrations", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(n, 0, "nothing was recorded");

        // Terminated by the last statement: found before the revision is
        // recorded; the next migration does not start.
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("hardening-lock-lost-record");
        dir.migration_with(
            "a1",
            "",
            "none",
            "CREATE TABLE before_kill ();\nSELECT pg_terminate_backend(l.pid, 10000) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.pid <> pg_backend_pid() AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());",
            None,
        );
        dir.migration("a2", "a1", "CREATE TABLE next_one ();", "SELECT 1;");
        let h = dir.history();
        let runner = Runner::new(&h, db.options().clone(), vt.clone(), RunOptions::default());
        let e = runner
            .upgrade(&t("head"), &mut |_: &Event<'_>| {})
            .await
            .unwrap_err();
        let Error::Run(RunError::LockGone {
            when, aftermath, ..
        }) = &e
        else {
            panic!("not a lost lock: {e:?}");
        };
        assert_eq!(
            (*when, *aftermath),
            (
                "before recording",
                schema_diff::error::Aftermath::Partial { ran: 2 }
            )
        );
        assert_eq!(
            tables(&db).await,
            vec!["before_kill".to_string(), "strata_migrations".to_string()]
        );
    });
}

/// Remaining item 4: a `.sql` source that does not parse is an error naming
/// the file, line and column; nothing of it runs.
#[test]
fn a_sql_source_with_a_syntax_error_names_file_line_and_column() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("hardening-sql-source");
        let file = dir.path().join("schema.sql");
        std::fs::write(
            &file,
            "CREATE TABLE a (x int);\n\nCREATE TABLE b (\n  y int,\n  z innt int\n);\n",
        )
        .unwrap();
        let project = Project::new(config(dir.path(), Some(db.url())));
        let e = project
            .compare(
                &Source::parse("empty").unwrap(),
                &Source::parse(file.to_str().unwrap()).unwrap(),
                &PlanOptions::default(),
            )
            .await
            .unwrap_err();
        let Error::Source(SourceError::SqlSyntax { line, column, .. }) = &e else {
            panic!("{e:?}");
        };
        assert_eq!((*line, *column), (5, 10));
        assert!(e.to_string().contains("schema.sql:5:10:"), "{e}");
        project.close().await;
    });
}

/// Remaining item 5: a UTF-8 byte-order mark is accepted at the start of
/// every file strata reads: `.sql` and JSON sources and the configuration.
#[test]
fn a_byte_order_mark_is_accepted_in_every_file() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("hardening-bom-all");
        let toml = dir.path().join("schema-diff.toml");
        std::fs::write(&toml, "\u{feff}schemas = [\"public\"]\n").unwrap();
        let overrides = Overrides {
            config: Some(toml.clone()),
            database_url: Some(db.url().to_string()),
            migrations: Some(dir.path().to_path_buf()),
            ..Overrides::default()
        };
        let config = Config::resolve(&overrides, &|_| None, dir.path()).unwrap();
        assert_eq!(config.schemas, vec!["public".to_string()]);
        let sql = dir.path().join("a.sql");
        std::fs::write(&sql, "\u{feff}CREATE TABLE from_sql (a int);\n").unwrap();
        let json = dir.path().join("b.json");
        std::fs::write(
            &json,
            "\u{feff}{\"tables\": [{\"schema\": \"public\", \"name\": \"from_json\", \"columns\": [{\"name\": \"a\", \"type\": \"integer\", \"nullable\": true}]}]}",
        )
        .unwrap();
        let project = Project::new(config);
        for (file, table) in [(&sql, "from_sql"), (&json, "from_json")] {
            let cmp = project
                .compare(
                    &Source::parse("empty").unwrap(),
                    &Source::parse(file.to_str().unwrap()).unwrap(),
                    &PlanOptions::default(),
                )
                .await
                .unwrap();
            assert!(cmp.up.contains(table), "{}", cmp.up);
        }
        project.close().await;
    });
}

/// Remaining item 6: with `schemas` configured, a JSON file or the models
/// declaring tables or objects outside them is an error naming each; the
/// configured ones are compared as before.
#[test]
fn json_and_models_respect_the_configured_schemas() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("hardening-json-schemas");
        let schema = serde_json::json!({"schemas": ["other", "public"], "tables": [
            {"schema": "public", "name": "inside", "columns": [{"name": "a", "type": "integer", "nullable": true}]},
            {"schema": "other", "name": "outside", "columns": [{"name": "a", "type": "integer", "nullable": true}]}]});
        let json = dir.path().join("s.json");
        std::fs::write(&json, schema.to_string()).unwrap();
        let overrides = Overrides {
            database_url: Some(db.url().to_string()),
            migrations: Some(dir.path().to_path_buf()),
            schemas: vec!["public".to_string()],
            ..Overrides::default()
        };
        let config = Config::resolve(&overrides, &|_| None, dir.path()).unwrap();
        let project = Project::new(config.clone());
        let e = project
            .compare(
                &Source::parse("database").unwrap(),
                &Source::parse(json.to_str().unwrap()).unwrap(),
                &PlanOptions::default(),
            )
            .await
            .unwrap_err();
        let Error::Source(SourceError::OutsideSchemas { names, .. }) = &e else {
            panic!("{e:?}");
        };
        assert_eq!(names, &vec!["table other.outside".to_string()]);
        assert!(e.to_string().contains("s.json"), "{e}");
        project.close().await;
        let models = strata::schema::Schema::from_json(&schema.to_string()).unwrap();
        let project = Project::new(config).with_models(models);
        let e = project
            .compare(
                &Source::parse("database").unwrap(),
                &Source::parse("models").unwrap(),
                &PlanOptions::default(),
            )
            .await
            .unwrap_err();
        assert!(
            e.to_string().contains("the models") && e.to_string().contains("table other.outside"),
            "{e}"
        );
        assert!(tables(&db).await.is_empty());
        project.close().await;
    });
}
