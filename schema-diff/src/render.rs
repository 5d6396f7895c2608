//! Render a [`Plan`] as SQL: [`render_up`] writes the steps in order,
//! [`render_down`] their inverses in reverse order. One statement per line
//! group, each step introduced by its summary as a `--` comment, hazards,
//! notes (rename hints) and withheld ops as comments too, so the file reads
//! well in review. Pure: no I/O.

use std::fmt::Write;

use crate::plan::{Hazard, Plan};

/// Writes `text` as `--` comment lines, each prefixed with `prefix`.
fn comment(out: &mut String, prefix: &str, text: &str) {
    for line in text.lines() {
        let _ = writeln!(out, "-- {prefix}{line}");
    }
}

/// The up migration: notes first, then each step (summary, hazards,
/// statements), then the withheld ops as comments with the reason and how to
/// include them.
pub fn render_up(plan: &Plan) -> String {
    let mut out = String::new();
    for n in &plan.notes {
        comment(&mut out, "note: ", n);
    }
    if !plan.notes.is_empty() {
        out.push('\n');
    }
    for step in &plan.steps {
        comment(&mut out, "", &step.summary);
        for h in &step.hazards {
            let _ = writeln!(out, "-- hazard: {h}");
        }
        if step.non_transactional {
            let _ = writeln!(out, "-- runs outside a transaction");
        }
        for s in &step.up {
            let _ = writeln!(out, "{s};");
        }
        out.push('\n');
    }
    for w in &plan.withheld {
        comment(&mut out, "withheld: ", &w.summary);
        comment(&mut out, "  ", &w.reason);
        let _ = writeln!(
            out,
            "--   not run: pass --allow-drops (PlanOptions::allow_drops) to include it"
        );
        for s in &w.up {
            comment(&mut out, "  ", &format!("{s};"));
        }
        out.push('\n');
    }
    finish(out)
}

/// The down migration: the inverse of every step, last step first. A step
/// that deleted data gets a note: its inverse re-creates the definition, not
/// the data.
pub fn render_down(plan: &Plan) -> String {
    let mut out = String::new();
    for step in plan.steps.iter().rev() {
        comment(&mut out, "undo: ", &step.summary);
        if step.hazards.contains(&Hazard::DeletesData) {
            let _ = writeln!(
                out,
                "-- note: re-creates the definition only; the data the up migration deleted is not restored"
            );
        }
        for h in &step.down_hazards {
            let _ = writeln!(out, "-- hazard: {h}");
        }
        if step.down_non_transactional {
            let _ = writeln!(out, "-- runs outside a transaction");
        }
        for s in &step.down {
            let _ = writeln!(out, "{s};");
        }
        out.push('\n');
    }
    finish(out)
}

