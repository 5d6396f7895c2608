//! The diff: two canonical schemas in, the list of changes ([`Op`]s) out.
//!
//! [`diff`] is pure and exact: both sides must already be in the form
//! PostgreSQL prints (introspected, or normalized through a scratch database),
//! so any inequality is a real difference. It alters in place whenever
//! PostgreSQL can (`ALTER COLUMN ... TYPE`, `SET/DROP NOT NULL`, `SET/DROP
//! DEFAULT`, identity changes, `RENAME`), and only drops and re-creates what
//! cannot be altered (an index, constraint or foreign key whose definition
//! changed). `renamed_from` hints on desired tables and columns become
//! renames; look-alike drop + add pairs without a hint become notes (see
//! [`diff_with_notes`]).
//!
//! The ops come out already in execution order ([`Op::phase`]); every op has
//! an exact inverse ([`Op::inverse`]), which is what the down migration runs.
//! Names carried by an op are the names valid at the moment the op runs in
//! that order: table renames run first, column renames run after the drops of
//! indexes and constraints and before the columns are altered.
//!
//! Inputs: both schemas must be canonical, i.e. in the form introspection
//! reads back (the desired one normalized through a scratch database). The
//! diff then compares with `==`: any inequality is a real difference, and
//! nothing is matched by similarity (see `matching.rs` for the one place
//! names are paired otherwise). A changed definition under the same name
//! (index, constraint, foreign key) is drop + add, except a check or
//! foreign key that only becomes valid (`VALIDATE CONSTRAINT`; the other
//! way, drop + add `NOT VALID`: [`Op::ValidateConstraint`]); an unchanged
//! definition under a new name is a `RENAME`. A foreign key that depends on
//! a key being dropped (the unique index it was validated against), or
//! whose columns or referenced columns change type, is dropped before and
//! added back after, even when it did not change
//! (`refresh_dependent_foreign_keys`).
//!
//! Known limits: a rename onto the name of a table or column that still
//! exists is taken as done, with a note (drop it in an earlier migration);
//! table moves between schemas are not detected (drop + create); column
//! order cannot be restored by a down migration that re-adds a dropped column
//! (it is appended); a re-created enum does not carry grants or dependent
//! views and functions; the data of dropped objects is not restored by down
//! (the SQL says so). Inheritance (`inheritance.rs`): a table that joins a
//! parent (`INHERIT`, `ATTACH PARTITION`) first gets the columns and checks
//! the parent brings; after `INHERIT` they stay its own as well
//! (`attislocal`; `ATTACH PARTITION` makes a partition's columns and
//! matching checks inherited only): a column both local and inherited and
//! one only inherited are the same to the diff, but not to a catalog
//! comparison, and no statement turns one into the other without
//! re-creating the table; likewise a down migration that undoes a `NO
//! INHERIT` or a parent's `DROP COLUMN ONLY`. A detached partition keeps
//! copies of its ancestors' keys, indexes and foreign keys as its own
//! (`inheritance::add_detached_keys`): whether it becomes a table of its
//! own, moves to another parent, changes its bound or its parent is
//! re-created (a new partition key: the partitions are detached first and
//! attached to the new parent with their rows), the copies the target
//! does not want and its new parent does not adopt are dropped right
//! after the `DETACH`; what an `ATTACH` creates is dropped by the detach
//! that undoes it ([`PartitionCopies`]). The copies' names are
//! PostgreSQL's defaults (one it had to number is not foreseen). Column
//! storage: PostgreSQL 15 has no `SET STORAGE DEFAULT`, so a storage set
//! back to its type's is written out
//! (`Differ::type_storage`: exact for built-in types, enums and domains,
//! through their base type; `EXTENDED` for other types, wrong for an
//! extension's type declared otherwise);
//! a type change that reaches a column through its parent or an enum
//! re-creation resets its storage and compression unseen.
//!
//! Files: `op.rs` ([`Op`] and what it carries, [`Op::inverse`],
//! [`Op::phase`]: the list of ops and their order), this file (the differ:
//! schemas, enums, tables, columns, constraints, in that order), `matching.rs`
//! (which current object a desired one is: names, `renamed_from` hints,
//! renamed constraints and indexes), `partition_indexes.rs` (a
//! partitioned table's indexes and its partitions' indexes and keys that
//! PostgreSQL attaches to them). The diff, the plan and the renderer are
//! pure: no connection anywhere; tests are listed in [`crate::plan`].
//! Start reading at [`Op`], then [`diff_with_notes`].

mod default_grants;
mod extension_moves;
mod inheritance;
mod matching;
mod objects;
mod op;
mod partition_indexes;
mod routine_users;

pub use inheritance::children_keep;
pub(crate) use inheritance::inherited_columns;
pub(crate) use objects::view_replaceable;
pub use op::{
    insert_label, object_display, summary, Attached, EnumDependents, EnumPosition, EnumUser, Name,
    Op, ParentIndex, PartitionCopies, Validated,
};
pub(crate) use partition_indexes::{drop_cascades, dropped_with_parent_index};

use std::collections::{BTreeMap, BTreeSet, HashMap};

use strata::ident::Ident;
use strata::schema::{
    parse_column_type, Column, ColumnStorage, EnumType, ForeignKey, Identity, IndexKey, ObjectKind,
    Schema, SqlType, Table, TableRef, TypeName,
};

use inheritance::{Adopting, Inherited};
use matching::{match_named, same_columns, same_table, Matched, Named, ObjKind};

/// The changes that turn `current` into `desired` (both canonical), in
/// execution order. See [`diff_with_notes`] for the notes that come with
/// them.
pub fn diff(current: &Schema, desired: &Schema) -> Vec<Op> {
    diff_with_notes(current, desired).0
}

/// [`diff`], plus notes for people: suggested `renamed_from` hints for a
/// dropped and an added column (or table) that look alike, and hints that
/// had to be ignored.
pub fn diff_with_notes(current: &Schema, desired: &Schema) -> (Vec<Op>, Vec<String>) {
    // Extensions that change schema are moved first; the rest is planned
    // from the start as it is after the move.
    let moves = extension_moves::moves(current, desired);
    let after_moves;
    let current = if moves.is_empty() {
        current
    } else {
        after_moves = extension_moves::moved(current, desired, &moves);
        &after_moves
    };
    let index = |s: &'_ Schema| -> HashMap<(String, String), usize> {
        s.tables
            .iter()
            .enumerate()
            .map(|(i, t)| ((t.schema.clone(), t.name.clone()), i))
            .collect()
    };
    let mut d = Differ {
        cur: current,
        des: desired,
        cur_index: index(current),
        des_index: index(desired),
        renamed_to: BTreeMap::new(),
        ops: Vec::new(),
        notes: Vec::new(),
        table_renames: BTreeMap::new(),
        column_renames: BTreeMap::new(),
        recreate_defaults: BTreeMap::new(),
    };
    d.run();
    let mut ops = extension_moves::ops(&moves);
    ops.append(&mut d.ops);
    default_grants::from_default_privileges(current, desired, &mut ops);
    partition_indexes::partitions_attached_to_adopt(current, desired, &mut ops);
    partition_indexes::keys_under_parent_indexes(current, desired, &mut ops);
    inheritance::child_defaults(current, desired, &mut ops);
    let depth = hierarchy_depths(current, desired);
    let level = |schema: &str, name: &str| depth.get(&(schema, name)).copied().unwrap_or(0);
    // Within a phase: parents are created before their partitions and
    // children at every level, and dropped after them; a column both local
    // and inherited can be dropped from a child only once the parent
    // dropped it; a parent's index is created before its partitions' own
    // (which it would otherwise adopt). Some ops around partitioned
    // indexes have a place of their own (`partition_indexes.rs`).
    let overrides = partition_indexes::order_override(desired, &ops);
    let row_types = RowTypeUsers::new(current, desired, &ops);
    let mut keyed: Vec<((u8, isize), Op)> = ops
        .into_iter()
        .zip(overrides)
        .map(|(op, place)| {
            if let Some(place) = row_types.place(&op) {
                return (place, op);
            }
            let within = match &op {
                Op::CreateTable { table } => level(&table.schema, &table.name) as isize,
                Op::DropTable { table } => -(level(&table.schema, &table.name) as isize),
                Op::DropColumn { table, .. } | Op::CreateIndex { table, .. } => {
                    level(&table.schema, &table.name) as isize
                }
                // A child's default after its parent's (which reaches it);
                // one that stays the same (see `inheritance::child_defaults`)
                // before, so its way back comes after the parent's.
                Op::AlterDefault {
                    table, from, to, ..
                } => {
                    let l = level(&table.schema, &table.name) as isize;
                    if from == to {
                        -1 - l
                    } else {
                        l
                    }
                }
                _ => 0,
            };
            (place.unwrap_or((op.phase(), within)), op)
        })
        .collect();
    let adopted =
        partition_indexes::adopted_indexes(current, desired, keyed.iter().map(|(_, op)| op));
    keyed.extend(adopted.into_iter().map(|(op, place)| (place, op)));
    let named =
        partition_indexes::attached_index_names(current, desired, keyed.iter().map(|(_, op)| op));
    let attachments =
        partition_indexes::index_attachments(current, desired, keyed.iter().map(|(_, op)| op));
    // Those attachments are named as they are made.
    let made: BTreeSet<(Name, Name)> = attachments
        .iter()
        .filter_map(|op| match op {
            Op::SetIndexAttachments {
                table, index, to, ..
            } => Some(to.iter().map(move |a| {
                (
                    a.partition.clone(),
                    Name::new(table.schema.clone(), index.name().to_string()),
                )
            })),
            _ => None,
        })
        .flatten()
        .collect();
    keyed.extend(
        named
            .into_iter()
            .filter(|op| {
                !matches!(op, Op::NameAttachedIndex { table, parent_index, .. }
                    if made.contains(&(table.clone(), parent_index.clone())))
            })
            .map(|op| ((op.phase(), 0), op)),
    );
    let copies = inheritance::validated_copies(current, desired, keyed.iter().map(|(_, op)| op));
    keyed.extend(copies.into_iter().map(|op| ((op.phase(), 50), op)));
    // Right before the CHECK's drop or validation.
    let dropped = inheritance::dropped_validated_copies(current, keyed.iter().map(|(_, op)| op));
    for op in dropped {
        let Op::SetValidatedCopies { table, check, .. } = &op else {
            continue;
        };
        let place = keyed.iter().find_map(|(place, o)| match o {
            Op::DropCheck { table: t, check: c }
            | Op::ValidateConstraint {
                table: t,
                constraint: Validated::Check(c),
                valid: true,
            } if t == table && c.name == check.name => Some((place.0, place.1 - 1)),
            _ => None,
        });
        if let Some(place) = place {
            keyed.push((place, op));
        }
    }
    // Right after the parent's indexes are made (the sort is stable), before any
    // partition's own index is (which may take the name of an index this
    // drops).
    keyed.extend(attachments.into_iter().map(|op| {
        let within = match &op {
            Op::SetIndexAttachments { table, .. } => level(&table.schema, &table.name) as isize,
            _ => 0,
        };
        ((op.phase(), within), op)
    }));
    keyed.sort_by_key(|(place, _)| *place);
    let mut ops: Vec<Op> = keyed.into_iter().map(|(_, op)| op).collect();
    release_serial_sequences(current, desired, &mut ops);
    own_standalone_sequences(current, desired, &mut ops);
    order_owned_sequence_swaps(&mut ops);
    order_serial_name_reuse(current, &mut ops);
    order_defaults_before_serial_drops(&mut ops);
    routine_users::around_recreated_routines(current, desired, &mut ops);
    order_type_name_swaps(&mut ops);
    let mut notes = d.notes;
    notes.extend(subscription_notes(&ops));
    (ops, notes)
}

