-- revision: 1c9266ea85f0
-- parents:
-- message: baseline: the DGS tables (dgs_jobs, dgs_lessons, llm_call_audit)
-- created: 2026-11-25T16:15:44Z
-- transaction: per-migration

-- migrate:up
-- baseline: creates what is missing (IF NOT EXISTS), leaves existing objects alone
DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'public') THEN CREATE SCHEMA public; END IF; END $strata$;
CREATE TABLE IF NOT EXISTS public.dgs_jobs (
    job_id text NOT NULL,
    request jsonb NOT NULL,
    status text NOT NULL,
    phase text NOT NULL,
    subphase text,
    created_at text NOT NULL,
    updated_at text,
    started_at text,
    finished_at text,
    total_steps integer,
    completed_steps integer,
    progress double precision,
    message text,
    events jsonb DEFAULT '[]'::jsonb NOT NULL,
    artifacts jsonb DEFAULT '{}'::jsonb NOT NULL,
    result jsonb,
    error jsonb,
    cost_usd numeric(12,6),
    lesson_id text,
    idempotency_key text,
    attempts integer DEFAULT 0 NOT NULL,
    cancel_requested boolean DEFAULT false NOT NULL,
    CONSTRAINT dgs_jobs_pkey PRIMARY KEY (job_id)
);
CREATE TABLE IF NOT EXISTS public.dgs_lessons (
    lesson_id text NOT NULL,
    topic text NOT NULL,
    title text NOT NULL,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    age_range text,
    language text DEFAULT 'en'::text NOT NULL,
    lesson jsonb NOT NULL,
    job_id text,
    version integer DEFAULT 1 NOT NULL,
    created_at text NOT NULL,
    updated_at text,
    CONSTRAINT dgs_lessons_pkey PRIMARY KEY (lesson_id)
);
CREATE TABLE IF NOT EXISTS public.llm_call_audit (
    id text NOT NULL,
    timestamp_request timestamp with time zone NOT NULL,
    timestamp_response timestamp with time zone,
    duration_ms integer,
    job_id text,
    phase text,
    agent text,
    provider text NOT NULL,
    model text NOT NULL,
    request_messages jsonb NOT NULL,
    request_params jsonb,
    response_content text,
    response_raw jsonb,
    prompt_tokens integer,
    completion_tokens integer,
    total_tokens integer,
    cost_usd numeric(12,6),
    status text DEFAULT 'ok'::text NOT NULL,
    error_message text,
    request_hash text,
    CONSTRAINT llm_call_audit_pkey PRIMARY KEY (id),
    CONSTRAINT llm_call_audit_status_check CHECK (status = ANY (ARRAY['ok'::text, 'error'::text, 'timeout'::text]))
);
DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_class r ON r.oid = c.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'public' AND r.relname = 'dgs_jobs' AND c.contype = 'p' UNION ALL SELECT 1 FROM pg_catalog.pg_class r JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'public' AND r.relname = 'dgs_jobs_pkey') THEN ALTER TABLE public.dgs_jobs ADD CONSTRAINT dgs_jobs_pkey PRIMARY KEY (job_id); END IF; END $strata$;
DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_class r ON r.oid = c.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'public' AND r.relname = 'dgs_lessons' AND c.contype = 'p' UNION ALL SELECT 1 FROM pg_catalog.pg_class r JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'public' AND r.relname = 'dgs_lessons_pkey') THEN ALTER TABLE public.dgs_lessons ADD CONSTRAINT dgs_lessons_pkey PRIMARY KEY (lesson_id); END IF; END $strata$;
DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_class r ON r.oid = c.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'public' AND r.relname = 'llm_call_audit' AND c.contype = 'p' UNION ALL SELECT 1 FROM pg_catalog.pg_class r JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'public' AND r.relname = 'llm_call_audit_pkey') THEN ALTER TABLE public.llm_call_audit ADD CONSTRAINT llm_call_audit_pkey PRIMARY KEY (id); END IF; END $strata$;
DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_class r ON r.oid = c.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'public' AND r.relname = 'llm_call_audit' AND c.conname = 'llm_call_audit_status_check') THEN ALTER TABLE public.llm_call_audit ADD CONSTRAINT llm_call_audit_status_check CHECK (status = ANY (ARRAY['ok'::text, 'error'::text, 'timeout'::text])); END IF; END $strata$;
DO $strata$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_class r ON r.oid = c.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = 'public' AND r.relname = 'dgs_lessons' AND c.conname = 'dgs_lessons_job_id_fkey') THEN ALTER TABLE public.dgs_lessons ADD CONSTRAINT dgs_lessons_job_id_fkey FOREIGN KEY (job_id) REFERENCES public.dgs_jobs (job_id) ON DELETE SET NULL; END IF; END $strata$;
CREATE UNIQUE INDEX IF NOT EXISTS dgs_jobs_idempotency_key_key ON public.dgs_jobs (idempotency_key) WHERE (idempotency_key IS NOT NULL);
CREATE INDEX IF NOT EXISTS dgs_jobs_status_created_at_idx ON public.dgs_jobs (status, created_at DESC);
CREATE INDEX IF NOT EXISTS dgs_lessons_job_id_idx ON public.dgs_lessons (job_id);
CREATE INDEX IF NOT EXISTS dgs_lessons_tags_idx ON public.dgs_lessons USING gin (tags);
CREATE INDEX IF NOT EXISTS dgs_lessons_topic_idx ON public.dgs_lessons (topic);
CREATE INDEX IF NOT EXISTS llm_call_audit_job_id_idx ON public.llm_call_audit (job_id);
CREATE INDEX IF NOT EXISTS llm_call_audit_timestamp_request_idx ON public.llm_call_audit (timestamp_request DESC);

-- migrate:down
-- baseline: downgrading past this revision leaves every object in place;
-- the tables may hold data that existed before this history began.
-- Drop them by hand if that is really what you want.
