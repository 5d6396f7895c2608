//! Helpers of the DGS tests (`tests/integration/dgs_*.rs`): legacy
//! databases, schema-diff runs (in process, or the built binaries from the
//! workspace root), per-row fingerprints, and a minimal HTTP/1.1 client.
//!
//! Two ways to run schema-diff:
//! - [`Project::schema_diff`] calls `schema_diff::cli::run` in this process
//!   with explicit flags (`--config`, `--database-url`), so tests running in
//!   parallel never share environment variables. The project is a temporary
//!   directory whose `schema-diff.toml` says `models = "cat models.json"`.
//! - [`built_binaries`] runs `cargo build -p schema-diff -p dgs --bins` once
//!   per test process (only the package owning a binary gets
//!   `CARGO_BIN_EXE_<name>`, and these tests live in `strata-tests`), so
//!   [`run_binary`] can run `schema-diff` and `dgs` exactly as a person does
//!   from the workspace root, with the workspace's own `schema-diff.toml`.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use clap::Parser;
use dgs::legacy::{seed, SeedSize, LEGACY_SCHEMA_SQL};
use strata_testing::TestDb;

/// The workspace root (the directory holding `schema-diff.toml`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// The example's migrations directory.
pub fn example_migrations() -> PathBuf {
    PathBuf::from(dgs::app::MIGRATIONS_DIR)
}

/// A fresh database holding the legacy schema (created twice, as the old
/// code did at every start-up) and `size` deterministic legacy rows. Its
/// `TimeZone` is UTC, like the legacy server's (the old code stored
/// `now()::text` from it).
pub async fn legacy_db(size: SeedSize) -> TestDb {
    let db = TestDb::new().await.unwrap();
    let mut client = db.connect().await.unwrap();
    client
        .batch_execute(&format!(
            "ALTER DATABASE {} SET TimeZone TO 'UTC'",
            strata::ident::Ident(db.name())
        ))
        .await
        .unwrap();
    client.batch_execute(LEGACY_SCHEMA_SQL).await.unwrap();
    client.batch_execute(LEGACY_SCHEMA_SQL).await.unwrap();
    let tx = client.transaction().await.unwrap();
    seed(&tx, size).await.unwrap();
    tx.commit().await.unwrap();
    db
}

/// md5 of each row's text form, by primary key: comparing two of these
/// shows exactly which rows were added, removed or changed.
pub async fn row_fingerprints(
    client: &tokio_postgres::Client,
    table: &str,
    pk: &str,
) -> BTreeMap<String, String> {
    // Both names are test constants.
    client
        .query(
            &format!("SELECT {pk}::text, md5(t::text) FROM {table} t"),
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect()
}

/// A temporary schema-diff project: `schema-diff.toml` (models: `cat
/// models.json`), `models.json`, and a migrations directory. Removed on
/// drop.
pub struct Project {
    /// The project directory.
    pub dir: PathBuf,
    /// The migrations directory.
    pub migrations: PathBuf,
}

impl Project {
    /// A project whose migrations directory is `migrations` (used in place,
    /// e.g. the example's own, when `copy` is false; copied into the project
    /// when true, so new revisions land in the copy).
    pub fn new(tag: &str, migrations: &Path, copy: bool, models_json: &str) -> Project {
        static N: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "strata-dgs-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let migrations = if copy {
            let to = dir.join("migrations");
            std::fs::create_dir_all(&to).unwrap();
            for entry in std::fs::read_dir(migrations).unwrap() {
                let p = entry.unwrap().path();
                std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
            }
            to
        } else {
            migrations.to_path_buf()
        };
        std::fs::write(
            dir.join("schema-diff.toml"),
            format!(
                "migrations = {}\nmodels = \"cat models.json\"\n",
                toml_string(&migrations.display().to_string())
            ),
        )
        .unwrap();
        let p = Project { dir, migrations };
        p.set_models(models_json);
        p
    }

    /// Replaces the models the project's `models` command prints.
    pub fn set_models(&self, models_json: &str) {
        std::fs::write(self.dir.join("models.json"), models_json).unwrap();
    }

    /// Runs `schema-diff <args>` in this process against `database_url`;
    /// returns the exit code.
    pub async fn schema_diff(&self, database_url: &str, args: &[&str]) -> u8 {
        let config = self.dir.join("schema-diff.toml");
        let mut argv: Vec<String> = vec![
            "schema-diff".into(),
            "--config".into(),
            config.display().to_string(),
            "--database-url".into(),
            database_url.into(),
        ];
        argv.extend(args.iter().map(|a| a.to_string()));
        let cli = schema_diff::cli::Cli::try_parse_from(&argv)
            .unwrap_or_else(|e| panic!("bad schema-diff arguments {argv:?}: {e}"));
        schema_diff::cli::run(cli).await
    }

    /// The migration files, sorted by name.
    pub fn migration_files(&self) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(&self.migrations)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "sql"))
            .collect();
        v.sort();
        v
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The directory holding the built `schema-diff` and `dgs` binaries, built
/// once per test process with `cargo build -p schema-diff -p dgs --bins`
/// (same profile and target directory as this test binary).
pub fn built_binaries() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let exe = std::env::current_exe().expect("the test binary's path");
        // <target>/<profile>/deps/integration-<hash>
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("the test binary lives in <target>/<profile>/deps")
            .to_path_buf();
        let target_dir = profile_dir.parent().expect("<target>").to_path_buf();
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
        let mut cmd = Command::new(cargo);
        cmd.current_dir(workspace_root())
            .args(["build", "-q", "-p", "schema-diff", "-p", "dgs", "--bins"])
            .env("CARGO_TARGET_DIR", &target_dir)
            .stdin(Stdio::null());
        if profile_dir.file_name().is_some_and(|n| n == "release") {
            cmd.arg("--release");
        }
        let out = cmd.output().expect("run cargo build");
        assert!(
            out.status.success(),
            "cargo build -p schema-diff -p dgs --bins failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        profile_dir
    })
}

