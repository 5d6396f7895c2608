//! Statements that change, rename or drop existing objects: the building
//! blocks of `schema-diff`'s migration plans.
//!
//! Every function returns one complete SQL statement without the trailing
//! semicolon (callers join statements). Names are always written through
//! [`crate::ident`]; the only literals are enum labels and the arguments of
//! `pg_get_serial_sequence`, written with [`quote_literal`]. Start with
//! [`alter_column_type`] (the most involved one); the rest are one-liners.

use std::fmt::Write;

use crate::ddl::create::column_def;
use crate::ddl::create::storage_params_sql;
use crate::ident::{ident_list, quote_literal, Ident, Qualified};
use crate::schema::{
    make_object_name, Column, ColumnStorage, Compression, Identity, ReplicaIdentity, SqlType,
    TableRef, TypeName,
};

/// `DROP SCHEMA s`.
pub fn drop_schema(name: &str) -> String {
    format!("DROP SCHEMA {}", Ident(name))
}

/// `DROP TABLE s.t`.
pub fn drop_table(schema: &str, table: &str) -> String {
    format!("DROP TABLE {}", Qualified(schema, table))
}

/// `ALTER TABLE s.from RENAME TO to`.
pub fn rename_table(schema: &str, from: &str, to: &str) -> String {
    format!(
        "ALTER TABLE {} RENAME TO {}",
        Qualified(schema, from),
        Ident(to)
    )
}

/// `ALTER TABLE s.t ADD COLUMN <definition>` (the definition as
/// [`column_def`] writes it).
pub fn add_column(schema: &str, table: &str, column: &Column) -> String {
    format!(
        "ALTER TABLE {} ADD COLUMN {}",
        Qualified(schema, table),
        column_def(column)
    )
}

/// `ALTER TABLE s.t ALTER COLUMN c RESET (...), ALTER COLUMN c SET (...)`:
/// the options `from` reset, the options `to` set (written as PostgreSQL
/// prints them, `n_distinct=10`: the name quoted as an identifier, the
/// value as a literal). `None` when both are empty.
pub fn set_column_options(
    schema: &str,
    table: &str,
    column: &str,
    from: &[String],
    to: &[String],
) -> Option<String> {
    let mut actions = Vec::new();
    if !from.is_empty() {
        let names: Vec<String> = from
            .iter()
            .map(|p| {
                p.split_once('=')
                    .map_or(p.as_str(), |(n, _)| n)
                    .trim()
                    .to_string()
            })
            .collect();
        actions.push(format!(
            "ALTER COLUMN {} RESET ({})",
            Ident(column),
            ident_list(&names)
        ));
    }
    if !to.is_empty() {
        let with = crate::ddl::create::storage_params_sql(to);
        actions.push(format!(
            "ALTER COLUMN {} SET {}",
            Ident(column),
            with.trim_start_matches("WITH ")
        ));
    }
    (!actions.is_empty()).then(|| {
        format!(
            "ALTER TABLE {} {}",
            Qualified(schema, table),
            actions.join(", ")
        )
    })
}

/// `ALTER TABLE s.t ALTER COLUMN c SET STATISTICS n` (`None`: `-1`, the
/// server's `default_statistics_target`).
pub fn set_statistics(schema: &str, table: &str, column: &str, target: Option<u16>) -> String {
    format!(
        "ALTER TABLE {} ALTER COLUMN {} SET STATISTICS {}",
        Qualified(schema, table),
        Ident(column),
        target.map_or(-1, i32::from)
    )
}

/// `ALTER TABLE s.t ALTER COLUMN c SET STORAGE x, ALTER COLUMN c SET
/// COMPRESSION y` with the parts given: `storage` when `Some`, and
/// `compression` when `Some` (`Some(None)`: `default`, the server's
/// `default_toast_compression`). Both change the catalog only: no rewrite,
/// existing values keep their form. `None` when neither is given.
pub fn set_column_storage(
    schema: &str,
    table: &str,
    column: &str,
    storage: Option<ColumnStorage>,
    compression: Option<Option<Compression>>,
) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(x) = storage {
        parts.push(format!(
            "ALTER COLUMN {} SET STORAGE {}",
            Ident(column),
            x.as_sql()
        ));
    }
    if let Some(c) = compression {
        parts.push(format!(
            "ALTER COLUMN {} SET COMPRESSION {}",
            Ident(column),
            c.map_or("default", Compression::as_sql)
        ));
    }
    if parts.is_empty() {
        return None;
    }
    Some(format!(
        "ALTER TABLE {} {}",
        Qualified(schema, table),
        parts.join(", ")
    ))
}

