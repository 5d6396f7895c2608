//! Definition objects: the schema objects that are SQL by nature (views,
//! materialized views, functions, procedures, aggregates, triggers,
//! policies, row-level security switches, extensions, collations, domains,
//! composite types, range types, operators, casts, text search templates,
//! parsers, dictionaries and configurations, foreign data wrappers, servers,
//! user mappings and foreign tables, publications, rules, event triggers,
//! standalone sequences (and the columns owning them), extended statistics,
//! grants, owners, default privileges, comments on schemas and view
//! columns). Each is kept as the statement that creates it, as the server
//! prints it, plus what it depends on; two objects with the same
//! [`ObjectKey`] are the same object, and they differ when their
//! definitions (or comments) differ.

use serde::{Deserialize, Serialize};

/// What kind of object a [`DbObject`] is. The order of the variants is the
/// order in which kinds are created when nothing else decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectKind {
    /// `CREATE EXTENSION`.
    Extension,
    /// `CREATE COLLATION` (in a schema the application owns).
    Collation,
    /// A sequence that is no column's identity or serial sequence (a
    /// column may own it: [`ObjectKind::SequenceOwnership`]).
    Sequence,
    /// `CREATE DOMAIN`.
    Domain,
    /// `CREATE TYPE ... AS (...)`.
    CompositeType,
    /// `CREATE TYPE ... AS RANGE (...)`, with the multirange type
    /// PostgreSQL creates with it.
    RangeType,
    /// `CREATE FUNCTION`.
    Function,
    /// `CREATE PROCEDURE`.
    Procedure,
    /// `CREATE AGGREGATE` (its arguments `*` when it takes none).
    Aggregate,
    /// `CREATE OPERATOR`, keyed by its schema, name and operand types
    /// (`integer, integer`; `NONE, integer` for a prefix operator). A shell
    /// (an operator only named as another's commutator or negator) is no
    /// object.
    Operator,
    /// `CREATE TEXT SEARCH TEMPLATE` (its init and lexize functions).
    TextSearchTemplate,
    /// `CREATE TEXT SEARCH PARSER` (its start, gettoken, end, lextypes and
    /// headline functions).
    TextSearchParser,
    /// `CREATE TEXT SEARCH DICTIONARY` (its template and options).
    TextSearchDictionary,
    /// `CREATE TEXT SEARCH CONFIGURATION` (its parser) with its mappings,
    /// one part per token type (`ALTER ... ADD/ALTER/DROP MAPPING`).
    TextSearchConfiguration,
    /// `CREATE FOREIGN DATA WRAPPER` (handler, validator, options). It
    /// belongs to the database: its schema is `''`.
    ForeignDataWrapper,
    /// `CREATE SERVER` (type, version, wrapper, options); schema `''`.
    ForeignServer,
    /// `CREATE USER MAPPING FOR role SERVER s`: keyed by the role (`PUBLIC`)
    /// with the server as its arguments; schema `''`. Options named like a
    /// password are never read nor written.
    UserMapping,
    /// `CREATE CAST (source AS target)`, keyed by `source AS target` as the
    /// server prints the types, in the schema of the first of the source
    /// type, the target type and the function that is in a schema read.
    Cast,
    /// `CREATE FOREIGN TABLE` (columns, CHECK constraints, parents,
    /// server, options; a partition as `PARTITION OF parent FOR VALUES
    /// ...`). Holds no rows here: a change drops and creates it.
    ForeignTable,
    /// `CREATE VIEW`.
    View,
    /// `CREATE PUBLICATION` (its tables with column lists and row filters,
    /// its schemas, `publish`, `publish_via_partition_root`). It belongs to
    /// the database: its schema is `''`. A change drops and creates it.
    Publication,
    /// `CREATE MATERIALIZED VIEW`, with its indexes.
    MaterializedView,
    /// `CREATE [CONSTRAINT] TRIGGER`.
    Trigger,
    /// `CREATE RULE` on a table or view (not a view's own `_RETURN`).
    Rule,
    /// `ALTER TABLE ... ENABLE/FORCE ROW LEVEL SECURITY`.
    RowSecurity,
    /// `CREATE POLICY`.
    Policy,
    /// An exclusion constraint (`EXCLUDE USING gist (...)`).
    Exclusion,
    /// `CREATE STATISTICS` (extended statistics on a table's columns or
    /// expressions), with its `SET STATISTICS` target.
    Statistics,
    /// `ALTER SEQUENCE ... OWNED BY table.column`: the column that owns a
    /// [`ObjectKind::Sequence`] (one it owns without taking its default
    /// from it; a serial's sequence is part of its column). Keyed by the
    /// sequence; dropped (`OWNED BY NONE`) before the tables change, so a
    /// dropped table or column does not take a kept sequence with it.
    SequenceOwnership,
    /// `GRANT ... ON ... TO role`: the privileges one role holds on one
    /// object (or column), each with or without grant option; each
    /// privilege is a part ([`DbObject::parts`]), granted, revoked or given
    /// or stripped of its grant option on its own.
    Grant,
    /// `ALTER ... OWNER TO role`: who owns a table, view, sequence, routine,
    /// type or schema, when it is not the role that read the catalog (what
    /// that role owns is what it would own by creating it). Compared only
    /// when the desired schema states it (unmanaged when absent).
    Owner,
    /// `ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] GRANT ...`: the
    /// privileges one grantee receives on the objects a role creates later
    /// (`pg_default_acl`).
    DefaultPrivilege,
    /// `COMMENT ON` what is no object of its own here: a schema, a column
    /// of a view, materialized view or composite type.
    Comment,
    /// `CREATE EVENT TRIGGER`, in the schema of the function it runs (an
    /// event trigger belongs to the database). Created after everything
    /// else, so it does not fire on the migration that creates it.
    EventTrigger,
    /// `CREATE SUBSCRIPTION` (created with `connect = false`: no slot is
    /// made on the publisher and no table synced; `ENABLE` when the
    /// subscription is enabled). It belongs to the database: its schema is
    /// `''`. Its publications, options and state change in place; its
    /// connection string (read without a password) belongs to the
    /// environment and is not compared; a drop leaves the publisher's slot
    /// (`slot_name = NONE` first). Read only by roles that may read
    /// connection strings (superusers).
    Subscription,
}

