//! Statements that create objects from the schema model, and the complete DDL
//! of a [`Schema`] in dependency order.
//!
//! Every builder returns **one SQL statement without a trailing semicolon**
//! (a `DO $strata$ ... $strata$` block counts as one statement); join a list
//! with [`to_script`] to get a runnable script. Identifiers go through
//! [`crate::ident`]; the few values DDL needs (enum labels, comments, names
//! compared in catalog checks) are written with [`quote_literal`].
//! Expressions of the model (defaults, CHECKs, index expressions and
//! predicates) are SQL text and are written as they are.
//!
//! Start reading at [`schema_ddl`]: schemas, enum types, tables (with their
//! primary key, unique and CHECK constraints inline), foreign keys (after all
//! tables, so cycles work), indexes, comments. With
//! [`DdlOptions::if_not_exists`] the same list is safe to run where the
//! objects already exist: `CREATE TABLE/INDEX IF NOT EXISTS`, and `DO`
//! blocks that look in the catalog first for what PostgreSQL cannot create
//! conditionally or checks privileges for before it looks (schemas, enum
//! types, constraints added to an existing table, comments, which are only
//! set where none is). Nothing is ever dropped or
//! replaced, so running it on a database that holds the tables changes
//! nothing that is already there: neither the catalog nor a row; on a
//! database missing some objects it creates exactly those
//! (`tests/integration/ddl.rs` checks both by comparing introspections and
//! per-table content checksums).
//!
//! The single-object builders ([`column_def`], [`create_table`],
//! [`create_index`], [`add_primary_key`], [`add_unique`], [`add_check`],
//! [`add_foreign_key`], the `comment_on_*` functions) are also what
//! `schema-diff`'s migration plans use.

use std::fmt::{self, Write};

use crate::ident::{ident_list, quote_literal, quote_literal_one_line, Ident, Qualified};
use crate::schema::{
    Check, Column, Deferrable, EnumType, FkAction, ForeignKey, Identity, Index, IndexKey,
    IndexMethod, NullsOrder, PrimaryKey, Schema, SortOrder, SqlType, Table, Unique,
};

/// How [`schema_ddl`] renders.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DdlOptions {
    /// Render statements that are safe to run where (some of) the objects
    /// already exist: existing objects are left as they are, missing ones are
    /// created.
    pub if_not_exists: bool,
}

impl DdlOptions {
    /// Plain DDL for an empty database.
    pub fn plain() -> DdlOptions {
        DdlOptions {
            if_not_exists: false,
        }
    }

    /// Idempotent DDL (see [`DdlOptions::if_not_exists`]).
    pub fn idempotent() -> DdlOptions {
        DdlOptions {
            if_not_exists: true,
        }
    }
}

/// The object a statement of [`schema_ddl_statements`] creates, for error
/// messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DdlObject {
    /// A namespace.
    Schema(String),
    /// An enum type.
    EnumType {
        /// Its schema.
        schema: String,
        /// Its name.
        name: String,
    },
    /// A table with its columns and inline constraints.
    Table {
        /// Its schema.
        schema: String,
        /// Its name.
        name: String,
    },
    /// A constraint added to a table after its creation (primary key, unique,
    /// CHECK or foreign key).
    Constraint {
        /// The table's schema.
        schema: String,
        /// The table's name.
        table: String,
        /// The constraint's name.
        name: String,
    },
    /// An index.
    Index {
        /// The table's schema.
        schema: String,
        /// The table's name.
        table: String,
        /// The index's name.
        name: String,
    },
    /// A comment on a table, a column (`column` set) or an enum type.
    Comment {
        /// The object's schema.
        schema: String,
        /// The table or type.
        object: String,
        /// The column, for a column comment.
        column: Option<String>,
    },
}

impl fmt::Display for DdlObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DdlObject::Schema(s) => write!(f, "schema {s}"),
            DdlObject::EnumType { schema, name } => write!(f, "enum type {schema}.{name}"),
            DdlObject::Table { schema, name } => write!(f, "table {schema}.{name}"),
            DdlObject::Constraint {
                schema,
                table,
                name,
            } => write!(f, "table {schema}.{table}, constraint {name}"),
            DdlObject::Index {
                schema,
                table,
                name,
            } => write!(f, "table {schema}.{table}, index {name}"),
            DdlObject::Comment {
                schema,
                object,
                column: Some(c),
            } => write!(f, "comment on column {schema}.{object}.{c}"),
            DdlObject::Comment {
                schema,
                object,
                column: None,
            } => write!(f, "comment on {schema}.{object}"),
        }
    }
}

/// One statement of a schema's DDL and the object it creates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DdlStatement {
    /// What the statement creates.
    pub object: DdlObject,
    /// The statement (no trailing semicolon).
    pub sql: String,
}

/// Joins statements into a script: each followed by `;` and a newline.
pub fn to_script<S: AsRef<str>>(statements: &[S]) -> String {
    let mut out = String::new();
    for s in statements {
        out.push_str(s.as_ref());
        out.push_str(";\n");
    }
    out
}

/// `CREATE SCHEMA name`.
pub fn create_schema(name: &str) -> String {
    format!("CREATE SCHEMA {}", Ident(name))
}

/// Creates the schema unless one of that name exists, as a `DO` block that
/// looks in `pg_namespace` first. Not `CREATE SCHEMA IF NOT EXISTS`:
/// PostgreSQL checks the `CREATE` privilege on the database before it looks
/// for the schema, so that statement fails for an application role that may
/// use `public` but not create schemas, even when the schema exists.
pub fn create_schema_if_not_exists(name: &str) -> String {
    let cond = format!(
        "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = {}",
        quote_literal(name)
    );
    do_unless_exists(&cond, &create_schema(name))
}

/// `CREATE TYPE schema.name AS ENUM ('a', 'b', ...)`.
pub fn create_enum(e: &EnumType) -> String {
    let labels: Vec<String> = e.labels.iter().map(|l| quote_literal(l)).collect();
    format!(
        "CREATE TYPE {} AS ENUM ({})",
        Qualified(&e.schema, &e.name),
        labels.join(", ")
    )
}

/// A `DO` block that creates the enum type unless a type of that name exists
/// in its schema (PostgreSQL has no `CREATE TYPE IF NOT EXISTS`).
pub fn create_enum_if_not_exists(e: &EnumType) -> String {
    let cond = format!(
        "SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
         WHERE n.nspname = {} AND t.typname = {}",
        quote_literal(&e.schema),
        quote_literal(&e.name)
    );
    do_unless_exists(&cond, &create_enum(e))
}

/// The SQL spelling of a column's type: the canonical type, or `serial` /
/// `bigserial` / `smallserial` for a serial integer column.
fn column_type(c: &Column) -> String {
    if c.identity == Some(Identity::Serial) {
        match c.ty {
            SqlType::SmallInt => return "smallserial".into(),
            SqlType::Integer => return "serial".into(),
            SqlType::BigInt => return "bigserial".into(),
            // Not an integer: written as the type itself; `column_def` then
            // asks for an identity, which PostgreSQL rejects with a message
            // naming the column's type.
            _ => {}
        }
    }
    c.ty.to_string()
}

