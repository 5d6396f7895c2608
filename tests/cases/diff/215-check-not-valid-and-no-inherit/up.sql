-- + table n
CREATE TABLE public.n (
    id integer,
    CONSTRAINT n_id_check CHECK (id > 0) NO INHERIT
);
ALTER TABLE public.n ADD CONSTRAINT n_id_small CHECK (id < 10) NOT VALID;

-- ~ copies of check t_a_check on t validated in child: taken along by the next step (validated again on the way back)

-- ~ check t_a_check on t: validated
-- hazard: can fail on existing rows
-- lock: SHARE UPDATE EXCLUSIVE, held while every row is read
ALTER TABLE public.t VALIDATE CONSTRAINT t_a_check;

-- + check t_a_id_check on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ADD CONSTRAINT t_a_id_check CHECK (id < a) NOT VALID;

-- + check t_id_check on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.t ADD CONSTRAINT t_id_check CHECK (id <> 0) NO INHERIT;

-- ~ copies of check t_a_id_check on t validated in: none -> child
-- hazard: can fail on existing rows
ALTER TABLE public.child VALIDATE CONSTRAINT t_a_id_check;
