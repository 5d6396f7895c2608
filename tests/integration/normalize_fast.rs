//! The fast normalization path (`schema_diff::normalize::normalize_on`)
//! against the reference (the whole schema built in a scratch database and
//! introspected), on schemas written the way models write them; its errors;
//! its cache; and that it needs nothing but `TEMPORARY` on the database.
//! The random-schema comparison is `diff_props::fast_normalization_equals_the_reference`.

use schema_diff::cache::Cache;
use schema_diff::error::NormalizeError;
use schema_diff::normalize::{normalize, normalize_on};
use schema_diff::scratch::ScratchDb;
use schema_diff::Error;
use strata::schema::Schema;
use strata_testing::{run, TestDb};
use strata_tests::{admin, assert_schemas_eq};

/// Models as people write them: bare literals, synonyms, `IN` lists,
/// default operator classes named, constraints left to imply NOT NULL, a
/// partition's own defaults on columns it inherits.
const MODEL_SPELLINGS: &str = r#"{
  "schemas": ["public", "app"],
  "enums": [{"schema": "app", "name": "status", "labels": ["new", "done"]}],
  "tables": [{
    "schema": "public", "name": "items",
    "columns": [
      {"name": "id", "type": "bigint", "nullable": true, "identity": "always"},
      {"name": "name", "type": "text", "nullable": false, "default": "'unnamed'"},
      {"name": "code", "type": "character varying(8)", "nullable": true, "default": "'x'"},
      {"name": "flag", "type": "character(1)", "nullable": true, "default": "'y'"},
      {"name": "qty", "type": "integer", "nullable": false, "default": "0"},
      {"name": "price", "type": "numeric(10,2)", "nullable": true, "default": "1"},
      {"name": "ratio", "type": "double precision", "nullable": true, "default": "1.5"},
      {"name": "status", "type": "app.status", "nullable": false, "default": "'new'"},
      {"name": "tags", "type": "text[]", "nullable": false, "default": "'{}'"},
      {"name": "meta", "type": "jsonb", "nullable": true, "default": "'{}'"},
      {"name": "made", "type": "timestamp with time zone", "nullable": false, "default": "now()"},
      {"name": "day", "type": "date", "nullable": true, "default": "CURRENT_DATE"},
      {"name": "gone", "type": "timestamp with time zone", "nullable": true, "comment": ""}
    ],
    "primary_key": {"name": "items_pkey", "columns": ["id"]},
    "uniques": [{"name": "items_code_key", "columns": ["code"]}],
    "indexes": [
      {"name": "items_lower_name", "elements": [{"expression": "lower(name)"}]},
      {"name": "items_live", "elements": [{"column": "made", "order": "desc"}], "predicate": "gone IS NULL"},
      {"name": "items_name_pattern", "elements": [{"column": "name", "opclass": "text_pattern_ops"}]},
      {"name": "items_name_default_ops", "elements": [{"column": "name", "opclass": "text_ops"}]},
      {"name": "items_meta", "method": "gin", "elements": [{"column": "meta", "opclass": "jsonb_path_ops"}]},
      {"name": "items_paren", "elements": [{"expression": "(qty)"}]}
    ],
    "checks": [
      {"name": "items_qty_check", "expression": "qty >= 0"},
      {"name": "items_status_check", "expression": "status IN ('new', 'done')"},
      {"name": "items_code_check", "expression": "code <> ''"}
    ],
    "comment": ""
  }, {
    "schema": "app", "name": "notes",
    "columns": [
      {"name": "id", "type": "integer", "nullable": true, "identity": "serial"},
      {"name": "item_id", "type": "bigint", "nullable": true},
      {"name": "body", "type": "text", "nullable": true, "default": "'unnamed'"}
    ],
    "primary_key": {"name": "notes_pkey", "columns": ["id"]},
    "foreign_keys": [{"name": "notes_item_id_fkey", "columns": ["item_id"], "ref_schema": "public",
                      "ref_table": "items", "ref_columns": ["id"], "on_delete": "cascade"}]
  }, {
    "schema": "app", "name": "readings",
    "columns": [
      {"name": "at", "type": "date", "nullable": false},
      {"name": "source", "type": "text", "nullable": true, "default": "'web'"},
      {"name": "weight", "type": "numeric(6,2)", "nullable": true}
    ],
    "partition_by": "RANGE (at)"
  }, {
    "schema": "app", "name": "readings_2025",
    "columns": [],
    "partition_of": {"parent": {"schema": "app", "name": "readings"},
                     "bound": "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"},
    "local_defaults": {"source": "'import'", "weight": "1+1"}
  }]
}"#;

