-- - foreign key dgs_lessons_job_id_fkey on dgs_lessons
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.dgs_lessons DROP CONSTRAINT dgs_lessons_job_id_fkey;

-- + enum job_status ('pending', 'running', 'done', 'failed')
CREATE TYPE public.job_status AS ENUM ('pending', 'running', 'done', 'failed');

-- + column dgs_jobs.error text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.dgs_jobs ADD COLUMN error text;

-- + column dgs_lessons.tags text[] not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.dgs_lessons ADD COLUMN tags text[] DEFAULT '{}'::text[] NOT NULL;

-- + column dgs_lessons.language character varying(8) not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.dgs_lessons ADD COLUMN language character varying(8) DEFAULT 'en'::character varying NOT NULL;

-- ~ column dgs_jobs.progress: real -> double precision
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.dgs_jobs
  ALTER COLUMN progress DROP DEFAULT,
  ALTER COLUMN progress TYPE double precision,
  ALTER COLUMN progress SET DEFAULT 0;

-- ~ column dgs_jobs.created_at: timestamp without time zone -> timestamp with time zone
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.dgs_jobs
  ALTER COLUMN created_at DROP DEFAULT,
  ALTER COLUMN created_at TYPE timestamp with time zone,
  ALTER COLUMN created_at SET DEFAULT now();

-- + index dgs_jobs_status_created_at_idx on dgs_jobs
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX dgs_jobs_status_created_at_idx ON public.dgs_jobs (status, created_at DESC);

-- + index dgs_lessons_tags_idx on dgs_lessons
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX dgs_lessons_tags_idx ON public.dgs_lessons USING gin (tags);

-- + foreign key dgs_lessons_job_id_fkey on dgs_lessons -> dgs_jobs
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.dgs_lessons ADD CONSTRAINT dgs_lessons_job_id_fkey FOREIGN KEY (job_id) REFERENCES public.dgs_jobs (job_id) ON DELETE SET NULL;
