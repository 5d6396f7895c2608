-- Keys of partitions whose indexes are attached to a unique index of the
-- parent: the parent's index goes with CASCADE (the keys with it), a kept
-- key is added back; a kept key of a partition whose parent gets a
-- matching unique index is adopted by it, as in the target (whose key
-- existed before the index): dropped and added before it, so that the way
-- back adds it after the index is gone.
CREATE TABLE t (id int NOT NULL, k text NOT NULL) PARTITION BY LIST (k);
CREATE TABLE t_1 PARTITION OF t FOR VALUES IN ('a');
CREATE TABLE t_2 PARTITION OF t FOR VALUES IN ('b');
CREATE UNIQUE INDEX t_idx ON ONLY t (k, id);
ALTER TABLE t_1 ADD CONSTRAINT t_1_pkey PRIMARY KEY (k, id);
ALTER INDEX t_idx ATTACH PARTITION t_1_pkey;
ALTER TABLE t_2 ADD CONSTRAINT t_2_key UNIQUE (k, id);
ALTER INDEX t_idx ATTACH PARTITION t_2_key;
CREATE TABLE u (id int NOT NULL, k text NOT NULL) PARTITION BY LIST (k);
CREATE TABLE u_1 PARTITION OF u FOR VALUES IN ('a');
ALTER TABLE u_1 ADD CONSTRAINT u_1_pkey PRIMARY KEY (k, id);
INSERT INTO t VALUES (1, 'a'), (2, 'b');
INSERT INTO u VALUES (1, 'a');
