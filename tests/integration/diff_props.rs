//! Property tests of the diff against a real PostgreSQL.
//!
//! - `random_schemas_round_trip`: a random schema (tables, columns of every
//!   supported type, nullability, defaults, identity and serial, primary
//!   keys, unique constraints, indexes of every kind, foreign keys, checks,
//!   enums, comments, names that need quoting, several schemas), written in
//!   the form PostgreSQL prints, is created from its own DDL and read back:
//!   the introspection equals it and the plan between them is empty (no
//!   false positives).
//! - `random_changes_up_and_down`: a random schema A and a random B derived
//!   from it by a handful of changes (every kind of op, hinted renames
//!   included), planned with random options: after creating A, the plan's up
//!   turns it into B exactly (or, when drops were withheld, leaves exactly
//!   the withheld ops to do), and its down turns it back into A.
//! - `fast_normalization_equals_the_reference`: a random schema, loosened
//!   the way models write it (NOT NULL left implied, empty comments),
//!   normalized by the fast path ([`normalize_on`]: Rust plus rolled-back
//!   probes on the database) on an empty database and again on one that
//!   holds it, equals what the reference path gives (the schema created
//!   from its DDL and introspected).
//! - `no_false_positives_for_every_supported_kind`: one explicit schema with
//!   every supported type, default, constraint and index kind, created from
//!   its DDL, introspected, and compared with the models normalized through a
//!   scratch database (what `schema-diff check` does).
//! - `every_object_kind_round_trips`: `tests/cases/diff/every_object.sql`
//!   (every definition object kind and within-table detail beyond
//!   `every_kind.json`) created in a database and read: every kind is read,
//!   the schema survives its JSON form, the plan from an empty database
//!   creates it exactly (read back equal, nothing left to do), and the plan
//!   back removes all of it.
//!
//! Each proptest runs its cases in one database of its own, emptied between
//! cases (`DROP SCHEMA ... CASCADE`). The number of cases is 200 unless
//! `PROPTEST_CASES` says otherwise. The default run uses a fixed seed, so CI
//! checks the same 200 cases every time (a red run is reproducible and never
//! a coin toss); `PROPTEST_SEED=random` (or a number) explores other cases.
//! A long run is `PROPTEST_SEED=random PROPTEST_CASES=5000 cargo test -p
//! strata-tests --test integration diff_props`; a failure it finds becomes a
//! golden case in `tests/cases/diff/`.
//! The entropy is a vector of numbers the generator reads choice by choice,
//! so proptest shrinks a failure towards fewer and simpler changes.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use schema_diff::cache::Cache;
use schema_diff::diff::Op;
use schema_diff::introspect::{introspect, IntrospectOptions};
use schema_diff::normalize::{apply_schema, normalize, normalize_on};
use schema_diff::plan::{plan, PlanOptions};
use schema_diff::scratch::ScratchDb;
use strata::ident::{quote_literal, Ident};
use strata::schema::{
    default_fk_name, default_pkey_name, default_unique_name, Check, Column, Deferrable, EnumType,
    FkAction, ForeignKey, Identity, Index, IndexElement, IndexKey, IndexMethod, NullsOrder,
    PrimaryKey, Schema, SortOrder, SqlType, Table, TypeName, Unique,
};
use strata_model::ddl::create::DdlOptions;
use strata_testing::{run, TestDb};
use strata_tests::admin;
use tokio_postgres::Client;

use crate::diff_golden::{apply_plan, connect_fast, without_column_order};

const SCHEMAS: &[&str] = &["public", "app", "Other Schema"];
const TABLE_NAMES: &[&str] = &["t", "User", "order", "with space", "quo\"te", "Items", "x1"];
const COLUMN_NAMES: &[&str] = &[
    "id",
    "a",
    "b",
    "Name",
    "order",
    "with space",
    "quo\"te",
    "select",
    "c1",
    "Zz",
];
const ENUM_NAMES: &[&str] = &["mood", "Status", "kind"];
const LABELS: &[&str] = &["a", "b", "it's", "Zed", "c d", "e"];

/// Reads choices from proptest's entropy; past its end every choice is the
/// simplest one (0).
struct Gen {
    data: Vec<u32>,
    pos: usize,
    counter: u32,
}

impl Gen {
    fn new(data: Vec<u32>) -> Gen {
        Gen {
            data,
            pos: 0,
            counter: 0,
        }
    }

    fn next(&mut self) -> u32 {
        let v = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        v
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            self.next() as usize % n
        }
    }

    fn chance(&mut self, percent: usize) -> bool {
        // 0 (the shrunk value) means "no".
        let v = self.next() as usize % 100;
        v != 0 && v < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.counter += 1;
        format!("{prefix}{}", self.counter)
    }
}

/// A column type the generator uses, with defaults in the form PostgreSQL
/// prints them.
struct TypeChoice {
    ty: SqlType,
    defaults: Vec<String>,
}

fn ty(s: &str) -> SqlType {
    SqlType::parse(s).expect("test type")
}

fn type_choices(enums: &[EnumType]) -> Vec<TypeChoice> {
    let mut out: Vec<TypeChoice> = [
        ("integer", &["42", "0"][..]),
        ("bigint", &["42"]),
        ("smallint", &["7"]),
        ("numeric(10,2)", &["1.5"]),
        ("numeric", &["0"]),
        ("real", &["0.5"]),
        ("double precision", &["0.5"]),
        ("boolean", &["true", "false"]),
        ("text", &["'x'::text", "''::text"]),
        ("character varying(20)", &["'x'::character varying"]),
        ("character varying", &["'x'::character varying"]),
        ("character(3)", &["'abc'::bpchar"]),
        ("jsonb", &["'{}'::jsonb"]),
        ("json", &["'[]'::json"]),
        ("uuid", &["gen_random_uuid()"]),
        ("date", &["CURRENT_DATE"]),
        ("timestamp with time zone", &["now()"]),
        ("timestamp(3) with time zone", &["now()"]),
        (
            "timestamp without time zone",
            &["'2020-01-01 00:00:00'::timestamp without time zone"],
        ),
        (
            "time without time zone",
            &["'12:00:00'::time without time zone"],
        ),
        ("interval", &["'01:00:00'::interval"]),
        ("inet", &["'127.0.0.1'::inet"]),
        ("bytea", &[]),
        ("text[]", &["'{}'::text[]"]),
        ("integer[]", &["'{1,2}'::integer[]"]),
    ]
    .iter()
    .map(|(t, d)| TypeChoice {
        ty: ty(t),
        defaults: d.iter().map(|s| s.to_string()).collect(),
    })
    .collect();
    for e in enums {
        let scalar = SqlType::Named(TypeName {
            schema: e.schema.clone(),
            name: e.name.clone(),
        });
        out.push(TypeChoice {
            defaults: vec![format!("{}::{scalar}", quote_literal(&e.labels[0]))],
            ty: scalar.clone(),
        });
        out.push(TypeChoice {
            defaults: vec![format!("'{{}}'::{scalar}[]")],
            ty: scalar.array_of(),
        });
    }
    out
}

fn is_int(t: &SqlType) -> bool {
    t.is_integer()
}

/// Has a default btree (and hash) operator class.
fn btree_ok(t: &SqlType) -> bool {
    !matches!(t, SqlType::Json | SqlType::Xml)
}

fn gin_ok(t: &SqlType) -> bool {
    matches!(t, SqlType::Jsonb | SqlType::Array(_))
}

fn check_for(col: &Column) -> Option<Vec<String>> {
    let c = Ident(&col.name);
    if is_int(&col.ty) {
        Some(vec![format!("{c} > 0"), format!("{c} >= 0")])
    } else if col.ty == SqlType::Text {
        Some(vec![format!("{c} <> ''::text")])
    } else {
        None
    }
}

fn check_uses(ck: &Check, col: &str) -> bool {
    ck.expression.starts_with(&format!("{} ", Ident(col)))
}

fn lower_expr(col: &str) -> String {
    format!("lower({})", Ident(col))
}

fn not_null_pred(col: &str) -> String {
    format!("{} IS NOT NULL", Ident(col))
}

fn index_uses(ix: &Index, col: &str) -> bool {
    ix.elements.iter().any(|e| match &e.key {
        IndexKey::Column(c) => c == col,
        IndexKey::Expression(x) => *x == lower_expr(col),
    }) || ix.include.iter().any(|c| c == col)
        || ix.predicate.as_deref() == Some(not_null_pred(col).as_str())
}

fn rename_in_index(ix: &mut Index, from: &str, to: &str) {
    for e in &mut ix.elements {
        match &mut e.key {
            IndexKey::Column(c) if c == from => *c = to.to_string(),
            IndexKey::Expression(x) if *x == lower_expr(from) => *x = lower_expr(to),
            _ => {}
        }
    }
    for c in &mut ix.include {
        if c == from {
            *c = to.to_string();
        }
    }
    if ix.predicate.as_deref() == Some(not_null_pred(from).as_str()) {
        ix.predicate = Some(not_null_pred(to));
    }
}

fn unused<'a>(g: &mut Gen, pool: &[&'a str], taken: &dyn Fn(&str) -> bool) -> Option<&'a str> {
    let free: Vec<&str> = pool.iter().copied().filter(|n| !taken(n)).collect();
    if free.is_empty() {
        None
    } else {
        Some(*g.pick(&free))
    }
}

fn new_column(g: &mut Gen, name: &str, enums: &[EnumType]) -> Column {
    let choices = type_choices(enums);
    let choice = g.pick(&choices);
    let mut c = Column::new(name, choice.ty.clone(), !g.chance(40));
    if !choice.defaults.is_empty() && g.chance(40) {
        c.default = Some(g.pick(&choice.defaults).clone());
    }
    if g.chance(10) {
        c.comment = Some(format!("column {name}'s note"));
    }
    c
}

