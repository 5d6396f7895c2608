//! The one schema model: [`Schema`], [`Table`], [`Column`], [`SqlType`],
//! [`PrimaryKey`], [`Unique`], [`Index`], [`ForeignKey`], [`Check`],
//! [`EnumType`].
//!
//! Everything in strata produces or consumes these types: `#[derive(Table)]`
//! (through `strata::Registry`), the catalog reader of
//! `schema-diff`, the JSON files, the diff. The model is pure data: no I/O, no
//! async, `Eq`, and a deterministic order once [`Schema::canonicalize`] has run
//! (every producer runs it). Expressions (defaults, CHECKs, index predicates and
//! expression elements) are kept as SQL text; `schema-diff` makes them
//! comparable by letting PostgreSQL print them.
//!
//! Invariants: every producer (the derive, the registry, introspection,
//! [`Schema::from_json`]) calls [`Schema::canonicalize`], so equal schemas
//! are `==`; [`SqlType`]'s `Display` is canonical and parses back to the same
//! value.
//!
//! Start reading at [`Schema`].
//!
//! # The JSON format
//!
//! [`Schema::to_json`] writes, and [`Schema::from_json`] reads, this format
//! (the `models` command of `schema-diff` prints it, `schema-diff diff`
//! accepts a `.json` file in it). Unknown keys are errors, with line and
//! column; optional keys are omitted when they hold their default (`unique`
//! false, `method` `btree`, `order` `asc`, `on_delete`/`on_update`
//! `no_action`, `deferrable` `not_deferrable`, empty lists, no comment).
//!
//! ```
//! # use strata_model::schema::{FkAction, Schema};
//! let schema = Schema::from_json(r#"{
//!   "schemas": ["public"],
//!   "enums": [{"schema": "public", "name": "mood", "labels": ["sad", "ok"]}],
//!   "tables": [{
//!     "schema": "public", "name": "t",
//!     "columns": [{"name": "id", "type": "bigint", "nullable": false, "identity": "always"},
//!                 {"name": "a", "type": "integer", "nullable": true, "default": "0"},
//!                 {"name": "b", "type": "text[]", "nullable": true},
//!                 {"name": "c", "type": "text", "nullable": true, "storage": "main", "compression": "lz4"},
//!                 {"name": "d", "type": "public.mood", "nullable": true},
//!                 {"name": "x", "type": "bigint", "nullable": true}],
//!     "primary_key": {"name": "t_pkey", "columns": ["id"]},
//!     "uniques": [{"name": "t_a_key", "columns": ["a"]}],
//!     "indexes": [{"name": "t_b_idx", "unique": false, "method": "gin",
//!                  "elements": [{"column": "b"}]},
//!                 {"name": "t_c_idx", "elements": [{"expression": "lower(c)", "order": "desc", "nulls": "last"}],
//!                  "include": ["d"], "predicate": "d IS NOT NULL"}],
//!     "foreign_keys": [{"name": "t_x_fkey", "columns": ["x"], "ref_schema": "public", "ref_table": "u",
//!                       "ref_columns": ["id"], "on_delete": "cascade", "on_update": "no_action",
//!                       "deferrable": "initially_deferred"}],
//!     "checks": [{"name": "t_a_check", "expression": "a > 0"}],
//!     "comment": "...",
//!     "renamed_from": "old_t"
//!   }]
//! }"#)?;
//! assert_eq!(schema.tables[0].foreign_keys[0].on_delete, FkAction::Cascade);
//! assert_eq!(Schema::from_json(&schema.to_json())?, schema);
//! # Ok::<(), strata_model::schema::SchemaJsonError>(())
//! ```
//!
//! Types are written in their canonical spelling (`integer`, `character
//! varying(32)`, `numeric(12,2)`, `timestamp with time zone`, `text[]`,
//! `public.mood`); any spelling PostgreSQL accepts is read (`int4`,
//! `varchar(32)`, `timestamptz`). Identity is `always`, `by_default` or
//! `serial`; index methods `btree`, `hash`, `gin`, `gist`, `brin`, `spgist`;
//! an index element is `{"column": ...}` or `{"expression": ...}` with
//! optional `order` (`asc`/`desc`), `nulls` (`first`/`last`), `opclass` and
//! `collation` (`{"schema", "name"}`);
//! referential actions `no_action`, `restrict`, `cascade`, `set_null`,
//! `set_default`; deferrability `not_deferrable`, `initially_immediate`,
//! `initially_deferred` (on foreign keys, unique constraints and primary
//! keys). A unique constraint or unique index may have
//! `"nulls_not_distinct": true`, a foreign key `"match_full": true`, an
//! index storage parameters `"with": ["fillfactor=70"]` (a primary key or
//! unique constraint too, for its index, with `"include": ["col"]`), and every
//! constraint and index a `comment`. An identity or serial column may have
//! `"sequence": {"start": 100, "increment": 5, "min": 1, "max": 1000,
//! "cache": 20, "cycle": true}` (each key optional: only what differs from
//! the defaults), and an identity `"name": "order_numbers"`, its `SEQUENCE
//! NAME` when it is not the one PostgreSQL gives it. Enum types and columns may carry a `comment`, and
//! columns a `renamed_from` hint, like tables. A column may have
//! `generated` (the expression of `GENERATED ALWAYS AS (...) STORED`) and
//! `collation` (`{"schema": "pg_catalog", "name": "C"}`), `storage`
//! (`plain`, `external`, `extended`, `main`: only when not its type's),
//! `compression` (`pglz`, `lz4`) and `statistics` (the target of `SET
//! STATISTICS`, when one is set) and `options` (`["n_distinct=10"]`, as
//! PostgreSQL prints them); a table
//! `partition_by` (`"RANGE (at)"`), `partition_of` (`{"parent": {"schema":
//! ..., "name": ...}, "bound": "FOR VALUES ..."}`), `local_not_null` (a
//! partition's columns that are NOT NULL where the parent's are not, a
//! list of names) and `inherits` (a list of
//! `{"schema", "name"}`), `unlogged` (true for `CREATE UNLOGGED TABLE`),
//! `of_type` (a typed table's composite type, `{"schema", "name"}`),
//! `with` (storage parameters, `["fillfactor=70"]`) and `replica_identity`
//! (`"full"`, `"nothing"` or `{"index": "name"}`). A check may have
//! `"no_inherit": true`, a check or foreign key `"not_valid": true`.
//! `objects` lists definition objects ([`DbObject`]:
//! `kind`, `schema`, `name`, optional `table` and `arguments`, the
//! `definition` SQL, optional `signature`, `comment`, `drop`,
//! `depends_on` and `parts`, the pieces a domain, composite type or
//! extension is altered by in place), in the form the server prints them;
//! `definitions` lists SQL in any form PostgreSQL accepts ([`Definition`]:
//! `name`, `sql`), which normalization runs and reads back as objects. An
//! `owner` object (`arguments`: the target, `TABLE app.t`; `definition`:
//! `ALTER TABLE app.t OWNER TO r;`; a `{"kind": "role", "schema": "",
//! "name": "r"}` dependency) states an owner; where none is stated the
//! owner is not managed.

