//! What `#[derive(Table)]` declares on a table beyond columns and keys
//! (issue 10, "Declaring them"): partitioning with partitions declared in
//! Rust, exclusion constraints, row-level security, policies and grants.
//! Each model goes through the registry's schema, is planned by
//! `schema-diff` from the empty schema and applied, is proven in
//! `pg_catalog` and by the server's behaviour, and reads back with no
//! difference (the reference normalization and `Project::check`, the path
//! users run).

use std::path::Path;

use chrono::NaiveDate;
use schema_diff::config::{Config, Overrides};
use schema_diff::introspect::{introspect, IntrospectOptions};
use schema_diff::normalize::normalize;
use schema_diff::plan::{plan, PlanOptions};
use schema_diff::scratch::ScratchDb;
use schema_diff::Project;
use strata::schema::{ObjectKind, Schema};
use strata::{Executor, Registry, Table};
use strata_testing::{run, TestDb};
use strata_tests::{admin, assert_schemas_eq};

use crate::diff_golden::{apply_plan, connect_fast};
use crate::migrations_fixture::TempDir;

// ---------------------------------------------------------------------------
// Partitioning

#[derive(Table, Debug, Clone, PartialEq)]
#[table(schema = "derive_parts", name = "events", partition_by = "range (day)")]
#[table(primary_key(id, day))]
#[table(partition(name = "events_2024", values = "FROM ('2024-01-01') TO ('2025-01-01')"))]
#[table(partition(name = "events_2025", values = "from ('2025-01-01') to ('2026-01-01')"))]
#[table(partition(name = "events_other", default))]
pub struct Event {
    pub id: i64,
    pub day: NaiveDate,
    pub kind: String,
}

#[derive(Table, Debug, Clone, PartialEq)]
#[table(
    schema = "derive_parts",
    name = "readings",
    partition_by = "hash (sensor)"
)]
#[table(primary_key(sensor, at))]
#[table(partition(name = "readings_0", values = "WITH (MODULUS 2, REMAINDER 0)"))]
#[table(partition(name = "readings_1", values = "with (modulus 2, remainder 1)"))]
pub struct Reading {
    pub sensor: i32,
    pub at: i64,
    pub value: f64,
}

#[derive(Table, Debug, Clone, PartialEq)]
#[table(
    schema = "derive_parts",
    name = "regions",
    partition_by = "list (region)"
)]
#[table(primary_key(region, id))]
#[table(partition(name = "regions_eu", values = "IN ('de', 'fr')"))]
#[table(partition(name = "regions_rest", default))]
pub struct RegionRow {
    pub region: String,
    pub id: i32,
}

/// The configuration of a project in `dir` on `url`, from nothing but the
/// overrides.
fn config(dir: &Path, url: &str) -> Config {
    std::fs::create_dir_all(dir.join("migrations")).expect("a migrations directory");
    let overrides = Overrides {
        database_url: Some(url.to_string()),
        migrations: Some(dir.join("migrations")),
        ..Overrides::default()
    };
    Config::resolve(&overrides, &|_| None, dir).expect("a configuration")
}

/// `models` normalized by the reference path (a scratch database), planned
/// from the empty schema and applied to `db`; the catalog must then read
/// back as the models with nothing left to do. Returns the normalized
/// models.
async fn create(models: &Schema, client: &tokio_postgres::Client) -> Schema {
    let scratch = ScratchDb::create(&admin())
        .await
        .expect("a scratch database");
    let desired = normalize(models, &scratch).await;
    scratch.drop_db().await.expect("scratch dropped");
    let desired = desired.expect("normalized models");
    let up = plan(&Schema::empty(), &desired, &PlanOptions::default());
    assert!(up.withheld.is_empty(), "{:?}", up.summary());
    apply_plan(client, &up, true)
        .await
        .unwrap_or_else(|e| panic!("{e}\n{}", schema_diff::render::render_up(&up)));
    let current = introspect(client, &IntrospectOptions::schemas(desired.schemas.clone()))
        .await
        .expect("introspection");
    assert_schemas_eq(&current, &desired, "the catalog vs the models");
    let again = plan(&current, &desired, &PlanOptions::default());
    assert!(
        again.is_empty(),
        "false positives:\n{}",
        again.summary().join("\n")
    );
    desired
}

