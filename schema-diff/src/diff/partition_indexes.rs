//! The indexes of a partitioned table and the indexes of its partitions
//! attached to them. Pure; runs over the differ's ops before they are
//! sorted, and gives some of them a place of their own in the order.
//!
//! The model hides an index attached to a parent's index (it is the
//! parent's), and lists a partition's other indexes and its own keys. Two
//! things PostgreSQL does with them are not visible in the model and are
//! planned here:
//!
//! - A partition's primary key or unique constraint can be backed by an
//!   index attached to a unique index of the parent (`ALTER INDEX parent
//!   ATTACH PARTITION child`, or `CREATE UNIQUE INDEX` on the parent
//!   adopting the key's index). The parent's index can then not be dropped
//!   while the constraint exists, nor the constraint while the parent's
//!   index exists: the parent's index is dropped with `CASCADE`, which
//!   takes the key ([`drop_cascades`]), and created before the matching
//!   keys of its partitions are added ([`order_override`]); a matching key
//!   the target keeps is dropped and added back after
//!   ([`keys_under_parent_indexes`]). Whether the key's index really is
//!   attached is not in the model: a key that was not is dropped and added
//!   back for nothing.
//! - `ATTACH PARTITION` adopts an index of the partition that matches an
//!   index of the parent instead of creating one, and so does `CREATE
//!   INDEX` on the parent for its partitions' indexes: an index the target
//!   keeps as the partition's own would disappear into the parent's. On
//!   attach it is renamed after the attach to the name PostgreSQL would
//!   have given the parent's index in the partition (what `DETACH
//!   PARTITION` leaves, see `inheritance::add_detached_keys`), and created
//!   again under its own name; for a new index of the parent it is
//!   dropped before and created again after ([`adopted_indexes`]). Of several matching indexes PostgreSQL
//!   adopts the oldest; the model does not know which that is, and the
//!   first by name is taken.
//!
//! - An index attached to a parent's index has the name PostgreSQL chose
//!   when it made or adopted it; the target's name for it
//!   ([`Table::attached_indexes`]) is given after the attach
//!   ([`attached_index_names`]).
//!
//! - A parent's index made `ON ONLY` it has an index attached in some
//!   partitions only ([`Table::unattached_indexes`] lists the others):
//!   [`index_attachments`] makes and attaches what the target attaches,
//!   and makes the parent's index again `ON ONLY` where the target leaves
//!   a partition without (an index cannot be detached).

use std::collections::{BTreeMap, BTreeSet};

use strata::schema::{
    default_pkey_name, default_unique_name, Check, Column, Index, IndexKey, IndexMethod, Schema,
    SortOrder, Table, TableRef,
};

use super::inheritance::{copy_index_name, inherited_columns, MAX_DEPTH};
use super::matching::same_index;
use super::op::{Attached, ParentIndex, PartitionCopies};
use super::{Name, Op};

/// The key columns of `ix` when a partition's primary key or unique
/// constraint can back the index attached to it in the partition: a unique
/// btree index on plain columns in their default order, without INCLUDE or
/// predicate.
pub(super) fn key_columns(ix: &Index) -> Option<Vec<&str>> {
    if !ix.unique || ix.method != IndexMethod::Btree || ix.predicate.is_some() {
        return None;
    }
    if !ix.include.is_empty() {
        return None;
    }
    ix.elements
        .iter()
        .map(|e| match &e.key {
            IndexKey::Column(c)
                if e.order == SortOrder::Asc
                    && e.nulls.is_none()
                    && e.opclass.is_none()
                    && e.collation.is_none() =>
            {
                Some(c.as_str())
            }
            _ => None,
        })
        .collect()
}

/// The partitions of `parent` in `s`, at every level.
fn partitions<'a>(s: &'a Schema, parent: &Name) -> Vec<&'a Table> {
    let mut out: Vec<&Table> = Vec::new();
    let mut frontier = vec![TableRef {
        schema: parent.schema.clone(),
        name: parent.name.clone(),
    }];
    for _ in 0..MAX_DEPTH {
        let next: Vec<&Table> = s
            .tables
            .iter()
            .filter(|t| {
                t.partition_of
                    .as_ref()
                    .is_some_and(|p| frontier.contains(&p.parent))
            })
            .collect();
        if next.is_empty() {
            break;
        }
        frontier = next
            .iter()
            .map(|t| TableRef {
                schema: t.schema.clone(),
                name: t.name.clone(),
            })
            .collect();
        out.extend(next);
    }
    out
}

