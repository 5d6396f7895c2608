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
//!
//! For failure tests a cluster can also be restarted in place
//! ([`Cluster::restart`]: fast shutdown, then the same data directory and
//! port), and single server backends can be paused, resumed or terminated by
//! process id ([`Cluster::pause_backend`], [`Cluster::resume_backend`],
//! [`Cluster::terminate_backend`], [`Cluster::terminate_backends`]); the
//! process ids of a database's backends come from [`Cluster::backend_pids`].

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io::Read;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Mutex, OnceLock};
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

type SpawnRequest = (Command, mpsc::Sender<std::io::Result<Child>>);

/// The thread every server is spawned from. `PR_SET_PDEATHSIG` fires when
/// the spawning *thread* exits, and test threads come and go, so one thread
/// that lives as long as the process spawns them all.
fn spawner() -> Result<mpsc::Sender<SpawnRequest>, EmbeddedError> {
    static SPAWNER: OnceLock<Mutex<mpsc::Sender<SpawnRequest>>> = OnceLock::new();
    if let Some(tx) = SPAWNER.get() {
        return tx
            .lock()
            .map(|t| t.clone())
            .map_err(|_| EmbeddedError::new("the server spawner thread is poisoned"));
    }
    let (tx, rx) = mpsc::channel::<SpawnRequest>();
    std::thread::Builder::new()
        .name("strata-embedded-pg".into())
        .spawn(move || {
            while let Ok((mut cmd, reply)) = rx.recv() {
                let _ = reply.send(cmd.spawn());
            }
            // Every sender is gone (cannot happen: one is kept in a static);
            // stay alive anyway so no child loses its parent thread.
            loop {
                std::thread::park();
            }
        })
        .map_err(|e| EmbeddedError::new(format!("cannot spawn thread: {e}")))?;
    let tx = SPAWNER.get_or_init(|| Mutex::new(tx));
    tx.lock()
        .map(|t| t.clone())
        .map_err(|_| EmbeddedError::new("the server spawner thread is poisoned"))
}

/// Starts `postgres` on `data` and `port`, appending its output to `log`.
fn spawn_server(
    bin: &Path,
    data: &Path,
    log: &Path,
    port: u16,
    user: Option<(u32, u32)>,
) -> Result<Child, EmbeddedError> {
    let log_file = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .map_err(|e| EmbeddedError::new(format!("cannot open log: {e}")))?;
    let log_err = log_file
        .try_clone()
        .map_err(|e| EmbeddedError::new(format!("cannot open log: {e}")))?;
    let mut cmd = Command::new(bin.join("postgres"));
    cmd.arg("-D")
        .arg(data)
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
    let (reply_tx, reply_rx) = mpsc::channel();
    spawner()?
        .send((cmd, reply_tx))
        .map_err(|_| EmbeddedError::new("the server spawner thread is gone"))?;
    reply_rx
        .recv()
        .map_err(|e| EmbeddedError::new(format!("spawn thread failed: {e}")))?
        .map_err(|e| {
            EmbeddedError::new(format!(
                "cannot run {}: {e}",
                bin.join("postgres").display()
            ))
        })
}

/// The parent process id of `pid`, from `/proc/<pid>/stat`.
fn parent_pid(pid: i32) -> Option<u32> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces;
    // the fields after its closing parenthesis are: state, ppid, ...
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(1)?.parse().ok()
}

