CREATE SCHEMA old;
CREATE TABLE old.t (id integer);
CREATE TABLE keep (id integer);
