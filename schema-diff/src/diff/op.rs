//! The ops: [`Op`], one change each, with its exact inverse ([`Op::inverse`])
//! and its place in a migration ([`Op::phase`]); and the names ([`Name`]) and
//! enum re-creation details ([`EnumUser`], [`EnumDependents`]) ops carry;
//! [`summary`], one line per op for people. Pure data. Start reading at
//! [`Op`].
//!
//! # The ops
//!
//! One per change, each with an exact inverse ([`Op::inverse`]; drops carry
//! the full definition they drop): create/drop schema; create/drop enum, add
//! enum value (`BEFORE`/`AFTER` its desired neighbour, or at the end),
//! re-create enum (labels removed or reordered: rename the old type to
//! `<name>_old`, create the new one, convert every column with `USING
//! c::text::new` (arrays too), restore defaults, drop the old type; foreign
//! keys between columns of the type and CHECKs/indexes whose expressions name
//! it are dropped before and added back after), comment on type;
//! create/drop/rename table (a created table carries its columns, primary
//! key, uniques, checks, indexes and comments; its foreign keys are separate
//! ops), comment on table; add/drop/rename column, `ALTER COLUMN TYPE` (the
//! old default dropped first and the new one set after, in one statement),
//! SET/DROP NOT NULL, SET/DROP DEFAULT, identity changes (add/drop `GENERATED
//! ... AS IDENTITY`, `SET GENERATED`, serial ↔ identity: the owned sequence is
//! created or dropped and moved past `max(column)`), comment on column;
//! add/drop primary key, unique, index, foreign key, check; `VALIDATE
//! CONSTRAINT` of a `NOT VALID` check or foreign key that otherwise stays
//! (its inverse drops it and adds it back `NOT VALID`); rename index,
//! rename constraint; create/drop/replace in place/re-create a definition
//! object (a view that keeps its columns: `CREATE OR REPLACE VIEW`),
//! comment on one; attach/detach a partition (a detach that undoes an
//! attach also drops the copies of the parent's keys and indexes the
//! attach created), `[NO] INHERIT`; a
//! column's storage and compression (`SET STORAGE`, `SET COMPRESSION`; set
//! back to the defaults before a type change, which resets them, so the
//! way back can set them again); a table's storage parameters (`RESET`
//! then `SET`, so they end in the
//! desired order), `SET LOGGED`/`UNLOGGED`, `REPLICA IDENTITY` (after the
//! index it names is created).
//!
//! # The order
//!
//! [`Op::phase`], ascending; the down migration is the inverse of every step
//! in reverse order:
//!
//! 1. drops of dependent objects (views, materialized views, triggers,
//!    policies, row-level security: see `diff/objects.rs`), before anything
//!    they hang on changes;
//! 2. table renames (every later op names tables by their new names);
//! 3. drops of foreign keys, checks, indexes, unique constraints, primary
//!    keys (before the columns they use change, and before the keys they
//!    depend on go), then index/constraint renames;
//! 4. drops of columns, then of tables (before enum types change, so a doomed
//!    column is never converted, and the down migration re-creates it after
//!    the type has its old labels back);
//! 5. new schemas, new enum types, added enum values, re-created enum types;
//!    then new, replaced and re-created extensions, sequences, domains,
//!    composite types and routines (before the tables, defaults and checks
//!    that use them), in dependency order;
//! 6. column renames, new tables, new columns;
//! 7. column alters: identity removal, type, default, DROP NOT NULL, SET NOT
//!    NULL, identity addition (it needs NOT NULL);
//! 8. new primary keys, unique constraints, indexes, checks; then foreign
//!    keys (after every table and key they reference); then comments;
//! 9. new and re-created dependent objects, in dependency order; comments on
//!    objects; drops of the other objects (after whatever used them), in
//!    reverse dependency order;
//! 10. drops of enum types, then of schemas.

use std::fmt;
use std::fmt::Write as _;

use strata::ident::{ident_list, quote_literal, Ident, Qualified};
use strata::schema::{
    Check, Column, ColumnStorage, Compression, DbObject, EnumType, ForeignKey, Identity, Index,
    ObjectKind, PartitionOf, PrimaryKey, ReplicaIdentity, SqlType, Table, TableRef, TypeName,
    Unique,
};

/// A schema-qualified object name (a table or a type).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name {
    /// The namespace.
    pub schema: String,
    /// The object's name.
    pub name: String,
}

impl Name {
    /// `schema.name`.
    pub fn new(schema: impl Into<String>, name: impl Into<String>) -> Name {
        Name {
            schema: schema.into(),
            name: name.into(),
        }
    }

    /// The name as SQL, always qualified (`public."User"`).
    pub fn sql(&self) -> String {
        Qualified(&self.schema, &self.name).to_string()
    }
}

/// For people: `public` is left out, other schemas are shown (`app.t`), each
/// part quoted when needed.
impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.schema == "public" {
            write!(f, "{}", Ident(&self.name))
        } else {
            write!(f, "{}", Qualified(&self.schema, &self.name))
        }
    }
}

/// Copies of its ancestors' primary key, unique constraints, indexes and
/// foreign keys that `ATTACH PARTITION` creates in a partition (those
/// nothing of the partition's stands for), by the names PostgreSQL gives
/// them; `DETACH PARTITION` leaves them as the partition's own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartitionCopies {
    /// Constraints (foreign keys, then unique constraints and the primary
    /// key), by name.
    pub constraints: Vec<String>,
    /// Indexes, by name.
    pub indexes: Vec<String>,
}

/// Where [`Op::AddEnumValue`] puts its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EnumPosition {
    /// After the last label.
    End,
    /// Before this label.
    Before(String),
    /// After this label.
    After(String),
}

/// A column whose type is (an array of) an enum that is re-created, with the
/// defaults to restore around the conversion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumUser {
    /// The table (its name once table renames ran).
    pub table: Name,
    /// The column (its name before column renames run).
    pub column: String,
    /// The column is an array of the enum.
    pub array: bool,
    /// The column's default before the op (dropped before the conversion).
    pub default_before: Option<String>,
    /// The default set after the conversion.
    pub default_after: Option<String>,
}

/// Objects that must be dropped before an enum type is re-created and added
/// back after it: foreign keys between columns of the type (both sides must
/// change type together), and CHECKs and indexes whose expressions name the
/// type (they would compare the new type with the old one).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnumDependents {
    /// Foreign keys on columns of the type, with their table.
    pub foreign_keys: Vec<(Name, ForeignKey)>,
    /// CHECKs that mention the type, with their table.
    pub checks: Vec<(Name, Check)>,
    /// Indexes whose expressions or predicate mention the type, with their
    /// table.
    pub indexes: Vec<(Name, Index)>,
}

impl EnumDependents {
    /// Nothing depends on the type.
    pub fn is_empty(&self) -> bool {
        self.foreign_keys.is_empty() && self.checks.is_empty() && self.indexes.is_empty()
    }
}

/// A constraint that can be `NOT VALID`: what [`Op::ValidateConstraint`]
/// works on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Validated {
    /// A CHECK constraint.
    Check(Check),
    /// A foreign key.
    ForeignKey(ForeignKey),
}

impl Validated {
    /// The constraint's name.
    pub fn name(&self) -> &str {
        match self {
            Validated::Check(c) => &c.name,
            Validated::ForeignKey(f) => &f.name,
        }
    }

    /// `NOT VALID`.
    pub fn not_valid(&self) -> bool {
        match self {
            Validated::Check(c) => c.not_valid,
            Validated::ForeignKey(f) => f.not_valid,
        }
    }

    /// The same constraint, `NOT VALID` or not.
    pub fn with_not_valid(&self, not_valid: bool) -> Validated {
        match self {
            Validated::Check(c) => Validated::Check(Check {
                not_valid,
                ..c.clone()
            }),
            Validated::ForeignKey(f) => Validated::ForeignKey(ForeignKey {
                not_valid,
                ..f.clone()
            }),
        }
    }

