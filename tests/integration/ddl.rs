//! The DDL of a schema covering every supported type, default, constraint and
//! index kind (`tests/cases/ddl/every_kind.json`, written in the canonical
//! form PostgreSQL prints), rendered by `strata_model::ddl` and applied to a real
//! database: introspected back it equals the input, normalizing the input
//! changes nothing, and the idempotent variant run again (twice, and on top
//! of the plain DDL) changes neither the catalog nor any row.

use schema_diff::introspect::{introspect, IntrospectOptions};
use schema_diff::normalize::{apply_schema, normalize};
use schema_diff::scratch::ScratchDb;
use strata::schema::Schema;
use strata_model::ddl::create::{schema_ddl, to_script, DdlOptions};
use strata_testing::{run, TestDb};
use strata_tests::{admin, assert_schemas_eq, table_checksums};

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

        let scratch = ScratchDb::create(&admin()).await.unwrap();
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

/// The same schema as `every_kind.json`, written as `#[derive(Table)]` models
/// the way a user would (bare literals, inferred types, generated names).
mod models {
    use strata::{PgEnum, Table};

    #[derive(PgEnum, Debug, Clone, Copy, PartialEq, Eq)]
    #[pg_enum(name = "mood", comment = "how it feels")]
    pub enum Mood {
        #[pg_enum(rename = "sad")]
        Sad,
        #[pg_enum(rename = "ok")]
        Ok,
        #[pg_enum(rename = "happy")]
        Happy,
    }

    #[derive(PgEnum, Debug, Clone, Copy, PartialEq, Eq)]
    #[pg_enum(name = "Status Kind", schema = "app")]
    pub enum StatusKind {
        #[pg_enum(rename = "new")]
        New,
        #[pg_enum(rename = "it's done")]
        Done,
        #[pg_enum(rename = "Ünïcode")]
        Unicode,
    }

