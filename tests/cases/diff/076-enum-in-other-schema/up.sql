-- ~ enum app.state: + value 'running' after 'new'
-- runs outside a transaction
ALTER TYPE app.state ADD VALUE 'running' AFTER 'new';

-- ~ column app.jobs.s: default 'new'::app.state -> 'running'::app.state
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE app.jobs ALTER COLUMN s SET DEFAULT 'running'::app.state;
