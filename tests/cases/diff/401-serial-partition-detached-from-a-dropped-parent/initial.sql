-- Partitions of a table with a serial column hold its default, the
-- `nextval` of the parent's sequence, and keep it when detached. The
-- parent is dropped (with its sequence): the detached tables' defaults
-- must change first, whether to none (c, whose type changes as well, gets
-- a new default only after) or to a serial of their own (q).
CREATE TABLE p (k int, bar serial) PARTITION BY LIST (k);
CREATE TABLE c PARTITION OF p FOR VALUES IN (1);
CREATE TABLE q PARTITION OF p FOR VALUES IN (2);
INSERT INTO p (k) VALUES (1), (1), (2);