fn add_index(g: &mut Gen, t: &mut Table) {
    let name = g.fresh("ix");
    let btree: Vec<String> = t
        .columns
        .iter()
        .filter(|c| btree_ok(&c.ty))
        .map(|c| c.name.clone())
        .collect();
    let gin: Vec<String> = t
        .columns
        .iter()
        .filter(|c| gin_ok(&c.ty))
        .map(|c| c.name.clone())
        .collect();
    let text: Vec<String> = t
        .columns
        .iter()
        .filter(|c| c.ty == SqlType::Text)
        .map(|c| c.name.clone())
        .collect();
    let mut ix = Index {
        comment: Default::default(),
        nulls_not_distinct: Default::default(),
        with: Default::default(),
        name,
        unique: false,
        method: IndexMethod::Btree,
        elements: vec![],
        include: vec![],
        predicate: None,
    };
    match g.below(4) {
        1 if !gin.is_empty() => {
            let c = g.pick(&gin).clone();
            let jsonb = t.column(&c).is_some_and(|x| x.ty == SqlType::Jsonb);
            ix.method = IndexMethod::Gin;
            let mut el = IndexElement::column(c);
            if jsonb && g.chance(50) {
                el.opclass = Some("jsonb_path_ops".into());
            }
            ix.elements.push(el);
        }
        2 if !text.is_empty() => {
            let c = g.pick(&text).clone();
            ix.elements.push(IndexElement {
                collation: None,
                key: IndexKey::Expression(lower_expr(&c)),
                order: SortOrder::Asc,
                nulls: None,
                opclass: None,
            });
            ix.unique = g.chance(30);
        }
        3 if !btree.is_empty() => {
            ix.method = IndexMethod::Hash;
            ix.elements
                .push(IndexElement::column(g.pick(&btree).clone()));
        }
        _ if !btree.is_empty() => {
            let n = 1 + g.below(2.min(btree.len()));
            let mut cols = btree.clone();
            for _ in 0..n {
                let i = g.below(cols.len());
                let c = cols.remove(i);
                ix.elements.push(IndexElement {
                    collation: None,
                    key: IndexKey::Column(c),
                    order: if g.chance(30) {
                        SortOrder::Desc
                    } else {
                        SortOrder::Asc
                    },
                    nulls: if g.chance(20) {
                        Some(*g.pick(&[NullsOrder::First, NullsOrder::Last]))
                    } else {
                        None
                    },
                    opclass: None,
                });
            }
            ix.unique = g.chance(20);
            if !cols.is_empty() && g.chance(20) {
                ix.include.push(g.pick(&cols).clone());
            }
            if g.chance(25) {
                if let IndexKey::Column(c) = &ix.elements[0].key {
                    ix.predicate = Some(not_null_pred(c));
                }
            }
        }
        _ => return,
    }
    t.indexes.push(ix);
}

fn add_table(g: &mut Gen, s: &mut Schema, avoid: &[(String, String)]) {
    let schema = g.pick(SCHEMAS).to_string();
    let taken = |n: &str| {
        s.table(&schema, n).is_some() || avoid.iter().any(|(a, b)| *a == schema && b == n)
    };
    let Some(name) = unused(g, TABLE_NAMES, &taken) else {
        return;
    };
    let mut t = Table::new(schema, name);
    let ncols = 1 + g.below(5);
    for _ in 0..ncols {
        let names: Vec<String> = t.columns.iter().map(|c| c.name.clone()).collect();
        let Some(cname) = unused(g, COLUMN_NAMES, &|n| names.iter().any(|x| x == n)) else {
            break;
        };
        let c = new_column(g, cname, &s.enums);
        t.columns.push(c);
    }
    if is_int(&t.columns[0].ty) && g.chance(35) {
        let c = &mut t.columns[0];
        c.identity = Some(*g.pick(&[Identity::Always, Identity::ByDefault, Identity::Serial]));
    }
    let keyable: Vec<String> = t
        .columns
        .iter()
        .filter(|c| btree_ok(&c.ty))
        .map(|c| c.name.clone())
        .collect();
    if !keyable.is_empty() && g.chance(60) {
        let mut cols = vec![keyable[0].clone()];
        if keyable.len() > 1 && g.chance(25) {
            cols.push(keyable[1 + g.below(keyable.len() - 1)].clone());
        }
        t.primary_key = Some(PrimaryKey {
            comment: Default::default(),
            deferrable: Default::default(),
            name: default_pkey_name(&t.name),
            columns: cols,
            include: Vec::new(),
            with: Vec::new(),
        });
    }
    if !keyable.is_empty() && g.chance(30) {
        let c = g.pick(&keyable).clone();
        t.uniques.push(Unique {
            comment: Default::default(),
            deferrable: Default::default(),
            nulls_not_distinct: Default::default(),
            name: default_unique_name(&t.name, &[&c]),
            columns: vec![c],
            include: Vec::new(),
            with: Vec::new(),
        });
    }
    for _ in 0..g.below(3) {
        add_index(g, &mut t);
    }
    if g.chance(35) {
        add_check(g, &mut t);
    }
    if g.chance(20) {
        t.comment = Some(format!("table {}", t.name));
    }
    s.tables.push(t);
}

fn add_check(g: &mut Gen, t: &mut Table) {
    let cands: Vec<(String, Vec<String>)> = t
        .columns
        .iter()
        .filter_map(|c| check_for(c).map(|e| (c.name.clone(), e)))
        .collect();
    if cands.is_empty() {
        return;
    }
    let (_, exprs) = g.pick(&cands);
    let expression = g.pick(exprs).clone();
    let name = g.fresh("ck");
    t.checks.push(Check {
        no_inherit: false,
        not_valid: false,
        comment: Default::default(),
        name,
        expression,
    });
}

/// Adds a foreign key from table `ti` onto a single-column primary key,
/// from a column of the same type (a new one, named outside `avoid`, if
/// need be).
fn add_fk(g: &mut Gen, s: &mut Schema, ti: usize, avoid: &[String]) {
    let targets: Vec<(String, String, String, SqlType)> = s
        .tables
        .iter()
        .filter_map(|u| {
            let pk = u.primary_key.as_ref()?;
            if pk.columns.len() != 1 {
                return None;
            }
            let c = u.column(&pk.columns[0])?;
            Some((
                u.schema.clone(),
                u.name.clone(),
                c.name.clone(),
                c.ty.clone(),
            ))
        })
        .collect();
    if targets.is_empty() {
        return;
    }
    let (rs, rt, rc, rty) = g.pick(&targets).clone();
    let t = &mut s.tables[ti];
    let same: Vec<String> = t
        .columns
        .iter()
        .filter(|c| c.ty == rty)
        .map(|c| c.name.clone())
        .collect();
    let col = if !same.is_empty() && g.chance(70) {
        g.pick(&same).clone()
    } else {
        let names: Vec<String> = t.columns.iter().map(|c| c.name.clone()).collect();
        let Some(n) = unused(g, COLUMN_NAMES, &|n| {
            names.iter().chain(avoid).any(|x| x == n)
        }) else {
            return;
        };
        t.columns.push(Column::new(n, rty.clone(), true));
        n.to_string()
    };
    let name = default_fk_name(&t.name, &[&col]);
    if t.foreign_keys.iter().any(|f| f.name == name) {
        return;
    }
    let actions = [
        FkAction::NoAction,
        FkAction::Restrict,
        FkAction::Cascade,
        FkAction::SetNull,
        FkAction::SetDefault,
    ];
    t.foreign_keys.push(ForeignKey {
        not_valid: false,
        comment: Default::default(),
        match_full: Default::default(),
        name,
        columns: vec![col],
        ref_schema: rs,
        ref_table: rt,
        ref_columns: vec![rc],
        on_delete: *g.pick(&actions),
        on_update: *g.pick(&actions),
        deferrable: *g.pick(&[
            Deferrable::NotDeferrable,
            Deferrable::NotDeferrable,
            Deferrable::InitiallyImmediate,
            Deferrable::InitiallyDeferred,
        ]),
    });
}

fn add_enum(g: &mut Gen, s: &mut Schema) {
    let schema = g.pick(SCHEMAS).to_string();
    let Some(name) = unused(g, ENUM_NAMES, &|n| s.enum_type(&schema, n).is_some()) else {
        return;
    };
    let mut pool: Vec<&str> = LABELS.to_vec();
    let mut labels = Vec::new();
    for _ in 0..1 + g.below(4) {
        let i = g.below(pool.len());
        labels.push(pool.remove(i).to_string());
    }
    let comment = g.chance(20).then(|| format!("enum {name}"));
    s.enums.push(EnumType {
        schema,
        name: name.to_string(),
        labels,
        comment,
    });
}

/// A random schema in the form PostgreSQL prints.
fn gen_schema(g: &mut Gen) -> Schema {
    let mut s = Schema {
        schemas: vec!["public".into()],
        ..Schema::default()
    };
    for _ in 0..g.below(3) {
        add_enum(g, &mut s);
    }
    for _ in 0..1 + g.below(3) {
        add_table(g, &mut s, &[]);
    }
    for i in 0..s.tables.len() {
        if g.chance(40) {
            add_fk(g, &mut s, i, &[]);
        }
    }
    fixup(&mut s);
    s
}

