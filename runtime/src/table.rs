//! The [`Table`] trait: what `#[derive(Table)]` generates for a struct, and
//! what the registry, the DDL and the typed CRUD consume.
//!
//! The contract between the macro and the runtime lives here and in
//! [`crate::column`]: the macro emits an `impl Table` whose constants describe
//! the columns (in field order), a `definition()` that builds the full
//! [`schema::Table`](crate::schema::Table), a decoder from a row and a
//! parameter accessor per column. Everything else (SQL text, statements,
//! caching) is ordinary runtime code.
//!
//! Start reading at [`Table`]; `macros/src/gen_table.rs` writes its impls.

use postgres_types::{ToSql, Type};
use tokio_postgres::binary_copy::BinaryCopyOutRow;
use tokio_postgres::Row;

use crate::error::{Error, ErrorKind};
use crate::schema;

/// Static facts about one column of a model, in field order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnInfo {
    /// The SQL column name.
    pub name: &'static str,
    /// The Rust field name.
    pub field: &'static str,
    /// The field's Rust type, as written (for error messages).
    pub rust_type: &'static str,
    /// True when the database generates the value (identity, serial or a
    /// generated column): the column is left out of `INSERT`s, `UPDATE`s
    /// and COPY, filled by PostgreSQL and read back.
    pub generated: bool,
    /// True when the column is part of the primary key.
    pub primary_key: bool,
}

/// A Rust struct mapped to a PostgreSQL table. Implement it with
/// `#[derive(Table)]`; writing it by hand is possible but not needed.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a table: it has no `strata::Table` impl",
    label = "not a table",
    note = "inserts, updates, deletes, upserts and COPY need a `#[derive(Table)]`; a `#[derive(View)]` is read-only (`select` reads it)"
)]
pub trait Table: Sized + Send + Sync + 'static {
    /// The generated struct of typed column handles (`<Struct>Columns`).
    type Columns: Sync + 'static;
    /// The primary key's value: the key field's type, or
    /// [`Composite`]`<(A, B, ...)>` of them for a composite key (in key order).
    type Key: PrimaryKeyValue;

    /// The table's schema (namespace).
    const SCHEMA: &'static str;
    /// The table's name.
    const NAME: &'static str;
    /// The columns, in field order (the order of `decode` and `param`).
    const COLUMNS: &'static [ColumnInfo];
    /// Positions in [`Table::COLUMNS`] of the primary key columns, in key order.
    const PRIMARY_KEY: &'static [usize];

    /// The typed column handles.
    fn columns() -> &'static Self::Columns;

    /// The full description of the table for the registry, the DDL and the
    /// diff.
    fn definition() -> schema::Table;

    /// The enum types this table's columns use (from `#[derive(PgEnum)]`).
    fn enum_types() -> Vec<schema::EnumType> {
        Vec::new()
    }

    /// The partitions the model declares on its table (`#[table(partition(...))]`
    /// of a partitioned table): tables with
    /// [`partition_of`](schema::Table::partition_of) set, which the
    /// registry adds beside the table. Rows are still written and read
    /// through the partitioned table.
    fn partitions() -> Vec<schema::Table> {
        Vec::new()
    }

    /// SQL the model declares on its table as [`schema::Definition`]s:
    /// exclusion constraints, row-level security, policies and grants
    /// (`#[table(exclude(...))]`, `row_level_security`, `policy(...)`,
    /// `grant(...)`). The registry adds them to its definitions, before
    /// those added with [`Registry::definition`](crate::Registry::definition).
    fn definitions() -> Vec<schema::Definition> {
        Vec::new()
    }

    /// Decodes a row. `positions[i]` is the row position of column `i` of
    /// [`Table::COLUMNS`].
    fn decode(row: &Row, positions: &[usize]) -> Result<Self, Error>;

    /// Decodes a row of a binary `COPY ... TO STDOUT` of every column in
    /// field order ([`Executor::copy_out`](crate::Executor::copy_out)).
    /// The derive writes it; a hand-written impl that does not is refused
    /// by `copy_out` with an error.
    fn decode_copy(row: &CopyRow<'_>) -> Result<Self, Error> {
        let _ = row;
        Err(Error::new(
            ErrorKind::Invalid,
            format!(
                "COPY out of {}: its Table impl has no decode_copy (derive Table, or write it)",
                Self::NAME
            ),
        ))
    }

    /// The value of column `i` of [`Table::COLUMNS`], as a bind parameter.
    fn param(&self, i: usize) -> &(dyn ToSql + Sync);

    /// This row's primary key value.
    fn key(&self) -> Self::Key;
}

