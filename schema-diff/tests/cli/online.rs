//! `--online` through the binary: `revision --autogenerate --online` on a
//! table with rows writes a `transaction: none` file (CONCURRENTLY, NOT
//! VALID then VALIDATE) that `upgrade` applies and `downgrade` reverts;
//! `online = true` in the configuration does the same for `diff`; `diff
//! --format json` gives each change's risk as data.

use strata_testing::{run, TestDb};

use crate::{exec, Project, MODELS};

#[test]
fn online_revisions_and_hazards_as_data() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let url = db.url();
        // The models without the lessons' foreign key and the jobs' index.
        let start = MODELS
            .replace(
                r#",
     "foreign_keys": [{"name": "dgs_lessons_job_id_fkey", "columns": ["job_id"], "ref_schema": "public",
                       "ref_table": "dgs_jobs", "ref_columns": ["job_id"], "on_delete": "set_null"}]"#,
                "",
            )
            .replace(
                r#",
     "indexes": [{"name": "dgs_jobs_status_idx", "elements": [{"column": "status"}]}]"#,
                "",
            );
        assert_ne!(start, MODELS);
        let p = Project::new("online", &start);
        p.run(
            url,
            &[
                "revision",
                "--autogenerate",
                "-m",
                "start",
                "--rev-id",
                "s1",
            ],
        )
        .expect(0);
        p.run(url, &["upgrade"]).expect(0);
        exec(
            url,
            "INSERT INTO dgs_jobs (job_id) SELECT 'j' || g FROM generate_series(1, 500) g;
             INSERT INTO dgs_lessons (job_id) SELECT 'j' || g FROM generate_series(1, 500) g;",
        )
        .await;

        p.set_models(MODELS);
        let out = p
            .run(
                url,
                &[
                    "revision",
                    "--autogenerate",
                    "--online",
                    "-m",
                    "online",
                    "--rev-id",
                    "o1",
                ],
            )
            .expect(0);
        assert!(out.stdout.contains("dgs_jobs_status_idx"), "{}", out.stdout);
        let file = p
            .migrations()
            .into_iter()
            .find(|f| f.to_string_lossy().contains("o1_"))
            .unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        for expected in [
            "-- transaction: none",
            "DROP INDEX CONCURRENTLY IF EXISTS public.dgs_jobs_status_idx;",
            "CREATE INDEX CONCURRENTLY dgs_jobs_status_idx",
            "ON DELETE SET NULL NOT VALID;",
            "ALTER TABLE public.dgs_lessons VALIDATE CONSTRAINT dgs_lessons_job_id_fkey;",
            "the rows are read under SHARE UPDATE EXCLUSIVE (reads and writes go on)",
        ] {
            assert!(text.contains(expected), "{expected:?} in:\n{text}");
        }
        p.run(url, &["upgrade"]).expect(0);
        p.run(url, &["check"]).expect(0);
        p.run(url, &["downgrade", "s1", "--allow-drops"]).expect(0);
        p.run(url, &["upgrade"]).expect(0);
        p.run(url, &["check"]).expect(0);

        // online = true in the configuration; diff's JSON carries the risks.
        let config = std::fs::read_to_string(p.path("schema-diff.toml")).unwrap();
        std::fs::write(
            p.path("schema-diff.toml"),
            format!("online = true\n{config}"),
        )
        .unwrap();
        p.set_models(&start);
        p.set_models(&start.replace(r#""type": "real""#, r#""type": "double precision""#));
        let out = p
            .run(
                url,
                &[
                    "--format",
                    "json",
                    "diff",
                    "--from",
                    "database",
                    "--to",
                    "models",
                    "--allow-drops",
                ],
            )
            .expect(0);
        let doc = out.json();
        let changes = doc["changes"].as_array().unwrap();
        let fk = changes
            .iter()
            .find(|c| c["summary"].as_str().unwrap().contains("foreign key"))
            .unwrap_or_else(|| panic!("{doc:#}"));
        assert_eq!(fk["risk"]["lock"], "ACCESS EXCLUSIVE", "{fk:#}");
        assert_eq!(fk["risk"]["deletes_data"], false);
        assert_eq!(fk["down_risk"]["lock"], "SHARE ROW EXCLUSIVE", "{fk:#}");
        assert_eq!(
            fk["down_risk"]["scan_lock"], "SHARE UPDATE EXCLUSIVE",
            "{fk:#}"
        );
        assert_eq!(fk["down_risk"]["blocks_for_a_scan"], false);
        let ty = changes
            .iter()
            .find(|c| c["summary"].as_str().unwrap().contains("double precision"))
            .unwrap_or_else(|| panic!("{doc:#}"));
        assert_eq!(ty["risk"]["rewrites"], true, "{ty:#}");
        assert_eq!(ty["risk"]["blocks_for_a_scan"], true, "{ty:#}");
        assert!(
            doc["sql"]
                .as_str()
                .unwrap()
                .contains("-- note: online: changing"),
            "{doc:#}"
        );
    });
}