/// Drops the subscriptions of the database it runs in without touching
/// their publishers (disabled, `slot_name = NONE`, dropped): a database
/// with a subscription cannot be dropped, even `WITH (FORCE)`. For
/// throwaway databases.
pub const DROP_SUBSCRIPTIONS_SQL: &str = "DO $strata$ DECLARE s text; BEGIN \
    FOR s IN SELECT subname FROM pg_catalog.pg_subscription WHERE subdbid = \
    (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database()) LOOP \
    EXECUTE pg_catalog.format('ALTER SUBSCRIPTION %I DISABLE', s); \
    EXECUTE pg_catalog.format('ALTER SUBSCRIPTION %I SET (slot_name = NONE)', s); \
    EXECUTE pg_catalog.format('DROP SUBSCRIPTION %I', s); END LOOP; END $strata$";

impl ObjectKind {
    /// The kind as people and SQL name it (`materialized view`).
    pub fn as_str(self) -> &'static str {
        match self {
            ObjectKind::Extension => "extension",
            ObjectKind::Collation => "collation",
            ObjectKind::Sequence => "sequence",
            ObjectKind::Domain => "domain",
            ObjectKind::CompositeType => "type",
            ObjectKind::RangeType => "range type",
            ObjectKind::Function => "function",
            ObjectKind::Procedure => "procedure",
            ObjectKind::Aggregate => "aggregate",
            ObjectKind::Operator => "operator",
            ObjectKind::Cast => "cast",
            ObjectKind::ForeignDataWrapper => "foreign data wrapper",
            ObjectKind::ForeignServer => "server",
            ObjectKind::UserMapping => "user mapping",
            ObjectKind::ForeignTable => "foreign table",
            ObjectKind::TextSearchTemplate => "text search template",
            ObjectKind::TextSearchParser => "text search parser",
            ObjectKind::TextSearchDictionary => "text search dictionary",
            ObjectKind::TextSearchConfiguration => "text search configuration",
            ObjectKind::View => "view",
            ObjectKind::Publication => "publication",
            ObjectKind::MaterializedView => "materialized view",
            ObjectKind::Trigger => "trigger",
            ObjectKind::Rule => "rule",
            ObjectKind::EventTrigger => "event trigger",
            ObjectKind::Subscription => "subscription",
            ObjectKind::RowSecurity => "row level security",
            ObjectKind::Policy => "policy",
            ObjectKind::Exclusion => "exclusion constraint",
            ObjectKind::Statistics => "statistics",
            ObjectKind::SequenceOwnership => "sequence ownership",
            ObjectKind::Grant => "grant",
            ObjectKind::Owner => "owner",
            ObjectKind::DefaultPrivilege => "default privileges",
            ObjectKind::Comment => "comment",
        }
    }

    /// Objects that hang on tables and other objects (views, triggers,
    /// policies, row-level security, extended statistics, grants, owners,
    /// default privileges, comments): dropped before tables change and
    /// created after. The others (extensions, collations, sequences, types,
    /// routines, aggregates) are created before tables and dropped after
    /// them.
    pub fn is_dependent(self) -> bool {
        matches!(
            self,
            ObjectKind::View
                | ObjectKind::ForeignTable
                | ObjectKind::Publication
                | ObjectKind::MaterializedView
                | ObjectKind::Trigger
                | ObjectKind::Rule
                | ObjectKind::EventTrigger
                | ObjectKind::Subscription
                | ObjectKind::RowSecurity
                | ObjectKind::Policy
                | ObjectKind::Exclusion
                | ObjectKind::Statistics
                | ObjectKind::SequenceOwnership
                | ObjectKind::Grant
                | ObjectKind::Owner
                | ObjectKind::DefaultPrivilege
                | ObjectKind::Comment
        )
    }
}

