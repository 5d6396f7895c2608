//! Binary COPY. In: row counts, values, generated columns, atomicity on a
//! constraint violation, inside a transaction. Out: round trips, inside a
//! transaction, a stream dropped midway (the session and the pooled
//! connection stay usable), a column whose type changed.

use std::time::{Duration, Instant};

use futures_util::{StreamExt, TryStreamExt};
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

/// Every row of `T`'s table through COPY out, sorted by `key`.
async fn copied_out<T: strata::Table, K: Ord>(
    db: &impl Executor,
    key: impl FnMut(&T) -> K,
) -> Vec<T> {
    let mut rows: Vec<T> = db
        .copy_out::<T>()
        .await
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    rows.sort_by_key(key);
    rows
}

#[test]
fn copy_out_reads_back_what_copy_in_wrote() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        // jsonb, numeric, text, NULLs, integers, floats, booleans.
        let jobs: Vec<Job> = (0..5000).map(dgs_job).collect();
        assert_eq!(s.copy_in(&jobs).await.unwrap(), 5000);
        let back = copied_out::<Job, _>(&s, |j| j.job_id.clone()).await;
        assert_eq!(back, jobs);
        // Generated columns come back; an empty table is an empty stream;
        // quoted names.
        let counters: Vec<Counter> = (0..10)
            .map(|i| Counter {
                id: -1,
                name: format!("c{i}"),
                hits: i,
                note: (i % 2 == 0).then(|| format!("n{i}")),
            })
            .collect();
        s.copy_in(&counters).await.unwrap();
        let back = copied_out::<Counter, _>(&s, |c| c.id).await;
        assert_eq!(
            back.iter().map(|c| c.id).collect::<Vec<_>>(),
            (1..=10).collect::<Vec<i64>>()
        );
        assert_eq!(back[3].note, None);
        assert_eq!(back[4].note.as_deref(), Some("n4"));
        assert!(copied_out::<Member, _>(&s, |m| m.joined).await.is_empty());
        let odd = Odd {
            order: 1,
            select: "s".into(),
            with_space: None,
            quote: "q\"".into(),
        };
        s.insert(&odd).await.unwrap();
        assert_eq!(copied_out::<Odd, _>(&s, |o| o.order).await, [odd]);
        // The session is clean afterwards: the same statements as usual.
        assert_eq!(s.select::<Job>().count().await.unwrap(), 5000);
    });
}

#[test]
fn copy_out_inside_a_transaction_sees_its_writes() {
    run(async {
        let fx = Fixture::new().await;
        let mut s = fx.session().await;
        let jobs: Vec<Job> = (0..100).map(dgs_job).collect();
        s.copy_in(&jobs[..40]).await.unwrap();
        let tx = s.transaction().await.unwrap();
        tx.copy_in(&jobs[40..]).await.unwrap();
        assert_eq!(copied_out::<Job, _>(&tx, |j| j.job_id.clone()).await, jobs);
        tx.rollback().await.unwrap();
        assert_eq!(
            copied_out::<Job, _>(&s, |j| j.job_id.clone()).await,
            jobs[..40]
        );
        let tx = s.transaction().await.unwrap();
        tx.delete::<Job>(jobs[0].job_id.as_str()).await.unwrap();
        assert_eq!(
            copied_out::<Job, _>(&tx, |j| j.job_id.clone()).await.len(),
            39
        );
        tx.commit().await.unwrap();
        assert_eq!(s.select::<Job>().count().await.unwrap(), 39);
    });
}

