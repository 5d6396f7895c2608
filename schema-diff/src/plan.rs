//! The plan: the ops of [`diff`](crate::diff) turned into ordered steps, each
//! with its SQL (up), the SQL of its inverse (down), its hazards and a
//! one-line summary; ops that would delete data are withheld unless
//! [`PlanOptions::allow_drops`] is set.
//!
//! Pure: no I/O. SQL text comes from `strata_model::ddl` (`create` and `alter`);
//! the cast table that decides `USING`, rewrites and narrowing is
//! [`casts`]. Start reading at [`plan`], then [`Hazard`]. The end-to-end
//! tests (schemas in, rendered SQL out) are in `plan/tests.rs`: a test-only
//! import of [`crate::render`], which otherwise imports this module and not
//! the other way round.
//!
//! # Hazards
//!
//! [`Hazard`], rendered as `-- hazard:` comments, for up and down
//! separately: *deletes data* (drop table/column/enum type/schema, removing
//! an enum value, a narrowing type change); *rewrites the table* (a type
//! change that is not binary-coercible, a re-created enum, adding a column
//! with a volatile default or an identity, `SET LOGGED`/`UNLOGGED`);
//! *takes an ACCESS EXCLUSIVE lock* (every `ALTER TABLE` on an existing
//! table, `DROP INDEX` without CONCURRENTLY); *blocks writes* (`CREATE
//! INDEX` without CONCURRENTLY,
//! adding a foreign key); *can fail on existing rows* (SET NOT NULL, a NOT
//! NULL column added without default, new check/unique/primary key/foreign
//! key/unique index, `VALIDATE CONSTRAINT` of a check or foreign key that
//! was `NOT VALID`, a type change through a cast that can reject values,
//! removing an enum value). Lock and existing-row hazards are not reported
//! for tables the plan creates.
//!
//! # Never destroy data silently
//!
//! Without [`PlanOptions::allow_drops`], ops that delete data go to
//! [`Plan::withheld`] with the reason and their SQL; [`crate::render`]
//! writes them as comments saying how to include them (the setting; the
//! command line's `--allow-drops`). What belongs to a withheld op is
//! withheld with it (the foreign keys of a withheld table). The rest of the
//! plan still works: a withheld table or column is converted by enum
//! re-creations like any other, a withheld NOT NULL column without default
//! gets a note (inserts that omit it fail).
//!
//! # CONCURRENTLY
//!
//! With [`PlanOptions::concurrently`], indexes on existing tables are built
//! and dropped `CONCURRENTLY`; unique constraints and primary keys are built
//! as a unique index `CONCURRENTLY` and then attached `USING INDEX`. Such
//! steps are [`Step::non_transactional`], as is an `ADD VALUE` whose label a
//! default, check or index of the desired schema uses (PostgreSQL refuses an
//! enum value added in the same transaction); [`Plan::needs_no_transaction`]
//! tells the runner (the file is written with `transaction: none`).
//!
//! # Tests
//!
//! The end-to-end unit tests in `plan/tests.rs`; the golden cases
//! `tests/cases/diff/` (their README), run by
//! `tests/integration/diff_golden.rs` against PostgreSQL (up, down and
//! re-introspection); the property tests and the explicit no-false-positives
//! test in `tests/integration/diff_props.rs` (200 cases each by default,
//! fixed seed; a long random run is `PROPTEST_SEED=random
//! PROPTEST_CASES=5000 cargo test -p strata-tests --test integration
//! diff_props`); and `diff_golden::cast_table_agrees_with_postgres` for
//! [`casts`].

pub mod casts;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use strata::ident::{quote_literal, quote_literal_one_line, Ident, Qualified};
use strata::schema::{
    make_object_name, Column, DbObject, EnumType, ForeignKey, Identity, Index, IndexKey,
    ObjectKind, ObjectPart, PartitionOf, PrimaryKey, Schema, SqlType, Table, TypeName, Unique,
};
use strata_model::ddl::alter::{self, EnumValuePosition, TypeChange, Using};
use strata_model::ddl::create;

pub use crate::diff::summary;

use crate::diff::{
    diff_with_notes, drop_cascades, dropped_with_parent_index, enum_dependents_of, enum_user_of,
    Attached, EnumDependents, EnumPosition, EnumUser, Name, Op, ParentIndex, Validated,
};

/// `ALTER TABLE s.t DROP CONSTRAINT IF EXISTS name`.
fn drop_constraint_if_exists(table: &Name, name: &str) -> String {
    format!(
        "ALTER TABLE {} DROP CONSTRAINT IF EXISTS {}",
        table.sql(),
        Ident(name)
    )
}

/// How to plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanOptions {
    /// Include ops that delete data (drop table, column, enum type or value,
    /// schema; narrowing type changes). Without it they are withheld.
    pub allow_drops: bool,
    /// Build and drop indexes on existing tables `CONCURRENTLY` (and unique
    /// and primary keys from an index built that way). Such steps cannot run
    /// inside a transaction.
    pub concurrently: bool,
    /// Online: everything `concurrently` does, and on existing tables
    /// foreign keys and checks added `NOT VALID` then validated in a step
    /// of their own (no write lock while the rows are scanned), `SET NOT
    /// NULL` through a validated `CHECK (col IS NOT NULL)` (no scan under
    /// the ACCESS EXCLUSIVE lock), index builds preceded by a retry-safe
    /// `DROP INDEX CONCURRENTLY IF EXISTS` of a failed attempt's invalid
    /// leftover, and a note for every change that rewrites a table with the
    /// online alternative. Such steps run outside a transaction.
    pub online: bool,
}

/// A risk of running a step on a live database.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Hazard {
    /// Data is lost: a table, column, type, enum value or schema is dropped,
    /// or values are narrowed.
    DeletesData,
    /// The table and its indexes are rewritten (time and disk proportional
    /// to its size, under an ACCESS EXCLUSIVE lock).
    RewritesTable,
    /// Takes an ACCESS EXCLUSIVE lock: blocks reads and writes of the table
    /// while it runs (briefly, unless it also rewrites or scans).
    AccessExclusiveLock,
    /// Blocks writes to the table while it runs (building an index without
    /// CONCURRENTLY, validating a foreign key).
    BlocksWrites,
    /// Fails if existing rows violate it (NOT NULL, CHECK, UNIQUE, a foreign
    /// key, a cast that rejects some values).
    CanFailOnExistingRows,
    /// A `bigint` column becomes a timestamp (or back) with its values
    /// read as milliseconds since 1970-01-01 00:00 UTC: there is no cast
    /// between them, so the plan states the unit it assumes.
    EpochMilliseconds,
}

impl Hazard {
    /// A short explanation, as written in the SQL comments.
    pub fn describe(self) -> &'static str {
        match self {
            Hazard::DeletesData => "deletes data",
            Hazard::RewritesTable => "rewrites the table",
            Hazard::AccessExclusiveLock => "takes an ACCESS EXCLUSIVE lock on the table",
            Hazard::BlocksWrites => "blocks writes to the table while it runs",
            Hazard::CanFailOnExistingRows => "can fail on existing rows",
            Hazard::EpochMilliseconds => {
                "converts between bigint and timestamp as milliseconds since 1970-01-01 00:00 UTC"
            }
        }
    }
}

impl fmt::Display for Hazard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// One op of the migration, ready to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The change.
    pub op: Op,
    /// Its statements (no trailing semicolons).
    pub up: Vec<String>,
    /// The statements that undo it.
    pub down: Vec<String>,
    /// The risks of `up`.
    pub hazards: Vec<Hazard>,
    /// The risks of `down`.
    pub down_hazards: Vec<Hazard>,
    /// One line for people, e.g. `~ column dgs_jobs.progress: real -> double
    /// precision`.
    pub summary: String,
    /// Cannot run inside a transaction block (CONCURRENTLY), or must commit
    /// before a later step can use what it created (a new enum value used by
    /// a default or constraint).
    pub non_transactional: bool,
    /// `down` cannot run inside a transaction block (CONCURRENTLY).
    pub down_non_transactional: bool,
    /// What `up` does to existing tables, as data.
    pub risk: Risk,
    /// What `down` does to existing tables, as data.
    pub down_risk: Risk,
}

/// A table lock level a migration step takes (PostgreSQL's names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LockLevel {
    /// `SHARE UPDATE EXCLUSIVE`: reads and writes go on (VALIDATE
    /// CONSTRAINT, CREATE INDEX CONCURRENTLY).
    ShareUpdateExclusive,
    /// `SHARE`: blocks writes (CREATE INDEX).
    Share,
    /// `SHARE ROW EXCLUSIVE`: blocks writes (ADD FOREIGN KEY).
    ShareRowExclusive,
    /// `ACCESS EXCLUSIVE`: blocks reads and writes (most of ALTER TABLE).
    AccessExclusive,
}

impl LockLevel {
    /// PostgreSQL's name, `ACCESS EXCLUSIVE`.
    pub fn name(self) -> &'static str {
        match self {
            LockLevel::ShareUpdateExclusive => "SHARE UPDATE EXCLUSIVE",
            LockLevel::Share => "SHARE",
            LockLevel::ShareRowExclusive => "SHARE ROW EXCLUSIVE",
            LockLevel::AccessExclusive => "ACCESS EXCLUSIVE",
        }
    }

    /// Queries that write the table wait while it is held.
    pub fn blocks_writes(self) -> bool {
        self >= LockLevel::Share
    }

    /// Queries that read the table wait while it is held.
    pub fn blocks_reads(self) -> bool {
        self == LockLevel::AccessExclusive
    }
}

impl fmt::Display for LockLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a step does to the tables that exist before the migration, as
/// data (the hazards say it in words): the strongest lock it takes,
/// whether it reads every row or rewrites the table and under which lock,
/// whether it deletes data. Tables the plan creates are empty: nothing is
/// reported for them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Risk {
    /// The strongest lock taken on an existing table (`None`: none).
    pub lock: Option<LockLevel>,
    /// Rewrites an existing table.
    pub rewrites: bool,
    /// The lock held while it scans or rewrites (`None`: no scan); with a
    /// lock that blocks writes, the table is blocked for as long as the scan
    /// takes.
    pub scan_lock: Option<LockLevel>,
    /// Deletes data.
    pub deletes_data: bool,
}

impl Risk {
    /// Reads every row of an existing table (an index build, a validation,
    /// a type check, a rewrite): it holds a scan lock.
    pub fn scans(&self) -> bool {
        self.scan_lock.is_some()
    }

    /// Reads or writes of the table wait for as long as it scans or
    /// rewrites.
    pub fn blocks_for_a_scan(&self) -> bool {
        self.scan_lock.is_some_and(LockLevel::blocks_writes)
    }
}

/// An op left out of the migration because it would delete data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Withheld {
    /// The change.
    pub op: Op,
    /// One line for people.
    pub summary: String,
    /// Why it was left out.
    pub reason: String,
    /// The statements it would run.
    pub up: Vec<String>,
}

/// A migration: ordered steps, what was withheld, notes for people.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// The steps, in the order they run.
    pub steps: Vec<Step>,
    /// Ops left out because they delete data.
    pub withheld: Vec<Withheld>,
    /// Suggestions (a `renamed_from` hint for look-alike drop + add pairs)
    /// and explanations (ignored hints, consequences of withheld drops).
    pub notes: Vec<String>,
}

impl Plan {
    /// No steps and nothing withheld: the schemas agree.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty() && self.withheld.is_empty()
    }

    /// One line per step, then one per withheld op.
    pub fn summary(&self) -> Vec<String> {
        let mut out: Vec<String> = self.steps.iter().map(|s| s.summary.clone()).collect();
        for w in &self.withheld {
            out.push(format!("withheld: {} ({})", w.summary, w.reason));
        }
        out
    }

    /// Some step cannot run inside a transaction: run the migration without
    /// one.
    pub fn needs_no_transaction(&self) -> bool {
        self.steps.iter().any(|s| s.non_transactional)
    }

    /// Some step's inverse cannot run inside a transaction: run the down
    /// migration without one.
    pub fn down_needs_no_transaction(&self) -> bool {
        self.steps.iter().any(|s| s.down_non_transactional)
    }
}

