//! Catalog introspection: reads a live database into strata's schema model.
//!
//! [`introspect`] issues a fixed number of whole-database `pg_catalog`
//! queries filtered by schema (the SQL lives in `src/introspect/*.sql`): the
//! namespaces, enum types, tables, columns, constraints, indexes and the
//! non-default operator classes. They are sent together on the one connection
//! (tokio-postgres pipelines them), so the cost does not grow with round
//! trips, and nothing is queried per table or per default. Rows are then
//! assembled in memory into a [`Schema`] in canonical form.
//!
//! Expressions (defaults, CHECKs, index expressions and predicates) are
//! printed by PostgreSQL itself, under `search_path = pg_catalog` so that
//! every user object in them is schema-qualified and the text does not depend
//! on the session: `'en'::text`, `nextval('public.t_id_seq'::regclass)`,
//! `'ok'::public.mood`. The connection's `search_path` is restored afterwards;
//! do not run other statements on the same client while `introspect` runs.
//!
//! What is read: the schemas asked for that exist; tables (relkind `r` and
//! `p`; partitions are left to their parent); columns in `attnum` order with
//! their type (builtins mapped to [`SqlType`], user types to
//! [`SqlType::Named`]), NOT NULL, default, identity and serial (a
//! `nextval()` default on a sequence the column owns becomes
//! [`Identity::Serial`] with no default); primary keys, unique constraints,
//! foreign keys and CHECKs; indexes that do not back a constraint; enum types;
//! comments. Left out: tables named in [`IntrospectOptions::exclude_tables`],
//! system schemas, and objects that belong to an extension. What the model
//! cannot express (a generated column, a type modifier the model has no room
//! for such as `bit(8)` or `numeric(5,-2)`) is an error naming the column,
//! never a silently wrong model.

use std::collections::HashMap;

use strata::schema::{
    Check, Column, Deferrable, EnumType, FkAction, ForeignKey, Identity, Index, IndexElement,
    IndexKey, IndexMethod, NullsOrder, PrimaryKey, Schema, SortOrder, SqlType, Table, TypeName,
    Unique,
};
use tokio_postgres::{Client, Row};

use crate::error::Error;

const NAMESPACES_SQL: &str = include_str!("introspect/namespaces.sql");
const ENUMS_SQL: &str = include_str!("introspect/enums.sql");
const TABLES_SQL: &str = include_str!("introspect/tables.sql");
const COLUMNS_SQL: &str = include_str!("introspect/columns.sql");
const CONSTRAINTS_SQL: &str = include_str!("introspect/constraints.sql");
const INDEXES_SQL: &str = include_str!("introspect/indexes.sql");
const OPCLASSES_SQL: &str = include_str!("introspect/opclasses.sql");

/// What to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntrospectOptions {
    /// The schemas (namespaces) to read; default `["public"]`. System schemas
    /// (`pg_catalog`, `information_schema`, `pg_toast`, `pg_temp_*`, ...) are
    /// never read.
    pub schemas: Vec<String>,
    /// Tables to leave out, as `table` (in any schema read) or
    /// `schema.table`; a part may be double-quoted (`"my.schema"."T"`) when
    /// it contains a dot. Names are matched exactly as written (no case
    /// folding). The migration version table belongs here.
    pub exclude_tables: Vec<String>,
}

impl Default for IntrospectOptions {
    fn default() -> Self {
        IntrospectOptions {
            schemas: vec!["public".to_string()],
            exclude_tables: Vec::new(),
        }
    }
}

impl IntrospectOptions {
    /// Reads `schemas`, excluding nothing.
    pub fn schemas<S: Into<String>>(schemas: impl IntoIterator<Item = S>) -> IntrospectOptions {
        IntrospectOptions {
            schemas: schemas.into_iter().map(Into::into).collect(),
            exclude_tables: Vec::new(),
        }
    }