/// Makes a schema valid after changes: keys and indexes only on columns
/// that exist, NOT NULL where PostgreSQL implies it, foreign keys only onto
/// a matching primary key, defaults only with labels that exist.
fn fixup(s: &mut Schema) {
    let enums = s.enums.clone();
    let pks: Vec<(String, String, Vec<String>, Vec<SqlType>)> = s
        .tables
        .iter()
        .filter_map(|t| {
            let pk = t.primary_key.as_ref()?;
            let types: Option<Vec<SqlType>> = pk
                .columns
                .iter()
                .map(|c| t.column(c).map(|x| x.ty.clone()))
                .collect();
            Some((t.schema.clone(), t.name.clone(), pk.columns.clone(), types?))
        })
        .collect();
    for t in &mut s.tables {
        let names: Vec<String> = t.columns.iter().map(|c| c.name.clone()).collect();
        let has = |c: &String| names.contains(c);
        for c in &mut t.columns {
            if let Some(e) = enum_of(&c.ty) {
                match enums
                    .iter()
                    .find(|x| x.schema == e.schema && x.name == e.name)
                {
                    None => {
                        c.ty = SqlType::Text;
                        c.default = None;
                    }
                    Some(en) => {
                        if let Some(d) = &c.default {
                            if !matches!(c.ty, SqlType::Array(_))
                                && !en
                                    .labels
                                    .iter()
                                    .any(|l| d.starts_with(&format!("{}::", quote_literal(l))))
                            {
                                c.default = None;
                            }
                        }
                    }
                }
            }
            if c.identity.is_some() {
                if c.ty.is_integer() {
                    c.nullable = false;
                    c.default = None;
                } else {
                    c.identity = None;
                }
            }
        }
        if let Some(pk) = &t.primary_key {
            if !pk.columns.iter().all(has) {
                t.primary_key = None;
            }
        }
        if let Some(pk) = t.primary_key.clone() {
            for c in &mut t.columns {
                if pk.columns.contains(&c.name) {
                    c.nullable = false;
                }
            }
        }
        // PostgreSQL drops a UNIQUE that repeats the primary key when it
        // creates a table: a model never has one.
        let pk_cols = t.primary_key.as_ref().map(|p| p.columns.clone());
        t.uniques
            .retain(|u| u.columns.iter().all(has) && Some(&u.columns) != pk_cols.as_ref());
        t.indexes.retain(|ix| {
            ix.elements.iter().all(|e| match &e.key {
                IndexKey::Column(c) => has(c),
                IndexKey::Expression(_) => names.iter().any(|n| index_uses(ix, n)),
            }) && ix.include.iter().all(has)
        });
        t.checks
            .retain(|ck| names.iter().any(|n| check_uses(ck, n)));
        if t.cluster_on
            .as_ref()
            .is_some_and(|c| !clusterable(t).contains(c))
        {
            t.cluster_on = None;
        }
        let types: Vec<(String, SqlType)> = t
            .columns
            .iter()
            .map(|c| (c.name.clone(), c.ty.clone()))
            .collect();
        t.foreign_keys.retain(|fk| {
            let Some((_, _, cols, tys)) = pks
                .iter()
                .find(|(s, n, _, _)| *s == fk.ref_schema && *n == fk.ref_table)
            else {
                return false;
            };
            *cols == fk.ref_columns
                && fk
                    .columns
                    .iter()
                    .zip(tys)
                    .all(|(c, ty)| types.iter().any(|(n, t)| n == c && t == ty))
        });
    }
    s.canonicalize();
}

fn enum_of(t: &SqlType) -> Option<&TypeName> {
    match t.element() {
        SqlType::Named(n) => Some(n),
        _ => None,
    }
}

/// B: A with a few random changes.
fn mutate(g: &mut Gen, a: &Schema) -> Schema {
    let mut s = a.clone();
    let taken: Vec<(String, String)> = a
        .tables
        .iter()
        .map(|t| (t.schema.clone(), t.name.clone()))
        .collect();
    for _ in 0..1 + g.below(4) {
        let kind = g.below(23);
        let nt = s.tables.len();
        let ti = g.below(nt.max(1));
        match kind {
            0 => add_table(g, &mut s, &taken),
            1 if nt > 0 => {
                let t = s.tables.remove(ti);
                let _ = t;
            }
            2 if nt > 0 => {
                // Rename a table (with the hint).
                let schema = s.tables[ti].schema.clone();
                let all = s.clone();
                let free = |n: &str| {
                    all.table(&schema, n).is_some()
                        || taken.iter().any(|(a, b)| *a == schema && b == n)
                };
                let Some(new) = unused(g, TABLE_NAMES, &free) else {
                    continue;
                };
                let old = s.tables[ti].name.clone();
                let t = &mut s.tables[ti];
                if t.renamed_from.is_none() && a.table(&schema, &old).is_some() {
                    t.renamed_from = Some(old.clone());
                }
                t.name = new.to_string();
                for u in &mut s.tables {
                    for fk in &mut u.foreign_keys {
                        if fk.ref_schema == schema && fk.ref_table == old {
                            fk.ref_table = new.to_string();
                        }
                    }
                }
            }
            3 if nt > 0 => {
                // A new column: not under a name the table had in A (the
                // diff would alter that column in place, not append one).
                let t = &s.tables[ti];
                let mut names: Vec<String> = t.columns.iter().map(|c| c.name.clone()).collect();
                if let Some(old) = a.table(&t.schema, t.renamed_from.as_deref().unwrap_or(&t.name))
                {
                    names.extend(old.columns.iter().map(|c| c.name.clone()));
                }
                if let Some(n) = unused(g, COLUMN_NAMES, &|n| names.iter().any(|x| x == n)) {
                    let c = new_column(g, n, &s.enums);
                    s.tables[ti].columns.push(c);
                }
            }
            4 if nt > 0 && s.tables[ti].columns.len() > 1 => {
                let ci = g.below(s.tables[ti].columns.len());
                s.tables[ti].columns.remove(ci);
            }
            5 if nt > 0 => {
                // Rename a column (with the hint).
                let t = &s.tables[ti];
                let names: Vec<String> = t.columns.iter().map(|c| c.name.clone()).collect();
                let old_names: Vec<String> = a
                    .table(&t.schema, t.renamed_from.as_deref().unwrap_or(&t.name))
                    .map(|x| x.columns.iter().map(|c| c.name.clone()).collect())
                    .unwrap_or_default();
                let Some(new) = unused(g, COLUMN_NAMES, &|n| {
                    names.iter().any(|x| x == n) || old_names.iter().any(|x| x == n)
                }) else {
                    continue;
                };
                let ci = g.below(names.len());
                rename_column(&mut s, ti, ci, new, a);
            }
            6 if nt > 0 => {
                // Change a column's type.
                let choices = type_choices(&s.enums);
                let choice = g.pick(&choices);
                let new_ty = choice.ty.clone();
                let default = (!choice.defaults.is_empty() && g.chance(30))
                    .then(|| g.pick(&choice.defaults).clone());
                let t = &mut s.tables[ti];
                let ci = g.below(t.columns.len());
                let name = t.columns[ci].name.clone();
                if t.columns[ci].ty == new_ty {
                    continue;
                }
                t.columns[ci].ty = new_ty;
                t.columns[ci].default = default;
                drop_column_dependents(&mut s, ti, &name);
            }
            7 if nt > 0 => {
                let t = &mut s.tables[ti];
                let ci = g.below(t.columns.len());
                let c = &mut t.columns[ci];
                c.nullable = !c.nullable;
                if c.nullable {
                    c.identity = None;
                    if let Some(pk) = &t.primary_key {
                        if pk.columns.contains(&t.columns[ci].name) {
                            t.primary_key = None;
                        }
                    }
                }
            }
            8 if nt > 0 => {
                let enums = s.enums.clone();
                let t = &mut s.tables[ti];
                let ci = g.below(t.columns.len());
                let choices = type_choices(&enums);
                let c = &mut t.columns[ci];
                if c.identity.is_some() {
                    continue;
                }
                let defaults = choices
                    .iter()
                    .find(|x| x.ty == c.ty)
                    .map(|x| x.defaults.clone())
                    .unwrap_or_default();
                c.default = if c.default.is_some() || defaults.is_empty() {
                    None
                } else {
                    Some(g.pick(&defaults).clone())
                };
            }
            9 if nt > 0 => {
                let t = &mut s.tables[ti];
                if t.indexes.is_empty() || g.chance(50) {
                    add_index(g, t);
                } else {
                    let i = g.below(t.indexes.len());
                    if g.chance(50) {
                        t.indexes.remove(i);
                    } else {
                        // Same name, another definition.
                        let ix = &mut t.indexes[i];
                        ix.predicate = match ix.predicate {
                            Some(_) => None,
                            None => ix.elements.iter().find_map(|e| match &e.key {
                                IndexKey::Column(c) => Some(not_null_pred(c)),
                                IndexKey::Expression(_) => None,
                            }),
                        };
                        ix.unique = !ix.unique
                            && ix.method != IndexMethod::Gin
                            && ix.method != IndexMethod::Hash;
                    }
                }
            }
            10 if nt > 0 => {
                let t = &mut s.tables[ti];
                if t.uniques.is_empty() {
                    let keyable: Vec<String> = t
                        .columns
                        .iter()
                        .filter(|c| btree_ok(&c.ty))
                        .map(|c| c.name.clone())
                        .collect();
                    if !keyable.is_empty() {
                        let c = g.pick(&keyable).clone();
                        t.uniques.push(Unique {
                            comment: Default::default(),
                            deferrable: Default::default(),
                            nulls_not_distinct: Default::default(),
                            name: default_unique_name(&t.name, &[&c]),
                            columns: vec![c],
                            include: Vec::new(),
                            with: Vec::new(),
                        });
                    }
                } else {
                    t.uniques.clear();
                }
            }
            11 if nt > 0 => {
                // Primary key: drop, or add / change to another column set.
                let t = &mut s.tables[ti];
                let keyable: Vec<String> = t
                    .columns
                    .iter()
                    .filter(|c| btree_ok(&c.ty))
                    .map(|c| c.name.clone())
                    .collect();
                if t.primary_key.is_some() && g.chance(50) {
                    t.primary_key = None;
                } else if !keyable.is_empty() {
                    let mut cols = vec![g.pick(&keyable).clone()];
                    if keyable.len() > 1 && g.chance(40) {
                        let other = g.pick(&keyable).clone();
                        if other != cols[0] {
                            cols.push(other);
                        }
                    }
                    let name = t
                        .primary_key
                        .as_ref()
                        .map(|p| p.name.clone())
                        .unwrap_or_else(|| default_pkey_name(&t.name));
                    t.primary_key = Some(PrimaryKey {
                        comment: Default::default(),
                        deferrable: Default::default(),
                        name,
                        columns: cols,
                        include: Vec::new(),
                        with: Vec::new(),
                    });
                }
            }
            12 if nt > 0 => {
                let t = &mut s.tables[ti];
                if !t.foreign_keys.is_empty() && g.chance(50) {
                    let i = g.below(t.foreign_keys.len());
                    if g.chance(50) {
                        t.foreign_keys.remove(i);
                    } else {
                        let fk = &mut t.foreign_keys[i];
                        fk.on_delete = match fk.on_delete {
                            FkAction::Cascade => FkAction::SetNull,
                            _ => FkAction::Cascade,
                        };
                    }
                } else {
                    let t = &s.tables[ti];
                    let avoid: Vec<String> = a
                        .table(&t.schema, t.renamed_from.as_deref().unwrap_or(&t.name))
                        .map(|x| x.columns.iter().map(|c| c.name.clone()).collect())
                        .unwrap_or_default();
                    add_fk(g, &mut s, ti, &avoid);
                }
            }
            13 if nt > 0 => {
                let t = &mut s.tables[ti];
                if t.checks.is_empty() || g.chance(40) {
                    add_check(g, t);
                } else {
                    let i = g.below(t.checks.len());
                    if g.chance(50) {
                        t.checks.remove(i);
                    } else {
                        // Same name, another expression.
                        let ck = &mut t.checks[i];
                        ck.expression = if ck.expression.ends_with(" > 0") {
                            ck.expression.replace(" > 0", " >= 0")
                        } else if ck.expression.ends_with(" >= 0") {
                            ck.expression.replace(" >= 0", " > 0")
                        } else {
                            ck.expression.replace("<> ''::text", "<> 'x'::text")
                        };
                    }
                }
            }
            14 if !s.enums.is_empty() => {
                // Enum labels: add one somewhere, remove one, or swap two.
                let ei = g.below(s.enums.len());
                let e = &mut s.enums[ei];
                match g.below(3) {
                    0 => {
                        let free: Vec<&str> = LABELS
                            .iter()
                            .copied()
                            .filter(|l| !e.labels.iter().any(|x| x == l))
                            .collect();
                        if !free.is_empty() {
                            let l = g.pick(&free).to_string();
                            let at = g.below(e.labels.len() + 1);
                            e.labels.insert(at, l);
                        }
                    }
                    1 if e.labels.len() > 1 => {
                        let i = g.below(e.labels.len());
                        e.labels.remove(i);
                    }
                    _ if e.labels.len() > 1 => {
                        let i = g.below(e.labels.len() - 1);
                        e.labels.swap(i, i + 1);
                    }
                    _ => {}
                }
            }
            15 => add_enum(g, &mut s),
            16 if !s.enums.is_empty() => {
                let ei = g.below(s.enums.len());
                let e = s.enums[ei].clone();
                let used = s.tables.iter().any(|t| {
                    t.columns.iter().any(|c| {
                        enum_of(&c.ty).is_some_and(|n| n.schema == e.schema && n.name == e.name)
                    })
                });
                if !used {
                    s.enums.remove(ei);
                }
            }
            17 if nt > 0 => {
                // Identity / serial.
                let t = &mut s.tables[ti];
                let ci = g.below(t.columns.len());
                let c = &mut t.columns[ci];
                if c.ty.is_integer() {
                    c.identity = *g.pick(&[
                        None,
                        Some(Identity::Always),
                        Some(Identity::ByDefault),
                        Some(Identity::Serial),
                    ]);
                    // An identity's sequence of a name of its own (no
                    // table's name has " ids"), or back to the default.
                    if matches!(c.identity, Some(Identity::Always | Identity::ByDefault)) {
                        let name = g.chance(40).then(|| format!("{} {} ids", t.name, c.name));
                        c.sequence = Some(strata::schema::SequenceOptions {
                            name,
                            ..c.sequence.clone().unwrap_or_default()
                        });
                    }
                }
            }
            18 if nt > 0 => {
                let t = &mut s.tables[ti];
                t.comment = match t.comment {
                    Some(_) => None,
                    None => Some("it's a table".into()),
                };
                let ci = g.below(t.columns.len());
                let c = &mut t.columns[ci];
                c.comment = match c.comment {
                    Some(_) => None,
                    None => Some("a column".into()),
                };
            }
            20 if nt > 0 && !s.tables[ti].indexes.is_empty() => {
                // Same index, new name.
                let name = g.fresh("ix");
                let t = &mut s.tables[ti];
                let i = g.below(t.indexes.len());
                t.indexes[i].name = name;
            }
            21 if nt > 0 && !s.tables[ti].checks.is_empty() => {
                // Same check, new name.
                let name = g.fresh("ck");
                let t = &mut s.tables[ti];
                let i = g.below(t.checks.len());
                t.checks[i].name = name;
            }
            19 if !s.enums.is_empty() => {
                let ei = g.below(s.enums.len());
                let e = &mut s.enums[ei];
                e.comment = match e.comment {
                    Some(_) => None,
                    None => Some("an enum".into()),
                };
            }
            // CLUSTER ON one of the table's indexes or keys, or none.
            22 if nt > 0 => {
                let t = &mut s.tables[ti];
                let names = clusterable(t);
                let i = g.below(names.len() + 1);
                t.cluster_on = names.get(i).cloned();
            }
            _ => {}
        }
    }
    fixup(&mut s);
    s
}

