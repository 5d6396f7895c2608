-- + policy no_neg on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE POLICY no_neg ON public.t AS RESTRICTIVE FOR INSERT TO PUBLIC WITH CHECK ((amount >= 0));
