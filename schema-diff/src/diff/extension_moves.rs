//! An extension the target has in another schema is moved (`ALTER
//! EXTENSION ... SET SCHEMA`), not dropped and created: an extension exists
//! once per database, so a `CREATE EXTENSION` in the new schema would find
//! it installed and do nothing, and the columns of its types would be lost
//! with a drop. Pure.
//!
//! The differ then works on the start as it is after the move
//! ([`moved`]): the extension in its new schema, what depends on it naming
//! it there, and the columns of its types (a column whose type is `old.t`
//! at the start and `new.t` in the target, `t` not a type the start
//! defines itself) of the type in the new schema, as PostgreSQL has them
//! once the extension moved. A definition that names the old schema in its
//! text (a view, a routine) is compared as it reads and may be re-created.

use std::collections::BTreeSet;

use strata::ident::Ident;
use strata::schema::{DbObject, IndexKey, ObjectKind, Schema, SqlType, TypeName};

use super::op::Op;

/// One extension's move: `ALTER EXTENSION name SET SCHEMA to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Move {
    pub(super) name: String,
    pub(super) from: String,
    pub(super) to: String,
}

/// The extensions `cur` and `des` both have, in different schemas.
pub(super) fn moves(cur: &Schema, des: &Schema) -> Vec<Move> {
    let extensions = |s: &Schema| {
        s.objects
            .iter()
            .filter(|o| o.kind == ObjectKind::Extension)
            .map(|o| (o.name.clone(), o.schema.clone()))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let (a, b) = (extensions(cur), extensions(des));
    a.into_iter()
        .filter_map(|(name, from)| {
            let to = b.get(&name)?;
            (*to != from).then(|| Move {
                name,
                from,
                to: to.clone(),
            })
        })
        .collect()
}

/// The ops that move the extensions.
pub(super) fn ops(moves: &[Move]) -> Vec<Op> {
    moves
        .iter()
        .map(|m| Op::MoveExtension {
            name: m.name.clone(),
            from: m.from.clone(),
            to: m.to.clone(),
        })
        .collect()
}

/// `cur` as it is once the extensions moved.
pub(super) fn moved(cur: &Schema, des: &Schema, moves: &[Move]) -> Schema {
    let mut out = cur.clone();
    // Types the start defines itself (and relations' row types): never an
    // extension's.
    let own: BTreeSet<(String, String)> = cur
        .objects
        .iter()
        .filter(|o| {
            matches!(
                o.kind,
                ObjectKind::Domain | ObjectKind::CompositeType | ObjectKind::RangeType
            )
        })
        .map(|o| (o.schema.clone(), o.name.clone()))
        .chain(cur.enums.iter().map(|e| (e.schema.clone(), e.name.clone())))
        .chain(
            cur.tables
                .iter()
                .map(|t| (t.schema.clone(), t.name.clone())),
        )
        .collect();
    for m in moves {
        let mut moved_types: BTreeSet<String> = BTreeSet::new();
        for o in &mut out.objects {
            if o.kind == ObjectKind::Extension && o.name == m.name && o.schema == m.from {
                move_extension_object(o, m);
            }
            for d in &mut o.depends_on {
                if d.kind == "extension" && d.name == m.name && d.schema == m.from {
                    d.schema = m.to.clone();
                }
            }
        }
        for t in &mut out.tables {
            let Some(dt) = des.table(&t.schema, &t.name) else {
                continue;
            };
            for c in &mut t.columns {
                let Some(dc) = dt.column(&c.name) else {
                    continue;
                };
                let (SqlType::Named(a), SqlType::Named(b)) = (c.ty.element(), dc.ty.element())
                else {
                    continue;
                };
                if a.schema == m.from
                    && b.schema == m.to
                    && a.name == b.name
                    && !own.contains(&(a.schema.clone(), a.name.clone()))
                {
                    moved_types.insert(a.name.clone());
                    let to = TypeName {
                        schema: m.to.clone(),
                        name: a.name.clone(),
                    };
                    c.ty = retyped(&c.ty, to);
                }
            }
        }
        // What PostgreSQL prints again from the catalog names the types
        // in their new schema: defaults, generated columns, CHECKs, index
        // expressions and predicates, views. (A routine's body is text and
        // keeps what it says.)
        let names: Vec<(String, String)> = moved_types
            .iter()
            .map(|t| {
                (
                    format!("{}.{}", Ident(&m.from), Ident(t)),
                    format!("{}.{}", Ident(&m.to), Ident(t)),
                )
            })
            .collect();
        let fix = |text: &mut String| {
            for (a, b) in &names {
                if text.contains(a.as_str()) {
                    *text = text.replace(a.as_str(), b);
                }
            }
        };
        for t in &mut out.tables {
            for c in &mut t.columns {
                c.default.iter_mut().for_each(fix);
                c.generated.iter_mut().for_each(fix);
            }
            for c in &mut t.checks {
                fix(&mut c.expression);
            }
            for ix in &mut t.indexes {
                for e in &mut ix.elements {
                    if let IndexKey::Expression(x) = &mut e.key {
                        fix(x);
                    }
                }
                ix.predicate.iter_mut().for_each(fix);
            }
        }
        for o in &mut out.objects {
            if matches!(o.kind, ObjectKind::View | ObjectKind::MaterializedView) {
                fix(&mut o.definition);
                o.signature.iter_mut().for_each(fix);
            }
        }
    }
    out
}

/// `ty` with its element type replaced by `to` (arrays stay arrays).
fn retyped(ty: &SqlType, to: TypeName) -> SqlType {
    match ty {
        SqlType::Array(inner) => retyped(inner, to).array_of(),
        _ => SqlType::Named(to),
    }
}

/// The extension object as it reads in its new schema.
fn move_extension_object(o: &mut DbObject, m: &Move) {
    let before = format!("WITH SCHEMA {} ", Ident(&m.from));
    let after = format!("WITH SCHEMA {} ", Ident(&m.to));
    o.definition = o.definition.replacen(&before, &after, 1);
    o.schema = m.to.clone();
    if let Some(p) = &mut o.parts {
        if p.fixed == m.from {
            p.fixed = m.to.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extension(schema: &str) -> DbObject {
        DbObject {
            kind: ObjectKind::Extension,
            schema: schema.into(),
            name: "ltree".into(),
            definition: format!(
                "CREATE EXTENSION IF NOT EXISTS ltree WITH SCHEMA {} VERSION '1.2';",
                Ident(schema)
            ),
            table: None,
            arguments: None,
            signature: None,
            comment: None,
            drop: None,
            depends_on: Vec::new(),
            parts: None,
            position: Default::default(),
        }
    }

    #[test]
    fn an_extension_in_another_schema_is_moved_with_its_columns() {
        let ty = |s: &str| {
            SqlType::Named(TypeName {
                schema: s.into(),
                name: "ltree".into(),
            })
        };
        let table = |s: &str| {
            let mut t = strata::schema::Table::new("public", "docs");
            t.columns
                .push(strata::schema::Column::new("path", ty(s), true));
            t.columns
                .push(strata::schema::Column::new("paths", ty(s).array_of(), true));
            t
        };
        let cur = Schema {
            tables: vec![table("ext a")],
            objects: vec![extension("ext a")],
            ..Schema::default()
        };
        let des = Schema {
            tables: vec![table("b")],
            objects: vec![extension("b")],
            ..Schema::default()
        };
        let m = moves(&cur, &des);
        assert_eq!(
            m,
            vec![Move {
                name: "ltree".into(),
                from: "ext a".into(),
                to: "b".into()
            }]
        );
        let after = moved(&cur, &des, &m);
        assert_eq!(after.objects, des.objects);
        assert_eq!(after.tables, des.tables);
        assert!(moves(&des, &des).is_empty());
    }
}
