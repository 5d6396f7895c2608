//! The library API of the commands, `schema_diff::Project`, against
//! PostgreSQL: models given directly (no models command), `check`,
//! `autogenerate` (changes, no changes, withheld drops), `upgrade` with the
//! observer's progress, `downgrade` refused with a typed error, `compare`,
//! `current`, `history`, `show`, the offline scripts, reports that
//! serialize, and the configured models command when no models are given.

use std::path::Path;
use std::sync::{Arc, Mutex};

use schema_diff::config::{Config, Overrides};
use schema_diff::error::{ConfigError, Error, RunError};
use schema_diff::migrations::Target;
use schema_diff::plan::PlanOptions;
use schema_diff::project::{AutogenerateOptions, NewRevision, RevisionRef, Source};
use schema_diff::runner::RunOptions;
use schema_diff::{Progress, Project};
use strata::schema::{ObjectKind, Schema};
use strata_testing::{run, TestDb};

use crate::migrations_fixture::TempDir;

const WITH_NOTE: &str = r#"{"tables": [{"schema": "public", "name": "t",
  "columns": [{"name": "id", "type": "bigint", "nullable": false},
              {"name": "note", "type": "text", "nullable": true}],
  "primary_key": {"name": "t_pkey", "columns": ["id"]}}]}"#;

const WITHOUT_NOTE: &str = r#"{"tables": [{"schema": "public", "name": "t",
  "columns": [{"name": "id", "type": "bigint", "nullable": false}],
  "primary_key": {"name": "t_pkey", "columns": ["id"]}}]}"#;

/// The configuration of a project in `dir` on `url`, read from nothing but
/// the overrides (no file, no environment).
fn config(dir: &Path, url: &str, models: Option<&str>) -> Config {
    std::fs::create_dir_all(dir.join("migrations")).unwrap();
    let overrides = Overrides {
        database_url: Some(url.to_string()),
        migrations: Some(dir.join("migrations")),
        models: models.map(str::to_string),
        ..Overrides::default()
    };
    Config::resolve(&overrides, &|_| None, dir).unwrap()
}

fn models(json: &str) -> Schema {
    Schema::from_json(json).unwrap()
}

fn t(s: &str) -> Target {
    Target::parse(s).unwrap()
}

