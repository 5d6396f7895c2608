-- undo: ~ column app.jobs.s: default 'new'::app.state -> 'running'::app.state
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE app.jobs ALTER COLUMN s SET DEFAULT 'new'::app.state;

-- undo: ~ enum app.state: + value 'running' after 'new'
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TYPE app.state RENAME TO state_old;
CREATE TYPE app.state AS ENUM ('new', 'done');
ALTER TABLE app.jobs
  ALTER COLUMN s DROP DEFAULT,
  ALTER COLUMN s TYPE app.state USING s::text::app.state,
  ALTER COLUMN s SET DEFAULT 'new'::app.state;
DROP TYPE app.state_old;
