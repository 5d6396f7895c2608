CREATE TYPE job_status AS ENUM ('pending', 'running', 'done', 'failed');
CREATE TABLE dgs_jobs (
    job_id text PRIMARY KEY,
    status text NOT NULL DEFAULT 'pending',
    progress double precision NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    error text
);
CREATE INDEX dgs_jobs_status_created_at_idx ON dgs_jobs (status, created_at DESC);
CREATE TABLE dgs_lessons (
    lesson_id text PRIMARY KEY,
    job_id text REFERENCES dgs_jobs (job_id) ON DELETE SET NULL,
    topic text NOT NULL,
    tags text[] NOT NULL DEFAULT '{}',
    language varchar(8) NOT NULL DEFAULT 'en'
);
CREATE INDEX dgs_lessons_tags_idx ON dgs_lessons USING gin (tags);
