//! Normalization at introspection speed: what is deterministic is
//! normalized in Rust; the server is asked only for what only it can print,
//! once per distinct part, inside a transaction that is always rolled back.
//!
//! [`normalize_on`] takes a desired schema and a connection to the server the
//! comparison is made against, and returns what [`crate::introspect`] would
//! read back from a database holding the schema, exactly as the reference
//! path ([`super::normalize`], which builds the whole schema in a scratch
//! database) does; a property test compares the two on random schemas.
//!
//! - **In Rust** ([`deterministic`]): types (a [`SqlType`] is canonical by
//!   construction), identifiers truncated to 63 bytes as the server does,
//!   NOT NULL implied by primary keys and identity or serial columns, empty
//!   comments (PostgreSQL drops them), index elements on plain columns,
//!   constraint and index structure, order.
//! - **On the server** ([`Part`]): a column's default and any type the
//!   model does not define (a domain, an extension's type: only the server
//!   knows its schema); a partition's or child's own default on a column it
//!   inherits (as a default of the type it inherits); CHECK expressions; index elements that are
//!   expressions or name an operator class, and predicates. Each part is
//!   keyed by what decides its printing (the column type and the
//!   expression; for CHECKs and indexes, the table's columns and the
//!   expression), so the work grows with the number of *distinct* parts,
//!   not with the number of tables. The missing ones are created as
//!   temporary tables (`pg_temp`) in one round trip, read back with the
//!   introspection queries themselves, and rolled back. Enum types of the
//!   models that the database lacks (or holds with other labels) are
//!   created inside that transaction, which needs the right to create them;
//!   nothing else needs more than `TEMPORARY` on the database.
//! - **Cached** ([`crate::cache`]): a part's printed form is kept under its
//!   key and the server's namespace (version, settings, catalog
//!   fingerprint), so a second run asks the server nothing but that
//!   fingerprint.
//!
//! Errors name the table and column, constraint or index, as the reference
//! path does: a failed batch is replayed table by table (savepoints inside
//! the same rolled-back transaction).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use strata::schema::{
    truncate_identifier, Check, Column, EnumType, Index, IndexElement, IndexKey, IndexMethod,
    Schema, SqlType, Table,
};
use strata_model::ddl::alter::rename_type;
use strata_model::ddl::create::{
    create_enum, create_index, create_schema, create_table, to_script,
};
use tokio_postgres::Client;

use crate::cache::{key, Cache, Namespace};
use crate::error::{Error, NormalizeError};
use crate::introspect::introspect_temp;

use super::{attempt, carry_hints, describe_table, probe, probe_table, rejected, validate};

/// How many columns one probe table holds (PostgreSQL allows 1,600).
const COLUMNS_PER_PROBE: usize = 1000;

/// What normalization did: for benchmarks and reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NormalizeStats {
    /// Distinct parts the server had to print.
    pub parts: usize,
    /// Of those, found in the cache.
    pub cached: usize,
    /// Of those, printed by the server in this run.
    pub probed: usize,
}

/// A part only the server can print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Part {
    /// A column's type and default, as a column of that type with that
    /// default prints them.
    Column {
        ty: SqlType,
        default: Option<String>,
    },
    /// A CHECK on a table with these columns.
    Check {
        columns: Vec<(String, SqlType)>,
        expression: String,
    },
    /// An index's key elements and predicate on a table with these columns.
    Index {
        columns: Vec<(String, SqlType)>,
        method: IndexMethod,
        elements: Vec<IndexElement>,
        predicate: Option<String>,
    },
}

impl Part {
    fn key(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        key(&["part", &json])
    }
}

/// The server's answer for a part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Printed {
    Column {
        ty: SqlType,
        default: Option<String>,
    },
    Check {
        expression: String,
    },
    Index {
        elements: Vec<IndexElement>,
        predicate: Option<String>,
    },
}

/// Every part, by its key, with the places that use it.
#[derive(Default)]
struct Uses {
    parts: BTreeMap<String, (Part, Vec<Use>)>,
}

