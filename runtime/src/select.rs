//! The `SELECT` builder: [`Select<T>`] (from
//! [`Executor::select`](crate::Executor::select)) takes filters and ordering
//! from [`crate::filter`], adds `LIMIT`/`OFFSET` and row locks (`FOR UPDATE`,
//! `SKIP LOCKED`, `NOWAIT`), and runs with one of the terminals
//! [`all`](Select::all), [`first`](Select::first), [`one`](Select::one),
//! [`count`](Select::count), [`exists`](Select::exists), or
//! [`stream`](Select::stream) (rows as they arrive, in bounded memory).
//!
//! The statement starts from the table's prebuilt
//! `SELECT <columns> FROM <table>` (`table_sql`); only the `WHERE`,
//! `ORDER BY`, window and lock clauses are written per call, with every
//! value (limits and offsets included) as a bind parameter.
//!
//! Start reading at [`Select::all`], then `Select::render_select`.

use std::fmt::Write as _;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_util::Stream;
use postgres_types::ToSql;

use crate::aggregate::{Projection, ProjectsInto};
use crate::column::Column;
use crate::conn::{traced, Conn};
use crate::error::{Error, ErrorKind, Result};
use crate::filter::{and_nodes, ExistsNode, Filter, Node, Order};
use crate::join::{related, Inner, Join, JoinKind, Left, On};
use crate::pooled::InFlight;
use crate::row::FromRow;
use crate::table::{Selectable, Table};
use crate::table_sql::read_sql_for as sql_for;

/// The row lock strength of a `SELECT ... FOR ...`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LockStrength {
    Update,
    NoKeyUpdate,
    Share,
    KeyShare,
}

/// What a locking `SELECT` does about rows another transaction has locked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LockWait {
    Wait,
    SkipLocked,
    NoWait,
}

/// A `SELECT` of rows of `T`; made by
/// [`Executor::select`](crate::Executor::select).
///
/// The job-queue pattern (run it inside a transaction, so the lock lasts
/// until commit):
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
/// # async fn demo(pool: &strata::Pool) -> strata::Result<()> {
/// let mut session = pool.session().await?;
/// let tx = session.transaction().await?;
/// if let Some(job) = tx
///     .select::<Job>()
///     .filter(|c| c.status.eq("queued"))
///     .order_by(|c| c.created_at.asc())
///     .for_update()
///     .skip_locked()
///     .first()
///     .await?
/// {
///     tx.update_columns::<Job>()
///         .set(|c| c.status, "running")
///         .filter(|c| c.job_id.eq(&job.job_id))
///         .await?;
/// }
/// tx.commit().await?;
/// # Ok(()) }
/// ```
#[must_use = "a Select does nothing until a terminal (`all`, `first`, `one`, `count`, `exists`) is awaited"]
pub struct Select<'e, T> {
    conn: Conn<'e>,
    /// Why the query cannot run (a relation that does not exist), reported
    /// by every terminal before anything is sent.
    error: Option<String>,
    distinct: bool,
    distinct_on: Vec<&'static str>,
    group_by: Vec<&'static str>,
    having: Option<Node>,
    filter: Option<Node>,
    order: Vec<Order<T>>,
    limit: Option<i64>,
    offset: Option<i64>,
    lock: Option<(LockStrength, LockWait)>,
}

impl<T> std::fmt::Debug for Select<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Select")
            .field("order", &self.order)
            .field("limit", &self.limit)
            .field("offset", &self.offset)
            .finish_non_exhaustive()
    }
}

impl<'e, T: Selectable> Select<'e, T> {
    pub(crate) fn new(conn: Conn<'e>) -> Select<'e, T> {
        Select {
            conn,
            error: None,
            distinct: false,
            distinct_on: Vec::new(),
            group_by: Vec::new(),
            having: None,
            filter: None,
            order: Vec::new(),
            limit: None,
            offset: None,
            lock: None,
        }
    }

    /// Keeps the rows matching the filter built by `f` from the table's
    /// column handles. Several calls combine with `AND`.
    pub fn filter(self, f: impl FnOnce(&T::Columns) -> Filter<T>) -> Select<'e, T> {
        let filter = f(T::columns());
        self.where_(filter)
    }

