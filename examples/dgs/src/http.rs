//! The DGS HTTP API (axum): jobs, lessons and LLM call audits.
//!
//! Handlers receive a pooled strata session through the [`Db`] extractor:
//! the equivalent of FastAPI's `db: Session = Depends(get_db)`. The session
//! goes back to the pool when the handler returns; handlers that change a
//! job open a transaction on it, so the job's row stays locked
//! (`FOR UPDATE`) from the read to the commit. Bodies and query strings are
//! read by [`Body`] and [`Params`], which turn every malformed input into a
//! 422 (a NUL character anywhere in a body is one, naming the field); every
//! error is an [`ApiError`] with a JSON body
//! `{"error": {"status": 404, "code": "not_found", "message": "..."}}`.
//!
//! The error contract: 409 and 422 name the conflict or the field (the
//! constraint, the column) and never echo a stored value (PostgreSQL's
//! `Key (job_id)=(...)` detail stays out); the database being unreachable,
//! starting, stopping or too slow (`strata::Error::is_unavailable`, an
//! aborted transaction) is a 503; anything else is a 500 whose body carries
//! the request's id, which the server log line carries too. Every response
//! has an `x-request-id` header.
//!
//! | route | what |
//! |---|---|
//! | `POST /jobs` | create (201; 200 with the existing job when the idempotency key is taken) |
//! | `GET /jobs?status=&phase=&limit=&offset=` | list, newest first, with the total |
//! | `GET /jobs/{id}` | one job |
//! | `POST /jobs/claim` | claim the oldest queued job (200), or 204 when none |
//! | `POST /jobs/{id}/progress` / `finish` / `fail` / `cancel` | state changes |
//! | `POST /lessons` | create (201) |
//! | `GET /lessons?topic=` or `?tag=` (`&limit=&offset=`) | by topic, by tag, or all |
//! | `GET /lessons/{id}` | one lesson |
//! | `POST /audit` | record an LLM call (201) |
//! | `GET /audit/{id}` | one call |
//! | `GET /audit/jobs/{job_id}/totals` | a job's cost and token totals |
//! | `GET /health` | the database answers |
//!
//! [`serve`] runs the router on a `TcpListener` with `axum::serve`. Start
//! reading at [`router`].

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRef, FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;
use strata::{ErrorKind, Executor};

use crate::models::{Job, Lesson, LlmAudit};
use crate::repo::{
    AuditTotals, FailJob, FinishJob, JobFilter, JobStatus, JobsRepository, LessonsRepository,
    LlmAuditRepository, NewAudit, NewJob, NewLesson, Page, ProgressUpdate, RepoError, StrataAudit,
    StrataJobs, StrataLessons,
};

/// What every handler can reach: the pool sessions come from.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The connection pool.
    pub pool: strata::Pool,
}

impl FromRef<AppState> for strata::Pool {
    fn from_ref(state: &AppState) -> strata::Pool {
        state.pool.clone()
    }
}

/// A pooled strata session for one request (returned to the pool when the
/// handler ends). Works with any state a [`strata::Pool`] can be taken from.
/// A pool that has no free connection within its wait timeout gives a 503.
#[derive(Debug)]
pub struct Db(pub strata::Session);

impl<S> FromRequestParts<S> for Db
where
    strata::Pool: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(_parts: &mut Parts, state: &S) -> Result<Db, ApiError> {
        let pool = strata::Pool::from_ref(state);
        Ok(Db(pool.session().await?))
    }
}

/// An error answer: a status and a JSON body
/// `{"error": {"status", "code", "message"}}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
}

impl ApiError {
    /// An error with this status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// 422: the input is not acceptable.
    pub fn invalid(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid", message)
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut error = json!({
            "status": self.status.as_u16(),
            "code": self.code,
            "message": self.message,
        });
        if self.status.is_server_error() {
            if let Some(id) = current_request_id() {
                error["request_id"] = json!(id);
            }
        }
        (self.status, Json(json!({ "error": error }))).into_response()
    }
}

tokio::task_local! {
    /// The id of the request being handled (set by `request_ids`).
    static REQUEST_ID: String;
}

/// The id of the request being handled, when called inside one.
pub fn current_request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