impl Uses {
    fn add(&mut self, part: Part, place: Use) {
        self.parts
            .entry(part.key())
            .or_insert_with(|| (part, Vec::new()))
            .1
            .push(place);
    }
}

/// Where a part is used: (table, what), for applying the answer.
#[derive(Clone, Copy, Debug)]
enum Use {
    Column(usize, usize),
    Check(usize, usize),
    Index(usize, usize),
    /// A child's own default on an inherited column: (table, the column's
    /// place among the table's `local_defaults`).
    LocalDefault(usize, usize),
}

/// Returns `desired` as PostgreSQL would print it, asking the server
/// `client` is connected to (outside a transaction) only for the parts the
/// cache does not hold. See the module documentation.
pub async fn normalize_on(
    client: &Client,
    desired: &Schema,
    cache: &mut Cache,
) -> Result<(Schema, NormalizeStats), Error> {
    let desired = desired.clone().canonical();
    validate(&desired)?;
    let mut out = deterministic(&desired);

    // Every part, with where it is used.
    let mut uses = Uses::default();
    let model_enums: Vec<(&str, &str)> = out
        .enums
        .iter()
        .map(|e| (e.schema.as_str(), e.name.as_str()))
        .collect();
    for (ti, t) in out.tables.iter().enumerate() {
        for (ci, c) in t.columns.iter().enumerate() {
            if c.default.is_some() || !is_known_type(&c.ty, &model_enums) {
                uses.add(
                    Part::Column {
                        ty: c.ty.clone(),
                        default: c.default.clone(),
                    },
                    Use::Column(ti, ci),
                );
            }
        }
        // A child's own default on a column it inherits prints as a
        // default of that column's type (found on the table or an
        // ancestor).
        for (k, (column, default)) in t.local_defaults.iter().enumerate() {
            let (Some(default), Some(ty)) = (default, inherited_type(&out, t, column)) else {
                continue;
            };
            uses.add(
                Part::Column {
                    ty,
                    default: Some(default.clone()),
                },
                Use::LocalDefault(ti, k),
            );
        }
        let context = || -> Vec<(String, SqlType)> {
            t.columns
                .iter()
                .map(|c| (c.name.clone(), c.ty.clone()))
                .collect()
        };
        for (k, ch) in t.checks.iter().enumerate() {
            uses.add(
                Part::Check {
                    columns: context(),
                    expression: ch.expression.clone(),
                },
                Use::Check(ti, k),
            );
        }
        for (k, ix) in t.indexes.iter().enumerate() {
            if needs_server(ix) {
                uses.add(
                    Part::Index {
                        columns: context(),
                        method: ix.method,
                        elements: ix.elements.clone(),
                        predicate: ix.predicate.clone(),
                    },
                    Use::Index(ti, k),
                );
            }
        }
    }

    let mut stats = NormalizeStats {
        parts: uses.parts.len(),
        ..NormalizeStats::default()
    };
    let mut answers: HashMap<String, Printed> = HashMap::new();
    if !uses.parts.is_empty() && cache.is_enabled() {
        let ns = Namespace::read(client).await?;
        cache.load_parts(&ns);
        for (k, (part, _)) in &uses.parts {
            if let Some(p) = cache
                .part(k)
                .and_then(|v| serde_json::from_value::<Printed>(v.clone()).ok())
            {
                if fits(part, &p) {
                    answers.insert(k.clone(), p);
                }
            }
        }
        stats.cached = answers.len();
    }
    let missing: Vec<(&String, &Part)> = uses
        .parts
        .iter()
        .filter(|(k, _)| !answers.contains_key(*k))
        .map(|(k, (p, _))| (k, p))
        .collect();
    if !missing.is_empty() {
        let printed = ask_server(client, &out, &missing, &uses).await?;
        stats.probed = printed.len();
        for (k, p) in printed {
            if let Ok(v) = serde_json::to_value(&p) {
                cache.put_part(k.clone(), v);
            }
            answers.insert(k, p);
        }
        cache.save();
    }

    for (k, (_, places)) in &uses.parts {
        let Some(answer) = answers.get(k) else {
            continue;
        };
        for place in places {
            apply(&mut out, *place, answer);
        }
    }
    for t in &mut out.tables {
        t.canonicalize();
    }
    let mut out = out.canonical();
    carry_hints(&desired, &mut out);
    Ok((out, stats))
}

