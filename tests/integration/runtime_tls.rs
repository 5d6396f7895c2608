//! Production connections (issue 11), each on a throwaway cluster of its
//! own: TLS (a server that accepts only TLS, with a certificate from a CA the
//! test makes; every `sslmode` behaves as libpq's, certificate errors say
//! which check failed and for which host, the pool and its cancel requests
//! go over TLS), the password file, `connect_timeout` against a frozen
//! server, several hosts, and the DGS main job and schema-diff end to end
//! over `verify-full`.

use std::os::unix::fs::{chown, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
use strata::{ConnectOptions, ErrorKind, Executor};
use strata_testing::cluster::Cluster;
use strata_testing::run;

struct Pki {
    dir: PathBuf,
    ca: PathBuf,
    other_ca: PathBuf,
    /// The CA's parameters and key (PEM), to sign more certificates.
    ca_params: CertificateParams,
    ca_key: String,
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

/// Writes the server's certificate and key into the data directory, owned
/// by the server's user (read at the next reload).
fn install_server_cert(cluster: &Cluster, cert_pem: &str, key_pem: &str) {
    let data = cluster.dir().join("data");
    let owner = std::fs::metadata(&data).unwrap();
    for (name, text, mode) in [
        ("server.crt", cert_pem, 0o644),
        ("server.key", key_pem, 0o600),
    ] {
        let path = data.join(name);
        write(&path, text);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        chown(&path, Some(owner.uid()), Some(owner.gid())).unwrap();
    }
}

/// A CA, a server certificate for `localhost` and 127.0.0.1 signed by it
/// (written into the data directory, owned by the server's user), and a
/// second, unrelated CA.
fn make_pki(cluster: &Cluster) -> Pki {
    // One directory per call: the tests of this file run in parallel.
    static CALLS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("strata-tls-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "strata test CA");
    let ca_cert = ca_params.self_signed(&ca_key).unwrap();
    let ca_key_pem = ca_key.serialize_pem();
    let issuer = Issuer::new(ca_params.clone(), ca_key);
    let server_key = KeyPair::generate().unwrap();
    let server_cert =
        CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()])
            .unwrap()
            .signed_by(&server_key, &issuer)
            .unwrap();
    let other_key = KeyPair::generate().unwrap();
    let mut other_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    other_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    other_params
        .distinguished_name
        .push(DnType::CommonName, "some other CA");
    let other = other_params.self_signed(&other_key).unwrap();

    let ca = dir.join("ca.pem");
    write(&ca, &ca_cert.pem());
    let other_ca = dir.join("other-ca.pem");
    write(&other_ca, &other.pem());

    install_server_cert(cluster, &server_cert.pem(), &server_key.serialize_pem());
    let data = cluster.dir().join("data");
    let owner = std::fs::metadata(&data).unwrap();
    // Only TLS connections from 127.0.0.1.
    let hba = data.join("pg_hba.conf");
    write(
        &hba,
        "hostnossl all all 0.0.0.0/0 reject\nhostssl all all 127.0.0.1/32 trust\n",
    );
    chown(&hba, Some(owner.uid()), Some(owner.gid())).unwrap();
    Pki {
        dir,
        ca,
        other_ca,
        ca_params,
        ca_key: ca_key_pem,
    }
}

fn options(cluster: &Cluster, extra: &str) -> ConnectOptions {
    ConnectOptions::parse(&format!(
        "postgres://postgres@127.0.0.1:{}/postgres?{extra}",
        cluster.port()
    ))
    .unwrap()
}

async fn uses_tls(o: &ConnectOptions) -> Result<bool, String> {
    let client = o.connect().await.map_err(|e| e.to_string())?;
    let row = client
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .await
        .map_err(|e| e.to_string())?;
    Ok(row.get(0))
}

#[test]
fn every_sslmode_against_a_tls_only_server() {
    run(async {
        let cluster = Cluster::start().unwrap();
        let pki = make_pki(&cluster);
        let admin = cluster.options("postgres").connect().await.unwrap();
        admin
            .batch_execute("ALTER SYSTEM SET ssl = on")
            .await
            .unwrap();
        admin
            .batch_execute("SELECT pg_reload_conf()")
            .await
            .unwrap();
        drop(admin);
        // The reload is asynchronous: wait until TLS is offered.
        let ca = pki.ca.display().to_string();
        let full = options(&cluster, &format!("sslmode=verify-full&sslrootcert={ca}"));
        let mut ok = false;
        for _ in 0..100 {
            if uses_tls(&full).await == Ok(true) {
                ok = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(ok, "verify-full with the right CA connects over TLS");

        // prefer (the default) and require talk TLS; disable is refused by
        // the server.
        assert_eq!(
            uses_tls(&options(&cluster, "sslmode=prefer")).await,
            Ok(true)
        );
        assert_eq!(
            uses_tls(&options(&cluster, "sslmode=require")).await,
            Ok(true)
        );
        assert_eq!(
            uses_tls(&options(&cluster, "sslmode=allow")).await,
            Ok(true)
        );
        let err = uses_tls(&options(&cluster, "sslmode=disable"))
            .await
            .unwrap_err();
        assert!(
            err.contains("no encryption") || err.contains("pg_hba"),
            "{err}"
        );
        // verify-ca with the right CA, key=value form too.
        let kv = ConnectOptions::parse(&format!(
            "host=127.0.0.1 port={} user=postgres dbname=postgres sslmode=verify-ca sslrootcert='{ca}'",
            cluster.port()
        ))
        .unwrap();
        assert_eq!(uses_tls(&kv).await, Ok(true));

        // Another CA: unknown CA, naming the host.
        let other = pki.other_ca.display().to_string();
        let err = uses_tls(&options(
            &cluster,
            &format!("sslmode=verify-full&sslrootcert={other}"),
        ))
        .await
        .unwrap_err();
        assert!(err.contains("unknown CA"), "{err}");
        assert!(err.contains("127.0.0.1"), "{err}");
        // require with a root certificate checks the chain (libpq).
        let err = uses_tls(&options(
            &cluster,
            &format!("sslmode=require&sslrootcert={other}"),
        ))
        .await
        .unwrap_err();
        assert!(err.contains("unknown CA"), "{err}");

        // The right CA but another host name: verify-full refuses (name
        // mismatch), verify-ca accepts.
        let port = cluster.port();
        let mismatch = |mode: &str| {
            ConnectOptions::parse(&format!(
                "host=db.example.invalid hostaddr=127.0.0.1 port={port} user=postgres \
                 dbname=postgres sslmode={mode} sslrootcert='{ca}'"
            ))
            .unwrap()
        };
        let err = uses_tls(&mismatch("verify-full")).await.unwrap_err();
        assert!(err.contains("name mismatch"), "{err}");
        assert_eq!(uses_tls(&mismatch("verify-ca")).await, Ok(true));

        // verify-full without any root: a clear configuration error.
        let err = uses_tls(&options(&cluster, "sslmode=verify-full")).await;
        if std::env::var_os("HOME")
            .map(|h| !Path::new(&h).join(".postgresql/root.crt").exists())
            .unwrap_or(true)
        {
            let err = err.unwrap_err();
            assert!(err.contains("sslrootcert"), "{err}");
        }
        // A missing root file names it.
        let err = uses_tls(&options(
            &cluster,
            "sslmode=verify-full&sslrootcert=/nonexistent/ca.pem",
        ))
        .await
        .unwrap_err();
        assert!(err.contains("/nonexistent/ca.pem"), "{err}");

        // The same settings from libpq's variables.
        let env = ConnectOptions::from_env_with(|k| match k {
            "PGHOST" => Some("127.0.0.1".into()),
            "PGPORT" => Some(port.to_string()),
            "PGUSER" => Some("postgres".into()),
            "PGSSLMODE" => Some("verify-full".into()),
            "PGSSLROOTCERT" => Some(ca.clone()),
            _ => None,
        })
        .unwrap();
        assert_eq!(uses_tls(&env).await, Ok(true));
        // A child process gets them in its URL.
        assert!(
            env.to_url().contains("sslmode=verify-full"),
            "{}",
            env.to_url()
        );
        assert!(env.to_url().contains("sslrootcert="), "{}", env.to_url());

        // A pool over TLS; cancel requests go over TLS too.
        let pool = strata::Pool::builder_from_options(full.clone())
            .max_size(2)
            .build()
            .unwrap();
        let s = pool.session().await.unwrap();
        assert!(s.query("SELECT 1", &[]).await.is_ok());
        let started = std::time::Instant::now();
        let r = tokio::time::timeout(
            Duration::from_millis(100),
            s.execute("SELECT pg_sleep(5)", &[]),
        )
        .await;
        assert!(r.is_err());
        s.ping().await.unwrap();
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "the cancel reached the server"
        );
        // A bad root in a pool is a configuration error when connecting.
        let bad = strata::Pool::builder_from_options(options(
            &cluster,
            "sslmode=verify-full&sslrootcert=/nonexistent/ca.pem",
        ))
        .build()
        .unwrap();
        let err = bad.session().await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config, "{err}");
        let _ = std::fs::remove_dir_all(&pki.dir);
    });
}

/// libpq's password file: a server that asks for a password gets the one of
/// the matching `.pgpass` line (through `PGPASSFILE`); a file others can
/// read is ignored, as libpq does.
#[test]
fn the_password_file_is_read_when_no_password_is_given() {
    run(async {
        let cluster = Cluster::start().unwrap();
        let admin = cluster.options("postgres").connect().await.unwrap();
        admin
            .batch_execute("SET password_encryption = 'scram-sha-256'; CREATE ROLE app LOGIN PASSWORD 'pgpass-secret'")
            .await
            .unwrap();
        let data = cluster.dir().join("data");
        let owner = std::fs::metadata(&data).unwrap();
        let hba = data.join("pg_hba.conf");
        write(
            &hba,
            "host all app 127.0.0.1/32 scram-sha-256\nhost all all 127.0.0.1/32 trust\n",
        );
        chown(&hba, Some(owner.uid()), Some(owner.gid())).unwrap();
        admin
            .batch_execute("SELECT pg_reload_conf()")
            .await
            .unwrap();
        drop(admin);
        tokio::time::sleep(Duration::from_millis(300)).await;

        let dir = std::env::temp_dir().join(format!("strata-pgpass-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("pgpass");
        let port = cluster.port();
        write(
            &file,
            &format!("# test\nother:{port}:*:app:wrong\n127.0.0.1:{port}:*:app:pgpass-secret\n"),
        );
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        let url = format!("postgres://app@127.0.0.1:{port}/postgres");
        let file_text = file.display().to_string();
        let run_diff = |url: String, file: String| async move {
            tokio::task::spawn_blocking(move || {
                crate::dgs_support::run_binary(
                    "schema-diff",
                    &["diff", "--from", &url, "--to", "empty"],
                    &[("PGPASSFILE", &file)],
                )
            })
            .await
            .unwrap()
        };
        let out = run_diff(url.clone(), file_text.clone()).await;
        assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
        // Readable by others: ignored, so the server refuses.
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let out = run_diff(url, file_text).await;
        assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
        assert!(out.stderr.contains("password"), "{}", out.stderr);
        assert!(!out.stderr.contains("pgpass-secret"), "{}", out.stderr);
        let _ = std::fs::remove_dir_all(&dir);
    });
}

/// A frozen server (SIGSTOP: it accepts TCP connections but never answers)
/// ends schema-diff with a clear error after `connect_timeout`, never a hang.
#[test]
fn a_frozen_server_ends_in_a_connect_timeout() {
    run(async {
        let cluster = Cluster::start().unwrap();
        // The binaries are built (once per test run) before the clock starts.
        tokio::task::spawn_blocking(|| {
            crate::dgs_support::built_binaries();
        })
        .await
        .unwrap();
        let pid = cluster.pid().to_string();
        let signal = |sig: &str| {
            let ok = std::process::Command::new("kill")
                .args([sig, pid.as_str()])
                .status()
                .unwrap()
                .success();
            assert!(ok);
        };
        signal("-STOP");
        let url = format!(
            "postgres://postgres@127.0.0.1:{}/postgres?connect_timeout=2",
            cluster.port()
        );
        let started = std::time::Instant::now();
        let out = tokio::task::spawn_blocking(move || {
            crate::dgs_support::run_binary(
                "schema-diff",
                &["diff", "--from", &url, "--to", "empty"],
                &[],
            )
        })
        .await
        .unwrap();
        let waited = started.elapsed();
        signal("-CONT");
        assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
        assert!(out.stderr.contains("connect_timeout"), "{}", out.stderr);
        assert!(waited < Duration::from_secs(20), "waited {waited:?}");
    });
}

/// Several hosts: the first that accepts (and, with
/// `target_session_attrs=read-write`, is writable) is used.
#[test]
fn several_hosts_reach_the_writable_one() {
    run(async {
        let cluster = Cluster::start().unwrap();
        let text = format!(
            "host=127.0.0.1,127.0.0.1 port=1,{} user=postgres dbname=postgres \
             target_session_attrs=read-write connect_timeout=5",
            cluster.port()
        );
        let o = ConnectOptions::parse(&text).unwrap();
        let client = o.connect().await.unwrap();
        let port: i32 = client
            .query_one("SELECT current_setting('port')::int", &[])
            .await
            .unwrap()
            .get(0);
        assert_eq!(port, i32::from(cluster.port()));
        // The pool takes the same settings.
        let pool = strata::Pool::builder(&text).unwrap().build().unwrap();
        pool.session().await.unwrap().ping().await.unwrap();
    });
}

/// A client certificate (`sslcert`/`sslkey`): a server that authenticates
/// role `certuser` by certificate (`cert` in pg_hba) lets it in with one
/// signed by its CA, and refuses it without.
#[test]
fn a_client_certificate_authenticates() {
    run(async {
        let cluster = Cluster::start().unwrap();
        let pki = make_pki(&cluster);
        // The client's certificate: CN = the role, signed by the same CA.
        let ca_pem = std::fs::read_to_string(&pki.ca).unwrap();
        let data = cluster.dir().join("data");
        let owner = std::fs::metadata(&data).unwrap();
        let ca_copy = data.join("root.crt");
        write(&ca_copy, &ca_pem);
        chown(&ca_copy, Some(owner.uid()), Some(owner.gid())).unwrap();
        let client_key = KeyPair::generate().unwrap();
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params
            .distinguished_name
            .push(DnType::CommonName, "certuser");
        let issuer = Issuer::new(
            pki.ca_params.clone(),
            KeyPair::from_pem(&pki.ca_key).unwrap(),
        );
        let client_cert = params.signed_by(&client_key, &issuer).unwrap();
        let cert = pki.dir.join("client.crt");
        let key = pki.dir.join("client.key");
        write(&cert, &client_cert.pem());
        write(&key, &client_key.serialize_pem());
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
        let hba = data.join("pg_hba.conf");
        write(
            &hba,
            "hostssl all certuser 127.0.0.1/32 cert\nhostssl all all 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 trust\n",
        );
        chown(&hba, Some(owner.uid()), Some(owner.gid())).unwrap();
        let admin = cluster.options("postgres").connect().await.unwrap();
        admin
            .batch_execute("CREATE ROLE certuser LOGIN")
            .await
            .unwrap();
        admin
            .batch_execute("ALTER SYSTEM SET ssl = on")
            .await
            .unwrap();
        admin
            .batch_execute("ALTER SYSTEM SET ssl_ca_file = 'root.crt'")
            .await
            .unwrap();
        admin
            .batch_execute("SELECT pg_reload_conf()")
            .await
            .unwrap();
        drop(admin);
        let ca = pki.ca.display().to_string();
        let with_cert = ConnectOptions::parse(&format!(
            "postgres://certuser@127.0.0.1:{}/postgres?sslmode=verify-full&sslrootcert={ca}&sslcert={}&sslkey={}",
            cluster.port(),
            cert.display(),
            key.display()
        ))
        .unwrap();
        let mut ok = Err(String::new());
        for _ in 0..100 {
            ok = uses_tls(&with_cert).await;
            if ok == Ok(true) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(ok, Ok(true));
        // This server also takes plaintext: `allow` uses it (libpq tries
        // plaintext first), `prefer` TLS.
        assert_eq!(
            uses_tls(&options(&cluster, "sslmode=allow")).await,
            Ok(false)
        );
        assert_eq!(
            uses_tls(&options(&cluster, "sslmode=prefer")).await,
            Ok(true)
        );
        // Without the certificate the server refuses the role.
        let without = options(&cluster, &format!("sslmode=verify-full&sslrootcert={ca}"));
        let without = ConnectOptions::parse(
            &without
                .to_url()
                .replace("postgres://postgres@", "postgres://certuser@"),
        )
        .unwrap();
        let err = uses_tls(&without).await.unwrap_err();
        assert!(err.contains("certificate"), "{err}");
        // A certificate without its key is a configuration error naming it.
        let half = ConnectOptions::parse(&format!(
            "postgres://certuser@127.0.0.1:{}/postgres?sslmode=require&sslcert={}",
            cluster.port(),
            cert.display()
        ))
        .unwrap();
        let err = uses_tls(&half).await.unwrap_err();
        assert!(err.contains("sslkey"), "{err}");
        let _ = std::fs::remove_dir_all(&pki.dir);
    });
}

/// The README's main job (`dgs`: migrations, check, scenario, summary) and
/// schema-diff (`check`, `fleet current`) run end to end against a server
/// that accepts only TLS (pg_hba rejects every other connection), with
/// `verify-full` in DATABASE_URL; with `sslmode=disable` the same job fails
/// with the server's refusal.
#[test]
fn the_dgs_main_job_and_schema_diff_run_over_verify_full() {
    run(async {
        crate::dgs_support::built_binaries();
        let cluster = Cluster::start().unwrap();
        let pki = make_pki(&cluster);
        let admin = cluster.options("postgres").connect().await.unwrap();
        admin
            .batch_execute("ALTER SYSTEM SET ssl = on")
            .await
            .unwrap();
        admin
            .batch_execute("CREATE DATABASE dgs_tls")
            .await
            .unwrap();
        admin
            .batch_execute("SELECT pg_reload_conf()")
            .await
            .unwrap();
        drop(admin);
        let ca = pki.ca.display().to_string();
        let url = format!(
            "postgres://postgres@127.0.0.1:{}/dgs_tls?sslmode=verify-full&sslrootcert={ca}",
            cluster.port()
        );
        // Wait until the reload has switched TLS on.
        let probe = ConnectOptions::parse(&url).unwrap();
        let mut ok = Err(String::new());
        for _ in 0..100 {
            ok = uses_tls(&probe).await;
            if ok == Ok(true) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(ok, Ok(true));
        let bin = |name: &'static str, args: Vec<&'static str>, url: String| async move {
            tokio::task::spawn_blocking(move || {
                crate::dgs_support::run_binary(name, &args, &[("DATABASE_URL", &url)])
            })
            .await
            .unwrap()
        };
        let out = bin("dgs", vec![], url.clone()).await.expect(0);
        for expected in [
            "migrations: applied",
            "check: the database matches the models exactly",
            "summary: jobs in the database by status",
        ] {
            assert!(
                out.stdout.contains(expected),
                "{expected:?} in:\n{}",
                out.stdout
            );
        }
        let out = bin("schema-diff", vec!["check"], url.clone())
            .await
            .expect(0);
        assert!(out.stdout.contains("matches the models"), "{}", out.stdout);
        let out = bin(
            "schema-diff",
            vec![
                "fleet", "--target", "dgs_tls", "--target", "postgres", "current",
            ],
            url.clone(),
        )
        .await;
        assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
        assert!(out.stdout.contains("2 target(s): 2 ok"), "{}", out.stdout);
        // Every connection they made was TLS: pg_hba rejects any other.
        // Plaintext is refused by the server, and the job says so.
        let plain_url = format!(
            "postgres://postgres@127.0.0.1:{}/dgs_tls?sslmode=disable",
            cluster.port()
        );
        let out = bin("dgs", vec![], plain_url).await;
        assert_ne!(out.code, 0, "{}{}", out.stdout, out.stderr);
        assert!(
            out.stderr.contains("no encryption") || out.stderr.contains("pg_hba.conf"),
            "{}",
            out.stderr
        );
        let _ = std::fs::remove_dir_all(&pki.dir);
    });
}

/// A server certificate that has expired: `verify-full` and `verify-ca`
/// refuse it saying so and naming the host; `require` without a root
/// (libpq: no check) still connects.
#[test]
fn an_expired_server_certificate_is_named_as_such() {
    run(async {
        let cluster = Cluster::start().unwrap();
        let pki = make_pki(&cluster);
        // Replace the server certificate by an expired one from the same CA.
        let issuer = Issuer::new(
            pki.ca_params.clone(),
            KeyPair::from_pem(&pki.ca_key).unwrap(),
        );
        let key = KeyPair::generate().unwrap();
        let mut params =
            CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()]).unwrap();
        params.not_before = rcgen::date_time_ymd(2020, 1, 1);
        params.not_after = rcgen::date_time_ymd(2021, 1, 1);
        let cert = params.signed_by(&key, &issuer).unwrap();
        install_server_cert(&cluster, &cert.pem(), &key.serialize_pem());
        let admin = cluster.options("postgres").connect().await.unwrap();
        admin
            .batch_execute("ALTER SYSTEM SET ssl = on")
            .await
            .unwrap();
        admin
            .batch_execute("SELECT pg_reload_conf()")
            .await
            .unwrap();
        drop(admin);
        let require = options(&cluster, "sslmode=require");
        let mut ok = Err(String::new());
        for _ in 0..100 {
            ok = uses_tls(&require).await;
            if ok == Ok(true) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(ok, Ok(true), "require does not check the certificate");
        let ca = pki.ca.display().to_string();
        for mode in ["verify-full", "verify-ca"] {
            let err = uses_tls(&options(
                &cluster,
                &format!("sslmode={mode}&sslrootcert={ca}"),
            ))
            .await
            .unwrap_err();
            assert!(err.contains("expired"), "{mode}: {err}");
            assert!(err.contains("127.0.0.1"), "{mode}: {err}");
        }
        let _ = std::fs::remove_dir_all(&pki.dir);
    });
}
