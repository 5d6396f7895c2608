CREATE TYPE state AS ENUM ('first', 'second');
CREATE DOMAIN label AS text CHECK (VALUE <> '');
CREATE TABLE t (id int, s state, l label);
