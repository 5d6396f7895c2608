//! The connection a [`Pool`](crate::Pool) manages: [`PgConn`], a
//! `tokio_postgres::Client` with its cancel token, its bounded cache of
//! prepared statements and what is known of its session state; and
//! [`Manager`], which opens and recycles them for deadpool.
//!
//! The state is what makes a pooled connection safe to hand to the next
//! user. Every statement runs under an [`InFlight`] guard: a statement whose
//! future is dropped before it finished (a timeout, a cancelled request)
//! sends a cancel request for its backend at once, and the connection is
//! *settled* (the cancel delivered, the cancelled statement's answer
//! drained) before it runs anything else. Raw SQL, a borrowed client, an
//! abandoned transaction or a cancelled statement mark the connection
//! *dirty*; a dirty connection is reset (`ROLLBACK`, `RESET ALL`, `UNLISTEN
//! *`, advisory locks released, temporary tables dropped) before it goes
//! back to the pool, or discarded when the reset fails. A connection that
//! only ran strata's own typed statements is clean and goes back with no
//! round trip.
//!
//! Start reading at [`PgConn::ready`], then [`PgConn::reset`].

use std::num::NonZeroUsize;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::task::{ready, Context, Poll};
use std::time::{Duration, Instant};

use lru::LruCache;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio_postgres::config::Host;
use tokio_postgres::error::SqlState;
use tokio_postgres::tls::MakeTlsConnect;
use tokio_postgres::{CancelToken, Client, Statement};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::connect::ConnectOptions;
use crate::error::{Error, ErrorKind, Result};

/// Prepared statements each pooled connection keeps (least recently used
/// ones are closed on the server beyond this).
pub const STATEMENT_CACHE_SIZE: usize = 256;

/// The session state is unknown (raw SQL ran, the client was borrowed, a
/// transaction was abandoned, a statement was cancelled): reset before reuse.
const DIRTY: u8 = 1;
/// A statement was abandoned mid-flight: settle before the next statement.
const SETTLE: u8 = 2;
/// A transaction or savepoint was dropped without commit or rollback: roll
/// it back before the next statement.
const ROLLBACK: u8 = 4;
/// The connection cannot be trusted any more (the server did not answer in
/// time, a reset failed): discard it.
const BROKEN: u8 = 8;

/// A cancel may still be pending on the backend after the aborted
/// transaction it hit is rolled back: probe for it then.
const ABSORB: u8 = 16;

/// No pending rollback (see [`PgConn::pending_rollback`]).
const NO_ROLLBACK: u32 = u32::MAX;

/// The statements that return a session to a fresh state without closing
/// it: what `DISCARD ALL` does, except that prepared statements (the cache)
/// are kept. The first `ROLLBACK` ends any transaction, open or aborted.
const RESET_SQL: &str = "ROLLBACK; CLOSE ALL; SET SESSION AUTHORIZATION DEFAULT; RESET ALL; \
     UNLISTEN *; SELECT pg_advisory_unlock_all(); DISCARD TEMP; DISCARD SEQUENCES";

/// Prepared statements by SQL text, hashed with foldhash (randomly seeded
/// per cache) rather than the standard library's SipHash: the text is
/// hashed on every statement, and SipHash was a visible part of a one-row
/// query's cost.
type StatementCache = LruCache<Box<str>, Statement, foldhash::fast::RandomState>;

/// A connection owned by the pool.
pub struct PgConn {
    client: Client,
    cancel: CancelToken,
    cache: Mutex<StatementCache>,
    flags: AtomicU8,
    /// The shallowest transaction depth whose rollback is pending (1: the
    /// transaction, n > 1: savepoint `strata_sp_n`), or [`NO_ROLLBACK`].
    pending_rollback: AtomicU32,
    /// The cancel request sent for an abandoned statement, awaited before
    /// the connection is used again.
    cancel_task: Mutex<Option<tokio::task::JoinHandle<()>>>,
    /// The most a statement may take before the client gives up on the
    /// server (`None`: no limit).
    query_timeout: Option<Duration>,
    /// What the connection's watchdog reads (see [`Watch`]).
    watch: Arc<Watch>,
    /// Where cancel requests go (see [`send_cancel`]).
    cancel_addr: Option<CancelAddr>,
    /// The connector cancel requests use (the connection's own).
    tls: MakeRustlsConnect,
    driver: tokio::task::JoinHandle<()>,
}

impl Drop for PgConn {
    fn drop(&mut self) {
        // Closing the socket ends the backend (and its transaction).
        self.driver.abort();
    }
}