/// The reference: `models` built in a scratch database and introspected.
async fn reference(models: &Schema) -> Schema {
    let scratch = ScratchDb::create(&admin()).await.unwrap();
    let out = normalize(models, &scratch).await;
    scratch.drop_db().await.unwrap();
    out.unwrap_or_else(|e| panic!("reference normalization: {e}"))
}

async fn fast(db: &TestDb, models: &Schema, cache: &mut Cache) -> Schema {
    let client = db.connect().await.unwrap();
    normalize_on(&client, models, cache)
        .await
        .unwrap_or_else(|e| panic!("fast normalization: {e}"))
        .0
}

#[test]
fn model_spellings_normalize_as_the_server_prints_them() {
    run(async {
        let models = Schema::from_json(MODEL_SPELLINGS).unwrap();
        let want = reference(&models).await;
        let db = TestDb::new().await.unwrap();
        // On a database without the tables or the enum type (created in
        // the rolled-back transaction), then with them.
        let got = fast(&db, &models, &mut Cache::disabled()).await;
        assert_schemas_eq(&want, &got, "on an empty database");
        let client = db.connect().await.unwrap();
        schema_diff::normalize::apply_schema(
            &client,
            &want,
            &strata_model::ddl::create::DdlOptions::plain(),
        )
        .await
        .unwrap();
        let got = fast(&db, &models, &mut Cache::disabled()).await;
        assert_schemas_eq(&want, &got, "on a database holding the schema");
        // Nothing of the probes stayed.
        let left: i64 = client
            .query_one(
                "SELECT count(*) FROM pg_class WHERE relname LIKE 'strata_probe%'",
                &[],
            )
            .await
            .unwrap()
            .get(0);
        assert_eq!(left, 0);
    });
}

#[test]
fn the_dgs_models_and_every_kind_normalize_as_the_reference() {
    run(async {
        for (what, models) in [
            ("the DGS models", dgs::models::registry().schema().unwrap()),
            (
                "every_kind.json",
                Schema::from_json(include_str!("../cases/diff/every_kind.json")).unwrap(),
            ),
        ] {
            let want = reference(&models).await;
            let db = TestDb::new().await.unwrap();
            let got = fast(&db, &models, &mut Cache::disabled()).await;
            assert_schemas_eq(&want, &got, what);
        }
    });
}