/// What statement builders need to know beyond the op.
struct Ctx<'a> {
    opts: &'a PlanOptions,
    /// Tables created by this plan (no need for CONCURRENTLY, no lock or
    /// existing-row hazards).
    created: BTreeSet<Name>,
    current: &'a Schema,
    desired: &'a Schema,
}

impl Ctx<'_> {
    fn existing(&self, table: &Name) -> bool {
        !self.created.contains(table)
    }

    fn concurrently(&self, table: &Name) -> bool {
        (self.opts.concurrently || self.opts.online) && self.existing(table)
    }

    fn online(&self, table: &Name) -> bool {
        self.opts.online && self.existing(table)
    }

    /// Partition `table` belongs, through some ancestor, to a partitioned
    /// table a foreign key references (in either schema): PostgreSQL
    /// refuses to drop it while it is attached (the foreign key's entries
    /// for each partition depend on it), so it is detached first, which
    /// fails on rows the foreign key still references.
    fn referenced_partition(&self, table: &Table) -> bool {
        [self.current, self.desired].into_iter().any(|s| {
            let mut next = table.partition_of.as_ref().map(|p| &p.parent);
            let mut depth = 0;
            while let Some(p) = next.take() {
                let referenced = s.tables.iter().any(|t| {
                    t.foreign_keys
                        .iter()
                        .any(|fk| fk.ref_schema == p.schema && fk.ref_table == p.name)
                });
                if referenced {
                    return true;
                }
                depth += 1;
                if depth < s.tables.len() {
                    next = s
                        .table(&p.schema, &p.name)
                        .and_then(|t| t.partition_of.as_ref())
                        .map(|x| &x.parent);
                }
            }
            false
        })
    }
}

/// True when the key a foreign key references exists, with the same
/// definition and column types, in both `current` and `desired`: the plan
/// then never touches it, and the foreign key can stay.
fn referenced_key_survives(fk: &ForeignKey, current: &Schema, desired: &Schema) -> bool {
    let (Some(cur), Some(des)) = (
        current.table(&fk.ref_schema, &fk.ref_table),
        desired.table(&fk.ref_schema, &fk.ref_table),
    ) else {
        return false;
    };
    let types_kept = fk
        .ref_columns
        .iter()
        .all(|c| match (cur.column(c), des.column(c)) {
            (Some(a), Some(b)) => a.ty == b.ty,
            _ => false,
        });
    if !types_kept {
        return false;
    }
    let cols: BTreeSet<&str> = fk.ref_columns.iter().map(String::as_str).collect();
    let same_set =
        |list: &[String]| list.iter().map(String::as_str).collect::<BTreeSet<_>>() == cols;
    let pk = |t: &Table| t.primary_key.clone().filter(|p| same_set(&p.columns));
    let uniques = |t: &Table| -> Vec<Unique> {
        t.uniques
            .iter()
            .filter(|u| same_set(&u.columns))
            .cloned()
            .collect()
    };
    let indexes = |t: &Table| -> Vec<Index> {
        t.indexes
            .iter()
            .filter(|ix| {
                ix.unique
                    && ix.predicate.is_none()
                    && ix.elements.len() == cols.len()
                    && ix
                        .elements
                        .iter()
                        .all(|e| matches!(&e.key, IndexKey::Column(c) if cols.contains(c.as_str())))
            })
            .cloned()
            .collect()
    };
    let kept_pk = pk(cur).is_some() && pk(cur) == pk(des);
    let kept_unique = uniques(cur).iter().any(|u| uniques(des).contains(u));
    let kept_index = indexes(cur).iter().any(|ix| indexes(des).contains(ix));
    kept_pk || kept_unique || kept_index
}

/// Plans the migration from `current` to `desired` (both canonical).
pub fn plan(current: &Schema, desired: &Schema, opts: &PlanOptions) -> Plan {
    let (ops, mut notes) = diff_with_notes(current, desired);
    let created = ops
        .iter()
        .filter_map(|op| match op {
            Op::CreateTable { table } => Some(Name::new(table.schema.clone(), table.name.clone())),
            _ => None,
        })
        .collect();
    let ctx = Ctx {
        opts,
        created,
        current,
        desired,
    };

    // Withhold what deletes data, then what depends on something withheld.
    let mut withheld: BTreeMap<usize, String> = BTreeMap::new();
    if !opts.allow_drops {
        for (i, op) in ops.iter().enumerate() {
            if let Some(reason) = deletes_data(op) {
                withheld.insert(i, reason);
            }
        }
        // The foreign keys of a withheld table are withheld with it.
        let tables: BTreeSet<Name> = withheld
            .keys()
            .filter_map(|i| match &ops[*i] {
                Op::DropTable { table } => {
                    Some(Name::new(table.schema.clone(), table.name.clone()))
                }
                _ => None,
            })
            .collect();
        // Dropping a constraint deletes no data, so a foreign key of a
        // withheld table is dropped anyway when the key it references does
        // not survive the plan unchanged (PostgreSQL would refuse to drop or
        // change that key while the foreign key exists). A key of another
        // withheld table survives: that table stays as it is.
        for (i, op) in ops.iter().enumerate() {
            let reason = match op {
                Op::DropForeignKey { table, fk }
                    if tables.contains(table)
                        && (tables
                            .contains(&Name::new(fk.ref_schema.clone(), fk.ref_table.clone()))
                            || referenced_key_survives(fk, current, desired)) =>
                {
                    format!("part of dropping table {table}, which is withheld")
                }
                Op::DropForeignKey { table, fk } if tables.contains(table) => {
                    notes.push(format!(
                        "foreign key {} of {table} is dropped although the table's drop is withheld: the key it references ({}.{}({})) changes",
                        strata::ident::quote_ident(&fk.name),
                        strata::ident::quote_ident(&fk.ref_schema),
                        strata::ident::quote_ident(&fk.ref_table),
                        strata::ident::ident_list(&fk.ref_columns),
                    ));
                    continue;
                }
                _ => continue,
            };
            withheld.entry(i).or_insert(reason);
        }
    }

    let mut ops = ops;
    keep_withheld_columns_converted(&mut ops, &withheld);

    let recreated: BTreeSet<Name> = ops
        .iter()
        .enumerate()
        .filter(|(i, _)| !withheld.contains_key(i))
        .filter_map(|(_, op)| match op {
            Op::RecreateEnum { to, .. } => Some(Name::new(to.schema.clone(), to.name.clone())),
            _ => None,
        })
        .collect();

    let mut plan = Plan::default();
    for (i, op) in ops.into_iter().enumerate() {
        let summary = summary(&op);
        let up = statements(&op, &ctx);
        if let Some(reason) = withheld.remove(&i) {
            if let Op::DropColumn { table, column } = &op {
                if !column.nullable && column.default.is_none() && column.identity.is_none() {
                    notes.push(format!(
                        "column {table}.{} is NOT NULL without a default and its drop is withheld: inserts that leave it out fail until it is dropped",
                        Ident(&column.name)
                    ));
                }
            }
            plan.withheld.push(Withheld {
                op,
                summary,
                reason,
                up,
            });
            continue;
        }
        let inverse = op.inverse();
        if let Some(n) = online_note(&op, &ctx) {
            notes.push(n);
        }
        let non_transactional = uses_concurrently(&op, &ctx)
            || match &op {
                Op::AddEnumValue { before, value, .. } => {
                    let name = Name::new(before.schema.clone(), before.name.clone());
                    !recreated.contains(&name) && label_is_used(desired, value)
                }
                _ => false,
            };
        let up_hazards = hazards(&op, &ctx);
        let down_hazards = hazards(&inverse, &ctx);
        plan.steps.push(Step {
            down: statements(&inverse, &ctx),
            risk: risk(&op, &ctx, &up_hazards),
            down_risk: risk(&inverse, &ctx, &down_hazards),
            hazards: up_hazards,
            down_hazards,
            down_non_transactional: uses_concurrently(&inverse, &ctx),
            up,
            summary,
            non_transactional,
            op,
        });
    }
    plan.notes = notes;
    plan
}

/// Tables and columns are dropped before enum types change, so the diff does
/// not convert them; when their drop is withheld they stay, and every enum
/// re-creation (including the one an added value's inverse does) must
/// convert them too, with what depends on the type.
fn keep_withheld_columns_converted(ops: &mut [Op], withheld: &BTreeMap<usize, String>) {
    let mut kept_tables: Vec<Table> = Vec::new();
    let mut kept_columns: Vec<(Name, Column)> = Vec::new();
    for i in withheld.keys() {
        match &ops[*i] {
            Op::DropTable { table } => kept_tables.push(table.clone()),
            Op::DropColumn { table, column } => kept_columns.push((table.clone(), column.clone())),
            _ => {}
        }
    }
    if kept_tables.is_empty() && kept_columns.is_empty() {
        return;
    }
    let mut fks: BTreeMap<Name, Vec<ForeignKey>> = BTreeMap::new();
    for i in withheld.keys() {
        if let Op::DropForeignKey { table, fk } = &ops[*i] {
            fks.entry(table.clone()).or_default().push(fk.clone());
        }
    }
    for t in &mut kept_tables {
        let n = Name::new(t.schema.clone(), t.name.clone());
        t.foreign_keys = fks.remove(&n).unwrap_or_default();
    }
    for (i, op) in ops.iter_mut().enumerate() {
        if withheld.contains_key(&i) {
            continue;
        }
        let (e, removed, users, dependents) = match op {
            Op::AddEnumValue {
                before,
                users,
                dependents,
                ..
            } => (before.clone(), Vec::new(), users, dependents),
            Op::RecreateEnum {
                from,
                to,
                users,
                dependents,
            } => (from.clone(), removed_labels(from, to), users, dependents),
            _ => continue,
        };
        let name = Name::new(e.schema.clone(), e.name.clone());
        for t in &kept_tables {
            let tn = Name::new(t.schema.clone(), t.name.clone());
            users.extend(
                t.columns
                    .iter()
                    .filter_map(|c| enum_user_of(&tn, c, &name, &removed)),
            );
            let d = enum_dependents_of(t, &name);
            dependents.foreign_keys.extend(d.foreign_keys);
            dependents.checks.extend(d.checks);
            dependents.indexes.extend(d.indexes);
        }
        for (tn, c) in &kept_columns {
            users.extend(enum_user_of(tn, c, &name, &removed));
        }
    }
}

/// Why an op deletes data (and is withheld without `allow_drops`).
fn deletes_data(op: &Op) -> Option<String> {
    Some(match op {
        Op::DropTable { table } => format!(
            "deletes data: drops table {} and all its rows",
            Name::new(table.schema.clone(), table.name.clone())
        ),
        Op::DropColumn { table, column } => format!(
            "deletes data: drops column {table}.{} and its values",
            Ident(&column.name)
        ),
        Op::DropEnum { ty } => format!(
            "drops type {}",
            Name::new(ty.schema.clone(), ty.name.clone())
        ),
        Op::DropSchema { name } => format!("drops schema {}", Ident(name)),
        Op::AlterGenerated { table, from, to }
            if from.generated.is_none() && to.generated.is_some() =>
        {
            format!(
                "deletes data: the values of column {table}.{} are replaced by computed ones",
                Ident(&to.name)
            )
        }
        Op::ReplaceObject { from, to }
            if to.kind == ObjectKind::CompositeType && !dropped_parts(from, to).is_empty() =>
        {
            format!(
                "deletes data: drops {} of type {} (and their values in columns of that type)",
                dropped_parts(from, to).join(", "),
                Name::new(to.schema.clone(), to.name.clone())
            )
        }
        Op::DropObject { object } if object.kind == ObjectKind::Sequence => format!(
            "deletes data: drops sequence {} and its current value",
            Name::new(object.schema.clone(), object.name.clone())
        ),
        Op::RecreateEnum { from, to, .. } => {
            let removed = removed_labels(from, to);
            if removed.is_empty() {
                return None;
            }
            format!(
                "deletes data: removes enum value{} {} (rows holding {} make the migration fail)",
                if removed.len() > 1 { "s" } else { "" },
                removed.join(", "),
                if removed.len() > 1 { "them" } else { "it" }
            )
        }
        Op::AlterColumnType { from, to, .. } if casts::conversion(from, to).narrowing => {
            format!("deletes data: narrowing {from} to {to} can truncate or round values")
        }
        _ => return None,
    })
}

