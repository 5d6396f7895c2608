//! strata: PostgreSQL models with `#[derive(Table)]`, one schema model shared
//! with the `schema-diff` migration tool, pooled sessions and typed CRUD.
//!
//! # Layers
//!
//! The modules are layered: a module uses only modules on lower lines of
//! this diagram (on the foundation line, only those to its left), so there
//! are no import cycles. The `mod` lines of this file are in the same order,
//! bottom first, and `tests/layering.rs` checks every `crate::` path in
//! `src/` against that order.
//!
//! ```text
//! pool  listen                                hands out sessions; LISTEN
//! session                                     sessions, transactions, savepoints
//! executor                                    the Executor trait: every operation
//! crud  select  write  copy                   one-shot CRUD, builders, COPY
//! conn table_sql key filter aggregate join    connection, SQL, keys, filters, aggregates, joins
//!   relation                                  relation loading
//! error column table row registry tls connect pooled  foundation, left to right
//! schema  ident                               the strata-model crate
//! ```
//!
//! Read bottom-up; each module builds only on those before it:
//!
//! - [`schema`], [`ident`]: the schema model everything produces or consumes,
//!   and identifier quoting (both from the `strata-model` crate).
//! - [`error`]: the one [`Error`] type, with an [`ErrorKind`].
//! - [`mod@column`], [`table`]: what `#[derive(Table)]` generates
//!   ([`Column<T, V>`], [`PgType`], [`SqlValue`]; the [`Table`] trait),
//!   and the read side [`Selectable`] (every table, and the views of
//!   `#[derive(View)]`, which implement [`View`] and no `Table`).
//! - [`row`]: [`FromRow`], what `#[derive(FromRow)]` generates: result
//!   rows that are not tables (projections, aggregates, raw SQL) read into
//!   a struct.
//! - [`registry`]: models (their partitions and definitions) and views →
//!   [`Schema`](schema::Schema), with cross-model checks.
//! - [`tls`]: libpq's `sslmode` and certificate settings on rustls; the one
//!   TLS connector.
//! - [`connect`]: [`ConnectOptions`], the one connection configuration
//!   (URLs, `key=value` strings, `DATABASE_URL` and the `PG*` variables),
//!   printed masked; every connection strata or `schema-diff` opens uses it.
//! - [`pooled`]: the connection the pool manages (its bounded statement
//!   cache, cancel on drop, clean-on-return state) and deadpool's manager.
//! - `conn`: the borrowed connection every statement runs on: preparation
//!   through the connection's statement cache, eviction of stale cached
//!   statements, tracing.
//! - `table_sql`: the SQL text of each model's fixed-shape statements, built
//!   once per model type.
//! - [`key`]: [`KeyArg`], what operations by primary key accept.
//! - [`filter`]: [`Filter<T>`] and [`Order<T>`], typed conditions and
//!   ordering; the comparison methods of [`Column`].
//! - [`aggregate`]: [`Expr`], typed expressions (columns, `count`, `sum`,
//!   `avg`, `min`, `max`) and [`Projection`]s of them.
//! - [`join`]: [`Join`], two models joined on a typed condition or on the
//!   foreign key between them.
//! - `relation`: relation loading (`load_children`, `load_parents`) from
//!   the declared foreign keys, one `= ANY($1)` query per relation.
//! - `crud`: the one-shot operations (get, find, insert, insert_many, update,
//!   delete, query_as).
//! - [`select`]: the [`Select<T>`] builder.
//! - [`mod@write`]: the write builders ([`InsertValues`], [`UpdateColumns`],
//!   [`DeleteWhere`], [`Upsert`], [`InsertOrIgnore`]).
//! - `copy`: bulk load and read through binary `COPY` (`copy_in`, and
//!   `copy_out` as a stream of typed rows).
//! - [`executor`]: the [`Executor`] trait, the one trait every operation is a
//!   method of.
//! - [`session`]: [`Session`], [`Transaction`], savepoints.
//! - [`pool`]: [`Pool`], which hands out sessions.
//! - [`listen`]: [`Listener`], `LISTEN` on a connection of its own, as a
//!   stream of notifications.
#![warn(missing_docs)]
// Doc links name their targets by path (`[`Session`](crate::Session)`) on
// purpose: they keep resolving when code moves between layers and a
// module's imports change.
#![allow(rustdoc::redundant_explicit_links)]

pub use strata_model::{ident, schema};