    /// Keeps the rows matching `filter` (built beforehand, e.g. from
    /// `T::columns()`). Several calls combine with `AND`.
    pub fn where_(mut self, filter: Filter<T>) -> Select<'e, T> {
        self.filter = Some(and_nodes(self.filter.take(), filter));
        self
    }

    /// Appends an `ORDER BY` item: `.order_by(|c| c.created_at.desc())`.
    pub fn order_by(mut self, f: impl FnOnce(&T::Columns) -> Order<T>) -> Select<'e, T> {
        self.order.push(f(T::columns()));
        self
    }

    /// `SELECT DISTINCT`: identical result rows once (for projections).
    pub fn distinct(mut self) -> Select<'e, T> {
        self.distinct = true;
        self
    }

    /// `SELECT DISTINCT ON (column)` (several calls add columns): the first
    /// row of each group of equal values, in the chosen order (which must
    /// start with these columns; the server says so otherwise). The latest
    /// job of each status:
    /// `.distinct_on(|c| c.status).order_by(|c| c.status.asc()).order_by(|c| c.created_at.desc())`.
    pub fn distinct_on<V>(mut self, f: impl FnOnce(&T::Columns) -> Column<T, V>) -> Select<'e, T> {
        self.distinct_on.push(f(T::columns()).name());
        self
    }

    /// The error of a query that cannot run.
    fn check(&self) -> Result<()> {
        match &self.error {
            Some(why) => Err(Error::new(ErrorKind::Invalid, why.clone())),
            None => Ok(()),
        }
    }

    /// `GROUP BY column` (several calls add columns), for a
    /// [`project`](Select::project)ion with aggregates.
    pub fn group_by<V>(mut self, f: impl FnOnce(&T::Columns) -> Column<T, V>) -> Select<'e, T> {
        self.group_by.push(f(T::columns()).name());
        self
    }

    /// `HAVING`: keeps the groups whose aggregates match, e.g.
    /// `.having(|c| count().gt(5))` (several calls combine with `AND`).
    pub fn having(mut self, f: impl FnOnce(&T::Columns) -> Filter<T>) -> Select<'e, T> {
        self.having = Some(and_nodes(self.having.take(), f(T::columns())));
        self
    }

    /// Selects chosen columns and aggregates instead of whole rows: one
    /// expression or a tuple of up to eight, read into the matching Rust
    /// tuple. With [`group_by`](Select::group_by) and
    /// [`having`](Select::having):
    ///
    /// ```no_run
    /// # use strata::{Executor, Table};
    /// # #[derive(Table, Clone, Debug)]
    /// # #[table(name = "jobs")]
    /// # pub struct Job {
    /// #     #[column(primary_key)]
    /// #     pub job_id: String,
    /// #     pub status: String,
    /// #     pub attempts: i32,
    /// # }
    /// # async fn demo(db: &impl Executor) -> strata::Result<()> {
    /// use strata::aggregate::count;
    /// let per_status: Vec<(String, i64, Option<i64>)> = db
    ///     .select::<Job>()
    ///     .group_by(|c| c.status)
    ///     .having(|_| count().gt(1_i64))
    ///     .order_by(|_| count().desc())
    ///     .project(|c| (c.status, count(), c.attempts.sum()))
    ///     .all()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn project<P: Projection<T>>(
        self,
        f: impl FnOnce(&T::Columns) -> P,
    ) -> Projected<'e, T, P> {
        let projection = f(T::columns());
        Projected {
            select: self,
            projection,
        }
    }

    /// `LIMIT n`.
    pub fn limit(mut self, n: i64) -> Select<'e, T> {
        self.limit = Some(n);
        self
    }

    /// `OFFSET n`.
    pub fn offset(mut self, n: i64) -> Select<'e, T> {
        self.offset = Some(n);
        self
    }

    fn lock(mut self, strength: LockStrength) -> Select<'e, T> {
        let wait = self.lock.map(|(_, w)| w).unwrap_or(LockWait::Wait);
        self.lock = Some((strength, wait));
        self
    }

    /// `FOR UPDATE`: lock the selected rows against writers until the
    /// transaction ends.
    pub fn for_update(self) -> Select<'e, T> {
        self.lock(LockStrength::Update)
    }

    /// `FOR NO KEY UPDATE`.
    pub fn for_no_key_update(self) -> Select<'e, T> {
        self.lock(LockStrength::NoKeyUpdate)
    }

    /// `FOR SHARE`.
    pub fn for_share(self) -> Select<'e, T> {
        self.lock(LockStrength::Share)
    }

    /// `FOR KEY SHARE`.
    pub fn for_key_share(self) -> Select<'e, T> {
        self.lock(LockStrength::KeyShare)
    }

    /// `SKIP LOCKED`: rows locked by others are left out (implies
    /// `FOR UPDATE` when no lock strength was chosen).
    pub fn skip_locked(mut self) -> Select<'e, T> {
        let strength = self.lock.map(|(s, _)| s).unwrap_or(LockStrength::Update);
        self.lock = Some((strength, LockWait::SkipLocked));
        self
    }

    /// `NOWAIT`: fail at once (SQLSTATE 55P03) instead of waiting for rows
    /// locked by others (implies `FOR UPDATE` when no lock strength was
    /// chosen).
    pub fn nowait(mut self) -> Select<'e, T> {
        let strength = self.lock.map(|(s, _)| s).unwrap_or(LockStrength::Update);
        self.lock = Some((strength, LockWait::NoWait));
        self
    }

    /// Appends ` WHERE ...` to `sql`.
    fn render_where<'a>(&'a self, sql: &mut String, params: &mut Vec<&'a (dyn ToSql + Sync)>) {
        if let Some(f) = &self.filter {
            sql.push_str(" WHERE ");
            f.render(sql, params);
        }
    }

    /// Appends ` ORDER BY ... LIMIT ... OFFSET ...` to `sql`.
    fn render_tail<'a>(&'a self, sql: &mut String, params: &mut Vec<&'a (dyn ToSql + Sync)>) {
        for (i, o) in self.order.iter().enumerate() {
            sql.push_str(if i == 0 { " ORDER BY " } else { ", " });
            o.render(sql);
        }
        if let Some(limit) = &self.limit {
            params.push(limit);
            let _ = write!(sql, " LIMIT ${}", params.len());
        }
        if let Some(offset) = &self.offset {
            params.push(offset);
            let _ = write!(sql, " OFFSET ${}", params.len());
        }
    }

    fn render_distinct_on(&self, sql: &mut String) {
        if self.distinct_on.is_empty() {
            return;
        }
        sql.push_str("DISTINCT ON (");
        for (i, col) in self.distinct_on.iter().enumerate() {
            if i > 0 {
                sql.push_str(", ");
            }
            let _ = write!(sql, "{}", crate::ident::Ident(col));
        }
        sql.push_str(") ");
    }

    fn render_lock(&self, sql: &mut String) {
        if let Some((strength, wait)) = self.lock {
            sql.push_str(match strength {
                LockStrength::Update => " FOR UPDATE",
                LockStrength::NoKeyUpdate => " FOR NO KEY UPDATE",
                LockStrength::Share => " FOR SHARE",
                LockStrength::KeyShare => " FOR KEY SHARE",
            });
            sql.push_str(match wait {
                LockWait::Wait => "",
                LockWait::SkipLocked => " SKIP LOCKED",
                LockWait::NoWait => " NOWAIT",
            });
        }
    }

    /// The statement text and its parameters, with `limit` overriding the
    /// builder's.
    fn render_select<'a>(
        &'a self,
        limit_one: &'a i64,
        force_limit: bool,
    ) -> (String, Vec<&'a (dyn ToSql + Sync)>) {
        let sqls = sql_for::<T>();
        let mut sql = String::with_capacity(sqls.select.len() + 64);
        if self.distinct_on.is_empty() {
            sql.push_str(&sqls.select);
        } else {
            // "SELECT <columns> ..." → "SELECT DISTINCT ON (...) <columns> ..."
            sql.push_str("SELECT ");
            self.render_distinct_on(&mut sql);
            sql.push_str(sqls.select.strip_prefix("SELECT ").unwrap_or(&sqls.select));
        }
        let mut params = Vec::new();
        self.render_where(&mut sql, &mut params);
        if force_limit {
            for (i, o) in self.order.iter().enumerate() {
                sql.push_str(if i == 0 { " ORDER BY " } else { ", " });
                o.render(&mut sql);
            }
            params.push(limit_one);
            let _ = write!(sql, " LIMIT ${}", params.len());
            if let Some(offset) = &self.offset {
                params.push(offset);
                let _ = write!(sql, " OFFSET ${}", params.len());
            }
        } else {
            self.render_tail(&mut sql, &mut params);
        }
        self.render_lock(&mut sql);
        (sql, params)
    }

    /// All matching rows.
    pub async fn all(self) -> Result<Vec<T>> {
        self.check()?;
        let (sql, params) = self.render_select(&1, false);
        let positions = &sql_for::<T>().positions;
        self.conn
            .fetch_all(&sql, &params, |row| T::decode(row, positions))
            .await
    }

    /// The matching rows as a [`Stream`], decoded as they arrive: memory
    /// stays bounded whatever the number of rows (the server is read only
    /// as fast as the stream is consumed). Works on a session and inside a
    /// transaction. Dropping the stream before its end cancels the query on
    /// the server, as dropping any statement does; the connection runs its
    /// next statement once the cancelled one has ended.
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
    /// let mut rows = db.select::<Event>().order_by(|c| c.id.asc()).stream().await?;
    /// while let Some(event) = rows.try_next().await? {
    ///     println!("{}", event.kind);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn stream(self) -> Result<RowStream<'e, T>> {
        self.check()?;
        let (sql, params) = self.render_select(&1, false);
        let conn = self.conn;
        traced(&sql, async {
            conn.pg.ready().await?;
            let guard = InFlight::start(conn.pg);
            let started = async {
                let stmt = conn.pg.prepare(&sql).await?;
                Ok::<_, Error>(conn.client.query_raw(&stmt, params.iter().copied()).await?)
            };
            let rows = match started.await {
                Ok(rows) => rows,
                Err(e) => {
                    guard.finish();
                    if e.kind() == ErrorKind::SchemaChanged {
                        conn.pg.evict(&sql);
                    }
                    return Err(e);
                }
            };
            Ok(RowStream {
                rows: Box::pin(rows),
                guard: Some(guard),
                positions: &sql_for::<T>().positions,
                _row: std::marker::PhantomData,
            })
        })
        .await
    }

    /// The first matching row (in the chosen order), if any: the query runs
    /// with `LIMIT 1`.
    pub async fn first(self) -> Result<Option<T>> {
        self.check()?;
        let (sql, params) = self.render_select(&1, true);
        let positions = &sql_for::<T>().positions;
        self.conn
            .fetch_opt(&sql, &params, |row| T::decode(row, positions))
            .await
    }

    /// The one matching row: [`ErrorKind::NotFound`] when there is none,
    /// [`ErrorKind::Invalid`] when there are several.
    pub async fn one(self) -> Result<T> {
        self.check()?;
        let (sql, params) = self.render_select(&1, false);
        let positions = &sql_for::<T>().positions;
        match self
            .conn
            .fetch_opt(&sql, &params, |row| T::decode(row, positions))
            .await?
        {
            Some(row) => Ok(row),
            None => Err(Error::not_found(&sql_for::<T>().table)),
        }
    }

    /// The number of matching rows (`count(*)`; with `LIMIT`/`OFFSET`, of
    /// the rows in that window). Ordering and row locks do not apply.
    pub async fn count(self) -> Result<i64> {
        self.check()?;
        let sqls = sql_for::<T>();
        let mut sql = String::with_capacity(64);
        let mut params = Vec::new();
        let windowed = self.limit.is_some() || self.offset.is_some();
        if windowed {
            let _ = write!(sql, "SELECT count(*) FROM (SELECT 1 FROM {}", sqls.table);
        } else {
            let _ = write!(sql, "SELECT count(*) FROM {}", sqls.table);
        }
        self.render_where(&mut sql, &mut params);
        if windowed {
            self.render_tail(&mut sql, &mut params);
            sql.push_str(") AS counted");
        }
        let n = self
            .conn
            .fetch_opt(&sql, &params, |row| {
                row.try_get::<_, i64>(0).map_err(|e| {
                    Error::new(ErrorKind::Decode, format!("cannot read count(*): {e}"))
                })
            })
            .await?;
        Ok(n.unwrap_or(0))
    }

    /// True when at least one row matches (`SELECT EXISTS (...)`). Ordering
    /// and row locks do not apply.
    pub async fn exists(self) -> Result<bool> {
        self.check()?;
        let sqls = sql_for::<T>();
        let mut sql = String::with_capacity(64);
        let mut params = Vec::new();
        let _ = write!(sql, "SELECT EXISTS (SELECT 1 FROM {}", sqls.table);
        self.render_where(&mut sql, &mut params);
        self.render_tail(&mut sql, &mut params);
        sql.push(')');
        let found = self
            .conn
            .fetch_opt(&sql, &params, |row| {
                row.try_get::<_, bool>(0)
                    .map_err(|e| Error::new(ErrorKind::Decode, format!("cannot read EXISTS: {e}")))
            })
            .await?;
        Ok(found.unwrap_or(false))
    }

    /// The statement text this select would run (for logs and tests).
    pub fn to_sql(&self) -> String {
        self.render_select(&1, false).0
    }
}