    #[derive(Table)]
    #[table(name = "all_types", comment = "one column of every supported type")]
    #[table(index(columns(c_tstz), method = "brin", name = "all_types_brin_idx"))]
    #[table(index(columns(c_text), method = "hash", name = "all_types_hash_idx"))]
    #[table(index(columns(c_text_arr), method = "gin", name = "all_types_gin_idx"))]
    #[table(index(
        columns(c_jsonb opclass = "jsonb_path_ops"),
        method = "gin",
        name = "all_types_jsonb_path_idx"
    ))]
    #[table(index(columns(c_tsvector), method = "gist", name = "all_types_gist_idx"))]
    #[table(index(columns(c_inet), method = "spgist", name = "all_types_spgist_idx"))]
    #[table(index(
        columns(c_integer desc nulls_last, c_bigint nulls_first, c_date desc nulls_first),
        name = "all_types_desc_nulls_idx"
    ))]
    #[table(index(
        columns(c_varchar_n opclass = "varchar_pattern_ops"),
        include(c_bool, c_mood),
        name = "all_types_pattern_idx"
    ))]
    #[table(index(
        columns("lower(c_text)", "(c_integer + 1)" desc),
        unique,
        where = "c_bool and c_integer > 0",
        name = "all_types_expr_idx"
    ))]
    #[table(check(
        name = "all_types_range_check",
        expr = "c_smallint IS NULL OR (c_smallint >= 0 AND c_smallint <= 100)"
    ))]
    pub struct AllTypes {
        #[column(primary_key, identity = "always")]
        pub id: i64,
        #[column(default = "0")]
        pub c_smallint: Option<i16>,
        #[column(default = "42", check = "c_integer >= 0")]
        pub c_integer: i32,
        #[column(default = "-9223372036854775808")]
        pub c_bigint: Option<i64>,
        #[column(default = "1.5")]
        pub c_real: Option<f32>,
        #[column(default = "'-1e-10'")]
        pub c_double: Option<f64>,
        pub c_numeric: Option<rust_decimal::Decimal>,
        #[column(sql_type = "decimal(12, 2)", default = "0.00")]
        pub c_numeric_p: rust_decimal::Decimal,
        #[column(sql_type = "numeric(8)")]
        pub c_numeric_p0: Option<rust_decimal::Decimal>,
        #[column(default = "FALSE")]
        pub c_bool: bool,
        #[column(default = "'it''s'")]
        pub c_text: String,
        #[column(sql_type = "varchar")]
        pub c_varchar: Option<String>,
        #[column(sql_type = "varchar(32)", default = "'x'")]
        pub c_varchar_n: Option<String>,
        #[column(sql_type = "char(3)")]
        pub c_char: Option<String>,
        #[column(sql_type = "bpchar")]
        pub c_bpchar: Option<String>,
        #[column(default = "'\\x00ff'")]
        pub c_bytea: Option<Vec<u8>>,
        #[column(sql_type = "json", default = "'{}'")]
        pub c_json: Option<serde_json::Value>,
        #[column(default = "'[]'")]
        pub c_jsonb: serde_json::Value,
        #[column(default = "gen_random_uuid()")]
        pub c_uuid: uuid::Uuid,
        #[column(default = "current_date")]
        pub c_date: Option<chrono::NaiveDate>,
        pub c_time: Option<chrono::NaiveTime>,
        #[column(sql_type = "time(3)")]
        pub c_time_p: Option<chrono::NaiveTime>,
        #[column(sql_type = "timetz")]
        pub c_timetz: Option<String>,
        #[column(sql_type = "time(0) with time zone")]
        pub c_timetz_p: Option<String>,
        #[column(default = "'2000-01-01'")]
        pub c_ts: Option<chrono::NaiveDateTime>,
        #[column(sql_type = "timestamp(0)")]
        pub c_ts_p: Option<chrono::NaiveDateTime>,
        #[column(default = "now()")]
        pub c_tstz: chrono::DateTime<chrono::Utc>,
        #[column(sql_type = "timestamptz(3)", default = "CURRENT_TIMESTAMP")]
        pub c_tstz_p: Option<chrono::DateTime<chrono::Utc>>,
        #[column(sql_type = "interval", default = "'1 day'")]
        pub c_interval: Option<String>,
        pub c_inet: Option<std::net::IpAddr>,
        #[column(sql_type = "cidr")]
        pub c_cidr: Option<String>,
        #[column(sql_type = "macaddr")]
        pub c_macaddr: Option<String>,
        #[column(sql_type = "money")]
        pub c_money: Option<String>,
        #[column(sql_type = "xml")]
        pub c_xml: Option<String>,
        #[column(sql_type = "tsvector")]
        pub c_tsvector: Option<String>,
        #[column(sql_type = "oid")]
        pub c_oid: Option<u32>,
        #[column(default = "'ok'")]
        pub c_mood: Mood,
        pub c_status: Option<StatusKind>,
        pub c_moods: Option<Vec<Mood>>,
        #[column(default = "'{}'")]
        pub c_text_arr: Vec<String>,
        #[column(default = "ARRAY[1,2]")]
        pub c_int_arr: Option<Vec<i32>>,
        #[column(sql_type = "varchar(5)[]")]
        pub c_varchar_arr: Option<Vec<String>>,
        #[column(sql_type = "numeric(8,3)[]")]
        pub c_numeric_arr: Option<Vec<rust_decimal::Decimal>>,
        pub c_tstz_arr: Option<Vec<chrono::DateTime<chrono::Utc>>>,
        pub c_uuid_arr: Option<Vec<uuid::Uuid>>,
        pub c_bytea_arr: Option<Vec<Vec<u8>>>,
    }

    #[derive(Table)]
    #[table(name = "User", comment = "people; with a 'quote'")]
    #[table(unique(tenant, full_name, name = "User tenant \"name\""))]
    #[table(index(columns("lower(\"full name\")"), name = "User_lower_idx"))]
    #[table(index(
        columns(quote),
        where = "\"quo\"\"te\" IS NOT NULL",
        name = "User_quote_partial_idx"
    ))]
    #[table(check(name = "order", expr = "\"order\" > 0"))]
    pub struct User {
        #[column(primary_key, sql_type = "serial")]
        pub id: i32,
        #[column(name = "order", identity = "by_default")]
        pub order: i64,
        #[column(name = "full name", comment = "the \"full\" name")]
        pub full_name: String,
        #[column(name = "quo\"te", sql_type = "varchar(255)")]
        pub quote: Option<String>,
        #[column(unique)]
        pub email: String,
        #[column(name = "Tenant", sql_type = "smallserial")]
        pub tenant: i16,
        #[column(sql_type = "serial8")]
        pub big: i64,
        #[column(default = "'ok'", check = "status IN ('ok', 'error', 'timeout')")]
        pub status: String,
    }

    #[derive(Table)]
    #[table(name = "order", schema = "app", primary_key(user_id, line_no))]
    #[table(foreign_key(
        columns(user_id),
        references = "public.\"User\"(id)",
        on_delete = "cascade",
        on_update = "restrict",
        deferrable = "initially_deferred"
    ))]
    #[table(foreign_key(
        columns(tenant, full_name),
        references = "public.\"User\"(\"Tenant\", \"full name\")",
        on_delete = "set null",
        deferrable = "initially_immediate",
        name = "order_tenant_fkey"
    ))]
    #[table(foreign_key(
        columns(parent_user, parent_line),
        references = "app.\"order\"(user_id, \"line no\")",
        on_delete = "set default",
        on_update = "cascade",
        name = "order_parent_fkey"
    ))]
    pub struct Order {
        pub user_id: i32,
        #[column(name = "line no")]
        pub line_no: i32,
        pub tenant: Option<i16>,
        #[column(name = "full name")]
        pub full_name: Option<String>,
        #[column(default = "'new'")]
        pub status: StatusKind,
        pub parent_user: Option<i32>,
        pub parent_line: Option<i32>,
        #[column(comment = "free text")]
        pub note: Option<String>,
    }

    #[derive(Table)]
    #[table(name = "a", schema = "app")]
    pub struct A {
        #[column(primary_key)]
        pub id: i32,
        #[column(references = "app.b(id)")]
        pub b_id: Option<i32>,
    }

    #[derive(Table)]
    #[table(name = "b", schema = "app")]
    pub struct B {
        #[column(primary_key)]
        pub id: i32,
        #[column(references = "app.a(id)")]
        pub a_id: Option<i32>,
    }

    pub fn registry() -> strata::Registry {
        strata::Registry::new()
            .with::<AllTypes>()
            .with::<User>()
            .with::<Order>()
            .with::<A>()
            .with::<B>()
    }
}

