//! Typed filters and the `SELECT` builder.
//!
//! A [`Filter<T>`] is a condition on rows of table `T`, built from the typed
//! column handles ([`Column<T, V>`]): `c.status.eq("queued")`,
//! `c.attempts.lt(3)`, `c.tags.contains(vec!["math".to_string()])`,
//! `c.request.json_eq("kind", "lesson")`, combined with
//! [`and`](Filter::and), [`or`](Filter::or), [`not`](Filter::not) (or `&`, `|`,
//! `!`). The value must have the column's Rust type ([`SqlValue<V>`]) and a
//! filter only combines with filters of the same table, so a wrong type or
//! another table's column is a compile error. Values always travel as bind
//! parameters; column names are quoted by [`crate::ident`].
//!
//! [`Select<T>`] (from [`Executor::select`](crate::Executor::select)) adds
//! ordering ([`Order<T>`]), `LIMIT`/`OFFSET`, row locks (`FOR UPDATE`,
//! `SKIP LOCKED`, `NOWAIT`) and the terminals [`all`](Select::all),
//! [`first`](Select::first), [`one`](Select::one), [`count`](Select::count),
//! [`exists`](Select::exists).
//!
//! Start reading at [`Column::eq`], then [`Select`].

use std::fmt::Write as _;
use std::marker::PhantomData;

use bytes::{BufMut, BytesMut};
use postgres_types::{to_sql_checked, IsNull, Kind, ToSql, Type};

use crate::column::{Column, Param, SqlValue};
use crate::conn::Conn;
use crate::error::{Error, ErrorKind, Result};
use crate::ident::Ident;
use crate::table::Table;
use crate::table_sql::sql_for;

/// A condition on rows of table `T`.
pub struct Filter<T> {
    node: Node,
    _table: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for Filter<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut sql = String::new();
        let mut params = Vec::new();
        self.node.render(&mut sql, &mut params);
        f.debug_struct("Filter")
            .field("sql", &sql)
            .field("params", &params)
            .finish()
    }
}