fn removed_labels(from: &EnumType, to: &EnumType) -> Vec<String> {
    from.labels
        .iter()
        .filter(|l| !to.labels.contains(l))
        .map(|l| quote_literal(l))
        .collect()
}

/// The label appears as a literal in a default, CHECK or index of `desired`:
/// adding it must commit before those are created.
fn label_is_used(desired: &Schema, label: &str) -> bool {
    let lit = quote_literal(label);
    desired.tables.iter().any(|t| {
        t.columns
            .iter()
            .any(|c| c.default.as_deref().is_some_and(|d| d.contains(&lit)))
            || t.checks.iter().any(|c| c.expression.contains(&lit))
            || t.indexes.iter().any(|ix| {
                ix.predicate.as_deref().is_some_and(|p| p.contains(&lit))
                    || ix
                        .elements
                        .iter()
                        .any(|e| matches!(&e.key, IndexKey::Expression(x) if x.contains(&lit)))
            })
    })
}

/// The step runs outside a transaction: CONCURRENTLY, or (online) a
/// validation that must not hold the lock of the statement before it.
fn uses_concurrently(op: &Op, ctx: &Ctx<'_>) -> bool {
    match op {
        Op::CreateIndex { table, .. }
        | Op::DropIndex { table, .. }
        | Op::AddPrimaryKey { table, .. }
        | Op::AddUnique { table, .. } => ctx.concurrently(table),
        // Added `NOT VALID` as it is: no validation step.
        Op::AddCheck { table, check } => ctx.online(table) && !check.not_valid,
        Op::AddForeignKey { table, .. }
        | Op::ValidateConstraint {
            table, valid: true, ..
        }
        | Op::SetNotNull { table, .. } => ctx.online(table),
        _ => false,
    }
}

/// Online: the note for a change that rewrites an existing table, with the
/// alternative that keeps it serving.
fn online_note(op: &Op, ctx: &Ctx<'_>) -> Option<String> {
    match op {
        Op::AlterColumnType {
            table,
            column,
            from,
            to,
            ..
        } if ctx.online(table) && casts::conversion(from, to).rewrites => Some(format!(
            "online: changing {table}.{} from {from} to {to} rewrites the table under an ACCESS EXCLUSIVE lock (reads and writes wait until it ends); to keep serving, add a new column of type {to}, backfill it in batches, switch the application to it, then drop the old column",
            Ident(column)
        )),
        Op::AddColumn { table, column } if ctx.online(table) => {
            let volatile = column
                .default
                .as_deref()
                .is_some_and(|d| VOLATILE_DEFAULTS.iter().any(|f| d.contains(f)));
            (volatile || column.identity.is_some() || column.generated.is_some()).then(|| format!(
                "online: adding {table}.{} rewrites the table under an ACCESS EXCLUSIVE lock (a volatile default, an identity or a generated column); to keep serving, add it without a default, backfill it in batches, then set the default",
                Ident(&column.name)
            ))
        }
        _ => None,
    }
}

/// The step's [`Risk`] on existing tables.
fn risk(op: &Op, ctx: &Ctx<'_>, hazards: &[Hazard]) -> Risk {
    use LockLevel::*;
    let existing = |t: &Name| ctx.existing(t);
    let deletes_data = hazards.contains(&Hazard::DeletesData);
    let rewrites = hazards.contains(&Hazard::RewritesTable);
    // (lock, scan lock) for the ops whose locks differ from the hazards'.
    let special = match op {
        Op::CreateIndex { table, .. } if existing(table) => {
            let l = if ctx.concurrently(table) {
                ShareUpdateExclusive
            } else {
                Share
            };
            Some((l, Some(l)))
        }
        Op::DropIndex { table, .. } if existing(table) => {
            let l = if ctx.concurrently(table) {
                ShareUpdateExclusive
            } else {
                AccessExclusive
            };
            Some((l, None))
        }
        Op::AddPrimaryKey { table, .. } | Op::AddUnique { table, .. } if existing(table) => {
            if ctx.concurrently(table) {
                Some((AccessExclusive, Some(ShareUpdateExclusive)))
            } else {
                Some((AccessExclusive, Some(AccessExclusive)))
            }
        }
        Op::AddForeignKey { table, .. } if existing(table) => {
            let scan = if ctx.online(table) {
                ShareUpdateExclusive
            } else {
                ShareRowExclusive
            };
            Some((ShareRowExclusive, Some(scan)))
        }
        // Added `NOT VALID`: no row is read (nor checked).
        Op::AddCheck { table, check } if check.not_valid && existing(table) => {
            Some((AccessExclusive, None))
        }
        Op::AddCheck { table, .. } | Op::SetNotNull { table, .. } if existing(table) => {
            let scan = if ctx.online(table) {
                ShareUpdateExclusive
            } else {
                AccessExclusive
            };
            Some((AccessExclusive, Some(scan)))
        }
        Op::AlterColumnType { from, to, .. } => {
            let c = casts::conversion(from, to);
            Some((
                AccessExclusive,
                (c.rewrites || c.can_fail).then_some(AccessExclusive),
            ))
        }
        Op::AttachPartition { .. } => Some((AccessExclusive, Some(AccessExclusive))),
        // CREATE TRIGGER; an exclusion constraint is checked against every
        // row under its lock.
        Op::CreateObject { object } if hazards.contains(&Hazard::BlocksWrites) => {
            (object.kind == ObjectKind::Trigger).then_some((ShareRowExclusive, None))
        }
        Op::CreateObject { object }
            if object.kind == ObjectKind::Exclusion
                && hazards.contains(&Hazard::AccessExclusiveLock) =>
        {
            Some((AccessExclusive, Some(AccessExclusive)))
        }
        Op::ValidateConstraint { valid: true, .. } => {
            Some((ShareUpdateExclusive, Some(ShareUpdateExclusive)))
        }
        Op::ValidateConstraint { .. } => Some((AccessExclusive, None)),
        Op::SetStatistics { table, .. } | Op::SetColumnOptions { table, .. } if existing(table) => {
            Some((ShareUpdateExclusive, None))
        }
        Op::CreateIndex { .. }
        | Op::DropIndex { .. }
        | Op::AddPrimaryKey { .. }
        | Op::AddUnique { .. }
        | Op::AddForeignKey { .. }
        | Op::AddCheck { .. }
        | Op::SetNotNull { .. } => {
            return Risk {
                deletes_data,
                ..Risk::default()
            }
        }
        _ => None,
    };
    let (lock, scan_lock) = match special {
        Some((l, scan)) => (Some(l), scan),
        None => {
            let lock = if hazards.contains(&Hazard::AccessExclusiveLock) {
                Some(AccessExclusive)
            } else if hazards.contains(&Hazard::BlocksWrites) {
                Some(Share)
            } else {
                None
            };
            (lock, rewrites.then_some(AccessExclusive))
        }
    };
    let scan_lock = if rewrites {
        Some(AccessExclusive)
    } else {
        scan_lock
    };
    Risk {
        lock,
        rewrites,
        scan_lock,
        deletes_data,
    }
}

/// `statements`, then the object's `COMMENT ON CONSTRAINT` (or `COMMENT ON
/// INDEX`) when it has a comment.
fn with_comment(
    table: &Name,
    name: &str,
    comment: &Option<String>,
    index: bool,
    mut statements: Vec<String>,
) -> Vec<String> {
    if comment.is_some() {
        statements.push(if index {
            create::comment_on_index(&table.schema, name, comment)
        } else {
            create::comment_on_constraint(&stub(table), name, comment)
        });
    }
    statements
}

/// See [`Op::SetIndexAttachments`].
fn set_index_attachments(
    table: &Name,
    index: &ParentIndex,
    from: &[Attached],
    to: &[Attached],
    takes_away: bool,
) -> Vec<String> {
    let parent = stub(table);
    let mut out = Vec::new();
    let made: Vec<&Attached> = if !takes_away {
        to.iter()
            .filter(|t| !from.iter().any(|f| f.partition == t.partition))
            .collect()
    } else {
        // An index cannot be detached: the parent's is made again with
        // none attached.
        out.extend(match index {
            ParentIndex::Index(ix) => with_comment(
                table,
                &ix.name,
                &ix.comment,
                true,
                vec![
                    alter::drop_index(&table.schema, &ix.name, false),
                    create::create_index_on_only(&parent, ix),
                ],
            ),
            ParentIndex::PrimaryKey(pk) => with_comment(
                table,
                &pk.name,
                &pk.comment,
                false,
                vec![
                    alter::drop_constraint(&table.schema, &table.name, &pk.name),
                    create::add_primary_key_only(&parent, pk),
                ],
            ),
            ParentIndex::Unique(u) => with_comment(
                table,
                &u.name,
                &u.comment,
                false,
                vec![
                    alter::drop_constraint(&table.schema, &table.name, &u.name),
                    create::add_unique_only(&parent, u),
                ],
            ),
        });
        to.iter().collect()
    };
    for a in made {
        let part = stub(&a.partition);
        let name = a.index.clone();
        out.push(match index {
            ParentIndex::Index(ix) => create::create_index(
                &part,
                &Index {
                    name,
                    comment: None,
                    ..ix.clone()
                },
                false,
                false,
            ),
            ParentIndex::PrimaryKey(pk) => create::add_primary_key(
                &part,
                &PrimaryKey {
                    name,
                    comment: None,
                    ..pk.clone()
                },
            ),
            ParentIndex::Unique(u) => create::add_unique(
                &part,
                &Unique {
                    name,
                    comment: None,
                    ..u.clone()
                },
            ),
        });
        out.push(alter::attach_index(
            &table.schema,
            index.name(),
            &a.partition.schema,
            &a.index,
        ));
    }
    out
}

fn stub(table: &Name) -> Table {
    Table::new(table.schema.clone(), table.name.clone())
}

/// A name for the old type while an enum is re-created (`<name>_old`),
/// free in both schemas.
fn temp_enum_name(ctx: &Ctx<'_>, e: &EnumType) -> String {
    // Tables have a row type of their name: they take type names too.
    let taken = |n: &str| {
        [ctx.current, ctx.desired]
            .iter()
            .any(|s| s.enum_type(&e.schema, n).is_some() || s.table(&e.schema, n).is_some())
    };
    let mut n = 0u32;
    loop {
        let label = if n == 0 {
            "old".to_string()
        } else {
            format!("old{n}")
        };
        let name = make_object_name(&e.name, None, Some(&label));
        if !taken(&name) {
            return name;
        }
        n += 1;
    }
}

/// An object's definition as one statement group (the last `;` is the
/// renderer's), then its comment.
fn create_object(o: &DbObject) -> Vec<String> {
    let def = o.definition.trim_end();
    let mut out = routine_body_unchecked(o, def.strip_suffix(';').unwrap_or(def).to_string());
    if o.comment.is_some() {
        out.push(comment_on_object(o, o.comment.as_deref()));
    }
    out
}

/// A routine's `CREATE [OR REPLACE]` between `SET check_function_bodies =
/// off` and `RESET check_function_bodies`, as pg_dump writes routines: the
/// body of a `LANGUAGE sql` routine (not `BEGIN ATOMIC`) may name tables
/// and functions that PostgreSQL does not record as dependencies, so no
/// order of the plan can promise they exist when the routine is created
/// (a function a table's default calls must come before the table, its body
/// may read another table). The body is checked when it first runs, as it
/// would be after any later change of what it reads. Other objects: `sql`
/// alone.
fn routine_body_unchecked(o: &DbObject, sql: String) -> Vec<String> {
    if matches!(o.kind, ObjectKind::Function | ObjectKind::Procedure) {
        vec![
            "SET check_function_bodies = off".to_string(),
            sql,
            "RESET check_function_bodies".to_string(),
        ]
    } else {
        vec![sql]
    }
}

