//! The write builders, each made by a method of
//! [`Executor`](crate::Executor) and run by awaiting it: partial inserts
//! ([`InsertValues`]), column updates of the rows matching a filter
//! ([`UpdateColumns`]), filtered deletes ([`DeleteWhere`]) and upserts
//! ([`Upsert`], and [`InsertOrIgnore`] for `ON CONFLICT ... DO NOTHING`).
//!
//! Columns are picked with closures over the table's column handles and
//! conditions come from [`crate::filter`], so names are checked at compile
//! time; values are always bind parameters. The statement text is written
//! per call from the table's prebuilt pieces (`table_sql`), except the
//! default-shaped upsert, which is prebuilt whole. `UPDATE` and `DELETE`
//! without a filter are refused unless `all_rows()` says so.
//!
//! Start reading at [`UpdateColumns::set`], then `UpdateColumns::render`.

use std::fmt::Write as _;
use std::future::{Future, IntoFuture};
use std::marker::PhantomData;
use std::pin::Pin;

use postgres_types::ToSql;

use crate::column::{Column, Param, SqlValue};
use crate::conn::Conn;
use crate::error::{Error, ErrorKind, Result};
use crate::filter::{and_nodes, Filter, Node};
use crate::ident::Ident;
use crate::table::Table;
use crate::table_sql::{inserted_nothing, join, no_key, placeholders, sql_for, write_do_update};

/// A column of table `T` picked by a closure over its handles, kept by name
/// and position.
fn pick<T: Table, V>(f: impl FnOnce(&T::Columns) -> Column<T, V>) -> (&'static str, usize) {
    let c = f(T::columns());
    (c.name(), c.index())
}

/// What awaiting a builder runs.
type BoxFuture<'a, R> = Pin<Box<dyn Future<Output = Result<R>> + Send + 'a>>;

/// The SQL text a builder's `render` writes.
fn rendered(render: impl FnOnce(&mut String) -> Result<()>) -> Result<String> {
    let mut sql = String::with_capacity(128);
    render(&mut sql)?;
    Ok(sql)
}

/// Runs a rendered `UPDATE`/`DELETE` with `RETURNING` every column of `T`
/// and decodes the rows.
async fn fetch_returning<T: Table>(
    conn: &Conn<'_>,
    mut sql: String,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Vec<T>> {
    let sqls = sql_for::<T>();
    sql.push_str(&sqls.returning);
    conn.fetch_all(&sql, params, |r| T::decode(r, &sqls.positions))
        .await
}

/// An `INSERT` that sets chosen columns only; the others take their
/// database defaults. Made by
/// [`Executor::insert_values`](crate::Executor::insert_values); awaiting it
/// inserts and returns the stored row.
#[must_use = "an insert does nothing until awaited"]
pub struct InsertValues<'e, T> {
    conn: Conn<'e>,
    values: Vec<(&'static str, Param)>,
    _table: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for InsertValues<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InsertValues")
            .field("values", &self.values)
            .finish_non_exhaustive()
    }
}

impl<'e, T: Table> InsertValues<'e, T> {
    pub(crate) fn new(conn: Conn<'e>) -> InsertValues<'e, T> {
        InsertValues {
            conn,
            values: Vec::new(),
            _table: PhantomData,
        }
    }

    /// Sets a column: `.set(|c| c.status, "queued")`. Setting a column twice
    /// keeps the last value.
    pub fn set<V, X: SqlValue<V>>(
        mut self,
        column: impl FnOnce(&T::Columns) -> Column<T, V>,
        value: X,
    ) -> InsertValues<'e, T> {
        let (name, _) = pick(column);
        let param = value.into_param();
        match self.values.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = param,
            None => self.values.push((name, param)),
        }
        self
    }

    /// Runs the insert and returns the stored row.
    pub async fn execute(self) -> Result<T> {
        let sqls = sql_for::<T>();
        let mut sql = String::with_capacity(64);
        if self.values.is_empty() {
            let _ = write!(sql, "INSERT INTO {} DEFAULT VALUES", sqls.table);
        } else {
            let _ = write!(
                sql,
                "INSERT INTO {} ({}) VALUES (",
                sqls.table,
                join(self.values.iter().map(|(n, _)| *n))
            );
            placeholders(&mut sql, 1, self.values.len());
            sql.push(')');
        }
        sql.push_str(&sqls.returning);
        let params: Vec<_> = self
            .values
            .iter()
            .map(|(_, p)| &**p as &(dyn ToSql + Sync))
            .collect();
        let names: Vec<&'static str> = self.values.iter().map(|(n, _)| *n).collect();
        match self
            .conn
            .fetch_opt(&sql, &params, |r| T::decode(r, &sqls.positions))
            .await
            .map_err(|e| named::<T>(e, |i| names.get(i).copied()))?
        {
            Some(row) => Ok(row),
            None => Err(inserted_nothing::<T>()),
        }
    }
}

