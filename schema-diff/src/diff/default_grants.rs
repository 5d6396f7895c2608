//! What default privileges give an object the plan creates.
//!
//! `CREATE TABLE` (view, sequence, function, type, schema) grants what
//! `ALTER DEFAULT PRIVILEGES` set for the creating role, in the object's
//! schema and globally, before any `GRANT` of the plan runs. The grants the
//! target states for a new object are therefore not made from nothing but
//! from those: each grantee the default privileges name gets its grant
//! changed in place (privileges the target does not give revoked, missing
//! ones granted), not created, so a new table ends with exactly the
//! target's ACL (pgschema's `privilege/revoke_default_privilege`).
//!
//! The creating role's entries for itself (read as `CURRENT_USER`) give
//! the object's owner what it holds anyway and are left out.
//!
//! Only the entries that apply to what the migration creates count: the
//! reading role's own (introspection writes them with no `FOR ROLE`, as
//! whoever runs the migration sets them for itself) that are granted, and
//! not dropped by this plan (those go before anything is created; new and
//! changed ones come after the objects).

use std::collections::{BTreeMap, BTreeSet};

use strata::ident::quote_ident;
use strata::schema::{DbObject, Dependency, ObjectKind, ObjectPart, ObjectParts, Schema};

use super::Op;

/// One grantee's default privileges for one kind of object, in one schema
/// (`""`: every schema).
struct DefaultGrant {
    schema: String,
    objects: &'static str,
    grantee: String,
    privileges: Vec<String>,
    grantable: bool,
}

/// The default privileges of `current` still in place while this plan
/// creates objects: those it drops go first, new and changed ones after.
fn in_place<'a>(current: &'a Schema, ops: &[Op]) -> impl Iterator<Item = &'a DbObject> {
    let dropped: BTreeSet<_> = ops
        .iter()
        .filter_map(|op| match op {
            Op::DropObject { object } | Op::RecreateObject { from: object, .. }
                if object.kind == ObjectKind::DefaultPrivilege =>
            {
                Some(object.key())
            }
            _ => None,
        })
        .collect();
    current
        .objects
        .iter()
        .filter(move |o| o.kind == ObjectKind::DefaultPrivilege && !dropped.contains(&o.key()))
}

/// The reading role's granted default privileges of `current` that this
/// plan keeps in place while it creates objects.
fn applicable(current: &Schema, ops: &[Op]) -> Vec<DefaultGrant> {
    in_place(current, ops)
        .filter_map(|o| {
            // `[IN SCHEMA s ]GRANT ON TABLES[ WITH GRANT OPTION]`; an entry
            // with `FOR ROLE` is another role's.
            let scope = match o.schema.as_str() {
                "" => String::new(),
                s => format!("IN SCHEMA {} ", quote_ident(s)),
            };
            let rest = o.arguments.as_deref()?.strip_prefix(&scope)?;
            let rest = rest.strip_prefix("GRANT ON ")?;
            let (objs, grantable) = match rest.strip_suffix(" WITH GRANT OPTION") {
                Some(objs) => (objs, true),
                None => (rest, false),
            };
            let objects = ["TABLES", "SEQUENCES", "FUNCTIONS", "TYPES", "SCHEMAS"]
                .into_iter()
                .find(|k| *k == objs)?;
            // `ALTER DEFAULT PRIVILEGES [IN SCHEMA s ]GRANT p, q ON TABLES TO g...`
            let privileges = o
                .definition
                .strip_prefix("ALTER DEFAULT PRIVILEGES ")?
                .strip_prefix(&scope)?
                .strip_prefix("GRANT ")?
                .split_once(&format!(" ON {objects} TO "))?
                .0
                .split(", ")
                .map(str::to_string)
                .collect();
            Some(DefaultGrant {
                schema: o.schema.clone(),
                objects,
                grantee: o.name.clone(),
                privileges,
                grantable,
            })
        })
        .collect()
}

/// The kinds of object (`FUNCTIONS`, `TYPES`) whose built-in `PUBLIC`
/// privilege (EXECUTE, USAGE) the reading role's global default
/// privileges take away, as `current` has them and this plan keeps them.
fn public_revoked(current: &Schema, ops: &[Op]) -> Vec<&'static str> {
    in_place(current, ops)
        .filter(|o| o.schema.is_empty() && o.name == "PUBLIC")
        .filter_map(|o| match o.arguments.as_deref()? {
            "REVOKE ON FUNCTIONS" => Some("FUNCTIONS"),
            "REVOKE ON TYPES" => Some("TYPES"),
            _ => None,
        })
        .collect()
}

