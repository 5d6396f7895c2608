//! Catalog introspection: reads a live database into strata's schema model.
//!
//! [`introspect`] issues a fixed number of whole-database `pg_catalog`
//! queries filtered by schema (the SQL lives in `src/introspect/*.sql`, one
//! file per query): namespaces, extension members, comments, enum types,
//! tables, columns, defaults, constraints, indexes, the non-default
//! operator classes and the definition objects. They are sent together on
//! the one connection (tokio-postgres pipelines them), so the cost does not
//! grow with round trips, and nothing is queried per table or per default:
//! 14 statements in all (2 to save and pin session settings, 11 catalog
//! queries, 1 to restore the settings), whatever the size of the schema. The rows are then
//! assembled in memory into a [`Schema`] in canonical form: column numbers
//! become names, extension members and excluded tables are dropped, indexes
//! behind constraints are left out.
//!
//! Expressions (defaults, CHECKs, index expressions and predicates) are kept
//! as SQL text exactly as PostgreSQL prints them (`pg_get_expr`,
//! `pg_get_constraintdef`, `pg_get_indexdef`), under `search_path = pg_catalog` so that
//! every user object in them is schema-qualified and the text does not depend
//! on the session: `'en'::text`, `nextval('public.t_id_seq'::regclass)`,
//! `'ok'::public.mood`. `jit` is switched off meanwhile (compiling the larger
//! queries costs more than running them). Both settings are restored
//! afterwards; do not run other statements on the same client while
//! `introspect` runs. The queries do not share one snapshot unless the
//! caller runs them in a (repeatable read) transaction: pass a
//! `Transaction`. Without one, DDL committed on another connection while
//! the queries run can give an inconsistent read (the migration runner
//! holds its lock while it reads).
//!
//! What is read: the schemas asked for that exist; tables (relkind `r` and
//! `p`; partitions are left to their parent); columns in `attnum` order with
//! their type (builtins mapped to [`SqlType`], user types to
//! [`SqlType::Named`]), NOT NULL, default, identity and serial (a
//! `nextval()` default on a sequence the column owns becomes
//! [`Identity::Serial`] with no default); primary keys, unique constraints,
//! foreign keys and CHECKs; indexes that do not back a constraint; enum types;
//! comments; definition objects ([`DbObject`]: extensions, collations,
//! standalone sequences, domains, composite types, range types (with their
//! multirange), functions, procedures and aggregates, views and
//! materialized views with their indexes, triggers, row-level security,
//! policies and extended statistics), each as the statement that creates
//! it as the server prints it (aggregates, range types and collations,
//! which PostgreSQL prints no statement for, and statistics, whose
//! columns go by name, written from their catalog rows), with its comment
//! and its `pg_depend` dependencies on tables, columns and other objects
//! (`objects.sql`). Left out: tables named in
//! [`IntrospectOptions::exclude_tables`], system schemas, objects that
//! belong to an extension and the constructor functions of range types.
//! What the model cannot express (a generated column, a type modifier the model has no room
//! for such as `bit(8)` or `numeric(5,-2)`, an access method other than
//! btree/hash/gin/gist/brin/spgist) is an error naming the table and column,
//! never a silently wrong model. Also read: a table's `UNLOGGED`, storage
//! parameters and replica identity, a CHECK's `NO INHERIT`, `NOT VALID` of
//! checks and foreign keys, an index element's collation when it is not
//! its column's (an expression's: its type's), partitions (key, parent,
//! bound) and `INHERITS` parents; a child table lists the columns and
//! checks it defines itself (`attislocal`, `conislocal`: also those it
//! inherits as well), a partition none (only the columns it has NOT NULL
//! where its parent's are nullable, `local_not_null`). Not modelled and therefore not
//! read (the object is read as if it had none): a column's `STORAGE` and
//! `COMPRESSION`, the indexes and constraints a partition gets from its
//! parent (they become the table's own when it is detached).
//!
//! Invariant: the number of statements sent does not depend on the schema
//! ([`introspect_counted`] returns it; `tests/integration/introspect.rs`
//! checks it on an empty and a full database, and the introspection
//! benchmark prints it).
//!
//! Start reading at [`introspect`], then `assemble` (rows → model).

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};

use strata::schema::{
    Check, Column, ColumnStorage, Compression, DbObject, Deferrable, Dependency, EnumType,
    FkAction, ForeignKey, Identity, Index, IndexElement, IndexKey, IndexMethod, IntervalFields,
    NullsOrder, ObjectKind, ObjectParts, PartitionOf, Position, PrimaryKey, ReplicaIdentity,
    Schema, SequenceOptions, SortOrder, SqlType, Table, TableRef, TypeName, Unique,
};
use tokio_postgres::{Client, GenericClient, Row};

use crate::error::{Error, IntrospectError};

/// A fast hasher for the integer keys (OIDs, attribute numbers) of the
/// assembly maps: the keys come from the catalog, not from an adversary, and
/// SipHash showed up in profiles of 10,000-table schemas.
#[derive(Default)]
struct OidHasher(u64);

impl Hasher for OidHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u16(&mut self, n: u16) {
        self.write_u64(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_i16(&mut self, n: i16) {
        self.write_u64(u64::from(n as u16));
    }
    fn write_i32(&mut self, n: i32) {
        self.write_u64(u64::from(n as u32));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<OidHasher>>;
type HashSet<K> = StdHashSet<K, BuildHasherDefault<OidHasher>>;

const NAMESPACES_SQL: &str = include_str!("introspect/namespaces.sql");
const ENUMS_SQL: &str = include_str!("introspect/enums.sql");
const TABLES_SQL: &str = include_str!("introspect/tables.sql");
const COLUMNS_SQL: &str = include_str!("introspect/columns.sql");
const DEFAULTS_SQL: &str = include_str!("introspect/defaults.sql");
const COMMENTS_SQL: &str = include_str!("introspect/comments.sql");
const EXTENSION_MEMBERS_SQL: &str = include_str!("introspect/extension_members.sql");
const CONSTRAINTS_SQL: &str = include_str!("introspect/constraints.sql");
const INDEXES_SQL: &str = include_str!("introspect/indexes.sql");
const OPCLASSES_SQL: &str = include_str!("introspect/opclasses.sql");
const OBJECTS_SQL: &str = include_str!("introspect/objects.sql");
/// A condition, not a query: written into the three queries that tell a
/// serial's sequence ([`with_serial_names`]).
const SERIAL_SEQUENCE_NAMED_SQL: &str = include_str!("introspect/serial_sequence_named.sql");

/// The marker a query leaves for [`SERIAL_SEQUENCE_NAMED_SQL`], with its
/// three arguments after it: `/* serial_sequence_named(s, t, a) */`.
const SERIAL_SEQUENCE_NAMED: &str = "/* serial_sequence_named(";

/// `sql` with each `/* serial_sequence_named(seq, table, attnum) */`
/// replaced by the condition of `serial_sequence_named.sql` on those
/// arguments (its comment lines left out).
fn with_serial_names(sql: &str) -> String {
    let condition: Vec<&str> = SERIAL_SEQUENCE_NAMED_SQL
        .lines()
        .filter(|l| !l.starts_with("--"))
        .collect();
    let condition = condition.join("\n");
    let mut out = String::with_capacity(sql.len() + 4 * condition.len());
    let mut rest = sql;
    while let Some(i) = rest.find(SERIAL_SEQUENCE_NAMED) {
        out.push_str(&rest[..i]);
        let after = &rest[i + SERIAL_SEQUENCE_NAMED.len()..];
        let Some(j) = after.find(") */") else {
            break;
        };
        let args: Vec<&str> = after[..j].split(',').map(str::trim).collect();
        if let [seq, table, attnum] = args[..] {
            out.push_str(
                &condition
                    .replace("$seq", seq)
                    .replace("$table", table)
                    .replace("$attnum", attnum),
            );
        }
        rest = &after[j + ") */".len()..];
    }
    out.push_str(rest);
    out
}

static COLUMNS_QUERY: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| with_serial_names(COLUMNS_SQL));
static DEFAULTS_QUERY: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| with_serial_names(DEFAULTS_SQL));
static OBJECTS_QUERY: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| with_serial_names(OBJECTS_SQL));

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
        Error::from(IntrospectError::BadExclusion {
            entry: text.to_string(),
            reason: why.to_string(),
        })
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
/// canonical form). See the module documentation for what is read. `client`
/// is a [`Client`] or a `Transaction` (the queries then run inside it).
pub async fn introspect(
    client: &impl GenericClient,
    opts: &IntrospectOptions,
) -> Result<Schema, Error> {
    Ok(introspect_counted(client, opts).await?.0)
}

