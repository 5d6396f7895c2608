//! Runtime hardening (issue 15): a pooled connection always comes back
//! clean, a commit that did not commit is an error, a dropped statement
//! future cancels its statement on the server, a schema change never makes
//! the statement cache lie, and errors say what went wrong.
//!
//! Each test reproduces one finding of the issue on a real server; the pool
//! has one connection where the test needs the next session to get the same
//! backend.

use std::time::{Duration, Instant};

use strata::{ErrorKind, Executor};
use strata_testing::run;
use strata_tests::runtime_models::*;

async fn one_connection(fx: &Fixture) -> strata::Pool {
    strata::Pool::builder(fx.db.url())
        .unwrap()
        .max_size(1)
        .build()
        .unwrap()
}

async fn jobs_seen_by_another_connection(fx: &Fixture) -> i64 {
    let client = fx.db.connect().await.unwrap();
    client
        .query_one("SELECT count(*) FROM dgs_jobs", &[])
        .await
        .unwrap()
        .get(0)
}

#[test]
fn a_session_that_left_a_transaction_open_returns_its_connection_clean() {
    run(async {
        let fx = Fixture::new().await;
        let pool = one_connection(&fx).await;
        let s = pool.session().await.unwrap();
        let pid: i32 = s.query("SELECT pg_backend_pid()", &[]).await.unwrap()[0].get(0);
        s.batch_execute("BEGIN").await.unwrap();
        s.insert(&Job::queued("left-open", "2024")).await.unwrap();
        drop(s);

        // The next user gets the same backend, outside any transaction: its
        // insert is committed at once and visible to others.
        let s = pool.session().await.unwrap();
        let again: i32 = s.query("SELECT pg_backend_pid()", &[]).await.unwrap()[0].get(0);
        assert_eq!(again, pid, "the same pooled connection");
        s.insert(&Job::queued("next-user", "2024")).await.unwrap();
        assert_eq!(jobs_seen_by_another_connection(&fx).await, 1);
        drop(s);
        pool.close();
        assert_eq!(jobs_seen_by_another_connection(&fx).await, 1);
    });
}

#[test]
fn session_settings_listeners_and_advisory_locks_do_not_outlive_the_session() {
    run(async {
        let fx = Fixture::new().await;
        let pool = one_connection(&fx).await;
        let s = pool.session().await.unwrap();
        s.batch_execute(
            "SET search_path = nowhere; LISTEN jobs; SELECT pg_advisory_lock(4242); \
             CREATE TEMP TABLE scratch (a int); SET statement_timeout = 1",
        )
        .await
        .unwrap();
        drop(s);
        // The advisory lock is released without waiting for the next user.
        let other = fx.db.connect().await.unwrap();
        let mut free = false;
        for _ in 0..200 {
            free = other
                .query_one("SELECT pg_try_advisory_lock(4242)", &[])
                .await
                .unwrap()
                .get(0);
            if free {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert!(free, "the advisory lock is still held");

        let s = pool.session().await.unwrap();
        let row = &s
            .query(
                "SELECT current_setting('statement_timeout'), current_setting('search_path'), \
                 (SELECT count(*) FROM pg_listening_channels()), \
                 to_regclass('pg_temp.scratch') IS NULL",
                &[],
            )
            .await
            .unwrap()[0];
        assert_eq!(row.get::<_, String>(0), "30s", "the pool's default");
        assert_eq!(row.get::<_, String>(1), "\"$user\", public");
        assert_eq!(row.get::<_, i64>(2), 0);
        assert!(row.get::<_, bool>(3), "the temporary table is gone");
    });
}

#[test]
fn a_batch_that_failed_inside_a_transaction_does_not_poison_the_connection() {
    run(async {
        let fx = Fixture::new().await;
        let pool = one_connection(&fx).await;
        let s = pool.session().await.unwrap();
        let err = s
            .batch_execute("BEGIN; SELECT 1/0; COMMIT")
            .await
            .unwrap_err();
        assert!(err.to_string().contains("division by zero"), "{err}");
        drop(s);
        for i in 0..3 {
            let s = pool.session().await.unwrap();
            s.insert(&Job::queued(&format!("after-{i}"), "2024"))
                .await
                .unwrap();
        }
        assert_eq!(jobs_seen_by_another_connection(&fx).await, 3);
    });
}

#[test]
fn a_clean_session_returns_its_connection_without_a_round_trip() {
    run(async {
        let fx = Fixture::new().await;
        let pool = one_connection(&fx).await;
        let s = pool.session().await.unwrap();
        s.insert(&Job::queued("typed", "2024")).await.unwrap();
        drop(s);
        // Only typed statements ran: back at once, no reset pending.
        assert_eq!(pool.status().available, 1);
    });
}

#[test]
fn commit_of_an_aborted_transaction_is_an_error_and_stores_nothing() {
    run(async {
        let fx = Fixture::new().await;
        fx.pool
            .session()
            .await
            .unwrap()
            .insert(&Job::queued("existing", "2024"))
            .await
            .unwrap();
        let mut s = fx.pool.session().await.unwrap();
        let tx = s.transaction().await.unwrap();
        tx.insert(&Job::queued("new", "2024")).await.unwrap();
        let dup = tx
            .insert(&Job::queued("existing", "2024"))
            .await
            .unwrap_err();
        assert_eq!(dup.kind(), ErrorKind::UniqueViolation);
        // The caller handled the violation and commits.
        let err = tx.commit().await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TransactionAborted, "{err}");
        assert!(err.to_string().contains("nothing was committed"), "{err}");
        assert_eq!(jobs_seen_by_another_connection(&fx).await, 1);
        // The session is usable again, outside any transaction.
        s.insert(&Job::queued("later", "2024")).await.unwrap();
        assert_eq!(jobs_seen_by_another_connection(&fx).await, 2);
    });
}

#[test]
fn commit_after_a_failed_copy_is_an_error() {
    run(async {
        let fx = Fixture::new().await;
        let mut s = fx.pool.session().await.unwrap();
        let tx = s.transaction().await.unwrap();
        tx.insert(&Job::queued("before-copy", "2024"))
            .await
            .unwrap();
        let rows = [Job::queued("dup", "2024"), Job::queued("dup", "2024")];
        let err = tx.copy_in(&rows).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UniqueViolation, "{err}");
        let err = tx.commit().await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TransactionAborted, "{err}");
        assert_eq!(jobs_seen_by_another_connection(&fx).await, 0);
    });
}