/// What a plan that makes or drops subscriptions leaves to do by hand.
fn subscription_notes(ops: &[Op]) -> Vec<String> {
    let mut out = Vec::new();
    for op in ops {
        let (made, dropped) = match op {
            Op::CreateObject { object } => (Some(object), None),
            Op::DropObject { object } => (None, Some(object)),
            Op::RecreateObject { from, to, .. } => (Some(to), Some(from)),
            _ => (None, None),
        };
        if let Some(o) = dropped.filter(|o| o.kind == ObjectKind::Subscription) {
            out.push(format!(
                "subscription {} is dropped without its replication slot on the publisher (slot_name = NONE first): drop the slot there, or the publisher keeps its WAL",
                Ident(&o.name)
            ));
        }
        if let Some(o) = made.filter(|o| o.kind == ObjectKind::Subscription) {
            out.push(format!(
                "subscription {} is made without connecting (connect = false) and with no password in its connection string: give it one or a password file, create its slot on the publisher if it names one, then ALTER SUBSCRIPTION {} REFRESH PUBLICATION to sync its tables",
                Ident(&o.name),
                Ident(&o.name)
            ));
        }
    }
    out
}

/// The type a create or drop op makes or removes (an enum, a domain, a
/// composite or range type), as `(schema, name, created)`: types share
/// one namespace whatever their kind.
fn type_name_of(op: &Op) -> Option<(&str, &str, bool)> {
    let is_type = |o: &strata::schema::DbObject| {
        matches!(
            o.kind,
            ObjectKind::Domain | ObjectKind::CompositeType | ObjectKind::RangeType
        )
    };
    match op {
        Op::CreateEnum { ty } => Some((&ty.schema, &ty.name, true)),
        Op::DropEnum { ty } => Some((&ty.schema, &ty.name, false)),
        Op::CreateObject { object } if is_type(object) => {
            Some((&object.schema, &object.name, true))
        }
        Op::DropObject { object } if is_type(object) => Some((&object.schema, &object.name, false)),
        _ => None,
    }
}

/// A type dropped and a type of another kind made under its name (an
/// enum that becomes a domain): the drop, which its phase puts late, goes
/// right before the create.
fn order_type_name_swaps(ops: &mut Vec<Op>) {
    let mut i = 0;
    while i < ops.len() {
        if let Some((schema, name, false)) = type_name_of(&ops[i]) {
            let created_before = ops[..i]
                .iter()
                .position(|op| type_name_of(op) == Some((schema, name, true)));
            if let Some(at) = created_before {
                let drop = ops.remove(i);
                ops.insert(at, drop);
            }
        }
        i += 1;
    }
}

/// Domains and composite types over a table's row type
/// ([`strata::schema::DbObject::follows_relations`]) are made after the tables and dropped
/// before them; where a table this plan creates (or drops) has a column of
/// one, the type is made among the new tables instead: after the plain
/// tables it is over, before the tables that use it (whose place moves
/// after it, their partitions and children still after them), and dropped
/// likewise after the tables that use it and before those it is over.
struct RowTypeUsers {
    /// Types made or dropped among the tables: `(schema, name)`.
    made: BTreeSet<(String, String)>,
    dropped: BTreeSet<(String, String)>,
}

impl RowTypeUsers {
    fn new(current: &Schema, desired: &Schema, ops: &[Op]) -> Self {
        let late = |s: &Schema| -> BTreeSet<(String, String)> {
            s.objects
                .iter()
                .filter(|o| {
                    matches!(o.kind, ObjectKind::Domain | ObjectKind::CompositeType)
                        && o.follows_relations()
                })
                .map(|o| (o.schema.clone(), o.name.clone()))
                .collect()
        };
        let (late_cur, late_des) = (late(current), late(desired));
        let mut made = BTreeSet::new();
        let mut dropped = BTreeSet::new();
        for op in ops {
            match op {
                Op::CreateTable { table } => {
                    made.extend(Self::used(&table.columns, &late_des));
                }
                Op::AddColumn { column, .. } => {
                    made.extend(Self::used(std::slice::from_ref(column), &late_des));
                }
                Op::DropTable { table } => {
                    dropped.extend(Self::used(&table.columns, &late_cur));
                }
                _ => {}
            }
        }
        RowTypeUsers { made, dropped }
    }

    /// The types of `late` that `columns` have (or arrays of).
    fn used(columns: &[Column], late: &BTreeSet<(String, String)>) -> Vec<(String, String)> {
        columns
            .iter()
            .filter_map(|c| match c.ty.element() {
                SqlType::Named(t) => Some((t.schema.clone(), t.name.clone())),
                _ => None,
            })
            .filter(|k| late.contains(k))
            .collect()
    }

    fn uses(&self, set: &BTreeSet<(String, String)>, table: &Table) -> bool {
        !Self::used(&table.columns, set).is_empty()
    }

    /// The place of `op` when it is one of these types or a table using
    /// one; `None` otherwise.
    fn place(&self, op: &Op) -> Option<(u8, isize)> {
        if self.made.is_empty() && self.dropped.is_empty() {
            return None;
        }
        let key = |o: &strata::schema::DbObject| (o.schema.clone(), o.name.clone());
        match op {
            // Plain tables at 0, the types at 1, their users at 2.
            Op::CreateObject { object } if self.made.contains(&key(object)) => {
                Some((op::CREATE_TABLE_PHASE, 1))
            }
            Op::CreateTable { table }
                if table.partition_of.is_none()
                    && table.inherits.is_empty()
                    && self.uses(&self.made, table) =>
            {
                Some((op.phase(), 2))
            }
            // Users at -2, the types at -1, the plain tables they are over
            // at 0.
            Op::DropObject { object } if self.dropped.contains(&key(object)) => {
                Some((op::DROP_TABLE_PHASE, -1))
            }
            Op::DropTable { table }
                if table.partition_of.is_none()
                    && table.inherits.is_empty()
                    && self.uses(&self.dropped, table) =>
            {
                Some((op.phase(), -2))
            }
            _ => None,
        }
    }
}

/// A table that leaves its parent (`DETACH PARTITION`, `NO INHERIT`) keeps
/// its copy of the parent's serial default, `nextval` of the parent's
/// sequence; PostgreSQL refuses to drop that sequence (with its table, its
/// column or its serial) while the default uses it. A default change away
/// from it comes right before that drop: moved there when the new default
/// is none; otherwise split into a `DROP DEFAULT` there and the new default
/// in its place (it may use what is created later). A type change that
/// drops the default first gives that drop up the same way.
fn order_defaults_before_serial_drops(ops: &mut Vec<Op>) {
    let doomed = |op: &Op| -> Vec<String> {
        let serial = |c: &Column| c.identity == Some(Identity::Serial);
        match op {
            Op::DropTable { table } => table
                .columns
                .iter()
                .filter(|c| serial(c))
                .map(|c| inheritance::serial_default(&table.schema, &table.name, &c.name))
                .collect(),
            Op::DropColumn { table, column } if serial(column) => {
                vec![inheritance::serial_default(
                    &table.schema,
                    &table.name,
                    &column.name,
                )]
            }
            Op::AlterIdentity {
                table,
                column,
                from: Some(Identity::Serial),
                to,
                ..
            } if *to != Some(Identity::Serial) => {
                vec![inheritance::serial_default(
                    &table.schema,
                    &table.name,
                    column,
                )]
            }
            _ => Vec::new(),
        }
    };
    let mut i = 0;
    while i < ops.len() {
        let defaults = doomed(&ops[i]);
        let user = if defaults.is_empty() {
            None
        } else {
            (i + 1..ops.len()).find(|&j| match &ops[j] {
                Op::AlterDefault { from: Some(f), .. }
                | Op::AlterColumnType {
                    default_from: Some(f),
                    ..
                } => defaults.contains(f),
                _ => false,
            })
        };
        let Some(j) = user else {
            i += 1;
            continue;
        };
        let early = match &mut ops[j] {
            Op::AlterDefault {
                table,
                column,
                from,
                to: Some(_),
            }
            | Op::AlterColumnType {
                table,
                column,
                default_from: from,
                ..
            } => Some(Op::AlterDefault {
                table: table.clone(),
                column: column.clone(),
                from: from.take(),
                to: None,
            }),
            _ => None,
        };
        let op = match early {
            Some(op) => op,
            None => ops.remove(j),
        };
        ops.insert(i, op);
        // The drop, now one further, may have more users.
        i += 1;
    }
}

/// The standalone sequences `ops` create (`created`) or drop, by (schema,
/// name), with the op's position.
fn sequence_ops(ops: &[Op], created: bool) -> BTreeMap<(String, String), usize> {
    ops.iter()
        .enumerate()
        .filter_map(|(k, op)| match op {
            Op::CreateObject { object } | Op::DropObject { object }
                if object.kind == ObjectKind::Sequence
                    && created == matches!(op, Op::CreateObject { .. }) =>
            {
                Some(((object.schema.clone(), object.name.clone()), k))
            }
            _ => None,
        })
        .collect()
}

