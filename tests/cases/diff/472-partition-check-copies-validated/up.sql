-- ~ copies of check u_v on u validated in u1: taken along by the next step (validated again on the way back)

-- - check u_v on u
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.u DROP CONSTRAINT u_v;

-- + check "A positive" on w
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.w ADD CONSTRAINT "A positive" CHECK (a > 0) NOT VALID;

-- ~ copies of check v_pos on t validated in: t2, t2a -> t1, t2, t2a
-- hazard: can fail on existing rows
ALTER TABLE public.t1 VALIDATE CONSTRAINT v_pos;

-- ~ copies of check "A positive" on w validated in: none -> w_child
-- hazard: can fail on existing rows
ALTER TABLE public.w_child VALIDATE CONSTRAINT "A positive";