    /// Also leaves out `table` (`table` or `schema.table`).
    pub fn exclude(mut self, table: impl Into<String>) -> IntrospectOptions {
        self.exclude_tables.push(table.into());
        self
    }
}

/// True for namespaces that are PostgreSQL's own.
fn is_system_schema(name: &str) -> bool {
    name == "pg_catalog"
        || name == "information_schema"
        || name.starts_with("pg_toast")
        || name.starts_with("pg_temp_")
}

/// An entry of `exclude_tables`, parsed: an optional schema and the table.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Exclusion {
    schema: Option<String>,
    table: String,
}

fn parse_exclusion(text: &str) -> Result<Exclusion, Error> {
    let bad = |why: &str| {
        Error::Message(format!(
            "exclude_tables entry {text:?}: {why} (expected `table` or `schema.table`)"
        ))
    };
    let mut parts = Vec::new();
    let mut chars = text.trim().chars().peekable();
    loop {
        let mut part = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        part.push('"');
                    }
                    Some('"') => break,
                    Some(c) => part.push(c),
                    None => return Err(bad("unterminated quoted name")),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == '.' {
                    break;
                }
                part.push(c);
                chars.next();
            }
        }
        if part.is_empty() {
            return Err(bad("empty name"));
        }
        parts.push(part);
        match chars.next() {
            None => break,
            Some('.') => {}
            Some(_) => return Err(bad("unexpected text after a quoted name")),
        }
    }
    match parts.len() {
        1 => Ok(Exclusion {
            schema: None,
            table: parts.remove(0),
        }),
        2 => {
            let table = parts.remove(1);
            Ok(Exclusion {
                schema: Some(parts.remove(0)),
                table,
            })
        }
        _ => Err(bad("too many dots")),
    }
}

/// Reads the database `client` is connected to into the schema model (in
/// canonical form). See the module documentation for what is read.
pub async fn introspect(client: &Client, opts: &IntrospectOptions) -> Result<Schema, Error> {
    Ok(introspect_counted(client, opts).await?.0)
}

/// [`introspect`], also returning the number of SQL statements it sent (for
/// the benchmark: it does not depend on the size of the schema).
pub async fn introspect_counted(
    client: &Client,
    opts: &IntrospectOptions,
) -> Result<(Schema, usize), Error> {
    let exclusions = opts
        .exclude_tables
        .iter()
        .map(|e| parse_exclusion(e))
        .collect::<Result<Vec<_>, _>>()?;
    let mut schemas: Vec<String> = opts
        .schemas
        .iter()
        .filter(|s| !is_system_schema(s))
        .cloned()
        .collect();
    schemas.sort();
    schemas.dedup();

    // Pin search_path so expressions print the same on every connection.
    let saved = client
        .simple_query(
            "SELECT pg_catalog.current_setting('search_path'); \
             SELECT pg_catalog.set_config('search_path', 'pg_catalog', false)",
        )
        .await?;
    let saved_path = saved.iter().find_map(|m| match m {
        tokio_postgres::SimpleQueryMessage::Row(r) => r.get(0).map(str::to_string),
        _ => None,
    });
    let mut statements = 2;

    let result = read_catalog(client, &schemas).await;
    statements += CATALOG_QUERIES;

    if let Some(path) = saved_path {
        let restored = client
            .execute(
                "SELECT pg_catalog.set_config('search_path', $1, false)",
                &[&path],
            )
            .await;
        statements += 1;
        // A failed read is the error worth reporting; otherwise a failed
        // restore is.
        if result.is_ok() {
            restored?;
        }
    }
    let rows = result?;
    let schema = Assembler::new(&exclusions).assemble(rows)?;
    Ok((schema, statements))
}

/// How many catalog queries [`read_catalog`] sends.
const CATALOG_QUERIES: usize = 7;