#[test]
fn a_healthy_commit_and_savepoints_still_work() {
    run(async {
        let fx = Fixture::new().await;
        let mut s = fx.pool.session().await.unwrap();
        let mut tx = s.transaction().await.unwrap();
        tx.insert(&Job::queued("a", "2024")).await.unwrap();
        {
            let sp = tx.savepoint().await.unwrap();
            sp.insert(&Job::queued("b", "2024")).await.unwrap();
            let dup = sp.insert(&Job::queued("a", "2024")).await.unwrap_err();
            assert_eq!(dup.kind(), ErrorKind::UniqueViolation);
            // Releasing an aborted savepoint fails; its work is undone.
            let err = sp.commit().await.unwrap_err();
            assert_eq!(err.kind(), ErrorKind::TransactionAborted, "{err}");
        }
        {
            let sp = tx.savepoint().await.unwrap();
            sp.insert(&Job::queued("c", "2024")).await.unwrap();
            // Dropped: rolled back before the next statement.
        }
        let sp = tx.savepoint().await.unwrap();
        sp.insert(&Job::queued("d", "2024")).await.unwrap();
        sp.commit().await.unwrap();
        tx.commit().await.unwrap();
        let mut ids: Vec<String> = s
            .select::<Job>()
            .all()
            .await
            .unwrap()
            .into_iter()
            .map(|j| j.job_id)
            .collect();
        ids.sort();
        assert_eq!(ids, ["a", "d"]);
    });
}

#[test]
fn a_dropped_statement_future_cancels_the_statement_and_releases_its_locks() {
    run(async {
        let fx = Fixture::new().await;
        fx.pool
            .session()
            .await
            .unwrap()
            .insert(&Job::queued("locked", "2024"))
            .await
            .unwrap();
        let pool = one_connection(&fx).await;
        let mut s = pool.session().await.unwrap();
        let tx = s.transaction().await.unwrap();
        tx.select::<Job>()
            .filter(|c| c.job_id.eq("locked"))
            .for_update()
            .first()
            .await
            .unwrap();
        let started = Instant::now();
        let slow = tokio::time::timeout(
            Duration::from_millis(200),
            tx.execute("SELECT pg_sleep(3)", &[]),
        )
        .await;
        assert!(slow.is_err(), "the timeout fired");
        drop(tx);
        drop(s);

        // Another connection can take the row lock at once.
        let other = fx.db.connect().await.unwrap();
        other.execute("SET lock_timeout = '1s'", &[]).await.unwrap();
        other
            .execute(
                "UPDATE dgs_jobs SET status = 'taken' WHERE job_id = 'locked'",
                &[],
            )
            .await
            .unwrap();
        assert!(
            started.elapsed() < Duration::from_millis(1500),
            "the lock was held {:?}",
            started.elapsed()
        );
        // And the next user of the pool gets a usable, idle connection
        // without waiting for pg_sleep to end.
        let s = pool.session().await.unwrap();
        assert_eq!(s.select::<Job>().count().await.unwrap(), 1);
        assert!(
            started.elapsed() < Duration::from_millis(2000),
            "{:?}",
            started.elapsed()
        );
    });
}