impl std::fmt::Debug for PgConn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgConn")
            .field("closed", &self.client.is_closed())
            .field("flags", &self.flags.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl PgConn {
    /// The tokio-postgres client.
    #[inline]
    pub(crate) fn client(&self) -> &Client {
        &self.client
    }

    /// The client-side limit on one statement.
    #[inline]
    pub(crate) fn query_timeout(&self) -> Option<Duration> {
        self.query_timeout
    }

    /// True when the watchdog gave up on the running statement (and closed
    /// the connection).
    #[inline]
    pub(crate) fn timed_out(&self) -> bool {
        self.watch.fired.load(Ordering::Acquire)
    }

    /// True when the connection can go back to the pool as it is.
    #[inline]
    pub(crate) fn is_clean(&self) -> bool {
        self.flags.load(Ordering::Acquire) == 0 && !self.client.is_closed()
    }

    /// True when the connection must be discarded rather than reset.
    pub(crate) fn is_broken(&self) -> bool {
        self.flags.load(Ordering::Acquire) & BROKEN != 0 || self.client.is_closed()
    }

    /// Marks the session state as unknown (raw SQL, a borrowed client).
    #[inline]
    pub(crate) fn mark_dirty(&self) {
        if self.flags.load(Ordering::Relaxed) & DIRTY == 0 {
            self.flags.fetch_or(DIRTY, Ordering::AcqRel);
        }
    }

    /// Marks the connection as not to be reused.
    pub(crate) fn mark_broken(&self) {
        self.flags.fetch_or(BROKEN | DIRTY, Ordering::AcqRel);
    }

    /// Records that the transaction (`depth` 1) or savepoint (`depth` > 1)
    /// was dropped unfinished: it is rolled back before the next statement.
    pub(crate) fn defer_rollback(&self, depth: u32) {
        self.pending_rollback.fetch_min(depth, Ordering::AcqRel);
        self.flags.fetch_or(ROLLBACK | DIRTY, Ordering::AcqRel);
    }

    /// The prepared statement for `sql`, from the cache (prepared and
    /// cached on a miss; the least recently used statement beyond
    /// [`STATEMENT_CACHE_SIZE`] is closed).
    pub(crate) async fn prepare(&self, sql: &str) -> Result<Statement> {
        if let Some(stmt) = self.cache_lock().get(sql) {
            return Ok(stmt.clone());
        }
        // Boxed: the preparing future is large, and every statement's
        // future would otherwise carry room for it (and be copied with it)
        // although a cached statement never prepares.
        Box::pin(self.prepare_and_cache(sql)).await
    }

    #[cold]
    async fn prepare_and_cache(&self, sql: &str) -> Result<Statement> {
        let stmt = self.client.prepare(sql).await?;
        // The evicted statement (if any) is dropped outside the lock, which
        // closes it on the server.
        let evicted = self.cache_lock().push(sql.into(), stmt.clone());
        drop(evicted);
        Ok(stmt)
    }

    /// Forgets the cached statement for `sql` (it no longer matches its
    /// table).
    pub(crate) fn evict(&self, sql: &str) {
        let evicted = self.cache_lock().pop(sql);
        drop(evicted);
    }

    /// How many statements the cache holds.
    pub(crate) fn cached_statements(&self) -> usize {
        self.cache_lock().len()
    }

    fn cache_lock(&self) -> std::sync::MutexGuard<'_, StatementCache> {
        // A panic while the lock was held cannot leave the cache
        // inconsistent (each operation is one call into the LRU).
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A statement's future was dropped before it finished: sends a cancel
    /// request for this backend now (on the current runtime), and makes the
    /// next statement wait until the cancel is delivered and the answer of
    /// the cancelled statement is drained.
    pub(crate) fn abandoned(&self) {
        self.flags.fetch_or(SETTLE | DIRTY, Ordering::AcqRel);
        let token = self.cancel.clone();
        let addr = self.cancel_addr.clone();
        let tls = self.tls.clone();
        let task = match tokio::runtime::Handle::try_current() {
            Ok(handle) => handle.spawn(async move {
                let _ = tokio::time::timeout(CANCEL_TIMEOUT, send_cancel(token, addr, tls)).await;
            }),
            // No runtime to send the cancel on: the connection cannot be
            // settled, only discarded.
            Err(_) => {
                self.mark_broken();
                return;
            }
        };
        let previous = self
            .cancel_task
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .replace(task);
        drop(previous);
    }

    /// Makes the connection ready for the next statement: settles an
    /// abandoned statement and runs a deferred rollback. One atomic load when
    /// there is nothing to do.
    #[inline]
    pub(crate) async fn ready(&self) -> Result<()> {
        if self.flags.load(Ordering::Acquire) & (SETTLE | ROLLBACK | BROKEN) == 0 {
            return Ok(());
        }
        self.ready_slow().await
    }

    #[cold]
    async fn ready_slow(&self) -> Result<()> {
        if self.is_broken() {
            return Err(Error::new(
                ErrorKind::ConnectionLost,
                "the connection was given up after the server did not answer in time; \
                 start a new session",
            ));
        }
        if self.flags.load(Ordering::Acquire) & SETTLE != 0 {
            self.settle().await?;
        }
        if self.flags.load(Ordering::Acquire) & ROLLBACK != 0 {
            let depth = self.pending_rollback.swap(NO_ROLLBACK, Ordering::AcqRel);
            self.flags.fetch_and(!ROLLBACK, Ordering::AcqRel);
            let sql = match depth {
                NO_ROLLBACK => return Ok(()),
                0 | 1 => "ROLLBACK".to_string(),
                n => {
                    format!("ROLLBACK TO SAVEPOINT strata_sp_{n}; RELEASE SAVEPOINT strata_sp_{n}")
                }
            };
            if let Err(e) = self.client.batch_execute(&sql).await {
                // A savepoint that no longer exists (released just before
                // its future was dropped) aborts the enclosing transaction,
                // whose commit then reports it; anything else is the
                // connection failing.
                if e.code().is_none() || depth <= 1 {
                    self.mark_broken();
                }
                return Err(Error::from(e));
            }
            if self.flags.load(Ordering::Acquire) & ABSORB != 0 && depth <= 1 {
                self.absorb().await?;
                self.flags.fetch_and(!ABSORB, Ordering::AcqRel);
            }
        }
        Ok(())
    }

    /// Waits until the cancel request for an abandoned statement has been
    /// delivered and that statement's answer has come back, so that the
    /// cancel cannot hit a later statement.
    async fn settle(&self) -> Result<()> {
        let task = self
            .cancel_task
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(task) = task {
            let _ = task.await;
        }
        if self.absorb().await? {
            // Inside a transaction the cancel aborted it: the probe could not
            // run, so probe again once the transaction has been rolled
            // back.
            self.flags.fetch_or(ABSORB, Ordering::AcqRel);
        }
        self.flags.fetch_and(!SETTLE, Ordering::AcqRel);
        Ok(())
    }

    /// Absorbs a cancel that is still pending on the backend. The probe
    /// queues behind the cancelled statement, and `pg_sleep(0)` checks for
    /// interrupts (a trivial `SELECT 1` may not), so a cancel delivered late
    /// (the postmaster signals a backend twice: the process and its group)
    /// fails the probe, which is run again, instead of a later statement.
    /// Returns true when the probe could not run because the transaction
    /// is aborted.
    async fn absorb(&self) -> Result<bool> {
        for _ in 0..4 {
            match self.client.simple_query("SELECT pg_sleep(0)").await {
                Ok(_) => return Ok(false),
                Err(e) => match e.code() {
                    Some(code) if *code == SqlState::QUERY_CANCELED => continue,
                    Some(code) if *code == SqlState::IN_FAILED_SQL_TRANSACTION => return Ok(true),
                    _ => {
                        self.mark_broken();
                        return Err(Error::from(e));
                    }
                },
            }
        }
        Ok(false)
    }

    /// Returns the session to a fresh state (see [`RESET_SQL`]), after
    /// settling an abandoned statement. On success the connection is clean.
    pub(crate) async fn reset(&self) -> Result<()> {
        if self.is_broken() {
            return Err(Error::new(
                ErrorKind::ConnectionLost,
                "the connection is broken",
            ));
        }
        if self.flags.load(Ordering::Acquire) & SETTLE != 0 {
            self.settle().await?;
        }
        self.pending_rollback.store(NO_ROLLBACK, Ordering::Release);
        self.client.batch_execute(RESET_SQL).await?;
        if self.flags.load(Ordering::Acquire) & ABSORB != 0 {
            self.absorb().await?;
        }
        self.flags.store(0, Ordering::Release);
        Ok(())
    }
}

/// How long sending a cancel request may take.
const CANCEL_TIMEOUT: Duration = Duration::from_secs(5);

/// The server a cancel request goes to, when the settings name one.
#[derive(Clone, Debug)]
enum CancelAddr {
    Tcp(String, u16),
    #[cfg(unix)]
    Unix(std::path::PathBuf),
}

/// The one server of `config`, or `None` when it lists several (a cancel
/// then goes where tokio-postgres sends it).
fn cancel_addr(config: &tokio_postgres::Config) -> Option<CancelAddr> {
    let [host] = config.get_hosts() else {
        return None;
    };
    if config.get_hostaddrs().len() > 1 || config.get_ports().len() > 1 {
        return None;
    }
    let port = config.get_ports().first().copied().unwrap_or(5432);
    match host {
        Host::Tcp(name) => {
            let target = match config.get_hostaddrs() {
                [addr] => addr.to_string(),
                _ => name.clone(),
            };
            Some(CancelAddr::Tcp(target, port))
        }
        #[cfg(unix)]
        Host::Unix(dir) => Some(CancelAddr::Unix(dir.join(format!(".s.PGSQL.{port}")))),
    }
}

/// Cancels what the connection of `token` (opened with `options`) is
/// running, and returns once the server has processed the request (the
/// backend was signalled), at most after 5 s. For programs that cancel
/// their own connections (an interrupt handler).
pub async fn cancel(options: &ConnectOptions, token: CancelToken) -> Result<()> {
    let tls = options.tls_connector().map_err(Error::from)?;
    let addr = cancel_addr(options.config());
    tokio::time::timeout(CANCEL_TIMEOUT, send_cancel(token, addr, tls))
        .await
        .map_err(|_| {
            Error::new(
                ErrorKind::Timeout,
                "the cancel request was not answered within 5 s",
            )
        })
}

/// Sends a cancel request and waits until the server has processed it (it
/// closes the cancel connection once the backend was signalled), so that a
/// cancel can never be delivered after the connection was settled.
async fn send_cancel(token: CancelToken, addr: Option<CancelAddr>, mut tls: MakeRustlsConnect) {
    match addr {
        Some(CancelAddr::Tcp(host, port)) => {
            if let Ok(stream) = tokio::net::TcpStream::connect((host.as_str(), port)).await {
                let Ok(connect) =
                    MakeTlsConnect::<WaitForClose<tokio::net::TcpStream>>::make_tls_connect(
                        &mut tls, &host,
                    );
                let _ = token
                    .cancel_query_raw(WaitForClose::new(stream), connect)
                    .await;
                return;
            }
        }
        #[cfg(unix)]
        Some(CancelAddr::Unix(path)) => {
            if let Ok(stream) = tokio::net::UnixStream::connect(&path).await {
                let Ok(connect) =
                    MakeTlsConnect::<WaitForClose<tokio::net::UnixStream>>::make_tls_connect(
                        &mut tls, "",
                    );
                let _ = token
                    .cancel_query_raw(WaitForClose::new(stream), connect)
                    .await;
                return;
            }
        }
        None => {}
    }
    let _ = token.cancel_query(tls).await;
}

/// A stream whose shutdown completes only when the peer has closed the
/// connection too.
struct WaitForClose<S> {
    inner: S,
    shut: bool,
}

impl<S> WaitForClose<S> {
    fn new(inner: S) -> WaitForClose<S> {
        WaitForClose { inner, shut: false }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for WaitForClose<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncWrite for WaitForClose<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        if !self.shut {
            ready!(Pin::new(&mut self.inner).poll_shutdown(cx))?;
            self.shut = true;
        }
        loop {
            let mut bytes = [0u8; 64];
            let mut buf = ReadBuf::new(&mut bytes);
            ready!(Pin::new(&mut self.inner).poll_read(cx, &mut buf))?;
            if buf.filled().is_empty() {
                return Poll::Ready(Ok(()));
            }
        }
    }
}

/// A statement in flight on a connection: dropped before
/// [`InFlight::finish`], it cancels the statement on the server.
pub(crate) struct InFlight<'a> {
    conn: &'a PgConn,
}

