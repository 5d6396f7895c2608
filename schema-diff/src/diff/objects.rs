//! The differ for definition objects ([`DbObject`]: views, routines,
//! triggers, policies, extensions, sequences, domains, composite types).
//!
//! Objects are matched by key and compared by definition (as the server
//! prints it), signature and comment. What changes:
//! - an object only in the current schema is dropped, one only in the
//!   desired schema is created;
//! - a changed view, materialized view, trigger, policy or row-level
//!   security switch is dropped before the tables change and created after
//!   ([`ObjectKind::is_dependent`]);
//! - a changed sequence is altered in place (`ALTER SEQUENCE`), a changed
//!   routine whose signature stays is replaced in place (`CREATE OR
//!   REPLACE`), anything else of the kinds tables use is dropped and
//!   created again in one step, before the tables change;
//! - a dependent object whose dependencies (from `pg_depend`) go away or
//!   change (a dropped or re-created object, a dropped table, a dropped
//!   column or one whose type changes, a column converted by an enum
//!   re-creation) is dropped before and created again after, even if its
//!   own definition is the same: PostgreSQL refuses those changes while it
//!   exists;
//! - creations come in dependency order of the desired schema, drops in
//!   reverse dependency order of the current one (ties by kind, then key).

use std::collections::{BTreeMap, BTreeSet};

use strata::schema::{DbObject, ObjectKey, Schema};

use super::op::Op;

/// The ops for the objects of `cur` and `des`, given the table ops already
/// planned (`table_ops`), in the order each phase needs.
pub(super) fn object_ops(cur: &Schema, des: &Schema, table_ops: &[Op]) -> Vec<Op> {
    let cur_by: BTreeMap<ObjectKey, &DbObject> = cur.objects.iter().map(|o| (o.key(), o)).collect();
    let des_by: BTreeMap<ObjectKey, &DbObject> = des.objects.iter().map(|o| (o.key(), o)).collect();

    // Current objects dropped (gone, or dropped to be created again), and
    // desired objects created.
    let mut drops: BTreeSet<ObjectKey> = BTreeSet::new();
    let mut creates: BTreeSet<ObjectKey> = BTreeSet::new();
    // Changed in place, or dropped and created in one step.
    let mut replaced: BTreeSet<ObjectKey> = BTreeSet::new();
    let mut recreated: BTreeSet<ObjectKey> = BTreeSet::new();
    for (k, a) in &cur_by {
        let Some(b) = des_by.get(k) else {
            drops.insert(k.clone());
            continue;
        };
        if a.definition == b.definition && a.signature == b.signature {
            continue;
        }
        if a.kind.is_dependent() {
            drops.insert(k.clone());
            creates.insert(k.clone());
        } else if replaceable(a, b) {
            replaced.insert(k.clone());
        } else {
            recreated.insert(k.clone());
        }
    }
    for k in des_by.keys() {
        if !cur_by.contains_key(k) {
            creates.insert(k.clone());
        }
    }

    // Tables and columns that go away or change under their dependents.
    let mut gone_tables: BTreeSet<(String, String)> = BTreeSet::new();
    let mut gone_columns: BTreeSet<(String, String, String)> = BTreeSet::new();
    for op in table_ops {
        match op {
            Op::DropTable { table } => {
                gone_tables.insert((table.schema.clone(), table.name.clone()));
            }
            Op::DropColumn { table, column } => {
                gone_columns.insert((
                    table.schema.clone(),
                    table.name.clone(),
                    column.name.clone(),
                ));
            }
            Op::AlterColumnType { table, column, .. } => {
                gone_columns.insert((table.schema.clone(), table.name.clone(), column.clone()));
            }
            Op::RecreateEnum { users, .. } | Op::AddEnumValue { users, .. } => {
                // An added value needs no conversion; a re-creation does.
                if matches!(op, Op::RecreateEnum { .. }) {
                    for u in users {
                        gone_columns.insert((
                            u.table.schema.clone(),
                            u.table.name.clone(),
                            u.column.clone(),
                        ));
                    }
                }
            }
            _ => {}
        }
    }

    // Dependents of what goes away are dropped and created again, to a
    // fixed point.
    loop {
        let gone_objects: BTreeSet<ObjectKey> = drops
            .iter()
            .chain(&recreated)
            .filter_map(|k| cur_by.get(k).map(|o| o.dependency_key()))
            .collect();
        let hit: Vec<ObjectKey> = cur_by
            .iter()
            .filter(|(k, o)| o.kind.is_dependent() && !drops.contains(*k))
            .filter(|(_, o)| {
                o.depends_on.iter().any(|d| {
                    if d.kind == "table" {
                        let t = (d.schema.clone(), d.name.clone());
                        gone_tables.contains(&t)
                            || d.column.as_ref().is_some_and(|c| {
                                gone_columns.contains(&(t.0.clone(), t.1.clone(), c.clone()))
                            })
                    } else {
                        d.object_key().is_some_and(|k| gone_objects.contains(&k))
                    }
                })
            })
            .map(|(k, _)| k.clone())
            .collect();
        if hit.is_empty() {
            break;
        }
        for k in hit {
            if des_by.contains_key(&k) {
                creates.insert(k.clone());
            }
            drops.insert(k);
        }
    }

    regrant_columns(&cur_by, &des_by, &mut drops, &mut creates);

    let mut ops = Vec::new();
    // Drops: dependents first.
    let drop_order = topo_order(&cur_by, &drops);
    for k in drop_order.into_iter().rev() {
        ops.push(Op::DropObject {
            object: cur_by[&k].clone(),
        });
    }
    // Creations and in-place changes: dependencies first.
    let mut build: BTreeSet<ObjectKey> = creates.clone();
    build.extend(replaced.iter().cloned());
    build.extend(recreated.iter().cloned());
    for k in topo_order(&des_by, &build) {
        let to = des_by[&k].clone();
        let op = if replaced.contains(&k) {
            Op::ReplaceObject {
                from: cur_by[&k].clone(),
                to,
            }
        } else if recreated.contains(&k) {
            Op::RecreateObject {
                from: cur_by[&k].clone(),
                to,
            }
        } else {
            Op::CreateObject { object: to }
        };
        ops.push(op);
    }
    // Comments of objects that stay.
    for (k, a) in &cur_by {
        if drops.contains(k) || replaced.contains(k) || recreated.contains(k) {
            continue;
        }
        if let Some(b) = des_by.get(k) {
            if a.comment != b.comment {
                ops.push(Op::CommentOnObject {
                    object: (*b).clone(),
                    from: a.comment.clone(),
                    to: b.comment.clone(),
                });
            }
        }
    }
    ops
}

