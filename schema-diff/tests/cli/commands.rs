//! The migration commands through the binary: writing revisions, branches
//! and merges, `upgrade head` with several heads, offline scripts applied
//! with psql, 8 concurrent `upgrade head` processes, the embedded default
//! with an empty environment, and masked passwords.

use std::process::Stdio;

use strata_testing::{run, TestDb};

use crate::{exec, output, tables, Project, MODELS};

fn write(p: &Project, rev: &str, parents: &str, transaction: &str, up: &str, down: &str) {
    std::fs::write(
        p.path(&format!("migrations/{rev}_{rev}.sql")),
        format!(
            "-- revision: {rev}\n-- parents: {parents}\n-- message: step {rev}\n-- transaction: {transaction}\n\n-- migrate:up\n{up}\n\n-- migrate:down\n{down}\n"
        ),
    )
    .unwrap();
}

#[test]
fn revisions_branches_merges_and_heads() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let url = db.url();
        let p = Project::new("graph", MODELS);
        std::fs::remove_dir(p.path("migrations")).unwrap();
        let out = p.run(url, &["init"]).expect(0);
        assert!(out.stdout.contains("Created"), "{}", out.stdout);
        p.run(url, &["revision", "-m", "first", "--rev-id", "aaa111"])
            .expect(0);
        p.run(url, &["revision", "-m", "left side", "--rev-id", "bbb222"])
            .expect(0);
        let out = p
            .run(
                url,
                &[
                    "revision",
                    "-m",
                    "right side",
                    "--head",
                    "aaa",
                    "--rev-id",
                    "ccc333",
                ],
            )
            .expect(0);
        assert!(out.stdout.contains("aaa111 -> ccc333"), "{}", out.stdout);
        assert!(p.path("migrations/ccc333_right_side.sql").exists());

        let out = p.run(url, &["heads"]).expect(0);
        assert_eq!(
            out.stdout,
            "bbb222 (head), left side\nccc333 (head), right side\n"
        );
        let out = p.run(url, &["branches"]).expect(0);
        assert!(
            out.stdout.starts_with("aaa111 (branchpoint), first\n"),
            "{}",
            out.stdout
        );
        assert!(
            out.stdout.contains("    -> bbb222 (head), left side"),
            "{}",
            out.stdout
        );
        // A plain revision with several heads must be told where to go.
        let out = p.run(url, &["revision", "-m", "x"]).expect(2);
        assert!(
            out.stderr.contains("2 heads") && out.stderr.contains("--head"),
            "{}",
            out.stderr
        );

        // upgrade head refuses and names the heads; nothing is recorded.
        let out = p.run(url, &["upgrade", "head"]).expect(2);
        assert!(
            out.stderr.contains("bbb222 (left side)") && out.stderr.contains("ccc333 (right side)"),
            "{}",
            out.stderr
        );
        assert!(
            tables(url).await.is_empty(),
            "a refused upgrade changes nothing"
        );
        p.run(url, &["upgrade", "heads"]).expect(0);
        let out = p.run(url, &["current"]).expect(0);
        assert!(
            out.stdout.contains("bbb222 (head)") && out.stdout.contains("ccc333 (head)"),
            "{}",
            out.stdout
        );

        // merge joins the heads
        let out = p
            .run(url, &["merge", "-m", "join", "heads", "--rev-id", "ddd444"])
            .expect(0);
        assert!(
            out.stdout.contains("((bbb222, ccc333) -> ddd444)"),
            "{}",
            out.stdout
        );
        let out = p
            .run(url, &["merge", "-m", "again", "ddd444", "aaa111"])
            .expect(2);
        assert!(out.stderr.contains("nothing to merge"), "{}", out.stderr);
        let out = p.run(url, &["heads"]).expect(0);
        assert_eq!(out.stdout, "ddd444 (head) (mergepoint), join\n");
        let out = p.run(url, &["history"]).expect(0);
        assert_eq!(
            out.stdout,
            "(bbb222, ccc333) -> ddd444 (head) (mergepoint), join\n\
             aaa111 -> ccc333, right side\n\
             aaa111 -> bbb222, left side\n\
             <base> -> aaa111 (branchpoint), first\n"
        );
        let out = p.run(url, &["history", "-r", "bbb:"]).expect(0);
        assert_eq!(
            out.stdout,
            "(bbb222, ccc333) -> ddd444 (head) (mergepoint), join\naaa111 -> bbb222, left side\n"
        );
        let out = p.run(url, &["history", "-i", "-r", ":ccc"]).expect(0);
        assert_eq!(out.stdout, "aaa111 -> ccc333 (applied), right side\n<base> -> aaa111 (branchpoint) (applied), first\n");
        let out = p.run(url, &["upgrade"]).expect(0);
        assert!(
            out.stderr
                .contains("Running upgrade (bbb222, ccc333) -> ddd444, join"),
            "{}",
            out.stderr
        );
        assert!(
            out.stdout
                .contains("Applied 1 migration(s); the database is at ddd444."),
            "{}",
            out.stdout
        );
        let out = p.run(url, &["show", "dd"]).expect(0);
        assert!(
            out.stdout
                .starts_with("Revision: ddd444 (head) (mergepoint)\nParents: bbb222, ccc333\n"),
            "{}",
            out.stdout
        );
        let out = p.run(url, &["show", "zz"]).expect(2);
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
        assert!(
            out.stderr.starts_with("error: no revision `zz`"),
            "{}",
            out.stderr
        );
        let v = p.run(url, &["heads", "--format", "json"]).expect(0).json();
        assert_eq!(v["heads"][0]["revision"], "ddd444");
        assert_eq!(
            v["heads"][0]["parents"],
            serde_json::json!(["bbb222", "ccc333"])
        );
        // downgrade -1 reverts the merge; downgrade base reverts the rest.
        let out = p.run(url, &["downgrade", "-1"]).expect(0);
        assert!(
            out.stderr
                .contains("Running downgrade ddd444 -> (bbb222, ccc333)"),
            "{}",
            out.stderr
        );
        let out = p.run(url, &["downgrade", "-1"]).expect(2);
        assert!(out.stderr.contains("ambiguous"), "{}", out.stderr);
        p.run(url, &["downgrade", "base"]).expect(0);
        assert!(p
            .run(url, &["current"])
            .expect(0)
            .stdout
            .starts_with("base"));
    });
}