#[test]
fn the_project_checks_generates_applies_and_reports() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("project");
        let events = Arc::new(Mutex::new(Vec::<String>::new()));
        let seen = events.clone();
        let project = Project::new(config(dir.path(), db.url(), None))
            .with_models(models(WITH_NOTE))
            .with_observer(move |p| {
                let line = match p {
                    Progress::Start {
                        migration,
                        direction,
                    } => format!("start {} {direction:?}", migration.revision),
                    Progress::Done {
                        migration,
                        direction,
                        ..
                    } => format!("done {} {direction:?}", migration.revision),
                    // Normalization and history-state reports are not
                    // migration progress.
                    Progress::Normalized { .. } | Progress::HistoryState { .. } => return,
                    other => format!("{other:?}"),
                };
                seen.lock().unwrap().push(line);
            });

        // Nothing applied, nothing written: the table is a difference.
        let report = project.check().await.unwrap();
        assert!(!report.is_ok());
        assert_eq!(report.differences, vec!["+ table t"]);
        assert!(report.pending.is_empty() && report.problems.is_empty());
        assert!(
            report.comparison.up.contains("CREATE TABLE public.t"),
            "{}",
            report.comparison.up
        );
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["differences"][0], "+ table t");

        // Autogenerate writes the revision; a second run finds no change.
        let new = NewRevision {
            message: "create t".into(),
            parent: None,
            rev_id: Some("a1".into()),
        };
        let r = project
            .autogenerate(&new, AutogenerateOptions::default())
            .await
            .unwrap();
        let written = r.written.expect("a file");
        assert_eq!(
            (written.revision.as_str(), written.parents.len()),
            ("a1", 0)
        );
        assert!(written.path.ends_with("a1_create_t.sql"));
        assert_eq!(r.changes[0].summary, "+ table t");
        let again = project
            .autogenerate(&NewRevision::new("nothing"), AutogenerateOptions::default())
            .await
            .unwrap();
        assert!(again.written.is_none() && again.changes.is_empty());

        // Pending until applied; the observer sees the run.
        let report = project.check().await.unwrap();
        assert_eq!(
            report.pending,
            vec![RevisionRef {
                revision: "a1".into(),
                message: "create t".into()
            }]
        );
        let run = project
            .upgrade(&t("head"), RunOptions::default())
            .await
            .unwrap();
        assert_eq!(run.steps.len(), 1);
        assert_eq!(
            (
                run.steps[0].revision.as_str(),
                run.steps[0].message.as_str()
            ),
            ("a1", "create t")
        );
        assert_eq!(run.current, vec!["a1"]);
        assert_eq!(
            *events.lock().unwrap(),
            vec!["start a1 Up".to_string(), "done a1 Up".to_string()]
        );
        assert!(serde_json::to_value(&run).unwrap()["steps"][0]["ms"].is_u64());
        assert!(project.check().await.unwrap().is_ok());
        let same = project
            .compare(&Source::Database, &Source::Models, &PlanOptions::default())
            .await
            .unwrap();
        assert!(same.is_empty(), "{same:?}");

        // The state: current, history, show, the offline scripts.
        let current = project.current().await.unwrap();
        assert_eq!(current.current.len(), 1);
        assert!(current.current[0].head);
        assert_eq!(current.current[0].message.as_deref(), Some("create t"));
        let history = project.history(None, None, true).await.unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!(history[0].applied, Some(true));
        let shown = project.show(&t("a1")).unwrap();
        assert!(shown.up.contains("CREATE TABLE public.t"), "{}", shown.up);
        assert!(project
            .upgrade_script(None, &t("head"))
            .unwrap()
            .contains("INSERT INTO public.strata_migrations"));

        // Without the column, the drop is withheld: nothing to write.
        let without =
            Project::new(config(dir.path(), db.url(), None)).with_models(models(WITHOUT_NOTE));
        let r = without
            .autogenerate(
                &NewRevision::new("drop note"),
                AutogenerateOptions::default(),
            )
            .await
            .unwrap();
        assert!(r.written.is_none());
        assert_eq!(r.withheld.len(), 1);
        assert!(r.withheld[0].summary.contains("note"), "{:?}", r.withheld);
        let c = without
            .compare(
                &Source::Migrations,
                &Source::Models,
                &PlanOptions::default(),
            )
            .await
            .unwrap();
        assert!(c.changes.is_empty() && c.withheld.len() == 1, "{c:?}");

        // Reverting the first revision drops the table: refused, typed.
        let e = project
            .downgrade(&t("base"), RunOptions::default())
            .await
            .unwrap_err();
        assert!(
            matches!(&e, Error::Run(RunError::DestructiveDowngrade { statements })
                if statements.len() == 1 && statements[0].file.ends_with("a1_create_t.sql")),
            "{e:?}"
        );
        let back = project
            .downgrade(
                &t("base"),
                RunOptions {
                    allow_drops: true,
                    ..RunOptions::default()
                },
            )
            .await
            .unwrap();
        assert!(back.current.is_empty());
        project.close().await;
    });
}

#[test]
fn without_given_models_the_configured_command_runs() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("project-command");
        std::fs::write(dir.path().join("models.json"), WITH_NOTE).unwrap();
        let project = Project::new(config(dir.path(), db.url(), Some("cat models.json")));
        let report = project.check().await.unwrap();
        assert_eq!(report.differences, vec!["+ table t"]);
        let none = Project::new(config(dir.path(), db.url(), None));
        let e = none.check().await.unwrap_err();
        assert!(
            matches!(&e, Error::Config(ConfigError::NoModels { .. })),
            "{e:?}"
        );
    });
}

