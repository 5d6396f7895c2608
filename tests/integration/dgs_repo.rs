//! The DGS repositories against PostgreSQL: idempotent creation under
//! concurrency, the job queue (`FOR UPDATE SKIP LOCKED`, no job claimed
//! twice, in transactions and in autocommit), state transitions and their
//! conflicts, input checks, the legacy timestamp format, lessons by awkward
//! tags, audit totals, and repositories running inside a transaction.

use std::collections::BTreeSet;

use crate::dgs_support::{example_migrations, Project};
use dgs::models::Job;
use dgs::repo::{
    FailJob, FinishJob, JobFilter, JobsRepository, LessonsRepository, LlmAuditRepository, NewAudit,
    NewJob, NewLesson, Page, ProgressUpdate, RepoError, StrataAudit, StrataJobs, StrataLessons,
};
use rust_decimal::Decimal;
use serde_json::json;
use strata::{Executor, Pool};
use strata_testing::{run, TestDb};

/// A fresh database with the example's migrations applied, and a pool on it.
async fn migrated() -> (TestDb, Pool) {
    let db = TestDb::new().await.unwrap();
    let url = db.url().to_string();
    dgs::app::migrate(&url, &example_migrations())
        .await
        .unwrap();
    let pool = strata::Pool::builder(&url)
        .unwrap()
        .max_size(12)
        .build()
        .unwrap();
    (db, pool)
}

fn new_job(topic: &str) -> NewJob {
    NewJob {
        request: json!({"topic": topic}),
        total_steps: Some(4),
        ..NewJob::default()
    }
}

#[test]
fn the_main_job_pieces_migrate_and_check_a_fresh_database() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let dir = example_migrations();
        let applied = dgs::app::migrate(db.url(), &dir).await.unwrap();
        assert_eq!(applied.len(), 1, "{applied:?}");
        assert!(dgs::app::migrate(db.url(), &dir).await.unwrap().is_empty());
        let report = dgs::app::check(db.url(), &dir).await.unwrap();
        assert!(report.is_ok(), "{report:?}");
        // A difference is reported, one line per change.
        let client = db.connect().await.unwrap();
        client
            .batch_execute("ALTER TABLE dgs_jobs ALTER COLUMN progress TYPE real")
            .await
            .unwrap();
        let report = dgs::app::check(db.url(), &dir).await.unwrap();
        assert!(!report.is_ok());
        assert!(
            report.describe().contains("dgs_jobs.progress"),
            "{}",
            report.describe()
        );
        // And the whole scenario runs (the main job without printing).
        client
            .batch_execute("ALTER TABLE dgs_jobs ALTER COLUMN progress TYPE double precision")
            .await
            .unwrap();
        let pool = Pool::connect(db.url()).await.unwrap();
        let summary = dgs::app::scenario(&pool).await.unwrap();
        let counts: Vec<i64> = summary.by_status.iter().map(|(_, n)| *n).collect();
        assert_eq!(counts, vec![0, 0, 1, 1, 1], "{summary:?}");
        let s = pool.session().await.unwrap();
        let lesson = StrataLessons::new(&s)
            .get(&summary.lesson_id)
            .await
            .unwrap();
        assert!(lesson.tags.contains(&"plants".to_string()));
    });
}

#[test]
fn idempotency_keys_return_the_first_job_even_under_concurrency() {
    run(async {
        let (_db, pool) = migrated().await;
        let mut tasks = Vec::new();
        for _ in 0..8 {
            let pool = pool.clone();
            tasks.push(tokio::spawn(async move {
                let s = pool.session().await.unwrap();
                StrataJobs::new(&s)
                    .create(NewJob {
                        idempotency_key: Some("same-key".into()),
                        ..new_job("Fractions")
                    })
                    .await
                    .unwrap()
            }));
        }
        let mut created = 0;
        let mut ids = BTreeSet::new();
        for t in tasks {
            let c = t.await.unwrap();
            created += usize::from(c.created);
            ids.insert(c.job.job_id);
        }
        assert_eq!(created, 1, "exactly one request created the job");
        assert_eq!(ids.len(), 1, "all got the same job");
        let s = pool.session().await.unwrap();
        let jobs = StrataJobs::new(&s);
        assert_eq!(jobs.count(&JobFilter::default()).await.unwrap(), 1);
        // A different job under an existing id is a unique violation.
        let id = ids.into_iter().next().unwrap();
        let err = jobs
            .create(NewJob {
                job_id: Some(id.clone()),
                idempotency_key: Some("other-key".into()),
                ..new_job("x")
            })
            .await
            .unwrap_err();
        assert!(
            matches!(&err, RepoError::Db(e) if e.is_unique_violation()),
            "{err:?}"
        );
        let err = jobs
            .create(NewJob {
                job_id: Some(id),
                ..new_job("x")
            })
            .await
            .unwrap_err();
        assert!(matches!(&err, RepoError::Db(e) if e.is_unique_violation()));
    });
}

