//! The one-shot operations behind [`Executor`](crate::Executor)'s methods:
//! `get`, `find`, `insert`, `insert_many`, `update`, `delete` by primary key
//! and `query_as` (raw SQL decoded by column name).
//!
//! Each one takes its statement text from [`crate::table_sql`] (built once
//! per table and kept for the life of the process) and runs it through the
//! connection's statement cache, so after the first call an operation costs
//! one round trip and no SQL formatting; the one exception is
//! `insert_many`, whose multi-row text depends on the batch size and is
//! prepared unnamed. Values are always bind parameters.
//!
//! Start reading at [`find`], then [`insert`].

use postgres_types::ToSql;

use crate::conn::Conn;
use crate::error::{Error, ErrorKind, Result};
use crate::ident::Qualified;
use crate::key::{key_params, KeyArg};
use crate::table::Table;
use crate::table_sql::{inserted_nothing, no_key, placeholders, sql_for};

/// PostgreSQL's limit on bind parameters in one statement.
const MAX_PARAMS: usize = 65_535;

/// See [`Executor::get`](crate::Executor::get).
pub(crate) async fn get<T: Table>(conn: Conn<'_>, key: impl KeyArg<T::Key>) -> Result<T> {
    match find::<T>(conn, key).await? {
        Some(row) => Ok(row),
        None => Err(Error::not_found(&Qualified(T::SCHEMA, T::NAME).to_string())),
    }
}

/// See [`Executor::find`](crate::Executor::find).
pub(crate) async fn find<T: Table>(conn: Conn<'_>, key: impl KeyArg<T::Key>) -> Result<Option<T>> {
    let sqls = sql_for::<T>();
    let Some(sql) = &sqls.get else {
        return Err(no_key::<T>("get"));
    };
    conn.fetch_opt(sql, key_params::<T>(&key), |row| {
        T::decode(row, &sqls.positions)
    })
    .await
}

/// See [`Executor::insert`](crate::Executor::insert).
pub(crate) async fn insert<T: Table>(conn: Conn<'_>, row: &T) -> Result<T> {
    let sqls = sql_for::<T>();
    let params = sqls.insert_cols.iter().copied().map(|i| row.param(i));
    match conn
        .fetch_opt(&sqls.insert, params, |r| T::decode(r, &sqls.positions))
        .await?
    {
        Some(stored) => Ok(stored),
        None => Err(inserted_nothing::<T>()),
    }
}

/// See [`Executor::insert_many`](crate::Executor::insert_many).
pub(crate) async fn insert_many<T: Table>(conn: Conn<'_>, rows: &[T]) -> Result<Vec<T>> {
    let sqls = sql_for::<T>();
    let width = sqls.insert_cols.len();
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    if width == 0 {
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            out.push(insert(conn, row).await?);
        }
        return Ok(out);
    }
    let per_statement = (MAX_PARAMS / width).max(1);
    let mut out = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(per_statement) {
        let mut sql = String::with_capacity(sqls.insert_prefix.len() + chunk.len() * width * 6);
        sql.push_str(&sqls.insert_prefix);
        sql.push_str("VALUES ");
        for (r, _) in chunk.iter().enumerate() {
            if r > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            placeholders(&mut sql, r * width + 1, width);
            sql.push(')');
        }
        sql.push_str(&sqls.returning);
        let params = ExactLen {
            inner: chunk
                .iter()
                .flat_map(|row| sqls.insert_cols.iter().copied().map(move |i| row.param(i))),
            remaining: chunk.len() * width,
        };
        // Multi-row statements vary with the batch size: prepare them
        // unnamed rather than filling the connection's cache.
        let stmt = conn.client.prepare(&sql).await?;
        let stored = conn
            .fetch_all_prepared(&sql, &stmt, params, |r| T::decode(r, &sqls.positions))
            .await?;
        out.extend(stored);
    }
    Ok(out)
}

/// An iterator with a known length (a flattening iterator does not know
/// its own).
struct ExactLen<I> {
    inner: I,
    remaining: usize,
}

impl<I: Iterator> Iterator for ExactLen<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        let item = self.inner.next();
        if item.is_some() {
            self.remaining = self.remaining.saturating_sub(1);
        }
        item
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl<I: Iterator> ExactSizeIterator for ExactLen<I> {}

/// See [`Executor::update`](crate::Executor::update).
pub(crate) async fn update<T: Table>(conn: Conn<'_>, row: &T) -> Result<T> {
    let sqls = sql_for::<T>();
    let Some(sql) = &sqls.update else {
        return Err(no_key::<T>("update"));
    };
    let params = ExactLen {
        inner: sqls
            .update_cols
            .iter()
            .chain(T::PRIMARY_KEY.iter())
            .copied()
            .map(|i| row.param(i)),
        remaining: sqls.update_cols.len() + T::PRIMARY_KEY.len(),
    };
    match conn
        .fetch_opt(sql, params, |r| T::decode(r, &sqls.positions))
        .await?
    {
        Some(stored) => Ok(stored),
        None => Err(Error::not_found(&Qualified(T::SCHEMA, T::NAME).to_string())),
    }
}

/// See [`Executor::delete`](crate::Executor::delete).
pub(crate) async fn delete<T: Table>(conn: Conn<'_>, key: impl KeyArg<T::Key>) -> Result<bool> {
    let sqls = sql_for::<T>();
    let Some(sql) = &sqls.delete else {
        return Err(no_key::<T>("delete"));
    };
    Ok(conn.execute(sql, key_params::<T>(&key)).await? > 0)
}

/// See [`Executor::query_as`](crate::Executor::query_as).
pub(crate) async fn query_as<T: Table>(
    conn: Conn<'_>,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Vec<T>> {
    let stmt = conn.prepare(sql).await?;
    let mut positions = Vec::with_capacity(T::COLUMNS.len());
    for c in T::COLUMNS {
        match stmt.columns().iter().position(|rc| rc.name() == c.name) {
            Some(p) => positions.push(p),
            None => {
                return Err(Error::new(
                    ErrorKind::Decode,
                    format!(
                        "query_as::<{}>: the query returns no column named {:?} (field `{}`); it returns {}",
                        T::NAME,
                        c.name,
                        c.field,
                        if stmt.columns().is_empty() {
                            "no columns".to_string()
                        } else {
                            stmt.columns()
                                .iter()
                                .map(|c| c.name())
                                .collect::<Vec<_>>()
                                .join(", ")
                        }
                    ),
                ))
            }
        }
    }
    conn.fetch_all_prepared(sql, &stmt, params.iter().copied(), |row| {
        T::decode(row, &positions)
    })
    .await
}