/// How SQL names the object after `COMMENT ON` / `DROP`: `VIEW app.v`,
/// `FUNCTION public.f(integer)`, `TRIGGER t ON public.tab`.
fn object_target(o: &DbObject) -> String {
    let q = Qualified(&o.schema, &o.name).to_string();
    let on = |kind: &str| {
        let table = o.table.as_deref().unwrap_or(&o.name);
        format!(
            "{kind} {} ON {}",
            Ident(&o.name),
            Qualified(&o.schema, table)
        )
    };
    let routine = |kind: &str| format!("{kind} {q}({})", o.arguments.as_deref().unwrap_or(""));
    match o.kind {
        ObjectKind::Extension => format!("EXTENSION {}", Ident(&o.name)),
        ObjectKind::Collation => format!("COLLATION {q}"),
        ObjectKind::Sequence | ObjectKind::SequenceOwnership => format!("SEQUENCE {q}"),
        ObjectKind::Domain => format!("DOMAIN {q}"),
        ObjectKind::CompositeType | ObjectKind::RangeType => format!("TYPE {q}"),
        ObjectKind::Function => routine("FUNCTION"),
        ObjectKind::Procedure => routine("PROCEDURE"),
        ObjectKind::Aggregate => routine("AGGREGATE"),
        // An operator's name is no identifier (`===`): the catalog holds only
        // operator characters, printed as they are.
        ObjectKind::Operator => format!(
            "OPERATOR {}.{} ({})",
            Ident(&o.schema),
            o.name,
            o.arguments.as_deref().unwrap_or("")
        ),
        // `source AS target`, the types as the server prints them.
        ObjectKind::Cast => format!("CAST ({})", o.name),
        ObjectKind::ForeignDataWrapper => format!("FOREIGN DATA WRAPPER {}", Ident(&o.name)),
        ObjectKind::ForeignServer => format!("SERVER {}", Ident(&o.name)),
        ObjectKind::UserMapping => format!(
            "USER MAPPING FOR {} SERVER {}",
            if o.name == "PUBLIC" {
                "PUBLIC".to_string()
            } else {
                Ident(&o.name).to_string()
            },
            Ident(o.arguments.as_deref().unwrap_or(""))
        ),
        ObjectKind::ForeignTable => format!("FOREIGN TABLE {q}"),
        ObjectKind::Publication => format!("PUBLICATION {}", Ident(&o.name)),
        ObjectKind::TextSearchTemplate => format!("TEXT SEARCH TEMPLATE {q}"),
        ObjectKind::TextSearchParser => format!("TEXT SEARCH PARSER {q}"),
        ObjectKind::TextSearchDictionary => format!("TEXT SEARCH DICTIONARY {q}"),
        ObjectKind::TextSearchConfiguration => format!("TEXT SEARCH CONFIGURATION {q}"),
        ObjectKind::EventTrigger => format!("EVENT TRIGGER {}", Ident(&o.name)),
        ObjectKind::Subscription => format!("SUBSCRIPTION {}", Ident(&o.name)),
        ObjectKind::View => format!("VIEW {q}"),
        ObjectKind::MaterializedView => format!("MATERIALIZED VIEW {q}"),
        ObjectKind::Trigger => on("TRIGGER"),
        ObjectKind::Rule => on("RULE"),
        ObjectKind::Policy => on("POLICY"),
        ObjectKind::Exclusion => on("CONSTRAINT"),
        ObjectKind::Statistics => format!("STATISTICS {q}"),
        ObjectKind::RowSecurity => format!("TABLE {q}"),
        ObjectKind::Grant => format!("ON {}", o.arguments.as_deref().unwrap_or("")),
        ObjectKind::Owner | ObjectKind::DefaultPrivilege | ObjectKind::Comment => {
            o.arguments.as_deref().unwrap_or("").to_string()
        }
    }
}

/// Checks the SQL text an object carries when it comes from a JSON schema
/// (read from a catalog, it is the server's own printing): its name and
/// arguments where they go into statements unquoted (an operator's name,
/// a cast's types, a routine's arguments) hold no `;` or comment, the
/// statements built from them (`DROP ...`, `COMMENT ON ...`) parse as one
/// statement on one object, and its definition, drop statement and parts
/// hold only statements of their use ([`crate::sql::validate_object_sql`]).
/// The error says what is wrong; the caller names the object and file.
pub fn validate_object(o: &DbObject) -> Result<(), String> {
    use crate::sql::{
        validate_clause, validate_object_sql, validate_object_sql_of, validate_piece, ObjectShape,
        ObjectSql,
    };
    if o.kind == ObjectKind::Operator
        && (o.name.is_empty() || !o.name.chars().all(|c| "+-*/<>=~!@#%^&|`?".contains(c)))
    {
        return Err(format!(
            "the operator name `{}` is not made of operator characters",
            o.name
        ));
    }
    if o.kind == ObjectKind::Cast {
        validate_piece(&o.name).map_err(within("the cast's types"))?;
    }
    // Arguments that go into statements as they are (a user mapping's
    // server is quoted; a grant's, owner's or comment's target is text
    // for people and matching).
    if matches!(
        o.kind,
        ObjectKind::Function | ObjectKind::Procedure | ObjectKind::Aggregate | ObjectKind::Operator
    ) {
        if let Some(a) = &o.arguments {
            validate_piece(a).map_err(within("the arguments"))?;
        }
    }
    let (kinds, parts_kinds) = statement_kinds(o.kind);
    let table = o.table.as_deref().unwrap_or(&o.name);
    let shape = ObjectShape {
        kinds,
        relation: (o.kind != ObjectKind::Owner).then_some((o.schema.as_str(), table)),
        owner_only: o.kind == ObjectKind::Owner,
    };
    validate_object_sql_of(&o.definition, ObjectSql::Create, &shape)
        .map_err(within("the definition"))?;
    // Only what the catalog reads with a drop statement of its own has
    // one; the drop of anything else is built from its name.
    let own_drop: &[&str] = match o.kind {
        ObjectKind::SequenceOwnership => &["AlterSeqStmt"],
        ObjectKind::Comment => &["CommentStmt"],
        ObjectKind::DefaultPrivilege => &["AlterDefaultPrivilegesStmt"],
        ObjectKind::Grant => &["GrantStmt"],
        _ => &[],
    };
    match (&o.drop, own_drop.is_empty()) {
        (Some(_), true) => {
            return Err(format!(
                "a {} has no drop statement of its own (its drop is built from its name)",
                o.kind.as_str()
            ))
        }
        (None, false) => return Err(format!("a {} needs its drop statement", o.kind.as_str())),
        (Some(d), false) => {
            let shape = ObjectShape {
                kinds: own_drop,
                ..shape.clone()
            };
            validate_object_sql_of(d, ObjectSql::Create, &shape)
                .map_err(within("the drop statement"))?;
        }
        (None, true) => {}
    }
    if let Some(parts) = &o.parts {
        if o.kind == ObjectKind::Domain {
            validate_clause("CREATE DOMAIN strata_check AS ", &parts.fixed, "")
                .map_err(within("the base type"))?;
        }
        let part_shape = ObjectShape {
            kinds: parts_kinds,
            ..shape.clone()
        };
        for p in &parts.items {
            let part = |what: &str| format!("part `{}`, {what}", p.key);
            let add_usage = if o.kind == ObjectKind::Sequence {
                ObjectSql::Sequence
            } else {
                ObjectSql::Create
            };
            for (text, what, u) in [
                (Some(&p.add), "add", add_usage),
                (p.change.as_ref(), "change", add_usage),
                (Some(&p.drop), "drop", ObjectSql::Drop),
            ] {
                // An empty statement means there is nothing to run.
                if let Some(t) = text.filter(|t| !t.trim().is_empty()) {
                    validate_object_sql_of(t, u, &part_shape).map_err(within(&part(what)))?;
                }
            }
            if let Some(r) = &p.rename {
                // No `;` or comment in the whole: one statement.
                let rename = format!("{} {} TO {}", r.prefix, r.name, r.name);
                validate_piece(&rename)
                    .and_then(|()| validate_object_sql(&rename, ObjectSql::Create))
                    .map_err(within(&part("rename")))?;
            }
        }
    }
    // What the plan builds from the name and arguments: one statement on
    // one object.
    if !matches!(
        o.kind,
        ObjectKind::Grant | ObjectKind::Owner | ObjectKind::DefaultPrivilege | ObjectKind::Comment
    ) {
        // A row-level security's and a subscription's drops are two or
        // three statements built from the quoted name alone.
        if o.drop.is_none() && !matches!(o.kind, ObjectKind::RowSecurity | ObjectKind::Subscription)
        {
            let drop = drop_object(o);
            validate_piece(&drop)
                .and_then(|()| validate_object_sql(&drop, ObjectSql::Drop))
                .map_err(within("its drop statement"))?;
        }
        if !matches!(o.kind, ObjectKind::RowSecurity | ObjectKind::UserMapping) {
            let comment = comment_on_object(o, None);
            validate_piece(&comment)
                .and_then(|()| validate_object_sql(&comment, ObjectSql::Create))
                .map_err(within("its COMMENT statement"))?;
        }
    }
    Ok(())
}

/// The statement kinds (parse tree node names) an object of `kind` holds
/// in its definition, and in its parts, as the catalog reader writes them.
fn statement_kinds(kind: ObjectKind) -> (&'static [&'static str], &'static [&'static str]) {
    use ObjectKind as K;
    const TABLE: &str = "AlterTableStmt";
    match kind {
        K::Extension => (&["CreateExtensionStmt"], &["AlterExtensionStmt"]),
        K::Collation | K::Aggregate | K::TextSearchTemplate | K::TextSearchParser => {
            (&["DefineStmt"], &[])
        }
        K::Operator => (&["DefineStmt"], &["AlterOperatorStmt"]),
        K::TextSearchDictionary => (&["DefineStmt"], &["AlterTsdictionaryStmt"]),
        K::TextSearchConfiguration => (
            &["DefineStmt", "AlterTsconfigurationStmt"],
            &["AlterTsconfigurationStmt"],
        ),
        K::Sequence => (&["CreateSeqStmt"], &["AlterSeqStmt", TABLE]),
        K::SequenceOwnership => (&["AlterSeqStmt", TABLE], &[]),
        K::Domain => (
            &["CreateDomainStmt", "AlterDomainStmt"],
            &["AlterDomainStmt", "RenameStmt"],
        ),
        K::CompositeType => (&["CompositeTypeStmt"], &[TABLE]),
        K::RangeType => (&["CreateRangeStmt"], &[]),
        K::Function | K::Procedure => (&["CreateFunctionStmt"], &[]),
        K::Cast => (&["CreateCastStmt"], &[]),
        K::ForeignDataWrapper => (&["CreateFdwStmt"], &["AlterFdwStmt"]),
        K::ForeignServer => (&["CreateForeignServerStmt"], &["AlterForeignServerStmt"]),
        K::UserMapping => (&["CreateUserMappingStmt"], &["AlterUserMappingStmt"]),
        K::ForeignTable => (&["CreateForeignTableStmt", TABLE], &[]),
        K::View => (&["ViewStmt", TABLE], &[]),
        K::MaterializedView => (&["CreateTableAsStmt", "IndexStmt", TABLE], &[]),
        K::Publication => (&["CreatePublicationStmt", "AlterPublicationStmt"], &[]),
        K::Trigger => (&["CreateTrigStmt", TABLE], &[]),
        K::Rule => (&["RuleStmt", TABLE], &[]),
        K::EventTrigger => (&["CreateEventTrigStmt", "AlterEventTrigStmt"], &[]),
        K::Subscription => (
            &["CreateSubscriptionStmt", "AlterSubscriptionStmt"],
            &["AlterSubscriptionStmt"],
        ),
        K::RowSecurity | K::Exclusion => (&[TABLE], &[]),
        K::Policy => (&["CreatePolicyStmt"], &["AlterPolicyStmt"]),
        K::Statistics => (&["CreateStatsStmt", "AlterStatsStmt"], &[]),
        K::Grant => (&["GrantStmt"], &["GrantStmt"]),
        K::Owner => (&["AlterOwnerStmt", TABLE], &[]),
        K::DefaultPrivilege => (&["AlterDefaultPrivilegesStmt"], &[]),
        K::Comment => (&["CommentStmt"], &[]),
    }
}

/// Prefixes an error with what it is about.
fn within(what: &str) -> impl FnOnce(String) -> String + '_ {
    move |e| format!("{what}: {e}")
}

