//! What of a table calls a function that the plan drops and creates again.
//!
//! A function whose result type or argument names change cannot be
//! replaced (`CREATE OR REPLACE` refuses): it is dropped and created again
//! ([`Op::RecreateObject`]; a routine bound to a type that is re-created is
//! dropped and created as two steps around it). PostgreSQL refuses that drop while a column
//! default, a CHECK or an index expression or predicate calls it (views,
//! triggers and policies are objects of their own, handled with their
//! dependencies; a materialized view counts what its indexes call), or a
//! domain's default or CHECK does. Those the target keeps as they are (their text stays the
//! same: the call is printed the same with either result type) would see no
//! change, so they are dropped right before the first such re-creation and
//! added back right after the last one; a default the target changes is
//! split the same way (pgschema's `dependency/issue_601_*`).
//!
//! Which parts call the function is read from their text as PostgreSQL
//! prints it, under `search_path = pg_catalog`: a call of an application's
//! function is always schema-qualified (`public.current_tenant()`). Text
//! inside a string literal that reads like the call would only make a part
//! dropped and added back needlessly.

use strata::ident::quote_ident;
use strata::schema::{Check, DbObject, Index, IndexKey, ObjectKind, Schema, Table, TableRef};

use super::matching::same_index;
use super::{tname, Name, Op};

/// The ops in execution order; see the module documentation.
pub(super) fn around_recreated_routines(current: &Schema, desired: &Schema, ops: &mut Vec<Op>) {
    let routine = |o: &DbObject| matches!(o.kind, ObjectKind::Function | ObjectKind::Aggregate);
    let needle = |o: &DbObject| format!("{}.{}(", quote_ident(&o.schema), quote_ident(&o.name));
    // (where it goes, where it is back, how a call of it reads): a
    // re-creation in one step, or a drop and a creation of the same
    // routine (one bound to a type that is re-created).
    let mut recreated: Vec<(usize, usize, String)> = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        match op {
            Op::RecreateObject { from, .. } if routine(from) => {
                recreated.push((i, i, needle(from)));
            }
            Op::DropObject { object } if routine(object) => {
                let back = ops
                    .iter()
                    .enumerate()
                    .skip(i + 1)
                    .find_map(|(j, op)| match op {
                        Op::CreateObject { object: o } if o.key() == object.key() => Some(j),
                        _ => None,
                    });
                if let Some(j) = back {
                    recreated.push((i, j, needle(object)));
                }
            }
            _ => {}
        }
    }
    let (Some(first), Some(last)) = (
        recreated.iter().map(|r| r.0).min(),
        recreated.iter().map(|r| r.1).max(),
    ) else {
        return;
    };
    let calls = |text: &str| recreated.iter().any(|(_, _, needle)| text.contains(needle));
    let mut before = Vec::new();
    let mut after = Vec::new();
    // Ops the pass replaces (a default change it splits).
    let mut split = Vec::new();
    let dropped_tables: Vec<Name> = ops
        .iter()
        .filter_map(|op| match op {
            Op::DropTable { table } => Some(tname(table)),
            _ => None,
        })
        .collect();
    for t in &current.tables {
        let name = tname(t);
        if dropped_tables.contains(&name) {
            continue;
        }
        let Some(d) = desired.table(&t.schema, &t.name) else {
            continue;
        };
        for c in &t.columns {
            let Some(default) = c.default.as_deref().filter(|x| calls(x)) else {
                continue;
            };
            let Some(dc) = d.column(&c.name) else {
                continue;
            };
            // A column dropped, or changing type (which sets its default
            // again), is not held by its default here.
            let touched = ops.iter().position(|op| match op {
                Op::AlterDefault { table, column, .. } => *table == name && *column == c.name,
                _ => false,
            });
            let elsewhere = ops.iter().any(|op| match op {
                Op::DropColumn { table, column } => *table == name && column.name == c.name,
                Op::AlterColumnType { table, column, .. } => *table == name && *column == c.name,
                _ => false,
            });
            if elsewhere {
                continue;
            }
            if let Some(k) = touched {
                split.push(k);
            }
            // The change reaches the descendants (`ALTER TABLE` recurses):
            // one with a default of its own gets it back after, in both
            // directions (the same op on either side).
            let own: Vec<Op> = descendants(current, &name)
                .into_iter()
                .filter_map(|ch| {
                    let own = ch.local_defaults.get(&c.name)?;
                    Some(Op::AlterDefault {
                        table: tname(ch),
                        column: c.name.clone(),
                        from: own.clone(),
                        to: own.clone(),
                    })
                })
                .collect();
            before.extend(own.iter().cloned());
            before.push(Op::AlterDefault {
                table: name.clone(),
                column: c.name.clone(),
                from: Some(default.to_string()),
                to: None,
            });
            before.extend(own.iter().cloned());
            if dc.default.is_some() {
                after.extend(own.iter().cloned());
                after.push(Op::AlterDefault {
                    table: name.clone(),
                    column: c.name.clone(),
                    from: None,
                    to: dc.default.clone(),
                });
                after.extend(own);
            }
        }
        rebuild_kept_parts(
            &name,
            t,
            d,
            |x| index_text_uses(x, calls),
            |k| calls(&k.expression),
            &mut before,
            &mut after,
        );
    }
    // A domain's default and CHECKs: taken off and put back part by part
    // (the domain itself stays: columns use it).
    for o in current
        .objects
        .iter()
        .filter(|o| o.kind == ObjectKind::Domain)
    {
        let Some(parts) = &o.parts else { continue };
        if !parts.items.iter().any(|p| calls(&p.add)) {
            continue;
        }
        let Some(d) = desired.objects.iter().find(|d| d.key() == o.key()) else {
            continue;
        };
        // Changed by the plan anyway: left to that change.
        let changed = ops.iter().any(|op| match op {
            Op::ReplaceObject { from, .. }
            | Op::RecreateObject { from, .. }
            | Op::DropObject { object: from } => from.key() == o.key(),
            _ => false,
        });
        if changed || d != o {
            continue;
        }
        let mut without = o.clone();
        if let Some(p) = &mut without.parts {
            p.items.retain(|p| !calls(&p.add));
        }
        before.push(Op::ReplaceObject {
            from: o.clone(),
            to: without.clone(),
        });
        after.push(Op::ReplaceObject {
            from: without,
            to: d.clone(),
        });
    }
    if before.is_empty() && after.is_empty() {
        return;
    }
    let old = std::mem::take(ops);
    for (i, op) in old.into_iter().enumerate() {
        if i == first {
            ops.append(&mut before);
        }
        if !split.contains(&i) {
            ops.push(op);
        }
        if i == last {
            ops.append(&mut after);
        }
    }
}

