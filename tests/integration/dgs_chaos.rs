//! Chaos test of the DGS HTTP API (issue 15): concurrent clients create,
//! claim and update jobs while the server's backends are terminated, one
//! backend is paused (SIGSTOP, what a network partition looks like) and the
//! whole server restarts. Every answer must be 2xx, 4xx or 503 (never a
//! 500, never a hang past the timeouts), and afterwards the data holds what
//! every 2xx promised.
//!
//! Runs on a throwaway cluster of its own (it restarts it).

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::dgs_support::{example_migrations, http, HttpResponse, Project};
use dgs::http::{router, serve, AppState};
use serde_json::{json, Value};
use strata_testing::cluster::Cluster;
use strata_testing::run;

/// The longest any answer may take: the pool's wait (3 s) plus the
/// statement timeout (2 s) plus the client-side margin (5 s), plus slack.
const LONGEST_ANSWER: Duration = Duration::from_secs(15);

/// What the 2xx answers promised.
#[derive(Default)]
struct Promises {
    /// Created jobs: id → the `n` of their request.
    created: BTreeMap<String, i64>,
    /// Jobs a claim answered with.
    claimed: Vec<String>,
    /// Status counts, for the report.
    statuses: BTreeMap<u16, usize>,
}

async fn call(addr: SocketAddr, method: &str, path: &str, body: Option<Value>) -> HttpResponse {
    let started = Instant::now();
    let text = body.map(|b| b.to_string());
    let r = tokio::time::timeout(LONGEST_ANSWER, http(addr, method, path, text.as_deref()))
        .await
        .unwrap_or_else(|_| panic!("{method} {path}: no answer within {LONGEST_ANSWER:?}"));
    assert!(
        r.status < 500 || r.status == 503,
        "{method} {path}: {} after {:?}: {}",
        r.status,
        started.elapsed(),
        r.body
    );
    r
}

async fn client(addr: SocketAddr, n: usize, stop: Arc<AtomicBool>, promises: Arc<Mutex<Promises>>) {
    let mut i: i64 = 0;
    while !stop.load(Ordering::Relaxed) {
        i += 1;
        let id = format!("chaos-{n}-{i}");
        let r = call(
            addr,
            "POST",
            "/jobs",
            Some(json!({"job_id": id, "request": {"n": i}, "total_steps": 4})),
        )
        .await;
        {
            let mut p = promises.lock().unwrap();
            *p.statuses.entry(r.status).or_default() += 1;
            if r.status == 201 {
                p.created.insert(id.clone(), i);
            }
        }
        if i % 3 == 0 {
            let r = call(addr, "POST", "/jobs/claim", Some(json!({}))).await;
            let mut p = promises.lock().unwrap();
            *p.statuses.entry(r.status).or_default() += 1;
            if r.status == 200 {
                let job = r.json();
                if let Some(id) = job["job_id"].as_str() {
                    p.claimed.push(id.to_string());
                }
            }
        }
        if i % 5 == 0 {
            let r = call(addr, "GET", "/health", None).await;
            *promises
                .lock()
                .unwrap()
                .statuses
                .entry(r.status)
                .or_default() += 1;
        }
    }
}

#[test]
fn the_api_under_restarts_terminated_and_paused_backends() {
    run(async {
        let mut cluster = Cluster::start().unwrap();
        let admin = cluster.options("postgres").connect().await.unwrap();
        admin.batch_execute("CREATE DATABASE dgs").await.unwrap();
        let url = cluster.url("dgs");
        let project = Project::new(
            "chaos",
            &example_migrations(),
            false,
            &dgs::models::registry().to_json().unwrap(),
        );
        assert_eq!(project.schema_diff(&url, &["upgrade", "head"]).await, 0);
        drop(admin);

        let pool = strata::Pool::builder_from_options(cluster.options("dgs"))
            .max_size(6)
            .wait_timeout(Duration::from_secs(3))
            .create_timeout(Duration::from_secs(3))
            .statement_timeout(Duration::from_secs(2))
            .build()
            .unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop_server, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(serve(
            listener,
            router(AppState { pool: pool.clone() }),
            async move {
                let _ = stopped.await;
            },
        ));

        let stop = Arc::new(AtomicBool::new(false));
        let promises = Arc::new(Mutex::new(Promises::default()));
        let clients: Vec<_> = (0..8)
            .map(|n| tokio::spawn(client(addr, n, stop.clone(), promises.clone())))
            .collect();

        tokio::time::sleep(Duration::from_secs(1)).await;
        let terminated = cluster.terminate_backends("dgs").await.unwrap();
        tokio::time::sleep(Duration::from_secs(1)).await;
        // One backend stops answering for longer than the statement timeout
        // plus the client's margin: its request ends in a 503, its
        // connection is discarded.
        let pids = cluster.backend_pids("dgs").await.unwrap();
        if let Some(&pid) = pids.first() {
            cluster.pause_backend(pid).unwrap();
            tokio::time::sleep(Duration::from_secs(8)).await;
            cluster.resume_backend(pid).unwrap();
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
        tokio::task::block_in_place(|| cluster.restart()).unwrap();
        tokio::time::sleep(Duration::from_secs(2)).await;
        stop.store(true, Ordering::Relaxed);
        for c in clients {
            c.await.unwrap();
        }

        // Afterwards every promise holds.
        let p = std::mem::take(&mut *promises.lock().unwrap());
        eprintln!(
            "chaos: {} backends terminated, statuses {:?}, {} jobs created, {} claims",
            terminated,
            p.statuses,
            p.created.len(),
            p.claimed.len()
        );
        assert!(!p.created.is_empty(), "no job was created at all");
        assert!(
            p.statuses.contains_key(&503) || terminated == 0,
            "the chaos never showed: {:?}",
            p.statuses
        );
        for (id, n) in &p.created {
            let r = call(addr, "GET", &format!("/jobs/{id}"), None).await;
            assert_eq!(r.status, 200, "job {id} was promised (201): {}", r.body);
            assert_eq!(r.json()["request"]["n"], *n, "job {id}");
        }
        let mut seen = std::collections::BTreeSet::new();
        for id in &p.claimed {
            assert!(seen.insert(id.clone()), "job {id} was claimed twice");
            let job = call(addr, "GET", &format!("/jobs/{id}"), None).await.json();
            assert_ne!(job["status"], "queued", "claimed job {id}: {job}");
            assert!(job["attempts"].as_i64().unwrap_or(0) >= 1, "{job}");
        }
        let _ = stop_server.send(());
        server.await.unwrap().unwrap();
    });
}
