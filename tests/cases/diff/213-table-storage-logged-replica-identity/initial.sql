CREATE TABLE t (id int PRIMARY KEY, a text) WITH (fillfactor=80, autovacuum_vacuum_scale_factor=0.1);
CREATE TABLE u (id int NOT NULL);
CREATE UNIQUE INDEX u_id ON u (id);
ALTER TABLE u REPLICA IDENTITY USING INDEX u_id;
INSERT INTO t VALUES (1, 'a');
