//! The runner against a real PostgreSQL: upgrade / downgrade / stamp round
//! trips, the offline script (applied with psql) against the online run,
//! refusal of edited or missing applied files, rollback of a failing
//! migration, `transaction: none`, several heads, concurrent runners, and a
//! version table whose name needs quoting.

use schema_diff::error::{Aftermath, DbError, Direction, Error, HistoryError, Problem, RunError};
use schema_diff::introspect::{introspect, IntrospectOptions};
use schema_diff::migrations::{History, State, Target};
use schema_diff::runner::{
    downgrade_script, read_rows, stamp_script, upgrade_script, Event, RunOptions, Runner,
    VersionTable,
};
use strata::schema::Schema;
use strata_testing::{run, TestDb};
use strata_tests::assert_schemas_eq;

use crate::migrations_fixture::TempDir;

fn conn(db: &TestDb) -> strata::ConnectOptions {
    db.options().clone()
}

fn t(s: &str) -> Target {
    Target::parse(s).unwrap()
}

fn quiet() -> impl FnMut(&Event<'_>) + Send {
    |_| {}
}

/// The parts of a failed statement's error: direction, migration, file
/// name, line, the server's SQLSTATE and message, and what stayed.
fn failed_statement(e: &Error) -> (Direction, &str, String, usize, &str, &str, Aftermath) {
    match e {
        Error::Run(RunError::StatementFailed {
            direction,
            migration,
            file,
            line,
            source: DbError::Server(server),
            aftermath,
        }) => (
            *direction,
            migration.as_str(),
            file.file_name().unwrap().to_string_lossy().to_string(),
            *line,
            server.code.as_str(),
            server.message.as_str(),
            *aftermath,
        ),
        other => panic!("not a failed statement: {other:?}"),
    }
}

/// The problems a refused run names.
fn refused(e: &Error) -> &[Problem] {
    match e {
        Error::Run(RunError::Refused { problems }) => problems,
        other => panic!("not a refusal: {other:?}"),
    }
}

async fn schema_of(client: &tokio_postgres::Client, table: &VersionTable) -> Schema {
    introspect(
        client,
        &IntrospectOptions {
            schemas: vec!["public".into()],
            exclude_tables: vec![format!("\"{}\".\"{}\"", table.schema, table.name)],
        },
    )
    .await
    .unwrap()
}

/// (revision, checksum, stamped), sorted by revision.
async fn rows(
    client: &tokio_postgres::Client,
    table: &VersionTable,
) -> Vec<(String, String, bool)> {
    let mut v: Vec<(String, String, bool)> = read_rows(client, table)
        .await
        .unwrap()
        .unwrap_or_default()
        .into_iter()
        .map(|r| (r.revision, r.checksum, r.stamped))
        .collect();
    v.sort();
    v
}

fn revs(rows: &[(String, String, bool)]) -> Vec<&str> {
    rows.iter().map(|r| r.0.as_str()).collect()
}

/// a: enum + table; b: column + index; c: table with a foreign key; d: an
/// index built CONCURRENTLY (transaction: none).
fn sample(dir: &TempDir) {
    dir.migration(
        "a1",
        "",
        "CREATE TYPE mood AS ENUM ('sad', 'ok');\nCREATE TABLE \"User\" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, m mood);",
        "DROP TABLE \"User\";\nDROP TYPE mood;",
    );
    dir.migration(
        "b2",
        "a1",
        "ALTER TABLE \"User\" ADD COLUMN email text;\nCREATE UNIQUE INDEX user_email ON \"User\" (lower(email));",
        "DROP INDEX user_email;\nALTER TABLE \"User\" DROP COLUMN email;",
    );
    dir.migration(
        "c3",
        "b2",
        "CREATE TABLE \"order\" (id int PRIMARY KEY, user_id bigint REFERENCES \"User\"(id) ON DELETE CASCADE, note text DEFAULT 'it''s');",
        "DROP TABLE \"order\";",
    );
    dir.migration_with(
        "d4",
        "c3",
        "none",
        "CREATE INDEX CONCURRENTLY order_note ON \"order\" (note);\nCOMMENT ON TABLE \"order\" IS 'orders; with a semicolon';",
        Some("DROP INDEX CONCURRENTLY order_note;\nCOMMENT ON TABLE \"order\" IS NULL;"),
    );
}

