-- undo: ~ table u: replica identity index u_id -> default
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.u REPLICA IDENTITY USING INDEX u_id;

-- undo: ~ table t: replica identity default -> full
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t REPLICA IDENTITY DEFAULT;

-- undo: ~ table t: unlogged
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t SET LOGGED;

-- undo: ~ table t: storage parameters (fillfactor=80, autovacuum_vacuum_scale_factor=0.1) -> (fillfactor=60, toast_tuple_target=256)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t RESET (fillfactor, toast_tuple_target), SET (fillfactor = '80', autovacuum_vacuum_scale_factor = '0.1');

-- undo: + table scratch
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.scratch;

-- undo: + table n
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.n;