fn name_of(t: &Table) -> Name {
    Name::new(t.schema.clone(), t.name.clone())
}

/// The key constraint ops of `t` whose columns are `cols` (the key
/// `nulls_not_distinct` as the index's): drop and add, for a key of the
/// current table kept unchanged in `desired`.
fn matching_keys(t: &Table, ix: &Index, cols: &[&str]) -> Vec<(Op, Op)> {
    let table = name_of(t);
    let mut out = Vec::new();
    if let Some(pk) = &t.primary_key {
        if pk
            .columns
            .iter()
            .map(String::as_str)
            .eq(cols.iter().copied())
            && !ix.nulls_not_distinct
        {
            out.push((
                Op::DropPrimaryKey {
                    table: table.clone(),
                    key: pk.clone(),
                },
                Op::AddPrimaryKey {
                    table: table.clone(),
                    key: pk.clone(),
                },
            ));
        }
    }
    for u in &t.uniques {
        if u.columns
            .iter()
            .map(String::as_str)
            .eq(cols.iter().copied())
            && u.nulls_not_distinct == ix.nulls_not_distinct
        {
            out.push((
                Op::DropUnique {
                    table: table.clone(),
                    unique: u.clone(),
                },
                Op::AddUnique {
                    table: table.clone(),
                    unique: u.clone(),
                },
            ));
        }
    }
    out
}

/// A partition's key that may be backed by an index attached to a
/// parent's unique index that is dropped goes with it (`DROP INDEX ...
/// CASCADE`, [`drop_cascades`]; the key's own drop then finds nothing,
/// [`dropped_with_parent_index`]), and is added back after when the target
/// keeps it unchanged. A kept key of a partition whose parent gets a
/// matching unique index is dropped before and added back after it, so
/// the parent's index does not adopt the key's (which could then never be
/// dropped without the key).
pub(super) fn keys_under_parent_indexes(cur: &Schema, des: &Schema, ops: &mut Vec<Op>) {
    readopted_indexes(cur, des, ops);
    let changed: Vec<(Name, Index, bool)> = ops
        .iter()
        .filter_map(|op| match op {
            Op::DropIndex { table, index } => Some((table.clone(), index.clone(), true)),
            Op::CreateIndex { table, index } => Some((table.clone(), index.clone(), false)),
            _ => None,
        })
        .collect();
    let mut extra: Vec<Op> = Vec::new();
    for (table, index, dropped) in &changed {
        // The partitions as they are when the index is dropped or created.
        let side = if *dropped { cur } else { des };
        let partitioned = side
            .table(&table.schema, &table.name)
            .is_some_and(|t| t.partition_by.is_some());
        let Some(cols) = key_columns(index).filter(|_| partitioned) else {
            continue;
        };
        for part in partitions(side, table) {
            let (Some(c), Some(d)) = (
                cur.table(&part.schema, &part.name),
                des.table(&part.schema, &part.name),
            ) else {
                continue;
            };
            for (drop, add) in matching_keys(c, index, &cols) {
                let already = ops.iter().chain(&extra).any(|op| op == &drop);
                let unchanged = match &add {
                    Op::AddPrimaryKey { key, .. } => d.primary_key.as_ref() == Some(key),
                    Op::AddUnique { unique, .. } => d.uniques.contains(unique),
                    _ => false,
                };
                if !already && unchanged {
                    extra.push(drop);
                    extra.push(add);
                }
            }
        }
    }
    ops.extend(extra);
}

/// Whether a partition of `parent` (on either side) has a key whose index
/// is attached to `parent`'s index `index` on one side and not on the
/// other: which of a partition's indexes a parent's index holds is decided
/// when it is created (or the partition attached), so the parent's index
/// is made again ([`readopted_indexes`]).
fn adoption_changes(cur: &Schema, des: &Schema, parent: &Name, index: &str) -> bool {
    let holds_key = |t: &Table| {
        t.attached_indexes
            .get(index)
            .is_some_and(|own| adopts_key(t, own))
    };
    des.tables
        .iter()
        .filter(|t| {
            t.partition_of
                .as_ref()
                .is_some_and(|p| p.parent.schema == parent.schema && p.parent.name == parent.name)
        })
        .any(|d| {
            cur.table(&d.schema, &d.name)
                .filter(|c| c.partition_of == d.partition_of)
                .is_some_and(|c| holds_key(c) != holds_key(d))
        })
}

