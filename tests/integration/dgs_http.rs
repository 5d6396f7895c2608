//! The DGS HTTP API over real HTTP: an empty database migrated with
//! `upgrade head` (then `check` exits 0), the server bound on 127.0.0.1:0,
//! and a hand-written HTTP/1.1 client walking a job through its life, a
//! lesson, audit records and totals; then the error statuses (404, 409,
//! 415, 422, 503) with their JSON bodies.

use std::net::SocketAddr;
use std::time::Duration;

use crate::dgs_support::{encode, example_migrations, http, HttpResponse, Project};
use dgs::http::{router, serve, AppState};
use serde_json::{json, Value};
use strata_testing::{run, TestDb};
use tokio::sync::oneshot;

/// A running server; stopped by [`Server::stop`].
struct Server {
    addr: SocketAddr,
    stop: oneshot::Sender<()>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Server {
    async fn start(pool: strata::Pool) -> Server {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(serve(listener, router(AppState { pool }), async move {
            let _ = stopped.await;
        }));
        Server { addr, stop, task }
    }

    async fn get(&self, path: &str) -> HttpResponse {
        http(self.addr, "GET", path, None).await
    }

    async fn post(&self, path: &str, body: &Value) -> HttpResponse {
        http(self.addr, "POST", path, Some(&body.to_string())).await
    }

    async fn stop(self) {
        let _ = self.stop.send(());
        self.task.await.unwrap().unwrap();
    }
}

/// Asserts an error answer: status, JSON body with the same status and the
/// expected code.
#[track_caller]
fn assert_error(r: HttpResponse, status: u16, code: &str) -> Value {
    let body = r.json();
    assert_eq!(r.status, status, "{body}");
    assert_eq!(body["error"]["status"], status, "{body}");
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(body["error"]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
    body
}

#[test]
fn a_job_lesson_and_audit_trail_over_real_http() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let project = Project::new(
            "http",
            &example_migrations(),
            false,
            &dgs::models::registry().to_json().unwrap(),
        );
        assert_eq!(project.schema_diff(db.url(), &["upgrade", "head"]).await, 0);
        assert_eq!(project.schema_diff(db.url(), &["check"]).await, 0);
        let pool = strata::Pool::builder(db.url())
            .unwrap()
            .max_size(4)
            .wait_timeout(Duration::from_secs(5))
            .build()
            .unwrap();
        let server = Server::start(pool).await;
        assert_eq!(
            server.get("/health").await.expect(200).json()["status"],
            "ok"
        );

        // Create two jobs; the first again with the same key.
        let request = json!({"topic": "Photosynthesis", "age_range": "9-11"});
        let first = server
            .post(
                "/jobs",
                &json!({"request": request, "total_steps": 4, "idempotency_key": "req-1"}),
            )
            .await
            .expect(201)
            .json();
        let id = first["job_id"].as_str().unwrap().to_string();
        assert_eq!(first["status"], "queued");
        assert_eq!(first["attempts"], 0);
        let replay = server
            .post(
                "/jobs",
                &json!({"request": request, "total_steps": 4, "idempotency_key": "req-1"}),
            )
            .await
            .expect(200)
            .json();
        assert_eq!(replay, first, "the same job, unchanged");
        let second = server
            .post(
                "/jobs",
                &json!({"job_id": "job-explicit", "request": {"topic": "Fractions"}}),
            )
            .await
            .expect(201)
            .json();
        assert_eq!(second["job_id"], "job-explicit");
        assert_eq!(
            server.get(&format!("/jobs/{id}")).await.expect(200).json(),
            first
        );

        // A worker claims the oldest, reports progress, calls the LLM.
        let claimed = server
            .post("/jobs/claim", &json!({}))
            .await
            .expect(200)
            .json();
        assert_eq!(claimed["job_id"], id.as_str());
        assert_eq!(claimed["status"], "running");
        assert_eq!(claimed["attempts"], 1);
        assert!(claimed["started_at"].as_str().unwrap().ends_with("+00"));
        let p = server
            .post(
                &format!("/jobs/{id}/progress"),
                &json!({"phase": "drafting", "completed_steps": 2, "message": "writing"}),
            )
            .await
            .expect(200)
            .json();
        assert_eq!(p["progress"], 0.5);
        assert_eq!(p["phase"], "drafting");
        for (i, (status, cost)) in [
            ("ok", "0.012000"),
            ("error", "0.001500"),
            ("ok", "0.020250"),
        ]
        .iter()
        .enumerate()
        {
            let a = server
                .post(
                    "/audit",
                    &json!({
                        "timestamp_request": "2026-01-05T10:00:00Z",
                        "timestamp_response": "2026-01-05T10:00:02.5Z",
                        "job_id": id,
                        "phase": "drafting",
                        "agent": "writer",
                        "provider": "anthropic",
                        "model": "claude-3-5-sonnet",
                        "request_messages": [{"role": "user", "content": format!("part {i}")}],
                        "prompt_tokens": 1000,
                        "completion_tokens": 250 * i,
                        "cost_usd": cost,
                        "status": status,
                    }),
                )
                .await
                .expect(201)
                .json();
            assert_eq!(a["duration_ms"], 2500);
            let got = server
                .get(&format!("/audit/{}", a["id"].as_str().unwrap()))
                .await
                .expect(200)
                .json();
            assert_eq!(got, a);
        }
        let totals = server
            .get(&format!("/audit/jobs/{id}/totals"))
            .await
            .expect(200)
            .json();
        assert_eq!(totals["calls"], 3);
        assert_eq!(totals["failed_calls"], 1);
        assert_eq!(totals["prompt_tokens"], 3000);
        assert_eq!(totals["completion_tokens"], 750);
        assert_eq!(totals["total_tokens"], 3750);
        assert_eq!(totals["cost_usd"], "0.033750");

        // The lesson, then the job finishes with it.
        let lesson = server
            .post(
                "/lessons",
                &json!({
                    "lesson_id": "lesson-photo-1",
                    "topic": "Photosynthesis",
                    "title": "How plants eat light",
                    "tags": ["science", "plants", "grade 4", "with,comma"],
                    "age_range": "9-11",
                    "lesson": {"sections": [{"heading": "Leaves", "body": "…"}]},
                    "job_id": id,
                }),
            )
            .await
            .expect(201)
            .json();
        assert_eq!(lesson["language"], "en");
        assert_eq!(lesson["version"], 1);
        for tag in ["plants", "grade 4", "with,comma"] {
            let by_tag = server
                .get(&format!("/lessons?tag={}", encode(tag)))
                .await
                .expect(200)
                .json();
            assert_eq!(by_tag, json!([lesson.clone()]), "tag {tag}");
        }
        assert_eq!(
            server.get("/lessons?tag=absent").await.expect(200).json(),
            json!([])
        );
        assert_eq!(
            server
                .get("/lessons?topic=Photosynthesis&limit=10")
                .await
                .expect(200)
                .json(),
            json!([lesson.clone()])
        );
        assert_eq!(
            server
                .get("/lessons/lesson-photo-1")
                .await
                .expect(200)
                .json(),
            lesson
        );
        let done = server
            .post(
                &format!("/jobs/{id}/finish"),
                &json!({"result": {"lesson_id": "lesson-photo-1"}, "lesson_id": "lesson-photo-1",
                        "cost_usd": totals["cost_usd"], "message": "published"}),
            )
            .await
            .expect(200)
            .json();
        assert_eq!(done["status"], "succeeded");
        assert_eq!(done["lesson_id"], "lesson-photo-1");
        assert_eq!(done["cost_usd"], "0.033750");
        assert_eq!(done["progress"], 1.0);
        let events: Vec<&str> = done["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["type"].as_str().unwrap())
            .collect();
        assert_eq!(events, ["queued", "claimed", "progress", "succeeded"]);

        // Lists with filters and paging.
        let listed = server
            .get("/jobs?status=succeeded&limit=10&offset=0")
            .await
            .expect(200)
            .json();
        assert_eq!(listed["total"], 1);
        assert_eq!(listed["jobs"], json!([done.clone()]));
        let all = server.get("/jobs?limit=1").await.expect(200).json();
        assert_eq!(all["total"], 2);
        assert_eq!(all["jobs"].as_array().unwrap().len(), 1);
        let queued = server
            .get("/jobs?status=queued&phase=planning")
            .await
            .expect(200)
            .json();
        assert_eq!(queued["jobs"][0]["job_id"], "job-explicit");

        // The second job is cancelled; nothing is left to claim.
        let cancelled = server
            .post("/jobs/job-explicit/cancel", &json!({}))
            .await
            .expect(200)
            .json();
        assert_eq!(cancelled["status"], "cancelled");
        let none = http(server.addr, "POST", "/jobs/claim", None).await;
        assert_eq!(none.status, 204);
        assert!(none.body.is_empty());

        // 404
        assert_error(server.get("/jobs/no-such-job").await, 404, "not_found");
        assert_error(
            server.get("/lessons/no-such-lesson").await,
            404,
            "not_found",
        );
        assert_error(server.get("/audit/no-such-audit").await, 404, "not_found");
        assert_error(server.get("/no/such/route").await, 404, "not_found");
        assert_error(
            server.post("/jobs/no-such-job/cancel", &json!({})).await,
            404,
            "not_found",
        );
        // 409: unique violations and impossible transitions.
        assert_error(
            server
                .post("/jobs", &json!({"job_id": "job-explicit", "request": {}}))
                .await,
            409,
            "already_exists",
        );
        let dup = assert_error(
            server
                .post(
                    "/lessons",
                    &json!({"lesson_id": "lesson-photo-1", "topic": "t", "title": "t", "lesson": {}}),
                )
                .await,
            409,
            "already_exists",
        );
        assert!(
            dup["error"]["message"]
                .as_str()
                .unwrap()
                .contains("dgs_lessons_pkey"),
            "{dup}"
        );
        assert_error(
            server
                .post(&format!("/jobs/{id}/finish"), &json!({"result": {}}))
                .await,
            409,
            "conflict",
        );
        assert_error(
            server.post("/jobs/job-explicit/cancel", &json!({})).await,
            409,
            "conflict",
        );
        assert_error(
            server
                .post(
                    &format!("/jobs/{id}/progress"),
                    &json!({"completed_steps": 3}),
                )
                .await,
            409,
            "conflict",
        );
        // 422: malformed JSON, wrong shapes, bad values, unknown references.
        assert_error(
            http(server.addr, "POST", "/jobs", Some("{not json")).await,
            422,
            "invalid",
        );
        assert_error(
            server.post("/jobs", &json!({"no_request": 1})).await,
            422,
            "invalid",
        );
        assert_error(
            server
                .post("/jobs", &json!({"request": {}, "surprise": true}))
                .await,
            422,
            "invalid",
        );
        assert_error(
            server.post("/jobs", &json!({"request": [1, 2]})).await,
            422,
            "invalid",
        );
        assert_error(
            server
                .post("/jobs", &json!({"request": {}, "total_steps": "four"}))
                .await,
            422,
            "invalid",
        );
        let bad_status = assert_error(server.get("/jobs?status=bogus").await, 422, "invalid");
        assert!(bad_status["error"]["message"]
            .as_str()
            .unwrap()
            .contains("queued, running"));
        assert_error(server.get("/jobs?limit=0").await, 422, "invalid");
        assert_error(server.get("/jobs?limit=ten").await, 422, "invalid");
        assert_error(server.get("/jobs?colour=red").await, 422, "invalid");
        assert_error(server.get("/lessons?topic=a&tag=b").await, 422, "invalid");
        assert_error(
            server
                .post(
                    "/lessons",
                    &json!({"topic": "t", "title": "t", "lesson": {}, "job_id": "no-such-job"}),
                )
                .await,
            422,
            "unknown_reference",
        );
        assert_error(
            server
                .post(
                    "/audit",
                    &json!({"timestamp_request": "2026-01-05T10:00:00Z", "provider": "p", "model": "m",
                            "request_messages": [], "status": "maybe"}),
                )
                .await,
            422,
            "invalid",
        );
        assert_error(
            server
                .post(
                    "/audit",
                    &json!({"timestamp_request": "yesterday", "provider": "p", "model": "m",
                            "request_messages": []}),
                )
                .await,
            422,
            "invalid",
        );
        // 415: a body without the JSON content type.
        let raw = {
            use std::io::{Read, Write};
            let addr = server.addr;
            tokio::task::spawn_blocking(move || {
                let mut s = std::net::TcpStream::connect(addr).unwrap();
                s.write_all(
                    b"POST /jobs HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}",
                )
                .unwrap();
                let mut out = String::new();
                s.read_to_string(&mut out).unwrap();
                out
            })
            .await
            .unwrap()
        };
        assert!(raw.starts_with("HTTP/1.1 415"), "{raw}");
        server.stop().await;

        // What the API wrote is in the database, timestamps in the legacy
        // format.
        let client = db.connect().await.unwrap();
        let row = client
            .query_one(
                "SELECT status, created_at, finished_at, lesson_id FROM dgs_jobs WHERE job_id = $1",
                &[&id],
            )
            .await
            .unwrap();
        assert_eq!(row.get::<_, String>(0), "succeeded");
        for i in [1, 2] {
            let t: String = row.get(i);
            assert_eq!(
                dgs::timestamps::format(dgs::timestamps::parse(&t).unwrap()),
                t
            );
        }
        assert_eq!(row.get::<_, String>(3), "lesson-photo-1");
    });
}

