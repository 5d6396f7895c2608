//! The SQL text of each model: [`TableSql`] holds the statement text of every
//! fixed-shape operation on one table (select, insert, get, update, delete
//! and upsert by key, COPY), built by [`sql_for`] once per model type, on
//! first use, and kept for the life of the process. This is what keeps the
//! hot path free of formatting: an operation looks its text up here and its
//! prepared statement up in the connection's cache. Identifiers go through
//! [`crate::ident`]; values never appear in the text.
//!
//! Also here: the small SQL writers the builders share ([`join`],
//! [`placeholders`], [`write_do_update`]) and the errors of a table whose
//! shape has no statement for an operation ([`no_key`],
//! [`inserted_nothing`]).
//!
//! Start reading at [`sql_for`], then [`TableSql::build`].

use std::any::TypeId;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{OnceLock, RwLock};

use crate::error::{Error, ErrorKind};
use crate::ident::{Ident, Qualified};
use crate::table::{Selectable, Table};

/// The SQL text of every fixed-shape operation on one table, built once.
#[derive(Debug)]
pub(crate) struct TableSql {
    /// `"schema"."name"`.
    pub(crate) table: String,
    /// `SELECT <all columns> FROM <table>`.
    pub(crate) select: String,
    /// ` RETURNING <all columns>`.
    pub(crate) returning: String,
    /// `0..COLUMNS.len()`: the decode positions of our own statements.
    pub(crate) positions: Vec<usize>,
    /// Columns an `INSERT` writes (all but database-generated ones).
    pub(crate) insert_cols: Vec<usize>,
    /// `INSERT INTO t (<insert cols>) ` (the `VALUES` part is per call for
    /// multi-row inserts).
    pub(crate) insert_prefix: String,
    /// `INSERT ... VALUES ($1, ...) RETURNING ...`.
    pub(crate) insert: String,
    /// `SELECT ... WHERE <key> = $1 ...`; `None` without a primary key.
    pub(crate) get: Option<String>,
    /// Columns an `UPDATE` by key sets (all but key and generated ones).
    pub(crate) update_cols: Vec<usize>,
    /// `UPDATE t SET ... WHERE <key> ... RETURNING ...`.
    pub(crate) update: Option<String>,
    /// `DELETE FROM t WHERE <key> ...`.
    pub(crate) delete: Option<String>,
    /// `INSERT ... ON CONFLICT (<key>) DO UPDATE SET ... RETURNING ...`.
    pub(crate) upsert: Option<String>,
    /// `COPY t (<insert cols>) FROM STDIN (FORMAT binary)`.
    pub(crate) copy: String,
    /// `COPY t (<all columns>) TO STDOUT (FORMAT binary)`.
    pub(crate) copy_out: String,
}

type SqlCache = RwLock<HashMap<TypeId, &'static TableSql>>;

/// The SQL text of table `T`, built on first use and kept for the life of
/// the process (one small allocation per model type).
pub(crate) fn sql_for<T: Table>() -> &'static TableSql {
    static CACHE: OnceLock<SqlCache> = OnceLock::new();
    let cache = CACHE.get_or_init(|| RwLock::new(HashMap::new()));
    let id = TypeId::of::<T>();
    if let Some(sql) = cache
        .read()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .get(&id)
    {
        return sql;
    }
    let mut map = cache
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    map.entry(id)
        .or_insert_with(|| Box::leak(Box::new(TableSql::build::<T>())))
}

/// The SQL text of reading a table or view (`SELECT <columns> FROM ...`),
/// built once per type: what [`Select`](crate::Select) needs of any
/// [`Selectable`].
#[derive(Debug)]
pub(crate) struct ReadSql {
    /// `"schema"."name"`.
    pub(crate) table: String,
    /// `SELECT <all columns> FROM <relation>`.
    pub(crate) select: String,
    /// `0..COLUMNS.len()`.
    pub(crate) positions: Vec<usize>,
}

/// The read SQL of `T`, built on first use and kept for the life of the
/// process.
pub(crate) fn read_sql_for<T: Selectable>() -> &'static ReadSql {
    type Cache = RwLock<HashMap<TypeId, &'static ReadSql>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(|| RwLock::new(HashMap::new()));
    let id = TypeId::of::<T>();
    if let Some(sql) = cache
        .read()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .get(&id)
    {
        return sql;
    }
    let mut map = cache
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    map.entry(id).or_insert_with(|| {
        let table = Qualified(T::SCHEMA, T::NAME).to_string();
        let all = join(T::COLUMNS.iter().map(|c| c.name));
        Box::leak(Box::new(ReadSql {
            select: format!("SELECT {all} FROM {table}"),
            table,
            positions: (0..T::COLUMNS.len()).collect(),
        }))
    })
}

