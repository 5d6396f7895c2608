-- undo: + grant to strata_golden_reader ON FUNCTION public.ordered_mode(boolean, integer, text, boolean, text)
REVOKE EXECUTE ON FUNCTION public.ordered_mode(boolean, integer, text, boolean, text) FROM strata_golden_reader;

-- undo: + grant to PUBLIC ON FUNCTION public.ordered_mode(boolean, integer, text, boolean, text) (default revoked)
GRANT EXECUTE ON FUNCTION public.ordered_mode(boolean, integer, text, boolean, text) TO PUBLIC;

-- undo: + aggregate ordered_mode(boolean, integer, text ORDER BY boolean, text)
DROP AGGREGATE public.ordered_mode(boolean, integer, text ORDER BY boolean, text);