/// What needs a table (its foreign keys): joins and `EXISTS` filters.
impl<'e, T: Table> Select<'e, T> {
    /// Keeps the rows of `T` that have at least one related row of `U`
    /// (through the one foreign key between them) matching `f`: `WHERE
    /// EXISTS (SELECT 1 FROM u WHERE u.fk = t.key AND ...)`.
    pub fn filter_exists<U: Table>(
        self,
        f: impl FnOnce(&U::Columns) -> Filter<U>,
    ) -> Select<'e, T> {
        self.exists_node::<U>(f(U::columns()), false)
    }

    /// Keeps the rows of `T` that have no related row of `U` matching `f`.
    pub fn filter_not_exists<U: Table>(
        self,
        f: impl FnOnce(&U::Columns) -> Filter<U>,
    ) -> Select<'e, T> {
        self.exists_node::<U>(f(U::columns()), true)
    }

    fn exists_node<U: Table>(mut self, filter: Filter<U>, negated: bool) -> Select<'e, T> {
        match related::<T, U>() {
            Ok(pairs) => {
                let node = Node::Exists(Box::new(ExistsNode {
                    outer: crate::ident::Qualified(T::SCHEMA, T::NAME).to_string(),
                    inner: crate::ident::Qualified(U::SCHEMA, U::NAME).to_string(),
                    pairs,
                    filter: filter.into_node(),
                    negated,
                }));
                self.filter = Some(and_nodes(self.filter.take(), Filter::<T>::from_node(node)));
            }
            Err(why) => {
                self.error.get_or_insert(why);
            }
        }
        self
    }

    /// An inner join with `B` on a typed condition; rows read as `(T, B)`.
    ///
    /// ```no_run
    /// # use strata::{Executor, Table};
    /// # #[derive(Table, Clone, Debug)]
    /// # #[table(name = "lessons")]
    /// # pub struct Lesson {
    /// #     #[column(primary_key)]
    /// #     pub lesson_id: String,
    /// #     pub topic: String,
    /// # }
    /// # #[derive(Table, Clone, Debug)]
    /// # #[table(name = "jobs")]
    /// # pub struct Job {
    /// #     #[column(primary_key)]
    /// #     pub job_id: String,
    /// #     pub status: String,
    /// #     pub lesson_id: Option<String>,
    /// # }
    /// # async fn demo(db: &impl Executor) -> strata::Result<()> {
    /// let done: Vec<(Job, Lesson)> = db
    ///     .select::<Job>()
    ///     .filter(|j| j.status.eq("done"))
    ///     .join::<Lesson>(|j, l| j.lesson_id.on(l.lesson_id))
    ///     .filter_joined(|l| l.topic.eq("fractions"))
    ///     .all()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn join<B: Table>(
        self,
        on: impl FnOnce(&T::Columns, &B::Columns) -> On<T, B>,
    ) -> Join<'e, T, B, Inner> {
        let on = on(T::columns(), B::columns());
        self.into_join(Ok(on.pairs()))
    }

    /// A left join with `B` on a typed condition; rows read as
    /// `(T, Option<B>)`.
    pub fn left_join<B: Table>(
        self,
        on: impl FnOnce(&T::Columns, &B::Columns) -> On<T, B>,
    ) -> Join<'e, T, B, Left> {
        let on = on(T::columns(), B::columns());
        self.into_join(Ok(on.pairs()))
    }

    /// An inner join with `B` on the one foreign key the models declare
    /// between the two tables (either way); an error when there is none or
    /// several.
    pub fn join_related<B: Table>(self) -> Join<'e, T, B, Inner> {
        self.into_join(related::<T, B>())
    }

    /// A left join with `B` on the foreign key between them (see
    /// [`join_related`](Select::join_related)).
    pub fn left_join_related<B: Table>(self) -> Join<'e, T, B, Left> {
        self.into_join(related::<T, B>())
    }

    fn into_join<B: Table, K: JoinKind>(
        self,
        on: std::result::Result<Vec<(&'static str, &'static str)>, String>,
    ) -> Join<'e, T, B, K> {
        let on = match &self.error {
            Some(why) => Err(why.clone()),
            None => on,
        };
        let mut join = Join::new(self.conn, on, self.filter);
        for o in &self.order {
            join = join.order_rendered(o);
        }
        if let Some(n) = self.limit {
            join = join.limit(n);
        }
        if let Some(n) = self.offset {
            join = join.offset(n);
        }
        join
    }
}

