-- A partition's own key that a unique index of its parent adopts (the key
-- existed when the index was made, or the partition was attached with it):
-- t gets a new unique index holding t_1's primary key; u has one holding
-- an index of its own, which becomes u_1's key; w is attached with its key.
CREATE TABLE t (id int NOT NULL, k int NOT NULL) PARTITION BY LIST (k);
CREATE TABLE t_1 PARTITION OF t (PRIMARY KEY (id, k)) FOR VALUES IN (1);
CREATE TABLE t_2 PARTITION OF t FOR VALUES IN (2);
CREATE TABLE u (id int NOT NULL, k int NOT NULL) PARTITION BY LIST (k);
CREATE UNIQUE INDEX u_uq ON u (id, k);
CREATE TABLE u_1 PARTITION OF u FOR VALUES IN (1);
ALTER TABLE u_1 ADD CONSTRAINT u_1_key UNIQUE (id, k);
CREATE TABLE w (id int NOT NULL, k int NOT NULL) PARTITION BY LIST (k);
CREATE UNIQUE INDEX w_uq ON w (id, k);
CREATE TABLE w_1 (id int NOT NULL, k int NOT NULL, PRIMARY KEY (id, k));
INSERT INTO t VALUES (1, 1), (2, 2);
INSERT INTO u VALUES (1, 1);
INSERT INTO w_1 VALUES (1, 1);