/// The indexes `CLUSTER ON` takes: btree (or GiST) and not partial, a
/// key's too.
fn clusterable(t: &Table) -> Vec<String> {
    t.primary_key
        .iter()
        .map(|k| k.name.clone())
        .chain(t.uniques.iter().map(|u| u.name.clone()))
        .chain(
            t.indexes
                .iter()
                .filter(|ix| {
                    matches!(ix.method, IndexMethod::Btree | IndexMethod::Gist)
                        && ix.predicate.is_none()
                })
                .map(|ix| ix.name.clone()),
        )
        .collect()
}

/// Removes what uses column `name` of table `ti` (its type changed).
fn drop_column_dependents(s: &mut Schema, ti: usize, name: &str) {
    let t = &mut s.tables[ti];
    let (schema, table) = (t.schema.clone(), t.name.clone());
    let mut pk_gone = false;
    if t.primary_key
        .as_ref()
        .is_some_and(|p| p.columns.iter().any(|c| c == name))
    {
        t.primary_key = None;
        pk_gone = true;
    }
    t.uniques.retain(|u| !u.columns.iter().any(|c| c == name));
    t.indexes.retain(|ix| !index_uses(ix, name));
    t.checks.retain(|ck| !check_uses(ck, name));
    t.foreign_keys
        .retain(|fk| !fk.columns.iter().any(|c| c == name));
    t.columns
        .iter_mut()
        .filter(|c| c.name == name)
        .for_each(|c| {
            if !c.ty.is_integer() {
                c.identity = None;
            }
        });
    if pk_gone {
        for u in &mut s.tables {
            u.foreign_keys
                .retain(|fk| !(fk.ref_schema == schema && fk.ref_table == table));
        }
    }
}

/// Renames column `ci` of table `ti` to `new` everywhere it is named.
fn rename_column(s: &mut Schema, ti: usize, ci: usize, new: &str, a: &Schema) {
    let t = &mut s.tables[ti];
    let old = t.columns[ci].name.clone();
    let (schema, table) = (t.schema.clone(), t.name.clone());
    let in_a = a
        .table(&schema, t.renamed_from.as_deref().unwrap_or(&t.name))
        .and_then(|x| x.column(&old))
        .is_some();
    let c = &mut t.columns[ci];
    if c.renamed_from.is_none() && in_a {
        c.renamed_from = Some(old.clone());
    }
    if c.renamed_from.as_deref() == Some(new) {
        c.renamed_from = None;
    }
    c.name = new.to_string();
    let rn = |x: &mut String| {
        if *x == old {
            *x = new.to_string();
        }
    };
    if let Some(pk) = &mut t.primary_key {
        pk.columns.iter_mut().for_each(rn);
    }
    for u in &mut t.uniques {
        u.columns.iter_mut().for_each(rn);
    }
    for ix in &mut t.indexes {
        rename_in_index(ix, &old, new);
    }
    for ck in &mut t.checks {
        let prefix = format!("{} ", Ident(&old));
        if let Some(rest) = ck.expression.strip_prefix(&prefix) {
            ck.expression = format!("{} {rest}", Ident(new));
        }
    }
    for fk in &mut t.foreign_keys {
        fk.columns.iter_mut().for_each(rn);
    }
    for u in &mut s.tables {
        for fk in &mut u.foreign_keys {
            if fk.ref_schema == schema && fk.ref_table == table {
                fk.ref_columns.iter_mut().for_each(rn);
            }
        }
    }
}

fn strip_hints(s: &Schema) -> Schema {
    let mut s = s.clone();
    for t in &mut s.tables {
        t.renamed_from = None;
        for c in &mut t.columns {
            c.renamed_from = None;
        }
    }
    s
}

fn introspect_opts() -> IntrospectOptions {
    IntrospectOptions::schemas(SCHEMAS.iter().copied())
}

async fn reset(client: &Client) -> Result<(), String> {
    let names: Vec<String> = SCHEMAS.iter().map(|s| Ident(s).to_string()).collect();
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {} CASCADE; CREATE SCHEMA public;\n\
             DROP FOREIGN DATA WRAPPER IF EXISTS prop_fdw CASCADE;\n\
             DO $$ DECLARE p text; BEGIN\n\
               FOR p IN SELECT pubname FROM pg_catalog.pg_publication LOOP\n\
                 EXECUTE pg_catalog.format('DROP PUBLICATION %I', p);\n\
               END LOOP;\n\
             END $$;\n{}",
            names.join(", "),
            strata::schema::DROP_SUBSCRIPTIONS_SQL
        ))
        .await
        .map_err(|e| format!("reset: {}", crate::diff_golden::db_error(&e)))
}

async fn read(client: &Client, what: &str) -> Result<Schema, String> {
    introspect(client, &introspect_opts())
        .await
        .map_err(|e| format!("introspecting {what}: {e}"))
}

fn describe(s: &Schema) -> String {
    strata_model::ddl::create::to_script(&strata_model::ddl::create::schema_ddl(
        s,
        &DdlOptions::plain(),
    ))
}

/// Creates `s` from its DDL and checks that it reads back as itself.
async fn create_and_check(client: &Client, s: &Schema) -> Result<Schema, String> {
    reset(client).await?;
    apply_schema(client, s, &DdlOptions::plain())
        .await
        .map_err(|e| format!("creating the schema: {e}\n{}", describe(s)))?;
    let read_back = read(client, "the created schema").await?;
    if read_back != *s && std::env::var_os("DUMP_PROPS").is_some() {
        let _ = std::fs::write("/tmp/prop_expected.json", s.to_json());
        let _ = std::fs::write("/tmp/prop_actual.json", read_back.to_json());
    }
    if read_back != *s {
        return Err(format!(
            "the schema does not read back as itself:\n{}\n--- DDL ---\n{}",
            crate::diff_golden::first_difference(s, &read_back),
            describe(s)
        ));
    }
    let p = plan(&read_back, s, &PlanOptions::default());
    if !p.is_empty() {
        return Err(format!("false positives:\n{}", p.summary().join("\n")));
    }
    Ok(read_back)
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

/// The seed of the cases: fixed by default, `PROPTEST_SEED=<n>` for another
/// fixed one, `PROPTEST_SEED=random` for fresh randomness (printed on
/// failure by proptest's minimal input).
fn seed() -> Option<u64> {
    match std::env::var("PROPTEST_SEED") {
        Ok(v) if v == "random" => None,
        Ok(v) => Some(v.parse().unwrap_or(0x5742_A7A0)),
        Err(_) => Some(0x5742_A7A0),
    }
}

fn entropy() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(any::<u32>(), 0..300)
}

