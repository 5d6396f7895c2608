CREATE TYPE phase AS ENUM ('queued', 'finished');
CREATE TABLE tasks (id int, p phase DEFAULT 'queued');
CREATE FUNCTION is_finished(x phase) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT x = 'finished' $$;
CREATE INDEX tasks_finished ON tasks (id) WHERE is_finished(p);
ALTER TABLE tasks ADD CONSTRAINT tasks_sane CHECK (NOT is_finished(p) OR id > 0);
INSERT INTO tasks VALUES (1, 'finished'), (2, 'queued');
