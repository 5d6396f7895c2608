-- - sequence t1_c1_seq
-- hazard: deletes data
DROP SEQUENCE public.t1_c1_seq;

-- + table t1
CREATE TABLE public.t1 (
    c1 serial NOT NULL,
    c2 text
);

-- - sequence t2_n_seq
-- hazard: deletes data
DROP SEQUENCE public.t2_n_seq;

-- + column t2.n integer not null
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t2 ADD COLUMN n serial NOT NULL;