#[test]
fn a_copy_out_dropped_midway_leaves_the_session_and_the_connection_usable() {
    run(async {
        // One connection: the next session gets the very same one back.
        let fx = Fixture::with_pool_size(1).await;
        let jobs: Vec<Job> = (0..50_000).map(dgs_job).collect();
        let mut s = fx.session().await;
        s.copy_in(&jobs).await.unwrap();

        // Dropped after three rows: the COPY is cancelled, the rest is never
        // read; the session's next statement runs at once.
        let started = Instant::now();
        {
            let mut rows = s.copy_out::<Job>().await.unwrap();
            for _ in 0..3 {
                rows.next().await.unwrap().unwrap();
            }
        }
        assert_eq!(s.select::<Job>().count().await.unwrap(), 50_000);
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );

        // Inside a transaction the cancel aborts it: its commit says so.
        let tx = s.transaction().await.unwrap();
        tx.insert(&dgs_job(60_000)).await.unwrap();
        {
            let mut rows = tx.copy_out::<Job>().await.unwrap();
            rows.next().await.unwrap().unwrap();
        }
        let err = tx.commit().await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TransactionAborted, "{err}");
        assert_eq!(s.select::<Job>().count().await.unwrap(), 50_000);

        // Dropped, and the session ended right after (a session that ran
        // nothing else, so only the abandoned COPY can have marked the
        // connection): the pool resets the connection before handing it out
        // again, and it works.
        let pid: i32 = s.query("SELECT pg_backend_pid()", &[]).await.unwrap()[0].get(0);
        drop(s);
        let s = fx.session().await;
        {
            let mut rows = s.copy_out::<Job>().await.unwrap();
            rows.next().await.unwrap().unwrap();
        }
        drop(s);
        let s = fx.session().await;
        assert_eq!(s.select::<Job>().count().await.unwrap(), 50_000);
        let back = copied_out::<Job, _>(&s, |j| j.job_id.clone()).await;
        assert_eq!(back.len(), 50_000);
        assert_eq!(back[..100], jobs[..100]);
        let rows = s
            .query(
                "SELECT pg_backend_pid(), (SELECT count(*) FROM pg_stat_activity \
                 WHERE pid = pg_backend_pid() AND state = 'active')",
                &[],
            )
            .await
            .unwrap();
        let (now_pid, active): (i32, i64) = (rows[0].get(0), rows[0].get(1));
        assert_eq!(
            now_pid, pid,
            "the connection was reset and reused, not replaced"
        );
        assert_eq!(active, 1, "only this statement runs on the connection");
        assert_eq!(fx.pool.status().size, 1);
    });
}

#[test]
fn copy_out_of_a_column_whose_type_changed_names_it() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let rows: Vec<Member> = (0..3)
            .map(|i| Member {
                org_id: 1,
                user_name: format!("u{i}"),
                role: "r".into(),
                joined: i,
            })
            .collect();
        s.copy_in(&rows).await.unwrap();
        s.batch_execute("ALTER TABLE members ALTER COLUMN joined TYPE bigint")
            .await
            .unwrap();
        let err = s
            .copy_out::<Member>()
            .await
            .unwrap()
            .try_collect::<Vec<_>>()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
        let msg = err.to_string();
        assert!(
            msg.contains("members.joined") && msg.contains("i32") && msg.contains("int8"),
            "{msg}"
        );
        // A column the model does not have.
        s.batch_execute("ALTER TABLE members DROP COLUMN role")
            .await
            .unwrap();
        let err = s.copy_out::<Member>().await.unwrap_err();
        assert!(err.to_string().contains("role"), "{err}");
        assert_eq!(s.select::<Member>().count().await.unwrap(), 3);
    });
}

/// A hand-written `Table` impl without `decode_copy` (the trait's default):
/// COPY out says so instead of decoding anything.
#[test]
fn copy_out_of_a_hand_written_model_without_decode_copy_says_so() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        s.insert(&Event {
            n: 1,
            what: "x".into(),
        })
        .await
        .unwrap();
        let err = s
            .copy_out::<Event>()
            .await
            .unwrap()
            .try_collect::<Vec<_>>()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");
        assert!(err.to_string().contains("decode_copy"), "{err}");
        assert_eq!(s.select::<Event>().count().await.unwrap(), 1);
    });
}