#[test]
fn workers_never_claim_the_same_job_in_transactions_or_autocommit() {
    run(async {
        let (_db, pool) = migrated().await;
        let s = pool.session().await.unwrap();
        let jobs = StrataJobs::new(&s);
        let mut all = BTreeSet::new();
        for i in 0..40 {
            all.insert(
                jobs.create(new_job(&format!("t{i}")))
                    .await
                    .unwrap()
                    .job
                    .job_id,
            );
        }
        // Half the workers claim in transactions, half in autocommit.
        let mut tasks = Vec::new();
        for w in 0..6 {
            let pool = pool.clone();
            tasks.push(tokio::spawn(async move {
                let mut s = pool.session().await.unwrap();
                let mut mine = Vec::new();
                loop {
                    let job = if w % 2 == 0 {
                        let tx = s.transaction().await.unwrap();
                        let j = StrataJobs::new(&tx).claim_next().await.unwrap();
                        tx.commit().await.unwrap();
                        j
                    } else {
                        StrataJobs::new(&s).claim_next().await.unwrap()
                    };
                    match job {
                        Some(j) => mine.push(j),
                        None => return mine,
                    }
                }
            }));
        }
        let mut claimed = Vec::new();
        for t in tasks {
            claimed.extend(t.await.unwrap());
        }
        let ids: BTreeSet<String> = claimed.iter().map(|j| j.job_id.clone()).collect();
        assert_eq!(ids.len(), claimed.len(), "no job claimed twice");
        assert_eq!(ids, all, "every job claimed");
        for j in &claimed {
            assert_eq!(j.status, "running");
            assert_eq!(j.attempts, 1);
            assert!(j.started_at.is_some());
            let events = j.events.as_array().unwrap();
            assert_eq!(events.last().unwrap()["type"], "claimed");
        }
    });
}

#[test]
fn skip_locked_passes_over_a_job_another_transaction_holds() {
    run(async {
        let (_db, pool) = migrated().await;
        let s = pool.session().await.unwrap();
        let jobs = StrataJobs::new(&s);
        let a = jobs.create(new_job("first")).await.unwrap().job;
        let b = jobs.create(new_job("second")).await.unwrap().job;
        let mut w1 = pool.session().await.unwrap();
        let mut w2 = pool.session().await.unwrap();
        let tx1 = w1.transaction().await.unwrap();
        let got1 = StrataJobs::new(&tx1).claim_next().await.unwrap().unwrap();
        assert_eq!(got1.job_id, a.job_id, "oldest first");
        // tx1 still holds a's row: the second worker does not wait for it.
        let tx2 = w2.transaction().await.unwrap();
        let got2 = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            StrataJobs::new(&tx2).claim_next(),
        )
        .await
        .expect("SKIP LOCKED does not wait")
        .unwrap()
        .unwrap();
        assert_eq!(got2.job_id, b.job_id);
        tx2.commit().await.unwrap();
        // The first worker dies: its claim rolls back, the job is queued again.
        tx1.rollback().await.unwrap();
        let again = jobs.get(&a.job_id).await.unwrap();
        assert_eq!(again.status, "queued");
        assert_eq!(again.attempts, 0);
        let third = jobs.claim_next().await.unwrap().unwrap();
        assert_eq!(third.job_id, a.job_id);
        assert!(jobs.claim_next().await.unwrap().is_none());
    });
}

