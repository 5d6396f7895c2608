//! Tests of the `schema-diff` binary: each runs the real executable in a
//! temporary project directory (a `schema-diff.toml` whose models command is
//! `cat models.json`, and a `migrations/` directory) against a fresh
//! database from `strata_testing::TestDb`.
//!
//! They live in the schema-diff package because only its own tests get
//! `CARGO_BIN_EXE_schema-diff` (the binary cargo has just built); run them
//! with `cargo test -p schema-diff --test cli`.

mod commands;
mod compare;
mod fleet;
mod fuzz;
mod hardening;
mod lint;
mod online;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};

/// The binary under test.
pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_schema-diff")
}

/// What a run printed and returned.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Asserts the exit code, showing the output when it differs.
    #[track_caller]
    pub fn expect(self, code: i32) -> Output {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// The JSON document on standard output.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// A temporary project directory, removed on drop.
pub struct Project {
    pub dir: PathBuf,
}

impl Project {
    /// A project whose models are `models` (schema JSON).
    pub fn new(tag: &str, models: &str) -> Project {
        static N: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "strata-cli-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("migrations")).unwrap();
        std::fs::write(
            dir.join("schema-diff.toml"),
            "migrations = \"migrations\"\nmodels = \"cat models.json\"\n",
        )
        .unwrap();
        let p = Project { dir };
        p.set_models(models);
        p
    }

    pub fn set_models(&self, models: &str) {
        std::fs::write(self.dir.join("models.json"), models).unwrap();
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    /// The migration files, sorted.
    pub fn migrations(&self) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(self.dir.join("migrations"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "sql"))
            .collect();
        v.sort();
        v
    }

    /// Runs the binary in the project with `DATABASE_URL=url` (and no PG*
    /// variables).
    pub fn run(&self, url: &str, args: &[&str]) -> Output {
        let mut cmd = self.command(args);
        cmd.env("DATABASE_URL", url);
        output(cmd)
    }

    /// A command in the project directory with no database variables set.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(binary());
        cmd.args(args).current_dir(&self.dir);
        for v in [
            "DATABASE_URL",
            "PGHOST",
            "PGPORT",
            "PGUSER",
            "PGPASSWORD",
            "PGDATABASE",
            "SCHEMA_DIFF_SCRATCH_URL",
        ] {
            cmd.env_remove(v);
        }
        cmd
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Runs a command to completion.
pub fn output(mut cmd: Command) -> Output {
    cmd.stdin(Stdio::null());
    let out = cmd.output().expect("run schema-diff");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).to_string(),
        stderr: String::from_utf8_lossy(&out.stderr).to_string(),
    }
}

/// Runs SQL on a database.
pub async fn exec(url: &str, sql: &str) {
    let client = strata::ConnectOptions::parse(url)
        .unwrap()
        .connect()
        .await
        .unwrap();
    client
        .batch_execute(sql)
        .await
        .unwrap_or_else(|e| panic!("{e:?}\n{sql}"));
}

/// Tables of `public`, sorted.
pub async fn tables(url: &str) -> Vec<String> {
    let client = strata::ConnectOptions::parse(url)
        .unwrap()
        .connect()
        .await
        .unwrap();
    client
        .query(
            "SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect()
}

/// Models used by most tests: an enum, two tables, an index, a foreign key,
/// identity, defaults with casts.
pub const MODELS: &str = r#"{
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
     "indexes": [{"name": "dgs_jobs_status_idx", "elements": [{"column": "status"}]}]},
    {"schema": "public", "name": "dgs_lessons",
     "columns": [
       {"name": "lesson_id", "type": "bigint", "nullable": false, "identity": "always"},
       {"name": "job_id", "type": "text", "nullable": true}
     ],
     "primary_key": {"name": "dgs_lessons_pkey", "columns": ["lesson_id"]},
     "foreign_keys": [{"name": "dgs_lessons_job_id_fkey", "columns": ["job_id"], "ref_schema": "public",
                       "ref_table": "dgs_jobs", "ref_columns": ["job_id"], "on_delete": "set_null"}]}
  ]
}"#;

/// True when a path exists.
pub fn exists(p: &Path) -> bool {
    p.exists()
}