#[test]
fn upgrade_downgrade_stamp_round_trips() {
    run(async {
        let dir = TempDir::new("roundtrip");
        sample(&dir);
        let h = dir.history();
        let db = TestDb::new().await.unwrap();
        let client = db.connect().await.unwrap();
        let vt = VersionTable::default();
        let runner = Runner::new(&h, conn(&db), vt.clone(), drops_allowed());
        let empty = schema_of(&client, &vt).await;

        let out = runner.upgrade(&t("head"), &mut quiet()).await.unwrap();
        assert_eq!(
            out.ran.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
            vec!["a1", "b2", "c3", "d4"]
        );
        let full = schema_of(&client, &vt).await;
        assert!(full.table("public", "order").is_some());
        assert_eq!(full.table("public", "order").unwrap().indexes.len(), 1);
        let r = rows(&client, &vt).await;
        assert_eq!(revs(&r), vec!["a1", "b2", "c3", "d4"]);
        for (rev, sum, stamped) in &r {
            assert_eq!(sum, &h.get(rev).unwrap().checksum);
            assert!(!stamped);
        }
        // Nothing left to do.
        assert!(runner
            .upgrade(&t("head"), &mut quiet())
            .await
            .unwrap()
            .ran
            .is_empty());

        // -1 reverts the transaction-none index, then c3, via <rev> target.
        runner.downgrade(&t("-1"), &mut quiet()).await.unwrap();
        assert_eq!(revs(&rows(&client, &vt).await), vec!["a1", "b2", "c3"]);
        assert!(schema_of(&client, &vt)
            .await
            .table("public", "order")
            .unwrap()
            .indexes
            .is_empty());
        runner.downgrade(&t("b2"), &mut quiet()).await.unwrap();
        assert_eq!(revs(&rows(&client, &vt).await), vec!["a1", "b2"]);
        let e = runner.downgrade(&t("d4"), &mut quiet()).await.unwrap_err();
        assert!(
            matches!(&e, Error::Run(RunError::NotApplied { revisions, .. }) if revisions == &["c3", "d4"]),
            "{e:?}"
        );
        runner.downgrade(&t("base"), &mut quiet()).await.unwrap();
        assert!(rows(&client, &vt).await.is_empty());
        assert_schemas_eq(
            &schema_of(&client, &vt).await,
            &empty,
            "after downgrade base",
        );

        // +2, then the rest: the same schema as a straight upgrade.
        let out = runner.upgrade(&t("+2"), &mut quiet()).await.unwrap();
        assert_eq!(out.ran.len(), 2);
        runner.upgrade(&t("heads"), &mut quiet()).await.unwrap();
        assert_schemas_eq(&schema_of(&client, &vt).await, &full, "upgrade again");

        // stamp: records without running.
        runner.downgrade(&t("base"), &mut quiet()).await.unwrap();
        let s = runner.stamp(&t("head"), false).await.unwrap();
        assert_eq!(s.inserted, vec!["a1", "b2", "c3", "d4"]);
        let r = rows(&client, &vt).await;
        assert!(r.iter().all(|x| x.2), "stamped rows: {r:?}");
        assert_schemas_eq(&schema_of(&client, &vt).await, &empty, "stamp runs nothing");
        let s = runner.stamp(&t("a1"), false).await.unwrap();
        assert_eq!(s.deleted, vec!["b2", "c3", "d4"]);
        runner.stamp(&t("base"), false).await.unwrap();
        assert!(rows(&client, &vt).await.is_empty());
    });
}

fn psql(url: &str, script: &str, dir: &TempDir, name: &str) {
    let path = dir.path().join(name);
    std::fs::write(&path, script).unwrap();
    let out = std::process::Command::new("psql")
        .arg(url)
        .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f"])
        .arg(&path)
        .output()
        .expect("run psql");
    assert!(
        out.status.success(),
        "psql failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        script
    );
}

#[test]
fn offline_script_gives_the_same_schema_and_version_table() {
    run(async {
        let dir = TempDir::new("offline");
        sample(&dir);
        let scripts = TempDir::new("offline-scripts");
        let h = dir.history();
        let vt = VersionTable::default();
        let online = TestDb::new().await.unwrap();
        let offline = TestDb::new().await.unwrap();
        let c_on = online.connect().await.unwrap();
        let c_off = offline.connect().await.unwrap();
        let runner = Runner::new(&h, conn(&online), vt.clone(), drops_allowed());

        runner.upgrade(&t("head"), &mut quiet()).await.unwrap();
        let head = h.resolve(&t("head"), None).unwrap();
        let script = upgrade_script(&h, &vt, &State::new(), &head);
        psql(offline.url(), &script, &scripts, "up.sql");
        assert_schemas_eq(
            &schema_of(&c_off, &vt).await,
            &schema_of(&c_on, &vt).await,
            "offline upgrade",
        );
        assert_eq!(rows(&c_off, &vt).await, rows(&c_on, &vt).await);

        // A partial range, then the rest.
        runner.downgrade(&t("a1"), &mut quiet()).await.unwrap();
        let script = downgrade_script(&h, &vt, &head, &h.resolve(&t("a1"), None).unwrap()).unwrap();
        psql(offline.url(), &script, &scripts, "down.sql");
        assert_schemas_eq(
            &schema_of(&c_off, &vt).await,
            &schema_of(&c_on, &vt).await,
            "offline downgrade",
        );
        assert_eq!(rows(&c_off, &vt).await, rows(&c_on, &vt).await);
        assert_eq!(revs(&rows(&c_on, &vt).await), vec!["a1"]);

        runner.upgrade(&t("c3"), &mut quiet()).await.unwrap();
        let script = upgrade_script(
            &h,
            &vt,
            &h.resolve(&t("a1"), None).unwrap(),
            &h.resolve(&t("c3"), None).unwrap(),
        );
        psql(offline.url(), &script, &scripts, "up2.sql");
        assert_schemas_eq(
            &schema_of(&c_off, &vt).await,
            &schema_of(&c_on, &vt).await,
            "offline partial upgrade",
        );
        assert_eq!(rows(&c_off, &vt).await, rows(&c_on, &vt).await);

        // Stamp scripts do not depend on the starting state.
        runner.stamp(&t("head"), false).await.unwrap();
        psql(
            offline.url(),
            &stamp_script(&h, &vt, &head, false),
            &scripts,
            "stamp.sql",
        );
        assert_eq!(rows(&c_off, &vt).await, rows(&c_on, &vt).await);
    });
}