/// The rows of a [`Select::stream`], decoded into `T` as they arrive.
pub struct RowStream<'a, T> {
    rows: Pin<Box<tokio_postgres::RowStream>>,
    /// Held until the last row (or an error) arrived: dropped earlier, the
    /// query is cancelled on the server.
    guard: Option<InFlight<'a>>,
    positions: &'static [usize],
    _row: std::marker::PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for RowStream<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RowStream")
            .field("done", &self.guard.is_none())
            .finish_non_exhaustive()
    }
}

impl<T: Selectable> Stream for RowStream<'_, T> {
    type Item = Result<T>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<T>>> {
        let this = &mut *self;
        if this.guard.is_none() {
            return Poll::Ready(None);
        }
        match this.rows.as_mut().poll_next(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Some(Ok(row))) => Poll::Ready(Some(T::decode(&row, this.positions))),
            Poll::Ready(Some(Err(e))) => {
                if let Some(guard) = this.guard.take() {
                    guard.finish();
                }
                Poll::Ready(Some(Err(Error::from(e))))
            }
            Poll::Ready(None) => {
                if let Some(guard) = this.guard.take() {
                    guard.finish();
                }
                Poll::Ready(None)
            }
        }
    }
}

/// A [`Select`] of chosen columns and aggregates
/// ([`Select::project`]); rows read as `P::Output`.
pub struct Projected<'e, T, P> {
    select: Select<'e, T>,
    projection: P,
}