/// A serial column's sequence that the target has as a standalone sequence
/// of the same name, while the column stops being serial (`serial` ->
/// `integer DEFAULT nextval('t_id_seq')`), is dropped, or its table is:
/// the sequence is released from the column ([`Op::ReleaseSequence`],
/// before the drop) instead of dropped with it and created again, so it
/// keeps its value. A table or column dropped here keeps its way back:
/// re-created with a `nextval` default of the sequence (which exists by
/// then), not as a serial that would make a second one.
fn release_serial_sequences(current: &Schema, desired: &Schema, ops: &mut Vec<Op>) {
    use strata_model::ddl::alter::serial_sequence_name;
    let creations = sequence_ops(ops, true);
    let serial = |c: &Column| c.identity == Some(Identity::Serial);
    // Creation position -> (op position, table, serial column).
    let mut claims: BTreeMap<usize, (usize, Name, Column)> = BTreeMap::new();
    for (i, op) in ops.iter().enumerate() {
        let candidates: Vec<(Name, Column)> = match op {
            Op::AlterIdentity {
                table,
                column,
                from: Some(Identity::Serial),
                to: None,
                ..
            } => current
                .table(&table.schema, &table.name)
                .and_then(|t| t.column(column))
                // Only where the target keeps the column drawing from the
                // sequence: the release leaves the default as it is.
                .filter(|_| {
                    let kept = inheritance::serial_default(&table.schema, &table.name, column);
                    desired
                        .table(&table.schema, &table.name)
                        .and_then(|t| t.column(column))
                        .is_some_and(|d| d.default.as_deref() == Some(kept.as_str()))
                })
                .map(|c| (table.clone(), c.clone()))
                .into_iter()
                .collect(),
            Op::DropColumn { table, column } if serial(column) => {
                vec![(table.clone(), column.clone())]
            }
            Op::DropTable { table } => table
                .columns
                .iter()
                .filter(|c| serial(c))
                .map(|c| (tname(table), c.clone()))
                .collect(),
            _ => Vec::new(),
        };
        for (table, column) in candidates {
            let seq = serial_sequence_name(&table.name, &column.name);
            if let Some(&k) = creations.get(&(table.schema.clone(), seq)) {
                claims.entry(k).or_insert((i, table, column));
            }
        }
    }
    if claims.is_empty() {
        return;
    }
    // Releases by the position of the op they replace (an identity change)
    // or come before (a drop).
    let mut releases: BTreeMap<usize, Vec<Op>> = BTreeMap::new();
    for (&k, (i, table, column)) in &claims {
        let Op::CreateObject { object } = &ops[k] else {
            continue;
        };
        releases.entry(*i).or_default().push(Op::ReleaseSequence {
            table: table.clone(),
            column: column.name.clone(),
            ty: column.ty.clone(),
            options: column.sequence.clone(),
            sequence: Box::new(object.clone()),
            release: true,
        });
        // The dropped column or table comes back (down) with the sequence's
        // `nextval` as a plain default.
        let kept = inheritance::serial_default(&table.schema, &table.name, &column.name);
        let plain = |c: &mut Column| {
            c.identity = None;
            c.sequence = None;
            c.default = Some(kept.clone());
        };
        match &mut ops[*i] {
            Op::DropColumn { column: c, .. } => plain(c),
            Op::DropTable { table: t } => {
                if let Some(c) = t.columns.iter_mut().find(|c| c.name == column.name) {
                    plain(c);
                }
            }
            _ => {}
        }
    }
    // A column that stops being serial keeps its default now: a change of
    // it starts from the `nextval` (and one to the same goes).
    let kept_defaults: BTreeMap<(Name, String), String> = claims
        .values()
        .filter(|(i, _, _)| matches!(ops[*i], Op::AlterIdentity { .. }))
        .map(|(_, table, column)| {
            (
                (table.clone(), column.name.clone()),
                inheritance::serial_default(&table.schema, &table.name, &column.name),
            )
        })
        .collect();
    let old = std::mem::take(ops);
    for (j, mut op) in old.into_iter().enumerate() {
        if claims.contains_key(&j) {
            continue;
        }
        if let Op::AlterDefault {
            table,
            column,
            from,
            to,
        } = &mut op
        {
            if let Some(kept) = kept_defaults.get(&(table.clone(), column.clone())) {
                if from.is_none() {
                    *from = Some(kept.clone());
                }
                if from == to {
                    continue;
                }
            }
        }
        match releases.remove(&j) {
            Some(r) if matches!(op, Op::AlterIdentity { .. }) => ops.extend(r),
            Some(r) => {
                ops.extend(r);
                ops.push(op);
            }
            None => ops.push(op),
        }
    }
}

/// The other way: a column defaulting to the `nextval` of a standalone
/// sequence that the target makes serial, the sequence having the serial's
/// name (`integer DEFAULT nextval('t_id_seq')` -> `serial`): the column
/// takes that sequence over ([`Op::ReleaseSequence`] back: `OWNED BY`, the
/// serial's type and options) instead of the sequence being dropped (its
/// value with it) and a new one made.
fn own_standalone_sequences(current: &Schema, desired: &Schema, ops: &mut Vec<Op>) {
    use strata_model::ddl::alter::serial_sequence_name;
    let drops = sequence_ops(ops, false);
    if drops.is_empty() {
        return;
    }
    // Identity change position -> (sequence drop position, the op that
    // replaces it).
    let mut taken: BTreeMap<usize, (usize, Op)> = BTreeMap::new();
    let mut columns: BTreeSet<(Name, String)> = BTreeSet::new();
    for (i, op) in ops.iter().enumerate() {
        let Op::AlterIdentity {
            table,
            column,
            ty,
            from: None,
            to: Some(Identity::Serial),
        } = op
        else {
            continue;
        };
        let seq = serial_sequence_name(&table.name, column);
        let Some(&k) = drops.get(&(table.schema.clone(), seq.clone())) else {
            continue;
        };
        if taken.values().any(|(d, _)| *d == k) {
            continue;
        }
        let cur = current
            .table(&table.schema, &table.name)
            .and_then(|t| t.column(column));
        let des = desired
            .table(&table.schema, &table.name)
            .and_then(|t| t.column(column));
        let (Some(cur), Some(des)) = (cur, des) else {
            continue;
        };
        // Only a column already drawing from that sequence.
        if cur.default.as_deref()
            != Some(inheritance::serial_default(&table.schema, &table.name, column).as_str())
        {
            continue;
        }
        let Op::DropObject { object } = &ops[k] else {
            continue;
        };
        taken.insert(
            i,
            (
                k,
                Op::ReleaseSequence {
                    table: table.clone(),
                    column: column.clone(),
                    ty: ty.clone(),
                    options: des.sequence.clone(),
                    sequence: Box::new(object.clone()),
                    release: false,
                },
            ),
        );
        columns.insert((table.clone(), column.clone()));
    }
    if taken.is_empty() {
        return;
    }
    let dropped: BTreeSet<usize> = taken.values().map(|(k, _)| *k).collect();
    let old = std::mem::take(ops);
    for (j, op) in old.into_iter().enumerate() {
        if dropped.contains(&j) {
            continue;
        }
        // The `nextval` default stays: it is the serial's.
        if let Op::AlterDefault {
            table,
            column,
            to: None,
            ..
        } = &op
        {
            if columns.contains(&(table.clone(), column.clone())) {
                continue;
            }
        }
        match taken.remove(&j) {
            Some((_, release)) => ops.push(release),
            None => ops.push(op),
        }
    }
}

/// A new table or column that is serial, whose sequence name
/// (`t_id_seq`) a standalone sequence this plan drops holds: the drop
/// (last by its phase) goes right before, so that PostgreSQL gives the
/// serial's sequence that name rather than `t_id_seq1`. Not when a column
/// of the start still draws from the dropped sequence (it is changed
/// later, and holds the sequence until then).
fn order_serial_name_reuse(current: &Schema, ops: &mut Vec<Op>) {
    use strata_model::ddl::alter::serial_sequence_name;
    let serial = |c: &Column| c.identity == Some(Identity::Serial);
    let mut i = 0;
    while i < ops.len() {
        let wanted: Vec<(String, String)> = match &ops[i] {
            Op::CreateTable { table } => table
                .columns
                .iter()
                .filter(|c| serial(c))
                .map(|c| {
                    (
                        table.schema.clone(),
                        serial_sequence_name(&table.name, &c.name),
                    )
                })
                .collect(),
            Op::AddColumn { table, column } if serial(column) => {
                vec![(
                    table.schema.clone(),
                    serial_sequence_name(&table.name, &column.name),
                )]
            }
            _ => Vec::new(),
        };
        for (schema, name) in wanted {
            let drops = sequence_ops(ops, false);
            let Some(&k) = drops.get(&(schema.clone(), name.clone())) else {
                continue;
            };
            let used = current.tables.iter().any(|t| {
                t.columns.iter().any(|c| {
                    c.default.as_deref().is_some_and(|d| {
                        d.contains(&format!(
                            "nextval('{}'::regclass)",
                            strata::ident::Qualified(&schema, &name)
                        )) || d.contains(&format!("nextval('{}'::regclass)", Ident(&name)))
                    })
                })
            });
            if k > i && !used {
                let drop = ops.remove(k);
                ops.insert(i, drop);
                i += 1;
            }
        }
        i += 1;
    }
}

/// A sequence a column owns (serial or identity) and a standalone sequence
/// of the same name trade places (`serial` -> `integer DEFAULT
/// nextval('t_id_seq')`, or back): the owned one goes with the column's
/// change (phase 20 or 25) and the standalone one is created before the
/// tables change (phase 15) and dropped last (phase 35), so the same name
/// would exist twice. The standalone one is created right after the owned
/// one is gone, and dropped right before the column takes its own (the
/// defaults that used it are changed before, in phase 22).
fn order_owned_sequence_swaps(ops: &mut Vec<Op>) {
    let owned_name = |op: &Op, gone: bool| match op {
        Op::AlterIdentity {
            table,
            column,
            from,
            to,
            ..
        } if from != to && (if gone { from.is_some() } else { to.is_some() }) => Some((
            table.schema.clone(),
            strata_model::ddl::alter::serial_sequence_name(&table.name, column),
        )),
        _ => None,
    };
    let sequence = |op: &Op, created: bool| match op {
        Op::CreateObject { object } if created && object.kind == ObjectKind::Sequence => {
            Some((object.schema.clone(), object.name.clone()))
        }
        Op::DropObject { object } if !created && object.kind == ObjectKind::Sequence => {
            Some((object.schema.clone(), object.name.clone()))
        }
        _ => None,
    };
    let mut i = 0;
    while i < ops.len() {
        if let Some(name) = sequence(&ops[i], true) {
            let later =
                (i + 1..ops.len()).find(|&j| owned_name(&ops[j], true) == Some(name.clone()));
            if let Some(j) = later {
                let op = ops.remove(i);
                ops.insert(j, op);
                continue;
            }
        }
        if let Some(name) = sequence(&ops[i], false) {
            let earlier = (0..i).find(|&j| owned_name(&ops[j], false) == Some(name.clone()));
            if let Some(j) = earlier {
                let op = ops.remove(i);
                ops.insert(j, op);
            }
        }
        i += 1;
    }
}

/// How deep each table of either side sits in its partition or
/// inheritance tree: 0 for a table with no parent, 1 for a partition or
/// child of such a table, 2 for a partition of a partition, ... A parent
/// that is on neither side counts as depth 0; a cycle (impossible in
/// PostgreSQL) stops at the number of tables.
fn hierarchy_depths<'a>(
    current: &'a Schema,
    desired: &'a Schema,
) -> BTreeMap<(&'a str, &'a str), usize> {
    let mut parents: BTreeMap<(&str, &str), Vec<(&str, &str)>> = BTreeMap::new();
    for t in current.tables.iter().chain(&desired.tables) {
        let list = parents
            .entry((t.schema.as_str(), t.name.as_str()))
            .or_default();
        let refs = t.partition_of.iter().map(|p| &p.parent).chain(&t.inherits);
        for r in refs {
            let key = (r.schema.as_str(), r.name.as_str());
            if !list.contains(&key) {
                list.push(key);
            }
        }
    }
    let limit = parents.len();
    let mut depths = BTreeMap::new();
    for &key in parents.keys() {
        // Longest path up, breadth first (inheritance may have several
        // parents).
        let mut level = 0;
        let mut frontier = vec![key];
        while level < limit {
            let mut next: Vec<(&str, &str)> = frontier
                .iter()
                .flat_map(|k| parents.get(k).into_iter().flatten().copied())
                .collect();
            next.sort_unstable();
            next.dedup();
            if next.is_empty() {
                break;
            }
            level += 1;
            frontier = next;
        }
        depths.insert(key, level);
    }
    depths
}

/// How an enum re-creation already handled a column's default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DefaultHandled {
    /// Set to the desired default: nothing more to do.
    Done,
    /// Dropped (the column changes type later): the type change starts from
    /// no default.
    Dropped,
}

struct Differ<'a> {
    cur: &'a Schema,
    des: &'a Schema,
    /// (schema, name) → position in `cur.tables` / `des.tables`.
    cur_index: HashMap<(String, String), usize>,
    des_index: HashMap<(String, String), usize>,
    /// Desired (new) table name → the current table renamed to it.
    renamed_to: BTreeMap<Name, Name>,
    ops: Vec<Op>,
    notes: Vec<String>,
    /// Current table → its new name (same schema).
    table_renames: BTreeMap<Name, String>,
    /// Table (new name) → current column name → new column name.
    column_renames: BTreeMap<Name, BTreeMap<String, String>>,
    /// (table (new name), column (new name)) → how an enum re-creation
    /// handled the default.
    recreate_defaults: BTreeMap<(Name, String), DefaultHandled>,
}