/// The tree of a filter; column names are the SQL names.
pub(crate) enum Node {
    /// `TRUE` / `FALSE`.
    Const(bool),
    /// `col <op> $n`.
    Cmp(&'static str, &'static str, Param),
    /// `col IS [NOT] NULL`.
    Null(&'static str, bool),
    /// `col = ANY($n)`.
    In(&'static str, ParamArray),
    /// `col ->> $k::text = $v` (and `#>>` for a path).
    JsonEq(&'static str, Param, Param, bool),
    /// All must hold.
    And(Vec<Node>),
    /// One must hold.
    Or(Vec<Node>),
    /// Must not hold.
    Not(Box<Node>),
}

impl Node {
    /// Appends the condition to `sql`, numbering parameters after those
    /// already in `params`, and moves its values into `params`.
    pub(crate) fn render<'a>(&'a self, sql: &mut String, params: &mut Vec<&'a (dyn ToSql + Sync)>) {
        match self {
            Node::Const(true) => sql.push_str("TRUE"),
            Node::Const(false) => sql.push_str("FALSE"),
            Node::Cmp(col, op, value) => {
                params.push(&**value);
                let _ = write!(sql, "{} {op} ${}", Ident(col), params.len());
            }
            Node::Null(col, negated) => {
                let _ = write!(
                    sql,
                    "{} IS {}NULL",
                    Ident(col),
                    if *negated { "NOT " } else { "" }
                );
            }
            Node::In(col, values) => {
                params.push(values);
                let _ = write!(sql, "{} = ANY(${})", Ident(col), params.len());
            }
            Node::JsonEq(col, key, value, path) => {
                params.push(&**key);
                let k = params.len();
                params.push(&**value);
                let v = params.len();
                if *path {
                    let _ = write!(sql, "({} #>> ${k}::text[]) = ${v}::text", Ident(col));
                } else {
                    let _ = write!(sql, "({} ->> ${k}::text) = ${v}::text", Ident(col));
                }
            }
            Node::And(nodes) | Node::Or(nodes) => {
                let joiner = if matches!(self, Node::And(_)) {
                    " AND "
                } else {
                    " OR "
                };
                if nodes.is_empty() {
                    sql.push_str(if matches!(self, Node::And(_)) {
                        "TRUE"
                    } else {
                        "FALSE"
                    });
                    return;
                }
                sql.push('(');
                for (i, n) in nodes.iter().enumerate() {
                    if i > 0 {
                        sql.push_str(joiner);
                    }
                    n.render(sql, params);
                }
                sql.push(')');
            }
            Node::Not(inner) => {
                sql.push_str("NOT (");
                inner.render(sql, params);
                sql.push(')');
            }
        }
    }
}

impl<T> Filter<T> {
    pub(crate) fn from_node(node: Node) -> Filter<T> {
        Filter {
            node,
            _table: PhantomData,
        }
    }

    pub(crate) fn into_node(self) -> Node {
        self.node
    }

    /// A filter every row passes (`TRUE`).
    pub fn always() -> Filter<T> {
        Filter::from_node(Node::Const(true))
    }

    /// A filter no row passes (`FALSE`).
    pub fn never() -> Filter<T> {
        Filter::from_node(Node::Const(false))
    }

    /// Both must hold.
    pub fn and(self, other: Filter<T>) -> Filter<T> {
        Filter::from_node(match (self.node, other.node) {
            (Node::And(mut a), Node::And(b)) => {
                a.extend(b);
                Node::And(a)
            }
            (Node::And(mut a), b) => {
                a.push(b);
                Node::And(a)
            }
            (a, b) => Node::And(vec![a, b]),
        })
    }

    /// One of the two must hold.
    pub fn or(self, other: Filter<T>) -> Filter<T> {
        Filter::from_node(match (self.node, other.node) {
            (Node::Or(mut a), Node::Or(b)) => {
                a.extend(b);
                Node::Or(a)
            }
            (Node::Or(mut a), b) => {
                a.push(b);
                Node::Or(a)
            }
            (a, b) => Node::Or(vec![a, b]),
        })
    }

    /// The negation.
    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Filter<T> {
        Filter::from_node(Node::Not(Box::new(self.node)))
    }

    /// All of `filters` hold (`TRUE` when there are none).
    pub fn all(filters: impl IntoIterator<Item = Filter<T>>) -> Filter<T> {
        Filter::from_node(Node::And(filters.into_iter().map(|f| f.node).collect()))
    }

    /// At least one of `filters` holds (`FALSE` when there are none).
    pub fn any(filters: impl IntoIterator<Item = Filter<T>>) -> Filter<T> {
        Filter::from_node(Node::Or(filters.into_iter().map(|f| f.node).collect()))
    }
}

impl<T> std::ops::BitAnd for Filter<T> {
    type Output = Filter<T>;
    fn bitand(self, rhs: Filter<T>) -> Filter<T> {
        self.and(rhs)
    }
}

impl<T> std::ops::BitOr for Filter<T> {
    type Output = Filter<T>;
    fn bitor(self, rhs: Filter<T>) -> Filter<T> {
        self.or(rhs)
    }
}

impl<T> std::ops::Not for Filter<T> {
    type Output = Filter<T>;
    fn not(self) -> Filter<T> {
        Filter::not(self)
    }
}

/// Columns whose Rust type is text (`String`, `Option<String>`): they take
/// `LIKE` and `ILIKE`.
#[diagnostic::on_unimplemented(
    message = "`like`/`ilike` need a text column, and this column's Rust type is `{Self}`",
    label = "not a text column"
)]
pub trait TextColumn {}
impl TextColumn for String {}
impl TextColumn for Option<String> {}

/// Columns whose Rust type is an array (`Vec<E>`, `Option<Vec<E>>`): they
/// take `@>` ([`Column::contains`]) and `&&` ([`Column::overlaps`]).
#[diagnostic::on_unimplemented(
    message = "`contains`/`overlaps` need an array column, and this column's Rust type is `{Self}`",
    label = "not an array column"
)]
pub trait ArrayColumn {}
impl<E> ArrayColumn for Vec<E> {}
impl<E> ArrayColumn for Option<Vec<E>> {}

/// Columns whose Rust type is JSON (`serde_json::Value`,
/// `strata::Json<T>`, or an `Option` of them): they take
/// [`Column::json_eq`], [`Column::json_path_eq`] and
/// [`Column::json_contains`].
#[diagnostic::on_unimplemented(
    message = "JSON operators need a json/jsonb column, and this column's Rust type is `{Self}`",
    label = "not a JSON column"
)]
pub trait JsonColumn {}
impl JsonColumn for serde_json::Value {}
impl JsonColumn for Option<serde_json::Value> {}
impl<J> JsonColumn for postgres_types::Json<J> {}
impl<J> JsonColumn for Option<postgres_types::Json<J>> {}

impl<T, V> Column<T, V> {
    fn cmp<X: SqlValue<V>>(self, op: &'static str, value: X) -> Filter<T> {
        Filter::from_node(Node::Cmp(self.name(), op, value.into_param()))
    }

    /// `column = value`. For an `Option<_>` column pass the plain value;
    /// `= NULL` matches nothing in SQL, so test for NULL with
    /// [`is_null`](Column::is_null).
    pub fn eq<X: SqlValue<V>>(self, value: X) -> Filter<T> {
        self.cmp("=", value)
    }

