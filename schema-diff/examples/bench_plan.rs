//! Benchmark of the pure half of schema-diff: `diff` + `plan` + `render` on
//! synthetic schemas of 1,000 and 10,000 tables (the shape of issue 3's
//! benchmark: an identity primary key, 14 typed columns with a few defaults,
//! a unique constraint, 2 indexes, a foreign key to the previous table).
//!
//! `cargo run --release -p schema-diff --example bench_plan [-- --tables N --runs R]`
//!
//! Prints, per size, the median wall time of: a fresh install (empty →
//! schema), a check (schema → itself, nothing to do) and a migration
//! (schema → the schema with a tenth of its tables changed: a column added,
//! a type widened, a default changed, an index re-defined, a foreign key
//! action changed). No database is involved: introspection is measured by
//! the introspection benchmark.

use std::time::{Duration, Instant};

use schema_diff::plan::{plan, PlanOptions};
use schema_diff::render::{render_down, render_up};
use strata::schema::{
    Column, FkAction, ForeignKey, Identity, Index, IndexElement, PrimaryKey, Schema, SqlType,
    Table, Unique,
};

fn ty(s: &str) -> SqlType {
    match SqlType::parse(s) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    }
}

fn synthetic(n: usize) -> Schema {
    let types = [
        ("title", "text", Some("''::text")),
        ("count", "integer", Some("0")),
        ("score", "double precision", None),
        ("active", "boolean", Some("true")),
        ("doc", "jsonb", Some("'{}'::jsonb")),
        ("tags", "text[]", Some("'{}'::text[]")),
        ("created_at", "timestamp with time zone", Some("now()")),
        ("code", "character varying(32)", None),
        ("price", "numeric(12,2)", None),
        ("note", "text", None),
        ("level", "integer", None),
        ("ratio", "double precision", None),
        ("updated_at", "timestamp with time zone", None),
    ];
    let mut tables = Vec::with_capacity(n);
    for i in 0..n {
        let name = format!("t{i:05}");
        let mut t = Table::new("public", name.clone());
        let mut id = Column::new("id", SqlType::BigInt, false);
        id.identity = Some(Identity::Always);
        t.columns.push(id);
        for (c, sql, default) in types {
            let mut col = Column::new(c, ty(sql), default.is_none());
            col.default = default.map(str::to_string);
            t.columns.push(col);
        }
        t.columns
            .push(Column::new("prev_id", SqlType::BigInt, true));
        t.primary_key = Some(PrimaryKey {
            comment: Default::default(),
            deferrable: Default::default(),
            name: format!("{name}_pkey"),
            columns: vec!["id".into()],
            include: Vec::new(),
            with: Vec::new(),
        });
        t.uniques.push(Unique {
            comment: Default::default(),
            deferrable: Default::default(),
            nulls_not_distinct: Default::default(),
            name: format!("{name}_code_key"),
            columns: vec!["code".into()],
            include: Vec::new(),
            with: Vec::new(),
        });
        for c in ["created_at", "title"] {
            t.indexes.push(Index {
                comment: Default::default(),
                nulls_not_distinct: Default::default(),
                with: Default::default(),
                name: format!("{name}_{c}_idx"),
                unique: false,
                method: Default::default(),
                elements: vec![IndexElement::column(c)],
                include: vec![],
                predicate: None,
            });
        }
        if i > 0 {
            t.foreign_keys.push(ForeignKey {
                not_valid: false,
                comment: Default::default(),
                match_full: Default::default(),
                name: format!("{name}_prev_id_fkey"),
                columns: vec!["prev_id".into()],
                ref_schema: "public".into(),
                ref_table: format!("t{:05}", i - 1),
                ref_columns: vec!["id".into()],
                on_delete: FkAction::NoAction,
                on_update: FkAction::NoAction,
                deferrable: Default::default(),
            });
        }
        tables.push(t);
    }
    Schema {
        definitions: Vec::new(),
        schemas: vec![],
        enums: vec![],
        tables,
        objects: vec![],
    }
    .canonical()
}

fn changed(s: &Schema) -> Schema {
    let mut s = s.clone();
    for (i, t) in s.tables.iter_mut().enumerate() {
        if i % 10 != 3 {
            continue;
        }
        t.columns.push(Column::new("extra", SqlType::Text, true));
        for c in &mut t.columns {
            match c.name.as_str() {
                "count" => c.ty = SqlType::BigInt,
                "note" => c.default = Some("'n/a'::text".into()),
                _ => {}
            }
        }
        t.indexes[0].predicate = Some("created_at IS NOT NULL".into());
        if let Some(fk) = t.foreign_keys.first_mut() {
            fk.on_delete = FkAction::Cascade;
        }
    }
    s
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn measure(runs: usize, from: &Schema, to: &Schema) -> (Duration, usize, usize) {
    let opts = PlanOptions::default();
    let mut times = Vec::new();
    let mut steps = 0;
    let mut bytes = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let p = plan(from, to, &opts);
        let up = render_up(&p);
        let down = render_down(&p);
        times.push(start.elapsed());
        steps = p.steps.len();
        bytes = up.len() + down.len();
    }
    (median(times), steps, bytes)
}

fn main() {
    let mut sizes = vec![1_000, 10_000];
    let mut runs = 5;
    let args: Vec<String> = std::env::args().collect();
    let mut i = 1;
    while i < args.len() {
        match (
            args[i].as_str(),
            args.get(i + 1).and_then(|v| v.parse().ok()),
        ) {
            ("--tables", Some(n)) => sizes = vec![n],
            ("--runs", Some(n)) => runs = n.max(1),
            _ => {
                eprintln!("usage: bench_plan [--tables N] [--runs R]");
                std::process::exit(2);
            }
        }
        i += 2;
    }
    println!("diff + plan + render (up and down), median of {runs} runs, no database");
    for n in sizes {
        let s = synthetic(n);
        let s2 = changed(&s);
        let empty = Schema::empty();
        for (what, from, to) in [
            ("fresh install", &empty, &s),
            ("check (no change)", &s, &s),
            ("migration (10% of tables changed)", &s, &s2),
        ] {
            let (t, steps, bytes) = measure(runs, from, to);
            println!(
                "{n:>6} tables  {what:<34} {:>9.1} ms  {steps:>6} steps  {:>6} KiB of SQL",
                t.as_secs_f64() * 1000.0,
                bytes / 1024
            );
        }
    }
}