fn tname(t: &Table) -> Name {
    Name::new(t.schema.clone(), t.name.clone())
}

fn col_ref(table: &Name, column: &str) -> String {
    format!("{table}.{}", Ident(column))
}

fn uses_enum(ty: &SqlType, e: &Name) -> Option<bool> {
    match ty {
        SqlType::Named(TypeName { schema, name }) if *schema == e.schema && *name == e.name => {
            Some(false)
        }
        SqlType::Array(inner) => uses_enum(inner, e).map(|_| true),
        _ => None,
    }
}

/// The default a diff compares: a serial's `nextval` default is part of
/// being serial.
fn effective_default(c: &Column) -> Option<&String> {
    if c.identity == Some(Identity::Serial) {
        None
    } else {
        c.default.as_ref()
    }
}

impl<'a> Differ<'a> {
    fn cur_table(&self, schema: &str, name: &str) -> Option<&'a Table> {
        let cur = self.cur;
        self.cur_index
            .get(&(schema.to_string(), name.to_string()))
            .map(|&i| &cur.tables[i])
    }

    fn des_table(&self, schema: &str, name: &str) -> Option<&'a Table> {
        let des = self.des;
        self.des_index
            .get(&(schema.to_string(), name.to_string()))
            .map(|&i| &des.tables[i])
    }

    fn run(&mut self) {
        self.find_table_renames();
        self.find_column_renames();
        self.schemas();
        self.enums();
        self.tables();
        self.fill_enum_dependents();
        let object_ops = objects::object_ops(self.cur, self.des, &self.ops);
        self.ops.extend(object_ops);
        // Drop schemas last so the notes about tables come first.
        for s in &self.cur.schemas {
            if s != "public" && !self.des.schemas.contains(s) {
                self.ops.push(Op::DropSchema { name: s.clone() });
            }
        }
    }

    fn schemas(&mut self) {
        for s in &self.des.schemas {
            // `public` is taken to exist (every database has it, and an
            // empty current schema may just not list it).
            if s != "public" && !self.cur.schemas.contains(s) {
                self.ops.push(Op::CreateSchema { name: s.clone() });
            }
        }
    }

    /// The current columns using enum `e`, as they are when enum ops run.
    /// (The tables and columns the plan drops are gone by then.)
    fn enum_users(&self, e: &Name) -> Vec<(EnumUser, &'a Column)> {
        let mut out = Vec::new();
        for t in &self.cur.tables {
            if self.doomed_table(t) {
                continue;
            }
            let table = self.new_table_name(&tname(t));
            let desired = self.des_table(&table.schema, &table.name);
            for c in &t.columns {
                let view = self.view_column_name(&table, &c.name);
                if desired.is_some_and(|d| d.column(&view).is_none()) {
                    continue;
                }
                if let Some(array) = uses_enum(&c.ty, e) {
                    out.push((
                        EnumUser {
                            table: table.clone(),
                            column: c.name.clone(),
                            array,
                            default_before: c.default.clone(),
                            default_after: c.default.clone(),
                        },
                        c,
                    ));
                }
            }
        }
        out
    }

    fn enums(&mut self) {
        for de in &self.des.enums {
            let Some(ce) = self.cur.enum_type(&de.schema, &de.name) else {
                self.ops.push(Op::CreateEnum { ty: de.clone() });
                continue;
            };
            let name = Name::new(de.schema.clone(), de.name.clone());
            if ce.labels != de.labels {
                self.enum_labels(&name, ce, de);
            }
            if ce.comment != de.comment {
                self.ops.push(Op::CommentOnType {
                    ty: name,
                    from: ce.comment.clone(),
                    to: de.comment.clone(),
                });
            }
        }
        for ce in &self.cur.enums {
            if self.des.enum_type(&ce.schema, &ce.name).is_none() {
                self.ops.push(Op::DropEnum { ty: ce.clone() });
            }
        }
    }

    fn enum_labels(&mut self, name: &Name, ce: &EnumType, de: &EnumType) {
        let users: Vec<EnumUser> = self.enum_users(name).into_iter().map(|(u, _)| u).collect();
        // Add the new labels where they belong (relative to their desired
        // neighbours), then re-create the type if labels must go or move.
        let mut labels = ce.labels.clone();
        for (i, l) in de.labels.iter().enumerate() {
            if labels.contains(l) {
                continue;
            }
            let position = if i > 0 {
                let prev = &de.labels[i - 1];
                if labels.last() == Some(prev) {
                    EnumPosition::End
                } else {
                    EnumPosition::After(prev.clone())
                }
            } else {
                match labels.first() {
                    Some(first) => EnumPosition::Before(first.clone()),
                    None => EnumPosition::End,
                }
            };
            let mut before = ce.clone();
            before.labels = labels.clone();
            labels = insert_label(&labels, l, &position);
            self.ops.push(Op::AddEnumValue {
                before,
                value: l.clone(),
                position,
                users: users.clone(),
                dependents: EnumDependents::default(),
            });
        }
        if labels == de.labels {
            return;
        }
        let mut from = ce.clone();
        from.labels = labels.clone();
        let mut to = ce.clone();
        to.labels = de.labels.clone();
        let mut rusers = Vec::new();
        for (mut u, c) in self.enum_users(name) {
            let new_col = self.new_column_name(&u.table, &u.column);
            let desired_col = self
                .des_table(&u.table.schema, &u.table.name)
                .and_then(|t| t.column(&new_col));
            let key = (u.table.clone(), new_col);
            match desired_col {
                Some(dc) if dc.ty == c.ty => {
                    u.default_after = dc.default.clone();
                    self.recreate_defaults.insert(key, DefaultHandled::Done);
                }
                Some(_) => {
                    u.default_after = None;
                    self.recreate_defaults.insert(key, DefaultHandled::Dropped);
                }
                None => {}
            }
            rusers.push(u);
        }
        self.ops.push(Op::RecreateEnum {
            from,
            to,
            users: rusers,
            dependents: EnumDependents::default(),
        });
    }

    fn tables(&mut self) {
        let mut created: Vec<&'a Table> = Vec::new();
        for dt in &self.des.tables {
            // A different partition key cannot be changed in place: the
            // table is dropped and created again.
            match self
                .matching_current(dt)
                .filter(|ct| ct.partition_by == dt.partition_by)
            {
                Some(ct) => {
                    let from = tname(ct);
                    if from.name != dt.name {
                        self.ops.push(Op::RenameTable {
                            from,
                            to: dt.name.clone(),
                            serials: ct
                                .columns
                                .iter()
                                .filter(|c| follows_its_table(c))
                                .map(|c| c.name.clone())
                                .collect(),
                        });
                    }
                    self.table(ct, dt);
                }
                None => {
                    created.push(dt);
                    let mut t = dt.clone();
                    let fks = std::mem::take(&mut t.foreign_keys);
                    t.renamed_from = None;
                    for c in &mut t.columns {
                        c.renamed_from = None;
                    }
                    let name = tname(&t);
                    self.ops.push(Op::CreateTable { table: t });
                    for fk in fks {
                        self.ops.push(Op::AddForeignKey {
                            table: name.clone(),
                            fk,
                        });
                    }
                }
            }
        }
        let mut dropped: Vec<&'a Table> = Vec::new();
        for ct in &self.cur.tables {
            let n = tname(ct);
            if self.table_renames.contains_key(&n) {
                continue;
            }
            if self
                .des_table(&ct.schema, &ct.name)
                .is_some_and(|d| d.partition_by == ct.partition_by)
            {
                continue;
            }
            dropped.push(ct);
            let mut t = self.cur_table_renamed(ct);
            let fks = std::mem::take(&mut t.foreign_keys);
            for fk in fks {
                self.ops.push(Op::DropForeignKey {
                    table: n.clone(),
                    fk,
                });
            }
            self.ops.push(Op::DropTable { table: t });
        }
        for d in &dropped {
            for c in &created {
                if d.schema == c.schema && same_columns(d, c) {
                    self.notes.push(format!(
                        "table {} was dropped and {} added with the same columns: if this is a rename, add #[table(renamed_from = \"{}\")] to {}",
                        tname(d),
                        tname(c),
                        d.name,
                        Ident(&c.name)
                    ));
                }
            }
        }
        self.rebuild_around_readded_columns();
        self.refresh_dependent_foreign_keys();
    }

    /// A column that becomes generated is dropped and added again
    /// (`Op::AlterGenerated`): PostgreSQL drops the indexes and
    /// constraints on it with it. Those the target keeps unchanged are
    /// dropped before and made again after (the foreign keys that lean on
    /// a key among them are then refreshed too).
    fn rebuild_around_readded_columns(&mut self) {
        let readded: Vec<(Name, String)> = self
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::AlterGenerated { table, to, .. } if to.generated.is_some() => {
                    Some((table.clone(), to.name.clone()))
                }
                _ => None,
            })
            .collect();
        let mut extra = Vec::new();
        for (table, column) in readded {
            let Some(dt) = self.des_table(&table.schema, &table.name) else {
                continue;
            };
            let current = self
                .renamed_to
                .get(&table)
                .cloned()
                .unwrap_or(table.clone());
            let Some(ct) = self.cur_table(&current.schema, &current.name) else {
                continue;
            };
            let quoted = Ident(&column).to_string();
            let mentions = |text: &str| {
                text.match_indices(&quoted).any(|(i, _)| {
                    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '"';
                    !text[..i].chars().next_back().is_some_and(word)
                        && !text[i + quoted.len()..].chars().next().is_some_and(word)
                })
            };
            let ops = &self.ops;
            // One the plan drops anyway is left to it.
            let dropped = |name: &str| {
                ops.iter().any(|op| match op {
                    Op::DropIndex { table: t, index } => *t == table && index.name == name,
                    Op::DropCheck { table: t, check } => *t == table && check.name == name,
                    _ => false,
                })
            };
            let (mut before, mut after) = (Vec::new(), Vec::new());
            routine_users::rebuild_kept_parts(
                &table,
                ct,
                dt,
                |ix| {
                    !dropped(&ix.name)
                        && (ix
                            .elements
                            .iter()
                            .any(|e| matches!(&e.key, IndexKey::Column(c) if *c == column))
                            || routine_users::index_text_uses(ix, mentions))
                },
                |k| !dropped(&k.name) && mentions(&k.expression),
                &mut before,
                &mut after,
            );
            // Phases order them.
            extra.append(&mut before);
            extra.append(&mut after);
            for u in ct.uniques.iter().filter(|u| u.columns.contains(&column)) {
                let dropped = ops.iter().any(|op| {
                    matches!(op, Op::DropUnique { table: t, unique } if *t == table && unique.name == u.name)
                });
                if let (false, Some(kept)) = (dropped, dt.uniques.iter().find(|x| *x == u)) {
                    extra.push(Op::DropUnique {
                        table: table.clone(),
                        unique: u.clone(),
                    });
                    extra.push(Op::AddUnique {
                        table: table.clone(),
                        unique: kept.clone(),
                    });
                }
            }
            if let Some(pk) = ct
                .primary_key
                .as_ref()
                .filter(|k| k.columns.contains(&column))
            {
                let dropped = ops
                    .iter()
                    .any(|op| matches!(op, Op::DropPrimaryKey { table: t, .. } if *t == table));
                if let (false, Some(kept)) = (dropped, dt.primary_key.as_ref().filter(|k| *k == pk))
                {
                    extra.push(Op::DropPrimaryKey {
                        table: table.clone(),
                        key: pk.clone(),
                    });
                    extra.push(Op::AddPrimaryKey {
                        table: table.clone(),
                        key: kept.clone(),
                    });
                }
            }
        }
        self.ops.extend(extra);
    }

    fn table(&mut self, ct: &'a Table, dt: &'a Table) {
        let table = tname(dt);
        // The common case, cheaply: nothing renamed, nothing changed.
        if ct.name == dt.name
            && !self.column_renames.contains_key(&table)
            && self.table_renames.is_empty()
            // A child's columns can change with its parents'.
            && ct.inherits.is_empty()
            && !self.detached(ct, dt)
            && same_table(ct, dt)
        {
            return;
        }
        let mut before = self.cur_table_renamed(ct);
        let mut view = self.cur_table_view(ct);
        // A detached partition keeps copies of its parent's keys, indexes
        // and foreign keys: those its new parent does not adopt are
        // compared like its own. What the new parent has that nothing
        // stands for, the attach creates (and the way back drops).
        let mut adopting = Adopting::of(self.des, dt);
        if self.detached(ct, dt) {
            let map_fk = |fk: &mut ForeignKey| {
                let r =
                    self.new_table_name(&Name::new(fk.ref_schema.clone(), fk.ref_table.clone()));
                fk.ref_table = r.name;
            };
            let mut for_before = adopting.clone();
            inheritance::add_detached_keys(self.cur, ct, &map_fk, &mut for_before, &mut before);
            inheritance::add_detached_keys(self.cur, ct, &map_fk, &mut adopting, &mut view);
        }
        self.partitioning(ct, dt, adopting.creates(dt));
        let renames = self.column_renames.get(&table).cloned().unwrap_or_default();
        for (from, to) in &renames {
            self.ops.push(Op::RenameColumn {
                table: table.clone(),
                from: from.clone(),
                to: to.clone(),
                serial: ct.column(from).is_some_and(follows_its_table),
            });
        }
        // Columns. What comes from a parent kept on both sides is the
        // parent's (local or not: see `inheritance.rs`); what comes from a
        // parent that goes becomes the table's own, and what a new parent
        // brings must be there before it is attached.
        let inh = Inherited::of(self.cur, ct, self.des, dt, self.detached(ct, dt));
        // A detached partition keeps its own NOT NULLs.
        let cur_freed: Vec<Column> = inh
            .freed_columns
            .iter()
            .filter(|c| view.column(&c.name).is_none())
            .map(|c| {
                let mut c = c.clone();
                c.nullable &= !ct.local_not_null.contains(&c.name);
                c
            })
            .collect();
        let cur_col = |name: &str| -> Option<Column> {
            view.column(name)
                .or_else(|| cur_freed.iter().find(|c| c.name == name))
                .cloned()
        };
        let mut added = Vec::new();
        for dc in &dt.columns {
            match cur_col(&dc.name) {
                Some(cc) => {
                    let after = inh.after_parents(&cc);
                    // A parent's default change reaches the table's own
                    // column too (`ALTER TABLE` recurses); where the table
                    // then sets its own, the same default stated before
                    // the parent's change puts it back on the way down
                    // (as `inheritance::child_defaults` does).
                    if after.default != cc.default
                        && after.default != dc.default
                        && dc.generated.is_none()
                    {
                        self.ops.push(Op::AlterDefault {
                            table: table.clone(),
                            column: dc.name.clone(),
                            from: cc.default.clone(),
                            to: cc.default.clone(),
                        });
                    }
                    self.column(&table, &after, dc)
                }
                // The kept parent drops it (`ONLY`, see the plan): the
                // table keeps it as its own.
                None if inh.cur_kept_columns.contains(&dc.name)
                    && !inh.des_kept_columns.contains(&dc.name) =>
                {
                    if let Some(cc) = inh.cur_kept_def(&dc.name) {
                        self.column(&table, &cc, dc);
                    }
                }
                // The table has it only from a parent it keeps, and is to
                // declare it as well (local and inherited): nothing makes
                // it local but re-creating the table, and only its default
                // can differ from the parent's (with the parent's change
                // in this plan, which reaches the table first).
                None if inh.kept_column(&dc.name) => {
                    if let Some(mut cc) = inh.cur_kept_def(&dc.name) {
                        if let Some(own) = ct.local_defaults.get(&dc.name) {
                            cc.default.clone_from(own);
                        }
                        let from = inh.after_parents(&cc).default;
                        if from != dc.default {
                            self.ops.push(Op::AlterDefault {
                                table: table.clone(),
                                column: dc.name.clone(),
                                from,
                                to: dc.default.clone(),
                            });
                        }
                    }
                }
                None => {
                    let mut c = dc.clone();
                    c.renamed_from = None;
                    added.push(dc);
                    self.ops.push(Op::AddColumn {
                        table: table.clone(),
                        column: c,
                    });
                }
            }
        }
        for ic in &inh.required_columns {
            if dt.column(&ic.name).is_some() {
                continue;
            }
            // NOT NULL as the parent has it, or as the partition has it of
            // its own.
            let nullable = ic.nullable && !dt.local_not_null.contains(&ic.name);
            match cur_col(&ic.name) {
                Some(cc) => {
                    let mut target = cc.clone();
                    target.ty = ic.ty.clone();
                    target.collation = ic.collation.clone();
                    target.nullable = nullable;
                    target.generated = ic.generated.clone();
                    // The parent's default, as a partition created in it
                    // has (an identity or serial of the table's own goes:
                    // a serial's sequence with it).
                    target.default = ic.default.clone();
                    target.identity = ic.identity;
                    target.sequence = ic.sequence.clone();
                    self.column(&table, &cc, &target);
                }
                None if inh.cur_kept_columns.contains(&ic.name) => {}
                None => self.ops.push(Op::AddColumn {
                    table: table.clone(),
                    column: Column {
                        nullable,
                        ..ic.clone()
                    },
                }),
            }
        }
        self.partition_not_null(&table, ct, dt);
        // A column a kept parent drops ONLY (another child keeps it) stays
        // here as the table's own: dropped unless wanted.
        let only_dropped: Vec<Column> = inh
            .cur_kept_columns
            .iter()
            .filter(|n| {
                !inh.des_kept_columns.contains(*n)
                    && view.column(n).is_none()
                    && dt.column(n).is_none()
                    && !inh.required_columns.iter().any(|c| &c.name == *n)
                    && ct.inherits.iter().any(|p| {
                        dt.inherits.contains(p)
                            && children_keep(self.cur, self.des, &p.schema, &p.name, n)
                    })
            })
            .filter_map(|n| inh.cur_kept_def(n))
            .collect();
        for c in &only_dropped {
            self.ops.push(Op::DropColumn {
                table: table.clone(),
                column: c.clone(),
            });
        }
        let mut dropped = Vec::new();
        let freed_pairs = cur_freed.iter().map(|c| (c, c));
        for (cc, orig) in view.columns.iter().zip(&ct.columns).chain(freed_pairs) {
            if dt.column(&cc.name).is_none()
                && !inh.des_kept_columns.contains(&cc.name)
                && !inh.required_columns.iter().any(|c| c.name == cc.name)
            {
                dropped.push(orig);
            }
        }
        // Last column first: the way back adds them in their order.
        for orig in dropped.iter().rev() {
            self.ops.push(Op::DropColumn {
                table: table.clone(),
                column: (*orig).clone(),
            });
        }
        for d in &dropped {
            for a in &added {
                if d.ty == a.ty {
                    self.notes.push(format!(
                        "column {} was dropped and {} added with the same type: if this is a rename, add #[column(renamed_from = \"{}\")] to {}",
                        col_ref(&table, &d.name),
                        col_ref(&table, &a.name),
                        d.name,
                        Ident(&a.name)
                    ));
                }
            }
        }
        // Primary key (its comment compared apart).
        let bare = |k: &strata::schema::PrimaryKey| strata::schema::PrimaryKey {
            comment: None,
            ..k.clone()
        };
        let kept = match (&view.primary_key, &dt.primary_key) {
            (Some(c), Some(d)) if bare(c) == bare(d) => Some((c, d)),
            (Some(c), Some(d))
                if c.name != d.name
                    && bare(c)
                        == (strata::schema::PrimaryKey {
                            name: c.name.clone(),
                            ..bare(d)
                        }) =>
            {
                self.ops.push(Op::RenameConstraint {
                    table: table.clone(),
                    from: c.name.clone(),
                    to: d.name.clone(),
                });
                Some((c, d))
            }
            _ => None,
        };
        match (kept, &view.primary_key, &dt.primary_key) {
            (Some((c, d)), _, _) => {
                if c.comment != d.comment {
                    self.ops.push(Op::CommentOnConstraint {
                        table: table.clone(),
                        name: d.name.clone(),
                        index: false,
                        from: c.comment.clone(),
                        to: d.comment.clone(),
                    });
                }
            }
            (None, c, d) => {
                if let Some(c) = c {
                    let key = before.primary_key.clone().unwrap_or_else(|| c.clone());
                    self.ops.push(Op::DropPrimaryKey {
                        table: table.clone(),
                        key,
                    });
                }
                if let Some(d) = d {
                    self.ops.push(Op::AddPrimaryKey {
                        table: table.clone(),
                        key: d.clone(),
                    });
                }
            }
        }
        // Unique constraints, indexes, checks, foreign keys.
        self.commented(
            &table,
            &view.uniques,
            &dt.uniques,
            &before.uniques,
            |u| &u.name,
            ObjKind::Unique,
        );
        self.commented(
            &table,
            &view.indexes,
            &dt.indexes,
            &before.indexes,
            |i| &i.name,
            ObjKind::Index,
        );
        let (cur_checks, des_checks, before_checks) = inh.checks(&view, dt, &before);
        let cur_checks = self.validity(
            &table,
            &cur_checks,
            &des_checks,
            |c| &c.name,
            |c| &mut c.not_valid,
            Validated::Check,
        );
        let cur_fks = self.validity(
            &table,
            &view.foreign_keys,
            &dt.foreign_keys,
            |f| &f.name,
            |f| &mut f.not_valid,
            Validated::ForeignKey,
        );
        self.commented(
            &table,
            &cur_checks,
            &des_checks,
            &before_checks,
            |c| &c.name,
            ObjKind::Check,
        );
        self.commented(
            &table,
            &cur_fks,
            &dt.foreign_keys,
            &before.foreign_keys,
            |f| &f.name,
            ObjKind::ForeignKey,
        );
        if view.with.iter().collect::<BTreeSet<_>>() != dt.with.iter().collect::<BTreeSet<_>>() {
            self.ops.push(Op::SetStorageParams {
                table: table.clone(),
                from: view.with.clone(),
                to: dt.with.clone(),
            });
        }
        if view.unlogged != dt.unlogged {
            self.ops.push(Op::SetLogged {
                table: table.clone(),
                unlogged: dt.unlogged,
            });
        }
        // NOT OF before the columns change, OF once they are the type's
        // (also around the columns of a type that changes: neither the
        // type nor the table can change while the table is typed).
        let columns_of = |t: &Table| -> Vec<(String, String)> {
            t.columns
                .iter()
                .map(|c| (c.name.clone(), c.ty.to_string()))
                .collect()
        };
        let retyped = dt.of_type.is_some() && columns_of(&view) != columns_of(dt);
        if view.of_type != dt.of_type || retyped {
            if view.of_type.is_some() {
                self.ops.push(Op::SetOfType {
                    table: table.clone(),
                    from: view.of_type.clone(),
                    to: None,
                });
            }
            if dt.of_type.is_some() {
                self.ops.push(Op::SetOfType {
                    table: table.clone(),
                    from: None,
                    to: dt.of_type.clone(),
                });
            }
        }
        if view.replica_identity != dt.replica_identity {
            self.ops.push(Op::SetReplicaIdentity {
                table: table.clone(),
                from: view.replica_identity.clone(),
                to: dt.replica_identity.clone(),
            });
        }
        // An index made again (or a key's) has lost its CLUSTER mark.
        let remade = |name: &str| {
            self.ops.iter().any(|op| match op {
                Op::CreateIndex { table: t, index } => t == &table && index.name == name,
                Op::AddPrimaryKey { table: t, key } => t == &table && key.name == name,
                Op::AddUnique { table: t, unique } => t == &table && unique.name == name,
                _ => false,
            })
        };
        // The mark comes off before any index goes and on once all are
        // made, so that either way it names an index that exists.
        if view.cluster_on != dt.cluster_on || dt.cluster_on.as_deref().is_some_and(remade) {
            if view.cluster_on.is_some() {
                self.ops.push(Op::SetCluster {
                    table: table.clone(),
                    from: view.cluster_on.clone(),
                    to: None,
                });
            }
            if dt.cluster_on.is_some() {
                self.ops.push(Op::SetCluster {
                    table: table.clone(),
                    from: None,
                    to: dt.cluster_on.clone(),
                });
            }
        }
        if view.comment != dt.comment {
            self.ops.push(Op::CommentOnTable {
                table,
                from: view.comment.clone(),
                to: dt.comment.clone(),
            });
        }
    }

    /// A partition that stays in its parent: its own NOT NULLs
    /// (`local_not_null`). The parent's `SET NOT NULL` reaches the
    /// partition, and so does its `DROP NOT NULL` (run before any `SET NOT
    /// NULL`, `Op::phase`), so the partition's column is set or dropped
    /// only where the desired parent's column is nullable and the state
    /// the parent leaves is not the desired one. A partition that changes
    /// parent or bound gets its columns through `Inherited`.
    fn partition_not_null(&mut self, table: &Name, ct: &Table, dt: &Table) {
        let (Some(cp), Some(dp)) = (&ct.partition_of, &dt.partition_of) else {
            return;
        };
        if cp != dp || (ct.local_not_null.is_empty() && dt.local_not_null.is_empty()) {
            return;
        }
        let names: BTreeSet<&String> = ct.local_not_null.iter().chain(&dt.local_not_null).collect();
        for name in names {
            let (Some(parent_cur), Some(parent_des)) = (
                inheritance::not_null_in(self.cur, &cp.parent, name),
                inheritance::not_null_in(self.des, &dp.parent, name),
            ) else {
                // Added or dropped with the parent's column.
                continue;
            };
            if parent_des {
                continue;
            }
            let before = if parent_cur != parent_des {
                parent_des
            } else {
                parent_cur || ct.local_not_null.contains(name)
            };
            let want = dt.local_not_null.contains(name);
            if before == want {
                continue;
            }
            let (table, column) = (table.clone(), name.clone());
            self.ops.push(if want {
                Op::SetNotNull { table, column }
            } else {
                Op::DropNotNull { table, column }
            });
        }
    }

    /// Current table `p` is dropped and created again under its name (its
    /// partition key changes): its partitions that stay leave it first.
    fn recreated_parent(&self, p: &TableRef) -> bool {
        let n = Name::new(p.schema.clone(), p.name.clone());
        !self.table_renames.contains_key(&n)
            && !self.renamed_to.contains_key(&n)
            && match (
                self.cur_table(&p.schema, &p.name),
                self.des_table(&p.schema, &p.name),
            ) {
                (Some(c), Some(d)) => c.partition_by != d.partition_by,
                _ => false,
            }
    }

    /// Current partition `ct`, which becomes desired table `dt`, is
    /// detached from its parent: it becomes a table of its own, moves to
    /// another parent, changes its bound, or its parent is re-created.
    fn detached(&self, ct: &Table, dt: &Table) -> bool {
        ct.partition_of
            .as_ref()
            .is_some_and(|p| ct.partition_of != dt.partition_of || self.recreated_parent(&p.parent))
    }

    /// Partition and inheritance changes: detach and attach, `[NO]
    /// INHERIT`. A partition whose parent is re-created is detached before
    /// the parent is dropped (which would take it and its rows along) and
    /// attached to the new one.
    fn partitioning(&mut self, ct: &Table, dt: &Table, creates: PartitionCopies) {
        let table = tname(dt);
        if ct.partition_of != dt.partition_of || self.detached(ct, dt) {
            if let Some(p) = &ct.partition_of {
                self.ops.push(Op::DetachPartition {
                    table: tname(ct),
                    partition: p.clone(),
                    drops: PartitionCopies::default(),
                });
            }
            if let Some(p) = &dt.partition_of {
                self.ops.push(Op::AttachPartition {
                    table: table.clone(),
                    partition: p.clone(),
                    creates,
                });
            }
        }
        for p in &ct.inherits {
            if !dt.inherits.contains(p) {
                self.ops.push(Op::AlterInherit {
                    table: tname(ct),
                    parent: p.clone(),
                    inherit: false,
                });
            }
        }
        for p in &dt.inherits {
            if !ct.inherits.contains(p) {
                self.ops.push(Op::AlterInherit {
                    table: table.clone(),
                    parent: p.clone(),
                    inherit: true,
                });
            }
        }
    }

    /// Matches constraints or indexes without their comments (a comment
    /// change re-creates nothing), emits the drops, adds and renames, then a
    /// comment op for every kept or renamed one whose comment changed. The
    /// added ones carry their comments.
    fn commented<T: Clone + PartialEq + Named>(
        &mut self,
        table: &Name,
        cur: &[T],
        des: &[T],
        before: &[T],
        name: fn(&T) -> &String,
        kind: ObjKind,
    ) {
        let cur_bare: Vec<T> = cur.iter().map(Named::uncommented).collect();
        let des_bare: Vec<T> = des.iter().map(Named::uncommented).collect();
        let m = match_named(&cur_bare, &des_bare, name);
        let added: Vec<T> = m
            .added
            .into_iter()
            .map(|a| {
                des.iter()
                    .find(|d| name(d) == name(&a))
                    .cloned()
                    .unwrap_or(a)
            })
            .collect();
        let added_names: BTreeSet<String> = added.iter().map(|a| name(a).clone()).collect();
        let renamed = m.renamed.clone();
        self.emit(
            table,
            Matched {
                dropped: m.dropped,
                added,
                renamed: m.renamed,
            },
            before,
            name,
            kind,
        );
        for d in des {
            if added_names.contains(name(d)) {
                continue;
            }
            let old = renamed
                .iter()
                .find(|(_, to)| to == name(d))
                .map_or(name(d), |(from, _)| from);
            if let Some(c) = cur.iter().find(|c| name(c) == old) {
                if c.comment() != d.comment() {
                    self.ops.push(Op::CommentOnConstraint {
                        table: table.clone(),
                        name: name(d).clone(),
                        index: T::INDEX,
                        from: c.comment().clone(),
                        to: d.comment().clone(),
                    });
                }
            }
        }
    }

    /// The checks or foreign keys of `cur` that differ from the desired
    /// one of the same name only in `NOT VALID` (comments aside) get a
    /// [`Op::ValidateConstraint`] each (`VALIDATE CONSTRAINT`, or drop +
    /// add `NOT VALID` the other way); returns `cur` with their flags as
    /// desired, so the comparison that follows sees them kept.
    fn validity<T: Clone + PartialEq + Named>(
        &mut self,
        table: &Name,
        cur: &[T],
        des: &[T],
        name: fn(&T) -> &String,
        not_valid: fn(&mut T) -> &mut bool,
        wrap: fn(T) -> Validated,
    ) -> Vec<T> {
        let mut out = Vec::with_capacity(cur.len());
        for c in cur {
            let mut c = c.clone();
            if let Some(d) = des.iter().find(|d| name(d) == name(&c)) {
                let mut d = d.uncommented();
                let want = *not_valid(&mut d);
                let mut bare = c.uncommented();
                if *not_valid(&mut bare) != want {
                    *not_valid(&mut bare) = want;
                    if bare == d {
                        *not_valid(&mut c) = want;
                        self.ops.push(Op::ValidateConstraint {
                            table: table.clone(),
                            constraint: wrap(c.clone()),
                            valid: !want,
                        });
                    }
                }
            }
            out.push(c);
        }
        out
    }

    fn emit<T: Clone + Named>(
        &mut self,
        table: &Name,
        m: Matched<T>,
        before: &[T],
        name: fn(&T) -> &String,
        kind: ObjKind,
    ) {
        for c in m.dropped {
            let orig = before
                .iter()
                .find(|b| name(b) == name(&c))
                .cloned()
                .unwrap_or(c);
            self.ops.push(orig.drop_op(table.clone()));
        }
        for d in m.added {
            self.ops.push(d.add_op(table.clone()));
        }
        for (from, to) in m.renamed {
            self.ops.push(match kind {
                ObjKind::Index => Op::RenameIndex {
                    table: table.clone(),
                    from,
                    to,
                },
                _ => Op::RenameConstraint {
                    table: table.clone(),
                    from,
                    to,
                },
            });
        }
    }

    fn column(&mut self, table: &Name, cc: &Column, dc: &Column) {
        if cc.generated != dc.generated {
            self.ops.push(Op::AlterGenerated {
                table: table.clone(),
                from: Box::new(cc.clone()),
                to: Box::new(dc.clone()),
            });
            if dc.generated.is_some() {
                // Dropped and added again: the new definition is complete.
                return;
            }
        }
        let key = (table.clone(), dc.name.clone());
        let handled = self.recreate_defaults.get(&key).copied();
        let cur_default = match handled {
            Some(DefaultHandled::Dropped) => None,
            _ => effective_default(cc).cloned(),
        };
        let des_default = effective_default(dc).cloned();
        if cc.identity != dc.identity && cc.identity.is_some() && dc.identity.is_none() {
            self.ops.push(Op::AlterIdentity {
                table: table.clone(),
                column: dc.name.clone(),
                ty: cc.ty.clone(),
                from: cc.identity,
                to: None,
            });
        }
        // The sequence's options: compared while the column keeps its kind
        // of identity; a new identity gets its options after it is added.
        // An identity that only changes between ALWAYS and BY DEFAULT keeps
        // its sequence (`SET GENERATED`).
        let sequence_kept = match (cc.identity, dc.identity) {
            (Some(a), Some(b)) => a == b || (a != Identity::Serial && b != Identity::Serial),
            _ => false,
        };
        match (cc.identity, dc.identity) {
            (Some(_), Some(_)) if sequence_kept && cc.sequence != dc.sequence => {
                self.ops.push(Op::AlterSequenceOptions {
                    table: table.clone(),
                    column: dc.name.clone(),
                    from: cc.sequence.clone(),
                    to: dc.sequence.clone(),
                });
            }
            _ => {}
        }
        if cc.ty != dc.ty {
            self.ops.push(Op::AlterColumnType {
                table: table.clone(),
                column: dc.name.clone(),
                from: cc.ty.clone(),
                to: dc.ty.clone(),
                default_from: cur_default,
                default_to: des_default,
                collation_from: cc.collation.clone(),
                collation_to: dc.collation.clone(),
            });
        } else if handled != Some(DefaultHandled::Done) && cur_default != des_default {
            self.ops.push(Op::AlterDefault {
                table: table.clone(),
                column: dc.name.clone(),
                from: cur_default,
                to: des_default,
            });
        }
        // A type change sets the collation too (`TYPE ... COLLATE`, both
        // ways): without one PostgreSQL resets it to the new type's default.
        let collation_set = cc.collation != dc.collation && cc.ty == dc.ty;
        // A type change (`COLLATE` is one) also resets the storage and the
        // compression: set back to the defaults first (so the way back can
        // set them again after the old type is back), then as desired.
        let retyped = cc.ty != dc.ty || collation_set;
        let kept = (cc.storage, cc.compression);
        let before = if retyped { (None, None) } else { kept };
        if retyped && kept != (None, None) {
            self.ops.push(Op::SetColumnStorage {
                table: table.clone(),
                column: dc.name.clone(),
                type_storage: self.type_storage(&cc.ty),
                from_storage: cc.storage,
                to_storage: None,
                from_compression: cc.compression,
                to_compression: None,
                before_type_change: true,
            });
        }
        if before != (dc.storage, dc.compression) {
            self.ops.push(Op::SetColumnStorage {
                table: table.clone(),
                column: dc.name.clone(),
                type_storage: self.type_storage(&dc.ty),
                from_storage: before.0,
                to_storage: dc.storage,
                from_compression: before.1,
                to_compression: dc.compression,
                before_type_change: false,
            });
        }
        // Kept across a type change.
        if cc.options.iter().collect::<BTreeSet<_>>() != dc.options.iter().collect::<BTreeSet<_>>()
        {
            self.ops.push(Op::SetColumnOptions {
                table: table.clone(),
                column: dc.name.clone(),
                from: cc.options.clone(),
                to: dc.options.clone(),
            });
        }
        if cc.statistics != dc.statistics {
            self.ops.push(Op::SetStatistics {
                table: table.clone(),
                column: dc.name.clone(),
                from: cc.statistics,
                to: dc.statistics,
            });
        }
        if collation_set {
            self.ops.push(Op::AlterCollation {
                table: table.clone(),
                column: dc.name.clone(),
                ty: dc.ty.clone(),
                from: cc.collation.clone(),
                to: dc.collation.clone(),
            });
        }
        if cc.nullable && !dc.nullable {
            self.ops.push(Op::SetNotNull {
                table: table.clone(),
                column: dc.name.clone(),
            });
        } else if !cc.nullable && dc.nullable {
            self.ops.push(Op::DropNotNull {
                table: table.clone(),
                column: dc.name.clone(),
            });
        }
        if cc.identity != dc.identity && dc.identity.is_some() {
            self.ops.push(Op::AlterIdentity {
                table: table.clone(),
                column: dc.name.clone(),
                ty: dc.ty.clone(),
                from: cc.identity,
                to: dc.identity,
            });
            // The new identity's sequence starts with the defaults.
            if dc.sequence.is_some() && !sequence_kept {
                self.ops.push(Op::AlterSequenceOptions {
                    table: table.clone(),
                    column: dc.name.clone(),
                    from: None,
                    to: dc.sequence.clone(),
                });
            }
        }
        if cc.comment != dc.comment {
            self.ops.push(Op::CommentOnColumn {
                table: table.clone(),
                column: dc.name.clone(),
                from: cc.comment.clone(),
                to: dc.comment.clone(),
            });
        }
    }

    /// The storage PostgreSQL gives a column of type `ty`
    /// ([`SqlType::default_storage`]), a domain's read through its base
    /// type (either schema), an enum's `plain`.
    fn type_storage(&self, ty: &SqlType) -> ColumnStorage {
        let mut ty = ty.clone();
        for _ in 0..8 {
            let SqlType::Named(n) = &ty else {
                break;
            };
            if [self.des, self.cur]
                .iter()
                .any(|s| s.enum_type(&n.schema, &n.name).is_some())
            {
                return ColumnStorage::Plain;
            }
            let base = [self.des, self.cur].iter().find_map(|s| {
                s.objects
                    .iter()
                    .find(|o| {
                        o.kind == ObjectKind::Domain && o.schema == n.schema && o.name == n.name
                    })
                    .and_then(|o| o.parts.as_ref())
                    .and_then(|p| {
                        // `base[(typmod)][ COLLATE coll]`, as format_type
                        // prints it.
                        let base = p.fixed.split(" COLLATE ").next().unwrap_or_default();
                        parse_column_type(base).ok().map(|(t, _)| t)
                    })
            });
            match base {
                Some(b) => ty = b,
                None => break,
            }
        }
        ty.default_storage()
    }

    /// The objects each enum re-creation (including the one an added value's
    /// inverse does) must drop and add back: those that exist when it runs,
    /// i.e. the current ones (tables renamed, columns not yet) that the plan
    /// does not drop before.
    fn fill_enum_dependents(&mut self) {
        if !self
            .ops
            .iter()
            .any(|op| matches!(op, Op::AddEnumValue { .. } | Op::RecreateEnum { .. }))
        {
            return;
        }
        let dropped: BTreeSet<(Name, String)> = self
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::DropForeignKey { table, fk } => Some((table.clone(), fk.name.clone())),
                Op::DropCheck { table, check } => Some((table.clone(), check.name.clone())),
                Op::DropIndex { table, index } => Some((table.clone(), index.name.clone())),
                _ => None,
            })
            .collect();
        let tables: Vec<Table> = self
            .cur
            .tables
            .iter()
            .filter(|t| !self.doomed_table(t))
            .map(|t| self.cur_table_renamed(t))
            .collect();
        let computed: Vec<Option<EnumDependents>> = self
            .ops
            .iter()
            .map(|op| {
                let e = match op {
                    Op::AddEnumValue { before, .. } => before,
                    Op::RecreateEnum { from, .. } => from,
                    _ => return None,
                };
                Some(enum_dependents(
                    &tables,
                    &Name::new(e.schema.clone(), e.name.clone()),
                    &dropped,
                ))
            })
            .collect();
        for (op, deps) in self.ops.iter_mut().zip(computed) {
            if let (
                Op::AddEnumValue { dependents, .. } | Op::RecreateEnum { dependents, .. },
                Some(deps),
            ) = (op, deps)
            {
                *dependents = deps;
            }
        }
    }

    /// A foreign key depends on the unique index of the key it references:
    /// when that key is dropped (to be changed), the foreign key must be
    /// dropped before and added back after, even if it did not change.
    ///
    /// Likewise a foreign key whose columns, or referenced columns, change
    /// type: PostgreSQL would re-check it against the half-converted pair
    /// (and refuses outright when the types no longer compare), so it is
    /// dropped before and added back after the type changes.
    fn refresh_dependent_foreign_keys(&mut self) {
        // (table, current column name) of every column whose type changes.
        let mut retyped: BTreeSet<(Name, String)> = BTreeSet::new();
        for op in &self.ops {
            if let Op::AlterColumnType { table, column, .. } = op {
                let old = self
                    .column_renames
                    .get(table)
                    .and_then(|m| m.iter().find(|(_, new)| *new == column))
                    .map(|(old, _)| old.clone())
                    .unwrap_or_else(|| column.clone());
                retyped.insert((table.clone(), old));
            }
        }
        let mut dropped_keys: BTreeSet<(Name, BTreeSet<String>)> = BTreeSet::new();
        for op in &self.ops {
            let (table, cols): (&Name, Vec<String>) = match op {
                Op::DropPrimaryKey { table, key } => (table, key.columns.clone()),
                Op::DropUnique { table, unique } => (table, unique.columns.clone()),
                Op::DropIndex { table, index } if index.unique && index.predicate.is_none() => {
                    let cols: Option<Vec<String>> = index
                        .elements
                        .iter()
                        .map(|e| match &e.key {
                            IndexKey::Column(c) => Some(c.clone()),
                            IndexKey::Expression(_) => None,
                        })
                        .collect();
                    match cols {
                        Some(c) => (table, c),
                        None => continue,
                    }
                }
                _ => continue,
            };
            dropped_keys.insert((table.clone(), cols.into_iter().collect()));
        }
        if dropped_keys.is_empty() && retyped.is_empty() {
            return;
        }
        let dropped_fks: BTreeSet<(Name, String)> = self
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::DropForeignKey { table, fk } => Some((table.clone(), fk.name.clone())),
                _ => None,
            })
            .collect();
        let renamed: BTreeMap<(Name, String), String> = self
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::RenameConstraint { table, from, to } => {
                    Some(((table.clone(), from.clone()), to.clone()))
                }
                _ => None,
            })
            .collect();
        let mut extra = Vec::new();
        let mut cancel_renames = Vec::new();
        let mut refreshed: Vec<(Name, String)> = Vec::new();
        for ct in &self.cur.tables {
            let n = self.new_table_name(&tname(ct));
            let Some(dt) = self.des_table(&n.schema, &n.name) else {
                continue;
            };
            if self.matching_current(dt).map(tname) != Some(tname(ct)) {
                continue;
            }
            let before = self.cur_table_renamed(ct);
            for fk in &before.foreign_keys {
                if dropped_fks.contains(&(n.clone(), fk.name.clone())) {
                    continue;
                }
                // The key columns as they are when the key is dropped: the
                // referenced table's current column names.
                let r = Name::new(fk.ref_schema.clone(), fk.ref_table.clone());
                let key_dropped =
                    dropped_keys.contains(&(r.clone(), fk.ref_columns.iter().cloned().collect()));
                let types_change = fk
                    .columns
                    .iter()
                    .any(|c| retyped.contains(&(n.clone(), c.clone())))
                    || fk
                        .ref_columns
                        .iter()
                        .any(|c| retyped.contains(&(r.clone(), c.clone())));
                if !key_dropped && !types_change {
                    continue;
                }
                let key = (n.clone(), fk.name.clone());
                let target = renamed.get(&key).unwrap_or(&fk.name);
                let Some(dfk) = dt.foreign_keys.iter().find(|f| &f.name == target) else {
                    continue;
                };
                if renamed.contains_key(&key) {
                    cancel_renames.push(key.clone());
                }
                // Added back as desired: no validation of its own.
                refreshed.push(key);
                extra.push(Op::DropForeignKey {
                    table: n.clone(),
                    fk: fk.clone(),
                });
                extra.push(Op::AddForeignKey {
                    table: n.clone(),
                    fk: dfk.clone(),
                });
            }
        }
        self.ops.retain(|op| match op {
            Op::RenameConstraint { table, from, .. } => {
                !cancel_renames.contains(&(table.clone(), from.clone()))
            }
            Op::ValidateConstraint {
                table,
                constraint: Validated::ForeignKey(fk),
                ..
            } => !refreshed.contains(&(table.clone(), fk.name.clone())),
            _ => true,
        });
        self.ops.extend(extra);
    }
}

