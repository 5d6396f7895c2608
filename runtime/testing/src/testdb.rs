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

use strata::ConnectOptions;

use crate::cluster::{self as embedded, Cluster};
use strata::ident::Ident;

/// An error setting up a test database.
pub type HarnessError = Box<dyn std::error::Error + Send + Sync>;

/// Runs a future to completion on a fresh multi-threaded tokio runtime (two
/// worker threads, I/O and timers enabled): how the tests, which use no
/// `#[tokio::test]`, run their async bodies.
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

/// The connection settings of the server tests run against, pointing at
/// database `database`: `DATABASE_URL` (with the `PG*` variables, as
/// [`strata::ConnectOptions::from_env`] reads them) when it is set, else the
/// throwaway cluster.
pub fn server_options(database: &str) -> Result<ConnectOptions, HarnessError> {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => Ok(ConnectOptions::from_env()?.with_dbname(database)),
        _ => Ok(shared_cluster()?.options(database)),
    }
}

/// The settings of the maintenance database test databases are created and
/// dropped from: `DATABASE_URL`'s own database, or the cluster's `postgres`.
fn admin_options() -> Result<ConnectOptions, HarnessError> {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => Ok(ConnectOptions::from_env()?),
        _ => Ok(shared_cluster()?.options("postgres")),
    }
}

/// The URL of the server tests run against, pointing at database `database`
/// (see [`server_options`]; for child processes).
pub fn server_url(database: &str) -> Result<String, HarnessError> {
    Ok(server_options(database)?.to_url())
}

async fn connect(options: &ConnectOptions) -> Result<tokio_postgres::Client, HarnessError> {
    Ok(options.connect().await?)
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A database name no other process or call of this one uses:
/// `<prefix>_<pid>_<counter>_<nanoseconds>`.
pub fn unique_name(prefix: &str) -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{prefix}_{}_{n}_{nanos}", std::process::id())
}

/// A fresh database that is dropped with this value.
#[derive(Debug)]
pub struct TestDb {
    name: String,
    options: ConnectOptions,
    url: String,
}

impl TestDb {
    /// Creates a fresh, empty database.
    pub async fn new() -> Result<TestDb, HarnessError> {
        let name = unique_name("strata_test");
        let client = connect(&admin_options()?).await?;
        client
            .batch_execute(&format!("CREATE DATABASE {}", Ident(&name)))
            .await?;
        let options = server_options(&name)?;
        Ok(TestDb {
            url: options.to_url(),
            options,
            name,
        })
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
    pub fn options(&self) -> &ConnectOptions {
        &self.options
    }

    /// The connection settings for this database, as a tokio-postgres
    /// config.
    pub fn config(&self) -> Result<tokio_postgres::Config, HarnessError> {
        Ok(self.options.config().clone())
    }

    /// Opens a connection (its driver task runs on the current runtime).
    pub async fn connect(&self) -> Result<tokio_postgres::Client, HarnessError> {
        connect(&self.options).await
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let name = self.name.clone();
        let Ok(admin) = admin_options() else {
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
                if let Ok(client) = connect(&admin).await {
                    let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", Ident(&name));
                    if client.batch_execute(&drop).await.is_err() {
                        // One with a subscription cannot be dropped: its
                        // subscriptions go first.
                        if let Ok(db) = connect(&admin.with_dbname(&name)).await {
                            let _ = db
                                .batch_execute(strata::schema::DROP_SUBSCRIPTIONS_SQL)
                                .await;
                        }
                        let _ = client.batch_execute(&drop).await;
                    }
                }
            });
        });
        let _ = handle.join();
    }
}
