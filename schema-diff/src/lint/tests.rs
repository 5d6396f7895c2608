//! One case per rule: the statement that fires it, the variants that do
//! not (the safe form, a table created earlier in the file), and the
//! allowed variant.

use std::path::Path;

use super::*;

/// The findings of an up section (with `transaction` as the header's
/// mode) as `(line in the section, rule id, allowed)`.
fn lint_with(up: &str, transaction: &str, cx: &Context) -> Vec<(usize, &'static str, bool)> {
    let text = format!(
        "-- revision: r1\n-- transaction: {transaction}\n-- migrate:up\n{up}\n-- migrate:down\n"
    );
    let m = Migration::parse_unchecked(Path::new("m/r1_x.sql"), &text).unwrap();
    assert_eq!(m.up_line, 4);
    lint_migration(&m, cx)
        .unwrap()
        .into_iter()
        .map(|f| (f.line - 3, f.rule.id(), f.is_allowed()))
        .collect()
}

fn lint(up: &str) -> Vec<(usize, &'static str, bool)> {
    lint_with(up, "per-migration", &Context::default())
}

fn rules(up: &str) -> Vec<&'static str> {
    lint(up).into_iter().map(|(_, r, _)| r).collect()
}

#[track_caller]
fn fires(rule: &str, statements: &[&str]) {
    for st in statements {
        assert_eq!(rules(st), vec![rule], "{st}");
        // A table created earlier in the file is new: nothing.
        let fresh = format!("CREATE TABLE t (a int, b int);\nCREATE TABLE s.t (a int);\nCREATE INDEX i ON t (a);\nCREATE INDEX j ON t (b);\nCREATE INDEX i ON s.t (a);\n{st}");
        assert_eq!(lint(&fresh), vec![], "{fresh}");
        // Allowed, on the line above or on the statement's line.
        let above = format!("-- lint: allow {rule} -- t is tiny\n{st}");
        assert_eq!(lint(&above), vec![(2, rules_id(rule), true)], "{above}");
        let same = format!("{st} -- lint: allow access-exclusive-lock, {rule} -- ok here");
        assert_eq!(lint(&same), vec![(1, rules_id(rule), true)], "{same}");
    }
}

fn rules_id(rule: &str) -> &'static str {
    Rule::from_id(rule).unwrap().id()
}

#[track_caller]
fn quiet(statements: &[&str]) {
    for st in statements {
        assert_eq!(lint(st), vec![], "{st}");
    }
}

#[test]
fn index_without_concurrently() {
    fires(
        "index-without-concurrently",
        &[
            "CREATE INDEX i ON t (a);",
            "create unique index if not exists i on s.t using btree (a) where a > 0;",
            "DROP INDEX i;",
            "DROP INDEX IF EXISTS s.i, j;",
        ],
    );
    assert_eq!(
        lint_with(
            "CREATE INDEX CONCURRENTLY i ON t (a);\nDROP INDEX CONCURRENTLY j;",
            "none",
            &Context::default()
        ),
        vec![]
    );
    // An index created earlier in the file drops freely.
    assert_eq!(
        rules("CREATE INDEX CONCURRENTLY i ON t (a);\nDROP INDEX i;").len(),
        1
    );
    assert_eq!(
        lint_with(
            "CREATE TABLE n (a int);\nCREATE INDEX i ON n (a);\nDROP INDEX i;",
            "per-migration",
            &Context::default()
        ),
        vec![]
    );
}

#[test]
fn constraint_without_not_valid() {
    fires(
        "constraint-without-not-valid",
        &[
            "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id);",
            "ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u;",
            "ALTER TABLE s.t ADD CONSTRAINT c CHECK (a > 0);",
            "ALTER TABLE t ADD COLUMN c int CHECK (c > 0);",
        ],
    );
    quiet(&[
        "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id) NOT VALID;",
        "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;",
        "ALTER TABLE t VALIDATE CONSTRAINT c;",
    ]);
}

#[test]
fn validating_in_the_adding_transaction_and_the_not_null_recipe() {
    let recipe = "ALTER TABLE t ADD CONSTRAINT t_a_nn CHECK (a IS NOT NULL) NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT t_a_nn;\nALTER TABLE t ALTER a SET NOT NULL;\nALTER TABLE t ALTER b SET NOT NULL;";
    // Statement by statement, the recipe is safe: SET NOT NULL uses the
    // validated CHECK (column b has none).
    assert_eq!(
        lint_with(recipe, "none", &Context::default()),
        vec![(4, "set-not-null", false)]
    );
    // In one transaction the validation holds the ADD's lock.
    assert_eq!(
        lint(recipe),
        vec![
            (2, "constraint-without-not-valid", false),
            (4, "set-not-null", false)
        ]
    );
    // Validating a constraint added elsewhere is fine.
    assert_eq!(lint("ALTER TABLE t VALIDATE CONSTRAINT fk;"), vec![]);
    // A CHECK that is not `a IS NOT NULL` covers nothing.
    assert_eq!(
        lint_with("ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT c;\nALTER TABLE t ALTER a SET NOT NULL;", "none", &Context::default()),
        vec![(3, "set-not-null", false)]
    );
}