/// Runs `check` for each case on one database.
fn property(
    name: &str,
    check: impl Fn(
        &Client,
        Vec<u32>,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + '_>>,
) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let db = rt.block_on(TestDb::new()).expect("test database");
    let client = rt.block_on(connect_fast(&db)).expect("connect");
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = match seed() {
        Some(seed) => {
            let mut bytes = [0u8; 32];
            bytes[..8].copy_from_slice(&seed.to_le_bytes());
            TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &bytes))
        }
        None => TestRunner::new(config),
    };
    let result = runner.run(&entropy(), |data| {
        rt.block_on(check(&client, data))
            .map_err(TestCaseError::fail)
    });
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
}

#[test]
fn random_schemas_round_trip() {
    property("random_schemas_round_trip", |client, data| {
        Box::pin(async move {
            let s = gen_schema(&mut Gen::new(data));
            create_and_check(client, &s).await.map(|_| ())
        })
    });
}

#[test]
fn random_changes_up_and_down() {
    property("random_changes_up_and_down", |client, data| {
        Box::pin(async move {
            let mut g = Gen::new(data);
            let a = gen_schema(&mut g);
            let b = mutate(&mut g, &a);
            let current = create_and_check(client, &a).await?;
            let opts = PlanOptions {
                allow_drops: !g.chance(25),
                concurrently: g.chance(30),
                online: g.chance(25),
            };
            let p = plan(&current, &b, &opts);
            let context = || {
                format!(
                    "--- A ---\n{}\n--- B ---\n{}\n--- up ---\n{}\n--- down ---\n{}",
                    describe(&a),
                    b.to_json(),
                    schema_diff::render::render_up(&p),
                    schema_diff::render::render_down(&p)
                )
            };
            apply_plan(client, &p, true)
                .await
                .map_err(|e| format!("{e}\n{}", context()))?;
            let after_up = read(client, "after up").await?;
            let want = strip_hints(&b);
            if !p.withheld.is_empty() {
                // Withheld drops: the rest ran, exactly the withheld ops
                // are left.
                let rest = plan(&after_up, &b, &opts);
                let before: Vec<&String> = p.withheld.iter().map(|w| &w.summary).collect();
                let after: Vec<&String> = rest.withheld.iter().map(|w| &w.summary).collect();
                if !rest.steps.is_empty() || before != after {
                    return Err(format!(
                        "after up with withheld drops, the plan is not just them:\n{}\n{}",
                        rest.summary().join("\n"),
                        context()
                    ));
                }
            } else if after_up != want {
                return Err(format!(
                    "up does not give B:\n{}\n{}",
                    crate::diff_golden::first_difference(&want, &after_up),
                    context()
                ));
            }
            let rest = plan(&after_up, &b, &opts);
            if p.withheld.is_empty() && !rest.is_empty() {
                return Err(format!(
                    "after up, still to do:\n{}\n{}",
                    rest.summary().join("\n"),
                    context()
                ));
            }
            down_gives_back(client, &p, &current, &context).await
        })
    });
}

/// Runs `p`'s down on the database holding its result and checks that it
/// gives `current` back (column order aside when the plan dropped columns:
/// `ADD COLUMN` appends).
async fn down_gives_back(
    client: &Client,
    p: &schema_diff::plan::Plan,
    current: &Schema,
    context: &dyn Fn() -> String,
) -> Result<(), String> {
    apply_plan(client, p, false)
        .await
        .map_err(|e| format!("{e}\n{}", context()))?;
    let after_down = read(client, "after down").await?;
    let column_drops = p
        .steps
        .iter()
        .any(|s| matches!(s.op, Op::DropColumn { .. }));
    let same = after_down == *current
        || (column_drops && without_column_order(&after_down) == without_column_order(current));
    if !same {
        return Err(format!(
            "down does not give A back:\n{}\n{}",
            crate::diff_golden::first_difference(current, &after_down),
            context()
        ));
    }
    Ok(())
}

/// What a model leaves implied or writes loosely, PostgreSQL fills in:
/// NOT NULL on key and identity columns, no comment for an empty one.
fn loosen(g: &mut Gen, s: &Schema) -> Schema {
    let mut out = s.clone();
    for t in &mut out.tables {
        for c in &mut t.columns {
            if !c.nullable && c.identity.is_some() && g.chance(50) {
                c.nullable = true;
            }
            if c.comment.is_none() && g.chance(10) {
                c.comment = Some(String::new());
            }
        }
        if let Some(pk) = &t.primary_key {
            for name in pk.columns.clone() {
                if g.chance(50) {
                    if let Some(c) = t.columns.iter_mut().find(|c| c.name == name) {
                        c.nullable = true;
                    }
                }
            }
        }
    }
    out
}

#[test]
fn fast_normalization_equals_the_reference() {
    property("fast_normalization_equals_the_reference", |client, data| {
        Box::pin(async move {
            let mut g = Gen::new(data);
            let s = gen_schema(&mut g);
            let models = loosen(&mut g, &s);
            reset(client).await?;
            let on_empty = normalize_on(client, &models, &mut Cache::disabled())
                .await
                .map_err(|e| format!("fast path on an empty database: {e}\n{}", describe(&s)))?
                .0;
            let reference = create_and_check(client, &s).await?;
            let on_full = normalize_on(client, &models, &mut Cache::disabled())
                .await
                .map_err(|e| format!("fast path on the database: {e}\n{}", describe(&s)))?
                .0;
            for (what, got) in [("an empty database", &on_empty), ("the database", &on_full)] {
                if strip_hints(got) != reference {
                    return Err(format!(
                        "the fast path on {what} differs from the reference:\n{}\n--- DDL ---\n{}",
                        crate::diff_golden::first_difference(&reference, &strip_hints(got)),
                        describe(&s)
                    ));
                }
            }
            Ok(())
        })
    });
}

/// Every supported type, default, constraint and index kind, in one schema:
/// created from its DDL, it reads back as the models normalized through a
/// scratch database, with an empty plan between them.
#[test]
fn no_false_positives_for_every_supported_kind() {
    let models =
        Schema::from_json(include_str!("../cases/diff/every_kind.json")).expect("every_kind.json");
    run(async move {
        let db = TestDb::new().await.unwrap();
        let client = connect_fast(&db).await.unwrap();
        apply_schema(&client, &models, &DdlOptions::plain())
            .await
            .unwrap_or_else(|e| panic!("creating every_kind.json: {e}"));
        let opts = IntrospectOptions::schemas(models.schemas.clone());
        let current = introspect(&client, &opts).await.unwrap();
        let scratch = ScratchDb::create(&admin()).await.unwrap();
        let desired = normalize(&models, &scratch).await.unwrap();
        scratch.drop_db().await.unwrap();
        let p = plan(&current, &desired, &PlanOptions::default());
        assert!(p.is_empty(), "false positives:\n{}", p.summary().join("\n"));
        assert!(schema_diff::diff::diff(&current, &desired).is_empty());
        // The models are written in the form PostgreSQL prints: the catalog
        // reads back as exactly them.
        if std::env::var_os("DUMP_EVERY_KIND").is_some() {
            std::fs::write("/tmp/every_kind_read.json", current.to_json()).unwrap();
            std::fs::write("/tmp/every_kind_model.json", models.to_json()).unwrap();
        }
        strata_tests::assert_schemas_eq(&models, &current, "every_kind.json vs the catalog");
    });
}

/// Runs `p` (up or down) and reads the database back.
async fn apply_and_read(
    client: &Client,
    p: &schema_diff::plan::Plan,
    up: bool,
    opts: &IntrospectOptions,
) -> Schema {
    let text = || {
        if up {
            schema_diff::render::render_up(p)
        } else {
            schema_diff::render::render_down(p)
        }
    };
    apply_plan(client, p, up)
        .await
        .unwrap_or_else(|e| panic!("{e}\n{}", text()));
    introspect(client, opts).await.unwrap()
}

