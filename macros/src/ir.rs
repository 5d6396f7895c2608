//! The checked, resolved model that code generation reads: every SQL name
//! decided (defaults computed by `strata_model`'s naming functions, which
//! follow PostgreSQL's rules), every field reference turned into a column.
//!
//! What the schema model can say is held in the model's own types
//! (`strata_model::schema`), in canonical form; beside them the IR keeps
//! only what the macro alone has: the Rust items (idents, types,
//! visibility) and, for each column, a type that may be known only at run
//! time (through `PgType`).

use syn::{Ident, Type, Visibility};

use strata_model::schema::{self, EnumType, Identity, SqlType};

/// A checked `#[derive(Table)]`.
pub struct Table<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    /// The table as `definition()` returns it, canonical (constraints and
    /// indexes sorted by name, default NULLS orders dropped), except that
    /// its `columns` are empty: a column's type may come from `PgType` at
    /// run time, so the columns are in [`Table::columns`].
    pub definition: schema::Table,
    /// The columns, in field order.
    pub columns: Vec<Column<'a>>,
    /// Positions in `columns` of the primary key's columns, in key order
    /// (the columns `definition.primary_key` names).
    pub primary_key: Vec<usize>,
    /// The partitions declared with `partition(...)`, as tables.
    pub partitions: Vec<schema::Table>,
    /// Exclusion constraints, row-level security, policies and grants, as
    /// definitions (name + SQL).
    pub definitions: Vec<schema::Definition>,
}

/// A field and its column: the fields of `schema::Column`, with the SQL
/// type only when the attributes give it.
pub struct Column<'a> {
    pub field: &'a Ident,
    pub ty: &'a Type,
    pub name: String,
    /// `None`: inferred through `PgType`.
    pub sql_type: Option<SqlType>,
    pub nullable: bool,
    pub default: Option<String>,
    pub identity: Option<Identity>,
    /// The identity's or serial's sequence options, canonical (`None`:
    /// the defaults).
    pub sequence: Option<schema::SequenceOptions>,
    /// `GENERATED ALWAYS AS (expression) STORED`.
    pub generated: Option<String>,
    /// `COLLATE`.
    pub collation: Option<schema::TypeName>,
    pub comment: Option<String>,
    pub renamed_from: Option<String>,
}

/// A checked `#[derive(PgEnum)]`.
pub struct PgEnum<'a> {
    pub ident: &'a Ident,
    /// The enum type, as `enum_type()` returns it.
    pub enum_type: EnumType,
    /// The variants, in declaration order: one per label of `enum_type`.
    pub variants: Vec<&'a Ident>,
}

/// A checked `#[derive(FromRow)]`.
pub struct Row<'a> {
    pub ident: &'a Ident,
    /// The fields, in order.
    pub fields: Vec<RowField<'a>>,
}

/// One field of a [`Row`].
pub struct RowField<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
    /// The field's name (without `r#`).
    pub name: String,
    /// The column it reads by name.
    pub column: String,
}

/// A checked `#[derive(View)]`.
pub struct View<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    pub schema: String,
    pub name: String,
    /// The fields in order: (field, Rust type, view column).
    pub columns: Vec<(&'a Ident, &'a Type, String)>,
    /// The `CREATE VIEW` definition.
    pub definition: schema::Definition,
}