    /// Its comment.
    pub fn comment(&self) -> &Option<String> {
        match self {
            Validated::Check(c) => &c.comment,
            Validated::ForeignKey(f) => &f.comment,
        }
    }

    /// `check` or `foreign key`, for people.
    pub fn kind(&self) -> &'static str {
        match self {
            Validated::Check(_) => "check",
            Validated::ForeignKey(_) => "foreign key",
        }
    }
}

/// An index of a partitioned table, or the index behind one of its keys:
/// what [`Op::SetIndexAttachments`] works on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParentIndex {
    /// An index.
    Index(Index),
    /// The primary key.
    PrimaryKey(PrimaryKey),
    /// A unique constraint.
    Unique(Unique),
}

impl ParentIndex {
    /// The index's (and key's) name.
    pub fn name(&self) -> &str {
        match self {
            ParentIndex::Index(ix) => &ix.name,
            ParentIndex::PrimaryKey(k) => &k.name,
            ParentIndex::Unique(u) => &u.name,
        }
    }
}

/// A partition with an index attached to a parent's index, and that
/// index's name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Attached {
    /// The partition.
    pub partition: Name,
    /// Its index attached to the parent's.
    pub index: String,
}

/// One change. Drops carry the full definition of what they drop, so that
/// their inverse can re-create it; alters carry both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    /// `ALTER EXTENSION name SET SCHEMA to` (see `diff/extension_moves.rs`).
    MoveExtension {
        /// The extension.
        name: String,
        /// Its schema before.
        from: String,
        /// Its schema after.
        to: String,
    },
    /// `CREATE SCHEMA`.
    CreateSchema {
        /// The namespace.
        name: String,
    },
    /// `DROP SCHEMA` (its contents are dropped by earlier ops).
    DropSchema {
        /// The namespace.
        name: String,
    },
    /// `CREATE TYPE ... AS ENUM` (with its comment).
    CreateEnum {
        /// The type.
        ty: EnumType,
    },
    /// `DROP TYPE`.
    DropEnum {
        /// The type as it was.
        ty: EnumType,
    },
    /// `ALTER TYPE ... ADD VALUE ... [BEFORE|AFTER]`.
    AddEnumValue {
        /// The type before the value is added.
        before: EnumType,
        /// The new label.
        value: String,
        /// Where it goes.
        position: EnumPosition,
        /// The columns using the type (needed by the inverse, which must
        /// re-create the type: PostgreSQL cannot drop an enum value).
        users: Vec<EnumUser>,
        /// What the inverse must drop and add back around the re-creation.
        dependents: EnumDependents,
    },
    /// Removes or reorders labels: rename the old type, create the new one,
    /// convert every column through text, drop the old type.
    RecreateEnum {
        /// The type before.
        from: EnumType,
        /// The type after (same schema and name).
        to: EnumType,
        /// The columns to convert.
        users: Vec<EnumUser>,
        /// What is dropped before and added back after.
        dependents: EnumDependents,
    },
    /// `COMMENT ON TYPE`.
    CommentOnType {
        /// The type.
        ty: Name,
        /// The comment before.
        from: Option<String>,
        /// The comment after.
        to: Option<String>,
    },
    /// `CREATE TABLE` with its columns, primary key, unique constraints,
    /// checks, indexes and comments (its foreign keys are separate ops).
    CreateTable {
        /// The table, without foreign keys.
        table: Table,
    },
    /// `DROP TABLE` (its foreign keys are dropped by earlier ops).
    DropTable {
        /// The table as it was, without foreign keys.
        table: Table,
    },
    /// `ALTER TABLE ... RENAME TO` (from a `renamed_from` hint).
    RenameTable {
        /// The table's name before.
        from: Name,
        /// The new name (same schema).
        to: String,
        /// Its serial columns and identity columns without a `SEQUENCE
        /// NAME` of their own (names as they are then): their sequences
        /// follow the table's name, as `CREATE TABLE` would have named
        /// them (a sequence of another name is no serial's, and an
        /// identity's reads back as its `SEQUENCE NAME`).
        serials: Vec<String>,
    },
    /// `COMMENT ON TABLE`.
    CommentOnTable {
        /// The table.
        table: Name,
        /// The comment before.
        from: Option<String>,
        /// The comment after.
        to: Option<String>,
    },
    /// `ALTER TABLE ... ADD COLUMN` (with its comment).
    AddColumn {
        /// The table.
        table: Name,
        /// The column.
        column: Column,
    },
    /// `ALTER TABLE ... DROP COLUMN`.
    DropColumn {
        /// The table.
        table: Name,
        /// The column as it was.
        column: Column,
    },
    /// `ALTER TABLE ... RENAME COLUMN` (from a `renamed_from` hint).
    RenameColumn {
        /// The table.
        table: Name,
        /// The old name.
        from: String,
        /// The new name.
        to: String,
        /// A serial column, or an identity without a `SEQUENCE NAME` of
        /// its own: its sequence follows the column's name.
        serial: bool,
    },
    /// `ALTER COLUMN ... TYPE [USING]`, dropping the old default first and
    /// setting the new one after when there is one.
    AlterColumnType {
        /// The table.
        table: Name,
        /// The column.
        column: String,
        /// The type before.
        from: SqlType,
        /// The type after.
        to: SqlType,
        /// The default before (dropped first).
        default_from: Option<String>,
        /// The default after (set last).
        default_to: Option<String>,
        /// The column's collation before (a type change without `COLLATE`
        /// would reset it to the type's default).
        collation_from: Option<TypeName>,
        /// The column's collation after.
        collation_to: Option<TypeName>,
    },
    /// `ALTER COLUMN ... SET NOT NULL`.
    SetNotNull {
        /// The table.
        table: Name,
        /// The column.
        column: String,
    },
    /// `ALTER COLUMN ... DROP NOT NULL`.
    DropNotNull {
        /// The table.
        table: Name,
        /// The column.
        column: String,
    },
    /// `ALTER COLUMN ... SET DEFAULT` / `DROP DEFAULT`.
    AlterDefault {
        /// The table.
        table: Name,
        /// The column.
        column: String,
        /// The default before.
        from: Option<String>,
        /// The default after.
        to: Option<String>,
    },
    /// Adds, drops or changes an identity (or serial).
    AlterIdentity {
        /// The table.
        table: Name,
        /// The column.
        column: String,
        /// The column's type (a serial's sequence gets the same type).
        ty: SqlType,
        /// Before.
        from: Option<Identity>,
        /// After.
        to: Option<Identity>,
    },
    /// The sequence a serial column owns stays, as a standalone sequence of
    /// the same name, while the column stops being serial, is dropped or
    /// its table is (`release`), or back (`!release`, the inverse): released
    /// by `ALTER SEQUENCE ... OWNED BY NONE` and given the standalone
    /// sequence's options, rather than dropped and created again, so it
    /// keeps its value (a new one would start over under the existing
    /// keys). The column keeps its `nextval` default; the way back owns the
    /// sequence again and sets the serial's type, options and default.
    ReleaseSequence {
        /// The table.
        table: Name,
        /// The serial column.
        column: String,
        /// The column's type (the serial's sequence has it).
        ty: SqlType,
        /// The options of the serial's sequence.
        options: Option<strata::schema::SequenceOptions>,
        /// The standalone sequence.
        sequence: Box<DbObject>,
        /// Owned -> standalone (`true`) or back.
        release: bool,
    },
    /// `COMMENT ON COLUMN`.
    CommentOnColumn {
        /// The table.
        table: Name,
        /// The column.
        column: String,
        /// The comment before.
        from: Option<String>,
        /// The comment after.
        to: Option<String>,
    },
    /// The options of an identity's or serial's sequence.
    AlterSequenceOptions {
        /// The table.
        table: Name,
        /// The column.
        column: String,
        /// Before (`None`: defaults).
        from: Option<strata::schema::SequenceOptions>,
        /// After.
        to: Option<strata::schema::SequenceOptions>,
    },
    /// `COMMENT ON CONSTRAINT` or (`index`) `COMMENT ON INDEX`.
    CommentOnConstraint {
        /// The table.
        table: Name,
        /// The constraint's or index's name.
        name: String,
        /// An index, not a constraint.
        index: bool,
        /// The comment before.
        from: Option<String>,
        /// The comment after.
        to: Option<String>,
    },
    /// `ADD CONSTRAINT ... PRIMARY KEY`.
    AddPrimaryKey {
        /// The table.
        table: Name,
        /// The key.
        key: PrimaryKey,
    },
    /// `DROP CONSTRAINT` of the primary key.
    DropPrimaryKey {
        /// The table.
        table: Name,
        /// The key as it was.
        key: PrimaryKey,
    },
    /// `ADD CONSTRAINT ... UNIQUE`.
    AddUnique {
        /// The table.
        table: Name,
        /// The constraint.
        unique: Unique,
    },
    /// `DROP CONSTRAINT` of a unique constraint.
    DropUnique {
        /// The table.
        table: Name,
        /// The constraint as it was.
        unique: Unique,
    },
    /// `CREATE INDEX`.
    CreateIndex {
        /// The table.
        table: Name,
        /// The index.
        index: Index,
    },
    /// `DROP INDEX`.
    DropIndex {
        /// The table.
        table: Name,
        /// The index as it was.
        index: Index,
    },
    /// `ALTER INDEX ... RENAME TO` (an index whose definition is unchanged
    /// but whose name is).
    RenameIndex {
        /// The table.
        table: Name,
        /// The old name.
        from: String,
        /// The new name.
        to: String,
    },
    /// The index of partition `table` attached to the parent's index
    /// `parent_index` gets the name `to` (`ALTER INDEX ... RENAME TO`, the
    /// index found by the server through `pg_inherits`: PostgreSQL named
    /// it when it created or adopted it). Nothing when it has that name or
    /// no such index exists.
    NameAttachedIndex {
        /// The partition.
        table: Name,
        /// The parent's index (in the parent's schema).
        parent_index: Name,
        /// The name it gets.
        to: String,
        /// The name it had (the way back): the current name, or the one
        /// PostgreSQL chooses.
        back: String,
    },
    /// Which partitions of partitioned table `table` have an index
    /// attached to its index `index` (the rest are what an index made `ON
    /// ONLY` the parent leaves; the parent's index is valid when none is
    /// left). Where every partition of `from` stays: an index made in each
    /// partition that `to` adds (a key's as the partition's key) and
    /// attached (`ALTER INDEX ... ATTACH PARTITION`). Otherwise (an index
    /// cannot be detached): the parent's index dropped with what is
    /// attached to it, made again `ON ONLY` the parent, and an index made
    /// and attached in each partition of `to`.
    SetIndexAttachments {
        /// The partitioned table.
        table: Name,
        /// Its index or key.
        index: ParentIndex,
        /// The partitions with an index attached before.
        from: Vec<Attached>,
        /// The partitions with an index attached after.
        to: Vec<Attached>,
    },
    /// Which partitions and children of `table` have validated their copy
    /// of its `NOT VALID` CHECK `check` (`ALTER TABLE child VALIDATE
    /// CONSTRAINT`). Where every one of `from` stays validated: the others
    /// of `to` validated. Otherwise (a copy cannot be made not valid
    /// again): the CHECK dropped from `table` and added back `NOT VALID`
    /// (every copy with it), then each of `to` validated.
    SetValidatedCopies {
        /// The table whose own CHECK it is.
        table: Name,
        /// The CHECK (`NOT VALID`).
        check: Check,
        /// The tables with their copy validated before.
        from: Vec<Name>,
        /// The tables with their copy validated after.
        to: Vec<Name>,
        /// Where nothing stays validated, the CHECK is dropped (or
        /// validated whole) right after: taking the copies' validation
        /// away needs nothing.
        then_dropped: bool,
    },
    /// `RENAME CONSTRAINT` (a constraint whose definition is unchanged but
    /// whose name is).
    RenameConstraint {
        /// The table.
        table: Name,
        /// The old name.
        from: String,
        /// The new name.
        to: String,
    },
    /// `ADD CONSTRAINT ... FOREIGN KEY`.
    AddForeignKey {
        /// The referencing table.
        table: Name,
        /// The foreign key.
        fk: ForeignKey,
    },
    /// `DROP CONSTRAINT` of a foreign key.
    DropForeignKey {
        /// The referencing table.
        table: Name,
        /// The foreign key as it was.
        fk: ForeignKey,
    },
    /// `ADD CONSTRAINT ... CHECK`.
    AddCheck {
        /// The table.
        table: Name,
        /// The check.
        check: Check,
    },
    /// `DROP CONSTRAINT` of a check.
    DropCheck {
        /// The table.
        table: Name,
        /// The check as it was.
        check: Check,
    },
    /// A check or foreign key whose definition stays becomes valid
    /// (`valid`: `ALTER TABLE ... VALIDATE CONSTRAINT`, which reads every
    /// row under a SHARE UPDATE EXCLUSIVE lock) or stops being valid (no
    /// statement does that in place: it is dropped and added back `NOT
    /// VALID`).
    ValidateConstraint {
        /// The table.
        table: Name,
        /// The constraint as it is after the op (its `not_valid` is
        /// `!valid`), with the comment it has before (the comment's own op
        /// runs later, and a drop and add must keep the old one).
        constraint: Validated,
        /// `VALIDATE CONSTRAINT` (true) or drop + add `NOT VALID`.
        valid: bool,
    },
    /// A generated column's expression changes: `DROP EXPRESSION` when it
    /// stops being generated; otherwise the column is dropped and added
    /// again with the new expression (PostgreSQL 15 cannot change it in
    /// place).
    AlterGenerated {
        /// The table.
        table: Name,
        /// The column before.
        from: Box<Column>,
        /// The column after (same name).
        to: Box<Column>,
    },
    /// `ALTER COLUMN c TYPE ty COLLATE coll` (the type stays).
    AlterCollation {
        /// The table.
        table: Name,
        /// The column.
        column: String,
        /// Its type (after any type change).
        ty: SqlType,
        /// The collation before (`None`: the type's default).
        from: Option<TypeName>,
        /// The collation after.
        to: Option<TypeName>,
    },
    /// `ALTER COLUMN ... SET STORAGE` and `SET COMPRESSION`: the catalog
    /// only (no rewrite; values keep their form until written again).
    SetColumnStorage {
        /// The table.
        table: Name,
        /// The column.
        column: String,
        /// What a `None` storage is set back to: the storage of the
        /// column's type while the op runs (PostgreSQL 15 has no `SET
        /// STORAGE DEFAULT`).
        type_storage: ColumnStorage,
        /// The storage before (`None`: the type's).
        from_storage: Option<ColumnStorage>,
        /// The storage after.
        to_storage: Option<ColumnStorage>,
        /// The compression method before (`None`: the server's default).
        from_compression: Option<Compression>,
        /// The compression method after.
        to_compression: Option<Compression>,
        /// Runs before the column's type changes (which resets both to the
        /// defaults), setting them to the defaults: the way back then sets
        /// them again once the old type is back.
        before_type_change: bool,
    },
    /// `ALTER COLUMN ... SET STATISTICS`: the catalog only.
    SetStatistics {
        /// The table.
        table: Name,
        /// The column.
        column: String,
        /// The target before (`None`: the server's default, `-1`).
        from: Option<u16>,
        /// The target after.
        to: Option<u16>,
    },
    /// `ALTER COLUMN ... RESET (...)`, `SET (...)`: the column's options
    /// (`n_distinct`), the catalog only.
    SetColumnOptions {
        /// The table.
        table: Name,
        /// The column.
        column: String,
        /// The options before (`n_distinct=10`).
        from: Vec<String>,
        /// The options after.
        to: Vec<String>,
    },
    /// `ALTER TABLE parent ATTACH PARTITION table bound`.
    AttachPartition {
        /// The table that becomes a partition.
        table: Name,
        /// Its parent and bound.
        partition: PartitionOf,
        /// What the attach creates in the partition (for the inverse,
        /// which drops it).
        creates: PartitionCopies,
    },
    /// `ALTER TABLE parent DETACH PARTITION table`, then drops of `drops`.
    DetachPartition {
        /// The partition.
        table: Name,
        /// Its parent and bound (for the inverse).
        partition: PartitionOf,
        /// What the partition keeps of its ancestors' and is dropped right
        /// after (the inverse of an attach that created it; the differ
        /// drops unwanted copies with ops of their own).
        drops: PartitionCopies,
    },
    /// `ALTER TABLE table [NO] INHERIT parent`.
    AlterInherit {
        /// The child table.
        table: Name,
        /// The parent.
        parent: TableRef,
        /// `INHERIT` (true) or `NO INHERIT`.
        inherit: bool,
    },
    /// Creates a definition object (its definition, then its comment).
    CreateObject {
        /// The object.
        object: DbObject,
    },
    /// Drops a definition object.
    DropObject {
        /// The object as it was.
        object: DbObject,
    },
    /// Changes an object in place: `CREATE OR REPLACE` of a routine whose
    /// signature stays, `ALTER SEQUENCE` of a sequence.
    ReplaceObject {
        /// Before.
        from: DbObject,
        /// After (same key).
        to: DbObject,
    },
    /// A view whose query changes and whose columns stay (more may be
    /// appended): `CREATE OR REPLACE VIEW`, so what depends on it (views,
    /// grants, comments, owners) stays. The way back, when it removes
    /// appended columns, has no in-place form: the view is dropped and
    /// created, with `dependents` dropped before and created after.
    ReplaceView {
        /// Before.
        from: DbObject,
        /// After (same key).
        to: DbObject,
        /// What depends on the view when the down migration replaces it
        /// back (empty when the columns are the same), in dependency order.
        dependents: Vec<DbObject>,
    },
    /// Drops an object and creates it again in one step (a type or a
    /// routine whose signature changes).
    RecreateObject {
        /// Before.
        from: DbObject,
        /// After (same key; for a routine whose arguments change, the same
        /// name).
        to: DbObject,
    },
    /// `COMMENT ON` a definition object.
    CommentOnObject {
        /// The object (as it is after the migration).
        object: DbObject,
        /// The comment before.
        from: Option<String>,
        /// The comment after.
        to: Option<String>,
    },
    /// `ALTER TABLE ... SET (...)` / `RESET (...)`: the table's storage
    /// parameters.
    SetStorageParams {
        /// The table.
        table: Name,
        /// The parameters before (`fillfactor=70`).
        from: Vec<String>,
        /// The parameters after.
        to: Vec<String>,
    },
    /// `ALTER TABLE ... SET UNLOGGED` / `SET LOGGED` (rewrites the table).
    SetLogged {
        /// The table.
        table: Name,
        /// Unlogged after.
        unlogged: bool,
    },
    /// `ALTER TABLE ... REPLICA IDENTITY ...`.
    SetReplicaIdentity {
        /// The table.
        table: Name,
        /// Before (`None`: the default).
        from: Option<ReplicaIdentity>,
        /// After.
        to: Option<ReplicaIdentity>,
    },
    /// `ALTER TABLE ... OF type` / `NOT OF` (a typed table).
    SetOfType {
        /// The table.
        table: Name,
        /// The type before (`None`: none).
        from: Option<TableRef>,
        /// The type after.
        to: Option<TableRef>,
    },
    /// `ALTER TABLE ... CLUSTER ON index` / `SET WITHOUT CLUSTER`.
    SetCluster {
        /// The table.
        table: Name,
        /// The index before (`None`: none).
        from: Option<String>,
        /// The index after.
        to: Option<String>,
    },
}