/// The raw result of the catalog queries.
struct CatalogRows {
    namespaces: Vec<Row>,
    enums: Vec<Row>,
    tables: Vec<Row>,
    columns: Vec<Row>,
    constraints: Vec<Row>,
    indexes: Vec<Row>,
    opclasses: Vec<Row>,
}

async fn read_catalog(client: &Client, schemas: &[String]) -> Result<CatalogRows, Error> {
    let p: [&(dyn tokio_postgres::types::ToSql + Sync); 1] = [&schemas];
    // One future per query, awaited together: tokio-postgres sends them all
    // before waiting for the first answer.
    let queries: [(&str, &[&(dyn tokio_postgres::types::ToSql + Sync)]); CATALOG_QUERIES] = [
        (NAMESPACES_SQL, &p[..]),
        (ENUMS_SQL, &p[..]),
        (TABLES_SQL, &p[..]),
        (COLUMNS_SQL, &p[..]),
        (CONSTRAINTS_SQL, &p[..]),
        (INDEXES_SQL, &p[..]),
        (OPCLASSES_SQL, &[][..]),
    ];
    let results = futures_util::future::try_join_all(
        queries
            .iter()
            .map(|(sql, params)| client.query(*sql, params)),
    )
    .await?;
    let mut it = results.into_iter();
    let mut next = || it.next().unwrap_or_default();
    let (namespaces, enums, tables, columns, constraints, indexes, opclasses) =
        (next(), next(), next(), next(), next(), next(), next());
    Ok(CatalogRows {
        namespaces,
        enums,
        tables,
        columns,
        constraints,
        indexes,
        opclasses,
    })
}

/// A table being assembled: the model plus its columns by attribute number.
struct TableBuild {
    table: Table,
    /// (attnum, column), sorted by attnum once all columns are in.
    columns: Vec<(i16, Column)>,
}

impl TableBuild {
    fn column_name(&self, num: i16) -> Option<&str> {
        self.columns
            .binary_search_by_key(&num, |(n, _)| *n)
            .ok()
            .map(|i| self.columns[i].1.name.as_str())
    }

    fn column_names(&self, nums: &[i16], what: &str) -> Result<Vec<String>, Error> {
        nums.iter()
            .map(|n| {
                self.column_name(*n).map(str::to_string).ok_or_else(|| {
                    Error::Message(format!(
                        "table {}.{}, {what}: refers to column number {n}, which the catalog does not list",
                        self.table.schema, self.table.name
                    ))
                })
            })
            .collect()
    }
}

/// Turns catalog rows into a [`Schema`].
struct Assembler<'a> {
    exclusions: &'a [Exclusion],
}

impl<'a> Assembler<'a> {
    fn new(exclusions: &'a [Exclusion]) -> Self {
        Assembler { exclusions }
    }

    fn excluded(&self, schema: &str, table: &str) -> bool {
        self.exclusions
            .iter()
            .any(|e| e.table == table && e.schema.as_deref().map_or(true, |s| s == schema))
    }

