//! Jobs: the [`JobsRepository`] trait and its strata implementation
//! [`StrataJobs`].
//!
//! A job goes `queued` → `running` (claimed by a worker) → `succeeded` or
//! `failed`; `queued` and `running` jobs can be `cancelled`. Creation with an
//! `idempotency_key` is idempotent: the same key returns the job created
//! with it (`INSERT ... ON CONFLICT (idempotency_key) WHERE idempotency_key IS
//! NOT NULL DO NOTHING`, against the legacy partial unique index).
//!
//! Every state change is a read-modify-write that cannot lose a concurrent
//! one: the row is read `FOR UPDATE` (inside a transaction the lock holds
//! until commit), and the `UPDATE` only matches when the status and the event
//! log are still what was read; otherwise the change is retried on the fresh
//! row. So the repository is correct on a plain session (autocommit) as well
//! as inside a transaction. [`JobsRepository::claim_next`] takes the oldest
//! queued job with `FOR UPDATE SKIP LOCKED`: workers claiming inside
//! transactions never wait for each other and never get the same job.

use std::fmt;
use std::future::Future;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use strata::{Executor, Filter, Table, UpdateColumns};

use super::{check_text, new_id, Page, RepoError};
use crate::models::Job;
use crate::timestamps;

/// How often a state change is retried when another writer changed the row
/// between the read and the write.
const MAX_ATTEMPTS: usize = 8;

/// How many lost races `claim_next` tolerates before it gives up: each
/// lost race means another worker claimed a job, so this bounds only
/// starvation under heavy contention.
const CLAIM_ATTEMPTS: usize = 64;

/// The status of a job (the `status` text column).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JobStatus {
    /// Waiting for a worker.
    Queued,
    /// Claimed by a worker.
    Running,
    /// Done, with a result.
    Succeeded,
    /// Done, with an error.
    Failed,
    /// Stopped on request.
    Cancelled,
}

impl JobStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [JobStatus; 5] = [
        JobStatus::Queued,
        JobStatus::Running,
        JobStatus::Succeeded,
        JobStatus::Failed,
        JobStatus::Cancelled,
    ];

    /// The text stored in `dgs_jobs.status`.
    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::Queued => "queued",
            JobStatus::Running => "running",
            JobStatus::Succeeded => "succeeded",
            JobStatus::Failed => "failed",
            JobStatus::Cancelled => "cancelled",
        }
    }

    /// True for the statuses a job never leaves.
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            JobStatus::Succeeded | JobStatus::Failed | JobStatus::Cancelled
        )
    }
}

impl fmt::Display for JobStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for JobStatus {
    type Err = RepoError;
    fn from_str(s: &str) -> Result<JobStatus, RepoError> {
        JobStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| {
                RepoError::Invalid(format!(
                    "unknown job status {s:?}: expected one of queued, running, succeeded, failed, cancelled"
                ))
            })
    }
}

/// A job to create.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewJob {
    /// The id; generated (`job-<uuid>`) when absent.
    #[serde(default)]
    pub job_id: Option<String>,
    /// The generation request (a JSON object).
    pub request: Value,
    /// The first phase (default `planning`).
    #[serde(default)]
    pub phase: Option<String>,
    /// The number of steps planned, if known.
    #[serde(default)]
    pub total_steps: Option<i32>,
    /// Makes creation idempotent: a second create with the same key returns
    /// the first job.
    #[serde(default)]
    pub idempotency_key: Option<String>,
}

/// The outcome of [`JobsRepository::create`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CreatedJob {
    /// The stored job.
    pub job: Job,
    /// False when the idempotency key returned an existing job.
    pub created: bool,
}

/// Which jobs a list returns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JobFilter {
    /// Only jobs with this status.
    pub status: Option<JobStatus>,
    /// Only jobs in this phase.
    pub phase: Option<String>,
}

impl JobFilter {
    fn to_filter(&self) -> Filter<Job> {
        let c = Job::columns();
        let mut parts = Vec::new();
        if let Some(s) = self.status {
            parts.push(c.status.eq(s.as_str()));
        }
        if let Some(p) = &self.phase {
            parts.push(c.phase.eq(p.as_str()));
        }
        Filter::all(parts)
    }
}

