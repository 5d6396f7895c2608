//! The attribute keywords, as constants (serde_derive's `symbol.rs`), and the
//! lists of keys each attribute accepts (for "expected one of" messages).

use std::fmt;

use proc_macro2::Ident;

#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Symbol(pub &'static str);

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl PartialEq<Symbol> for Ident {
    fn eq(&self, word: &Symbol) -> bool {
        self == word.0
    }
}

impl PartialEq<Symbol> for &Ident {
    fn eq(&self, word: &Symbol) -> bool {
        *self == word.0
    }
}

// Attribute names.
pub const TABLE: Symbol = Symbol("table");
pub const COLUMN: Symbol = Symbol("column");
pub const PG_ENUM: Symbol = Symbol("pg_enum");
pub const ROW: Symbol = Symbol("row");
pub const VIEW: Symbol = Symbol("view");

// Shared keys.
pub const NAME: Symbol = Symbol("name");
pub const SCHEMA: Symbol = Symbol("schema");
pub const COMMENT: Symbol = Symbol("comment");
pub const RENAMED_FROM: Symbol = Symbol("renamed_from");
pub const PRIMARY_KEY: Symbol = Symbol("primary_key");
pub const UNIQUE: Symbol = Symbol("unique");
pub const INDEX: Symbol = Symbol("index");
pub const CHECK: Symbol = Symbol("check");
pub const ON_DELETE: Symbol = Symbol("on_delete");
pub const ON_UPDATE: Symbol = Symbol("on_update");
pub const REFERENCES: Symbol = Symbol("references");

// `#[table(...)]` only.
pub const FOREIGN_KEY: Symbol = Symbol("foreign_key");
pub const COLUMNS: Symbol = Symbol("columns");
pub const METHOD: Symbol = Symbol("method");
pub const WHERE: Symbol = Symbol("where");
pub const INCLUDE: Symbol = Symbol("include");
pub const EXPR: Symbol = Symbol("expr");
pub const DEFERRABLE: Symbol = Symbol("deferrable");
pub const NULLS: Symbol = Symbol("nulls");
pub const WITH: Symbol = Symbol("with");
pub const MATCH: Symbol = Symbol("match");
pub const PARTITION_BY: Symbol = Symbol("partition_by");
pub const PARTITION: Symbol = Symbol("partition");
pub const VALUES: Symbol = Symbol("values");
pub const EXCLUDE: Symbol = Symbol("exclude");
pub const ELEMENTS: Symbol = Symbol("elements");
pub const ROW_LEVEL_SECURITY: Symbol = Symbol("row_level_security");
pub const FORCE: Symbol = Symbol("force");
pub const POLICY: Symbol = Symbol("policy");
pub const FOR: Symbol = Symbol("for");
pub const TO: Symbol = Symbol("to");
pub const USING: Symbol = Symbol("using");
pub const WITH_CHECK: Symbol = Symbol("with_check");
pub const PERMISSIVE: Symbol = Symbol("permissive");
pub const RESTRICTIVE: Symbol = Symbol("restrictive");
pub const GRANT: Symbol = Symbol("grant");
pub const PRIVILEGES: Symbol = Symbol("privileges");
pub const WITH_GRANT_OPTION: Symbol = Symbol("with_grant_option");

// Index element options.
pub const ASC: Symbol = Symbol("asc");
pub const DESC: Symbol = Symbol("desc");
pub const NULLS_FIRST: Symbol = Symbol("nulls_first");
pub const NULLS_LAST: Symbol = Symbol("nulls_last");
pub const OPCLASS: Symbol = Symbol("opclass");

// `#[column(...)]` only.
pub const SQL_TYPE: Symbol = Symbol("sql_type");
pub const DEFAULT: Symbol = Symbol("default");
pub const IDENTITY: Symbol = Symbol("identity");
pub const NOT_NULL: Symbol = Symbol("not_null");
pub const SEQUENCE: Symbol = Symbol("sequence");
pub const GENERATED: Symbol = Symbol("generated");
pub const COLLATION: Symbol = Symbol("collation");