#[test]
fn an_edited_or_missing_applied_file_is_refused() {
    run(async {
        let dir = TempDir::new("edited");
        sample(&dir);
        let db = TestDb::new().await.unwrap();
        let vt = VersionTable::default();
        {
            let h = dir.history();
            let runner = Runner::new(&h, conn(&db), vt.clone(), drops_allowed());
            runner.upgrade(&t("b2"), &mut quiet()).await.unwrap();
        }
        // Line endings alone are not an edit.
        let path = dir.path().join("a1_a1.sql");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace('\n', "\r\n")).unwrap();
        let h = dir.history();
        let runner = Runner::new(&h, conn(&db), vt.clone(), drops_allowed());
        runner.upgrade(&t("c3"), &mut quiet()).await.unwrap();

        // A real edit is.
        std::fs::write(&path, text.replace("name text NOT NULL", "name text")).unwrap();
        let h = dir.history();
        let runner = Runner::new(&h, conn(&db), vt.clone(), drops_allowed());
        let e = runner.upgrade(&t("head"), &mut quiet()).await.unwrap_err();
        assert!(
            matches!(refused(&e), [Problem::Edited { revision, file, .. }]
                if revision == "a1" && file.ends_with("a1_a1.sql")),
            "{e:?}"
        );
        assert!(
            e.to_string()
                .contains("a1_a1.sql was edited after it was applied"),
            "{e}"
        );
        assert!(e.to_string().contains("allow_edited"), "{e}");
        let client = db.connect().await.unwrap();
        assert_eq!(
            revs(&rows(&client, &vt).await),
            vec!["a1", "b2", "c3"],
            "nothing ran"
        );
        let e = runner.downgrade(&t("-1"), &mut quiet()).await.unwrap_err();
        assert!(
            matches!(refused(&e), [Problem::Edited { revision, .. }] if revision == "a1"),
            "{e:?}"
        );
        // The override proceeds and reports what it overrode.
        let forced = Runner::new(
            &h,
            conn(&db),
            vt.clone(),
            RunOptions {
                allow_edited: true,
                allow_missing: false,
                ..drops_allowed()
            },
        );
        let out = forced.upgrade(&t("head"), &mut quiet()).await.unwrap();
        assert_eq!(out.overridden.len(), 1);
        assert_eq!(out.ran.len(), 1);
        // stamp accepts the file as it is now.
        let s = runner.stamp(&t("head"), false).await.unwrap();
        assert_eq!(s.updated, vec!["a1"]);
        assert!(runner
            .upgrade(&t("head"), &mut quiet())
            .await
            .unwrap()
            .ran
            .is_empty());

        // A missing file.
        std::fs::remove_file(dir.path().join("d4_d4.sql")).unwrap();
        let h = dir.history();
        let runner = Runner::new(&h, conn(&db), vt.clone(), drops_allowed());
        let e = runner.upgrade(&t("head"), &mut quiet()).await.unwrap_err();
        assert!(
            matches!(refused(&e), [Problem::Missing { revision, table, .. }]
                if revision == "d4" && table == "public.strata_migrations"),
            "{e:?}"
        );
        assert!(
            e.to_string()
                .contains("revision d4 is recorded in public.strata_migrations but no file"),
            "{e}"
        );
        assert!(e.to_string().contains("allow_missing"), "{e}");
        let forced = Runner::new(
            &h,
            conn(&db),
            vt.clone(),
            RunOptions {
                allow_edited: false,
                allow_missing: true,
                ..RunOptions::default()
            },
        );
        forced.upgrade(&t("head"), &mut quiet()).await.unwrap();
        let e = runner.stamp(&t("head"), false).await.unwrap_err();
        assert!(
            matches!(&e, Error::Run(RunError::UnknownRevisionsRecorded { revisions, .. }) if revisions == &["d4"]),
            "{e:?}"
        );
        runner.stamp(&t("head"), true).await.unwrap();
        assert_eq!(revs(&rows(&client, &vt).await), vec!["a1", "b2", "c3"]);
    });
}