/// Gives every request an id (the client's `x-request-id` when it sends a
/// short one of letters, digits and `-_.:`, else `<process>-<counter>`),
/// reachable as [`current_request_id`] while it is handled and returned in
/// the `x-request-id` header.
async fn request_ids(req: Request, next: Next) -> Response {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let given = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c))
        })
        .map(str::to_string);
    let id = given.unwrap_or_else(|| {
        format!(
            "{:x}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        )
    });
    let header = HeaderValue::from_str(&id).ok();
    let mut response = REQUEST_ID.scope(id, next.run(req)).await;
    if let Some(header) = header {
        response.headers_mut().insert("x-request-id", header);
    }
    response
}

/// Logs an error the client gets no detail of, with the request id.
fn log_internal(what: &str, e: &dyn std::fmt::Display) {
    eprintln!(
        "dgs http: request {}: {what}: {e}",
        current_request_id().unwrap_or_else(|| "-".to_string())
    );
}

impl From<strata::Error> for ApiError {
    fn from(e: strata::Error) -> ApiError {
        if e.is_unavailable() || e.kind() == ErrorKind::TransactionAborted {
            log_internal("database unavailable", &e);
            return ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "the database is not available right now; try again",
            );
        }
        // Names only (a constraint's, a column's), never a value.
        let constraint = e.constraint().map(str::to_string);
        let column = e.column().map(str::to_string);
        match e.kind() {
            ErrorKind::NotFound => ApiError::new(StatusCode::NOT_FOUND, "not_found", e.to_string()),
            ErrorKind::UniqueViolation => ApiError::new(
                StatusCode::CONFLICT,
                "already_exists",
                match constraint {
                    Some(c) => {
                        format!("a record with the same key already exists (constraint {c})")
                    }
                    None => "a record with the same key already exists".to_string(),
                },
            ),
            ErrorKind::ForeignKeyViolation => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "unknown_reference",
                match constraint {
                    Some(c) => format!("a referenced record does not exist (constraint {c})"),
                    None => "a referenced record does not exist".to_string(),
                },
            ),
            ErrorKind::CheckViolation => ApiError::invalid(match constraint {
                Some(c) => format!("a value is out of the allowed range (check {c})"),
                None => "a value is out of the allowed range".to_string(),
            }),
            ErrorKind::NotNullViolation => ApiError::invalid(match column {
                Some(c) => format!("{c} is required"),
                None => "a required field is missing".to_string(),
            }),
            ErrorKind::InvalidValue => ApiError::invalid(match column {
                Some(c) => format!(
                    "{c}: the value cannot be stored (a NUL character, a number out of range, \
                     or malformed)"
                ),
                None => "a value cannot be stored (a NUL character, a number out of range, \
                         or malformed)"
                    .to_string(),
            }),
            ErrorKind::SerializationFailure | ErrorKind::Deadlock | ErrorKind::SchemaChanged => {
                ApiError::new(
                    StatusCode::CONFLICT,
                    "retry",
                    "the request collided with another one; try again",
                )
            }
            _ => {
                // The detail goes to the log, not to the client.
                log_internal("internal error", &e);
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "internal error (see the server log for this request id)",
                )
            }
        }
    }
}

impl From<RepoError> for ApiError {
    fn from(e: RepoError) -> ApiError {
        match e {
            RepoError::NotFound { .. } => {
                ApiError::new(StatusCode::NOT_FOUND, "not_found", e.to_string())
            }
            RepoError::Conflict(m) => ApiError::new(StatusCode::CONFLICT, "conflict", m),
            RepoError::Invalid(m) => ApiError::invalid(m),
            RepoError::Db(db) => ApiError::from(db),
        }
    }
}

/// A JSON request body; anything that is not valid JSON of the expected
/// shape is a 422 naming the problem (a missing `Content-Type:
/// application/json` is a 415).
#[derive(Debug)]
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Body<T>, ApiError> {
        match Json::<serde_json::Value>::from_request(req, state).await {
            Ok(Json(value)) => {
                // PostgreSQL stores no NUL character in text or jsonb.
                if let Some(field) = nul_field(&value, "") {
                    return Err(ApiError::invalid(format!(
                        "{field}: contains a NUL character (U+0000), which cannot be stored"
                    )));
                }
                match serde_json::from_value::<T>(value) {
                    Ok(v) => Ok(Body(v)),
                    Err(e) => Err(ApiError::invalid(format!(
                        "Failed to deserialize the JSON body into the target type: {e}"
                    ))),
                }
            }
            Err(JsonRejection::MissingJsonContentType(r)) => Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                r.body_text(),
            )),
            Err(JsonRejection::JsonDataError(r)) => Err(ApiError::invalid(r.body_text())),
            Err(JsonRejection::JsonSyntaxError(r)) => Err(ApiError::invalid(r.body_text())),
            Err(other) => Err(ApiError::new(
                other.status(),
                "bad_request",
                other.body_text(),
            )),
        }
    }
}

