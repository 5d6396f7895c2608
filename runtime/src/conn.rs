//! The borrowed connection every statement runs on: [`Conn`], a pooled
//! connection ([`PgConn`]: client, bounded statement cache, session state)
//! as sessions and transactions hand it to the operations
//! (`Executor::conn`).
//!
//! Every statement goes through the same steps: the connection is made
//! ready (an abandoned statement settled, a dropped transaction rolled back:
//! one atomic load when there is nothing to do), the statement is prepared
//! through the cache, and it runs under an `InFlight` guard (dropping the
//! future cancels it on the server) and the client-side query timeout (a
//! watchdog per connection, not a timer per statement). A
//! cached statement the server no longer accepts after a schema change is
//! evicted and, outside a transaction, prepared and run once more; inside
//! one the error is [`ErrorKind::SchemaChanged`]. Every execution goes
//! through [`traced`], which wraps it in a `tracing` span (target
//! `strata::sql`, level DEBUG) when, and only when, a subscriber listens.
//! This module knows nothing of models or SQL text: it runs the text it is
//! given.
//!
//! Start reading at [`Conn::fetch_opt`] (the shape of every one-row
//! operation), then [`traced`].

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;

use bytes::BytesMut;
use futures_util::future::Either;
use futures_util::StreamExt;
use pin_project_lite::pin_project;
use postgres_types::{ToSql, Type};
use tokio_postgres::error::SqlState;
use tokio_postgres::{Client, Row, Statement};

use crate::error::{Error, ErrorKind, Result};
use crate::pooled::{InFlight, PgConn};

/// A borrowed connection. Not part of the public API.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Conn<'a> {
    pub(crate) pg: &'a PgConn,
    pub(crate) client: &'a Client,
    in_tx: bool,
}

impl std::fmt::Debug for Conn<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Conn").finish_non_exhaustive()
    }
}

impl<'a> Conn<'a> {
    pub(crate) fn new(pg: &'a PgConn, in_tx: bool) -> Conn<'a> {
        Conn {
            pg,
            client: pg.client(),
            in_tx,
        }
    }

    /// This connection, marked as running SQL strata did not write (its
    /// session state is unknown afterwards: reset before reuse).
    #[inline]
    pub(crate) fn raw(self) -> Conn<'a> {
        self.pg.mark_dirty();
        self
    }

    /// The prepared statement for `sql`, from this connection's cache
    /// (prepared on first use), once the connection is ready.
    pub(crate) async fn prepare(&self, sql: &str) -> Result<Statement> {
        self.pg.ready().await?;
        self.guarded(self.pg.prepare(sql)).await
    }

    /// Runs `fut` (one statement's round trips) under the in-flight guard
    /// and the client-side query timeout (kept by the connection's
    /// watchdog: see `pooled::Watch`).
    #[inline]
    pub(crate) fn guarded<R, F>(&self, fut: F) -> Guarded<'a, F>
    where
        F: Future<Output = Result<R>>,
    {
        Guarded {
            fut,
            pg: self.pg,
            guard: None,
            started: false,
        }
    }

    /// After a failed run: true when the statement should be prepared and
    /// run once more (a stale cached statement outside a transaction). A
    /// stale statement is always evicted.
    fn retry_stale(&self, sql: &str, err: &Error, retried: &mut bool) -> bool {
        if err.kind() != ErrorKind::SchemaChanged {
            return false;
        }
        self.pg.evict(sql);
        if self.in_tx || *retried {
            return false;
        }
        *retried = true;
        true
    }

    /// Runs `sql` and maps every row with `map`.
    pub(crate) async fn fetch_all<R>(
        &self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
        mut map: impl FnMut(&Row) -> Result<R>,
    ) -> Result<Vec<R>> {
        traced(sql, async {
            self.pg.ready().await?;
            let mut retried = false;
            loop {
                let out = self
                    .guarded(async {
                        let stmt = self.pg.prepare(sql).await?;
                        collect(&stmt, params, &mut map, self.client).await
                    })
                    .await;
                match out {
                    Err(e) if self.retry_stale(sql, &e, &mut retried) => continue,
                    Err(e) => return Err(self.explain(sql, e, params).await),
                    ok => return ok,
                }
            }
        })
        .await
    }

