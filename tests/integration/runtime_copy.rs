//! Bulk insert through binary COPY: row counts, values, generated columns,
//! atomicity on a constraint violation, inside a transaction.

use serde_json::json;
use strata::{ErrorKind, Executor};
use strata_testing::run;
use strata_tests::runtime_models::*;

fn dgs_job(i: usize) -> Job {
    let mut j = Job::queued(
        &format!("copy-{i:06}"),
        &format!("2024-01-01T00:00:{i:06}Z"),
    );
    j.request = json!({"topic": format!("topic {i}"), "n": i, "tags": ["a", "b"]});
    j.subphase = i.is_multiple_of(3).then(|| "outline".to_string());
    j.progress = if i.is_multiple_of(5) {
        None
    } else {
        Some(i as f64 / 1000.0)
    };
    j.events = json!([{"at": i, "what": "created"}]);
    j.cost_usd = i
        .is_multiple_of(2)
        .then(|| rust_decimal::Decimal::new(i as i64, 6));
    j.idempotency_key = i.is_multiple_of(4).then(|| format!("idem-{i}"));
    j.attempts = (i % 7) as i32;
    j
}

#[test]
fn copy_in_writes_every_row_and_value() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let jobs: Vec<Job> = (0..5000).map(dgs_job).collect();
        assert_eq!(s.copy_in(&jobs).await.unwrap(), 5000);
        assert_eq!(s.select::<Job>().count().await.unwrap(), 5000);
        let back = s
            .select::<Job>()
            .order_by(|c| c.job_id.asc())
            .all()
            .await
            .unwrap();
        assert_eq!(back, jobs);
        // An empty batch, and an iterator rather than a slice.
        assert_eq!(s.copy_in(Vec::<&Job>::new()).await.unwrap(), 0);
        let more: Vec<Job> = (5000..5010).map(dgs_job).collect();
        assert_eq!(
            s.copy_in(more.iter().filter(|j| j.attempts > 0))
                .await
                .unwrap(),
            9
        ); // 5005 has 0 attempts
    });
}

#[test]
fn copy_in_leaves_generated_columns_to_the_database() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let counters: Vec<Counter> = (0..100)
            .map(|i| Counter {
                id: -1,
                name: format!("c{i}"),
                hits: i,
                note: None,
            })
            .collect();
        assert_eq!(s.copy_in(&counters).await.unwrap(), 100);
        let back = s
            .select::<Counter>()
            .order_by(|c| c.id.asc())
            .all()
            .await
            .unwrap();
        assert_eq!(
            back.iter().map(|c| c.id).collect::<Vec<_>>(),
            (1..=100).collect::<Vec<i64>>()
        );
        assert_eq!(back[99].name, "c99");
    });
}

#[test]
fn a_failing_copy_writes_nothing() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let mut jobs: Vec<Job> = (0..1000).map(dgs_job).collect();
        jobs.push(dgs_job(10)); // duplicate key at the very end
        let err = s.copy_in(&jobs).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UniqueViolation);
        assert_eq!(err.constraint(), Some("dgs_jobs_pkey"));
        assert_eq!(s.select::<Job>().count().await.unwrap(), 0);
        // The connection is fine afterwards.
        assert_eq!(s.copy_in(&jobs[..10]).await.unwrap(), 10);
    });
}

#[test]
fn copy_in_inside_a_transaction() {
    run(async {
        let fx = Fixture::new().await;
        let mut s = fx.session().await;
        let jobs: Vec<Job> = (0..50).map(dgs_job).collect();
        let tx = s.transaction().await.unwrap();
        assert_eq!(tx.copy_in(&jobs).await.unwrap(), 50);
        assert_eq!(tx.select::<Job>().count().await.unwrap(), 50);
        tx.rollback().await.unwrap();
        assert_eq!(s.select::<Job>().count().await.unwrap(), 0);
        let tx = s.transaction().await.unwrap();
        tx.copy_in(&jobs).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!(s.select::<Job>().count().await.unwrap(), 50);
    });
}

#[test]
fn a_value_that_cannot_be_encoded_aborts_the_copy_naming_the_column() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        // The column's type changed behind the model's back.
        s.batch_execute("ALTER TABLE members ALTER COLUMN joined TYPE bigint")
            .await
            .unwrap();
        let rows: Vec<Member> = (0..3)
            .map(|i| Member {
                org_id: 1,
                user_name: format!("u{i}"),
                role: "r".into(),
                joined: i,
            })
            .collect();
        let err = s.copy_in(&rows).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid);
        let msg = err.to_string();
        assert!(
            msg.contains("public.members")
                && msg.contains("joined")
                && msg.contains("i32")
                && msg.contains("int8"),
            "{msg}"
        );
        assert_eq!(s.select::<Member>().count().await.unwrap(), 0);
    });
}