/// Session settings pinned while the catalog is read, restored afterwards:
/// `search_path` so expressions print the same on every connection, `jit`
/// because compiling the larger catalog queries costs more than running them.
const PINNED_SETTINGS: [(&str, &str); 2] = [("search_path", "pg_catalog"), ("jit", "off")];

/// [`introspect`], also returning the number of SQL statements it sent (for
/// the benchmark: it does not depend on the size of the schema).
pub async fn introspect_counted(
    client: &impl GenericClient,
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
    read_schemas(client.client(), &schemas, &exclusions).await
}

/// Reads this session's temporary schema (`pg_temp_N`), which
/// [`introspect`] never reads: the normalization probes are temporary
/// tables, read back with exactly the queries and assembly of a real
/// database. `None` when the session has no temporary schema yet.
pub(crate) async fn introspect_temp(client: &Client) -> Result<Option<Schema>, Error> {
    let row = client
        .query_one(
            "SELECT n.nspname::text FROM pg_catalog.pg_namespace n \
             WHERE n.oid = pg_catalog.pg_my_temp_schema()",
            &[],
        )
        .await;
    let name: String = match row {
        Ok(r) => r.try_get(0)?,
        Err(_) => return Ok(None),
    };
    Ok(Some(read_schemas(client, &[name], &[]).await?.0))
}

/// Reads `schemas` (already filtered) with the pinned settings; returns the
/// schema and the number of statements sent.
async fn read_schemas(
    client: &Client,
    schemas: &[String],
    exclusions: &[Exclusion],
) -> Result<(Schema, usize), Error> {
    // Save and pin the settings in one round trip (two statements).
    let names: Vec<String> = PINNED_SETTINGS
        .iter()
        .map(|(name, _)| format!("pg_catalog.current_setting('{name}')"))
        .collect();
    let pins: Vec<String> = PINNED_SETTINGS
        .iter()
        .map(|(name, value)| format!("pg_catalog.set_config('{name}', '{value}', false)"))
        .collect();
    let saved = client
        .simple_query(&format!(
            "SELECT {}; SELECT {}",
            names.join(", "),
            pins.join(", ")
        ))
        .await?;
    let saved: Option<Vec<String>> = saved.iter().find_map(|m| match m {
        tokio_postgres::SimpleQueryMessage::Row(r) => (0..PINNED_SETTINGS.len())
            .map(|i| r.get(i).map(str::to_string))
            .collect(),
        _ => None,
    });
    let mut statements = 2;

    let result = read_catalog(client, schemas).await;
    // The server's version, then the catalog queries.
    statements += 1 + CATALOG_QUERIES;

    if let Some(values) = saved {
        let restore: Vec<String> = PINNED_SETTINGS
            .iter()
            .enumerate()
            .map(|(i, (name, _))| format!("pg_catalog.set_config('{name}', ${}, false)", i + 1))
            .collect();
        let params: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> = values
            .iter()
            .map(|v| v as &(dyn tokio_postgres::types::ToSql + Sync))
            .collect();
        let restored = client
            .execute(&format!("SELECT {}", restore.join(", ")), &params)
            .await;
        statements += 1;
        // A failed read is the error worth reporting; otherwise a failed
        // restore is.
        if result.is_ok() {
            restored?;
        }
    }
    let rows = result?;
    let schema = Assembler::new(exclusions).assemble(rows)?;
    Ok((schema, statements))
}

/// How many catalog queries [`read_catalog`] sends.
const CATALOG_QUERIES: usize = 11;

/// The raw result of the catalog queries.
struct CatalogRows {
    namespaces: Vec<Row>,
    extension_members: Vec<Row>,
    comments: Vec<Row>,
    enums: Vec<Row>,
    tables: Vec<Row>,
    columns: Vec<Row>,
    defaults: Vec<Row>,
    constraints: Vec<Row>,
    indexes: Vec<Row>,
    opclasses: Vec<Row>,
    objects: Vec<Row>,
}

/// PostgreSQL 15's `pg_index.indnullsnotdistinct`, as the index and
/// constraint queries read it.
const NULLS_NOT_DISTINCT_COLUMNS: [&str; 2] = ["i.indnullsnotdistinct", "x.indnullsnotdistinct"];

/// `sql` for a server of version `version_num` (`server_version_num`):
/// before 15, `pg_index` has no `indnullsnotdistinct` (every index treats
/// NULLs as distinct), so the column reads `false`.
fn for_version(sql: &'static str, version_num: i32) -> std::borrow::Cow<'static, str> {
    if version_num >= 150_000 {
        return std::borrow::Cow::Borrowed(sql);
    }
    let mut out = sql.to_string();
    for column in NULLS_NOT_DISTINCT_COLUMNS {
        out = out.replace(column, "false");
    }
    std::borrow::Cow::Owned(out)
}

/// A subscription's connection string, as the objects query reads it.
const SUBSCRIPTION_CONNINFO: &str = "s.subconninfo";

/// PostgreSQL 14's `pg_get_statisticsobjdef_expressions`, as the objects
/// query calls it.
const STATISTICS_EXPRESSIONS: &str = "pg_catalog.pg_get_statisticsobjdef_expressions(s.oid)";

/// The objects query for a server of version `version_num`: before 14,
/// statistics have no expressions (the function that prints them does not
/// exist), so none are read.
///
/// Before 15, publications have no schemas (`pg_publication_namespace`),
/// column lists (`prattrs`) or row filters (`prqual`).
fn objects_for_version(version_num: i32) -> std::borrow::Cow<'static, str> {
    if version_num >= 150_000 {
        return std::borrow::Cow::Borrowed(OBJECTS_QUERY.as_str());
    }
    let mut out = OBJECTS_QUERY
        .replace(
            "pg_catalog.pg_publication_namespace pns",
            "(SELECT NULL::pg_catalog.oid AS pnpubid, NULL::pg_catalog.oid AS pnnspid WHERE false) pns",
        )
        .replace("pr.prattrs", "NULL::pg_catalog.int2vector")
        .replace("pr.prqual", "NULL::pg_catalog.pg_node_tree")
        // Subscriptions' two-phase mode and disable_on_error: 15 on.
        .replace("s.subtwophasestate", "'d'::\"char\"")
        .replace("s.subdisableonerr", "false");
    if version_num < 140_000 {
        out = out.replace(STATISTICS_EXPRESSIONS, "NULL::text[]");
    }
    std::borrow::Cow::Owned(out)
}

