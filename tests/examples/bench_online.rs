//! Issue 12's timing proof: the schema change of `strata_tests::online_load`
//! (an index, a foreign key, a check, `SET NOT NULL`, a unique key on a
//! table of a million orders) applied step by step while four clients keep
//! reading, updating and inserting rows; for each step, how long it took
//! and the longest time any client query waited, for the plain plan and the
//! online plan side by side, then each plan applied whole as the runner
//! applies it (the plain one in one transaction).
//!
//! ```sh
//! cargo run --release -p strata-tests --example bench_online
//! cargo run --release -p strata-tests --example bench_online -- --rows 200000
//! ```
//!
//! Uses `DATABASE_URL` when set (databases are created on that server and
//! dropped at the end), otherwise a throwaway cluster.

use std::time::Duration;

use strata_testing::TestDb;
use strata_tests::online_load::{apply, plan_for, setup, Load};

const CLIENTS: u64 = 4;

fn secs(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

async fn side(rows: u64, online: bool, per_step: bool) -> Vec<(String, Duration, Duration)> {
    let db = TestDb::new().await.expect("a database");
    let scratch = TestDb::new().await.expect("a scratch database");
    setup(db.options(), rows).await;
    let p = plan_for(db.options(), scratch.options(), online).await;
    let load = Load::start(db.options(), CLIENTS, rows).await;
    let r = apply(db.options(), &p, &load, per_step).await;
    load.stop().await;
    r
}

fn main() {
    let mut rows: u64 = 1_000_000;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--rows" => {
                rows = args.next().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
                    eprintln!("--rows takes a number");
                    std::process::exit(2)
                })
            }
            other => {
                eprintln!("unknown argument {other:?} (expected --rows N)");
                std::process::exit(2)
            }
        }
    }
    strata_testing::run(async move {
        println!(
            "{rows} rows, {CLIENTS} clients reading, updating and inserting while each step runs\n"
        );
        let plain = side(rows, false, true).await;
        let online = side(rows, true, true).await;
        println!(
            "{:<60} {:>10} {:>14}   {:>10} {:>14}",
            "step", "plain", "longest wait", "online", "longest wait"
        );
        for ((summary, pt, pw), (_, ot, ow)) in plain.iter().zip(&online) {
            println!(
                "{:<60} {:>10} {:>14}   {:>10} {:>14}",
                summary,
                secs(*pt),
                secs(*pw),
                secs(*ot),
                secs(*ow)
            );
        }
        let plain_whole = side(rows, false, false).await;
        let online_whole = side(rows, true, false).await;
        let (_, pt, pw) = &plain_whole[0];
        let (_, ot, ow) = &online_whole[0];
        println!(
            "{:<60} {:>10} {:>14}   {:>10} {:>14}",
            "whole migration (plain: one transaction)",
            secs(*pt),
            secs(*pw),
            secs(*ot),
            secs(*ow)
        );
    });
}