#[test]
fn offline_scripts_through_psql() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let url = db.url();
        let p = Project::new("offline", MODELS);
        write(
            &p,
            "a1",
            "",
            "per-migration",
            "CREATE TABLE t (id int PRIMARY KEY, note text);",
            "DROP TABLE t;",
        );
        write(
            &p,
            "b2",
            "a1",
            "none",
            "CREATE INDEX CONCURRENTLY t_note ON t (note)",
            "DROP INDEX CONCURRENTLY t_note;",
        );
        let psql = |script: &str, name: &str| {
            let path = p.path(name);
            std::fs::write(&path, script).unwrap();
            let out = std::process::Command::new("psql")
                .arg(url)
                .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f"])
                .arg(&path)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        let up = p.run(url, &["upgrade", "--sql"]).expect(0);
        assert!(
            up.stdout.contains("INSERT INTO public.strata_migrations"),
            "{}",
            up.stdout
        );
        assert!(
            up.stderr.is_empty(),
            "offline needs no database: {}",
            up.stderr
        );
        psql(&up.stdout, "up.sql");
        let out = p.run(url, &["current"]).expect(0);
        assert_eq!(out.stdout, "b2 (head), step b2\n");
        assert!(p
            .run(url, &["upgrade"])
            .expect(0)
            .stdout
            .contains("Nothing to do"));
        let out = p.run(url, &["downgrade", "--sql", "base"]).expect(2);
        assert!(out.stderr.contains("FROM:TO"), "{}", out.stderr);
        // Its down section drops an index: refused without --allow-drops.
        p.run(url, &["downgrade", "--sql", "head:a1"]).expect(2);
        let down = p
            .run(url, &["downgrade", "--sql", "head:a1", "--allow-drops"])
            .expect(0);
        psql(&down.stdout, "down.sql");
        assert_eq!(
            p.run(url, &["current"]).expect(0).stdout,
            "a1, step a1\n1 migration(s) pending\n"
        );
        let stamp = p.run(url, &["stamp", "--sql", "base"]).expect(0);
        psql(&stamp.stdout, "stamp.sql");
        assert!(p
            .run(url, &["current"])
            .expect(0)
            .stdout
            .starts_with("base"));
        assert_eq!(tables(url).await, vec!["strata_migrations", "t"]);
    });
}