/// `ALTER TABLE s.t DROP COLUMN c`.
pub fn drop_column(schema: &str, table: &str, column: &str) -> String {
    format!(
        "ALTER TABLE {} DROP COLUMN {}",
        Qualified(schema, table),
        Ident(column)
    )
}

/// `ALTER TABLE ONLY s.t DROP COLUMN c`: the column of the child tables
/// that inherit it stays, as their own.
pub fn drop_column_only(schema: &str, table: &str, column: &str) -> String {
    format!(
        "ALTER TABLE ONLY {} DROP COLUMN {}",
        Qualified(schema, table),
        Ident(column)
    )
}

/// `ALTER TABLE s.t RENAME COLUMN from TO to`.
pub fn rename_column(schema: &str, table: &str, from: &str, to: &str) -> String {
    format!(
        "ALTER TABLE {} RENAME COLUMN {} TO {}",
        Qualified(schema, table),
        Ident(from),
        Ident(to)
    )
}

/// How `ALTER COLUMN ... TYPE` converts the existing values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Using {
    /// No `USING`: PostgreSQL applies its implicit or assignment cast.
    Implicit,
    /// `USING c::new_type`: an explicit cast exists.
    Cast,
    /// `USING c::text::new_type`: no direct cast exists, convert through the
    /// text form (always possible, arrays included: an array's text form
    /// parses as an array; fails on values the new type rejects).
    ViaText,
    /// `bigint` to `timestamp` / `timestamptz`: the values are milliseconds
    /// since 1970-01-01 00:00 UTC (JavaScript's and Java's epoch time, and
    /// what pg-schema-diff assumes): `USING pg_catalog.to_timestamp(c::float8
    /// / 1000)`, taken at UTC for `timestamp`. No cast exists, and the text
    /// form of such a number is no timestamp.
    FromEpochMillis,
    /// `timestamp` / `timestamptz` to `bigint`, the way back of
    /// [`Using::FromEpochMillis`]: milliseconds since 1970-01-01 00:00 UTC
    /// (`EXTRACT(epoch FROM c) * 1000`, rounded). Functions and operators
    /// are named in `pg_catalog`, so a look-alike earlier on the
    /// `search_path` is never called (CVE-2018-1058).
    ToEpochMillis,
}

/// One column change of [`alter_column_type`].
#[derive(Clone, Copy, Debug)]
pub struct TypeChange<'a> {
    /// The column.
    pub column: &'a str,
    /// Its new type.
    pub ty: &'a SqlType,
    /// How values are converted.
    pub using: Using,
    /// Emit `DROP DEFAULT` first (the old default may not cast to the new
    /// type; PostgreSQL would refuse the change).
    pub drop_default: bool,
    /// `SET DEFAULT` this expression afterwards.
    pub set_default: Option<&'a str>,
    /// `COLLATE`: the column's collation under the new type (without it,
    /// PostgreSQL gives the column the new type's default collation).
    pub collation: Option<&'a TypeName>,
}