/// A progress report of a running job; absent fields are left as they are.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressUpdate {
    /// The new phase.
    #[serde(default)]
    pub phase: Option<String>,
    /// The new subphase.
    #[serde(default)]
    pub subphase: Option<String>,
    /// Steps done (0 to `total_steps`).
    #[serde(default)]
    pub completed_steps: Option<i32>,
    /// Steps planned (1 or more).
    #[serde(default)]
    pub total_steps: Option<i32>,
    /// 0.0 to 1.0; computed from the steps when absent and both are known.
    #[serde(default)]
    pub progress: Option<f64>,
    /// A status line.
    #[serde(default)]
    pub message: Option<String>,
}

/// How a running job succeeded.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinishJob {
    /// The result document.
    pub result: Value,
    /// The lesson the job produced.
    #[serde(default)]
    pub lesson_id: Option<String>,
    /// The job's total LLM cost.
    #[serde(default)]
    pub cost_usd: Option<Decimal>,
    /// A final status line.
    #[serde(default)]
    pub message: Option<String>,
}

/// Why a job failed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FailJob {
    /// The error document.
    pub error: Value,
    /// A final status line.
    #[serde(default)]
    pub message: Option<String>,
}

/// The jobs of the DGS service: creation, reads, the queue and the state
/// transitions. Every method's future is `Send` (usable in axum handlers and
/// spawned tasks).
pub trait JobsRepository: Send + Sync {
    /// Creates a queued job; with an idempotency key that is already taken,
    /// returns the job created with it (`created: false`).
    fn create(&self, new: NewJob) -> impl Future<Output = Result<CreatedJob, RepoError>> + Send;

    /// The job with this id.
    fn get(&self, job_id: &str) -> impl Future<Output = Result<Job, RepoError>> + Send;

    /// The jobs matching `filter`, newest first (then by id), one page.
    fn list(
        &self,
        filter: &JobFilter,
        page: Page,
    ) -> impl Future<Output = Result<Vec<Job>, RepoError>> + Send;

    /// How many jobs match `filter`.
    fn count(&self, filter: &JobFilter) -> impl Future<Output = Result<i64, RepoError>> + Send;

    /// Records progress of a running job (and appends a `progress` event).
    fn update_progress(
        &self,
        job_id: &str,
        update: ProgressUpdate,
    ) -> impl Future<Output = Result<Job, RepoError>> + Send;

    /// Claims the oldest queued job not asked to cancel: marks it running,
    /// sets `started_at`, bumps `attempts`. `None` when nothing is queued.
    /// Run it inside a transaction so the row stays locked until commit
    /// (`FOR UPDATE SKIP LOCKED`: other workers skip it instead of waiting).
    fn claim_next(&self) -> impl Future<Output = Result<Option<Job>, RepoError>> + Send;

    /// Marks a running job succeeded.
    fn finish(
        &self,
        job_id: &str,
        outcome: FinishJob,
    ) -> impl Future<Output = Result<Job, RepoError>> + Send;

    /// Marks a queued or running job failed.
    fn fail(
        &self,
        job_id: &str,
        failure: FailJob,
    ) -> impl Future<Output = Result<Job, RepoError>> + Send;

    /// Cancels a queued or running job (`cancel_requested` set, status
    /// `cancelled`).
    fn cancel(&self, job_id: &str) -> impl Future<Output = Result<Job, RepoError>> + Send;
}

/// [`JobsRepository`] on strata, over a session or a transaction.
#[derive(Debug)]
pub struct StrataJobs<'e, E> {
    db: &'e E,
}