impl<'a> InFlight<'a> {
    /// A statement starts: the watchdog (when there is a limit) times it.
    #[inline]
    pub(crate) fn start(conn: &'a PgConn) -> InFlight<'a> {
        if conn.query_timeout.is_some() {
            conn.watch.started.store(now_ms(), Ordering::Release);
        }
        InFlight { conn }
    }

    /// The statement finished (with a result or an error from the server).
    #[inline]
    pub(crate) fn finish(self) {
        self.conn.watch.started.store(IDLE, Ordering::Release);
        std::mem::forget(self);
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.conn.watch.started.store(IDLE, Ordering::Release);
        self.conn.abandoned();
    }
}

/// [`Watch::started`] when no statement runs.
const IDLE: u64 = 0;

/// Milliseconds since the first call in this process, plus one (never
/// [`IDLE`]).
#[inline]
fn now_ms() -> u64 {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    let epoch = *EPOCH.get_or_init(Instant::now);
    u64::try_from(epoch.elapsed().as_millis())
        .unwrap_or(u64::MAX - 1)
        .saturating_add(1)
}

/// The client-side query timeout of one connection, kept by a watchdog
/// task rather than a timer per statement (registering and cancelling a
/// tokio timer around every statement cost more than the rest of
/// strata's work on a one-row query): the statement's start is stored
/// (one atomic store), and the watchdog, ticking a few times per limit,
/// closes the connection of a statement that has run past it. The waiting
/// statement then fails at once, and [`Conn::guarded`](crate::conn::Conn)
/// reports [`ErrorKind::Timeout`].
#[derive(Debug, Default)]
pub(crate) struct Watch {
    /// When the running statement started ([`now_ms`]), or [`IDLE`].
    started: AtomicU64,
    /// The watchdog gave up on a statement.
    fired: AtomicBool,
}

/// How often the watchdog of a connection with statement limit `limit`
/// looks: a statement is given up between `limit` and `limit` plus this.
fn watch_period(limit: Duration) -> Duration {
    (limit / 8).clamp(Duration::from_millis(10), Duration::from_secs(1))
}

/// Starts the watchdog of a connection: it ends when the connection is
/// dropped (at its next tick) or once it closed the connection.
fn spawn_watchdog(watch: Weak<Watch>, driver: tokio::task::AbortHandle, limit: Duration) {
    let limit_ms = u64::try_from(limit.as_millis()).unwrap_or(u64::MAX);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(watch_period(limit));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let Some(watch) = watch.upgrade() else {
                return;
            };
            let started = watch.started.load(Ordering::Acquire);
            if started != IDLE && now_ms().saturating_sub(started) >= limit_ms {
                watch.fired.store(true, Ordering::Release);
                // Closing the socket fails the waiting statement; the
                // backend ends (and rolls back) when it reads the close.
                driver.abort();
                return;
            }
        }
    });
}