/// `Project::check` with `models` (the fast normalization path and the
/// definitions read back from a scratch database) against `db`.
async fn check(db: &TestDb, models: Schema) -> schema_diff::project::CheckReport {
    let dir = TempDir::new("derive-objects");
    let project = Project::new(config(dir.path(), db.url())).with_models(models);
    let report = project.check().await.expect("check runs");
    project.close().await;
    report
}

async fn texts(client: &tokio_postgres::Client, sql: &str) -> Vec<Vec<Option<String>>> {
    client
        .query(sql, &[])
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .iter()
        .map(|r| {
            (0..r.len())
                .map(|i| r.get::<_, Option<String>>(i))
                .collect()
        })
        .collect()
}

fn row(v: &[&str]) -> Vec<Option<String>> {
    v.iter().map(|x| Some(x.to_string())).collect()
}

#[test]
fn partitions_declared_in_rust_are_created_and_take_their_rows() {
    let e = Event::definition();
    assert_eq!(e.partition_by.as_deref(), Some("RANGE (day)"));
    let bounds: Vec<(String, String)> = Event::partitions()
        .into_iter()
        .map(|p| {
            let of = p.partition_of.expect("a partition");
            assert_eq!(
                (of.parent.schema.as_str(), of.parent.name.as_str()),
                ("derive_parts", "events")
            );
            (p.name, of.bound)
        })
        .collect();
    assert_eq!(
        bounds,
        [
            (
                "events_2024".to_string(),
                "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')".to_string()
            ),
            (
                "events_2025".to_string(),
                "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')".to_string()
            ),
            ("events_other".to_string(), "DEFAULT".to_string()),
        ]
    );

    run(async {
        let models = Registry::new()
            .with::<Event>()
            .with::<Reading>()
            .with::<RegionRow>()
            .schema()
            .expect("a consistent registry");
        let names: Vec<&str> = models.tables.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "events",
                "events_2024",
                "events_2025",
                "events_other",
                "readings",
                "readings_0",
                "readings_1",
                "regions",
                "regions_eu",
                "regions_rest"
            ]
        );
        let db = TestDb::new().await.expect("test database");
        let client = connect_fast(&db).await.expect("connect");
        create(&models, &client).await;

        // The catalog: partitioned tables with their keys, partitions with
        // their bounds.
        assert_eq!(
            texts(
                &client,
                "SELECT c.relname::text, pg_get_partkeydef(c.oid)
                 FROM pg_class c WHERE c.relkind = 'p'
                   AND c.relnamespace = 'derive_parts'::regnamespace ORDER BY 1"
            )
            .await,
            [
                row(&["events", "RANGE (day)"]),
                row(&["readings", "HASH (sensor)"]),
                row(&["regions", "LIST (region)"]),
            ]
        );
        assert_eq!(
            texts(
                &client,
                "SELECT p.relname::text, c.relname::text, pg_get_expr(c.relpartbound, c.oid)
                 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                 JOIN pg_class p ON p.oid = i.inhparent
                 WHERE c.relnamespace = 'derive_parts'::regnamespace AND c.relkind IN ('r', 'p')
                 ORDER BY 1, 2"
            )
            .await,
            [
                row(&[
                    "events",
                    "events_2024",
                    "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"
                ]),
                row(&[
                    "events",
                    "events_2025",
                    "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"
                ]),
                row(&["events", "events_other", "DEFAULT"]),
                row(&[
                    "readings",
                    "readings_0",
                    "FOR VALUES WITH (modulus 2, remainder 0)"
                ]),
                row(&[
                    "readings",
                    "readings_1",
                    "FOR VALUES WITH (modulus 2, remainder 1)"
                ]),
                row(&["regions", "regions_eu", "FOR VALUES IN ('de', 'fr')"]),
                row(&["regions", "regions_rest", "DEFAULT"]),
            ]
        );

        // Rows written through the runtime land in their partitions, and
        // read back through the partitioned table.
        let pool = strata::Pool::builder(db.url())
            .expect("the test database URL")
            .max_size(1)
            .build()
            .expect("a pool");
        let session = pool.session().await.expect("a session");
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a date");
        for (id, d) in [
            (1, day(2024, 3, 1)),
            (2, day(2025, 12, 31)),
            (3, day(2030, 1, 1)),
        ] {
            session
                .insert(&Event {
                    id,
                    day: d,
                    kind: "k".into(),
                })
                .await
                .expect("an event inserted");
        }
        for r in ["de", "us"] {
            session
                .insert(&RegionRow {
                    region: r.into(),
                    id: 1,
                })
                .await
                .expect("a region row inserted");
        }
        assert_eq!(
            texts(
                &client,
                "SELECT id::text, tableoid::regclass::text FROM derive_parts.events ORDER BY id"
            )
            .await,
            [
                row(&["1", "derive_parts.events_2024"]),
                row(&["2", "derive_parts.events_2025"]),
                row(&["3", "derive_parts.events_other"]),
            ]
        );
        assert_eq!(
            texts(
                &client,
                "SELECT region, tableoid::regclass::text FROM derive_parts.regions ORDER BY 1"
            )
            .await,
            [
                row(&["de", "derive_parts.regions_eu"]),
                row(&["us", "derive_parts.regions_rest"]),
            ]
        );
        let got = session
            .get::<Event>((2_i64, day(2025, 12, 31)))
            .await
            .expect("an event by its key");
        assert_eq!(got.id, 2);
        let in_2024 = session
            .select::<Event>()
            .filter(|c| c.day.lt(day(2025, 1, 1)))
            .all()
            .await
            .expect("a filtered select");
        assert_eq!(in_2024.len(), 1);
        drop(session);
        drop(pool);

        // The path users run agrees: nothing to do.
        let report = check(&db, models).await;
        assert!(report.differences.is_empty(), "{:?}", report.differences);
        drop(client);
    });
}