/// Collects the history sources and whether a throwaway server started.
fn watched(project: Project) -> (Project, Arc<Mutex<Vec<String>>>) {
    let seen = Arc::new(Mutex::new(Vec::<String>::new()));
    let log = seen.clone();
    let project = project.with_observer(move |p| {
        let line = match p {
            Progress::HistoryState { source } => format!("{source:?}"),
            Progress::ThrowawayServer { .. } => "throwaway".to_string(),
            _ => return,
        };
        log.lock().unwrap().push(line);
    });
    (project, seen)
}

/// `check` and a no-change `autogenerate` as a role that may create
/// nothing (CONNECT and TEMPORARY on the database, SELECT on the version
/// table), with no scratch server configured: no database is created, no
/// throwaway server started; the history's state is read from the
/// database, which is at head.
#[test]
fn check_and_autogenerate_need_no_create_database() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("tmp-role");
        let owner = Project::new(config(dir.path(), db.url(), None)).with_models(models(WITH_NOTE));
        owner
            .autogenerate(
                &NewRevision::new("create t"),
                AutogenerateOptions::default(),
            )
            .await
            .unwrap();
        owner
            .upgrade(&t("head"), RunOptions::default())
            .await
            .unwrap();
        let admin = db.connect().await.unwrap();
        let role = format!("strata_check_only_{}", std::process::id());
        let dbname = strata::ident::Ident(db.name()).to_string();
        admin
            .batch_execute(&format!(
                "DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN NOCREATEDB; \
                 REVOKE ALL ON DATABASE {dbname} FROM PUBLIC; \
                 REVOKE CREATE ON SCHEMA public FROM PUBLIC; \
                 GRANT CONNECT, TEMPORARY ON DATABASE {dbname} TO {role}; \
                 GRANT SELECT ON public.strata_migrations TO {role};"
            ))
            .await
            .unwrap();
        // The role may not create databases (so no scratch database can be
        // made) and nothing starts a throwaway server (the observer would
        // see it).
        let createdb: bool = admin
            .query_one(
                "SELECT rolcreatedb FROM pg_roles WHERE rolname = $1",
                &[&role],
            )
            .await
            .unwrap()
            .get(0);
        assert!(!createdb);
        let url = db.options().with_user(&role).to_url();
        let (project, seen) =
            watched(Project::new(config(dir.path(), &url, None)).with_models(models(WITH_NOTE)));
        let report = project.check().await.unwrap();
        assert!(report.is_ok(), "{report:?}");
        let again = project
            .autogenerate(&NewRevision::new("nothing"), AutogenerateOptions::default())
            .await
            .unwrap();
        assert!(again.written.is_none() && again.changes.is_empty());
        assert_eq!(*seen.lock().unwrap(), vec!["Database".to_string()]);
        drop(project);
        admin
            .batch_execute(&format!(
                "REVOKE ALL ON DATABASE {dbname} FROM {role}; DROP OWNED BY {role}; DROP ROLE {role}"
            ))
            .await
            .unwrap();
    });
}

/// Not at head: the history's state is replayed once, then taken from the
/// cache; after a new revision only that one is replayed, on top of the
/// cached state of its parent.
#[test]
fn the_history_state_is_cached_and_replayed_incrementally() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("history-cache");
        let cache = dir.path().join("cache");
        let mut cfg = config(dir.path(), db.url(), None);
        cfg.cache_dir = Some(cache.clone());
        cfg.scratch = Some(strata_tests::admin());
        let project = |json: &str| {
            let mut c = cfg.clone();
            c.cache_dir = Some(cache.clone());
            watched(Project::new(c).with_models(models(json)))
        };
        let (p, _) = project(WITH_NOTE);
        p.autogenerate(
            &NewRevision::new("create t"),
            AutogenerateOptions::default(),
        )
        .await
        .unwrap();
        // The database is empty (not at head): replay, then the cache.
        let (p, seen) = project(WITHOUT_NOTE);
        let r = p
            .autogenerate(
                &NewRevision::new("drop note"),
                AutogenerateOptions {
                    allow_drops: true,
                    ..AutogenerateOptions::default()
                },
            )
            .await
            .unwrap();
        assert!(r.written.is_some());
        // The models now match a2's state.
        let (p2, seen2) = project(WITHOUT_NOTE);
        let none = p2
            .autogenerate(&NewRevision::new("nothing"), AutogenerateOptions::default())
            .await
            .unwrap();
        assert!(none.written.is_none(), "{none:?}");
        let (p3, seen3) = project(WITHOUT_NOTE);
        p3.autogenerate(&NewRevision::new("nothing"), AutogenerateOptions::default())
            .await
            .unwrap();
        assert_eq!(
            *seen.lock().unwrap(),
            vec!["Replayed { cached: 0, replayed: 1 }".to_string()]
        );
        assert_eq!(
            *seen2.lock().unwrap(),
            vec!["Replayed { cached: 1, replayed: 1 }".to_string()],
            "only the new revision is replayed"
        );
        assert_eq!(*seen3.lock().unwrap(), vec!["Cache".to_string()]);
        // A corrupted entry is ignored: a full replay.
        for f in std::fs::read_dir(cache.join("history")).unwrap() {
            std::fs::write(f.unwrap().path(), "{}").unwrap();
        }
        let (p4, seen4) = project(WITHOUT_NOTE);
        p4.autogenerate(&NewRevision::new("nothing"), AutogenerateOptions::default())
            .await
            .unwrap();
        assert_eq!(
            *seen4.lock().unwrap(),
            vec!["Replayed { cached: 0, replayed: 2 }".to_string()]
        );
    });
}