/// The conversion entry for column `c` of `table` if it uses enum `e`. Its
/// default is restored after the conversion unless it names one of the
/// `removed` labels (quoted).
pub(crate) fn enum_user_of(
    table: &Name,
    c: &Column,
    e: &Name,
    removed: &[String],
) -> Option<EnumUser> {
    let array = uses_enum(&c.ty, e)?;
    let keeps = c
        .default
        .as_deref()
        .is_some_and(|d| !removed.iter().any(|l| d.contains(l.as_str())));
    Some(EnumUser {
        table: table.clone(),
        column: c.name.clone(),
        array,
        default_before: c.default.clone(),
        default_after: if keeps { c.default.clone() } else { None },
    })
}

/// [`EnumDependents`] of enum `e` on one table (with its foreign keys).
pub(crate) fn enum_dependents_of(t: &Table, e: &Name) -> EnumDependents {
    enum_dependents(std::slice::from_ref(t), e, &BTreeSet::new())
}

/// `text` names the type `e` (as PostgreSQL prints it in expressions:
/// `'x'::public.mood`, `'{}'::public.mood[]`).
fn mentions_type(text: &str, e: &Name) -> bool {
    let needle = format!("::{}", e.sql());
    text.match_indices(&needle).any(|(i, m)| {
        let next = text[i + m.len()..].chars().next();
        !next.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '"')
    })
}