/// The phase of `CREATE TABLE` of a table that is no partition or child.
pub(super) const CREATE_TABLE_PHASE: u8 = 17;
/// The phase of `DROP TABLE` of a table that is no partition or child.
pub(super) const DROP_TABLE_PHASE: u8 = 10;

impl Op {
    /// An [`Op::SetIndexAttachments`] or [`Op::SetValidatedCopies`] that
    /// takes an attachment or a validation away from some table (which
    /// only making the parent's index or CHECK again can do).
    pub fn takes_away(&self) -> bool {
        match self {
            Op::SetIndexAttachments { from, to, .. } => !from
                .iter()
                .all(|f| to.iter().any(|t| t.partition == f.partition)),
            Op::SetValidatedCopies { from, to, .. } => !from.iter().all(|f| to.contains(f)),
            _ => false,
        }
    }

    /// The position of this kind of op in a migration: ops run in ascending
    /// phase, so table renames come first, then the drops of foreign keys,
    /// checks, indexes and keys (before the columns they use change), of
    /// columns and of tables, then schemas and enum types, column renames,
    /// new tables and columns, column alters, new keys, indexes and checks,
    /// foreign keys (after every table they reference), comments, and last
    /// the drops of types and schemas.
    pub fn phase(&self) -> u8 {
        let child = |t: &Table| t.partition_of.is_some() || !t.inherits.is_empty();
        match self {
            // Views, triggers, policies go before the tables and columns
            // they hang on change, and come back after; partitions and
            // children leave their parents first.
            Op::DropObject { object }
                if object.kind.is_dependent() || object.follows_relations() =>
            {
                0
            }
            // A routine bound to an enum, domain, composite or range type
            // goes before the type is re-created (see `diff/objects.rs`).
            Op::DropObject { object } if object.is_type_bound_routine() => 0,
            // An aggregate: nothing of a table uses one, and it goes before
            // the routines and types it uses are dropped or re-created.
            Op::DropObject { object } if object.kind == ObjectKind::Aggregate => 0,
            Op::DetachPartition { .. } | Op::AlterInherit { inherit: false, .. } => 0,
            Op::RenameTable { .. } => 1,
            Op::DropForeignKey { .. } => 2,
            // A CLUSTER mark comes off before the index it names may go.
            // So does a typed table's type, before its columns change.
            Op::DropCheck { .. }
            | Op::SetCluster { to: None, .. }
            | Op::SetOfType { to: None, .. } => 3,
            Op::DropIndex { .. } => 4,
            Op::DropUnique { .. } => 5,
            Op::DropPrimaryKey { .. } => 6,
            Op::RenameIndex { .. } | Op::RenameConstraint { .. } => 7,
            // Columns and tables go before enum types change, so a doomed
            // column is never converted, and the down migration re-creates
            // it once the type has its old labels back. Partitions and
            // children before their parents.
            // Before the column or table that owns the sequence goes.
            Op::ReleaseSequence { release: true, .. } => 8,
            Op::DropColumn { .. } => 8,
            Op::DropTable { table } if child(table) => 9,
            Op::DropTable { .. } => DROP_TABLE_PHASE,
            Op::CreateSchema { .. } => 11,
            // Once its new schema exists, before what uses its types there.
            Op::MoveExtension { .. } => 12,
            Op::CreateEnum { .. } => 12,
            Op::AddEnumValue { .. } => 13,
            Op::RecreateEnum { .. } => 14,
            // Extensions, sequences, domains, composite types and routines
            // exist before the tables, defaults and checks that use them.
            Op::CreateObject { object }
            | Op::ReplaceObject { to: object, .. }
            | Op::RecreateObject { to: object, .. }
                if !object.kind.is_dependent() && !object.follows_relations() =>
            {
                15
            }
            Op::RenameColumn { .. } => 16,
            // Parents before their partitions and children.
            Op::CreateTable { table } if !child(table) => CREATE_TABLE_PHASE,
            Op::CreateTable { .. } => 18,
            Op::AddColumn { .. } => 19,
            Op::ReleaseSequence { .. } => 19,
            // Removing an identity comes before type and default changes,
            // adding one after them and after SET NOT NULL (it requires it).
            Op::AlterIdentity { to: None, .. }
            | Op::AlterGenerated { .. }
            | Op::SetColumnStorage {
                before_type_change: true,
                ..
            } => 20,
            Op::AlterColumnType { .. } | Op::AlterCollation { .. } => 21,
            Op::AlterDefault { .. } => 22,
            Op::DropNotNull { .. } => 23,
            Op::SetNotNull { .. } => 24,
            Op::AlterIdentity { .. } | Op::AlterSequenceOptions { .. } => 25,
            Op::AddPrimaryKey { .. } => 26,
            Op::AddUnique { .. } => 27,
            Op::CreateIndex { .. } => 28,
            Op::AddCheck { .. }
            | Op::ValidateConstraint {
                constraint: Validated::Check(_),
                ..
            } => 29,
            Op::AddForeignKey { .. } | Op::ValidateConstraint { .. } => 30,
            Op::AttachPartition { .. } | Op::AlterInherit { .. } => 31,
            // With the indexes (the differ puts it right after the
            // parent's, before its partitions' own).
            Op::SetIndexAttachments { .. } => 28,
            // Once partitions are attached and CHECKs added.
            Op::SetValidatedCopies { .. } => 31,
            // Once the partition is attached and its parent's index made.
            // Naming an index what it is already called: a step whose
            // inverse, last on the way back, gives the name back after the
            // parent's index is made again.
            Op::NameAttachedIndex { to, back, .. } if to == back => 2,
            Op::NameAttachedIndex { .. } => 32,
            Op::CommentOnType { .. }
            | Op::CommentOnTable { .. }
            | Op::CommentOnColumn { .. }
            | Op::CommentOnConstraint { .. } => 32,
            Op::CreateObject { .. }
            | Op::ReplaceObject { .. }
            | Op::ReplaceView { .. }
            | Op::RecreateObject { .. } => 33,
            Op::CommentOnObject { .. } => 34,
            // Routines and types go after the columns and objects that
            // used them, and before the enum types they use.
            Op::SetStorageParams { .. }
            | Op::SetLogged { .. }
            | Op::SetColumnStorage { .. }
            | Op::SetStatistics { .. }
            | Op::SetColumnOptions { .. } => 25,
            // After the index it may name is created.
            // A typed table's type once its columns are the type's.
            Op::SetReplicaIdentity { .. } | Op::SetCluster { .. } | Op::SetOfType { .. } => 31,
            Op::DropObject { .. } => 35,
            Op::DropEnum { .. } => 36,
            Op::DropSchema { .. } => 37,
        }
    }

