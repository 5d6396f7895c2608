//! Streaming selects and `LISTEN`/`NOTIFY` (issue 13): rows decoded as they
//! arrive, in and out of transactions, a dropped stream cancels its query;
//! a listener on its own connection receives notifications sent from any
//! executor, typed, and survives losing its connection.

use std::time::{Duration, Instant};

use futures_util::{StreamExt, TryStreamExt};
use strata::{ErrorKind, Executor};
use strata_testing::run;
use strata_tests::runtime_models::*;

async fn seed(s: &strata::Session, n: usize) {
    let rows: Vec<Job> = (0..n)
        .map(|i| Job::queued(&format!("s-{i:06}"), "2024"))
        .collect();
    s.copy_in(&rows).await.unwrap();
}

#[test]
fn a_select_streams_its_rows_in_order_in_and_out_of_a_transaction() {
    run(async {
        let fx = Fixture::new().await;
        let mut s = fx.pool.session().await.unwrap();
        seed(&s, 5_000).await;
        let mut rows = s
            .select::<Job>()
            .filter(|c| c.status.eq("queued"))
            .order_by(|c| c.job_id.asc())
            .stream()
            .await
            .unwrap();
        let mut n = 0;
        while let Some(job) = rows.try_next().await.unwrap() {
            assert_eq!(job.job_id, format!("s-{n:06}"));
            n += 1;
        }
        assert_eq!(n, 5_000);
        drop(rows);

        let tx = s.transaction().await.unwrap();
        tx.insert(&Job::queued("in-tx", "2025")).await.unwrap();
        let ids: Vec<String> = tx
            .select::<Job>()
            .filter(|c| c.created_at.eq("2025"))
            .stream()
            .await
            .unwrap()
            .map_ok(|j| j.job_id)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(ids, ["in-tx"], "the transaction's own rows");
        tx.commit().await.unwrap();
    });
}

#[test]
fn dropping_a_stream_early_cancels_its_query() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.pool.session().await.unwrap();
        seed(&s, 50_000).await;
        let started = Instant::now();
        {
            // Dropped after three rows: the query is cancelled, the rest is
            // never sent.
            let mut rows = s
                .select::<Job>()
                .filter(|c| c.status.eq("queued"))
                .stream()
                .await
                .unwrap();
            for _ in 0..3 {
                rows.next().await.unwrap().unwrap();
            }
        }
        // The session's next statement runs at once, not after the rest of
        // the rows were read and thrown away.
        assert_eq!(s.select::<Job>().count().await.unwrap(), 50_000);
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    });
}

#[derive(serde::Deserialize, Debug, PartialEq)]
struct JobEvent {
    id: String,
    step: i32,
}

async fn next(listener: &mut strata::Listener) -> strata::Result<strata::Notification> {
    tokio::time::timeout(Duration::from_secs(10), listener.next())
        .await
        .expect("a notification within 10 s")
        .expect("the listener ended")
}

#[test]
fn a_listener_receives_typed_notifications_and_survives_a_lost_connection() {
    run(async {
        let fx = Fixture::new().await;
        let options = fx
            .db
            .options()
            .with_application_name("strata-listener-test");
        let mut listener = strata::Listener::connect(&options, &["jobs"])
            .await
            .unwrap();
        listener.listen("odd \"channel\"").await.unwrap();

        let s = fx.pool.session().await.unwrap();
        s.notify("jobs", r#"{"id": "j-1", "step": 2}"#)
            .await
            .unwrap();
        let n = next(&mut listener).await.unwrap();
        assert_eq!(n.channel, "jobs");
        assert_eq!(
            n.json::<JobEvent>().unwrap(),
            JobEvent {
                id: "j-1".into(),
                step: 2
            }
        );
        // Any executor; a quoted channel name; inside a transaction the
        // notification comes at commit.
        let mut session = fx.pool.session().await.unwrap();
        let tx = session.transaction().await.unwrap();
        tx.notify("odd \"channel\"", "x").await.unwrap();
        tx.commit().await.unwrap();
        let n = next(&mut listener).await.unwrap();
        assert_eq!(
            (n.channel.as_str(), n.payload.as_str()),
            ("odd \"channel\"", "x")
        );
        // A payload of the wrong shape is a decode error naming the channel.
        s.notify("jobs", "not json").await.unwrap();
        let err = next(&mut listener)
            .await
            .unwrap()
            .json::<JobEvent>()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
        assert!(err.to_string().contains("jobs"), "{err}");

        // The listener's connection is terminated: the stream says so once,
        // then the listener is back on every channel.
        let admin = fx.db.connect().await.unwrap();
        admin
            .execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE application_name = 'strata-listener-test'",
                &[],
            )
            .await
            .unwrap();
        let lost = next(&mut listener).await.unwrap_err();
        assert_eq!(lost.kind(), ErrorKind::ConnectionLost, "{lost}");
        // Notify until the reconnected listener hears one.
        let mut heard = None;
        for _ in 0..100 {
            s.notify("jobs", r#"{"id": "j-2", "step": 3}"#)
                .await
                .unwrap();
            if let Ok(Some(n)) =
                tokio::time::timeout(Duration::from_millis(100), listener.next()).await
            {
                heard = Some(n.unwrap());
                break;
            }
        }
        let n = heard.expect("the listener reconnected and listens again");
        assert_eq!(n.json::<JobEvent>().unwrap().id, "j-2");
    });
}
