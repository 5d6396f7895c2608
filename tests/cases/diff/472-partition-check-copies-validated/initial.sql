-- A parent's NOT VALID CHECK validated in some partitions or children:
-- copies the target validates are validated (one validated stays so; the
-- way back adds the CHECK back NOT VALID), a dropped CHECK's validated
-- copies come back on the way down, a new CHECK's copies are validated
-- where the target has them.
CREATE TABLE t (id int, v int) PARTITION BY RANGE (id);
CREATE TABLE t1 PARTITION OF t FOR VALUES FROM (0) TO (10);
CREATE TABLE t2 PARTITION OF t FOR VALUES FROM (10) TO (20) PARTITION BY RANGE (id);
CREATE TABLE t2a PARTITION OF t2 FOR VALUES FROM (10) TO (15);
CREATE TABLE h (a int, CONSTRAINT a_pos CHECK (a > 0) NOT VALID);
CREATE TABLE hc () INHERITS (h);
ALTER TABLE t ADD CONSTRAINT v_pos CHECK (v > 0) NOT VALID;
COMMENT ON CONSTRAINT v_pos ON t IS 'positive';
ALTER TABLE t2 VALIDATE CONSTRAINT v_pos;
CREATE TABLE u (id int, v int) PARTITION BY LIST (id);
CREATE TABLE u1 PARTITION OF u FOR VALUES IN (1);
ALTER TABLE u ADD CONSTRAINT u_v CHECK (v <> 0) NOT VALID;
ALTER TABLE u1 VALIDATE CONSTRAINT u_v;
CREATE TABLE w (a int);
CREATE TABLE w_child (b int) INHERITS (w);
INSERT INTO w_child VALUES (1, 2);