/// One column definition as in `CREATE TABLE` / `ADD COLUMN`: the quoted
/// name, the type (`serial`/`bigserial`/`smallserial` for serial columns),
/// `GENERATED ALWAYS | BY DEFAULT AS IDENTITY`, `GENERATED ALWAYS AS (expr)
/// STORED` or `DEFAULT expr` (not for serial columns, whose default is the
/// sequence) and `NOT NULL`.
pub fn column_def(c: &Column) -> String {
    let mut out = format!("{} {}", Ident(&c.name), column_type(c));
    if let Some(m) = c.compression {
        let _ = write!(out, " COMPRESSION {}", m.as_sql());
    }
    if let Some(coll) = &c.collation {
        let _ = write!(out, " COLLATE {}", Qualified(&coll.schema, &coll.name));
    }
    match c.identity {
        Some(Identity::Always) => out.push_str(" GENERATED ALWAYS AS IDENTITY"),
        Some(Identity::ByDefault) => out.push_str(" GENERATED BY DEFAULT AS IDENTITY"),
        Some(Identity::Serial) if !c.ty.is_integer() => {
            out.push_str(" GENERATED BY DEFAULT AS IDENTITY")
        }
        Some(Identity::Serial) | None => {}
    }
    if let (Some(Identity::Always | Identity::ByDefault), Some(o)) = (c.identity, &c.sequence) {
        let _ = write!(out, " ({})", o.create_clauses());
    }
    if let Some(g) = &c.generated {
        let _ = write!(out, " GENERATED ALWAYS AS ({g}) STORED");
    } else if c.identity != Some(Identity::Serial) {
        if let Some(d) = &c.default {
            let _ = write!(out, " DEFAULT {d}");
        }
    }
    if !c.nullable {
        out.push_str(" NOT NULL");
    }
    out
}

/// ` DEFERRABLE INITIALLY ...`, or nothing.
fn deferrable_sql(d: Deferrable) -> &'static str {
    match d {
        Deferrable::NotDeferrable => "",
        Deferrable::InitiallyImmediate => " DEFERRABLE INITIALLY IMMEDIATE",
        Deferrable::InitiallyDeferred => " DEFERRABLE INITIALLY DEFERRED",
    }
}

/// A key's index parameters: ` INCLUDE (...)`, ` WITH (...)`, or nothing.
fn key_index_params(include: &[String], with: &[String]) -> String {
    let mut out = String::new();
    if !include.is_empty() {
        out.push_str(&format!(" INCLUDE ({})", ident_list(include)));
    }
    if !with.is_empty() {
        out.push(' ');
        out.push_str(&storage_params_sql(with));
    }
    out
}

fn primary_key_clause(pk: &PrimaryKey) -> String {
    format!(
        "CONSTRAINT {} PRIMARY KEY ({}){}{}",
        Ident(&pk.name),
        ident_list(&pk.columns),
        key_index_params(&pk.include, &pk.with),
        deferrable_sql(pk.deferrable)
    )
}

fn unique_clause(u: &Unique) -> String {
    format!(
        "CONSTRAINT {} UNIQUE {}({}){}{}",
        Ident(&u.name),
        if u.nulls_not_distinct {
            "NULLS NOT DISTINCT "
        } else {
            ""
        },
        ident_list(&u.columns),
        key_index_params(&u.include, &u.with),
        deferrable_sql(u.deferrable)
    )
}

/// `WITH (name = 'value', ...)` of storage parameters written as
/// PostgreSQL prints them (`fillfactor=70`): the name quoted as an
/// identifier, the value as a literal, so no text of a model becomes SQL.
pub fn storage_params_sql(with: &[String]) -> String {
    let items: Vec<String> = with
        .iter()
        .map(|p| {
            let (name, value) = p.split_once('=').unwrap_or((p.as_str(), "true"));
            format!("{} = {}", Ident(name.trim()), quote_literal(value.trim()))
        })
        .collect();
    format!("WITH ({})", items.join(", "))
}

fn check_clause(c: &Check) -> String {
    format!(
        "CONSTRAINT {} CHECK ({}){}",
        Ident(&c.name),
        c.expression,
        if c.no_inherit { " NO INHERIT" } else { "" }
    )
}

/// `CONSTRAINT name FOREIGN KEY (...) REFERENCES ...`, as used by
/// [`add_foreign_key`].
pub fn foreign_key_clause(fk: &ForeignKey) -> String {
    let mut out = format!(
        "CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {} ({})",
        Ident(&fk.name),
        ident_list(&fk.columns),
        Qualified(&fk.ref_schema, &fk.ref_table),
        ident_list(&fk.ref_columns)
    );
    if fk.match_full {
        out.push_str(" MATCH FULL");
    }
    if fk.on_delete != FkAction::NoAction {
        let _ = write!(out, " ON DELETE {}", fk.on_delete.as_sql());
    }
    if fk.on_update != FkAction::NoAction {
        let _ = write!(out, " ON UPDATE {}", fk.on_update.as_sql());
    }
    match fk.deferrable {
        Deferrable::NotDeferrable => {}
        Deferrable::InitiallyImmediate => out.push_str(" DEFERRABLE INITIALLY IMMEDIATE"),
        Deferrable::InitiallyDeferred => out.push_str(" DEFERRABLE INITIALLY DEFERRED"),
    }
    out
}

fn table_body(t: &Table) -> String {
    let mut items: Vec<String> = t.columns.iter().map(column_def).collect();
    items.extend(constraint_items(t));
    bracketed(&items)
}

/// The inline constraints: primary key, uniques, CHECKs.
fn constraint_items(t: &Table) -> Vec<String> {
    let mut items = Vec::new();
    if let Some(pk) = &t.primary_key {
        items.push(primary_key_clause(pk));
    }
    items.extend(
        t.uniques
            .iter()
            .enumerate()
            .filter(|(i, _)| !folded_unique(t, *i))
            .map(|(_, u)| unique_clause(u)),
    );
    // A NOT VALID check cannot be declared in CREATE TABLE (PostgreSQL
    // would validate it): it is added after, see `constraints_after_create`.
    items.extend(t.checks.iter().filter(|c| !c.not_valid).map(check_clause));
    items
}