/// With no schemas configured, `diff` of two databases covers every schema
/// that is not PostgreSQL's own, not only `public`.
#[test]
fn with_no_schemas_configured_every_schema_is_compared() {
    run(async {
        let a = TestDb::new().await.unwrap();
        let b = TestDb::new().await.unwrap();
        a.connect()
            .await
            .unwrap()
            .batch_execute(
                "CREATE SCHEMA app; CREATE TABLE app.t (id int); CREATE TABLE public.p (id int)",
            )
            .await
            .unwrap();
        b.connect()
            .await
            .unwrap()
            .batch_execute("CREATE SCHEMA other; CREATE TABLE other.u (id int); CREATE TABLE public.p (id int)")
            .await
            .unwrap();
        let dir = TempDir::new("all-schemas");
        let cfg = config(dir.path(), a.url(), None);
        assert!(cfg.schemas.is_empty(), "nothing configured: every schema");
        let project = Project::new(cfg);
        let from = Source::parse(a.url()).unwrap();
        let to = Source::parse(b.url()).unwrap();
        let c = project
            .compare(
                &from,
                &to,
                &PlanOptions {
                    allow_drops: true,
                    ..PlanOptions::default()
                },
            )
            .await
            .unwrap();
        let summaries: Vec<&str> = c.changes.iter().map(|ch| ch.summary.as_str()).collect();
        for want in ["- table app.t", "+ schema other", "+ table other.u"] {
            assert!(
                summaries.iter().any(|s| s.contains(want)),
                "{want}: {summaries:?}"
            );
        }
        assert!(
            !summaries
                .iter()
                .any(|s| s.contains("public.p") || s.contains("table p")),
            "{summaries:?}"
        );
    });
}

/// `ignore_kinds`: objects of those kinds (and their grants and owners)
/// are neither compared nor listed as unmanaged; the others still are.
#[test]
fn ignored_kinds_are_left_out() {
    run(async {
        let db = TestDb::new().await.unwrap();
        db.connect()
            .await
            .unwrap()
            .batch_execute(
                "CREATE TABLE t (id bigint PRIMARY KEY, note text);
                 CREATE PUBLICATION everything FOR ALL TABLES;
                 CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE plpgsql
                     AS $$ BEGIN NULL; END $$;
                 CREATE EVENT TRIGGER watch ON ddl_command_end EXECUTE FUNCTION note_ddl();
                 CREATE VIEW v AS SELECT id FROM t;",
            )
            .await
            .unwrap();
        let dir = TempDir::new("ignore-kinds");
        let mut cfg = config(dir.path(), db.url(), None);
        cfg.ignore_kinds = vec![ObjectKind::Publication, ObjectKind::EventTrigger];
        let project = Project::new(cfg).with_models(models(WITH_NOTE));
        let report = project.check().await.unwrap();
        assert!(report.differences.is_empty(), "{:?}", report.differences);
        assert_eq!(
            report.unmanaged,
            vec!["function note_ddl()".to_string(), "view v".to_string()]
        );
    });
}

