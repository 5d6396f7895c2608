//! The commands a person types, run as built binaries from the workspace
//! root (see `crate::dgs_support::built_binaries`):
//! `schema-diff stamp head` and `schema-diff check` with `DATABASE_URL` on a
//! legacy database and the workspace's own `schema-diff.toml` (whose models
//! command is `cargo run -q -p dgs --bin dgs-models`); `schema-diff upgrade
//! head` on a legacy database (the idempotent baseline); and the README's
//! first command, `cargo run -p dgs` (the `dgs` binary) with `DATABASE_URL`,
//! without it (throwaway cluster), with a bad one, and `dgs serve`.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

use crate::dgs_support::{binary_command, http, legacy_db, run_binary, Output};
use dgs::legacy::{checksums, SeedSize};
use strata_testing::{run, TestDb};

/// Runs a built binary off the async threads.
async fn bin(name: &'static str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let env: Vec<(String, String)> = env
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        run_binary(name, &args, &env)
    })
    .await
    .unwrap()
}

/// The adoption walkthrough (`docs/adopting.md`): `dgs seed-legacy` makes the legacy database,
/// then `schema-diff check`, `stamp head`, `check`.
#[test]
fn stamp_head_then_check_from_the_workspace_root_on_a_legacy_database() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let env = [("DATABASE_URL", db.url())];
        let seeded = bin("dgs", &["seed-legacy"], &env).await.expect(0);
        let client = db.connect().await.unwrap();
        let before = checksums(&client).await.unwrap();
        let size = SeedSize::default();
        for (c, rows) in before.iter().zip([size.jobs, size.lessons, size.audits]) {
            assert_eq!(c.rows, rows as i64);
            let line = format!(
                "{}: {} rows, md5 {}",
                c.table,
                c.rows,
                c.md5.as_deref().unwrap()
            );
            assert!(
                seeded.stdout.contains(&line),
                "{line:?} in {}",
                seeded.stdout
            );
        }
        // Seeding twice is refused and changes nothing.
        let again = bin("dgs", &["seed-legacy"], &env).await.expect(1);
        assert!(
            again.stderr.contains("dgs_jobs already holds 3000 rows"),
            "{}",
            again.stderr
        );
        assert_eq!(checksums(&client).await.unwrap(), before);
        // Not baselined yet: the models match, but the baseline is pending.
        let out = bin("schema-diff", &["check"], &env).await.expect(1);
        assert!(out.stdout.contains("0 difference(s)"), "{}", out.stdout);
        assert!(
            out.stdout.contains("pending migration: 1c9266ea85f0"),
            "{}",
            out.stdout
        );
        let out = bin("schema-diff", &["stamp", "head"], &env).await.expect(0);
        assert!(out.stdout.contains("nothing was run"), "{}", out.stdout);
        let out = bin("schema-diff", &["check"], &env).await.expect(0);
        assert!(
            out.stdout
                .contains("The database matches the models; no migration is pending."),
            "{}",
            out.stdout
        );
        let out = bin("schema-diff", &["current"], &env).await.expect(0);
        assert!(out.stdout.contains("1c9266ea85f0 (head)"), "{}", out.stdout);
        assert_eq!(checksums(&client).await.unwrap(), before);
    });
}

#[test]
fn upgrade_head_from_the_workspace_root_adopts_a_legacy_database() {
    run(async {
        let db = legacy_db(SeedSize {
            jobs: 1000,
            lessons: 1000,
            audits: 1000,
        })
        .await;
        let client = db.connect().await.unwrap();
        let before = checksums(&client).await.unwrap();
        let env = [("DATABASE_URL", db.url())];
        bin("schema-diff", &["upgrade", "head"], &env)
            .await
            .expect(0);
        bin("schema-diff", &["check"], &env).await.expect(0);
        assert_eq!(checksums(&client).await.unwrap(), before);
        // Undoing the baseline keeps the adopted tables and every row.
        bin("schema-diff", &["downgrade", "base"], &env)
            .await
            .expect(0);
        assert_eq!(checksums(&client).await.unwrap(), before);
        bin("schema-diff", &["upgrade", "head"], &env)
            .await
            .expect(0);
        bin("schema-diff", &["check"], &env).await.expect(0);
    });
}