/// `ALTER TABLE s.t ALTER COLUMN c DROP DEFAULT, ALTER COLUMN c TYPE ty USING
/// ..., ALTER COLUMN c SET DEFAULT ...` for one or more columns of a table, as
/// one statement (the table is rewritten at most once; one line when there
/// is one subcommand). PostgreSQL runs the `DROP DEFAULT`s before the type
/// changes and the `SET DEFAULT`s after them.
pub fn alter_column_type(schema: &str, table: &str, changes: &[TypeChange<'_>]) -> String {
    let mut out = format!("ALTER TABLE {}", Qualified(schema, table));
    let count = changes.len()
        + changes.iter().filter(|c| c.drop_default).count()
        + changes.iter().filter(|c| c.set_default.is_some()).count();
    let mut first = true;
    let mut sep = |out: &mut String| {
        out.push_str(match (first, count) {
            (true, 1) => " ",
            (true, _) => "\n  ",
            (false, _) => ",\n  ",
        });
        first = false;
    };
    for c in changes {
        if c.drop_default {
            sep(&mut out);
            let _ = write!(out, "ALTER COLUMN {} DROP DEFAULT", Ident(c.column));
        }
    }
    for c in changes {
        sep(&mut out);
        let _ = write!(out, "ALTER COLUMN {} TYPE {}", Ident(c.column), c.ty);
        if let Some(coll) = c.collation {
            let _ = write!(out, " COLLATE {}", Qualified(&coll.schema, &coll.name));
        }
        match c.using {
            Using::Implicit => {}
            Using::Cast => {
                let _ = write!(out, " USING {}::{}", Ident(c.column), c.ty);
            }
            Using::ViaText => {
                let _ = write!(out, " USING {}::text::{}", Ident(c.column), c.ty);
            }
            Using::FromEpochMillis => {
                // `to_timestamp` gives a timestamptz; a timestamp column
                // takes its UTC reading, whatever the session's time zone.
                let at_utc = if matches!(c.ty, SqlType::Timestamp(_)) {
                    " AT TIME ZONE 'UTC'"
                } else {
                    ""
                };
                let _ = write!(
                    out,
                    " USING pg_catalog.to_timestamp({}::pg_catalog.float8 OPERATOR(pg_catalog./) 1000){at_utc}",
                    Ident(c.column)
                );
            }
            Using::ToEpochMillis => {
                let _ = write!(
                    out,
                    " USING (EXTRACT(epoch FROM {}) OPERATOR(pg_catalog.*) 1000)::pg_catalog.int8",
                    Ident(c.column)
                );
            }
        }
    }
    for c in changes {
        if let Some(d) = c.set_default {
            sep(&mut out);
            let _ = write!(out, "ALTER COLUMN {} SET DEFAULT {d}", Ident(c.column));
        }
    }
    out
}

/// `ALTER TABLE s.t ALTER COLUMN c SET NOT NULL`.
pub fn set_not_null(schema: &str, table: &str, column: &str) -> String {
    format!(
        "ALTER TABLE {} ALTER COLUMN {} SET NOT NULL",
        Qualified(schema, table),
        Ident(column)
    )
}

/// `ALTER TABLE s.t ALTER COLUMN c DROP NOT NULL`.
pub fn drop_not_null(schema: &str, table: &str, column: &str) -> String {
    format!(
        "ALTER TABLE {} ALTER COLUMN {} DROP NOT NULL",
        Qualified(schema, table),
        Ident(column)
    )
}

/// `ALTER TABLE s.t ALTER COLUMN c SET DEFAULT expr` (`expr` is SQL text).
pub fn set_default(schema: &str, table: &str, column: &str, expr: &str) -> String {
    format!(
        "ALTER TABLE {} ALTER COLUMN {} SET DEFAULT {expr}",
        Qualified(schema, table),
        Ident(column)
    )
}

/// `ALTER TABLE s.t ALTER COLUMN c DROP DEFAULT`.
pub fn drop_default(schema: &str, table: &str, column: &str) -> String {
    format!(
        "ALTER TABLE {} ALTER COLUMN {} DROP DEFAULT",
        Qualified(schema, table),
        Ident(column)
    )
}

fn generated(identity: Identity) -> &'static str {
    match identity {
        Identity::Always => "ALWAYS",
        // `Serial` is not an identity; callers never pass it here.
        Identity::ByDefault | Identity::Serial => "BY DEFAULT",
    }
}

/// `ALTER TABLE s.t ALTER COLUMN c ADD GENERATED {ALWAYS|BY DEFAULT} AS
/// IDENTITY` (the column must be `NOT NULL` and have no default).
pub fn add_identity(schema: &str, table: &str, column: &str, identity: Identity) -> String {
    format!(
        "ALTER TABLE {} ALTER COLUMN {} ADD GENERATED {} AS IDENTITY",
        Qualified(schema, table),
        Ident(column),
        generated(identity)
    )
}

/// `ALTER TABLE s.t ALTER COLUMN c SET GENERATED {ALWAYS|BY DEFAULT}`.
pub fn set_identity_generation(
    schema: &str,
    table: &str,
    column: &str,
    identity: Identity,
) -> String {
    format!(
        "ALTER TABLE {} ALTER COLUMN {} SET GENERATED {}",
        Qualified(schema, table),
        Ident(column),
        generated(identity)
    )
}