fn drop_object(o: &DbObject) -> String {
    if let Some(d) = &o.drop {
        let d = d.trim_end();
        return d.strip_suffix(';').unwrap_or(d).to_string();
    }
    match o.kind {
        ObjectKind::RowSecurity => {
            let q = Qualified(&o.schema, &o.name);
            format!(
                "ALTER TABLE {q} DISABLE ROW LEVEL SECURITY;\nALTER TABLE {q} NO FORCE ROW LEVEL SECURITY"
            )
        }
        ObjectKind::Exclusion => format!(
            "ALTER TABLE {} DROP CONSTRAINT {}",
            Qualified(&o.schema, o.table.as_deref().unwrap_or_default()),
            Ident(&o.name)
        ),
        // Without its slot: DROP SUBSCRIPTION would connect to the
        // publisher to drop it (and cannot run in a transaction then).
        ObjectKind::Subscription => {
            let s = Ident(&o.name);
            format!(
                "ALTER SUBSCRIPTION {s} DISABLE;\nALTER SUBSCRIPTION {s} SET (slot_name = NONE);\nDROP SUBSCRIPTION {s}"
            )
        }
        _ => format!("DROP {}", object_target(o)),
    }
}

/// The columns of the current schema (partitions aside: theirs follow
/// their parent's) that `uses` picks and that the desired schema keeps
/// under the same table and column names, so they exist when what they
/// use is re-created, in the up and in the down direction alike.
fn kept_columns_using<'a>(
    ctx: &Ctx<'a>,
    uses: impl Fn(&Column) -> bool,
) -> Vec<(&'a Table, &'a Column)> {
    let mut out = Vec::new();
    for t in &ctx.current.tables {
        if t.partition_of.is_some() {
            continue;
        }
        let Some(dt) = ctx
            .desired
            .tables
            .iter()
            .find(|d| d.schema == t.schema && d.name == t.name)
        else {
            continue;
        };
        for c in &t.columns {
            if uses(c) && dt.columns.iter().any(|d| d.name == c.name) {
                out.push((t, c));
            }
        }
    }
    out
}

/// For a collation dropped and created again in one step: the kept
/// columns that use it ([`kept_columns_using`]).
fn collation_users<'a>(ctx: &Ctx<'a>, o: &DbObject) -> Vec<(&'a Table, &'a Column)> {
    if o.kind != ObjectKind::Collation {
        return Vec::new();
    }
    kept_columns_using(ctx, |c| {
        c.collation
            .as_ref()
            .is_some_and(|n| n.schema == o.schema && n.name == o.name)
    })
}

/// For a domain dropped and created again in one step (its base type
/// changes): the kept columns of its type or of arrays of it.
fn domain_users<'a>(ctx: &Ctx<'a>, o: &DbObject) -> Vec<(&'a Table, &'a Column)> {
    if o.kind != ObjectKind::Domain {
        return Vec::new();
    }
    kept_columns_using(
        ctx,
        |c| matches!(element_type(&c.ty).0, SqlType::Named(n) if n.schema == o.schema && n.name == o.name),
    )
}

/// The element type of `ty` and how many array levels wrap it.
fn element_type(ty: &SqlType) -> (&SqlType, usize) {
    match ty {
        SqlType::Array(inner) => {
            let (e, depth) = element_type(inner);
            (e, depth + 1)
        }
        other => (other, 0),
    }
}

/// `ALTER TABLE ... ALTER COLUMN ... TYPE` the base type of `domain` (as
/// its parts' fixed text reads: `numeric(10,2)`, `text COLLATE "C"`),
/// through the same array levels: the column's values stay as they are.
/// `None` when the domain's base type was not read.
fn off_domain(t: &Table, c: &Column, domain: &DbObject) -> Option<String> {
    let fixed = &domain.parts.as_ref()?.fixed;
    let (base, collate) = match fixed.split_once(" COLLATE ") {
        Some((b, c)) => (b, Some(c)),
        None => (fixed.as_str(), None),
    };
    let depth = element_type(&c.ty).1;
    Some(format!(
        "ALTER TABLE {} ALTER COLUMN {} TYPE {base}{}{}",
        Qualified(&t.schema, &t.name),
        Ident(&c.name),
        "[]".repeat(depth),
        collate.map(|c| format!(" COLLATE {c}")).unwrap_or_default()
    ))
}

/// `ALTER TABLE ... ALTER COLUMN ... TYPE` the column's own type again
/// (the re-created domain), each value cast to it.
fn back_on_domain(t: &Table, c: &Column) -> String {
    format!(
        "ALTER TABLE {} ALTER COLUMN {} TYPE {ty} USING {}::{ty}",
        Qualified(&t.schema, &t.name),
        Ident(&c.name),
        Ident(&c.name),
        ty = c.ty
    )
}

/// `ALTER TABLE ... ALTER COLUMN ... TYPE ... COLLATE` the collation `to`
/// (`None`: the default one), the column's type unchanged.
fn set_column_collation(t: &Table, c: &Column, to: Option<&DbObject>) -> String {
    format!(
        "ALTER TABLE {} ALTER COLUMN {} TYPE {} COLLATE {}",
        Qualified(&t.schema, &t.name),
        Ident(&c.name),
        c.ty,
        to.map_or_else(
            || "pg_catalog.\"default\"".to_string(),
            |o| Qualified(&o.schema, &o.name).to_string()
        )
    )
}

/// The in-place change: a sequence's options through `ALTER SEQUENCE`, a
/// domain's or composite type's parts one by one ([`alter_parts`]),
/// anything else by its definition (`CREATE OR REPLACE`, `OWNER TO`).
fn replace_object(from: &DbObject, to: &DbObject) -> Vec<String> {
    // An extension updated in place whose inverse has no update path back
    // (PostgreSQL ships few downgrade scripts) is dropped and created.
    if to.kind == ObjectKind::Extension && !from.extension_update_reaches(to) {
        let mut out = vec![drop_object(from)];
        out.extend(create_object(to));
        return out;
    }
    if let (Some(a), Some(b)) = (&from.parts, &to.parts) {
        if to.kind == ObjectKind::Grant {
            return alter_grant(&a.items, &b.items);
        }
        return alter_parts(&a.items, &b.items);
    }
    let def = to.definition.trim_end();
    let def = def.strip_suffix(';').unwrap_or(def);
    match (to.kind, sequence_options(def)) {
        (ObjectKind::Sequence, Some((unlogged, rest))) => {
            let mut out = vec![format!("ALTER SEQUENCE {rest}")];
            if sequence_options(&from.definition).is_some_and(|(was, _)| was != unlogged) {
                out.push(format!(
                    "ALTER SEQUENCE {} SET {}",
                    Qualified(&to.schema, &to.name),
                    if unlogged { "UNLOGGED" } else { "LOGGED" }
                ));
            }
            out
        }
        _ => vec![def.to_string()],
    }
}

/// A sequence's definition (`CREATE [UNLOGGED] SEQUENCE rest`): whether
/// it is unlogged, and `rest`.
pub(crate) fn sequence_options(def: &str) -> Option<(bool, &str)> {
    if let Some(rest) = def.strip_prefix("CREATE SEQUENCE ") {
        Some((false, rest))
    } else {
        def.strip_prefix("CREATE UNLOGGED SEQUENCE ")
            .map(|rest| (true, rest))
    }
}

/// A view's new query: `CREATE OR REPLACE VIEW` (with its options, which
/// it replaces) when the columns stay or more are appended; otherwise (the
/// way back from appended columns) what depends on it is dropped, the view
/// dropped and created, and the dependents created again.
fn replace_view(from: &DbObject, to: &DbObject, dependents: &[DbObject]) -> Vec<String> {
    let mut out = Vec::new();
    if crate::diff::view_replaceable(from, to) {
        let def = to.definition.trim_end();
        let def = def.strip_suffix(';').unwrap_or(def);
        out.push(match def.strip_prefix("CREATE VIEW ") {
            Some(rest) => format!("CREATE OR REPLACE VIEW {rest}"),
            None => def.to_string(),
        });
        if from.comment != to.comment {
            out.push(comment_on_object(to, to.comment.as_deref()));
        }
        return out;
    }
    // An owner goes with what it owns.
    for d in dependents
        .iter()
        .rev()
        .filter(|d| d.kind != ObjectKind::Owner)
    {
        out.push(drop_object(d));
    }
    out.push(drop_object(from));
    out.extend(create_object(to));
    for d in dependents {
        out.extend(create_object(d));
    }
    out
}

/// The statements that turn the parts `from` into `to`: parts that go are
/// dropped (last first), renamed parts renamed, changed parts changed (or
/// dropped and added again), new parts added in order.
fn alter_parts(from: &[ObjectPart], to: &[ObjectPart]) -> Vec<String> {
    let find = |list: &[ObjectPart], key: &str| list.iter().position(|p| p.key == key);
    let mut gone: Vec<&ObjectPart> = from.iter().filter(|p| find(to, &p.key).is_none()).collect();
    let mut new: Vec<&ObjectPart> = to.iter().filter(|p| find(from, &p.key).is_none()).collect();
    let mut renames = Vec::new();
    gone.retain(|g| {
        let Some(rg) = &g.rename else {
            return true;
        };
        let Some(i) = new
            .iter()
            .position(|n| n.rename.as_ref().is_some_and(|rn| rn.body == rg.body))
        else {
            return true;
        };
        let n = new.remove(i);
        if let Some(rn) = &n.rename {
            renames.push(format!("{} {} TO {}", rn.prefix, rg.name, rn.name));
        }
        false
    });
    let mut out: Vec<String> = gone.iter().rev().map(|p| p.drop.clone()).collect();
    out.extend(renames);
    for p in to {
        let Some(old) = find(from, &p.key).map(|i| &from[i]) else {
            continue;
        };
        if old.add == p.add {
            continue;
        }
        match &p.change {
            Some(c) => out.push(c.clone()),
            None => {
                out.push(old.drop.clone());
                out.push(p.add.clone());
            }
        }
    }
    out.extend(new.iter().map(|p| p.add.clone()));
    out
}

/// A grantee's privileges on one object, one by one: new ones granted
/// first, then grant options given or taken back, then the privileges that
/// go revoked, so the grantee's ACL entry never empties (PostgreSQL would
/// remove it, and a later `GRANT` append it at the end). Each statement
/// touches its own privilege, so their order changes nothing else.
fn alter_grant(from: &[ObjectPart], to: &[ObjectPart]) -> Vec<String> {
    let old = |key: &str| from.iter().find(|p| p.key == key);
    let mut out: Vec<String> = to
        .iter()
        .filter(|p| old(&p.key).is_none())
        .map(|p| p.add.clone())
        .collect();
    for p in to {
        if let Some(o) = old(&p.key) {
            if o.add != p.add {
                out.push(p.change.clone().unwrap_or_else(|| p.add.clone()));
            }
        }
    }
    out.extend(
        from.iter()
            .filter(|p| !to.iter().any(|q| q.key == p.key))
            .map(|p| p.drop.clone()),
    );
    out
}

/// Whether an in-place change adds or changes a part (a rename does not).
fn adds_parts(from: &DbObject, to: &DbObject) -> bool {
    let (Some(a), Some(b)) = (&from.parts, &to.parts) else {
        return false;
    };
    b.items.iter().any(|p| {
        !a.items.iter().any(|q| {
            q.add == p.add
                || matches!((&q.rename, &p.rename), (Some(x), Some(y)) if x.body == y.body)
        })
    })
}

/// The keys of the parts of a composite type that an in-place change
/// drops (with their values in the columns of that type).
fn dropped_parts(from: &DbObject, to: &DbObject) -> Vec<String> {
    let (Some(a), Some(b)) = (&from.parts, &to.parts) else {
        return Vec::new();
    };
    a.items
        .iter()
        .filter(|p| !b.items.iter().any(|q| q.key == p.key))
        .map(|p| p.key.clone())
        .collect()
}

fn comment_on_object(o: &DbObject, text: Option<&str>) -> String {
    format!(
        "COMMENT ON {} IS {}",
        object_target(o),
        text.map_or_else(|| "NULL".to_string(), quote_literal_one_line)
    )
}

/// The SQL of one op.
/// `ALTER TABLE parent DETACH PARTITION table`.
fn detach_partition(table: &Name, partition: &PartitionOf) -> String {
    format!(
        "ALTER TABLE {} DETACH PARTITION {}",
        Qualified(&partition.parent.schema, &partition.parent.name),
        table.sql()
    )
}