#[test]
fn the_main_job_runs_with_database_url_and_twice_in_a_row() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let env = [("DATABASE_URL", db.url())];
        let first = bin("dgs", &[], &env).await.expect(0);
        for expected in [
            "migrations: applied 1c9266ea85f0",
            "check: the database matches the models exactly",
            "retried the first create with the same key: same job",
            "succeeded after 4 LLM calls (1 failed)",
            "summary: jobs in the database by status: queued 0, running 0, succeeded 1, failed 1, cancelled 1",
        ] {
            assert!(first.stdout.contains(expected), "{expected:?} in:\n{}", first.stdout);
        }
        let second = bin("dgs", &["run"], &env).await.expect(0);
        assert!(second
            .stdout
            .contains("migrations: the database is at head already"));
        assert!(second
            .stdout
            .contains("queued 0, running 0, succeeded 2, failed 2, cancelled 2"));
    });
}

#[test]
fn the_main_job_without_database_url_uses_a_throwaway_cluster() {
    run(async {
        let out = bin("dgs", &[], &[]).await.expect(0);
        assert!(
            out.stderr
                .contains("DATABASE_URL is not set; using a throwaway PostgreSQL cluster"),
            "{}",
            out.stderr
        );
        assert!(out.stdout.contains("summary:"), "{}", out.stdout);
    });
}

#[test]
fn the_main_job_fails_with_one_clear_line() {
    run(async {
        let out = bin(
            "dgs",
            &[],
            &[("DATABASE_URL", "postgres://postgres@127.0.0.1:1/nowhere")],
        )
        .await
        .expect(1);
        let lines: Vec<&str> = out.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{}", out.stderr);
        assert!(
            lines[0].starts_with(
                "dgs: error: cannot connect to postgres://postgres@127.0.0.1:1/nowhere"
            ),
            "{}",
            lines[0]
        );
        let out = bin("dgs", &["--colour"], &[]).await.expect(2);
        assert!(
            out.stderr.contains("unexpected argument \"--colour\""),
            "{}",
            out.stderr
        );
        let out = bin("dgs", &["serve", "--addr", "nowhere"], &[])
            .await
            .expect(2);
        assert!(out.stderr.contains("--addr \"nowhere\""), "{}", out.stderr);
        let out = bin("dgs", &["--help"], &[]).await.expect(0);
        assert!(out.stdout.contains("dgs serve [--addr ADDR]"));
    });
}

#[test]
fn dgs_serve_answers_http_and_stops_on_sigterm() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let mut child = binary_command(
            "dgs",
            &["serve", "--addr", "127.0.0.1:0"],
            &[("DATABASE_URL", db.url())],
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = tokio::sync::oneshot::channel();
        std::thread::spawn(move || {
            let mut tx = Some(tx);
            for line in BufReader::new(stdout).lines() {
                let line = line.unwrap_or_default();
                if let Some(rest) = line.split("http://").nth(1) {
                    if let Some(tx) = tx.take() {
                        let _ = tx.send(rest.split(' ').next().unwrap_or("").to_string());
                    }
                }
            }
        });
        let addr: std::net::SocketAddr = tokio::time::timeout(Duration::from_secs(60), rx)
            .await
            .expect("the server announces its address")
            .unwrap()
            .parse()
            .unwrap();
        let health = http(addr, "GET", "/health", None).await.expect(200);
        assert_eq!(health.json()["status"], "ok");
        let created = http(
            addr,
            "POST",
            "/jobs",
            Some(r#"{"request": {"topic": "t"}}"#),
        )
        .await
        .expect(201);
        assert_eq!(created.json()["status"], "queued");
        // SAFETY: sending a signal to our own child process.
        unsafe {
            libc::kill(child.id() as libc::pid_t, libc::SIGTERM);
        }
        let status = tokio::task::spawn_blocking(move || child.wait().unwrap())
            .await
            .unwrap();
        assert!(status.success(), "{status:?}");
    });
}
