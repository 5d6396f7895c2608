//! Throwaway PostgreSQL clusters started with the local server binaries.
//!
//! Used by the test harness ([`crate::TestDb`]) when `DATABASE_URL` is unset
//! and by `schema-diff` when no database is configured at all. A [`Cluster`]
//! runs `initdb` into a fresh temporary directory, starts `postgres` on a free
//! loopback port with durability switched off (it holds nothing worth
//! keeping), and on drop stops the server and removes the directory.
//!
//! Binaries are found on `PATH`, through `pg_config --bindir`, or under
//! `/usr/lib/postgresql/<version>/bin` (newest first). PostgreSQL refuses to
//! run as root, so as root the server runs as the `postgres` system user.
//! The server is started from a thread that lives as long as the process and
//! asks the kernel to stop it (`PR_SET_PDEATHSIG`) if this process dies, so
//! no server outlives its owner even after `kill -9`.

use std::fmt;
use std::fs;
use std::io::Read;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Why a cluster could not be started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedError {
    message: String,
}

impl EmbeddedError {
    fn new(message: impl Into<String>) -> EmbeddedError {
        EmbeddedError {
            message: message.into(),
        }
    }
}

impl fmt::Display for EmbeddedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for EmbeddedError {}

const NEEDED: [&str; 2] = ["initdb", "postgres"];

fn has_binaries(dir: &Path) -> bool {
    NEEDED.iter().all(|b| dir.join(b).is_file())
}

/// Finds a directory holding `initdb` and `postgres`.
pub fn find_binaries() -> Result<PathBuf, EmbeddedError> {
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            if has_binaries(&dir) {
                return Ok(dir);
            }
        }
    }
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        if out.status.success() {
            let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
            if has_binaries(&dir) {
                return Ok(dir);
            }
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = Vec::new();
    if let Ok(entries) = fs::read_dir("/usr/lib/postgresql") {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            let major = name
                .split('.')
                .next()
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let bin = e.path().join("bin");
            if has_binaries(&bin) {
                versions.push((major, bin));
            }
        }
    }
    versions.sort();
    if let Some((_, dir)) = versions.pop() {
        return Ok(dir);
    }
    Err(EmbeddedError::new(
        "no database is configured and no PostgreSQL server binaries (initdb, postgres) were found \
         on PATH, via `pg_config --bindir` or under /usr/lib/postgresql/*/bin; either install \
         PostgreSQL (e.g. `apt-get install postgresql`) or set DATABASE_URL to a server you can use",
    ))
}

/// The uid/gid to run the server as: ours, or `postgres`'s when we are root.
fn server_user() -> Result<Option<(u32, u32)>, EmbeddedError> {
    // SAFETY: getuid has no preconditions.
    if unsafe { libc::getuid() } != 0 {
        return Ok(None);
    }
    let name = c"postgres";
    // SAFETY: getpwnam returns a pointer into static storage or null; we copy
    // the two integers out immediately.
    let pw = unsafe { libc::getpwnam(name.as_ptr()) };
    if pw.is_null() {
        return Err(EmbeddedError::new(
            "running as root, and PostgreSQL refuses to run as root, but there is no `postgres` \
             system user to run the throwaway server as; create one or set DATABASE_URL",
        ));
    }
    // SAFETY: pw is non-null and points to a valid passwd record.
    let (uid, gid) = unsafe { ((*pw).pw_uid, (*pw).pw_gid) };
    Ok(Some((uid, gid)))
}

fn as_user(cmd: &mut Command, user: Option<(u32, u32)>, die_with_parent: bool) {
    // SAFETY: the closure only calls async-signal-safe libc functions.
    unsafe {
        cmd.pre_exec(move || {
            if let Some((uid, gid)) = user {
                if libc::setgroups(0, std::ptr::null()) != 0
                    || libc::setgid(gid) != 0
                    || libc::setuid(uid) != 0
                {
                    return Err(std::io::Error::last_os_error());
                }
            }
            if die_with_parent {
                // Set after the credential change, which would clear it.
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGQUIT);
                if libc::getppid() == 1 {
                    return Err(std::io::Error::other("parent already exited"));
                }
            }
            Ok(())
        });
    }
}