#[test]
fn a_pool_without_a_free_connection_answers_503() {
    run(async {
        let db = TestDb::new().await.unwrap();
        dgs::app::migrate(db.url(), &example_migrations())
            .await
            .unwrap();
        let pool = strata::Pool::builder(db.url())
            .unwrap()
            .max_size(1)
            .wait_timeout(Duration::from_millis(200))
            .build()
            .unwrap();
        let server = Server::start(pool.clone()).await;
        assert_eq!(server.get("/health").await.status, 200);
        let held = pool.session().await.unwrap();
        let body = assert_error(server.get("/jobs").await, 503, "unavailable");
        assert!(body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not available"));
        drop(held);
        assert_eq!(server.get("/jobs").await.expect(200).json()["total"], 0);
        server.stop().await;
    });
}

/// Issue 15 (DGS): hostile input and database errors give 4xx bodies that
/// name the field or the conflict and echo no stored value; every response
/// has a request id; a 5xx body carries it.
#[test]
fn errors_name_the_field_or_conflict_and_never_echo_stored_values() {
    run(async {
        let db = TestDb::new().await.unwrap();
        let project = Project::new(
            "http-errors",
            &example_migrations(),
            false,
            &dgs::models::registry().to_json().unwrap(),
        );
        assert_eq!(project.schema_diff(db.url(), &["upgrade", "head"]).await, 0);
        let pool = strata::Pool::builder(db.url())
            .unwrap()
            .max_size(4)
            .build()
            .unwrap();
        let server = Server::start(pool).await;

        // A duplicate key: 409 naming the constraint, not the key's value.
        let secret_id = "job-secret-value-4711";
        server
            .post("/jobs", &json!({"job_id": secret_id, "request": {}}))
            .await
            .expect(201);
        let r = server
            .post("/jobs", &json!({"job_id": secret_id, "request": {}}))
            .await;
        assert!(r.header("x-request-id").is_some(), "{:?}", r.headers);
        let body = assert_error(r, 409, "already_exists");
        let text = body.to_string();
        assert!(!text.contains(secret_id), "{text}");
        assert!(!text.contains("Key ("), "{text}");
        assert!(text.contains("dgs_jobs_pkey"), "{text}");

        // NUL characters anywhere in a body: 422 naming the field.
        for (path, body, field) in [
            (
                "/jobs",
                json!({"job_id": "a\u{0}b", "request": {}}),
                "job_id",
            ),
            (
                "/jobs",
                json!({"request": {"topic": "x\u{0}"}}),
                "request.topic",
            ),
            (
                "/lessons",
                json!({"lesson_id": "l-1", "topic": "t", "title": "t\u{0}", "lesson": {}}),
                "title",
            ),
            (
                "/lessons",
                json!({"lesson_id": "l-2", "topic": "t", "title": "t", "tags": ["ok", "b\u{0}"], "lesson": {}}),
                "tags[1]",
            ),
        ] {
            let r = server.post(path, &body).await;
            let b = assert_error(r, 422, "invalid");
            let message = b["error"]["message"].as_str().unwrap();
            assert!(message.starts_with(field), "{field}: {message}");
            assert!(message.contains("NUL"), "{message}");
        }

        // A token count whose total does not fit: 422 naming total_tokens,
        // never a silent NULL.
        server
            .post("/jobs", &json!({"job_id": "job-tokens", "request": {}}))
            .await
            .expect(201);
        let r = server
            .post(
                "/audit",
                &json!({
                    "timestamp_request": "2026-01-05T10:00:00Z",
                    "job_id": "job-tokens",
                    "phase": "drafting", "agent": "writer", "provider": "p", "model": "m",
                    "request_messages": [],
                    "prompt_tokens": 2147483000,
                    "completion_tokens": 1000,
                }),
            )
            .await;
        let b = assert_error(r, 422, "invalid");
        assert!(
            b["error"]["message"]
                .as_str()
                .unwrap()
                .contains("total_tokens"),
            "{b}"
        );
        // Nothing was stored.
        let totals = server
            .get("/audit/jobs/job-tokens/totals")
            .await
            .expect(200)
            .json();
        assert_eq!(totals["calls"], 0, "{totals}");

        // A 5xx carries the request id, in the body and the header alike.
        // (The lessons table goes away under the server: an internal error.)
        let client = db.connect().await.unwrap();
        client
            .batch_execute("ALTER TABLE dgs_lessons RENAME TO dgs_lessons_gone")
            .await
            .unwrap();
        let r = server.get("/lessons/l-1").await;
        let id = r.header("x-request-id").map(str::to_string);
        let b = assert_error(r, 500, "internal");
        assert!(id.is_some());
        assert_eq!(b["error"]["request_id"].as_str(), id.as_deref(), "{b}");
        server.stop().await;
    });
}

#[test]
fn a_nul_character_in_a_query_string_is_a_422_naming_the_parameter() {
    run(async {
        let db = TestDb::new().await.unwrap();
        dgs::app::migrate(db.url(), &example_migrations())
            .await
            .unwrap();
        let pool = strata::Pool::builder(db.url())
            .unwrap()
            .max_size(2)
            .wait_timeout(Duration::from_secs(5))
            .build()
            .unwrap();
        let server = Server::start(pool).await;
        for (path, field) in [
            ("/jobs?phase=s3cr3t%00x", "phase"),
            ("/jobs?status=queued&phase=s3cr3t%00x", "phase"),
            ("/lessons?topic=s3cr3t%00x", "topic"),
            ("/lessons?tag=s3cr3t%00x", "tag"),
        ] {
            let r = server.get(path).await;
            assert!(!r.body.contains("s3cr3t"), "{path}: {}", r.body);
            let body = assert_error(r, 422, "invalid");
            let message = body["error"]["message"].as_str().unwrap();
            assert!(message.contains(field), "{path}: {body}");
        }
        server.get("/jobs?phase=fine").await.expect(200);
        server.stop().await;
    });
}

#[test]
fn database_error_kinds_map_to_the_documented_statuses() {
    use dgs::http::ApiError;
    use strata::{Error, ErrorKind};
    let cases = [
        (ErrorKind::Timeout, 503),
        (ErrorKind::ConnectionLost, 503),
        (ErrorKind::PoolTimeout, 503),
        (ErrorKind::TransactionAborted, 503),
        (ErrorKind::InvalidValue, 422),
        (ErrorKind::CheckViolation, 422),
        (ErrorKind::UniqueViolation, 409),
        (ErrorKind::Database, 500),
    ];
    for (kind, status) in cases {
        let e = Error::new(kind, "Key (job_id)=(secret-value) already exists");
        let api = ApiError::from(e);
        assert_eq!(api.status().as_u16(), status, "{kind:?}");
        let text = format!("{api:?}");
        assert!(!text.contains("secret-value"), "{kind:?}: {text}");
    }
    // A changed schema is retryable: never a 500.
    let api = ApiError::from(Error::new(ErrorKind::SchemaChanged, "cached plan"));
    assert!(
        matches!(api.status().as_u16(), 409 | 503),
        "{:?}",
        api.status()
    );
    let e = Error::new(ErrorKind::InvalidValue, "value \"secret\" out of range")
        .with_column(Some("dgs_llm_audit"), "prompt_tokens");
    let api = ApiError::from(e);
    assert_eq!(api.status().as_u16(), 422);
    let text = format!("{api:?}");
    assert!(text.contains("prompt_tokens"), "{text}");
    assert!(!text.contains("secret"), "{text}");
}