/// See [`EnumDependents`]; `dropped` are (table, name) of what the plan
/// drops before the re-creation runs.
fn enum_dependents(
    tables: &[Table],
    e: &Name,
    dropped: &BTreeSet<(Name, String)>,
) -> EnumDependents {
    let mut out = EnumDependents::default();
    for t in tables {
        let n = tname(t);
        let users: Vec<&str> = t
            .columns
            .iter()
            .filter(|c| uses_enum(&c.ty, e).is_some())
            .map(|c| c.name.as_str())
            .collect();
        let kept = |name: &str| !dropped.contains(&(n.clone(), name.to_string()));
        for fk in &t.foreign_keys {
            if kept(&fk.name) && fk.columns.iter().any(|c| users.contains(&c.as_str())) {
                out.foreign_keys.push((n.clone(), fk.clone()));
            }
        }
        for ck in &t.checks {
            if kept(&ck.name) && mentions_type(&ck.expression, e) {
                out.checks.push((n.clone(), ck.clone()));
            }
        }
        for ix in &t.indexes {
            let in_exprs = ix
                .elements
                .iter()
                .any(|el| matches!(&el.key, IndexKey::Expression(x) if mentions_type(x, e)));
            let in_pred = ix.predicate.as_deref().is_some_and(|p| mentions_type(p, e));
            if kept(&ix.name) && (in_exprs || in_pred) {
                out.indexes.push((n.clone(), ix.clone()));
            }
        }
    }
    out
}