/// Every kind of definition object, created in a database the models do not
/// describe beyond its table: `check` names each one as unmanaged (kind and
/// name) and is not ok; autogenerate leaves them alone (drops none).
#[test]
fn check_names_objects_the_models_do_not_manage() {
    run(async {
        let db = TestDb::new().await.unwrap();
        db.connect()
            .await
            .unwrap()
            .batch_execute(
                "CREATE TABLE t (id bigint PRIMARY KEY, note text);
                 CREATE EXTENSION citext;
                 CREATE SEQUENCE counter;
                 CREATE DOMAIN short_text AS text CHECK (length(VALUE) < 10);
                 CREATE TYPE pair AS (a int, b text);
                 CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                 CREATE PROCEDURE noop() LANGUAGE sql AS $$ SELECT 1 $$;
                 CREATE VIEW v AS SELECT id FROM t;
                 CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;
                 CREATE TRIGGER t_touch BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION touch();
                 ALTER TABLE t ENABLE ROW LEVEL SECURITY;
                 CREATE POLICY p ON t USING (id > 0);
                 GRANT SELECT ON t TO PUBLIC;
                 CREATE AGGREGATE total(integer) (SFUNC = int4pl, STYPE = integer);
                 CREATE AGGREGATE seen(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');
                 CREATE TYPE span AS RANGE (SUBTYPE = integer);
                 CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
                 CREATE STATISTICS t_stats ON id, note FROM t;
                 CREATE RULE no_delete AS ON DELETE TO t DO INSTEAD NOTHING;
                 CREATE FUNCTION same_len(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE
                     AS 'SELECT length($1) = length($2)';
                 CREATE OPERATOR === (FUNCTION = same_len, LEFTARG = text, RIGHTARG = text);
                 CREATE CAST (pair AS text) WITH INOUT;
                 CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE plpgsql
                     AS $$ BEGIN NULL; END $$;
                 CREATE EVENT TRIGGER watch ON ddl_command_end EXECUTE FUNCTION note_ddl();
                 CREATE TEXT SEARCH DICTIONARY words (TEMPLATE = simple);
                 CREATE TEXT SEARCH CONFIGURATION search (COPY = english);
                 CREATE FOREIGN DATA WRAPPER plain_fdw;
                 CREATE SERVER archive FOREIGN DATA WRAPPER plain_fdw;
                 CREATE USER MAPPING FOR PUBLIC SERVER archive;
                 CREATE FOREIGN TABLE old_t (id bigint) SERVER archive;
                 CREATE PUBLICATION feed FOR TABLE t;
                 CREATE SUBSCRIPTION pull CONNECTION 'dbname=elsewhere' PUBLICATION feed
                     WITH (connect = false, slot_name = NONE);",
            )
            .await
            .unwrap();
        let dir = TempDir::new("unmanaged");
        let project =
            Project::new(config(dir.path(), db.url(), None)).with_models(models(WITH_NOTE));
        let report = project.check().await.unwrap();
        assert!(report.differences.is_empty(), "{:?}", report.differences);
        assert!(!report.is_ok());
        for want in [
            "extension citext",
            "sequence counter",
            "domain short_text",
            "type pair",
            "function touch()",
            "procedure noop()",
            "view v",
            "materialized view mv",
            "trigger t_touch on t",
            "row level security on t",
            "policy p on t",
            "grant to PUBLIC ON TABLE public.t",
            "aggregate total(integer)",
            "aggregate seen(*)",
            "range type span",
            "collation nocase",
            "statistics t_stats",
            "rule no_delete on t",
            "function same_len(text, text)",
            "operator public.=== (text, text)",
            "cast (public.pair AS text)",
            "function note_ddl()",
            "event trigger watch",
            "text search dictionary words",
            "text search configuration search",
            "foreign data wrapper plain_fdw",
            "server archive",
            "user mapping for PUBLIC server archive",
            "foreign table old_t",
            "publication feed",
            "subscription pull",
        ] {
            assert!(
                report.unmanaged.iter().any(|u| u == want),
                "{want}: {:?}",
                report.unmanaged
            );
        }
        assert_eq!(report.unmanaged.len(), 31, "{:?}", report.unmanaged);

        // Autogenerate on a history that created them by hand drops none.
        std::fs::write(
            dir.path()
                .join("migrations")
                .join("a1b2c3d4e5f6_by_hand.sql"),
            "-- revision: a1b2c3d4e5f6\n-- parents:\n-- message: by hand\n\
             -- transaction: per-migration\n\n-- migrate:up\n\
             CREATE TABLE t (id bigint PRIMARY KEY, note text);\n\
             CREATE VIEW v AS SELECT id FROM t;\n\n-- migrate:down\n\
             DROP VIEW v;\nDROP TABLE t;\n",
        )
        .unwrap();
        let r = project
            .autogenerate(&NewRevision::new("nothing"), AutogenerateOptions::default())
            .await
            .unwrap();
        assert!(r.written.is_none(), "{:?}", r.changes);
    });
}

/// A model comment holding a line break and `-- migrate:down` is written
/// on one line (an escaped string): the generated file reads back with the
/// up section whole, and applying it stores the comment as given.
#[test]
fn a_comment_cannot_break_the_migration_file_format() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("comment-marker");
        let json = r#"{"tables": [{"schema": "public", "name": "t",
          "columns": [{"name": "id", "type": "bigint", "nullable": false}],
          "primary_key": {"name": "t_pkey", "columns": ["id"]},
          "comment": "first\n-- migrate:down\nDROP TABLE t;"}]}"#;
        let project = Project::new(config(dir.path(), db.url(), None)).with_models(models(json));
        project
            .autogenerate(
                &NewRevision::new("commented"),
                AutogenerateOptions::default(),
            )
            .await
            .unwrap();
        project
            .upgrade(&t("head"), RunOptions::default())
            .await
            .unwrap();
        let comment: Option<String> = db
            .connect()
            .await
            .unwrap()
            .query_one(
                "SELECT obj_description('public.t'::regclass, 'pg_class')",
                &[],
            )
            .await
            .unwrap()
            .get(0);
        assert_eq!(
            comment.as_deref(),
            Some("first\n-- migrate:down\nDROP TABLE t;")
        );
        assert!(project.check().await.unwrap().is_ok());
    });
}

