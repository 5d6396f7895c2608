//! The differ for definition objects ([`DbObject`]: views, routines,
//! aggregates, triggers, policies, extensions, collations, sequences,
//! domains, composite types, range types, extended statistics, grants,
//! owners, default privileges, comments on schemas and view columns).
//!
//! Objects are matched by key and compared by definition (as the server
//! prints it), signature and comment. What changes:
//! - an object only in the current schema is dropped, one only in the
//!   desired schema is created;
//! - a view whose columns stay (names, types, collations, in order; more
//!   may be appended: its signature) is replaced in place (`CREATE OR
//!   REPLACE VIEW`, options included), so the views, grants, comments and
//!   owners that hang on it stay; the way back from appended columns drops
//!   and creates it with what depends on it then ([`Op::ReplaceView`]);
//!   a view, policy or grant that would change in place while a table or
//!   column it depends on is renamed is dropped before and created after
//!   instead (its text names its own side's names);
//! - any other changed view, a materialized view, trigger, policy or
//!   row-level security switch is dropped before the tables change and
//!   created after ([`ObjectKind::is_dependent`]);
//! - a changed sequence is altered in place (`ALTER SEQUENCE`), a changed
//!   routine or aggregate whose signature stays is replaced in place
//!   (`CREATE OR REPLACE`), anything else of the kinds tables use
//!   (collations, range types, ...) is dropped and created again in one
//!   step, before the tables change;
//! - an aggregate is like a dependent object towards what it uses: when a
//!   routine or type it uses is dropped or re-created, it is dropped first
//!   (nothing of a table can use an aggregate) and created again after;
//! - a dependent object whose dependencies (from `pg_depend`) go away or
//!   change (a dropped or re-created object, a dropped table, a dropped
//!   column or one whose type changes, a column converted by an enum
//!   re-creation or of an enum that gets a value, whose inverse re-creates
//!   it) is dropped before and created again after, even if its
//!   own definition is the same: PostgreSQL refuses those changes while it
//!   exists;
//! - a domain (default, NOT NULL, constraints: added, dropped, renamed,
//!   `NOT VALID`), a composite type (attributes added, dropped, retyped;
//!   kept ones in order, new ones last) and an extension (a version its
//!   installed one has an update path to) change in place part by part
//!   ([`DbObject::parts`]), so columns that use them stay;
//! - owners ([`ObjectKind::Owner`]) are compared only where the desired
//!   schema states one (unmanaged when absent: the project states "whoever
//!   runs the migration" for a database side, see `project::schemas`); an
//!   owner is never dropped, but the owner of an object that goes is
//!   listed as dropped with it (nothing runs) so that the way back
//!   restores it;
//! - a routine whose arguments change (one overload gone, one of the same
//!   name new) is dropped and created in one step (both at once could make
//!   calls ambiguous); a routine bound to an enum type that is re-created
//!   (or gets a value: the inverse re-creates it) is dropped before and
//!   created after; a routine that uses a relation
//!   ([`DbObject::follows_relations`]) is created after the relations and
//!   re-created with them;
//! - creations come in dependency order of the desired schema, drops in
//!   reverse dependency order of the current one (ties by kind, then key).

use std::collections::{BTreeMap, BTreeSet};

