//! Every error kind, provoked for real: not found, unique / foreign key /
//! check / not-null violations (with constraint names), serialization
//! failure, deadlock, pool timeout, connection lost, decode, config.

use std::time::{Duration, Instant};

use serde_json::json;
use strata::{ErrorKind, Executor, IsolationLevel};
use strata_testing::run;
use strata_tests::runtime_models::*;

fn lesson(id: &str, job: Option<&str>) -> Lesson {
    Lesson {
        lesson_id: id.into(),
        topic: "t".into(),
        title: "T".into(),
        tags: vec![],
        age_range: None,
        language: "en".into(),
        lesson: json!({}),
        job_id: job.map(str::to_string),
        version: 1,
        created_at: "2024".into(),
        updated_at: None,
    }
}

fn audit(id: &str, status: &str) -> Audit {
    Audit {
        id: id.into(),
        timestamp_request: chrono::Utc::now(),
        timestamp_response: None,
        duration_ms: None,
        job_id: None,
        phase: None,
        agent: None,
        provider: "p".into(),
        model: "m".into(),
        request_messages: json!([]),
        request_params: None,
        response_content: None,
        response_raw: None,
        prompt_tokens: None,
        completion_tokens: None,
        total_tokens: None,
        cost_usd: None,
        status: status.into(),
        error_message: None,
        request_hash: None,
    }
}

#[test]
fn not_found() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let err = s.get::<Lesson>("missing").await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
        assert!(err.is_not_found());
        assert!(!err.is_retryable());
        assert_eq!(err.table(), Some("public.dgs_lessons"));
        assert_eq!(err.to_string(), "no such row in public.dgs_lessons");
        // `one()` names the table the same way.
        let err = s
            .select::<Lesson>()
            .filter(|c| c.lesson_id.eq("missing"))
            .one()
            .await
            .unwrap_err();
        assert!(err.is_not_found());
        assert_eq!(err.table(), Some("public.dgs_lessons"));
        assert_eq!(err.to_string(), "no such row in public.dgs_lessons");
    });
}

#[test]
fn unique_violations_name_the_constraint() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let mut job = Job::queued("j", "2024");
        job.idempotency_key = Some("k".into());
        s.insert(&job).await.unwrap();
        let err = s.insert(&job).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UniqueViolation);
        assert!(err.is_unique_violation());
        assert_eq!(err.constraint(), Some("dgs_jobs_pkey"));
        assert_eq!(err.table(), Some("dgs_jobs"));
        assert!(
            err.to_string().contains("(constraint dgs_jobs_pkey)"),
            "{err}"
        );
        assert_eq!(
            err.code(),
            Some(&tokio_postgres::error::SqlState::UNIQUE_VIOLATION)
        );

        let mut other = Job::queued("j2", "2024");
        other.idempotency_key = Some("k".into());
        let err = s.insert(&other).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UniqueViolation);
        assert_eq!(
            err.constraint(),
            Some("dgs_jobs_idempotency_key_key"),
            "the partial unique index"
        );
        assert!(std::error::Error::source(&err).is_some());
    });
}

#[test]
fn foreign_key_check_and_not_null_violations() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let err = s
            .insert(&lesson("l1", Some("no-such-job")))
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ForeignKeyViolation);
        assert_eq!(err.constraint(), Some("dgs_lessons_job_id_fkey"));
        assert!(
            err.to_string().contains("no-such-job"),
            "the detail is kept: {err}"
        );

        let err = s.insert(&audit("a1", "weird")).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::CheckViolation);
        assert_eq!(err.constraint(), Some("llm_call_audit_status_check"));
        s.insert(&audit("a2", "timeout")).await.unwrap();

        let err = s
            .insert_values::<Job>()
            .set(|c| c.job_id, "partial")
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotNullViolation);
        assert_eq!(err.column(), Some("request"));
        assert_eq!(s.select::<Job>().count().await.unwrap(), 0);
    });
}

#[test]
fn serialization_failure_is_retryable() {
    run(async {
        let fx = Fixture::new().await;
        let mut a = fx.session().await;
        let mut b = fx.session().await;
        // Write skew: each transaction reads what the other writes.
        let ta = a
            .build_transaction()
            .isolation_level(IsolationLevel::Serializable)
            .start()
            .await
            .unwrap();
        let tb = b
            .build_transaction()
            .isolation_level(IsolationLevel::Serializable)
            .start()
            .await
            .unwrap();
        assert_eq!(
            ta.select::<Job>()
                .filter(|c| c.status.eq("running"))
                .count()
                .await
                .unwrap(),
            0
        );
        assert_eq!(
            tb.select::<Job>()
                .filter(|c| c.status.eq("running"))
                .count()
                .await
                .unwrap(),
            0
        );
        let mut ja = Job::queued("a", "2024");
        ja.status = "running".into();
        let mut jb = Job::queued("b", "2024");
        jb.status = "running".into();
        ta.insert(&ja).await.unwrap();
        tb.insert(&jb).await.unwrap();
        ta.commit().await.unwrap();
        let err = tb.commit().await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::SerializationFailure);
        assert!(err.is_retryable());
        assert_eq!(
            err.code(),
            Some(&tokio_postgres::error::SqlState::T_R_SERIALIZATION_FAILURE)
        );
        drop(b);
        assert_eq!(a.select::<Job>().count().await.unwrap(), 1);
    });
}

