//! The DGS HTTP API (axum): jobs, lessons and LLM call audits.
//!
//! Handlers receive a pooled strata session through the [`Db`] extractor:
//! the equivalent of FastAPI's `db: Session = Depends(get_db)`. The session
//! goes back to the pool when the handler returns; handlers that change a
//! job open a transaction on it, so the job's row stays locked
//! (`FOR UPDATE`) from the read to the commit. Bodies and query strings are
//! read by [`Body`] and [`Params`], which turn every malformed input into a
//! 422; every error is an [`ApiError`] with a JSON body
//! `{"error": {"status": 404, "code": "not_found", "message": "..."}}`.
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

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRef, FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
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
        let body = json!({"error": {
            "status": self.status.as_u16(),
            "code": self.code,
            "message": self.message,
        }});
        (self.status, Json(body)).into_response()
    }
}

impl From<strata::Error> for ApiError {
    fn from(e: strata::Error) -> ApiError {
        match e.kind() {
            ErrorKind::NotFound => ApiError::new(StatusCode::NOT_FOUND, "not_found", e.to_string()),
            ErrorKind::UniqueViolation => {
                ApiError::new(StatusCode::CONFLICT, "already_exists", e.to_string())
            }
            ErrorKind::ForeignKeyViolation => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "unknown_reference",
                e.to_string(),
            ),
            ErrorKind::CheckViolation | ErrorKind::NotNullViolation => {
                ApiError::invalid(e.to_string())
            }
            ErrorKind::SerializationFailure | ErrorKind::Deadlock => {
                ApiError::new(StatusCode::CONFLICT, "retry", format!("{e}; try again"))
            }
            ErrorKind::PoolTimeout | ErrorKind::ConnectionLost => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                format!("the database is not available right now: {e}"),
            ),
            _ => {
                // The detail goes to the log, not to the client.
                eprintln!("dgs http: internal error: {e}");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "internal error (see the server log)",
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
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(Body(v)),
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

/// A query string; a malformed one is a 422.
#[derive(Debug)]
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Params<T>, ApiError> {
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
    db.execute("SELECT 1", &[]).await?;
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