mod definition;
mod naming;
mod object;
mod options;
mod sql_type;

pub use definition::Definition;
pub use naming::{
    default_check_name, default_fk_name, default_index_name, default_pkey_name,
    default_unique_name, make_object_name, truncate_identifier,
};
pub use object::{
    DbObject, Dependency, ObjectKey, ObjectKind, ObjectPart, ObjectParts, PartRename, Position,
    DROP_SUBSCRIPTIONS_SQL,
};
pub use options::{Deferrable, FkAction, IndexMethod, StorageValue, STORAGE_BOOLEANS};
pub use sql_type::{
    parse_column_type, Identity, IntervalFields, SqlType, TypeName, TypeParseError,
};

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A whole database schema: namespaces, enum types and tables.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schema {
    /// The namespaces this schema manages (`public` included when used),
    /// sorted.
    #[serde(default)]
    pub schemas: Vec<String>,
    /// PostgreSQL enum types, sorted by (schema, name).
    #[serde(default)]
    pub enums: Vec<EnumType>,
    /// Tables, sorted by (schema, name).
    #[serde(default)]
    pub tables: Vec<Table>,
    /// Definition objects (views, functions, triggers, policies, ...),
    /// sorted by key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objects: Vec<DbObject>,
    /// SQL the models declare for objects (views, functions, triggers,
    /// ...), in the order given: turned into `objects` by normalization,
    /// so a normalized schema has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub definitions: Vec<Definition>,
}

