//! The one-shot operations behind [`Executor`](crate::Executor)'s methods:
//! `get`, `find`, `insert`, `insert_many`, `update`, `delete` by primary key
//! `query_as` and `query_into` (raw SQL decoded by column name into a
//! model or a `FromRow` struct).
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
use crate::row::{positions_by_name, FromRow};
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
    let params: Vec<_> = key_params::<T>(&key).collect();
    conn.fetch_opt(sql, &params, |row| T::decode(row, &sqls.positions))
        .await
}

/// See [`Executor::insert`](crate::Executor::insert).
pub(crate) async fn insert<T: Table>(conn: Conn<'_>, row: &T) -> Result<T> {
    let sqls = sql_for::<T>();
    let params: Vec<_> = sqls.insert_cols.iter().map(|&i| row.param(i)).collect();
    match conn
        .fetch_opt(&sqls.insert, &params, |r| T::decode(r, &sqls.positions))
        .await
        .map_err(|e| written_or_named::<T>(e, |p| sqls.insert_cols.get(p).copied()))?
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
        let params: Vec<_> = chunk
            .iter()
            .flat_map(|row| sqls.insert_cols.iter().map(move |&i| row.param(i)))
            .collect();
        // Multi-row statements vary with the batch size: prepare them
        // unnamed rather than filling the connection's cache.
        let stmt = conn.client.prepare(&sql).await?;
        let stored = conn
            .fetch_all_prepared(&sql, &stmt, &params, |r| T::decode(r, &sqls.positions))
            .await
            .map_err(|e| written_or_named::<T>(e, |p| sqls.insert_cols.get(p % width).copied()))?;
        out.extend(stored);
    }
    Ok(out)
}

/// See [`Executor::update`](crate::Executor::update).
pub(crate) async fn update<T: Table>(conn: Conn<'_>, row: &T) -> Result<T> {
    let sqls = sql_for::<T>();
    let Some(sql) = &sqls.update else {
        return Err(no_key::<T>("update"));
    };
    let columns = || {
        sqls.update_cols
            .iter()
            .chain(T::PRIMARY_KEY.iter())
            .copied()
    };
    let params: Vec<_> = columns().map(|i| row.param(i)).collect();
    match conn
        .fetch_opt(sql, &params, |r| T::decode(r, &sqls.positions))
        .await
        .map_err(|e| written_or_named::<T>(e, |p| columns().nth(p)))?
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
    let params: Vec<_> = key_params::<T>(&key).collect();
    Ok(conn.execute(sql, &params).await? > 0)
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
    conn.fetch_all_prepared(sql, &stmt, params, |row| T::decode(row, &positions))
        .await
}

/// See [`Executor::query_into`](crate::Executor::query_into).
pub(crate) async fn query_into<R: FromRow + Send>(
    conn: Conn<'_>,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Vec<R>> {
    let stmt = conn.prepare(sql).await?;
    let positions = positions_by_name::<R>(stmt.columns())?;
    conn.fetch_all_prepared(sql, &stmt, params, |row| R::decode(row, &positions))
        .await
}

/// The error of a write: a value refused by the server names its column
/// (`column_of` maps a statement parameter to the field's index in
/// `T::COLUMNS`), and a row that was written but cannot be read back says
/// that it was written.
pub(crate) fn written_or_named<T: Table>(
    err: Error,
    column_of: impl FnOnce(usize) -> Option<usize>,
) -> Error {
    if err.kind() == ErrorKind::Decode {
        return Error::new(
            ErrorKind::Decode,
            format!(
                "the row was written (and is committed unless an enclosing transaction rolls back), \
                 but reading it back failed: {err}"
            ),
        )
        .with_source(err);
    }
    let table = Qualified(T::SCHEMA, T::NAME).to_string();
    err.name_param(&table, |p| {
        column_of(p).and_then(|i| T::COLUMNS.get(i)).map(|c| c.name)
    })
}