/// Models that declare views, routines, triggers, policies, extensions and
/// grants as SQL (`Schema::definitions`, `Registry::definition`), written
/// the way people write them: autogenerate creates them, `check` finds
/// nothing to do and nothing unmanaged, a changed definition changes only
/// its object, and a definition PostgreSQL rejects is named with its line.
#[test]
fn models_declare_objects_as_sql_definitions() {
    use strata::schema::Definition;
    let with = |defs: &[(&str, &str)]| {
        let mut m = models(WITH_NOTE);
        m.definitions = defs.iter().map(|(n, s)| Definition::new(*n, *s)).collect();
        m
    };
    let first: &[(&str, &str)] = &[
        ("trigram", "create extension if not exists pg_trgm;"),
        (
            "notes",
            "create view noted as select id, note from t where note is not null;\n\
             create function note_length(n text) returns int language sql immutable as $$ select length(n) $$;",
        ),
        (
            "touch",
            "create function touch() returns trigger language plpgsql as $$ begin new.note := trim(new.note); return new; end $$;\n\
             create trigger t_touch before insert or update on t for each row execute function touch();",
        ),
        (
            "security",
            "alter table t enable row level security;\n\
             create policy visible on t using (id > 0);\n\
             grant select on t to public;",
        ),
    ];
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("definitions");
        let project = Project::new(config(dir.path(), db.url(), None)).with_models(with(first));
        let r = project
            .autogenerate(&NewRevision::new("objects"), AutogenerateOptions::default())
            .await
            .unwrap();
        let summaries: Vec<&str> = r.changes.iter().map(|c| c.summary.as_str()).collect();
        for want in [
            "+ table t",
            "+ extension pg_trgm",
            "+ view noted",
            "+ function note_length(n text)",
            "+ function touch()",
            "+ trigger t_touch on t",
            "+ row level security on t",
            "+ policy visible on t",
        ] {
            assert!(summaries.contains(&want), "{want}: {summaries:?}");
        }
        project
            .upgrade(&t("head"), RunOptions::default())
            .await
            .unwrap();
        let report = project.check().await.unwrap();
        assert!(
            report.is_ok(),
            "{:?} {:?}",
            report.differences,
            report.unmanaged
        );
        assert!(report.unmanaged.is_empty(), "{:?}", report.unmanaged);

        // One definition changed: one change, made in place.
        let mut second = first.to_vec();
        second[1] = (
            "notes",
            "create view noted as select id, note from t where note <> '';\n\
             create function note_length(n text) returns int language sql immutable as $$ select length(n) $$;",
        );
        let project = Project::new(config(dir.path(), db.url(), None)).with_models(with(&second));
        let report = project.check().await.unwrap();
        // Its columns stay: replaced (CREATE OR REPLACE VIEW), not dropped.
        assert_eq!(
            report.differences,
            ["~ view noted (replaced in place)"],
            "{:?}",
            report.differences
        );
        let r = project
            .autogenerate(&NewRevision::new("view"), AutogenerateOptions::default())
            .await
            .unwrap();
        let text = std::fs::read_to_string(&r.written.expect("a file").path).unwrap();
        assert!(
            text.contains("CREATE OR REPLACE VIEW public.noted AS"),
            "{text}"
        );
        project
            .upgrade(&t("head"), RunOptions::default())
            .await
            .unwrap();
        assert!(project.check().await.unwrap().is_ok());

        // Rejected definitions are named, with the line; nothing changes.
        for (sql, want) in [
            (
                "create view fine as select 1;\ncreate view broken as select id from missing_table;",
                "definition \"broken one\", line 2",
            ),
            ("create view broken as select from from t;", "definition \"broken one\""),
        ] {
            let mut bad = second.clone();
            bad.push(("broken one", sql));
            let project = Project::new(config(dir.path(), db.url(), None)).with_models(with(&bad));
            let err = project.check().await.unwrap_err().to_string();
            assert!(err.contains(want), "{err}");
        }
    });
}