// `sequence(...)` of an identity or serial column.
pub const START: Symbol = Symbol("start");
pub const INCREMENT: Symbol = Symbol("increment");
pub const MIN: Symbol = Symbol("min");
pub const MAX: Symbol = Symbol("max");
pub const CACHE: Symbol = Symbol("cache");
pub const CYCLE: Symbol = Symbol("cycle");

// `#[pg_enum(...)]` (and `#[row(...)]`: `rename`) only.
pub const RENAME_ALL: Symbol = Symbol("rename_all");
pub const RENAME: Symbol = Symbol("rename");

// `#[view(...)]` only.
pub const SQL: Symbol = Symbol("sql");

pub const TABLE_KEYS: &[Symbol] = &[
    NAME,
    SCHEMA,
    COMMENT,
    RENAMED_FROM,
    PRIMARY_KEY,
    UNIQUE,
    INDEX,
    CHECK,
    FOREIGN_KEY,
    PARTITION_BY,
    PARTITION,
    EXCLUDE,
    ROW_LEVEL_SECURITY,
    POLICY,
    GRANT,
];
pub const COLUMN_KEYS: &[Symbol] = &[
    NAME,
    PRIMARY_KEY,
    SQL_TYPE,
    DEFAULT,
    UNIQUE,
    INDEX,
    REFERENCES,
    ON_DELETE,
    ON_UPDATE,
    IDENTITY,
    SEQUENCE,
    GENERATED,
    COLLATION,
    CHECK,
    COMMENT,
    RENAMED_FROM,
    NOT_NULL,
];
pub const INDEX_KEYS: &[Symbol] = &[
    COLUMNS, NAME, UNIQUE, METHOD, WHERE, INCLUDE, NULLS, WITH, COMMENT,
];
pub const INDEX_ELEMENT_KEYS: &[Symbol] = &[ASC, DESC, NULLS_FIRST, NULLS_LAST, OPCLASS];
pub const CHECK_KEYS: &[Symbol] = &[NAME, EXPR, COMMENT];
pub const FOREIGN_KEY_KEYS: &[Symbol] = &[
    COLUMNS, REFERENCES, ON_DELETE, ON_UPDATE, DEFERRABLE, MATCH, NAME, COMMENT,
];
/// The options of `unique(...)` and `primary_key(...)` besides field names.
pub const UNIQUE_KEYS: &[Symbol] = &[NAME, NULLS, DEFERRABLE, COMMENT];
pub const PRIMARY_KEY_KEYS: &[Symbol] = &[NAME, DEFERRABLE, COMMENT];
pub const SEQUENCE_KEYS: &[Symbol] = &[START, INCREMENT, MIN, MAX, CACHE, CYCLE];
pub const ENUM_KEYS: &[Symbol] = &[NAME, SCHEMA, RENAME_ALL, COMMENT];
pub const VARIANT_KEYS: &[Symbol] = &[RENAME];
pub const ROW_FIELD_KEYS: &[Symbol] = &[RENAME];
pub const PARTITION_KEYS: &[Symbol] = &[NAME, SCHEMA, VALUES, DEFAULT];
pub const EXCLUDE_KEYS: &[Symbol] = &[NAME, METHOD, ELEMENTS, WHERE, DEFERRABLE];
pub const ROW_LEVEL_SECURITY_KEYS: &[Symbol] = &[FORCE];
pub const POLICY_KEYS: &[Symbol] = &[NAME, FOR, TO, USING, WITH_CHECK, PERMISSIVE, RESTRICTIVE];
pub const GRANT_KEYS: &[Symbol] = &[PRIVILEGES, TO, COLUMNS, WITH_GRANT_OPTION];
pub const VIEW_KEYS: &[Symbol] = &[NAME, SCHEMA, SQL];
pub const VIEW_FIELD_KEYS: &[Symbol] = &[RENAME];