// ---------------------------------------------------------------------------
// Exclusion constraints

#[derive(Table, Debug, Clone, PartialEq)]
#[table(name = "bookings")]
#[table(exclude(
    name = "bookings_no_overlap",
    elements = "room WITH =, int4range(first_night, last_night) WITH &&",
    where = "NOT cancelled"
))]
pub struct Booking {
    #[column(primary_key)]
    pub id: i64,
    pub room: i32,
    pub first_night: i32,
    pub last_night: i32,
    pub cancelled: bool,
}

mod without_exclusion {
    use strata::Table;

    /// `Booking` with its `exclude(...)` removed. (In `public`, where the
    /// definition creates the extension `btree_gist`, whose operator classes
    /// give `integer` the `=` of a gist index.)
    #[derive(Table, Debug, Clone, PartialEq)]
    #[table(name = "bookings")]
    pub struct Booking {
        #[column(primary_key)]
        pub id: i64,
        pub room: i32,
        pub first_night: i32,
        pub last_night: i32,
        pub cancelled: bool,
    }
}

fn btree_gist(r: Registry) -> Registry {
    r.with_definition(
        "btree_gist",
        "CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;",
    )
}

#[test]
fn an_exclusion_constraint_is_created_enforced_and_compared() {
    let defs = Booking::definitions();
    assert_eq!(defs.len(), 1);
    assert_eq!(defs[0].name, "public.bookings: exclude bookings_no_overlap");
    assert_eq!(
        defs[0].sql,
        "ALTER TABLE public.bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =, int4range(first_night, last_night) WITH &&) WHERE (NOT cancelled);"
    );
    run(async {
        let models = btree_gist(Registry::new().with::<Booking>())
            .schema()
            .expect("a consistent registry");
        let db = TestDb::new().await.expect("test database");
        let client = connect_fast(&db).await.expect("connect");
        let desired = create(&models, &client).await;
        assert!(desired
            .objects
            .iter()
            .any(|o| o.kind == ObjectKind::Exclusion && o.name == "bookings_no_overlap"));

        assert_eq!(
            texts(
                &client,
                "SELECT contype::text, pg_get_constraintdef(oid) FROM pg_constraint
                 WHERE conrelid = 'bookings'::regclass AND conname = 'bookings_no_overlap'"
            )
            .await,
            [row(&[
                "x",
                "EXCLUDE USING gist (room WITH =, int4range(first_night, last_night) WITH &&) WHERE ((NOT cancelled))"
            ])]
        );
        client
            .batch_execute(
                "INSERT INTO bookings VALUES (1, 7, 1, 5, false), (2, 8, 1, 5, false),
                                                         (3, 7, 5, 9, false), (4, 7, 2, 3, true)",
            )
            .await
            .expect("rows that do not overlap (or are cancelled)");
        let err = client
            .execute("INSERT INTO bookings VALUES (5, 7, 4, 6, false)", &[])
            .await
            .expect_err("an overlapping booking of the same room");
        let db_err = err.as_db_error().expect("a server error");
        assert_eq!(
            (db_err.code().code(), db_err.constraint()),
            ("23P01", Some("bookings_no_overlap"))
        );

        // Nothing to do on the path users run.
        let report = check(&db, models.clone()).await;
        assert!(
            report.is_ok(),
            "{:?} {:?}",
            report.differences,
            report.unmanaged
        );

        // The attribute removed: the plan drops the constraint (a step of
        // its own, re-created by the down direction: dropping a constraint
        // deletes no data, so the drop is not withheld).
        let without = btree_gist(Registry::new().with::<without_exclusion::Booking>())
            .schema()
            .expect("a consistent registry");
        let scratch = ScratchDb::create(&admin())
            .await
            .expect("a scratch database");
        let desired_without = normalize(&without, &scratch).await;
        scratch.drop_db().await.expect("scratch dropped");
        let desired_without = desired_without.expect("normalized models");
        let current = introspect(
            &client,
            &IntrospectOptions::schemas(desired.schemas.clone()),
        )
        .await
        .expect("introspection");
        let removal = plan(&current, &desired_without, &PlanOptions::default());
        let up = schema_diff::render::render_up(&removal);
        assert!(removal.withheld.is_empty(), "{:?}", removal.summary());
        assert_eq!(removal.steps.len(), 1, "{up}");
        assert!(
            removal.steps[0]
                .summary
                .starts_with("- exclusion constraint bookings_no_overlap"),
            "{up}"
        );
        assert!(up.contains("DROP CONSTRAINT bookings_no_overlap"), "{up}");
        assert!(
            schema_diff::render::render_down(&removal).contains("EXCLUDE USING gist"),
            "the down direction re-creates it"
        );
        drop(client);
    });
}