/// A PostgreSQL enum type with its labels in their sort order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnumType {
    /// The schema the type lives in.
    pub schema: String,
    /// The type's name.
    pub name: String,
    /// The labels, in the order PostgreSQL sorts them.
    pub labels: Vec<String>,
    /// `COMMENT ON TYPE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// A table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// The schema the table lives in.
    pub schema: String,
    /// The table's name.
    pub name: String,
    /// Columns in their physical order.
    pub columns: Vec<Column>,
    /// The primary key, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_key: Option<PrimaryKey>,
    /// Unique constraints (not unique indexes), sorted by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uniques: Vec<Unique>,
    /// Indexes that do not back a constraint, sorted by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indexes: Vec<Index>,
    /// Foreign keys, sorted by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub foreign_keys: Vec<ForeignKey>,
    /// CHECK constraints, sorted by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
    /// A partitioned table's key, as `pg_get_partkeydef` prints it
    /// (`RANGE (created_at)`, `LIST (region)`, `HASH (id)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition_by: Option<String>,
    /// A partition: its parent and bound. A partition's columns,
    /// and the keys, constraints and indexes it gets from its parent, are
    /// the parent's; only what it has of its own is listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition_of: Option<PartitionOf>,
    /// A partition's columns that are `NOT NULL` in the partition while
    /// nullable in its parent (`ALTER TABLE partition ALTER COLUMN ... SET
    /// NOT NULL`, `PARTITION OF parent (b NOT NULL)`), sorted. A
    /// partition's columns are its parent's and not listed; NOT NULL in the
    /// parent is NOT NULL in every partition, so only this difference is a
    /// partition's own. Empty for other tables.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_not_null: Vec<String>,
    /// A partition's or child's own default on a column it gets from its
    /// parent, where it is not the parent's (`ALTER TABLE ONLY child ALTER
    /// COLUMN ... SET DEFAULT`): column -> its default (`null`: none,
    /// where the parent has one). Empty for other tables.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub local_defaults: BTreeMap<String, Option<String>>,
    /// A partition's indexes attached to its parent's indexes (created by
    /// `CREATE INDEX` on the parent, adopted, or `ALTER INDEX ... ATTACH
    /// PARTITION`) whose names are not the one PostgreSQL chooses itself
    /// (`<partition>_<columns>_idx`): the parent's index name -> this
    /// partition's index name. An attached index is its parent's in every
    /// other respect; one not listed has whatever name PostgreSQL gives
    /// it, and the differ leaves it alone.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attached_indexes: BTreeMap<String, String>,
    /// A partition's parent's indexes (those behind its keys included)
    /// that no index of this partition is attached to, sorted: what an
    /// index made `ON ONLY` the parent (`CREATE INDEX ... ON ONLY`, `ALTER
    /// TABLE ONLY ... ADD PRIMARY KEY`) leaves until `ALTER INDEX ...
    /// ATTACH PARTITION`; the parent's index is not valid while any is
    /// left. Empty for other tables, and for a partition with every index.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unattached_indexes: Vec<String>,
    /// A partition's or child's copies of an ancestor's `NOT VALID` CHECKs
    /// that are validated in this table (`ALTER TABLE child VALIDATE
    /// CONSTRAINT`), sorted. Empty for other tables, and where every copy
    /// is as its parent's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub validated_checks: Vec<String>,
    /// `INHERITS (...)`: the parents, in order. Inherited columns and
    /// constraints are the parents'; only local ones are listed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inherits: Vec<TableRef>,
    /// `CREATE UNLOGGED TABLE`: not written to the WAL (emptied after a
    /// crash, not replicated).
    #[serde(default, skip_serializing_if = "is_false")]
    pub unlogged: bool,
    /// `OF type` (a typed table): the composite type whose attributes are
    /// its columns (`ALTER TABLE ... OF` / `NOT OF`; the columns are still
    /// listed in `columns`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of_type: Option<TableRef>,
    /// Storage parameters, `WITH (...)`, as PostgreSQL prints them
    /// (`fillfactor=70`, `autovacuum_enabled=false`), in PostgreSQL's
    /// order (the diff compares them as a set).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<String>,
    /// `REPLICA IDENTITY` when it is not the default (the primary key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replica_identity: Option<ReplicaIdentity>,
    /// `ALTER TABLE ... CLUSTER ON`: the index (of the table's indexes or
    /// keys) that `CLUSTER` without an index name uses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_on: Option<String>,
    /// `COMMENT ON TABLE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// A hint for the diff: the name this table had before (same schema).
    /// Never read from a database.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
}

/// A table's `REPLICA IDENTITY` other than the default: what logical
/// replication writes of an updated or deleted row's old version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplicaIdentity {
    /// `FULL`: every column.
    Full,
    /// `NOTHING`.
    Nothing,
    /// `USING INDEX name`: the columns of that unique index of the table.
    Index(String),
}

/// A table named by schema and name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableRef {
    /// The schema.
    pub schema: String,
    /// The name.
    pub name: String,
}

/// What makes a table a partition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartitionOf {
    /// The partitioned table.
    pub parent: TableRef,
    /// The bound as `pg_get_expr(relpartbound)` prints it (`FOR VALUES
    /// FROM ('2024-01-01') TO ('2025-01-01')`, `DEFAULT`).
    pub bound: String,
}

/// A column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// The column's name.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub ty: SqlType,
    /// False for `NOT NULL`.
    pub nullable: bool,
    /// The default expression, as SQL text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// Identity or serial.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    /// The options of the identity's or serial's sequence that differ from
    /// the defaults (`None`: all defaults).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence: Option<SequenceOptions>,
    /// `GENERATED ALWAYS AS (expression) STORED`: the expression, as SQL
    /// text (a generated column has no default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<String>,
    /// `COLLATE`: a collation other than the type's default
    /// (`{"schema": "pg_catalog", "name": "C"}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collation: Option<TypeName>,
    /// `ALTER COLUMN ... SET STORAGE`: a storage other than the type's
    /// default (`main`, `external`, ...). Not declared by the derive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage: Option<ColumnStorage>,
    /// `COMPRESSION`: the compression method set on the column (`None`:
    /// the server's `default_toast_compression`). Not declared by the
    /// derive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compression: Option<Compression>,
    /// `ALTER COLUMN ... SET STATISTICS`: the column's statistics target
    /// when one is set (`None`: the server's `default_statistics_target`).
    /// Not declared by the derive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statistics: Option<u16>,
    /// `ALTER COLUMN ... SET (n_distinct = ...)`: the column's options as
    /// PostgreSQL prints them (`n_distinct=10`), compared as a set. Not
    /// declared by the derive.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// `COMMENT ON COLUMN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// A hint for the diff: the name this column had before. Never read from
    /// a database.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
}

/// How a column's values are stored (`attstorage`): inline or out of
/// line (TOAST), compressed or not. Only variable-length types can have
/// another storage than `plain`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnStorage {
    /// `PLAIN`: inline, uncompressed.
    Plain,
    /// `EXTERNAL`: out of line, uncompressed.
    External,
    /// `EXTENDED`: compressed, then out of line (most variable-length
    /// types' default).
    Extended,
    /// `MAIN`: compressed, out of line only as a last resort (`numeric`'s
    /// default).
    Main,
}