/// `ALTER TABLE s.t ALTER COLUMN c DROP IDENTITY` (also drops its sequence).
pub fn drop_identity(schema: &str, table: &str, column: &str) -> String {
    format!(
        "ALTER TABLE {} ALTER COLUMN {} DROP IDENTITY",
        Qualified(schema, table),
        Ident(column)
    )
}

/// The `pg_get_serial_sequence('s.t', 'c')` call that finds the sequence a
/// column owns (serial or identity). Functions the plans call are
/// schema-qualified: a `public.pg_get_serial_sequence(text, text)` or
/// `public.setval(text, bigint, boolean)` (an exact match where
/// `pg_catalog`'s takes `regclass`) would otherwise run as the migration's
/// role (CVE-2018-1058).
fn serial_sequence_of(schema: &str, table: &str, column: &str) -> String {
    format!(
        "pg_catalog.pg_get_serial_sequence({}, {})",
        quote_literal(&Qualified(schema, table).to_string()),
        quote_literal(column)
    )
}

/// Moves the sequence a column owns (identity or serial) past the largest
/// value in the column, so new rows do not collide with existing ones:
/// `SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence(...),
/// greatest(pg_catalog.max(c), 0) + 1, false) FROM s.t`.
pub fn sync_sequence_to_max(schema: &str, table: &str, column: &str) -> String {
    format!(
        "SELECT pg_catalog.setval({}, greatest(pg_catalog.max({col}), 0) + 1, false) FROM {}",
        serial_sequence_of(schema, table, column),
        Qualified(schema, table),
        col = Ident(column)
    )
}

/// The name PostgreSQL gives the sequence of a serial column
/// (`<table>_<column>_seq`).
pub fn serial_sequence_name(table: &str, column: &str) -> String {
    make_object_name(table, Some(column), Some("seq"))
}

/// After a serial column's table or the column itself is renamed: its
/// sequence gets the name `CREATE TABLE` would give it now
/// (`<table>_<column>_seq`), so that it reads back as the serial's, when
/// that name is free (otherwise it keeps its own). The sequence is found
/// by `pg_get_serial_sequence` when the statement runs.
pub fn rename_serial_sequence(schema: &str, table: &str, column: &str) -> String {
    let wanted = serial_sequence_name(table, column);
    let body = format!(
        "DECLARE s text := pg_catalog.pg_get_serial_sequence({table_ref}, {column}); \
         BEGIN IF s IS NOT NULL AND pg_catalog.to_regclass({wanted_ref}) IS NULL THEN \
         EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', s, {wanted}); END IF; END",
        table_ref = quote_literal(&Qualified(schema, table).to_string()),
        column = quote_literal(column),
        wanted_ref = quote_literal(&Qualified(schema, &wanted).to_string()),
        wanted = quote_literal(&wanted),
    );
    let tag = crate::ddl::create::dollar_tag(&[&body]);
    format!("DO {tag} {body} {tag}")
}

/// An identity's sequence renamed from `from` to `to` (`None`: the name
/// PostgreSQL gives it, `<table>_<column>_seq`); it stays in the table's
/// schema. The sequence is found by `pg_get_serial_sequence` when the
/// statement runs. `None` when the name does not change.
pub fn rename_identity_sequence(
    schema: &str,
    table: &str,
    column: &str,
    from: Option<&str>,
    to: Option<&str>,
) -> Option<String> {
    let default = serial_sequence_name(table, column);
    let to = to.unwrap_or(&default);
    if from.unwrap_or(&default) == to {
        return None;
    }
    let body = format!(
        "BEGIN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', \
         pg_catalog.pg_get_serial_sequence({}, {}), {}); END",
        quote_literal(&Qualified(schema, table).to_string()),
        quote_literal(column),
        quote_literal(to)
    );
    let tag = crate::ddl::create::dollar_tag(&[&body]);
    Some(format!("DO {tag} {body} {tag}"))
}

