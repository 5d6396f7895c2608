//! The one trait repository code is written against: [`Executor`],
//! implemented by [`Session`](crate::Session) and
//! [`Transaction`](crate::Transaction).
//!
//! Every operation of the runtime is a method here: typed CRUD
//! ([`insert`](Executor::insert), [`get`](Executor::get),
//! [`update`](Executor::update), [`delete`](Executor::delete),
//! [`upsert`](Executor::upsert), ...), the query builders
//! ([`select`](Executor::select), [`update_columns`](Executor::update_columns),
//! [`delete_where`](Executor::delete_where)), bulk [`copy_in`](Executor::copy_in)
//! and raw SQL ([`query_as`](Executor::query_as), [`execute`](Executor::execute)).
//! The methods delegate to [`crate::crud`], [`crate::query`] and
//! [`crate::copy`]; this module also holds [`Conn`], the borrowed connection
//! they all run on: it prepares statements through the connection's cache
//! and wraps every statement in a `tracing` span (target `strata::sql`, level
//! DEBUG) when, and only when, a subscriber listens.

use std::future::Future;
use std::time::Instant;

use futures_util::StreamExt;
use postgres_types::ToSql;
use tokio_postgres::{Row, Statement};

use crate::crud::{self, DeleteWhere, InsertValues, KeyArg, UpdateColumns, Upsert};
use crate::error::{Error, ErrorKind, Result};
use crate::query::Select;
use crate::table::Table;

pub(crate) mod sealed {
    /// Only strata's session and transaction types implement `Executor`.
    pub trait Sealed {}
}

/// Something statements run on: a [`Session`](crate::Session) or a
/// [`Transaction`](crate::Transaction). Write repository code against
/// `&impl Executor` and it runs inside or outside a transaction alike.
///
/// ```no_run
/// # use strata::{Executor, Table};
/// # #[derive(Debug)] struct Job;
/// # fn demo() {}
/// // async fn claim_next(db: &impl Executor) -> strata::Result<Option<Job>> { ... }
/// ```
///
/// All futures returned here are `Send`.
pub trait Executor: sealed::Sealed + Send + Sync {
    /// The borrowed connection statements run on.
    #[doc(hidden)]
    fn conn(&self) -> Conn<'_>;

    /// Inserts `row` and returns it as stored: database-generated columns
    /// (identity, serial) are filled by PostgreSQL, and anything a trigger
    /// changed is visible.
    ///
    /// ```no_run
    /// # use strata::{Executor, Table};
    /// # async fn demo<T: Table>(db: &impl Executor, job: T) -> strata::Result<()> {
    /// let stored = db.insert(&job).await?;
    /// # Ok(()) }
    /// ```
    fn insert<T: Table>(&self, row: &T) -> impl Future<Output = Result<T>> + Send {
        crud::insert(self.conn(), row)
    }

    /// Inserts all `rows` with one `INSERT ... VALUES (...), (...)` statement
    /// and returns them as stored, in order. Batches beyond PostgreSQL's
    /// 65,535 bind parameters are split into several statements (atomic only
    /// inside a transaction); for large batches prefer
    /// [`copy_in`](Executor::copy_in).
    fn insert_many<T: Table>(&self, rows: &[T]) -> impl Future<Output = Result<Vec<T>>> + Send {
        crud::insert_many(self.conn(), rows)
    }