impl ColumnStorage {
    /// The keyword of `SET STORAGE`.
    pub fn as_sql(self) -> &'static str {
        match self {
            ColumnStorage::Plain => "PLAIN",
            ColumnStorage::External => "EXTERNAL",
            ColumnStorage::Extended => "EXTENDED",
            ColumnStorage::Main => "MAIN",
        }
    }

    /// From `pg_attribute.attstorage` (`p`, `e`, `x`, `m`).
    pub fn from_code(code: &str) -> Option<ColumnStorage> {
        Some(match code {
            "p" => ColumnStorage::Plain,
            "e" => ColumnStorage::External,
            "x" => ColumnStorage::Extended,
            "m" => ColumnStorage::Main,
            _ => return None,
        })
    }
}

/// A column's compression method (`attcompression`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compression {
    /// `pglz`.
    Pglz,
    /// `lz4` (a server built with lz4).
    Lz4,
}

impl Compression {
    /// The method's name in SQL (`COMPRESSION lz4`).
    pub fn as_sql(self) -> &'static str {
        match self {
            Compression::Pglz => "pglz",
            Compression::Lz4 => "lz4",
        }
    }

    /// From `pg_attribute.attcompression` (`p`, `l`; empty: none set).
    pub fn from_code(code: &str) -> Option<Compression> {
        match code {
            "p" => Some(Compression::Pglz),
            "l" => Some(Compression::Lz4),
            _ => None,
        }
    }
}

/// The options of an identity's or serial's sequence; `None` is the
/// default (canonical form: defaults are `None`, see
/// [`SequenceOptions::canonical`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SequenceOptions {
    /// `START WITH` (default: the minimum ascending, the maximum
    /// descending).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<i64>,
    /// `INCREMENT BY` (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub increment: Option<i64>,
    /// `MINVALUE` (default 1 ascending, the type's minimum descending).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// `MAXVALUE` (default the type's maximum ascending, -1 descending).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// `CACHE` (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache: Option<i64>,
    /// `CYCLE`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub cycle: bool,
    /// An identity's `SEQUENCE NAME` when it is not the name PostgreSQL
    /// gives it (`<table>_<column>_seq`, cut to fit as for a serial). The
    /// sequence is always in the table's schema (PostgreSQL moves it with
    /// the table and refuses to move it alone). A serial's sequence of
    /// another name is a sequence of its own. Not declared by the derive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl SequenceOptions {
    /// The options with every value that is the default for a sequence of
    /// type `ty` left out; `None` when nothing is left.
    pub fn canonical(&self, ty: &SqlType) -> Option<SequenceOptions> {
        let (type_min, type_max) = match ty {
            SqlType::SmallInt => (i64::from(i16::MIN), i64::from(i16::MAX)),
            SqlType::Integer => (i64::from(i32::MIN), i64::from(i32::MAX)),
            _ => (i64::MIN, i64::MAX),
        };
        let increment = self.increment.unwrap_or(1);
        let ascending = increment > 0;
        let (dmin, dmax) = if ascending {
            (1, type_max)
        } else {
            (type_min, -1)
        };
        let min = self.min.unwrap_or(dmin);
        let max = self.max.unwrap_or(dmax);
        let dstart = if ascending { min } else { max };
        let out = SequenceOptions {
            start: self.start.filter(|s| *s != dstart),
            increment: Some(increment).filter(|i| *i != 1),
            min: Some(min).filter(|m| *m != dmin),
            max: Some(max).filter(|m| *m != dmax),
            cache: self.cache.filter(|c| *c != 1),
            cycle: self.cycle,
            name: self.name.clone(),
        };
        (out != SequenceOptions::default()).then_some(out)
    }

    /// The options as `ALTER SEQUENCE` clauses, every one spelled out (the
    /// defaults as `NO MINVALUE`, ...), so the statement sets the whole
    /// state: `AS` is not included.
    pub fn alter_clauses(options: Option<&SequenceOptions>) -> String {
        let d = SequenceOptions::default();
        let o = options.unwrap_or(&d);
        let mut out = format!("INCREMENT BY {}", o.increment.unwrap_or(1));
        match o.min {
            Some(m) => out.push_str(&format!(" MINVALUE {m}")),
            None => out.push_str(" NO MINVALUE"),
        }
        match o.max {
            Some(m) => out.push_str(&format!(" MAXVALUE {m}")),
            None => out.push_str(" NO MAXVALUE"),
        }
        match o.start {
            Some(s) => out.push_str(&format!(" START WITH {s}")),
            None if o.increment.unwrap_or(1) > 0 => {
                out.push_str(&format!(" START WITH {}", o.min.unwrap_or(1)));
            }
            None => out.push_str(&format!(" START WITH {}", o.max.unwrap_or(-1))),
        }
        out.push_str(&format!(" CACHE {}", o.cache.unwrap_or(1)));
        out.push_str(if o.cycle { " CYCLE" } else { " NO CYCLE" });
        out
    }

    /// The options as `CREATE`-time identity options (`START WITH 10
    /// INCREMENT BY 5`), only those set.
    pub fn create_clauses(&self) -> String {
        let mut parts = Vec::new();
        if let Some(n) = &self.name {
            // Unqualified: PostgreSQL creates it in the table's schema.
            parts.push(format!("SEQUENCE NAME {}", crate::ident::Ident(n)));
        }
        if let Some(v) = self.start {
            parts.push(format!("START WITH {v}"));
        }
        if let Some(v) = self.increment {
            parts.push(format!("INCREMENT BY {v}"));
        }
        if let Some(v) = self.min {
            parts.push(format!("MINVALUE {v}"));
        }
        if let Some(v) = self.max {
            parts.push(format!("MAXVALUE {v}"));
        }
        if let Some(v) = self.cache {
            parts.push(format!("CACHE {v}"));
        }
        if self.cycle {
            parts.push("CYCLE".to_string());
        }
        parts.join(" ")
    }
}