async fn read_catalog(client: &Client, schemas: &[String]) -> Result<CatalogRows, Error> {
    let settings = client
        .query_one(
            "SELECT pg_catalog.current_setting('server_version_num')::int, \
                    pg_catalog.has_column_privilege('pg_catalog.pg_subscription', 'subconninfo', 'SELECT')",
            &[],
        )
        .await?;
    let version_num: i32 = settings.try_get(0)?;
    let conninfo_readable: bool = settings.try_get(1)?;
    let constraints_sql = for_version(CONSTRAINTS_SQL, version_num);
    let indexes_sql = for_version(INDEXES_SQL, version_num);
    let mut objects_sql = objects_for_version(version_num);
    // Only superusers may read subscriptions' connection strings (a
    // query naming the column fails for anyone else): without them, no
    // subscription is read.
    if !conninfo_readable {
        objects_sql =
            std::borrow::Cow::Owned(objects_sql.replace(SUBSCRIPTION_CONNINFO, "NULL::text"));
    }
    let p: [&(dyn tokio_postgres::types::ToSql + Sync); 1] = [&schemas];
    // One future per query, awaited together: tokio-postgres sends them all
    // before waiting for the first answer, and the server runs them back to
    // back while the client reads the earlier results.
    let queries: [(&str, &[&(dyn tokio_postgres::types::ToSql + Sync)]); CATALOG_QUERIES] = [
        (NAMESPACES_SQL, &p[..]),
        (EXTENSION_MEMBERS_SQL, &[][..]),
        (COMMENTS_SQL, &p[..]),
        (ENUMS_SQL, &p[..]),
        (TABLES_SQL, &p[..]),
        (COLUMNS_QUERY.as_str(), &p[..]),
        (DEFAULTS_QUERY.as_str(), &p[..]),
        (&constraints_sql, &p[..]),
        (&indexes_sql, &p[..]),
        (OPCLASSES_SQL, &[][..]),
        (&objects_sql, &p[..]),
    ];
    let results = futures_util::future::try_join_all(
        queries
            .iter()
            .map(|(sql, params)| client.query(*sql, params)),
    )
    .await?;
    let mut it = results.into_iter();
    let mut next = || it.next().unwrap_or_default();
    Ok(CatalogRows {
        namespaces: next(),
        extension_members: next(),
        comments: next(),
        enums: next(),
        tables: next(),
        columns: next(),
        defaults: next(),
        constraints: next(),
        indexes: next(),
        opclasses: next(),
        objects: next(),
    })
}

/// A table being assembled: the model plus its columns by attribute number.
struct TableBuild {
    table: Table,
    /// Named in `exclude_tables`: read (a foreign key may refer to it) but
    /// left out of the result.
    excluded: bool,
    /// The attribute number of each of `table.columns`; both sorted by it
    /// once all columns are in.
    nums: Vec<i16>,
    /// Columns that come from a parent (inheritance or partitioning): read
    /// for their names, left out of the model.
    inherited: StdHashSet<i16>,
}

impl TableBuild {
    /// Puts the columns in attribute-number order (they usually arrive in
    /// it).
    fn sort_columns(&mut self) {
        if self.nums.windows(2).all(|w| w[0] < w[1]) {
            return;
        }
        let mut pairs: Vec<(i16, Column)> = self
            .nums
            .drain(..)
            .zip(self.table.columns.drain(..))
            .collect();
        pairs.sort_by_key(|(n, _)| *n);
        for (n, c) in pairs {
            self.nums.push(n);
            self.table.columns.push(c);
        }
    }

    fn column_name(&self, num: i16) -> Option<&str> {
        // Without dropped columns, attribute n is at position n - 1.
        let i = usize::try_from(num - 1)
            .ok()
            .filter(|&i| self.nums.get(i) == Some(&num))
            .or_else(|| self.nums.binary_search(&num).ok())?;
        self.table.columns.get(i).map(|c| c.name.as_str())
    }

    fn column_names(&self, nums: &[i16], what: &str) -> Result<Vec<String>, Error> {
        nums.iter()
            .map(|n| {
                self.column_name(*n).map(str::to_string).ok_or_else(|| {
                    Error::from(IntrospectError::Unreadable {
                        table: format!("{}.{}", self.table.schema, self.table.name),
                        object: what.to_string(),
                        what: format!(
                            "refers to column number {n}, which the catalog does not list"
                        ),
                    })
                })
            })
            .collect()
    }
}

/// A constraint read from the catalog, before it is attached to its table.
enum Piece {
    PrimaryKey(PrimaryKey),
    Unique(Unique),
    ForeignKey(ForeignKey),
    Check(Check),
}

/// Turns catalog rows into a [`Schema`].
struct Assembler<'a> {
    /// Tables excluded in every schema read.
    anywhere: StdHashSet<&'a str>,
    /// Tables excluded in one schema: (schema, table).
    qualified: StdHashSet<(&'a str, &'a str)>,
}

impl<'a> Assembler<'a> {
    /// Sets, not a list: the CLI expands `ignore_tables` patterns into one
    /// exclusion per matching table, which can be most of a large schema.
    fn new(exclusions: &'a [Exclusion]) -> Self {
        let mut a = Assembler {
            anywhere: StdHashSet::new(),
            qualified: StdHashSet::new(),
        };
        for e in exclusions {
            match &e.schema {
                None => a.anywhere.insert(e.table.as_str()),
                Some(s) => a.qualified.insert((s.as_str(), e.table.as_str())),
            };
        }
        a
    }

    fn excluded(&self, schema: &str, table: &str) -> bool {
        self.anywhere.contains(table) || self.qualified.contains(&(schema, table))
    }