/// Ends the text with exactly one newline (empty stays empty).
fn finish(mut out: String) -> String {
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};
    use strata::schema::Schema;

    use super::*;
    use crate::plan::{plan, PlanOptions};

    fn schema(json: &str) -> Schema {
        match Schema::from_json(json) {
            Ok(s) => s,
            Err(e) => panic!("bad test schema: {e}\n{json}"),
        }
    }

    /// Plans `current` → `desired` and shows the up and down SQL.
    fn check_with(current: &str, desired: &str, opts: PlanOptions, expect: Expect) {
        let p = plan(&schema(current), &schema(desired), &opts);
        let mut out = String::new();
        out.push_str("== up\n");
        out.push_str(&render_up(&p));
        out.push_str("== down\n");
        out.push_str(&render_down(&p));
        if p.needs_no_transaction() {
            out.push_str("== no transaction\n");
        }
        expect.assert_eq(&out);
    }

    fn check(current: &str, desired: &str, expect: Expect) {
        check_with(current, desired, PlanOptions::default(), expect)
    }

    fn allow() -> PlanOptions {
        PlanOptions {
            allow_drops: true,
            concurrently: false,
        }
    }

    const EMPTY: &str = "{}";

    #[test]
    fn nothing_to_do() {
        let s = r#"{"tables": [{"schema": "public", "name": "t", "columns": [{"name": "a", "type": "integer", "nullable": true}]}]}"#;
        check(
            s,
            s,
            expect![[r#"
            == up
            == down
        "#]],
        );
        assert!(plan(&schema(s), &schema(s), &PlanOptions::default()).is_empty());
    }

    #[test]
    fn fresh_install_orders_schemas_enums_tables_then_foreign_keys() {
        check(
            EMPTY,
            r#"{
              "enums": [{"schema": "app", "name": "Mood", "labels": ["sad", "it's ok"], "comment": "how it feels"}],
              "tables": [
                {"schema": "app", "name": "child", "columns": [
                    {"name": "id", "type": "bigint", "nullable": false, "identity": "always"},
                    {"name": "parent_id", "type": "bigint", "nullable": true},
                    {"name": "mood", "type": "app.\"Mood\"", "nullable": false, "default": "'sad'::app.\"Mood\""}],
                 "primary_key": {"name": "child_pkey", "columns": ["id"]},
                 "foreign_keys": [{"name": "child_parent_id_fkey", "columns": ["parent_id"], "ref_schema": "public", "ref_table": "User", "ref_columns": ["id"], "on_delete": "cascade"}],
                 "indexes": [{"name": "child_parent_id_idx", "elements": [{"column": "parent_id"}], "predicate": "(parent_id IS NOT NULL)"}]},
                {"schema": "public", "name": "User", "columns": [
                    {"name": "id", "type": "bigint", "nullable": false, "identity": "by_default", "comment": "the key"},
                    {"name": "order", "type": "text", "nullable": true}],
                 "primary_key": {"name": "User_pkey", "columns": ["id"]},
                 "uniques": [{"name": "User_order_key", "columns": ["order"]}],
                 "comment": "people"}
              ]
            }"#,
            expect![[r#"
                == up
                -- + schema app
                CREATE SCHEMA app;

                -- + enum app."Mood" ('sad', 'it''s ok')
                CREATE TYPE app."Mood" AS ENUM ('sad', 'it''s ok');
                COMMENT ON TYPE app."Mood" IS 'how it feels';

                -- + table app.child
                CREATE TABLE app.child (
                    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                    parent_id bigint,
                    mood app."Mood" DEFAULT 'sad'::app."Mood" NOT NULL,
                    CONSTRAINT child_pkey PRIMARY KEY (id)
                );
                CREATE INDEX child_parent_id_idx ON app.child (parent_id) WHERE ((parent_id IS NOT NULL));

                -- + table "User"
                CREATE TABLE public."User" (
                    id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                    "order" text,
                    CONSTRAINT "User_pkey" PRIMARY KEY (id),
                    CONSTRAINT "User_order_key" UNIQUE ("order")
                );
                COMMENT ON TABLE public."User" IS 'people';
                COMMENT ON COLUMN public."User".id IS 'the key';

                -- + foreign key child_parent_id_fkey on app.child -> "User"
                -- hazard: blocks writes to the table while it runs
                ALTER TABLE app.child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public."User" (id) ON DELETE CASCADE;
                == down
                -- undo: + foreign key child_parent_id_fkey on app.child -> "User"
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE app.child DROP CONSTRAINT child_parent_id_fkey;

                -- undo: + table "User"
                -- hazard: deletes data
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                DROP TABLE public."User";

                -- undo: + table app.child
                -- hazard: deletes data
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                DROP TABLE app.child;

                -- undo: + enum app."Mood" ('sad', 'it''s ok')
                -- hazard: deletes data
                DROP TYPE app."Mood";

                -- undo: + schema app
                -- hazard: deletes data
                DROP SCHEMA app;
            "#]],
        );
    }

    /// A table `t` in `public` with the given columns (JSON objects).
    fn t(columns: &str, rest: &str) -> String {
        let rest = if rest.is_empty() {
            String::new()
        } else {
            format!(", {rest}")
        };
        format!(
            r#"{{"tables": [{{"schema": "public", "name": "t", "columns": [{columns}]{rest}}}]}}"#
        )
    }

    #[test]
    fn type_changes_with_and_without_using() {
        check(
            &t(
                r#"{"name": "a", "type": "text", "nullable": true, "default": "'1'::text"},
                 {"name": "b", "type": "varchar(50)", "nullable": true},
                 {"name": "c", "type": "numeric(8,2)", "nullable": true},
                 {"name": "d", "type": "integer", "nullable": true},
                 {"name": "e", "type": "uuid", "nullable": true}"#,
                "",
            ),
            &t(
                r#"{"name": "a", "type": "integer", "nullable": true, "default": "1"},
                 {"name": "b", "type": "varchar(100)", "nullable": true},
                 {"name": "c", "type": "numeric(10,2)", "nullable": true},
                 {"name": "d", "type": "bigint", "nullable": true},
                 {"name": "e", "type": "text", "nullable": true}"#,
                "",
            ),
            expect![[r#"
                == up
                -- ~ column t.a: text -> integer
                -- hazard: rewrites the table
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                -- hazard: can fail on existing rows
                ALTER TABLE public.t
                  ALTER COLUMN a DROP DEFAULT,
                  ALTER COLUMN a TYPE integer USING a::integer,
                  ALTER COLUMN a SET DEFAULT 1;

                -- ~ column t.b: character varying(50) -> character varying(100)
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN b TYPE character varying(100);

                -- ~ column t.c: numeric(8,2) -> numeric(10,2)
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN c TYPE numeric(10,2);

                -- ~ column t.d: integer -> bigint
                -- hazard: rewrites the table
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN d TYPE bigint;

                -- ~ column t.e: uuid -> text
                -- hazard: rewrites the table
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN e TYPE text;
                == down
                -- undo: ~ column t.e: uuid -> text
                -- hazard: rewrites the table
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                -- hazard: can fail on existing rows
                ALTER TABLE public.t ALTER COLUMN e TYPE uuid USING e::uuid;

                -- undo: ~ column t.d: integer -> bigint
                -- hazard: deletes data
                -- hazard: rewrites the table
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                -- hazard: can fail on existing rows
                ALTER TABLE public.t ALTER COLUMN d TYPE integer;

                -- undo: ~ column t.c: numeric(8,2) -> numeric(10,2)
                -- hazard: deletes data
                -- hazard: rewrites the table
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                -- hazard: can fail on existing rows
                ALTER TABLE public.t ALTER COLUMN c TYPE numeric(8,2);

                -- undo: ~ column t.b: character varying(50) -> character varying(100)
                -- hazard: deletes data
                -- hazard: rewrites the table
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                -- hazard: can fail on existing rows
                ALTER TABLE public.t ALTER COLUMN b TYPE character varying(50);

                -- undo: ~ column t.a: text -> integer
                -- hazard: rewrites the table
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t
                  ALTER COLUMN a DROP DEFAULT,
                  ALTER COLUMN a TYPE text,
                  ALTER COLUMN a SET DEFAULT '1'::text;
            "#]],
        );
    }

    #[test]
    fn narrowing_is_withheld_unless_allowed() {
        let cur = t(
            r#"{"name": "a", "type": "varchar(100)", "nullable": true}, {"name": "b", "type": "bigint", "nullable": false}"#,
            "",
        );
        let des = t(
            r#"{"name": "a", "type": "varchar(50)", "nullable": true}, {"name": "b", "type": "integer", "nullable": true}"#,
            "",
        );
        check(
            &cur,
            &des,
            expect![[r#"
            == up
            -- ~ column t.b: drop not null
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public.t ALTER COLUMN b DROP NOT NULL;

            -- withheld: ~ column t.a: character varying(100) -> character varying(50)
            --   deletes data: narrowing character varying(100) to character varying(50) can truncate or round values
            --   not run: pass --allow-drops (PlanOptions::allow_drops) to include it
            --   ALTER TABLE public.t ALTER COLUMN a TYPE character varying(50);

            -- withheld: ~ column t.b: bigint -> integer
            --   deletes data: narrowing bigint to integer can truncate or round values
            --   not run: pass --allow-drops (PlanOptions::allow_drops) to include it
            --   ALTER TABLE public.t ALTER COLUMN b TYPE integer;
            == down
            -- undo: ~ column t.b: drop not null
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TABLE public.t ALTER COLUMN b SET NOT NULL;
        "#]],
        );
        check_with(
            &cur,
            &des,
            allow(),
            expect![[r#"
            == up
            -- ~ column t.a: character varying(100) -> character varying(50)
            -- hazard: deletes data
            -- hazard: rewrites the table
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TABLE public.t ALTER COLUMN a TYPE character varying(50);

            -- ~ column t.b: bigint -> integer
            -- hazard: deletes data
            -- hazard: rewrites the table
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TABLE public.t ALTER COLUMN b TYPE integer;

            -- ~ column t.b: drop not null
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public.t ALTER COLUMN b DROP NOT NULL;
            == down
            -- undo: ~ column t.b: drop not null
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TABLE public.t ALTER COLUMN b SET NOT NULL;

            -- undo: ~ column t.b: bigint -> integer
            -- note: re-creates the definition only; the data the up migration deleted is not restored
            -- hazard: rewrites the table
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public.t ALTER COLUMN b TYPE bigint;

            -- undo: ~ column t.a: character varying(100) -> character varying(50)
            -- note: re-creates the definition only; the data the up migration deleted is not restored
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public.t ALTER COLUMN a TYPE character varying(100);
        "#]],
        );
    }

    #[test]
    fn nullability_defaults_and_comments() {
        check(
            &t(
                r#"{"name": "a", "type": "text", "nullable": true, "default": "'x'::text"},
                 {"name": "b", "type": "text", "nullable": false, "comment": "old"}"#,
                r#""comment": "before""#,
            ),
            &t(
                r#"{"name": "a", "type": "text", "nullable": false},
                 {"name": "b", "type": "text", "nullable": true, "default": "''::text"}"#,
                "",
            ),
            expect![[r#"
                == up
                -- ~ column t.a: default 'x'::text -> none
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN a DROP DEFAULT;

                -- ~ column t.b: default none -> ''::text
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN b SET DEFAULT ''::text;

                -- ~ column t.b: drop not null
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN b DROP NOT NULL;

                -- ~ column t.a: set not null
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                -- hazard: can fail on existing rows
                ALTER TABLE public.t ALTER COLUMN a SET NOT NULL;

                -- ~ comment on column t.b
                COMMENT ON COLUMN public.t.b IS NULL;

                -- ~ comment on table t
                COMMENT ON TABLE public.t IS NULL;
                == down
                -- undo: ~ comment on table t
                COMMENT ON TABLE public.t IS 'before';

                -- undo: ~ comment on column t.b
                COMMENT ON COLUMN public.t.b IS 'old';

                -- undo: ~ column t.a: set not null
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN a DROP NOT NULL;

                -- undo: ~ column t.b: drop not null
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                -- hazard: can fail on existing rows
                ALTER TABLE public.t ALTER COLUMN b SET NOT NULL;

                -- undo: ~ column t.b: default none -> ''::text
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN b DROP DEFAULT;

                -- undo: ~ column t.a: default 'x'::text -> none
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN a SET DEFAULT 'x'::text;
            "#]],
        );
    }

    #[test]
    fn column_drop_is_withheld_and_a_look_alike_add_suggests_a_rename() {
        let cur = t(
            r#"{"name": "id", "type": "integer", "nullable": false}, {"name": "b", "type": "text", "nullable": false}"#,
            "",
        );
        let des = t(
            r#"{"name": "id", "type": "integer", "nullable": false}, {"name": "c", "type": "text", "nullable": false}"#,
            "",
        );
        check(
            &cur,
            &des,
            expect![[r#"
            == up
            -- note: column t.b was dropped and t.c added with the same type: if this is a rename, add #[column(renamed_from = "b")] to c
            -- note: column t.b is NOT NULL without a default and its drop is withheld: inserts that leave it out fail until it is dropped

            -- + column t.c text not null
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TABLE public.t ADD COLUMN c text NOT NULL;

            -- withheld: - column t.b
            --   deletes data: drops column t.b and its values
            --   not run: pass --allow-drops (PlanOptions::allow_drops) to include it
            --   ALTER TABLE public.t DROP COLUMN b;
            == down
            -- undo: + column t.c text not null
            -- hazard: deletes data
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public.t DROP COLUMN c;
        "#]],
        );
        check_with(
            &cur,
            &des,
            allow(),
            expect![[r#"
            == up
            -- note: column t.b was dropped and t.c added with the same type: if this is a rename, add #[column(renamed_from = "b")] to c

            -- - column t.b
            -- hazard: deletes data
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public.t DROP COLUMN b;

            -- + column t.c text not null
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TABLE public.t ADD COLUMN c text NOT NULL;
            == down
            -- undo: + column t.c text not null
            -- hazard: deletes data
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public.t DROP COLUMN c;

            -- undo: - column t.b
            -- note: re-creates the definition only; the data the up migration deleted is not restored
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TABLE public.t ADD COLUMN b text NOT NULL;
        "#]],
        );
    }

    #[test]
    fn hinted_renames_are_renames() {
        let cur = r#"{"tables": [
            {"schema": "public", "name": "a", "columns": [{"name": "id", "type": "integer", "nullable": false}, {"name": "b", "type": "text", "nullable": true}],
             "primary_key": {"name": "a_pkey", "columns": ["id"]},
             "indexes": [{"name": "a_b_idx", "elements": [{"column": "b"}]}]},
            {"schema": "public", "name": "r", "columns": [{"name": "a_id", "type": "integer", "nullable": true}],
             "foreign_keys": [{"name": "r_a_id_fkey", "columns": ["a_id"], "ref_schema": "public", "ref_table": "a", "ref_columns": ["id"]}]}
        ]}"#;
        let des = r#"{"tables": [
            {"schema": "public", "name": "Accounts", "renamed_from": "a",
             "columns": [{"name": "ID", "type": "integer", "nullable": false, "renamed_from": "id"}, {"name": "c", "type": "text", "nullable": true, "renamed_from": "b"}],
             "primary_key": {"name": "a_pkey", "columns": ["ID"]},
             "indexes": [{"name": "a_b_idx", "elements": [{"column": "c"}]}]},
            {"schema": "public", "name": "r", "columns": [{"name": "a_id", "type": "integer", "nullable": true}],
             "foreign_keys": [{"name": "r_a_id_fkey", "columns": ["a_id"], "ref_schema": "public", "ref_table": "Accounts", "ref_columns": ["ID"]}]}
        ]}"#;
        check(
            cur,
            des,
            expect![[r#"
            == up
            -- ~ rename table a -> "Accounts"
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public.a RENAME TO "Accounts";

            -- ~ rename column "Accounts".b -> c
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public."Accounts" RENAME COLUMN b TO c;

            -- ~ rename column "Accounts".id -> "ID"
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public."Accounts" RENAME COLUMN id TO "ID";
            == down
            -- undo: ~ rename column "Accounts".id -> "ID"
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public."Accounts" RENAME COLUMN "ID" TO id;

            -- undo: ~ rename column "Accounts".b -> c
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public."Accounts" RENAME COLUMN c TO b;

            -- undo: ~ rename table a -> "Accounts"
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public."Accounts" RENAME TO a;
        "#]],
        );
        // Once applied, the hints stay in the models and mean nothing.
        let applied = des.replace(r#""renamed_from": "a","#, "");
        assert!(plan(&schema(&applied), &schema(des), &PlanOptions::default()).is_empty());
    }

    #[test]
    fn a_rename_onto_an_existing_column_is_taken_as_done() {
        let cur = t(
            r#"{"name": "b", "type": "integer", "nullable": true}, {"name": "c", "type": "text", "nullable": true}"#,
            "",
        );
        let des = t(
            r#"{"name": "b", "type": "text", "nullable": true, "renamed_from": "c"}"#,
            "",
        );
        check(
            &cur,
            &des,
            expect![[r#"
                == up
                -- note: column t.b has renamed_from = "c", but both c and b exist: taken as already renamed (if it is not, drop b in an earlier migration first)

                -- ~ column t.b: integer -> text
                -- hazard: rewrites the table
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN b TYPE text;

                -- withheld: - column t.c
                --   deletes data: drops column t.c and its values
                --   not run: pass --allow-drops (PlanOptions::allow_drops) to include it
                --   ALTER TABLE public.t DROP COLUMN c;
                == down
                -- undo: ~ column t.b: integer -> text
                -- hazard: rewrites the table
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                -- hazard: can fail on existing rows
                ALTER TABLE public.t ALTER COLUMN b TYPE integer USING b::integer;
            "#]],
        );
        check_with(
            &cur,
            &des,
            allow(),
            expect![[r#"
                == up
                -- note: column t.b has renamed_from = "c", but both c and b exist: taken as already renamed (if it is not, drop b in an earlier migration first)

                -- - column t.c
                -- hazard: deletes data
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t DROP COLUMN c;

                -- ~ column t.b: integer -> text
                -- hazard: rewrites the table
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN b TYPE text;
                == down
                -- undo: ~ column t.b: integer -> text
                -- hazard: rewrites the table
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                -- hazard: can fail on existing rows
                ALTER TABLE public.t ALTER COLUMN b TYPE integer USING b::integer;

                -- undo: - column t.c
                -- note: re-creates the definition only; the data the up migration deleted is not restored
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ADD COLUMN c text;
            "#]],
        );
    }

    #[test]
    fn dropped_and_added_tables_that_look_alike() {
        let cur = r#"{"tables": [{"schema": "public", "name": "old", "columns": [{"name": "a", "type": "text", "nullable": true}]}]}"#;
        let des = r#"{"tables": [{"schema": "public", "name": "new", "columns": [{"name": "a", "type": "text", "nullable": true}]}]}"#;
        check(
            cur,
            des,
            expect![[r#"
            == up
            -- note: table old was dropped and new added with the same columns: if this is a rename, add #[table(renamed_from = "old")] to new

            -- + table new
            CREATE TABLE public.new (
                a text
            );

            -- withheld: - table old
            --   deletes data: drops table old and all its rows
            --   not run: pass --allow-drops (PlanOptions::allow_drops) to include it
            --   DROP TABLE public.old;
            == down
            -- undo: + table new
            -- hazard: deletes data
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            DROP TABLE public.new;
        "#]],
        );
    }

    #[test]
    fn enum_values_added_in_the_middle_and_at_the_end() {
        let cur = r#"{"enums": [{"schema": "public", "name": "mood", "labels": ["sad", "happy"]}],
            "tables": [{"schema": "public", "name": "t", "columns": [{"name": "m", "type": "mood", "nullable": true}]}]}"#;
        let des = r#"{"enums": [{"schema": "public", "name": "mood", "labels": ["new", "sad", "ok", "happy", "ecstatic"]}],
            "tables": [{"schema": "public", "name": "t", "columns": [{"name": "m", "type": "mood", "nullable": true}]}]}"#;
        check(
            cur,
            des,
            expect![[r#"
            == up
            -- ~ enum mood: + value 'new' before 'sad'
            ALTER TYPE public.mood ADD VALUE 'new' BEFORE 'sad';

            -- ~ enum mood: + value 'ok' after 'sad'
            ALTER TYPE public.mood ADD VALUE 'ok' AFTER 'sad';

            -- ~ enum mood: + value 'ecstatic' at the end
            ALTER TYPE public.mood ADD VALUE 'ecstatic';
            == down
            -- undo: ~ enum mood: + value 'ecstatic' at the end
            -- hazard: deletes data
            -- hazard: rewrites the table
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TYPE public.mood RENAME TO mood_old;
            CREATE TYPE public.mood AS ENUM ('new', 'sad', 'ok', 'happy');
            ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood;
            DROP TYPE public.mood_old;

            -- undo: ~ enum mood: + value 'ok' after 'sad'
            -- hazard: deletes data
            -- hazard: rewrites the table
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TYPE public.mood RENAME TO mood_old;
            CREATE TYPE public.mood AS ENUM ('new', 'sad', 'happy');
            ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood;
            DROP TYPE public.mood_old;

            -- undo: ~ enum mood: + value 'new' before 'sad'
            -- hazard: deletes data
            -- hazard: rewrites the table
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TYPE public.mood RENAME TO mood_old;
            CREATE TYPE public.mood AS ENUM ('sad', 'happy');
            ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood;
            DROP TYPE public.mood_old;
        "#]],
        );
    }

    #[test]
    fn enum_value_used_by_a_new_default_must_commit_first() {
        let cur = r#"{"enums": [{"schema": "public", "name": "mood", "labels": ["sad"]}],
            "tables": [{"schema": "public", "name": "t", "columns": [{"name": "m", "type": "mood", "nullable": true}]}]}"#;
        let des = r#"{"enums": [{"schema": "public", "name": "mood", "labels": ["sad", "ok"]}],
            "tables": [{"schema": "public", "name": "t", "columns": [{"name": "m", "type": "mood", "nullable": true, "default": "'ok'::mood"}]}]}"#;
        check(
            cur,
            des,
            expect![[r#"
            == up
            -- ~ enum mood: + value 'ok' at the end
            -- runs outside a transaction
            ALTER TYPE public.mood ADD VALUE 'ok';

            -- ~ column t.m: default none -> 'ok'::mood
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public.t ALTER COLUMN m SET DEFAULT 'ok'::mood;
            == down
            -- undo: ~ column t.m: default none -> 'ok'::mood
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public.t ALTER COLUMN m DROP DEFAULT;

            -- undo: ~ enum mood: + value 'ok' at the end
            -- hazard: deletes data
            -- hazard: rewrites the table
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TYPE public.mood RENAME TO mood_old;
            CREATE TYPE public.mood AS ENUM ('sad');
            ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood;
            DROP TYPE public.mood_old;
            == no transaction
        "#]],
        );
    }

    #[test]
    fn enum_value_removal_recreates_the_type() {
        let cur = r#"{"enums": [{"schema": "public", "name": "mood", "labels": ["sad", "meh", "happy"]}],
            "tables": [{"schema": "public", "name": "t", "columns": [
                {"name": "m", "type": "mood", "nullable": false, "default": "'sad'::mood"},
                {"name": "ms", "type": "mood[]", "nullable": true}]}]}"#;
        let des = r#"{"enums": [{"schema": "public", "name": "mood", "labels": ["happy", "sad", "fine"]}],
            "tables": [{"schema": "public", "name": "t", "columns": [
                {"name": "m", "type": "mood", "nullable": false, "default": "'happy'::mood"},
                {"name": "ms", "type": "mood[]", "nullable": true}]}]}"#;
        check(
            cur,
            des,
            expect![[r#"
            == up
            -- ~ enum mood: + value 'fine' after 'sad'
            ALTER TYPE public.mood ADD VALUE 'fine' AFTER 'sad';

            -- withheld: ~ enum mood: ('sad', 'fine', 'meh', 'happy') -> ('happy', 'sad', 'fine') (re-created)
            --   deletes data: removes enum value 'meh' (rows holding it make the migration fail)
            --   not run: pass --allow-drops (PlanOptions::allow_drops) to include it
            --   ALTER TYPE public.mood RENAME TO mood_old;
            --   CREATE TYPE public.mood AS ENUM ('happy', 'sad', 'fine');
            --   ALTER TABLE public.t
            --     ALTER COLUMN m DROP DEFAULT,
            --     ALTER COLUMN m TYPE public.mood USING m::text::public.mood,
            --     ALTER COLUMN ms TYPE public.mood[] USING ms::text::public.mood[],
            --     ALTER COLUMN m SET DEFAULT 'happy'::mood;
            --   DROP TYPE public.mood_old;
            == down
            -- undo: ~ enum mood: + value 'fine' after 'sad'
            -- hazard: deletes data
            -- hazard: rewrites the table
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TYPE public.mood RENAME TO mood_old;
            CREATE TYPE public.mood AS ENUM ('sad', 'meh', 'happy');
            ALTER TABLE public.t
              ALTER COLUMN m DROP DEFAULT,
              ALTER COLUMN m TYPE public.mood USING m::text::public.mood,
              ALTER COLUMN ms TYPE public.mood[] USING ms::text::public.mood[],
              ALTER COLUMN m SET DEFAULT 'sad'::mood;
            DROP TYPE public.mood_old;
        "#]],
        );
        check_with(
            cur,
            des,
            allow(),
            expect![[r#"
            == up
            -- ~ enum mood: + value 'fine' after 'sad'
            ALTER TYPE public.mood ADD VALUE 'fine' AFTER 'sad';

            -- ~ enum mood: ('sad', 'fine', 'meh', 'happy') -> ('happy', 'sad', 'fine') (re-created)
            -- hazard: deletes data
            -- hazard: rewrites the table
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TYPE public.mood RENAME TO mood_old;
            CREATE TYPE public.mood AS ENUM ('happy', 'sad', 'fine');
            ALTER TABLE public.t
              ALTER COLUMN m DROP DEFAULT,
              ALTER COLUMN m TYPE public.mood USING m::text::public.mood,
              ALTER COLUMN ms TYPE public.mood[] USING ms::text::public.mood[],
              ALTER COLUMN m SET DEFAULT 'happy'::mood;
            DROP TYPE public.mood_old;
            == down
            -- undo: ~ enum mood: ('sad', 'fine', 'meh', 'happy') -> ('happy', 'sad', 'fine') (re-created)
            -- note: re-creates the definition only; the data the up migration deleted is not restored
            -- hazard: rewrites the table
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TYPE public.mood RENAME TO mood_old;
            CREATE TYPE public.mood AS ENUM ('sad', 'fine', 'meh', 'happy');
            ALTER TABLE public.t
              ALTER COLUMN m DROP DEFAULT,
              ALTER COLUMN m TYPE public.mood USING m::text::public.mood,
              ALTER COLUMN ms TYPE public.mood[] USING ms::text::public.mood[],
              ALTER COLUMN m SET DEFAULT 'sad'::mood;
            DROP TYPE public.mood_old;

            -- undo: ~ enum mood: + value 'fine' after 'sad'
            -- hazard: deletes data
            -- hazard: rewrites the table
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TYPE public.mood RENAME TO mood_old;
            CREATE TYPE public.mood AS ENUM ('sad', 'meh', 'happy');
            ALTER TABLE public.t
              ALTER COLUMN m DROP DEFAULT,
              ALTER COLUMN m TYPE public.mood USING m::text::public.mood,
              ALTER COLUMN ms TYPE public.mood[] USING ms::text::public.mood[],
              ALTER COLUMN m SET DEFAULT 'sad'::mood;
            DROP TYPE public.mood_old;
        "#]],
        );
    }

    #[test]
    fn composite_primary_key_change_refreshes_the_foreign_keys_that_use_it() {
        let cur = r#"{"tables": [
            {"schema": "public", "name": "p", "columns": [{"name": "a", "type": "integer", "nullable": false}, {"name": "b", "type": "integer", "nullable": true}],
             "primary_key": {"name": "p_pkey", "columns": ["a"]}},
            {"schema": "public", "name": "c", "columns": [{"name": "pa", "type": "integer", "nullable": true}],
             "foreign_keys": [{"name": "c_pa_fkey", "columns": ["pa"], "ref_schema": "public", "ref_table": "p", "ref_columns": ["a"]}]}
        ]}"#;
        let des = r#"{"tables": [
            {"schema": "public", "name": "p", "columns": [{"name": "a", "type": "integer", "nullable": false}, {"name": "b", "type": "integer", "nullable": false}],
             "primary_key": {"name": "p_pkey", "columns": ["a", "b"]},
             "uniques": [{"name": "p_a_key", "columns": ["a"]}]},
            {"schema": "public", "name": "c", "columns": [{"name": "pa", "type": "integer", "nullable": true}],
             "foreign_keys": [{"name": "c_pa_fkey", "columns": ["pa"], "ref_schema": "public", "ref_table": "p", "ref_columns": ["a"]}]}
        ]}"#;
        check(
            cur,
            des,
            expect![[r#"
            == up
            -- - foreign key c_pa_fkey on c
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public.c DROP CONSTRAINT c_pa_fkey;

            -- - primary key p_pkey on p
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public.p DROP CONSTRAINT p_pkey;

            -- ~ column p.b: set not null
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TABLE public.p ALTER COLUMN b SET NOT NULL;

            -- + primary key p_pkey on p (a, b)
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TABLE public.p ADD CONSTRAINT p_pkey PRIMARY KEY (a, b);

            -- + unique p_a_key on p (a)
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TABLE public.p ADD CONSTRAINT p_a_key UNIQUE (a);

            -- + foreign key c_pa_fkey on c -> p
            -- hazard: blocks writes to the table while it runs
            -- hazard: can fail on existing rows
            ALTER TABLE public.c ADD CONSTRAINT c_pa_fkey FOREIGN KEY (pa) REFERENCES public.p (a);
            == down
            -- undo: + foreign key c_pa_fkey on c -> p
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public.c DROP CONSTRAINT c_pa_fkey;

            -- undo: + unique p_a_key on p (a)
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public.p DROP CONSTRAINT p_a_key;

            -- undo: + primary key p_pkey on p (a, b)
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public.p DROP CONSTRAINT p_pkey;

            -- undo: ~ column p.b: set not null
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE public.p ALTER COLUMN b DROP NOT NULL;

            -- undo: - primary key p_pkey on p
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            -- hazard: can fail on existing rows
            ALTER TABLE public.p ADD CONSTRAINT p_pkey PRIMARY KEY (a);

            -- undo: - foreign key c_pa_fkey on c
            -- hazard: blocks writes to the table while it runs
            -- hazard: can fail on existing rows
            ALTER TABLE public.c ADD CONSTRAINT c_pa_fkey FOREIGN KEY (pa) REFERENCES public.p (a);
        "#]],
        );
    }

    #[test]
    fn changed_foreign_key_check_and_index_are_recreated_concurrently_when_asked() {
        let cur = r#"{"tables": [
            {"schema": "public", "name": "p", "columns": [{"name": "id", "type": "integer", "nullable": false}], "primary_key": {"name": "p_pkey", "columns": ["id"]}},
            {"schema": "public", "name": "c", "columns": [{"name": "pid", "type": "integer", "nullable": true}, {"name": "n", "type": "integer", "nullable": true}],
             "foreign_keys": [{"name": "c_pid_fkey", "columns": ["pid"], "ref_schema": "public", "ref_table": "p", "ref_columns": ["id"]}],
             "checks": [{"name": "c_n_check", "expression": "(n > 0)"}],
             "indexes": [{"name": "c_n_idx", "elements": [{"column": "n"}]}, {"name": "old_name", "elements": [{"column": "pid"}]}]}
        ]}"#;
        let des = r#"{"tables": [
            {"schema": "public", "name": "p", "columns": [{"name": "id", "type": "integer", "nullable": false}], "primary_key": {"name": "p_pkey", "columns": ["id"]}},
            {"schema": "public", "name": "c", "columns": [{"name": "pid", "type": "integer", "nullable": true}, {"name": "n", "type": "integer", "nullable": true}],
             "foreign_keys": [{"name": "c_pid_fkey", "columns": ["pid"], "ref_schema": "public", "ref_table": "p", "ref_columns": ["id"], "on_delete": "cascade"}],
             "checks": [{"name": "c_n_check", "expression": "(n >= 0)"}],
             "indexes": [{"name": "c_n_idx", "elements": [{"column": "n", "order": "desc"}], "predicate": "(n IS NOT NULL)"}, {"name": "new_name", "elements": [{"column": "pid"}]}],
             "uniques": [{"name": "c_n_key", "columns": ["n"]}]}
        ]}"#;
        check_with(
            cur,
            des,
            PlanOptions {
                allow_drops: false,
                concurrently: true,
            },
            expect![[r#"
                == up
                -- - foreign key c_pid_fkey on c
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.c DROP CONSTRAINT c_pid_fkey;

                -- - check c_n_check on c
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.c DROP CONSTRAINT c_n_check;

                -- - index c_n_idx on c
                -- runs outside a transaction
                DROP INDEX CONCURRENTLY public.c_n_idx;

                -- ~ rename index old_name -> new_name on c
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER INDEX public.old_name RENAME TO new_name;

                -- + unique c_n_key on c (n)
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                -- hazard: can fail on existing rows
                -- runs outside a transaction
                CREATE UNIQUE INDEX CONCURRENTLY c_n_key ON public.c (n);
                ALTER TABLE public.c ADD CONSTRAINT c_n_key UNIQUE USING INDEX c_n_key;

                -- + index c_n_idx on c
                -- runs outside a transaction
                CREATE INDEX CONCURRENTLY c_n_idx ON public.c (n DESC) WHERE ((n IS NOT NULL));

                -- + check c_n_check on c
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                -- hazard: can fail on existing rows
                ALTER TABLE public.c ADD CONSTRAINT c_n_check CHECK ((n >= 0));

                -- + foreign key c_pid_fkey on c -> p
                -- hazard: blocks writes to the table while it runs
                -- hazard: can fail on existing rows
                ALTER TABLE public.c ADD CONSTRAINT c_pid_fkey FOREIGN KEY (pid) REFERENCES public.p (id) ON DELETE CASCADE;
                == down
                -- undo: + foreign key c_pid_fkey on c -> p
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.c DROP CONSTRAINT c_pid_fkey;

                -- undo: + check c_n_check on c
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.c DROP CONSTRAINT c_n_check;

                -- undo: + index c_n_idx on c
                -- runs outside a transaction
                DROP INDEX CONCURRENTLY public.c_n_idx;

                -- undo: + unique c_n_key on c (n)
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.c DROP CONSTRAINT c_n_key;

                -- undo: ~ rename index old_name -> new_name on c
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER INDEX public.new_name RENAME TO old_name;

                -- undo: - index c_n_idx on c
                -- runs outside a transaction
                CREATE INDEX CONCURRENTLY c_n_idx ON public.c (n);

                -- undo: - check c_n_check on c
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                -- hazard: can fail on existing rows
                ALTER TABLE public.c ADD CONSTRAINT c_n_check CHECK ((n > 0));

                -- undo: - foreign key c_pid_fkey on c
                -- hazard: blocks writes to the table while it runs
                -- hazard: can fail on existing rows
                ALTER TABLE public.c ADD CONSTRAINT c_pid_fkey FOREIGN KEY (pid) REFERENCES public.p (id);
                == no transaction
            "#]],
        );
    }

    #[test]
    fn identity_changes() {
        check(
            &t(
                r#"{"name": "a", "type": "integer", "nullable": false, "identity": "serial"},
                 {"name": "b", "type": "bigint", "nullable": false, "identity": "always"},
                 {"name": "c", "type": "bigint", "nullable": true, "default": "0"},
                 {"name": "d", "type": "integer", "nullable": false, "identity": "by_default"}"#,
                "",
            ),
            &t(
                r#"{"name": "a", "type": "integer", "nullable": false, "identity": "by_default"},
                 {"name": "b", "type": "bigint", "nullable": false, "identity": "by_default"},
                 {"name": "c", "type": "bigint", "nullable": false, "identity": "always"},
                 {"name": "d", "type": "integer", "nullable": false, "identity": "serial"}"#,
                "",
            ),
            expect![[r#"
                == up
                -- ~ column t.c: default 0 -> none
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN c DROP DEFAULT;

                -- ~ column t.c: set not null
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                -- hazard: can fail on existing rows
                ALTER TABLE public.t ALTER COLUMN c SET NOT NULL;

                -- ~ column t.a: identity serial -> by default
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN a DROP DEFAULT;
                DO $strata$ BEGIN EXECUTE 'DROP SEQUENCE ' || pg_get_serial_sequence('public.t', 'a'); END $strata$;
                ALTER TABLE public.t ALTER COLUMN a ADD GENERATED BY DEFAULT AS IDENTITY;
                SELECT setval(pg_get_serial_sequence('public.t', 'a'), greatest(max(a), 0) + 1, false) FROM public.t;

                -- ~ column t.b: identity always -> by default
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN b SET GENERATED BY DEFAULT;

                -- ~ column t.c: identity none -> always
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN c ADD GENERATED ALWAYS AS IDENTITY;
                SELECT setval(pg_get_serial_sequence('public.t', 'c'), greatest(max(c), 0) + 1, false) FROM public.t;

                -- ~ column t.d: identity by default -> serial
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN d DROP IDENTITY;
                CREATE SEQUENCE public.t_d_seq AS integer;
                ALTER SEQUENCE public.t_d_seq OWNED BY public.t.d;
                ALTER TABLE public.t ALTER COLUMN d SET DEFAULT nextval('public.t_d_seq'::regclass);
                SELECT setval(pg_get_serial_sequence('public.t', 'd'), greatest(max(d), 0) + 1, false) FROM public.t;
                == down
                -- undo: ~ column t.d: identity by default -> serial
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN d DROP DEFAULT;
                DO $strata$ BEGIN EXECUTE 'DROP SEQUENCE ' || pg_get_serial_sequence('public.t', 'd'); END $strata$;
                ALTER TABLE public.t ALTER COLUMN d ADD GENERATED BY DEFAULT AS IDENTITY;
                SELECT setval(pg_get_serial_sequence('public.t', 'd'), greatest(max(d), 0) + 1, false) FROM public.t;

                -- undo: ~ column t.c: identity none -> always
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN c DROP IDENTITY;

                -- undo: ~ column t.b: identity always -> by default
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN b SET GENERATED ALWAYS;

                -- undo: ~ column t.a: identity serial -> by default
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN a DROP IDENTITY;
                CREATE SEQUENCE public.t_a_seq AS integer;
                ALTER SEQUENCE public.t_a_seq OWNED BY public.t.a;
                ALTER TABLE public.t ALTER COLUMN a SET DEFAULT nextval('public.t_a_seq'::regclass);
                SELECT setval(pg_get_serial_sequence('public.t', 'a'), greatest(max(a), 0) + 1, false) FROM public.t;

                -- undo: ~ column t.c: set not null
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN c DROP NOT NULL;

                -- undo: ~ column t.c: default 0 -> none
                -- hazard: takes an ACCESS EXCLUSIVE lock on the table
                ALTER TABLE public.t ALTER COLUMN c SET DEFAULT 0;
            "#]],
        );
    }

    #[test]
    fn dropping_tables_that_reference_each_other() {
        let cur = r#"{"enums": [{"schema": "s", "name": "e", "labels": ["x"]}], "tables": [
            {"schema": "s", "name": "a", "columns": [{"name": "id", "type": "integer", "nullable": false}, {"name": "b_id", "type": "integer", "nullable": true}, {"name": "k", "type": "s.e", "nullable": true}],
             "primary_key": {"name": "a_pkey", "columns": ["id"]},
             "foreign_keys": [{"name": "a_b_id_fkey", "columns": ["b_id"], "ref_schema": "s", "ref_table": "b", "ref_columns": ["id"]}]},
            {"schema": "s", "name": "b", "columns": [{"name": "id", "type": "integer", "nullable": false}, {"name": "a_id", "type": "integer", "nullable": true}],
             "primary_key": {"name": "b_pkey", "columns": ["id"]},
             "foreign_keys": [{"name": "b_a_id_fkey", "columns": ["a_id"], "ref_schema": "s", "ref_table": "a", "ref_columns": ["id"]}]}
        ]}"#;
        check(
            cur,
            EMPTY,
            expect![[r#"
            == up
            -- withheld: - foreign key a_b_id_fkey on s.a
            --   part of dropping table s.a, which is withheld
            --   not run: pass --allow-drops (PlanOptions::allow_drops) to include it
            --   ALTER TABLE s.a DROP CONSTRAINT a_b_id_fkey;

            -- withheld: - foreign key b_a_id_fkey on s.b
            --   part of dropping table s.b, which is withheld
            --   not run: pass --allow-drops (PlanOptions::allow_drops) to include it
            --   ALTER TABLE s.b DROP CONSTRAINT b_a_id_fkey;

            -- withheld: - table s.a
            --   deletes data: drops table s.a and all its rows
            --   not run: pass --allow-drops (PlanOptions::allow_drops) to include it
            --   DROP TABLE s.a;

            -- withheld: - table s.b
            --   deletes data: drops table s.b and all its rows
            --   not run: pass --allow-drops (PlanOptions::allow_drops) to include it
            --   DROP TABLE s.b;

            -- withheld: - enum s.e
            --   drops type s.e
            --   not run: pass --allow-drops (PlanOptions::allow_drops) to include it
            --   DROP TYPE s.e;

            -- withheld: - schema s
            --   drops schema s
            --   not run: pass --allow-drops (PlanOptions::allow_drops) to include it
            --   DROP SCHEMA s;
            == down
        "#]],
        );
        check_with(
            cur,
            EMPTY,
            allow(),
            expect![[r#"
            == up
            -- - foreign key a_b_id_fkey on s.a
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE s.a DROP CONSTRAINT a_b_id_fkey;

            -- - foreign key b_a_id_fkey on s.b
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            ALTER TABLE s.b DROP CONSTRAINT b_a_id_fkey;

            -- - table s.a
            -- hazard: deletes data
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            DROP TABLE s.a;

            -- - table s.b
            -- hazard: deletes data
            -- hazard: takes an ACCESS EXCLUSIVE lock on the table
            DROP TABLE s.b;

            -- - enum s.e
            -- hazard: deletes data
            DROP TYPE s.e;

            -- - schema s
            -- hazard: deletes data
            DROP SCHEMA s;
            == down
            -- undo: - schema s
            -- note: re-creates the definition only; the data the up migration deleted is not restored
            CREATE SCHEMA s;

            -- undo: - enum s.e
            -- note: re-creates the definition only; the data the up migration deleted is not restored
            CREATE TYPE s.e AS ENUM ('x');

            -- undo: - table s.b
            -- note: re-creates the definition only; the data the up migration deleted is not restored
            CREATE TABLE s.b (
                id integer NOT NULL,
                a_id integer,
                CONSTRAINT b_pkey PRIMARY KEY (id)
            );

            -- undo: - table s.a
            -- note: re-creates the definition only; the data the up migration deleted is not restored
            CREATE TABLE s.a (
                id integer NOT NULL,
                b_id integer,
                k s.e,
                CONSTRAINT a_pkey PRIMARY KEY (id)
            );

            -- undo: - foreign key b_a_id_fkey on s.b
            -- hazard: blocks writes to the table while it runs
            -- hazard: can fail on existing rows
            ALTER TABLE s.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES s.a (id);

            -- undo: - foreign key a_b_id_fkey on s.a
            -- hazard: blocks writes to the table while it runs
            -- hazard: can fail on existing rows
            ALTER TABLE s.a ADD CONSTRAINT a_b_id_fkey FOREIGN KEY (b_id) REFERENCES s.b (id);
        "#]],
        );
    }
}
