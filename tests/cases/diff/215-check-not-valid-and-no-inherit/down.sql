-- undo: + check t_id_check on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_id_check;

-- undo: + check t_a_id_check on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_a_id_check;

-- undo: ~ check t_a_check on t: validated
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP CONSTRAINT t_a_check;
ALTER TABLE public.t ADD CONSTRAINT t_a_check CHECK (a > 0) NOT VALID;

-- undo: ~ copies of check t_a_check on t validated in child: taken along by the next step (validated again on the way back)
-- hazard: can fail on existing rows
ALTER TABLE public.child VALIDATE CONSTRAINT t_a_check;

-- undo: + table n
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.n;