#[test]
fn a_failing_migration_changes_nothing() {
    run(async {
        let dir = TempDir::new("failing");
        dir.migration("m1", "", "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
        dir.migration(
            "m2",
            "m1",
            "CREATE TABLE t2 (id int);\nINSERT INTO t2 VALUES (1);\nALTER TABLE t1 ADD COLUMN x int;\nSELECT no_such_column FROM t2;",
            "DROP TABLE t2;",
        );
        let h = dir.history();
        let db = TestDb::new().await.unwrap();
        let client = db.connect().await.unwrap();
        let vt = VersionTable::default();
        let runner = Runner::new(&h, conn(&db), vt.clone(), drops_allowed());
        runner.upgrade(&t("m1"), &mut quiet()).await.unwrap();
        let before = schema_of(&client, &vt).await;
        let rows_before = rows(&client, &vt).await;
        let e = runner.upgrade(&t("head"), &mut quiet()).await.unwrap_err();
        // The failing statement is on line 11 of the file.
        assert_eq!(
            failed_statement(&e),
            (
                Direction::Up,
                "m2 (step m2)",
                "m2_m2.sql".to_string(),
                11,
                "42703",
                "column \"no_such_column\" does not exist",
                Aftermath::RolledBack
            )
        );
        assert!(
            e.to_string()
                .contains("m2_m2.sql:11: ERROR: column \"no_such_column\" does not exist"),
            "{e}"
        );
        assert_schemas_eq(
            &schema_of(&client, &vt).await,
            &before,
            "schema after the failure",
        );
        assert_eq!(rows(&client, &vt).await, rows_before);
        // A failing downgrade too.
        std::fs::write(
            dir.path().join("m1_m1.sql"),
            std::fs::read_to_string(dir.path().join("m1_m1.sql"))
                .unwrap()
                .replace("DROP TABLE t1;", "DROP TABLE t1;\nDROP TABLE nope;"),
        )
        .unwrap();
        let h = dir.history();
        let runner = Runner::new(
            &h,
            conn(&db),
            vt.clone(),
            RunOptions {
                allow_edited: true,
                allow_missing: false,
                ..drops_allowed()
            },
        );
        let e = runner
            .downgrade(&t("base"), &mut quiet())
            .await
            .unwrap_err();
        assert_eq!(
            failed_statement(&e),
            (
                Direction::Down,
                "m1 (step m1)",
                "m1_m1.sql".to_string(),
                12,
                "42P01",
                "table \"nope\" does not exist",
                Aftermath::RolledBack
            )
        );
        assert_schemas_eq(
            &schema_of(&client, &vt).await,
            &before,
            "schema after the failed downgrade",
        );
        assert_eq!(rows(&client, &vt).await, rows_before);
    });
}

#[test]
fn transaction_none_runs_outside_and_records_after_success() {
    run(async {
        let dir = TempDir::new("txnone");
        dir.migration("m1", "", "CREATE TABLE t (a int, b int);", "DROP TABLE t;");
        dir.migration_with(
            "m2",
            "m1",
            "none",
            "CREATE INDEX CONCURRENTLY t_a ON t (a);\n\nCREATE INDEX CONCURRENTLY t_c ON t (c);",
            Some("DROP INDEX CONCURRENTLY t_a;"),
        );
        let h = dir.history();
        let db = TestDb::new().await.unwrap();
        let client = db.connect().await.unwrap();
        let vt = VersionTable::default();
        let runner = Runner::new(&h, conn(&db), vt.clone(), drops_allowed());
        let e = runner.upgrade(&t("head"), &mut quiet()).await.unwrap_err();
        assert_eq!(
            failed_statement(&e),
            (
                Direction::Up,
                "m2 (step m2)",
                "m2_m2.sql".to_string(),
                10,
                "42703",
                "column \"c\" does not exist",
                Aftermath::Partial { ran: 1 }
            )
        );
        assert!(
            e.to_string()
                .contains("first 1 statement(s) stay applied and nothing was recorded"),
            "{e}"
        );
        // Documented behaviour: the first index exists, the row does not.
        let s = schema_of(&client, &vt).await;
        assert_eq!(s.table("public", "t").unwrap().indexes.len(), 1);
        assert_eq!(revs(&rows(&client, &vt).await), vec!["m1"]);
        // A per-migration file with CREATE INDEX CONCURRENTLY is refused
        // when the directory is read (PostgreSQL would refuse it inside the
        // migration's transaction): nothing runs.
        dir.migration("m3", "m2", "CREATE INDEX CONCURRENTLY t_b ON t (b);", "");
        let e = History::load(dir.path()).unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("m3_m3.sql:8:")
                && text.contains("CREATE INDEX CONCURRENTLY cannot run inside a transaction block")
                && text.contains("-- transaction: none"),
            "{text}"
        );
        assert_eq!(revs(&rows(&client, &vt).await), vec!["m1"]);
    });
}