    /// Runs `sql` with a prepared statement `stmt` already at hand and maps
    /// every row with `map`.
    pub(crate) async fn fetch_all_prepared<R>(
        &self,
        sql: &str,
        stmt: &Statement,
        params: &[&(dyn ToSql + Sync)],
        mut map: impl FnMut(&Row) -> Result<R>,
    ) -> Result<Vec<R>> {
        traced(sql, async {
            self.pg.ready().await?;
            let out = self
                .guarded(collect(stmt, params, &mut map, self.client))
                .await;
            match out {
                Err(e) => {
                    let mut retried = true;
                    self.retry_stale(sql, &e, &mut retried);
                    Err(self.explain(sql, e, params).await)
                }
                ok => ok,
            }
        })
        .await
    }

    /// Runs `sql` and returns its rows as they are.
    pub(crate) async fn rows(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>> {
        traced(sql, async {
            self.pg.ready().await?;
            let mut retried = false;
            loop {
                let out = self
                    .guarded(async {
                        let stmt = self.pg.prepare(sql).await?;
                        Ok(self.client.query(&stmt, params).await?)
                    })
                    .await;
                match out {
                    Err(e) if self.retry_stale(sql, &e, &mut retried) => continue,
                    Err(e) => return Err(self.explain(sql, e, params).await),
                    ok => return ok,
                }
            }
        })
        .await
    }

    /// Runs `sql`, which returns at most one row, and maps it with `map`; more
    /// than one row is an [`ErrorKind::Invalid`] error.
    pub(crate) async fn fetch_opt<R>(
        &self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
        map: impl FnOnce(&Row) -> Result<R>,
    ) -> Result<Option<R>> {
        traced(sql, async {
            self.pg.ready().await?;
            let mut retried = false;
            let first = loop {
                let out = self
                    .guarded(async {
                        let stmt = self.pg.prepare(sql).await?;
                        let stream = self.client.query_raw(&stmt, params.iter().copied()).await?;
                        let mut stream = std::pin::pin!(stream);
                        let first = match stream.next().await {
                            None => return Ok(None),
                            Some(row) => row?,
                        };
                        if let Some(extra) = stream.next().await {
                            extra?;
                            return Err(Error::new(
                                ErrorKind::Invalid,
                                "the query returned more than one row where at most one was expected",
                            ));
                        }
                        Ok(Some(first))
                    })
                    .await;
                match out {
                    Err(e) if self.retry_stale(sql, &e, &mut retried) => continue,
                    Err(e) => return Err(self.explain(sql, e, params).await),
                    Ok(first) => break first,
                }
            };
            first.as_ref().map(map).transpose()
        })
        .await
    }

    /// Runs `sql` and returns the number of rows it changed.
    pub(crate) async fn execute(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<u64> {
        traced(sql, async {
            self.pg.ready().await?;
            let mut retried = false;
            loop {
                let out = self
                    .guarded(async {
                        let stmt = self.pg.prepare(sql).await?;
                        Ok(self
                            .client
                            .execute_raw(&stmt, params.iter().copied())
                            .await?)
                    })
                    .await;
                match out {
                    Err(e) if self.retry_stale(sql, &e, &mut retried) => continue,
                    Err(e) => return Err(self.explain(sql, e, params).await),
                    ok => return ok,
                }
            }
        })
        .await
    }

    /// Runs statements with the simple query protocol.
    pub(crate) async fn batch_execute(&self, sql: &str) -> Result<()> {
        traced(sql, async {
            self.pg.ready().await?;
            self.guarded(async { Ok(self.client.batch_execute(sql).await?) })
                .await
        })
        .await
    }

    /// Adds what the server's error leaves out: for a value the server
    /// refused as text (a NUL byte, 22021/22P05), which parameter holds it
    /// (the operations name the column).
    #[cold]
    async fn explain(&self, sql: &str, err: Error, params: &[&(dyn ToSql + Sync)]) -> Error {
        let nul = err.code().is_some_and(|c| {
            *c == SqlState::CHARACTER_NOT_IN_REPERTOIRE || *c == SqlState::UNTRANSLATABLE_CHARACTER
        });
        if !nul {
            return err;
        }
        // The statement's parameter types (cached: no round trip).
        let Ok(stmt) = self.pg.prepare(sql).await else {
            return err;
        };
        for (i, (param, ty)) in params.iter().zip(stmt.params()).enumerate() {
            if holds_nul(*param, ty) {
                return Error::new(
                    ErrorKind::InvalidValue,
                    format!(
                        "parameter ${} holds a NUL character (U+0000), which PostgreSQL cannot \
                         store in {ty}",
                        i + 1
                    ),
                )
                .with_param(i)
                .with_source(err);
            }
        }
        err
    }
}

pin_project! {
    /// A statement's round trips under the in-flight guard, made by
    /// [`Conn::guarded`]: the guard starts at the first poll and finishes
    /// with the result; dropped in between, the statement is cancelled on
    /// the server. A future rather than an `async fn`, which would hold the
    /// statement's future twice (as argument and as awaited value).
    pub(crate) struct Guarded<'a, F> {
        #[pin]
        fut: F,
        pg: &'a PgConn,
        guard: Option<InFlight<'a>>,
        // The guard was started: a future polled again after it finished
        // (a contract breach) does not start a second one.
        started: bool,
    }
}

impl<R, F: Future<Output = Result<R>>> Future for Guarded<'_, F> {
    type Output = Result<R>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<R>> {
        let this = self.project();
        let pg = *this.pg;
        if !*this.started {
            *this.started = true;
            *this.guard = Some(InFlight::start(pg));
        }
        let out = std::task::ready!(this.fut.poll(cx));
        let guard = this.guard.take();
        if out.is_err() && pg.timed_out() {
            // The server did not answer in time (a stopped backend, a
            // partition): the watchdog closed the connection, which is not
            // reused; the statement is cancelled on the server.
            pg.mark_broken();
            drop(guard);
            let limit = pg.query_timeout().unwrap_or_default();
            return Poll::Ready(Err(Error::new(
                ErrorKind::Timeout,
                format!(
                    "the server did not answer within {limit:?}; the statement was cancelled \
                     and the connection is discarded"
                ),
            )));
        }
        if let Some(guard) = guard {
            guard.finish();
        }
        Poll::Ready(out)
    }
}