/// Every definition object kind and the within-table details, from SQL:
/// read back, through JSON, created from nothing by a plan and removed by
/// the plan back, with nothing left to do either way.
#[test]
fn every_object_kind_round_trips() {
    use strata::schema::ObjectKind;
    let sql = include_str!("../cases/diff/every_object.sql");
    run(async move {
        let source = TestDb::new().await.unwrap();
        let a = connect_fast(&source).await.unwrap();
        a.batch_execute(sql)
            .await
            .unwrap_or_else(|e| panic!("every_object.sql: {}", crate::diff_golden::db_error(&e)));
        let schemas = crate::diff_golden::user_schemas(&a).await.unwrap();
        let opts = IntrospectOptions::schemas(schemas.clone());
        let want = introspect(&a, &opts).await.unwrap();

        // Every kind is read (a kind read as absent would make the rest
        // of this test pass vacuously).
        let kinds: std::collections::BTreeSet<ObjectKind> =
            want.objects.iter().map(|o| o.kind).collect();
        for kind in [
            ObjectKind::Extension,
            ObjectKind::Sequence,
            ObjectKind::Domain,
            ObjectKind::CompositeType,
            ObjectKind::Function,
            ObjectKind::Procedure,
            ObjectKind::View,
            ObjectKind::MaterializedView,
            ObjectKind::Trigger,
            ObjectKind::RowSecurity,
            ObjectKind::Policy,
            ObjectKind::Exclusion,
            ObjectKind::Grant,
            ObjectKind::Aggregate,
            ObjectKind::RangeType,
            ObjectKind::Collation,
            ObjectKind::Statistics,
            ObjectKind::SequenceOwnership,
            ObjectKind::Rule,
            ObjectKind::Operator,
            ObjectKind::Cast,
            ObjectKind::EventTrigger,
            ObjectKind::TextSearchDictionary,
            ObjectKind::TextSearchConfiguration,
            ObjectKind::TextSearchTemplate,
            ObjectKind::TextSearchParser,
            ObjectKind::ForeignDataWrapper,
            ObjectKind::ForeignServer,
            ObjectKind::UserMapping,
            ObjectKind::ForeignTable,
            ObjectKind::Publication,
            ObjectKind::Subscription,
        ] {
            assert!(kinds.contains(&kind), "no {} read", kind.as_str());
        }
        // A subscription's password is never read.
        assert!(
            !want.to_json().contains("never-read"),
            "a subscription's password was read"
        );
        let table = |name: &str| want.tables.iter().find(|t| t.name == name).unwrap();
        assert!(table("events_2026_click").partition_of.is_some());
        assert_eq!(
            table("events_2026_click")
                .attached_indexes
                .get("events_2026_kind_idx"),
            Some(&"Clicks by kind".to_string())
        );
        assert!(table("events_2026").partition_by.is_some());
        assert!(!table("dogs").inherits.is_empty());
        assert_eq!(
            table("dogs").local_defaults.get("name"),
            Some(&Some("'Rex'::text".to_string()))
        );
        assert!(table("accounts")
            .columns
            .iter()
            .any(|c| c.generated.is_some()));
        assert!(table("accounts")
            .columns
            .iter()
            .any(|c| c.collation.is_some()));
        assert_eq!(
            table("accounts").cluster_on.as_deref(),
            Some("accounts by name")
        );

        // The JSON form holds all of it, and every object passes the
        // checks a JSON schema's objects get.
        let through_json = Schema::from_json(&want.to_json()).expect("the JSON form reads back");
        for o in &through_json.objects {
            if let Err(e) = schema_diff::plan::validate_object(o) {
                panic!("{} {}.{}: {e}", o.kind.as_str(), o.schema, o.name);
            }
        }
        strata_tests::assert_schemas_eq(&want, &through_json, "every_object through JSON");

        // From nothing to all of it, and back.
        let target = TestDb::new().await.unwrap();
        let b = connect_fast(&target).await.unwrap();
        let empty = introspect(&b, &opts).await.unwrap();
        let p = plan(
            &empty,
            &want,
            &PlanOptions {
                allow_drops: true,
                ..PlanOptions::default()
            },
        );
        let built = apply_and_read(&b, &p, true, &opts).await;
        strata_tests::assert_schemas_eq(&want, &built, "every_object created by the plan");
        let rest = plan(&built, &want, &PlanOptions::default());
        assert!(
            rest.is_empty(),
            "false positives:\n{}",
            rest.summary().join("\n")
        );
        let back = apply_and_read(&b, &p, false, &opts).await;
        strata_tests::assert_schemas_eq(&empty, &back, "every_object removed by the plan back");

        // Removing all of it as a plan of its own (drops in the order the
        // dependencies need, not the reverse of a creation).
        let p = plan(
            &want,
            &empty,
            &PlanOptions {
                allow_drops: true,
                ..PlanOptions::default()
            },
        );
        let gone = apply_and_read(&a, &p, true, &opts).await;
        strata_tests::assert_schemas_eq(&empty, &gone, "every_object dropped by a plan");
    });
}

// ---------------------------------------------------------------------------
// Definition objects in random schemas.

/// The role the generated grants and policies name (cluster-wide: created
/// unless it exists).
const PROP_ROLE: &str = "strata_prop_reader";

/// A definition object over a random schema: rendered against a schema, it
/// is `None` when what it names is not there (so a B derived from A keeps
/// only the objects still valid on B's tables).
#[derive(Clone, Debug)]
enum ObjSpec {
    /// A view of some columns of a table, maybe filtered, maybe a security
    /// barrier.
    View {
        name: String,
        table: (String, String),
        columns: Vec<String>,
        filter: Option<String>,
        barrier: bool,
        comment: Option<String>,
    },
    /// A view on another view of this list (all its columns).
    ViewOnView {
        name: String,
        base: String,
        limit: u32,
    },
    /// A materialized view, maybe with an index on its first column.
    MatView {
        name: String,
        table: (String, String),
        columns: Vec<String>,
        index: bool,
    },
    /// A SQL function with a constant in its body.
    Function {
        name: String,
        k: u32,
        volatile: bool,
    },
    /// A trigger function and a row trigger on a table.
    Trigger {
        name: String,
        table: (String, String),
        before: bool,
        update_of: Option<String>,
    },
    /// Row-level security on a table and a policy.
    Policy {
        name: String,
        table: (String, String),
        column: String,
        restrictive: bool,
    },
    /// A grant on a table (or on one column).
    Grant {
        table: (String, String),
        privileges: &'static str,
        column: Option<String>,
        /// `WITH GRANT OPTION`.
        with_option: bool,
    },
    /// A standalone sequence.
    Sequence {
        name: String,
        increment: u32,
        cycle: bool,
    },
    /// A domain over integer with a check.
    Domain { name: String, min: u32 },
    /// An aggregate over integer (and a view using it, when `view`).
    Aggregate {
        name: String,
        init: u32,
        parallel: bool,
        view: bool,
    },
    /// A range type over double precision.
    Range { name: String, diff: bool },
    /// An ICU collation.
    Collation { name: String, deterministic: bool },
    /// A rule on a table: `DO INSTEAD NOTHING` on UPDATE or DELETE when a
    /// column is NULL.
    Rule {
        name: String,
        table: (String, String),
        column: String,
        on_delete: bool,
    },
    /// An operator on text of its own function, with or without a
    /// restriction estimator (changed in place) and HASHES.
    Operator {
        k: u32,
        restrict: bool,
        hashes: bool,
    },
    /// A composite type with a cast to text (assignment or explicit).
    Cast { name: String, assignment: bool },
    /// A text search configuration copied from english, asciiword mapped
    /// to simple or english_stem (altered in place).
    TextSearch { name: String, stem: bool },
    /// A publication of a table (all its columns, or one), publishing
    /// inserts only or everything.
    Publication {
        name: String,
        table: (String, String),
        column: Option<String>,
        inserts_only: bool,
    },
    /// A subscription (made without connecting) to a publication,
    /// binary or not.
    Subscription {
        name: String,
        publication: String,
        binary: bool,
    },
    /// A foreign table (on a wrapper and server of the generator's own)
    /// with the columns of a table, one with an option.
    ForeignTable {
        name: String,
        table: (String, String),
        option: bool,
    },
    /// Extended statistics on two or more columns of a table.
    Statistics {
        name: String,
        table: (String, String),
        columns: Vec<String>,
        all_kinds: bool,
        target: Option<u32>,
    },
}

fn q(schema: &str, name: &str) -> String {
    format!("{}.{}", Ident(schema), Ident(name))
}

impl ObjSpec {
    /// The view's name when it is a view another view may build on.
    fn view_name(&self) -> Option<&str> {
        match self {
            ObjSpec::View { name, .. } | ObjSpec::ViewOnView { name, .. } => Some(name),
            _ => None,
        }
    }

