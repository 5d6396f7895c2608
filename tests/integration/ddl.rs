//! The DDL of a schema covering every supported type, default, constraint and
//! index kind (`tests/cases/ddl/every_kind.json`, written in the canonical
//! form PostgreSQL prints), rendered by `strata::ddl` and applied to a real
//! database: introspected back it equals the input, normalizing the input
//! changes nothing, and the idempotent variant run again (twice, and on top
//! of the plain DDL) changes neither the catalog nor any row.

use schema_diff::introspect::{introspect, IntrospectOptions};
use schema_diff::normalize::{apply_schema, normalize};
use schema_diff::scratch::ScratchDb;
use strata::ddl::create::{schema_ddl, to_script, DdlOptions};
use strata::schema::Schema;
use strata::testing::{run, TestDb};
use strata_tests::{admin_url, assert_schemas_eq, table_checksums};

fn every_kind() -> Schema {
    Schema::from_json(include_str!("../cases/ddl/every_kind.json")).expect("every_kind.json")
}

fn opts(schema: &Schema) -> IntrospectOptions {
    IntrospectOptions::schemas(schema.schemas.clone())
}

/// Rows touching every column, so the idempotent runs can be checked for
/// "no value changed".
const SEED: &str = r#"
INSERT INTO public."User" ("full name", "quo""te", email) VALUES
  ('Ada Lovelace', 'q''1', 'ada@example.org'), ('Ünïcode Name', NULL, 'u@example.org');
INSERT INTO public.all_types (c_smallint, c_integer, c_text, c_text_arr, c_mood, c_moods, c_status, c_jsonb, c_uuid, c_tstz, c_bytea)
VALUES (5, 7, 'hello', '{a,b}', 'happy', '{sad,ok}', 'it''s done', '{"k": [1, 2]}', '00000000-0000-0000-0000-000000000001', '2024-01-02 03:04:05+00', '\x01'),
       (NULL, 0, '', '{}', 'sad', NULL, NULL, '[]', '00000000-0000-0000-0000-000000000002', '2025-06-07 08:09:10+00', NULL);
INSERT INTO app."order" (user_id, "line no", note) VALUES (1, 1, 'first'), (1, 2, NULL), (2, 1, 'x');
INSERT INTO app.a (id) VALUES (1);
INSERT INTO app.b (id, a_id) VALUES (1, 1);
UPDATE app.a SET b_id = 1;
"#;

#[test]
fn every_kind_round_trips_through_a_real_database() {
    run(async {
        let model = every_kind();
        let db = TestDb::new().await.unwrap();
        let client = db.connect().await.unwrap();
        let script = to_script(&schema_ddl(&model, &DdlOptions::plain()));
        client
            .batch_execute(&script)
            .await
            .unwrap_or_else(|e| panic!("plain DDL failed: {e:?}\n{script}"));
        let read = introspect(&client, &opts(&model)).await.unwrap();
        assert_schemas_eq(&read, &model, "introspected vs the canonical model");

        let scratch = ScratchDb::create(&admin_url()).await.unwrap();
        let normalized = normalize(&model, &scratch).await.unwrap();
        scratch.drop_db().await.unwrap();
        assert_schemas_eq(&normalized, &model, "normalized vs the canonical model");
    });
}

#[test]
fn idempotent_ddl_changes_nothing_where_the_objects_exist() {
    run(async {
        let model = every_kind();
        let db = TestDb::new().await.unwrap();
        let client = db.connect().await.unwrap();

        // Plain DDL, then rows, then the idempotent variant twice on top.
        apply_schema(&client, &model, &DdlOptions::plain())
            .await
            .unwrap();
        client.batch_execute(SEED).await.unwrap();
        let before = introspect(&client, &opts(&model)).await.unwrap();
        let rows_before = table_checksums(&client, &model).await;
        assert!(rows_before.iter().any(|(_, n, _)| *n > 0));
        let idem = to_script(&schema_ddl(&model, &DdlOptions::idempotent()));
        for round in 1..=2 {
            client
                .batch_execute(&idem)
                .await
                .unwrap_or_else(|e| panic!("idempotent DDL, round {round}: {e:?}"));
            let after = introspect(&client, &opts(&model)).await.unwrap();
            assert_schemas_eq(
                &after,
                &before,
                &format!("catalog after idempotent round {round}"),
            );
            assert_eq!(
                table_checksums(&client, &model).await,
                rows_before,
                "rows after idempotent round {round}"
            );
        }

        // The idempotent variant alone, on an empty database, twice.
        let db2 = TestDb::new().await.unwrap();
        let client2 = db2.connect().await.unwrap();
        client2.batch_execute(&idem).await.unwrap();
        let first = introspect(&client2, &opts(&model)).await.unwrap();
        assert_schemas_eq(&first, &model, "idempotent DDL on an empty database");
        client2.batch_execute(SEED).await.unwrap();
        let rows = table_checksums(&client2, &model).await;
        client2.batch_execute(&idem).await.unwrap();
        let second = introspect(&client2, &opts(&model)).await.unwrap();
        assert_schemas_eq(&second, &first, "idempotent DDL run a second time");
        assert_eq!(table_checksums(&client2, &model).await, rows);

        // Where pieces are missing, the idempotent variant adds exactly them.
        client2
            .batch_execute(
                "ALTER TABLE app.\"order\" DROP CONSTRAINT order_user_id_fkey; \
                 DROP INDEX public.all_types_expr_idx; \
                 ALTER TABLE public.\"User\" DROP CONSTRAINT \"User_status_check\"; \
                 COMMENT ON TABLE public.all_types IS NULL; \
                 COMMENT ON TYPE public.mood IS NULL",
            )
            .await
            .unwrap();
        let partial = introspect(&client2, &opts(&model)).await.unwrap();
        assert_ne!(partial, model);
        client2.batch_execute(&idem).await.unwrap();
        let repaired = introspect(&client2, &opts(&model)).await.unwrap();
        assert_schemas_eq(
            &repaired,
            &model,
            "idempotent DDL on a database missing pieces",
        );
        assert_eq!(table_checksums(&client2, &model).await, rows);
    });
}