    /// The op that undoes this one. A drop's inverse re-creates the
    /// definition it carries (not the data).
    pub fn inverse(&self) -> Op {
        match self.clone() {
            Op::CreateSchema { name } => Op::DropSchema { name },
            Op::MoveExtension { name, from, to } => Op::MoveExtension {
                name,
                from: to,
                to: from,
            },
            Op::DropSchema { name } => Op::CreateSchema { name },
            Op::CreateEnum { ty } => Op::DropEnum { ty },
            Op::DropEnum { ty } => Op::CreateEnum { ty },
            Op::AddEnumValue {
                before,
                value,
                position,
                users,
                dependents,
            } => {
                let mut after = before.clone();
                after.labels = insert_label(&before.labels, &value, &position);
                Op::RecreateEnum {
                    from: after,
                    to: before,
                    users: users
                        .into_iter()
                        .map(|u| EnumUser {
                            default_after: u.default_before.clone(),
                            ..u
                        })
                        .collect(),
                    dependents,
                }
            }
            Op::RecreateEnum {
                from,
                to,
                users,
                dependents,
            } => Op::RecreateEnum {
                from: to,
                to: from,
                users: users
                    .into_iter()
                    .map(|u| EnumUser {
                        default_before: u.default_after,
                        default_after: u.default_before,
                        ..u
                    })
                    .collect(),
                dependents,
            },
            Op::CommentOnType { ty, from, to } => Op::CommentOnType {
                ty,
                from: to,
                to: from,
            },
            Op::CreateTable { table } => Op::DropTable { table },
            Op::DropTable { table } => Op::CreateTable { table },
            Op::RenameTable { from, to, serials } => Op::RenameTable {
                from: Name::new(from.schema.clone(), to),
                to: from.name,
                serials,
            },
            Op::CommentOnTable { table, from, to } => Op::CommentOnTable {
                table,
                from: to,
                to: from,
            },
            Op::AddColumn { table, column } => Op::DropColumn { table, column },
            Op::DropColumn { table, column } => Op::AddColumn { table, column },
            Op::RenameColumn {
                table,
                from,
                to,
                serial,
            } => Op::RenameColumn {
                table,
                from: to,
                to: from,
                serial,
            },
            Op::AlterColumnType {
                table,
                column,
                from,
                to,
                default_from,
                default_to,
                collation_from,
                collation_to,
            } => Op::AlterColumnType {
                table,
                column,
                from: to,
                to: from,
                default_from: default_to,
                default_to: default_from,
                collation_from: collation_to,
                collation_to: collation_from,
            },
            Op::SetNotNull { table, column } => Op::DropNotNull { table, column },
            Op::DropNotNull { table, column } => Op::SetNotNull { table, column },
            Op::AlterDefault {
                table,
                column,
                from,
                to,
            } => Op::AlterDefault {
                table,
                column,
                from: to,
                to: from,
            },
            Op::AlterIdentity {
                table,
                column,
                ty,
                from,
                to,
            } => Op::AlterIdentity {
                table,
                column,
                ty,
                from: to,
                to: from,
            },
            Op::ReleaseSequence {
                table,
                column,
                ty,
                options,
                sequence,
                release,
            } => Op::ReleaseSequence {
                table,
                column,
                ty,
                options,
                sequence,
                release: !release,
            },
            Op::CommentOnColumn {
                table,
                column,
                from,
                to,
            } => Op::CommentOnColumn {
                table,
                column,
                from: to,
                to: from,
            },
            Op::AlterSequenceOptions {
                table,
                column,
                from,
                to,
            } => Op::AlterSequenceOptions {
                table,
                column,
                from: to,
                to: from,
            },
            Op::CommentOnConstraint {
                table,
                name,
                index,
                from,
                to,
            } => Op::CommentOnConstraint {
                table,
                name,
                index,
                from: to,
                to: from,
            },
            Op::AddPrimaryKey { table, key } => Op::DropPrimaryKey { table, key },
            Op::DropPrimaryKey { table, key } => Op::AddPrimaryKey { table, key },
            Op::AddUnique { table, unique } => Op::DropUnique { table, unique },
            Op::DropUnique { table, unique } => Op::AddUnique { table, unique },
            Op::CreateIndex { table, index } => Op::DropIndex { table, index },
            Op::DropIndex { table, index } => Op::CreateIndex { table, index },
            Op::RenameIndex { table, from, to } => Op::RenameIndex {
                table,
                from: to,
                to: from,
            },
            Op::RenameConstraint { table, from, to } => Op::RenameConstraint {
                table,
                from: to,
                to: from,
            },
            Op::SetValidatedCopies {
                table,
                check,
                from,
                to,
                then_dropped,
            } => Op::SetValidatedCopies {
                table,
                check,
                from: to,
                to: from,
                then_dropped,
            },
            Op::SetIndexAttachments {
                table,
                index,
                from,
                to,
            } => Op::SetIndexAttachments {
                table,
                index,
                from: to,
                to: from,
            },
            Op::NameAttachedIndex {
                table,
                parent_index,
                to,
                back,
            } => Op::NameAttachedIndex {
                table,
                parent_index,
                to: back,
                back: to,
            },
            Op::AddForeignKey { table, fk } => Op::DropForeignKey { table, fk },
            Op::DropForeignKey { table, fk } => Op::AddForeignKey { table, fk },
            Op::AddCheck { table, check } => Op::DropCheck { table, check },
            Op::ValidateConstraint {
                table,
                constraint,
                valid,
            } => Op::ValidateConstraint {
                table,
                constraint: constraint.with_not_valid(valid),
                valid: !valid,
            },
            Op::DropCheck { table, check } => Op::AddCheck { table, check },
            Op::AlterGenerated { table, from, to } => Op::AlterGenerated {
                table,
                from: to,
                to: from,
            },
            Op::AlterCollation {
                table,
                column,
                ty,
                from,
                to,
            } => Op::AlterCollation {
                table,
                column,
                ty,
                from: to,
                to: from,
            },
            Op::AttachPartition {
                table,
                partition,
                creates,
            } => Op::DetachPartition {
                table,
                partition,
                drops: creates,
            },
            Op::DetachPartition {
                table,
                partition,
                drops,
            } => Op::AttachPartition {
                table,
                partition,
                creates: drops,
            },
            Op::AlterInherit {
                table,
                parent,
                inherit,
            } => Op::AlterInherit {
                table,
                parent,
                inherit: !inherit,
            },
            Op::CreateObject { object } => Op::DropObject { object },
            Op::DropObject { object } => Op::CreateObject { object },
            Op::ReplaceObject { from, to } => Op::ReplaceObject { from: to, to: from },
            Op::ReplaceView {
                from,
                to,
                dependents,
            } => Op::ReplaceView {
                from: to,
                to: from,
                dependents,
            },
            Op::RecreateObject { from, to } => Op::RecreateObject { from: to, to: from },
            Op::CommentOnObject { object, from, to } => Op::CommentOnObject {
                object,
                from: to,
                to: from,
            },
            Op::SetStorageParams { table, from, to } => Op::SetStorageParams {
                table,
                from: to,
                to: from,
            },
            Op::SetLogged { table, unlogged } => Op::SetLogged {
                table,
                unlogged: !unlogged,
            },
            Op::SetColumnStorage {
                table,
                column,
                type_storage,
                from_storage,
                to_storage,
                from_compression,
                to_compression,
                before_type_change,
            } => Op::SetColumnStorage {
                table,
                column,
                type_storage,
                from_storage: to_storage,
                to_storage: from_storage,
                from_compression: to_compression,
                to_compression: from_compression,
                before_type_change,
            },
            Op::SetStatistics {
                table,
                column,
                from,
                to,
            } => Op::SetStatistics {
                table,
                column,
                from: to,
                to: from,
            },
            Op::SetColumnOptions {
                table,
                column,
                from,
                to,
            } => Op::SetColumnOptions {
                table,
                column,
                from: to,
                to: from,
            },
            Op::SetReplicaIdentity { table, from, to } => Op::SetReplicaIdentity {
                table,
                from: to,
                to: from,
            },
            Op::SetCluster { table, from, to } => Op::SetCluster {
                table,
                from: to,
                to: from,
            },
            Op::SetOfType { table, from, to } => Op::SetOfType {
                table,
                from: to,
                to: from,
            },
        }
    }