impl<'e, T: Table> IntoFuture for InsertValues<'e, T> {
    type Output = Result<T>;
    type IntoFuture = BoxFuture<'e, T>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.execute())
    }
}

/// What an `UPDATE` writes into one column.
enum Assign {
    Value(Param),
    Add(Param),
}

/// An `UPDATE` of chosen columns of the rows matching a filter. Made by
/// [`Executor::update_columns`](crate::Executor::update_columns); awaiting
/// it returns the number of rows changed. An update without a filter is
/// refused unless [`all_rows`](UpdateColumns::all_rows) says so.
#[must_use = "an update does nothing until awaited"]
pub struct UpdateColumns<'e, T> {
    conn: Conn<'e>,
    sets: Vec<(&'static str, Assign)>,
    filter: Option<Node>,
    all_rows: bool,
    _table: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for UpdateColumns<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpdateColumns")
            .field(
                "columns",
                &self.sets.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

impl<'e, T: Table> UpdateColumns<'e, T> {
    pub(crate) fn new(conn: Conn<'e>) -> UpdateColumns<'e, T> {
        UpdateColumns {
            conn,
            sets: Vec::new(),
            filter: None,
            all_rows: false,
            _table: PhantomData,
        }
    }

    fn assign(mut self, name: &'static str, a: Assign) -> UpdateColumns<'e, T> {
        match self.sets.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = a,
            None => self.sets.push((name, a)),
        }
        self
    }

    /// `SET column = value`: `.set(|c| c.progress, 0.5)`.
    pub fn set<V, X: SqlValue<V>>(
        self,
        column: impl FnOnce(&T::Columns) -> Column<T, V>,
        value: X,
    ) -> UpdateColumns<'e, T> {
        let (name, _) = pick(column);
        self.assign(name, Assign::Value(value.into_param()))
    }

    /// `SET column = column + amount` (counters, attempts).
    pub fn increment<V, X: SqlValue<V>>(
        self,
        column: impl FnOnce(&T::Columns) -> Column<T, V>,
        amount: X,
    ) -> UpdateColumns<'e, T> {
        let (name, _) = pick(column);
        self.assign(name, Assign::Add(amount.into_param()))
    }

    /// Only rows matching the filter are updated; several calls combine
    /// with `AND`.
    pub fn filter(self, f: impl FnOnce(&T::Columns) -> Filter<T>) -> UpdateColumns<'e, T> {
        let filter = f(T::columns());
        self.where_(filter)
    }

    /// Like [`filter`](UpdateColumns::filter) with a filter built beforehand.
    pub fn where_(mut self, filter: Filter<T>) -> UpdateColumns<'e, T> {
        self.filter = Some(and_nodes(self.filter.take(), filter));
        self
    }

    /// Allows an update without a filter (every row of the table).
    pub fn all_rows(mut self) -> UpdateColumns<'e, T> {
        self.all_rows = true;
        self
    }

    fn render<'a>(
        &'a self,
        sql: &mut String,
        params: &mut Vec<&'a (dyn ToSql + Sync)>,
    ) -> Result<()> {
        let sqls = sql_for::<T>();
        if self.sets.is_empty() {
            return Err(Error::new(
                ErrorKind::Invalid,
                format!("update of {}: no column to set", sqls.table),
            ));
        }
        if self.filter.is_none() && !self.all_rows {
            return Err(Error::new(
                ErrorKind::Invalid,
                format!(
                    "update of {} without a filter would change every row: add .filter(...) or call .all_rows()",
                    sqls.table
                ),
            ));
        }
        let _ = write!(sql, "UPDATE {} SET ", sqls.table);
        for (n, (name, a)) in self.sets.iter().enumerate() {
            if n > 0 {
                sql.push_str(", ");
            }
            match a {
                Assign::Value(p) => {
                    params.push(&**p);
                    let _ = write!(sql, "{} = ${}", Ident(name), params.len());
                }
                Assign::Add(p) => {
                    params.push(&**p);
                    let _ = write!(sql, "{} = {} + ${}", Ident(name), Ident(name), params.len());
                }
            }
        }
        if let Some(f) = &self.filter {
            sql.push_str(" WHERE ");
            f.render(sql, params);
        }
        Ok(())
    }

    /// Runs the update and returns the number of rows changed.
    pub async fn execute(self) -> Result<u64> {
        let mut params = Vec::new();
        let sql = rendered(|sql| self.render(sql, &mut params))?;
        self.conn
            .execute(&sql, &params)
            .await
            .map_err(|e| named::<T>(e, |i| self.sets.get(i).map(|(n, _)| *n)))
    }

    /// Runs the update and returns the changed rows as stored.
    pub async fn returning(self) -> Result<Vec<T>> {
        let mut params = Vec::new();
        let sql = rendered(|sql| self.render(sql, &mut params))?;
        fetch_returning(&self.conn, sql, &params)
            .await
            .map_err(|e| named::<T>(e, |i| self.sets.get(i).map(|(n, _)| *n)))
    }
}