    /// An insert that sets only the chosen columns; the others take their
    /// database defaults. Awaiting it returns the stored row.
    ///
    /// ```no_run
    /// # use strata::Executor;
    /// # async fn demo<J: strata::Table>(db: &impl Executor) -> strata::Result<()> { Ok(()) }
    /// // let job: Job = db.insert_values::<Job>()
    /// //     .set(|c| c.job_id, "j-1")
    /// //     .set(|c| c.status, "queued")
    /// //     .await?;
    /// ```
    fn insert_values<T: Table>(&self) -> InsertValues<'_, T> {
        InsertValues::new(self.conn())
    }

    /// The row with primary key `key`; [`ErrorKind::NotFound`] when there is
    /// none. `key` is the key field's value (a `&str` works for a `String`
    /// key) or a tuple for a composite key.
    ///
    /// ```no_run
    /// # async fn demo<J: strata::Table<Key = String>>(db: &impl strata::Executor) -> strata::Result<()> {
    /// let job: J = db.get::<J>("j-1").await?;
    /// # Ok(()) }
    /// ```
    fn get<T: Table>(&self, key: impl KeyArg<T::Key>) -> impl Future<Output = Result<T>> + Send {
        crud::get(self.conn(), key)
    }

    /// The row with primary key `key`, if there is one.
    fn find<T: Table>(
        &self,
        key: impl KeyArg<T::Key>,
    ) -> impl Future<Output = Result<Option<T>>> + Send {
        crud::find(self.conn(), key)
    }

    /// Writes every column of `row` (but the key and database-generated
    /// ones) to the row with its primary key; returns the stored row.
    /// [`ErrorKind::NotFound`] when no row has that key.
    fn update<T: Table>(&self, row: &T) -> impl Future<Output = Result<T>> + Send {
        crud::update(self.conn(), row)
    }

    /// An `UPDATE` of chosen columns of the rows matching a filter. Awaiting
    /// it returns the number of rows changed;
    /// [`returning`](UpdateColumns::returning) returns the rows.
    ///
    /// ```no_run
    /// # async fn demo(db: &impl strata::Executor) -> strata::Result<()> { Ok(()) }
    /// // db.update_columns::<Job>()
    /// //     .set(|c| c.progress, 0.5)
    /// //     .filter(|c| c.job_id.eq("j-1"))
    /// //     .await?;
    /// ```
    fn update_columns<T: Table>(&self) -> UpdateColumns<'_, T> {
        UpdateColumns::new(self.conn())
    }

    /// Deletes the row with primary key `key`; true when there was one.
    fn delete<T: Table>(
        &self,
        key: impl KeyArg<T::Key>,
    ) -> impl Future<Output = Result<bool>> + Send {
        crud::delete::<T>(self.conn(), key)
    }

    /// A `DELETE` of the rows matching a filter. Awaiting it returns the
    /// number of rows deleted.
    fn delete_where<T: Table>(&self) -> DeleteWhere<'_, T> {
        DeleteWhere::new(self.conn())
    }

    /// `INSERT ... ON CONFLICT (...) DO UPDATE SET ... RETURNING ...`: by
    /// default on the primary key, updating every other column. Awaiting it
    /// returns the stored row.
    ///
    /// ```no_run
    /// # async fn demo(db: &impl strata::Executor) -> strata::Result<()> { Ok(()) }
    /// // let stored = db.upsert(&job).await?;
    /// // let stored = db.upsert(&job)
    /// //     .on_conflict(|c| c.idempotency_key)
    /// //     .conflict_where(|c| c.idempotency_key.is_not_null())
    /// //     .update_only(|c| c.status)
    /// //     .await?;
    /// ```
    fn upsert<'a, T: Table>(&'a self, row: &'a T) -> Upsert<'a, T> {
        Upsert::new(self.conn(), row)
    }

    /// A `SELECT` of whole rows of `T` with typed filters, ordering, paging
    /// and row locks; finish it with [`all`](Select::all),
    /// [`first`](Select::first), [`one`](Select::one),
    /// [`count`](Select::count) or [`exists`](Select::exists).
    ///
    /// ```no_run
    /// # async fn demo(db: &impl strata::Executor) -> strata::Result<()> { Ok(()) }
    /// // let queued: Vec<Job> = db.select::<Job>()
    /// //     .filter(|c| c.status.eq("queued").and(c.attempts.lt(3)))
    /// //     .order_by(|c| c.created_at.asc())
    /// //     .limit(10)
    /// //     .all()
    /// //     .await?;
    /// ```
    fn select<T: Table>(&self) -> Select<'_, T> {
        Select::new(self.conn())
    }

    /// Inserts `rows` through `COPY ... FROM STDIN (FORMAT binary)`: the
    /// fastest way to load many rows. Database-generated columns are left to
    /// the database. Returns the number of rows written.
    fn copy_in<'a, T: Table>(
        &'a self,
        rows: impl IntoIterator<Item = &'a T, IntoIter: Send> + Send + 'a,
    ) -> impl Future<Output = Result<u64>> + Send + 'a {
        crate::copy::copy_in(self.conn(), rows)
    }

    /// Runs raw SQL and maps each row into `T` by column name (columns the
    /// model does not have are ignored; a model column missing from the
    /// result is an error naming it).
    ///
    /// ```no_run
    /// # async fn demo<J: strata::Table>(db: &impl strata::Executor) -> strata::Result<()> {
    /// let rows: Vec<J> = db
    ///     .query_as::<J>("SELECT * FROM dgs_jobs WHERE status = $1", &[&"queued"])
    ///     .await?;
    /// # Ok(()) }
    /// ```
    fn query_as<'a, T: Table>(
        &'a self,
        sql: &'a str,
        params: &'a [&'a (dyn ToSql + Sync)],
    ) -> impl Future<Output = Result<Vec<T>>> + Send + 'a {
        crud::query_as(self.conn(), sql, params)
    }

    /// Runs raw SQL and returns the rows.
    fn query<'a>(
        &'a self,
        sql: &'a str,
        params: &'a [&'a (dyn ToSql + Sync)],
    ) -> impl Future<Output = Result<Vec<Row>>> + Send + 'a {
        let conn = self.conn();
        async move {
            conn.fetch_all(sql, params.iter().copied(), |row| Ok(row.clone()))
                .await
        }
    }

    /// Runs one raw SQL statement and returns the number of rows it changed.
    fn execute<'a>(
        &'a self,
        sql: &'a str,
        params: &'a [&'a (dyn ToSql + Sync)],
    ) -> impl Future<Output = Result<u64>> + Send + 'a {
        let conn = self.conn();
        async move { conn.execute(sql, params.iter().copied()).await }
    }

    /// Runs several raw SQL statements separated by semicolons, without
    /// parameters (the simple query protocol).
    fn batch_execute<'a>(&'a self, sql: &'a str) -> impl Future<Output = Result<()>> + Send + 'a {
        let conn = self.conn();
        async move {
            traced(sql, async {
                conn.client.batch_execute(sql).await?;
                Ok(())
            })
            .await
        }
    }
}

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

    /// Runs `sql` and maps every row with `map`.
    pub(crate) async fn fetch_all<'p, R>(
        &self,
        sql: &str,
        params: impl IntoIterator<Item = &'p (dyn ToSql + Sync), IntoIter: ExactSizeIterator>,
        mut map: impl FnMut(&Row) -> Result<R>,
    ) -> Result<Vec<R>> {
        traced(sql, async {
            let stmt = self.prepare(sql).await?;
            let stream = self.client.query_raw(&stmt, params).await?;
            let mut stream = std::pin::pin!(stream);
            let mut out = Vec::new();
            while let Some(row) = stream.next().await {
                out.push(map(&row?)?);
            }
            Ok(out)
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
        mut map: impl FnMut(&Row) -> Result<R>,
    ) -> Result<Vec<R>> {
        traced(sql, async {
            let stream = self.client.query_raw(stmt, params).await?;
            let mut stream = std::pin::pin!(stream);
            let mut out = Vec::new();
            while let Some(row) = stream.next().await {
                out.push(map(&row?)?);
            }
            Ok(out)
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
            let stream = self.client.query_raw(&stmt, params).await?;
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
            Ok(self.client.execute_raw(&stmt, params).await?)
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
