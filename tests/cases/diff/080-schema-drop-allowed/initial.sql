CREATE SCHEMA old;
CREATE TYPE old.e AS ENUM ('x');
CREATE TABLE old.t (id integer, e old.e);
CREATE TABLE keep (id integer);