// Modules in layer order, bottom first (one per group: rustfmt sorts runs of
// `mod` lines). Foundation: the derive's contract, the registry, connection
// settings.
pub mod error;

pub mod column;

pub mod table;

pub mod row;

pub mod registry;

pub mod tls;

pub mod connect;

pub mod pooled;

mod exact;

// Parts: a connection, the SQL text of each model, keys, filters.
mod conn;

mod table_sql;

pub mod key;

pub mod filter;

pub mod aggregate;

pub mod join;

mod relation;

// Operations: one-shot CRUD, the statement builders, COPY.
mod crud;

pub mod select;

pub mod write;

mod copy;

// Surface and handles: the Executor trait, sessions and transactions, pools.
pub mod executor;

pub mod session;

pub mod pool;

pub mod listen;

pub use aggregate::{count, Expr, Projection, ProjectsInto};
pub use column::{Column, PgType, SqlValue};
pub use connect::{ConnectError, ConnectOptions};
pub use copy::CopyOutRows;
pub use error::{Error, ErrorKind, Result};
pub use executor::Executor;
pub use filter::{Filter, Order};
pub use join::{subquery, Join, On, Subquery};
pub use key::KeyArg;
pub use listen::{Listener, Notification};
pub use pool::{Pool, PoolBuilder, PoolStatus};
pub use postgres_types::Json;
/// The conversion traits of the PostgreSQL wire types: implement both (or
/// derive `PgEnum`) for a custom field type; the derive also needs
/// [`PgType`] or `#[column(sql_type = "...")]`.
pub use postgres_types::{FromSql, ToSql};
pub use registry::Registry;
pub use row::{FromRow, RowField};
pub use select::{Projected, ProjectedInto, RowStream, Select};
pub use session::{Session, Transaction, TransactionBuilder};
pub use strata_macros::{FromRow, PgEnum, Table, View};
pub use table::{ColumnInfo, Composite, CopyRow, PrimaryKeyValue, Selectable, Table, View};
pub use tokio_postgres::{IsolationLevel, Row};
pub use write::{DeleteWhere, InsertOrIgnore, InsertValues, UpdateColumns, Upsert};

