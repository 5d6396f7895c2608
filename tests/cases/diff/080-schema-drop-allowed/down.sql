-- undo: - schema old
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE SCHEMA old;

-- undo: - enum old.e
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TYPE old.e AS ENUM ('x');

-- undo: - table old.t
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE TABLE old.t (
    id integer,
    e old.e
);