#[test]
fn the_cache_answers_the_second_run_and_is_never_trusted_blindly() {
    run(async {
        let models = Schema::from_json(MODEL_SPELLINGS).unwrap();
        let db = TestDb::new().await.unwrap();
        let dir = std::env::temp_dir().join(format!("strata-cache-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let client = db.connect().await.unwrap();
        let (first, s1) = normalize_on(&client, &models, &mut Cache::open(Some(dir.clone())))
            .await
            .unwrap();
        assert_eq!(s1.cached, 0);
        assert_eq!(s1.probed, s1.parts);
        assert!(s1.parts > 0);
        let (second, s2) = normalize_on(&client, &models, &mut Cache::open(Some(dir.clone())))
            .await
            .unwrap();
        assert_eq!(second, first);
        assert_eq!((s2.cached, s2.probed), (s2.parts, 0), "all from the cache");
        // A tampered entry is ignored: the server is asked again.
        let parts = dir.join("parts");
        for f in std::fs::read_dir(&parts).unwrap() {
            let path = f.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, text.replace("unnamed", "tampered")).unwrap();
        }
        let (third, s3) = normalize_on(&client, &models, &mut Cache::open(Some(dir.clone())))
            .await
            .unwrap();
        assert_eq!(third, first);
        assert_eq!(s3.cached, 0);
        // A change the printing depends on (a new function in the catalog)
        // is another namespace: nothing is reused.
        client
            .batch_execute("CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'")
            .await
            .unwrap();
        let (_, s4) = normalize_on(&client, &models, &mut Cache::open(Some(dir.clone())))
            .await
            .unwrap();
        assert_eq!(s4.cached, 0);
        let _ = std::fs::remove_dir_all(&dir);
    });
}

#[test]
fn rejected_parts_are_named_and_nothing_stays() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let client = db.connect().await.unwrap();
        for (column, check, index, want) in [
            (
                r#"{"name": "x", "type": "integer", "nullable": true, "default": "nw()"}"#,
                "",
                "",
                "table public.t, column x: default \"nw()\"",
            ),
            (
                r#"{"name": "x", "type": "public.nosuchtype", "nullable": true}"#,
                "",
                "",
                "table public.t, column x: type",
            ),
            (
                r#"{"name": "x", "type": "integer", "nullable": true}"#,
                r#", "checks": [{"name": "t_x_check", "expression": "y > 0"}]"#,
                "",
                "table public.t, check t_x_check",
            ),
            (
                r#"{"name": "x", "type": "integer", "nullable": true}"#,
                "",
                r#", "indexes": [{"name": "t_i", "elements": [{"expression": "lower(x)"}]}]"#,
                "table public.t, index t_i: expression \"lower(x)\"",
            ),
            (
                r#"{"name": "x", "type": "integer", "nullable": true}"#,
                "",
                r#", "indexes": [{"name": "t_i", "elements": [{"column": "x"}], "predicate": "x ~~ 1"}]"#,
                "table public.t, index t_i: predicate",
            ),
        ] {
            let json = format!(
                r#"{{"schemas": ["public"], "tables": [{{"schema": "public", "name": "t", "columns": [{column}]{check}{index}}}]}}"#
            );
            let models = Schema::from_json(&json).unwrap();
            let err = normalize_on(&client, &models, &mut Cache::disabled())
                .await
                .unwrap_err();
            assert!(
                matches!(&err, Error::Normalize(NormalizeError::Rejected { object, .. }) if object.starts_with(want)),
                "{want}: {err:?}"
            );
            // The connection is usable and outside any transaction.
            let n: i64 = client
                .query_one(
                    "SELECT count(*) FROM pg_class WHERE relname LIKE 'strata_probe%'",
                    &[],
                )
                .await
                .unwrap()
                .get(0);
            assert_eq!(n, 0);
        }
        // A partition's own default on an inherited column that its type
        // rejects: named by the partition and the column.
        let json = r#"{"schemas": ["public"], "tables": [
            {"schema": "public", "name": "p", "columns": [
                {"name": "at", "type": "date", "nullable": false},
                {"name": "n", "type": "integer", "nullable": true}],
             "partition_by": "RANGE (at)"},
            {"schema": "public", "name": "p1", "columns": [],
             "partition_of": {"parent": {"schema": "public", "name": "p"},
                              "bound": "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"},
             "local_defaults": {"n": "'many'"}}]}"#;
        let models = Schema::from_json(json).unwrap();
        let err = normalize_on(&client, &models, &mut Cache::disabled())
            .await
            .unwrap_err();
        assert!(
            matches!(&err, Error::Normalize(NormalizeError::Rejected { object, .. })
                if object.starts_with("table public.p1, column n: default")),
            "{err:?}"
        );
    });
}

/// A role with only CONNECT and TEMPORARY on the database normalizes the
/// models when the database holds their enum types, and gets a clear error
/// when it would have to create one.
#[test]
fn a_role_with_only_temporary_normalizes() {
    run(async {
        let models = Schema::from_json(MODEL_SPELLINGS).unwrap();
        let want = reference(&models).await;
        let db = TestDb::new().await.unwrap();
        let admin_client = db.connect().await.unwrap();
        let role = format!("strata_tmp_only_{}", std::process::id());
        let dbname = strata::ident::Ident(db.name()).to_string();
        admin_client
            .batch_execute(&format!(
                "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN; \
                 REVOKE ALL ON DATABASE {dbname} FROM PUBLIC; \
                 REVOKE CREATE ON SCHEMA public FROM PUBLIC; \
                 GRANT CONNECT, TEMPORARY ON DATABASE {dbname} TO {role};"
            ))
            .await
            .unwrap();
        let as_role = db.options().with_user(&role);
        let client = as_role.connect().await.unwrap();
        let err = normalize_on(&client, &models, &mut Cache::disabled())
            .await
            .unwrap_err();
        assert!(
            matches!(&err, Error::Normalize(NormalizeError::EnumUnavailable { enum_type, .. }) if enum_type == "app.status"),
            "{err:?}"
        );
        admin_client
            .batch_execute("CREATE SCHEMA app; CREATE TYPE app.status AS ENUM ('new', 'done'); GRANT USAGE ON SCHEMA app TO PUBLIC")
            .await
            .unwrap();
        let got = normalize_on(&client, &models, &mut Cache::disabled())
            .await
            .unwrap()
            .0;
        assert_schemas_eq(&want, &got, "as a role with only TEMPORARY");
        drop(client);
        admin_client
            .batch_execute(&format!(
                "REVOKE ALL ON DATABASE {dbname} FROM {role}; DROP OWNED BY {role}; DROP ROLE {role}"
            ))
            .await
            .unwrap();
    });
}