/// Models that declare an aggregate, a range type, a collation and
/// extended statistics as SQL definitions: autogenerate creates them,
/// `check` finds nothing to do and nothing unmanaged, a changed aggregate
/// is replaced in place.
#[test]
fn models_declare_aggregates_ranges_collations_statistics() {
    use strata::schema::Definition;
    let with = |initcond: &str| {
        let mut m = models(WITH_NOTE);
        m.definitions = vec![
            Definition::new(
                "types",
                "create type span as range (subtype = integer);
                 create collation nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);",
            ),
            Definition::new(
                "total",
                format!(
                    "create aggregate total(integer) (sfunc = int4pl, stype = integer, initcond = '{initcond}');"
                ),
            ),
            Definition::new("stats", "create statistics t_stats on id, note from t;"),
        ];
        m
    };
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = TempDir::new("new-kinds");
        let project = Project::new(config(dir.path(), db.url(), None)).with_models(with("0"));
        let r = project
            .autogenerate(&NewRevision::new("objects"), AutogenerateOptions::default())
            .await
            .unwrap();
        let summaries: Vec<&str> = r.changes.iter().map(|c| c.summary.as_str()).collect();
        for want in [
            "+ table t",
            "+ range type span",
            "+ collation nocase",
            "+ aggregate total(integer)",
            "+ statistics t_stats",
        ] {
            assert!(summaries.contains(&want), "{want}: {summaries:?}");
        }
        project
            .upgrade(&t("head"), RunOptions::default())
            .await
            .unwrap();
        let report = project.check().await.unwrap();
        assert!(
            report.is_ok(),
            "{:?} {:?}",
            report.differences,
            report.unmanaged
        );

        let project = Project::new(config(dir.path(), db.url(), None)).with_models(with("7"));
        let r = project
            .autogenerate(&NewRevision::new("total"), AutogenerateOptions::default())
            .await
            .unwrap();
        let summaries: Vec<&str> = r.changes.iter().map(|c| c.summary.as_str()).collect();
        assert_eq!(
            summaries,
            ["~ aggregate total(integer) (replaced in place)"],
            "{summaries:?}"
        );
        project
            .upgrade(&t("head"), RunOptions::default())
            .await
            .unwrap();
        assert!(project.check().await.unwrap().is_ok());
    });
}