    /// The table this op works on, if it works on one.
    pub fn table(&self) -> Option<Name> {
        match self {
            Op::CreateSchema { .. }
            | Op::MoveExtension { .. }
            | Op::DropSchema { .. }
            | Op::CreateEnum { .. }
            | Op::DropEnum { .. }
            | Op::AddEnumValue { .. }
            | Op::RecreateEnum { .. }
            | Op::CommentOnType { .. } => None,
            Op::CreateTable { table } | Op::DropTable { table } => {
                Some(Name::new(table.schema.clone(), table.name.clone()))
            }
            Op::RenameTable { from, to, .. } => Some(Name::new(from.schema.clone(), to.clone())),
            Op::CommentOnTable { table, .. }
            | Op::AddColumn { table, .. }
            | Op::DropColumn { table, .. }
            | Op::RenameColumn { table, .. }
            | Op::AlterColumnType { table, .. }
            | Op::SetNotNull { table, .. }
            | Op::DropNotNull { table, .. }
            | Op::AlterDefault { table, .. }
            | Op::AlterIdentity { table, .. }
            | Op::ReleaseSequence { table, .. }
            | Op::CommentOnColumn { table, .. }
            | Op::CommentOnConstraint { table, .. }
            | Op::AlterSequenceOptions { table, .. }
            | Op::AddPrimaryKey { table, .. }
            | Op::DropPrimaryKey { table, .. }
            | Op::AddUnique { table, .. }
            | Op::DropUnique { table, .. }
            | Op::CreateIndex { table, .. }
            | Op::DropIndex { table, .. }
            | Op::RenameIndex { table, .. }
            | Op::NameAttachedIndex { table, .. }
            | Op::SetIndexAttachments { table, .. }
            | Op::SetValidatedCopies { table, .. }
            | Op::RenameConstraint { table, .. }
            | Op::AddForeignKey { table, .. }
            | Op::DropForeignKey { table, .. }
            | Op::AddCheck { table, .. }
            | Op::ValidateConstraint { table, .. }
            | Op::AlterGenerated { table, .. }
            | Op::AttachPartition { table, .. }
            | Op::AlterCollation { table, .. }
            | Op::DetachPartition { table, .. }
            | Op::AlterInherit { table, .. }
            | Op::SetStorageParams { table, .. }
            | Op::SetLogged { table, .. }
            | Op::SetColumnStorage { table, .. }
            | Op::SetStatistics { table, .. }
            | Op::SetColumnOptions { table, .. }
            | Op::SetReplicaIdentity { table, .. }
            | Op::SetCluster { table, .. }
            | Op::SetOfType { table, .. }
            | Op::DropCheck { table, .. } => Some(table.clone()),
            Op::CreateObject { .. }
            | Op::DropObject { .. }
            | Op::ReplaceObject { .. }
            | Op::ReplaceView { .. }
            | Op::RecreateObject { .. }
            | Op::CommentOnObject { .. } => None,
        }
    }
}