#[test]
fn deadlock_is_detected_and_retryable() {
    run(async {
        let fx = Fixture::new().await;
        let mut a = fx.session().await;
        let mut b = fx.session().await;
        a.insert(&Job::queued("x", "2024")).await.unwrap();
        a.insert(&Job::queued("y", "2024")).await.unwrap();
        a.batch_execute("SET deadlock_timeout = '100ms'")
            .await
            .unwrap();
        b.batch_execute("SET deadlock_timeout = '100ms'")
            .await
            .unwrap();
        let ta = a.transaction().await.unwrap();
        let tb = b.transaction().await.unwrap();
        async fn touch(tx: &impl Executor, id: &str) -> strata::Result<u64> {
            tx.update_columns::<Job>()
                .increment(|c| c.attempts, 1)
                .filter(|c| c.job_id.eq(id))
                .await
        }
        touch(&ta, "x").await.unwrap();
        touch(&tb, "y").await.unwrap();
        let (ra, rb) = futures_util::future::join(touch(&ta, "y"), touch(&tb, "x")).await;
        let errors: Vec<_> = [ra, rb].into_iter().filter_map(Result::err).collect();
        assert_eq!(errors.len(), 1, "one of the two is chosen as the victim");
        assert_eq!(errors[0].kind(), ErrorKind::Deadlock);
        assert!(errors[0].is_retryable());
    });
}

#[test]
fn pool_timeout_with_a_held_session() {
    run(async {
        let fx = Fixture::new().await;
        let pool = strata::Pool::builder(fx.db.url())
            .unwrap()
            .max_size(1)
            .wait_timeout(Duration::from_millis(200))
            .build()
            .unwrap();
        let held = pool.session().await.unwrap();
        let start = Instant::now();
        let err = pool.session().await.unwrap_err();
        let waited = start.elapsed();
        assert_eq!(err.kind(), ErrorKind::PoolTimeout);
        assert!(waited >= Duration::from_millis(190), "waited {waited:?}");
        assert!(waited < Duration::from_secs(5), "waited {waited:?}");
        assert!(err.to_string().contains("pool size 1"), "{err}");
        assert_eq!(pool.status().size, 1);
        drop(held);
        let s = pool.session().await.unwrap();
        assert_eq!(s.select::<Job>().count().await.unwrap(), 0);
    });
}

#[test]
fn connection_lost_when_the_backend_is_terminated() {
    run(async {
        let fx = Fixture::new().await;
        let victim = fx.session().await;
        let killer = fx.session().await;
        let pid: i32 = victim.query("SELECT pg_backend_pid()", &[]).await.unwrap()[0].get(0);
        victim.get::<Job>("warm-up").await.unwrap_err(); // a cached statement exists
        let killed: bool = killer
            .query("SELECT pg_terminate_backend($1)", &[&pid])
            .await
            .unwrap()[0]
            .get(0);
        assert!(killed);
        // The server closes the socket; the next statement (or the one
        // after it) reports the lost connection.
        let mut err = None;
        for _ in 0..50 {
            match victim.find::<Job>("x").await {
                Ok(_) => tokio::time::sleep(Duration::from_millis(20)).await,
                Err(e) => {
                    err = Some(e);
                    break;
                }
            }
        }
        let err = err.expect("the terminated session fails");
        assert_eq!(err.kind(), ErrorKind::ConnectionLost, "{err:?}");
        let err = victim.find::<Job>("x").await.unwrap_err();
        assert_eq!(
            err.kind(),
            ErrorKind::ConnectionLost,
            "and keeps failing: {err:?}"
        );
        assert!(victim.is_closed());
        drop(victim);
        // The pool discards the dead connection and hands out a live one.
        for _ in 0..3 {
            let s = fx.session().await;
            assert_eq!(s.select::<Job>().count().await.unwrap(), 0);
        }
        drop(killer);
    });
}

#[test]
fn unreachable_servers_and_bad_urls() {
    run(async {
        let err = strata::Pool::builder("postgres://nobody@127.0.0.1:1/x")
            .unwrap()
            .create_timeout(Duration::from_secs(5))
            .connect()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ConnectionLost, "{err}");
        assert!(err.to_string().contains("cannot connect"), "{err}");
        // It says to what (issue 15: it did not).
        assert!(err.to_string().contains("127.0.0.1:1"), "{err}");
        assert!(err.is_unavailable());

        let err = strata::Pool::connect("postgres://h:notaport/x")
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(err.to_string().contains("invalid database URL"), "{err}");

        // Authentication against a real server: a missing database is the
        // server's error, reported as such.
        let url = strata_testing::server_url("strata_no_such_database").unwrap();
        let err = strata::Pool::connect(&url).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Database, "{err}");
        assert_eq!(
            err.code(),
            Some(&tokio_postgres::error::SqlState::INVALID_CATALOG_NAME)
        );
    });
}