    fn assemble(&self, rows: CatalogRows) -> Result<Schema, Error> {
        let schemas: Vec<String> = rows
            .namespaces
            .iter()
            .map(|r| r.try_get::<_, String>("name"))
            .collect::<Result<_, _>>()?;

        let mut enums = Vec::with_capacity(rows.enums.len());
        for r in &rows.enums {
            enums.push(EnumType {
                schema: r.try_get("schema")?,
                name: r.try_get("name")?,
                labels: r.try_get("labels")?,
                comment: r.try_get("comment")?,
            });
        }

        let mut tables: HashMap<u32, TableBuild> = HashMap::with_capacity(rows.tables.len());
        for r in &rows.tables {
            let schema: String = r.try_get("schema")?;
            let name: String = r.try_get("name")?;
            if self.excluded(&schema, &name) {
                continue;
            }
            let mut table = Table::new(schema, name);
            table.comment = r.try_get("comment")?;
            tables.insert(
                r.try_get("oid")?,
                TableBuild {
                    table,
                    columns: Vec::new(),
                },
            );
        }

        for r in &rows.columns {
            let oid: u32 = r.try_get("table_oid")?;
            let Some(tb) = tables.get_mut(&oid) else {
                continue;
            };
            let column = read_column(r, &tb.table)?;
            tb.columns.push((r.try_get("num")?, column));
        }
        for tb in tables.values_mut() {
            tb.columns.sort_by_key(|(n, _)| *n);
        }

        for r in &rows.constraints {
            let oid: u32 = r.try_get("table_oid")?;
            let Some(tb) = tables.get_mut(&oid) else {
                continue;
            };
            read_constraint(r, tb)?;
        }

        let opclasses: HashMap<u32, String> = rows
            .opclasses
            .iter()
            .map(|r| Ok((r.try_get("oid")?, r.try_get("name")?)))
            .collect::<Result<_, tokio_postgres::Error>>()?;
        for r in &rows.indexes {
            let oid: u32 = r.try_get("table_oid")?;
            let Some(tb) = tables.get_mut(&oid) else {
                continue;
            };
            let index = read_index(r, tb, &opclasses)?;
            tb.table.indexes.push(index);
        }

        let tables = tables
            .into_values()
            .map(|mut tb| {
                tb.table.columns = tb.columns.into_iter().map(|(_, c)| c).collect();
                tb.table
            })
            .collect();
        Ok(Schema {
            schemas,
            enums,
            tables,
        }
        .canonical())
    }
}

fn unsupported(table: &Table, column: &str, what: String) -> Error {
    Error::Unsupported(format!(
        "table {}.{}, column {column}: {what}",
        table.schema, table.name
    ))
}

fn read_column(r: &Row, table: &Table) -> Result<Column, Error> {
    let name: String = r.try_get("name")?;
    let type_name: String = r.try_get("type_name")?;
    let type_schema: String = r.try_get("type_schema")?;
    let is_array: bool = r.try_get("is_array")?;
    let typmod: i32 = r.try_get("typmod")?;
    let base = if type_schema == "pg_catalog" {
        builtin_type(&type_name, typmod).map_err(|why| unsupported(table, &name, why))?
    } else {
        SqlType::Named(TypeName {
            schema: type_schema,
            name: type_name,
        })
    };
    let ty = if is_array { base.array_of() } else { base };

    let generated: String = r.try_get("generated")?;
    if !generated.is_empty() {
        return Err(unsupported(
            table,
            &name,
            "generated columns (GENERATED ALWAYS AS (...) STORED) are not supported by the schema model".into(),
        ));
    }
    let identity_code: String = r.try_get("identity")?;
    let mut default: Option<String> = r.try_get("default_expr")?;
    let owned_sequence_default: Option<String> = r.try_get("owned_sequence_default")?;
    let identity = match identity_code.as_str() {
        "a" => Some(Identity::Always),
        "d" => Some(Identity::ByDefault),
        _ if default.is_some() && default == owned_sequence_default => {
            default = None;
            Some(Identity::Serial)
        }
        _ => None,
    };
    let not_null: bool = r.try_get("not_null")?;
    Ok(Column {
        name,
        ty,
        nullable: !not_null,
        default,
        identity,
        comment: r.try_get("comment")?,
        renamed_from: None,
    })
}