/// A cached answer of the right kind (a foreign entry is not applied).
/// The type of `column` on `table`, or as it inherits it from a parent
/// (what the diff reads as its inherited columns).
fn inherited_type(schema: &Schema, table: &Table, column: &str) -> Option<SqlType> {
    if let Some(c) = table.columns.iter().find(|c| c.name == column) {
        return Some(c.ty.clone());
    }
    crate::diff::inherited_columns(schema, table)
        .into_iter()
        .find(|(_, c)| c.name == column)
        .map(|(_, c)| c.ty)
}

fn fits(part: &Part, printed: &Printed) -> bool {
    matches!(
        (part, printed),
        (Part::Column { .. }, Printed::Column { .. })
            | (Part::Check { .. }, Printed::Check { .. })
            | (Part::Index { .. }, Printed::Index { .. })
    )
}

fn apply(out: &mut Schema, place: Use, answer: &Printed) {
    match (place, answer) {
        (Use::Column(t, c), Printed::Column { ty, default }) => {
            if let Some(col) = out.tables.get_mut(t).and_then(|t| t.columns.get_mut(c)) {
                col.ty = ty.clone();
                col.default.clone_from(default);
            }
        }
        (Use::LocalDefault(t, k), Printed::Column { default, .. }) => {
            if let Some(value) = out
                .tables
                .get_mut(t)
                .and_then(|t| t.local_defaults.values_mut().nth(k))
            {
                value.clone_from(default);
            }
        }
        (Use::Check(t, k), Printed::Check { expression }) => {
            if let Some(ch) = out.tables.get_mut(t).and_then(|t| t.checks.get_mut(k)) {
                ch.expression.clone_from(expression);
            }
        }
        (
            Use::Index(t, k),
            Printed::Index {
                elements,
                predicate,
            },
        ) => {
            if let Some(ix) = out.tables.get_mut(t).and_then(|t| t.indexes.get_mut(k)) {
                ix.elements.clone_from(elements);
                ix.predicate.clone_from(predicate);
            }
        }
        _ => {}
    }
}

/// A type whose catalog spelling Rust knows: a built-in type, or an enum
/// type of the models (arrays of either).
fn is_known_type(ty: &SqlType, model_enums: &[(&str, &str)]) -> bool {
    match ty {
        SqlType::Array(inner) => is_known_type(inner, model_enums),
        SqlType::Named(n) => model_enums
            .iter()
            .any(|(s, name)| n.schema == *s && n.name == *name),
        _ => true,
    }
}

/// An index the server must print: an expression element, an operator
/// class, a predicate, or ordering options on an unordered method.
fn needs_server(ix: &Index) -> bool {
    ix.predicate.is_some()
        || ix.elements.iter().any(|e| {
            matches!(e.key, IndexKey::Expression(_))
                || e.opclass.is_some()
                || (!ix.method.is_ordered() && (e.order != Default::default() || e.nulls.is_some()))
        })
}