#[test]
fn sql_standard_function_bodies_run_whole() {
    run(async {
        let dir = TempDir::new("atomic");
        dir.migration(
            "f1",
            "",
            "CREATE TABLE t (a int);\nCREATE FUNCTION add_two(x int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT x + 1;\n  SELECT x + 2;\nEND;\nINSERT INTO t VALUES (add_two(1));",
            "DROP FUNCTION add_two(int);\nDROP TABLE t;",
        );
        let h = dir.history();
        let db = TestDb::new().await.unwrap();
        let runner = Runner::new(&h, conn(&db), VersionTable::default(), drops_allowed());
        runner.upgrade(&t("head"), &mut quiet()).await.unwrap();
        let client = db.connect().await.unwrap();
        let v: i32 = client
            .query_one("SELECT a FROM t", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(v, 3);
        runner.downgrade(&t("base"), &mut quiet()).await.unwrap();
    });
}

#[test]
fn several_heads() {
    run(async {
        let dir = TempDir::new("heads");
        dir.migration("root", "", "CREATE TABLE r ();", "DROP TABLE r;");
        dir.migration("left", "root", "CREATE TABLE l ();", "DROP TABLE l;");
        dir.migration("right", "root", "CREATE TABLE rt ();", "DROP TABLE rt;");
        let h = dir.history();
        let db = TestDb::new().await.unwrap();
        let client = db.connect().await.unwrap();
        let vt = VersionTable::default();
        let runner = Runner::new(&h, conn(&db), vt.clone(), drops_allowed());
        let e = runner.upgrade(&t("head"), &mut quiet()).await.unwrap_err();
        assert!(
            matches!(&e, Error::History(HistoryError::SeveralHeads { heads })
                if heads == &["left (step left)", "right (step right)"]),
            "{e:?}"
        );
        assert!(e.to_string().contains("use `heads` for all of them"), "{e}");
        assert!(read_rows(&client, &vt)
            .await
            .unwrap()
            .unwrap_or_default()
            .is_empty());
        runner.upgrade(&t("heads"), &mut quiet()).await.unwrap();
        assert_eq!(
            revs(&rows(&client, &vt).await),
            vec!["left", "right", "root"]
        );
        // Reverting one branch by name leaves the other.
        runner.downgrade(&t("root"), &mut quiet()).await.unwrap();
        assert_eq!(revs(&rows(&client, &vt).await), vec!["root"]);
        // A merge joins them; upgrading to it applies both branches.
        dir.migration("joined", "left right", "", "");
        let h = dir.history();
        let runner = Runner::new(&h, conn(&db), vt.clone(), drops_allowed());
        let out = runner.upgrade(&t("head"), &mut quiet()).await.unwrap();
        assert_eq!(out.ran.len(), 3);
    });
}

#[test]
fn concurrent_runners_apply_each_revision_once() {
    run(async {
        let dir = TempDir::new("concurrent");
        dir.migration(
            "m0",
            "",
            "CREATE TABLE ran (revision text);",
            "DROP TABLE ran;",
        );
        for i in 1..6 {
            dir.migration(
                &format!("m{i}"),
                &format!("m{}", i - 1),
                &format!("INSERT INTO ran VALUES ('m{i}'); SELECT pg_sleep(0.05); CREATE TABLE t{i} (id int);"),
                &format!("DROP TABLE t{i};"),
            );
        }
        dir.migration_with(
            "m6",
            "m5",
            "none",
            "CREATE INDEX CONCURRENTLY ran_i ON ran (revision);\nINSERT INTO ran VALUES ('m6');",
            None,
        );
        let h = std::sync::Arc::new(dir.history());
        let db = TestDb::new().await.unwrap();
        let vt = VersionTable::default();
        let mut tasks = Vec::new();
        for _ in 0..8 {
            let h = h.clone();
            let c = conn(&db);
            let vt = vt.clone();
            tasks.push(tokio::spawn(async move {
                let runner = Runner::new(&h, c, vt, drops_allowed());
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
        assert_eq!(total, 7, "each revision applied by exactly one runner");
        let client = db.connect().await.unwrap();
        let ran: Vec<String> = client
            .query("SELECT revision FROM ran ORDER BY revision", &[])
            .await
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        assert_eq!(ran, vec!["m1", "m2", "m3", "m4", "m5", "m6"]);
        assert_eq!(rows(&client, &vt).await.len(), 7);
    });
}

#[test]
fn a_version_table_whose_name_needs_quoting() {
    run(async {
        let dir = TempDir::new("quoted");
        sample(&dir);
        let h: History = dir.history();
        let db = TestDb::new().await.unwrap();
        let client = db.connect().await.unwrap();
        let vt = VersionTable {
            schema: "Meta Data".into(),
            name: "order's \"log\"".into(),
        };
        let runner = Runner::new(&h, conn(&db), vt.clone(), drops_allowed());
        runner.upgrade(&t("head"), &mut quiet()).await.unwrap();
        assert_eq!(
            revs(&rows(&client, &vt).await),
            vec!["a1", "b2", "c3", "d4"]
        );
        // The default table is untouched and absent.
        assert!(read_rows(&client, &VersionTable::default())
            .await
            .unwrap()
            .is_none());
        runner.downgrade(&t("base"), &mut quiet()).await.unwrap();
        assert!(rows(&client, &vt).await.is_empty());
    });
}

/// A table of the version table's name that another tool made (other column
/// types, NULLs), and a recorded checksum that is not ASCII hex: errors that
/// name the table or the file, never a panic.
#[test]
fn a_foreign_version_table_and_odd_checksums_are_errors() {
    run(async {
        let dir = TempDir::new("foreign_vt");
        sample(&dir);
        let h: History = dir.history();
        let db = TestDb::new().await.unwrap();
        let client = db.connect().await.unwrap();
        client
            .batch_execute(
                "CREATE TABLE strata_migrations (revision text, checksum text, applied_at timestamptz, execution_ms integer, stamped boolean);
                 INSERT INTO strata_migrations VALUES ('a1', 'x', now(), 5, false);",
            )
            .await
            .unwrap();
        let runner = Runner::new(&h, conn(&db), VersionTable::default(), drops_allowed());
        let foreign = |e: &Error| {
            matches!(e, Error::Run(RunError::ForeignVersionTable { table, .. })
                if table == "public.strata_migrations")
        };
        let e = runner.status().await.unwrap_err();
        assert!(foreign(&e), "{e:?}");
        assert!(
            e.to_string().contains(
                "version table public.strata_migrations does not have the expected columns"
            ),
            "{e}"
        );
        let e = runner.upgrade(&t("head"), &mut quiet()).await.unwrap_err();
        assert!(foreign(&e), "{e:?}");

        // The right shape, but a NULL where none belongs.
        client
            .batch_execute(
                "ALTER TABLE strata_migrations ALTER COLUMN execution_ms TYPE bigint;
                 UPDATE strata_migrations SET stamped = NULL;",
            )
            .await
            .unwrap();
        let e = runner.status().await.unwrap_err();
        assert!(foreign(&e), "{e:?}");

        // A checksum edited by hand into non-ASCII text: the file counts as
        // edited, and the message quotes the start of both checksums.
        client
            .batch_execute(
                "UPDATE strata_migrations SET stamped = false, checksum = 'aéééééééééééééé'",
            )
            .await
            .unwrap();
        let e = runner.upgrade(&t("head"), &mut quiet()).await.unwrap_err();
        assert!(
            matches!(refused(&e), [Problem::Edited { recorded, .. }] if recorded == "aéééééééééééééé"),
            "{e:?}"
        );
        let e = e.to_string();
        assert!(
            e.contains("was edited after it was applied")
                && e.contains("checksum aééééééééééé recorded"),
            "{e}"
        );
    });
}

/// A version table in a schema of its own, run by an application role that
/// may create tables in that schema but not schemas in the database: the
/// existing schema is used, not created again (`CREATE SCHEMA IF NOT EXISTS`
/// would need `CREATE` on the database).
#[test]
fn a_version_schema_that_exists_needs_no_create_on_the_database() {
    run(async {
        let dir = TempDir::new("app_role");
        dir.migration("a1", "", "CREATE TABLE t (id int);", "DROP TABLE t;");
        let h: History = dir.history();
        let db = TestDb::new().await.unwrap();
        let admin = db.connect().await.unwrap();
        let role = format!(
            "strata_migrator_{}_{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .subsec_nanos()
        );
        admin
            .batch_execute(&format!(
                "CREATE ROLE {role} LOGIN; \
                 REVOKE CREATE ON DATABASE {db} FROM PUBLIC; \
                 CREATE SCHEMA meta; \
                 GRANT USAGE, CREATE ON SCHEMA meta, public TO {role};",
                db = strata::ident::Ident(db.name())
            ))
            .await
            .unwrap();
        let c = conn(&db).with_user(&role);
        let vt = VersionTable {
            schema: "meta".into(),
            name: "versions".into(),
        };
        let result = {
            let runner = Runner::new(&h, c, vt.clone(), drops_allowed());
            runner.upgrade(&t("head"), &mut quiet()).await
        };
        let applied = rows(&admin, &vt).await;
        drop(admin);
        drop(db);
        let server = strata_testing::server_url("postgres").unwrap();
        let s = strata::ConnectOptions::parse(&server)
            .unwrap()
            .connect()
            .await
            .unwrap();
        s.batch_execute(&format!("DROP ROLE IF EXISTS {role}"))
            .await
            .unwrap();
        result.unwrap_or_else(|e| panic!("upgrade as the application role: {e}"));
        assert_eq!(revs(&applied), vec!["a1"]);
    });
}

/// `schema_diff::Error` shows PostgreSQL's message (the driver's own text is
/// only "db error").
#[test]
fn database_errors_show_the_server_message() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let client = db.connect().await.unwrap();
        let e = client
            .batch_execute("SELECT * FROM no_such_table_here")
            .await
            .unwrap_err();
        let e = schema_diff::Error::from(e);
        assert!(
            matches!(&e, Error::Database(DbError::Server(s)) if s.code == "42P01"),
            "{e:?}"
        );
        let text = e.to_string();
        assert_eq!(
            text,
            "database error: ERROR: relation \"no_such_table_here\" does not exist"
        );
    });
}

/// The options of these tests: their down sections drop the tables their up
/// sections create, which `downgrade` refuses without `allow_drops`.
fn drops_allowed() -> RunOptions {
    RunOptions {
        allow_drops: true,
        ..RunOptions::default()
    }
}

#[test]
fn a_downgrade_that_deletes_data_is_refused_without_allow_drops() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("refuse-drops");
        dir.migration(
            "a1",
            "",
            "CREATE TABLE t (id int PRIMARY KEY, note text);\nINSERT INTO t VALUES (1, 'kept');",
            "ALTER TABLE t DROP COLUMN note;\nDROP TABLE t;",
        );
        dir.migration(
            "b2",
            "a1",
            "ALTER TABLE t ALTER COLUMN note TYPE varchar(100);",
            "-- hazard: deletes data\nALTER TABLE t ALTER COLUMN note TYPE varchar(2) USING note::varchar(2);",
        );
        let h = dir.history();
        let vt = VersionTable::default();
        let safe = Runner::new(&h, conn(&db), vt.clone(), RunOptions::default());
        safe.upgrade(&t("head"), &mut quiet()).await.unwrap();
        let err = safe.downgrade(&t("base"), &mut quiet()).await.unwrap_err();
        let Error::Run(RunError::DestructiveDowngrade { statements }) = &err else {
            panic!("{err:?}");
        };
        let found: Vec<(String, usize, &str)> = statements
            .iter()
            .map(|s| {
                (
                    s.file.file_name().unwrap().to_string_lossy().to_string(),
                    s.line,
                    s.text.as_str(),
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    "b2_b2.sql".to_string(),
                    12,
                    "ALTER TABLE t ALTER COLUMN note TYPE varchar(2) USING note::varchar(2);"
                ),
                (
                    "a1_a1.sql".to_string(),
                    12,
                    "ALTER TABLE t DROP COLUMN note;"
                ),
                ("a1_a1.sql".to_string(), 13, "DROP TABLE t;"),
            ]
        );
        let err = err.to_string();
        assert!(
            err.contains("downgrade refused: it would delete data"),
            "{err}"
        );
        for want in [
            "b2_b2.sql:12: ALTER TABLE t ALTER COLUMN note TYPE varchar(2)",
            "a1_a1.sql:12: ALTER TABLE t DROP COLUMN note;",
            "a1_a1.sql:13: DROP TABLE t;",
        ] {
            assert!(err.contains(want), "{want} in {err}");
        }
        let client = db.connect().await.unwrap();
        let note: String = client
            .query_one("SELECT note FROM t", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(note, "kept", "nothing was run");
        assert_eq!(safe.status().await.unwrap().heads, vec!["b2".to_string()]);
        let forced = Runner::new(&h, conn(&db), vt, drops_allowed());
        forced.downgrade(&t("base"), &mut quiet()).await.unwrap();
        assert!(client
            .query_one("SELECT count(*) FROM t", &[])
            .await
            .is_err());
    });
}

