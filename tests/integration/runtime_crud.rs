//! Typed CRUD against real tables: insert (defaults, identity), partial
//! insert, insert many, get/find (single and composite keys), update (whole
//! row and chosen columns), delete, upsert, raw SQL mapped by name, and names
//! that need quoting.

use serde_json::json;
use strata::{Composite, ErrorKind, Executor, Table};
use strata_testing::run;
use strata_tests::runtime_models::*;

#[test]
fn insert_returns_the_stored_row_and_get_reads_it_back() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let mut job = Job::queued("j-1", "2024-01-01T00:00:00Z");
        job.cost_usd = Some("12.345678".parse().unwrap());
        job.idempotency_key = Some("idem-1".into());
        let stored = s.insert(&job).await.unwrap();
        assert_eq!(stored, job);
        let got: Job = s.get::<Job>("j-1").await.unwrap();
        assert_eq!(got, job);
        let by_ref: Job = s.get::<Job>(&"j-1".to_string()).await.unwrap();
        assert_eq!(by_ref, job);
        assert_eq!(s.find::<Job>("j-1").await.unwrap(), Some(job));
        assert_eq!(s.find::<Job>("nope").await.unwrap(), None);
        let err = s.get::<Job>("nope").await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
        assert_eq!(err.table(), Some("public.dgs_jobs"));
    });
}

#[test]
fn identity_columns_are_filled_by_the_database() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let c = Counter {
            id: 999, // ignored: the column is generated
            name: "a".into(),
            hits: 3,
            note: None,
        };
        let first = s.insert(&c).await.unwrap();
        let second = s.insert(&c).await.unwrap();
        assert_eq!(first.id, 1);
        assert_eq!(second.id, 2);
        assert_eq!(
            first.note, None,
            "an explicit NULL is stored, not the default"
        );
        assert_eq!(s.get::<Counter>(2).await.unwrap(), second);
    });
}

#[test]
fn a_partial_insert_leaves_other_columns_to_their_defaults() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let c: Counter = s
            .insert_values::<Counter>()
            .set(|c| c.name, "only-name")
            .await
            .unwrap();
        assert_eq!(c.name, "only-name");
        assert_eq!(c.hits, 0);
        assert_eq!(c.note.as_deref(), Some("from default"));
        let all_defaults: Counter = s.insert_values::<Counter>().await.unwrap();
        assert_eq!(all_defaults.name, "anonymous");
        assert_eq!(all_defaults.id, c.id + 1);

        // The DGS job table: events, artifacts, attempts, cancel_requested
        // come from their defaults; setting a column twice keeps the last.
        let job: Job = s
            .insert_values::<Job>()
            .set(|c| c.job_id, "j-partial")
            .set(|c| c.request, json!({"topic": "x"}))
            .set(|c| c.status, "draft")
            .set(|c| c.status, "queued")
            .set(|c| c.phase, "pending")
            .set(|c| c.created_at, "2024-01-01")
            .set(|c| c.progress, 0.25)
            .await
            .unwrap();
        assert_eq!(job.status, "queued");
        assert_eq!(job.events, json!([]));
        assert_eq!(job.artifacts, json!({}));
        assert_eq!(job.attempts, 0);
        assert!(!job.cancel_requested);
        assert_eq!(job.progress, Some(0.25));
        assert_eq!(job.subphase, None);
    });
}

#[test]
fn insert_many_is_one_statement_and_keeps_order() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        assert!(s.insert_many::<Job>(&[]).await.unwrap().is_empty());
        let jobs: Vec<Job> = (0..3)
            .map(|i| Job::queued(&format!("m-{i}"), "2024-01-01"))
            .collect();
        let stored = s.insert_many(&jobs).await.unwrap();
        assert_eq!(stored, jobs);
        let counters = vec![
            Counter {
                id: 0,
                name: "x".into(),
                hits: 1,
                note: None,
            },
            Counter {
                id: 0,
                name: "y".into(),
                hits: 2,
                note: Some("n".into()),
            },
        ];
        let stored = s.insert_many(&counters).await.unwrap();
        assert_eq!(stored.iter().map(|c| c.id).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(stored[1].note.as_deref(), Some("n"));
    });
}