/// A primary key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrimaryKey {
    /// The constraint's name (PostgreSQL's default: `<table>_pkey`).
    pub name: String,
    /// Its columns, in key order.
    pub columns: Vec<String>,
    /// `INCLUDE (...)`: columns its index carries besides the key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    /// Its index's storage parameters, `WITH (...)`, as PostgreSQL prints
    /// them (`fillfactor=70`); compared as a set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<String>,
    /// `DEFERRABLE ...`.
    #[serde(default, skip_serializing_if = "is_not_deferrable")]
    pub deferrable: Deferrable,
    /// `COMMENT ON CONSTRAINT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// A unique constraint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unique {
    /// The constraint's name (PostgreSQL's default: `<table>_<columns>_key`).
    pub name: String,
    /// Its columns.
    pub columns: Vec<String>,
    /// `INCLUDE (...)`: columns its index carries besides the key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    /// Its index's storage parameters, `WITH (...)`, as PostgreSQL prints
    /// them (`fillfactor=70`); compared as a set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<String>,
    /// `NULLS NOT DISTINCT`: rows whose columns are NULL conflict too.
    #[serde(default, skip_serializing_if = "is_false")]
    pub nulls_not_distinct: bool,
    /// `DEFERRABLE ...`.
    #[serde(default, skip_serializing_if = "is_not_deferrable")]
    pub deferrable: Deferrable,
    /// `COMMENT ON CONSTRAINT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// An index (one that does not back a primary key or unique constraint).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Index {
    /// The index's name.
    pub name: String,
    /// `CREATE UNIQUE INDEX`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub unique: bool,
    /// The access method.
    #[serde(default, skip_serializing_if = "is_default_method")]
    pub method: IndexMethod,
    /// The key elements, in order.
    pub elements: Vec<IndexElement>,
    /// `INCLUDE (...)` columns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    /// The `WHERE` predicate of a partial index, as SQL text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicate: Option<String>,
    /// `NULLS NOT DISTINCT` (a unique index).
    #[serde(default, skip_serializing_if = "is_false")]
    pub nulls_not_distinct: bool,
    /// Storage parameters, `WITH (...)`, as PostgreSQL prints them
    /// (`fillfactor=70`), sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<String>,
    /// `COMMENT ON INDEX`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// What an index element indexes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IndexKey {
    /// A column, by name.
    Column(String),
    /// An expression, as SQL text (without the surrounding parentheses).
    Expression(String),
}

/// Sort direction of an index element.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// `ASC` (the default).
    #[default]
    Asc,
    /// `DESC`.
    Desc,
}

/// Where NULLs sort in an index element.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NullsOrder {
    /// `NULLS FIRST` (the default for DESC).
    First,
    /// `NULLS LAST` (the default for ASC).
    Last,
}

/// One key element of an index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexElement {
    /// The column or expression.
    #[serde(flatten)]
    pub key: IndexKey,
    /// ASC or DESC.
    #[serde(default, skip_serializing_if = "is_asc")]
    pub order: SortOrder,
    /// NULLS FIRST / LAST when it differs from the direction's default
    /// (canonical form: `None` for the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nulls: Option<NullsOrder>,
    /// An operator class other than the type's default (e.g. `jsonb_path_ops`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opclass: Option<String>,
    /// `COLLATE` other than the column's (an expression's: its type's),
    /// `{"schema": "pg_catalog", "name": "C"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collation: Option<TypeName>,
}

impl IndexElement {
    /// An ascending element on a column.
    pub fn column(name: impl Into<String>) -> IndexElement {
        IndexElement {
            collation: None,
            key: IndexKey::Column(name.into()),
            order: SortOrder::Asc,
            nulls: None,
            opclass: None,
        }
    }
}