/// Maps a `pg_catalog` type (by `typname`) and its modifier to [`SqlType`].
/// Builtins the model has no variant for become `pg_catalog.<name>` when they
/// carry no modifier.
pub fn builtin_type(name: &str, typmod: i32) -> Result<SqlType, String> {
    // VARHDRSZ: length-like modifiers are stored with 4 added.
    let length = || -> Option<u32> { (typmod >= 4).then(|| (typmod - 4) as u32) };
    let precision = |what: &str| -> Result<Option<u8>, String> {
        match typmod {
            -1 => Ok(None),
            p @ 0..=6 => Ok(Some(p as u8)),
            p => Err(format!(
                "{what} precision {p} is out of the supported range 0..=6"
            )),
        }
    };
    let plain = |ty: SqlType| -> Result<SqlType, String> {
        if typmod == -1 {
            Ok(ty)
        } else {
            Err(format!(
                "type {name} with modifier {typmod} is not supported by the schema model"
            ))
        }
    };
    match name {
        "int2" => plain(SqlType::SmallInt),
        "int4" => plain(SqlType::Integer),
        "int8" => plain(SqlType::BigInt),
        "float4" => plain(SqlType::Real),
        "float8" => plain(SqlType::DoublePrecision),
        "numeric" => match length() {
            None => Ok(SqlType::Numeric(None)),
            Some(m) => {
                let p = (m >> 16) & 0xffff;
                // The scale is an 11-bit signed number since PostgreSQL 15.
                let s = (((m & 0x7ff) ^ 1024) as i32) - 1024;
                if !(0..=p as i32).contains(&s) || p == 0 || p > 1000 {
                    return Err(format!(
                        "numeric({p},{s}) is not supported by the schema model (scale must be between 0 and the precision)"
                    ));
                }
                Ok(SqlType::Numeric(Some((p as u16, s as u16))))
            }
        },
        "bool" => plain(SqlType::Boolean),
        "text" => plain(SqlType::Text),
        "varchar" => Ok(SqlType::Varchar(length())),
        "bpchar" => Ok(SqlType::Char(length())),
        "bytea" => plain(SqlType::Bytea),
        "json" => plain(SqlType::Json),
        "jsonb" => plain(SqlType::Jsonb),
        "uuid" => plain(SqlType::Uuid),
        "date" => plain(SqlType::Date),
        "time" => Ok(SqlType::Time(precision("time")?)),
        "timetz" => Ok(SqlType::TimeTz(precision("time")?)),
        "timestamp" => Ok(SqlType::Timestamp(precision("timestamp")?)),
        "timestamptz" => Ok(SqlType::TimestampTz(precision("timestamp")?)),
        "interval" => plain(SqlType::Interval),
        "inet" => plain(SqlType::Inet),
        "cidr" => plain(SqlType::Cidr),
        "macaddr" => plain(SqlType::MacAddr),
        "money" => plain(SqlType::Money),
        "xml" => plain(SqlType::Xml),
        "tsvector" => plain(SqlType::TsVector),
        "oid" => plain(SqlType::Oid),
        other => plain(SqlType::Named(TypeName {
            schema: "pg_catalog".into(),
            name: other.into(),
        })),
    }
}

fn fk_action(code: Option<String>) -> Result<FkAction, String> {
    Ok(match code.as_deref() {
        Some("a") | None => FkAction::NoAction,
        Some("r") => FkAction::Restrict,
        Some("c") => FkAction::Cascade,
        Some("n") => FkAction::SetNull,
        Some("d") => FkAction::SetDefault,
        Some(other) => return Err(format!("unknown referential action code {other:?}")),
    })
}