/// `ALTER TABLE ... ALTER COLUMN ... SET STORAGE` of the columns whose
/// storage is not their type's and `SET STATISTICS` of those with a
/// statistics target or options (PostgreSQL 15's `CREATE TABLE` has no
/// clause for them), one statement for the table; none when there are
/// none.
pub fn column_storages(t: &Table) -> Option<String> {
    let parts: Vec<String> = t
        .columns
        .iter()
        .flat_map(|c| {
            let storage = c
                .storage
                .map(|x| format!("ALTER COLUMN {} SET STORAGE {}", Ident(&c.name), x.as_sql()));
            let statistics = c
                .statistics
                .map(|n| format!("ALTER COLUMN {} SET STATISTICS {n}", Ident(&c.name)));
            let options = (!c.options.is_empty()).then(|| {
                format!(
                    "ALTER COLUMN {} SET {}",
                    Ident(&c.name),
                    storage_params_sql(&c.options).trim_start_matches("WITH ")
                )
            });
            storage.into_iter().chain(statistics).chain(options)
        })
        .collect();
    (!parts.is_empty()).then(|| {
        format!(
            "ALTER TABLE {} {}",
            Qualified(&t.schema, &t.name),
            parts.join(", ")
        )
    })
}

/// Whether `CREATE TABLE` would fold the table's unique constraint `i`
/// into its primary key or an earlier unique constraint of the same
/// columns and options (PostgreSQL drops such a duplicate, name and all):
/// it is added after the table instead ([`constraints_after_create`]).
fn folded_unique(t: &Table, i: usize) -> bool {
    let Some(u) = t.uniques.get(i) else {
        return false;
    };
    let same = |columns: &[String], nulls_not_distinct: bool, deferrable: Deferrable| {
        columns == u.columns.as_slice()
            && nulls_not_distinct == u.nulls_not_distinct
            && deferrable == u.deferrable
    };
    t.primary_key
        .as_ref()
        .is_some_and(|pk| same(&pk.columns, false, pk.deferrable))
        || t.uniques[..i]
            .iter()
            .any(|p| same(&p.columns, p.nulls_not_distinct, p.deferrable))
}

/// `ALTER TABLE ... ADD CONSTRAINT ... UNIQUE` of the unique constraints
/// `CREATE TABLE` would fold into another of the same columns, which
/// [`create_table`] leaves out.
pub fn folded_uniques(t: &Table) -> Vec<String> {
    t.uniques
        .iter()
        .enumerate()
        .filter(|(i, _)| folded_unique(t, *i))
        .map(|(_, u)| add_unique(t, u))
        .collect()
}

/// What [`create_table`] leaves out, to run right after it: the
/// [`folded_uniques`] and NOT VALID checks (`ALTER TABLE ... ADD
/// CONSTRAINT ...`).
pub fn constraints_after_create(t: &Table) -> Vec<String> {
    let mut out = folded_uniques(t);
    out.extend(
        t.checks
            .iter()
            .filter(|c| c.not_valid)
            .map(|c| add_check(t, c)),
    );
    out
}

fn bracketed(items: &[String]) -> String {
    if items.is_empty() {
        return "()".into();
    }
    let mut out = String::from("(\n");
    for (i, item) in items.iter().enumerate() {
        out.push_str("    ");
        out.push_str(item);
        if i + 1 < items.len() {
            out.push(',');
        }
        out.push('\n');
    }
    out.push(')');
    out
}

/// `CREATE TABLE schema.name (...)` with the columns and the primary key,
/// unique and CHECK constraints as named `CONSTRAINT`s. Foreign keys are not
/// inline: add them with [`add_foreign_key`] once the referenced tables
/// exist. Indexes and comments are separate statements too.
///
/// A partition is created as `PARTITION OF parent [ (constraints) ] bound`,
/// a child table with `INHERITS (...)`, a partitioned table with `PARTITION
/// BY ...`.
pub fn create_table(t: &Table) -> String {
    create_table_as(t, "CREATE TABLE")
}

fn create_table_as(t: &Table, verb: &str) -> String {
    let name = Qualified(&t.schema, &t.name);
    let unlogged_verb;
    let verb = if t.unlogged {
        unlogged_verb = verb.replacen("CREATE TABLE", "CREATE UNLOGGED TABLE", 1);
        unlogged_verb.as_str()
    } else {
        verb
    };
    let mut out = match &t.partition_of {
        Some(p) => {
            // A partition's own NOT NULL on a column of its parent:
            // `PARTITION OF parent (b NOT NULL, ...)`.
            let mut items: Vec<String> = t
                .local_not_null
                .iter()
                .map(|c| format!("{} NOT NULL", Ident(c)))
                .collect();
            items.extend(constraint_items(t));
            let body = if items.is_empty() {
                String::new()
            } else {
                format!(" {}", bracketed(&items))
            };
            format!(
                "{verb} {name} PARTITION OF {}{body} {}",
                Qualified(&p.parent.schema, &p.parent.name),
                p.bound
            )
        }
        None => format!("{verb} {name} {}", table_body(t)),
    };
    if !t.inherits.is_empty() && t.partition_of.is_none() {
        let parents: Vec<String> = t
            .inherits
            .iter()
            .map(|p| Qualified(&p.schema, &p.name).to_string())
            .collect();
        let _ = write!(out, " INHERITS ({})", parents.join(", "));
    }
    if let Some(key) = &t.partition_by {
        let _ = write!(out, " PARTITION BY {key}");
    }
    if !t.with.is_empty() {
        let _ = write!(out, " {}", storage_params_sql(&t.with));
    }
    out
}

/// [`create_table`] with `IF NOT EXISTS`: an existing table of that name is
/// left untouched (PostgreSQL does not compare its definition).
pub fn create_table_if_not_exists(t: &Table) -> String {
    create_table_as(t, "CREATE TABLE IF NOT EXISTS")
}

fn alter_add(t: &Table, clause: &str) -> String {
    format!("ALTER TABLE {} ADD {clause}", Qualified(&t.schema, &t.name))
}

/// `ALTER TABLE ... ADD CONSTRAINT name PRIMARY KEY (...)`.
pub fn add_primary_key(t: &Table, pk: &PrimaryKey) -> String {
    alter_add(t, &primary_key_clause(pk))
}

/// `ALTER TABLE ... ADD CONSTRAINT name UNIQUE (...)`.
pub fn add_unique(t: &Table, u: &Unique) -> String {
    alter_add(t, &unique_clause(u))
}

/// [`add_primary_key`] `ONLY` the table: on a partitioned table, its
/// partitions get none (the key's index is not valid until each has an
/// index attached).
pub fn add_primary_key_only(t: &Table, pk: &PrimaryKey) -> String {
    format!(
        "ALTER TABLE ONLY {} ADD {}",
        Qualified(&t.schema, &t.name),
        primary_key_clause(pk)
    )
}

/// [`add_unique`] `ONLY` the table (see [`add_primary_key_only`]).
pub fn add_unique_only(t: &Table, u: &Unique) -> String {
    format!(
        "ALTER TABLE ONLY {} ADD {}",
        Qualified(&t.schema, &t.name),
        unique_clause(u)
    )
}

/// `ALTER TABLE ... ADD CONSTRAINT name CHECK (expr) [NO INHERIT] [NOT
/// VALID]`.
pub fn add_check(t: &Table, c: &Check) -> String {
    let mut out = alter_add(t, &check_clause(c));
    if c.not_valid {
        out.push_str(" NOT VALID");
    }
    out
}

