-- undo: + column t2.n integer not null
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t2 DROP COLUMN n;

-- undo: - sequence t2_n_seq
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE SEQUENCE public.t2_n_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- undo: + table t1
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.t1;

-- undo: - sequence t1_c1_seq
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE SEQUENCE public.t1_c1_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;