#[test]
fn insert_many_splits_batches_beyond_the_parameter_limit() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        // 4 columns per row: 16,383 rows per statement, so 20,000 rows take two.
        let members: Vec<Member> = (0..20_000)
            .map(|i| Member {
                org_id: i % 7,
                user_name: format!("user-{i}"),
                role: "member".into(),
                joined: i,
            })
            .collect();
        let stored = s.insert_many(&members).await.unwrap();
        assert_eq!(stored.len(), 20_000);
        assert_eq!(stored[19_999], members[19_999]);
        assert_eq!(s.select::<Member>().count().await.unwrap(), 20_000);
    });
}

#[test]
fn composite_keys() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let ann = Member {
            org_id: 1,
            user_name: "ann".into(),
            role: "admin".into(),
            joined: 2020,
        };
        let bob = Member {
            org_id: 1,
            user_name: "bob".into(),
            role: "member".into(),
            joined: 2021,
        };
        s.insert(&ann).await.unwrap();
        s.insert(&bob).await.unwrap();
        assert_eq!(s.get::<Member>((1, "ann")).await.unwrap(), ann);
        let name = "bob".to_string();
        assert_eq!(s.get::<Member>((1, &name)).await.unwrap(), bob);
        assert_eq!(s.get::<Member>(bob.key()).await.unwrap(), bob);
        assert_eq!(
            s.get::<Member>(&Composite((1, name.clone())))
                .await
                .unwrap(),
            bob
        );
        assert_eq!(s.find::<Member>((2, "ann")).await.unwrap(), None);
        let mut promoted = bob.clone();
        promoted.role = "admin".into();
        assert_eq!(s.update(&promoted).await.unwrap(), promoted);
        assert_eq!(
            s.get::<Member>((1, "ann")).await.unwrap(),
            ann,
            "the other row is untouched"
        );
        assert!(s.delete::<Member>((1, "bob")).await.unwrap());
        assert!(!s.delete::<Member>((1, "bob")).await.unwrap());
        assert_eq!(s.select::<Member>().count().await.unwrap(), 1);
    });
}

#[test]
fn update_writes_the_whole_row_by_key() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let job = s.insert(&Job::queued("u-1", "2024-01-01")).await.unwrap();
        let other = s.insert(&Job::queued("u-2", "2024-01-01")).await.unwrap();
        let mut changed = job.clone();
        changed.status = "running".into();
        changed.subphase = Some("outline".into());
        changed.progress = None;
        changed.events = json!([{"at": "t1", "what": "started"}]);
        changed.attempts = 1;
        let stored = s.update(&changed).await.unwrap();
        assert_eq!(stored, changed);
        assert_eq!(s.get::<Job>("u-1").await.unwrap(), changed);
        assert_eq!(s.get::<Job>("u-2").await.unwrap(), other);

        let ghost = Job::queued("ghost", "2024-01-01");
        let err = s.update(&ghost).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
        assert_eq!(
            s.find::<Job>("ghost").await.unwrap(),
            None,
            "update never inserts"
        );
    });
}

#[test]
fn update_columns_sets_only_the_named_columns() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        for i in 0..4 {
            s.insert(&Job::queued(&format!("c-{i}"), "2024-01-01"))
                .await
                .unwrap();
        }
        let n = s
            .update_columns::<Job>()
            .set(|c| c.progress, 0.5)
            .set(|c| c.message, "halfway")
            .increment(|c| c.attempts, 2)
            .filter(|c| c.job_id.in_(["c-1", "c-2"]))
            .await
            .unwrap();
        assert_eq!(n, 2);
        let c1 = s.get::<Job>("c-1").await.unwrap();
        assert_eq!(c1.progress, Some(0.5));
        assert_eq!(c1.message.as_deref(), Some("halfway"));
        assert_eq!(c1.attempts, 2);
        assert_eq!(c1.status, "queued", "other columns are untouched");
        let c0 = s.get::<Job>("c-0").await.unwrap();
        assert_eq!(c0.progress, Some(0.0));
        assert_eq!(c0.attempts, 0);

        // Setting NULL, and RETURNING the changed rows.
        let rows = s
            .update_columns::<Job>()
            .set(|c| c.progress, None::<f64>)
            .filter(|c| c.job_id.eq("c-3"))
            .returning()
            .await
            .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].progress, None);

        // No filter: refused, nothing changed.
        let err = s
            .update_columns::<Job>()
            .set(|c| c.status, "lost")
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid);
        assert!(err.to_string().contains("all_rows"), "{err}");
        assert_eq!(
            s.select::<Job>()
                .filter(|c| c.status.eq("lost"))
                .count()
                .await
                .unwrap(),
            0
        );
        let err = s
            .update_columns::<Job>()
            .filter(|c| c.job_id.eq("c-1"))
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid, "nothing to set");
        let n = s
            .update_columns::<Job>()
            .set(|c| c.cancel_requested, true)
            .all_rows()
            .await
            .unwrap();
        assert_eq!(n, 4);
    });
}

