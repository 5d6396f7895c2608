-- The DGS legacy schema: the three tables that exist in production, exactly as
-- the hand-written psycopg repositories created them at start-up (see
-- /work/shared/dgs/LEGACY_SCHEMA.md, the specification). Runnable more than
-- once: every statement is IF NOT EXISTS. All tables live in schema public.

CREATE TABLE IF NOT EXISTS dgs_jobs (
    job_id TEXT PRIMARY KEY,
    request JSONB NOT NULL,
    status TEXT NOT NULL,
    phase TEXT NOT NULL,
    subphase TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT,
    started_at TEXT,
    finished_at TEXT,
    total_steps INTEGER,
    completed_steps INTEGER,
    progress DOUBLE PRECISION,
    message TEXT,
    events JSONB NOT NULL DEFAULT '[]'::jsonb,
    artifacts JSONB NOT NULL DEFAULT '{}'::jsonb,
    result JSONB,
    error JSONB,
    cost_usd NUMERIC(12, 6),
    lesson_id TEXT,
    idempotency_key TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    cancel_requested BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE INDEX IF NOT EXISTS dgs_jobs_status_created_at_idx
    ON dgs_jobs (status, created_at DESC);

CREATE UNIQUE INDEX IF NOT EXISTS dgs_jobs_idempotency_key_key
    ON dgs_jobs (idempotency_key)
    WHERE idempotency_key IS NOT NULL;

CREATE TABLE IF NOT EXISTS dgs_lessons (
    lesson_id TEXT PRIMARY KEY,
    topic TEXT NOT NULL,
    title TEXT NOT NULL,
    tags TEXT[] NOT NULL DEFAULT '{}'::text[],
    age_range TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    lesson JSONB NOT NULL,
    job_id TEXT REFERENCES dgs_jobs (job_id) ON DELETE SET NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT
);

CREATE INDEX IF NOT EXISTS dgs_lessons_topic_idx ON dgs_lessons (topic);
CREATE INDEX IF NOT EXISTS dgs_lessons_tags_idx ON dgs_lessons USING gin (tags);
CREATE INDEX IF NOT EXISTS dgs_lessons_job_id_idx ON dgs_lessons (job_id);

CREATE TABLE IF NOT EXISTS llm_call_audit (
    id TEXT PRIMARY KEY,
    timestamp_request TIMESTAMPTZ NOT NULL,
    timestamp_response TIMESTAMPTZ,
    duration_ms INTEGER,
    job_id TEXT,
    phase TEXT,
    agent TEXT,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    request_messages JSONB NOT NULL,
    request_params JSONB,
    response_content TEXT,
    response_raw JSONB,
    prompt_tokens INTEGER,
    completion_tokens INTEGER,
    total_tokens INTEGER,
    cost_usd NUMERIC(12, 6),
    status TEXT NOT NULL DEFAULT 'ok'
        CHECK (status IN ('ok', 'error', 'timeout')),
    error_message TEXT,
    request_hash TEXT
);

CREATE INDEX IF NOT EXISTS llm_call_audit_job_id_idx ON llm_call_audit (job_id);
CREATE INDEX IF NOT EXISTS llm_call_audit_timestamp_request_idx
    ON llm_call_audit (timestamp_request DESC);
