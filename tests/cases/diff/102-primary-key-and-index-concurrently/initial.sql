CREATE TABLE t (id integer NOT NULL, v text);
CREATE INDEX t_v_old ON t (v);
INSERT INTO t VALUES (1, 'a'), (2, 'b');
