//! Issue 14 through the binary: writes refuse a throwaway server without
//! `--allow-throwaway`, an empty `DATABASE_URL` is an error, a closed pipe
//! ends the output quietly, `--format json` prints an error document on
//! failure, and a `COMMIT` inside a per-migration file is refused with its
//! file and line before anything runs.

use std::process::Stdio;

use strata_testing::{run, TestDb};

use crate::{output, tables, Project, MODELS};

fn write(p: &Project, rev: &str, up: &str) {
    std::fs::write(
        p.path(&format!("migrations/{rev}_{rev}.sql")),
        format!(
            "-- revision: {rev}\n-- parents: \n-- message: step {rev}\n\n-- migrate:up\n{up}\n"
        ),
    )
    .unwrap();
}

#[test]
fn writes_refuse_a_throwaway_server_and_an_empty_database_url() {
    let p = Project::new("hard-throwaway", MODELS);
    write(&p, "a1", "CREATE TABLE t ();");
    for args in [&["upgrade"][..], &["downgrade", "base"], &["stamp", "head"]] {
        let out = output(p.command(args)).expect(2);
        assert!(
            out.stderr
                .contains("refusing to write to a throwaway server")
                && out.stderr.contains("--allow-throwaway")
                && !out.stdout.contains("Applied")
                && !out.stderr.contains("throwaway PostgreSQL server on"),
            "{args:?}: {out:?}"
        );
    }
    let mut cmd = p.command(&["upgrade"]);
    cmd.env("DATABASE_URL", "");
    let out = output(cmd).expect(2);
    assert!(
        out.stderr.contains("DATABASE_URL is set but empty"),
        "{out:?}"
    );
}

#[test]
fn a_closed_pipe_ends_quietly_and_json_failures_print_a_document() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let p = Project::new("hard-pipe", MODELS);
        for i in 0..40 {
            let parents = if i == 0 {
                String::new()
            } else {
                format!("r{:02}", i - 1)
            };
            std::fs::write(
                p.path(&format!("migrations/r{i:02}_r{i:02}.sql")),
                format!("-- revision: r{i:02}\n-- parents: {parents}\n-- message: a step with a long message to fill the pipe {}\n\n-- migrate:up\nSELECT 1;\n", "x".repeat(200)),
            )
            .unwrap();
        }
        let mut cmd = p.command(&["history"]);
        cmd.env("DATABASE_URL", db.url())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        // The reader goes away before the first line is written.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_ne!(out.status.code(), Some(101), "{stderr}");

        let out = p
            .run(db.url(), &["upgrade", "nosuchrev", "--format", "json"])
            .expect(2);
        let doc = out.json();
        assert!(
            doc["error"]
                .as_str()
                .is_some_and(|e| e.contains("nosuchrev")),
            "{doc}"
        );
    });
}

#[test]
fn transaction_control_in_a_per_migration_file_is_refused_before_anything_runs() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let p = Project::new("hard-commit", MODELS);
        write(&p, "a1", "CREATE TABLE t ();\nCOMMIT;\nCREATE TABLE u ();");
        let out = p.run(db.url(), &["upgrade"]).expect(2);
        assert!(
            out.stderr.contains("a1_a1.sql:7:") && out.stderr.contains("transaction control"),
            "{out:?}"
        );
        assert!(tables(db.url()).await.is_empty(), "nothing ran");
    });
}