fn statements(op: &Op, ctx: &Ctx<'_>) -> Vec<String> {
    match op {
        Op::ReleaseSequence {
            table,
            column,
            ty,
            options,
            sequence,
            release,
        } => release_sequence(table, column, ty, options.as_ref(), sequence, *release),
        Op::AlterGenerated { table, to, .. } => match &to.generated {
            None => vec![format!(
                "ALTER TABLE {} ALTER COLUMN {} DROP EXPRESSION",
                table.sql(),
                Ident(&to.name)
            )],
            Some(_) => {
                let mut out = vec![format!(
                    "ALTER TABLE {} DROP COLUMN {}, ADD COLUMN {}",
                    table.sql(),
                    Ident(&to.name),
                    create::column_def(to)
                )];
                out.extend(alter::set_column_storage(
                    &table.schema,
                    &table.name,
                    &to.name,
                    to.storage,
                    None,
                ));
                out
            }
        },
        Op::AlterCollation {
            table,
            column,
            ty,
            to,
            ..
        } => vec![format!(
            "ALTER TABLE {} ALTER COLUMN {} TYPE {ty} COLLATE {}",
            table.sql(),
            Ident(column),
            to.as_ref().map_or_else(
                || "pg_catalog.\"default\"".to_string(),
                |t| Qualified(&t.schema, &t.name).to_string()
            )
        )],
        Op::AttachPartition {
            table, partition, ..
        } => vec![format!(
            "ALTER TABLE {} ATTACH PARTITION {} {}",
            Qualified(&partition.parent.schema, &partition.parent.name),
            table.sql(),
            partition.bound
        )],
        Op::DetachPartition {
            table,
            partition,
            drops,
        } => {
            let mut out = vec![detach_partition(table, partition)];
            out.extend(
                drops
                    .constraints
                    .iter()
                    .map(|c| alter::drop_constraint(&table.schema, &table.name, c)),
            );
            out.extend(
                drops
                    .indexes
                    .iter()
                    .map(|i| alter::drop_index(&table.schema, i, false)),
            );
            out
        }
        Op::AlterInherit {
            table,
            parent,
            inherit,
        } => vec![format!(
            "ALTER TABLE {} {}INHERIT {}",
            table.sql(),
            if *inherit { "" } else { "NO " },
            Qualified(&parent.schema, &parent.name)
        )],
        Op::SetStorageParams { table, from, to } => {
            alter::set_storage_params(&table.schema, &table.name, from, to)
                .into_iter()
                .collect()
        }
        Op::SetLogged { table, unlogged } => {
            vec![alter::set_logged(&table.schema, &table.name, *unlogged)]
        }
        Op::SetColumnStorage {
            table,
            column,
            type_storage,
            from_storage,
            to_storage,
            from_compression,
            to_compression,
            ..
        } => alter::set_column_storage(
            &table.schema,
            &table.name,
            column,
            (from_storage != to_storage).then(|| to_storage.unwrap_or(*type_storage)),
            (from_compression != to_compression).then_some(*to_compression),
        )
        .into_iter()
        .collect(),
        Op::SetStatistics {
            table, column, to, ..
        } => vec![alter::set_statistics(
            &table.schema,
            &table.name,
            column,
            *to,
        )],
        Op::SetColumnOptions {
            table,
            column,
            from,
            to,
        } => alter::set_column_options(&table.schema, &table.name, column, from, to)
            .into_iter()
            .collect(),
        Op::SetReplicaIdentity { table, to, .. } => vec![alter::set_replica_identity(
            &table.schema,
            &table.name,
            to.as_ref(),
        )],
        Op::SetOfType { table, to, .. } => {
            vec![alter::set_of_type(&table.schema, &table.name, to.as_ref())]
        }
        Op::SetCluster { table, to, .. } => vec![alter::set_cluster(
            &table.schema,
            &table.name,
            to.as_deref(),
        )],
        Op::CreateObject { object } => create_object(object),
        // An owner goes with what it owns.
        Op::DropObject { object } if object.kind == ObjectKind::Owner => vec![],
        Op::DropObject { object } => vec![drop_object(object)],
        Op::ReplaceObject { from, to } => {
            let mut out: Vec<String> = replace_object(from, to)
                .into_iter()
                .flat_map(|s| routine_body_unchecked(to, s))
                .collect();
            if from.comment != to.comment {
                out.push(comment_on_object(to, to.comment.as_deref()));
            }
            out
        }
        Op::ReplaceView {
            from,
            to,
            dependents,
        } => replace_view(from, to, dependents),
        Op::RecreateObject { from, to } => {
            // A collation cannot be dropped while columns use it: they
            // take the default one meanwhile. Nor can a domain (its base
            // type changed): they hold its old base type meanwhile.
            let users = collation_users(ctx, from);
            let mut out: Vec<String> = users
                .iter()
                .map(|(t, c)| set_column_collation(t, c, None))
                .collect();
            let domain_users = domain_users(ctx, from);
            out.extend(
                domain_users
                    .iter()
                    .filter_map(|(t, c)| off_domain(t, c, from)),
            );
            out.push(drop_object(from));
            out.extend(create_object(to));
            out.extend(
                users
                    .iter()
                    .map(|(t, c)| set_column_collation(t, c, Some(from))),
            );
            out.extend(domain_users.iter().map(|(t, c)| back_on_domain(t, c)));
            out
        }
        Op::CommentOnObject { object, to, .. } => {
            vec![comment_on_object(object, to.as_deref())]
        }
        Op::CreateSchema { name } => vec![create::create_schema(name)],
        Op::MoveExtension { name, to, .. } => vec![format!(
            "ALTER EXTENSION {} SET SCHEMA {}",
            Ident(name),
            Ident(to)
        )],
        Op::DropSchema { name } => vec![alter::drop_schema(name)],
        Op::CreateEnum { ty } => {
            let mut out = vec![create::create_enum(ty)];
            if ty.comment.is_some() {
                out.push(create::comment_on_type(ty));
            }
            out
        }
        Op::DropEnum { ty } => vec![alter::drop_type(&ty.schema, &ty.name)],
        Op::AddEnumValue {
            before,
            value,
            position,
            ..
        } => {
            let pos = match position {
                EnumPosition::End => EnumValuePosition::End,
                EnumPosition::Before(l) => EnumValuePosition::Before(l),
                EnumPosition::After(l) => EnumValuePosition::After(l),
            };
            vec![alter::add_enum_value(
                &before.schema,
                &before.name,
                value,
                pos,
            )]
        }
        Op::RecreateEnum {
            from,
            to,
            users,
            dependents,
        } => recreate_enum(from, to, users, dependents, ctx),
        Op::CommentOnType { ty, to, .. } => vec![create::comment_on_type(&EnumType {
            schema: ty.schema.clone(),
            name: ty.name.clone(),
            labels: Vec::new(),
            comment: to.clone(),
        })],
        Op::CreateTable { table } => {
            let mut out = vec![create::create_table(table)];
            out.extend(create::column_storages(table));
            out.extend(create::constraints_after_create(table));
            for ix in &table.indexes {
                out.push(create::create_index(table, ix, false, false));
            }
            if let Some(ri) = &table.replica_identity {
                out.push(alter::set_replica_identity(
                    &table.schema,
                    &table.name,
                    Some(ri),
                ));
            }
            if let Some(ix) = &table.cluster_on {
                out.push(alter::set_cluster(&table.schema, &table.name, Some(ix)));
            }
            if let Some(ty) = &table.of_type {
                out.push(alter::set_of_type(&table.schema, &table.name, Some(ty)));
            }
            if table.comment.is_some() {
                out.push(create::comment_on_table(table));
            }
            for c in &table.columns {
                if c.comment.is_some() {
                    out.push(create::comment_on_column(table, c));
                }
            }
            out.extend(create::constraint_and_index_comments(table));
            // A new table's serial starts at its START (RESTART: the
            // sequence was created with the defaults and has no values out).
            for c in &table.columns {
                if c.identity == Some(Identity::Serial) && c.sequence.is_some() {
                    out.push(create::alter_owned_sequence(
                        &table.schema,
                        &table.name,
                        &c.name,
                        c.sequence.as_ref(),
                        true,
                    ));
                }
            }
            out
        }
        Op::DropTable { table } => {
            let mut out = Vec::new();
            if let Some(p) = &table.partition_of {
                if ctx.referenced_partition(table) {
                    let name = Name::new(table.schema.clone(), table.name.clone());
                    out.push(detach_partition(&name, p));
                }
            }
            out.push(alter::drop_table(&table.schema, &table.name));
            out
        }
        Op::RenameTable { from, to, serials } => {
            let mut out = vec![alter::rename_table(&from.schema, &from.name, to)];
            out.extend(
                serials
                    .iter()
                    .map(|c| alter::rename_serial_sequence(&from.schema, to, c)),
            );
            out
        }
        Op::CommentOnTable { table, to, .. } => {
            let mut t = stub(table);
            t.comment = to.clone();
            vec![create::comment_on_table(&t)]
        }
        Op::AddColumn { table, column } => {
            let mut out = vec![alter::add_column(&table.schema, &table.name, column)];
            out.extend(alter::set_column_storage(
                &table.schema,
                &table.name,
                &column.name,
                column.storage,
                None,
            ));
            out.extend(alter::set_column_options(
                &table.schema,
                &table.name,
                &column.name,
                &[],
                &column.options,
            ));
            if column.statistics.is_some() {
                out.push(alter::set_statistics(
                    &table.schema,
                    &table.name,
                    &column.name,
                    column.statistics,
                ));
            }
            if column.identity == Some(Identity::Serial) && column.sequence.is_some() {
                out.push(create::alter_owned_sequence(
                    &table.schema,
                    &table.name,
                    &column.name,
                    column.sequence.as_ref(),
                    false,
                ));
            }
            if column.comment.is_some() {
                out.push(create::comment_on_column(&stub(table), column));
            }
            out
        }
        Op::DropColumn { table, column } if children_keep(ctx, table, &column.name) => {
            vec![alter::drop_column_only(
                &table.schema,
                &table.name,
                &column.name,
            )]
        }
        Op::DropColumn { table, column } => {
            vec![alter::drop_column(&table.schema, &table.name, &column.name)]
        }
        Op::RenameColumn {
            table,
            from,
            to,
            serial,
        } => {
            let mut out = vec![alter::rename_column(&table.schema, &table.name, from, to)];
            if *serial {
                out.push(alter::rename_serial_sequence(
                    &table.schema,
                    &table.name,
                    to,
                ));
            }
            out
        }
        Op::AlterColumnType {
            table,
            column,
            from,
            to,
            default_from,
            default_to,
            collation_to,
            ..
        } => {
            let mut out = vec![alter::alter_column_type(
                &table.schema,
                &table.name,
                &[TypeChange {
                    column,
                    ty: to,
                    using: casts::conversion(from, to).using,
                    drop_default: default_from.is_some(),
                    set_default: default_to.as_deref(),
                    collation: collation_to.as_ref(),
                }],
            )];
            // A serial's sequence keeps its type when the column's changes
            // (an identity's follows the column): `serial` -> `bigserial`
            // must widen it too. Its name is the server's to tell.
            let serial = |s: &Schema| {
                s.table(&table.schema, &table.name)
                    .and_then(|t| t.column(column))
                    .is_some_and(|c| c.identity == Some(Identity::Serial))
            };
            if serial(ctx.current) || serial(ctx.desired) {
                out.extend(create::alter_owned_sequence_type(
                    &table.schema,
                    &table.name,
                    column,
                    to,
                ));
            }
            out
        }
        Op::SetNotNull { table, column } if ctx.online(table) => {
            // A validated CHECK proves the column has no NULL: SET NOT NULL
            // then skips its scan under the ACCESS EXCLUSIVE lock.
            let check = strata::schema::Check {
                no_inherit: false,
                not_valid: false,
                comment: Default::default(),
                name: make_object_name(&table.name, Some(column), Some("not_null")),
                expression: format!("{} IS NOT NULL", Ident(column)),
            };
            vec![
                create::add_check_not_valid(&stub(table), &check),
                alter::validate_constraint(&table.schema, &table.name, &check.name),
                alter::set_not_null(&table.schema, &table.name, column),
                alter::drop_constraint(&table.schema, &table.name, &check.name),
            ]
        }
        Op::SetNotNull { table, column } => {
            vec![alter::set_not_null(&table.schema, &table.name, column)]
        }
        Op::DropNotNull { table, column } => {
            vec![alter::drop_not_null(&table.schema, &table.name, column)]
        }
        Op::AlterDefault {
            table, column, to, ..
        } => vec![match to {
            Some(d) => alter::set_default(&table.schema, &table.name, column, d),
            None => alter::drop_default(&table.schema, &table.name, column),
        }],
        Op::AlterIdentity {
            table,
            column,
            ty,
            from,
            to,
        } => alter_identity(table, column, ty, *from, *to),
        Op::CommentOnColumn {
            table, column, to, ..
        } => {
            let mut c = Column::new(column.clone(), SqlType::Text, true);
            c.comment = to.clone();
            vec![create::comment_on_column(&stub(table), &c)]
        }
        Op::AlterSequenceOptions {
            table,
            column,
            from,
            to,
        } => {
            let descending = |o: &Option<strata::schema::SequenceOptions>| {
                o.as_ref().and_then(|o| o.increment).unwrap_or(1) < 0
            };
            // The name (an identity's `SEQUENCE NAME`) apart from the rest.
            let name = |o: &Option<strata::schema::SequenceOptions>| {
                o.as_ref().and_then(|o| o.name.clone())
            };
            let unnamed = |o: &Option<strata::schema::SequenceOptions>| {
                o.as_ref()
                    .map(|o| strata::schema::SequenceOptions {
                        name: None,
                        ..o.clone()
                    })
                    .filter(|o| *o != strata::schema::SequenceOptions::default())
            };
            let mut out: Vec<String> = alter::rename_identity_sequence(
                &table.schema,
                &table.name,
                column,
                name(from).as_deref(),
                name(to).as_deref(),
            )
            .into_iter()
            .collect();
            if unnamed(from) != unnamed(to) {
                out.push(create::alter_owned_sequence(
                    &table.schema,
                    &table.name,
                    column,
                    to.as_ref(),
                    descending(from) != descending(to),
                ));
            }
            out
        }
        Op::CommentOnConstraint {
            table,
            name,
            index: true,
            to,
            ..
        } => vec![create::comment_on_index(&table.schema, name, to)],
        Op::CommentOnConstraint {
            table, name, to, ..
        } => vec![create::comment_on_constraint(&stub(table), name, to)],
        Op::AddPrimaryKey { table, key } => with_comment(
            table,
            &key.name,
            &key.comment,
            false,
            if ctx.concurrently(table)
                && key.deferrable == strata::schema::Deferrable::NotDeferrable
                && key.include.is_empty()
                && key.with.is_empty()
            {
                vec![
                    alter::drop_index_concurrently_if_exists(&table.schema, &key.name),
                    alter::create_unique_index_on_columns(
                        &table.schema,
                        &table.name,
                        &key.name,
                        &key.columns,
                        true,
                    ),
                    alter::add_constraint_using_index(&table.schema, &table.name, &key.name, true),
                ]
            } else {
                vec![create::add_primary_key(&stub(table), key)]
            },
        ),
        Op::AddUnique { table, unique } => with_comment(
            table,
            &unique.name,
            &unique.comment,
            false,
            if ctx.concurrently(table)
                && !unique.nulls_not_distinct
                && unique.deferrable == strata::schema::Deferrable::NotDeferrable
                && unique.include.is_empty()
                && unique.with.is_empty()
            {
                vec![
                    alter::drop_index_concurrently_if_exists(&table.schema, &unique.name),
                    alter::create_unique_index_on_columns(
                        &table.schema,
                        &table.name,
                        &unique.name,
                        &unique.columns,
                        true,
                    ),
                    alter::add_constraint_using_index(
                        &table.schema,
                        &table.name,
                        &unique.name,
                        false,
                    ),
                ]
            } else {
                vec![create::add_unique(&stub(table), unique)]
            },
        ),
        // A partition's key that went with its parent's unique index
        // (`DROP INDEX ... CASCADE`, below).
        Op::DropPrimaryKey { table, key }
            if dropped_with_parent_index(ctx.current, ctx.desired, table, &key.columns) =>
        {
            vec![drop_constraint_if_exists(table, &key.name)]
        }
        Op::DropUnique { table, unique }
            if dropped_with_parent_index(ctx.current, ctx.desired, table, &unique.columns) =>
        {
            vec![drop_constraint_if_exists(table, &unique.name)]
        }
        Op::DropPrimaryKey { table, key } => {
            vec![alter::drop_constraint(
                &table.schema,
                &table.name,
                &key.name,
            )]
        }
        Op::DropUnique { table, unique } => {
            vec![alter::drop_constraint(
                &table.schema,
                &table.name,
                &unique.name,
            )]
        }
        Op::DropForeignKey { table, fk } => {
            vec![alter::drop_constraint(&table.schema, &table.name, &fk.name)]
        }
        Op::DropCheck { table, check } => {
            vec![alter::drop_constraint(
                &table.schema,
                &table.name,
                &check.name,
            )]
        }
        Op::CreateIndex { table, index } if ctx.concurrently(table) => with_comment(
            table,
            &index.name,
            &index.comment,
            true,
            vec![
                // A failed CREATE INDEX CONCURRENTLY leaves an invalid
                // index of that name behind: dropped first, the step can
                // run again.
                alter::drop_index_concurrently_if_exists(&table.schema, &index.name),
                create::create_index(&stub(table), index, true, false),
            ],
        ),
        Op::CreateIndex { table, index } => with_comment(
            table,
            &index.name,
            &index.comment,
            true,
            vec![create::create_index(&stub(table), index, false, false)],
        ),
        // The keys of partitions whose indexes are attached to it can be
        // dropped neither before nor after it: they go with it.
        Op::DropIndex { table, index } if drop_cascades(ctx.current, ctx.desired, table, index) => {
            vec![format!(
                "{} CASCADE",
                alter::drop_index(&table.schema, &index.name, false)
            )]
        }
        Op::DropIndex { table, index } => vec![alter::drop_index(
            &table.schema,
            &index.name,
            ctx.concurrently(table),
        )],
        Op::RenameIndex { table, from, to } => {
            vec![alter::rename_index(&table.schema, from, to)]
        }
        Op::SetIndexAttachments {
            table,
            index,
            from,
            to,
        } => set_index_attachments(table, index, from, to, op.takes_away()),
        Op::SetValidatedCopies {
            table,
            check,
            from,
            to,
            then_dropped,
        } => {
            let mut out = Vec::new();
            let made: Vec<&Name> = if !op.takes_away() {
                to.iter().filter(|t| !from.contains(t)).collect()
            } else if to.is_empty() && *then_dropped {
                // The CHECK goes next, with its copies.
                Vec::new()
            } else {
                // A validated copy cannot be made not valid again: the
                // CHECK is added back NOT VALID, with every copy.
                out.extend(with_comment(
                    table,
                    &check.name,
                    &check.comment,
                    false,
                    vec![
                        alter::drop_constraint(&table.schema, &table.name, &check.name),
                        create::add_check_not_valid(&stub(table), check),
                    ],
                ));
                to.iter().collect()
            };
            out.extend(
                made.into_iter()
                    .map(|t| alter::validate_constraint(&t.schema, &t.name, &check.name)),
            );
            out
        }
        Op::NameAttachedIndex {
            table,
            parent_index,
            to,
            ..
        } => vec![alter::name_attached_index(
            &table.schema,
            &table.name,
            &parent_index.schema,
            &parent_index.name,
            to,
        )],
        Op::RenameConstraint { table, from, to } => {
            vec![alter::rename_constraint(
                &table.schema,
                &table.name,
                from,
                to,
            )]
        }
        Op::AddForeignKey { table, fk } => with_comment(
            table,
            &fk.name,
            &fk.comment,
            false,
            if ctx.online(table) && !fk.not_valid {
                vec![
                    create::add_foreign_key_not_valid(&stub(table), fk),
                    alter::validate_constraint(&table.schema, &table.name, &fk.name),
                ]
            } else {
                vec![create::add_foreign_key(&stub(table), fk)]
            },
        ),
        Op::ValidateConstraint {
            table,
            constraint,
            valid: true,
        } => vec![alter::validate_constraint(
            &table.schema,
            &table.name,
            constraint.name(),
        )],
        Op::ValidateConstraint {
            table, constraint, ..
        } => with_comment(
            table,
            constraint.name(),
            constraint.comment(),
            false,
            vec![
                alter::drop_constraint(&table.schema, &table.name, constraint.name()),
                match constraint {
                    Validated::Check(c) => create::add_check(&stub(table), c),
                    Validated::ForeignKey(f) => create::add_foreign_key(&stub(table), f),
                },
            ],
        ),
        Op::AddCheck { table, check } => with_comment(
            table,
            &check.name,
            &check.comment,
            false,
            if ctx.online(table) && !check.not_valid {
                vec![
                    create::add_check_not_valid(&stub(table), check),
                    alter::validate_constraint(&table.schema, &table.name, &check.name),
                ]
            } else {
                vec![create::add_check(&stub(table), check)]
            },
        ),
    }
}

