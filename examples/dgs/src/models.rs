//! The three DGS tables, mapped exactly as they exist in production
//! (`shared/dgs/LEGACY_SCHEMA.md`): every column, default, constraint and
//! index, with PostgreSQL's own names. `schema-diff check` against a legacy
//! database reports no difference.
//!
//! The `dgs_jobs` timestamps are ISO-8601 text "for now", as in the legacy
//! schema; moving them to `timestamptz` is a later migration (see the
//! adoption walkthrough, `docs/adopting.md`).

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use strata::Table;

/// A lesson-generation job (`dgs_jobs`).
#[derive(Table, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[table(name = "dgs_jobs")]
#[table(index(columns(status, created_at desc)))]
#[table(index(
    columns(idempotency_key),
    name = "dgs_jobs_idempotency_key_key",
    unique,
    where = "idempotency_key IS NOT NULL"
))]
pub struct Job {
    /// The job's id.
    #[column(primary_key)]
    pub job_id: String,
    /// The generation request as the client sent it.
    pub request: Value,
    /// `queued`, `running`, `succeeded`, `failed` or `cancelled`.
    pub status: String,
    /// The pipeline phase.
    pub phase: String,
    /// A finer step inside the phase.
    pub subphase: Option<String>,
    /// ISO-8601 text (legacy).
    pub created_at: String,
    /// ISO-8601 text (legacy).
    pub updated_at: Option<String>,
    /// ISO-8601 text (legacy).
    pub started_at: Option<String>,
    /// ISO-8601 text (legacy).
    pub finished_at: Option<String>,
    /// Number of steps planned.
    pub total_steps: Option<i32>,
    /// Number of steps done.
    pub completed_steps: Option<i32>,
    /// 0.0 to 1.0.
    pub progress: Option<f64>,
    /// A human-readable status line.
    pub message: Option<String>,
    /// The job's event log (a JSON array).
    #[column(default = "'[]'::jsonb")]
    pub events: Value,
    /// Produced artifacts (a JSON object).
    #[column(default = "'{}'::jsonb")]
    pub artifacts: Value,
    /// The result document of a succeeded job.
    pub result: Option<Value>,
    /// The error document of a failed job.
    pub error: Option<Value>,
    /// Total LLM cost in USD.
    #[column(sql_type = "numeric(12,6)")]
    pub cost_usd: Option<Decimal>,
    /// The lesson this job produced (no foreign key: it may not be stored yet).
    pub lesson_id: Option<String>,
    /// A client-chosen key that makes job creation idempotent.
    pub idempotency_key: Option<String>,
    /// How many times the job was tried.
    #[column(default = "0")]
    pub attempts: i32,
    /// Set when a client asked to cancel.
    #[column(default = "false")]
    pub cancel_requested: bool,
}

/// A generated lesson (`dgs_lessons`).
#[derive(Table, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[table(name = "dgs_lessons")]
#[table(index(columns(tags), method = "gin"))]
pub struct Lesson {
    /// The lesson's id.
    #[column(primary_key)]
    pub lesson_id: String,
    /// What the lesson is about.
    #[column(index)]
    pub topic: String,
    /// Its title.
    pub title: String,
    /// Free-form tags (gin-indexed).
    #[column(default = "'{}'::text[]")]
    pub tags: Vec<String>,
    /// e.g. `8-10`.
    pub age_range: Option<String>,
    /// Language code.
    #[column(default = "'en'")]
    pub language: String,
    /// The lesson document.
    pub lesson: Value,
    /// The job that generated it.
    #[column(references = "dgs_jobs(job_id)", on_delete = "set null", index)]
    pub job_id: Option<String>,
    /// Revision counter.
    #[column(default = "1")]
    pub version: i32,
    /// ISO-8601 text (legacy).
    pub created_at: String,
    /// ISO-8601 text (legacy).
    pub updated_at: Option<String>,
}

/// One audited LLM call (`llm_call_audit`).
#[derive(Table, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[table(name = "llm_call_audit")]
#[table(index(columns(timestamp_request desc)))]
pub struct LlmAudit {
    /// The call's id.
    #[column(primary_key)]
    pub id: String,
    /// When the request was sent.
    pub timestamp_request: DateTime<Utc>,
    /// When the response arrived.
    pub timestamp_response: Option<DateTime<Utc>>,
    /// Round-trip time.
    pub duration_ms: Option<i32>,
    /// The job the call belongs to (no foreign key: audits outlive jobs).
    #[column(index)]
    pub job_id: Option<String>,
    /// The job phase at the time of the call.
    pub phase: Option<String>,
    /// The agent that made the call.
    pub agent: Option<String>,
    /// LLM provider.
    pub provider: String,
    /// Model name.
    pub model: String,
    /// The messages sent.
    pub request_messages: Value,
    /// Sampling parameters.
    pub request_params: Option<Value>,
    /// The text answer.
    pub response_content: Option<String>,
    /// The provider's raw response.
    pub response_raw: Option<Value>,
    /// Prompt tokens.
    pub prompt_tokens: Option<i32>,
    /// Completion tokens.
    pub completion_tokens: Option<i32>,
    /// Total tokens.
    pub total_tokens: Option<i32>,
    /// Cost in USD.
    #[column(sql_type = "numeric(12,6)")]
    pub cost_usd: Option<Decimal>,
    /// `ok`, `error` or `timeout`.
    #[column(default = "'ok'", check = "status IN ('ok', 'error', 'timeout')")]
    pub status: String,
    /// The error, for failed calls.
    pub error_message: Option<String>,
    /// Hash of the request, for deduplication.
    pub request_hash: Option<String>,
}

/// The registry of the DGS models: what `schema-diff` compares with the
/// database.
pub fn registry() -> strata::Registry {
    strata::Registry::new()
        .with::<Job>()
        .with::<Lesson>()
        .with::<LlmAudit>()
}