#[test]
fn unique_without_index() {
    fires(
        "unique-without-index",
        &[
            "ALTER TABLE t ADD CONSTRAINT u UNIQUE (a);",
            "ALTER TABLE t ADD PRIMARY KEY (a, b);",
            "ALTER TABLE t ADD COLUMN c int UNIQUE;",
        ],
    );
    quiet(&[
        "ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX u_idx;",
        "ALTER TABLE t ADD CONSTRAINT p PRIMARY KEY USING INDEX p_idx;",
    ]);
}

#[test]
fn set_not_null_and_column_type_change() {
    fires(
        "set-not-null",
        &[
            "ALTER TABLE t ALTER COLUMN a SET NOT NULL;",
            "ALTER TABLE s.t ALTER a SET NOT NULL;",
        ],
    );
    fires(
        "column-type-change",
        &[
            "ALTER TABLE t ALTER COLUMN a TYPE bigint;",
            "ALTER TABLE t ALTER a SET DATA TYPE text USING a::text;",
        ],
    );
    quiet(&[
        "ALTER TABLE t ALTER COLUMN a DROP NOT NULL;",
        "ALTER TABLE t ALTER COLUMN a SET DEFAULT 0;",
        "ALTER TABLE t ALTER COLUMN a DROP DEFAULT;",
        "ALTER TABLE t ALTER COLUMN a SET STATISTICS 500;",
        "ALTER TABLE t ALTER COLUMN a SET DEFAULT gen_random_uuid();",
    ]);
    // One finding per statement, the most specific rule: a type change and
    // SET NOT NULL in one statement report the type change; allowing it
    // leaves SET NOT NULL.
    let both = "ALTER TABLE t ALTER a TYPE bigint, ALTER a SET NOT NULL, DROP COLUMN b;";
    assert_eq!(lint(both), vec![(1, "column-type-change", false)]);
    let allowed = format!("-- lint: allow column-type-change -- small\n{both}");
    assert_eq!(lint(&allowed), vec![(2, "set-not-null", false)]);
}

#[test]
fn volatile_default() {
    fires(
        "volatile-default",
        &[
            "ALTER TABLE t ADD COLUMN id uuid DEFAULT gen_random_uuid();",
            "ALTER TABLE t ADD COLUMN r float8 NOT NULL DEFAULT (random() * 10)::float8;",
            "ALTER TABLE t ADD COLUMN c timestamptz DEFAULT pg_catalog.clock_timestamp();",
            "ALTER TABLE t ADD COLUMN n bigserial;",
            "ALTER TABLE t ADD COLUMN n int GENERATED ALWAYS AS IDENTITY;",
            "ALTER TABLE t ADD COLUMN u uuid DEFAULT public.uuid_generate_v4();",
        ],
    );
    quiet(&[
        "ALTER TABLE t ADD COLUMN c timestamptz DEFAULT now();",
        "ALTER TABLE t ADD COLUMN c timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;",
        "ALTER TABLE t ADD COLUMN c text DEFAULT 'x';",
        "ALTER TABLE t ADD COLUMN c bigint DEFAULT txid_current();",
        "ALTER TABLE t ADD COLUMN c int;",
    ]);
    // A function the context knows to be volatile.
    let cx = Context {
        volatile_functions: ["my_next_id".to_string()].into(),
        ..Context::default()
    };
    assert_eq!(
        lint_with(
            "ALTER TABLE t ADD COLUMN c int DEFAULT my_next_id();",
            "per-migration",
            &cx
        ),
        vec![(1, "volatile-default", false)]
    );
}