/// A running throwaway cluster. Dropping it stops the server and deletes its
/// files.
pub struct Cluster {
    dir: PathBuf,
    bin: PathBuf,
    user: Option<(u32, u32)>,
    port: u16,
    pid: u32,
    child: Option<Child>,
    /// Backends stopped with SIGSTOP and not yet continued: continued before
    /// any shutdown, which a stopped process would otherwise hold up.
    paused: Mutex<BTreeSet<i32>>,
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
        let child = spawn_server(&bin, &data, &log, port, user).map_err(cleanup_on_error)?;
        let pid = child.id();
        let mut cluster = Cluster {
            dir,
            bin,
            user,
            port,
            pid,
            child: Some(child),
            paused: Mutex::new(BTreeSet::new()),
        };
        cluster.wait_ready(&data, &log)?;
        Ok(cluster)
    }

    fn wait_ready(&mut self, data: &Path, log: &Path) -> Result<(), EmbeddedError> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(pidfile) = fs::read_to_string(data.join("postmaster.pid")) {
                // Line 1 is the postmaster's pid (a file left by an earlier
                // server does not count), line 8 its status.
                let ours = pidfile
                    .lines()
                    .next()
                    .is_some_and(|l| l.trim() == self.pid.to_string());
                if ours && pidfile.lines().nth(7).is_some_and(|l| l.trim() == "ready") {
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

    /// Restarts the server in place: a fast shutdown (`pg_ctl stop -m fast`:
    /// open transactions are rolled back and every client connection is
    /// closed), then a new server on the same data directory and port.
    /// Blocks until the new server accepts connections. Paused backends are
    /// resumed first, since a stopped process would hold the shutdown up.
    pub fn restart(&mut self) -> Result<(), EmbeddedError> {
        self.resume_all();
        let data = self.dir.join("data");
        let log = self.dir.join("server.log");
        if let Some(mut child) = self.child.take() {
            // SIGINT is PostgreSQL's fast shutdown.
            // SAFETY: signalling our own child process.
            unsafe {
                libc::kill(self.pid as i32, libc::SIGINT);
            }
            let deadline = Instant::now() + Duration::from_secs(30);
            loop {
                match child.try_wait() {
                    Ok(Some(_)) => break,
                    Err(e) => {
                        return Err(EmbeddedError::new(format!(
                            "cannot wait for the server to stop: {e}"
                        )))
                    }
                    Ok(None) if Instant::now() > deadline => {
                        // Immediate shutdown, then the hard way.
                        // SAFETY: signalling our own child process.
                        unsafe {
                            libc::kill(self.pid as i32, libc::SIGQUIT);
                        }
                        std::thread::sleep(Duration::from_secs(2));
                        let _ = child.kill();
                        let _ = child.wait();
                        break;
                    }
                    Ok(None) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        }
        let child = spawn_server(&self.bin, &data, &log, self.port, self.user)?;
        self.pid = child.id();
        self.child = Some(child);
        self.wait_ready(&data, &log)
    }

    /// Checks that `pid` is one of this server's processes (a child of its
    /// postmaster), so no other process is ever signalled.
    fn check_backend(&self, pid: i32) -> Result<(), EmbeddedError> {
        if self.child.is_some() && parent_pid(pid) == Some(self.pid) {
            Ok(())
        } else {
            Err(EmbeddedError::new(format!(
                "process {pid} is not a backend of this cluster's server"
            )))
        }
    }

    fn signal_backend(&self, pid: i32, signal: libc::c_int) -> Result<(), EmbeddedError> {
        self.check_backend(pid)?;
        // SAFETY: sending a signal to a child of our own server, checked above.
        if unsafe { libc::kill(pid, signal) } != 0 {
            return Err(EmbeddedError::new(format!(
                "cannot signal process {pid}: {}",
                std::io::Error::last_os_error()
            )));
        }
        Ok(())
    }

    /// Pauses server process `pid` (a backend of this cluster, e.g. from
    /// [`Cluster::backend_pids`] or `pg_backend_pid()`) with SIGSTOP: its
    /// client sees a connection that neither answers nor closes, as with a
    /// hung server or a lost network. Resume it with
    /// [`Cluster::resume_backend`]; [`Cluster::restart`] and
    /// [`Cluster::stop`] resume every paused backend first.
    pub fn pause_backend(&self, pid: i32) -> Result<(), EmbeddedError> {
        self.signal_backend(pid, libc::SIGSTOP)?;
        if let Ok(mut paused) = self.paused.lock() {
            paused.insert(pid);
        }
        Ok(())
    }

    /// Resumes a backend paused by [`Cluster::pause_backend`] (SIGCONT).
    pub fn resume_backend(&self, pid: i32) -> Result<(), EmbeddedError> {
        if let Ok(mut paused) = self.paused.lock() {
            paused.remove(&pid);
        }
        self.signal_backend(pid, libc::SIGCONT)
    }

    fn resume_all(&self) {
        let pids: Vec<i32> = match self.paused.lock() {
            Ok(mut paused) => std::mem::take(&mut *paused).into_iter().collect(),
            Err(_) => Vec::new(),
        };
        for pid in pids {
            let _ = self.signal_backend(pid, libc::SIGCONT);
        }
    }

    /// Terminates server backend `pid` with SIGTERM, which is what
    /// `pg_terminate_backend(pid)` does: its client gets error 57P01
    /// (`admin_shutdown`) and a closed connection.
    pub fn terminate_backend(&self, pid: i32) -> Result<(), EmbeddedError> {
        self.signal_backend(pid, libc::SIGTERM)?;
        if let Ok(mut paused) = self.paused.lock() {
            if paused.remove(&pid) {
                // A stopped process acts on SIGTERM only once continued.
                let _ = self.signal_backend(pid, libc::SIGCONT);
            }
        }
        Ok(())
    }

    /// The process ids of the client backends connected to database
    /// `database` (asked over a connection of its own to database
    /// `postgres`, which is not counted).
    pub async fn backend_pids(&self, database: &str) -> Result<Vec<i32>, EmbeddedError> {
        let client = self.admin_client().await?;
        let rows = client
            .query(
                "SELECT pid FROM pg_stat_activity \
                 WHERE datname = $1 AND backend_type = 'client backend' \
                 AND pid <> pg_backend_pid() ORDER BY pid",
                &[&database],
            )
            .await
            .map_err(|e| EmbeddedError::new(format!("cannot list backends: {e}")))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    /// Terminates every client backend connected to database `database`
    /// with `pg_terminate_backend`; returns how many were terminated.
    pub async fn terminate_backends(&self, database: &str) -> Result<u64, EmbeddedError> {
        self.resume_all();
        let client = self.admin_client().await?;
        let row = client
            .query_one(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) \
                 FROM pg_stat_activity \
                 WHERE datname = $1 AND backend_type = 'client backend' \
                 AND pid <> pg_backend_pid()",
                &[&database],
            )
            .await
            .map_err(|e| EmbeddedError::new(format!("cannot terminate backends: {e}")))?;
        let n: i64 = row.get(0);
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// A connection to database `postgres`, its driver on the current
    /// runtime.
    async fn admin_client(&self) -> Result<tokio_postgres::Client, EmbeddedError> {
        self.options("postgres")
            .connect()
            .await
            .map_err(|e| EmbeddedError::new(format!("cannot connect to the cluster: {e}")))
    }

    /// Stops the server (immediate shutdown) and removes its files.
    pub fn stop(&mut self) {
        self.resume_all();
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