/// One row of a binary `COPY ... TO STDOUT`, with the columns' SQL types,
/// as [`Table::decode_copy`] reads it (through generated code).
pub struct CopyRow<'a> {
    pub(crate) row: &'a BinaryCopyOutRow,
    pub(crate) types: &'a [Type],
}

impl std::fmt::Debug for CopyRow<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CopyRow")
            .field("types", &self.types)
            .finish_non_exhaustive()
    }
}

/// What [`Executor::select`](crate::Executor::select) reads rows of: a
/// table (every [`Table`]) or a view mapped read-only to a struct
/// ([`View`], `#[derive(View)]`). Only reads are bound on it; inserts,
/// updates, deletes and COPY need a [`Table`], so a view's rows cannot be
/// written through strata (the call does not compile).
pub trait Selectable: Sized + Send + Sync + 'static {
    /// The struct of typed column handles.
    type Columns: Sync + 'static;
    /// The relation's schema.
    const SCHEMA: &'static str;
    /// The relation's name.
    const NAME: &'static str;
    /// The columns, in field order (the order of `decode`).
    const COLUMNS: &'static [ColumnInfo];
    /// The typed column handles.
    fn columns() -> &'static Self::Columns;
    /// Decodes a row; `positions[i]` is the row position of column `i`.
    fn decode(row: &Row, positions: &[usize]) -> Result<Self, Error>;
}

impl<T: Table> Selectable for T {
    type Columns = <T as Table>::Columns;
    const SCHEMA: &'static str = <T as Table>::SCHEMA;
    const NAME: &'static str = <T as Table>::NAME;
    const COLUMNS: &'static [ColumnInfo] = <T as Table>::COLUMNS;
    fn columns() -> &'static Self::Columns {
        <T as Table>::columns()
    }
    fn decode(row: &Row, positions: &[usize]) -> Result<Self, Error> {
        <T as Table>::decode(row, positions)
    }
}

/// A view mapped read-only to a struct: implement it with
/// `#[derive(View)]`, which also implements [`Selectable`] (typed reads
/// through [`Executor::select`](crate::Executor::select)) and registers
/// the view's SQL as a definition, so `schema-diff` creates and compares
/// it. A view has no [`Table`] impl: `insert`, `update`, `delete`,
/// `upsert` and `copy_in` of its rows do not compile.
pub trait View: Selectable {
    /// The `CREATE VIEW` statement, as a definition for the registry.
    fn definition() -> schema::Definition;
}

/// A primary key value: one bind parameter per key column.
pub trait PrimaryKeyValue: Send + Sync + 'static {
    /// The number of key columns.
    const LEN: usize;
    /// The value of key column `i`.
    fn key_param(&self, i: usize) -> &(dyn ToSql + Sync);
}

impl<T: ToSql + Sync + Send + 'static> PrimaryKeyValue for T {
    const LEN: usize = 1;
    fn key_param(&self, _i: usize) -> &(dyn ToSql + Sync) {
        self
    }
}

/// The value of a composite primary key: a tuple of the key fields' types, in
/// key order. `(a, b).into()` builds one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Composite<T>(pub T);

macro_rules! tuple_key {
    ($len:expr; $($name:ident $idx:tt),+) => {
        impl<$($name: ToSql + Sync + Send + 'static),+> PrimaryKeyValue for Composite<($($name,)+)> {
            const LEN: usize = $len;
            fn key_param(&self, i: usize) -> &(dyn ToSql + Sync) {
                match i {
                    $($idx => &(self.0).$idx,)+
                    _ => &NULL_PARAM,
                }
            }
        }

        impl<$($name),+> From<($($name,)+)> for Composite<($($name,)+)> {
            fn from(t: ($($name,)+)) -> Self {
                Composite(t)
            }
        }
    };
}

tuple_key!(2; A 0, B 1);
tuple_key!(3; A 0, B 1, C 2);
tuple_key!(4; A 0, B 1, C 2, D 3);
tuple_key!(5; A 0, B 1, C 2, D 3, E 4);
tuple_key!(6; A 0, B 1, C 2, D 3, E 4, F 5);

/// A typed NULL returned for out-of-range parameter positions (never reached
/// by generated code; it keeps the accessors total without panicking).
pub static NULL_PARAM: Option<i32> = None;