/// What identifies an object: its kind, schema and name, the table it
/// hangs on (triggers, policies, row-level security) and, for routines, the
/// identity arguments (`integer, text`), since overloads share a name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectKey {
    /// The kind.
    pub kind: ObjectKind,
    /// The schema (of the table, for objects that hang on one).
    pub schema: String,
    /// The object's name (the table's, for row-level security).
    pub name: String,
    /// The table a trigger, policy or row-level security belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// A routine's identity arguments as `pg_get_function_identity_arguments`
    /// prints them (`*` for an aggregate that takes none, as `DROP
    /// AGGREGATE` spells it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arguments: Option<String>,
}

/// Something a [`DbObject`] depends on: a table (or one of its columns) or
/// another object. Enum types are named as `enum`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dependency {
    /// `table`, `enum`, or an [`ObjectKind`] in its JSON spelling.
    pub kind: String,
    /// The schema.
    pub schema: String,
    /// The name.
    pub name: String,
    /// A routine's identity arguments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arguments: Option<String>,
    /// The column, when the dependency is on one column of a table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
}

impl Dependency {
    /// The object this dependency names, when it is a definition object.
    pub fn object_key(&self) -> Option<ObjectKey> {
        let kind: ObjectKind =
            serde_json::from_value(serde_json::Value::String(self.kind.clone())).ok()?;
        Some(ObjectKey {
            kind,
            schema: self.schema.clone(),
            name: self.name.clone(),
            table: None,
            arguments: self.arguments.clone(),
        })
    }
}

/// A definition object. See the module documentation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DbObject {
    /// The kind.
    pub kind: ObjectKind,
    /// The schema (of the table, for objects that hang on one).
    pub schema: String,
    /// The object's name (the table's, for row-level security).
    pub name: String,
    /// The table a trigger, policy or row-level security belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// A routine's identity arguments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arguments: Option<String>,
    /// The SQL that creates it: one or more statements, each ending in `;`.
    pub definition: String,
    /// For routines: the arguments with names and defaults and the result,
    /// which `CREATE OR REPLACE` cannot change; the object is dropped and
    /// created again when this differs. For a view: its output columns,
    /// one a line (name, type, collation when not the type's), which
    /// `CREATE OR REPLACE VIEW` must keep (it may append more). For an
    /// [`ObjectKind::Extension`]: the versions (quoted) `ALTER EXTENSION
    /// ... UPDATE` reaches from the installed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// `COMMENT ON ...`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The SQL that removes it, when its key does not say (a grant's
    /// `REVOKE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drop: Option<String>,
    /// The tables, columns and objects it depends on, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<Dependency>,
    /// For objects altered in place part by part (a domain's default, NOT
    /// NULL and constraints; a composite type's attributes): what cannot
    /// change in place and the parts. `None`: the object is replaced or
    /// dropped and created again as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parts: Option<ObjectParts>,
    /// Where it stands among the objects of its kind on the same target:
    /// a grant's entry in the ACL. New ones are created in that order; it
    /// is never compared ([`Position`]).
    #[serde(default, skip_serializing_if = "Position::is_unset")]
    pub position: Position,
}

/// An ordering hint ([`DbObject::position`]) that takes no part in
/// comparisons: two objects that differ only in it are equal, since the
/// order of a catalog list (an ACL's entries) is not what a schema states.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Position(pub Option<u32>);

impl Position {
    /// No position was read.
    pub fn is_unset(&self) -> bool {
        self.0.is_none()
    }
}

impl PartialEq for Position {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Position {}

/// An object as parts that are added, dropped, changed and renamed one by
/// one with `ALTER` (see [`DbObject::parts`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectParts {
    /// What cannot change in place (a domain's base type and collation):
    /// when it differs, the object is dropped and created again.
    pub fixed: String,
    /// The parts, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ObjectPart>,
}