// ---------------------------------------------------------------------------
// Row-level security, policies, grants

/// The role the policies and grants name. Roles belong to the server, so
/// the name is one no other test uses; the test creates it and drops it.
const READER: &str = "strata_derive_objects_reader";

// clippy reads the role named by several `policy(...)`/`grant(...)` lists
// as a repeated attribute.
#[allow(clippy::duplicated_attributes)]
#[derive(Table, Debug, Clone, PartialEq)]
#[table(name = "documents")]
#[table(row_level_security(force))]
#[table(policy(
    name = "own rows",
    for = "select",
    to = "strata_derive_objects_reader",
    using = "owner = current_user"
))]
#[table(policy(
    name = "own inserts",
    for = "insert",
    to = "strata_derive_objects_reader",
    with_check = "owner = current_user"
))]
#[table(policy(name = "no secrets", restrictive, using = "NOT secret"))]
#[table(grant(privileges = "select, insert", to = "strata_derive_objects_reader"))]
#[table(grant(
    privileges = "update",
    columns(title),
    to = "strata_derive_objects_reader"
))]
pub struct Document {
    #[column(primary_key)]
    pub id: i64,
    pub owner: String,
    pub title: String,
    pub secret: bool,
}

/// A grant to a role no server has.
#[derive(Table, Debug, Clone, PartialEq)]
#[table(name = "ghost_documents")]
#[table(grant(privileges = "select", to = "strata_derive_objects_no_such_role"))]
pub struct GhostDocument {
    #[column(primary_key)]
    pub id: i64,
}