/// The statements that turn an integer column into a serial one: create the
/// sequence (of the column's type), make the column own it, and default the
/// column to its `nextval`. The sequence gets the name PostgreSQL would
/// give it (`ChooseRelationName`): `<table>_<column>_seq`, or where a
/// relation of the schema has that name already, `..._seq1`, `..._seq2`
/// and so on, chosen when the statement runs.
pub fn make_serial(schema: &str, table: &str, column: &str, ty: &SqlType) -> Vec<String> {
    // PostgreSQL counts on without end; ten names are far past any schema
    // a migration meets, and running out is an error, not a guess.
    let candidates: Vec<String> = (0..10)
        .map(|k| {
            if k == 0 {
                serial_sequence_name(table, column)
            } else {
                make_object_name(table, Some(column), Some(&format!("seq{k}")))
            }
        })
        .map(|n| quote_literal(&n))
        .collect();
    let body = format!(
        "DECLARE n text; BEGIN \
         SELECT u.c INTO n FROM pg_catalog.unnest(ARRAY[{names}]::text[]) WITH ORDINALITY AS u(c, i) \
         WHERE pg_catalog.to_regclass(pg_catalog.quote_ident({schema}) OPERATOR(pg_catalog.||) '.' \
         OPERATOR(pg_catalog.||) pg_catalog.quote_ident(u.c)) IS NULL ORDER BY u.i LIMIT 1; \
         IF n IS NULL THEN RAISE EXCEPTION 'no free name for the sequence of %', {column_ref}; END IF; \
         EXECUTE pg_catalog.format('CREATE SEQUENCE %I.%I AS {ty}', {schema}, n); \
         EXECUTE pg_catalog.format('ALTER SEQUENCE %I.%I OWNED BY %I.%I.%I', {schema}, n, {schema}, {table}, {column}); \
         EXECUTE pg_catalog.format('ALTER TABLE %I.%I ALTER COLUMN %I SET DEFAULT nextval(%L::regclass)', \
         {schema}, {table}, {column}, pg_catalog.quote_ident({schema}) OPERATOR(pg_catalog.||) '.' \
         OPERATOR(pg_catalog.||) pg_catalog.quote_ident(n)); END",
        names = candidates.join(", "),
        schema = quote_literal(schema),
        table = quote_literal(table),
        column = quote_literal(column),
        column_ref = quote_literal(&format!("{}.{}", Qualified(schema, table), Ident(column))),
    );
    vec![do_block(&body)]
}

/// The statements that turn a serial column into a plain one: drop the
/// `nextval` default, then the sequence the column owns (found at run time,
/// since a renamed table keeps its sequence's old name).
pub fn unmake_serial(schema: &str, table: &str, column: &str) -> Vec<String> {
    let body = format!(
        "BEGIN EXECUTE 'DROP SEQUENCE ' || {}; END",
        serial_sequence_of(schema, table, column)
    );
    vec![drop_default(schema, table, column), do_block(&body)]
}

/// `DO $tag$ body $tag$` with a dollar-quote tag that does not occur in
/// `body`.
fn do_block(body: &str) -> String {
    let mut tag = String::from("$strata$");
    let mut n = 0u32;
    while body.contains(&tag) {
        n += 1;
        tag = format!("$strata{n}$");
    }
    format!("DO {tag} {body} {tag}")
}

/// `ALTER TABLE s.t DROP CONSTRAINT name`.
pub fn drop_constraint(schema: &str, table: &str, name: &str) -> String {
    format!(
        "ALTER TABLE {} DROP CONSTRAINT {}",
        Qualified(schema, table),
        Ident(name)
    )
}

/// `ALTER TABLE s.t RENAME CONSTRAINT from TO to` (also renames the index
/// behind a primary key or unique constraint).
pub fn rename_constraint(schema: &str, table: &str, from: &str, to: &str) -> String {
    format!(
        "ALTER TABLE {} RENAME CONSTRAINT {} TO {}",
        Qualified(schema, table),
        Ident(from),
        Ident(to)
    )
}

/// `ALTER TABLE s.t ADD CONSTRAINT name {PRIMARY KEY|UNIQUE} USING INDEX
/// name`: turns an index built beforehand (e.g. concurrently) into a
/// constraint.
pub fn add_constraint_using_index(
    schema: &str,
    table: &str,
    name: &str,
    primary_key: bool,
) -> String {
    format!(
        "ALTER TABLE {} ADD CONSTRAINT {} {} USING INDEX {}",
        Qualified(schema, table),
        Ident(name),
        if primary_key { "PRIMARY KEY" } else { "UNIQUE" },
        Ident(name)
    )
}