/// The path (`a.b[2]`) of the first string or key holding a NUL character.
fn nul_field(value: &serde_json::Value, path: &str) -> Option<String> {
    use serde_json::Value;
    let named = |path: &str| {
        if path.is_empty() {
            "the body".to_string()
        } else {
            path.to_string()
        }
    };
    match value {
        Value::String(s) if s.contains('\0') => Some(named(path)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| nul_field(v, &format!("{path}[{i}]"))),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            if k.contains('\0') {
                return Some(named(path));
            }
            let here = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            nul_field(v, &here)
        }),
        _ => None,
    }
}

/// A query string; a malformed one is a 422.
#[derive(Debug)]
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Params<T>, ApiError> {
        // A NUL character (`%00`) can be neither stored nor compared with
        // text: a 422 naming the parameter, before the database.
        if let Some(query) = parts.uri.query() {
            for pair in query.split('&') {
                if pair.to_ascii_lowercase().contains("%00") {
                    let key = pair.split('=').next().unwrap_or("");
                    let field = if key.to_ascii_lowercase().contains("%00") {
                        "(a parameter name)"
                    } else {
                        key
                    };
                    return Err(ApiError::invalid(format!(
                        "parameter {field} contains a NUL character"
                    )));
                }
            }
        }
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(v)) => Ok(Params(v)),
            Err(QueryRejection::FailedToDeserializeQueryString(r)) => {
                Err(ApiError::invalid(r.body_text()))
            }
            Err(other) => Err(ApiError::invalid(other.body_text())),
        }
    }
}

/// The routes of the API over `state`.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/jobs", post(create_job).get(list_jobs))
        .route("/jobs/claim", post(claim_job))
        .route("/jobs/{job_id}", get(get_job))
        .route("/jobs/{job_id}/progress", post(report_progress))
        .route("/jobs/{job_id}/finish", post(finish_job))
        .route("/jobs/{job_id}/fail", post(fail_job))
        .route("/jobs/{job_id}/cancel", post(cancel_job))
        .route("/lessons", post(create_lesson).get(list_lessons))
        .route("/lessons/{lesson_id}", get(get_lesson))
        .route("/audit", post(record_audit))
        .route("/audit/{id}", get(get_audit))
        .route("/audit/jobs/{job_id}/totals", get(audit_totals))
        .fallback(no_such_route)
        .layer(middleware::from_fn(request_ids))
        .with_state(state)
}

/// Serves `router` on `listener` (HTTP/1.1 with keep-alive, `axum::serve`)
/// until `shutdown` completes; connections already open are then finished
/// gracefully.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown)
        .await
}

async fn no_such_route(uri: axum::http::Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        format!("no route {}", uri.path()),
    )
}

async fn health(Db(db): Db) -> Result<Json<serde_json::Value>, ApiError> {
    db.ping().await?;
    Ok(Json(json!({"status": "ok"})))
}

async fn create_job(Db(db): Db, Body(new): Body<NewJob>) -> Result<Response, ApiError> {
    let created = StrataJobs::new(&db).create(new).await?;
    let status = if created.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(created.job)).into_response())
}

/// The query string of `GET /jobs`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ListJobs {
    status: Option<String>,
    phase: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

fn page(limit: Option<i64>, offset: Option<i64>) -> Result<Page, RepoError> {
    let d = Page::default();
    Page::new(limit.unwrap_or(d.limit), offset.unwrap_or(d.offset))
}