/// The models, through the registry: their DDL applied to a real database
/// reads back as the canonical schema, and so does their normalization.
#[test]
fn derive_models_through_the_registry() {
    run(async {
        let canonical = every_kind();
        let models = models::registry().schema().expect("consistent registry");

        let db = TestDb::new().await.unwrap();
        let client = db.connect().await.unwrap();
        let ddl = strata_model::ddl::create::schema_ddl(
            &models::registry().schema().unwrap(),
            &DdlOptions::plain(),
        );
        client
            .batch_execute(&to_script(&ddl))
            .await
            .unwrap_or_else(|e| panic!("registry DDL failed: {e:?}\n{}", to_script(&ddl)));
        let read = introspect(&client, &opts(&canonical)).await.unwrap();
        assert_schemas_eq(&read, &canonical, "DDL of the models, read back");

        let scratch = ScratchDb::create(&admin()).await.unwrap();
        let normalized = normalize(&models, &scratch).await.unwrap();
        scratch.drop_db().await.unwrap();
        assert_schemas_eq(&normalized, &canonical, "normalized models");
    });
}

/// `apply_schema` is one transaction: a rejected statement late in the
/// script (an index of the last table) leaves nothing behind, and the error
/// names the index and its expression.
#[test]
fn a_rejected_statement_leaves_nothing_behind() {
    run(async {
        let mut model = every_kind();
        let t = model.tables.last_mut().unwrap();
        t.indexes.push(strata::schema::Index {
            comment: Default::default(),
            nulls_not_distinct: Default::default(),
            with: Default::default(),
            name: "bad_idx".into(),
            unique: false,
            method: Default::default(),
            elements: vec![strata::schema::IndexElement {
                collation: None,
                key: strata::schema::IndexKey::Expression("no_such_function(id)".into()),
                order: Default::default(),
                nulls: None,
                opclass: None,
            }],
            include: vec![],
            predicate: None,
        });
        let (schema, table) = (t.schema.clone(), t.name.clone());
        let db = TestDb::new().await.unwrap();
        let client = db.connect().await.unwrap();
        let err = apply_schema(&client, &model, &DdlOptions::plain())
            .await
            .unwrap_err();
        assert!(
            matches!(
                &err,
                schema_diff::Error::Normalize(schema_diff::error::NormalizeError::Rejected { .. })
            ),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "table {schema}.{table}, index bad_idx: expression \"no_such_function(id)\": function no_such_function(bigint) does not exist"
            )
        );
        let left: i64 = client
            .query_one(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
                 WHERE n.nspname IN ('public', 'app')",
                &[],
            )
            .await
            .unwrap()
            .get(0);
        assert_eq!(left, 0, "nothing of the rejected script stays");
    });
}