/// `labels` with `value` inserted at `position`.
pub fn insert_label(labels: &[String], value: &str, position: &EnumPosition) -> Vec<String> {
    let mut out = labels.to_vec();
    let at = match position {
        EnumPosition::End => out.len(),
        EnumPosition::Before(l) => out.iter().position(|x| x == l).unwrap_or(out.len()),
        EnumPosition::After(l) => out.iter().position(|x| x == l).map_or(out.len(), |i| i + 1),
    };
    out.insert(at, value.to_string());
    out
}

fn labels_text(labels: &[String]) -> String {
    let l: Vec<String> = labels.iter().map(|l| quote_literal(l)).collect();
    format!("({})", l.join(", "))
}

fn generated_text(g: &Option<String>) -> String {
    match g {
        Some(e) => format!("generated as ({e})"),
        None => "not generated".to_string(),
    }
}

/// An object for people: `view app.v`, `function public.f(integer)`,
/// `trigger t_audit on public.t`.
pub fn object_display(o: &DbObject) -> String {
    let mut out = format!(
        "{} {}",
        o.kind.as_str(),
        Name::new(o.schema.clone(), o.name.clone())
    );
    if o.kind == ObjectKind::Owner {
        let role = o
            .definition
            .trim_end_matches(';')
            .rsplit(" OWNER TO ")
            .next()
            .unwrap_or("");
        return format!("owner of {}: {role}", o.arguments.as_deref().unwrap_or(""));
    }
    if o.kind == ObjectKind::SequenceOwnership {
        // `ALTER SEQUENCE s OWNED BY t.c;`: the sequence and its column.
        let column = o
            .definition
            .trim_end_matches(';')
            .rsplit(" OWNED BY ")
            .next()
            .unwrap_or("");
        return format!("{out} owned by {column}");
    }
    if o.kind == ObjectKind::Comment {
        return format!("comment on {}", o.arguments.as_deref().unwrap_or(""));
    }
    // `cast (integer AS app.cents)`, `operator app.=== (text, text)`,
    // `event trigger audit`: as SQL names them.
    match o.kind {
        ObjectKind::Cast => return format!("cast ({})", o.name),
        ObjectKind::Operator => {
            return format!(
                "operator {}.{} ({})",
                Ident(&o.schema),
                o.name,
                o.arguments.as_deref().unwrap_or("")
            )
        }
        ObjectKind::EventTrigger => return format!("event trigger {}", Ident(&o.name)),
        ObjectKind::ForeignDataWrapper
        | ObjectKind::ForeignServer
        | ObjectKind::Publication
        | ObjectKind::Subscription => return format!("{} {}", o.kind.as_str(), Ident(&o.name)),
        ObjectKind::UserMapping => {
            return format!(
                "user mapping for {} server {}",
                o.name,
                Ident(o.arguments.as_deref().unwrap_or(""))
            )
        }
        _ => {}
    }
    if o.kind == ObjectKind::DefaultPrivilege {
        return format!(
            "default privileges {} to {}",
            o.arguments.as_deref().unwrap_or(""),
            o.name
        );
    }
    if o.kind == ObjectKind::Grant {
        return format!(
            "grant to {} {}",
            o.name,
            o.arguments.as_deref().unwrap_or("")
        );
    }
    if o.kind == ObjectKind::RowSecurity {
        out = format!(
            "{} on {}",
            o.kind.as_str(),
            Name::new(o.schema.clone(), o.name.clone())
        );
    } else if let Some(t) = &o.table {
        out = format!(
            "{} {} on {}",
            o.kind.as_str(),
            Ident(&o.name),
            Name::new(o.schema.clone(), t.clone())
        );
    }
    if let Some(args) = &o.arguments {
        out.push('(');
        out.push_str(args);
        out.push(')');
    }
    out
}