fn free_port() -> Result<u16, EmbeddedError> {
    let l = TcpListener::bind("127.0.0.1:0")
        .map_err(|e| EmbeddedError::new(format!("cannot find a free port: {e}")))?;
    l.local_addr()
        .map(|a| a.port())
        .map_err(|e| EmbeddedError::new(format!("cannot find a free port: {e}")))
}

fn chown(path: &Path, user: Option<(u32, u32)>) -> Result<(), EmbeddedError> {
    if let Some((uid, gid)) = user {
        std::os::unix::fs::chown(path, Some(uid), Some(gid))
            .map_err(|e| EmbeddedError::new(format!("cannot chown {}: {e}", path.display())))?;
    }
    Ok(())
}

/// Removes directories of earlier clusters whose owning process is gone.
fn remove_stale_dirs(base: &Path) {
    let Ok(entries) = fs::read_dir(base) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let Some(rest) = name.strip_prefix("strata-pg-") else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<i32>().ok()) else {
            continue;
        };
        // SAFETY: kill with signal 0 only checks whether the process exists.
        let alive = unsafe { libc::kill(pid, 0) } == 0
            || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
        if !alive {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

/// A running throwaway cluster. Dropping it stops the server and deletes its
/// files.
pub struct Cluster {
    dir: PathBuf,
    port: u16,
    pid: u32,
    child: Option<Child>,
}

impl fmt::Debug for Cluster {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Cluster")
            .field("dir", &self.dir)
            .field("port", &self.port)
            .field("pid", &self.pid)
            .finish()
    }
}

