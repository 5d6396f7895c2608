DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE FUNCTION mode_state(integer[], boolean, text) RETURNS integer[] LANGUAGE sql IMMUTABLE AS 'SELECT $1';
CREATE FUNCTION mode_final(integer[], boolean, integer, text, boolean, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT true';
CREATE AGGREGATE ordered_mode(boolean, integer, text ORDER BY boolean, text) (SFUNC = mode_state, STYPE = integer[], FINALFUNC = mode_final, FINALFUNC_EXTRA, INITCOND = '{0,0}');
REVOKE ALL ON FUNCTION ordered_mode(boolean, integer, text, boolean, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ordered_mode(boolean, integer, text, boolean, text) TO strata_golden_reader;
COMMENT ON AGGREGATE ordered_mode(boolean, integer, text ORDER BY boolean, text) IS 'ordered';