/// The deterministic part of normalization (see the module documentation).
pub fn deterministic(desired: &Schema) -> Schema {
    let mut out = desired.clone();
    let clip = |s: &mut String| {
        let t = truncate_identifier(s);
        if t.len() != s.len() {
            *s = t.to_string();
        }
    };
    for s in &mut out.schemas {
        clip(s);
    }
    let empty_is_none = |c: &mut Option<String>| {
        if c.as_deref() == Some("") {
            *c = None;
        }
    };
    for e in &mut out.enums {
        clip(&mut e.schema);
        clip(&mut e.name);
        empty_is_none(&mut e.comment);
    }
    for t in &mut out.tables {
        clip(&mut t.schema);
        clip(&mut t.name);
        empty_is_none(&mut t.comment);
        let keyed: Vec<String> = t
            .primary_key
            .as_ref()
            .map(|pk| pk.columns.clone())
            .unwrap_or_default();
        for c in &mut t.columns {
            if keyed.contains(&c.name) || c.identity.is_some() {
                c.nullable = false;
            }
            clip(&mut c.name);
            empty_is_none(&mut c.comment);
        }
        if let Some(pk) = &mut t.primary_key {
            clip(&mut pk.name);
            pk.columns.iter_mut().for_each(clip);
            empty_is_none(&mut pk.comment);
        }
        for u in &mut t.uniques {
            clip(&mut u.name);
            u.columns.iter_mut().for_each(clip);
            empty_is_none(&mut u.comment);
        }
        for ix in &mut t.indexes {
            clip(&mut ix.name);
            ix.include.iter_mut().for_each(clip);
            empty_is_none(&mut ix.comment);
            // As the catalog prints storage parameters: `name=value`, the
            // name in lower case, in the order written.
            for w in &mut ix.with {
                if let Some((name, value)) = w.split_once('=') {
                    *w = format!("{}={}", name.trim().to_lowercase(), value.trim());
                }
            }
            for e in &mut ix.elements {
                if let IndexKey::Column(c) = &mut e.key {
                    clip(c);
                }
            }
        }
        for fk in &mut t.foreign_keys {
            clip(&mut fk.name);
            empty_is_none(&mut fk.comment);
            fk.columns.iter_mut().for_each(clip);
            clip(&mut fk.ref_schema);
            clip(&mut fk.ref_table);
            fk.ref_columns.iter_mut().for_each(clip);
        }
        for ch in &mut t.checks {
            clip(&mut ch.name);
            empty_is_none(&mut ch.comment);
        }
    }
    out.canonical()
}

/// The probe tables: one group of columns per [`Part::Column`] chunk, one
/// table per distinct set of columns for CHECKs and indexes.
struct Probes {
    tables: Vec<Table>,
    indexes: Vec<(usize, Index)>,
    /// For each part (by key), where its answer will be: (table, column /
    /// check / index name).
    places: Vec<(String, PartKind, String, String)>,
}

#[derive(Clone, Copy)]
enum PartKind {
    Column,
    Check,
    Index,
}

fn probes(missing: &[(&String, &Part)]) -> Probes {
    let mut p = Probes {
        tables: Vec::new(),
        indexes: Vec::new(),
        places: Vec::new(),
    };
    let columns: Vec<(&String, &Part)> = missing
        .iter()
        .copied()
        .filter(|(_, x)| matches!(x, Part::Column { .. }))
        .collect();
    for chunk in columns.chunks(COLUMNS_PER_PROBE) {
        let name = format!("strata_probe_c{}", p.tables.len());
        let mut t = Table::new("pg_temp", &name);
        for (i, (k, part)) in chunk.iter().enumerate() {
            if let Part::Column { ty, default } = part {
                let mut c = Column::new(format!("c{i}"), ty.clone(), true);
                c.default.clone_from(default);
                t.columns.push(c);
                p.places.push((
                    (*k).clone(),
                    PartKind::Column,
                    name.clone(),
                    format!("c{i}"),
                ));
            }
        }
        p.tables.push(t);
    }
    let mut contexts: HashMap<String, usize> = HashMap::new();
    for (k, part) in missing {
        let (Part::Check { columns, .. } | Part::Index { columns, .. }) = part else {
            continue;
        };
        let context = serde_json::to_string(columns).unwrap_or_default();
        let ti = *contexts.entry(context).or_insert_with(|| {
            let mut t = Table::new("pg_temp", format!("strata_probe_t{}", p.tables.len()));
            t.columns = columns
                .iter()
                .map(|(n, ty)| Column::new(n.clone(), ty.clone(), true))
                .collect();
            p.tables.push(t);
            p.tables.len() - 1
        });
        let table = p.tables[ti].name.clone();
        match part {
            Part::Check { expression, .. } => {
                let name = format!("k{}", p.tables[ti].checks.len());
                p.tables[ti].checks.push(Check {
                    no_inherit: false,
                    not_valid: false,
                    comment: Default::default(),
                    name: name.clone(),
                    expression: expression.clone(),
                });
                p.places.push(((*k).clone(), PartKind::Check, table, name));
            }
            Part::Index {
                method,
                elements,
                predicate,
                ..
            } => {
                let name = format!("{table}_i{}", p.indexes.len());
                p.indexes.push((
                    ti,
                    Index {
                        comment: Default::default(),
                        nulls_not_distinct: Default::default(),
                        with: Default::default(),
                        name: name.clone(),
                        unique: false,
                        method: *method,
                        elements: elements.clone(),
                        include: Vec::new(),
                        predicate: predicate.clone(),
                    },
                ));
                p.places.push(((*k).clone(), PartKind::Index, table, name));
            }
            Part::Column { .. } => {}
        }
    }
    p
}

