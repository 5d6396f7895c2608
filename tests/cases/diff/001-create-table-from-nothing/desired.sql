CREATE TABLE jobs (
    job_id text PRIMARY KEY,
    status text NOT NULL DEFAULT 'pending',
    progress double precision NOT NULL DEFAULT 0,
    tags text[] NOT NULL DEFAULT '{}',
    payload jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    price numeric(12,2),
    code varchar(32)
);
CREATE INDEX jobs_status_idx ON jobs (status);