/// A new object: the kind of default privileges it gets, its schema, its
/// name in `GRANT ... ON` and how a grant's dependency names it.
struct Created {
    objects: &'static str,
    schema: String,
    target: String,
    dependency: Option<(String, String, Option<String>)>,
}

fn created(op: &Op, current: &Schema) -> Option<Created> {
    let relation = |kind: &str, schema: &str, name: &str, word: &str, objects| Created {
        objects,
        schema: schema.to_string(),
        target: format!("{word} {}.{}", quote_ident(schema), quote_ident(name)),
        dependency: Some((kind.to_string(), name.to_string(), None)),
    };
    match op {
        Op::CreateTable { table } if current.table(&table.schema, &table.name).is_none() => Some(
            relation("table", &table.schema, &table.name, "TABLE", "TABLES"),
        ),
        Op::CreateEnum { ty } => Some(relation("enum", &ty.schema, &ty.name, "TYPE", "TYPES")),
        Op::CreateSchema { name } => Some(Created {
            objects: "SCHEMAS",
            schema: name.clone(),
            target: format!("SCHEMA {}", quote_ident(name)),
            dependency: None,
        }),
        Op::CreateObject { object } if !current.objects.iter().any(|o| o.key() == object.key()) => {
            let (kind, word, objects) = match object.kind {
                ObjectKind::View => ("view", "TABLE", "TABLES"),
                ObjectKind::MaterializedView => ("materialized_view", "TABLE", "TABLES"),
                ObjectKind::Sequence => ("sequence", "SEQUENCE", "SEQUENCES"),
                ObjectKind::Domain => ("domain", "DOMAIN", "TYPES"),
                ObjectKind::CompositeType => ("composite_type", "TYPE", "TYPES"),
                ObjectKind::RangeType => ("range_type", "TYPE", "TYPES"),
                ObjectKind::Function | ObjectKind::Procedure | ObjectKind::Aggregate => {
                    let arguments = object.arguments.clone().unwrap_or_default();
                    let (kind, word) = match object.kind {
                        ObjectKind::Procedure => ("procedure", "PROCEDURE"),
                        ObjectKind::Aggregate => ("aggregate", "FUNCTION"),
                        _ => ("function", "FUNCTION"),
                    };
                    // GRANT names an aggregate of no arguments with `()`.
                    let listed = if arguments == "*" { "" } else { &arguments };
                    return Some(Created {
                        objects: "FUNCTIONS",
                        schema: object.schema.clone(),
                        target: format!(
                            "{word} {}.{}({listed})",
                            quote_ident(&object.schema),
                            quote_ident(&object.name)
                        ),
                        dependency: Some((kind.to_string(), object.name.clone(), Some(arguments))),
                    });
                }
                _ => return None,
            };
            Some(relation(kind, &object.schema, &object.name, word, objects))
        }
        _ => None,
    }
}

/// The grant object `grantee` holds on `on` (a whole object, no column).
fn grant_on<'a>(desired: &'a Schema, on: &Created, grantee: &str) -> Option<&'a DbObject> {
    desired.objects.iter().find(|o| {
        o.kind == ObjectKind::Grant
            && o.name == grantee
            && o.schema == on.schema
            && o.arguments.as_deref() == Some(&format!("ON {}", on.target))
            && match &on.dependency {
                Some((kind, name, arguments)) => o.depends_on.iter().any(|d| {
                    d.kind == *kind
                        && d.schema == on.schema
                        && d.name == *name
                        && d.column.is_none()
                        && (arguments.is_none() || d.arguments == *arguments)
                }),
                None => true,
            }
    })
}

fn grantee_sql(grantee: &str) -> String {
    match grantee {
        "PUBLIC" => grantee.to_string(),
        g => quote_ident(g),
    }
}

