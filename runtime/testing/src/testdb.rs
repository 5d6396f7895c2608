//! The test harness: every test gets its own fresh database.
//!
//! [`TestDb::new`] creates a uniquely named database on the server named by
//! `DATABASE_URL`; when that variable is unset it uses a throwaway cluster
//! ([`crate::cluster::Cluster`]) started once per test process and stopped
//! (its files removed) when the process exits. Dropping a [`TestDb`] drops its
//! database (`WITH (FORCE)`), so nothing is left behind.
//!
//! ```no_run
//! # async fn demo() -> Result<(), strata_testing::HarnessError> {
//! let db = strata_testing::TestDb::new().await?;
//! let client = db.connect().await?;
//! client.batch_execute("CREATE TABLE t (id int PRIMARY KEY)").await?;
//! # Ok(()) }
//! ```

use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use tokio_postgres::NoTls;

use crate::cluster::{self as embedded, Cluster};
use strata::ident::Ident;

/// An error setting up a test database.
pub type HarnessError = Box<dyn std::error::Error + Send + Sync>;

/// Runs a future to completion on a fresh multi-threaded tokio runtime (the
/// workspace does not use tokio's proc-macros).
pub fn run<F: Future>(future: F) -> F::Output {
    match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt.block_on(future),
        Err(e) => panic!("cannot build a tokio runtime: {e}"),
    }
}

/// The process-wide throwaway cluster, started on first use.
static CLUSTER: OnceLock<Result<Cluster, String>> = OnceLock::new();
static CLUSTER_FOR_EXIT: Mutex<Option<(u32, PathBuf)>> = Mutex::new(None);

extern "C" fn stop_cluster_at_exit() {
    if let Ok(mut guard) = CLUSTER_FOR_EXIT.lock() {
        if let Some((pid, dir)) = guard.take() {
            embedded::stop_by_pid(pid, &dir);
        }
    }
}

fn shared_cluster() -> Result<&'static Cluster, HarnessError> {
    let result = CLUSTER.get_or_init(|| {
        let cluster = Cluster::start().map_err(|e| e.to_string())?;
        if let Ok(mut guard) = CLUSTER_FOR_EXIT.lock() {
            *guard = Some((cluster.pid(), cluster.dir().to_path_buf()));
        }
        // SAFETY: registering a plain extern "C" function with no arguments.
        unsafe {
            libc::atexit(stop_cluster_at_exit);
        }
        Ok(cluster)
    });
    match result {
        Ok(c) => Ok(c),
        Err(e) => Err(e.clone().into()),
    }
}

/// The URL of the server tests run against, pointing at database `database`:
/// `DATABASE_URL` with its database replaced, or the throwaway cluster.
pub fn server_url(database: &str) -> Result<String, HarnessError> {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => Ok(with_database(&url, database)),
        _ => Ok(shared_cluster()?.url(database)),
    }
}

/// The URL of the maintenance database used to create and drop test
/// databases.
fn admin_url() -> Result<String, HarnessError> {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => Ok(url),
        _ => Ok(shared_cluster()?.url("postgres")),
    }
}

pub use strata::url::with_database;

async fn connect_url(url: &str) -> Result<tokio_postgres::Client, HarnessError> {
    let (client, conn) = tokio_postgres::connect(url, NoTls).await?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    Ok(client)
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A fresh database that is dropped with this value.
#[derive(Debug)]
pub struct TestDb {
    name: String,
    url: String,
}

impl TestDb {
    /// Creates a fresh, empty database.
    pub async fn new() -> Result<TestDb, HarnessError> {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let name = format!("strata_test_{}_{n}_{nanos}", std::process::id());
        let admin = admin_url()?;
        let client = connect_url(&admin).await?;
        client
            .batch_execute(&format!("CREATE DATABASE {}", Ident(&name)))
            .await?;
        let url = server_url(&name)?;
        Ok(TestDb { name, url })
    }

    /// The database's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A connection URL for this database.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The connection settings for this database.
    pub fn config(&self) -> Result<tokio_postgres::Config, HarnessError> {
        Ok(self.url.parse()?)
    }

    /// Opens a connection (its driver task runs on the current runtime).
    pub async fn connect(&self) -> Result<tokio_postgres::Client, HarnessError> {
        connect_url(&self.url).await
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let name = self.name.clone();
        let Ok(admin) = admin_url() else {
            return;
        };
        // Drop may run inside a runtime, where blocking on another is not
        // allowed: do it on a thread of its own.
        let handle = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async move {
                if let Ok(client) = connect_url(&admin).await {
                    let _ = client
                        .batch_execute(&format!(
                            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                            Ident(&name)
                        ))
                        .await;
                }
            });
        });
        let _ = handle.join();
    }
}
