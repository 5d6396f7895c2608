//! Expressions that print differently and are the same.
//!
//! PostgreSQL's printing of an expression does not always parse back into
//! the same tree: `status IN ('a', 'b')` on a `varchar` column is stored as
//! `(status)::text = ANY ((ARRAY['a'::character varying, ...])::text[])`,
//! and that text, run again (it is what a migration writes), casts each
//! element instead: `ARRAY[('a'::character varying)::text, ...]`. Both
//! sides of a comparison can be right and still read differently, and the
//! diff, which compares printed text, would never come to rest (pgschema's
//! `online/add_constraint`).
//!
//! [`reconcile`] takes the defaults, CHECKs and index expressions and
//! predicates that differ between a current and a desired schema, has the
//! server print each side's text once more ([`super::normalize_on`], on
//! temporary tables in a transaction that is rolled back, cached), and
//! where the two printed-again forms are equal, gives the desired side the
//! current side's text: the difference was the printing, not the schema.
//! Nothing is asked when no expression differs.

use strata::schema::{Column, Schema, Table};
use tokio_postgres::Client;

use crate::cache::Cache;
use crate::error::Error;

use super::normalize_on;

/// A table with only what decides how the given parts print: its columns
/// (types; the defaults asked about), and the CHECKs and indexes asked
/// about.
fn probe_table(t: &Table, defaults: &[&str], checks: &[&str], indexes: &[&str]) -> Table {
    let mut p = t.clone();
    for c in &mut p.columns {
        if !defaults.contains(&c.name.as_str()) {
            c.default = None;
        }
        c.identity = None;
        c.sequence = None;
        c.generated = None;
    }
    p.checks.retain(|k| checks.contains(&k.name.as_str()));
    p.indexes.retain(|x| indexes.contains(&x.name.as_str()));
    p.primary_key = None;
    p.uniques.clear();
    p.foreign_keys.clear();
    p.partition_by = None;
    p.partition_of = None;
    p.local_not_null.clear();
    p.local_defaults.clear();
    p.attached_indexes.clear();
    p.inherits.clear();
    p.with.clear();
    p.replica_identity = None;
    p.cluster_on = None;
    p.comment = None;
    p.renamed_from = None;
    p.unlogged = false;
    p
}

/// The parts of one table that differ only in text.
#[derive(Default)]
struct Differing<'a> {
    defaults: Vec<&'a str>,
    checks: Vec<&'a str>,
    indexes: Vec<&'a str>,
}

fn same_column_but_default(a: &Column, b: &Column) -> bool {
    a.ty == b.ty && a.default.is_some() && b.default.is_some() && a.default != b.default
}

/// Whether any default, CHECK or index expression or predicate of a table
/// on both sides differs in text: only then does [`reconcile`] need the
/// server.
pub fn differs_in_expressions(current: &Schema, desired: &Schema) -> bool {
    !differing(current, desired).is_empty()
}

fn differing<'a>(current: &Schema, desired: &'a Schema) -> Vec<(usize, Differing<'a>)> {
    let mut found = Vec::new();
    for (ti, d) in desired.tables.iter().enumerate() {
        let Some(c) = current.table(&d.schema, &d.name) else {
            continue;
        };
        let mut diff = Differing::default();
        for dc in &d.columns {
            if let Some(cc) = c.column(&dc.name) {
                if same_column_but_default(cc, dc) && dc.generated.is_none() {
                    diff.defaults.push(dc.name.as_str());
                }
            }
        }
        for dk in &d.checks {
            if let Some(ck) = c.checks.iter().find(|k| k.name == dk.name) {
                if ck.expression != dk.expression {
                    diff.checks.push(dk.name.as_str());
                }
            }
        }
        for dx in &d.indexes {
            if let Some(cx) = c.indexes.iter().find(|x| x.name == dx.name) {
                if cx != dx && cx.method == dx.method && cx.elements.len() == dx.elements.len() {
                    diff.indexes.push(dx.name.as_str());
                }
            }
        }
        if !(diff.defaults.is_empty() && diff.checks.is_empty() && diff.indexes.is_empty()) {
            found.push((ti, diff));
        }
    }
    found
}