/// One part of an [`ObjectParts`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectPart {
    /// What identifies it within its object (`default`, `not null`,
    /// `constraint positive`, `attribute amount`).
    pub key: String,
    /// The statement that adds it.
    pub add: String,
    /// The statement that removes it.
    pub drop: String,
    /// The statement that turns another version of the same key into this
    /// one (`SET DEFAULT`, `ALTER ATTRIBUTE ... TYPE`); without it the old
    /// version is dropped and this one added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
    /// For a part that can be renamed (a domain constraint): its definition
    /// without the name, and the statement that renames `{from}` (the old
    /// name, quoted) to this one: two parts with the same body and
    /// different keys are one part renamed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rename: Option<PartRename>,
}

/// How a part is renamed (see [`ObjectPart::rename`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartRename {
    /// The definition without the name.
    pub body: String,
    /// The rename statement up to the old name: `ALTER DOMAIN d RENAME
    /// CONSTRAINT`; the old name (quoted), `TO` and the new name follow.
    pub prefix: String,
    /// The part's own name, quoted.
    pub name: String,
}

impl DbObject {
    /// What identifies it.
    pub fn key(&self) -> ObjectKey {
        ObjectKey {
            kind: self.kind,
            schema: self.schema.clone(),
            name: self.name.clone(),
            table: self.table.clone(),
            arguments: self.arguments.clone(),
        }
    }

    /// For an extension: whether `ALTER EXTENSION ... UPDATE` reaches the
    /// version of `to` from this one (its [`DbObject::signature`] lists the
    /// versions it reaches; its `version` part names its own).
    pub fn extension_update_reaches(&self, to: &DbObject) -> bool {
        let version = |o: &DbObject| -> Option<String> {
            let part = o
                .parts
                .as_ref()?
                .items
                .iter()
                .find(|p| p.key == "version")?;
            Some(
                part.change
                    .as_deref()?
                    .rsplit(" UPDATE TO ")
                    .next()?
                    .to_string(),
            )
        };
        match (version(to), &self.signature) {
            (Some(v), Some(reached)) => reached.split(", ").any(|t| t == v),
            _ => false,
        }
    }

    /// For an owner: whether what it owns is in `schema`.
    pub fn owned_target_in(&self, schema: &super::Schema) -> bool {
        let Some(d) = self.depends_on.iter().find(|d| d.kind != "role") else {
            // A schema's owner names nothing else.
            return schema.schemas.contains(&self.name);
        };
        match d.kind.as_str() {
            "table" => schema
                .tables
                .iter()
                .any(|t| t.schema == d.schema && t.name == d.name),
            "enum" => schema
                .enums
                .iter()
                .any(|e| e.schema == d.schema && e.name == d.name),
            _ => d
                .object_key()
                .is_some_and(|k| schema.objects.iter().any(|x| x.dependency_key() == k)),
        }
    }

    /// For an owner: the same target owned by `CURRENT_USER`, whoever runs
    /// the migration (what a catalog read lists no owner for is owned by
    /// the role that read it).
    pub fn owned_by_current_user(&self) -> DbObject {
        DbObject {
            definition: format!(
                "ALTER {} OWNER TO CURRENT_USER;",
                self.arguments.as_deref().unwrap_or_default()
            ),
            depends_on: self
                .depends_on
                .iter()
                .filter(|d| d.kind != "role")
                .cloned()
                .collect(),
            ..self.clone()
        }
    }

    /// A routine (or aggregate) that uses a table, view or materialized
    /// view (its row type in the signature, or a `BEGIN ATOMIC` body), or a
    /// domain or composite type over such a row type (`CREATE DOMAIN d AS
    /// t`): created after tables and views, dropped before them, like a
    /// dependent object.
    pub fn follows_relations(&self) -> bool {
        matches!(
            self.kind,
            ObjectKind::Function
                | ObjectKind::Procedure
                | ObjectKind::Aggregate
                | ObjectKind::Domain
                | ObjectKind::CompositeType
        ) && self
            .depends_on
            .iter()
            .any(|d| matches!(d.kind.as_str(), "table" | "view" | "materialized_view"))
    }

    /// A function or procedure that uses a domain, composite or range
    /// type (in its signature or body): PostgreSQL refuses to drop the type
    /// while it exists, so it is dropped before such a type is re-created
    /// and created again after, as with an enum type.
    pub fn is_type_bound_routine(&self) -> bool {
        matches!(self.kind, ObjectKind::Function | ObjectKind::Procedure)
            && self.depends_on.iter().any(|d| {
                matches!(
                    d.kind.as_str(),
                    "enum" | "domain" | "composite_type" | "range_type"
                )
            })
    }

    /// The key as a dependency names it (no table).
    pub fn dependency_key(&self) -> ObjectKey {
        ObjectKey {
            table: None,
            ..self.key()
        }
    }
}