impl<T, P> std::fmt::Debug for Projected<'_, T, P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Projected").finish_non_exhaustive()
    }
}

impl<'e, T: Selectable, P: Projection<T>> Projected<'e, T, P> {
    /// The statement, its parameters and each item's SQL (for errors).
    fn render(&self) -> (String, Vec<&(dyn ToSql + Sync)>, Vec<String>) {
        let s = &self.select;
        let sqls = sql_for::<T>();
        let mut sql = String::with_capacity(128);
        sql.push_str(if s.distinct {
            "SELECT DISTINCT "
        } else {
            "SELECT "
        });
        s.render_distinct_on(&mut sql);
        let mut texts = Vec::new();
        for (i, item) in self.projection.items().iter().enumerate() {
            if i > 0 {
                sql.push_str(", ");
            }
            let mut text = String::new();
            item.0.render(&mut text);
            sql.push_str(&text);
            texts.push(text);
        }
        let _ = write!(sql, " FROM {}", sqls.table);
        let mut params = Vec::new();
        s.render_where(&mut sql, &mut params);
        for (i, col) in s.group_by.iter().enumerate() {
            sql.push_str(if i == 0 { " GROUP BY " } else { ", " });
            let _ = write!(sql, "{}", crate::ident::Ident(col));
        }
        if let Some(having) = &s.having {
            sql.push_str(" HAVING ");
            having.render(&mut sql, &mut params);
        }
        s.render_tail(&mut sql, &mut params);
        s.render_lock(&mut sql);
        (sql, params, texts)
    }