use strata::ident::Ident;
use strata::schema::{DbObject, ObjectKey, ObjectKind, ObjectParts, Schema};

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
        // The owner of something not modelled (a foreign table) is not
        // either.
        if a.kind == ObjectKind::Owner && !a.owned_target_in(cur) {
            continue;
        }
        let Some(b) = des_by.get(k) else {
            // An owner the desired schema does not state is not managed,
            // but one of an object that goes is dropped with it (nothing
            // to run), so that the way back gives the object its owner.
            if a.kind != ObjectKind::Owner
                || !a.owned_target_in(des)
                || owned_by_new_column(a, &cur_by, &des_by)
            {
                drops.insert(k.clone());
            }
            continue;
        };
        if a.kind == ObjectKind::Owner {
            // Set again.
            if a.definition != b.definition {
                replaced.insert(k.clone());
            }
            continue;
        }
        // A view read before its columns were (a schema file, an older
        // cache) has no signature: its definition decides.
        let unread = a.kind == ObjectKind::View && (a.signature.is_none() || b.signature.is_none());
        if a.definition == b.definition && (a.signature == b.signature || unread) {
            continue;
        }
        // A subscription's connection string belongs to its environment
        // (and is read without its password): compared by everything else,
        // its parts. It is written when the subscription is created.
        if a.kind == ObjectKind::Subscription && a.parts.is_some() && a.parts == b.parts {
            continue;
        }
        if a.kind == ObjectKind::Extension && b.parts.is_none() && b.definition == unversioned(a) {
            // A desired extension that states no version (a schema JSON
            // written before versions were read) takes any.
            continue;
        }
        if a.kind == ObjectKind::Comment
            || view_replaceable(a, b)
            || (a.kind == ObjectKind::Policy && parts_alterable(a, b, false))
            || (a.kind == ObjectKind::Subscription && parts_alterable(a, b, false))
            || (a.kind == ObjectKind::Grant
                && parts_alterable(a, b, false)
                && !revokes_under_column_grants(a, b, &cur_by, &des_by))
        {
            // A changed comment is set again; a view that keeps its
            // columns is replaced (`CREATE OR REPLACE VIEW`), so what
            // depends on it stays; a policy that keeps its kind, command
            // and clauses is altered (`ALTER POLICY`), so no statement
            // runs between a drop and a create without it; a grant's
            // privileges are granted and revoked one by one, so the
            // grantee keeps its place in the ACL (and the privileges it
            // keeps, the while); a subscription keeps its state.
            replaced.insert(k.clone());
        } else if a.kind.is_dependent() {
            drops.insert(k.clone());
            creates.insert(k.clone());
        } else if replaceable(a, b) {
            replaced.insert(k.clone());
        } else {
            recreated.insert(k.clone());
        }
    }
    // An owner stated only by the desired schema, of an object that exists:
    // the current one is whoever read the catalog (see `ObjectKind::Owner`),
    // so the inverse gives it back to whoever runs the migration.
    let mut owners_before: BTreeMap<ObjectKey, DbObject> = BTreeMap::new();
    for (k, b) in &des_by {
        if b.kind == ObjectKind::Owner && !b.owned_target_in(des) {
            continue;
        }
        if !cur_by.contains_key(k) {
            if b.kind == ObjectKind::Owner && b.owned_target_in(cur) {
                owners_before.insert(k.clone(), b.owned_by_current_user());
                replaced.insert(k.clone());
            } else {
                creates.insert(k.clone());
            }
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
            // Dropped and added again as a generated column.
            Op::AlterGenerated { table, to, .. } if to.generated.is_some() => {
                gone_columns.insert((table.schema.clone(), table.name.clone(), to.name.clone()));
            }
            Op::RecreateEnum { users, .. } | Op::AddEnumValue { users, .. } => {
                // A re-creation converts the columns; an added value does
                // not, but its inverse (the down migration) re-creates the
                // type, which PostgreSQL refuses under a view of them: so
                // those views are dropped before and created after either
                // way, as routines bound to the type are.
                for u in users {
                    gone_columns.insert((
                        u.table.schema.clone(),
                        u.table.name.clone(),
                        u.column.clone(),
                    ));
                }
            }
            _ => {}
        }
    }

    // An object changed in place states the names of its version: the way
    // back runs it before a table or column rename is undone, under names
    // that do not exist yet. One that depends on a renamed table or column
    // is dropped before the renames and created after instead, both ways.
    let mut renamed_tables: BTreeMap<(String, String), String> = BTreeMap::new();
    for op in table_ops {
        if let Op::RenameTable { from, to, .. } = op {
            renamed_tables.insert((from.schema.clone(), to.clone()), from.name.clone());
        }
    }
    let mut renamed: BTreeSet<(String, String, Option<String>)> = BTreeSet::new();
    for op in table_ops {
        match op {
            Op::RenameTable { from, .. } => {
                renamed.insert((from.schema.clone(), from.name.clone(), None));
            }
            Op::RenameColumn { table, from, .. } => {
                // The op names the table as it is then (renamed first).
                let old = renamed_tables
                    .get(&(table.schema.clone(), table.name.clone()))
                    .cloned()
                    .unwrap_or_else(|| table.name.clone());
                renamed.insert((table.schema.clone(), old, Some(from.clone())));
            }
            _ => {}
        }
    }
    if !renamed.is_empty() {
        let hit: Vec<ObjectKey> = replaced
            .iter()
            // Those dropped before the tables change and created after.
            .filter(|k| k.kind.is_dependent() && k.kind != ObjectKind::Owner)
            .filter(|k| {
                cur_by.get(*k).is_some_and(|o| {
                    o.depends_on.iter().any(|d| {
                        d.kind == "table"
                            && (renamed.contains(&(d.schema.clone(), d.name.clone(), None))
                                || d.column.as_ref().is_some_and(|c| {
                                    renamed.contains(&(
                                        d.schema.clone(),
                                        d.name.clone(),
                                        Some(c.clone()),
                                    ))
                                }))
                    })
                })
            })
            .cloned()
            .collect();
        for k in hit {
            replaced.remove(&k);
            drops.insert(k.clone());
            creates.insert(k);
        }
    }

    // A routine whose arguments change (an overload gone, one of the same
    // name new) is dropped and created in one step: both at once could
    // make calls ambiguous (`f(x)` and `f(x, y DEFAULT 1)`).
    let mut swapped: BTreeMap<ObjectKey, ObjectKey> = BTreeMap::new();
    let routine = |k: &ObjectKey| {
        matches!(
            k.kind,
            ObjectKind::Function | ObjectKind::Procedure | ObjectKind::Aggregate
        )
    };
    let same_name =
        |a: &ObjectKey, b: &ObjectKey| a.kind == b.kind && a.schema == b.schema && a.name == b.name;
    for old in drops.iter().filter(|k| routine(k)) {
        let mut gone = drops
            .iter()
            .filter(|k| same_name(k, old) && !des_by.contains_key(*k));
        let mut new = creates
            .iter()
            .filter(|k| same_name(k, old) && !cur_by.contains_key(*k));
        if let (Some(_), None, Some(n), None) = (gone.next(), gone.next(), new.next(), new.next()) {
            swapped.insert(n.clone(), old.clone());
        }
    }
    for (new, old) in &swapped {
        drops.remove(old);
        creates.remove(new);
    }

    // Routines whose arguments or result are of an enum type that is
    // re-created (or gets a value: its inverse re-creates it) are bound to
    // the old type: dropped before and created after.
    let enums_changed: BTreeSet<(String, String)> = table_ops
        .iter()
        .filter_map(|op| match op {
            Op::RecreateEnum { from: e, .. } | Op::AddEnumValue { before: e, .. } => {
                Some((e.schema.clone(), e.name.clone()))
            }
            _ => None,
        })
        .collect();
    if !enums_changed.is_empty() {
        for (k, o) in &cur_by {
            if matches!(
                o.kind,
                ObjectKind::Function | ObjectKind::Procedure | ObjectKind::Aggregate
            ) && o.depends_on.iter().any(|d| {
                d.kind == "enum" && enums_changed.contains(&(d.schema.clone(), d.name.clone()))
            }) {
                replaced.remove(k);
                recreated.remove(k);
                drops.insert(k.clone());
                if des_by.contains_key(k) {
                    creates.insert(k.clone());
                }
            }
        }
    }

    // Dependents of what goes away are dropped and created again, to a
    // fixed point.
    loop {
        let gone_objects: BTreeSet<ObjectKey> = drops
            .iter()
            .chain(&recreated)
            .chain(swapped.values())
            .filter_map(|k| cur_by.get(k).map(|o| o.dependency_key()))
            .collect();
        let hit: Vec<ObjectKey> = cur_by
            .iter()
            .filter(|(k, o)| {
                (o.kind.is_dependent()
                    || o.follows_relations()
                    || o.kind == ObjectKind::Aggregate
                    || o.is_type_bound_routine())
                    && !drops.contains(*k)
            })
            .filter(|(_, o)| {
                o.depends_on.iter().any(|d| {
                    if o.is_type_bound_routine() && !o.follows_relations() {
                        // A routine is bound to the types of its
                        // arguments and result (re-created with them);
                        // its body is not checked against tables.
                        return d.kind != "table"
                            && d.object_key().is_some_and(|k| gone_objects.contains(&k));
                    }
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
            // Dropped before, so not dropped again when created, nor
            // replaced (an owner is set again either way; an aggregate is
            // created afresh).
            recreated.remove(&k);
            if k.kind != ObjectKind::Owner {
                replaced.remove(&k);
            }
            drops.insert(k);
        }
    }

    // An overload swap whose old routine went as a dependent (of a view
    // re-created around it) is a plain creation now.
    swapped.retain(|new, old| {
        let gone = drops.contains(old);
        if gone {
            creates.insert(new.clone());
        }
        !gone
    });
    // An owner is no object to drop: it goes with what it owns, and its
    // drop runs nothing; but its way back sets it again after the object
    // is made again (and the owner of an object made again is set after).
    for k in drops.iter().filter(|k| k.kind == ObjectKind::Owner) {
        replaced.remove(k);
    }
    acl_moves(&cur_by, &des_by, &mut drops, &mut creates, &mut replaced);
    regrant_columns(&cur_by, &des_by, &mut drops, &mut creates, &mut replaced);

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
    build.extend(swapped.keys().cloned());
    for k in topo_order(&des_by, &build) {
        let to = des_by[&k].clone();
        let op = if let Some(old) = swapped.get(&k) {
            Op::RecreateObject {
                from: cur_by[old].clone(),
                to,
            }
        } else if replaced.contains(&k) && k.kind == ObjectKind::View {
            let from = cur_by[&k].clone();
            // The way back removes the appended columns: only a drop and
            // create does that, with what depends on the view then.
            let dependents = if view_columns(&from) == view_columns(&to) {
                Vec::new()
            } else {
                dependents_of(&cur_by, &k, &drops)
            };
            Op::ReplaceView {
                from,
                to,
                dependents,
            }
        } else if replaced.contains(&k) {
            Op::ReplaceObject {
                from: match owners_before.get(&k) {
                    Some(o) => o.clone(),
                    None => cur_by[&k].clone(),
                },
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
    acl_order(&mut ops);
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

/// The grants of one target (schema, `ON ...` with its column), in the
/// order of their entries in its ACL ([`DbObject::position`]).
fn acl_lists<'a>(
    by: &'a BTreeMap<ObjectKey, &DbObject>,
) -> BTreeMap<(&'a str, &'a str), Vec<(u32, &'a ObjectKey)>> {
    let mut out: BTreeMap<(&str, &str), Vec<(u32, &ObjectKey)>> = BTreeMap::new();
    for (k, o) in by {
        if let (ObjectKind::Grant, Some(p)) = (o.kind, o.position.0) {
            let target = k.arguments.as_deref().unwrap_or_default();
            out.entry((k.schema.as_str(), target))
                .or_default()
                .push((p, k));
        }
    }
    for list in out.values_mut() {
        list.sort();
    }
    out
}

/// Grantees whose ACL entries must change places, on a target whose
/// grants change anyway: `GRANT` appends an entry, `REVOKE` of everything
/// removes one, nothing else moves them. The entries both ACLs keep, in
/// the same order, and ahead of every entry only one of them has, stay;
/// every other kept grant is revoked and granted again (in the desired
/// order, see [`acl_order`]), so the ACL comes out as the desired one
/// after up and as the current one after down, entry order included (what
/// `pg_dump` prints).
fn acl_moves(
    cur_by: &BTreeMap<ObjectKey, &DbObject>,
    des_by: &BTreeMap<ObjectKey, &DbObject>,
    drops: &mut BTreeSet<ObjectKey>,
    creates: &mut BTreeSet<ObjectKey>,
    replaced: &mut BTreeSet<ObjectKey>,
) {
    let cur_lists = acl_lists(cur_by);
    let des_lists = acl_lists(des_by);
    let mut moved: Vec<ObjectKey> = Vec::new();
    for (target, a) in &cur_lists {
        let Some(b) = des_lists.get(target) else {
            continue;
        };
        // Only where the grants change anyway: an ACL that differs in its
        // order alone is no difference (no plan, `check` passes).
        let touched = a
            .iter()
            .chain(b)
            .any(|(_, k)| drops.contains(*k) || creates.contains(*k) || replaced.contains(*k));
        if !touched {
            continue;
        }
        let kept = |k: &ObjectKey| des_by.contains_key(k) && !drops.contains(k);
        let stay = a
            .iter()
            .zip(b)
            .take_while(|((_, x), (_, y))| x == y && kept(x))
            .count();
        moved.extend(
            a[stay..]
                .iter()
                .filter(|(_, k)| kept(k))
                .map(|(_, k)| (*k).clone()),
        );
    }
    for k in moved {
        replaced.remove(&k);
        creates.insert(k.clone());
        drops.insert(k);
    }
}

/// Grants on one target are created in the order of their entries in the
/// desired ACL and revoked in the reverse order of theirs in the current
/// one ([`DbObject::position`]): `GRANT` appends a new grantee's entry, so
/// the ACL (and `pg_dump`) shows the desired order after up, and the way
/// back (which grants what up revoked, last revoke first) the current one.
/// Nothing depends on a grant, so they move only among their own slots.
fn acl_order(ops: &mut [Op]) {
    let mut by_target: BTreeMap<(bool, String, String), Vec<usize>> = BTreeMap::new();
    for (i, op) in ops.iter().enumerate() {
        let (create, object) = match op {
            Op::CreateObject { object } => (true, object),
            Op::DropObject { object } => (false, object),
            _ => continue,
        };
        if object.kind == ObjectKind::Grant && object.position.0.is_some() {
            let target = object.arguments.clone().unwrap_or_default();
            by_target
                .entry((create, object.schema.clone(), target))
                .or_default()
                .push(i);
        }
    }
    let position = |op: &Op| match op {
        Op::CreateObject { object } => object.position.0.map(i64::from),
        Op::DropObject { object } => object.position.0.map(|p| -i64::from(p)),
        _ => None,
    };
    for slots in by_target.values().filter(|s| s.len() > 1) {
        let mut moved: Vec<Op> = slots.iter().map(|&i| ops[i].clone()).collect();
        moved.sort_by_key(position);
        for (&i, op) in slots.iter().zip(moved) {
            ops[i] = op;
        }
    }
}

/// A view's output columns (its [`DbObject::signature`], one a line:
/// name, type, collation); `None` when not read.
pub(crate) fn view_columns(o: &DbObject) -> Option<Vec<&str>> {
    (o.kind == ObjectKind::View)
        .then_some(o.signature.as_deref())
        .flatten()
        .map(|s| s.split('\n').collect())
}

/// `CREATE OR REPLACE VIEW` turns view `a` into `b`: `b` keeps `a`'s
/// columns (names, types, collations, in order) and may append more.
/// Materialized views cannot be replaced.
pub(crate) fn view_replaceable(a: &DbObject, b: &DbObject) -> bool {
    match (view_columns(a), view_columns(b)) {
        (Some(x), Some(y)) => y.len() >= x.len() && y[..x.len()] == x[..],
        _ => false,
    }
}

/// The current objects that depend on `key`, directly or through each
/// other, in dependency order, except those in `drops` (dropped before,
/// they do not exist when the down migration replaces `key` back).
fn dependents_of(
    cur_by: &BTreeMap<ObjectKey, &DbObject>,
    key: &ObjectKey,
    drops: &BTreeSet<ObjectKey>,
) -> Vec<DbObject> {
    let mut found: BTreeSet<ObjectKey> = BTreeSet::new();
    let mut targets: Vec<ObjectKey> = cur_by
        .get(key)
        .map(|o| vec![o.dependency_key()])
        .unwrap_or_default();
    while let Some(t) = targets.pop() {
        for (k, o) in cur_by {
            if k == key || found.contains(k) || drops.contains(k) {
                continue;
            }
            if o.depends_on
                .iter()
                .any(|d| d.object_key().as_ref() == Some(&t))
            {
                found.insert(k.clone());
                targets.push(o.dependency_key());
            }
        }
    }
    topo_order(cur_by, &found)
        .into_iter()
        .filter_map(|k| cur_by.get(&k).map(|o| (*o).clone()))
        .collect()
}

/// The relation a grant is on (its dependency without the column).
fn granted_on(o: &DbObject) -> Option<(&str, &str, &str)> {
    // The grantee's `role` dependency aside.
    o.depends_on
        .iter()
        .find(|d| d.kind != "role")
        .map(|d| (d.kind.as_str(), d.schema.as_str(), d.name.as_str()))
}

/// Whether changing the relation-level grant `a` into `b` in place, or
/// back (the down migration is the inverse change), revokes a privilege or
/// a grant option while the grantee holds column grants of that privilege
/// on the same relation, before or after: `REVOKE` on a table reaches its
/// columns, so
/// those are revoked and granted again around a drop and create of `a`
/// ([`regrant_columns`]) instead.
fn revokes_under_column_grants(
    a: &DbObject,
    b: &DbObject,
    cur_by: &BTreeMap<ObjectKey, &DbObject>,
    des_by: &BTreeMap<ObjectKey, &DbObject>,
) -> bool {
    let (Some(pa), Some(pb)) = (&a.parts, &b.parts) else {
        return false;
    };
    if a.arguments.as_deref().is_some_and(|x| x.starts_with('(')) {
        return false;
    }
    // The privileges of `from` that go, or whose grant option goes.
    let revoked = |from: &ObjectParts, to: &ObjectParts| -> Vec<String> {
        from.items
            .iter()
            .filter(|p| match to.items.iter().find(|q| q.key == p.key) {
                None => true,
                Some(q) => {
                    q.add != p.add && q.change.as_deref().is_some_and(|c| c.starts_with("REVOKE"))
                }
            })
            .map(|p| p.key.clone())
            .collect()
    };
    let mut hit = revoked(pa, pb);
    hit.extend(revoked(pb, pa));
    if hit.is_empty() {
        return false;
    }
    // A column grant's parts are keyed `UPDATE (note)`.
    cur_by.values().chain(des_by.values()).any(|o| {
        o.kind == ObjectKind::Grant
            && o.name == a.name
            && o.arguments.as_deref().is_some_and(|x| x.starts_with('('))
            && granted_on(o) == granted_on(a)
            && o.parts.as_ref().is_none_or(|parts| {
                parts.items.iter().any(|p| {
                    let privilege = p.key.split(' ').next().unwrap_or_default();
                    hit.iter().any(|h| h == privilege)
                })
            })
    })
}

/// `REVOKE p ON TABLE t FROM r` revokes `p` on every column of `t` too
/// (PostgreSQL's REVOKE), so a role's column grants on a relation whose
/// relation-level grant is dropped (or changed: dropped and created) are
/// revoked before it and granted again after it when the desired schema
/// keeps them. Likewise where the relation-level grant is new: the down
/// migration revokes it, and grants the column grants again after.
fn regrant_columns(
    cur_by: &BTreeMap<ObjectKey, &DbObject>,
    des_by: &BTreeMap<ObjectKey, &DbObject>,
    drops: &mut BTreeSet<ObjectKey>,
    creates: &mut BTreeSet<ObjectKey>,
    replaced: &mut BTreeSet<ObjectKey>,
) {
    use strata::schema::ObjectKind::Grant;
    let is_column_grant =
        |k: &ObjectKey| k.arguments.as_deref().is_some_and(|a| a.starts_with('('));
    // Relation-level grants revoked by up (dropped) or by down (new ones,
    // whose way back is a REVOKE).
    let revoked: BTreeSet<(&str, (&str, &str, &str))> = drops
        .iter()
        .filter(|k| k.kind == Grant && !is_column_grant(k))
        .filter_map(|k| Some((k.name.as_str(), granted_on(cur_by.get(k)?)?)))
        .chain(
            creates
                .iter()
                .filter(|k| k.kind == Grant && !is_column_grant(k) && !cur_by.contains_key(*k))
                .filter_map(|k| Some((k.name.as_str(), granted_on(des_by.get(k)?)?))),
        )
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
        // Granted whole again, not changed in place.
        replaced.remove(&k);
        drops.insert(k);
    }
}

/// Changes that need no drop: a sequence's options, a routine's body (an
/// aggregate's options) when its signature (arguments with names and
/// defaults, result; an aggregate's kind) stays, the
/// parts of a domain or composite type when what cannot change stays.
/// Whether `owner` is a sequence's owner that the desired schema's new
/// `OWNED BY` changes (the sequence takes its table's owner): listed as
/// dropped, which runs nothing, so the way back gives it back.
fn owned_by_new_column(
    owner: &DbObject,
    cur_by: &BTreeMap<ObjectKey, &DbObject>,
    des_by: &BTreeMap<ObjectKey, &DbObject>,
) -> bool {
    if !owner
        .arguments
        .as_deref()
        .is_some_and(|t| t.starts_with("SEQUENCE "))
    {
        return false;
    }
    let key = ObjectKey {
        kind: ObjectKind::SequenceOwnership,
        schema: owner.schema.clone(),
        name: owner.name.clone(),
        table: None,
        arguments: None,
    };
    des_by.get(&key).is_some_and(|b| {
        cur_by
            .get(&key)
            .is_none_or(|a| a.definition != b.definition)
    })
}

fn replaceable(a: &DbObject, b: &DbObject) -> bool {
    use strata::schema::ObjectKind::*;
    match a.kind {
        Sequence => crate::plan::sequence_options(&b.definition).is_some(),
        Function | Procedure | Aggregate => a.signature.is_some() && a.signature == b.signature,
        Domain => parts_alterable(a, b, false),
        // A version the installed one has an update path to.
        Extension => parts_alterable(a, b, false) && a.extension_update_reaches(b),
        CompositeType => parts_alterable(a, b, true),
        // The same parser: mappings are added, altered and dropped.
        TextSearchConfiguration => parts_alterable(a, b, false),
        // The same function, operands, commutator, negator, HASHES and
        // MERGES: the estimators are set in place.
        Operator => parts_alterable(a, b, false),
        // The same template: options are set and removed.
        TextSearchDictionary => parts_alterable(a, b, false),
        // The same handler, validator (server: type, version, wrapper):
        // options are added, set and dropped.
        ForeignDataWrapper | ForeignServer | UserMapping => parts_alterable(a, b, false),
        _ => false,
    }
}

/// Whether `a` turns into `b` part by part: both have parts, the fixed
/// text is the same and, when the order of the parts matters (a composite
/// type's attributes), the parts both keep stay in order and the new ones
/// come after them (`ADD ATTRIBUTE` appends).
fn parts_alterable(a: &DbObject, b: &DbObject, ordered: bool) -> bool {
    let (Some(pa), Some(pb)) = (&a.parts, &b.parts) else {
        return false;
    };
    if pa.fixed != pb.fixed {
        return false;
    }
    if !ordered {
        return true;
    }
    let in_a: BTreeSet<&str> = pa.items.iter().map(|p| p.key.as_str()).collect();
    let kept_a: Vec<&str> = pa
        .items
        .iter()
        .map(|p| p.key.as_str())
        .filter(|k| pb.items.iter().any(|p| p.key == *k))
        .collect();
    let kept_b: Vec<&str> = pb
        .items
        .iter()
        .map(|p| p.key.as_str())
        .take_while(|k| in_a.contains(k))
        .collect();
    let all_kept_first = pb.items[kept_b.len()..]
        .iter()
        .all(|p| !in_a.contains(p.key.as_str()));
    kept_a == kept_b && all_kept_first
}

/// An extension's definition as it was read before versions were.
fn unversioned(o: &DbObject) -> String {
    format!(
        "CREATE EXTENSION IF NOT EXISTS {} WITH SCHEMA {};",
        Ident(&o.name),
        Ident(&o.schema)
    )
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