#[test]
fn row_level_security_policies_and_grants_are_created_and_compared() {
    let defs: Vec<(String, String)> = Document::definitions()
        .into_iter()
        .map(|d| (d.name, d.sql))
        .collect();
    assert_eq!(
        defs,
        [
            (
                "public.documents: row level security",
                "ALTER TABLE public.documents ENABLE ROW LEVEL SECURITY;\nALTER TABLE public.documents FORCE ROW LEVEL SECURITY;"
            ),
            (
                "public.documents: policy own rows",
                "CREATE POLICY \"own rows\" ON public.documents FOR SELECT TO strata_derive_objects_reader USING (owner = current_user);"
            ),
            (
                "public.documents: policy own inserts",
                "CREATE POLICY \"own inserts\" ON public.documents FOR INSERT TO strata_derive_objects_reader WITH CHECK (owner = current_user);"
            ),
            (
                "public.documents: policy no secrets",
                "CREATE POLICY \"no secrets\" ON public.documents AS RESTRICTIVE USING (NOT secret);"
            ),
            (
                "public.documents: grant 1",
                "GRANT SELECT, INSERT ON TABLE public.documents TO strata_derive_objects_reader;"
            ),
            (
                "public.documents: grant 2",
                "GRANT UPDATE (title) ON TABLE public.documents TO strata_derive_objects_reader;"
            ),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    run(async {
        let db = TestDb::new().await.expect("test database");
        let client = connect_fast(&db).await.expect("connect");
        client
            .batch_execute(&format!(
                "DO $$ BEGIN CREATE ROLE {READER}; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                 DROP ROLE IF EXISTS strata_derive_objects_no_such_role;"
            ))
            .await
            .expect("the role created");
        let models = Registry::new()
            .with::<Document>()
            .schema()
            .expect("a consistent registry");
        let desired = create(&models, &client).await;
        let kinds: Vec<(ObjectKind, &str)> = desired
            .objects
            .iter()
            .filter(|o| o.kind != ObjectKind::Owner)
            .map(|o| (o.kind, o.name.as_str()))
            .collect();
        assert!(
            kinds.contains(&(ObjectKind::RowSecurity, "documents")),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&(ObjectKind::Policy, "own rows")),
            "{kinds:?}"
        );
        assert!(
            kinds.iter().any(|(k, _)| *k == ObjectKind::Grant),
            "{kinds:?}"
        );

        // The catalog.
        assert_eq!(
            texts(
                &client,
                "SELECT relrowsecurity::text, relforcerowsecurity::text FROM pg_class
                 WHERE oid = 'documents'::regclass"
            )
            .await,
            [row(&["true", "true"])]
        );
        assert_eq!(
            texts(
                &client,
                "SELECT polname::text, polcmd::text, polpermissive::text,
                        array_to_string(ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE r::regrole::text END
                                              FROM unnest(polroles) r), ','),
                        pg_get_expr(polqual, polrelid), pg_get_expr(polwithcheck, polrelid)
                 FROM pg_policy WHERE polrelid = 'documents'::regclass ORDER BY 1"
            )
            .await,
            [
                vec![
                    Some("no secrets".into()),
                    Some("*".into()),
                    Some("false".into()),
                    Some("public".into()),
                    Some("(NOT secret)".into()),
                    None
                ],
                vec![
                    Some("own inserts".into()),
                    Some("a".into()),
                    Some("true".into()),
                    Some(READER.into()),
                    None,
                    Some("(owner = CURRENT_USER)".into())
                ],
                vec![
                    Some("own rows".into()),
                    Some("r".into()),
                    Some("true".into()),
                    Some(READER.into()),
                    Some("(owner = CURRENT_USER)".into()),
                    None
                ],
            ]
        );
        assert_eq!(
            texts(
                &client,
                &format!(
                    "SELECT has_table_privilege('{READER}', 'documents', 'SELECT')::text,
                            has_table_privilege('{READER}', 'documents', 'INSERT')::text,
                            has_table_privilege('{READER}', 'documents', 'DELETE')::text,
                            has_column_privilege('{READER}', 'documents', 'title', 'UPDATE')::text,
                            has_column_privilege('{READER}', 'documents', 'owner', 'UPDATE')::text"
                )
            )
            .await,
            [row(&["true", "true", "false", "true", "false"])]
        );

        // The server acts on them: the reader sees its own rows that are
        // not secret, and may insert only rows it owns.
        client
            .batch_execute(&format!(
                "INSERT INTO documents VALUES (1, '{READER}', 'mine', false),
                                              (2, '{READER}', 'secret', true),
                                              (3, 'someone', 'theirs', false)"
            ))
            .await
            .expect("rows inserted by the owner");
        client
            .batch_execute(&format!("SET ROLE {READER}"))
            .await
            .expect("SET ROLE");
        assert_eq!(
            texts(&client, "SELECT title FROM documents ORDER BY id").await,
            [row(&["mine"])]
        );
        let refused = client
            .batch_execute("INSERT INTO documents VALUES (4, 'someone', 'x', false)")
            .await
            .expect_err("a row owned by another role");
        assert_eq!(
            refused.as_db_error().map(|e| e.code().code()),
            Some("42501"),
            "{refused:?}"
        );
        client
            .batch_execute(&format!(
                "INSERT INTO documents VALUES (5, '{READER}', 'new', false); RESET ROLE"
            ))
            .await
            .expect("a row of its own");

        // Nothing to do on the path users run.
        let report = check(&db, models).await;
        assert!(
            report.is_ok(),
            "{:?} {:?}",
            report.differences,
            report.unmanaged
        );

        // A grant to a role the server does not have is refused before any
        // SQL is planned, naming the role.
        let ghost = Registry::new()
            .with::<GhostDocument>()
            .schema()
            .expect("a consistent registry");
        let dir = TempDir::new("derive-objects-ghost");
        let project = Project::new(config(dir.path(), db.url())).with_models(ghost);
        let err = project
            .check()
            .await
            .expect_err("a role that does not exist");
        project.close().await;
        // The definition runs first on a scratch database of the same
        // server, which has no such role either: the refusal comes from
        // normalization, naming the definition and the role
        // (`SourceError::MissingRoles` answers a scratch server that has
        // roles the migrated server lacks).
        let text = err.to_string();
        assert!(
            matches!(
                &err,
                schema_diff::Error::Normalize(schema_diff::error::NormalizeError::Rejected { .. })
            ) && text.contains("strata_derive_objects_no_such_role")
                && text.contains("public.ghost_documents: grant 1"),
            "{text}\n{err:?}"
        );

        client
            .batch_execute(&format!("DROP OWNED BY {READER}"))
            .await
            .expect("the role's privileges dropped");
        drop(client);
        drop(db);
        let admin = TestDb::new()
            .await
            .expect("a database to drop the role from");
        admin
            .connect()
            .await
            .expect("connect")
            .batch_execute(&format!("DROP ROLE {READER}"))
            .await
            .expect("the role dropped");
    });
}