/// The grant object the default privileges make: privileges as parts, in
/// the form introspection reads them.
fn default_grant(on: &Created, grantee: &str, privileges: &BTreeMap<String, bool>) -> DbObject {
    let to = grantee_sql(grantee);
    let target = &on.target;
    let items = privileges
        .iter()
        .map(|(p, grantable)| ObjectPart {
            key: p.clone(),
            add: format!(
                "GRANT {p} ON {target} TO {to}{}",
                if *grantable { " WITH GRANT OPTION" } else { "" }
            ),
            drop: format!("REVOKE {p} ON {target} FROM {to}"),
            change: Some(if *grantable {
                format!("GRANT {p} ON {target} TO {to} WITH GRANT OPTION")
            } else {
                format!("REVOKE GRANT OPTION FOR {p} ON {target} FROM {to}")
            }),
            rename: None,
        })
        .collect();
    let all: Vec<&str> = privileges.keys().map(String::as_str).collect();
    DbObject {
        kind: ObjectKind::Grant,
        schema: on.schema.clone(),
        name: grantee.to_string(),
        table: None,
        arguments: Some(format!("ON {target}")),
        definition: format!("GRANT {} ON {target} TO {to};", all.join(", ")),
        signature: None,
        comment: None,
        drop: Some(format!("REVOKE {} ON {target} FROM {to};", all.join(", "))),
        depends_on: on
            .dependency
            .iter()
            .map(|(kind, name, arguments)| Dependency {
                kind: kind.clone(),
                schema: on.schema.clone(),
                name: name.clone(),
                arguments: arguments.clone(),
                column: None,
            })
            .collect(),
        parts: Some(ObjectParts {
            fixed: String::new(),
            items,
        }),
        position: Default::default(),
    }
}

/// Turns the creation of a new object's grants into changes from what its
/// default privileges give it (see the module documentation).
pub(super) fn from_default_privileges(current: &Schema, desired: &Schema, ops: &mut Vec<Op>) {
    let defaults = applicable(current, ops);
    let revoked = public_revoked(current, ops);
    if defaults.is_empty() && revoked.is_empty() {
        return;
    }
    // Changes from what the default privileges give, in the order the
    // objects are created and by grantee (not where the creations of the
    // grants stood: their order follows ACL positions, which depend on
    // role OIDs); the creations they replace, by key.
    let mut changes = Vec::new();
    let mut replaced = BTreeSet::new();
    for on in ops.iter().filter_map(|op| created(op, current)) {
        // Grantee -> privilege -> with grant option.
        let mut given: BTreeMap<&str, BTreeMap<String, bool>> = BTreeMap::new();
        for d in defaults.iter().filter(|d| {
            d.objects == on.objects
                && (d.schema.is_empty() || (d.schema == on.schema && on.objects != "SCHEMAS"))
        }) {
            let privileges = given.entry(d.grantee.as_str()).or_default();
            for p in &d.privileges {
                let grantable = privileges.entry(p.clone()).or_default();
                *grantable |= d.grantable;
            }
        }
        // A routine or type made without PUBLIC's built-in privilege that
        // the target gives it (introspection states only its absence, as a
        // `(default revoked)` grant): granted again.
        if revoked.contains(&on.objects) && on.objects != "SCHEMAS" {
            let privilege = if on.objects == "FUNCTIONS" {
                "EXECUTE"
            } else {
                "USAGE"
            };
            let absent = format!("ON {} (default revoked)", on.target);
            let stated = desired.objects.iter().any(|o| {
                o.kind == ObjectKind::Grant
                    && o.schema == on.schema
                    && o.name == "PUBLIC"
                    && o.arguments.as_deref() == Some(absent.as_str())
            });
            if !stated {
                let to = default_grant(
                    &on,
                    "PUBLIC",
                    &BTreeMap::from([(privilege.to_string(), false)]),
                );
                let from = DbObject {
                    definition: String::new(),
                    drop: None,
                    parts: Some(ObjectParts {
                        fixed: String::new(),
                        items: Vec::new(),
                    }),
                    ..to.clone()
                };
                changes.push(Op::ReplaceObject { from, to });
            }
        }
        for (grantee, privileges) in given {
            // The creating role's own: it owns the object, and an owner's
            // privileges are no grant of the object's.
            if grantee == "CURRENT_USER" {
                continue;
            }
            let from = default_grant(&on, grantee, &privileges);
            let adds = |o: &DbObject| -> Vec<(String, String)> {
                o.parts
                    .iter()
                    .flat_map(|p| &p.items)
                    .map(|i| (i.key.clone(), i.add.clone()))
                    .collect()
            };
            let to = match grant_on(desired, &on, grantee) {
                Some(to) => {
                    replaced.insert(to.key());
                    to.clone()
                }
                // The target gives this grantee nothing.
                None => DbObject {
                    definition: String::new(),
                    drop: None,
                    parts: Some(ObjectParts {
                        fixed: String::new(),
                        items: Vec::new(),
                    }),
                    ..from.clone()
                },
            };
            // Given as wanted: nothing to do.
            if adds(&from) != adds(&to) {
                changes.push(Op::ReplaceObject { from, to });
            }
        }
    }
    ops.retain(|op| {
        !matches!(op, Op::CreateObject { object }
            if object.kind == ObjectKind::Grant && replaced.contains(&object.key()))
    });
    ops.extend(changes);
}