/// `ALTER TABLE ... ADD CONSTRAINT name FOREIGN KEY (...) REFERENCES ...
/// [ON DELETE ...] [ON UPDATE ...] [DEFERRABLE INITIALLY ...] [NOT
/// VALID]`.
pub fn add_foreign_key(t: &Table, fk: &ForeignKey) -> String {
    let mut out = alter_add(t, &foreign_key_clause(fk));
    if fk.not_valid {
        out.push_str(" NOT VALID");
    }
    out
}

/// [`add_foreign_key`] `NOT VALID`: existing rows are not checked (no scan
/// under the lock); `VALIDATE CONSTRAINT` checks them later.
pub fn add_foreign_key_not_valid(t: &Table, fk: &ForeignKey) -> String {
    add_foreign_key(
        t,
        &ForeignKey {
            not_valid: true,
            ..fk.clone()
        },
    )
}

/// [`add_check`] `NOT VALID`: existing rows are checked later by
/// `VALIDATE CONSTRAINT`.
pub fn add_check_not_valid(t: &Table, c: &Check) -> String {
    add_check(
        t,
        &Check {
            not_valid: true,
            ..c.clone()
        },
    )
}

/// Writes an operator class name: `name`, or `schema.name` (each part quoted
/// when needed).
fn opclass_sql(opclass: &str) -> String {
    match opclass.split_once('.') {
        Some((schema, name)) => Qualified(schema, name).to_string(),
        None => Ident(opclass).to_string(),
    }
}

/// `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON table
/// [USING method] (elements) [INCLUDE (...)] [WHERE (predicate)]`. An
/// element is a column or `(expression)`, then its operator class, `DESC`
/// and `NULLS FIRST|LAST` when set. `USING` is omitted for btree.
pub fn create_index(t: &Table, ix: &Index, concurrently: bool, if_not_exists: bool) -> String {
    index_sql(t, ix, concurrently, if_not_exists, false)
}

/// [`create_index`] `ON ONLY` the table: on a partitioned table, no index
/// is made in its partitions (the index is not valid until each has one
/// attached, `ALTER INDEX ... ATTACH PARTITION`).
pub fn create_index_on_only(t: &Table, ix: &Index) -> String {
    index_sql(t, ix, false, false, true)
}

fn index_sql(t: &Table, ix: &Index, concurrently: bool, if_not_exists: bool, only: bool) -> String {
    let mut out = String::from("CREATE ");
    if ix.unique {
        out.push_str("UNIQUE ");
    }
    out.push_str("INDEX ");
    if concurrently {
        out.push_str("CONCURRENTLY ");
    }
    if if_not_exists {
        out.push_str("IF NOT EXISTS ");
    }
    let _ = write!(
        out,
        "{} ON {}{}",
        Ident(&ix.name),
        if only { "ONLY " } else { "" },
        Qualified(&t.schema, &t.name)
    );
    if ix.method != IndexMethod::Btree {
        let _ = write!(out, " USING {}", ix.method.as_str());
    }
    out.push_str(" (");
    for (i, el) in ix.elements.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match &el.key {
            IndexKey::Column(c) => {
                let _ = write!(out, "{}", Ident(c));
            }
            IndexKey::Expression(e) => {
                let _ = write!(out, "({e})");
            }
        }
        if let Some(coll) = &el.collation {
            let _ = write!(out, " COLLATE {}", Qualified(&coll.schema, &coll.name));
        }
        if let Some(opc) = &el.opclass {
            out.push(' ');
            out.push_str(&opclass_sql(opc));
        }
        if el.order == SortOrder::Desc {
            out.push_str(" DESC");
        }
        match el.nulls {
            Some(NullsOrder::First) => out.push_str(" NULLS FIRST"),
            Some(NullsOrder::Last) => out.push_str(" NULLS LAST"),
            None => {}
        }
    }
    out.push(')');
    if !ix.include.is_empty() {
        let _ = write!(out, " INCLUDE ({})", ident_list(&ix.include));
    }
    if ix.nulls_not_distinct {
        out.push_str(" NULLS NOT DISTINCT");
    }
    if !ix.with.is_empty() {
        let _ = write!(out, " {}", storage_params_sql(&ix.with));
    }
    if let Some(p) = &ix.predicate {
        let _ = write!(out, " WHERE ({p})");
    }
    out
}

fn comment_literal(c: &Option<String>) -> String {
    match c {
        Some(text) => quote_literal_one_line(text),
        None => "NULL".into(),
    }
}

/// `COMMENT ON TABLE ... IS '...'` (`IS NULL` when the table has no
/// comment, which removes one).
pub fn comment_on_table(t: &Table) -> String {
    format!(
        "COMMENT ON TABLE {} IS {}",
        Qualified(&t.schema, &t.name),
        comment_literal(&t.comment)
    )
}

/// `COMMENT ON COLUMN table.column IS '...'` (`IS NULL` removes it).
pub fn comment_on_column(t: &Table, c: &Column) -> String {
    format!(
        "COMMENT ON COLUMN {}.{} IS {}",
        Qualified(&t.schema, &t.name),
        Ident(&c.name),
        comment_literal(&c.comment)
    )
}

/// `ALTER SEQUENCE` of the sequence a serial or identity column owns, to
/// `options` (every option spelled out), named by the server
/// (`pg_get_serial_sequence`): a `DO` block, as a statement cannot name the
/// sequence otherwise. The options are numbers only.
///
/// `restart`: also `RESTART` (at the start value), which a sequence whose
/// direction flips needs. Otherwise the sequence restarts only when its
/// current value lies outside the new range (ALTER SEQUENCE refuses the
/// new bounds then, as they would not hold it); a value inside is kept.
pub fn alter_owned_sequence(
    schema: &str,
    table: &str,
    column: &str,
    options: Option<&crate::schema::SequenceOptions>,
    restart: bool,
) -> String {
    let clauses = crate::schema::SequenceOptions::alter_clauses(options);
    // A bound or start beyond `integer` needs a `bigint` sequence (one
    // created for an `integer` column is `integer`; pg_dump's `CREATE
    // SEQUENCE ... OWNED BY` makes it `bigint`).
    let beyond_integer = options.is_some_and(|o| {
        [o.min, o.max, o.start]
            .into_iter()
            .flatten()
            .any(|v| i32::try_from(v).is_err())
    });
    let clauses = if beyond_integer {
        format!("AS bigint {clauses}")
    } else {
        clauses
    };
    if restart {
        return alter_sequence_of(schema, table, column, &format!("{clauses} RESTART"));
    }
    // The new bounds: the given ones, else the defaults for the direction
    // (1 or -1 on one side, the type's limit on the other, which no value
    // of the sequence's type, unchanged here, lies beyond).
    let d = crate::schema::SequenceOptions::default();
    let o = options.unwrap_or(&d);
    let ascending = o.increment.unwrap_or(1) > 0;
    let low = o.min.or(ascending.then_some(1));
    let high = o.max.or((!ascending).then_some(-1));
    let outside: Vec<String> = low
        .map(|l| format!("v < {l}"))
        .into_iter()
        .chain(high.map(|h| format!("v > {h}")))
        .collect();
    let outside = outside.join(" OR ");
    let body = format!(
        "EXECUTE pg_catalog.format('SELECT last_value FROM %s', s) INTO v; \
         EXECUTE pg_catalog.format('ALTER SEQUENCE %s {clauses}', s) \
         || CASE WHEN {outside} THEN ' RESTART' ELSE '' END;"
    );
    let tag = dollar_tag(&[&body]);
    format!(
        "DO {tag} DECLARE s text := pg_catalog.pg_get_serial_sequence({}, {}); v bigint; BEGIN {body} END {tag}",
        quote_literal(&Qualified(schema, table).to_string()),
        quote_literal(column)
    )
}