/// Runs the prepared `stmt` and maps every row.
async fn collect<R>(
    stmt: &Statement,
    params: &[&(dyn ToSql + Sync)],
    map: &mut impl FnMut(&Row) -> Result<R>,
    client: &Client,
) -> Result<Vec<R>> {
    let stream = client.query_raw(stmt, params.iter().copied()).await?;
    let mut stream = std::pin::pin!(stream);
    let mut out = Vec::new();
    while let Some(row) = stream.next().await {
        out.push(map(&row?)?);
    }
    Ok(out)
}

/// True when `param`, encoded as `ty`, holds a NUL character: a 0 byte in
/// text, `\u0000` in JSON.
fn holds_nul(param: &(dyn ToSql + Sync), ty: &Type) -> bool {
    let mut buf = BytesMut::new();
    if param.to_sql_checked(ty, &mut buf).is_err() {
        return false;
    }
    if *ty == Type::JSON || *ty == Type::JSONB {
        buf.windows(6).any(|w| w == b"\\u0000")
    } else if [
        Type::TEXT,
        Type::VARCHAR,
        Type::BPCHAR,
        Type::NAME,
        Type::UNKNOWN,
    ]
    .contains(ty)
    {
        buf.contains(&0)
    } else {
        false
    }
}

/// Runs `fut`, the execution of `sql`, inside a `strata::sql` span when a
/// subscriber listens at DEBUG level, and records how long it took. When
/// nobody listens this is one cached-interest check and `fut` itself (not
/// wrapped in a second future that would hold it twice).
#[inline]
pub(crate) fn traced<'s, R: 's, F>(
    sql: &'s str,
    fut: F,
) -> Either<F, Pin<Box<impl Future<Output = Result<R>> + 's>>>
where
    F: Future<Output = Result<R>> + 's,
{
    if !tracing::enabled!(target: "strata::sql", tracing::Level::DEBUG) {
        return Either::Left(fut);
    }
    Either::Right(Box::pin(traced_span(sql, fut)))
}

async fn traced_span<R>(sql: &str, fut: impl Future<Output = Result<R>>) -> Result<R> {
    let span = tracing::debug_span!(target: "strata::sql", "statement", sql = sql);
    let start = Instant::now();
    let out = tracing::Instrument::instrument(fut, span.clone()).await;
    let elapsed_us = start.elapsed().as_micros() as u64;
    let _entered = span.enter();
    match &out {
        Ok(_) => tracing::debug!(target: "strata::sql", elapsed_us, "statement finished"),
        Err(e) => {
            tracing::debug!(target: "strata::sql", elapsed_us, error = %e, "statement failed")
        }
    }
    out
}