/// Asks the server for `missing`, in a transaction rolled back at the end.
async fn ask_server(
    client: &Client,
    schema: &Schema,
    missing: &[(&String, &Part)],
    uses: &Uses,
) -> Result<Vec<(String, Printed)>, Error> {
    client.batch_execute("BEGIN").await?;
    let result = async {
        provide_enums(client, &schema.enums).await?;
        let p = probes(missing);
        let mut sql: Vec<String> = p.tables.iter().map(create_table).collect();
        sql.extend(
            p.indexes
                .iter()
                .map(|(t, ix)| create_index(&p.tables[*t], ix, false, false)),
        );
        client.batch_execute("SAVEPOINT strata_probes").await?;
        if let Err(e) = client.batch_execute(&to_script(&sql)).await {
            client
                .batch_execute("ROLLBACK TO SAVEPOINT strata_probes")
                .await?;
            return Err(diagnose(client, schema, uses, e).await);
        }
        let read = introspect_temp(client).await?.unwrap_or_default();
        read_answers(&read, &p)
    }
    .await;
    let rolled_back = client.batch_execute("ROLLBACK").await;
    let answers = result?;
    rolled_back?;
    Ok(answers)
}

/// The answers, read from the introspected probe tables.
fn read_answers(read: &Schema, p: &Probes) -> Result<Vec<(String, Printed)>, Error> {
    let tables: HashMap<&str, &Table> = read.tables.iter().map(|t| (t.name.as_str(), t)).collect();
    let lost = |what: &str| {
        Error::from(NormalizeError::Rejected {
            object: what.to_string(),
            message: "the server did not keep this normalization probe".to_string(),
        })
    };
    let mut out = Vec::with_capacity(p.places.len());
    for (k, kind, table, name) in &p.places {
        let t = tables.get(table.as_str()).ok_or_else(|| lost(table))?;
        let printed = match kind {
            PartKind::Column => {
                let c = t.column(name).ok_or_else(|| lost(name))?;
                Printed::Column {
                    ty: c.ty.clone(),
                    default: c.default.clone(),
                }
            }
            PartKind::Check => {
                let c = t
                    .checks
                    .iter()
                    .find(|c| &c.name == name)
                    .ok_or_else(|| lost(name))?;
                Printed::Check {
                    expression: c.expression.clone(),
                }
            }
            PartKind::Index => {
                let ix = t
                    .indexes
                    .iter()
                    .find(|i| &i.name == name)
                    .ok_or_else(|| lost(name))?;
                Printed::Index {
                    elements: ix.elements.clone(),
                    predicate: ix.predicate.clone(),
                }
            }
        };
        out.push((k.clone(), printed));
    }
    Ok(out)
}