#[test]
fn eight_concurrent_upgrade_processes_apply_each_revision_once() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let url = db.url().to_string();
        let p = Project::new("concurrent", MODELS);
        write(
            &p,
            "m0",
            "",
            "per-migration",
            "CREATE TABLE ran (revision text, at timestamptz DEFAULT clock_timestamp());",
            "DROP TABLE ran;",
        );
        let mut parent = "m0".to_string();
        for i in 1..=5 {
            let rev = format!("m{i}");
            write(
                &p,
                &rev,
                &parent,
                "per-migration",
                &format!("INSERT INTO ran (revision) VALUES ('{rev}');\nSELECT pg_sleep(0.1);\nCREATE TABLE t{i} (id int);"),
                &format!("DROP TABLE t{i};"),
            );
            parent = rev;
        }
        write(
            &p,
            "m6",
            "m5",
            "none",
            "CREATE INDEX CONCURRENTLY ran_revision ON ran (revision);\nINSERT INTO ran (revision) VALUES ('m6');",
            "DROP INDEX CONCURRENTLY ran_revision;",
        );
        let children: Vec<std::process::Child> = (0..8)
            .map(|_| {
                let mut cmd = p.command(&["upgrade", "head", "--format", "json"]);
                cmd.env("DATABASE_URL", &url)
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped());
                cmd.spawn().unwrap()
            })
            .collect();
        let mut applied = Vec::new();
        for child in children {
            let out = child.wait_with_output().unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success(),
                "{stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            for a in v["applied"].as_array().unwrap() {
                applied.push(a["revision"].as_str().unwrap().to_string());
            }
            assert_eq!(v["current"], serde_json::json!(["m6"]));
        }
        applied.sort();
        assert_eq!(
            applied,
            vec!["m0", "m1", "m2", "m3", "m4", "m5", "m6"],
            "each revision once"
        );
        let client = strata::ConnectOptions::parse(&url)
            .unwrap()
            .connect()
            .await
            .unwrap();
        let ran: Vec<String> = client
            .query("SELECT revision FROM ran ORDER BY at", &[])
            .await
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        assert_eq!(
            ran,
            vec!["m1", "m2", "m3", "m4", "m5", "m6"],
            "in order, once each"
        );
        let n: i64 = client
            .query_one("SELECT count(*) FROM strata_migrations", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(n, 7);
    });
}