fn children_keep(ctx: &Ctx<'_>, table: &Name, column: &str) -> bool {
    crate::diff::children_keep(ctx.current, ctx.desired, &table.schema, &table.name, column)
}

/// Drop what depends on the type, rename the old type away, create the new
/// one, convert every column using it through text (one `ALTER TABLE` per
/// table), drop the old type, add the dependents back.
fn recreate_enum(
    from: &EnumType,
    to: &EnumType,
    users: &[EnumUser],
    dependents: &EnumDependents,
    ctx: &Ctx<'_>,
) -> Vec<String> {
    let old = temp_enum_name(ctx, from);
    let mut out = Vec::new();
    for (t, fk) in &dependents.foreign_keys {
        out.push(alter::drop_constraint(&t.schema, &t.name, &fk.name));
    }
    for (t, ck) in &dependents.checks {
        out.push(alter::drop_constraint(&t.schema, &t.name, &ck.name));
    }
    for (t, ix) in &dependents.indexes {
        out.push(alter::drop_index(&t.schema, &ix.name, false));
    }
    out.push(alter::rename_type(&from.schema, &from.name, &old));
    out.push(create::create_enum(to));
    if to.comment.is_some() {
        out.push(create::comment_on_type(to));
    }
    let scalar = SqlType::Named(TypeName {
        schema: to.schema.clone(),
        name: to.name.clone(),
    });
    let array = scalar.clone().array_of();
    let mut by_table: BTreeMap<&Name, Vec<&EnumUser>> = BTreeMap::new();
    for u in users {
        by_table.entry(&u.table).or_default().push(u);
    }
    for (table, users) in by_table {
        let changes: Vec<TypeChange<'_>> = users
            .iter()
            .map(|u| TypeChange {
                column: &u.column,
                ty: if u.array { &array } else { &scalar },
                using: Using::ViaText,
                drop_default: u.default_before.is_some(),
                set_default: u.default_after.as_deref(),
                collation: None,
            })
            .collect();
        out.push(alter::alter_column_type(
            &table.schema,
            &table.name,
            &changes,
        ));
    }
    out.push(alter::drop_type(&from.schema, &old));
    for (t, ix) in &dependents.indexes {
        out.push(create::create_index(&stub(t), ix, false, false));
    }
    for (t, ck) in &dependents.checks {
        out.push(create::add_check(&stub(t), ck));
    }
    for (t, fk) in &dependents.foreign_keys {
        out.push(create::add_foreign_key(&stub(t), fk));
    }
    out
}

fn alter_identity(
    table: &Name,
    column: &str,
    ty: &SqlType,
    from: Option<Identity>,
    to: Option<Identity>,
) -> Vec<String> {
    let (s, t) = (table.schema.as_str(), table.name.as_str());
    let mut out = Vec::new();
    // Take the old one away...
    match (from, to) {
        (Some(Identity::Serial), _) => out.extend(alter::unmake_serial(s, t, column)),
        (Some(_), None | Some(Identity::Serial)) => out.push(alter::drop_identity(s, t, column)),
        (Some(_), Some(to)) => {
            out.push(alter::set_identity_generation(s, t, column, to));
            return out;
        }
        (None, _) => {}
    }
    // ...then add the new one, its sequence past the existing values.
    match to {
        None => {}
        Some(Identity::Serial) => {
            out.extend(alter::make_serial(s, t, column, ty));
            out.push(alter::sync_sequence_to_max(s, t, column));
        }
        Some(id) => {
            out.push(alter::add_identity(s, t, column, id));
            out.push(alter::sync_sequence_to_max(s, t, column));
        }
    }
    out
}

