-- + aggregate ordered_mode(boolean, integer, text ORDER BY boolean, text)
CREATE OR REPLACE AGGREGATE public.ordered_mode(boolean, integer, text ORDER BY boolean, text) (SFUNC = public.mode_state, STYPE = integer[], FINALFUNC = public.mode_final, FINALFUNC_EXTRA, INITCOND = '{0,0}');
COMMENT ON AGGREGATE public.ordered_mode(boolean, integer, text ORDER BY boolean, text) IS 'ordered';

-- + grant to PUBLIC ON FUNCTION public.ordered_mode(boolean, integer, text, boolean, text) (default revoked)
REVOKE EXECUTE ON FUNCTION public.ordered_mode(boolean, integer, text, boolean, text) FROM PUBLIC;

-- + grant to strata_golden_reader ON FUNCTION public.ordered_mode(boolean, integer, text, boolean, text)
GRANT EXECUTE ON FUNCTION public.ordered_mode(boolean, integer, text, boolean, text) TO strata_golden_reader;