    /// Every result row.
    pub async fn all(self) -> Result<Vec<P::Output>> {
        self.select.check()?;
        let (sql, params, texts) = self.render();
        let table = &sql_for::<T>().table;
        self.select
            .conn
            .fetch_all(&sql, &params, |row| P::read(row, table, &texts))
            .await
    }

    /// The first result row, if any.
    pub async fn first(self) -> Result<Option<P::Output>> {
        self.select.check()?;
        let mut this = self;
        this.select.limit = Some(1);
        let (sql, params, texts) = this.render();
        let table = &sql_for::<T>().table;
        this.select
            .conn
            .fetch_opt(&sql, &params, |row| P::read(row, table, &texts))
            .await
    }

    /// Reads the rows into the struct `R` (a `#[derive(FromRow)]`) instead
    /// of tuples: the projection's items go to `R`'s fields in order. The
    /// projection must read as `R::Fields` (one item per field, each of the
    /// field's type), or the call does not compile.
    ///
    /// ```no_run
    /// # use strata::{Executor, FromRow, Table};
    /// # #[derive(Table, Clone, Debug)]
    /// # #[table(name = "jobs")]
    /// # pub struct Job {
    /// #     #[column(primary_key)]
    /// #     pub job_id: String,
    /// #     pub status: String,
    /// #     pub attempts: i32,
    /// # }
    /// use strata::aggregate::count;
    ///
    /// #[derive(FromRow)]
    /// struct PerStatus {
    ///     status: String,
    ///     jobs: i64,
    ///     attempts: Option<i64>,
    /// }
    ///
    /// # async fn demo(db: &impl Executor) -> strata::Result<()> {
    /// let per_status: Vec<PerStatus> = db
    ///     .select::<Job>()
    ///     .group_by(|c| c.status)
    ///     .project(|c| (c.status, count(), c.attempts.sum()))
    ///     .into_struct::<PerStatus>()
    ///     .all()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn into_struct<R: FromRow>(self) -> ProjectedInto<'e, T, P, R>
    where
        P: ProjectsInto<T, R>,
    {
        ProjectedInto {
            projected: self,
            _row: std::marker::PhantomData,
        }
    }