impl<'e, E: Executor> StrataJobs<'e, E> {
    /// The repository on `db` (a `Session` or a `Transaction`).
    pub fn new(db: &'e E) -> StrataJobs<'e, E> {
        StrataJobs { db }
    }

    /// Reads the job `FOR UPDATE` and checks that its status is one of
    /// `allowed` (for `verb`, in the conflict message).
    async fn lock(
        &self,
        job_id: &str,
        allowed: &[JobStatus],
        verb: &str,
    ) -> Result<Job, RepoError> {
        let job = self
            .db
            .select::<Job>()
            .filter(|c| c.job_id.eq(job_id))
            .for_update()
            .first()
            .await?
            .ok_or_else(|| RepoError::not_found("job", job_id))?;
        let allowed_now = job
            .status
            .parse::<JobStatus>()
            .is_ok_and(|s| allowed.contains(&s));
        if !allowed_now {
            return Err(RepoError::Conflict(format!(
                "cannot {verb} job {job_id}: it is {} (only {} jobs can be)",
                job.status,
                allowed
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(" or ")
            )));
        }
        Ok(job)
    }

    /// Finishes a state change of `job` (as read by [`Self::lock`]): sets
    /// `updated_at`, appends `event` to the log, and writes only if the
    /// status and the log are still as read. `None` when another writer got
    /// there first (the caller retries on the fresh row).
    async fn write(
        &self,
        job: &Job,
        now: &str,
        event: Value,
        update: UpdateColumns<'e, Job>,
    ) -> Result<Option<Job>, RepoError> {
        let mut rows = update
            .set(|c| c.updated_at, now.to_string())
            .set(|c| c.events, appended(&job.events, event))
            .filter(|c| {
                c.job_id
                    .eq(job.job_id.as_str())
                    .and(c.status.eq(job.status.as_str()))
                    .and(c.events.eq(job.events.clone()))
            })
            .returning()
            .await?;
        Ok(rows.pop())
    }
}

/// The event log with `event` appended (a log that is not an array, which
/// the old code never wrote, is kept as the first element).
fn appended(events: &Value, event: Value) -> Value {
    match events {
        Value::Array(items) => {
            let mut items = items.clone();
            items.push(event);
            Value::Array(items)
        }
        Value::Null => Value::Array(vec![event]),
        other => Value::Array(vec![other.clone(), event]),
    }
}

fn event(now: &str, kind: &str, msg: Option<&str>) -> Value {
    let mut e = json!({"at": now, "type": kind});
    if let Some(m) = msg {
        e["msg"] = Value::String(m.to_string());
    }
    e
}

fn changed_concurrently(job_id: &str) -> RepoError {
    RepoError::Conflict(format!(
        "job {job_id} kept changing while this request tried to update it; try again"
    ))
}

fn check_optional_text(field: &str, value: Option<&str>) -> Result<(), RepoError> {
    match value {
        Some(v) => check_text(field, v),
        None => Ok(()),
    }
}

fn check_message(value: Option<&str>) -> Result<(), RepoError> {
    match value {
        Some(m) if m.chars().count() > 10_000 => Err(RepoError::Invalid(
            "message is longer than 10000 characters".into(),
        )),
        _ => Ok(()),
    }
}

impl<E: Executor> JobsRepository for StrataJobs<'_, E> {
    async fn create(&self, new: NewJob) -> Result<CreatedJob, RepoError> {
        if !new.request.is_object() {
            return Err(RepoError::Invalid(
                "request must be a JSON object".to_string(),
            ));
        }
        check_optional_text("job_id", new.job_id.as_deref())?;
        check_optional_text("phase", new.phase.as_deref())?;
        check_optional_text("idempotency_key", new.idempotency_key.as_deref())?;
        if let Some(t) = new.total_steps {
            if t < 1 {
                return Err(RepoError::Invalid(format!(
                    "total_steps must be 1 or more, not {t}"
                )));
            }
        }
        let now = timestamps::now();
        let job = Job {
            job_id: new.job_id.unwrap_or_else(|| new_id("job")),
            request: new.request,
            status: JobStatus::Queued.as_str().to_string(),
            phase: new.phase.unwrap_or_else(|| "planning".to_string()),
            subphase: None,
            created_at: now.clone(),
            updated_at: Some(now.clone()),
            started_at: None,
            finished_at: None,
            total_steps: new.total_steps,
            completed_steps: new.total_steps.map(|_| 0),
            progress: Some(0.0),
            message: None,
            events: json!([event(&now, "queued", None)]),
            artifacts: json!({}),
            result: None,
            error: None,
            cost_usd: None,
            lesson_id: None,
            idempotency_key: new.idempotency_key.clone(),
            attempts: 0,
            cancel_requested: false,
        };
        let Some(key) = new.idempotency_key else {
            let stored = self.db.insert(&job).await?;
            return Ok(CreatedJob {
                job: stored,
                created: true,
            });
        };
        // The legacy partial unique index is the arbiter; a clash on the
        // primary key still raises a unique violation.
        let inserted = self
            .db
            .upsert(&job)
            .on_conflict(|c| c.idempotency_key)
            .conflict_where(|c| c.idempotency_key.is_not_null())
            .do_nothing()
            .await?;
        if let Some(stored) = inserted {
            return Ok(CreatedJob {
                job: stored,
                created: true,
            });
        }
        match self
            .db
            .select::<Job>()
            .filter(|c| c.idempotency_key.eq(key.as_str()))
            .first()
            .await?
        {
            Some(existing) => Ok(CreatedJob {
                job: existing,
                created: false,
            }),
            // Deleted between the two statements: rare, and safe to retry.
            None => Err(RepoError::Conflict(
                "the job with this idempotency key was deleted while this request ran; try again"
                    .to_string(),
            )),
        }
    }

