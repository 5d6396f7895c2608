//! Connection pools: [`Pool`] hands out pooled connections as
//! [`Session`](crate::Session)s.
//!
//! A pool is built from a URL ([`Pool::connect`], [`Pool::builder`]), from the
//! environment ([`Pool::from_env`]: `DATABASE_URL` and libpq's `PG*`
//! variables, as [`ConnectOptions::from_env`] reads them), from
//! [`ConnectOptions`] ([`Pool::builder_from_options`]) or from a
//! `tokio_postgres::Config` ([`Pool::builder_from_config`]). [`PoolBuilder`] sets the size, the
//! timeouts (waiting for a free connection, opening one, checking one before
//! reuse) and the session defaults that keep a pooled connection from
//! hanging (a `statement_timeout`, enforced on the client too, and TCP
//! keepalives). It is deadpool underneath, with strata's own manager
//! ([`crate::pooled`]): each pooled connection keeps a bounded cache of
//! prepared statements across sessions, and goes back to the pool only in a
//! clean state (see [`Session`](crate::Session)).
//!
//! Start reading at [`Pool::builder`], then [`Pool::session`].

use std::time::Duration;

use deadpool::managed::{PoolError, TimeoutType};
use deadpool::Runtime;

use crate::connect::ConnectOptions;
use crate::error::{Error, ErrorKind, Result};
use crate::pooled::{Manager, ManagerConfig};
use crate::session::Session;

/// The default number of connections of a pool.
pub const DEFAULT_MAX_SIZE: usize = 16;

/// The default `statement_timeout` of pooled connections (unless the
/// connection settings set one).
pub const DEFAULT_STATEMENT_TIMEOUT: Duration = Duration::from_secs(30);

/// How much longer than the statement timeout the client waits for an
/// answer before it gives up on the server (a stopped backend, a network
/// partition) and discards the connection.
pub const QUERY_TIMEOUT_MARGIN: Duration = Duration::from_secs(5);

/// A pool of PostgreSQL connections. Cheap to clone (all clones share the
/// connections).
///
/// ```no_run
/// # async fn demo() -> strata::Result<()> {
/// use std::time::Duration;
/// let pool = strata::Pool::builder("postgres://app@localhost/app")?
///     .max_size(8)
///     .wait_timeout(Duration::from_secs(2))
///     .build()?;
/// let session = pool.session().await?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Pool {
    inner: deadpool::managed::Pool<Manager>,
    wait_timeout: Option<Duration>,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let status = self.inner.status();
        f.debug_struct("Pool")
            .field("max_size", &status.max_size)
            .field("size", &status.size)
            .field("available", &status.available)
            .finish()
    }
}

/// A snapshot of a pool's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolStatus {
    /// The most connections the pool opens.
    pub max_size: usize,
    /// The connections open now (in use or idle).
    pub size: usize,
    /// Idle connections ready to be handed out.
    pub available: usize,
    /// Callers waiting for a connection.
    pub waiting: usize,
}

impl Pool {
    /// A pool for `url` with the default settings, after checking that a
    /// first connection can be opened (so a wrong URL or password fails here,
    /// not at the first query).
    pub async fn connect(url: &str) -> Result<Pool> {
        Pool::builder(url)?.connect().await
    }

    /// A pool configured from the environment: `DATABASE_URL`, with libpq's
    /// `PG*` variables filling what it leaves out (or alone when it is
    /// unset), and libpq's defaults (see [`crate::connect`]). A first
    /// connection is opened to check the settings.
    pub async fn from_env() -> Result<Pool> {
        Pool::builder_from_env()?.connect().await
    }

    /// A builder for a pool of connections to `url` (`postgres://...` or a
    /// `key=value` connection string).
    pub fn builder(url: &str) -> Result<PoolBuilder> {
        Ok(PoolBuilder::new(ConnectOptions::parse(url)?))
    }

    /// A builder configured from the environment (see [`Pool::from_env`]).
    pub fn builder_from_env() -> Result<PoolBuilder> {
        Ok(PoolBuilder::new(ConnectOptions::from_env()?))
    }

    /// A builder for a pool of connections made with `options`.
    pub fn builder_from_options(options: ConnectOptions) -> PoolBuilder {
        PoolBuilder::new(options)
    }

    /// A builder for a pool of connections made with `config`.
    pub fn builder_from_config(config: tokio_postgres::Config) -> PoolBuilder {
        PoolBuilder::new(ConnectOptions::from_config(config))
    }

    /// A pooled connection. Waits for one to become free when all are in use
    /// (at most the wait timeout: then [`ErrorKind::PoolTimeout`]). The
    /// connection goes back to the pool when the session is dropped.
    pub async fn session(&self) -> Result<Session> {
        match self.inner.get().await {
            Ok(object) => Ok(Session::new(object)),
            Err(e) => Err(pool_error(e, self.wait_timeout, self.inner.status())),
        }
    }

    /// The pool's current size and use.
    pub fn status(&self) -> PoolStatus {
        let s = self.inner.status();
        PoolStatus {
            max_size: s.max_size,
            size: s.size,
            available: s.available,
            waiting: s.waiting,
        }
    }

    /// Closes the pool: idle connections are closed now, connections in use
    /// when their sessions end; [`Pool::session`] fails from now on.
    pub fn close(&self) {
        self.inner.close();
    }
}

/// Settings of a [`Pool`]: size and timeouts. Made by [`Pool::builder`],
/// [`Pool::builder_from_env`] or [`Pool::builder_from_config`].
#[derive(Clone, Debug)]
pub struct PoolBuilder {
    options: ConnectOptions,
    max_size: usize,
    wait_timeout: Option<Duration>,
    create_timeout: Option<Duration>,
    recycle_timeout: Option<Duration>,
    verify_on_reuse: bool,
    statement_timeout: Option<Duration>,
}