    fn assemble(&self, rows: CatalogRows) -> Result<Schema, Error> {
        let [name] = positions(&rows.namespaces, ["name"])?;
        let schemas: Vec<String> = rows
            .namespaces
            .iter()
            .map(|r| r.try_get::<_, String>(name))
            .collect::<Result<_, _>>()?;

        let [oid, is_type] = positions(&rows.extension_members, ["oid", "is_type"])?;
        let mut member_relations = HashSet::default();
        let mut member_types = HashSet::default();
        for r in &rows.extension_members {
            let o: u32 = r.try_get(oid)?;
            if r.try_get(is_type)? {
                member_types.insert(o);
            } else {
                member_relations.insert(o);
            }
        }

        let [oid, num, on_type, comment] =
            positions(&rows.comments, ["oid", "num", "on_type", "comment"])?;
        let mut relation_comments: HashMap<(u32, i32), String> = HashMap::default();
        let mut type_comments: HashMap<u32, String> = HashMap::default();
        for r in &rows.comments {
            let (o, text): (u32, String) = (r.try_get(oid)?, r.try_get(comment)?);
            if r.try_get(on_type)? {
                type_comments.insert(o, text);
            } else {
                relation_comments.insert((o, r.try_get(num)?), text);
            }
        }

        let [oid, schema, name, labels] =
            positions(&rows.enums, ["oid", "schema", "name", "labels"])?;
        let mut enums = Vec::with_capacity(rows.enums.len());
        for r in &rows.enums {
            let o: u32 = r.try_get(oid)?;
            if member_types.contains(&o) {
                continue;
            }
            enums.push(EnumType {
                schema: r.try_get(schema)?,
                name: r.try_get(name)?,
                labels: r.try_get(labels)?,
                comment: type_comments.remove(&o),
            });
        }

        let [oid, schema, name, partition_by, partition_bound, parent_schemas, parent_names, persistence, options, replident, replident_index, cluster_index, of_type_schema, of_type_name] =
            positions(
                &rows.tables,
                [
                    "oid",
                    "schema",
                    "name",
                    "partition_by",
                    "partition_bound",
                    "parent_schemas",
                    "parent_names",
                    "persistence",
                    "options",
                    "replident",
                    "replident_index",
                    "cluster_index",
                    "of_type_schema",
                    "of_type_name",
                ],
            )?;
        let mut tables: HashMap<u32, TableBuild> =
            HashMap::with_capacity_and_hasher(rows.tables.len(), Default::default());
        for r in &rows.tables {
            let o: u32 = r.try_get(oid)?;
            if member_relations.contains(&o) {
                continue;
            }
            let schema: String = r.try_get(schema)?;
            let name: String = r.try_get(name)?;
            let excluded = self.excluded(&schema, &name);
            let mut table = Table::new(schema, name);
            table.comment = relation_comments.remove(&(o, 0));
            table.partition_by = r.try_get(partition_by)?;
            table.unlogged = r.try_get::<_, &str>(persistence)? == "u";
            table.with = r
                .try_get::<_, Option<Vec<String>>>(options)?
                .unwrap_or_default();
            table.replica_identity = match r.try_get::<_, &str>(replident)? {
                "f" => Some(ReplicaIdentity::Full),
                "n" => Some(ReplicaIdentity::Nothing),
                "i" => r
                    .try_get::<_, Option<String>>(replident_index)?
                    .map(ReplicaIdentity::Index),
                _ => None,
            };
            table.cluster_on = r.try_get(cluster_index)?;
            let of_schema: Option<String> = r.try_get(of_type_schema)?;
            let of_name: Option<String> = r.try_get(of_type_name)?;
            table.of_type = of_schema
                .zip(of_name)
                .map(|(schema, name)| TableRef { schema, name });
            let p_schemas: Vec<String> = r.try_get(parent_schemas)?;
            let p_names: Vec<String> = r.try_get(parent_names)?;
            let parents: Vec<TableRef> = p_schemas
                .into_iter()
                .zip(p_names)
                .map(|(schema, name)| TableRef { schema, name })
                .collect();
            let bound: Option<String> = r.try_get(partition_bound)?;
            match bound {
                Some(bound) => {
                    let parent = parents.into_iter().next().ok_or_else(|| {
                        Error::from(IntrospectError::Unreadable {
                            table: format!("{}.{}", table.schema, table.name),
                            object: "partition".to_string(),
                            what: "a partition without a parent table".to_string(),
                        })
                    })?;
                    table.partition_of = Some(PartitionOf { parent, bound });
                }
                None => table.inherits = parents,
            }
            tables.insert(
                o,
                TableBuild {
                    table,
                    excluded,
                    nums: Vec::new(),
                    inherited: StdHashSet::new(),
                },
            );
        }

        let [table_oid, num, expr, serial_nextval] = positions(
            &rows.defaults,
            ["table_oid", "num", "expr", "serial_nextval"],
        )?;
        let mut defaults: HashMap<(u32, i16), (String, Option<String>)> =
            HashMap::with_capacity_and_hasher(rows.defaults.len(), Default::default());
        for r in &rows.defaults {
            let key = (r.try_get(table_oid)?, r.try_get(num)?);
            let expr: Option<String> = r.try_get(expr)?;
            if let Some(expr) = expr {
                defaults.insert(key, (expr, r.try_get(serial_nextval)?));
            }
        }

        // The default of every column of a hierarchy as the server prints
        // it (a child's own default on an inherited column is compared
        // with its parent's below).
        let hierarchy = tables
            .values()
            .any(|tb| tb.table.partition_of.is_some() || !tb.table.inherits.is_empty());
        let mut raw_defaults: StdHashMap<(u32, String), String> = StdHashMap::new();
        let cols = ColumnPositions::of(&rows.columns)?;
        for r in &rows.columns {
            let oid: u32 = r.try_get(cols.table_oid)?;
            let Some(tb) = tables.get_mut(&oid) else {
                continue;
            };
            let num: i16 = r.try_get(cols.num)?;
            let default = if defaults.is_empty() {
                None
            } else {
                defaults.remove(&(oid, num))
            };
            if hierarchy {
                if let Some((expr, _)) = &default {
                    raw_defaults.insert((oid, r.try_get(cols.name)?), expr.clone());
                }
            }
            let mut column = read_column(r, &cols, &tb.table, default)?;
            if !relation_comments.is_empty() {
                column.comment = relation_comments.remove(&(oid, i32::from(num)));
            }
            let local: bool = r.try_get(cols.is_local)?;
            if !local || tb.table.partition_of.is_some() {
                tb.inherited.insert(num);
            }
            tb.table.columns.push(column);
            tb.nums.push(num);
        }
        for tb in tables.values_mut() {
            tb.sort_columns();
        }
        // A partition's columns are its parent's; what it has of its own is
        // NOT NULL where the parent's column is nullable.
        let by_name: StdHashMap<(&str, &str), &TableBuild> = tables
            .values()
            .map(|tb| ((tb.table.schema.as_str(), tb.table.name.as_str()), tb))
            .collect();
        let local_not_null: Vec<(u32, Vec<String>)> = tables
            .iter()
            .filter_map(|(oid, tb)| {
                let p = &tb.table.partition_of.as_ref()?.parent;
                let parent = by_name.get(&(p.schema.as_str(), p.name.as_str()))?;
                let own: Vec<String> = tb
                    .table
                    .columns
                    .iter()
                    .filter(|c| {
                        !c.nullable && parent.table.column(&c.name).is_some_and(|pc| pc.nullable)
                    })
                    .map(|c| c.name.clone())
                    .collect();
                (!own.is_empty()).then_some((*oid, own))
            })
            .collect();
        for (oid, own) in local_not_null {
            if let Some(tb) = tables.get_mut(&oid) {
                tb.table.local_not_null = own;
            }
        }
        // A child's own default on a column from a parent (the first
        // parent that has the column), where it is not the parent's.
        if hierarchy {
            let oids: StdHashMap<(&str, &str), u32> = tables
                .iter()
                .map(|(oid, tb)| ((tb.table.schema.as_str(), tb.table.name.as_str()), *oid))
                .collect();
            let mut local_defaults: Vec<(u32, String, Option<String>)> = Vec::new();
            for (oid, tb) in tables.iter() {
                let parents: Vec<&TableRef> = tb
                    .table
                    .partition_of
                    .iter()
                    .map(|p| &p.parent)
                    .chain(&tb.table.inherits)
                    .collect();
                if parents.is_empty() {
                    continue;
                }
                for (num, c) in tb.nums.iter().zip(&tb.table.columns) {
                    if !tb.inherited.contains(num) {
                        continue;
                    }
                    let parent = parents.iter().find_map(|p| {
                        let poid = oids.get(&(p.schema.as_str(), p.name.as_str()))?;
                        let pt = &tables.get(poid)?.table;
                        pt.column(&c.name).map(|_| *poid)
                    });
                    let Some(poid) = parent else {
                        continue;
                    };
                    let own = raw_defaults.get(&(*oid, c.name.clone()));
                    let inherited = raw_defaults.get(&(poid, c.name.clone()));
                    if own != inherited {
                        local_defaults.push((*oid, c.name.clone(), own.cloned()));
                    }
                }
            }
            for (oid, column, default) in local_defaults {
                if let Some(tb) = tables.get_mut(&oid) {
                    tb.table.local_defaults.insert(column, default);
                }
            }
        }

        let cons = ConstraintPositions::of(&rows.constraints)?;
        let mut pieces = Vec::with_capacity(rows.constraints.len());
        // The indexes behind constraints -> whether the constraint is the
        // table's own (not one a partition gets from its parent).
        let mut constraint_indexes: HashMap<u32, bool> = HashMap::default();
        let mut validated_copies: Vec<(u32, String)> = Vec::new();
        for r in &rows.constraints {
            let oid: u32 = r.try_get(cons.table_oid)?;
            let index_oid: u32 = r.try_get(cons.index_oid)?;
            // A foreign key's `conindid` is the referenced table's unique
            // index it was validated against, not an index behind it.
            let kind: &str = r.try_get(cons.kind)?;
            if index_oid != 0 && kind != "f" {
                constraint_indexes.insert(index_oid, r.try_get(cons.is_local)?);
            }
            let Some(tb) = tables.get(&oid) else {
                continue;
            };
            // Constraints a partition or child table gets from its parent
            // are the parent's; but a CHECK validated here may be a copy
            // of an ancestor's NOT VALID one (kept below if it is).
            if !r.try_get::<_, bool>(cons.is_local)? {
                if kind == "c" && r.try_get::<_, bool>(cons.validated)? {
                    validated_copies.push((oid, r.try_get::<_, String>(cons.name)?));
                }
                continue;
            }
            if let Some(piece) = read_constraint(r, &cons, tb, &tables)? {
                pieces.push((oid, piece));
            }
        }
        for (oid, piece) in pieces {
            let Some(tb) = tables.get_mut(&oid) else {
                continue;
            };
            match piece {
                Piece::PrimaryKey(pk) => tb.table.primary_key = Some(pk),
                Piece::Unique(u) => tb.table.uniques.push(u),
                Piece::ForeignKey(fk) => tb.table.foreign_keys.push(fk),
                Piece::Check(c) => tb.table.checks.push(c),
            }
        }
        if !validated_copies.is_empty() {
            let by_name: HashMap<(&str, &str), u32> = tables
                .iter()
                .map(|(oid, tb)| ((tb.table.schema.as_str(), tb.table.name.as_str()), *oid))
                .collect();
            let mut kept: Vec<(u32, String)> = Vec::new();
            for (oid, name) in validated_copies {
                // An ancestor whose own CHECK of that name is NOT VALID.
                let mut level = vec![oid];
                let mut found = false;
                for _ in 0..tables.len().min(64) {
                    let parents: Vec<u32> = level
                        .iter()
                        .filter_map(|o| tables.get(o))
                        .flat_map(|tb| {
                            tb.table
                                .partition_of
                                .iter()
                                .map(|p| &p.parent)
                                .chain(&tb.table.inherits)
                        })
                        .filter_map(|p| by_name.get(&(p.schema.as_str(), p.name.as_str())))
                        .copied()
                        .collect();
                    found = parents.iter().filter_map(|p| tables.get(p)).any(|tb| {
                        tb.table
                            .checks
                            .iter()
                            .any(|c| c.name == name && c.not_valid)
                    });
                    if found || parents.is_empty() {
                        break;
                    }
                    level = parents;
                }
                if found {
                    kept.push((oid, name));
                }
            }
            for (oid, name) in kept {
                if let Some(tb) = tables.get_mut(&oid) {
                    tb.table.validated_checks.push(name);
                }
            }
        }

        let [oid, name] = positions(&rows.opclasses, ["oid", "name"])?;
        let opclasses: HashMap<u32, String> = rows
            .opclasses
            .iter()
            .map(|r| Ok((r.try_get(oid)?, r.try_get(name)?)))
            .collect::<Result<_, tokio_postgres::Error>>()?;
        let ixs = IndexPositions::of(&rows.indexes)?;
        for r in &rows.indexes {
            let oid: u32 = r.try_get(ixs.table_oid)?;
            let index_oid: u32 = r.try_get(ixs.oid)?;
            let behind_constraint = constraint_indexes.get(&index_oid).copied();
            // An index of a partitioned table made `ON ONLY` it: the
            // partitions it misses (a key's index too).
            if let Some(missing) = r.try_get::<_, Option<Vec<u32>>>(ixs.unattached_in)? {
                let name: String = r.try_get(ixs.name)?;
                for part in missing {
                    if let Some(pt) = tables.get_mut(&part) {
                        pt.table.unattached_indexes.push(name.clone());
                    }
                }
            }
            let Some(tb) = tables.get_mut(&oid) else {
                continue;
            };
            let parent_index = r.try_get::<_, Option<String>>(ixs.parent_index)?;
            // The index of a constraint is the constraint's; but a
            // partition's own key whose index a parent's unique index
            // adopted is attached to it, which is recorded below.
            match behind_constraint {
                Some(true) if parent_index.is_some() => {}
                Some(_) => continue,
                None => {}
            }
            // A partition's index attached to its parent's: the parent's,
            // but for its name.
            if let Some(parent_index) = parent_index {
                if tb.table.partition_of.is_some() {
                    let name: String = r.try_get(ixs.name)?;
                    tb.table.attached_indexes.insert(parent_index, name);
                }
                continue;
            }
            let index = read_index(r, &ixs, tb, &opclasses)?;
            tb.table.indexes.push(index);
        }

        let objects = self.read_objects(&rows.objects)?;
        let tables = tables
            .into_values()
            .filter(|tb| !tb.excluded)
            .map(|mut tb| {
                if !tb.inherited.is_empty() {
                    let nums = std::mem::take(&mut tb.nums);
                    let columns = std::mem::take(&mut tb.table.columns);
                    tb.table.columns = nums
                        .into_iter()
                        .zip(columns)
                        .filter(|(n, _)| !tb.inherited.contains(n))
                        .map(|(_, c)| c)
                        .collect();
                }
                tb.table
            })
            .collect();
        Ok(Schema {
            definitions: Vec::new(),
            schemas,
            enums,
            tables,
            objects,
        }
        .canonical())
    }
}