/// Makes the models' enum types exist with their labels inside the
/// current transaction: missing ones are created (with their schema),
/// ones with other labels renamed away and created anew. All of it is
/// rolled back with the transaction.
async fn provide_enums(client: &Client, enums: &[EnumType]) -> Result<(), Error> {
    if enums.is_empty() {
        return Ok(());
    }
    let schemas: Vec<String> = enums.iter().map(|e| e.schema.clone()).collect();
    let rows = client
        .query(
            "SELECT n.nspname::text, t.typname::text, \
                    ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e \
                          WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) \
             FROM pg_catalog.pg_type t \
             JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
             WHERE n.nspname = ANY ($1) AND t.typtype IN ('e', 'b', 'd', 'c', 'r', 'm')",
            &[&schemas],
        )
        .await?;
    let mut existing: HashMap<(String, String), Vec<String>> = HashMap::new();
    for r in &rows {
        existing.insert((r.try_get(0)?, r.try_get(1)?), r.try_get(2)?);
    }
    let namespaces = client
        .query(
            "SELECT nspname::text FROM pg_catalog.pg_namespace WHERE nspname = ANY ($1)",
            &[&schemas],
        )
        .await?;
    let mut have_schema: Vec<String> = namespaces
        .iter()
        .map(|r| r.try_get::<_, String>(0))
        .collect::<Result<_, _>>()?;
    for (i, e) in enums.iter().enumerate() {
        let mut sql = Vec::new();
        match existing.get(&(e.schema.clone(), e.name.clone())) {
            Some(labels) if labels == &e.labels => continue,
            Some(_) => sql.push(rename_type(
                &e.schema,
                &e.name,
                &format!("strata_probe_old_{i}"),
            )),
            None => {}
        }
        if !have_schema.contains(&e.schema) {
            sql.push(create_schema(&e.schema));
            have_schema.push(e.schema.clone());
        }
        sql.push(create_enum(e));
        if let Err(err) = attempt(client, &to_script(&sql)).await {
            let err = match err {
                super::Attempt::Failed(e) | super::Attempt::Broken(e) => e,
            };
            return Err(NormalizeError::EnumUnavailable {
                enum_type: format!("{}.{}", e.schema, e.name),
                message: super::db_message(&err),
            }
            .into());
        }
    }
    Ok(())
}

/// Names the part of the models PostgreSQL rejected: each table with a part
/// is replayed on its own (savepoints), as the reference path does.
async fn diagnose(
    client: &Client,
    schema: &Schema,
    uses: &Uses,
    original: tokio_postgres::Error,
) -> Error {
    let mut tables: Vec<usize> = uses
        .parts
        .values()
        .flat_map(|(_, places)| places)
        .map(|u| match u {
            Use::Column(t, _) | Use::Check(t, _) | Use::Index(t, _) | Use::LocalDefault(t, _) => *t,
        })
        .collect();
    tables.sort_unstable();
    tables.dedup();
    for ti in tables {
        let Some(t) = schema.tables.get(ti) else {
            continue;
        };
        // Its own defaults on inherited columns, as columns of the types
        // they inherit (so the error names the table and the column).
        let mut own = Table::new(t.schema.clone(), t.name.clone());
        for (column, default) in &t.local_defaults {
            if let (Some(default), Some(ty)) = (default, inherited_type(schema, t, column)) {
                let mut c = Column::new(column.clone(), ty, true);
                c.default = Some(default.clone());
                own.columns.push(c);
            }
        }
        if !own.columns.is_empty() {
            match describe_table(client, &own).await {
                Ok(Some(e)) => return e,
                Ok(None) => {}
                Err(e) => return e,
            }
        }
        match describe_table(client, t).await {
            Ok(Some(e)) => return e,
            Ok(None) => {}
            Err(e) => return e,
        }
        // The table is fine; its indexes, on a probe table of its columns.
        let p = probe_table(t);
        for ix in t.indexes.iter().filter(|i| needs_server(i)) {
            match describe_index_on(client, &p, t, ix).await {
                Ok(Some(e)) => return e,
                Ok(None) => {}
                Err(e) => return e,
            }
        }
    }
    rejected("the normalization probes".to_string(), &original)
}