    /// The SQL creating it on tables `s` (views named in `views` exist), or
    /// `None` when something it names is missing.
    fn sql(&self, s: &Schema, views: &[&str]) -> Option<String> {
        let table = |(schema, name): &(String, String)| {
            s.tables
                .iter()
                .find(|t| &t.schema == schema && &t.name == name && t.partition_of.is_none())
        };
        let has = |t: &Table, c: &str| t.columns.iter().any(|x| x.name == c);
        Some(match self {
            ObjSpec::View {
                name,
                table: tk,
                columns,
                filter,
                barrier,
                comment,
            } => {
                let t = table(tk)?;
                if !columns.iter().all(|c| has(t, c)) || !filter.iter().all(|c| has(t, c)) {
                    return None;
                }
                let cols: Vec<String> = columns.iter().map(|c| Ident(c).to_string()).collect();
                let mut sql = format!(
                    "CREATE VIEW {}{} AS SELECT {} FROM {}",
                    q("public", name),
                    if *barrier { " WITH (security_barrier)" } else { "" },
                    cols.join(", "),
                    q(&t.schema, &t.name)
                );
                if let Some(f) = filter {
                    sql.push_str(&format!(" WHERE {} IS NOT NULL", Ident(f)));
                }
                sql.push(';');
                if let Some(c) = comment {
                    sql.push_str(&format!(
                        "\nCOMMENT ON VIEW {} IS {};",
                        q("public", name),
                        quote_literal(c)
                    ));
                }
                sql
            }
            ObjSpec::ViewOnView { name, base, limit } => {
                if !views.contains(&base.as_str()) {
                    return None;
                }
                format!(
                    "CREATE VIEW {} AS SELECT * FROM {} LIMIT {limit};",
                    q("public", name),
                    q("public", base)
                )
            }
            ObjSpec::MatView {
                name,
                table: tk,
                columns,
                index,
            } => {
                let t = table(tk)?;
                if !columns.iter().all(|c| has(t, c)) {
                    return None;
                }
                let cols: Vec<String> = columns.iter().map(|c| Ident(c).to_string()).collect();
                let mut sql = format!(
                    "CREATE MATERIALIZED VIEW {} AS SELECT {} FROM {} WITH NO DATA;",
                    q("public", name),
                    cols.join(", "),
                    q(&t.schema, &t.name)
                );
                let first = t.columns.iter().find(|c| c.name == columns[0])?;
                if *index && btree_ok(&first.ty) {
                    sql.push_str(&format!(
                        "\nCREATE INDEX {} ON {} ({});",
                        Ident(&format!("{name}_idx")),
                        q("public", name),
                        Ident(&columns[0])
                    ));
                }
                sql
            }
            ObjSpec::Function { name, k, volatile } => format!(
                "CREATE FUNCTION {}(x integer) RETURNS integer LANGUAGE sql {} AS $$ SELECT x + {k} $$;",
                q("public", name),
                if *volatile { "VOLATILE" } else { "IMMUTABLE" }
            ),
            ObjSpec::Trigger {
                name,
                table: tk,
                before,
                update_of,
            } => {
                let t = table(tk)?;
                if !update_of.iter().all(|c| has(t, c)) {
                    return None;
                }
                let f = q("public", &format!("{name}_fn"));
                let events = match update_of {
                    Some(c) => format!("INSERT OR UPDATE OF {}", Ident(c)),
                    None => "INSERT OR UPDATE".into(),
                };
                format!(
                    "CREATE FUNCTION {f}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n\
                     CREATE TRIGGER {} {} {events} ON {} FOR EACH ROW EXECUTE FUNCTION {f}();",
                    Ident(name),
                    if *before { "BEFORE" } else { "AFTER" },
                    q(&t.schema, &t.name)
                )
            }
            ObjSpec::Policy {
                name,
                table: tk,
                column,
                restrictive,
            } => {
                let t = table(tk)?;
                if !has(t, column) {
                    return None;
                }
                let tq = q(&t.schema, &t.name);
                format!(
                    "ALTER TABLE {tq} ENABLE ROW LEVEL SECURITY;\n\
                     CREATE POLICY {} ON {tq}{} TO {PROP_ROLE} USING ({} IS NOT NULL);",
                    Ident(name),
                    if *restrictive { " AS RESTRICTIVE" } else { "" },
                    Ident(column)
                )
            }
            ObjSpec::Grant {
                table: tk,
                privileges,
                column,
                with_option,
            } => {
                let t = table(tk)?;
                let option = if *with_option {
                    " WITH GRANT OPTION"
                } else {
                    ""
                };
                match column {
                    Some(c) if has(t, c) => format!(
                        "GRANT {privileges} ({}) ON {} TO {PROP_ROLE}{option};",
                        Ident(c),
                        q(&t.schema, &t.name)
                    ),
                    Some(_) => return None,
                    None => format!(
                        "GRANT {privileges} ON {} TO {PROP_ROLE}{option};",
                        q(&t.schema, &t.name)
                    ),
                }
            }
            ObjSpec::Sequence {
                name,
                increment,
                cycle,
            } => format!(
                "CREATE SEQUENCE {} INCREMENT BY {increment}{};",
                q("public", name),
                if *cycle { " CYCLE" } else { "" }
            ),
            ObjSpec::Domain { name, min } => format!(
                "CREATE DOMAIN {} AS integer CHECK (VALUE >= {min});",
                q("public", name)
            ),
            ObjSpec::Aggregate {
                name,
                init,
                parallel,
                view,
            } => {
                let mut sql = format!(
                    "CREATE AGGREGATE {}(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '{init}'{});",
                    q("public", name),
                    if *parallel { ", PARALLEL = SAFE" } else { "" }
                );
                if *view {
                    sql.push_str(&format!(
                        "\nCREATE VIEW {} AS SELECT {}(x) AS total FROM generate_series(1, 3) AS x;",
                        q("public", &format!("{name} view")),
                        q("public", name)
                    ));
                }
                sql
            }
            ObjSpec::Range { name, diff } => format!(
                "CREATE TYPE {} AS RANGE (SUBTYPE = double precision{});",
                q("public", name),
                if *diff { ", SUBTYPE_DIFF = float8mi" } else { "" }
            ),
            ObjSpec::Collation {
                name,
                deterministic,
            } => format!(
                "CREATE COLLATION {} (provider = icu, locale = 'und-u-ks-level2', deterministic = {deterministic});",
                q("public", name)
            ),
            ObjSpec::Rule {
                name,
                table: tk,
                column,
                on_delete,
            } => {
                let t = table(tk)?;
                if !has(t, column) {
                    return None;
                }
                format!(
                    "CREATE RULE {} AS ON {} TO {} WHERE OLD.{} IS NULL DO INSTEAD NOTHING;",
                    Ident(name),
                    if *on_delete { "DELETE" } else { "UPDATE" },
                    q(&t.schema, &t.name),
                    Ident(column)
                )
            }
            ObjSpec::Operator {
                k,
                restrict,
                hashes,
            } => {
                // Operator names are made of operator characters: one per
                // k, from a fixed alphabet (no `-`: `--` starts a comment).
                let name: String = format!("{k:o}")
                    .chars()
                    .map(|c| ['+', '%', '*', '<', '>', '=', '~', '!'][c as usize - '0' as usize])
                    .collect();
                let name = format!("@{name}#");
                let f = q("public", &format!("op fn {k}"));
                format!(
                    "CREATE FUNCTION {f}(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 = $2';\n\
                     CREATE OPERATOR public.{name} (FUNCTION = {f}, LEFTARG = text, RIGHTARG = text{}{});",
                    if *restrict { ", RESTRICT = eqsel" } else { "" },
                    if *hashes { ", HASHES" } else { "" }
                )
            }
            ObjSpec::Cast { name, assignment } => format!(
                "CREATE TYPE {} AS (x integer);\nCREATE CAST ({} AS text) WITH INOUT{};",
                q("public", name),
                q("public", name),
                if *assignment { " AS ASSIGNMENT" } else { "" }
            ),
            ObjSpec::Publication {
                name,
                table: tk,
                column,
                inserts_only,
            } => {
                let t = table(tk)?;
                let cols = match column {
                    Some(c) if has(t, c) => format!(" ({})", Ident(c)),
                    Some(_) => return None,
                    None => String::new(),
                };
                format!(
                    "CREATE PUBLICATION {} FOR TABLE {}{cols}{};",
                    Ident(name),
                    q(&t.schema, &t.name),
                    if *inserts_only {
                        " WITH (publish = 'insert')"
                    } else {
                        ""
                    }
                )
            }
            ObjSpec::Subscription {
                name,
                publication,
                binary,
            } => format!(
                "CREATE SUBSCRIPTION {} CONNECTION 'dbname=strata_nowhere' PUBLICATION {} \
                 WITH (connect = false, slot_name = NONE, binary = {binary});",
                Ident(name),
                Ident(publication)
            ),
            ObjSpec::ForeignTable {
                name,
                table: tk,
                option,
            } => {
                let t = table(tk)?;
                let cols: Vec<String> = t
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        format!(
                            "{} {}{}",
                            Ident(&c.name),
                            c.ty,
                            if *option && i == 0 {
                                " OPTIONS (column_name 'remote')"
                            } else {
                                ""
                            }
                        )
                    })
                    .collect();
                format!(
                    "DO $$ BEGIN CREATE FOREIGN DATA WRAPPER prop_fdw; CREATE SERVER prop_server FOREIGN DATA WRAPPER prop_fdw;\n\
                     EXCEPTION WHEN duplicate_object THEN NULL; END $$;\n\
                     CREATE FOREIGN TABLE {} ({}) SERVER prop_server;",
                    q(&t.schema, name),
                    cols.join(", ")
                )
            }
            ObjSpec::TextSearch { name, stem } => format!(
                "CREATE TEXT SEARCH CONFIGURATION {} (COPY = pg_catalog.english);\n\
                 ALTER TEXT SEARCH CONFIGURATION {} ALTER MAPPING FOR asciiword WITH {};",
                q("public", name),
                q("public", name),
                if *stem { "english_stem" } else { "simple" }
            ),
            ObjSpec::Statistics {
                name,
                table: tk,
                columns,
                all_kinds,
                target,
            } => {
                let t = table(tk)?;
                let usable = |c: &String| {
                    t.columns
                        .iter()
                        .any(|x| &x.name == c && btree_ok(&x.ty) && !matches!(x.ty, SqlType::Array(_)))
                };
                if columns.len() < 2 || !columns.iter().all(usable) {
                    return None;
                }
                let cols: Vec<String> = columns.iter().map(|c| Ident(c).to_string()).collect();
                let mut sql = format!(
                    "CREATE STATISTICS {}{} ON {} FROM {};",
                    q("public", name),
                    if *all_kinds { "" } else { " (ndistinct)" },
                    cols.join(", "),
                    q(&t.schema, &t.name)
                );
                if let Some(n) = target {
                    sql.push_str(&format!(
                        "\nALTER STATISTICS {} SET STATISTICS {n};",
                        q("public", name)
                    ));
                }
                sql
            }
        })
    }
}

/// Names of generated objects: never a table's (the generator's table names
/// have no `v_`, `mv`, ... prefix), some needing quotes.
const OBJ_NAMES: &[&str] = &["a", "B b", "c\"q", "d"];

fn pick_table(g: &mut Gen, s: &Schema) -> Option<(String, String)> {
    let plain: Vec<&Table> = s
        .tables
        .iter()
        .filter(|t| t.partition_of.is_none())
        .collect();
    if plain.is_empty() {
        return None;
    }
    let t = plain[g.below(plain.len())];
    Some((t.schema.clone(), t.name.clone()))
}

fn pick_columns(g: &mut Gen, s: &Schema, tk: &(String, String), n: usize) -> Vec<String> {
    let Some(t) = s
        .tables
        .iter()
        .find(|t| (&t.schema, &t.name) == (&tk.0, &tk.1))
    else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for _ in 0..n {
        let c = &t.columns[g.below(t.columns.len())].name;
        if !out.contains(c) {
            out.push(c.clone());
        }
    }
    out
}