#[test]
fn access_exclusive_lock() {
    fires(
        "access-exclusive-lock",
        &[
            "ALTER TABLE t ADD COLUMN c int NOT NULL;",
            "ALTER TABLE t DROP COLUMN a;",
            "ALTER TABLE t RENAME COLUMN a TO b;",
            "ALTER TABLE t RENAME TO u;",
            "ALTER TABLE t SET TABLESPACE pg_default;",
            "ALTER TABLE t SET LOGGED;",
            "LOCK TABLE t;",
            "LOCK t IN ACCESS EXCLUSIVE MODE;",
            "CLUSTER t USING i;",
            "TRUNCATE t;",
            "REINDEX TABLE t;",
            "DROP TABLE t;",
            "ALTER TABLE t ADD COLUMN g int GENERATED ALWAYS AS (a * 2) STORED;",
            "ALTER TABLE t DETACH PARTITION t_2020;",
            "ALTER TABLE t ENABLE ROW LEVEL SECURITY;",
        ],
    );
    quiet(&[
        "ALTER TABLE t ADD COLUMN c int;",
        "ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0;",
        "ALTER TABLE t ATTACH PARTITION t_2021 FOR VALUES FROM (1) TO (2);",
        "ALTER TABLE t SET (fillfactor = 70);",
        "ALTER TABLE t ALTER COLUMN a SET (n_distinct = 100);",
        "ALTER TABLE t CLUSTER ON i;",
        "ALTER TABLE t DISABLE TRIGGER ALL;",
        "ALTER TABLE t DROP CONSTRAINT c;",
        "LOCK TABLE t IN SHARE MODE;",
        "ANALYZE t;",
        "CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();",
        "INSERT INTO t VALUES (1);",
        "UPDATE t SET a = 1;",
        "DO $$ BEGIN ALTER TABLE t ALTER a SET NOT NULL; END $$;",
        "ALTER INDEX i RENAME TO j;",
        "DROP VIEW v;",
    ]);
    assert_eq!(
        lint_with(
            "REINDEX TABLE CONCURRENTLY t;\nVACUUM t;",
            "none",
            &Context::default()
        ),
        vec![]
    );
    // VACUUM runs outside a transaction only; FULL rewrites the table.
    assert_eq!(
        lint_with(
            "VACUUM FULL t;\nVACUUM (FULL, ANALYZE);\nVACUUM (FULL false) t;",
            "none",
            &Context::default()
        ),
        vec![
            (1, "access-exclusive-lock", false),
            (2, "access-exclusive-lock", false)
        ]
    );
    assert_eq!(rules("VACUUM FULL t;"), vec!["concurrently-in-transaction"]);
}

#[test]
fn column_still_in_models() {
    let models: Schema = serde_json::from_str(
        r#"{"tables": [{"schema": "public", "name": "t", "columns": [
            {"name": "a", "type": "integer", "nullable": true}]}]}"#,
    )
    .unwrap();
    let cx = Context {
        models: Some(models),
        ..Context::default()
    };
    let l = |sql: &str| lint_with(sql, "per-migration", &cx);
    assert_eq!(
        l("ALTER TABLE t DROP COLUMN a;"),
        vec![(1, "column-still-in-models", false)]
    );
    assert_eq!(
        l("ALTER TABLE public.t RENAME a TO b;"),
        vec![(1, "column-still-in-models", false)]
    );
    // Not in the models: only the lock.
    assert_eq!(
        l("ALTER TABLE t DROP COLUMN b;"),
        vec![(1, "access-exclusive-lock", false)]
    );
    assert_eq!(
        l("ALTER TABLE other.t DROP COLUMN a;"),
        vec![(1, "access-exclusive-lock", false)]
    );
    // Allowing the models rule leaves the lock.
    assert_eq!(
        l("-- lint: allow column-still-in-models -- the models change in the same deploy\nALTER TABLE t DROP COLUMN a;"),
        vec![(2, "access-exclusive-lock", false)]
    );
    assert_eq!(
        l("-- lint: allow column-still-in-models, access-exclusive-lock -- unused since v3\nALTER TABLE t DROP COLUMN a;"),
        vec![(2, "column-still-in-models", true)]
    );
    // No models: the rule is off.
    assert_eq!(
        rules("ALTER TABLE t DROP COLUMN a;"),
        vec!["access-exclusive-lock"]
    );
}

#[test]
fn transaction_rules() {
    assert_eq!(
        lint("BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;\nVACUUM t;"),
        vec![
            (1, "transaction-control", false),
            (2, "concurrently-in-transaction", false),
            (3, "transaction-control", false),
            (4, "concurrently-in-transaction", false),
        ]
    );
    assert_eq!(
        lint("-- lint: allow transaction-control -- the runner's transaction is committed on purpose\nCOMMIT;"),
        vec![(2, "transaction-control", true)]
    );
    assert_eq!(
        lint_with(
            "BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;",
            "none",
            &Context::default()
        ),
        vec![]
    );
}

