-- + policy no_neg on t
CREATE POLICY no_neg ON public.t AS RESTRICTIVE FOR INSERT TO PUBLIC WITH CHECK ((amount >= 0));