/// Issue 11: a migration statement waits at most `lock_timeout` for its
/// lock; the migration is rolled back and retried with backoff, each retry
/// reported, and runs once the lock is free; with no retry left it fails
/// (55P03) and nothing is applied.
#[test]
fn a_lock_not_granted_in_time_rolls_back_and_retries() {
    run(async {
        let dir = TempDir::new("lock-timeout");
        dir.migration("m1", "", "CREATE TABLE busy (id int);", "DROP TABLE busy;");
        dir.migration(
            "m2",
            "m1",
            "CREATE TABLE side (id int);\nALTER TABLE busy ADD COLUMN x int;",
            "DROP TABLE side;\nALTER TABLE busy DROP COLUMN x;",
        );
        let h = dir.history();
        let db = TestDb::new().await.unwrap();
        let vt = VersionTable::default();
        let options = RunOptions {
            lock_timeout: Some(std::time::Duration::from_millis(200)),
            lock_retries: 2,
            ..drops_allowed()
        };
        let runner = Runner::new(&h, conn(&db), vt.clone(), options);
        runner.upgrade(&t("m1"), &mut quiet()).await.unwrap();

        // Another session holds the table for 1.5 s.
        let holder = db.connect().await.unwrap();
        holder
            .batch_execute("BEGIN; LOCK TABLE busy IN ACCESS SHARE MODE")
            .await
            .unwrap();
        let release = tokio::spawn(async move {
            tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
            holder.batch_execute("COMMIT").await.unwrap();
        });
        let retries = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = retries.clone();
        let mut observer = move |e: &Event<'_>| {
            if let Event::Retry {
                migration, attempt, ..
            } = e
            {
                seen.lock()
                    .unwrap()
                    .push((migration.revision.clone(), *attempt));
            }
        };
        let out = runner.upgrade(&t("head"), &mut observer).await.unwrap();
        release.await.unwrap();
        assert_eq!(out.ran.len(), 1);
        let retries = retries.lock().unwrap().clone();
        assert!(!retries.is_empty(), "at least one retry");
        assert!(retries.iter().all(|(r, _)| r == "m2"), "{retries:?}");

        // Held for good: the last retry fails, nothing of m2 stays.
        runner.downgrade(&t("m1"), &mut quiet()).await.unwrap();
        let holder = db.connect().await.unwrap();
        holder
            .batch_execute("BEGIN; LOCK TABLE busy IN ACCESS SHARE MODE")
            .await
            .unwrap();
        let e = runner.upgrade(&t("head"), &mut quiet()).await.unwrap_err();
        assert_eq!(e.db().and_then(DbError::code), Some("55P03"), "{e}");
        holder.batch_execute("ROLLBACK").await.unwrap();
        let client = db.connect().await.unwrap();
        let side: Option<String> = client
            .query_one("SELECT to_regclass('side')::text", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(side, None, "m2 was rolled back");
        assert_eq!(revs(&rows(&client, &vt).await), ["m1"]);
    });
}

