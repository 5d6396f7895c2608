//! The one trait repository code is written against: [`Executor`],
//! implemented by [`Session`](crate::Session) and
//! [`Transaction`](crate::Transaction), and sealed so only they implement it.
//!
//! Every operation of the runtime is a method here: typed CRUD
//! ([`insert`](Executor::insert), [`get`](Executor::get),
//! [`update`](Executor::update), [`delete`](Executor::delete),
//! [`upsert`](Executor::upsert), ...), the query builders
//! ([`select`](Executor::select), [`update_columns`](Executor::update_columns),
//! [`delete_where`](Executor::delete_where)), bulk [`copy_in`](Executor::copy_in)
//! and [`copy_out`](Executor::copy_out), and raw SQL ([`query_as`](Executor::query_as),
//! [`query_into`](Executor::query_into), [`execute`](Executor::execute)).
//! Each method only hands the borrowed connection (`conn::Conn`) to the layer
//! below: the one-shot operations (`crud`), the builders ([`crate::select`],
//! [`crate::write`]) or COPY (`copy`).
//! Every statement is prepared through the connection's statement cache and
//! runs in a `tracing` span (target `strata::sql`, level DEBUG) when, and
//! only when, a subscriber listens.
//!
//! Start reading at [`Executor::get`], then follow it into `crud::find`.

use std::future::Future;

use postgres_types::ToSql;
use tokio_postgres::Row;

