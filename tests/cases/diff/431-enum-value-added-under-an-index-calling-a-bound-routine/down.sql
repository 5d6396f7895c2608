-- undo: + index tasks_finished on tasks
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.tasks_finished;

-- undo: + check tasks_sane on tasks
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.tasks DROP CONSTRAINT tasks_sane;

-- undo: + function is_finished(x public.phase)
DROP FUNCTION public.is_finished(x public.phase);

-- undo: ~ enum phase: + value 'running' after 'queued'
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TYPE public.phase RENAME TO phase_old;
CREATE TYPE public.phase AS ENUM ('queued', 'finished');
ALTER TABLE public.tasks
  ALTER COLUMN p DROP DEFAULT,
  ALTER COLUMN p TYPE public.phase USING p::text::public.phase,
  ALTER COLUMN p SET DEFAULT 'queued'::public.phase;
DROP TYPE public.phase_old;

-- undo: - function is_finished(x public.phase)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.is_finished(x public.phase)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT x = 'finished' $function$;
RESET check_function_bodies;

-- undo: - index tasks_finished on tasks
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX tasks_finished ON public.tasks (id) WHERE (public.is_finished(p));

-- undo: - check tasks_sane on tasks
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.tasks ADD CONSTRAINT tasks_sane CHECK (NOT public.is_finished(p) OR id > 0);