/// `ALTER SEQUENCE ... AS ty` of the sequence a serial column owns (its
/// type follows the column's: `serial` -> `bigserial`). `None` unless `ty`
/// is a type a sequence can have. Does nothing when the column owns no
/// sequence at that point (a down migration changes the type back before
/// it creates the serial's sequence again, with that type).
pub fn alter_owned_sequence_type(
    schema: &str,
    table: &str,
    column: &str,
    ty: &SqlType,
) -> Option<String> {
    let name = match ty {
        SqlType::SmallInt => "smallint",
        SqlType::Integer => "integer",
        SqlType::BigInt => "bigint",
        _ => return None,
    };
    let body = format!(
        "IF s IS NOT NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s AS {name}', s); END IF;"
    );
    let tag = dollar_tag(&[&body, schema, table, column]);
    Some(format!(
        "DO {tag} DECLARE s text := pg_catalog.pg_get_serial_sequence({}, {}); BEGIN {body} END {tag}",
        quote_literal(&Qualified(schema, table).to_string()),
        quote_literal(column)
    ))
}

/// `DO` block running `ALTER SEQUENCE <the column's sequence> <clauses>`:
/// the sequence named by the server, the table and column as literals, the
/// body in a dollar quote no part of it contains. `clauses` is strata's own
/// text (keywords and numbers).
fn alter_sequence_of(schema: &str, table: &str, column: &str, clauses: &str) -> String {
    let body = format!(
        "EXECUTE pg_catalog.format('ALTER SEQUENCE %s {clauses}', pg_catalog.pg_get_serial_sequence({}, {}));",
        quote_literal(&Qualified(schema, table).to_string()),
        quote_literal(column)
    );
    let tag = dollar_tag(&[&body]);
    format!("DO {tag} BEGIN {body} END {tag}")
}

/// `COMMENT ON INDEX schema.index IS '...'` (`IS NULL` removes it).
pub fn comment_on_index(schema: &str, index: &str, comment: &Option<String>) -> String {
    format!(
        "COMMENT ON INDEX {} IS {}",
        Qualified(schema, index),
        comment_literal(comment)
    )
}

/// `COMMENT ON CONSTRAINT name ON schema.table IS '...'` (`IS NULL`
/// removes it).
pub fn comment_on_constraint(t: &Table, name: &str, comment: &Option<String>) -> String {
    format!(
        "COMMENT ON CONSTRAINT {} ON {} IS {}",
        Ident(name),
        Qualified(&t.schema, &t.name),
        comment_literal(comment)
    )
}

/// The `COMMENT ON CONSTRAINT` / `COMMENT ON INDEX` statements of every
/// constraint and index of `t` that has a comment (after `CREATE TABLE`).
pub fn constraint_and_index_comments(t: &Table) -> Vec<String> {
    let mut out = Vec::new();
    let mut on = |name: &str, c: &Option<String>| {
        if c.is_some() {
            out.push(comment_on_constraint(t, name, c));
        }
    };
    if let Some(pk) = &t.primary_key {
        on(&pk.name, &pk.comment);
    }
    for u in &t.uniques {
        on(&u.name, &u.comment);
    }
    for c in &t.checks {
        on(&c.name, &c.comment);
    }
    for f in &t.foreign_keys {
        on(&f.name, &f.comment);
    }
    for ix in t.indexes.iter().filter(|ix| ix.comment.is_some()) {
        out.push(comment_on_index(&t.schema, &ix.name, &ix.comment));
    }
    out
}

/// `COMMENT ON TYPE ... IS '...'` (`IS NULL` removes it).
pub fn comment_on_type(e: &EnumType) -> String {
    format!(
        "COMMENT ON TYPE {} IS {}",
        Qualified(&e.schema, &e.name),
        comment_literal(&e.comment)
    )
}

/// `DO $tag$ BEGIN IF NOT EXISTS (condition) THEN body; END IF; END $tag$`,
/// with a dollar-quote tag that does not occur in the body.
fn do_unless_exists(condition: &str, body: &str) -> String {
    let tag = dollar_tag(&[condition, body]);
    format!("DO {tag} BEGIN IF NOT EXISTS ({condition}) THEN {body}; END IF; END {tag}")
}

/// A dollar-quote tag (`$strata$`, `$strata1$`, ...) that occurs in none of
/// `texts`, so they cannot end the quoted body early.
pub(crate) fn dollar_tag(texts: &[&str]) -> String {
    let mut tag = String::from("$strata$");
    let mut n = 0;
    while texts.iter().any(|t| t.contains(&tag)) {
        n += 1;
        tag = format!("$strata{n}$");
    }
    tag
}

/// The catalog condition "a relation (table, index) of this name exists in
/// the schema".
fn relation_exists(schema: &str, name: &str) -> String {
    format!(
        "SELECT 1 FROM pg_catalog.pg_class r JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace \
         WHERE n.nspname = {} AND r.relname = {}",
        quote_literal(schema),
        quote_literal(name)
    )
}

/// The catalog condition "the table has a constraint matching `filter`".
fn constraint_exists(t: &Table, filter: &str) -> String {
    format!(
        "SELECT 1 FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_class r ON r.oid = c.conrelid \
         JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace \
         WHERE n.nspname = {} AND r.relname = {} AND {filter}",
        quote_literal(&t.schema),
        quote_literal(&t.name)
    )
}

fn named_constraint_exists(t: &Table, name: &str) -> String {
    constraint_exists(t, &format!("c.conname = {}", quote_literal(name)))
}

/// Adds the primary key unless the table already has one (of any name) or a
/// relation of that name exists.
fn add_primary_key_if_not_exists(t: &Table, pk: &PrimaryKey) -> String {
    let cond = format!(
        "{} UNION ALL {}",
        constraint_exists(t, "c.contype = 'p'"),
        relation_exists(&t.schema, &pk.name)
    );
    do_unless_exists(&cond, &add_primary_key(t, pk))
}