    /// `column <> value`.
    pub fn ne<X: SqlValue<V>>(self, value: X) -> Filter<T> {
        self.cmp("<>", value)
    }

    /// `column < value`.
    pub fn lt<X: SqlValue<V>>(self, value: X) -> Filter<T> {
        self.cmp("<", value)
    }

    /// `column <= value`.
    pub fn le<X: SqlValue<V>>(self, value: X) -> Filter<T> {
        self.cmp("<=", value)
    }

    /// `column > value`.
    pub fn gt<X: SqlValue<V>>(self, value: X) -> Filter<T> {
        self.cmp(">", value)
    }

    /// `column >= value`.
    pub fn ge<X: SqlValue<V>>(self, value: X) -> Filter<T> {
        self.cmp(">=", value)
    }

    /// `column = ANY($1)`: the column equals one of `values` (no row
    /// matches an empty list). One array parameter, whatever the number of
    /// values, so the statement is prepared once.
    pub fn in_<X: SqlValue<V>>(self, values: impl IntoIterator<Item = X>) -> Filter<T> {
        let values = values.into_iter().map(SqlValue::into_param).collect();
        Filter::from_node(Node::In(self.name(), ParamArray(values)))
    }

    /// `column IS NULL`.
    pub fn is_null(self) -> Filter<T> {
        Filter::from_node(Node::Null(self.name(), false))
    }

    /// `column IS NOT NULL`.
    pub fn is_not_null(self) -> Filter<T> {
        Filter::from_node(Node::Null(self.name(), true))
    }

    /// `column LIKE pattern` (`%` and `_` are wildcards).
    pub fn like<X: SqlValue<V>>(self, pattern: X) -> Filter<T>
    where
        V: TextColumn,
    {
        self.cmp("LIKE", pattern)
    }

    /// `column ILIKE pattern` (case-insensitive `LIKE`).
    pub fn ilike<X: SqlValue<V>>(self, pattern: X) -> Filter<T>
    where
        V: TextColumn,
    {
        self.cmp("ILIKE", pattern)
    }

    /// `column @> value`: the array column holds every element of `value`.
    pub fn contains<X: SqlValue<V>>(self, value: X) -> Filter<T>
    where
        V: ArrayColumn,
    {
        self.cmp("@>", value)
    }

    /// `column && value`: the array column shares an element with `value`.
    pub fn overlaps<X: SqlValue<V>>(self, value: X) -> Filter<T>
    where
        V: ArrayColumn,
    {
        self.cmp("&&", value)
    }

    /// `column ->> key = value`: the JSON object's field `key`, as text,
    /// equals `value`.
    pub fn json_eq(self, key: &str, value: impl Into<String>) -> Filter<T>
    where
        V: JsonColumn,
    {
        Filter::from_node(Node::JsonEq(
            self.name(),
            Box::new(key.to_string()),
            Box::new(value.into()),
            false,
        ))
    }

    /// `column #>> path = value`: the field at `path` (object keys or array
    /// indexes, outermost first), as text, equals `value`.
    pub fn json_path_eq(self, path: &[&str], value: impl Into<String>) -> Filter<T>
    where
        V: JsonColumn,
    {
        let path: Vec<String> = path.iter().map(|s| s.to_string()).collect();
        Filter::from_node(Node::JsonEq(
            self.name(),
            Box::new(path),
            Box::new(value.into()),
            true,
        ))
    }

    /// `column @> value`: the JSON document contains `value` (jsonb
    /// containment).
    pub fn json_contains(self, value: serde_json::Value) -> Filter<T>
    where
        V: JsonColumn,
    {
        Filter::from_node(Node::Cmp(self.name(), "@>", Box::new(value)))
    }

    /// Ascending order on this column.
    pub fn asc(self) -> Order<T> {
        Order::new(self.name(), false)
    }

    /// Descending order on this column.
    pub fn desc(self) -> Order<T> {
        Order::new(self.name(), true)
    }
}

/// One `ORDER BY` item of a query on table `T`.
pub struct Order<T> {
    column: &'static str,
    desc: bool,
    nulls: Option<bool>,
    _table: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for Order<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        self.render(&mut s);
        f.write_str(&s)
    }
}

impl<T> Order<T> {
    fn new(column: &'static str, desc: bool) -> Order<T> {
        Order {
            column,
            desc,
            nulls: None,
            _table: PhantomData,
        }
    }

    /// `NULLS FIRST`.
    pub fn nulls_first(mut self) -> Order<T> {
        self.nulls = Some(true);
        self
    }

    /// `NULLS LAST`.
    pub fn nulls_last(mut self) -> Order<T> {
        self.nulls = Some(false);
        self
    }