#[test]
fn delete_by_key_and_by_filter() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        for i in 0..5 {
            let mut j = Job::queued(&format!("d-{i}"), "2024-01-01");
            j.attempts = i;
            s.insert(&j).await.unwrap();
        }
        assert!(s.delete::<Job>("d-0").await.unwrap());
        assert!(!s.delete::<Job>("d-0").await.unwrap());
        let n = s
            .delete_where::<Job>()
            .filter(|c| c.attempts.ge(3))
            .await
            .unwrap();
        assert_eq!(n, 2);
        let gone = s
            .delete_where::<Job>()
            .filter(|c| c.job_id.eq("d-1"))
            .returning()
            .await
            .unwrap();
        assert_eq!(gone.len(), 1);
        assert_eq!(gone[0].job_id, "d-1");
        let err = s.delete_where::<Job>().await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid);
        assert_eq!(
            s.select::<Job>().count().await.unwrap(),
            1,
            "the refused delete removed nothing"
        );
        assert_eq!(s.delete_where::<Job>().all_rows().await.unwrap(), 1);
    });
}

#[test]
fn upsert_on_the_key_and_on_a_partial_unique_index() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let mut job = Job::queued("up-1", "2024-01-01");
        let stored = s.upsert(&job).await.unwrap();
        assert_eq!(stored, job, "no conflict: inserted");
        job.status = "done".into();
        job.progress = Some(1.0);
        let stored = s.upsert(&job).await.unwrap();
        assert_eq!(stored, job, "conflict on the key: updated");
        assert_eq!(s.select::<Job>().count().await.unwrap(), 1);

        // The DGS idempotency key: a partial unique index.
        let mut first = Job::queued("up-2", "2024-01-01");
        first.idempotency_key = Some("req-42".into());
        s.insert(&first).await.unwrap();
        let mut retry = Job::queued("up-3", "2024-01-02");
        retry.idempotency_key = Some("req-42".into());
        retry.status = "running".into();
        retry.message = Some("retried".into());
        let stored = s
            .upsert(&retry)
            .on_conflict(|c| c.idempotency_key)
            .conflict_where(|c| c.idempotency_key.is_not_null())
            .update_only(|c| c.status)
            .await
            .unwrap();
        assert_eq!(stored.job_id, "up-2", "the existing row was updated");
        assert_eq!(stored.status, "running");
        assert_eq!(stored.message, None, "columns outside update_only are kept");
        assert_eq!(s.find::<Job>("up-3").await.unwrap(), None);

        // DO NOTHING: None on conflict, the row on insert.
        let ignored = s
            .upsert(&retry)
            .on_conflict(|c| c.idempotency_key)
            .conflict_where(|c| c.idempotency_key.is_not_null())
            .do_nothing()
            .await
            .unwrap();
        assert_eq!(ignored, None);
        let fresh = Job::queued("up-4", "2024-01-03");
        assert_eq!(
            s.upsert(&fresh).do_nothing().await.unwrap(),
            Some(fresh.clone())
        );
        assert_eq!(s.upsert(&fresh).do_nothing().await.unwrap(), None);

        // Composite key upsert.
        let mut m = Member {
            org_id: 3,
            user_name: "cy".into(),
            role: "a".into(),
            joined: 1,
        };
        s.upsert(&m).await.unwrap();
        m.role = "b".into();
        assert_eq!(s.upsert(&m).await.unwrap(), m);
        assert_eq!(s.select::<Member>().count().await.unwrap(), 1);

        // A predicate with values cannot name a partial index.
        let err = s
            .upsert(&retry)
            .on_conflict(|c| c.idempotency_key)
            .conflict_where(|c| c.idempotency_key.eq("x"))
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid);
    });
}

