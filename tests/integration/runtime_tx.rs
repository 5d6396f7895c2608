//! Transactions: commit, rollback, rollback on drop, nested savepoints,
//! isolation levels and read-only transactions.

use strata::{ErrorKind, Executor, IsolationLevel};
use strata_testing::run;
use strata_tests::runtime_models::*;

async fn job_ids(db: &impl Executor) -> Vec<String> {
    db.select::<Job>()
        .order_by(|c| c.job_id.asc())
        .all()
        .await
        .unwrap()
        .into_iter()
        .map(|j| j.job_id)
        .collect()
}

#[test]
fn commit_makes_work_visible_to_other_sessions() {
    run(async {
        let fx = Fixture::new().await;
        let mut a = fx.session().await;
        let b = fx.session().await;
        let tx = a.transaction().await.unwrap();
        tx.insert(&Job::queued("t-1", "2024")).await.unwrap();
        assert_eq!(job_ids(&tx).await, ["t-1"], "visible inside");
        assert!(
            job_ids(&b).await.is_empty(),
            "invisible outside before commit"
        );
        tx.commit().await.unwrap();
        assert_eq!(job_ids(&b).await, ["t-1"]);
    });
}

#[test]
fn rollback_discards_work() {
    run(async {
        let fx = Fixture::new().await;
        let mut a = fx.session().await;
        let tx = a.transaction().await.unwrap();
        tx.insert(&Job::queued("t-1", "2024")).await.unwrap();
        tx.rollback().await.unwrap();
        assert!(job_ids(&a).await.is_empty());
    });
}

#[test]
fn a_dropped_transaction_rolls_back_and_the_session_goes_on() {
    run(async {
        let fx = Fixture::new().await;
        let mut a = fx.session().await;
        {
            let tx = a.transaction().await.unwrap();
            tx.insert(&Job::queued("t-1", "2024")).await.unwrap();
            // dropped here without commit
        }
        assert!(job_ids(&a).await.is_empty(), "rolled back on drop");
        // The connection is usable and not inside a transaction any more.
        let err = a.batch_execute("SAVEPOINT probe").await.unwrap_err();
        assert_eq!(
            err.code(),
            Some(&tokio_postgres::error::SqlState::NO_ACTIVE_SQL_TRANSACTION),
            "no transaction is open"
        );
        a.insert(&Job::queued("t-2", "2024")).await.unwrap();

        // Dropped during an error (the `?` path in application code).
        async fn fails(s: &mut strata::Session) -> strata::Result<()> {
            let tx = s.transaction().await?;
            tx.insert(&Job::queued("t-3", "2024")).await?;
            tx.insert(&Job::queued("t-3", "2024")).await?; // duplicate key
            tx.commit().await
        }
        let err = fails(&mut a).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UniqueViolation);
        assert_eq!(job_ids(&a).await, ["t-2"]);

        // A session returned to the pool with an open transaction: the next
        // user does not inherit it.
        drop(a);
        let mut again = fx.session().await;
        let tx = again.transaction().await.unwrap();
        drop(tx);
        drop(again);
        let b = fx.session().await;
        assert_eq!(job_ids(&b).await, ["t-2"]);
    });
}

#[test]
fn nested_savepoints() {
    run(async {
        let fx = Fixture::new().await;
        let mut s = fx.session().await;
        let mut tx = s.transaction().await.unwrap();
        tx.insert(&Job::queued("outer", "2024")).await.unwrap();
        {
            let mut sp1 = tx.savepoint().await.unwrap();
            sp1.insert(&Job::queued("sp1", "2024")).await.unwrap();
            {
                let sp2 = sp1.savepoint().await.unwrap();
                sp2.insert(&Job::queued("sp2", "2024")).await.unwrap();
                assert_eq!(job_ids(&sp2).await, ["outer", "sp1", "sp2"]);
                sp2.rollback().await.unwrap();
            }
            assert_eq!(job_ids(&sp1).await, ["outer", "sp1"]);
            {
                let sp3 = sp1.savepoint().await.unwrap();
                sp3.insert(&Job::queued("sp3", "2024")).await.unwrap();
                sp3.commit().await.unwrap(); // released into sp1
            }
            {
                let sp4 = sp1.savepoint().await.unwrap();
                sp4.insert(&Job::queued("sp4", "2024")).await.unwrap();
                // dropped: rolled back to the savepoint
            }
            assert_eq!(job_ids(&sp1).await, ["outer", "sp1", "sp3"]);
            sp1.commit().await.unwrap();
        }
        {
            // A failed statement inside a savepoint does not doom the
            // transaction once the savepoint is rolled back.
            let sp = tx.savepoint().await.unwrap();
            let err = sp.insert(&Job::queued("outer", "2024")).await.unwrap_err();
            assert_eq!(err.kind(), ErrorKind::UniqueViolation);
            sp.rollback().await.unwrap();
        }
        tx.insert(&Job::queued("after", "2024")).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!(job_ids(&s).await, ["after", "outer", "sp1", "sp3"]);

        // Rolling back the outer transaction discards released savepoints.
        let mut tx = s.transaction().await.unwrap();
        {
            let sp = tx.savepoint().await.unwrap();
            sp.insert(&Job::queued("gone", "2024")).await.unwrap();
            sp.commit().await.unwrap();
        }
        tx.rollback().await.unwrap();
        assert_eq!(job_ids(&s).await, ["after", "outer", "sp1", "sp3"]);
    });
}

#[test]
fn isolation_levels_and_read_only() {
    run(async {
        let fx = Fixture::new().await;
        let mut a = fx.session().await;
        let b = fx.session().await;
        let tx = a
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .start()
            .await
            .unwrap();
        let level = tx.query("SHOW transaction_isolation", &[]).await.unwrap();
        assert_eq!(level[0].get::<_, String>(0), "repeatable read");
        assert!(job_ids(&tx).await.is_empty());
        b.insert(&Job::queued("late", "2024")).await.unwrap();
        assert!(job_ids(&tx).await.is_empty(), "a repeatable-read snapshot");
        tx.commit().await.unwrap();
        assert_eq!(job_ids(&a).await, ["late"]);

        let tx = a.build_transaction().read_only(true).start().await.unwrap();
        let err = tx.insert(&Job::queued("ro", "2024")).await.unwrap_err();
        assert_eq!(
            err.code(),
            Some(&tokio_postgres::error::SqlState::READ_ONLY_SQL_TRANSACTION)
        );
        drop(tx);
        let tx = a
            .build_transaction()
            .isolation_level(IsolationLevel::Serializable)
            .read_only(true)
            .deferrable(true)
            .start()
            .await
            .unwrap();
        assert_eq!(job_ids(&tx).await, ["late"]);
        tx.commit().await.unwrap();
    });
}
