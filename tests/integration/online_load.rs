//! Issue 12's load test: the same schema change (an index, a foreign key, a
//! check, `SET NOT NULL`, a unique key) on a table of a million rows while
//! four clients keep reading and writing it. The plain plan, one
//! transaction as the runner runs it, makes their queries wait for most of
//! its run; the online plan, statement by statement, never makes them wait
//! a second, nor a fifth of the plain plan's longest wait. Both
//! end at the desired state. (`cargo run --release -p strata-tests
//! --example bench_online` gives the same per step, side by side.)

use std::time::Duration;

use strata_testing::{run, TestDb};
use strata_tests::online_load::{apply, plan_for, setup, Load};

const ROWS: u64 = 1_000_000;

#[test]
fn the_online_plan_keeps_the_table_serving_and_the_plain_one_blocks() {
    run(async {
        let plain_db = TestDb::new().await.unwrap();
        let online_db = TestDb::new().await.unwrap();
        let scratch = TestDb::new().await.unwrap();
        setup(plain_db.options(), ROWS).await;
        setup(online_db.options(), ROWS).await;

        let plain = plan_for(plain_db.options(), scratch.options(), false).await;
        assert!(!plain.needs_no_transaction());
        let load = Load::start(plain_db.options(), 4, ROWS).await;
        let r = apply(plain_db.options(), &plain, &load, false).await;
        let plain_queries = load.queries();
        load.stop().await;
        let (_, plain_took, plain_wait) = r[0].clone();

        let online = plan_for(online_db.options(), scratch.options(), true).await;
        assert!(online.needs_no_transaction());
        let load = Load::start(online_db.options(), 4, ROWS).await;
        let r = apply(online_db.options(), &online, &load, false).await;
        let online_queries = load.queries();
        load.stop().await;
        let (_, online_took, online_wait) = r[0].clone();

        eprintln!(
            "plain: migration {plain_took:?}, longest wait {plain_wait:?} ({plain_queries} queries); \
             online: migration {online_took:?}, longest wait {online_wait:?} ({online_queries} queries)"
        );
        // How long the plain plan runs depends on the machine (0.9 s to
        // several seconds here); what it does not change is that the
        // table's clients wait for most of it, and far longer than under
        // the online plan.
        assert!(
            plain_wait * 2 >= plain_took,
            "the plain plan blocks the table: longest wait {plain_wait:?} of {plain_took:?}"
        );
        assert!(
            online_wait * 5 < plain_wait,
            "the online plan waits far less: {online_wait:?} against {plain_wait:?}"
        );
        assert!(
            online_wait < Duration::from_secs(1),
            "the online plan keeps it serving: longest wait {online_wait:?}"
        );
        // Both reached the desired state.
        for db in [&plain_db, &online_db] {
            let rest = plan_for(db.options(), scratch.options(), true).await;
            assert!(rest.steps.is_empty(), "{:?}", rest.summary());
        }
    });
}