/// One line describing the op: `+` creates, `-` drops, `~` changes.
pub fn summary(op: &Op) -> String {
    let col = |t: &Name, c: &str| format!("{t}.{}", Ident(c));
    match op {
        Op::AlterGenerated { table, from, to } => format!(
            "~ column {}: {} -> {}",
            col(table, &to.name),
            generated_text(&from.generated),
            generated_text(&to.generated)
        ),
        Op::AlterCollation {
            table,
            column,
            from,
            to,
            ..
        } => format!(
            "~ column {}: collation {} -> {}",
            col(table, column),
            collation_text(from),
            collation_text(to)
        ),
        Op::AttachPartition {
            table, partition, ..
        } => format!(
            "+ partition {table} of {} {}",
            Name::new(
                partition.parent.schema.clone(),
                partition.parent.name.clone()
            ),
            partition.bound
        ),
        Op::DetachPartition {
            table, partition, ..
        } => format!(
            "- partition {table} of {}",
            Name::new(
                partition.parent.schema.clone(),
                partition.parent.name.clone()
            )
        ),
        Op::AlterInherit {
            table,
            parent,
            inherit,
        } => format!(
            "{} {table} inherits {}",
            if *inherit { "+" } else { "-" },
            Name::new(parent.schema.clone(), parent.name.clone())
        ),
        Op::SetStorageParams { table, from, to } => format!(
            "~ table {table}: storage parameters ({}) -> ({})",
            from.join(", "),
            to.join(", ")
        ),
        Op::SetColumnStorage {
            table,
            column,
            from_storage,
            to_storage,
            from_compression,
            to_compression,
            ..
        } => {
            let mut parts = Vec::new();
            if from_storage != to_storage {
                let s = |x: &Option<ColumnStorage>| {
                    x.map_or("default", |x| x.as_sql()).to_ascii_lowercase()
                };
                parts.push(format!("storage {} -> {}", s(from_storage), s(to_storage)));
            }
            if from_compression != to_compression {
                let c = |x: &Option<Compression>| x.map_or("default", Compression::as_sql);
                parts.push(format!(
                    "compression {} -> {}",
                    c(from_compression),
                    c(to_compression)
                ));
            }
            format!("~ column {}: {}", col(table, column), parts.join(", "))
        }
        Op::SetStatistics {
            table,
            column,
            from,
            to,
        } => {
            let s = |x: &Option<u16>| x.map_or("default".to_string(), |n| n.to_string());
            format!(
                "~ column {}: statistics {} -> {}",
                col(table, column),
                s(from),
                s(to)
            )
        }
        Op::SetColumnOptions {
            table,
            column,
            from,
            to,
        } => format!(
            "~ column {}: options ({}) -> ({})",
            col(table, column),
            from.join(", "),
            to.join(", ")
        ),
        Op::SetLogged { table, unlogged } => format!(
            "~ table {table}: {}",
            if *unlogged { "unlogged" } else { "logged" }
        ),
        Op::SetReplicaIdentity { table, from, to } => format!(
            "~ table {table}: replica identity {} -> {}",
            replica_identity_text(from),
            replica_identity_text(to)
        ),
        Op::SetOfType { table, from, to } => {
            let text = |t: &Option<TableRef>| match t {
                Some(t) => Name::new(t.schema.clone(), t.name.clone()).to_string(),
                None => "none".to_string(),
            };
            format!("~ table {table}: of type {} -> {}", text(from), text(to))
        }
        Op::SetCluster { table, from, to } => {
            let text = |ix: &Option<String>| match ix {
                Some(ix) => Ident(ix).to_string(),
                None => "none".to_string(),
            };
            format!("~ table {table}: cluster on {} -> {}", text(from), text(to))
        }
        Op::CreateObject { object } => format!("+ {}", object_display(object)),
        Op::DropObject { object } => format!("- {}", object_display(object)),
        Op::ReplaceObject { to, .. } => format!("~ {} (replaced in place)", object_display(to)),
        Op::ReplaceView { to, .. } => format!("~ {} (replaced in place)", object_display(to)),
        Op::RecreateObject { to, .. } => {
            format!("~ {} (dropped and created again)", object_display(to))
        }
        Op::CommentOnObject { object, to, .. } => {
            format!("~ comment on {}: {}", object_display(object), opt_text(to))
        }
        Op::CreateSchema { name } => format!("+ schema {}", Ident(name)),
        Op::MoveExtension { name, from, to } => format!(
            "~ extension {}: schema {} -> {}",
            Ident(name),
            Ident(from),
            Ident(to)
        ),
        Op::DropSchema { name } => format!("- schema {}", Ident(name)),
        Op::CreateEnum { ty } => format!(
            "+ enum {} {}",
            type_display(&ty.schema, &ty.name),
            labels_text(&ty.labels)
        ),
        Op::DropEnum { ty } => format!("- enum {}", type_display(&ty.schema, &ty.name)),
        Op::AddEnumValue {
            before,
            value,
            position,
            ..
        } => {
            let pos = match position {
                EnumPosition::End => "at the end".to_string(),
                EnumPosition::Before(l) => format!("before {}", quote_literal(l)),
                EnumPosition::After(l) => format!("after {}", quote_literal(l)),
            };
            format!(
                "~ enum {}: + value {} {pos}",
                type_display(&before.schema, &before.name),
                quote_literal(value)
            )
        }
        Op::RecreateEnum { from, to, .. } => format!(
            "~ enum {}: {} -> {} (re-created)",
            type_display(&from.schema, &from.name),
            labels_text(&from.labels),
            labels_text(&to.labels)
        ),
        Op::CommentOnType { ty, .. } => format!("~ comment on enum {ty}"),
        Op::CreateTable { table } => format!(
            "+ table {}",
            Name::new(table.schema.clone(), table.name.clone())
        ),
        Op::DropTable { table } => format!(
            "- table {}",
            Name::new(table.schema.clone(), table.name.clone())
        ),
        Op::RenameTable { from, to, .. } => format!("~ rename table {from} -> {}", Ident(to)),
        Op::CommentOnTable { table, .. } => format!("~ comment on table {table}"),
        Op::AddColumn { table, column } => {
            let mut s = format!("+ column {} {}", col(table, &column.name), column.ty);
            if !column.nullable {
                s.push_str(" not null");
            }
            s
        }
        Op::DropColumn { table, column } => format!("- column {}", col(table, &column.name)),
        Op::RenameColumn {
            table, from, to, ..
        } => {
            format!("~ rename column {} -> {}", col(table, from), Ident(to))
        }
        Op::AlterColumnType {
            table,
            column,
            from,
            to,
            collation_from,
            collation_to,
            ..
        } => {
            let mut out = format!("~ column {}: {from} -> {to}", col(table, column));
            if collation_from != collation_to {
                let _ = write!(
                    out,
                    ", collation {} -> {}",
                    collation_text(collation_from),
                    collation_text(collation_to)
                );
            }
            out
        }
        Op::SetNotNull { table, column } => {
            format!("~ column {}: set not null", col(table, column))
        }
        Op::DropNotNull { table, column } => {
            format!("~ column {}: drop not null", col(table, column))
        }
        Op::AlterDefault {
            table,
            column,
            from,
            to,
        } => format!(
            "~ column {}: default {} -> {}",
            col(table, column),
            opt_text(from),
            opt_text(to)
        ),
        Op::AlterIdentity {
            table,
            column,
            from,
            to,
            ..
        } => format!(
            "~ column {}: identity {} -> {}",
            col(table, column),
            identity_text(*from),
            identity_text(*to)
        ),
        Op::ReleaseSequence {
            table,
            column,
            sequence,
            release,
            ..
        } => {
            let seq = Qualified(&sequence.schema, &sequence.name);
            if *release {
                format!(
                    "~ sequence {seq}: released by serial column {} (OWNED BY NONE), kept with its value",
                    col(table, column)
                )
            } else {
                format!(
                    "~ sequence {seq}: owned by column {}, which becomes serial",
                    col(table, column)
                )
            }
        }
        Op::CommentOnColumn { table, column, .. } => {
            format!("~ comment on column {}", col(table, column))
        }
        Op::AlterSequenceOptions { table, column, .. } => {
            format!("~ column {}: sequence options", col(table, column))
        }
        Op::CommentOnConstraint {
            table, name, index, ..
        } => format!(
            "~ comment on {} {} on {table}",
            if *index { "index" } else { "constraint" },
            Ident(name)
        ),
        Op::AddPrimaryKey { table, key } => format!(
            "+ primary key {} on {table} ({})",
            Ident(&key.name),
            ident_list(&key.columns)
        ),
        Op::DropPrimaryKey { table, key } => {
            format!("- primary key {} on {table}", Ident(&key.name))
        }
        Op::AddUnique { table, unique } => format!(
            "+ unique {} on {table} ({})",
            Ident(&unique.name),
            ident_list(&unique.columns)
        ),
        Op::DropUnique { table, unique } => {
            format!("- unique {} on {table}", Ident(&unique.name))
        }
        Op::CreateIndex { table, index } => format!("+ index {} on {table}", Ident(&index.name)),
        Op::DropIndex { table, index } => format!("- index {} on {table}", Ident(&index.name)),
        Op::RenameIndex { table, from, to } => {
            format!("~ rename index {} -> {} on {table}", Ident(from), Ident(to))
        }
        Op::NameAttachedIndex {
            table,
            parent_index,
            to,
            ..
        } => format!(
            "~ index of {table} attached to {parent_index} named {}",
            Ident(to)
        ),
        Op::SetValidatedCopies {
            table,
            check,
            from,
            then_dropped: true,
            to,
        } if to.is_empty() => format!(
            "~ copies of check {} on {table} validated in {}: taken along by the next step (validated again on the way back)",
            Ident(&check.name),
            from.iter()
                .map(Name::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Op::SetValidatedCopies {
            table,
            check,
            from,
            to,
            ..
        } => {
            let names = |list: &[Name]| {
                if list.is_empty() {
                    "none".to_string()
                } else {
                    list.iter()
                        .map(Name::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            format!(
                "~ copies of check {} on {table} validated in: {} -> {}",
                Ident(&check.name),
                names(from),
                names(to)
            )
        }
        Op::SetIndexAttachments {
            table,
            index,
            from,
            to,
        } => {
            let names = |list: &[Attached]| {
                if list.is_empty() {
                    "none".to_string()
                } else {
                    list.iter()
                        .map(|a| a.partition.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            format!(
                "~ partitions of {table} with an index attached to {}: {} -> {}",
                Ident(index.name()),
                names(from),
                names(to)
            )
        }
        Op::RenameConstraint { table, from, to } => format!(
            "~ rename constraint {} -> {} on {table}",
            Ident(from),
            Ident(to)
        ),
        Op::AddForeignKey { table, fk } => format!(
            "+ foreign key {} on {table} -> {}",
            Ident(&fk.name),
            Name::new(fk.ref_schema.clone(), fk.ref_table.clone())
        ),
        Op::DropForeignKey { table, fk } => {
            format!("- foreign key {} on {table}", Ident(&fk.name))
        }
        Op::AddCheck { table, check } => format!("+ check {} on {table}", Ident(&check.name)),
        Op::ValidateConstraint {
            table,
            constraint,
            valid,
        } => format!(
            "~ {} {} on {table}: {}",
            constraint.kind(),
            Ident(constraint.name()),
            if *valid {
                "validated"
            } else {
                "not valid (dropped and added back NOT VALID)"
            }
        ),
        Op::DropCheck { table, check } => format!("- check {} on {table}", Ident(&check.name)),
    }
}

fn replica_identity_text(r: &Option<ReplicaIdentity>) -> String {
    match r {
        None => "default".to_string(),
        Some(ReplicaIdentity::Full) => "full".to_string(),
        Some(ReplicaIdentity::Nothing) => "nothing".to_string(),
        Some(ReplicaIdentity::Index(ix)) => format!("index {}", Ident(ix)),
    }
}

fn type_display(schema: &str, name: &str) -> Name {
    Name::new(schema, name)
}

fn opt_text(t: &Option<String>) -> String {
    match t {
        Some(t) => t.clone(),
        None => "none".into(),
    }
}

fn identity_text(i: Option<Identity>) -> &'static str {
    match i {
        None => "none",
        Some(Identity::Always) => "always",
        Some(Identity::ByDefault) => "by default",
        Some(Identity::Serial) => "serial",
    }
}

/// A column's collation in a summary: `default` for the type's own.
fn collation_text(collation: &Option<TypeName>) -> String {
    collation.as_ref().map_or_else(
        || "default".to_string(),
        |t| Qualified(&t.schema, &t.name).to_string(),
    )
}
