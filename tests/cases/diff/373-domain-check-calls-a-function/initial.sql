-- A domain whose CHECK calls a function depends on it (pg_depend of the
-- domain's constraint): the function is created first and dropped last.
CREATE TABLE t (id integer PRIMARY KEY);