impl PoolBuilder {
    fn new(options: ConnectOptions) -> PoolBuilder {
        PoolBuilder {
            options,
            max_size: DEFAULT_MAX_SIZE,
            wait_timeout: Some(Duration::from_secs(30)),
            create_timeout: Some(Duration::from_secs(10)),
            recycle_timeout: Some(Duration::from_secs(5)),
            verify_on_reuse: false,
            statement_timeout: Some(DEFAULT_STATEMENT_TIMEOUT),
        }
    }

    /// The most connections the pool opens (default 16; at least 1).
    pub fn max_size(mut self, size: usize) -> PoolBuilder {
        self.max_size = size;
        self
    }

    /// How long [`Pool::session`] waits for a free connection before failing
    /// with [`ErrorKind::PoolTimeout`] (default 30 s; `None` waits forever).
    pub fn wait_timeout(mut self, timeout: impl Into<Option<Duration>>) -> PoolBuilder {
        self.wait_timeout = timeout.into();
        self
    }

    /// How long opening a new connection may take (default 10 s).
    pub fn create_timeout(mut self, timeout: impl Into<Option<Duration>>) -> PoolBuilder {
        self.create_timeout = timeout.into();
        self
    }

    /// How long checking an idle connection before reuse may take (default
    /// 5 s).
    pub fn recycle_timeout(mut self, timeout: impl Into<Option<Duration>>) -> PoolBuilder {
        self.recycle_timeout = timeout.into();
        self
    }

    /// When true, an idle connection is checked with a round trip to the
    /// server before it is handed out again; when false (the default) only
    /// connections already known to be closed are discarded.
    pub fn verify_on_reuse(mut self, verify: bool) -> PoolBuilder {
        self.verify_on_reuse = verify;
        self
    }

    /// The `statement_timeout` of every pooled connection (default 30 s;
    /// `None` leaves the server's setting). It is a session default, so a
    /// session may change it and the change ends with the session. The
    /// client enforces it too: a statement that gets no answer within the
    /// timeout plus 5 s (a stopped backend, a network partition) ends with
    /// [`ErrorKind::Timeout`], is cancelled, and its connection is
    /// discarded. A `statement_timeout` in the connection settings
    /// (`options=-c statement_timeout=...`) takes precedence on the server.
    pub fn statement_timeout(mut self, timeout: impl Into<Option<Duration>>) -> PoolBuilder {
        self.statement_timeout = timeout.into();
        self
    }

    /// The connection settings the pool uses.
    pub fn config(&self) -> &tokio_postgres::Config {
        self.options.config()
    }

    /// The connection settings the pool uses, as [`ConnectOptions`].
    pub fn options(&self) -> &ConnectOptions {
        &self.options
    }

    /// Builds the pool. No connection is opened yet.
    pub fn build(self) -> Result<Pool> {
        if self.max_size == 0 {
            return Err(Error::new(
                ErrorKind::Config,
                "the pool size must be at least 1",
            ));
        }
        let mut options = self.options.clone();
        // TCP keepalives find a dead peer (a crashed host, a dropped
        // connection) in about a minute unless the settings chose otherwise.
        options = options.with_default_keepalives();
        let manager = Manager::new(ManagerConfig {
            options,
            statement_timeout: self.statement_timeout,
            query_timeout_margin: QUERY_TIMEOUT_MARGIN,
            verify_on_reuse: self.verify_on_reuse,
        });
        let inner = deadpool::managed::Pool::builder(manager)
            .max_size(self.max_size)
            .wait_timeout(self.wait_timeout)
            .create_timeout(self.create_timeout)
            .recycle_timeout(self.recycle_timeout)
            .runtime(Runtime::Tokio1)
            .build()
            .map_err(|e| {
                Error::new(ErrorKind::Config, format!("cannot build the pool: {e}")).with_source(e)
            })?;
        Ok(Pool {
            inner,
            wait_timeout: self.wait_timeout,
        })
    }

    /// Builds the pool and opens a first connection to check the settings.
    pub async fn connect(self) -> Result<Pool> {
        let pool = self.build()?;
        drop(pool.session().await?);
        Ok(pool)
    }
}

/// Turns a deadpool error into a strata error.
fn pool_error(err: PoolError<Error>, wait: Option<Duration>, status: deadpool::Status) -> Error {
    match err {
        PoolError::Timeout(TimeoutType::Wait) => Error::new(
            ErrorKind::PoolTimeout,
            format!(
                "no pooled connection became free within {:?} (pool size {}, all in use)",
                wait.unwrap_or_default(),
                status.max_size
            ),
        ),
        PoolError::Timeout(TimeoutType::Create) => Error::new(
            ErrorKind::PoolTimeout,
            "opening a new connection to the server timed out",
        ),
        PoolError::Timeout(TimeoutType::Recycle) => Error::new(
            ErrorKind::PoolTimeout,
            "checking an idle connection before reuse timed out",
        ),
        // Already names the target and the cause.
        PoolError::Backend(e) => e,
        PoolError::Closed => Error::new(ErrorKind::Invalid, "the pool is closed"),
        PoolError::NoRuntimeSpecified => {
            Error::new(ErrorKind::Config, "the pool has no async runtime")
        }
        PoolError::PostCreateHook(e) => Error::new(
            ErrorKind::ConnectionLost,
            format!("a new connection could not be set up: {e}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_zero_is_refused() {
        let e = Pool::builder("postgres://localhost/x")
            .unwrap()
            .max_size(0)
            .build()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Config);
    }
}