/// Prints the registry's schema as JSON on standard output, for
/// `schema-diff`'s `models` command; on an inconsistent registry prints the
/// problems on standard error and exits with status 2. A model exporter binary
/// is this one line in `main`.
pub fn export_models(registry: &Registry) {
    match registry.to_json() {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
}

/// Support for generated code. Not part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use bytes::BytesMut;
    pub use inventory;
    pub use postgres_types::{to_sql_checked, FromSql, IsNull, Kind, ToSql, Type};
    pub use tokio_postgres::Row;

    use crate::error::{Error, ErrorKind};
    use crate::schema::EnumType;

    /// The error of `Table::decode` when `positions` has fewer entries than
    /// the table has columns.
    #[cold]
    pub fn positions_error(table: &str, needed: usize, given: usize) -> Error {
        Error::new(
            ErrorKind::Invalid,
            format!(
                "cannot decode a row of {table}: {given} column positions given, {needed} needed"
            ),
        )
    }

    /// The distinct enum types among `types` (`PgType::enum_type()` of each
    /// field), in first-use order.
    pub fn enum_types(types: impl IntoIterator<Item = Option<EnumType>>) -> Vec<EnumType> {
        let mut out: Vec<EnumType> = Vec::new();
        for e in types.into_iter().flatten() {
            if !out.contains(&e) {
                out.push(e);
            }
        }
        out
    }

    /// `ToSql::accepts` / `FromSql::accepts` of a `#[derive(PgEnum)]`: only
    /// the enum type `schema.name`.
    pub fn is_enum_type(ty: &Type, schema: &str, name: &str) -> bool {
        matches!(ty.kind(), Kind::Enum(_)) && ty.name() == name && ty.schema() == schema
    }

    /// The error of `FromSql` for a `#[derive(PgEnum)]` when the database
    /// sends a label the Rust enum does not have.
    #[cold]
    pub fn unknown_label(
        raw: &[u8],
        type_name: &str,
        rust_name: &str,
    ) -> Box<dyn std::error::Error + Sync + Send> {
        format!(
            "unknown label {:?} of enum type {type_name}: the Rust enum {rust_name} has no variant for it",
            String::from_utf8_lossy(raw)
        )
        .into()
    }

    /// Where `Table::decode` and `Table::decode_copy` read columns from: a
    /// `tokio_postgres::Row` or a binary COPY row. One trait, so the
    /// generated code calls one function for both, and a field type that
    /// cannot be decoded is reported once.
    pub trait ColumnSource {
        /// Column `pos` as a `T`, refusing values `T` would hold only
        /// approximately (numeric beyond `Decimal`, arrays not starting at
        /// 1).
        fn read_exact<'a, T: postgres_types::FromSql<'a>>(
            &'a self,
            pos: usize,
        ) -> Result<T, Box<dyn std::error::Error + Sync + Send>>;

        /// The SQL type name of column `pos`.
        fn sql_type(&self, pos: usize) -> String;
    }

    impl ColumnSource for Row {
        #[inline]
        fn read_exact<'a, T: postgres_types::FromSql<'a>>(
            &'a self,
            pos: usize,
        ) -> Result<T, Box<dyn std::error::Error + Sync + Send>> {
            read_exact::<T>(self, pos)
        }

        fn sql_type(&self, pos: usize) -> String {
            sql_type(self, pos)
        }
    }

    impl ColumnSource for crate::table::CopyRow<'_> {
        #[inline]
        fn read_exact<'a, T: postgres_types::FromSql<'a>>(
            &'a self,
            pos: usize,
        ) -> Result<T, Box<dyn std::error::Error + Sync + Send>> {
            let value = self.row.try_get::<T>(pos)?;
            if let Some(ty) = self.types.get(pos).filter(|t| crate::exact::may_lose(t)) {
                if let Ok(crate::exact::RawValue(raw)) =
                    self.row.try_get::<crate::exact::RawValue>(pos)
                {
                    crate::exact::check_raw::<T>(ty, raw)?;
                }
            }
            Ok(value)
        }

        fn sql_type(&self, pos: usize) -> String {
            self.types
                .get(pos)
                .map_or_else(|| "<missing column>".to_string(), |t| t.name().to_string())
        }
    }

    /// Reads column `pos` of `row` as a `T`, turning a failure into a decode
    /// error that names the table, column, Rust type and SQL type.
    #[inline]
    pub fn decode_column<'a, T: postgres_types::FromSql<'a>>(
        row: &'a impl ColumnSource,
        pos: usize,
        table: &str,
        column: &str,
        rust_type: &str,
    ) -> Result<T, Error> {
        row.read_exact::<T>(pos)
            .map_err(|cause| Error::decode(table, column, rust_type, &row.sql_type(pos), cause))
    }

    /// Reads column `pos` of `row` into field `field` of the `FromRow`
    /// struct `name`; a failure names the struct, field, column, Rust type
    /// and SQL type.
    #[inline]
    pub fn decode_field<'a, T: postgres_types::FromSql<'a>>(
        row: &'a Row,
        pos: usize,
        name: &str,
        field: &str,
        rust_type: &str,
    ) -> Result<T, Error> {
        read_exact::<T>(row, pos).map_err(|cause| {
            let column = row
                .columns()
                .get(pos)
                .map(|c| c.name().to_string())
                .unwrap_or_else(|| format!("#{pos} (missing)"));
            // The innermost cause says why (tokio-postgres's own text is
            // only "error deserializing column N").
            let mut why: &(dyn std::error::Error + 'static) = &*cause;
            while let Some(inner) = why.source() {
                why = inner;
            }
            let message = format!(
                "cannot read field `{field}` of {name} (Rust type {rust_type}) from column {column} \
                 (SQL type {}): {why}",
                sql_type(row, pos)
            );
            Error::new(ErrorKind::Decode, message).with_source(cause)
        })
    }

    /// Column `pos` of `row` as a `T`, refusing values `T` would hold only
    /// approximately (numeric beyond `Decimal`, arrays not starting at 1).
    #[inline]
    fn read_exact<'a, T: postgres_types::FromSql<'a>>(
        row: &'a Row,
        pos: usize,
    ) -> Result<T, Box<dyn std::error::Error + Sync + Send>> {
        match row.try_get::<_, T>(pos) {
            Ok(v) => match crate::exact::check::<T>(row, pos) {
                Ok(()) => Ok(v),
                Err(why) => Err(why.into()),
            },
            Err(e) => Err(Box::new(e)),
        }
    }

    /// The SQL type name of column `pos` of `row`.
    #[cold]
    fn sql_type(row: &Row, pos: usize) -> String {
        row.columns()
            .get(pos)
            .map(|c| c.type_().name().to_string())
            .unwrap_or_else(|| "<missing column>".to_string())
    }
}