/// A unique index of a partitioned table that both sides have as it is,
/// but that holds a partition's key on one side and an index of its own
/// on the other ([`adoption_changes`]), is dropped and created again: on
/// the way to holding the key, the key exists before it is created
/// (see [`order_override`]).
fn readopted_indexes(cur: &Schema, des: &Schema, ops: &mut Vec<Op>) {
    let mut extra = Vec::new();
    for d in des.tables.iter().filter(|t| t.partition_by.is_some()) {
        let table = name_of(d);
        let Some(c) = cur.table(&d.schema, &d.name) else {
            continue;
        };
        for ix in d.indexes.iter().filter(|ix| key_columns(ix).is_some()) {
            let Some(old) = c.indexes.iter().find(|x| same_index(x, ix)) else {
                continue;
            };
            let touched = ops.iter().any(|op| match op {
                Op::DropIndex { table: t, index } | Op::CreateIndex { table: t, index } => {
                    t == &table && (index.name == ix.name || index.name == old.name)
                }
                _ => false,
            });
            if !touched && adoption_changes(cur, des, &table, &ix.name) {
                extra.push(Op::DropIndex {
                    table: table.clone(),
                    index: old.clone(),
                });
                extra.push(Op::CreateIndex {
                    table: table.clone(),
                    index: ix.clone(),
                });
            }
        }
    }
    ops.extend(extra);
}

/// `DROP INDEX` of `index` on `table` takes `CASCADE`: a unique index of
/// a partitioned table that a key of one of its partitions (on either
/// side) may hang on. What it takes with it is that key, which the plan
/// drops anyway (and adds back when kept).
pub(crate) fn drop_cascades(cur: &Schema, des: &Schema, table: &Name, index: &Index) -> bool {
    let Some(cols) = key_columns(index) else {
        return false;
    };
    [cur, des].into_iter().any(|s| {
        s.table(&table.schema, &table.name)
            .is_some_and(|t| t.partition_by.is_some())
            && partitions(s, table)
                .into_iter()
                .any(|p| !matching_keys(p, index, &cols).is_empty())
    })
}

/// The key `columns` of partition `table` may have gone with a unique
/// index of an ancestor that the plan, or its way back, drops
/// ([`drop_cascades`]): its own drop is `IF EXISTS`.
pub(crate) fn dropped_with_parent_index(
    cur: &Schema,
    des: &Schema,
    table: &Name,
    columns: &[String],
) -> bool {
    goes_with_parent_index(cur, des, table, columns)
        || goes_with_parent_index(des, cur, table, columns)
}

/// Whether an ancestor of partition `table` in `cur` has a unique index on
/// `columns` that `des` does not keep.
fn goes_with_parent_index(cur: &Schema, des: &Schema, table: &Name, columns: &[String]) -> bool {
    let mut next = cur
        .table(&table.schema, &table.name)
        .and_then(|t| t.partition_of.as_ref());
    for _ in 0..MAX_DEPTH {
        let Some(p) = next else {
            return false;
        };
        let Some(parent) = cur.table(&p.parent.schema, &p.parent.name) else {
            return false;
        };
        let kept = des.table(&parent.schema, &parent.name);
        let parent_name = name_of(parent);
        if parent.indexes.iter().any(|ix| {
            key_columns(ix)
                .is_some_and(|c| c.iter().copied().eq(columns.iter().map(String::as_str)))
                && (!kept.is_some_and(|k| k.indexes.iter().any(|x| same_index(x, ix)))
                    || adoption_changes(cur, des, &parent_name, &ix.name))
        }) {
            return true;
        }
        next = parent.partition_of.as_ref();
    }
    false
}