/// Adds the unique constraint unless a constraint of that name exists on the
/// table or a relation (e.g. a unique index) of that name exists.
fn add_unique_if_not_exists(t: &Table, u: &Unique) -> String {
    let cond = format!(
        "{} UNION ALL {}",
        named_constraint_exists(t, &u.name),
        relation_exists(&t.schema, &u.name)
    );
    do_unless_exists(&cond, &add_unique(t, u))
}

fn add_check_if_not_exists(t: &Table, c: &Check) -> String {
    do_unless_exists(&named_constraint_exists(t, &c.name), &add_check(t, c))
}

fn add_foreign_key_if_not_exists(t: &Table, fk: &ForeignKey) -> String {
    do_unless_exists(
        &named_constraint_exists(t, &fk.name),
        &add_foreign_key(t, fk),
    )
}

/// Sets a comment only where the object has none.
fn comment_if_none(described: &str, body: &str) -> String {
    let cond = format!(
        "SELECT 1 FROM pg_catalog.pg_description d WHERE {described} AND d.description <> ''"
    );
    do_unless_exists(&cond, body)
}

fn regclass_literal(t: &Table) -> String {
    quote_literal(&Qualified(&t.schema, &t.name).to_string())
}

/// The complete DDL of `schema` in dependency order: schemas, enum types,
/// tables (primary key, unique and CHECK constraints inline), foreign keys,
/// indexes, comments. Each entry is one statement without a trailing
/// semicolon (see [`to_script`]).
///
/// Namespaces are always created only when missing
/// ([`create_schema_if_not_exists`]; `public` exists in every new database).
/// With `opts.if_not_exists` the whole list is safe to run where the objects
/// exist already; see the module documentation.
pub fn schema_ddl(schema: &Schema, opts: &DdlOptions) -> Vec<String> {
    schema_ddl_statements(schema, opts)
        .into_iter()
        .map(|s| s.sql)
        .collect()
}