/// A foreign key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForeignKey {
    /// The constraint's name (PostgreSQL's default: `<table>_<columns>_fkey`).
    pub name: String,
    /// The referencing columns.
    pub columns: Vec<String>,
    /// The referenced table's schema.
    pub ref_schema: String,
    /// The referenced table.
    pub ref_table: String,
    /// The referenced columns, one per referencing column.
    pub ref_columns: Vec<String>,
    /// `ON DELETE`.
    #[serde(default, skip_serializing_if = "is_no_action")]
    pub on_delete: FkAction,
    /// `ON UPDATE`.
    #[serde(default, skip_serializing_if = "is_no_action")]
    pub on_update: FkAction,
    /// `DEFERRABLE ...`.
    #[serde(default, skip_serializing_if = "is_not_deferrable")]
    pub deferrable: Deferrable,
    /// `MATCH FULL` (default `MATCH SIMPLE`: a row with some NULL
    /// referencing columns is not checked).
    #[serde(default, skip_serializing_if = "is_false")]
    pub match_full: bool,
    /// `NOT VALID`: added without checking the rows it had then (not yet
    /// validated).
    #[serde(default, skip_serializing_if = "is_false")]
    pub not_valid: bool,
    /// `COMMENT ON CONSTRAINT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// A CHECK constraint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// The constraint's name.
    pub name: String,
    /// The boolean expression, as SQL text (without `CHECK (...)`).
    pub expression: String,
    /// `NO INHERIT`: not inherited by child tables.
    #[serde(default, skip_serializing_if = "is_false")]
    pub no_inherit: bool,
    /// `NOT VALID`: added without checking the rows it had then (not yet
    /// validated).
    #[serde(default, skip_serializing_if = "is_false")]
    pub not_valid: bool,
    /// `COMMENT ON CONSTRAINT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}
fn is_default_method(m: &IndexMethod) -> bool {
    *m == IndexMethod::Btree
}
fn is_asc(o: &SortOrder) -> bool {
    *o == SortOrder::Asc
}
fn is_no_action(a: &FkAction) -> bool {
    *a == FkAction::NoAction
}
fn is_not_deferrable(d: &Deferrable) -> bool {
    *d == Deferrable::NotDeferrable
}

// serde for the types of `sql_type.rs` and `options.rs`, written by hand:
// each is written as its canonical text (`SqlType`'s `Display`, the options'
// names) and read back through the same parsers the macro uses.

impl Serialize for SqlType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SqlType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        SqlType::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// The serde form of [`TypeName`] (a struct with `schema` and `name`).
#[derive(Serialize, Deserialize)]
#[serde(rename = "TypeName")]
struct TypeNameRepr {
    schema: String,
    name: String,
}

impl Serialize for TypeName {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        TypeNameRepr {
            schema: self.schema.clone(),
            name: self.name.clone(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for TypeName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = TypeNameRepr::deserialize(d)?;
        Ok(TypeName {
            schema: r.schema,
            name: r.name,
        })
    }
}

/// serde as a unit-variant name, exactly as `#[derive]` with `rename_all`
/// writes and accepts it: `$name` is a `const fn(self) -> &'static str`, the
/// inverse is a search of `$t::ALL`.
macro_rules! serde_by_name {
    ($($t:ident => $name:ident),* $(,)?) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.$name())
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                const NAMES: [&str; $t::ALL.len()] = {
                    let mut names = [""; $t::ALL.len()];
                    let mut i = 0;
                    while i < names.len() {
                        names[i] = $t::ALL[i].$name();
                        i += 1;
                    }
                    names
                };
                let s = String::deserialize(d)?;
                $t::ALL
                    .into_iter()
                    .find(|v| v.$name() == s)
                    .ok_or_else(|| serde::de::Error::unknown_variant(&s, &NAMES))
            }
        }
    )*};
}

serde_by_name! {
    Identity => as_str,
    IndexMethod => as_str,
    FkAction => name,
    Deferrable => name,
}

/// An error reading a schema from JSON.
#[derive(Debug, thiserror::Error)]
#[error("invalid schema JSON at line {line}, column {column}: {message}")]
pub struct SchemaJsonError {
    /// 1-based line of the error.
    pub line: usize,
    /// 1-based column of the error.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl Schema {
    /// A schema with nothing in it: the starting point of a fresh install.
    pub fn empty() -> Schema {
        Schema::default()
    }

    /// Puts everything in the canonical order and form: namespaces, enums and
    /// tables sorted; constraints and indexes sorted by name; NULLS orders that
    /// equal their direction's default dropped; empty user-type schemas
    /// resolved (to the schema of an enum of that name, else `public`); every
    /// namespace used by a table or enum listed in `schemas`.
    pub fn canonicalize(&mut self) {
        for e in &self.enums {
            push_unique(&mut self.schemas, &e.schema);
        }
        for t in &self.tables {
            push_unique(&mut self.schemas, &t.schema);
        }
        for o in &mut self.objects {
            // Global default privileges belong to no schema.
            if !o.schema.is_empty() {
                push_unique(&mut self.schemas, &o.schema);
            }
            o.depends_on.sort();
            o.depends_on.dedup();
        }
        self.objects.sort_by_key(DbObject::key);
        self.schemas.sort();
        self.schemas.dedup();
        self.enums
            .sort_by(|a, b| (&a.schema, &a.name).cmp(&(&b.schema, &b.name)));
        self.tables
            .sort_by(|a, b| (&a.schema, &a.name).cmp(&(&b.schema, &b.name)));
        let enums: Vec<(String, String)> = self
            .enums
            .iter()
            .map(|e| (e.schema.clone(), e.name.clone()))
            .collect();
        let resolve = |name: &str| -> String {
            let mut found = enums.iter().filter(|(_, n)| n == name);
            match (found.next(), found.next()) {
                (Some((s, _)), None) => s.clone(),
                _ => "public".to_string(),
            }
        };
        for t in &mut self.tables {
            for c in &mut t.columns {
                c.ty.resolve_schema(&resolve);
            }
            t.canonicalize();
        }
    }