/// Where `op` goes instead of its phase (as `(phase, within)`): a
/// partition's key is added after the unique indexes of its ancestors are created (phase
/// 28, after every level's indexes), when the key has the index's columns.
pub(super) fn order_override(des: &Schema, ops: &[Op]) -> Vec<Option<(u8, isize)>> {
    // Tables → the key columns of the unique indexes created on them.
    let mut created: BTreeMap<Name, Vec<Vec<&str>>> = BTreeMap::new();
    for op in ops {
        if let Op::CreateIndex { table, index } = op {
            if let Some(cols) = key_columns(index) {
                created.entry(table.clone()).or_default().push(cols);
            }
        }
    }
    let ancestors_create = |t: &Name, cols: &[String]| -> bool {
        let mut next = des
            .table(&t.schema, &t.name)
            .and_then(|x| x.partition_of.as_ref());
        for _ in 0..MAX_DEPTH {
            let Some(p) = next else {
                return false;
            };
            let parent = Name::new(p.parent.schema.clone(), p.parent.name.clone());
            if created.get(&parent).is_some_and(|list| {
                list.iter()
                    .any(|c| c.iter().copied().eq(cols.iter().map(String::as_str)))
            }) {
                return true;
            }
            next = des
                .table(&p.parent.schema, &p.parent.name)
                .and_then(|x| x.partition_of.as_ref());
        }
        false
    };
    // A key the target has attached to a parent's index is added before
    // (in its own phase), so that the parent's index adopts it.
    let adopted = |t: &Name, key: &str| {
        des.table(&t.schema, &t.name)
            .is_some_and(|x| adopts_key(x, key))
    };
    ops.iter()
        .map(|op| match op {
            Op::AddPrimaryKey { table, key }
                if ancestors_create(table, &key.columns) && !adopted(table, &key.name) =>
            {
                Some((28, 40))
            }
            Op::AddUnique { table, unique }
                if ancestors_create(table, &unique.columns) && !adopted(table, &unique.name) =>
            {
                Some((28, 40))
            }
            // Dropped (to be added back) before any parent's index is, so
            // that the way back adds it after the parent's index is made
            // again, which then does not adopt it.
            Op::DropPrimaryKey { table, key } if adopted(table, &key.name) => Some((4, -100)),
            Op::DropUnique { table, unique } if adopted(table, &unique.name) => Some((4, -100)),
            _ => None,
        })
        .collect()
}

/// Whether the index of key `key` (a primary key or unique constraint) of
/// partition `t` is attached to an index of its parent: a unique index
/// the parent got while the partition had the key, or that the key's
/// index was attached to.
pub(super) fn adopts_key(t: &Table, key: &str) -> bool {
    t.has_key(key) && t.attached_indexes.values().any(|own| own == key)
}

/// `ix` without what PostgreSQL does not compare when it looks for a
/// partition's index to adopt: the name, storage parameters and comment.
fn definition(ix: &Index) -> Index {
    Index {
        name: String::new(),
        with: Vec::new(),
        comment: None,
        ..ix.clone()
    }
}

