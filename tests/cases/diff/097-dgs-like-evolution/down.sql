-- undo: + foreign key dgs_lessons_job_id_fkey on dgs_lessons -> dgs_jobs
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.dgs_lessons DROP CONSTRAINT dgs_lessons_job_id_fkey;

-- undo: + index dgs_lessons_tags_idx on dgs_lessons
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.dgs_lessons_tags_idx;

-- undo: + index dgs_jobs_status_created_at_idx on dgs_jobs
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.dgs_jobs_status_created_at_idx;

-- undo: ~ column dgs_jobs.created_at: timestamp without time zone -> timestamp with time zone
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.dgs_jobs
  ALTER COLUMN created_at DROP DEFAULT,
  ALTER COLUMN created_at TYPE timestamp without time zone,
  ALTER COLUMN created_at SET DEFAULT now();

-- undo: ~ column dgs_jobs.progress: real -> double precision
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.dgs_jobs
  ALTER COLUMN progress DROP DEFAULT,
  ALTER COLUMN progress TYPE real,
  ALTER COLUMN progress SET DEFAULT 0;

-- undo: + column dgs_lessons.language character varying(8) not null
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.dgs_lessons DROP COLUMN language;

-- undo: + column dgs_lessons.tags text[] not null
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.dgs_lessons DROP COLUMN tags;

-- undo: + column dgs_jobs.error text
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.dgs_jobs DROP COLUMN error;

-- undo: + enum job_status ('pending', 'running', 'done', 'failed')
-- hazard: deletes data
DROP TYPE public.job_status;

-- undo: - foreign key dgs_lessons_job_id_fkey on dgs_lessons
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.dgs_lessons ADD CONSTRAINT dgs_lessons_job_id_fkey FOREIGN KEY (job_id) REFERENCES public.dgs_jobs (job_id);