/// An online plan that mixes steps that run in a transaction (a new
/// table, a new column) with steps that cannot (an index built
/// CONCURRENTLY) is written as several chained revisions, each with its own
/// transaction mode; `upgrade` applies them all, `check` agrees, and
/// `downgrade` reverts them all.
#[test]
fn a_mixed_online_plan_is_written_in_parts() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let url = db.url();
        let start = r#"{"tables": [{"schema": "public", "name": "items",
            "columns": [{"name": "id", "type": "bigint", "nullable": false},
                        {"name": "n", "type": "integer", "nullable": true}],
            "primary_key": {"name": "items_pkey", "columns": ["id"]}}]}"#;
        let p = Project::new("online-parts", start);
        p.run(
            url,
            &[
                "revision",
                "--autogenerate",
                "-m",
                "start",
                "--rev-id",
                "s1",
            ],
        )
        .expect(0);
        p.run(url, &["upgrade"]).expect(0);
        exec(
            url,
            "INSERT INTO items SELECT g, g FROM generate_series(1, 100) g",
        )
        .await;
        let next = r#"{"tables": [{"schema": "public", "name": "items",
            "columns": [{"name": "id", "type": "bigint", "nullable": false},
                        {"name": "n", "type": "integer", "nullable": true},
                        {"name": "note", "type": "text", "nullable": true}],
            "primary_key": {"name": "items_pkey", "columns": ["id"]},
            "indexes": [{"name": "items_n_idx", "elements": [{"column": "n"}]}]},
           {"schema": "public", "name": "tags",
            "columns": [{"name": "id", "type": "bigint", "nullable": false}],
            "primary_key": {"name": "tags_pkey", "columns": ["id"]}}]}"#;
        p.set_models(next);
        let out = p
            .run(
                url,
                &[
                    "--format",
                    "json",
                    "revision",
                    "--autogenerate",
                    "--online",
                    "-m",
                    "more",
                    "--rev-id",
                    "m1",
                ],
            )
            .expect(0);
        let doc = out.json();
        let parts = doc["parts"].as_array().unwrap();
        assert!(parts.len() >= 2, "{doc:#}");
        assert_eq!(parts[0]["revision"], "m1");
        assert_eq!(parts[1]["revision"], "m1_2");
        assert_eq!(parts[1]["parents"], serde_json::json!(["m1"]));
        let modes: Vec<&str> = parts
            .iter()
            .map(|p| p["transaction"].as_str().unwrap())
            .collect();
        assert!(
            modes.contains(&"per-migration") && modes.contains(&"none"),
            "{modes:?}"
        );
        for part in parts {
            let text = std::fs::read_to_string(part["path"].as_str().unwrap()).unwrap();
            let concurrently = text.contains("CONCURRENTLY");
            assert_eq!(
                concurrently,
                part["transaction"] == "none",
                "only the parts outside a transaction build concurrently:\n{text}"
            );
        }
        let out = p.run(url, &["upgrade"]).expect(0);
        assert!(
            out.stdout
                .contains(&format!("Applied {} migration(s)", parts.len())),
            "{}",
            out.stdout
        );
        p.run(url, &["check"]).expect(0);
        p.run(url, &["downgrade", "s1", "--allow-drops"]).expect(0);
        let out = p.run(url, &["check"]).expect(1);
        assert!(
            out.stdout.contains("pending migration: m1"),
            "{}",
            out.stdout
        );
    });
}
