//! LLM call audits: the [`LlmAuditRepository`] trait and its strata
//! implementation [`StrataAudit`] (record a call, read calls, per-job
//! totals).
//!
//! [`LlmAuditRepository::totals`] is the one place in the repositories with
//! SQL text: strata's typed API selects whole rows and has no aggregates, and
//! summing thousands of rows in Rust would ship them all over the wire. The
//! statement is built once from the model's own table and column names
//! (quoted by `strata::ident`), and the job id is a bind parameter.

use std::future::Future;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use strata::aggregate::count;
use strata::Executor;

use super::{check_text, new_id, Page, RepoError};
use crate::models::LlmAudit;

/// The statuses the `llm_call_audit_status_check` constraint allows.
pub const AUDIT_STATUSES: [&str; 3] = ["ok", "error", "timeout"];

/// One LLM call to record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAudit {
    /// The id; generated (`audit-<uuid>`) when absent.
    #[serde(default)]
    pub id: Option<String>,
    /// When the request was sent.
    pub timestamp_request: DateTime<Utc>,
    /// When the response arrived.
    #[serde(default)]
    pub timestamp_response: Option<DateTime<Utc>>,
    /// Round trip in milliseconds; computed from the two timestamps when
    /// absent.
    #[serde(default)]
    pub duration_ms: Option<i32>,
    /// The job the call belongs to.
    #[serde(default)]
    pub job_id: Option<String>,
    /// The job's phase.
    #[serde(default)]
    pub phase: Option<String>,
    /// The agent that called.
    #[serde(default)]
    pub agent: Option<String>,
    /// The provider.
    pub provider: String,
    /// The model.
    pub model: String,
    /// The messages sent (a JSON array).
    pub request_messages: Value,
    /// Sampling parameters.
    #[serde(default)]
    pub request_params: Option<Value>,
    /// The text answer.
    #[serde(default)]
    pub response_content: Option<String>,
    /// The raw answer.
    #[serde(default)]
    pub response_raw: Option<Value>,
    /// Prompt tokens.
    #[serde(default)]
    pub prompt_tokens: Option<i32>,
    /// Completion tokens.
    #[serde(default)]
    pub completion_tokens: Option<i32>,
    /// Total tokens; prompt + completion when absent and both are known.
    #[serde(default)]
    pub total_tokens: Option<i32>,
    /// Cost in USD.
    #[serde(default)]
    pub cost_usd: Option<Decimal>,
    /// `ok` (default), `error` or `timeout`.
    #[serde(default)]
    pub status: Option<String>,
    /// The error, for failed calls.
    #[serde(default)]
    pub error_message: Option<String>,
    /// A hash of the request.
    #[serde(default)]
    pub request_hash: Option<String>,
}

/// Cost and token totals of one job's LLM calls.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditTotals {
    /// The job.
    pub job_id: String,
    /// Calls recorded.
    pub calls: i64,
    /// Calls whose status is not `ok`.
    pub failed_calls: i64,
    /// Sum of prompt tokens.
    pub prompt_tokens: i64,
    /// Sum of completion tokens.
    pub completion_tokens: i64,
    /// Sum of total tokens.
    pub total_tokens: i64,
    /// Sum of costs (0 when none is known).
    pub cost_usd: Decimal,
}

/// The LLM call audit of the DGS service.
pub trait LlmAuditRepository: Send + Sync {
    /// Records one call.
    fn record(&self, new: NewAudit) -> impl Future<Output = Result<LlmAudit, RepoError>> + Send;

    /// The call with this id.
    fn get(&self, id: &str) -> impl Future<Output = Result<LlmAudit, RepoError>> + Send;

    /// The calls of one job, oldest first, one page.
    fn for_job(
        &self,
        job_id: &str,
        page: Page,
    ) -> impl Future<Output = Result<Vec<LlmAudit>, RepoError>> + Send;

    /// All calls, by id, one page.
    fn list(&self, page: Page) -> impl Future<Output = Result<Vec<LlmAudit>, RepoError>> + Send;

    /// How many calls are recorded.
    fn count(&self) -> impl Future<Output = Result<i64, RepoError>> + Send;

    /// Cost and token totals of one job (zeros when it has no calls).
    fn totals(&self, job_id: &str) -> impl Future<Output = Result<AuditTotals, RepoError>> + Send;
}

/// [`LlmAuditRepository`] on strata, over a session or a transaction.
#[derive(Debug)]
pub struct StrataAudit<'e, E> {
    db: &'e E,
}