/// The partitions and children of `parent`, at every level.
pub(super) fn descendants<'a>(schema: &'a Schema, parent: &Name) -> Vec<&'a Table> {
    let mut out: Vec<&Table> = Vec::new();
    let mut level = vec![parent.clone()];
    while !level.is_empty() {
        let next: Vec<&Table> = schema
            .tables
            .iter()
            .filter(|t| {
                let of = |r: &TableRef| {
                    level
                        .iter()
                        .any(|p| p.schema == r.schema && p.name == r.name)
                };
                t.partition_of.as_ref().is_some_and(|p| of(&p.parent)) || t.inherits.iter().any(of)
            })
            .filter(|t| !out.iter().any(|o| o.schema == t.schema && o.name == t.name))
            .collect();
        level = next.iter().map(|t| tname(t)).collect();
        out.extend(next);
    }
    out
}

/// Whether an index's expressions or predicate satisfy `uses`.
pub(super) fn index_text_uses(x: &Index, uses: impl Fn(&str) -> bool) -> bool {
    x.predicate.as_deref().is_some_and(&uses)
        || x.elements.iter().any(|e| match &e.key {
            IndexKey::Expression(text) => uses(text),
            IndexKey::Column(_) => false,
        })
}

/// The indexes and CHECKs of current table `t` that `index_uses` and
/// `check_uses` pick and the target `d` keeps exactly: each dropped (into
/// `before`) and made again (into `after`) on table `name`. A part the
/// target changes is dropped and added by the diff already.
pub(super) fn rebuild_kept_parts(
    name: &Name,
    t: &Table,
    d: &Table,
    index_uses: impl Fn(&Index) -> bool,
    check_uses: impl Fn(&Check) -> bool,
    before: &mut Vec<Op>,
    after: &mut Vec<Op>,
) {
    for check in t.checks.iter().filter(|k| check_uses(k)) {
        if let Some(kept) = d.checks.iter().find(|k| *k == check) {
            before.push(Op::DropCheck {
                table: name.clone(),
                check: check.clone(),
            });
            after.push(Op::AddCheck {
                table: name.clone(),
                check: kept.clone(),
            });
        }
    }
    for index in t.indexes.iter().filter(|x| index_uses(x)) {
        if let Some(kept) = d.indexes.iter().find(|x| same_index(x, index)) {
            before.push(Op::DropIndex {
                table: name.clone(),
                index: index.clone(),
            });
            after.push(Op::CreateIndex {
                table: name.clone(),
                index: kept.clone(),
            });
        }
    }
}