#[test]
fn a_session_reused_after_a_cancelled_statement_runs_the_next_one_normally() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.pool.session().await.unwrap();
        for _ in 0..5 {
            let r = tokio::time::timeout(
                Duration::from_millis(50),
                s.execute("SELECT pg_sleep(2)", &[]),
            )
            .await;
            eprintln!("{:?} {r:?}", std::time::SystemTime::now());
            assert!(r.is_err(), "{r:?}");
            // The cancel must not hit this statement.
            s.insert(&Job::queued(&strata_testing::unique_name("j"), "2024"))
                .await
                .unwrap();
        }
        assert_eq!(s.select::<Job>().count().await.unwrap(), 5);
    });
}

#[test]
fn a_schema_change_re_prepares_cached_statements() {
    run(async {
        let fx = Fixture::new().await;
        let pool = one_connection(&fx).await;
        let s = pool.session().await.unwrap();
        s.insert(&Job::queued("j1", "2024")).await.unwrap();
        s.get::<Job>("j1").await.unwrap();
        // Another connection changes a column's type under the cache (the
        // result type of the cached SELECT changes).
        let other = fx.db.connect().await.unwrap();
        other
            .batch_execute("ALTER TABLE dgs_jobs ALTER COLUMN phase TYPE varchar(40)")
            .await
            .unwrap();
        // Outside a transaction: evicted, prepared again, no error.
        s.get::<Job>("j1").await.unwrap();

        // Inside a transaction: a typed, retryable error.
        other
            .batch_execute("ALTER TABLE dgs_jobs ALTER COLUMN phase TYPE text")
            .await
            .unwrap();
        drop(s);
        let mut s = pool.session().await.unwrap();
        let tx = s.transaction().await.unwrap();
        let err = tx.get::<Job>("j1").await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::SchemaChanged, "{err}");
        assert!(err.is_retryable());
        drop(tx);
        // Retrying the transaction works.
        let tx = s.transaction().await.unwrap();
        tx.get::<Job>("j1").await.unwrap();
        tx.commit().await.unwrap();
    });
}

#[test]
fn copy_takes_its_column_types_from_the_server_not_from_a_stale_cache() {
    run(async {
        let fx = Fixture::new().await;
        let pool = one_connection(&fx).await;
        let s = pool.session().await.unwrap();
        s.insert(&Job::queued("warm", "2024")).await.unwrap();
        let other = fx.db.connect().await.unwrap();
        other
            .batch_execute("ALTER TABLE dgs_jobs ALTER COLUMN attempts TYPE real")
            .await
            .unwrap();
        let mut row = Job::queued("copied", "2024");
        row.attempts = 2000;
        // The model writes i32; the column is now real: refused, nothing
        // written (it was once stored as 2.803e-42).
        let err = s.copy_in(&[row]).await.unwrap_err();
        assert!(err.to_string().contains("attempts"), "{err}");
        let n: i64 = other
            .query_one("SELECT count(*) FROM dgs_jobs WHERE job_id = 'copied'", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(n, 0);
    });
}

#[test]
fn the_statement_cache_of_a_connection_is_bounded() {
    run(async {
        let fx = Fixture::new().await;
        let pool = one_connection(&fx).await;
        let s = pool.session().await.unwrap();
        for i in 0..1000 {
            s.query(&format!("SELECT {i} AS n"), &[]).await.unwrap();
        }
        assert!(
            s.cached_statements() <= strata::pooled::STATEMENT_CACHE_SIZE,
            "{}",
            s.cached_statements()
        );
        let on_server: i64 = s
            .query("SELECT count(*) FROM pg_prepared_statements", &[])
            .await
            .unwrap()[0]
            .get(0);
        assert!(
            on_server <= strata::pooled::STATEMENT_CACHE_SIZE as i64 + 1,
            "{on_server} statements on the server"
        );
    });
}

#[test]
fn a_write_whose_row_cannot_be_read_back_says_it_was_written() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.pool.session().await.unwrap();
        let mut deep = serde_json::json!(1);
        for _ in 0..200 {
            deep = serde_json::json!([deep]);
        }
        let mut row = Job::queued("deep", "2024");
        row.request = deep;
        let err = s.insert(&row).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
        assert!(err.to_string().contains("the row was written"), "{err}");
        assert!(err.to_string().contains("request"), "{err}");
    });
}