fn read_constraint(r: &Row, tb: &mut TableBuild) -> Result<(), Error> {
    let name: String = r.try_get("name")?;
    let kind: String = r.try_get("kind")?;
    let keys: Option<Vec<i16>> = r.try_get("columns")?;
    let keys = keys.unwrap_or_default();
    let what = format!("constraint {name}");
    match kind.as_str() {
        "p" => {
            let columns = tb.column_names(&keys, &what)?;
            tb.table.primary_key = Some(PrimaryKey { name, columns });
        }
        "u" => {
            let columns = tb.column_names(&keys, &what)?;
            tb.table.uniques.push(Unique { name, columns });
        }
        "f" => {
            let columns = tb.column_names(&keys, &what)?;
            let bad = |why: String| {
                Error::Message(format!(
                    "table {}.{}, foreign key {name}: {why}",
                    tb.table.schema, tb.table.name
                ))
            };
            let on_delete = fk_action(r.try_get("on_delete")?).map_err(bad)?;
            let on_update = fk_action(r.try_get("on_update")?).map_err(bad)?;
            let deferrable = match (
                r.try_get::<_, bool>("deferrable")?,
                r.try_get::<_, bool>("deferred")?,
            ) {
                (false, _) => Deferrable::NotDeferrable,
                (true, false) => Deferrable::InitiallyImmediate,
                (true, true) => Deferrable::InitiallyDeferred,
            };
            let ref_columns: Option<Vec<String>> = r.try_get("ref_columns")?;
            let fk = ForeignKey {
                name,
                columns,
                ref_schema: r
                    .try_get::<_, Option<String>>("ref_schema")?
                    .unwrap_or_default(),
                ref_table: r
                    .try_get::<_, Option<String>>("ref_table")?
                    .unwrap_or_default(),
                ref_columns: ref_columns.unwrap_or_default(),
                on_delete,
                on_update,
                deferrable,
            };
            tb.table.foreign_keys.push(fk);
        }
        "c" => {
            let def: Option<String> = r.try_get("check_def")?;
            let def = def.unwrap_or_default();
            let expression = check_expression(&def).ok_or_else(|| {
                Error::Message(format!(
                    "table {}.{}, check {name}: cannot read the definition {def:?}",
                    tb.table.schema, tb.table.name
                ))
            })?;
            tb.table.checks.push(Check { name, expression });
        }
        _ => {}
    }
    Ok(())
}

fn read_index(r: &Row, tb: &TableBuild, opclasses: &HashMap<u32, String>) -> Result<Index, Error> {
    let name: String = r.try_get("name")?;
    let what = format!("index {name}");
    let method_name: String = r.try_get("method")?;
    let method = IndexMethod::parse(&method_name).ok_or_else(|| {
        Error::Unsupported(format!(
            "table {}.{}, index {name}: access method {method_name} is not supported by the schema model",
            tb.table.schema, tb.table.name
        ))
    })?;
    let key_count = usize::try_from(r.try_get::<_, i16>("key_count")?).unwrap_or(0);
    let keys: Vec<i16> = r.try_get("keys")?;
    let options: Vec<i16> = r.try_get("options")?;
    let classes: Vec<u32> = r.try_get("opclasses")?;
    let expressions: Option<Vec<Option<String>>> = r.try_get("expressions")?;
    let mut elements = Vec::with_capacity(key_count);
    for (k, &num) in keys.iter().take(key_count).enumerate() {
        let key = if num == 0 {
            let expr = expressions
                .as_ref()
                .and_then(|e| e.get(k).cloned().flatten())
                .ok_or_else(|| {
                    Error::Message(format!(
                        "table {}.{}, {what}: expression element {} has no definition",
                        tb.table.schema,
                        tb.table.name,
                        k + 1
                    ))
                })?;
            IndexKey::Expression(strip_outer_parens(&expr).to_string())
        } else {
            IndexKey::Column(tb.column_names(&[num], &what)?.remove(0))
        };
        let option = options.get(k).copied().unwrap_or(0);
        let order = if option & 1 != 0 {
            SortOrder::Desc
        } else {
            SortOrder::Asc
        };
        let nulls = if !method.is_ordered() {
            None
        } else if option & 2 != 0 {
            Some(NullsOrder::First)
        } else {
            Some(NullsOrder::Last)
        };
        let opclass = classes.get(k).and_then(|oid| opclasses.get(oid)).cloned();
        elements.push(IndexElement {
            key,
            order,
            nulls,
            opclass,
        });
    }
    let include_nums: Vec<i16> = keys.iter().skip(key_count).copied().collect();
    let include = tb.column_names(&include_nums, &what)?;
    Ok(Index {
        name,
        unique: r.try_get("is_unique")?,
        method,
        elements,
        include,
        predicate: r.try_get("predicate")?,
    })
}

