//! Fuzz test (issue 14): random and mutated migration files (read, and
//! linted), configuration files, connection URLs, JSON schemas and SQL
//! texts. Properties: nothing panics; an invalid migration file or configuration is an error naming the
//! file; a URL's password never appears in its parse error; through the
//! binary (every 25th case), a mutated migration ends with exit 0 or 2, and
//! a file that does not parse applies nothing.
//!
//! CI runs 500 cases with a fixed seed; a long run:
//! `SCHEMA_DIFF_FUZZ_CASES=5000 SCHEMA_DIFF_FUZZ_SEED=7 cargo test -p schema-diff --test cli fuzz -- --nocapture`.

use std::path::Path;

use schema_diff::config::{Config, Overrides};
use schema_diff::migrations::Migration;
use strata::schema::Schema;
use strata::ConnectOptions;
use strata_testing::{run, TestDb};

use crate::{tables, Project, MODELS};

/// xorshift64*: a fixed seed gives the same cases on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PIECES: &[&str] = &[
    ";",
    "'",
    "\"",
    "$$",
    "$a$",
    "--",
    "/*",
    "*/",
    "\n",
    "\r\n",
    "\u{feff}",
    "\0",
    "(",
    ")",
    "-- migrate:up\n",
    "-- migrate:down\n",
    "-- revision: x1\n",
    "-- parents: zz\n",
    "-- transaction: none\n",
    "-- transaction: maybe\n",
    "COMMIT;",
    "ROLLBACK;",
    "BEGIN;",
    "DROP TABLE t;",
    "BEGIN ATOMIC",
    "END;",
    "DELETE FROM t",
    "WITH d AS (",
    "CASCADE",
    "ALTER TABLE t DROP b;",
    "é",
    "𝄞",
    "\\",
    "E'",
    "%",
    "%2",
    "@",
    ":",
    "/",
    "?",
    "=",
    "#",
    "[",
    "]",
    "{",
    "}",
    ",",
    "1",
    "-1",
    "null",
    "true",
    "COPY (SELECT 1) TO PROGRAM 'x'",
];

/// `text` with 1 to 4 random edits: a piece inserted, a range deleted, or a
/// range replaced by a piece (at character boundaries).
fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut s = text.to_string();
    for _ in 0..1 + rng.below(4) {
        let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        let a = bounds[rng.below(bounds.len())];
        let b = bounds[rng.below(bounds.len())];
        let (lo, hi) = (a.min(b), a.max(b).min(a.min(b) + 40));
        let hi = *bounds.iter().filter(|&&x| x <= hi).max().unwrap_or(&lo);
        match rng.below(3) {
            0 => s.insert_str(lo, rng.pick(PIECES)),
            1 => s.replace_range(lo..hi.max(lo), ""),
            _ => s.replace_range(lo..hi.max(lo), rng.pick(PIECES)),
        }
    }
    s
}

fn random_text(rng: &mut Rng) -> String {
    (0..rng.below(30)).map(|_| rng.pick(PIECES)).collect()
}

const MIGRATION: &str = "-- revision: a1\n-- parents: \n-- message: fuzz\n-- transaction: per-migration\n\n-- migrate:up\nCREATE TABLE t (a int, b text DEFAULT 'x;y');\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\n-- lint: allow set-not-null -- fuzz\nALTER TABLE t ALTER a SET NOT NULL, ADD COLUMN c uuid DEFAULT gen_random_uuid();\n\n-- migrate:down\nDROP FUNCTION f();\nDROP TABLE t;\n";

const CONFIG: &str = "migrations = \"migrations\"\nmodels = \"cat models.json\"\nschemas = [\"public\"]\nignore_tables = [\"tmp_*\"]\nversion_table = \"strata_migrations\"\n";

const SCHEMA: &str = r#"{"tables": [{"schema": "public", "name": "t",
  "columns": [{"name": "a", "type": "integer", "nullable": false, "default": "1 + 2"}],
  "checks": [{"name": "t_a", "expression": "a > 0"}],
  "indexes": [{"name": "t_i", "elements": [{"key": {"expression": "lower(a::text)"}}], "predicate": "a < 10"}]}]}"#;