/// `status IN (...)` on a `varchar` column prints as a cast of the whole
/// array, which, run again (what a migration writes), casts each element:
/// the same check, printed differently. Between two databases and between
/// the models and the database the comparison comes to rest after one
/// migration instead of finding the check changed forever.
#[test]
fn expressions_that_print_differently_once_applied_compare_equal() {
    run(async {
        let a = TestDb::new().await.unwrap();
        let b = TestDb::new().await.unwrap();
        // A routine without arguments on both sides: its empty argument
        // list is valid where the expressions are checked.
        let routine = "CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql \
                       AS $$ BEGIN RETURN NEW; END $$";
        let table = "CREATE TABLE public.orders (id int PRIMARY KEY, status varchar(10) NOT NULL";
        a.connect()
            .await
            .unwrap()
            .batch_execute(&format!("{routine}; {table})"))
            .await
            .unwrap();
        b.connect()
            .await
            .unwrap()
            .batch_execute(&format!(
                "{routine}; {table}, CONSTRAINT orders_status CHECK (status IN ('new', 'done'))); \
                 CREATE INDEX orders_open ON public.orders (id) WHERE status IN ('new', 'done')"
            ))
            .await
            .unwrap();
        let dir = TempDir::new("reprinted");
        let project = Project::new(config(dir.path(), a.url(), None));
        let (from, to) = (
            Source::parse(a.url()).unwrap(),
            Source::parse(b.url()).unwrap(),
        );
        let c = project
            .compare(&from, &to, &PlanOptions::default())
            .await
            .unwrap();
        assert_eq!(c.changes.len(), 2, "{:?}", c.changes);
        a.connect()
            .await
            .unwrap()
            .batch_execute(&c.up)
            .await
            .unwrap();
        let printed: String = a
            .connect()
            .await
            .unwrap()
            .query_one(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'orders_status'",
                &[],
            )
            .await
            .unwrap()
            .get(0);
        assert!(
            printed.contains("ARRAY[('new'"),
            "printed differently: {printed}"
        );
        let again = project
            .compare(&from, &to, &PlanOptions::default())
            .await
            .unwrap();
        assert!(again.changes.is_empty(), "{:?}", again.changes);
        // The other way round, and a real change is still one.
        let back = project
            .compare(&to, &from, &PlanOptions::default())
            .await
            .unwrap();
        assert!(back.changes.is_empty(), "{:?}", back.changes);

        // Models that declare the check as written: `check` is clean.
        let declared = r#"{"tables": [{"schema": "public", "name": "orders",
          "columns": [{"name": "id", "type": "integer", "nullable": false},
                      {"name": "status", "type": "varchar(10)", "nullable": false}],
          "primary_key": {"name": "orders_pkey", "columns": ["id"]},
          "checks": [{"name": "orders_status", "expression": "status IN ('new', 'done')"}],
          "indexes": [{"name": "orders_open", "elements": [{"column": "id"}],
                       "predicate": "status IN ('new', 'done')"}]}]}"#;
        let project = project.with_models(models(declared));
        let report = project.check().await.unwrap();
        assert!(report.differences.is_empty(), "{:?}", report.differences);
        let changed = declared.replace("'done'", "'gone'");
        let report = Project::new(config(dir.path(), a.url(), None))
            .with_models(models(&changed))
            .check()
            .await
            .unwrap();
        // Dropped and added again, each.
        assert_eq!(report.differences.len(), 4, "{:?}", report.differences);
    });
}
