CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, pid integer CONSTRAINT c_pid_fkey REFERENCES p (id) MATCH FULL, CONSTRAINT c_pid_key UNIQUE NULLS NOT DISTINCT (pid) DEFERRABLE);
CREATE INDEX c_id_idx ON c (id) WITH (fillfactor = 50);
COMMENT ON CONSTRAINT c_pid_fkey ON c IS 'parent';
COMMENT ON CONSTRAINT c_pid_key ON c IS 'one child per parent';
COMMENT ON INDEX c_id_idx IS 'lookups';
