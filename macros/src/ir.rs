//! The checked, resolved model that code generation reads: every SQL name
//! decided (defaults computed with PostgreSQL's own naming rules), every
//! field reference turned into a column, constraints sorted by name (the
//! canonical order of `strata::schema`).

use syn::{Ident, Type, Visibility};

use crate::attr::{Nulls, Order};
use strata_model::schema::{Deferrable, FkAction, IndexMethod};
use strata_model::schema::{Identity, SqlType};

pub struct Table<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    pub schema: String,
    pub name: String,
    pub comment: Option<String>,
    pub renamed_from: Option<String>,
    pub columns: Vec<Column<'a>>,
    /// Positions in `columns`, in key order.
    pub primary_key: Vec<usize>,
    pub pkey_name: String,
    pub uniques: Vec<Unique>,
    pub indexes: Vec<Index>,
    pub foreign_keys: Vec<ForeignKey>,
    pub checks: Vec<Check>,
}

pub struct Column<'a> {
    pub field: &'a Ident,
    pub ty: &'a Type,
    pub name: String,
    /// `None`: inferred through `PgType`.
    pub sql_type: Option<SqlType>,
    pub nullable: bool,
    pub default: Option<String>,
    pub identity: Option<Identity>,
    pub comment: Option<String>,
    pub renamed_from: Option<String>,
}

pub struct Unique {
    pub name: String,
    pub columns: Vec<String>,
}

pub struct Index {
    pub name: String,
    pub unique: bool,
    pub method: IndexMethod,
    pub elements: Vec<IndexElement>,
    pub include: Vec<String>,
    pub predicate: Option<String>,
}

pub enum IndexKey {
    Column(String),
    Expression(String),
}

pub struct IndexElement {
    pub key: IndexKey,
    pub order: Order,
    /// `None` when it is the default of `order`.
    pub nulls: Option<Nulls>,
    pub opclass: Option<String>,
}

pub struct ForeignKey {
    pub name: String,
    pub columns: Vec<String>,
    pub ref_schema: String,
    pub ref_table: String,
    pub ref_columns: Vec<String>,
    pub on_delete: FkAction,
    pub on_update: FkAction,
    pub deferrable: Deferrable,
}

pub struct Check {
    pub name: String,
    pub expression: String,
}

/// A checked `#[derive(PgEnum)]`.
pub struct PgEnum<'a> {
    pub ident: &'a Ident,
    pub schema: String,
    pub name: String,
    pub comment: Option<String>,
    /// Variant and label, in declaration order.
    pub variants: Vec<(&'a Ident, String)>,
}