#[test]
fn allow_comments() {
    // No reason: reported, and the allow does not count.
    assert_eq!(
        lint("-- lint: allow set-not-null\nALTER TABLE t ALTER a SET NOT NULL;"),
        vec![
            (1, "allow-without-reason", false),
            (2, "set-not-null", false)
        ]
    );
    assert_eq!(
        lint("-- lint: allow set-not-null --   \nALTER TABLE t ALTER a SET NOT NULL;"),
        vec![
            (1, "allow-without-reason", false),
            (2, "set-not-null", false)
        ]
    );
    // Unknown rules, a malformed comment.
    assert_eq!(
        lint("-- lint: allow set-not-nul -- typo\nALTER TABLE t ALTER a SET NOT NULL;"),
        vec![(1, "bad-allow", false), (2, "set-not-null", false)]
    );
    assert_eq!(
        lint("-- lint: ignore everything\nSELECT 1;"),
        vec![(1, "bad-allow", false)]
    );
    // A block of comments directly above counts; a blank line breaks it;
    // an allow for another statement does not carry over.
    assert_eq!(
        lint("-- lint: allow set-not-null -- small table\n-- more words\nALTER TABLE t ALTER a SET NOT NULL;"),
        vec![(3, "set-not-null", true)]
    );
    assert_eq!(
        lint("-- lint: allow set-not-null -- small table\n\nALTER TABLE t ALTER a SET NOT NULL;"),
        vec![(3, "set-not-null", false)]
    );
    assert_eq!(
        lint("-- lint: allow set-not-null -- small\nALTER TABLE t ALTER a SET NOT NULL;\nALTER TABLE t ALTER b SET NOT NULL;"),
        vec![(2, "set-not-null", true), (3, "set-not-null", false)]
    );
    // Inside a string it is not a comment.
    assert_eq!(
        lint("ALTER TABLE t ALTER a SET NOT NULL, ALTER c SET DEFAULT '-- lint: allow set-not-null -- x';"),
        vec![(1, "set-not-null", false)]
    );
}

#[test]
fn tables_the_context_lists_and_the_down_section() {
    let cx = Context {
        existing_tables: Some(["public.t".to_string()].into()),
        down: true,
        ..Context::default()
    };
    let text = "-- revision: r1\n-- migrate:up\nALTER TABLE t ALTER a SET NOT NULL;\nALTER TABLE u ALTER a SET NOT NULL;\n-- migrate:down\nALTER TABLE t ALTER a TYPE int;\n";
    let m = Migration::parse_unchecked(Path::new("m/r1_x.sql"), text).unwrap();
    let found: Vec<(usize, &str, Section)> = lint_migration(&m, &cx)
        .unwrap()
        .iter()
        .map(|f| (f.line, f.rule.id(), f.section))
        .collect();
    assert_eq!(
        found,
        vec![
            (3, "set-not-null", Section::Up),
            (6, "column-type-change", Section::Down)
        ]
    );
    // A syntax error names the file line and column.
    let text = "-- revision: r1\n-- migrate:up\nSELECT 1;\nALTER TABLE t ALTR a SET NOT NULL;\n";
    let m = Migration::parse_unchecked(Path::new("m/r1_x.sql"), text).unwrap();
    let e = lint_migration(&m, &Context::default())
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("m/r1_x.sql:4:15: the up section does not parse"),
        "{e}"
    );
}

#[test]
fn what_the_file_creates_is_new() {
    for sql in [
        "CREATE TABLE n AS SELECT 1 AS a;\nCREATE INDEX i ON n (a);",
        "CREATE MATERIALIZED VIEW mv AS SELECT 1 AS a;\nREFRESH MATERIALIZED VIEW mv;",
        "CREATE TABLE n (a int);\nALTER TABLE n RENAME TO m;\nCREATE INDEX i ON m (a);\nALTER TABLE m ALTER a SET NOT NULL;",
        "CREATE TABLE IF NOT EXISTS public.n (a int);\nCREATE INDEX IF NOT EXISTS i ON n (a);\nTRUNCATE n;\nDROP TABLE n;",
        "CREATE TABLE p (a int) PARTITION BY RANGE (a);\nCREATE TABLE p1 PARTITION OF p FOR VALUES FROM (1) TO (2);\nCREATE INDEX i ON p1 (a);",
    ] {
        assert_eq!(lint(sql), vec![], "{sql}");
    }
    assert_eq!(
        rules("REFRESH MATERIALIZED VIEW mv;"),
        vec!["access-exclusive-lock"]
    );
    // Another schema's table of the same name is not the new one.
    assert_eq!(
        lint("CREATE TABLE a.t (x int);\nCREATE INDEX i ON b.t (x);"),
        vec![(2, "index-without-concurrently", false)]
    );
}