use crate::conn::Conn;
use crate::copy::CopyOutRows;
use crate::crud;
use crate::error::Result;
use crate::key::KeyArg;
use crate::row::FromRow;
use crate::select::Select;
use crate::table::{Selectable, Table};
use crate::write::{DeleteWhere, InsertValues, UpdateColumns, Upsert};

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
/// # #[derive(Table, Clone, Debug)]
/// # #[table(name = "dgs_jobs")]
/// # pub struct Job {
/// #     #[column(primary_key)]
/// #     pub job_id: String,
/// #     pub status: String,
/// #     pub created_at: String,
/// # }
/// /// The oldest queued job, locked until the transaction ends; runs on a
/// /// session or inside a transaction alike.
/// async fn next_queued(db: &impl Executor) -> strata::Result<Option<Job>> {
///     db.select::<Job>()
///         .filter(|c| c.status.eq("queued"))
///         .order_by(|c| c.created_at.asc())
///         .for_update()
///         .skip_locked()
///         .first()
///         .await
/// }
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
    /// # #[derive(Table, Clone, Debug)]
    /// # #[table(name = "dgs_jobs")]
    /// # pub struct Job {
    /// #     #[column(primary_key)]
    /// #     pub job_id: String,
    /// #     pub status: String,
    /// #     pub progress: Option<f64>,
    /// #     pub attempts: i32,
    /// #     pub created_at: String,
    /// #     pub idempotency_key: Option<String>,
    /// # }
    /// # async fn demo(db: &impl Executor, job: Job) -> strata::Result<()> {
    /// let stored: Job = db.insert(&job).await?;
    /// assert_eq!(stored.job_id, job.job_id);
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
    /// # use strata::{Executor, Table};
    /// # #[derive(Table, Clone, Debug)]
    /// # #[table(name = "dgs_jobs")]
    /// # pub struct Job {
    /// #     #[column(primary_key)]
    /// #     pub job_id: String,
    /// #     pub status: String,
    /// #     pub progress: Option<f64>,
    /// #     pub attempts: i32,
    /// #     pub created_at: String,
    /// #     pub idempotency_key: Option<String>,
    /// # }
    /// # async fn demo(db: &impl Executor, job: Job) -> strata::Result<()> {
    /// let job: Job = db
    ///     .insert_values::<Job>()
    ///     .set(|c| c.job_id, "j-1")
    ///     .set(|c| c.status, "queued")
    ///     .set(|c| c.created_at, "2024-05-01T10:00:00Z")
    ///     .await?;
    /// assert_eq!(job.attempts, 0); // the column's default
    /// # Ok(()) }
    /// ```
    fn insert_values<T: Table>(&self) -> InsertValues<'_, T> {
        InsertValues::new(self.conn())
    }

    /// The row with primary key `key`; [`ErrorKind::NotFound`](crate::ErrorKind::NotFound) when there is
    /// none. `key` is the key field's value (a `&str` works for a `String`
    /// key) or a tuple for a composite key.
    ///
    /// ```no_run
    /// # use strata::{Executor, Table};
    /// # #[derive(Table, Clone, Debug)]
    /// # #[table(name = "dgs_jobs")]
    /// # pub struct Job {
    /// #     #[column(primary_key)]
    /// #     pub job_id: String,
    /// #     pub status: String,
    /// #     pub progress: Option<f64>,
    /// #     pub attempts: i32,
    /// #     pub created_at: String,
    /// #     pub idempotency_key: Option<String>,
    /// # }
    /// # async fn demo(db: &impl Executor, job: Job) -> strata::Result<()> {
    /// let job: Job = db.get::<Job>("j-1").await?;
    /// let maybe: Option<Job> = db.find::<Job>("j-2").await?;
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
    /// [`ErrorKind::NotFound`](crate::ErrorKind::NotFound) when no row has that key.
    fn update<T: Table>(&self, row: &T) -> impl Future<Output = Result<T>> + Send {
        crud::update(self.conn(), row)
    }

    /// An `UPDATE` of chosen columns of the rows matching a filter. Awaiting
    /// it returns the number of rows changed;
    /// [`returning`](UpdateColumns::returning) returns the rows.
    ///
    /// ```no_run
    /// # use strata::{Executor, Table};
    /// # #[derive(Table, Clone, Debug)]
    /// # #[table(name = "dgs_jobs")]
    /// # pub struct Job {
    /// #     #[column(primary_key)]
    /// #     pub job_id: String,
    /// #     pub status: String,
    /// #     pub progress: Option<f64>,
    /// #     pub attempts: i32,
    /// #     pub created_at: String,
    /// #     pub idempotency_key: Option<String>,
    /// # }
    /// # async fn demo(db: &impl Executor, job: Job) -> strata::Result<()> {
    /// let changed = db
    ///     .update_columns::<Job>()
    ///     .set(|c| c.progress, 0.5)
    ///     .increment(|c| c.attempts, 1)
    ///     .filter(|c| c.job_id.eq("j-1"))
    ///     .await?;
    /// # Ok(()) }
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
    /// # use strata::{Executor, Table};
    /// # #[derive(Table, Clone, Debug)]
    /// # #[table(name = "dgs_jobs")]
    /// # pub struct Job {
    /// #     #[column(primary_key)]
    /// #     pub job_id: String,
    /// #     pub status: String,
    /// #     pub progress: Option<f64>,
    /// #     pub attempts: i32,
    /// #     pub created_at: String,
    /// #     pub idempotency_key: Option<String>,
    /// # }
    /// # async fn demo(db: &impl Executor, job: Job) -> strata::Result<()> {
    /// let stored: Job = db.upsert(&job).await?;
    /// let stored: Job = db
    ///     .upsert(&job)
    ///     .on_conflict(|c| c.idempotency_key)
    ///     .conflict_where(|c| c.idempotency_key.is_not_null())
    ///     .update_only(|c| c.status)
    ///     .await?;
    /// # Ok(()) }
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
    /// # use strata::{Executor, Table};
    /// # #[derive(Table, Clone, Debug)]
    /// # #[table(name = "dgs_jobs")]
    /// # pub struct Job {
    /// #     #[column(primary_key)]
    /// #     pub job_id: String,
    /// #     pub status: String,
    /// #     pub progress: Option<f64>,
    /// #     pub attempts: i32,
    /// #     pub created_at: String,
    /// #     pub idempotency_key: Option<String>,
    /// # }
    /// # async fn demo(db: &impl Executor, job: Job) -> strata::Result<()> {
    /// let queued: Vec<Job> = db
    ///     .select::<Job>()
    ///     .filter(|c| c.status.eq("queued").and(c.attempts.lt(3)))
    ///     .order_by(|c| c.created_at.asc())
    ///     .limit(10)
    ///     .all()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    fn select<T: Selectable>(&self) -> Select<'_, T> {
        Select::new(self.conn())
    }

    /// Inserts `rows` through `COPY ... FROM STDIN (FORMAT binary)`: the
    /// fastest way to load many rows. Database-generated columns are left to
    /// the database. A value that cannot be encoded aborts the COPY (nothing
    /// is written) with an error naming the table, column and Rust type.
    /// Returns the number of rows written.
    fn copy_in<'a, T: Table>(
        &'a self,
        rows: impl IntoIterator<Item = &'a T, IntoIter: Send> + Send + 'a,
    ) -> impl Future<Output = Result<u64>> + Send + 'a {
        crate::copy::copy_in(self.conn(), rows)
    }

    /// Reads every row of `T`'s table through `COPY ... TO STDOUT (FORMAT
    /// binary)`: the fastest way to read a whole table, as a [`Stream`] of
    /// typed rows decoded as they arrive (memory stays bounded whatever the
    /// table's size; the server is read only as fast as the stream is
    /// consumed). Works on a session and inside a transaction (which sees
    /// its own writes). The column types come from the server at each call.
    /// Dropping the stream before its end cancels the COPY on the server,
    /// as dropping any statement does: the connection runs its next
    /// statement once the cancelled one has ended (inside a transaction the
    /// cancel aborts it, as for any cancelled statement), and is reset
    /// before it goes back to the pool.
    ///
    /// `COPY` takes no bind parameters, so there is no filter: for a subset,
    /// [`select`](Executor::select)`().filter(..).stream()` streams rows in
    /// bounded memory too.
    ///
    /// [`Stream`]: futures_util::Stream
    ///
    /// ```no_run
    /// # use strata::{Executor, Table};
    /// # #[derive(Table, Clone, Debug)]
    /// # #[table(name = "events")]
    /// # pub struct Event {
    /// #     #[column(primary_key)]
    /// #     pub id: i64,
    /// #     pub kind: String,
    /// # }
    /// # async fn demo(db: &impl Executor) -> strata::Result<()> {
    /// use futures_util::TryStreamExt;
    /// let mut rows = db.copy_out::<Event>().await?;
    /// while let Some(event) = rows.try_next().await? {
    ///     println!("{} {}", event.id, event.kind);
    /// }
    /// # Ok(()) }
    /// ```
    fn copy_out<T: Table>(&self) -> impl Future<Output = Result<CopyOutRows<'_, T>>> + Send {
        crate::copy::copy_out(self.conn())
    }

    /// Runs raw SQL and maps each row into `T` by column name (columns the
    /// model does not have are ignored; a model column missing from the
    /// result is an error naming it).
    ///
    /// ```no_run
    /// # use strata::{Executor, Table};
    /// # #[derive(Table, Clone, Debug)]
    /// # #[table(name = "dgs_jobs")]
    /// # pub struct Job {
    /// #     #[column(primary_key)]
    /// #     pub job_id: String,
    /// #     pub status: String,
    /// #     pub progress: Option<f64>,
    /// #     pub attempts: i32,
    /// #     pub created_at: String,
    /// #     pub idempotency_key: Option<String>,
    /// # }
    /// # async fn demo(db: &impl Executor, job: Job) -> strata::Result<()> {
    /// let rows: Vec<Job> = db
    ///     .query_as::<Job>("SELECT * FROM dgs_jobs WHERE status = $1", &[&"queued"])
    ///     .await?;
    /// # Ok(()) }
    /// ```
    fn query_as<'a, T: Table>(
        &'a self,
        sql: &'a str,
        params: &'a [&'a (dyn ToSql + Sync)],
    ) -> impl Future<Output = Result<Vec<T>>> + Send + 'a {
        crud::query_as(self.conn().raw(), sql, params)
    }

    /// Runs raw SQL and reads each row into `R`, a `#[derive(FromRow)]`
    /// struct, by column name (a field reads the column of its name, or of
    /// its `#[row(rename = "...")]`; other columns are ignored; a missing
    /// one is an error naming the field).
    ///
    /// ```no_run
    /// # use strata::{Executor, FromRow};
    /// #[derive(FromRow)]
    /// struct StatusCount {
    ///     status: String,
    ///     #[row(rename = "count")]
    ///     jobs: i64,
    /// }
    ///
    /// # async fn demo(db: &impl Executor) -> strata::Result<()> {
    /// let rows: Vec<StatusCount> = db
    ///     .query_into::<StatusCount>(
    ///         "SELECT status, count(*) FROM dgs_jobs WHERE attempts < $1 GROUP BY status",
    ///         &[&3_i32],
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    fn query_into<'a, R: FromRow + Send + 'a>(
        &'a self,
        sql: &'a str,
        params: &'a [&'a (dyn ToSql + Sync)],
    ) -> impl Future<Output = Result<Vec<R>>> + Send + 'a {
        crud::query_into(self.conn().raw(), sql, params)
    }

    /// Loads the children of each of `parents` through the foreign key from
    /// `C` to `P` the models declare: one query (`WHERE fk = ANY($1)`), the
    /// result aligned with `parents` (SQLAlchemy's `selectinload`).
    ///
    /// ```no_run
    /// # use strata::{Executor, Table};
    /// # #[derive(Table, Clone, Debug)]
    /// # #[table(name = "jobs")]
    /// # pub struct Job { #[column(primary_key)] pub job_id: String }
    /// # #[derive(Table, Clone, Debug)]
    /// # #[table(name = "lessons")]
    /// # pub struct Lesson {
    /// #     #[column(primary_key)] pub lesson_id: String,
    /// #     #[column(references = "jobs(job_id)")] pub job_id: Option<String>,
    /// # }
    /// # async fn demo(db: &impl Executor) -> strata::Result<()> {
    /// let jobs: Vec<Job> = db.select::<Job>().limit(50).all().await?;
    /// let lessons: Vec<Vec<Lesson>> = db.load_children::<Job, Lesson>(&jobs).await?;
    /// for (job, lessons) in jobs.iter().zip(&lessons) {
    ///     println!("{}: {} lessons", job.job_id, lessons.len());
    /// }
    /// # Ok(()) }
    /// ```
    fn load_children<'a, P: Table, C: Table>(
        &'a self,
        parents: &'a [P],
    ) -> impl Future<Output = Result<Vec<Vec<C>>>> + Send + 'a {
        crate::relation::children::<P, C>(self.conn(), parents)
    }

    /// Loads the parent of each of `children` through the foreign key from
    /// `C` to `P`: one query, the result aligned with `children` (`None`
    /// where the key is NULL or matches nothing).
    fn load_parents<'a, C: Table, P: Table + Clone>(
        &'a self,
        children: &'a [C],
    ) -> impl Future<Output = Result<Vec<Option<P>>>> + Send + 'a {
        crate::relation::parents::<C, P>(self.conn(), children)
    }

    /// One round trip to the server (`SELECT 1`), for health checks. Unlike
    /// raw SQL it leaves the session clean.
    fn ping(&self) -> impl Future<Output = Result<()>> + Send + '_ {
        let conn = self.conn();
        async move { conn.execute("SELECT 1", &[]).await.map(|_| ()) }
    }

    /// Sends a notification on `channel` (`pg_notify`; both are bind
    /// parameters). Inside a transaction it is delivered at commit. Receive
    /// notifications with a [`Listener`](crate::Listener).
    fn notify<'a>(
        &'a self,
        channel: &'a str,
        payload: &'a str,
    ) -> impl Future<Output = Result<()>> + Send + 'a {
        let conn = self.conn();
        async move {
            conn.execute("SELECT pg_notify($1, $2)", &[&channel, &payload])
                .await
                .map(|_| ())
        }
    }

    /// Runs raw SQL and returns the rows.
    fn query<'a>(
        &'a self,
        sql: &'a str,
        params: &'a [&'a (dyn ToSql + Sync)],
    ) -> impl Future<Output = Result<Vec<Row>>> + Send + 'a {
        let conn = self.conn().raw();
        async move { conn.rows(sql, params).await }
    }

    /// Runs one raw SQL statement and returns the number of rows it changed.
    fn execute<'a>(
        &'a self,
        sql: &'a str,
        params: &'a [&'a (dyn ToSql + Sync)],
    ) -> impl Future<Output = Result<u64>> + Send + 'a {
        let conn = self.conn().raw();
        async move { conn.execute(sql, params).await }
    }

    /// Runs several raw SQL statements separated by semicolons, without
    /// parameters (the simple query protocol).
    fn batch_execute<'a>(&'a self, sql: &'a str) -> impl Future<Output = Result<()>> + Send + 'a {
        let conn = self.conn().raw();
        async move { conn.batch_execute(sql).await }
    }
}
