//! Pools and sessions: building from a URL, from libpq variables and with
//! settings; connection reuse; the per-connection statement cache; closing;
//! the `tracing` spans of statements.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use strata::{ErrorKind, Executor};
use strata_testing::run;
use strata_tests::runtime_models::*;

async fn backend_pid(db: &impl Executor) -> i32 {
    db.query("SELECT pg_backend_pid()", &[]).await.unwrap()[0].get(0)
}

/// Waits (at most 5 s) until `n` connections are idle in `pool`.
async fn wait_available(pool: &strata::Pool, n: usize) {
    for _ in 0..500 {
        if pool.status().available == n {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!(
        "the pool never had {n} idle connections: {:?}",
        pool.status()
    );
}

async fn prepared_statements(db: &impl Executor) -> Vec<String> {
    db.query(
        "SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%dgs_jobs%' ORDER BY 1",
        &[],
    )
    .await
    .unwrap()
    .iter()
    .map(|r| r.get::<_, String>(0))
    .filter(|s| !s.contains("pg_prepared_statements"))
    .collect()
}

#[test]
fn sessions_reuse_pooled_connections_and_their_statement_cache() {
    run(async {
        let fx = Fixture::new().await;
        let pool = strata::Pool::builder(fx.db.url())
            .unwrap()
            .max_size(1)
            .build()
            .unwrap();
        assert_eq!(pool.status().size, 0, "connections open lazily");
        let s = pool.session().await.unwrap();
        let pid = backend_pid(&s).await;
        s.insert(&Job::queued("p-1", "2024")).await.unwrap();
        s.get::<Job>("p-1").await.unwrap();
        let prepared = prepared_statements(&s).await;
        assert_eq!(prepared.len(), 2, "insert and get: {prepared:#?}");
        assert!(prepared
            .iter()
            .any(|p| p.starts_with("SELECT job_id, request") && p.ends_with("WHERE job_id = $1")));
        for i in 0..20 {
            s.find::<Job>(format!("p-{i}")).await.unwrap();
        }
        assert_eq!(
            prepared_statements(&s).await,
            prepared,
            "prepared once, reused"
        );
        let status = pool.status();
        assert_eq!((status.size, status.available), (1, 0));
        // The session ran raw SQL, so its connection is reset (one round
        // trip, in the background) before it is available again.
        drop(s);
        wait_available(&pool, 1).await;

        // The next session gets the same connection, with its cache.
        let s = pool.session().await.unwrap();
        assert_eq!(backend_pid(&s).await, pid);
        s.get::<Job>("p-1").await.unwrap();
        assert_eq!(prepared_statements(&s).await, prepared);
        drop(s);

        pool.close();
        let err = pool.session().await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid);
    });
}

#[test]
fn a_pool_from_libpq_variables() {
    run(async {
        let fx = Fixture::new().await;
        let config = fx.db.config().unwrap();
        let host = match &config.get_hosts()[0] {
            tokio_postgres::config::Host::Tcp(h) => h.clone(),
            tokio_postgres::config::Host::Unix(p) => p.display().to_string(),
        };
        let vars = [
            ("PGHOST", host),
            ("PGPORT", config.get_ports()[0].to_string()),
            ("PGUSER", config.get_user().unwrap().to_string()),
            ("PGDATABASE", fx.db.name().to_string()),
            ("PGAPPNAME", "strata-from-env".to_string()),
        ];
        let options = strata::ConnectOptions::from_env_with(|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.clone())
        })
        .unwrap();
        let pool = strata::Pool::builder_from_options(options)
            .max_size(2)
            .wait_timeout(Duration::from_secs(5))
            .create_timeout(Duration::from_secs(5))
            .recycle_timeout(Duration::from_secs(5))
            .verify_on_reuse(true)
            .connect()
            .await
            .unwrap();
        let s = pool.session().await.unwrap();
        let row = &s
            .query(
                "SELECT current_database(), current_setting('application_name')",
                &[],
            )
            .await
            .unwrap()[0];
        assert_eq!(row.get::<_, String>(0), fx.db.name());
        assert_eq!(row.get::<_, String>(1), "strata-from-env");
        assert_eq!(
            s.select::<Job>().count().await.unwrap(),
            0,
            "the fixture's tables are there"
        );
    });
}