/// [`schema_ddl`] with the object each statement creates, for error
/// messages.
pub fn schema_ddl_statements(schema: &Schema, opts: &DdlOptions) -> Vec<DdlStatement> {
    let idem = opts.if_not_exists;
    let mut out = Vec::new();
    let mut push = |object: DdlObject, sql: String| out.push(DdlStatement { object, sql });

    let mut namespaces: Vec<&str> = schema.schemas.iter().map(String::as_str).collect();
    for s in schema
        .enums
        .iter()
        .map(|e| e.schema.as_str())
        .chain(schema.tables.iter().map(|t| t.schema.as_str()))
    {
        if !namespaces.contains(&s) {
            namespaces.push(s);
        }
    }
    for s in namespaces {
        push(DdlObject::Schema(s.into()), create_schema_if_not_exists(s));
    }

    for e in &schema.enums {
        let sql = if idem {
            create_enum_if_not_exists(e)
        } else {
            create_enum(e)
        };
        push(
            DdlObject::EnumType {
                schema: e.schema.clone(),
                name: e.name.clone(),
            },
            sql,
        );
    }

    for t in &schema.tables {
        let object = DdlObject::Table {
            schema: t.schema.clone(),
            name: t.name.clone(),
        };
        if idem {
            push(object.clone(), create_table_if_not_exists(t));
        } else {
            push(object.clone(), create_table(t));
        }
        for sql in folded_uniques(t).into_iter().filter(|_| !idem) {
            push(object.clone(), sql);
        }
        // Column storages: after CREATE TABLE, which has no clause for
        // them; the idempotent form changes nothing that exists.
        if let (Some(sql), false) = (column_storages(t), idem) {
            push(object.clone(), sql);
        }
        // A serial's sequence options (an identity's are in its column
        // definition): RESTART at the start on a new table; the idempotent
        // variant sets the options only, leaving an existing sequence's
        // position alone.
        for c in &t.columns {
            if c.identity == Some(Identity::Serial) && c.sequence.is_some() {
                let sql =
                    alter_owned_sequence(&t.schema, &t.name, &c.name, c.sequence.as_ref(), !idem);
                push(object.clone(), sql);
            }
        }
    }

    let constraint = |t: &Table, name: &str| DdlObject::Constraint {
        schema: t.schema.clone(),
        table: t.name.clone(),
        name: name.into(),
    };
    if !idem {
        // NOT VALID checks cannot be declared in CREATE TABLE.
        for t in &schema.tables {
            for c in t.checks.iter().filter(|c| c.not_valid) {
                push(constraint(t, &c.name), add_check(t, c));
            }
        }
    }
    if idem {
        // Constraints missing from tables that existed already.
        for t in &schema.tables {
            if let Some(pk) = &t.primary_key {
                push(
                    constraint(t, &pk.name),
                    add_primary_key_if_not_exists(t, pk),
                );
            }
            for u in &t.uniques {
                push(constraint(t, &u.name), add_unique_if_not_exists(t, u));
            }
            for c in &t.checks {
                push(constraint(t, &c.name), add_check_if_not_exists(t, c));
            }
        }
    }

    for t in &schema.tables {
        for fk in &t.foreign_keys {
            let sql = if idem {
                add_foreign_key_if_not_exists(t, fk)
            } else {
                add_foreign_key(t, fk)
            };
            push(constraint(t, &fk.name), sql);
        }
    }

    for t in &schema.tables {
        for ix in &t.indexes {
            push(
                DdlObject::Index {
                    schema: t.schema.clone(),
                    table: t.name.clone(),
                    name: ix.name.clone(),
                },
                create_index(t, ix, false, idem),
            );
        }
        // After the indexes (USING INDEX names one). The idempotent form
        // changes nothing that exists, so it leaves this out.
        if let (Some(ri), false) = (&t.replica_identity, idem) {
            push(
                DdlObject::Table {
                    schema: t.schema.clone(),
                    name: t.name.clone(),
                },
                crate::ddl::alter::set_replica_identity(&t.schema, &t.name, Some(ri)),
            );
        }
        if idem {
            continue;
        }
        let table = || DdlObject::Table {
            schema: t.schema.clone(),
            name: t.name.clone(),
        };
        if let Some(ix) = &t.cluster_on {
            push(
                table(),
                crate::ddl::alter::set_cluster(&t.schema, &t.name, Some(ix)),
            );
        }
        // A typed table: its columns are the type's (the type exists
        // before the tables).
        if let Some(ty) = &t.of_type {
            push(
                table(),
                crate::ddl::alter::set_of_type(&t.schema, &t.name, Some(ty)),
            );
        }
        // A partition's or child's own defaults.
        for (column, default) in &t.local_defaults {
            push(
                table(),
                match default {
                    Some(d) => crate::ddl::alter::set_default(&t.schema, &t.name, column, d),
                    None => crate::ddl::alter::drop_default(&t.schema, &t.name, column),
                },
            );
        }
    }
    // The names of partitions' attached indexes, once every index exists.
    for t in schema.tables.iter().filter(|_| !idem) {
        let Some(p) = &t.partition_of else {
            continue;
        };
        for (parent_index, name) in &t.attached_indexes {
            // A key's index attached to a parent's index is adopted when
            // the parent's index is created, not renamed.
            if t.has_key(name) {
                continue;
            }
            push(
                DdlObject::Table {
                    schema: t.schema.clone(),
                    name: t.name.clone(),
                },
                crate::ddl::alter::name_attached_index(
                    &t.schema,
                    &t.name,
                    &p.parent.schema,
                    parent_index,
                    name,
                ),
            );
        }
    }

    for e in &schema.enums {
        if e.comment.is_none() {
            continue;
        }
        let sql = if idem {
            comment_if_none(
                &format!(
                    "d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objoid = {}::pg_catalog.regtype AND d.objsubid = 0",
                    quote_literal(&Qualified(&e.schema, &e.name).to_string())
                ),
                &comment_on_type(e),
            )
        } else {
            comment_on_type(e)
        };
        push(
            DdlObject::Comment {
                schema: e.schema.clone(),
                object: e.name.clone(),
                column: None,
            },
            sql,
        );
    }
    for t in &schema.tables {
        let on_class = format!(
            "d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = {}::pg_catalog.regclass",
            regclass_literal(t)
        );
        if t.comment.is_some() {
            let sql = if idem {
                comment_if_none(
                    &format!("{on_class} AND d.objsubid = 0"),
                    &comment_on_table(t),
                )
            } else {
                comment_on_table(t)
            };
            push(
                DdlObject::Comment {
                    schema: t.schema.clone(),
                    object: t.name.clone(),
                    column: None,
                },
                sql,
            );
        }
        for c in t.columns.iter().filter(|c| c.comment.is_some()) {
            let sql = if idem {
                comment_if_none(
                    &format!(
                        "{on_class} AND d.objsubid = (SELECT a.attnum FROM pg_catalog.pg_attribute a \
                         WHERE a.attrelid = {}::pg_catalog.regclass AND a.attname = {})",
                        regclass_literal(t),
                        quote_literal(&c.name)
                    ),
                    &comment_on_column(t, c),
                )
            } else {
                comment_on_column(t, c)
            };
            push(
                DdlObject::Comment {
                    schema: t.schema.clone(),
                    object: t.name.clone(),
                    column: Some(c.name.clone()),
                },
                sql,
            );
        }
        // Comments on constraints and indexes.
        let mut commented: Vec<(&str, &Option<String>, bool)> = Vec::new();
        if let Some(pk) = &t.primary_key {
            commented.push((&pk.name, &pk.comment, false));
        }
        commented.extend(
            t.uniques
                .iter()
                .map(|u| (u.name.as_str(), &u.comment, false)),
        );
        commented.extend(
            t.checks
                .iter()
                .map(|c| (c.name.as_str(), &c.comment, false)),
        );
        commented.extend(
            t.foreign_keys
                .iter()
                .map(|f| (f.name.as_str(), &f.comment, false)),
        );
        commented.extend(
            t.indexes
                .iter()
                .map(|i| (i.name.as_str(), &i.comment, true)),
        );
        for (name, comment, index) in commented {
            if comment.is_none() {
                continue;
            }
            let plain = if index {
                comment_on_index(&t.schema, name, comment)
            } else {
                comment_on_constraint(t, name, comment)
            };
            let sql = if !idem {
                plain
            } else if index {
                comment_if_none(
                    &format!(
                        "d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = {}::pg_catalog.regclass AND d.objsubid = 0",
                        quote_literal(&Qualified(&t.schema, name).to_string())
                    ),
                    &plain,
                )
            } else {
                comment_if_none(
                    &format!(
                        "d.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND d.objoid = \
                         (SELECT k.oid FROM pg_catalog.pg_constraint k WHERE k.conrelid = {}::pg_catalog.regclass AND k.conname = {})",
                        regclass_literal(t),
                        quote_literal(name)
                    ),
                    &plain,
                )
            };
            push(
                DdlObject::Comment {
                    schema: t.schema.clone(),
                    object: name.to_string(),
                    column: None,
                },
                sql,
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::IndexElement;

    fn user_table() -> Table {
        let mut t = Table::new("app", "User");
        let mut id = Column::new("id", SqlType::BigInt, false);
        id.identity = Some(Identity::Always);
        t.columns.push(id);
        let mut name = Column::new("full name", SqlType::Varchar(Some(80)), false);
        name.default = Some("'it''s'::character varying".into());
        name.comment = Some("the \"name\"".into());
        t.columns.push(name);
        let mut n = Column::new("order", SqlType::Integer, false);
        n.identity = Some(Identity::Serial);
        t.columns.push(n);
        t.columns.push(Column::new("boss", SqlType::BigInt, true));
        t.primary_key = Some(PrimaryKey {
            comment: Default::default(),
            deferrable: Default::default(),
            name: "User_pkey".into(),
            columns: vec!["id".into()],
            include: Vec::new(),
            with: Vec::new(),
        });
        t.uniques.push(Unique {
            comment: Default::default(),
            deferrable: Default::default(),
            nulls_not_distinct: Default::default(),
            name: "User_full name_key".into(),
            columns: vec!["full name".into()],
            include: Vec::new(),
            with: Vec::new(),
        });
        t.checks.push(Check {
            no_inherit: false,
            not_valid: false,
            comment: Default::default(),
            name: "User_order_check".into(),
            expression: "\"order\" > 0".into(),
        });
        t.foreign_keys.push(ForeignKey {
            not_valid: false,
            comment: Default::default(),
            match_full: Default::default(),
            name: "User_boss_fkey".into(),
            columns: vec!["boss".into()],
            ref_schema: "app".into(),
            ref_table: "User".into(),
            ref_columns: vec!["id".into()],
            on_delete: FkAction::SetNull,
            on_update: FkAction::Cascade,
            deferrable: Deferrable::InitiallyDeferred,
        });
        t.indexes.push(Index {
            comment: Default::default(),
            nulls_not_distinct: Default::default(),
            with: Default::default(),
            name: "User_lower_idx".into(),
            unique: true,
            method: IndexMethod::Btree,
            elements: vec![
                IndexElement {
                    collation: None,
                    key: IndexKey::Expression("lower((\"full name\")::text)".into()),
                    order: SortOrder::Desc,
                    nulls: Some(NullsOrder::Last),
                    opclass: Some("text_pattern_ops".into()),
                },
                IndexElement::column("order"),
            ],
            include: vec!["boss".into()],
            predicate: Some("boss IS NOT NULL".into()),
        });
        t.comment = Some("people's table".into());
        t
    }

    fn schema() -> Schema {
        Schema {
            definitions: Vec::new(),
            schemas: vec![],
            enums: vec![EnumType {
                schema: "app".into(),
                name: "mood".into(),
                labels: vec!["sad".into(), "it's ok".into()],
                comment: None,
            }],
            tables: vec![user_table()],
            objects: vec![],
        }
        .canonical()
    }

    #[test]
    fn plain_ddl() {
        let script = to_script(&schema_ddl(&schema(), &DdlOptions::plain()));
        expect_test::expect![[r#"
            DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'app') THEN CREATE SCHEMA app; END IF; END $strata$;
            CREATE TYPE app.mood AS ENUM ('sad', 'it''s ok');
            CREATE TABLE app."User" (
                id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "full name" character varying(80) DEFAULT 'it''s'::character varying NOT NULL,
                "order" serial NOT NULL,
                boss bigint,
                CONSTRAINT "User_pkey" PRIMARY KEY (id),
                CONSTRAINT "User_full name_key" UNIQUE ("full name"),
                CONSTRAINT "User_order_check" CHECK ("order" > 0)
            );
            ALTER TABLE app."User" ADD CONSTRAINT "User_boss_fkey" FOREIGN KEY (boss) REFERENCES app."User" (id) ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED;
            CREATE UNIQUE INDEX "User_lower_idx" ON app."User" ((lower(("full name")::text)) text_pattern_ops DESC NULLS LAST, "order") INCLUDE (boss) WHERE (boss IS NOT NULL);
            COMMENT ON TABLE app."User" IS 'people''s table';
            COMMENT ON COLUMN app."User"."full name" IS 'the "name"';
        "#]]
        .assert_eq(&script);
    }

    #[test]
    fn idempotent_ddl() {
        let script = to_script(&schema_ddl(&schema(), &DdlOptions::idempotent()));
        expect_test::expect![[r#"
            DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'app') THEN CREATE SCHEMA app; END IF; END $strata$;
            DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'app' AND t.typname = 'mood') THEN CREATE TYPE app.mood AS ENUM ('sad', 'it''s ok'); END IF; END $strata$;
            CREATE TABLE IF NOT EXISTS app."User" (
                id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "full name" character varying(80) DEFAULT 'it''s'::character varying NOT NULL,
                "order" serial NOT NULL,
                boss bigint,
                CONSTRAINT "User_pkey" PRIMARY KEY (id),
                CONSTRAINT "User_full name_key" UNIQUE ("full name"),
                CONSTRAINT "User_order_check" CHECK ("order" > 0)
            );
            DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_class r ON r.oid = c.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'app' AND r.relname = 'User' AND c.contype = 'p' UNION ALL SELECT 1 FROM pg_catalog.pg_class r JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'app' AND r.relname = 'User_pkey') THEN ALTER TABLE app."User" ADD CONSTRAINT "User_pkey" PRIMARY KEY (id); END IF; END $strata$;
            DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_class r ON r.oid = c.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'app' AND r.relname = 'User' AND c.conname = 'User_full name_key' UNION ALL SELECT 1 FROM pg_catalog.pg_class r JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'app' AND r.relname = 'User_full name_key') THEN ALTER TABLE app."User" ADD CONSTRAINT "User_full name_key" UNIQUE ("full name"); END IF; END $strata$;
            DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_class r ON r.oid = c.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'app' AND r.relname = 'User' AND c.conname = 'User_order_check') THEN ALTER TABLE app."User" ADD CONSTRAINT "User_order_check" CHECK ("order" > 0); END IF; END $strata$;
            DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_class r ON r.oid = c.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'app' AND r.relname = 'User' AND c.conname = 'User_boss_fkey') THEN ALTER TABLE app."User" ADD CONSTRAINT "User_boss_fkey" FOREIGN KEY (boss) REFERENCES app."User" (id) ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED; END IF; END $strata$;
            CREATE UNIQUE INDEX IF NOT EXISTS "User_lower_idx" ON app."User" ((lower(("full name")::text)) text_pattern_ops DESC NULLS LAST, "order") INCLUDE (boss) WHERE (boss IS NOT NULL);
            DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_description d WHERE d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = 'app."User"'::pg_catalog.regclass AND d.objsubid = 0 AND d.description <> '') THEN COMMENT ON TABLE app."User" IS 'people''s table'; END IF; END $strata$;
            DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_description d WHERE d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = 'app."User"'::pg_catalog.regclass AND d.objsubid = (SELECT a.attnum FROM pg_catalog.pg_attribute a WHERE a.attrelid = 'app."User"'::pg_catalog.regclass AND a.attname = 'full name') AND d.description <> '') THEN COMMENT ON COLUMN app."User"."full name" IS 'the "name"'; END IF; END $strata$;
        "#]].assert_eq(&script);
    }

    #[test]
    fn single_statements() {
        let t = user_table();
        let mut c = Column::new("n", SqlType::Numeric(Some((12, 2))).array_of(), true);
        c.default = Some("'{}'::numeric(12,2)[]".into());
        assert_eq!(
            column_def(&c),
            "n numeric(12,2)[] DEFAULT '{}'::numeric(12,2)[]"
        );
        let mut s = Column::new("s", SqlType::Text, false);
        s.identity = Some(Identity::Serial);
        assert_eq!(
            column_def(&s),
            "s text GENERATED BY DEFAULT AS IDENTITY NOT NULL"
        );
        assert_eq!(
            add_primary_key(&t, t.primary_key.as_ref().unwrap()),
            "ALTER TABLE app.\"User\" ADD CONSTRAINT \"User_pkey\" PRIMARY KEY (id)"
        );
        assert_eq!(
            add_unique(&t, &t.uniques[0]),
            "ALTER TABLE app.\"User\" ADD CONSTRAINT \"User_full name_key\" UNIQUE (\"full name\")"
        );
        assert_eq!(
            add_check(&t, &t.checks[0]),
            "ALTER TABLE app.\"User\" ADD CONSTRAINT \"User_order_check\" CHECK (\"order\" > 0)"
        );
        let gin = Index {
            comment: Default::default(),
            nulls_not_distinct: Default::default(),
            with: Default::default(),
            name: "g".into(),
            unique: false,
            method: IndexMethod::Gin,
            elements: vec![IndexElement {
                collation: None,
                key: IndexKey::Column("doc".into()),
                order: SortOrder::Asc,
                nulls: None,
                opclass: Some("public.My Ops".into()),
            }],
            include: vec![],
            predicate: None,
        };
        assert_eq!(
            create_index(&t, &gin, true, true),
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS g ON app.\"User\" USING gin (doc public.\"My Ops\")"
        );
        let mut t2 = t.clone();
        t2.comment = None;
        assert_eq!(
            comment_on_table(&t2),
            "COMMENT ON TABLE app.\"User\" IS NULL"
        );
        assert_eq!(
            create_table(&Table::new("public", "empty")),
            "CREATE TABLE public.empty ()"
        );
    }

    #[test]
    fn dollar_tag_avoids_the_body() {
        let sql = do_unless_exists("SELECT 1", "SELECT '$strata$'");
        assert!(sql.starts_with("DO $strata1$ BEGIN"), "{sql}");
        assert!(sql.ends_with("END $strata1$"), "{sql}");
    }
}