fn cases() -> (usize, u64) {
    let n = std::env::var("SCHEMA_DIFF_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let seed = std::env::var("SCHEMA_DIFF_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    (n, seed)
}

fn one_case(rng: &mut Rng, dir: &Path, i: usize) {
    match i % 5 {
        0 => {
            let text = if rng.below(8) == 0 {
                random_text(rng)
            } else {
                mutate(rng, MIGRATION)
            };
            let path = dir.join(format!("m{i}.sql"));
            // lint reads the file unchecked: every statement linted, or an
            // error naming the file.
            if let Ok(m) = Migration::parse_unchecked(&path, &text) {
                let cx = schema_diff::lint::Context {
                    down: true,
                    ..Default::default()
                };
                if let Err(e) = schema_diff::lint::lint_migration(&m, &cx) {
                    let msg = e.to_string();
                    assert!(msg.contains(&format!("m{i}.sql")), "case {i}: {msg}");
                }
            }
            match Migration::parse(&path, &text) {
                Ok(m) => {
                    let _ = schema_diff::runner::destructive_statements(&m);
                }
                Err(e) => {
                    let msg = e.to_string();
                    assert!(
                        msg.contains(&format!("m{i}.sql")),
                        "case {i}: {msg}\n{text:?}"
                    );
                }
            }
        }
        1 => {
            let text = mutate(rng, CONFIG);
            let path = dir.join(format!("c{i}.toml"));
            std::fs::write(&path, &text).unwrap();
            let overrides = Overrides {
                config: Some(path.clone()),
                ..Overrides::default()
            };
            if let Err(e) = Config::resolve(&overrides, &|_| None, dir) {
                assert!(!e.to_string().is_empty(), "case {i}");
            }
        }
        2 => {
            let secret = format!("Zq{}Secret", rng.below(1000));
            let url = mutate(
                rng,
                &format!("postgres://u:{secret}@h:5432/d?application_name=x"),
            );
            if let Err(e) = ConnectOptions::parse(&url) {
                let msg = format!("{e} {e:?}");
                assert!(!msg.contains("Secret"), "case {i}: {url:?} -> {msg}");
            }
        }
        3 => {
            let text = mutate(rng, SCHEMA);
            if let Ok(s) = Schema::from_json(&text) {
                for t in &s.tables {
                    for c in &t.columns {
                        if let Some(d) = &c.default {
                            let _ = schema_diff::sql::validate_expression(d);
                        }
                    }
                }
            }
        }
        _ => {
            let text = mutate(rng, "SELECT 1; DROP TABLE t; WITH d AS (DELETE FROM t) SELECT 1; CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;");
            for st in schema_diff::sql::parse_each(&text).into_iter().flatten() {
                let _ = st.destructive();
                let _ = st.transaction_control();
            }
        }
    }
}

#[test]
fn fuzz_inputs_never_panic_and_errors_name_the_input() {
    let (n, seed) = cases();
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let dir = std::env::temp_dir().join(format!("strata-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..n {
        one_case(&mut rng, &dir, i);
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!("fuzz: {n} in-process cases, seed {seed}");
}

#[test]
fn fuzz_mutated_migrations_through_the_binary() {
    run(async {
        let (n, seed) = cases();
        let mut rng = Rng(seed.wrapping_add(99) | 1);
        let runs = (n / 25).max(1);
        for i in 0..runs {
            let db = TestDb::new().await.unwrap();
            let p = Project::new("fuzz", MODELS);
            let text = mutate(&mut rng, MIGRATION);
            let path = p.path("migrations/a1_fuzz.sql");
            std::fs::write(&path, &text).unwrap();
            let out = p.run(db.url(), &["upgrade"]);
            assert!(
                (out.code == 0 || out.code == 2) && !out.stderr.contains("panicked"),
                "case {i}: {text:?}\n{out:?}"
            );
            if out.code == 2 {
                assert!(
                    out.stderr.lines().any(|l| l.starts_with("error: ")),
                    "case {i}: {out:?}"
                );
                if out.stderr.contains("a1_fuzz.sql:") && !out.stderr.contains("failed at") {
                    assert!(
                        tables(db.url()).await.is_empty(),
                        "case {i}: nothing applied\n{text:?}\n{out:?}"
                    );
                }
            }
        }
        println!("fuzz: {runs} binary runs, seed {seed}");
    });
}