impl Assembler<'_> {
    /// The definition objects, without those that hang on excluded tables;
    /// an object's dependency on itself (a view's rule on the view) is left
    /// out.
    fn read_objects(&self, rows: &[Row]) -> Result<Vec<DbObject>, Error> {
        let [kind, schema, name, table, args, definition, signature, comment, drop, deps, parts, position] =
            positions(
                rows,
                [
                    "kind",
                    "schema",
                    "name",
                    "tbl",
                    "args",
                    "definition",
                    "signature",
                    "comment",
                    "drop_sql",
                    "depends_on",
                    "parts",
                    "position",
                ],
            )?;
        let mut objects = Vec::with_capacity(rows.len());
        for r in rows {
            let kind_text: String = r.try_get(kind)?;
            let kind: ObjectKind = serde_json::from_value(serde_json::Value::String(
                kind_text.clone(),
            ))
            .map_err(|_| IntrospectError::Unreadable {
                table: String::new(),
                object: format!("object of kind `{kind_text}`"),
                what: "the kind is unknown".to_string(),
            })?;
            let schema: String = r.try_get(schema)?;
            let table: Option<String> = r.try_get(table)?;
            if let Some(t) = &table {
                if self.excluded(&schema, t) {
                    continue;
                }
            }
            let deps_text: String = r.try_get(deps)?;
            let object_name: String = r.try_get(name)?;
            let depends_on: Vec<Dependency> =
                serde_json::from_str(&deps_text).map_err(|e| IntrospectError::Unreadable {
                    table: table.clone().unwrap_or_default(),
                    object: format!("{} {object_name}", kind.as_str()),
                    what: format!("its dependencies do not read: {e}"),
                })?;
            let parts_text: Option<String> = r.try_get(parts)?;
            let parts: Option<ObjectParts> = match parts_text {
                None => None,
                Some(t) => {
                    Some(
                        serde_json::from_str(&t).map_err(|e| IntrospectError::Unreadable {
                            table: table.clone().unwrap_or_default(),
                            object: format!("{} {object_name}", kind.as_str()),
                            what: format!("its parts do not read: {e}"),
                        })?,
                    )
                }
            };
            let mut object = DbObject {
                kind,
                schema,
                name: object_name,
                table,
                arguments: r.try_get(args)?,
                definition: r.try_get(definition)?,
                signature: r.try_get(signature)?,
                comment: r.try_get(comment)?,
                drop: r.try_get(drop)?,
                depends_on,
                parts,
                position: Position(
                    r.try_get::<_, Option<i32>>(position)?
                        .and_then(|p| u32::try_from(p).ok()),
                ),
            };
            // Privileges on an excluded table, its owner, its extended
            // statistics and its ownership of sequences are excluded with it.
            if matches!(
                kind,
                ObjectKind::Grant
                    | ObjectKind::Owner
                    | ObjectKind::Statistics
                    | ObjectKind::SequenceOwnership
            ) && object
                .depends_on
                .iter()
                .any(|d| d.kind == "table" && self.excluded(&d.schema, &d.name))
            {
                continue;
            }
            let own = object.dependency_key();
            object
                .depends_on
                .retain(|d| d.object_key().as_ref() != Some(&own));
            objects.push(object);
        }
        Ok(objects)
    }
}