/// Issue 11: with a `statement_timeout`, a migration statement that runs
/// too long fails (57014) and its migration is rolled back.
#[test]
fn a_statement_over_the_timeout_rolls_its_migration_back() {
    run(async {
        let dir = TempDir::new("statement-timeout");
        dir.migration(
            "m1",
            "",
            "CREATE TABLE slow (id int);\nSELECT pg_sleep(3);",
            "DROP TABLE slow;",
        );
        let h = dir.history();
        let db = TestDb::new().await.unwrap();
        let vt = VersionTable::default();
        let options = RunOptions {
            statement_timeout: Some(std::time::Duration::from_millis(300)),
            ..drops_allowed()
        };
        let runner = Runner::new(&h, conn(&db), vt.clone(), options);
        let started = std::time::Instant::now();
        let e = runner.upgrade(&t("head"), &mut quiet()).await.unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        assert_eq!(e.db().and_then(DbError::code), Some("57014"), "{e}");
        let client = db.connect().await.unwrap();
        let slow: Option<String> = client
            .query_one("SELECT to_regclass('slow')::text", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(slow, None);
    });
}

/// Issue 11: a server that stops answering in the middle of a migration
/// statement (its backend SIGSTOPped: the socket stays open, TCP
/// keepalives are answered by the kernel) ends the upgrade with a clear
/// error once `statement_timeout` plus the grace has passed, instead of a
/// silent hang; once the server wakes, nothing of the migration was
/// committed.
#[test]
fn a_server_that_stops_answering_mid_migration_ends_in_a_clear_error() {
    run(async {
        let cluster = strata_testing::cluster::Cluster::start().unwrap();
        let dir = TempDir::new("frozen-server");
        dir.migration(
            "m1",
            "",
            "CREATE TABLE frozen (id int);\nSELECT pg_sleep(30);",
            "DROP TABLE frozen;",
        );
        let h = dir.history();
        let options = RunOptions {
            statement_timeout: Some(std::time::Duration::from_secs(1)),
            ..drops_allowed()
        };
        let runner = Runner::new(
            &h,
            cluster.options("postgres"),
            VersionTable::default(),
            options,
        );
        let admin = cluster.options("postgres").connect().await.unwrap();
        let freeze = async {
            loop {
                let rows = admin
                    .query(
                        "SELECT pid FROM pg_stat_activity \
                         WHERE query LIKE 'SELECT pg_sleep(30)%' AND pid <> pg_backend_pid()",
                        &[],
                    )
                    .await
                    .unwrap();
                if let Some(r) = rows.first() {
                    let pid: i32 = r.get(0);
                    cluster.pause_backend(pid).unwrap();
                    return pid;
                }
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
        };
        let started = std::time::Instant::now();
        let head = t("head");
        let mut on = quiet();
        let (result, pid) = tokio::join!(runner.upgrade(&head, &mut on), freeze);
        let elapsed = started.elapsed();
        cluster.resume_backend(pid).unwrap();
        let e = result.unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("the server did not answer within 11000 ms"),
            "{text}"
        );
        assert!(text.contains("m1"), "{text}");
        assert!(
            elapsed >= std::time::Duration::from_secs(10)
                && elapsed < std::time::Duration::from_secs(25),
            "{elapsed:?}"
        );
        // Awake again, the server ends the abandoned session: nothing of
        // the migration was committed.
        let mut gone = false;
        for _ in 0..200 {
            let alive: i64 = admin
                .query_one(
                    "SELECT count(*) FROM pg_stat_activity WHERE pid = $1",
                    &[&pid],
                )
                .await
                .unwrap()
                .get(0);
            if alive == 0 {
                gone = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert!(gone, "the abandoned session ended");
        let frozen: Option<String> = admin
            .query_one("SELECT to_regclass('frozen')::text", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(frozen, None);
        let applied: i64 = admin
            .query_one("SELECT count(*) FROM strata_migrations", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(applied, 0);
    });
}