    /// The one result row: [`ErrorKind::NotFound`] when there is none,
    /// [`ErrorKind::Invalid`] when there are several (an aggregate without
    /// `GROUP BY` always has one).
    pub async fn one(self) -> Result<P::Output> {
        self.select.check()?;
        let (sql, params, texts) = self.render();
        let table = &sql_for::<T>().table;
        match self
            .select
            .conn
            .fetch_opt(&sql, &params, |row| P::read(row, table, &texts))
            .await?
        {
            Some(row) => Ok(row),
            None => Err(Error::not_found(table)),
        }
    }
}

/// A projection read into a struct ([`Projected::into_struct`]); rows read
/// as `R`.
pub struct ProjectedInto<'e, T, P, R> {
    projected: Projected<'e, T, P>,
    _row: std::marker::PhantomData<fn() -> R>,
}

impl<T, P, R> std::fmt::Debug for ProjectedInto<'_, T, P, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProjectedInto").finish_non_exhaustive()
    }
}

impl<T: Selectable, P: Projection<T>, R: FromRow> ProjectedInto<'_, T, P, R> {
    /// `0..n`: the projection's items are the struct's fields, in order.
    fn positions() -> Vec<usize> {
        (0..R::FIELDS.len()).collect()
    }

    /// Every result row.
    pub async fn all(self) -> Result<Vec<R>> {
        let p = self.projected;
        p.select.check()?;
        let (sql, params, _) = p.render();
        let positions = Self::positions();
        p.select
            .conn
            .fetch_all(&sql, &params, |row| R::decode(row, &positions))
            .await
    }

    /// The first result row, if any.
    pub async fn first(self) -> Result<Option<R>> {
        let mut p = self.projected;
        p.select.check()?;
        p.select.limit = Some(1);
        let (sql, params, _) = p.render();
        let positions = Self::positions();
        p.select
            .conn
            .fetch_opt(&sql, &params, |row| R::decode(row, &positions))
            .await
    }

    /// The one result row: [`ErrorKind::NotFound`] when there is none,
    /// [`ErrorKind::Invalid`] when there are several.
    pub async fn one(self) -> Result<R> {
        let p = self.projected;
        p.select.check()?;
        let (sql, params, _) = p.render();
        let positions = Self::positions();
        match p
            .select
            .conn
            .fetch_opt(&sql, &params, |row| R::decode(row, &positions))
            .await?
        {
            Some(row) => Ok(row),
            None => Err(Error::not_found(&sql_for::<T>().table)),
        }
    }
}