    async fn get(&self, job_id: &str) -> Result<Job, RepoError> {
        self.db
            .find::<Job>(job_id)
            .await?
            .ok_or_else(|| RepoError::not_found("job", job_id))
    }

    async fn list(&self, filter: &JobFilter, page: Page) -> Result<Vec<Job>, RepoError> {
        Ok(self
            .db
            .select::<Job>()
            .where_(filter.to_filter())
            .order_by(|c| c.created_at.desc())
            .order_by(|c| c.job_id.asc())
            .limit(page.limit)
            .offset(page.offset)
            .all()
            .await?)
    }

    async fn count(&self, filter: &JobFilter) -> Result<i64, RepoError> {
        Ok(self
            .db
            .select::<Job>()
            .where_(filter.to_filter())
            .count()
            .await?)
    }

    async fn update_progress(
        &self,
        job_id: &str,
        update: ProgressUpdate,
    ) -> Result<Job, RepoError> {
        check_optional_text("phase", update.phase.as_deref())?;
        check_optional_text("subphase", update.subphase.as_deref())?;
        check_message(update.message.as_deref())?;
        if let Some(p) = update.progress {
            if !(0.0..=1.0).contains(&p) {
                return Err(RepoError::Invalid(format!(
                    "progress must be between 0 and 1, not {p}"
                )));
            }
        }
        if let Some(t) = update.total_steps {
            if t < 1 {
                return Err(RepoError::Invalid(format!(
                    "total_steps must be 1 or more, not {t}"
                )));
            }
        }
        if let Some(c) = update.completed_steps {
            if c < 0 {
                return Err(RepoError::Invalid(format!(
                    "completed_steps must be 0 or more, not {c}"
                )));
            }
        }
        for _ in 0..MAX_ATTEMPTS {
            let job = self
                .lock(job_id, &[JobStatus::Running], "report progress of")
                .await?;
            let total = update.total_steps.or(job.total_steps);
            let completed = update.completed_steps.or(job.completed_steps);
            if let (Some(c), Some(t)) = (completed, total) {
                if c > t {
                    return Err(RepoError::Invalid(format!(
                        "completed_steps ({c}) is more than total_steps ({t})"
                    )));
                }
            }
            let progress = update.progress.or(match (completed, total) {
                (Some(c), Some(t))
                    if update.completed_steps.is_some() || update.total_steps.is_some() =>
                {
                    Some(f64::from(c) / f64::from(t))
                }
                _ => None,
            });
            let now = timestamps::now();
            let mut q = self.db.update_columns::<Job>();
            if let Some(p) = &update.phase {
                q = q.set(|c| c.phase, p.as_str());
            }
            if let Some(s) = &update.subphase {
                q = q.set(|c| c.subphase, s.as_str());
            }
            if let Some(c) = update.completed_steps {
                q = q.set(|col| col.completed_steps, c);
            }
            if let Some(t) = update.total_steps {
                q = q.set(|c| c.total_steps, t);
            }
            if let Some(p) = progress {
                q = q.set(|c| c.progress, p);
            }
            if let Some(m) = &update.message {
                q = q.set(|c| c.message, m.as_str());
            }
            let mut e = event(&now, "progress", update.message.as_deref());
            e["phase"] = Value::String(update.phase.clone().unwrap_or(job.phase.clone()));
            if let Some(p) = progress {
                e["progress"] = json!(p);
            }
            if let Some(done) = self.write(&job, &now, e, q).await? {
                return Ok(done);
            }
        }
        Err(changed_concurrently(job_id))
    }