impl<'e, E: Executor> StrataAudit<'e, E> {
    /// The repository on `db` (a `Session` or a `Transaction`).
    pub fn new(db: &'e E) -> StrataAudit<'e, E> {
        StrataAudit { db }
    }
}

fn non_negative(field: &str, value: Option<i32>) -> Result<(), RepoError> {
    match value {
        Some(v) if v < 0 => Err(RepoError::Invalid(format!(
            "{field} must be 0 or more, not {v}"
        ))),
        _ => Ok(()),
    }
}

impl<E: Executor> LlmAuditRepository for StrataAudit<'_, E> {
    async fn record(&self, new: NewAudit) -> Result<LlmAudit, RepoError> {
        if let Some(id) = &new.id {
            check_text("id", id)?;
        }
        check_text("provider", &new.provider)?;
        check_text("model", &new.model)?;
        if !new.request_messages.is_array() {
            return Err(RepoError::Invalid(
                "request_messages must be a JSON array".into(),
            ));
        }
        let status = new.status.unwrap_or_else(|| "ok".to_string());
        if !AUDIT_STATUSES.contains(&status.as_str()) {
            return Err(RepoError::Invalid(format!(
                "unknown audit status {status:?}: expected one of ok, error, timeout"
            )));
        }
        non_negative("duration_ms", new.duration_ms)?;
        non_negative("prompt_tokens", new.prompt_tokens)?;
        non_negative("completion_tokens", new.completion_tokens)?;
        non_negative("total_tokens", new.total_tokens)?;
        if let Some(cost) = new.cost_usd {
            if cost.is_sign_negative() || cost.scale() > 6 || cost >= Decimal::new(1_000_000, 0) {
                return Err(RepoError::Invalid(format!(
                    "cost_usd must be between 0 and 999999.999999 with at most 6 decimals, not {cost}"
                )));
            }
        }
        let duration_ms = match (new.duration_ms, new.timestamp_response) {
            (Some(d), _) => Some(d),
            (None, Some(resp)) => {
                let ms = (resp - new.timestamp_request).num_milliseconds();
                if ms < 0 {
                    return Err(RepoError::Invalid(
                        "timestamp_response is before timestamp_request".into(),
                    ));
                }
                Some(i32::try_from(ms).map_err(|_| {
                    RepoError::Invalid("the call lasted longer than i32::MAX milliseconds".into())
                })?)
            }
            (None, None) => None,
        };
        let total_tokens = match (new.total_tokens, new.prompt_tokens, new.completion_tokens) {
            (Some(t), _, _) => Some(t),
            (None, Some(p), Some(c)) => Some(p.checked_add(c).ok_or_else(|| {
                RepoError::Invalid(format!(
                    "total_tokens: prompt_tokens + completion_tokens exceeds {}",
                    i32::MAX
                ))
            })?),
            _ => None,
        };
        let row = LlmAudit {
            id: new.id.unwrap_or_else(|| new_id("audit")),
            timestamp_request: new.timestamp_request,
            timestamp_response: new.timestamp_response,
            duration_ms,
            job_id: new.job_id,
            phase: new.phase,
            agent: new.agent,
            provider: new.provider,
            model: new.model,
            request_messages: new.request_messages,
            request_params: new.request_params,
            response_content: new.response_content,
            response_raw: new.response_raw,
            prompt_tokens: new.prompt_tokens,
            completion_tokens: new.completion_tokens,
            total_tokens,
            cost_usd: new.cost_usd,
            status,
            error_message: new.error_message,
            request_hash: new.request_hash,
        };
        Ok(self.db.insert(&row).await?)
    }

    async fn get(&self, id: &str) -> Result<LlmAudit, RepoError> {
        self.db
            .find::<LlmAudit>(id)
            .await?
            .ok_or_else(|| RepoError::not_found("audit record", id))
    }

    async fn for_job(&self, job_id: &str, page: Page) -> Result<Vec<LlmAudit>, RepoError> {
        Ok(self
            .db
            .select::<LlmAudit>()
            .filter(|c| c.job_id.eq(job_id))
            .order_by(|c| c.timestamp_request.asc())
            .order_by(|c| c.id.asc())
            .limit(page.limit)
            .offset(page.offset)
            .all()
            .await?)
    }

    async fn list(&self, page: Page) -> Result<Vec<LlmAudit>, RepoError> {
        Ok(self
            .db
            .select::<LlmAudit>()
            .order_by(|c| c.id.asc())
            .limit(page.limit)
            .offset(page.offset)
            .all()
            .await?)
    }

    async fn count(&self) -> Result<i64, RepoError> {
        Ok(self.db.select::<LlmAudit>().count().await?)
    }

    async fn totals(&self, job_id: &str) -> Result<AuditTotals, RepoError> {
        // One query, typed: the sums per status, folded here.
        let per_status = self
            .db
            .select::<LlmAudit>()
            .filter(|c| c.job_id.eq(job_id))
            .group_by(|c| c.status)
            .project(|c| {
                (
                    c.status,
                    count(),
                    c.prompt_tokens.sum(),
                    c.completion_tokens.sum(),
                    c.total_tokens.sum(),
                    c.cost_usd.sum(),
                )
            })
            .all()
            .await?;
        let mut totals = AuditTotals {
            job_id: job_id.to_string(),
            calls: 0,
            failed_calls: 0,
            prompt_tokens: 0,
            completion_tokens: 0,
            total_tokens: 0,
            cost_usd: Decimal::ZERO,
        };
        for (status, calls, prompt, completion, total, cost) in per_status {
            totals.calls += calls;
            if status != "ok" {
                totals.failed_calls += calls;
            }
            totals.prompt_tokens += prompt.unwrap_or(0);
            totals.completion_tokens += completion.unwrap_or(0);
            totals.total_tokens += total.unwrap_or(0);
            totals.cost_usd += cost.unwrap_or(Decimal::ZERO);
        }
        Ok(totals)
    }
}