/// One random object over `s`, named uniquely by `g.fresh`.
fn gen_object(g: &mut Gen, s: &Schema, views: &[String]) -> Option<ObjSpec> {
    let suffix = g.pick(OBJ_NAMES).to_string();
    let kind = g.below(21);
    let tk = pick_table(g, s)?;
    if s.tables
        .iter()
        .any(|t| (&t.schema, &t.name) == (&tk.0, &tk.1) && t.columns.is_empty())
    {
        return None;
    }
    Some(match kind {
        0 | 1 => ObjSpec::View {
            name: g.fresh(&format!("v {suffix} ")),
            columns: {
                let n = 1 + g.below(3);
                pick_columns(g, s, &tk, n)
            },
            filter: if g.chance(50) {
                pick_columns(g, s, &tk, 1).pop()
            } else {
                None
            },
            table: tk,
            barrier: g.chance(30),
            comment: g.chance(30).then(|| "it's a view".to_string()),
        },
        2 if !views.is_empty() => ObjSpec::ViewOnView {
            name: g.fresh(&format!("vv {suffix} ")),
            base: g.pick(views).clone(),
            limit: 1 + g.below(100) as u32,
        },
        2 | 3 => ObjSpec::MatView {
            name: g.fresh(&format!("mv {suffix} ")),
            columns: {
                let n = 1 + g.below(2);
                pick_columns(g, s, &tk, n)
            },
            table: tk,
            index: g.chance(60),
        },
        4 => ObjSpec::Function {
            name: g.fresh(&format!("f {suffix} ")),
            k: g.below(1000) as u32,
            volatile: g.chance(50),
        },
        5 => ObjSpec::Trigger {
            name: g.fresh(&format!("tr {suffix} ")),
            update_of: if g.chance(40) {
                pick_columns(g, s, &tk, 1).pop()
            } else {
                None
            },
            table: tk,
            before: g.chance(50),
        },
        6 => ObjSpec::Policy {
            name: g.fresh(&format!("p {suffix} ")),
            column: pick_columns(g, s, &tk, 1).pop()?,
            table: tk,
            restrictive: g.chance(50),
        },
        7 => ObjSpec::Grant {
            privileges: ["SELECT", "SELECT, INSERT", "UPDATE"][g.below(3)],
            column: if g.chance(30) {
                pick_columns(g, s, &tk, 1).pop()
            } else {
                None
            },
            table: tk,
            with_option: g.chance(30),
        },
        8 => ObjSpec::Sequence {
            name: g.fresh(&format!("seq {suffix} ")),
            increment: 1 + g.below(9) as u32,
            cycle: g.chance(50),
        },
        10 => ObjSpec::Aggregate {
            name: g.fresh(&format!("agg {suffix} ")),
            init: g.below(100) as u32,
            parallel: g.chance(50),
            view: g.chance(50),
        },
        11 => ObjSpec::Range {
            name: g.fresh(&format!("rng {suffix} ")),
            diff: g.chance(50),
        },
        12 => ObjSpec::Collation {
            name: g.fresh(&format!("coll {suffix} ")),
            deterministic: g.chance(50),
        },
        13 => ObjSpec::Statistics {
            name: g.fresh(&format!("st {suffix} ")),
            columns: {
                let n = 2 + g.below(2);
                pick_columns(g, s, &tk, n)
            },
            table: tk,
            all_kinds: g.chance(50),
            target: g.chance(30).then(|| g.below(1000) as u32),
        },
        14 => ObjSpec::Rule {
            name: g.fresh(&format!("r {suffix} ")),
            column: pick_columns(g, s, &tk, 1).pop()?,
            table: tk,
            on_delete: g.chance(50),
        },
        15 => ObjSpec::Operator {
            k: g.fresh("").parse().unwrap_or(0),
            restrict: g.chance(50),
            hashes: g.chance(30),
        },
        16 => ObjSpec::Cast {
            name: g.fresh(&format!("ct {suffix} ")),
            assignment: g.chance(50),
        },
        17 => ObjSpec::TextSearch {
            name: g.fresh(&format!("ts {suffix} ")),
            stem: g.chance(50),
        },
        18 => ObjSpec::Publication {
            name: g.fresh(&format!("pub {suffix} ")),
            column: if g.chance(30) {
                pick_columns(g, s, &tk, 1).pop()
            } else {
                None
            },
            table: tk,
            inserts_only: g.chance(50),
        },
        19 => ObjSpec::ForeignTable {
            name: g.fresh(&format!("ft {suffix} ")),
            table: tk,
            option: g.chance(50),
        },
        20 => ObjSpec::Subscription {
            name: g.fresh(&format!("sub {suffix} ")),
            publication: g.fresh(&format!("pub {suffix} ")),
            binary: g.chance(50),
        },
        _ => ObjSpec::Domain {
            name: g.fresh(&format!("dom {suffix} ")),
            min: g.below(100) as u32,
        },
    })
}

fn gen_objects(g: &mut Gen, s: &Schema) -> Vec<ObjSpec> {
    let mut out: Vec<ObjSpec> = Vec::new();
    for _ in 0..1 + g.below(5) {
        let views: Vec<String> = out
            .iter()
            .filter_map(|o| o.view_name().map(str::to_string))
            .collect();
        if let Some(o) = gen_object(g, s, &views) {
            out.push(o);
        }
    }
    out
}

/// B's objects from A's: most kept, some changed in place (same name),
/// some dropped, some added (on B's tables).
fn mutate_objects(g: &mut Gen, a: &[ObjSpec], b: &Schema) -> Vec<ObjSpec> {
    let mut out = Vec::new();
    for o in a {
        if g.chance(15) {
            continue;
        }
        let mut o = o.clone();
        if g.chance(30) {
            match &mut o {
                ObjSpec::View {
                    filter,
                    barrier,
                    comment,
                    ..
                } => {
                    *filter = None;
                    *barrier = !*barrier;
                    *comment = comment.is_none().then(|| "changed".to_string());
                }
                ObjSpec::ViewOnView { limit, .. } => *limit += 1,
                ObjSpec::MatView { index, .. } => *index = !*index,
                ObjSpec::Function { k, volatile, .. } => {
                    *k += 1;
                    *volatile = !*volatile;
                }
                ObjSpec::Trigger { before, .. } => *before = !*before,
                ObjSpec::Policy { restrictive, .. } => *restrictive = !*restrictive,
                // Privileges granted and revoked in place, and the grant
                // option given or taken back.
                ObjSpec::Grant {
                    privileges,
                    with_option,
                    ..
                } => {
                    *privileges = match *privileges {
                        "SELECT" => "SELECT, INSERT",
                        "SELECT, INSERT" => "UPDATE",
                        _ => "SELECT",
                    };
                    if *privileges != "UPDATE" {
                        *with_option = !*with_option;
                    }
                }
                ObjSpec::Sequence { increment, .. } => *increment += 1,
                ObjSpec::Domain { min, .. } => *min += 1,
                ObjSpec::Aggregate { init, parallel, .. } => {
                    *init += 1;
                    *parallel = !*parallel;
                }
                ObjSpec::Range { diff, .. } => *diff = !*diff,
                ObjSpec::Collation { deterministic, .. } => *deterministic = !*deterministic,
                ObjSpec::Rule { on_delete, .. } => *on_delete = !*on_delete,
                ObjSpec::Operator {
                    restrict, hashes, ..
                } => {
                    *restrict = !*restrict;
                    if *restrict {
                        *hashes = !*hashes;
                    }
                }
                ObjSpec::Cast { assignment, .. } => *assignment = !*assignment,
                ObjSpec::TextSearch { stem, .. } => *stem = !*stem,
                ObjSpec::Publication { inserts_only, .. } => *inserts_only = !*inserts_only,
                ObjSpec::ForeignTable { option, .. } => *option = !*option,
                ObjSpec::Subscription { binary, .. } => *binary = !*binary,
                ObjSpec::Statistics {
                    all_kinds, target, ..
                } => {
                    *all_kinds = !*all_kinds;
                    *target = target.map_or(Some(100), |_| None);
                }
            }
        }
        out.push(o);
    }
    for _ in 0..g.below(3) {
        let views: Vec<String> = out
            .iter()
            .filter_map(|o: &ObjSpec| o.view_name().map(str::to_string))
            .collect();
        if let Some(o) = gen_object(g, b, &views) {
            out.push(o);
        }
    }
    out
}

/// The SQL of the objects valid on `s`, in order.
fn objects_sql(objects: &[ObjSpec], s: &Schema) -> String {
    let mut views: Vec<&str> = Vec::new();
    let mut sql = String::new();
    for o in objects {
        if let Some(text) = o.sql(s, &views) {
            if let Some(v) = o.view_name() {
                views.push(v);
            }
            sql.push_str(&text);
            sql.push('\n');
        }
    }
    sql
}

/// Creates the tables of `s` and then `objects`, and reads the result.
async fn create_with_objects(
    client: &Client,
    s: &Schema,
    objects: &str,
    what: &str,
) -> Result<Schema, String> {
    reset(client).await?;
    apply_schema(client, s, &DdlOptions::plain())
        .await
        .map_err(|e| format!("creating {what}'s tables: {e}\n{}", describe(s)))?;
    client.batch_execute(objects).await.map_err(|e| {
        format!(
            "creating {what}'s objects: {}\n{objects}",
            crate::diff_golden::db_error(&e)
        )
    })?;
    read(client, what).await
}

/// The `renamed_from` hints of `hinted` put on `read` (same tables and
/// columns by name).
fn with_hints(mut read: Schema, hinted: &Schema) -> Schema {
    for t in &mut read.tables {
        if let Some(h) = hinted
            .tables
            .iter()
            .find(|h| h.schema == t.schema && h.name == t.name)
        {
            t.renamed_from = h.renamed_from.clone();
            for c in &mut t.columns {
                if let Some(hc) = h.columns.iter().find(|x| x.name == c.name) {
                    c.renamed_from = hc.renamed_from.clone();
                }
            }
        }
    }
    read
}

#[test]
fn random_objects_up_and_down() {
    property("random_objects_up_and_down", |client, data| {
        Box::pin(async move {
            client
                .batch_execute(&format!(
                    "DO $$ BEGIN CREATE ROLE {PROP_ROLE}; \
                     EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
                ))
                .await
                .map_err(|e| crate::diff_golden::db_error(&e))?;
            let mut g = Gen::new(data);
            let a = gen_schema(&mut g);
            let a_objects = gen_objects(&mut g, &a);
            let b = mutate(&mut g, &a);
            let b_objects = mutate_objects(&mut g, &a_objects, &b);
            let (a_sql, b_sql) = (objects_sql(&a_objects, &a), objects_sql(&b_objects, &b));
            let want = create_with_objects(client, &strip_hints(&b), &b_sql, "B").await?;
            let current = create_with_objects(client, &a, &a_sql, "A").await?;
            let opts = PlanOptions {
                allow_drops: true,
                concurrently: g.chance(30),
                online: g.chance(25),
            };
            let p = plan(&current, &with_hints(want.clone(), &b), &opts);
            let context = || {
                format!(
                    "--- A ---\n{}\n{a_sql}\n--- B ---\n{}\n{b_sql}\n--- up ---\n{}\n--- down ---\n{}",
                    describe(&a),
                    describe(&strip_hints(&b)),
                    schema_diff::render::render_up(&p),
                    schema_diff::render::render_down(&p)
                )
            };
            apply_plan(client, &p, true)
                .await
                .map_err(|e| format!("{e}\n{}", context()))?;
            let after_up = read(client, "after up").await?;
            if after_up != want {
                return Err(format!(
                    "up does not give B:\n{}\n{}",
                    crate::diff_golden::first_difference(&want, &after_up),
                    context()
                ));
            }
            let rest = plan(&after_up, &want, &opts);
            if !rest.is_empty() {
                return Err(format!(
                    "after up, still to do:\n{}\n{}",
                    rest.summary().join("\n"),
                    context()
                ));
            }
            down_gives_back(client, &p, &current, &context).await
        })
    });
}
