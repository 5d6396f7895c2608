//! The harness itself: fresh databases, and the throwaway cluster.

use strata_testing::cluster::Cluster;
use strata_testing::{run, TestDb};

#[test]
fn each_test_gets_a_fresh_database_that_is_dropped() {
    run(async {
        let db = TestDb::new().await.expect("create test database");
        let name = db.name().to_string();
        let client = db.connect().await.expect("connect");
        let tables: i64 = client
            .query_one(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
                 WHERE n.nspname = 'public'",
                &[],
            )
            .await
            .expect("count")
            .get(0);
        assert_eq!(tables, 0, "a fresh database has nothing in public");
        client
            .batch_execute("CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)")
            .await
            .expect("create");
        drop(client);
        let other = TestDb::new().await.expect("second database");
        assert_ne!(other.name(), name);
        let admin = other.connect().await.expect("connect");
        drop(db);
        let left: i64 = admin
            .query_one(
                "SELECT count(*) FROM pg_database WHERE datname = $1",
                &[&name],
            )
            .await
            .expect("query")
            .get(0);
        assert_eq!(left, 0, "the database is dropped with its TestDb");
    });
}

#[test]
fn a_throwaway_cluster_starts_serves_and_cleans_up() {
    let mut cluster = Cluster::start().expect("start a throwaway cluster");
    let dir = cluster.dir().to_path_buf();
    assert!(dir.exists());
    let url = cluster.url("postgres");
    run(async move {
        let client = strata::ConnectOptions::parse(&url)
            .expect("connect to the throwaway cluster")
            .connect()
            .await
            .expect("connect to the throwaway cluster");
        let v: String = client
            .query_one("SELECT current_setting('fsync')", &[])
            .await
            .expect("query")
            .get(0);
        assert_eq!(v, "off");
    });
    let pid = cluster.pid();
    cluster.stop();
    assert!(!dir.exists(), "the cluster's files are removed");
    // SAFETY: probing a pid with signal 0.
    let alive = unsafe { libc::kill(pid as i32, 0) } == 0;
    assert!(!alive, "the server process is gone");
}
