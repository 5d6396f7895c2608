-- + table n
CREATE TABLE public.n (
    id integer NOT NULL,
    CONSTRAINT n_pk PRIMARY KEY (id)
) WITH (fillfactor = '50');
ALTER TABLE public.n REPLICA IDENTITY USING INDEX n_pk;

-- + table scratch
CREATE UNLOGGED TABLE public.scratch (
    v text
);

-- ~ table t: storage parameters (fillfactor=80, autovacuum_vacuum_scale_factor=0.1) -> (fillfactor=60, toast_tuple_target=256)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t RESET (fillfactor, autovacuum_vacuum_scale_factor), SET (fillfactor = '60', toast_tuple_target = '256');

-- ~ table t: unlogged
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t SET UNLOGGED;

-- ~ table t: replica identity default -> full
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t REPLICA IDENTITY FULL;

-- ~ table u: replica identity index u_id -> default
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.u REPLICA IDENTITY DEFAULT;