async fn list_jobs(
    Db(db): Db,
    Params(q): Params<ListJobs>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let status = q
        .status
        .as_deref()
        .map(str::parse::<JobStatus>)
        .transpose()?;
    let filter = JobFilter {
        status,
        phase: q.phase,
    };
    let page = page(q.limit, q.offset)?;
    let repo = StrataJobs::new(&db);
    let jobs = repo.list(&filter, page).await?;
    let total = repo.count(&filter).await?;
    Ok(Json(json!({
        "jobs": jobs,
        "total": total,
        "limit": page.limit,
        "offset": page.offset,
    })))
}

async fn get_job(Db(db): Db, Path(job_id): Path<String>) -> Result<Json<Job>, ApiError> {
    Ok(Json(StrataJobs::new(&db).get(&job_id).await?))
}

async fn claim_job(Db(mut db): Db) -> Result<Response, ApiError> {
    let tx = db.transaction().await?;
    let claimed = StrataJobs::new(&tx).claim_next().await?;
    tx.commit().await?;
    Ok(match claimed {
        Some(job) => Json(job).into_response(),
        None => StatusCode::NO_CONTENT.into_response(),
    })
}

async fn report_progress(
    Db(mut db): Db,
    Path(job_id): Path<String>,
    Body(update): Body<ProgressUpdate>,
) -> Result<Json<Job>, ApiError> {
    let tx = db.transaction().await?;
    let job = StrataJobs::new(&tx)
        .update_progress(&job_id, update)
        .await?;
    tx.commit().await?;
    Ok(Json(job))
}

async fn finish_job(
    Db(mut db): Db,
    Path(job_id): Path<String>,
    Body(outcome): Body<FinishJob>,
) -> Result<Json<Job>, ApiError> {
    let tx = db.transaction().await?;
    let job = StrataJobs::new(&tx).finish(&job_id, outcome).await?;
    tx.commit().await?;
    Ok(Json(job))
}

async fn fail_job(
    Db(mut db): Db,
    Path(job_id): Path<String>,
    Body(failure): Body<FailJob>,
) -> Result<Json<Job>, ApiError> {
    let tx = db.transaction().await?;
    let job = StrataJobs::new(&tx).fail(&job_id, failure).await?;
    tx.commit().await?;
    Ok(Json(job))
}

async fn cancel_job(Db(mut db): Db, Path(job_id): Path<String>) -> Result<Json<Job>, ApiError> {
    let tx = db.transaction().await?;
    let job = StrataJobs::new(&tx).cancel(&job_id).await?;
    tx.commit().await?;
    Ok(Json(job))
}

async fn create_lesson(
    Db(db): Db,
    Body(new): Body<NewLesson>,
) -> Result<(StatusCode, Json<Lesson>), ApiError> {
    let lesson = StrataLessons::new(&db).create(new).await?;
    Ok((StatusCode::CREATED, Json(lesson)))
}

/// The query string of `GET /lessons`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ListLessons {
    topic: Option<String>,
    tag: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

async fn list_lessons(
    Db(db): Db,
    Params(q): Params<ListLessons>,
) -> Result<Json<Vec<Lesson>>, ApiError> {
    let page = page(q.limit, q.offset)?;
    let repo = StrataLessons::new(&db);
    let lessons = match (q.topic, q.tag) {
        (Some(_), Some(_)) => return Err(ApiError::invalid("give either topic or tag, not both")),
        (Some(topic), None) => repo.by_topic(&topic, page).await?,
        (None, Some(tag)) => repo.by_tag(&tag, page).await?,
        (None, None) => repo.list(page).await?,
    };
    Ok(Json(lessons))
}

async fn get_lesson(Db(db): Db, Path(lesson_id): Path<String>) -> Result<Json<Lesson>, ApiError> {
    Ok(Json(StrataLessons::new(&db).get(&lesson_id).await?))
}

async fn record_audit(
    Db(db): Db,
    Body(new): Body<NewAudit>,
) -> Result<(StatusCode, Json<LlmAudit>), ApiError> {
    let row = StrataAudit::new(&db).record(new).await?;
    Ok((StatusCode::CREATED, Json(row)))
}

async fn get_audit(Db(db): Db, Path(id): Path<String>) -> Result<Json<LlmAudit>, ApiError> {
    Ok(Json(StrataAudit::new(&db).get(&id).await?))
}

async fn audit_totals(
    Db(db): Db,
    Path(job_id): Path<String>,
) -> Result<Json<AuditTotals>, ApiError> {
    Ok(Json(StrataAudit::new(&db).totals(&job_id).await?))
}