/// Settings of the connections a pool opens.
#[derive(Clone, Debug)]
pub(crate) struct ManagerConfig {
    pub options: ConnectOptions,
    pub statement_timeout: Option<Duration>,
    pub query_timeout_margin: Duration,
    pub verify_on_reuse: bool,
}

/// Opens and recycles [`PgConn`]s for deadpool.
#[derive(Debug)]
pub(crate) struct Manager {
    config: ManagerConfig,
    /// `options` with the session defaults (statement timeout) applied.
    connect: ConnectOptions,
}

impl Manager {
    pub(crate) fn new(config: ManagerConfig) -> Manager {
        let mut connect = config.options.clone();
        if let Some(timeout) = config.statement_timeout {
            connect = connect.with_session_default("statement_timeout", timeout.as_millis());
        }
        Manager { config, connect }
    }

    fn query_timeout(&self) -> Option<Duration> {
        self.config
            .statement_timeout
            .map(|t| t + self.config.query_timeout_margin)
    }
}

impl deadpool::managed::Manager for Manager {
    type Type = PgConn;
    type Error = Error;

    async fn create(&self) -> Result<PgConn> {
        let (client, driver) = self.connect.connect_with_driver().await?;
        let cancel = client.cancel_token();
        let capacity = NonZeroUsize::new(STATEMENT_CACHE_SIZE).unwrap_or(NonZeroUsize::MIN);
        let watch = Arc::new(Watch::default());
        let query_timeout = self.query_timeout();
        if let Some(limit) = query_timeout {
            spawn_watchdog(Arc::downgrade(&watch), driver.abort_handle(), limit);
        }
        Ok(PgConn {
            client,
            cancel,
            cache: Mutex::new(LruCache::with_hasher(
                capacity,
                foldhash::fast::RandomState::default(),
            )),
            flags: AtomicU8::new(0),
            pending_rollback: AtomicU32::new(NO_ROLLBACK),
            cancel_task: Mutex::new(None),
            query_timeout,
            watch,
            cancel_addr: cancel_addr(self.connect.config()),
            tls: self.connect.tls_connector()?,
            driver,
        })
    }

    async fn recycle(
        &self,
        conn: &mut PgConn,
        _: &deadpool::managed::Metrics,
    ) -> deadpool::managed::RecycleResult<Error> {
        if conn.client.is_closed() {
            return Err(deadpool::managed::RecycleError::message(
                "the connection is closed",
            ));
        }
        if !conn.is_clean() {
            // Sessions reset their connection before returning it; one that
            // could not be reset is never reused.
            return Err(deadpool::managed::RecycleError::message(
                "the connection was not returned clean",
            ));
        }
        if self.config.verify_on_reuse {
            conn.client.simple_query("").await.map_err(Error::from)?;
        }
        Ok(())
    }
}
