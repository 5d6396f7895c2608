-- A new table's and a new column's serial whose sequence name a
-- standalone sequence that goes holds: the sequence is dropped first, so
-- the serials' sequences get those names (not t_id_seq1).
CREATE SEQUENCE t1_c1_seq;
CREATE SEQUENCE t2_n_seq;
CREATE TABLE t2 (id int PRIMARY KEY);