impl Cluster {
    /// Initializes and starts a new cluster; blocks until it accepts
    /// connections (usually one to three seconds).
    pub fn start() -> Result<Cluster, EmbeddedError> {
        let bin = find_binaries()?;
        let user = server_user()?;
        let base = std::env::temp_dir();
        remove_stale_dirs(&base);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let dir = base.join(format!("strata-pg-{}-{nanos}", std::process::id()));
        fs::create_dir_all(&dir)
            .map_err(|e| EmbeddedError::new(format!("cannot create {}: {e}", dir.display())))?;
        let cleanup_on_error = |e: EmbeddedError| {
            let _ = fs::remove_dir_all(&dir);
            e
        };
        chown(&dir, user).map_err(cleanup_on_error)?;
        let data = dir.join("data");
        let log = dir.join("server.log");

        let mut initdb = Command::new(bin.join("initdb"));
        initdb
            .arg("-D")
            .arg(&data)
            .args([
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
                "--no-instructions",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        as_user(&mut initdb, user, false);
        let out = initdb.output().map_err(|e| {
            cleanup_on_error(EmbeddedError::new(format!(
                "cannot run {}: {e}",
                bin.join("initdb").display()
            )))
        })?;
        if !out.status.success() {
            return Err(cleanup_on_error(EmbeddedError::new(format!(
                "initdb failed: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ))));
        }

        let port = free_port().map_err(cleanup_on_error)?;
        let log_file = fs::File::create(&log)
            .map_err(|e| cleanup_on_error(EmbeddedError::new(format!("cannot create log: {e}"))))?;
        let log_err = log_file
            .try_clone()
            .map_err(|e| cleanup_on_error(EmbeddedError::new(format!("cannot open log: {e}"))))?;
        let mut cmd = Command::new(bin.join("postgres"));
        cmd.arg("-D")
            .arg(&data)
            .arg("-p")
            .arg(port.to_string())
            .args([
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "unix_socket_directories=",
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "max_connections=300",
                "-c",
                "shared_buffers=256MB",
                "-c",
                "max_locks_per_transaction=1024",
            ])
            .stdin(Stdio::null())
            .stdout(log_file)
            .stderr(log_err);
        as_user(&mut cmd, user, true);

        // Spawn from a thread that never ends: PR_SET_PDEATHSIG fires when the
        // spawning *thread* exits, and test threads come and go.
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("strata-embedded-pg".into())
            .spawn(move || {
                let _ = tx.send(cmd.spawn());
                loop {
                    std::thread::park();
                }
            })
            .map_err(|e| {
                cleanup_on_error(EmbeddedError::new(format!("cannot spawn thread: {e}")))
            })?;
        let child = rx
            .recv()
            .map_err(|e| cleanup_on_error(EmbeddedError::new(format!("spawn thread failed: {e}"))))?
            .map_err(|e| {
                cleanup_on_error(EmbeddedError::new(format!(
                    "cannot run {}: {e}",
                    bin.join("postgres").display()
                )))
            })?;
        let pid = child.id();
        let mut cluster = Cluster {
            dir,
            port,
            pid,
            child: Some(child),
        };
        cluster.wait_ready(&data, &log)?;
        Ok(cluster)
    }

    fn wait_ready(&mut self, data: &Path, log: &Path) -> Result<(), EmbeddedError> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(pidfile) = fs::read_to_string(data.join("postmaster.pid")) {
                if pidfile.lines().nth(7).is_some_and(|l| l.trim() == "ready") {
                    return Ok(());
                }
            }
            let exited = match self.child.as_mut().map(Child::try_wait) {
                Some(Ok(Some(status))) => Some(status.to_string()),
                _ => None,
            };
            if exited.is_some() || Instant::now() > deadline {
                let mut text = String::new();
                if let Ok(mut f) = fs::File::open(log) {
                    let _ = f.read_to_string(&mut text);
                }
                return Err(EmbeddedError::new(format!(
                    "the throwaway PostgreSQL server {}: {}",
                    exited.map_or("did not become ready in 60 s".to_string(), |s| format!(
                        "exited ({s})"
                    )),
                    text.trim()
                )));
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// The TCP port the server listens on (on 127.0.0.1).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// The directory holding the cluster's files.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The connection settings for database `database` as the superuser
    /// `postgres`.
    pub fn options(&self, database: &str) -> strata::ConnectOptions {
        let mut config = tokio_postgres::Config::new();
        config
            .host("127.0.0.1")
            .port(self.port)
            .user("postgres")
            .dbname(database);
        strata::ConnectOptions::from_config(config)
    }

    /// A connection URL for database `database` as the superuser `postgres`
    /// (for child processes: `DATABASE_URL`).
    pub fn url(&self, database: &str) -> String {
        self.options(database).to_url()
    }

    /// Stops the server (immediate shutdown) and removes its files.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            // SAFETY: signalling our own child process.
            unsafe {
                libc::kill(self.pid as i32, libc::SIGQUIT);
            }
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                match child.try_wait() {
                    Ok(Some(_)) | Err(_) => break,
                    Ok(None) if Instant::now() > deadline => {
                        let _ = child.kill();
                        let _ = child.wait();
                        break;
                    }
                    Ok(None) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        }
        let _ = fs::remove_dir_all(&self.dir);
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Stops a server by pid and removes its directory; for `atexit` handlers that
/// cannot reach the [`Cluster`] value.
pub fn stop_by_pid(pid: u32, dir: &Path) {
    // SAFETY: sending a signal to a process id we started.
    unsafe {
        libc::kill(pid as i32, libc::SIGQUIT);
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    // The server is our child; reap it so no zombie remains.
    loop {
        let mut status = 0;
        // SAFETY: waitpid on our own child with WNOHANG.
        let r = unsafe { libc::waitpid(pid as i32, &mut status, libc::WNOHANG) };
        if r != 0 || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = fs::remove_dir_all(dir);
}
