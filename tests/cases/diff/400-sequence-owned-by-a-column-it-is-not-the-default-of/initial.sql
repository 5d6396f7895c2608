-- A column may own (OWNED BY) a sequence it does not take its default
-- from: that sequence is one of its own, and its ownership moves, goes and
-- comes like an object. A serial column may own another sequence besides
-- its serial's. The column that owned `s` is dropped: `s` is kept, so its
-- ownership goes first (DROP COLUMN would drop it).
CREATE SEQUENCE s AS bigint INCREMENT BY 2;
CREATE TABLE t (id serial, legacy bigint);
ALTER SEQUENCE s OWNED BY t.legacy;
CREATE TABLE u (n bigint);
INSERT INTO t (legacy) VALUES (1), (2);
INSERT INTO u (n) VALUES (nextval('s'));