#[test]
fn state_changes_follow_the_lifecycle_and_keep_an_event_log() {
    run(async {
        let (_db, pool) = migrated().await;
        let s = pool.session().await.unwrap();
        let jobs = StrataJobs::new(&s);
        let job = jobs.create(new_job("Volcanoes")).await.unwrap().job;
        assert_eq!(job.status, "queued");
        assert_eq!(job.phase, "planning");
        assert_eq!(job.completed_steps, Some(0));
        let conflict = |e: RepoError| matches!(e, RepoError::Conflict(_));
        // Not running yet: no progress, no finish.
        assert!(conflict(
            jobs.update_progress(&job.job_id, ProgressUpdate::default())
                .await
                .unwrap_err()
        ));
        assert!(conflict(
            jobs.finish(
                &job.job_id,
                FinishJob {
                    result: json!({}),
                    ..FinishJob::default()
                }
            )
            .await
            .unwrap_err()
        ));
        let running = jobs.claim_next().await.unwrap().unwrap();
        assert_eq!(running.job_id, job.job_id);
        let p = jobs
            .update_progress(
                &job.job_id,
                ProgressUpdate {
                    phase: Some("drafting".into()),
                    subphase: Some("llm_call".into()),
                    completed_steps: Some(3),
                    message: Some("it's \"going\" well ✓".into()),
                    ..ProgressUpdate::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(p.progress, Some(0.75));
        assert_eq!(p.phase, "drafting");
        assert_eq!(p.message.as_deref(), Some("it's \"going\" well ✓"));
        // Bad progress reports change nothing.
        for bad in [
            ProgressUpdate {
                progress: Some(1.5),
                ..ProgressUpdate::default()
            },
            ProgressUpdate {
                completed_steps: Some(9),
                ..ProgressUpdate::default()
            },
            ProgressUpdate {
                total_steps: Some(0),
                ..ProgressUpdate::default()
            },
            ProgressUpdate {
                phase: Some(" ".into()),
                ..ProgressUpdate::default()
            },
        ] {
            let e = jobs.update_progress(&job.job_id, bad).await.unwrap_err();
            assert!(matches!(e, RepoError::Invalid(_)), "{e:?}");
        }
        assert_eq!(jobs.get(&job.job_id).await.unwrap(), p);
        let done = jobs
            .finish(
                &job.job_id,
                FinishJob {
                    result: json!({"lesson_id": "lesson-x"}),
                    lesson_id: Some("lesson-x".into()),
                    cost_usd: Some(Decimal::new(123_456, 6)),
                    message: Some("published".into()),
                },
            )
            .await
            .unwrap();
        assert_eq!(done.status, "succeeded");
        assert_eq!(done.progress, Some(1.0));
        assert_eq!(done.completed_steps, Some(4));
        assert_eq!(done.cost_usd, Some(Decimal::new(123_456, 6)));
        assert!(done.finished_at.is_some());
        let kinds: Vec<&str> = done
            .events
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["type"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["queued", "claimed", "progress", "succeeded"]);
        // Terminal: nothing more.
        assert!(conflict(jobs.cancel(&job.job_id).await.unwrap_err()));
        assert!(conflict(
            jobs.fail(
                &job.job_id,
                FailJob {
                    error: json!({"x": 1}),
                    message: None
                }
            )
            .await
            .unwrap_err()
        ));
        // Queued jobs can fail or be cancelled; unknown ids are not found.
        let q1 = jobs.create(new_job("a")).await.unwrap().job;
        let q2 = jobs.create(new_job("b")).await.unwrap().job;
        let failed = jobs
            .fail(
                &q1.job_id,
                FailJob {
                    error: json!({"type": "Invalid"}),
                    message: Some("bad request".into()),
                },
            )
            .await
            .unwrap();
        assert_eq!(failed.status, "failed");
        let cancelled = jobs.cancel(&q2.job_id).await.unwrap();
        assert_eq!(cancelled.status, "cancelled");
        assert!(cancelled.cancel_requested);
        assert!(jobs.claim_next().await.unwrap().is_none());
        assert!(matches!(
            jobs.get("nope").await.unwrap_err(),
            RepoError::NotFound { .. }
        ));
        assert!(matches!(
            jobs.cancel("nope").await.unwrap_err(),
            RepoError::NotFound { .. }
        ));
        // Listing by status and phase, with paging.
        let all = jobs
            .list(&JobFilter::default(), Page::new(2, 0).unwrap())
            .await
            .unwrap();
        let rest = jobs
            .list(&JobFilter::default(), Page::new(2, 2).unwrap())
            .await
            .unwrap();
        assert_eq!(all.len() + rest.len(), 3);
        let done_list = jobs
            .list(
                &JobFilter {
                    status: Some(dgs::repo::JobStatus::Succeeded),
                    phase: Some("done".into()),
                },
                Page::default(),
            )
            .await
            .unwrap();
        assert_eq!(done_list, vec![done]);
        assert!(
            Page::new(0, 0).is_err() && Page::new(1001, 0).is_err() && Page::new(1, -1).is_err()
        );
        assert!("bogus".parse::<dgs::repo::JobStatus>().is_err());
    });
}

#[test]
fn timestamps_are_written_in_the_legacy_format_and_round_trip_through_timestamptz() {
    run(async {
        let (db, pool) = migrated().await;
        let s = pool.session().await.unwrap();
        let jobs = StrataJobs::new(&s);
        let job = jobs.create(new_job("t")).await.unwrap().job;
        let claimed = jobs.claim_next().await.unwrap().unwrap();
        let lesson = StrataLessons::new(&s)
            .create(NewLesson {
                topic: "t".into(),
                title: "t".into(),
                lesson: json!({}),
                job_id: Some(job.job_id.clone()),
                ..NewLesson::default()
            })
            .await
            .unwrap();
        let client = db.connect().await.unwrap();
        client.batch_execute("SET TimeZone = 'UTC'").await.unwrap();
        for text in [
            job.created_at.clone(),
            claimed.started_at.clone().unwrap(),
            claimed.updated_at.clone().unwrap(),
            lesson.created_at.clone(),
        ] {
            assert!(text.ends_with("+00"), "{text}");
            let back: String = client
                .query_one("SELECT $1::text::timestamptz::text", &[&text])
                .await
                .unwrap()
                .get(0);
            assert_eq!(back, text, "PostgreSQL prints it the same way");
            assert_eq!(
                dgs::timestamps::format(dgs::timestamps::parse(&text).unwrap()),
                text
            );
        }
    });
}

#[test]
fn lessons_by_topic_and_by_awkward_tags() {
    run(async {
        let (_db, pool) = migrated().await;
        let s = pool.session().await.unwrap();
        let lessons = StrataLessons::new(&s);
        let tags = [
            "with,comma",
            "with\"quote",
            "NULL",
            "",
            "ünïcödé",
            "emoji-🎓",
        ];
        for (i, tag) in tags.iter().enumerate() {
            lessons
                .create(NewLesson {
                    lesson_id: Some(format!("l-{i}")),
                    topic: if i % 2 == 0 {
                        "日本の歴史"
                    } else {
                        "Newton's laws"
                    }
                    .into(),
                    title: format!("Lesson {i}"),
                    tags: vec![tag.to_string(), "common".into()],
                    lesson: json!({"i": i}),
                    ..NewLesson::default()
                })
                .await
                .unwrap();
        }
        for (i, tag) in tags.iter().enumerate() {
            let got = lessons.by_tag(tag, Page::default()).await.unwrap();
            assert_eq!(got.len(), 1, "tag {tag:?}");
            assert_eq!(got[0].lesson_id, format!("l-{i}"));
        }
        let common = lessons
            .by_tag("common", Page::new(4, 0).unwrap())
            .await
            .unwrap();
        let more = lessons
            .by_tag("common", Page::new(4, 4).unwrap())
            .await
            .unwrap();
        assert_eq!(common.len() + more.len(), tags.len());
        assert_eq!(
            lessons
                .by_topic("日本の歴史", Page::default())
                .await
                .unwrap()
                .len(),
            3
        );
        assert!(lessons
            .by_tag("absent", Page::default())
            .await
            .unwrap()
            .is_empty());
        let got = lessons.get("l-0").await.unwrap();
        assert_eq!(got.language, "en");
        assert_eq!(got.version, 1);
        // Bad input and bad references.
        let e = lessons
            .create(NewLesson {
                topic: "x".into(),
                title: "x".into(),
                lesson: json!([1]),
                ..NewLesson::default()
            })
            .await
            .unwrap_err();
        assert!(matches!(e, RepoError::Invalid(_)));
        let e = lessons
            .create(NewLesson {
                topic: "x".into(),
                title: "x".into(),
                lesson: json!({}),
                job_id: Some("no-such-job".into()),
                ..NewLesson::default()
            })
            .await
            .unwrap_err();
        assert!(
            matches!(&e, RepoError::Db(d) if d.kind() == strata::ErrorKind::ForeignKeyViolation),
            "{e:?}"
        );
        assert!(matches!(
            lessons.get("nope").await.unwrap_err(),
            RepoError::NotFound { .. }
        ));
        assert_eq!(lessons.count().await.unwrap(), tags.len() as i64);
    });
}

#[test]
fn audit_totals_sum_the_calls_of_a_job() {
    run(async {
        let (_db, pool) = migrated().await;
        let s = pool.session().await.unwrap();
        let audit = StrataAudit::new(&s);
        let t0 = chrono::Utc::now();
        let mut cost = Decimal::ZERO;
        let mut tokens = 0i64;
        for i in 0..7i32 {
            let c = Decimal::new(i64::from(i) * 1111, 6);
            cost += c;
            let a = audit
                .record(NewAudit {
                    timestamp_request: t0,
                    timestamp_response: Some(t0 + chrono::Duration::milliseconds(250)),
                    job_id: Some("job-a".into()),
                    provider: "openai".into(),
                    model: "gpt-4o".into(),
                    request_messages: json!([]),
                    prompt_tokens: Some(10 * i),
                    completion_tokens: Some(i),
                    cost_usd: Some(c),
                    status: Some(if i == 3 { "error" } else { "ok" }.into()),
                    ..NewAudit::default()
                })
                .await
                .unwrap();
            assert_eq!(a.duration_ms, Some(250));
            tokens += i64::from(11 * i);
        }
        audit
            .record(NewAudit {
                timestamp_request: t0,
                job_id: Some("job-b".into()),
                provider: "p".into(),
                model: "m".into(),
                request_messages: json!([]),
                total_tokens: Some(1_000_000),
                ..NewAudit::default()
            })
            .await
            .unwrap();
        let t = audit.totals("job-a").await.unwrap();
        assert_eq!(t.calls, 7);
        assert_eq!(t.failed_calls, 1);
        assert_eq!(t.total_tokens, tokens);
        assert_eq!(t.prompt_tokens, 210);
        assert_eq!(t.completion_tokens, 21);
        assert_eq!(t.cost_usd, cost);
        let none = audit.totals("job-without-calls").await.unwrap();
        assert_eq!(
            (none.calls, none.total_tokens, none.cost_usd),
            (0, 0, Decimal::ZERO)
        );
        assert_eq!(
            audit.for_job("job-a", Page::default()).await.unwrap().len(),
            7
        );
        for bad in [
            NewAudit {
                status: Some("maybe".into()),
                ..NewAudit::default()
            },
            NewAudit {
                prompt_tokens: Some(-1),
                ..NewAudit::default()
            },
            NewAudit {
                request_messages: json!({"not": "an array"}),
                ..NewAudit::default()
            },
        ] {
            let bad = NewAudit {
                provider: if bad.provider.is_empty() {
                    "p".into()
                } else {
                    bad.provider
                },
                model: "m".into(),
                request_messages: if bad.request_messages.is_null() {
                    json!([])
                } else {
                    bad.request_messages
                },
                ..bad
            };
            assert!(matches!(
                audit.record(bad).await.unwrap_err(),
                RepoError::Invalid(_)
            ));
        }
        assert_eq!(audit.count().await.unwrap(), 8);
    });
}

#[test]
fn repositories_run_inside_a_transaction_and_roll_back_with_it() {
    run(async {
        let (_db, pool) = migrated().await;
        let mut s = pool.session().await.unwrap();
        let tx = s.transaction().await.unwrap();
        let job = StrataJobs::new(&tx)
            .create(new_job("tx"))
            .await
            .unwrap()
            .job;
        StrataLessons::new(&tx)
            .create(NewLesson {
                topic: "tx".into(),
                title: "tx".into(),
                lesson: json!({}),
                job_id: Some(job.job_id.clone()),
                ..NewLesson::default()
            })
            .await
            .unwrap();
        assert_eq!(StrataJobs::new(&tx).get(&job.job_id).await.unwrap(), job);
        tx.rollback().await.unwrap();
        assert!(s.find::<Job>(job.job_id.as_str()).await.unwrap().is_none());
        assert_eq!(StrataLessons::new(&s).count().await.unwrap(), 0);
    });
}

/// On an empty database `check` reports the missing tables (exit 1), and
/// after `upgrade head` it exits 0.
#[test]
fn upgrade_head_on_an_empty_database_then_check_exits_zero() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let project = Project::new(
            "fresh",
            &example_migrations(),
            false,
            &dgs::models::registry().to_json().unwrap(),
        );
        assert_eq!(project.schema_diff(db.url(), &["check"]).await, 1);
        assert_eq!(project.schema_diff(db.url(), &["upgrade", "head"]).await, 0);
        assert_eq!(project.schema_diff(db.url(), &["check"]).await, 0);
    });
}