/// The position just after the parenthesis that closes the one at `open`,
/// skipping quoted strings and identifiers.
fn matching_paren(s: &str, open: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            q @ (b'\'' | b'"') => {
                i += 1;
                while i < bytes.len() {
                    if bytes[i] == q {
                        if bytes.get(i + 1) == Some(&q) {
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    i += 1;
                }
            }
            b'(' => depth += 1,
            b')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The expression of `CHECK (expr) [NOT VALID]` as `pg_get_constraintdef`
/// prints it.
pub fn check_expression(def: &str) -> Option<String> {
    let rest = def.strip_prefix("CHECK ")?;
    let offset = def.len() - rest.len();
    if !rest.starts_with('(') {
        return None;
    }
    let end = matching_paren(def, offset)?;
    Some(def[offset + 1..end - 1].to_string())
}

/// `expr` without one pair of parentheses that encloses all of it.
pub fn strip_outer_parens(expr: &str) -> &str {
    let t = expr.trim();
    if t.starts_with('(') && matching_paren(t, 0) == Some(t.len()) {
        &t[1..t.len() - 1]
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_definitions() {
        assert_eq!(check_expression("CHECK (a > 0)").as_deref(), Some("a > 0"));
        assert_eq!(
            check_expression("CHECK ((a > 0) AND (b = ')'::text)) NOT VALID").as_deref(),
            Some("(a > 0) AND (b = ')'::text)")
        );
        assert_eq!(
            check_expression("CHECK (\"we)ird\" > 0)").as_deref(),
            Some("\"we)ird\" > 0")
        );
        assert_eq!(check_expression("UNIQUE (a)"), None);
    }

    #[test]
    fn outer_parens() {
        assert_eq!(strip_outer_parens("(a + b)"), "a + b");
        assert_eq!(strip_outer_parens("(a) + (b)"), "(a) + (b)");
        assert_eq!(strip_outer_parens("lower(name)"), "lower(name)");
        assert_eq!(strip_outer_parens("('(' || a)"), "'(' || a");
    }

    #[test]
    fn builtin_types_and_modifiers() {
        let t = |n: &str, m: i32| match builtin_type(n, m) {
            Ok(t) => t.to_string(),
            Err(e) => format!("ERROR: {e}"),
        };
        assert_eq!(t("int4", -1), "integer");
        assert_eq!(t("varchar", 36), "character varying(32)");
        assert_eq!(t("varchar", -1), "character varying");
        assert_eq!(t("bpchar", 5), "character(1)");
        assert_eq!(t("numeric", ((12 << 16) | 2) + 4), "numeric(12,2)");
        assert_eq!(t("numeric", -1), "numeric");
        assert_eq!(t("timestamptz", 3), "timestamp(3) with time zone");
        assert_eq!(t("time", 0), "time(0) without time zone");
        assert_eq!(t("point", -1), "pg_catalog.point");
        assert!(t("numeric", ((5 << 16) | 0x7fe) + 4).starts_with("ERROR: numeric(5,-2)"));
        assert!(t("bit", 8).starts_with("ERROR: type bit with modifier 8"));
    }

    #[test]
    fn exclusions() {
        let e = |s: &str| parse_exclusion(s).map_err(|e| e.to_string());
        assert_eq!(
            e("schema_migrations").unwrap(),
            Exclusion {
                schema: None,
                table: "schema_migrations".into()
            }
        );
        assert_eq!(
            e("app.Versions").unwrap(),
            Exclusion {
                schema: Some("app".into()),
                table: "Versions".into()
            }
        );
        assert_eq!(
            e("\"my.schema\".\"a\"\"b\"").unwrap(),
            Exclusion {
                schema: Some("my.schema".into()),
                table: "a\"b".into()
            }
        );
        assert!(e("a.b.c").unwrap_err().contains("too many dots"));
        assert!(e("").unwrap_err().contains("empty name"));
    }
}