/// The DGS "conditional creation" baseline: on a database that already holds
/// the legacy tables with rows, the idempotent DDL of the DGS models (run
/// twice) changes neither the catalog nor any row; and the models, normalized,
/// are exactly the legacy tables.
#[test]
fn dgs_conditional_creation_changes_nothing() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let client = db.connect().await.unwrap();
        client
            .batch_execute(dgs::legacy::LEGACY_SCHEMA_SQL)
            .await
            .unwrap();
        let size = dgs::legacy::SeedSize {
            jobs: 200,
            lessons: 150,
            audits: 300,
        };
        dgs::legacy::seed(&client, size).await.unwrap();
        let opts = IntrospectOptions::default();
        let before = introspect(&client, &opts).await.unwrap();
        let rows_before = dgs::legacy::checksums(&client).await.unwrap();
        assert!(rows_before.iter().all(|c| c.rows > 0));

        let models = dgs::models::registry().schema().unwrap();
        let idem = to_script(&schema_ddl(&models, &DdlOptions::idempotent()));
        for round in 1..=2 {
            client.batch_execute(&idem).await.unwrap();
            let after = introspect(&client, &opts).await.unwrap();
            assert_schemas_eq(&after, &before, &format!("catalog after round {round}"));
            assert_eq!(
                dgs::legacy::checksums(&client).await.unwrap(),
                rows_before,
                "rows after round {round}"
            );
        }

        let scratch = ScratchDb::create(&admin()).await.unwrap();
        let normalized = normalize(&models, &scratch).await.unwrap();
        scratch.drop_db().await.unwrap();
        assert_schemas_eq(
            &normalized,
            &before,
            "normalized DGS models vs the legacy tables",
        );
    });
}

/// The same baseline run by the application's own role, which may create
/// tables in `public` (the legacy code did, at start-up) but not schemas:
/// the idempotent DDL must not need more privileges than the legacy code had.
#[test]
fn dgs_conditional_creation_needs_no_more_privileges_than_the_legacy_code() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let admin = db.connect().await.unwrap();
        let role = format!(
            "strata_app_{}_{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .subsec_nanos()
        );
        admin
            .batch_execute(&format!(
                "CREATE ROLE {role} LOGIN; \
                 REVOKE CREATE ON DATABASE {db} FROM PUBLIC; \
                 GRANT USAGE, CREATE ON SCHEMA public TO {role};",
                db = strata::ident::Ident(db.name())
            ))
            .await
            .unwrap();
        // Run as a task so that the role is dropped even when it panics.
        let mut config = db.config().unwrap();
        config.user(&role);
        let result = tokio::spawn(async move {
            let app = strata::ConnectOptions::from_config(config)
                .connect()
                .await
                .unwrap();
            app.batch_execute(dgs::legacy::LEGACY_SCHEMA_SQL)
                .await
                .unwrap();
            dgs::legacy::seed(
                &app,
                dgs::legacy::SeedSize {
                    jobs: 50,
                    lessons: 40,
                    audits: 60,
                },
            )
            .await
            .unwrap();
            // The role really cannot create schemas.
            let denied = app
                .batch_execute("CREATE SCHEMA IF NOT EXISTS public")
                .await;
            assert!(denied.is_err(), "the role must lack CREATE on the database");
            let before = introspect(&app, &IntrospectOptions::default())
                .await
                .unwrap();
            let rows = dgs::legacy::checksums(&app).await.unwrap();
            let models = dgs::models::registry().schema().unwrap();
            let idem = to_script(&schema_ddl(&models, &DdlOptions::idempotent()));
            app.batch_execute(&idem)
                .await
                .unwrap_or_else(|e| panic!("idempotent DDL as the application role: {e:?}"));
            let after = introspect(&app, &IntrospectOptions::default())
                .await
                .unwrap();
            assert_schemas_eq(&after, &before, "catalog after the idempotent DDL");
            assert_eq!(dgs::legacy::checksums(&app).await.unwrap(), rows);
        })
        .await;
        let name = db.name().to_string();
        drop(admin);
        drop(db);
        let server = strata_testing::server_url("postgres").unwrap();
        let c = strata::ConnectOptions::parse(&server)
            .unwrap()
            .connect()
            .await
            .unwrap();
        c.batch_execute(&format!("DROP ROLE IF EXISTS {role}"))
            .await
            .unwrap_or_else(|e| panic!("dropping role {role} (database {name}): {e:?}"));
        if let Err(e) = result {
            std::panic::resume_unwind(e.into_panic());
        }
    });
}