impl<'e, T: Table> IntoFuture for UpdateColumns<'e, T> {
    type Output = Result<u64>;
    type IntoFuture = BoxFuture<'e, u64>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.execute())
    }
}

/// A `DELETE` of the rows matching a filter. Made by
/// [`Executor::delete_where`](crate::Executor::delete_where); awaiting it
/// returns the number of rows deleted. A delete without a filter is refused
/// unless [`all_rows`](DeleteWhere::all_rows) says so.
#[must_use = "a delete does nothing until awaited"]
pub struct DeleteWhere<'e, T> {
    conn: Conn<'e>,
    filter: Option<Node>,
    all_rows: bool,
    _table: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for DeleteWhere<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeleteWhere").finish_non_exhaustive()
    }
}

impl<'e, T: Table> DeleteWhere<'e, T> {
    pub(crate) fn new(conn: Conn<'e>) -> DeleteWhere<'e, T> {
        DeleteWhere {
            conn,
            filter: None,
            all_rows: false,
            _table: PhantomData,
        }
    }

    /// Only rows matching the filter are deleted; several calls combine with
    /// `AND`.
    pub fn filter(self, f: impl FnOnce(&T::Columns) -> Filter<T>) -> DeleteWhere<'e, T> {
        let filter = f(T::columns());
        self.where_(filter)
    }

    /// Like [`filter`](DeleteWhere::filter) with a filter built beforehand.
    pub fn where_(mut self, filter: Filter<T>) -> DeleteWhere<'e, T> {
        self.filter = Some(and_nodes(self.filter.take(), filter));
        self
    }

    /// Allows a delete without a filter (every row of the table).
    pub fn all_rows(mut self) -> DeleteWhere<'e, T> {
        self.all_rows = true;
        self
    }

    fn render<'a>(
        &'a self,
        sql: &mut String,
        params: &mut Vec<&'a (dyn ToSql + Sync)>,
    ) -> Result<()> {
        let sqls = sql_for::<T>();
        if self.filter.is_none() && !self.all_rows {
            return Err(Error::new(
                ErrorKind::Invalid,
                format!(
                    "delete from {} without a filter would remove every row: add .filter(...) or call .all_rows()",
                    sqls.table
                ),
            ));
        }
        let _ = write!(sql, "DELETE FROM {}", sqls.table);
        if let Some(f) = &self.filter {
            sql.push_str(" WHERE ");
            f.render(sql, params);
        }
        Ok(())
    }

    /// Runs the delete and returns the number of rows removed.
    pub async fn execute(self) -> Result<u64> {
        let mut params = Vec::new();
        let sql = rendered(|sql| self.render(sql, &mut params))?;
        self.conn.execute(&sql, &params).await
    }

    /// Runs the delete and returns the removed rows.
    pub async fn returning(self) -> Result<Vec<T>> {
        let mut params = Vec::new();
        let sql = rendered(|sql| self.render(sql, &mut params))?;
        fetch_returning(&self.conn, sql, &params).await
    }
}

