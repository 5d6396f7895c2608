//! strata: PostgreSQL models with `#[derive(Table)]`, one schema model shared
//! with the `schema-diff` migration tool, pooled sessions and typed CRUD.
//!
//! Reading order: [`schema`] (the model everything produces or consumes, from
//! the `strata-model` crate), [`ident`] (quoting, also from `strata-model`),
//! [`column`] and [`table`] (what the derive generates), [`registry`]
//! (models → schema), [`error`]; then the runtime: [`pool`] (pools and sessions), [`session`] (sessions,
//! transactions, savepoints), [`executor`] (the one trait CRUD runs on),
//! [`filter`] (typed filters), [`select`] (`SELECT`), [`crud`] (SQL per table and
//! operation, insert/get/update/delete/upsert), [`copy`] (binary COPY).
#![warn(missing_docs)]

pub use strata_model::{ident, schema};

pub mod column;
pub mod error;
pub mod registry;
pub mod table;
pub mod url;

// The runtime, in reading order (one group per line keeps rustfmt from
// sorting them).
pub mod pool;

pub mod session;

pub mod executor;

mod conn;

mod table_sql;

pub mod key;

pub mod filter;

pub mod select;

mod crud;

pub mod write;

pub mod copy;

pub use column::{Column, PgType, SqlValue};
pub use error::{Error, ErrorKind, Result};
pub use executor::Executor;
pub use filter::{Filter, Order};
pub use key::KeyArg;
pub use pool::{Pool, PoolBuilder, PoolStatus};
pub use postgres_types::Json;
/// The conversion traits of the PostgreSQL wire types: implement both (or
/// derive `PgEnum`) for a custom field type; the derive also needs
/// [`PgType`] or `#[column(sql_type = "...")]`.
pub use postgres_types::{FromSql, ToSql};
pub use registry::Registry;
pub use select::Select;
pub use session::{Session, Transaction, TransactionBuilder};
pub use strata_macros::{PgEnum, Table};
pub use table::{ColumnInfo, Composite, PrimaryKeyValue, Table};
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

    /// Reads column `pos` of `row` as a `T`, turning a failure into a decode
    /// error that names the table, column, Rust type and SQL type.
    #[inline]
    pub fn decode_column<'a, T: postgres_types::FromSql<'a>>(
        row: &'a Row,
        pos: usize,
        table: &str,
        column: &str,
        rust_type: &str,
    ) -> Result<T, Error> {
        match row.try_get::<_, T>(pos) {
            Ok(v) => Ok(v),
            Err(e) => {
                let sql_type = row
                    .columns()
                    .get(pos)
                    .map(|c| c.type_().name().to_string())
                    .unwrap_or_else(|| "<missing column>".to_string());
                Err(Error::decode(table, column, rust_type, &sql_type, e))
            }
        }
    }
}