/// What a binary printed and returned.
#[derive(Debug)]
pub struct Output {
    /// Exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
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
}

/// A command for the built binary `name`, run from the workspace root with
/// no database variables set but those in `env`.
pub fn binary_command(name: &str, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(built_binaries().join(name));
    cmd.args(args)
        .current_dir(workspace_root())
        .stdin(Stdio::null());
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
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

/// Runs the built binary `name` to completion (see [`binary_command`]).
/// Blocking: call it from `spawn_blocking` inside async tests.
pub fn run_binary(name: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let out = binary_command(name, args, env)
        .output()
        .unwrap_or_else(|e| panic!("run {name}: {e}"));
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).to_string(),
        stderr: String::from_utf8_lossy(&out.stderr).to_string(),
    }
}

/// An HTTP response.
#[derive(Debug)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The body.
    pub body: String,
    /// The headers, names in lower case.
    pub headers: Vec<(String, String)>,
}

impl HttpResponse {
    /// The body as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?} (status {})", self.body, self.status))
    }

    /// The value of header `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Asserts the status, showing the body when it differs.
    #[track_caller]
    pub fn expect(self, status: u16) -> HttpResponse {
        assert_eq!(self.status, status, "status; body: {}", self.body);
        self
    }
}

/// Percent-encodes a query-string value.
pub fn encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One HTTP/1.1 request over a fresh TCP connection (`Connection: close`),
/// written by hand: a JSON body when `body` is given (sent as is, so tests
/// can send malformed JSON).
pub async fn http(addr: SocketAddr, method: &str, path: &str, body: Option<&str>) -> HttpResponse {
    let method = method.to_string();
    let path = path.to_string();
    let body = body.map(str::to_string);
    tokio::task::spawn_blocking(move || http_blocking(addr, &method, &path, body.as_deref()))
        .await
        .unwrap()
}

fn http_blocking(addr: SocketAddr, method: &str, path: &str, body: Option<&str>) -> HttpResponse {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    match body {
        Some(b) => req.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{b}",
            b.len()
        )),
        None => req.push_str("Content-Length: 0\r\n\r\n"),
    }
    stream.write_all(req.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut payload = raw[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    let status: u16 = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.eq_ignore_ascii_case("chunked"));
    if chunked {
        payload = dechunk(&payload);
    } else if let Some((_, len)) = headers.iter().find(|(k, _)| k == "content-length") {
        let len: usize = len.parse().unwrap();
        assert!(payload.len() >= len, "short body");
        payload.truncate(len);
    }
    HttpResponse {
        status,
        body: String::from_utf8(payload).unwrap(),
        headers,
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let end = data.windows(2).position(|w| w == b"\r\n").unwrap();
        let size_text = String::from_utf8_lossy(&data[..end]).to_string();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).unwrap();
        data = &data[end + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size + 2..];
    }
}