/// Whether a column's sequence is named after its table and column (a
/// serial's, or an identity's without a `SEQUENCE NAME` of its own): a
/// rename of either renames the sequence too, so it keeps reading back as
/// the column's own.
fn follows_its_table(c: &Column) -> bool {
    match c.identity {
        Some(Identity::Serial) => true,
        Some(_) => c.sequence.as_ref().is_none_or(|s| s.name.is_none()),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    use super::*;

    fn schema(json: &str) -> Schema {
        match Schema::from_json(json) {
            Ok(s) => s,
            Err(e) => panic!("bad test schema: {e}\n{json}"),
        }
    }

    /// The ops of `diff(current, desired)`, one per line with its phase, and
    /// the notes.
    fn check(current: &str, desired: &str, expect: Expect) {
        let (ops, notes) = diff_with_notes(&schema(current), &schema(desired));
        let mut out: Vec<String> = ops
            .iter()
            .map(|op| format!("{:>2} {}", op.phase(), summary(op)))
            .collect();
        out.extend(notes.iter().map(|n| format!("note: {n}")));
        expect.assert_eq(&out.join("\n"));
    }

    const SHOP: &str = r#"{
      "enums": [{"schema": "public", "name": "state", "labels": ["new", "paid", "void"]}],
      "tables": [
        {"schema": "public", "name": "customers", "columns": [
            {"name": "id", "type": "integer", "nullable": false},
            {"name": "email", "type": "text", "nullable": false}],
         "primary_key": {"name": "customers_pkey", "columns": ["id"]},
         "uniques": [{"name": "customers_email_key", "columns": ["email"]}]},
        {"schema": "public", "name": "orders", "columns": [
            {"name": "id", "type": "integer", "nullable": false},
            {"name": "customer_id", "type": "integer", "nullable": true},
            {"name": "state", "type": "state", "nullable": false, "default": "'new'::public.state"},
            {"name": "note", "type": "text", "nullable": true}],
         "primary_key": {"name": "orders_pkey", "columns": ["id"]},
         "foreign_keys": [{"name": "orders_customer_id_fkey", "columns": ["customer_id"], "ref_schema": "public", "ref_table": "customers", "ref_columns": ["id"]}],
         "indexes": [{"name": "orders_note_idx", "elements": [{"column": "note"}]}]}
      ]
    }"#;

    const SHOP_V2: &str = r#"{
      "schemas": ["archive"],
      "enums": [{"schema": "public", "name": "state", "labels": ["new", "open", "paid"]}],
      "tables": [
        {"schema": "public", "name": "clients", "renamed_from": "customers", "columns": [
            {"name": "id", "type": "bigint", "nullable": false},
            {"name": "mail", "type": "text", "nullable": false, "renamed_from": "email"}],
         "primary_key": {"name": "customers_pkey", "columns": ["id"]},
         "uniques": [{"name": "customers_email_key", "columns": ["mail"]}]},
        {"schema": "public", "name": "orders", "columns": [
            {"name": "id", "type": "integer", "nullable": false},
            {"name": "customer_id", "type": "bigint", "nullable": true},
            {"name": "state", "type": "state", "nullable": false, "default": "'open'::public.state"},
            {"name": "total", "type": "numeric(12,2)", "nullable": false, "default": "0"}],
         "primary_key": {"name": "orders_pkey", "columns": ["id"]},
         "foreign_keys": [{"name": "orders_customer_id_fkey", "columns": ["customer_id"], "ref_schema": "public", "ref_table": "clients", "ref_columns": ["id"], "on_delete": "cascade"}]},
        {"schema": "archive", "name": "orders", "columns": [{"name": "id", "type": "integer", "nullable": false}]}
      ]
    }"#;

    #[test]
    fn ops_come_in_execution_order() {
        check(
            SHOP,
            SHOP_V2,
            expect![[r#"
                 1 ~ rename table customers -> clients
                 2 - foreign key orders_customer_id_fkey on orders
                 4 - index orders_note_idx on orders
                 8 - column orders.note
                11 + schema archive
                13 ~ enum state: + value 'open' after 'new'
                14 ~ enum state: ('new', 'open', 'paid', 'void') -> ('new', 'open', 'paid') (re-created)
                16 ~ rename column clients.email -> mail
                17 + table archive.orders
                19 + column orders.total numeric(12,2) not null
                21 ~ column clients.id: integer -> bigint
                21 ~ column orders.customer_id: integer -> bigint
                30 + foreign key orders_customer_id_fkey on orders -> clients"#]],
        );
    }

    #[test]
    fn the_way_back_is_the_inverse() {
        // diff(B, A) undoes diff(A, B) op for op, up to renames and order
        // within a phase; every inverse of an inverse is the op itself.
        let (ops, _) = diff_with_notes(&schema(SHOP), &schema(SHOP_V2));
        for op in &ops {
            if matches!(op, Op::AddEnumValue { .. }) {
                // Its inverse is a re-creation, whose inverse adds by
                // re-creating too.
                assert!(matches!(op.inverse(), Op::RecreateEnum { .. }));
                continue;
            }
            assert_eq!(&op.inverse().inverse(), op);
        }
        let back: Vec<String> = diff(&schema(SHOP_V2), &schema(SHOP))
            .iter()
            .map(summary)
            .collect();
        expect![[r#"
            - foreign key orders_customer_id_fkey on orders
            - column orders.total
            - table archive.orders
            - table clients
            ~ enum state: + value 'void' at the end
            ~ enum state: ('new', 'open', 'paid', 'void') -> ('new', 'paid', 'void') (re-created)
            + table customers
            + column orders.note text
            ~ column orders.customer_id: bigint -> integer
            + index orders_note_idx on orders
            + foreign key orders_customer_id_fkey on orders -> customers
            - schema archive"#]]
        .assert_eq(&back.join("\n"));
    }

    #[test]
    fn hints_that_cannot_apply() {
        let cur = r#"{"tables": [
            {"schema": "public", "name": "a", "columns": [{"name": "x", "type": "integer", "nullable": true}]},
            {"schema": "public", "name": "b", "columns": [{"name": "x", "type": "integer", "nullable": true}]}]}"#;
        let des = r#"{"tables": [
            {"schema": "public", "name": "b", "renamed_from": "a", "columns": [{"name": "x", "type": "integer", "nullable": true}]}]}"#;
        check(
            cur,
            des,
            expect![[r#"
                10 - table a
                note: table b has renamed_from = "a", but both a and b exist: the hint is ignored (drop b in an earlier migration first)"#]],
        );
        // The hint of a rename that already ran means nothing.
        check(des, des, expect![[""]]);
    }

    #[test]
    fn index_storage_parameters_compare_as_a_set() {
        let schema = |with: &str| {
            format!(
                r#"{{"tables": [{{"schema": "public", "name": "t",
                    "columns": [{{"name": "a", "type": "integer", "nullable": true}}],
                    "indexes": [{{"name": "t_a_idx", "elements": [{{"column": "a"}}],
                                  "with": {with}}}]}}]}}"#
            )
        };
        let written = schema(r#"["fillfactor=70", "deduplicate_items=off"]"#);
        let sorted = schema(r#"["deduplicate_items=off", "fillfactor=70"]"#);
        let index = |json: &str| {
            let s = Schema::from_json(json).unwrap();
            s.tables[0].indexes[0].clone()
        };
        assert!(matching::same_index(&index(&written), &index(&sorted)));
        assert!(!matching::same_index(
            &index(&written),
            &index(&schema(r#"["fillfactor=70"]"#))
        ));
        check(&written, &sorted, expect![[""]]);
        check(&sorted, &written, expect![[""]]);
        check(
            &written,
            &schema(r#"["fillfactor=80", "deduplicate_items=off"]"#),
            expect![[r#"
                 4 - index t_a_idx on t
                28 + index t_a_idx on t"#]],
        );
    }

    #[test]
    fn rename_then_reuse_the_old_name() {
        let cur = r#"{"tables": [{"schema": "public", "name": "t", "columns": [
            {"name": "a", "type": "integer", "nullable": true}]}]}"#;
        let des = r#"{"tables": [{"schema": "public", "name": "t", "columns": [
            {"name": "b", "type": "integer", "nullable": true, "renamed_from": "a"},
            {"name": "a", "type": "text", "nullable": true}]}]}"#;
        check(
            cur,
            des,
            expect![[r#"
                16 ~ rename column t.a -> b
                19 + column t.a text"#]],
        );
    }

    #[test]
    fn mentions_of_a_type_in_expressions() {
        let e = Name::new("public", "mood");
        assert!(mentions_type("m = 'a'::public.mood", &e));
        assert!(mentions_type("m = ANY ('{a}'::public.mood[])", &e));
        assert!(!mentions_type("m = 'a'::public.moods", &e));
        assert!(!mentions_type("m = 'a'::public.\"mood x\"", &e));
    }
}
