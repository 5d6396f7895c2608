-- undo: ~ copies of check v_pos on t validated in: t2, t2a -> t1, t2, t2a
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
ALTER TABLE public.t DROP CONSTRAINT v_pos;
ALTER TABLE public.t ADD CONSTRAINT v_pos CHECK (v > 0) NOT VALID;
COMMENT ON CONSTRAINT v_pos ON public.t IS 'positive';
ALTER TABLE public.t2 VALIDATE CONSTRAINT v_pos;
ALTER TABLE public.t2a VALIDATE CONSTRAINT v_pos;

-- undo: + check "A positive" on w
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.w DROP CONSTRAINT "A positive";

-- undo: - check u_v on u
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.u ADD CONSTRAINT u_v CHECK (v <> 0) NOT VALID;

-- undo: ~ copies of check u_v on u validated in u1: taken along by the next step (validated again on the way back)
-- hazard: can fail on existing rows
ALTER TABLE public.u1 VALIDATE CONSTRAINT u_v;