#[test]
fn from_env_uses_database_url_when_set() {
    // Reads the real process environment. The test harness itself needs
    // either DATABASE_URL or local server binaries; with DATABASE_URL set
    // (as in CI), from_env must connect to that server.
    run(async {
        match std::env::var("DATABASE_URL") {
            Ok(url) if !url.trim().is_empty() => {
                let pool = strata::Pool::from_env().await.unwrap();
                let s = pool.session().await.unwrap();
                let one: i32 = s.query("SELECT 1", &[]).await.unwrap()[0].get(0);
                assert_eq!(one, 1);
            }
            _ => {
                // No DATABASE_URL: the settings come from the PG* variables
                // with libpq's defaults.
                let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
                let expected_db = var("PGDATABASE")
                    .or_else(|| var("PGUSER"))
                    .or_else(|| var("USER"));
                match strata::Pool::builder_from_env() {
                    Ok(b) => assert_eq!(b.config().get_dbname(), expected_db.as_deref()),
                    Err(e) => {
                        assert_eq!(e.kind(), ErrorKind::Config);
                        assert!(
                            expected_db.is_none()
                                || var("PGPORT").is_some()
                                || var("PGSSLMODE").is_some()
                        );
                    }
                }
            }
        }
    });
}

/// A tracing subscriber that records the `sql` field of `strata::sql` spans
/// and the fields of their events.
#[derive(Clone, Default)]
struct Capture(Arc<Captured>);

#[derive(Default)]
struct Captured {
    spans: Mutex<Vec<String>>,
    events: Mutex<Vec<String>>,
}

struct Fields(String);

impl tracing::field::Visit for Fields {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push_str(&format!("{}={:?};", field.name(), value));
    }
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.push_str(&format!("{}={};", field.name(), value));
    }
}

impl tracing::Subscriber for Capture {
    fn enabled(&self, metadata: &tracing::Metadata<'_>) -> bool {
        metadata.target().starts_with("strata")
    }
    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut f = Fields(String::new());
        span.record(&mut f);
        let mut spans = self.0.spans.lock().unwrap();
        spans.push(f.0);
        tracing::span::Id::from_u64(spans.len() as u64)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut f = Fields(String::new());
        event.record(&mut f);
        self.0.events.lock().unwrap().push(f.0);
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[test]
fn statements_are_traced_with_their_text_and_duration() {
    let capture = Capture::default();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let fx = rt.block_on(Fixture::new());
    // Other tests register and drop subscribers on other threads; a rebuild
    // of theirs that races this one's registration can leave the global
    // max level and callsite interests computed without it (tracing-core
    // caches them process-wide), and then nothing at all is captured. Such
    // a run (no span, no event) is tried again, up to three times; one that
    // captures anything is checked in full below.
    for attempt in 0..3 {
        capture.0.spans.lock().unwrap().clear();
        capture.0.events.lock().unwrap().clear();
        tracing::subscriber::with_default(capture.clone(), || {
            // Recompute them now that this subscriber is live.
            tracing::callsite::rebuild_interest_cache();
            rt.block_on(async {
                let s = fx.session().await;
                s.insert(&Job::queued(&format!("tr-{attempt}"), "2024"))
                    .await
                    .unwrap();
                s.get::<Job>("nope").await.unwrap_err();
                s.execute("SELECT no_such_function()", &[])
                    .await
                    .unwrap_err();
            })
        });
        if !capture.0.spans.lock().unwrap().is_empty()
            || !capture.0.events.lock().unwrap().is_empty()
        {
            break;
        }
    }
    let spans = capture.0.spans.lock().unwrap().clone();
    let events = capture.0.events.lock().unwrap().clone();
    assert_eq!(spans.len(), 3, "{spans:#?}");
    assert!(
        spans[0].starts_with("sql=INSERT INTO public.dgs_jobs (job_id, request"),
        "{spans:#?}"
    );
    assert!(spans[1].starts_with("sql=SELECT job_id"), "{spans:#?}");
    assert!(spans[2].contains("no_such_function"), "{spans:#?}");
    assert_eq!(events.len(), 3, "{events:#?}");
    assert!(
        events[0].contains("elapsed_us=") && events[0].contains("statement finished"),
        "{events:#?}"
    );
    assert!(
        events[2].contains("statement failed") && events[2].contains("error="),
        "{events:#?}"
    );
    drop(fx);
}

#[test]
fn a_cached_statement_refused_after_a_table_change_is_prepared_afresh() {
    run(async {
        let fx = Fixture::new().await;
        let s = fx.session().await;
        let ann = Member {
            org_id: 1,
            user_name: "ann".into(),
            role: "admin".into(),
            joined: 1,
        };
        s.insert(&ann).await.unwrap();
        assert_eq!(s.get::<Member>((1, "ann")).await.unwrap(), ann);
        // A compatible change of the result type (text -> varchar).
        s.batch_execute("ALTER TABLE members ALTER COLUMN role TYPE varchar(40)")
            .await
            .unwrap();
        let first = s.get::<Member>((1, "ann")).await;
        if let Err(e) = &first {
            // The server refuses the stale plan once...
            assert_eq!(
                e.code(),
                Some(&tokio_postgres::error::SqlState::FEATURE_NOT_SUPPORTED),
                "{e}"
            );
        }
        // ...and the next call prepares the statement again.
        assert_eq!(s.get::<Member>((1, "ann")).await.unwrap(), ann);
    });
}