#[test]
fn ctrl_c_cancels_the_running_statement_and_releases_its_lock() {
    use std::io::BufRead;
    run(async {
        let db = TestDb::new().await.unwrap();
        crate::exec(db.url(), "CREATE TABLE held (a int)").await;
        let p = Project::new("hard-cancel", MODELS);
        write(
            &p,
            "a1",
            "LOCK TABLE held IN ACCESS EXCLUSIVE MODE;\nSELECT pg_sleep(60);",
        );
        let mut cmd = p.command(&["upgrade"]);
        cmd.env("DATABASE_URL", db.url())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let stderr = child.stderr.take().unwrap();
        let mut lines = std::io::BufReader::new(stderr).lines();
        for line in lines.by_ref() {
            if line.unwrap().contains("Running upgrade") {
                break;
            }
        }
        let client = strata::ConnectOptions::parse(db.url())
            .unwrap()
            .connect()
            .await
            .unwrap();
        let sleeping = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() \
                        AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%pg_sleep(60)%'";
        // The statement is running on the server.
        let mut seen = false;
        for _ in 0..100 {
            let n: i64 = client.query_one(sleeping, &[]).await.unwrap().get(0);
            if n == 1 {
                seen = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert!(seen, "the migration's statement never ran");
        // SAFETY: signalling the child we started.
        unsafe {
            libc::kill(child.id() as i32, libc::SIGINT);
        }
        let status = child.wait().unwrap();
        let rest: Vec<String> = lines.map(|l| l.unwrap()).collect();
        assert_eq!(status.code(), Some(130), "{rest:?}");
        assert!(rest.iter().any(|l| l.contains("cancelled")), "{rest:?}");
        // Within two seconds the server runs nothing and the lock is gone.
        client
            .batch_execute("SET lock_timeout = '2s'")
            .await
            .unwrap();
        let started = std::time::Instant::now();
        client
            .query_one("SELECT count(*) FROM held", &[])
            .await
            .unwrap();
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        // The cancel is asynchronous on the server: within the two seconds.
        let mut n: i64 = 1;
        while started.elapsed() < std::time::Duration::from_secs(2) {
            n = client.query_one(sleeping, &[]).await.unwrap().get(0);
            if n == 0 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        assert_eq!(n, 0, "the statement was cancelled");
        let rows: i64 = client
            .query_one("SELECT count(*) FROM strata_migrations", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(rows, 0, "nothing recorded");
    });
}

/// An application role with a password: no command, on success or on
/// failure, prints any part of the password.
#[test]
fn the_password_appears_in_no_output_of_any_command() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let role = format!("app_hard_{}", std::process::id());
        let password = "PwHard7Qxz93";
        let c = db.connect().await.unwrap();
        let dbname: String = c
            .query_one("SELECT current_database()::text", &[])
            .await
            .unwrap()
            .get(0);
        c.batch_execute(&format!(
            "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN PASSWORD '{password}'; \
             GRANT ALL ON DATABASE \"{dbname}\" TO {role}; GRANT ALL ON SCHEMA public TO {role}; \
             ALTER SCHEMA public OWNER TO {role}"
        ))
        .await
        .unwrap();
        let rest = db.url().rsplit_once('@').map_or(db.url(), |(_, r)| r);
        let hostport = rest.split_once('/').map_or(rest, |(h, _)| h);
        let (host, port) = hostport.rsplit_once(':').unwrap_or((hostport, "5432"));
        let url = format!("postgres://{role}:{password}@{host}:{port}/{dbname}");
        let p = Project::new("hard-secret", MODELS);
        let runs: Vec<(Vec<&str>, &str)> = vec![
            (vec!["revision", "--autogenerate", "-m", "init"], "ok"),
            (vec!["upgrade"], "ok"),
            (vec!["current"], "ok"),
            (vec!["history"], "ok"),
            (vec!["heads"], "ok"),
            (vec!["check"], "ok"),
            (vec!["check", "--format", "json"], "ok"),
            (vec!["diff", "--from", "database", "--to", "empty"], "ok"),
            (vec!["upgrade", "--sql"], "ok"),
            (vec!["stamp", "head"], "ok"),
            (vec!["downgrade", "base", "--allow-drops"], "ok"),
            (vec!["upgrade", "nosuchrev"], "fail"),
            (vec!["upgrade", "--format", "json", "nosuchrev"], "fail"),
        ];
        let check = |args: &[&str], out: &crate::Output| {
            for text in [&out.stdout, &out.stderr] {
                for part in [password, "PwHard", "Qxz93"] {
                    assert!(
                        !text.contains(part),
                        "{args:?} printed the password:\n{out:?}"
                    );
                }
            }
        };
        for (args, _) in &runs {
            let out = p.run(&url, args);
            assert!(
                out.code == 0 || out.code == 1 || out.code == 2,
                "{args:?}: {out:?}"
            );
            check(args, &out);
        }
        // Failure paths of the connection itself.
        for bad in [
            format!("postgres://{role}:%2_{password}@{host}:{port}/{dbname}"),
            format!("postgres://{role}:p@ss/w?{password}#x@{host}:{port}/{dbname}"),
            format!("postgres://{role}:{password}@{host}:1/{dbname}"),
            format!("postgres://{role}:{password}@{host}:{port}/no_such_db_{dbname}"),
            format!("host={host} port=notaport user={role} password={password}"),
        ] {
            for args in [
                &["upgrade"][..],
                &["current"],
                &["check"],
                &["diff", "--from", "database", "--to", "empty"],
            ] {
                let out = p.run(&bad, args);
                // Some of these still name a reachable server (the
                // unencoded `@`, `/`, `?` are read as libpq reads them).
                assert!(
                    out.code == 0 || out.code == 1 || out.code == 2,
                    "{args:?} {out:?}"
                );
                check(args, &out);
                let mut cmd = p.command(args);
                cmd.env("PGPASSWORD", password)
                    .env("PGHOST", host)
                    .env("PGPORT", "1")
                    .env("PGUSER", &role);
                let out = output(cmd);
                check(args, &out);
            }
        }
        c.batch_execute(&format!(
            "ALTER SCHEMA public OWNER TO pg_database_owner; REASSIGN OWNED BY {role} TO postgres; DROP OWNED BY {role}; DROP ROLE {role}"
        ))
        .await
        .unwrap();
    });
}