/// [`super::describe_index`] on a temporary copy of `t`'s columns (the
/// table itself need not exist here).
async fn describe_index_on(
    client: &Client,
    probe_t: &Table,
    t: &Table,
    ix: &Index,
) -> Result<Option<Error>, Error> {
    let here = format!("table {}.{}, index {}", t.schema, t.name, ix.name);
    let mut bare = probe_t.clone();
    for c in &mut bare.columns {
        c.default = None;
        c.identity = None;
    }
    let mut probe_ix = ix.clone();
    probe_ix.name = "strata_probe_idx".into();
    probe_ix.include.clear();
    let create = create_table(&bare);
    for el in &ix.elements {
        let mut one = probe_ix.clone();
        one.elements = vec![el.clone()];
        one.predicate = None;
        let sql = to_script(&[create.as_str(), &create_index(&bare, &one, false, false)]);
        if let Some(e) = probe(client, &sql).await? {
            let what = match &el.key {
                IndexKey::Column(c) => format!("column {c}"),
                IndexKey::Expression(x) => format!("expression {x:?}"),
            };
            return Ok(Some(rejected(format!("{here}: {what}"), &e)));
        }
    }
    if let Some(pred) = &ix.predicate {
        let sql = to_script(&[
            create.as_str(),
            &create_index(&bare, &probe_ix, false, false),
        ]);
        if let Some(e) = probe(client, &sql).await? {
            return Ok(Some(rejected(format!("{here}: predicate {pred:?}"), &e)));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use strata::schema::{ForeignKey, Identity, PrimaryKey};

    #[test]
    fn the_deterministic_rules() {
        let long = "x".repeat(70);
        let mut t = Table::new("public", &long);
        let mut id = Column::new("id", SqlType::BigInt, true);
        id.comment = Some(String::new());
        t.columns.push(id);
        let mut n = Column::new("n", SqlType::Integer, true);
        n.identity = Some(Identity::ByDefault);
        t.columns.push(n);
        t.columns.push(Column::new("other", SqlType::BigInt, true));
        t.primary_key = Some(PrimaryKey {
            comment: Default::default(),
            deferrable: Default::default(),
            name: "t_pkey".into(),
            columns: vec!["id".into()],
            include: Vec::new(),
            with: Vec::new(),
        });
        t.foreign_keys.push(ForeignKey {
            not_valid: false,
            comment: Default::default(),
            match_full: Default::default(),
            name: "t_other_fkey".into(),
            columns: vec!["other".into()],
            ref_schema: "public".into(),
            ref_table: long.clone(),
            ref_columns: vec!["id".into()],
            on_delete: Default::default(),
            on_update: Default::default(),
            deferrable: Default::default(),
        });
        let s = deterministic(
            &Schema {
                definitions: Vec::new(),
                schemas: vec!["public".into()],
                enums: vec![],
                tables: vec![t],
                objects: vec![],
            }
            .canonical(),
        );
        let t = &s.tables[0];
        assert_eq!(t.name.len(), 63);
        assert!(!t.columns[0].nullable, "a key column is NOT NULL");
        assert_eq!(t.columns[0].comment, None, "an empty comment is none");
        assert!(!t.columns[1].nullable, "an identity column is NOT NULL");
        assert!(t.columns[2].nullable);
        assert_eq!(t.foreign_keys[0].ref_table.len(), 63);
    }

    #[test]
    fn which_types_and_indexes_need_the_server() {
        let enums = [("public", "mood")];
        assert!(is_known_type(&SqlType::Text.array_of(), &enums));
        let mood = SqlType::parse("public.mood").unwrap();
        assert!(is_known_type(&mood, &enums));
        assert!(!is_known_type(
            &SqlType::parse("public.citext").unwrap(),
            &enums
        ));
        let mut ix = Index {
            comment: Default::default(),
            nulls_not_distinct: Default::default(),
            with: Default::default(),
            name: "i".into(),
            unique: false,
            method: IndexMethod::Btree,
            elements: vec![IndexElement::column("a")],
            include: vec![],
            predicate: None,
        };
        assert!(!needs_server(&ix));
        ix.predicate = Some("a > 0".into());
        assert!(needs_server(&ix));
        ix.predicate = None;
        ix.elements[0].opclass = Some("text_pattern_ops".into());
        assert!(needs_server(&ix));
    }
}