/// The positions of `names` among the result columns of a query (looked up
/// once per query rather than by name for every value).
fn positions<const N: usize>(rows: &[Row], names: [&str; N]) -> Result<[usize; N], Error> {
    let mut out = [0; N];
    let Some(first) = rows.first() else {
        return Ok(out);
    };
    for (slot, name) in out.iter_mut().zip(names) {
        *slot = first
            .columns()
            .iter()
            .position(|c| c.name() == name)
            .ok_or_else(|| {
                Error::from(IntrospectError::QueryColumn {
                    column: name.to_string(),
                })
            })?;
    }
    Ok(out)
}

/// Declares a struct of result-column positions with a constructor that looks
/// each field's name up in a query's rows.
macro_rules! result_columns {
    ($(#[$doc:meta])* $name:ident { $($field:ident),* $(,)? }) => {
        $(#[$doc])*
        struct $name {
            $($field: usize,)*
        }

        impl $name {
            fn of(rows: &[Row]) -> Result<Self, Error> {
                let [$($field),*] = positions(rows, [$(stringify!($field)),*])?;
                Ok($name { $($field),* })
            }
        }
    };
}

result_columns!(
    /// Result columns of `columns.sql`.
    ColumnPositions {
        table_oid, num, name, type_name, type_schema, is_array, typmod, not_null, identity,
        generated, is_local, collation_schema, collation_name, seq_start, seq_increment,
        seq_min, seq_max, seq_cache, seq_cycle, seq_name, storage, compression,
        statistics, options,
    }
);

result_columns!(
    /// Result columns of `constraints.sql`.
    ConstraintPositions {
        table_oid, name, kind, columns, index_oid, ref_oid, ref_schema, ref_table, ref_nums,
        ref_columns, on_update, on_delete, deferrable, deferred, match_type, nulls_not_distinct,
        comment, check_def, is_local, validated, no_inherit, include, key_with,
    }
);

result_columns!(
    /// Result columns of `indexes.sql`.
    IndexPositions {
        table_oid, oid, name, is_unique, method, key_count, keys, options, opclasses,
        expressions, predicate, nulls_not_distinct, storage, comment, parent_index,
        collation_schemas, collation_names, unattached_in,
    }
);

fn unsupported(table: &Table, column: &str, what: String) -> Error {
    IntrospectError::UnsupportedColumn {
        table: format!("{}.{}", table.schema, table.name),
        column: column.to_string(),
        what,
    }
    .into()
}

/// One column; `default` is its default expression and, for a column owning
/// a sequence, the `nextval()` call that makes it a serial.
fn read_column(
    r: &Row,
    p: &ColumnPositions,
    table: &Table,
    default: Option<(String, Option<String>)>,
) -> Result<Column, Error> {
    let name: String = r.try_get(p.name)?;
    let type_name: &str = r.try_get(p.type_name)?;
    let type_schema: &str = r.try_get(p.type_schema)?;
    let is_array: bool = r.try_get(p.is_array)?;
    let typmod: i32 = r.try_get(p.typmod)?;
    let base = if type_schema == "pg_catalog" {
        builtin_type(type_name, typmod).map_err(|why| unsupported(table, &name, why))?
    } else {
        SqlType::Named(TypeName {
            schema: type_schema.to_string(),
            name: type_name.to_string(),
        })
    };
    let ty = if is_array { base.array_of() } else { base };

    let generated_code: &str = r.try_get(p.generated)?;
    let (default, generated) = match (generated_code, default) {
        ("", d) => (d, None),
        // PostgreSQL keeps the generation expression where defaults live.
        (_, Some((expr, _))) => (None, Some(strip_outer_parens(&expr).to_string())),
        (_, None) => {
            return Err(unsupported(
                table,
                &name,
                "a generated column whose expression the catalog does not hold".into(),
            ))
        }
    };
    let identity_code: &str = r.try_get(p.identity)?;
    let (default, identity) = match (identity_code, default) {
        ("a", d) => (d.map(|d| d.0), Some(Identity::Always)),
        ("d", d) => (d.map(|d| d.0), Some(Identity::ByDefault)),
        // A serial: the default is the nextval() of a sequence the column owns.
        (_, Some((expr, Some(serial)))) if expr == serial => (None, Some(Identity::Serial)),
        (_, d) => (d.map(|d| d.0), None),
    };
    let not_null: bool = r.try_get(p.not_null)?;
    let collation_schema: Option<String> = r.try_get(p.collation_schema)?;
    let collation_name: Option<String> = r.try_get(p.collation_name)?;
    let collation = collation_schema
        .zip(collation_name)
        .map(|(schema, name)| TypeName { schema, name });
    let sequence = match r.try_get::<_, Option<i64>>(p.seq_increment)? {
        Some(increment) if identity.is_some() => Some(SequenceOptions {
            start: r.try_get(p.seq_start)?,
            increment: Some(increment),
            min: r.try_get(p.seq_min)?,
            max: r.try_get(p.seq_max)?,
            cache: r.try_get(p.seq_cache)?,
            cycle: r.try_get::<_, Option<bool>>(p.seq_cycle)?.unwrap_or(false),
            name: r.try_get(p.seq_name)?,
        })
        .and_then(|o| o.canonical(&ty)),
        _ => None,
    };
    Ok(Column {
        sequence,
        name,
        ty,
        nullable: !not_null,
        default,
        identity,
        generated,
        collation,
        storage: r
            .try_get::<_, Option<&str>>(p.storage)?
            .and_then(ColumnStorage::from_code),
        compression: r
            .try_get::<_, Option<&str>>(p.compression)?
            .and_then(Compression::from_code),
        statistics: r
            .try_get::<_, Option<i32>>(p.statistics)?
            .and_then(|n| u16::try_from(n).ok()),
        options: r.try_get(p.options)?,
        comment: None,
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
        // `(range << 16) | precision`; the full range and precision
        // 0x7fff / 0xffff.
        "interval" if typmod == -1 => Ok(SqlType::Interval),
        "interval" => {
            let range = ((typmod as u32) >> 16) & 0x7fff;
            let p = (typmod as u32) & 0xffff;
            let fields = match range {
                0x7fff => None,
                bits => Some(IntervalFields::from_range_bits(bits).ok_or_else(|| {
                    format!(
                        "type interval with modifier {typmod} is not supported by the schema model"
                    )
                })?),
            };
            let precision = match p {
                0xffff => None,
                p @ 0..=6 => Some(p as u8),
                p => {
                    return Err(format!(
                        "interval precision {p} is out of the supported range 0..=6"
                    ))
                }
            };
            Ok(if fields.is_none() && precision.is_none() {
                SqlType::Interval
            } else {
                SqlType::IntervalOf { fields, precision }
            })
        }
        "inet" => plain(SqlType::Inet),
        "cidr" => plain(SqlType::Cidr),
        "macaddr" => plain(SqlType::MacAddr),
        "money" => plain(SqlType::Money),
        "xml" => plain(SqlType::Xml),
        "tsvector" => plain(SqlType::TsVector),
        "oid" => plain(SqlType::Oid),
        "bit" => Ok(SqlType::Bit((typmod >= 0).then_some(typmod as u32))),
        "varbit" => Ok(SqlType::VarBit((typmod >= 0).then_some(typmod as u32))),
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

/// One constraint of table `tb`; `tables` resolves the column numbers of a
/// foreign key's referenced table. Exclusion constraints (kind `x`) are read
/// only for their index and give `None`.
fn read_constraint(
    r: &Row,
    p: &ConstraintPositions,
    tb: &TableBuild,
    tables: &HashMap<u32, TableBuild>,
) -> Result<Option<Piece>, Error> {
    let name: String = r.try_get(p.name)?;
    let kind: &str = r.try_get(p.kind)?;
    let keys: Option<Vec<i16>> = r.try_get(p.columns)?;
    let keys = keys.unwrap_or_default();
    let what = format!("constraint {name}");
    let comment: Option<String> = r.try_get(p.comment)?;
    let deferrable = match (
        r.try_get::<_, bool>(p.deferrable)?,
        r.try_get::<_, bool>(p.deferred)?,
    ) {
        (false, _) => Deferrable::NotDeferrable,
        (true, false) => Deferrable::InitiallyImmediate,
        (true, true) => Deferrable::InitiallyDeferred,
    };
    // A key's index's INCLUDE columns and storage parameters.
    let list = |i: usize| -> Result<Vec<String>, Error> {
        Ok(r.try_get::<_, Option<Vec<String>>>(i)?.unwrap_or_default())
    };
    Ok(Some(match kind {
        "p" => {
            let columns = tb.column_names(&keys, &what)?;
            Piece::PrimaryKey(PrimaryKey {
                name,
                columns,
                deferrable,
                comment,
                include: list(p.include)?,
                with: list(p.key_with)?,
            })
        }
        "u" => {
            let columns = tb.column_names(&keys, &what)?;
            Piece::Unique(Unique {
                name,
                columns,
                nulls_not_distinct: r.try_get(p.nulls_not_distinct)?,
                deferrable,
                comment,
                include: list(p.include)?,
                with: list(p.key_with)?,
            })
        }
        "f" => {
            let columns = tb.column_names(&keys, &what)?;
            let bad = |why: String| {
                Error::from(IntrospectError::Unreadable {
                    table: format!("{}.{}", tb.table.schema, tb.table.name),
                    object: format!("foreign key {name}"),
                    what: why,
                })
            };
            let on_delete = fk_action(r.try_get(p.on_delete)?).map_err(bad)?;
            let on_update = fk_action(r.try_get(p.on_update)?).map_err(bad)?;
            let match_full = r.try_get::<_, Option<String>>(p.match_type)?.as_deref() == Some("f");
            // Named by the server when the referenced table is not read;
            // otherwise from its columns.
            let ref_columns = match r.try_get::<_, Option<Vec<String>>>(p.ref_columns)? {
                Some(names) => names,
                None => {
                    let ref_oid: u32 = r.try_get(p.ref_oid)?;
                    let nums: Vec<i16> = r
                        .try_get::<_, Option<Vec<i16>>>(p.ref_nums)?
                        .unwrap_or_default();
                    let target = tables.get(&ref_oid).ok_or_else(|| {
                        bad(format!(
                            "the referenced table (oid {ref_oid}) is not in the catalog snapshot"
                        ))
                    })?;
                    target.column_names(&nums, &format!("referenced by foreign key {name}"))?
                }
            };
            Piece::ForeignKey(ForeignKey {
                not_valid: !r.try_get::<_, bool>(p.validated)?,
                match_full,
                comment,
                name,
                columns,
                ref_schema: r
                    .try_get::<_, Option<String>>(p.ref_schema)?
                    .unwrap_or_default(),
                ref_table: r
                    .try_get::<_, Option<String>>(p.ref_table)?
                    .unwrap_or_default(),
                ref_columns,
                on_delete,
                on_update,
                deferrable,
            })
        }
        "c" => {
            let def: Option<String> = r.try_get(p.check_def)?;
            let def = def.unwrap_or_default();
            let expression = check_expression(&def).ok_or_else(|| {
                Error::from(IntrospectError::Unreadable {
                    table: format!("{}.{}", tb.table.schema, tb.table.name),
                    object: format!("check {name}"),
                    what: format!("cannot read the definition {def:?}"),
                })
            })?;
            Piece::Check(Check {
                name,
                expression,
                comment,
                no_inherit: r.try_get(p.no_inherit)?,
                not_valid: !r.try_get::<_, bool>(p.validated)?,
            })
        }
        _ => return Ok(None),
    }))
}

fn read_index(
    r: &Row,
    p: &IndexPositions,
    tb: &TableBuild,
    opclasses: &HashMap<u32, String>,
) -> Result<Index, Error> {
    let name: String = r.try_get(p.name)?;
    let what = format!("index {name}");
    let method_name: &str = r.try_get(p.method)?;
    let method = IndexMethod::parse(method_name).ok_or_else(|| {
        Error::from(IntrospectError::UnsupportedIndex {
            table: format!("{}.{}", tb.table.schema, tb.table.name),
            index: name.clone(),
            what: format!("access method {method_name} is not supported by the schema model"),
        })
    })?;
    let key_count = usize::try_from(r.try_get::<_, i16>(p.key_count)?).unwrap_or(0);
    let keys: Vec<i16> = r.try_get(p.keys)?;
    let options: Vec<i16> = r.try_get(p.options)?;
    let classes: Vec<u32> = r.try_get(p.opclasses)?;
    let expressions: Option<Vec<Option<String>>> = r.try_get(p.expressions)?;
    let coll_schemas: Vec<Option<String>> = r
        .try_get::<_, Option<Vec<Option<String>>>>(p.collation_schemas)?
        .unwrap_or_default();
    let coll_names: Vec<Option<String>> = r
        .try_get::<_, Option<Vec<Option<String>>>>(p.collation_names)?
        .unwrap_or_default();
    let mut elements = Vec::with_capacity(key_count);
    for (k, &num) in keys.iter().take(key_count).enumerate() {
        let key = if num == 0 {
            let expr = expressions
                .as_ref()
                .and_then(|e| e.get(k).cloned().flatten())
                .ok_or_else(|| {
                    Error::from(IntrospectError::Unreadable {
                        table: format!("{}.{}", tb.table.schema, tb.table.name),
                        object: what.clone(),
                        what: format!("expression element {} has no definition", k + 1),
                    })
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
        let collation = match (coll_schemas.get(k), coll_names.get(k)) {
            (Some(Some(schema)), Some(Some(name))) => Some(TypeName {
                schema: schema.clone(),
                name: name.clone(),
            }),
            _ => None,
        };
        elements.push(IndexElement {
            collation,
            key,
            order,
            nulls,
            opclass,
        });
    }
    let include_nums: Vec<i16> = keys.iter().skip(key_count).copied().collect();
    let include = tb.column_names(&include_nums, &what)?;
    // In the order they were written (PostgreSQL keeps it); compared as
    // a set.
    let with: Vec<String> = r
        .try_get::<_, Option<Vec<String>>>(p.storage)?
        .unwrap_or_default();
    Ok(Index {
        nulls_not_distinct: r.try_get(p.nulls_not_distinct)?,
        with,
        comment: r.try_get(p.comment)?,
        name,
        unique: r.try_get(p.is_unique)?,
        method,
        elements,
        include,
        predicate: r.try_get(p.predicate)?,
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
        assert_eq!(t("bit", 8), "bit(8)");
        assert_eq!(t("varbit", 16), "bit varying(16)");
        assert_eq!(t("varbit", -1), "bit varying");
        assert!(t("interval", 3).starts_with("ERROR: type interval with modifier 3"));
        assert_eq!(t("interval", (0x7fff << 16) | 3), "interval(3)");
        assert_eq!(
            t("interval", ((8 | 1024 | 2048 | 4096) << 16) | 2),
            "interval day to second(2)"
        );
        assert_eq!(t("interval", (4 << 16) | 0xffff), "interval year");
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

#[cfg(test)]
mod version_tests {
    use super::*;

    /// Before PostgreSQL 15 no query names `indnullsnotdistinct`; from 15
    /// on both read it (the markers replaced must be in the queries).
    #[test]
    fn nulls_not_distinct_is_read_only_where_the_server_has_it() {
        for (sql, marker) in [
            (INDEXES_SQL, NULLS_NOT_DISTINCT_COLUMNS[0]),
            (CONSTRAINTS_SQL, NULLS_NOT_DISTINCT_COLUMNS[1]),
        ] {
            assert!(sql.contains(marker), "{marker}");
            assert!(for_version(sql, 150_000).contains("indnullsnotdistinct"));
            assert!(!for_version(sql, 140_011).contains("indnullsnotdistinct"));
        }
    }

    /// Before PostgreSQL 14 the objects query calls no
    /// `pg_get_statisticsobjdef_expressions`.
    #[test]
    fn statistics_expressions_are_read_only_where_the_server_prints_them() {
        assert!(OBJECTS_SQL.contains(STATISTICS_EXPRESSIONS));
        // Every marker of the serial sequence's name is written out, with
        // the query's own names.
        for (raw, query) in [
            (COLUMNS_SQL, COLUMNS_QUERY.as_str()),
            (DEFAULTS_SQL, DEFAULTS_QUERY.as_str()),
            (OBJECTS_SQL, OBJECTS_QUERY.as_str()),
        ] {
            assert!(raw.contains(SERIAL_SEQUENCE_NAMED));
            assert!(!query.contains(SERIAL_SEQUENCE_NAMED));
            assert!(!query.contains("$seq") && !query.contains("$attnum"));
            assert!(query.contains("'^[1-9][0-9]*$'"));
        }
        assert!(objects_for_version(140_000).contains("statisticsobjdef_expressions"));
        assert!(!objects_for_version(130_015).contains("statisticsobjdef_expressions"));
        // Publications' schemas, column lists and row filters: 15 on.
        for name in ["pg_publication_namespace", "pr.prattrs", "pr.prqual"] {
            assert!(objects_for_version(150_000).contains(name));
            assert!(!objects_for_version(140_010).contains(name), "{name}");
        }
    }
}