#[test]
fn query_as_maps_columns_by_name() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        for (org, name) in [(1, "ann"), (1, "bob"), (2, "cy")] {
            s.insert(&Member {
                org_id: org,
                user_name: name.into(),
                role: "r".into(),
                joined: org * 10,
            })
            .await
            .unwrap();
        }
        // Columns in another order, an extra column, a computed one.
        let rows: Vec<Member> = s
            .query_as::<Member>(
                "SELECT upper(role) AS role, 42 AS extra, joined, user_name, org_id \
                 FROM members WHERE org_id = $1 ORDER BY user_name",
                &[&1i32],
            )
            .await
            .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].user_name, "ann");
        assert_eq!(rows[0].role, "R");
        assert_eq!(rows[1].joined, 10);

        let err = s
            .query_as::<Member>("SELECT org_id, user_name FROM members", &[])
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
        assert!(err.to_string().contains("\"role\""), "{err}");

        let n = s
            .execute(
                "UPDATE members SET joined = joined + 1 WHERE org_id = $1",
                &[&2i32],
            )
            .await
            .unwrap();
        assert_eq!(n, 1);
        let rows = s
            .query("SELECT joined FROM members WHERE org_id = 2", &[])
            .await
            .unwrap();
        assert_eq!(rows[0].get::<_, i32>(0), 21);
    });
}

#[test]
fn names_that_need_quoting_work_everywhere() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let row = Odd {
            order: 1,
            select: "it's \"quoted\"".into(),
            with_space: Some("a b".into()),
            quote: "q".into(),
        };
        assert_eq!(s.insert(&row).await.unwrap(), row);
        assert_eq!(s.get::<Odd>(1).await.unwrap(), row);
        let mut changed = row.clone();
        changed.with_space = None;
        assert_eq!(s.update(&changed).await.unwrap(), changed);
        let found = s
            .select::<Odd>()
            .filter(|c| c.select.like("%quoted%").and(c.with_space.is_null()))
            .order_by(|c| c.order.desc())
            .all()
            .await
            .unwrap();
        assert_eq!(found, vec![changed.clone()]);
        let sql = s
            .select::<Odd>()
            .filter(|c| c.quote.eq("q"))
            .order_by(|c| c.with_space.asc().nulls_first())
            .to_sql();
        assert_eq!(
            sql,
            "SELECT \"order\", \"Select\", \"with space\", \"quo\"\"te\" FROM \"My Schema\".\"User Table\" \
             WHERE \"quo\"\"te\" = $1 ORDER BY \"with space\" NULLS FIRST"
        );
        let mut up = changed.clone();
        up.quote = "upserted".into();
        assert_eq!(s.upsert(&up).await.unwrap(), up);
        assert_eq!(
            s.update_columns::<Odd>()
                .set(|c| c.with_space, "x y")
                .filter(|c| c.order.eq(1))
                .await
                .unwrap(),
            1
        );
        assert_eq!(
            s.copy_in([&Odd {
                order: 2,
                ..row.clone()
            }])
            .await
            .unwrap(),
            1
        );
        assert!(s.delete::<Odd>(1).await.unwrap());
        assert_eq!(s.select::<Odd>().count().await.unwrap(), 1);
    });
}

#[test]
fn a_table_without_a_primary_key() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let e = Event {
            n: 1,
            what: "boot".into(),
        };
        assert_eq!(s.insert(&e).await.unwrap(), e);
        assert_eq!(s.select::<Event>().all().await.unwrap(), vec![e.clone()]);
        for err in [
            s.get::<Event>(1).await.unwrap_err(),
            s.update(&e).await.unwrap_err(),
            s.delete::<Event>(1).await.unwrap_err(),
            s.upsert(&e).await.unwrap_err(),
        ] {
            assert_eq!(err.kind(), ErrorKind::Invalid);
            assert!(err.to_string().contains("public.events has none"), "{err}");
        }
    });
}

#[test]
fn repository_code_is_generic_over_sessions_and_transactions() {
    async fn bump(db: &impl Executor, id: &str) -> strata::Result<Job> {
        db.update_columns::<Job>()
            .increment(|c| c.attempts, 1)
            .filter(|c| c.job_id.eq(id))
            .await?;
        db.get::<Job>(id).await
    }

    run(async {
        let fx = Fixture::new().await;
        let mut s = fx.session().await;
        s.insert(&Job::queued("g-1", "2024-01-01")).await.unwrap();
        assert_eq!(bump(&s, "g-1").await.unwrap().attempts, 1);
        let tx = s.transaction().await.unwrap();
        assert_eq!(bump(&tx, "g-1").await.unwrap().attempts, 2);
        tx.rollback().await.unwrap();
        assert_eq!(s.get::<Job>("g-1").await.unwrap().attempts, 1);
        // The futures are Send: repository calls can be spawned.
        let pool = fx.pool.clone();
        let handle = tokio::spawn(async move {
            let s = pool.session().await?;
            bump(&s, "g-1").await
        });
        assert_eq!(handle.await.unwrap().unwrap().attempts, 2);
    });
}