#[test]
fn embedded_default_with_an_empty_environment() {
    let p = Project::new("embedded", MODELS);
    let mut cmd = p.command(&["revision", "--autogenerate", "-m", "init"]);
    cmd.env_clear();
    for keep in ["PATH", "HOME"] {
        if let Ok(v) = std::env::var(keep) {
            cmd.env(keep, v);
        }
    }
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = cmd.spawn().unwrap();
    let pid = child.id();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.contains("throwaway PostgreSQL"))
            .count(),
        1,
        "one line says so: {stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stdout.contains("+ table dgs_jobs") && stdout.contains("+ table dgs_lessons"),
        "{stdout}"
    );
    let files = p.migrations();
    assert_eq!(files.len(), 1);
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        text.contains("CREATE TYPE public.job_status AS ENUM"),
        "{text}"
    );
    // The cluster is gone with its files.
    let leftovers: Vec<String> = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(&format!("strata-pg-{pid}-")))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn passwords_are_never_printed() {
    let p = Project::new("masked", MODELS);
    write(&p, "a1", "", "per-migration", "SELECT 1;", "");
    let out = output({
        let mut c = p.command(&[
            "upgrade",
            "--database-url",
            "postgres://someone:hunter2%21x@127.0.0.1:1/db",
        ]);
        c.env("PGPASSWORD", "other-secret");
        c
    })
    .expect(2);
    assert!(
        !out.stderr.contains("hunter2") && !out.stdout.contains("hunter2"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("postgres://someone:***@127.0.0.1:1/db"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    let out = output({
        let mut c = p.command(&["current"]);
        c.env("DATABASE_URL", "postgres://u:s3cr3t@127.0.0.1:notaport/x");
        c
    })
    .expect(2);
    assert!(!out.stderr.contains("s3cr3t"), "{}", out.stderr);
    assert!(
        out.stderr.contains("DATABASE_URL") && out.stderr.contains("invalid port"),
        "{}",
        out.stderr
    );
    let out = output({
        let mut c = p.command(&["current"]);
        c.env("PGHOST", "127.0.0.1")
            .env("PGPORT", "1")
            .env("PGPASSWORD", "pgpass-secret")
            .env("PGUSER", "me");
        c
    })
    .expect(2);
    assert!(!out.stderr.contains("pgpass-secret"), "{}", out.stderr);
    assert!(out.stderr.contains("me:***@127.0.0.1:1"), "{}", out.stderr);
}

/// Masking is for messages: an offline script is printed exactly as it runs
/// online, even when the password is a word the SQL uses.
#[test]
fn offline_scripts_are_not_masked() {
    let p = Project::new("unmasked", MODELS);
    write(
        &p,
        "a1",
        "",
        "per-migration",
        "CREATE TABLE t (id int);\nALTER TABLE t OWNER TO postgres;\nCOMMENT ON TABLE t IS 'postgres';",
        "DROP TABLE t;",
    );
    let mut c = p.command(&["upgrade", "--sql"]);
    c.env(
        "DATABASE_URL",
        "postgres://postgres:postgres@127.0.0.1:1/postgres",
    );
    let out = output(c).expect(0);
    assert!(
        out.stdout
            .contains("ALTER TABLE t OWNER TO postgres;\nCOMMENT ON TABLE t IS 'postgres';"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("***"), "{}", out.stdout);
}

#[test]
fn bad_input_is_one_clear_line() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let url = db.url();
        let p = Project::new("badinput", MODELS);
        std::fs::write(
            p.path("migrations/zz_bad.sql"),
            "-- revision: zz\n-- parents: nope\n-- migrate:up\n",
        )
        .unwrap();
        let out = p.run(url, &["upgrade"]).expect(2);
        assert!(
            out.stderr.contains("zz_bad.sql:2: parent revision `nope`"),
            "{}",
            out.stderr
        );
        std::fs::remove_file(p.path("migrations/zz_bad.sql")).unwrap();
        std::fs::write(
            p.path("schema-diff.toml"),
            "migrations = \"migrations\"\nmodel = \"x\"\n",
        )
        .unwrap();
        let out = p.run(url, &["heads"]).expect(2);
        assert!(
            out.stderr.contains("schema-diff.toml:2:") && out.stderr.contains("model"),
            "{}",
            out.stderr
        );
        let out = output(p.command(&["upgrade", "--bogus"])).expect(2);
        assert!(out.stderr.contains("--bogus"), "{}", out.stderr);
        exec(url, "SELECT 1").await;
    });
}

fn cleared(p: &Project, args: &[&str]) -> std::process::Command {
    let mut cmd = p.command(args);
    cmd.env_clear();
    for keep in ["PATH", "HOME"] {
        if let Ok(v) = std::env::var(keep) {
            cmd.env(keep, v);
        }
    }
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn cluster_dirs_of(pid: u32) -> Vec<String> {
    std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(&format!("strata-pg-{pid}-")))
        .collect()
}

#[test]
fn the_throwaway_cluster_is_removed_on_error_and_on_ctrl_c() {
    use std::io::BufRead;
    let p = Project::new("ctrlc", MODELS);
    // On error.
    let child = cleared(&p, &["check", "--models", "exit 3"])
        .spawn()
        .unwrap();
    let pid = child.id();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("throwaway PostgreSQL") && stderr.contains("failed"),
        "{stderr}"
    );
    assert!(cluster_dirs_of(pid).is_empty());
    // On Ctrl-C, in the middle of a migration.
    write(&p, "s1", "", "per-migration", "SELECT pg_sleep(60);", "");
    let mut child = cleared(&p, &["upgrade", "--allow-throwaway"])
        .spawn()
        .unwrap();
    let pid = child.id();
    let stderr = child.stderr.take().unwrap();
    let mut lines = std::io::BufReader::new(stderr).lines();
    let mut seen = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        let running = line.contains("Running upgrade");
        seen.push(line);
        if running {
            break;
        }
    }
    assert!(
        !cluster_dirs_of(pid).is_empty(),
        "the cluster runs: {seen:?}"
    );
    // SAFETY: signalling the child we started.
    unsafe {
        libc::kill(pid as i32, libc::SIGINT);
    }
    let status = child.wait().unwrap();
    let rest: Vec<String> = lines.map(|l| l.unwrap()).collect();
    assert_eq!(status.code(), Some(130), "{seen:?} {rest:?}");
    assert!(rest.iter().any(|l| l.contains("interrupted")), "{rest:?}");
    assert!(cluster_dirs_of(pid).is_empty(), "removed on Ctrl-C");
}