#[test]
fn errors_carry_their_cause_and_server_shutdowns_are_unavailable() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.pool.session().await.unwrap();
        // A parameter of the wrong type: the message says why.
        let err = s.query("SELECT $1::text", &[&42_i32]).await.unwrap_err();
        assert!(err.to_string().contains("cannot convert"), "{err}");

        // A terminated backend (57P01) is a connection-level error.
        let pid: i32 = s.query("SELECT pg_backend_pid()", &[]).await.unwrap()[0].get(0);
        let other = fx.db.connect().await.unwrap();
        other
            .execute("SELECT pg_terminate_backend($1)", &[&pid])
            .await
            .unwrap();
        let err = s.query("SELECT 1", &[]).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ConnectionLost, "{err}");
        assert!(err.is_unavailable());
        drop(s);
        // The pool opens a new connection for the next user.
        let s = fx.pool.session().await.unwrap();
        s.query("SELECT 1", &[]).await.unwrap();

        // A statement over the timeout (57014) is a timeout.
        let err = s
            .batch_execute("SET statement_timeout = 50; SELECT pg_sleep(1)")
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
        assert!(err.is_unavailable());
    });
}

/// A paused backend (SIGSTOP: what a network partition looks like) makes a
/// statement end with a timeout, not wait forever; the connection is
/// discarded.
#[test]
fn a_stopped_backend_ends_in_a_timeout_not_a_hang() {
    run(async {
        // Its own server: the test stops one of its backends.
        let cluster = strata_testing::cluster::Cluster::start().unwrap();
        let pool = strata::Pool::builder_from_options(cluster.options("postgres"))
            .max_size(2)
            .statement_timeout(Duration::from_millis(500))
            .build()
            .unwrap();
        let s = pool.session().await.unwrap();
        let pid: i32 = s.query("SELECT pg_backend_pid()", &[]).await.unwrap()[0].get(0);
        cluster.pause_backend(pid).unwrap();
        let started = Instant::now();
        let err = s.query("SELECT 1", &[]).await.unwrap_err();
        let waited = started.elapsed();
        cluster.resume_backend(pid).unwrap();
        assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
        assert!(err.is_unavailable());
        assert!(waited < Duration::from_secs(8), "waited {waited:?}");
        // The session is given up; the pool serves the next user.
        assert_eq!(
            s.query("SELECT 1", &[]).await.unwrap_err().kind(),
            ErrorKind::ConnectionLost
        );
        drop(s);
        let s = pool.session().await.unwrap();
        s.query("SELECT 1", &[]).await.unwrap();
    });
}

/// The client-side limit (statement_timeout plus a margin, kept by a
/// watchdog per connection) gives up only on a statement that runs past
/// it: a statement longer than the watchdog's period but within the limit
/// completes, on a connection that then stays in use, and an idle pooled
/// connection is never given up however long it waits.
#[test]
fn the_client_side_limit_spares_statements_within_it_and_idle_connections() {
    run(async {
        let fx = Fixture::new().await;
        let pool = strata::Pool::builder(fx.db.url())
            .unwrap()
            .max_size(1)
            .statement_timeout(Duration::from_millis(200))
            .build()
            .unwrap();
        let s = pool.session().await.unwrap();
        // The server's limit is lifted for this session; the client's
        // (200 ms + 5 s) is not: a 1.5 s statement spans several of the
        // watchdog's ticks and must complete.
        s.batch_execute("SET statement_timeout = 0").await.unwrap();
        let started = Instant::now();
        let rows = s.query("SELECT pg_sleep(1.5), 7 AS n", &[]).await.unwrap();
        assert!(started.elapsed() >= Duration::from_millis(1500));
        assert_eq!(rows[0].get::<_, i32>("n"), 7);
        s.query("SELECT 1", &[]).await.unwrap();
        drop(s);
        // Idle in the pool for longer than the limit: still usable.
        tokio::time::sleep(Duration::from_millis(5700)).await;
        let s = pool.session().await.unwrap();
        let n: i32 = s.query("SELECT 2", &[]).await.unwrap()[0].get(0);
        assert_eq!(n, 2);
        // Past the client's limit: a timeout (the server's limit is lifted
        // again, so only the client can end it).
        s.batch_execute("SET statement_timeout = 0").await.unwrap();
        let started = Instant::now();
        let err = s.query("SELECT pg_sleep(30)", &[]).await.unwrap_err();
        let waited = started.elapsed();
        assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
        assert!(
            waited >= Duration::from_millis(5200) && waited < Duration::from_secs(8),
            "waited {waited:?}"
        );
        assert_eq!(
            s.query("SELECT 1", &[]).await.unwrap_err().kind(),
            ErrorKind::ConnectionLost
        );
    });
}
