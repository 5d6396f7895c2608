//! A model using every attribute compiles, and so do the typed handles.
#![deny(warnings, missing_docs)]

use strata::{PgEnum, PgType, Table};

/// A mood.
#[derive(PgEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[pg_enum(name = "job_mood", schema = "app", rename_all = "UPPERCASE", comment = "How it went")]
pub enum Mood {
    /// Fine.
    Happy,
    /// Not fine.
    #[pg_enum(rename = "blue")]
    Sad,
}

/// A job.
#[derive(Table, Debug, Clone)]
#[table(name = "jobs", schema = "app", comment = "Generation jobs", renamed_from = "tasks")]
#[table(index(
    columns(status, created_at desc nulls_last, "lower(title)" desc),
    name = "jobs_listing_idx",
    include(attempts)
))]
#[table(index(columns(payload opclass = "jsonb_path_ops"), method = "gin"))]
#[table(index(
    columns(idempotency_key),
    name = "jobs_idempotency_key_key",
    unique,
    where = "idempotency_key IS NOT NULL",
    nulls = "not_distinct",
    with(fillfactor = 90, deduplicate_items = "on"),
    comment = "one job per key"
))]
#[table(unique(owner_id, title, name = "jobs_owner_title_key", comment = "titles per owner"))]
#[table(unique(
    owner_id,
    r#type,
    nulls = "not_distinct",
    deferrable = "initially_deferred"
))]
#[table(check(name = "jobs_attempts_range", expr = "attempts BETWEEN 0 AND 10", comment = "bounded retries"))]
#[table(foreign_key(
    columns(owner_id, team_id),
    references = "app.members(user_id, team_id)",
    on_delete = "cascade",
    on_update = "no action",
    deferrable = "initially_immediate",
    match = "full",
    name = "jobs_member_fkey",
    comment = "the member"
))]
pub struct Job {
    /// Key.
    #[column(primary_key, identity = "by_default", sequence(start = 100, cache = 10))]
    pub id: i64,
    /// Title.
    #[column(comment = "Shown to users", renamed_from = "name")]
    pub title: String,
    /// Status.
    #[column(default = "'queued'", check = "status <> ''", not_null)]
    pub status: String,
    /// Created.
    #[column(sql_type = "timestamptz", default = "now()")]
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Payload.
    pub payload: serde_json::Value,
    /// Owner.
    #[column(references = "users(id)", on_delete = "restrict", index)]
    pub owner_id: i64,
    /// Team.
    pub team_id: i64,
    /// Idempotency key.
    pub idempotency_key: Option<String>,
    /// Slug.
    #[column(unique, collation = "C")]
    pub slug: String,
    /// Computed.
    #[column(generated = "upper(slug)")]
    pub slug_upper: String,
    /// Attempts.
    #[column(name = "attempt_count", default = "0")]
    pub attempts: i32,
    /// Mood.
    pub mood: Option<Mood>,
    /// Tags.
    #[column(default = "'{}'::text[]")]
    pub tags: Vec<String>,
    /// A keyword as a field name.
    pub r#type: Option<uuid::Uuid>,
    /// Money.
    #[column(sql_type = "numeric(12,6)")]
    pub cost: Option<rust_decimal::Decimal>,
}

/// A row with a composite key.
#[derive(Table)]
#[table(primary_key(job_id, seq, name = "job_events_pk", deferrable = "initially_deferred", comment = "one per step"))]
pub(crate) struct JobEvent {
    pub(crate) job_id: i64,
    pub(crate) seq: i32,
    #[column(sql_type = "bigserial", sequence(increment = -1, min = -1000, max = 0, cycle))]
    pub(crate) global_seq: i64,
}

fn main() {
    let c = Job::columns();
    assert_eq!(c.attempts.name(), "attempt_count");
    assert_eq!(c.r#type.index(), 13);
    let key: strata::Composite<(i64, i32)> = JobEvent { job_id: 1, seq: 2, global_seq: 3 }.key();
    assert_eq!(key, strata::Composite((1, 2)));
    assert_eq!(<Mood as PgType>::enum_type().map(|e| e.labels), Some(vec!["HAPPY".to_string(), "blue".to_string()]));
    let def = Job::definition();
    assert_eq!(def.indexes.len(), 4);
    let strict = def
        .uniques
        .iter()
        .find(|u| u.nulls_not_distinct)
        .expect("the NULLS NOT DISTINCT unique");
    assert_eq!(strict.deferrable, strata::schema::Deferrable::InitiallyDeferred);
    assert_eq!(JobEvent::COLUMNS.iter().filter(|c| c.generated).count(), 1);
    let events = JobEvent::definition();
    let pk = events.primary_key.expect("a primary key");
    assert_eq!((pk.name.as_str(), pk.comment.as_deref()), ("job_events_pk", Some("one per step")));
    assert_eq!(events.columns[2].sequence.as_ref().map(|o| (o.increment, o.cycle)), Some((Some(-1), true)));
    assert!(def.foreign_keys[0].match_full);
    assert_eq!(def.checks[0].comment.as_deref(), Some("bounded retries"));
}