    fn render(&self, sql: &mut String) {
        let _ = write!(sql, "{}", Ident(self.column));
        if self.desc {
            sql.push_str(" DESC");
        }
        match self.nulls {
            Some(true) => sql.push_str(" NULLS FIRST"),
            Some(false) => sql.push_str(" NULLS LAST"),
            None => {}
        }
    }
}

impl<T, V> From<Column<T, V>> for Order<T> {
    fn from(c: Column<T, V>) -> Order<T> {
        c.asc()
    }
}

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

impl<'e, T: Table> Select<'e, T> {
    pub(crate) fn new(conn: Conn<'e>) -> Select<'e, T> {
        Select {
            conn,
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
        self.filter = Some(match self.filter.take() {
            None => filter.node,
            Some(prev) => Filter::<T>::from_node(prev).and(filter).node,
        });
        self
    }

    /// Appends an `ORDER BY` item: `.order_by(|c| c.created_at.desc())`.
    pub fn order_by(mut self, f: impl FnOnce(&T::Columns) -> Order<T>) -> Select<'e, T> {
        self.order.push(f(T::columns()));
        self
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
        sql.push_str(&sqls.select);
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
        let (sql, params) = self.render_select(&1, false);
        let positions = &sql_for::<T>().positions;
        self.conn
            .fetch_all(&sql, params.iter().copied(), |row| {
                T::decode(row, positions)
            })
            .await
    }

    /// The first matching row (in the chosen order), if any: the query runs
    /// with `LIMIT 1`.
    pub async fn first(self) -> Result<Option<T>> {
        let (sql, params) = self.render_select(&1, true);
        let positions = &sql_for::<T>().positions;
        self.conn
            .fetch_opt(&sql, params.iter().copied(), |row| {
                T::decode(row, positions)
            })
            .await
    }

    /// The one matching row: [`ErrorKind::NotFound`] when there is none,
    /// [`ErrorKind::Invalid`] when there are several.
    pub async fn one(self) -> Result<T> {
        let (sql, params) = self.render_select(&1, false);
        let positions = &sql_for::<T>().positions;
        match self
            .conn
            .fetch_opt(&sql, params.iter().copied(), |row| {
                T::decode(row, positions)
            })
            .await?
        {
            Some(row) => Ok(row),
            None => Err(Error::not_found(&sql_for::<T>().table)),
        }
    }

    /// The number of matching rows (`count(*)`; with `LIMIT`/`OFFSET`, of
    /// the rows in that window). Ordering and row locks do not apply.
    pub async fn count(self) -> Result<i64> {
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
            .fetch_opt(&sql, params.iter().copied(), |row| {
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
        let sqls = sql_for::<T>();
        let mut sql = String::with_capacity(64);
        let mut params = Vec::new();
        let _ = write!(sql, "SELECT EXISTS (SELECT 1 FROM {}", sqls.table);
        self.render_where(&mut sql, &mut params);
        self.render_tail(&mut sql, &mut params);
        sql.push(')');
        let found = self
            .conn
            .fetch_opt(&sql, params.iter().copied(), |row| {
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

/// A one-dimensional array parameter whose elements are the owned values of
/// an `IN` list; the element type is checked against the column's when the
/// statement binds it.
pub(crate) struct ParamArray(pub(crate) Vec<Param>);

impl std::fmt::Debug for ParamArray {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}

impl ToSql for ParamArray {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        let member = match ty.kind() {
            Kind::Array(member) => member,
            _ => return Err(format!("an IN list binds as an array, not as {ty}").into()),
        };
        let len = i32::try_from(self.0.len()).map_err(|_| "an IN list is too long")?;
        if len == 0 {
            out.put_i32(0); // no dimensions
            out.put_i32(0); // no NULLs
            out.put_u32(member.oid());
            return Ok(IsNull::No);
        }
        out.put_i32(1); // one dimension
        let has_null_at = out.len();
        out.put_i32(0);
        out.put_u32(member.oid());
        out.put_i32(len);
        out.put_i32(1); // lower bound
        let mut has_null = false;
        for value in &self.0 {
            let len_at = out.len();
            out.put_i32(0);
            let n = match value.to_sql_checked(member, out)? {
                IsNull::Yes => {
                    has_null = true;
                    -1
                }
                IsNull::No => i32::try_from(out.len() - len_at - 4)
                    .map_err(|_| "an IN list element is too large")?,
            };
            out[len_at..len_at + 4].copy_from_slice(&n.to_be_bytes());
        }
        if has_null {
            out[has_null_at..has_null_at + 4].copy_from_slice(&1i32.to_be_bytes());
        }
        Ok(IsNull::No)
    }

    fn accepts(ty: &Type) -> bool {
        matches!(ty.kind(), Kind::Array(_))
    }

    to_sql_checked!();
}