impl<'e, T: Table> IntoFuture for DeleteWhere<'e, T> {
    type Output = Result<u64>;
    type IntoFuture = BoxFuture<'e, u64>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.execute())
    }
}

/// `INSERT ... ON CONFLICT (...) DO UPDATE SET ... RETURNING ...`. Made by
/// [`Executor::upsert`](crate::Executor::upsert); awaiting it returns the
/// stored row (inserted or updated).
///
/// By default the conflict target is the primary key and every inserted
/// column but the target's is updated from the new row.
#[must_use = "an upsert does nothing until awaited"]
pub struct Upsert<'e, T> {
    conn: Conn<'e>,
    row: &'e T,
    target: Vec<&'static str>,
    target_where: Option<Node>,
    update_only: Vec<&'static str>,
}

impl<T> std::fmt::Debug for Upsert<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upsert")
            .field("target", &self.target)
            .field("update_only", &self.update_only)
            .finish_non_exhaustive()
    }
}

impl<'e, T: Table> Upsert<'e, T> {
    pub(crate) fn new(conn: Conn<'e>, row: &'e T) -> Upsert<'e, T> {
        Upsert {
            conn,
            row,
            target: Vec::new(),
            target_where: None,
            update_only: Vec::new(),
        }
    }

    /// Adds a column to the conflict target (a unique constraint or unique
    /// index on these columns); call once per column.
    pub fn on_conflict<V>(
        mut self,
        column: impl FnOnce(&T::Columns) -> Column<T, V>,
    ) -> Upsert<'e, T> {
        let (name, _) = pick(column);
        if !self.target.contains(&name) {
            self.target.push(name);
        }
        self
    }

    /// The predicate of a partial unique index the conflict target names
    /// (`ON CONFLICT (col) WHERE col IS NOT NULL`).
    pub fn conflict_where(mut self, f: impl FnOnce(&T::Columns) -> Filter<T>) -> Upsert<'e, T> {
        self.target_where = Some(f(T::columns()).into_node());
        self
    }

    /// Updates only this column on conflict (call once per column); by
    /// default every inserted column outside the conflict target is updated.
    pub fn update_only<V>(
        mut self,
        column: impl FnOnce(&T::Columns) -> Column<T, V>,
    ) -> Upsert<'e, T> {
        let (name, _) = pick(column);
        if !self.update_only.contains(&name) {
            self.update_only.push(name);
        }
        self
    }

    /// `ON CONFLICT ... DO NOTHING`: awaiting returns the inserted row, or
    /// `None` when a conflicting row already existed (left unchanged).
    pub fn do_nothing(self) -> InsertOrIgnore<'e, T> {
        InsertOrIgnore { upsert: self }
    }

    /// Builds the statement, or returns the prebuilt one for the default
    /// shape.
    fn sql(&self, do_nothing: bool) -> Result<std::borrow::Cow<'static, str>> {
        let sqls = sql_for::<T>();
        let cols = T::COLUMNS;
        if sqls.insert_cols.is_empty() {
            return Err(Error::new(
                ErrorKind::Invalid,
                format!(
                    "upsert into {}: every column is generated by the database",
                    sqls.table
                ),
            ));
        }
        let default_shape =
            self.target.is_empty() && self.target_where.is_none() && self.update_only.is_empty();
        if default_shape && !do_nothing {
            return match &sqls.upsert {
                Some(s) => Ok(std::borrow::Cow::Borrowed(s.as_str())),
                None => Err(no_key::<T>("upsert (conflict on the primary key)")),
            };
        }
        let target: Vec<&str> = if self.target.is_empty() {
            if T::PRIMARY_KEY.is_empty() {
                return Err(no_key::<T>("upsert (conflict on the primary key)"));
            }
            T::PRIMARY_KEY.iter().map(|&i| cols[i].name).collect()
        } else {
            self.target.clone()
        };
        let mut s = sqls
            .insert
            .trim_end_matches(sqls.returning.as_str())
            .to_string();
        let _ = write!(s, " ON CONFLICT ({})", join(target.iter().copied()));
        if let Some(w) = &self.target_where {
            // An index predicate cannot take parameters: only conditions
            // without values (IS [NOT] NULL, TRUE/FALSE, and/or/not of them)
            // are allowed here.
            let mut params = Vec::new();
            let mut pred = String::new();
            w.render(&mut pred, &mut params);
            if !params.is_empty() {
                return Err(Error::new(
                    ErrorKind::Invalid,
                    format!(
                        "upsert into {}: conflict_where takes only conditions without values (is_null, is_not_null)",
                        sqls.table
                    ),
                ));
            }
            s.push_str(" WHERE ");
            s.push_str(&pred);
        }
        if do_nothing {
            s.push_str(" DO NOTHING");
        } else {
            let set: Vec<&str> = if self.update_only.is_empty() {
                sqls.insert_cols
                    .iter()
                    .map(|&i| cols[i].name)
                    .filter(|n| !target.contains(n))
                    .collect()
            } else {
                self.update_only.clone()
            };
            write_do_update(&mut s, &set, target[0]);
        }
        s.push_str(&sqls.returning);
        Ok(std::borrow::Cow::Owned(s))
    }

    /// Runs the upsert and returns the stored row.
    pub async fn execute(self) -> Result<T> {
        let sqls = sql_for::<T>();
        let sql = self.sql(false)?;
        let row = self.row;
        let params: Vec<_> = sqls.insert_cols.iter().map(|&i| row.param(i)).collect();
        match self
            .conn
            .fetch_opt(&sql, &params, |r| T::decode(r, &sqls.positions))
            .await?
        {
            Some(stored) => Ok(stored),
            None => Err(inserted_nothing::<T>()),
        }
    }
}