    async fn claim_next(&self) -> Result<Option<Job>, RepoError> {
        // Jobs another worker took between this worker's read and write
        // (outside a transaction the row lock ends with the read): not
        // looked at again, so each lost race moves on to another job.
        let mut taken: Vec<String> = Vec::new();
        for _ in 0..CLAIM_ATTEMPTS {
            let Some(job) = self
                .db
                .select::<Job>()
                .filter(|c| {
                    c.status
                        .eq(JobStatus::Queued.as_str())
                        .and(c.cancel_requested.eq(false))
                        .and(c.job_id.in_(taken.clone()).not())
                })
                .order_by(|c| c.created_at.asc())
                .order_by(|c| c.job_id.asc())
                .for_update()
                .skip_locked()
                .first()
                .await?
            else {
                return Ok(None);
            };
            let now = timestamps::now();
            let q = self
                .db
                .update_columns::<Job>()
                .set(|c| c.status, JobStatus::Running.as_str())
                .set(|c| c.started_at, now.clone())
                .increment(|c| c.attempts, 1);
            let msg = format!("attempt {}", job.attempts + 1);
            if let Some(claimed) = self
                .write(&job, &now, event(&now, "claimed", Some(&msg)), q)
                .await?
            {
                return Ok(Some(claimed));
            }
            // Outside a transaction another worker may take the row between
            // the read and the write: look for the next one.
            taken.push(job.job_id.clone());
        }
        Err(RepoError::Conflict(
            "other workers kept taking the queued jobs first; try again".to_string(),
        ))
    }

    async fn finish(&self, job_id: &str, outcome: FinishJob) -> Result<Job, RepoError> {
        check_optional_text("lesson_id", outcome.lesson_id.as_deref())?;
        check_message(outcome.message.as_deref())?;
        if outcome.result.is_null() {
            return Err(RepoError::Invalid(
                "result must be a JSON document, not null".into(),
            ));
        }
        if let Some(cost) = outcome.cost_usd {
            if cost.is_sign_negative() || cost.scale() > 6 || cost >= Decimal::new(1_000_000, 0) {
                return Err(RepoError::Invalid(format!(
                    "cost_usd must be between 0 and 999999.999999 with at most 6 decimals, not {cost}"
                )));
            }
        }
        for _ in 0..MAX_ATTEMPTS {
            let job = self.lock(job_id, &[JobStatus::Running], "finish").await?;
            let now = timestamps::now();
            let mut q = self
                .db
                .update_columns::<Job>()
                .set(|c| c.status, JobStatus::Succeeded.as_str())
                .set(|c| c.finished_at, now.clone())
                .set(|c| c.result, outcome.result.clone())
                .set(|c| c.progress, 1.0)
                .set(|c| c.phase, "done");
            if let Some(t) = job.total_steps {
                q = q.set(|c| c.completed_steps, t);
            }
            if let Some(l) = &outcome.lesson_id {
                q = q.set(|c| c.lesson_id, l.as_str());
            }
            if let Some(cost) = outcome.cost_usd {
                q = q.set(|c| c.cost_usd, cost);
            }
            if let Some(m) = &outcome.message {
                q = q.set(|c| c.message, m.as_str());
            }
            let e = event(&now, "succeeded", outcome.message.as_deref());
            if let Some(done) = self.write(&job, &now, e, q).await? {
                return Ok(done);
            }
        }
        Err(changed_concurrently(job_id))
    }

    async fn fail(&self, job_id: &str, failure: FailJob) -> Result<Job, RepoError> {
        check_message(failure.message.as_deref())?;
        if failure.error.is_null() {
            return Err(RepoError::Invalid(
                "error must be a JSON document, not null".into(),
            ));
        }
        for _ in 0..MAX_ATTEMPTS {
            let job = self
                .lock(job_id, &[JobStatus::Queued, JobStatus::Running], "fail")
                .await?;
            let now = timestamps::now();
            let mut q = self
                .db
                .update_columns::<Job>()
                .set(|c| c.status, JobStatus::Failed.as_str())
                .set(|c| c.finished_at, now.clone())
                .set(|c| c.error, failure.error.clone());
            if let Some(m) = &failure.message {
                q = q.set(|c| c.message, m.as_str());
            }
            let e = event(&now, "failed", failure.message.as_deref());
            if let Some(done) = self.write(&job, &now, e, q).await? {
                return Ok(done);
            }
        }
        Err(changed_concurrently(job_id))
    }

    async fn cancel(&self, job_id: &str) -> Result<Job, RepoError> {
        for _ in 0..MAX_ATTEMPTS {
            let job = self
                .lock(job_id, &[JobStatus::Queued, JobStatus::Running], "cancel")
                .await?;
            let now = timestamps::now();
            let q = self
                .db
                .update_columns::<Job>()
                .set(|c| c.status, JobStatus::Cancelled.as_str())
                .set(|c| c.cancel_requested, true)
                .set(|c| c.finished_at, now.clone())
                .set(|c| c.message, "cancelled on request");
            let e = event(&now, "cancelled", Some("cancelled on request"));
            if let Some(done) = self.write(&job, &now, e, q).await? {
                return Ok(done);
            }
        }
        Err(changed_concurrently(job_id))
    }
}