/// The relation a grant is on (its dependency without the column).
fn granted_on(o: &DbObject) -> Option<(&str, &str, &str)> {
    o.depends_on
        .first()
        .map(|d| (d.kind.as_str(), d.schema.as_str(), d.name.as_str()))
}

/// `REVOKE p ON TABLE t FROM r` revokes `p` on every column of `t` too
/// (PostgreSQL's REVOKE), so a role's column grants on a relation whose
/// relation-level grant is dropped (or changed: dropped and created) are
/// revoked before it and granted again after it when the desired schema
/// keeps them.
fn regrant_columns(
    cur_by: &BTreeMap<ObjectKey, &DbObject>,
    des_by: &BTreeMap<ObjectKey, &DbObject>,
    drops: &mut BTreeSet<ObjectKey>,
    creates: &mut BTreeSet<ObjectKey>,
) {
    use strata::schema::ObjectKind::Grant;
    let is_column_grant =
        |k: &ObjectKey| k.arguments.as_deref().is_some_and(|a| a.starts_with('('));
    let revoked: BTreeSet<(&str, (&str, &str, &str))> = drops
        .iter()
        .filter(|k| k.kind == Grant && !is_column_grant(k))
        .filter_map(|k| Some((k.name.as_str(), granted_on(cur_by.get(k)?)?)))
        .collect();
    if revoked.is_empty() {
        return;
    }
    let hit: Vec<ObjectKey> = cur_by
        .iter()
        .filter(|(k, _)| k.kind == Grant && is_column_grant(k) && !drops.contains(*k))
        .filter(|(k, o)| granted_on(o).is_some_and(|on| revoked.contains(&(k.name.as_str(), on))))
        .map(|(k, _)| k.clone())
        .collect();
    for k in hit {
        if des_by.contains_key(&k) {
            creates.insert(k.clone());
        }
        drops.insert(k);
    }
}

/// Changes that need no drop: a sequence's options, a routine's body when
/// its signature (arguments with names and defaults, result) stays.
fn replaceable(a: &DbObject, b: &DbObject) -> bool {
    use strata::schema::ObjectKind::*;
    match a.kind {
        Sequence => b.definition.starts_with("CREATE SEQUENCE "),
        Function | Procedure => a.signature.is_some() && a.signature == b.signature,
        _ => false,
    }
}

/// The keys of `subset` in dependency order among themselves (what an
/// object depends on comes first); ties and cycles go by kind, then key.
fn topo_order(
    all: &BTreeMap<ObjectKey, &DbObject>,
    subset: &BTreeSet<ObjectKey>,
) -> Vec<ObjectKey> {
    // Dependency key (no table) → the keys in the subset it names.
    let mut by_dep_key: BTreeMap<ObjectKey, Vec<ObjectKey>> = BTreeMap::new();
    for k in subset {
        if let Some(o) = all.get(k) {
            by_dep_key
                .entry(o.dependency_key())
                .or_default()
                .push(k.clone());
        }
    }
    let mut waiting: BTreeMap<ObjectKey, BTreeSet<ObjectKey>> = BTreeMap::new();
    for k in subset {
        let mut deps = BTreeSet::new();
        if let Some(o) = all.get(k) {
            for d in &o.depends_on {
                if let Some(dk) = d.object_key() {
                    for target in by_dep_key.get(&dk).into_iter().flatten() {
                        if target != k {
                            deps.insert(target.clone());
                        }
                    }
                }
            }
        }
        waiting.insert(k.clone(), deps);
    }
    let mut out = Vec::with_capacity(subset.len());
    while !waiting.is_empty() {
        let ready: Option<ObjectKey> = waiting
            .iter()
            .filter(|(_, deps)| deps.is_empty())
            .map(|(k, _)| k.clone())
            .min();
        // A cycle: take the smallest key and go on.
        let next = match ready {
            Some(k) => k,
            None => match waiting.keys().next() {
                Some(k) => k.clone(),
                None => break,
            },
        };
        waiting.remove(&next);
        for deps in waiting.values_mut() {
            deps.remove(&next);
        }
        out.push(next);
    }
    out
}