/// The indexes PostgreSQL adopts into a parent's index when a partition is
/// attached or an index is created on its parent, which the target keeps
/// as the partition's own: renamed to the name of the parent's index in
/// the partition after the attach, or dropped before the parent's index
/// is created, and created again right after (the two ops are returned
/// with their place in the order).
pub(super) fn adopted_indexes<'a>(
    cur: &Schema,
    des: &'a Schema,
    ops: impl IntoIterator<Item = &'a Op>,
) -> Vec<(Op, (u8, isize))> {
    // (partition, the parent's indexes it meets, whether an attach does,
    // the phase of the op that adopts).
    let mut meets: Vec<(&Table, Vec<&Index>, bool, u8)> = Vec::new();
    for op in ops {
        match op {
            Op::AttachPartition {
                table, partition, ..
            } => {
                let (Some(t), Some(parent)) = (
                    des.table(&table.schema, &table.name),
                    des.table(&partition.parent.schema, &partition.parent.name),
                ) else {
                    continue;
                };
                meets.push((t, parent.indexes.iter().collect(), true, op.phase()));
            }
            // The partitions the parent has when its index is created:
            // those that stay in it (one attached later meets the index
            // when it is attached).
            Op::CreateIndex { table, index } => {
                for t in partitions(des, table) {
                    let stays = cur
                        .table(&t.schema, &t.name)
                        .is_some_and(|c| c.partition_of == t.partition_of);
                    if stays {
                        meets.push((t, vec![index], false, op.phase()));
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut taken: BTreeSet<(Name, String)> = BTreeSet::new();
    for (t, parent_indexes, attach, phase) in meets {
        let table = name_of(t);
        // Only what exists before: an index of the partition created by
        // this plan is created after its parent's (see `diff_with_notes`).
        let Some(ct) = cur.table(&t.schema, &t.name) else {
            continue;
        };
        for pix in parent_indexes {
            let wanted = definition(pix);
            let Some(own) = t.indexes.iter().find(|ix| {
                definition(ix) == wanted
                    && ct.indexes.iter().any(|x| same_index(x, ix))
                    && !taken.contains(&(table.clone(), ix.name.clone()))
            }) else {
                continue;
            };
            let chosen = copy_index_name(&t.name, pix);
            let mut adopted = chosen.clone();
            let mut n = 0;
            while t.indexes.iter().any(|ix| ix.name == adopted)
                || taken.contains(&(table.clone(), adopted.clone()))
            {
                n += 1;
                adopted = format!("{chosen}{n}");
            }
            taken.insert((table.clone(), own.name.clone()));
            taken.insert((table.clone(), adopted.clone()));
            // After the attach, or the parent's index and the keys.
            let within = 50;
            let drop = if attach {
                // The way back renames it back before the detach, which
                // leaves it to the partition.
                Op::RenameIndex {
                    table: table.clone(),
                    from: own.name.clone(),
                    to: adopted,
                }
            } else {
                // The way back drops the parent's index with what is
                // attached to it: the index is dropped first and created
                // again after, so that the parent's index makes its own.
                Op::DropIndex {
                    table: table.clone(),
                    index: own.clone(),
                }
            };
            let place = if attach {
                (phase, within)
            } else {
                (drop.phase(), 0)
            };
            out.push((drop, place));
            out.push((
                Op::CreateIndex {
                    table: table.clone(),
                    index: own.clone(),
                },
                (phase, within + 1),
            ));
        }
    }
    out
}

/// The names the target gives the indexes of its partitions attached to
/// their parents' indexes ([`Table::attached_indexes`]): one op per name
/// that is not already the index's, placed after the partitions are
/// attached and the parents' indexes made. An attachment that stays as it
/// is, with that name, needs none; one that this plan makes (a new index
/// of the parent, a new or re-attached partition) gets the name PostgreSQL
/// chose replaced whatever it was. A name the target does not list is left
/// as it is.
pub(super) fn attached_index_names<'a>(
    cur: &Schema,
    des: &Schema,
    ops: impl IntoIterator<Item = &'a Op>,
) -> Vec<Op> {
    // The partitions and parents' indexes this plan touches.
    let mut touched_tables: BTreeSet<Name> = BTreeSet::new();
    let mut touched_indexes: BTreeSet<(Name, String)> = BTreeSet::new();
    // The parents' indexes the way back makes again.
    let mut remade_by_down: BTreeSet<(Name, String)> = BTreeSet::new();
    for op in ops {
        match op {
            Op::CreateTable { table } | Op::DropTable { table } => {
                touched_tables.insert(name_of(table));
            }
            Op::AttachPartition { table, .. } | Op::DetachPartition { table, .. } => {
                touched_tables.insert(table.clone());
            }
            Op::CreateIndex { table, index } => {
                touched_indexes.insert((table.clone(), index.name.clone()));
            }
            Op::DropIndex { table, index } => {
                touched_indexes.insert((table.clone(), index.name.clone()));
                remade_by_down.insert((table.clone(), index.name.clone()));
            }
            Op::RenameIndex { table, from, to } => {
                touched_indexes.insert((table.clone(), from.clone()));
                touched_indexes.insert((table.clone(), to.clone()));
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for t in &des.tables {
        let Some(p) = &t.partition_of else {
            continue;
        };
        let table = name_of(t);
        let parent = Name::new(p.parent.schema.clone(), p.parent.name.clone());
        let current = cur
            .table(&t.schema, &t.name)
            .filter(|c| c.partition_of == t.partition_of && !touched_tables.contains(&table));
        for (parent_index, to) in &t.attached_indexes {
            // A key's index is attached by adopting it, not named.
            if adopts_key(t, to) {
                continue;
            }
            let stays = current
                .filter(|_| !touched_indexes.contains(&(parent.clone(), parent_index.clone())));
            let had = stays.and_then(|c| c.attached_indexes.get(parent_index));
            let chosen =
                index_definition(des, &parent, parent_index).map(|ix| copy_index_name(&t.name, ix));
            // Nothing to do when it has the name, or gets it from
            // PostgreSQL as this plan attaches it.
            if had == Some(to) || (had.is_none() && chosen.as_ref() == Some(to)) {
                continue;
            }
            // The way back: the name it had, else the one PostgreSQL
            // chooses (which a way back that drops the index makes moot).
            let back = had.cloned().or(chosen).unwrap_or_else(|| to.clone());
            out.push(Op::NameAttachedIndex {
                table: table.clone(),
                parent_index: Name::new(parent.schema.clone(), parent_index.clone()),
                to: to.clone(),
                back,
            });
        }
    }
    // The way back makes a parent's index again, and its partitions'
    // indexes get the names PostgreSQL chooses: where the start had
    // another, a step before any change (it names the index what it is
    // already called) gives it back as the way back's last step.
    for t in &cur.tables {
        let Some(p) = &t.partition_of else {
            continue;
        };
        let parent = Name::new(p.parent.schema.clone(), p.parent.name.clone());
        for (parent_index, had) in &t.attached_indexes {
            if adopts_key(t, had)
                || !remade_by_down.contains(&(parent.clone(), parent_index.clone()))
            {
                continue;
            }
            let chosen =
                index_definition(cur, &parent, parent_index).map(|ix| copy_index_name(&t.name, ix));
            if chosen.as_ref().is_some_and(|c| c != had) {
                out.push(Op::NameAttachedIndex {
                    table: name_of(t),
                    parent_index: Name::new(parent.schema.clone(), parent_index.clone()),
                    to: had.clone(),
                    back: had.clone(),
                });
            }
        }
    }
    out
}

/// The definition of index `name` of `table` in `s`: one of its own, or
/// (a sub-partitioned partition's index attached to its parent's) its
/// parent's, at any level.
fn index_definition<'a>(s: &'a Schema, table: &Name, name: &str) -> Option<&'a Index> {
    let (mut table, mut name) = (table.clone(), name.to_string());
    for _ in 0..MAX_DEPTH {
        let t = s.table(&table.schema, &table.name)?;
        if let Some(ix) = t.indexes.iter().find(|ix| ix.name == name) {
            return Some(ix);
        }
        let p = t.partition_of.as_ref()?;
        let (parent_index, _) = t.attached_indexes.iter().find(|(_, own)| **own == name)?;
        name = parent_index.clone();
        table = Name::new(p.parent.schema.clone(), p.parent.name.clone());
    }
    None
}

/// The partitions of `table` in `s`, one level down.
fn direct_partitions<'a>(s: &'a Schema, table: &Name) -> impl Iterator<Item = &'a Table> + 'a {
    let parent = TableRef {
        schema: table.schema.clone(),
        name: table.name.clone(),
    };
    s.tables
        .iter()
        .filter(move |t| t.partition_of.as_ref().is_some_and(|p| p.parent == parent))
}

/// The indexes of a partitioned table in `s` and the indexes behind its
/// keys.
fn parent_indexes(t: &Table) -> Vec<ParentIndex> {
    t.primary_key
        .iter()
        .map(|k| ParentIndex::PrimaryKey(k.clone()))
        .chain(t.uniques.iter().map(|u| ParentIndex::Unique(u.clone())))
        .chain(t.indexes.iter().map(|ix| ParentIndex::Index(ix.clone())))
        .collect()
}

/// The same index or key on both sides.
fn same_parent_index(a: &ParentIndex, b: &ParentIndex) -> bool {
    match (a, b) {
        (ParentIndex::Index(x), ParentIndex::Index(y)) => same_index(x, y),
        (ParentIndex::PrimaryKey(x), ParentIndex::PrimaryKey(y)) => x == y,
        (ParentIndex::Unique(x), ParentIndex::Unique(y)) => x == y,
        _ => false,
    }
}

/// The name PostgreSQL gives the index it makes in `partition` for the
/// parent's `index`.
fn default_attached_name(partition: &str, index: &ParentIndex) -> String {
    match index {
        ParentIndex::Index(ix) => copy_index_name(partition, ix),
        ParentIndex::PrimaryKey(_) => default_pkey_name(partition),
        ParentIndex::Unique(u) => default_unique_name(partition, &u.columns),
    }
}

/// Which partitions have an index attached to each index of a partitioned
/// table ([`Table::unattached_indexes`]: an index made `ON ONLY` the
/// parent and not attached everywhere): after `ops`, every partition the
/// plan makes or attaches has one, and so does every partition of an
/// index the plan makes; the rest are as they are. Where that is not what
/// the target has, an [`Op::SetIndexAttachments`] makes it so (its
/// inverse gives the start back). Left alone: an index renamed, a
/// partitioned partition's own partitions (one level at a time), and an
/// index a partition's own key is attached to, on either side (dropping
/// the parent's index would take the key).
pub(super) fn index_attachments<'a>(
    cur: &Schema,
    des: &Schema,
    ops: impl IntoIterator<Item = &'a Op>,
) -> Vec<Op> {
    // Every index attached everywhere on both sides (the common case): the
    // plan keeps it so.
    let partial = |s: &Schema| s.tables.iter().any(|t| !t.unattached_indexes.is_empty());
    if !partial(cur) && !partial(des) {
        return Vec::new();
    }
    // Tables made (or dropped and made) and partitions attached by the
    // plan; the indexes and keys it makes, drops or renames. This step
    // runs before the partitions' own indexes are made (one may take the
    // name of an index the step drops) and before partitions are attached.
    let mut made: BTreeSet<Name> = BTreeSet::new();
    let mut attached: BTreeSet<Name> = BTreeSet::new();
    let mut touched: BTreeSet<(Name, &str)> = BTreeSet::new();
    let mut renamed: BTreeSet<(Name, &str)> = BTreeSet::new();
    for op in ops {
        match op {
            Op::CreateTable { table: t } | Op::DropTable { table: t } => {
                made.insert(name_of(t));
            }
            Op::AttachPartition { table: t, .. } => {
                attached.insert(t.clone());
            }
            Op::CreateIndex {
                table: t,
                index: ix,
            }
            | Op::DropIndex {
                table: t,
                index: ix,
            } => {
                touched.insert((t.clone(), &ix.name));
            }
            Op::AddPrimaryKey { table: t, key } | Op::DropPrimaryKey { table: t, key } => {
                touched.insert((t.clone(), &key.name));
            }
            Op::AddUnique { table: t, unique } | Op::DropUnique { table: t, unique } => {
                touched.insert((t.clone(), &unique.name));
            }
            Op::RenameIndex { table: t, from, to }
            | Op::RenameConstraint { table: t, from, to } => {
                renamed.insert((t.clone(), from));
                renamed.insert((t.clone(), to));
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for d in des.tables.iter().filter(|t| t.partition_by.is_some()) {
        let table = name_of(d);
        let c = cur
            .table(&d.schema, &d.name)
            .filter(|_| !made.contains(&table));
        let partitions: Vec<&Table> = direct_partitions(des, &table).collect();
        if partitions.is_empty() {
            continue;
        }
        for index in parent_indexes(d) {
            let name = index.name();
            let key = (table.clone(), name);
            if renamed.contains(&key) {
                continue;
            }
            // Kept as it is, or made by the plan (with an index in every
            // partition).
            let kept = !touched.contains(&key)
                && c.is_some_and(|c| {
                    parent_indexes(c)
                        .iter()
                        .any(|x| same_parent_index(x, &index))
                });
            let mut after = Vec::new();
            let mut wanted = Vec::new();
            let mut keys_hang = false;
            for p in partitions.iter().copied() {
                let part = name_of(p);
                // Attached after this step, which gives it an index
                // attached to each of its parent's.
                if attached.contains(&part) {
                    continue;
                }
                let before = cur
                    .table(&p.schema, &p.name)
                    .filter(|cp| cp.partition_of == p.partition_of && !made.contains(&part));
                // A partition's own key attached to the parent's index:
                // the parent's index cannot be dropped without it.
                let holds_key =
                    |t: &Table| adopts_key(t, t.attached_indexes.get(name).map_or("", |s| s));
                keys_hang |= holds_key(p) || before.is_some_and(holds_key);
                let attached_before = match before {
                    Some(cp) if kept => !cp.unattached_indexes.iter().any(|x| x == name),
                    _ => true,
                };
                if attached_before {
                    let index_name = before
                        .filter(|_| kept)
                        .and_then(|cp| cp.attached_indexes.get(name).cloned())
                        .unwrap_or_else(|| default_attached_name(&p.name, &index));
                    after.push(Attached {
                        partition: part.clone(),
                        index: index_name,
                    });
                }
                if !p.unattached_indexes.iter().any(|x| x == name) {
                    let index_name = p
                        .attached_indexes
                        .get(name)
                        .cloned()
                        .unwrap_or_else(|| default_attached_name(&p.name, &index));
                    wanted.push(Attached {
                        partition: part,
                        index: index_name,
                    });
                }
            }
            let same = after.len() == wanted.len()
                && after
                    .iter()
                    .zip(&wanted)
                    .all(|(a, w)| a.partition == w.partition);
            if same || keys_hang {
                continue;
            }
            out.push(Op::SetIndexAttachments {
                table: table.clone(),
                index,
                from: after,
                to: wanted,
            });
        }
    }
    out
}

/// A partition the plan creates whose own key a unique index of its
/// parent holds in the target: `CREATE TABLE ... PARTITION OF` makes the
/// partition an index for each of its parent's (a new parent is made with
/// its indexes) before it adds the partition's key, so the key's index
/// would stay apart. Such a partition is created as a table of its own (the parent's
/// columns, its own keys and the rest) and attached, which adopts the
/// key's index. Left as it is: a partition with identity or generated
/// columns (they cannot be made alike outside the parent).
pub(super) fn partitions_attached_to_adopt(cur: &Schema, des: &Schema, ops: &mut Vec<Op>) {
    let mut attaches = Vec::new();
    for op in ops.iter_mut() {
        let Op::CreateTable { table } = op else {
            continue;
        };
        let Some(p) = table.partition_of.clone() else {
            continue;
        };
        if cur.table(&table.schema, &table.name).is_some() {
            continue;
        }
        let Some(dp) = des.table(&p.parent.schema, &p.parent.name) else {
            continue;
        };
        let holds = table
            .attached_indexes
            .iter()
            .any(|(x, own)| adopts_key(table, own) && dp.indexes.iter().any(|d| d.name == *x));
        if !holds {
            continue;
        }
        let mut columns: Vec<Column> = Vec::new();
        for (_, c) in inherited_columns(des, table) {
            if !columns.iter().any(|x| x.name == c.name) {
                columns.push(c);
            }
        }
        if columns
            .iter()
            .any(|c| c.identity.is_some() || c.generated.is_some())
        {
            continue;
        }
        for c in &mut columns {
            if table.local_not_null.contains(&c.name) {
                c.nullable = false;
            }
            if let Some(d) = table.local_defaults.get(&c.name) {
                c.default = d.clone();
            }
        }
        // ATTACH requires the parent's CHECKs (every ancestor's that
        // reaches it), which it then makes the parent's.
        let mut checks = table.checks.clone();
        let mut next = Some(p.parent.clone());
        for _ in 0..MAX_DEPTH {
            let Some(r) = next.take() else { break };
            let Some(a) = des.table(&r.schema, &r.name) else {
                break;
            };
            for k in a.checks.iter().filter(|k| !k.no_inherit) {
                if !checks.iter().any(|x| x.name == k.name) {
                    checks.push(Check {
                        comment: None,
                        ..k.clone()
                    });
                }
            }
            next = a.partition_of.as_ref().map(|x| x.parent.clone());
        }
        let standalone = Table {
            columns,
            checks,
            partition_of: None,
            local_not_null: Vec::new(),
            local_defaults: BTreeMap::new(),
            attached_indexes: BTreeMap::new(),
            unattached_indexes: Vec::new(),
            validated_checks: Vec::new(),
            ..table.clone()
        };
        attaches.push(Op::AttachPartition {
            table: name_of(table),
            partition: p,
            creates: PartitionCopies::default(),
        });
        *op = Op::CreateTable { table: standalone };
    }
    ops.extend(attaches);
}