/// `CREATE UNIQUE INDEX [CONCURRENTLY] name ON s.t (columns)`: the plain
/// unique index a constraint is later built on with
/// [`add_constraint_using_index`].
pub fn create_unique_index_on_columns<S: AsRef<str>>(
    schema: &str,
    table: &str,
    name: &str,
    columns: &[S],
    concurrently: bool,
) -> String {
    format!(
        "CREATE UNIQUE INDEX {}{} ON {} ({})",
        if concurrently { "CONCURRENTLY " } else { "" },
        Ident(name),
        Qualified(schema, table),
        ident_list(columns)
    )
}

/// `DROP INDEX [CONCURRENTLY] s.name`.
pub fn drop_index(schema: &str, name: &str, concurrently: bool) -> String {
    format!(
        "DROP INDEX {}{}",
        if concurrently { "CONCURRENTLY " } else { "" },
        Qualified(schema, name)
    )
}

/// `ALTER INDEX s.parent ATTACH PARTITION s.child`: a partition's index
/// becomes the part of its parent's index for that partition.
pub fn attach_index(parent_schema: &str, parent: &str, child_schema: &str, child: &str) -> String {
    format!(
        "ALTER INDEX {} ATTACH PARTITION {}",
        Qualified(parent_schema, parent),
        Qualified(child_schema, child)
    )
}

/// `DROP INDEX CONCURRENTLY IF EXISTS s.name`: removes the invalid index a
/// failed `CREATE INDEX CONCURRENTLY` leaves behind, so the build can run
/// again.
pub fn drop_index_concurrently_if_exists(schema: &str, name: &str) -> String {
    format!(
        "DROP INDEX CONCURRENTLY IF EXISTS {}",
        Qualified(schema, name)
    )
}

/// `ALTER TABLE s.t VALIDATE CONSTRAINT name`: checks the existing rows
/// against a constraint added `NOT VALID`, under a SHARE UPDATE EXCLUSIVE
/// lock (reads and writes go on).
pub fn validate_constraint(schema: &str, table: &str, name: &str) -> String {
    format!(
        "ALTER TABLE {} VALIDATE CONSTRAINT {}",
        Qualified(schema, table),
        Ident(name)
    )
}

/// `ALTER INDEX s.from RENAME TO to`.
pub fn rename_index(schema: &str, from: &str, to: &str) -> String {
    format!(
        "ALTER INDEX {} RENAME TO {}",
        Qualified(schema, from),
        Ident(to)
    )
}

/// Renames the index of partition `schema.table` attached to the parent's
/// index `parent_schema.parent_index` to `to`, found by the server
/// (`pg_inherits`): PostgreSQL chose its name when it created or adopted
/// it. A `DO` block that does nothing when the index has that name or
/// there is none. Every name goes in as a literal.
pub fn name_attached_index(
    schema: &str,
    table: &str,
    parent_schema: &str,
    parent_index: &str,
    to: &str,
) -> String {
    let body = format!(
        "SELECT c.relname INTO n FROM pg_catalog.pg_inherits h \
         JOIN pg_catalog.pg_class c ON c.oid = h.inhrelid \
         JOIN pg_catalog.pg_index x ON x.indexrelid = c.oid \
         WHERE h.inhparent = pg_catalog.to_regclass({}) AND x.indrelid = pg_catalog.to_regclass({}); \
         IF n IS NOT NULL AND n <> {to} THEN \
         EXECUTE pg_catalog.format('ALTER INDEX %I.%I RENAME TO %I', {schema}, n, {to}); END IF;",
        quote_literal(&Qualified(parent_schema, parent_index).to_string()),
        quote_literal(&Qualified(schema, table).to_string()),
        to = quote_literal(to),
        schema = quote_literal(schema),
    );
    let tag = crate::ddl::create::dollar_tag(&[&body]);
    format!("DO {tag} DECLARE n text; BEGIN {body} END {tag}")
}

/// `DROP TYPE s.name`.
pub fn drop_type(schema: &str, name: &str) -> String {
    format!("DROP TYPE {}", Qualified(schema, name))
}

/// `ALTER TYPE s.from RENAME TO to`.
pub fn rename_type(schema: &str, from: &str, to: &str) -> String {
    format!(
        "ALTER TYPE {} RENAME TO {}",
        Qualified(schema, from),
        Ident(to)
    )
}

