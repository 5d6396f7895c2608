CREATE TABLE dgs_jobs (
    job_id text PRIMARY KEY,
    status text NOT NULL DEFAULT 'pending',
    progress real NOT NULL DEFAULT 0,
    created_at timestamp NOT NULL DEFAULT now()
);
CREATE TABLE dgs_lessons (
    lesson_id text PRIMARY KEY,
    job_id text REFERENCES dgs_jobs (job_id),
    topic text NOT NULL
);
