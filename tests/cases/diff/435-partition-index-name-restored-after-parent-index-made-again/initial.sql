-- A partitioned table's unique index, its partition's index attached under
-- a name of its own, becomes a primary key: the way back makes the index
-- again (PostgreSQL names the partition's index foobar_1_foo_id_idx) and
-- gives the partition's index its old name back.
CREATE TABLE foobar (
    id integer NOT NULL,
    foo varchar(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE UNIQUE INDEX foobar_pkey ON ONLY foobar (foo, id);
CREATE UNIQUE INDEX foobar_1_pkey ON foobar_1 (foo, id);
ALTER INDEX foobar_pkey ATTACH PARTITION foobar_1_pkey;
CREATE INDEX foobar_id ON foobar (id);
ALTER INDEX foobar_1_id_idx RENAME TO "Foobar 1 by id";