impl TableSql {
    /// The text of every statement of `T`; called once per type, by
    /// [`sql_for`].
    fn build<T: Table>() -> TableSql {
        let cols = T::COLUMNS;
        let table = Qualified(T::SCHEMA, T::NAME).to_string();
        let all = join(cols.iter().map(|c| c.name));
        let select = format!("SELECT {all} FROM {table}");
        let returning = format!(" RETURNING {all}");
        let insert_cols: Vec<usize> = (0..cols.len()).filter(|&i| !cols[i].generated).collect();
        let insert_names = join(insert_cols.iter().map(|&i| cols[i].name));
        let insert_prefix = format!("INSERT INTO {table} ({insert_names}) ");
        let insert = if insert_cols.is_empty() {
            format!("INSERT INTO {table} DEFAULT VALUES{returning}")
        } else {
            let mut s = insert_prefix.clone();
            s.push_str("VALUES (");
            placeholders(&mut s, 1, insert_cols.len());
            s.push(')');
            s.push_str(&returning);
            s
        };
        let copy = format!("COPY {table} ({insert_names}) FROM STDIN (FORMAT binary)");
        let copy_out = format!("COPY {table} ({all}) TO STDOUT (FORMAT binary)");
        let key = T::PRIMARY_KEY;
        let update_cols: Vec<usize> = (0..cols.len())
            .filter(|&i| !cols[i].generated && !key.contains(&i))
            .collect();
        let key_where = |first: usize| {
            let mut s = String::from(" WHERE ");
            for (n, &i) in key.iter().enumerate() {
                if n > 0 {
                    s.push_str(" AND ");
                }
                let _ = write!(s, "{} = ${}", Ident(cols[i].name), first + n);
            }
            s
        };
        let (get, update, delete, upsert) = if key.is_empty() {
            (None, None, None, None)
        } else {
            let get = format!("{select}{}", key_where(1));
            let mut update = format!("UPDATE {table} SET ");
            if update_cols.is_empty() {
                // Nothing to write: a no-op assignment keeps the statement
                // valid and still reports whether the row exists.
                let k = cols[key[0]].name;
                let _ = write!(update, "{} = {}", Ident(k), Ident(k));
            } else {
                for (n, &i) in update_cols.iter().enumerate() {
                    if n > 0 {
                        update.push_str(", ");
                    }
                    let _ = write!(update, "{} = ${}", Ident(cols[i].name), n + 1);
                }
            }
            update.push_str(&key_where(update_cols.len() + 1));
            update.push_str(&returning);
            let delete = format!("DELETE FROM {table}{}", key_where(1));
            let key_names: Vec<&str> = key.iter().map(|&i| cols[i].name).collect();
            let upsert = if insert_cols.is_empty() {
                None
            } else {
                let set: Vec<&str> = insert_cols
                    .iter()
                    .map(|&i| cols[i].name)
                    .filter(|n| !key_names.contains(n))
                    .collect();
                let mut s = insert.trim_end_matches(&returning).to_string();
                let _ = write!(s, " ON CONFLICT ({})", join(key_names.iter().copied()));
                write_do_update(&mut s, &set, key_names[0]);
                s.push_str(&returning);
                Some(s)
            };
            (Some(get), Some(update), Some(delete), upsert)
        };
        TableSql {
            table,
            select,
            returning,
            positions: (0..cols.len()).collect(),
            insert_cols,
            insert_prefix,
            insert,
            get,
            update_cols,
            update,
            delete,
            upsert,
            copy,
            copy_out,
        }
    }
}

/// ` DO UPDATE SET a = EXCLUDED.a, ...` (or a no-op assignment of
/// `fallback` when `set` is empty, so the conflicting row is still returned).
pub(crate) fn write_do_update(s: &mut String, set: &[&str], fallback: &str) {
    s.push_str(" DO UPDATE SET ");
    if set.is_empty() {
        let _ = write!(s, "{} = EXCLUDED.{}", Ident(fallback), Ident(fallback));
        return;
    }
    for (n, c) in set.iter().enumerate() {
        if n > 0 {
            s.push_str(", ");
        }
        let _ = write!(s, "{} = EXCLUDED.{}", Ident(c), Ident(c));
    }
}

/// The quoted `names`, comma-separated.
pub(crate) fn join<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut s = String::new();
    for (i, n) in names.enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let _ = write!(s, "{}", Ident(n));
    }
    s
}

/// Appends `$first, $first+1, ...` (`count` placeholders).
pub(crate) fn placeholders(s: &mut String, first: usize, count: usize) {
    for n in 0..count {
        if n > 0 {
            s.push_str(", ");
        }
        let _ = write!(s, "${}", first + n);
    }
}

/// The error of an operation by primary key on table `T`, which has none.
pub(crate) fn no_key<T: Table>(op: &str) -> Error {
    Error::new(
        ErrorKind::Invalid,
        format!(
            "{op} by primary key needs a primary key, and table {} has none",
            Qualified(T::SCHEMA, T::NAME)
        ),
    )
}

#[cold]
/// The error of an `INSERT ... RETURNING` into `T` that returned no row.
pub(crate) fn inserted_nothing<T: Table>() -> Error {
    Error::new(
        ErrorKind::Invalid,
        format!(
            "INSERT INTO {} returned no row (a rule or trigger suppressed it)",
            Qualified(T::SCHEMA, T::NAME)
        ),
    )
}