/// [`Op::ReleaseSequence`]: a serial's sequence released from its column
/// and given the standalone sequence's options (and comment), or owned by
/// the column again with the serial's type, options and default.
fn release_sequence(
    table: &Name,
    column: &str,
    ty: &SqlType,
    options: Option<&strata::schema::SequenceOptions>,
    sequence: &DbObject,
    release: bool,
) -> Vec<String> {
    let (s, t) = (table.schema.as_str(), table.name.as_str());
    let seq = Qualified(&sequence.schema, &sequence.name);
    let mut out = Vec::new();
    if release {
        out.push(format!("ALTER SEQUENCE {seq} OWNED BY NONE"));
        match &sequence.parts {
            Some(parts) => out.extend(
                parts
                    .items
                    .iter()
                    .filter(|p| !p.add.is_empty())
                    .map(|p| p.add.clone()),
            ),
            None => out.extend(replace_object(sequence, sequence)),
        }
        if sequence.comment.is_some() {
            out.push(comment_on_object(sequence, sequence.comment.as_deref()));
        }
    } else {
        if sequence.comment.is_some() {
            out.push(comment_on_object(sequence, None));
        }
        out.push(format!(
            "ALTER SEQUENCE {seq} OWNED BY {}.{}",
            Qualified(s, t),
            Ident(column)
        ));
        out.push(alter::set_default(
            s,
            t,
            column,
            &format!("nextval({}::regclass)", quote_literal(&seq.to_string())),
        ));
        out.extend(create::alter_owned_sequence_type(s, t, column, ty));
        out.push(create::alter_owned_sequence(s, t, column, options, false));
    }
    out
}

/// Volatile functions whose default makes `ADD COLUMN` rewrite the table.
const VOLATILE_DEFAULTS: &[&str] = &[
    "nextval(",
    "random(",
    "gen_random_uuid(",
    "uuid_generate_",
    "clock_timestamp(",
    "timeofday(",
    "txid_current(",
];

fn hazards(op: &Op, ctx: &Ctx<'_>) -> Vec<Hazard> {
    use Hazard::*;
    let existing = |t: &Name| ctx.existing(t);
    let mut h = match op {
        Op::CreateSchema { .. }
        | Op::MoveExtension { .. }
        | Op::CreateEnum { .. }
        | Op::AddEnumValue { .. }
        | Op::CreateTable { .. }
        | Op::CommentOnType { .. }
        | Op::CommentOnTable { .. }
        | Op::CommentOnColumn { .. }
        | Op::CommentOnConstraint { .. }
        | Op::AlterSequenceOptions { .. } => vec![],
        Op::DropSchema { .. } | Op::DropEnum { .. } => vec![DeletesData],
        // What hangs on an existing table locks it while it is created:
        // CREATE TRIGGER takes SHARE ROW EXCLUSIVE (writes wait), CREATE
        // POLICY and ENABLE ROW LEVEL SECURITY ACCESS EXCLUSIVE, and an
        // exclusion constraint is checked against every row under it.
        Op::CreateObject { object } | Op::RecreateObject { to: object, .. }
            if object.table.as_ref().is_some_and(|t| {
                existing(&Name {
                    schema: object.schema.clone(),
                    name: t.clone(),
                })
            }) =>
        {
            match object.kind {
                ObjectKind::Trigger => vec![BlocksWrites],
                ObjectKind::Policy | ObjectKind::RowSecurity | ObjectKind::Rule => {
                    vec![AccessExclusiveLock]
                }
                ObjectKind::Exclusion => vec![AccessExclusiveLock, CanFailOnExistingRows],
                _ => vec![],
            }
        }
        Op::CreateObject { .. } | Op::CommentOnObject { .. } => vec![],
        Op::AttachPartition { .. } => vec![AccessExclusiveLock, CanFailOnExistingRows],
        Op::AlterCollation { .. } => vec![AccessExclusiveLock],
        Op::DetachPartition { .. } | Op::AlterInherit { .. } => vec![AccessExclusiveLock],
        Op::SetStorageParams { .. }
        | Op::SetReplicaIdentity { .. }
        | Op::SetCluster { .. }
        | Op::SetOfType { .. }
        | Op::SetColumnStorage { .. } => vec![AccessExclusiveLock],
        // SHARE UPDATE EXCLUSIVE (see `risk`): reads and writes go on.
        Op::SetStatistics { .. } | Op::SetColumnOptions { .. } => vec![],
        Op::SetLogged { .. } => vec![AccessExclusiveLock, RewritesTable],
        Op::AlterGenerated { from, to, .. } => {
            let mut h = vec![AccessExclusiveLock];
            if to.generated.is_some() {
                h.push(RewritesTable);
                if from.generated.is_none() {
                    h.push(DeletesData);
                }
            }
            h
        }
        Op::DropObject { object } => match object.kind {
            ObjectKind::Sequence => vec![DeletesData],
            ObjectKind::Trigger
            | ObjectKind::Rule
            | ObjectKind::Policy
            | ObjectKind::RowSecurity
            | ObjectKind::Exclusion => {
                vec![AccessExclusiveLock]
            }
            _ => vec![],
        },
        Op::ReplaceObject { from, to } if from.parts.is_some() && to.parts.is_some() => {
            match to.kind {
                // A new constraint or NOT NULL is checked against the
                // values of the columns of that domain.
                ObjectKind::Domain if adds_parts(from, to) => vec![CanFailOnExistingRows],
                ObjectKind::Domain => vec![],
                ObjectKind::Policy => vec![AccessExclusiveLock],
                // A mapping dropped from a text search configuration, an
                // option from a dictionary, wrapper, server or user
                // mapping, deletes no data.
                ObjectKind::TextSearchConfiguration
                | ObjectKind::TextSearchDictionary
                | ObjectKind::Operator
                | ObjectKind::ForeignDataWrapper
                | ObjectKind::ForeignServer
                | ObjectKind::UserMapping => vec![],
                // A revoked privilege deletes no data.
                ObjectKind::Grant => vec![],
                _ if !dropped_parts(from, to).is_empty() => vec![DeletesData],
                _ => vec![],
            }
        }
        Op::ReplaceObject { .. } | Op::ReplaceView { .. } => vec![],
        Op::RecreateObject { to, .. } => match to.kind {
            // Columns using a domain hold its old base type meanwhile and
            // are cast back to it (a rewrite).
            ObjectKind::Domain if !domain_users(ctx, to).is_empty() => {
                vec![CanFailOnExistingRows, RewritesTable, AccessExclusiveLock]
            }
            ObjectKind::Domain | ObjectKind::CompositeType => vec![CanFailOnExistingRows],
            // Columns using a collation switch away from it and back.
            ObjectKind::Collation if !collation_users(ctx, to).is_empty() => {
                vec![AccessExclusiveLock, CanFailOnExistingRows]
            }
            _ => vec![],
        },
        Op::RecreateEnum {
            from, to, users, ..
        } => {
            let mut h = Vec::new();
            if !removed_labels(from, to).is_empty() {
                h.extend([DeletesData, CanFailOnExistingRows]);
            }
            if !users.is_empty() {
                h.extend([RewritesTable, AccessExclusiveLock]);
            }
            h
        }
        // A partition detached first (see `Ctx::referenced_partition`)
        // cannot leave while a foreign key references its rows.
        Op::DropTable { table } if ctx.referenced_partition(table) => {
            vec![DeletesData, AccessExclusiveLock, CanFailOnExistingRows]
        }
        Op::DropTable { .. } | Op::DropColumn { .. } => vec![DeletesData, AccessExclusiveLock],
        Op::AddColumn { table, column } => {
            if !existing(table) {
                vec![]
            } else {
                let mut h = vec![AccessExclusiveLock];
                let volatile = column
                    .default
                    .as_deref()
                    .is_some_and(|d| VOLATILE_DEFAULTS.iter().any(|f| d.contains(f)));
                if column.identity.is_some() || column.generated.is_some() || volatile {
                    h.push(RewritesTable);
                }
                if !column.nullable && column.default.is_none() && column.identity.is_none() {
                    h.push(CanFailOnExistingRows);
                }
                h
            }
        }
        Op::AlterColumnType { from, to, .. } => {
            let c = casts::conversion(from, to);
            let mut h = Vec::new();
            if c.narrowing {
                h.push(DeletesData);
            }
            if c.rewrites {
                h.push(RewritesTable);
            }
            h.push(AccessExclusiveLock);
            if c.can_fail {
                h.push(CanFailOnExistingRows);
            }
            if matches!(c.using, Using::FromEpochMillis | Using::ToEpochMillis) {
                h.push(EpochMilliseconds);
            }
            h
        }
        Op::SetNotNull { .. } => vec![AccessExclusiveLock, CanFailOnExistingRows],
        // VALIDATE CONSTRAINT reads every row under SHARE UPDATE EXCLUSIVE
        // (reads and writes go on); the way back drops and adds it.
        Op::ValidateConstraint { valid: true, .. } => vec![CanFailOnExistingRows],
        Op::ValidateConstraint { .. } => vec![AccessExclusiveLock],
        Op::ReleaseSequence { release: true, .. } => vec![],
        Op::RenameTable { .. }
        | Op::RenameColumn { .. }
        | Op::ReleaseSequence { .. }
        | Op::DropNotNull { .. }
        | Op::AlterDefault { .. }
        | Op::AlterIdentity { .. }
        | Op::DropPrimaryKey { .. }
        | Op::DropUnique { .. }
        | Op::DropForeignKey { .. }
        | Op::DropCheck { .. }
        | Op::RenameIndex { .. }
        | Op::NameAttachedIndex { .. }
        | Op::RenameConstraint { .. } => vec![AccessExclusiveLock],
        Op::DropIndex { table, .. } => {
            if ctx.concurrently(table) {
                vec![]
            } else {
                vec![AccessExclusiveLock]
            }
        }
        Op::AddPrimaryKey { table, .. } | Op::AddUnique { table, .. } => {
            if existing(table) {
                vec![AccessExclusiveLock, CanFailOnExistingRows]
            } else {
                vec![]
            }
        }
        // Reads the rows of partitions and children (a scan under SHARE
        // UPDATE EXCLUSIVE), and may drop and add the CHECK first.
        Op::SetValidatedCopies {
            to, then_dropped, ..
        } => {
            if to.is_empty() && *then_dropped {
                vec![]
            } else if !op.takes_away() {
                vec![CanFailOnExistingRows]
            } else {
                vec![AccessExclusiveLock, CanFailOnExistingRows]
            }
        }
        // Builds indexes in partitions (a key's under an ACCESS EXCLUSIVE
        // lock), and may drop the parent's index first.
        Op::SetIndexAttachments { index, .. } => {
            let mut h = match index {
                ParentIndex::Index(_) if !op.takes_away() => vec![BlocksWrites],
                _ => vec![AccessExclusiveLock],
            };
            let unique = match index {
                ParentIndex::Index(ix) => ix.unique,
                _ => true,
            };
            if unique {
                h.push(CanFailOnExistingRows);
            }
            h
        }
        Op::AddCheck { table, check } => {
            if !existing(table) {
                vec![]
            } else if check.not_valid {
                // Existing rows are not checked.
                vec![AccessExclusiveLock]
            } else {
                vec![AccessExclusiveLock, CanFailOnExistingRows]
            }
        }
        Op::CreateIndex { table, index } => {
            let mut h = Vec::new();
            if existing(table) {
                if !ctx.concurrently(table) {
                    h.push(BlocksWrites);
                }
                if index.unique {
                    h.push(CanFailOnExistingRows);
                }
            }
            h
        }
        Op::AddForeignKey { table, .. } => {
            if ctx.online(table) {
                // Added NOT VALID (brief), validated under SHARE UPDATE
                // EXCLUSIVE: writes go on.
                vec![CanFailOnExistingRows]
            } else if existing(table) {
                vec![BlocksWrites, CanFailOnExistingRows]
            } else {
                vec![BlocksWrites]
            }
        }
    };
    h.sort();
    h.dedup();
    h
}