// ---------------------------------------------------------------------------
// A view mapped read-only to a struct

#[derive(Table, Debug, Clone, PartialEq)]
#[table(schema = "derive_views", name = "jobs")]
pub struct ViewedJob {
    #[column(primary_key)]
    pub id: i64,
    pub status: String,
    pub attempts: i32,
}

#[derive(strata::View, Debug, Clone, PartialEq)]
#[view(
    schema = "derive_views",
    name = "active_jobs",
    sql = "SELECT id, status, attempts * 2 FROM derive_views.jobs WHERE status <> 'done'"
)]
pub struct ActiveJob {
    pub id: i64,
    pub status: String,
    #[view(rename = "doubled_attempts")]
    pub doubled: i32,
}

#[test]
fn a_view_is_created_by_schema_diff_and_read_through_typed_selects() {
    use futures_util::TryStreamExt;
    use strata::View;

    assert_eq!(
        ActiveJob::definition().sql,
        "CREATE VIEW derive_views.active_jobs (id, status, doubled_attempts) AS SELECT id, status, attempts * 2 FROM derive_views.jobs WHERE status <> 'done';"
    );
    run(async {
        let models = Registry::new()
            .with::<ViewedJob>()
            .with_view::<ActiveJob>()
            .schema()
            .expect("a consistent registry");
        assert_eq!(models.definitions[0].name, "derive_views.active_jobs: view");
        let db = TestDb::new().await.expect("test database");
        let client = connect_fast(&db).await.expect("connect");
        let desired = create(&models, &client).await;
        assert!(desired
            .objects
            .iter()
            .any(|o| o.kind == ObjectKind::View && o.name == "active_jobs"));
        assert_eq!(
            texts(
                &client,
                "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute
                 WHERE attrelid = 'derive_views.active_jobs'::regclass AND attnum > 0"
            )
            .await,
            [row(&["id,status,doubled_attempts"])]
        );

        let pool = strata::Pool::builder(db.url())
            .expect("the test database URL")
            .max_size(1)
            .build()
            .expect("a pool");
        let session = pool.session().await.expect("a session");
        for (id, status, attempts) in [
            (1, "queued", 0),
            (2, "running", 2),
            (3, "done", 5),
            (4, "running", 3),
        ] {
            session
                .insert(&ViewedJob {
                    id,
                    status: status.into(),
                    attempts,
                })
                .await
                .expect("a job inserted");
        }
        let busy = session
            .select::<ActiveJob>()
            .filter(|c| c.doubled.gt(2))
            .order_by(|c| c.id.desc())
            .all()
            .await
            .expect("a filtered, ordered select of the view");
        assert_eq!(
            busy,
            [
                ActiveJob {
                    id: 4,
                    status: "running".into(),
                    doubled: 6
                },
                ActiveJob {
                    id: 2,
                    status: "running".into(),
                    doubled: 4
                },
            ]
        );
        let first = session
            .select::<ActiveJob>()
            .filter(|c| c.status.eq("queued"))
            .first()
            .await
            .expect("first");
        assert_eq!(first.map(|j| j.id), Some(1));
        assert_eq!(
            session.select::<ActiveJob>().count().await.expect("count"),
            3
        );
        let streamed: Vec<i64> = session
            .select::<ActiveJob>()
            .order_by(|c| c.id.asc())
            .stream()
            .await
            .expect("a stream")
            .map_ok(|j| j.id)
            .try_collect()
            .await
            .expect("streamed rows");
        assert_eq!(streamed, [1, 2, 4]);
        drop(session);
        drop(pool);

        let report = check(&db, models).await;
        assert!(
            report.is_ok(),
            "{:?} {:?}",
            report.differences,
            report.unmanaged
        );
        drop(client);
    });
}