/// Gives `desired` the text of `current` wherever the two differ only in
/// how PostgreSQL prints them; returns how many parts it changed. A side
/// the server cannot print here (a type it does not hold) is left as it is.
pub async fn reconcile(
    client: &Client,
    current: &Schema,
    desired: &mut Schema,
    cache: &mut Cache,
) -> Result<usize, Error> {
    let snapshot = desired.clone();
    let found = differing(current, &snapshot);
    if found.is_empty() {
        return Ok(0);
    }
    let probe = |side: &Schema, tables: Vec<Table>| Schema {
        schemas: side.schemas.clone(),
        enums: side.enums.clone(),
        tables,
        objects: Vec::new(),
        definitions: Vec::new(),
    };
    let mut cur_tables = Vec::new();
    let mut des_tables = Vec::new();
    for (ti, diff) in &found {
        let d = &snapshot.tables[*ti];
        let Some(c) = current.table(&d.schema, &d.name) else {
            continue;
        };
        cur_tables.push(probe_table(c, &diff.defaults, &diff.checks, &diff.indexes));
        des_tables.push(probe_table(d, &diff.defaults, &diff.checks, &diff.indexes));
    }
    let cur_probe = probe(current, cur_tables);
    let des_probe = probe(desired, des_tables);
    // A side the server cannot print (a type only the other database
    // holds): nothing to reconcile.
    let (Ok((cur_again, _)), Ok((des_again, _))) = (
        normalize_on(client, &cur_probe, cache).await,
        normalize_on(client, &des_probe, cache).await,
    ) else {
        return Ok(0);
    };
    let mut changed = 0;
    let mut updates: Vec<(usize, Update)> = Vec::new();
    for (ti, diff) in &found {
        let d = &snapshot.tables[*ti];
        let (Some(c), Some(ca), Some(da)) = (
            current.table(&d.schema, &d.name),
            cur_again.table(&d.schema, &d.name),
            des_again.table(&d.schema, &d.name),
        ) else {
            continue;
        };
        for name in &diff.defaults {
            let again = |t: &Table| t.column(name).map(|x| x.default.clone());
            if again(ca).is_some() && again(ca) == again(da) {
                if let Some(cc) = c.column(name) {
                    updates.push((*ti, Update::Default(name.to_string(), cc.default.clone())));
                }
            }
        }
        for name in &diff.checks {
            let again = |t: &Table| {
                t.checks
                    .iter()
                    .find(|k| k.name == *name)
                    .map(|k| k.expression.clone())
            };
            if again(ca).is_some() && again(ca) == again(da) {
                if let Some(ck) = c.checks.iter().find(|k| k.name == *name) {
                    updates.push((*ti, Update::Check(name.to_string(), ck.expression.clone())));
                }
            }
        }
        for name in &diff.indexes {
            let again = |t: &Table| {
                t.indexes
                    .iter()
                    .find(|x| x.name == *name)
                    .map(|x| (x.elements.clone(), x.predicate.clone()))
            };
            if again(ca).is_some() && again(ca) == again(da) {
                if let Some(cx) = c.indexes.iter().find(|x| x.name == *name) {
                    updates.push((
                        *ti,
                        Update::Index(name.to_string(), cx.elements.clone(), cx.predicate.clone()),
                    ));
                }
            }
        }
    }
    for (ti, u) in updates {
        let t = &mut desired.tables[ti];
        match u {
            Update::Default(name, text) => {
                if let Some(col) = t.columns.iter_mut().find(|x| x.name == name) {
                    col.default = text;
                    changed += 1;
                }
            }
            Update::Check(name, text) => {
                if let Some(k) = t.checks.iter_mut().find(|k| k.name == name) {
                    k.expression = text;
                    changed += 1;
                }
            }
            Update::Index(name, elements, predicate) => {
                if let Some(x) = t.indexes.iter_mut().find(|x| x.name == name) {
                    x.elements = elements;
                    x.predicate = predicate;
                    changed += 1;
                }
            }
        }
    }
    Ok(changed)
}

enum Update {
    Default(String, Option<String>),
    Check(String, String),
    Index(String, Vec<strata::schema::IndexElement>, Option<String>),
}
