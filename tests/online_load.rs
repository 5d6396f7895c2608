//! The online-migration workload shared by the load test
//! (`integration/online_load.rs`) and the benchmark
//! (`examples/bench_online.rs`): a table of `rows` orders and the schema
//! change a team ships on it (an index, a foreign key, a check, `SET NOT
//! NULL`, a unique key), planned plain or online by schema-diff, applied
//! the way the runner applies it while clients keep reading and writing the
//! table; what is measured is the longest time any of their queries waited.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use schema_diff::introspect::{introspect, IntrospectOptions};
use schema_diff::plan::{plan, Plan, PlanOptions};
use strata::schema::Schema;
use strata::ConnectOptions;
use tokio_postgres::Client;

/// The starting state (`{rows}` is replaced by the row count).
const INITIAL: &str = "
CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint, n integer, email text);
INSERT INTO accounts SELECT g FROM generate_series(1, 1000) g;
INSERT INTO orders SELECT g, 1 + g % 1000, 1 + g % 97, 'o' || g || '@example.com'
  FROM generate_series(1, {rows}) g;
ANALYZE accounts, orders;
";

/// The desired state.
pub const DESIRED: &str = "
CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  account_id bigint REFERENCES accounts (id),
  n integer NOT NULL CONSTRAINT orders_n_positive CHECK (n > 0),
  email text CONSTRAINT orders_email_key UNIQUE
);
CREATE INDEX orders_account_idx ON orders (account_id);
";

async fn connect(o: &ConnectOptions) -> Client {
    o.connect().await.expect("connect")
}

async fn read(client: &Client) -> Schema {
    introspect(
        client,
        &IntrospectOptions {
            schemas: vec!["public".into()],
            exclude_tables: Vec::new(),
        },
    )
    .await
    .expect("introspect")
}

/// Fills `db` with the starting state of `rows` orders.
pub async fn setup(db: &ConnectOptions, rows: u64) {
    let client = connect(db).await;
    client
        .batch_execute(&INITIAL.replace("{rows}", &rows.to_string()))
        .await
        .expect("initial state");
}

/// The plan from `db`'s state to [`DESIRED`] (read in a rolled-back
/// transaction of `scratch`).
pub async fn plan_for(db: &ConnectOptions, scratch: &ConnectOptions, online: bool) -> Plan {
    let current = read(&connect(db).await).await;
    let s = connect(scratch).await;
    s.batch_execute(&format!("BEGIN;\n{DESIRED}"))
        .await
        .expect("desired state");
    let desired = read(&s).await;
    s.batch_execute("ROLLBACK").await.expect("rollback");
    plan(
        &current,
        &desired,
        &PlanOptions {
            online,
            ..PlanOptions::default()
        },
    )
}

/// Clients reading and writing `orders` until stopped; each query's time
/// is folded into the longest wait so far.
pub struct Load {
    stop: Arc<AtomicBool>,
    longest_us: Arc<AtomicU64>,
    queries: Arc<AtomicU64>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Load {
    /// Starts `clients` clients on `db`, whose table holds `rows` orders.
    pub async fn start(db: &ConnectOptions, clients: u64, rows: u64) -> Load {
        let stop = Arc::new(AtomicBool::new(false));
        let longest_us = Arc::new(AtomicU64::new(0));
        let queries = Arc::new(AtomicU64::new(0));
        let mut tasks = Vec::new();
        for k in 0..clients {
            let client = connect(db).await;
            let (stop, longest_us, queries) = (stop.clone(), longest_us.clone(), queries.clone());
            tasks.push(tokio::spawn(async move {
                let mut i: u64 = 0;
                while !stop.load(Ordering::Relaxed) {
                    i += 1;
                    // A spread of existing rows, and new ones no other
                    // client writes.
                    let id = i64::try_from(1 + (i * 7919 + k * 104_729) % rows).unwrap_or(1);
                    let new_id = i64::try_from(rows + 1 + i * clients + k).unwrap_or(i64::MAX);
                    let email = format!("new{new_id}@example.com");
                    let account = 1 + new_id % 1000;
                    let started = Instant::now();
                    let r = match i % 3 {
                        0 => client
                            .query_opt("SELECT n FROM orders WHERE id = $1", &[&id])
                            .await
                            .map(|_| ()),
                        1 => client
                            .execute("UPDATE orders SET n = n + 1 WHERE id = $1", &[&id])
                            .await
                            .map(|_| ()),
                        _ => client
                            .execute(
                                "INSERT INTO orders (id, account_id, n, email) VALUES ($1, $2, 1, $3)",
                                &[&new_id, &account, &email],
                            )
                            .await
                            .map(|_| ()),
                    };
                    let us = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
                    longest_us.fetch_max(us, Ordering::Relaxed);
                    queries.fetch_add(1, Ordering::Relaxed);
                    if let Err(e) = r {
                        panic!("a load query failed: {e:?}");
                    }
                }
            }));
        }
        // Let every client get going.
        tokio::time::sleep(Duration::from_millis(300)).await;
        Load {
            stop,
            longest_us,
            queries,
            tasks,
        }
    }

    /// The longest wait since the last call, after letting the queries a
    /// step blocked finish; starts a new window.
    pub async fn take_longest(&self) -> Duration {
        tokio::time::sleep(Duration::from_millis(200)).await;
        Duration::from_micros(self.longest_us.swap(0, Ordering::Relaxed))
    }

    /// Queries run so far.
    pub fn queries(&self) -> u64 {
        self.queries.load(Ordering::Relaxed)
    }

    /// Stops the clients (a failed load query panics here).
    pub async fn stop(self) {
        self.stop.store(true, Ordering::Relaxed);
        for t in self.tasks {
            t.await.expect("a load client failed");
        }
    }
}

/// Applies `p` as the runner does: a plan that needs no transaction
/// statement by statement, each committing on its own; otherwise the whole
/// of it in one transaction. With `per_step`, every step is applied alone
/// (in a transaction of its own unless it runs outside one) and the
/// longest wait of the load during it is returned with its summary.
pub async fn apply(
    db: &ConnectOptions,
    p: &Plan,
    load: &Load,
    per_step: bool,
) -> Vec<(String, Duration, Duration)> {
    let client = connect(db).await;
    let mut out = Vec::new();
    load.take_longest().await;
    if !per_step {
        let started = Instant::now();
        if p.needs_no_transaction() {
            for step in &p.steps {
                for s in &step.up {
                    client.batch_execute(s).await.expect("online statement");
                }
            }
        } else {
            let script = schema_diff::render::render_up(p);
            client
                .batch_execute(&format!("BEGIN;\n{script}\nCOMMIT;"))
                .await
                .expect("plain migration");
        }
        let took = started.elapsed();
        out.push((
            "whole migration".to_string(),
            took,
            load.take_longest().await,
        ));
        return out;
    }
    for step in &p.steps {
        let started = Instant::now();
        if step.non_transactional {
            for s in &step.up {
                client.batch_execute(s).await.expect("online statement");
            }
        } else {
            let body: Vec<String> = step.up.iter().map(|s| format!("{s};")).collect();
            client
                .batch_execute(&format!("BEGIN;\n{}\nCOMMIT;", body.join("\n")))
                .await
                .expect("plain step");
        }
        let took = started.elapsed();
        out.push((step.summary.clone(), took, load.take_longest().await));
    }
    out
}
