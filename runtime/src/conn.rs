//! The borrowed connection every statement runs on: [`Conn`], a
//! `tokio_postgres::Client` and that connection's statement cache
//! (`deadpool_postgres::StatementCache`), as sessions and transactions hand it
//! to the operations (`Executor::conn`).
//!
//! Every statement is prepared through the cache ([`Conn::prepare`]: once per
//! connection, then reused across sessions); a cached statement the server
//! no longer accepts after a table change is evicted ([`Conn::fail`]) so the
//! next call prepares it afresh. Every execution goes through [`traced`],
//! which wraps it in a `tracing` span (target `strata::sql`, level DEBUG)
//! when, and only when, a subscriber listens. This module knows nothing of
//! models or SQL text: it runs the text it is given.
//!
//! Start reading at [`Conn::fetch_opt`] (the shape of every one-row
//! operation), then [`traced`].

use std::future::Future;
use std::time::Instant;

use futures_util::StreamExt;
use postgres_types::ToSql;
use tokio_postgres::error::SqlState;
use tokio_postgres::{Row, Statement};

use crate::error::{Error, ErrorKind, Result};

/// A borrowed connection and its statement cache. Not part of the public
/// API.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Conn<'a> {
    pub(crate) client: &'a tokio_postgres::Client,
    cache: &'a deadpool_postgres::StatementCache,
}

impl std::fmt::Debug for Conn<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Conn").finish_non_exhaustive()
    }
}

impl<'a> Conn<'a> {
    pub(crate) fn new(
        client: &'a tokio_postgres::Client,
        cache: &'a deadpool_postgres::StatementCache,
    ) -> Conn<'a> {
        Conn { client, cache }
    }

    /// The prepared statement for `sql`, from this connection's cache
    /// (prepared on first use).
    #[inline]
    pub(crate) async fn prepare(&self, sql: &str) -> Result<Statement> {
        Ok(self.cache.prepare(self.client, sql).await?)
    }

    /// Turns a driver error into a strata error; a cached statement the
    /// server no longer accepts (its table changed: "cached plan must not
    /// change result type") is dropped from the cache, so the next call
    /// prepares it afresh.
    #[cold]
    fn fail(&self, sql: &str, err: tokio_postgres::Error) -> Error {
        if let Some(db) = err.as_db_error() {
            if *db.code() == SqlState::FEATURE_NOT_SUPPORTED && db.message().contains("cached plan")
            {
                self.cache.remove(sql, &[]);
            }
        }
        Error::from(err)
    }

    /// Runs `sql` and maps every row with `map`.
    pub(crate) async fn fetch_all<'p, R>(
        &self,
        sql: &str,
        params: impl IntoIterator<Item = &'p (dyn ToSql + Sync), IntoIter: ExactSizeIterator>,
        map: impl FnMut(&Row) -> Result<R>,
    ) -> Result<Vec<R>> {
        traced(sql, async {
            let stmt = self.prepare(sql).await?;
            self.collect(sql, &stmt, params, map).await
        })
        .await
    }

    /// Runs `sql` with a prepared statement `stmt` already at hand and maps
    /// every row with `map`.
    pub(crate) async fn fetch_all_prepared<'p, R>(
        &self,
        sql: &str,
        stmt: &Statement,
        params: impl IntoIterator<Item = &'p (dyn ToSql + Sync), IntoIter: ExactSizeIterator>,
        map: impl FnMut(&Row) -> Result<R>,
    ) -> Result<Vec<R>> {
        traced(sql, self.collect(sql, stmt, params, map)).await
    }

    async fn collect<'p, R>(
        &self,
        sql: &str,
        stmt: &Statement,
        params: impl IntoIterator<Item = &'p (dyn ToSql + Sync), IntoIter: ExactSizeIterator>,
        mut map: impl FnMut(&Row) -> Result<R>,
    ) -> Result<Vec<R>> {
        let stream = self
            .client
            .query_raw(stmt, params)
            .await
            .map_err(|e| self.fail(sql, e))?;
        let mut stream = std::pin::pin!(stream);
        let mut out = Vec::new();
        while let Some(row) = stream.next().await {
            out.push(map(&row.map_err(|e| self.fail(sql, e))?)?);
        }
        Ok(out)
    }

    /// Runs `sql` and returns its rows as they are.
    pub(crate) async fn rows(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>> {
        traced(sql, async {
            let stmt = self.prepare(sql).await?;
            self.client
                .query(&stmt, params)
                .await
                .map_err(|e| self.fail(sql, e))
        })
        .await
    }

    /// Runs `sql`, which returns at most one row, and maps it with `map`; more
    /// than one row is an [`ErrorKind::Invalid`] error.
    pub(crate) async fn fetch_opt<'p, R>(
        &self,
        sql: &str,
        params: impl IntoIterator<Item = &'p (dyn ToSql + Sync), IntoIter: ExactSizeIterator>,
        map: impl FnOnce(&Row) -> Result<R>,
    ) -> Result<Option<R>> {
        traced(sql, async {
            let stmt = self.prepare(sql).await?;
            let stream = self
                .client
                .query_raw(&stmt, params)
                .await
                .map_err(|e| self.fail(sql, e))?;
            let mut stream = std::pin::pin!(stream);
            let first = match stream.next().await {
                None => return Ok(None),
                Some(row) => row.map_err(|e| self.fail(sql, e))?,
            };
            if let Some(extra) = stream.next().await {
                extra.map_err(|e| self.fail(sql, e))?;
                return Err(Error::new(
                    ErrorKind::Invalid,
                    "the query returned more than one row where at most one was expected",
                ));
            }
            map(&first).map(Some)
        })
        .await
    }

    /// Runs `sql` and returns the number of rows it changed.
    pub(crate) async fn execute<'p>(
        &self,
        sql: &str,
        params: impl IntoIterator<Item = &'p (dyn ToSql + Sync), IntoIter: ExactSizeIterator>,
    ) -> Result<u64> {
        traced(sql, async {
            let stmt = self.prepare(sql).await?;
            self.client
                .execute_raw(&stmt, params)
                .await
                .map_err(|e| self.fail(sql, e))
        })
        .await
    }
}

/// Runs `fut`, the execution of `sql`, inside a `strata::sql` span when a
/// subscriber listens at DEBUG level, and records how long it took. When
/// nobody listens this is one cached-interest check.
#[inline]
pub(crate) async fn traced<R>(sql: &str, fut: impl Future<Output = Result<R>>) -> Result<R> {
    if !tracing::enabled!(target: "strata::sql", tracing::Level::DEBUG) {
        return fut.await;
    }
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