    /// Returns the schema in canonical form (see [`Schema::canonicalize`]).
    pub fn canonical(mut self) -> Schema {
        self.canonicalize();
        self
    }

    /// The table `schema.name`.
    ///
    /// A binary search on a canonical schema (tables sorted by schema and
    /// name); a linear scan only when that misses, so a schema built by hand
    /// and not yet canonicalized still answers correctly.
    pub fn table(&self, schema: &str, name: &str) -> Option<&Table> {
        match self
            .tables
            .binary_search_by(|t| (t.schema.as_str(), t.name.as_str()).cmp(&(schema, name)))
        {
            Ok(i) => Some(&self.tables[i]),
            Err(_) => self
                .tables
                .iter()
                .find(|t| t.schema == schema && t.name == name),
        }
    }

    /// The enum type `schema.name`.
    pub fn enum_type(&self, schema: &str, name: &str) -> Option<&EnumType> {
        self.enums
            .iter()
            .find(|e| e.schema == schema && e.name == name)
    }

    /// The schema as pretty-printed JSON (the documented, stable format).
    pub fn to_json(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a schema from JSON and puts it in canonical form.
    pub fn from_json(text: &str) -> Result<Schema, SchemaJsonError> {
        let schema: Schema = serde_json::from_str(text).map_err(|e| SchemaJsonError {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        Ok(schema.canonical())
    }
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|s| s == item) {
        list.push(item.to_string());
    }
}

impl Table {
    /// Whether `name` is the name of the table's primary key or of one of
    /// its unique constraints (whose index has the same name).
    pub fn has_key(&self, name: &str) -> bool {
        self.primary_key.as_ref().is_some_and(|k| k.name == name)
            || self.uniques.iter().any(|u| u.name == name)
    }

    /// A table with no columns or constraints yet.
    pub fn new(schema: impl Into<String>, name: impl Into<String>) -> Table {
        Table {
            schema: schema.into(),
            name: name.into(),
            columns: Vec::new(),
            primary_key: None,
            uniques: Vec::new(),
            indexes: Vec::new(),
            foreign_keys: Vec::new(),
            checks: Vec::new(),
            partition_by: None,
            partition_of: None,
            local_not_null: Vec::new(),
            local_defaults: BTreeMap::new(),
            attached_indexes: BTreeMap::new(),
            unattached_indexes: Vec::new(),
            validated_checks: Vec::new(),
            inherits: Vec::new(),
            unlogged: false,
            of_type: None,
            with: Vec::new(),
            replica_identity: None,
            cluster_on: None,
            comment: None,
            renamed_from: None,
        }
    }

    /// The column called `name`.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// Sorts constraints and indexes by name and drops default NULLS orders.
    pub fn canonicalize(&mut self) {
        for c in &mut self.columns {
            c.sequence = match (&c.identity, &c.sequence) {
                // A serial's sequence has the name it is given.
                (Some(Identity::Serial), Some(o)) => SequenceOptions {
                    name: None,
                    ..o.clone()
                }
                .canonical(&c.ty),
                // The name PostgreSQL gives it is no name of its own.
                (Some(_), Some(o)) => SequenceOptions {
                    name: o
                        .name
                        .clone()
                        .filter(|n| *n != make_object_name(&self.name, Some(&c.name), Some("seq"))),
                    ..o.clone()
                }
                .canonical(&c.ty),
                _ => None,
            };
            // The type's own storage is no storage of the column's (known
            // for the built-in types only).
            if !matches!(c.ty, SqlType::Named(_)) && c.storage == Some(c.ty.default_storage()) {
                c.storage = None;
            }
        }
        self.uniques.sort_by(|a, b| a.name.cmp(&b.name));
        // A key's storage parameters compare as a set: sorted, as read.
        for u in &mut self.uniques {
            u.with.sort();
        }
        if let Some(pk) = &mut self.primary_key {
            pk.with.sort();
        }
        self.indexes.sort_by(|a, b| a.name.cmp(&b.name));
        self.foreign_keys.sort_by(|a, b| a.name.cmp(&b.name));
        self.checks.sort_by(|a, b| a.name.cmp(&b.name));
        self.local_not_null.sort();
        self.local_not_null.dedup();
        self.unattached_indexes.sort();
        self.unattached_indexes.dedup();
        self.validated_checks.sort();
        self.validated_checks.dedup();
        for ix in &mut self.indexes {
            for el in &mut ix.elements {
                let default_nulls = match el.order {
                    SortOrder::Asc => NullsOrder::Last,
                    SortOrder::Desc => NullsOrder::First,
                };
                if el.nulls == Some(default_nulls) {
                    el.nulls = None;
                }
            }
        }
    }
}

impl Column {
    /// A column of type `ty`.
    pub fn new(name: impl Into<String>, ty: SqlType, nullable: bool) -> Column {
        Column {
            sequence: Default::default(),
            name: name.into(),
            ty,
            nullable,
            default: None,
            identity: None,
            generated: None,
            collation: None,
            storage: None,
            compression: None,
            statistics: None,
            options: Vec::new(),
            comment: None,
            renamed_from: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trip_and_format() {
        let mut t = Table::new("public", "dgs_lessons");
        let mut tags = Column::new("tags", SqlType::Text.array_of(), false);
        tags.default = Some("'{}'::text[]".into());
        t.columns
            .push(Column::new("lesson_id", SqlType::Text, false));
        t.columns.push(tags);
        t.primary_key = Some(PrimaryKey {
            comment: Default::default(),
            deferrable: Default::default(),
            name: "dgs_lessons_pkey".into(),
            columns: vec!["lesson_id".into()],
            include: Vec::new(),
            with: Vec::new(),
        });
        t.indexes.push(Index {
            comment: Default::default(),
            nulls_not_distinct: Default::default(),
            with: Default::default(),
            name: "dgs_lessons_tags_idx".into(),
            unique: false,
            method: IndexMethod::Gin,
            elements: vec![IndexElement::column("tags")],
            include: vec![],
            predicate: None,
        });
        let s = Schema {
            definitions: Vec::new(),
            schemas: vec![],
            enums: vec![],
            tables: vec![t],
            objects: vec![],
        }
        .canonical();
        let json = s.to_json();
        expect_test::expect![[r#"
            {
              "schemas": [
                "public"
              ],
              "enums": [],
              "tables": [
                {
                  "schema": "public",
                  "name": "dgs_lessons",
                  "columns": [
                    {
                      "name": "lesson_id",
                      "type": "text",
                      "nullable": false
                    },
                    {
                      "name": "tags",
                      "type": "text[]",
                      "nullable": false,
                      "default": "'{}'::text[]"
                    }
                  ],
                  "primary_key": {
                    "name": "dgs_lessons_pkey",
                    "columns": [
                      "lesson_id"
                    ]
                  },
                  "indexes": [
                    {
                      "name": "dgs_lessons_tags_idx",
                      "method": "gin",
                      "elements": [
                        {
                          "column": "tags"
                        }
                      ]
                    }
                  ]
                }
              ]
            }"#]]
        .assert_eq(&json);
        assert_eq!(Schema::from_json(&json).unwrap(), s);
    }

    #[test]
    fn option_enums_keep_their_json_names() {
        let fk = ForeignKey {
            not_valid: false,
            comment: Default::default(),
            match_full: Default::default(),
            name: "t_a_fkey".into(),
            columns: vec!["a".into()],
            ref_schema: "public".into(),
            ref_table: "u".into(),
            ref_columns: vec!["id".into()],
            on_delete: FkAction::SetNull,
            on_update: FkAction::Cascade,
            deferrable: Deferrable::InitiallyDeferred,
        };
        let json = serde_json::to_string(&fk).unwrap();
        assert_eq!(
            json,
            r#"{"name":"t_a_fkey","columns":["a"],"ref_schema":"public","ref_table":"u","ref_columns":["id"],"on_delete":"set_null","on_update":"cascade","deferrable":"initially_deferred"}"#
        );
        assert_eq!(serde_json::from_str::<ForeignKey>(&json).unwrap(), fk);
        let names = [
            (
                serde_json::to_string(&IndexMethod::Spgist).unwrap(),
                "\"spgist\"",
            ),
            (
                serde_json::to_string(&Identity::ByDefault).unwrap(),
                "\"by_default\"",
            ),
            (
                serde_json::to_string(&TypeName {
                    schema: "s".into(),
                    name: "n".into(),
                })
                .unwrap(),
                r#"{"schema":"s","name":"n"}"#,
            ),
        ];
        for (got, want) in names {
            assert_eq!(got, want);
        }
        let err = serde_json::from_str::<FkAction>("\"set null\"").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown variant `set null`, expected one of `no_action`, `restrict`, `cascade`, `set_null`, `set_default`"
        );
        assert!(serde_json::from_str::<IndexMethod>("\"GIN\"").is_err());
    }

    #[test]
    fn json_errors_name_the_line() {
        let err = Schema::from_json("{\n \"tables\": [ {\"schema\": 1} ]\n}").unwrap_err();
        assert_eq!(err.line, 2, "{err}");
        let err = Schema::from_json("{\"tables\": [], \"bogus\": 1}").unwrap_err();
        assert!(err.message.contains("bogus"), "{err}");
    }

    #[test]
    fn canonical_nulls_and_enum_resolution() {
        let mut t = Table::new("app", "t");
        t.columns
            .push(Column::new("m", SqlType::parse("mood[]").unwrap(), true));
        t.indexes.push(Index {
            comment: Default::default(),
            nulls_not_distinct: Default::default(),
            with: Default::default(),
            name: "i".into(),
            unique: false,
            method: IndexMethod::Btree,
            elements: vec![IndexElement {
                collation: None,
                key: IndexKey::Column("m".into()),
                order: SortOrder::Desc,
                nulls: Some(NullsOrder::First),
                opclass: None,
            }],
            include: vec![],
            predicate: None,
        });
        let s = Schema {
            definitions: Vec::new(),
            schemas: vec![],
            enums: vec![EnumType {
                schema: "app".into(),
                name: "mood".into(),
                labels: vec!["sad".into(), "happy".into()],
                comment: None,
            }],
            tables: vec![t],
            objects: vec![],
        }
        .canonical();
        assert_eq!(s.schemas, vec!["app".to_string()]);
        assert_eq!(s.tables[0].columns[0].ty.to_string(), "app.mood[]");
        assert_eq!(s.tables[0].indexes[0].elements[0].nulls, None);
    }
}