/// Where [`add_enum_value`] puts the new label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnumValuePosition<'a> {
    /// After the last label.
    End,
    /// `BEFORE 'label'`.
    Before(&'a str),
    /// `AFTER 'label'`.
    After(&'a str),
}

/// `ALTER TYPE s.name ADD VALUE 'value' [BEFORE|AFTER 'label']`.
pub fn add_enum_value(
    schema: &str,
    name: &str,
    value: &str,
    position: EnumValuePosition<'_>,
) -> String {
    let mut out = format!(
        "ALTER TYPE {} ADD VALUE {}",
        Qualified(schema, name),
        quote_literal(value)
    );
    match position {
        EnumValuePosition::End => {}
        EnumValuePosition::Before(l) => {
            let _ = write!(out, " BEFORE {}", quote_literal(l));
        }
        EnumValuePosition::After(l) => {
            let _ = write!(out, " AFTER {}", quote_literal(l));
        }
    }
    out
}

/// `ALTER TABLE s.t RESET (...), SET (...)`: every parameter of `from`
/// reset, then those of `to` set in their order, so the table ends with
/// exactly `to`, in that order (`None` when both are empty). Parameters are
/// written as PostgreSQL prints them (`fillfactor=70`); names and values go
/// through quoting ([`storage_params_sql`]).
pub fn set_storage_params(
    schema: &str,
    table: &str,
    from: &[String],
    to: &[String],
) -> Option<String> {
    let name_of = |p: &String| {
        p.split_once('=')
            .map_or(p.as_str(), |(n, _)| n)
            .trim()
            .to_string()
    };
    let mut actions = Vec::new();
    if !from.is_empty() {
        let names: Vec<String> = from.iter().map(name_of).collect();
        actions.push(format!("RESET ({})", ident_list(&names)));
    }
    if !to.is_empty() {
        let with = storage_params_sql(to);
        actions.push(format!("SET {}", with.trim_start_matches("WITH ")));
    }
    (!actions.is_empty()).then(|| {
        format!(
            "ALTER TABLE {} {}",
            Qualified(schema, table),
            actions.join(", ")
        )
    })
}

/// `ALTER TABLE s.t SET UNLOGGED` / `SET LOGGED` (rewrites the table).
pub fn set_logged(schema: &str, table: &str, unlogged: bool) -> String {
    format!(
        "ALTER TABLE {} SET {}",
        Qualified(schema, table),
        if unlogged { "UNLOGGED" } else { "LOGGED" }
    )
}

/// `ALTER TABLE s.t REPLICA IDENTITY ...` (`None`: `DEFAULT`).
pub fn set_replica_identity(schema: &str, table: &str, to: Option<&ReplicaIdentity>) -> String {
    let what = match to {
        None => "DEFAULT".to_string(),
        Some(ReplicaIdentity::Full) => "FULL".to_string(),
        Some(ReplicaIdentity::Nothing) => "NOTHING".to_string(),
        Some(ReplicaIdentity::Index(ix)) => format!("USING INDEX {}", Ident(ix)),
    };
    format!(
        "ALTER TABLE {} REPLICA IDENTITY {what}",
        Qualified(schema, table)
    )
}

/// `ALTER TABLE ... OF type` (`Some`) or `NOT OF` (`None`).
pub fn set_of_type(schema: &str, table: &str, ty: Option<&TableRef>) -> String {
    match ty {
        Some(ty) => format!(
            "ALTER TABLE {} OF {}",
            Qualified(schema, table),
            Qualified(&ty.schema, &ty.name)
        ),
        None => format!("ALTER TABLE {} NOT OF", Qualified(schema, table)),
    }
}

/// `ALTER TABLE ... CLUSTER ON index` (`SET WITHOUT CLUSTER` for `None`).
pub fn set_cluster(schema: &str, table: &str, index: Option<&str>) -> String {
    match index {
        Some(ix) => format!(
            "ALTER TABLE {} CLUSTER ON {}",
            Qualified(schema, table),
            Ident(ix)
        ),
        None => format!(
            "ALTER TABLE {} SET WITHOUT CLUSTER",
            Qualified(schema, table)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_quote_every_name() {
        let ty = SqlType::parse("\"My Schema\".\"Mood\"[]").unwrap();
        let text = [
            drop_schema("My Schema"),
            drop_table("public", "User"),
            rename_table("public", "order", "with space"),
            drop_column("s", "t", "quo\"te"),
            rename_column("s", "t", "a", "Select"),
            alter_column_type(
                "public",
                "User",
                &[
                    TypeChange {
                        column: "n",
                        ty: &SqlType::Integer,
                        using: Using::Cast,
                        drop_default: true,
                        set_default: Some("0"),
                        collation: None,
                    },
                    TypeChange {
                        column: "Moods",
                        ty: &ty,
                        using: Using::ViaText,
                        drop_default: false,
                        set_default: None,
                        collation: None,
                    },
                ],
            ),
            add_identity("public", "t", "id", Identity::Always),
            set_identity_generation("public", "t", "id", Identity::ByDefault),
            sync_sequence_to_max("app", "User", "Id"),
            make_serial("public", "t", "id", &SqlType::BigInt).join(";\n"),
            unmake_serial("public", "it's", "id").join(";\n"),
            add_enum_value("public", "mood", "it's", EnumValuePosition::After("ok")),
            add_enum_value("public", "mood", "x", EnumValuePosition::Before("ok")),
            add_constraint_using_index("public", "t", "t_a_key", false),
            create_unique_index_on_columns("public", "t", "t_a_key", &["a", "B"], true),
            drop_index("public", "Idx", true),
            rename_index("public", "a", "b"),
        ]
        .join(";\n");
        expect_test::expect![[r#"
            DROP SCHEMA "My Schema";
            DROP TABLE public."User";
            ALTER TABLE public."order" RENAME TO "with space";
            ALTER TABLE s.t DROP COLUMN "quo""te";
            ALTER TABLE s.t RENAME COLUMN a TO "Select";
            ALTER TABLE public."User"
              ALTER COLUMN n DROP DEFAULT,
              ALTER COLUMN n TYPE integer USING n::integer,
              ALTER COLUMN "Moods" TYPE "My Schema"."Mood"[] USING "Moods"::text::"My Schema"."Mood"[],
              ALTER COLUMN n SET DEFAULT 0;
            ALTER TABLE public.t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
            ALTER TABLE public.t ALTER COLUMN id SET GENERATED BY DEFAULT;
            SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('app."User"', 'Id'), greatest(pg_catalog.max("Id"), 0) + 1, false) FROM app."User";
            DO $strata$ DECLARE n text; BEGIN SELECT u.c INTO n FROM pg_catalog.unnest(ARRAY['t_id_seq', 't_id_seq1', 't_id_seq2', 't_id_seq3', 't_id_seq4', 't_id_seq5', 't_id_seq6', 't_id_seq7', 't_id_seq8', 't_id_seq9']::text[]) WITH ORDINALITY AS u(c, i) WHERE pg_catalog.to_regclass(pg_catalog.quote_ident('public') OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(u.c)) IS NULL ORDER BY u.i LIMIT 1; IF n IS NULL THEN RAISE EXCEPTION 'no free name for the sequence of %', 'public.t.id'; END IF; EXECUTE pg_catalog.format('CREATE SEQUENCE %I.%I AS bigint', 'public', n); EXECUTE pg_catalog.format('ALTER SEQUENCE %I.%I OWNED BY %I.%I.%I', 'public', n, 'public', 't', 'id'); EXECUTE pg_catalog.format('ALTER TABLE %I.%I ALTER COLUMN %I SET DEFAULT nextval(%L::regclass)', 'public', 't', 'id', pg_catalog.quote_ident('public') OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(n)); END $strata$;
            ALTER TABLE public."it's" ALTER COLUMN id DROP DEFAULT;
            DO $strata$ BEGIN EXECUTE 'DROP SEQUENCE ' || pg_catalog.pg_get_serial_sequence('public."it''s"', 'id'); END $strata$;
            ALTER TYPE public.mood ADD VALUE 'it''s' AFTER 'ok';
            ALTER TYPE public.mood ADD VALUE 'x' BEFORE 'ok';
            ALTER TABLE public.t ADD CONSTRAINT t_a_key UNIQUE USING INDEX t_a_key;
            CREATE UNIQUE INDEX CONCURRENTLY t_a_key ON public.t (a, "B");
            DROP INDEX CONCURRENTLY public."Idx";
            ALTER INDEX public.a RENAME TO b"#]]
        .assert_eq(&text);
    }

    #[test]
    fn do_block_tag_avoids_the_body() {
        assert_eq!(do_block("x"), "DO $strata$ x $strata$");
        assert_eq!(
            do_block("a $strata$ b"),
            "DO $strata1$ a $strata$ b $strata1$"
        );
    }
}