impl<'e, T: Table> IntoFuture for Upsert<'e, T> {
    type Output = Result<T>;
    type IntoFuture = BoxFuture<'e, T>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.execute())
    }
}

/// `INSERT ... ON CONFLICT ... DO NOTHING`; made by
/// [`Upsert::do_nothing`]. Awaiting it returns the inserted row, or `None`
/// when the row conflicted.
#[must_use = "an insert does nothing until awaited"]
#[derive(Debug)]
pub struct InsertOrIgnore<'e, T> {
    upsert: Upsert<'e, T>,
}

impl<'e, T: Table> InsertOrIgnore<'e, T> {
    /// Runs the insert; `None` when a conflicting row already existed.
    pub async fn execute(self) -> Result<Option<T>> {
        let sqls = sql_for::<T>();
        let sql = self.upsert.sql(true)?;
        let row = self.upsert.row;
        let params: Vec<_> = sqls.insert_cols.iter().map(|&i| row.param(i)).collect();
        self.upsert
            .conn
            .fetch_opt(&sql, &params, |r| T::decode(r, &sqls.positions))
            .await
    }
}

impl<'e, T: Table> IntoFuture for InsertOrIgnore<'e, T> {
    type Output = Result<Option<T>>;
    type IntoFuture = BoxFuture<'e, Option<T>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.execute())
    }
}

/// A value the server refused names its column (`column_of` maps a
/// statement parameter to the column it sets).
fn named<T: Table>(err: Error, column_of: impl FnOnce(usize) -> Option<&'static str>) -> Error {
    err.name_param(
        &crate::ident::Qualified(T::SCHEMA, T::NAME).to_string(),
        column_of,
    )
}
