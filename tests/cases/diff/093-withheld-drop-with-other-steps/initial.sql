CREATE TABLE t (id integer PRIMARY KEY, legacy text NOT NULL, v varchar(10));
CREATE INDEX t_legacy_idx ON t (legacy);
CREATE TABLE old (id integer);
